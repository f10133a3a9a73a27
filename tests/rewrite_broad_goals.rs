//! A broad goal with no behaviour in it ("self-regulation", "tolerance to
//! activity", "do well this term") is shown by an exemplar written for it,
//! not handed back as "[which measure]" or "[observable action that shows:
//! ...]"; more of something counted is so many a week or, of food eaten in
//! portions, so many portions a day; a habit says how often as well as for how
//! long; a goal stated with its means ("by joining a club") is rebuilt on the
//! means, the goal kept as its purpose; and "make sure that" leaves no stray
//! "that" when the person is taken; and a stop stays a stop.

mod common;

use common::rewrite_reads as reads;

#[test]
fn a_broad_goal_is_shown_by_the_exemplar_written_for_it() {
    // A role noun for the plan's own person ("the pupil") and a verb of
    // showing say who and how, not what the goal is about.
    reads(
        "The pupil will display improved self-regulation in lessons",
        &["calming strategy"],
        &["[which measure]", "observable action"],
    );
    // A number in words in the time ("two weeks") is no goal word either.
    reads(
        "The resident will show improved activity tolerance within two weeks",
        &["without stopping to rest", "within two weeks"],
        &["[which measure]"],
    );
    // A goal that is only a comparative state ("healthier") is that exemplar's.
    // Its exemplar asks which healthy activity, not walking in place of health.
    reads(
        "To become healthier",
        &["[which healthy activity"],
        &["[which measure of health]"],
    );
    // The exemplar written for the whole goal ("Be healthier") goes before one
    // for a part of it ("Eat healthier"), whose act the writer did not name.
    reads(
        "Ravi hopes to be healthier next year",
        &["[which healthy activity"],
        &["portions of fruit"],
    );
    reads(
        "Mo will eat healthier",
        &["portions of fruit or vegetables"],
        &["[what healthier looks like]"],
    );
    // A general object ("an education") is what the exemplar written for the
    // goal names, as "try a new activity" is.
    reads(
        "Kerry would like to get an education",
        &["[which course]"],
        &["observable action"],
    );
    reads(
        "Aisha will try out a new activity",
        &["[which new activity]"],
        &["observable action"],
    );
    // Slimming is losing weight, reached by a date; a lie stopped is the
    // truth told.
    reads(
        "Jade wants to slim down",
        &["lose [how much] in weight", "by [by when]"],
        &["observable action", "for [how many weeks]", "the surgery"],
    );
    reads(
        "Kim will stop telling lies",
        &["tell the truth"],
        &["observable action"],
    );
}

#[test]
fn a_stop_is_kept_as_a_stop() {
    // "stop vaping" said of nowhere in particular is a state kept from a
    // start date, not vaping in fewer places.
    reads(
        "Leanne is going to stop vaping",
        &["vape-free"],
        &["only outside"],
    );
}

#[test]
fn an_outcome_nothing_shows_takes_an_exemplar_for_the_same_thing() {
    reads(
        "I want to do well at college this term",
        &["[which subjects]"],
        &["observable action"],
    );
    // A phrasal verb's particle is no shared goal: "slim down" is not
    // "keep food down".
    reads("Dev wants to slim down", &[], &["without being sick"]);
    // An exemplar's action that shows the outcome in other words keeps the
    // writer's outcome as its purpose, rather than asking for the behaviour.
    reads(
        "We want to grow our professional network",
        &[", to grow our professional network"],
        &["observable action"],
    );
    // So does a comparative on a general noun ("safer behaviours"), which
    // says neither what is done nor how much.
    reads(
        "To develop safer behaviours",
        &[", to develop safer behaviours"],
        &["observable action"],
    );
    // Only an exemplar written for every word it drops: "contacts" is not in
    // "Build a professional network", so the goal is not made its purpose.
    reads("I want to grow my network of contacts", &[], &[", to grow"]);
    // A verb of its own ("tolerate") names what the exemplar may not show:
    // no exemplar is put to it as a purpose.
    reads(
        "Resident will tolerate a soft diet",
        &[],
        &[", to tolerate"],
    );
}

#[test]
fn seeing_to_it_wraps_the_goal_it_names() {
    // "ensure" says who sees to it, not what the goal is: a home clean and
    // tidy is the goal of the exemplar for a tidy home.
    reads(
        "Gran will ensure the flat is clean and tidy",
        &["Gran will put the toys, clothes and dishes away"],
        &["observable action"],
    );
}

#[test]
fn more_of_a_thing_counted_is_so_many_a_week() {
    reads(
        "Amira will borrow more library books",
        &["at least [N] a week, up from [baseline]"],
        &["times a week"],
    );
    reads(
        "Ollie will eat more green vegetables",
        &["at least [N] portions a day"],
        &["times a week"],
    );
    // Less of an amount taken in is how much a day, not a bare number.
    reads(
        "Ola will drink less caffeine",
        &["no more than [how much] a day, down from [baseline]"],
        &["[N] a week"],
    );
    // Less of a thing not counted one by one is had on fewer days.
    reads(
        "Kim will eat less junk food",
        &["on no more than [N] days a week, down from [baseline]"],
        &["no more than [N] a week"],
    );
    // More of an activity done in sessions is how often and how long.
    reads(
        "Tom will swim more",
        &["at least [N] times a week for [how long] each time"],
        &[],
    );
}

#[test]
fn a_habit_says_how_often_as_well_as_for_how_long() {
    reads(
        "Practise the piano for a few minutes",
        &["[how often] for [how many weeks]"],
        &[],
    );
    // A rate the writer gave is not asked again.
    reads(
        "Practise the piano for a few minutes each day",
        &["each day"],
        &["[how often]"],
    );
}

#[test]
fn make_sure_that_leaves_no_stray_that() {
    reads(
        "Dad will make sure that Sami goes to nursery every day",
        &["Dad will take Sami to nursery"],
        &["take that"],
    );
}

#[test]
fn a_goal_stated_with_its_means_is_rebuilt_on_the_means() {
    reads(
        "Nadia wants to build her confidence by joining a drama club",
        &["Nadia will join a drama club by [by when], to build her confidence"],
        &["[which scale]", "[which measure]"],
    );
    // A goal that opened the sentence is mid-sentence in the purpose.
    reads(
        "Improve family life by eating together",
        &["eat together", ", to improve family life"],
        &["to Improve"],
    );
    // "by" after a participle names a cause, not a means.
    reads(
        "Reduce injuries caused by climbing on furniture",
        &["injuries caused by climbing"],
        &["will climb"],
    );
    // A means that is itself as vague as the goal gains nothing: the goal's own
    // repair stays first.
    reads("Build muscle by training harder", &["build muscle"], &[]);
}

#[test]
fn a_skill_named_before_skills_is_the_goal() {
    // "reading skills" names reading, which the reading exemplar shows.
    reads(
        "Maya will improve her reading skills",
        &["Maya will read aloud [N] words correctly in one minute from a passage at her level"],
        &["[which measure]"],
    );
    // "skills" alone names no skill: no exemplar's skill is put in its place.
    reads(
        "Sam will improve his skills",
        &["his skills"],
        &["read aloud"],
    );
}

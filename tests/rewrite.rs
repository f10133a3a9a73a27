//! The rewriter on real text: the guidance's seed examples, the dev statements
//! the sources call not SMART (>= 95% of rewrites pass `check` with placeholders
//! filled, and none invents a number, date or name), the exemplar bank as data
//! whose entries are tests, and the model-free fallback.

use smarten::rewrite::exemplars::ExemplarBank;
use smarten::rewrite::facts::invented_facts;
use smarten::rewrite::{Rewrite, Rewriter};
mod common;

use common::{checker, dev_rows, encoder, rewrite};
use smarten::{Criterion, Objective, Verdict};

fn rewriter() -> Rewriter<'static> {
    Rewriter::new(checker(), Some(encoder()))
}

fn labels(r: &Rewrite) -> Vec<&str> {
    r.placeholders.iter().map(|p| p.label.as_str()).collect()
}

/// The objective came back as written (it was judged SMART, or nothing was kept).
fn came_back_unchanged(r: &Rewrite) -> bool {
    r.rewrite == r.text
}

fn passes(r: &Rewrite) -> bool {
    r.after.failing().is_empty()
}

#[test]
fn stop_disrupting_becomes_a_positive_behaviour_with_when_and_how_measured() {
    let r = rewrite("John will stop disrupting the class");
    assert!(passes(&r), "{r:#?}");
    assert!(r.rewrite.starts_with("John will "), "{}", r.rewrite);
    let lower = r.rewrite.to_lowercase();
    for stop in ["stop", "not ", "no longer", "refrain"] {
        assert!(
            !lower.contains(stop),
            "still a behaviour to stop: {}",
            r.rewrite
        );
    }
    assert!(labels(&r).contains(&"by when"), "{:?}", labels(&r));
    // M is repaired by the behaviour's count ("in [N of M] lessons"); a method
    // slot is added only when the letter still fails without it.
    assert_eq!(r.before.get(Criterion::M).verdict, smarten::Verdict::Fail);
    assert!(
        labels(&r).contains(&"N of M") || labels(&r).contains(&"how measured"),
        "{:?}",
        labels(&r)
    );
    // The replacement behaviour comes from the exemplar bank and is marked as such.
    assert!(!r.suggested.is_empty(), "{r:#?}");
    assert!(r
        .changes
        .iter()
        .any(|c| c.criterion == Criterion::S && c.what.contains("behaviour to see")));
}

#[test]
fn a_general_state_is_rewritten_without_the_subject_acting_on_itself() {
    for text in ["Children to be safe", "The children will be safe at home"] {
        let r = rewrite(text);
        assert!(passes(&r), "{r:#?}");
        let action = r.rewrite.to_lowercase();
        let after_subject = action
            .split_once(" will ")
            .map_or(action.as_str(), |(_, rest)| rest);
        assert!(
            !after_subject.contains("children"),
            "the children act on themselves: {}",
            r.rewrite
        );
        assert!(!after_subject.starts_with("be safe"), "{}", r.rewrite);
    }
}

#[test]
fn mum_to_engage_with_services_ongoing_names_a_person_an_action_and_by_when() {
    let r = rewrite("Mum to engage with services ongoing");
    assert!(passes(&r), "{r:#?}");
    assert!(r.rewrite.starts_with("Mum will "), "{}", r.rewrite);
    assert!(!r.rewrite.contains("ongoing"), "{}", r.rewrite);
    assert!(!r.rewrite.contains("engage"), "{}", r.rewrite);
    assert!(labels(&r).contains(&"by when"), "{:?}", labels(&r));
    assert!(r
        .changes
        .iter()
        .any(|c| c.criterion == Criterion::T && c.what.contains("ongoing")));
}

#[test]
fn to_understand_the_importance_of_school_attendance_becomes_an_observable_action() {
    let r = rewrite("to understand the importance of school attendance");
    assert!(passes(&r), "{r:#?}");
    assert!(!r.rewrite.contains("understand"), "{}", r.rewrite);
    assert!(r.rewrite.contains("attend school"), "{}", r.rewrite);
    assert!(labels(&r).contains(&"who"), "{:?}", labels(&r));
}

#[test]
fn an_agency_owner_becomes_a_named_person_placeholder() {
    let r = rewrite("Children's Services will arrange a family group conference by 1 March 2027");
    assert!(
        labels(&r)
            .iter()
            .any(|l| l.starts_with("named person at") && l.contains("Children's Services")),
        "{r:#?}"
    );
    assert!(r.rewrite.contains("1 March 2027"), "{}", r.rewrite);
}

#[test]
fn by_review_becomes_how_measured_with_recognised_methods() {
    let r = rewrite(
        "Dad will attend the parenting course every Tuesday for 6 weeks, measured by review",
    );
    let how = r
        .placeholders
        .iter()
        .find(|p| p.label == "how measured")
        .unwrap_or_else(|| panic!("{r:#?}"));
    assert!(!how.options.is_empty());
    assert!(!r.rewrite.contains("review"), "{}", r.rewrite);
    assert!(
        r.rewrite.contains("every Tuesday for 6 weeks"),
        "{}",
        r.rewrite
    );
}

#[test]
fn an_objective_that_is_already_smart_comes_back_unchanged() {
    let text = "Mum will walk Amy to school by 8.45am every school day for the next 6 weeks, recorded in the school register";
    let r = rewrite(text);
    assert_eq!(r.rewrite, text);
    assert!(r.changes.is_empty());
    assert!(r.alternatives.is_empty());
    assert_eq!(r.model, "minilm");
}

#[test]
fn with_a_concern_the_rewrite_addresses_it() {
    let r = rewriter().rewrite(
        &Objective::new("Dad will paint the fence")
            .with_concern(Some("Jack's attendance at school is 60%".into())),
    );
    assert_eq!(r.before.r.verdict, Verdict::Fail, "{r:#?}");
    assert_ne!(r.after.r.verdict, Verdict::Fail, "{r:#?}");
}

#[test]
fn without_the_model_rewrites_still_come_from_templates_ranked_by_overlap() {
    let lexical = Rewriter::new(checker(), None);
    let r = lexical.rewrite(&Objective::new("Mum to engage with services ongoing"));
    assert_eq!(r.model, "unavailable");
    assert!(passes(&r), "{r:#?}");
    assert!(labels(&r).contains(&"by when"));
}

fn dev_not_smart() -> Vec<String> {
    dev_rows()
        .into_iter()
        .filter(|v| v["label_smart"] == serde_json::Value::Bool(false))
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn dev_statements_labelled_not_smart_are_rewritten_to_pass_without_inventing_facts() {
    let statements = dev_not_smart();
    assert!(statements.len() >= 40, "{} statements", statements.len());
    let rewriter = rewriter();
    let mut passing = 0;
    for text in &statements {
        let r = rewriter.rewrite(&Objective::new(text.as_str()));
        if passes(&r) {
            passing += 1;
        }
        // The golden rule, checked on the final text with its own spans.
        let rendered = smarten::rewrite::draft::Rendered {
            text: r.rewrite.clone(),
            placeholders: r.placeholders.clone(),
            suggested: r.suggested.clone(),
        };
        let invented = invented_facts(text, None, &rendered);
        assert!(
            invented.is_empty(),
            "'{text}' -> '{}' invents {invented:?}",
            r.rewrite
        );
        for alt in &r.alternatives {
            let rendered = smarten::rewrite::draft::Rendered {
                text: alt.rewrite.clone(),
                placeholders: alt.placeholders.clone(),
                suggested: alt.suggested.clone(),
            };
            assert!(
                invented_facts(text, None, &rendered).is_empty(),
                "{}",
                alt.rewrite
            );
        }
    }
    let share = passing as f64 / statements.len() as f64;
    assert!(
        share >= 0.95,
        "{passing} of {} rewrites pass",
        statements.len()
    );
}

#[test]
fn the_exemplar_bank_covers_every_domain_with_at_least_150_pairs() {
    let bank = ExemplarBank::bundled();
    assert!(bank.exemplars.len() >= 150, "{}", bank.exemplars.len());
    for domain in bank.domains.keys() {
        let n = bank
            .exemplars
            .iter()
            .filter(|e| &e.domain == domain)
            .count();
        assert!(n >= 10, "domain {domain} has {n} exemplars");
    }
    for key in [
        "classroom",
        "attendance",
        "home",
        "parenting",
        "health",
        "substance",
        "wellbeing",
        "send",
        "adult",
        "nursing",
    ] {
        assert!(bank.domains.contains_key(key), "missing domain {key}");
    }
}

#[test]
fn every_exemplar_is_vague_before_and_smart_after() {
    let bank = ExemplarBank::bundled();
    let rewriter = rewriter();
    let fills = rewriter.fills();
    let mut problems = Vec::new();
    for e in &bank.exemplars {
        if checker().check_text(&e.vague).smart {
            problems.push(format!("vague side passes check: '{}'", e.vague));
        }
        // The action in a full objective, placeholders and pronouns filled.
        let action = smarten::rewrite::draft::Pronouns::They.apply(&e.action);
        let pieces = smarten::rewrite::draft::template(&format!(
            "[who] will {action} by [by when], measured by [how measured]"
        ));
        let filled = fills.fill(&smarten::rewrite::draft::render(&pieces));
        let j = checker().check_text(&filled);
        for c in [Criterion::S, Criterion::M, Criterion::A, Criterion::T] {
            if j.criteria.get(c).verdict == Verdict::Fail {
                problems.push(format!(
                    "'{}' fails {c}: {:?}",
                    filled,
                    j.criteria.get(c).reasons
                ));
            }
        }
        if e.action.contains(|c: char| c.is_ascii_digit()) {
            problems.push(format!(
                "action states a number instead of a placeholder: '{}'",
                e.action
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn best_only_chooses_the_same_rewrite_as_ranking_every_candidate() {
    // As `audit` runs it: no model, one exemplar, best only; and with the
    // re-check in memoised pieces, which may differ only where a seam tags differently.
    let full = Rewriter::new(checker(), None).with_nearest(1);
    let best = Rewriter::new(checker(), None).with_nearest(1).best_only();
    let bulk = Rewriter::new(checker(), None)
        .with_nearest(1)
        .best_only()
        .recheck_in_pieces();
    let statements = dev_not_smart();
    let mut same_in_pieces = 0;
    for text in &statements {
        let o = Objective::new(text.as_str());
        let f = full.rewrite(&o);
        let b = best.rewrite(&o);
        assert_eq!(f.rewrite, b.rewrite, "{text}");
        assert_eq!(f.after, b.after, "{text}");
        assert!(b.alternatives.is_empty(), "{text}: {:?}", b.alternatives);
        same_in_pieces += usize::from(bulk.rewrite(&o).rewrite == f.rewrite);
    }
    let share = same_in_pieces as f64 / statements.len() as f64;
    assert!(share >= 0.95, "re-checked in pieces, {share:.3} the same");
}

#[test]
fn a_feeling_is_rated_by_the_person_and_keeps_its_negation() {
    for (text, kept) in [
        (
            "Tyler will feel safer at home",
            "report feeling safer at home",
        ),
        ("Be less frustrated", "report feeling less frustrated"),
        ("I just want to feel calmer", "I will report feeling calmer"),
    ] {
        let r = rewrite(text);
        assert!(passes(&r), "{r:#?}");
        assert!(r.rewrite.contains(kept), "{}", r.rewrite);
        assert!(labels(&r).contains(&"which scale"), "{:?}", labels(&r));
    }
    // A feeling that should not happen is counted down, never turned round.
    let r = rewrite("Never feel lonely");
    assert!(
        r.rewrite
            .contains("feeling lonely on no more than [N] days a week"),
        "{}",
        r.rewrite
    );
    // ... as is one to stop feeling: "stop being", "stop feeling".
    for text in [
        "Mia will stop feeling anxious",
        "Jo wants to stop being so lonely",
    ] {
        let r = rewrite(text);
        assert!(
            r.rewrite.contains("on no more than [N] days a week"),
            "{text}: {}",
            r.rewrite
        );
        assert!(!r.rewrite.contains("observable action"), "{}", r.rewrite);
    }
    // "I'm never going to ...": the negation between "be" and "going to" is the
    // goal's, and stays with it: the behaviour to see is asked for in its place.
    let r = rewrite("I'm never going to lose my temper");
    assert!(
        r.rewrite.contains("instead of: lose my temper]"),
        "{}",
        r.rewrite
    );
    assert!(!r.rewrite.contains("going to"), "{}", r.rewrite);
    // A hedge is not kept once "should" becomes "will".
    let r = rewrite("Dad should probably spend more time with the children.");
    assert!(
        r.rewrite.starts_with("Dad will spend more time"),
        "{}",
        r.rewrite
    );
    // "Better at maths" is a skill, not a feeling.
    let r = rewrite("Ella will be better at maths");
    assert!(!r.rewrite.contains("feeling"), "{}", r.rewrite);
}

#[test]
fn a_level_brought_down_is_given_a_baseline_and_a_measure_not_a_weekly_count() {
    // (The open measure offers an example of what blood pressure is read on.)
    let r = rewrite("Dad will reduce his blood pressure");
    assert!(
        r.rewrite.contains(
            "from [baseline] to [target] on [which measure, such as clinic blood pressure readings]"
        ),
        "{}",
        r.rewrite
    );
    assert!(!r.rewrite.contains("a week"), "{}", r.rewrite);
    // A feeling is rated on a scale (tests/rewrite_changes.rs has the rest).
    let r = rewrite("Dad will reduce his anxiety");
    assert!(
        r.rewrite
            .contains("from [baseline] to [target] on [which scale]"),
        "{}",
        r.rewrite
    );
    assert!(!r.rewrite.contains("a week"), "{}", r.rewrite);
    // Incidents are counted a week.
    let r = rewrite("Dad will reduce the number of arguments at home");
    assert!(r.rewrite.contains("a week"), "{}", r.rewrite);
}

#[test]
fn a_skill_is_marked_correct_on_occasions_not_done_so_often() {
    for text in [
        "Priya will answer questions",
        "Leo will learn to add and subtract fractions",
    ] {
        let r = rewrite(text);
        assert!(
            r.rewrite.contains("correctly on [N of M] occasions"),
            "{}",
            r.rewrite
        );
        assert!(!labels(&r).contains(&"how often"), "{:?}", labels(&r));
    }
}

#[test]
fn a_wish_for_someone_else_makes_them_the_one_who_acts() {
    for (text, starts) in [
        ("I want him to listen to his teacher more", "He will "),
        (
            "I would like our daughter to read more at home",
            "Our daughter will ",
        ),
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.starts_with(starts), "{text} -> {}", r.rewrite);
        assert!(!r.rewrite.contains(" to to "), "{}", r.rewrite);
    }
}

#[test]
fn a_time_carried_to_the_end_keeps_its_preposition() {
    let r = rewrite("Mum will gain more confidence by 1 June");
    assert!(r.rewrite.contains("by 1 June"), "{}", r.rewrite);
}

#[test]
fn a_comparative_goal_left_to_the_team_is_counted_in_occasions_from_a_baseline() {
    for text in [
        "Ellie will be a better friend",
        "I want my son to behave better at home",
    ] {
        let r = rewrite(text);
        assert!(
            r.rewrite.contains("[observable action that shows:"),
            "{}",
            r.rewrite
        );
        assert!(
            r.rewrite
                .contains("on [N of M] occasions, up from [baseline]"),
            "{}",
            r.rewrite
        );
    }
    // A goal without a comparative gets no baseline it never asked for.
    let r = rewrite("To understand the importance of school");
    assert!(!r.rewrite.contains("[baseline]"), "{}", r.rewrite);
}

#[test]
fn a_one_off_act_over_a_bare_plural_asks_how_many() {
    for (text, counted) in [
        (
            "Recruit volunteer mentors for the youth club",
            "recruit [N] volunteer mentors",
        ),
        ("Ben will make friends", "make [N] friends"),
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains(counted), "{text} -> {}", r.rewrite);
        assert!(!labels(&r).contains(&"how often"), "{:?}", labels(&r));
    }
    // One thing is done, not counted.
    let r = rewrite("Mum will complete the parenting course");
    assert!(!labels(&r).contains(&"N"), "{}", r.rewrite);
}

#[test]
fn a_time_of_day_comparative_asks_for_the_time_to_reach() {
    let r = rewrite("Sam will go to bed earlier");
    assert!(r.rewrite.contains("by [what time]"), "{}", r.rewrite);
    assert!(!labels(&r).contains(&"how often"), "{:?}", labels(&r));
}

#[test]
fn a_measured_level_compared_with_nothing_is_read_on_a_measure() {
    for (text, kept) in [
        ("Mr Okafor will have lower cholesterol", "lower cholesterol"),
        ("Healthier weight", "healthier weight"),
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains(kept), "{text} -> {}", r.rewrite);
        assert!(
            r.rewrite.contains("[target] on [which measure]"),
            "{}",
            r.rewrite
        );
        assert!(!r.rewrite.contains("observable action"), "{}", r.rewrite);
    }
}

#[test]
fn an_adverb_before_a_leading_verb_keeps_the_goal() {
    let r = rewrite("Just be confident");
    assert!(
        r.rewrite.contains("report feeling confident"),
        "{}",
        r.rewrite
    );
}

#[test]
fn more_money_or_time_is_counted_by_the_week() {
    let r = rewrite("Dad will put by more money for the gas bill");
    assert!(r.rewrite.contains("[how much] a week"), "{}", r.rewrite);
    let r = rewrite("Mum will spend more time reading with Sam");
    assert!(r.rewrite.contains("[how long] a week"), "{}", r.rewrite);
}

#[test]
fn a_habit_or_a_behaviour_to_stop_left_to_the_team_asks_how_often() {
    for text in [
        "Mum to be a better role model",
        "Kai will not kick the furniture",
    ] {
        let r = rewrite(text);
        assert!(
            r.rewrite.contains("] on [N of M] occasions"),
            "{}",
            r.rewrite
        );
    }
    // A status reached is done once, by a date.
    let r = rewrite("Jo will become a qualified plumber");
    assert!(!r.rewrite.contains("occasions"), "{}", r.rewrite);
}

#[test]
fn a_skill_improved_is_read_on_a_named_measure_unless_it_is_a_scale() {
    // The spelling exemplar may come first; the writer's words are still read
    // on a named measure, with an example of one for spelling.
    let r = rewrite("Maya will improve her spelling");
    assert!(
        common::offered(&r).iter().any(|t| t.contains(
            "improve her spelling from [baseline] to [target] on [which measure, such as the weekly spelling test]"
        )),
        "{:?}",
        common::offered(&r)
    );
    // An outcome with no example keeps the open measure.
    let r = rewrite("Maya will improve her attitude");
    assert!(
        common::offered(&r)
            .iter()
            .any(|t| t.contains("on [which measure] by")),
        "{:?}",
        common::offered(&r)
    );
    let r = rewrite("Maya will improve her reading age");
    assert!(!r.rewrite.contains("[which measure"), "{}", r.rewrite);
}

#[test]
fn feelings_to_control_get_a_strategy_to_count_not_a_frequency() {
    for text in [
        "Jade will control her temper",
        "Kian will regulate his emotions",
        "get control over my anger",
    ] {
        let r = rewrite(text);
        assert!(passes(&r), "{r:#?}");
        assert!(r.rewrite.contains("calming strategy"), "{}", r.rewrite);
        assert!(!labels(&r).contains(&"how often"), "{}", r.rewrite);
    }
}

#[test]
fn a_short_verb_to_stop_finds_its_exemplar_in_another_form() {
    // "hit" and the exemplar's "hitting" are one word.
    let r = rewrite("Leo will not hit his classmates");
    assert!(passes(&r), "{r:#?}");
    assert!(!r.suggested.is_empty(), "{}", r.rewrite);
    assert!(!r.rewrite.contains("not hit"), "{}", r.rewrite);
}

#[test]
fn the_writers_words_are_rebuilt_not_pasted() {
    // A split contraction is written out; the goal is not quoted with its "I".
    let r = rewrite("I won't buy fizzy drinks.");
    assert!(!r.rewrite.contains("n't"), "{}", r.rewrite);
    assert!(
        !r.rewrite.contains("[observable action that shows: i "),
        "{}",
        r.rewrite
    );
    // The writer's own wish goes; "less" keeps its direction.
    let r = rewrite("I want to argue less");
    assert!(r.rewrite.starts_with("I will argue less"), "{}", r.rewrite);
    assert!(r.rewrite.contains("down from [baseline]"), "{}", r.rewrite);
    // A manner between the modal and the verb is part of the goal.
    let r = rewrite("Mum will calmly put the children to bed");
    assert!(!came_back_unchanged(&r), "{r:#?}");
    assert!(r.rewrite.contains("calmly put"), "{}", r.rewrite);
    // "My goal is to ...": the writer acts.
    let r = rewrite("My goal is to cycle to college");
    assert!(
        r.rewrite.starts_with("I will cycle to college"),
        "{}",
        r.rewrite
    );
}

#[test]
fn a_repair_keeps_a_purpose_clause_after_its_slots_and_manages_what_is_managed() {
    // The slots follow the object, not the purpose clause after it.
    let r = rewrite("Mum will improve her parenting skills to keep the children safe");
    assert!(
        r.rewrite
            .contains("parenting skills] when [which situation] on [N of M] occasions"),
        "{}",
        r.rewrite
    );
    assert!(
        r.rewrite.contains("to keep the children safe"),
        "{}",
        r.rewrite
    );
    // Steps to manage something keep the managing, and a trailing "well" goes.
    let r = rewrite("We will manage the family budget well");
    assert!(
        r.rewrite.contains("steps to manage the family budget"),
        "{}",
        r.rewrite
    );
    assert!(!r.rewrite.contains("budget well"), "{}", r.rewrite);
}

#[test]
fn gerunds_joined_by_and_both_take_the_base_form() {
    for (text, joined) in [
        (
            "Mum will be cooking at home and saving money",
            "and save money",
        ),
        (
            "Sam will be reading and writing his name",
            "read and write his name",
        ),
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains(joined), "{}", r.rewrite);
    }
}

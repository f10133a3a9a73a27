//! A reduction or an increase asks for its size in what the thing changed is
//! read in: time by how long a day, money by how much a week (also after a
//! verb of money with no noun: "save more", "I'm spending less"), an amount
//! taken in by how much a day, a count by so many a week, a feeling on a scale, a
//! level with a scale of its own ("reading age") by its target, and any other
//! level ("stamina", "participation") on a measure the team names, never a
//! bare "from [baseline] to [target]" that nobody could read off.

mod common;

use common::rewrite;

/// Rewrites `text` and asserts its rewrite holds `slot` and not `absent`.
fn asks_for(text: &str, slot: &str, absent: &str) {
    common::rewrite_reads(text, &[slot], &[absent]);
}

#[test]
fn time_is_cut_or_raised_by_how_long_a_day() {
    asks_for(
        "Kai will reduce his time on the tablet",
        "to [how long] a day, down from [baseline]",
        "[which measure]",
    );
    // A verbless aim made the change its comparative names.
    asks_for(
        "less time on the phone",
        "reduce time on the phone to [how long] a day",
        "[which measure]",
    );
    // "the amount of": what the amount is of says how it is read.
    asks_for(
        "Tom will reduce the amount of time he spends gaming",
        "to [how long] a day",
        "a week",
    );
}

#[test]
fn money_is_counted_by_the_week_and_an_amount_taken_in_by_the_day() {
    asks_for(
        "Mum will reduce her spending on takeaways",
        "to [how much] a week, down from [baseline]",
        "[which measure]",
    );
    asks_for(
        "Jo will increase her fluid intake",
        "to [how much] a day, up from [baseline]",
        "[which measure]",
    );
    asks_for(
        "Priya will lower her sugar intake",
        "to [how much] a day, down from [baseline]",
        "[which measure]",
    );
    // A verb of money needs no money noun after it, and a progressive
    // ("I'm spending less") acts with its -ing verb.
    asks_for(
        "Gran will save more for the gas bill",
        "at least [how much] a week, up from [baseline]",
        "times a week",
    );
    asks_for(
        "Dad is spending less on takeaways",
        "no more than [how much] a week, down from [baseline]",
        "days a week",
    );
}

#[test]
fn a_count_is_so_many_a_week_and_a_scale_of_its_own_needs_no_measure_named() {
    // The count is the noun phrase's own: "takeaways", "the number of ...".
    asks_for(
        "Dad will reduce the number of takeaways",
        "to [target] a week, down from [baseline]",
        "[which measure]",
    );
    // A reading age, a percentage or a level is read on its own scale.
    for text in [
        "Ava will raise her reading age",
        "Mo will lower his body fat percentage",
    ] {
        asks_for(text, "from [baseline] to [target]", "[which measure]");
    }
    // A plural inside a qualifier is not the count: the prevalence is a rate.
    let r = rewrite("Reduce the prevalence of headaches among staff");
    assert!(!r.rewrite.contains("a week, down from"), "{}", r.rewrite);
}

#[test]
fn a_feeling_is_rated_on_a_scale_and_other_levels_on_a_named_measure() {
    asks_for(
        "Leo will reduce his worry about school",
        "from [baseline] to [target] on [which scale]",
        "[which measure]",
    );
    // Stamina or participation has no unit of its own: the team names the
    // measure (offered an example of one), or the figures could not be read.
    for text in [
        "Sam will increase his stamina",
        "Ben will increase his participation in group work",
    ] {
        asks_for(
            text,
            "from [baseline] to [target] on [which measure",
            "[which scale]",
        );
    }
}

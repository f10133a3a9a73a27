//! The rewriter's tails on real patterns: a repeated action asks for a period
//! beside its frequency, a felt state compared is rated on a scale, an outcome
//! reached once is given a date, and a leading verb the tagger read as a name is
//! written as a verb.

mod common;

use common::rewrite;

#[test]
fn a_repeated_action_asks_for_a_period_beside_its_frequency() {
    // The period sits with the frequency, not after the later clause, where it
    // would read as that clause's deadline.
    let r = rewrite("Nurse to monitor Lily's temperature and tell the doctor about any change");
    assert!(
        r.rewrite
            .contains("[how often] for [how many weeks] and record each result"),
        "{}",
        r.rewrite
    );
    assert!(!r.rewrite.contains("by [by when]"), "{}", r.rewrite);
}

#[test]
fn a_felt_state_compared_is_rated_on_a_scale_not_counted() {
    for text in [
        "Dad will report less worry",
        "Mum will report reduced stress",
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains("on [which scale]"), "{}", r.rewrite);
        assert!(!r.rewrite.contains("a week, down from"), "{}", r.rewrite);
    }
    // A thing compared before its noun is counted, not "shown by" an adjective.
    let r = rewrite("I will eat fewer ready-made meals");
    assert!(r.rewrite.contains("no more than [N]"), "{}", r.rewrite);
}

#[test]
fn an_outcome_reached_once_is_given_a_date_not_a_frequency() {
    for text in [
        "I want to pay off my credit card",
        "I want to go back to college",
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains("by [by when]"), "{}", r.rewrite);
        assert!(!r.rewrite.contains("[how often]"), "{}", r.rewrite);
    }
}

#[test]
fn a_leading_verb_read_as_a_name_is_written_as_a_verb() {
    let r = rewrite("Teach parents about safe sleep.");
    assert!(
        r.rewrite.starts_with("[who] will teach parents"),
        "{}",
        r.rewrite
    );
}

#[test]
fn an_outcome_reached_by_an_amount_asks_how_much() {
    for (text, expected) in [
        ("Nan wants to lose weight", "lose [how much] weight"),
        (
            "Grandad should save for a new boiler",
            "save [how much] for a new boiler",
        ),
    ] {
        let r = rewrite(text);
        assert!(r.rewrite.contains(expected), "{}", r.rewrite);
    }
    // An amount given is kept, and none is asked for.
    let r = rewrite("I want to lose 10 pounds");
    assert!(!r.rewrite.contains("[how much]"), "{}", r.rewrite);
}

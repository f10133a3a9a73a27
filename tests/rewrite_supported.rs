//! An outcome the named person cannot guarantee for someone else ("ensure Tom
//! attends school", "encourage the patient to eat more") is rewritten as what
//! that person does, in the writer's person's support: the other person's act
//! made measurable, and never "[observable action that shows: ensure ...]".

mod common;

use common::rewrite_reads as reads;

#[test]
fn an_act_someone_is_urged_to_do_is_supported_and_measured() {
    // The patient's eating, sized as intake, which the nurse supports.
    reads(
        "Encourage the patient to eat more.",
        &[
            "support the patient to eat more",
            "at least [how much] a day",
        ],
        &["observable action", "times a week", "encourage"],
    );
    // The carers' verb goes; Sam's water is sized as an amount.
    reads(
        "Carers will encourage Sam to drink more water",
        &["Carers will support Sam to drink more water", "[how much]"],
        &["observable action"],
    );
    // A feeling helped is rated by the person who feels it.
    reads(
        "help client feel better",
        &["help client to report feeling better", "[which scale]"],
        &["observable action"],
    );
}

#[test]
fn a_school_run_ensured_is_the_parent_taking_the_child() {
    // "attends", a finite verb the chunker reads into Tom's noun phrase,
    // still ends the person: Mum cannot answer for Tom, so she takes him.
    reads(
        "Mum to ensure Tom attends school",
        &["Mum will take Tom to school"],
        &["observable action", "ensure"],
    );
}

#[test]
fn a_goal_with_no_person_after_the_verb_is_not_split() {
    // "ensure adequate nutrition" names no one else: nothing is supported.
    let r = common::rewrite("ensure adequate nutrition");
    assert!(!r.rewrite.contains("support"), "{}", r.rewrite);
}

//! Several actions bundled into one objective are rewritten as one objective
//! per action, each with the writer's person and the deadline the writer set
//! them all (guidance: each action needs its own step, owner and date), where
//! they used to come back with no rewrite at all.

mod common;

use common::rewrite_reads as reads;

#[test]
fn each_bundled_action_becomes_an_objective_of_its_own() {
    // The deadline after the last action is every action's.
    reads(
        "Dad will find a job, pay off his debts and move to a new flat by June",
        &[
            "Dad will find a job by June.",
            "Dad will pay off his debts by June.",
            "Dad will move to a new flat by June.",
        ],
        &["find a job, pay off"],
    );
    // Each is rewritten in turn: a vague one gets the slots it lacks, one
    // already SMART is kept as written.
    reads(
        "Mum will clean the house, attend the parenting group, stop drinking and take the children to school every day",
        &[
            "Mum will clean the house [how often]",
            "Mum will attend the parenting group [how often]",
            "Mum will take the children to school every day.",
        ],
        &["house, attend"],
    );
}

#[test]
fn steps_of_one_action_and_a_single_action_are_not_split() {
    // Two verbs sharing one object are one step: nothing is bundled.
    reads(
        "Mum will arrange and attend a dental check-up for Leo",
        &["arrange and attend a dental check-up"],
        &["Mum will arrange a dental"],
    );
}

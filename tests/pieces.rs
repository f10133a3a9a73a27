//! Audit rows are judged as memoised pieces (the action, the "by when" cell,
//! the measure cell), each tagged once and joined, instead of tagging every
//! composed row whole. This measures, on the dev statements crossed with real
//! cell values, how often that changes a judgment, and keeps it rare.

mod common;

use common::{checker, dev_rows};
use smarten::audit::compose_pieces;
use smarten::Objective;

fn dev_statements() -> Vec<String> {
    dev_rows()
        .into_iter()
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

fn rule_ids(j: &smarten::Judgment) -> Vec<smarten::core::rules::RuleId> {
    let mut ids: Vec<_> = j.findings.iter().map(|f| f.rule).collect();
    ids.sort();
    ids
}

#[test]
fn judging_a_row_in_pieces_agrees_with_judging_it_whole() {
    let whos = ["Mum", "Children's Services", "the social worker", ""];
    let whens = [
        "ongoing",
        "by 31 March 2026",
        "weekly for 6 weeks",
        "every Monday",
        "",
    ];
    let measures = [
        "by review",
        "attendance register",
        "self-report on a 1 to 10 scale",
        "",
    ];
    let checker = checker();
    let (mut rows, mut same_verdict, mut same_rules, mut split) = (0, 0, 0, 0);
    let mut differences = Vec::new();
    for (i, what) in dev_statements().iter().enumerate() {
        // Every statement with a few combinations of the other cells.
        for k in 0..4 {
            let (who, when, measure) = (
                whos[(i + k) % whos.len()],
                whens[(i + 2 * k) % whens.len()],
                measures[(i + 3 * k) % measures.len()],
            );
            let (text, cuts) = compose_pieces(who, what, when, measure);
            let objective = Objective::new(text.as_str());
            let whole = checker.analyse(&objective).judgment;
            let pieces = checker.analyse_pieces(&objective, &cuts).judgment;
            rows += 1;
            split += usize::from(!cuts.is_empty());
            same_verdict += usize::from(whole.smart == pieces.smart);
            if rule_ids(&whole) == rule_ids(&pieces) {
                same_rules += 1;
            } else {
                differences.push(format!(
                    "{text}\n    whole:  {:?}\n    pieces: {:?}",
                    rule_ids(&whole),
                    rule_ids(&pieces)
                ));
            }
        }
    }
    assert!(
        rows >= 300 && split >= rows / 2,
        "{rows} rows, {split} split"
    );
    let verdicts = same_verdict as f64 / rows as f64;
    let rules = same_rules as f64 / rows as f64;
    eprintln!(
        "{rows} rows ({split} in pieces): SMART verdict the same in {verdicts:.3}, \
         findings the same in {rules:.3}\n{}",
        differences.join("\n")
    );
    assert!(verdicts >= 0.99, "verdicts agree in only {verdicts:.3}");
    assert!(rules >= 0.95, "findings agree in only {rules:.3}");
}

#[test]
fn a_row_without_cuts_is_judged_exactly_as_whole() {
    let checker = checker();
    for text in [
        "Mum to engage with services ongoing",
        "Joyce will attend a 6 week parenting group delivered by the Avedon Team beginning on 1st July",
    ] {
        let o = Objective::new(text);
        assert_eq!(
            checker.analyse(&o).judgment,
            checker.analyse_pieces(&o, &[]).judgment
        );
    }
}

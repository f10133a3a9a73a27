//! Trains the combination layer (`core::calibration::Layer`): a logistic model,
//! L2-regularised and fitted by full-batch gradient descent from zero weights
//! (so the same rows always give the same weights), over which rules fired on
//! each statement, predicting the source's verdict "not SMART".

use super::LabelledRow;
use crate::core::calibration::Layer;
use crate::core::finding::{Judgment, RuleId};
use std::collections::BTreeMap;

/// Gradient steps and their size; L2 strength on the rule weights.
const STEPS: usize = 3000;
const RATE: f64 = 0.1;
const L2: f64 = 1.0;

/// Fits the layer on labelled rows and the judgments made of them.
pub fn train(rows: &[LabelledRow], judgments: &[Judgment], threshold: f64) -> Layer {
    let examples: Vec<(Vec<RuleId>, f64)> = rows
        .iter()
        .zip(judgments)
        .filter_map(|(r, j)| {
            let mut fired: Vec<RuleId> = j.findings.iter().map(|f| f.rule).collect();
            fired.sort();
            fired.dedup();
            r.smart.map(|smart| (fired, if smart { 0.0 } else { 1.0 }))
        })
        .collect();
    // Every rule gets a weight, 0 when it never fired on the rows, so a layer
    // file that lacks a rule is known to be older than the rule.
    let mut rules: Vec<RuleId> = crate::core::rules::all().iter().map(|r| r.id()).collect();
    rules.extend(examples.iter().flat_map(|(f, _)| f.clone()));
    rules.sort();
    rules.dedup();
    let index: BTreeMap<RuleId, usize> = rules.iter().enumerate().map(|(i, r)| (*r, i)).collect();
    let n = examples.len().max(1) as f64;
    let mut bias = 0.0;
    let mut w = vec![0.0; rules.len()];
    for _ in 0..STEPS {
        let mut g_bias = 0.0;
        let mut g = vec![0.0; w.len()];
        for (fired, y) in &examples {
            let z = bias + fired.iter().map(|r| w[index[r]]).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - y;
            g_bias += err;
            for r in fired {
                g[index[r]] += err;
            }
        }
        bias -= RATE * g_bias / n;
        for k in 0..w.len() {
            w[k] -= RATE * (g[k] + L2 * w[k]) / n;
        }
    }
    Layer {
        threshold,
        bias,
        weights: rules
            .iter()
            .map(|r| (r.as_str().to_string(), w[index[r]]))
            .collect(),
    }
}

/// The layer as its data file.
pub fn to_toml(layer: &Layer) -> String {
    let mut out = crate::core::calibration::LAYER_HEADER.to_string();
    out.push_str(&format!(
        "threshold = {}\nbias = {:.4}\n\n[weights]\n",
        layer.threshold, layer.bias
    ));
    for (rule, w) in &layer.weights {
        out.push_str(&format!("{rule} = {w:.4}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Criteria, Criterion, CriterionResult, Finding, Severity, Verdict};

    fn judged(rules: &[RuleId]) -> Judgment {
        let r = CriterionResult {
            verdict: Verdict::Pass,
            reasons: Vec::new(),
        };
        Judgment {
            text: String::new(),
            smart: true,
            criteria: Criteria {
                s: r.clone(),
                m: r.clone(),
                a: r.clone(),
                r: r.clone(),
                t: r,
            },
            findings: rules
                .iter()
                .map(|&rule| Finding {
                    rule,
                    criterion: Criterion::T,
                    start: 0,
                    end: 0,
                    severity: Severity::Warning,
                    message: String::new(),
                    suggestion: String::new(),
                    repair: None,
                })
                .collect(),
        }
    }

    #[test]
    fn a_rule_that_marks_vague_statements_gets_a_positive_weight() {
        let row = |smart: bool| {
            super::super::parse_row(&format!(r#"{{"text": "x", "label_smart": {smart}}}"#))
                .unwrap()
                .1
        };
        let mut rows = Vec::new();
        let mut judgments = Vec::new();
        for _ in 0..10 {
            rows.push(row(false));
            judgments.push(judged(&[RuleId::NoTimeframe]));
            rows.push(row(true));
            judgments.push(judged(&[RuleId::ImpliedSubject]));
        }
        let layer = train(&rows, &judgments, 0.5);
        assert!(layer.weights["no-timeframe"] > 0.5, "{layer:?}");
        assert!(layer.weights["implied-subject"] < -0.5, "{layer:?}");
        assert!(layer.not_smart(&[RuleId::NoTimeframe]) > 0.5);
        assert!(layer.not_smart(&[RuleId::ImpliedSubject]) < 0.5);
        let again = train(&rows, &judgments, 0.5);
        assert_eq!(layer, again, "training is deterministic");
        let parsed: Layer = toml::from_str(&to_toml(&layer)).unwrap();
        assert!((parsed.bias - layer.bias).abs() < 1e-3);
    }
}

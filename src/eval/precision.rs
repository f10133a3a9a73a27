//! How often each rule is right, measured on labelled statements. A rule's hit
//! (a finding at any level) is right when the source calls the statement not
//! SMART and names the rule's letter as missing or names no letters; wrong when
//! the source calls the statement SMART; and uncertain when the source names
//! other letters (sources often name only the failure they teach). Precision is
//! right / (right + wrong).

use super::LabelledRow;
use crate::core::finding::{Judgment, RuleId};
use serde::Serialize;
use std::collections::BTreeMap;

/// One rule's measured precision and the hits behind it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RulePrecision {
    pub rule: RuleId,
    /// Statements the rule fired on (once per statement).
    pub hits: usize,
    pub right: usize,
    pub wrong: usize,
    pub uncertain: usize,
}

impl RulePrecision {
    /// right / (right + wrong), when the rule fired on a judged statement.
    pub fn precision(&self) -> Option<f64> {
        let n = self.right + self.wrong;
        (n > 0).then(|| self.right as f64 / n as f64)
    }
}

/// The precision of every rule that fired on `rows`, by rule id.
pub fn rule_precision(rows: &[LabelledRow], judgments: &[Judgment]) -> Vec<RulePrecision> {
    let mut by_rule: BTreeMap<RuleId, RulePrecision> = BTreeMap::new();
    for (row, j) in rows.iter().zip(judgments) {
        let Some(gold_smart) = row.smart else {
            continue;
        };
        let mut fired: Vec<(RuleId, crate::core::finding::Criterion)> =
            j.findings.iter().map(|f| (f.rule, f.criterion)).collect();
        fired.sort_by_key(|(r, _)| *r);
        fired.dedup_by_key(|(r, _)| *r);
        for (rule, letter) in fired {
            let p = by_rule.entry(rule).or_insert(RulePrecision {
                rule,
                hits: 0,
                right: 0,
                wrong: 0,
                uncertain: 0,
            });
            p.hits += 1;
            if gold_smart {
                p.wrong += 1;
            } else if row.named_missing.is_empty() || row.named_missing.contains(&letter) {
                p.right += 1;
            } else {
                p.uncertain += 1;
            }
        }
    }
    by_rule.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Criteria, Criterion, CriterionResult, Finding, Severity, Verdict};

    fn judged(rules: &[(RuleId, Criterion)]) -> Judgment {
        let r = CriterionResult {
            verdict: Verdict::Pass,
            reasons: Vec::new(),
        };
        Judgment {
            text: String::new(),
            smart: rules.is_empty(),
            criteria: Criteria {
                s: r.clone(),
                m: r.clone(),
                a: r.clone(),
                r: r.clone(),
                t: r,
            },
            findings: rules
                .iter()
                .map(|&(rule, criterion)| Finding {
                    rule,
                    criterion,
                    start: 0,
                    end: 0,
                    severity: Severity::Error,
                    message: String::new(),
                    suggestion: String::new(),
                    repair: None,
                })
                .collect(),
        }
    }

    #[test]
    fn hits_are_right_wrong_or_uncertain_by_the_sources_verdict() {
        let rows: Vec<LabelledRow> = [
            r#"{"text": "a", "label_smart": false, "missing": ["T"]}"#,
            r#"{"text": "b", "label_smart": false}"#,
            r#"{"text": "c", "label_smart": true}"#,
            r#"{"text": "d", "label_smart": false, "missing": ["S"]}"#,
        ]
        .iter()
        .map(|l| super::super::parse_row(l).unwrap().1)
        .collect();
        let t = (RuleId::NoTimeframe, Criterion::T);
        let judgments = vec![judged(&[t, t]), judged(&[t]), judged(&[t]), judged(&[t])];
        let p = rule_precision(&rows, &judgments);
        assert_eq!(p.len(), 1);
        assert_eq!(
            (p[0].hits, p[0].right, p[0].wrong, p[0].uncertain),
            (4, 2, 1, 1)
        );
        assert_eq!(p[0].precision(), Some(2.0 / 3.0));
    }
}

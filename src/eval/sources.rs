//! Scores by source: how often each source's statements are judged as the
//! source judges them, and a cross-source balanced accuracy in which every
//! source counts once, however many statements it gave. A checker tuned to one
//! source's phrasing scores well pooled and badly across sources.

use super::LabelledRow;
use crate::core::finding::{Criterion, Judgment, Verdict};
use serde::Serialize;
use std::collections::BTreeMap;

/// One source's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceScore {
    pub source: String,
    pub rows: usize,
    /// Statements the source calls SMART, and how many were judged SMART.
    pub smart: usize,
    pub smart_right: usize,
    /// Statements the source calls not SMART, and how many were judged not SMART.
    pub not_smart: usize,
    pub not_smart_right: usize,
}

impl SourceScore {
    pub fn accuracy(&self) -> f64 {
        let n = self.smart + self.not_smart;
        if n == 0 {
            0.0
        } else {
            (self.smart_right + self.not_smart_right) as f64 / n as f64
        }
    }
}

/// The scores across sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CrossSource {
    pub sources: usize,
    /// Mean over sources with SMART statements of the share judged SMART.
    pub smart_rate: Option<f64>,
    /// Mean over sources with not-SMART statements of the share judged not SMART.
    pub not_smart_rate: Option<f64>,
    /// The mean of the two: balanced accuracy with each source counting once.
    pub balanced_accuracy: Option<f64>,
    pub per_source: Vec<SourceScore>,
}

/// Scores `judgments` against `rows` source by source. Rows with no source are
/// grouped under `fallback` (a file's name).
pub fn by_source(
    rows: &[LabelledRow],
    judgments: &[Judgment],
    smart_letters: &[Criterion],
    fallback: &str,
) -> CrossSource {
    let mut per: BTreeMap<String, SourceScore> = BTreeMap::new();
    for (row, j) in rows.iter().zip(judgments) {
        let Some(gold) = row.smart else { continue };
        let source = row
            .source_group
            .clone()
            .unwrap_or_else(|| fallback.to_string());
        let s = per.entry(source.clone()).or_insert_with(|| SourceScore {
            source,
            rows: 0,
            smart: 0,
            smart_right: 0,
            not_smart: 0,
            not_smart_right: 0,
        });
        let said = smart_letters
            .iter()
            .all(|c| j.criteria.get(*c).verdict != Verdict::Fail);
        s.rows += 1;
        if gold {
            s.smart += 1;
            s.smart_right += usize::from(said);
        } else {
            s.not_smart += 1;
            s.not_smart_right += usize::from(!said);
        }
    }
    let mean = |v: Vec<f64>| (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64);
    let smart_rate = mean(
        per.values()
            .filter(|s| s.smart > 0)
            .map(|s| s.smart_right as f64 / s.smart as f64)
            .collect(),
    );
    let not_smart_rate = mean(
        per.values()
            .filter(|s| s.not_smart > 0)
            .map(|s| s.not_smart_right as f64 / s.not_smart as f64)
            .collect(),
    );
    let balanced_accuracy = match (smart_rate, not_smart_rate) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        _ => None,
    };
    CrossSource {
        sources: per.len(),
        smart_rate,
        not_smart_rate,
        balanced_accuracy,
        per_source: per.into_values().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Criteria, CriterionResult};

    fn judged(smart: bool) -> Judgment {
        let r = |fail: bool| CriterionResult {
            verdict: if fail { Verdict::Fail } else { Verdict::Pass },
            reasons: Vec::new(),
        };
        Judgment {
            text: String::new(),
            smart,
            criteria: Criteria {
                s: r(!smart),
                m: r(false),
                a: r(false),
                r: r(false),
                t: r(false),
            },
            findings: Vec::new(),
        }
    }

    fn row(source: &str, smart: bool) -> LabelledRow {
        let mut r = super::super::parse_row(&format!(
            r#"{{"text": "x", "label_smart": {smart}, "source_group": "{source}"}}"#
        ))
        .unwrap()
        .1;
        r.source_group = Some(source.to_string());
        r
    }

    #[test]
    fn every_source_counts_once() {
        // One big source judged right, one small source judged wrong: pooled
        // accuracy is high, cross-source accuracy is a half.
        let mut rows = Vec::new();
        let mut judgments = Vec::new();
        for _ in 0..9 {
            rows.push(row("big", true));
            judgments.push(judged(true));
            rows.push(row("big", false));
            judgments.push(judged(false));
        }
        rows.push(row("small", true));
        judgments.push(judged(false));
        rows.push(row("small", false));
        judgments.push(judged(true));
        let x = by_source(&rows, &judgments, &Criterion::ALL, "file");
        assert_eq!(x.sources, 2);
        assert_eq!(x.smart_rate, Some(0.5));
        assert_eq!(x.not_smart_rate, Some(0.5));
        assert_eq!(x.balanced_accuracy, Some(0.5));
        assert_eq!(x.per_source[0].source, "big");
        assert_eq!(x.per_source[0].accuracy(), 1.0);
    }
}

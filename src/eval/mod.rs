//! Scoring the checker against labelled data: reads the statements (dev set and
//! corpus) and SMARTSpan row formats, and computes balanced accuracy for SMART /
//! not SMART and, per letter, precision, recall, F1 and macro-F1, plus the share
//! of named missing letters caught. `sources` scores each source apart and across
//! sources; `precision` measures how often each rule is right.

pub mod layer;
pub mod precision;
pub mod rewrites;
pub mod sources;

use crate::core::finding::{Criterion, Judgment, Verdict};
use serde::Serialize;
use std::collections::BTreeMap;

/// Which labelled format a row came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dataset {
    /// `text`, `label_smart`, `missing` (the statements dev set).
    Statements,
    /// `goal`, `label` = [S, M, A] (SMARTSpan's classify files).
    SmartSpan,
}

/// One labelled objective.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledRow {
    pub text: String,
    pub concern: Option<String>,
    /// Gold SMART / not SMART, when the source gives it.
    pub smart: Option<bool>,
    /// Gold per-letter labels where known: true = the letter fails.
    pub fails: BTreeMap<Criterion, bool>,
    /// Letters the source names as missing (dev set only).
    pub named_missing: Vec<Criterion>,
    /// The source the row was quoted from, for splitting and scoring by source.
    pub source_group: Option<String>,
    /// The corpus part the row belongs to, when the file is split.
    pub part: Option<Part>,
    /// The kind of plan the statement comes from ("iep", "child-protection", ...).
    pub plan_kind: Option<String>,
}

/// The two parts of a corpus split by source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    /// Rules are changed while reading this part's errors.
    Tune,
    /// Reported in aggregate only: the figure that counts.
    Check,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum RowError {
    #[error("not valid JSON: {0}")]
    Json(String),
    #[error(
        "neither a statements row (`text`, `label_smart`) nor a SMARTSpan row (`goal`, `label`)"
    )]
    UnknownFormat,
    #[error("field `{0}` has the wrong type")]
    BadField(&'static str),
}

/// Parses one JSONL line in either format.
pub fn parse_row(line: &str) -> Result<(Dataset, LabelledRow), RowError> {
    let value: serde_json::Value =
        serde_json::from_str(line).map_err(|e| RowError::Json(e.to_string()))?;
    let obj = value.as_object().ok_or(RowError::UnknownFormat)?;
    if let (Some(goal), Some(label)) = (obj.get("goal"), obj.get("label")) {
        let text = goal.as_str().ok_or(RowError::BadField("goal"))?.to_string();
        let label = label.as_array().ok_or(RowError::BadField("label"))?;
        if label.len() != 3 {
            return Err(RowError::BadField("label"));
        }
        let mut fails = BTreeMap::new();
        for (letter, v) in [Criterion::S, Criterion::M, Criterion::A]
            .into_iter()
            .zip(label)
        {
            let v = v.as_i64().ok_or(RowError::BadField("label"))?;
            fails.insert(letter, v == 0);
        }
        let smart = Some(fails.values().all(|f| !f));
        return Ok((
            Dataset::SmartSpan,
            LabelledRow {
                text,
                concern: None,
                smart,
                fails,
                named_missing: Vec::new(),
                source_group: None,
                part: None,
                plan_kind: None,
            },
        ));
    }
    if let Some(text) = obj.get("text") {
        let text = text.as_str().ok_or(RowError::BadField("text"))?.to_string();
        let smart = match obj.get("label_smart") {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => Some(v.as_bool().ok_or(RowError::BadField("label_smart"))?),
        };
        let named_missing: Vec<Criterion> = match obj.get("missing") {
            None | Some(serde_json::Value::Null) => Vec::new(),
            Some(v) => v
                .as_array()
                .ok_or(RowError::BadField("missing"))?
                .iter()
                .filter_map(|l| {
                    l.as_str()
                        .and_then(|s| s.chars().next())
                        .and_then(Criterion::from_letter)
                })
                .collect(),
        };
        let mut fails = BTreeMap::new();
        if smart == Some(true) {
            for c in Criterion::ALL {
                fails.insert(c, false);
            }
        }
        for c in &named_missing {
            fails.insert(*c, true);
        }
        let field = |name: &str| obj.get(name).and_then(|c| c.as_str()).map(str::to_string);
        let part = match field("part").as_deref() {
            None => None,
            Some("tune") => Some(Part::Tune),
            Some("check") => Some(Part::Check),
            Some(_) => return Err(RowError::BadField("part")),
        };
        return Ok((
            Dataset::Statements,
            LabelledRow {
                text,
                concern: field("concern"),
                smart,
                fails,
                named_missing,
                source_group: field("source_group"),
                part,
                plan_kind: field("plan_kind"),
            },
        ));
    }
    Err(RowError::UnknownFormat)
}

/// Precision, recall and F1 for one class, with the counts behind them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct ClassScore {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub support: usize,
}

/// Scores for one letter. The positive class is "the letter fails".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LetterScore {
    pub letter: Criterion,
    pub rows: usize,
    pub fail: ClassScore,
    pub pass: ClassScore,
    /// Mean F1 of the two classes, when both occur in the gold labels.
    pub macro_f1: Option<f64>,
    /// Rows where the checker said `unknown`.
    pub unknown: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub dataset: Dataset,
    pub rows: usize,
    /// Rows with a SMART / not SMART label.
    pub labelled: usize,
    pub balanced_accuracy: Option<f64>,
    /// Share of gold-SMART rows judged SMART.
    pub true_smart_rate: Option<f64>,
    /// Share of gold-not-SMART rows judged not SMART.
    pub true_not_smart_rate: Option<f64>,
    pub letters: Vec<LetterScore>,
    /// Letters the source names as missing, how many the checker failed, and how
    /// many it could not judge (R without a concern).
    pub named_missing: usize,
    pub named_missing_caught: usize,
    pub named_missing_not_judged: usize,
    /// Disagreements on SMART / not SMART: (text, gold, predicted).
    pub misjudged: Vec<(String, bool, bool)>,
    /// Named missing letters the checker passed: (text, letter).
    pub missed_letters: Vec<(String, Criterion)>,
}

impl Report {
    /// Share of the judgeable named-missing letters that were caught.
    pub fn catch_rate(&self) -> Option<f64> {
        let judgeable = self.named_missing - self.named_missing_not_judged;
        (judgeable > 0).then(|| self.named_missing_caught as f64 / judgeable as f64)
    }
}

fn class_score(tp: usize, fp: usize, fn_: usize) -> ClassScore {
    let precision = if tp + fp == 0 {
        0.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if tp + fn_ == 0 {
        0.0
    } else {
        tp as f64 / (tp + fn_) as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    ClassScore {
        precision,
        recall,
        f1,
        support: tp + fn_,
    }
}

/// Scores `judgments` against `rows` (same order). `smart_letters` are the letters
/// that make up the overall verdict for this dataset (SMARTSpan labels S, M and A
/// only; its readme treats T as implicit).
pub fn score(
    dataset: Dataset,
    rows: &[LabelledRow],
    judgments: &[Judgment],
    smart_letters: &[Criterion],
) -> Report {
    assert_eq!(rows.len(), judgments.len(), "one judgment per row");
    let predicted_smart = |j: &Judgment| {
        smart_letters
            .iter()
            .all(|c| j.criteria.get(*c).verdict != Verdict::Fail)
    };
    let (mut tp, mut pos, mut tn, mut neg) = (0, 0, 0, 0);
    let mut misjudged = Vec::new();
    for (row, j) in rows.iter().zip(judgments) {
        let Some(gold) = row.smart else { continue };
        let pred = predicted_smart(j);
        if gold {
            pos += 1;
            tp += usize::from(pred);
        } else {
            neg += 1;
            tn += usize::from(!pred);
        }
        if gold != pred {
            misjudged.push((row.text.clone(), gold, pred));
        }
    }
    let rate = |hit: usize, all: usize| (all > 0).then(|| hit as f64 / all as f64);
    let tpr = rate(tp, pos);
    let tnr = rate(tn, neg);
    let balanced_accuracy = match (tpr, tnr) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        _ => None,
    };
    let mut letters = Vec::new();
    for letter in Criterion::ALL {
        let (mut tp, mut fp, mut fn_, mut tn, mut unknown, mut n) = (0, 0, 0, 0, 0, 0);
        for (row, j) in rows.iter().zip(judgments) {
            let Some(&gold_fail) = row.fails.get(&letter) else {
                continue;
            };
            let verdict = j.criteria.get(letter).verdict;
            if verdict == Verdict::Unknown {
                unknown += 1;
                continue;
            }
            n += 1;
            let pred_fail = verdict == Verdict::Fail;
            match (gold_fail, pred_fail) {
                (true, true) => tp += 1,
                (false, true) => fp += 1,
                (true, false) => fn_ += 1,
                (false, false) => tn += 1,
            }
        }
        if n == 0 {
            continue;
        }
        let fail = class_score(tp, fp, fn_);
        let pass = class_score(tn, fn_, fp);
        let macro_f1 = (fail.support > 0 && pass.support > 0).then(|| (fail.f1 + pass.f1) / 2.0);
        letters.push(LetterScore {
            letter,
            rows: n,
            fail,
            pass,
            macro_f1,
            unknown,
        });
    }
    let (mut named, mut caught, mut not_judged) = (0, 0, 0);
    let mut missed_letters = Vec::new();
    for (row, j) in rows.iter().zip(judgments) {
        for c in &row.named_missing {
            named += 1;
            match j.criteria.get(*c).verdict {
                Verdict::Fail => caught += 1,
                Verdict::Unknown => not_judged += 1,
                Verdict::Pass => missed_letters.push((row.text.clone(), *c)),
            }
        }
    }
    Report {
        dataset,
        rows: rows.len(),
        labelled: pos + neg,
        balanced_accuracy,
        true_smart_rate: tpr,
        true_not_smart_rate: tnr,
        letters,
        named_missing: named,
        named_missing_caught: caught,
        named_missing_not_judged: not_judged,
        misjudged,
        missed_letters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::finding::{Criteria, CriterionResult};

    fn judgment(fails: &[Criterion]) -> Judgment {
        let r = |c: Criterion| CriterionResult {
            verdict: if fails.contains(&c) {
                Verdict::Fail
            } else {
                Verdict::Pass
            },
            reasons: Vec::new(),
        };
        Judgment {
            text: String::new(),
            smart: fails.is_empty(),
            criteria: Criteria {
                s: r(Criterion::S),
                m: r(Criterion::M),
                a: r(Criterion::A),
                r: CriterionResult {
                    verdict: Verdict::Unknown,
                    reasons: Vec::new(),
                },
                t: r(Criterion::T),
            },
            findings: Vec::new(),
        }
    }

    #[test]
    fn parses_both_formats_and_rejects_others() {
        let (d, row) =
            parse_row(r#"{"text": "x", "label_smart": false, "missing": ["M", "T"]}"#).unwrap();
        assert_eq!(d, Dataset::Statements);
        assert_eq!(row.smart, Some(false));
        assert_eq!(row.named_missing, vec![Criterion::M, Criterion::T]);
        let (d, row) = parse_row(r#"{"id": "1", "goal": "jog", "label": [1, 0, 1]}"#).unwrap();
        assert_eq!(d, Dataset::SmartSpan);
        assert_eq!(row.fails.get(&Criterion::M), Some(&true));
        assert_eq!(row.smart, Some(false));
        assert_eq!(parse_row("{\"x\": 1}"), Err(RowError::UnknownFormat));
        assert!(matches!(parse_row("{"), Err(RowError::Json(_))));
    }

    #[test]
    fn balanced_accuracy_and_letter_scores() {
        let rows: Vec<LabelledRow> = [
            r#"{"text": "a", "label_smart": true}"#,
            r#"{"text": "b", "label_smart": true}"#,
            r#"{"text": "c", "label_smart": false, "missing": ["S"]}"#,
            r#"{"text": "d", "label_smart": false, "missing": ["R"]}"#,
        ]
        .iter()
        .map(|l| parse_row(l).unwrap().1)
        .collect();
        let judgments = vec![
            judgment(&[]),
            judgment(&[Criterion::T]),
            judgment(&[Criterion::S]),
            judgment(&[Criterion::M]),
        ];
        let all = [
            Criterion::S,
            Criterion::M,
            Criterion::A,
            Criterion::R,
            Criterion::T,
        ];
        let report = score(Dataset::Statements, &rows, &judgments, &all);
        assert_eq!(report.true_smart_rate, Some(0.5));
        assert_eq!(report.true_not_smart_rate, Some(1.0));
        assert_eq!(report.balanced_accuracy, Some(0.75));
        assert_eq!(report.named_missing, 2);
        assert_eq!(report.named_missing_caught, 1);
        assert_eq!(report.named_missing_not_judged, 1);
        assert_eq!(report.catch_rate(), Some(1.0));
        let s = report
            .letters
            .iter()
            .find(|l| l.letter == Criterion::S)
            .unwrap();
        assert_eq!(s.fail.recall, 1.0);
        assert_eq!(s.fail.precision, 1.0);
        assert_eq!(s.macro_f1, Some(1.0));
    }
}

//! The "Measure of Confidence" before and after a session: per participant one
//! rating per question (1–5 or 1–10). Reports the change per participant and per
//! question, and the mean change with a paired, small-sample 95% confidence
//! interval (Student's t).

use super::MarkError;
use crate::io::table::Table;
use serde::Serialize;
use std::collections::BTreeMap;

/// One questionnaire: participant → question → rating.
#[derive(Debug, Clone, PartialEq)]
pub struct Questionnaire {
    pub origin: String,
    pub questions: Vec<String>,
    /// Participant (as written) with their ratings, in file order.
    pub ratings: Vec<(String, BTreeMap<String, f64>)>,
    /// The highest rating the scale allows (5 or 10).
    pub scale_max: u8,
}

/// Reads a questionnaire table: a participant column, and one column per question.
pub fn read_questionnaire(table: &Table) -> Result<Questionnaire, MarkError> {
    let origin = &table.origin();
    let who = table
        .column(&[
            "participant",
            "participant name",
            "participant id",
            "name",
            "id",
            "learner",
            "delegate",
        ])
        .ok_or_else(|| {
            invalid!(
                origin,
                "no participant column (headers: {})",
                crate::io::table::header_list(&table.headers)
            )
        })?;
    let skip = [
        "timestamp",
        "date",
        "email",
        "emailaddress",
        "session",
        "group",
    ];
    let questions: Vec<(usize, String)> = table
        .headers
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            *i != who
                && !h.trim().is_empty()
                && !skip.contains(&crate::io::table::normalise_header(h).as_str())
        })
        .map(|(i, h)| (i, h.trim().to_string()))
        .collect();
    if questions.is_empty() {
        return Err(invalid!(
            origin,
            "no question columns beside the participant column"
        ));
    }
    let mut ratings = Vec::new();
    let mut highest = 0.0f64;
    let mut seen = std::collections::HashSet::new();
    for row in &table.rows {
        let name = table.cell(row, who);
        if name.is_empty() {
            return Err(invalid!(
                origin,
                "row {}: the participant cell is empty",
                row.number
            ));
        }
        if !seen.insert(name.to_lowercase()) {
            return Err(invalid!(
                origin,
                "row {}: participant '{name}' appears twice",
                row.number
            ));
        }
        let mut answers = BTreeMap::new();
        for (col, q) in &questions {
            let cell = table.cell(row, *col);
            if cell.is_empty() {
                continue;
            }
            let value: f64 = cell.parse().map_err(|_| {
                invalid!(
                    origin,
                    "row {}, column '{}': '{}' is not a rating",
                    row.number,
                    crate::io::table::clip(q, 60),
                    crate::io::table::clip(cell, 40)
                )
            })?;
            if !(1.0..=10.0).contains(&value) {
                return Err(invalid!(
                    origin,
                    "row {}, column '{q}': {value} is outside the 1 to 10 scale",
                    row.number
                ));
            }
            highest = highest.max(value);
            answers.insert(q.clone(), value);
        }
        ratings.push((name.to_string(), answers));
    }
    Ok(Questionnaire {
        origin: origin.clone(),
        questions: questions.into_iter().map(|(_, q)| q).collect(),
        ratings,
        scale_max: if highest <= 5.0 { 5 } else { 10 },
    })
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantChange {
    pub participant: String,
    pub before: f64,
    pub after: f64,
    pub change: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuestionChange {
    pub question: String,
    pub pairs: usize,
    pub mean_change: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConfidenceReport {
    pub scale_max: u8,
    pub participants: Vec<ParticipantChange>,
    pub questions: Vec<QuestionChange>,
    /// Mean of the per-participant changes.
    pub mean_change: f64,
    /// 95% confidence interval of the mean change (paired t); None with fewer than 2 pairs.
    pub ci95: Option<(f64, f64)>,
    pub pairs: usize,
    /// Participants whose confidence fell.
    pub fell: Vec<String>,
    /// Participants in only one of the two files (not paired, listed so none is lost).
    pub unpaired: Vec<String>,
}

/// Pairs the two questionnaires by participant (case-insensitive) and question.
pub fn compare(
    before: &Questionnaire,
    after: &Questionnaire,
) -> Result<ConfidenceReport, MarkError> {
    if before.scale_max != after.scale_max {
        return Err(MarkError::Mismatch(format!(
            "{} uses a 1 to {} scale but {} uses 1 to {}",
            before.origin, before.scale_max, after.origin, after.scale_max
        )));
    }
    let find = |q: &Questionnaire, name: &str| {
        q.ratings
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, r)| r.clone())
    };
    let mut participants = Vec::new();
    let mut unpaired = Vec::new();
    let mut per_question: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for (name, b) in &before.ratings {
        let Some(a) = find(after, name) else {
            unpaired.push(format!("{name} (no 'after' answers)"));
            continue;
        };
        let common: Vec<&String> = b.keys().filter(|q| a.contains_key(*q)).collect();
        if common.is_empty() {
            unpaired.push(format!("{name} (no question answered in both)"));
            continue;
        }
        let mean = |r: &BTreeMap<String, f64>| {
            common.iter().map(|q| r[*q]).sum::<f64>() / common.len() as f64
        };
        let (mb, ma) = (mean(b), mean(&a));
        for q in &common {
            per_question
                .entry((*q).clone())
                .or_default()
                .push(a[*q] - b[*q]);
        }
        participants.push(ParticipantChange {
            participant: name.clone(),
            before: mb,
            after: ma,
            change: ma - mb,
        });
    }
    for (name, _) in &after.ratings {
        if find(before, name).is_none() {
            unpaired.push(format!("{name} (no 'before' answers)"));
        }
    }
    let changes: Vec<f64> = participants.iter().map(|p| p.change).collect();
    let n = changes.len();
    let mean_change = if n == 0 {
        0.0
    } else {
        changes.iter().sum::<f64>() / n as f64
    };
    let ci95 = (n >= 2).then(|| {
        let var = changes
            .iter()
            .map(|c| (c - mean_change).powi(2))
            .sum::<f64>()
            / (n - 1) as f64;
        let half = t_975(n - 1) * (var / n as f64).sqrt();
        (mean_change - half, mean_change + half)
    });
    let questions = before
        .questions
        .iter()
        .filter_map(|q| {
            per_question.get(q).map(|v| QuestionChange {
                question: q.clone(),
                pairs: v.len(),
                mean_change: v.iter().sum::<f64>() / v.len() as f64,
            })
        })
        .collect();
    Ok(ConfidenceReport {
        scale_max: before.scale_max,
        fell: participants
            .iter()
            .filter(|p| p.change < 0.0)
            .map(|p| p.participant.clone())
            .collect(),
        participants,
        questions,
        mean_change,
        ci95,
        pairs: n,
        unpaired,
    })
}

/// The 97.5th percentile of Student's t with `df` degrees of freedom.
pub fn t_975(df: usize) -> f64 {
    const TABLE: [f64; 30] = [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160,
        2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056,
        2.052, 2.048, 2.045, 2.042,
    ];
    match df {
        0 => f64::INFINITY,
        1..=30 => TABLE[df - 1],
        31..=40 => 2.021,
        41..=60 => 2.000,
        61..=120 => 1.980,
        _ => 1.960,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::table::parse_delimited;

    fn q(name: &str, text: &str) -> Questionnaire {
        read_questionnaire(&parse_delimited(name, text).unwrap()).unwrap()
    }

    #[test]
    fn paired_mean_change_and_interval_by_hand() {
        let before = q(
            "before.csv",
            "Name,Q1,Q2\nAsha,2,2\nBen,3,3\nCal,4,4\nDee,1,3\n",
        );
        let after = q(
            "after.csv",
            "name,Q1,Q2\nasha,4,4\nBen,4,4\nCal,3,3\nDee,3,5\n",
        );
        let r = compare(&before, &after).unwrap();
        // Changes: +2, +1, -1, +2 -> mean 1.0, sd sqrt(2) = 1.4142, se 0.7071, t(3) 3.182.
        assert_eq!(r.pairs, 4);
        assert!((r.mean_change - 1.0).abs() < 1e-9);
        let (lo, hi) = r.ci95.unwrap();
        assert!(
            (lo - (1.0 - 3.182 * std::f64::consts::FRAC_1_SQRT_2)).abs() < 1e-3,
            "{lo}"
        );
        assert!(
            (hi - (1.0 + 3.182 * std::f64::consts::FRAC_1_SQRT_2)).abs() < 1e-3,
            "{hi}"
        );
        assert_eq!(r.fell, vec!["Cal"]);
        assert_eq!(r.scale_max, 5);
        assert_eq!(r.questions[0].question, "Q1");
        assert!((r.questions[0].mean_change - 1.0).abs() < 1e-9);
    }

    #[test]
    fn unpaired_participants_are_listed_not_dropped() {
        let before = q("b.csv", "Name,Q1\nAsha,2\nBen,3\n");
        let after = q("a.csv", "Name,Q1\nAsha,4\nCal,5\n");
        let r = compare(&before, &after).unwrap();
        assert_eq!(r.pairs, 1);
        assert_eq!(r.ci95, None);
        assert_eq!(r.unpaired.len(), 2);
    }

    #[test]
    fn a_bad_rating_names_the_row_and_column() {
        let t = parse_delimited("b.csv", "Name,Q1\nAsha,lots\n").unwrap();
        let err = read_questionnaire(&t).unwrap_err().to_string();
        assert!(
            err.contains("row 2") && err.contains("Q1") && err.contains("lots"),
            "{err}"
        );
        let t = parse_delimited("b.csv", "Name,Q1\nAsha,11\n").unwrap();
        assert!(read_questionnaire(&t)
            .unwrap_err()
            .to_string()
            .contains("outside"));
    }
}

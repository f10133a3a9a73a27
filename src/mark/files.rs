//! Marking from files: the exercise (TOML, or a CSV/XLSX table), the answers
//! and the confidence questionnaires read and checked; marks.csv written; and
//! the terminal summary of a class.

use super::answers::read_answers;
use super::confidence::{compare, read_questionnaire, ConfidenceReport};
use super::exercise::Exercise;
use super::{summarise, ClassSummary, Mark, MarkError, Marker};
use crate::core::finding::Criterion;
use crate::io::read_table;
use std::path::Path;

/// Reads an exercise from TOML, or from a CSV/XLSX table.
pub fn read_exercise(path: &Path) -> Result<Exercise, MarkError> {
    let is_toml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("toml"));
    if is_toml {
        let text = std::fs::read_to_string(path).map_err(|e| invalid!(path.display(), "{e}"))?;
        Exercise::from_toml(&path.display().to_string(), &text)
    } else {
        Exercise::from_table(&read_table(path)?)
    }
}

/// Reads both questionnaires and compares them.
pub fn confidence(before: &Path, after: &Path) -> Result<ConfidenceReport, MarkError> {
    let b = read_questionnaire(&read_table(before)?)?;
    let a = read_questionnaire(&read_table(after)?)?;
    compare(&b, &a)
}

/// A class marked: one mark per answer row, the class summary, and the answers
/// file's name as messages give it.
pub struct MarkedClass {
    pub marks: Vec<Mark>,
    pub summary: ClassSummary,
    pub origin: String,
}

/// Reads the answers file (decoded from `encoding`, or the one detected) and
/// marks every row against the exercise.
pub fn mark_answers(
    marker: &Marker<'_>,
    exercise: &Exercise,
    answers: &Path,
    encoding: Option<&'static encoding_rs::Encoding>,
) -> Result<MarkedClass, MarkError> {
    let table = crate::io::read_table_in(answers, encoding)?;
    let rows = read_answers(&table)?;
    let marks = marker.mark(exercise, &rows);
    let summary = summarise(exercise, &marks);
    Ok(MarkedClass {
        marks,
        summary,
        origin: table.origin(),
    })
}

/// marks.csv: one row per answer row, in order.
pub fn marks_csv(marks: &[Mark]) -> Result<Vec<u8>, MarkError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let mut header = vec![
        "row",
        "participant",
        "statement",
        "status",
        "ticked",
        "tick_correct",
        "key",
        "statement_smart",
    ];
    let letters: Vec<String> = Criterion::ALL.iter().map(|c| c.to_string()).collect();
    header.extend(letters.iter().map(String::as_str));
    header.extend([
        "total",
        "max",
        "not_judged",
        "faithful",
        "similarity",
        "feedback",
    ]);
    w.write_record(&header).map_err(csv_failed)?;
    let yn = |b: Option<bool>| {
        b.map_or(
            String::new(),
            |b| if b { "yes".into() } else { "no".into() },
        )
    };
    for m in marks {
        let status = match (&m.error, m.superseded_by) {
            (Some(e), _) => format!("error: {e}"),
            (None, Some(r)) => format!("replaced by row {r}"),
            _ => "marked".into(),
        };
        let mut record = vec![
            m.row.to_string(),
            m.participant.clone(),
            m.statement.clone(),
            status,
            yn(m.ticked),
            yn(m.tick_correct),
            m.key_source
                .map_or(String::new(), |k| format!("{k:?}").to_lowercase()),
            yn(m.statement_smart),
        ];
        for c in Criterion::ALL {
            record.push(m.scores.get(&c).map_or(String::new(), |v| v.to_string()));
        }
        record.push(m.total.to_string());
        record.push(m.max.to_string());
        record.push(m.not_judged.join("; "));
        record.push(yn(Some(m.faithful)));
        record.push(m.similarity.map_or(String::new(), |s| format!("{s:.2}")));
        record.push(m.feedback.clone());
        w.write_record(&record).map_err(csv_failed)?;
    }
    w.into_inner().map_err(|e| csv_failed(e.error()))
}

/// The terminal summary: class averages and the three hardest statements.
pub fn summary_text(s: &ClassSummary, origin: &str) -> String {
    let mut out = format!(
        "{origin}: {} answer rows, {} marked, {} replaced by a later submission, {} not marked\n",
        s.answers, s.marked, s.superseded, s.errors
    );
    out.push_str(&format!("ticks right: {:.0}%\n", s.tick_accuracy * 100.0));
    let letters: Vec<String> = s
        .letter_means
        .iter()
        .map(|(c, v)| format!("{c} {:.0}%", v * 100.0))
        .collect();
    if !letters.is_empty() {
        out.push_str(&format!(
            "re-wording score per letter: {}\n",
            letters.join(", ")
        ));
    }
    let mut hardest: Vec<_> = s.statements.iter().filter(|st| st.answers > 0).collect();
    hardest.sort_by(|a, b| a.score.total_cmp(&b.score).then(a.id.cmp(&b.id)));
    out.push_str("hardest statements:\n");
    for st in hardest.iter().take(3) {
        out.push_str(&format!(
            "  {} ({:.0}% ticks right{}): {}\n",
            st.id,
            st.correct_ticks * 100.0,
            st.most_missing
                .map_or(String::new(), |c| format!(", most often missing {c}")),
            st.text
        ));
    }
    out
}

pub fn confidence_text(c: &ConfidenceReport) -> String {
    let mut out = format!(
        "confidence: {} pairs, mean change {:+.2} on a 1 to {} scale",
        c.pairs, c.mean_change, c.scale_max
    );
    match c.ci95 {
        Some((lo, hi)) => out.push_str(&format!(" (95% CI {lo:+.2} to {hi:+.2})\n")),
        None => out.push_str(" (too few pairs for an interval)\n"),
    }
    for p in &c.participants {
        out.push_str(&format!(
            "  {}: {:.2} -> {:.2} ({:+.2})\n",
            p.participant, p.before, p.after, p.change
        ));
    }
    if !c.fell.is_empty() {
        out.push_str(&format!("confidence fell for: {}\n", c.fell.join(", ")));
    }
    if !c.unpaired.is_empty() {
        out.push_str(&format!("not paired: {}\n", c.unpaired.join("; ")));
    }
    out
}

fn csv_failed(e: impl std::fmt::Display) -> MarkError {
    invalid!("marks.csv", "{e}")
}

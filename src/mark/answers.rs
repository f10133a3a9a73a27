//! Participants' answers, as exported from a paper or online form: who, which
//! statement, the tick, and the re-worded text. Tolerates extra columns,
//! trailing spaces and mixed-case ids; each problem names its row.

use super::MarkError;
use crate::io::table::{clip, Table};

/// One answer row, or the reason it cannot be marked.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// Row number in the answers file.
    pub row: usize,
    pub participant: String,
    pub statement: String,
    /// True when the participant ticked it as SMART.
    pub ticked: bool,
    pub reworded: Option<String>,
}

/// What one answer row holds.
#[derive(Debug, Clone, PartialEq)]
pub enum AnswerRow {
    Ok(Answer),
    Error { row: usize, message: String },
}

/// Reads a tick: yes/no, y/n, true/false, 1/0, ✓/✗, tick/cross. An empty cell is
/// "not ticked" (the paper form says: if yes, tick). `None` when unreadable.
pub fn parse_tick(value: &str) -> Option<bool> {
    let v = value.trim().to_lowercase();
    match v.as_str() {
        "" | "no" | "n" | "false" | "f" | "0" | "✗" | "✘" | "x" | "cross" | "not smart"
        | "no tick" => Some(false),
        "yes" | "y" | "true" | "t" | "1" | "✓" | "✔" | "☑" | "tick" | "ticked" | "smart" => {
            Some(true)
        }
        _ => None,
    }
}

/// Reads every answer row of `table`. Column problems are errors for the whole file.
pub fn read_answers(table: &Table) -> Result<Vec<AnswerRow>, MarkError> {
    let origin = &table.origin();
    let need = |names: &[&str], what: &str| {
        table.column(names).ok_or_else(|| {
            invalid!(
                origin,
                "no {what} column (looked for {}; headers: {})",
                names.join(", "),
                crate::io::table::header_list(&table.headers)
            )
        })
    };
    let participant = need(
        &[
            "participant",
            "participant name",
            "participant id",
            "name",
            "your name",
            "learner",
            "delegate",
        ],
        "participant",
    )?;
    let statement = need(
        &[
            "statement",
            "statement id",
            "statement no",
            "item",
            "question",
            "id",
        ],
        "statement",
    )?;
    let tick = need(
        &[
            "tick",
            "ticked",
            "smart",
            "is it smart",
            "is it smart?",
            "answer",
            "smart?",
        ],
        "tick",
    )?;
    let reworded = table
        .column(&[
            "reworded",
            "re-worded",
            "rewording",
            "re-wording",
            "reword",
            "rewrite",
            "your rewrite",
            "smart version",
        ])
        .or_else(|| table.column_containing(&["reword", "rewrite", "smart version"]));
    Ok(table
        .rows
        .iter()
        .map(|row| {
            let who = table.cell(row, participant);
            let id = table.cell(row, statement);
            let tick_text = table.cell(row, tick);
            let error = |message: String| AnswerRow::Error {
                row: row.number,
                message,
            };
            if who.is_empty() {
                return error("no participant: the participant cell is empty".into());
            }
            if id.is_empty() {
                return error("no statement id".into());
            }
            let Some(ticked) = parse_tick(tick_text) else {
                return error(format!(
                    "the tick '{}' is not readable (use yes/no, y/n, true/false or ✓/✗)",
                    clip(tick_text, 40)
                ));
            };
            let text = reworded.map(|c| table.cell(row, c)).unwrap_or("");
            if text.len() > crate::MAX_OBJECTIVE_BYTES {
                return error(format!(
                    "the re-wording is {} bytes long; one objective may be at most {} bytes",
                    text.len(),
                    crate::MAX_OBJECTIVE_BYTES
                ));
            }
            AnswerRow::Ok(Answer {
                row: row.number,
                participant: who.split_whitespace().collect::<Vec<_>>().join(" "),
                statement: id.to_string(),
                ticked,
                reworded: (!text.is_empty()).then(|| text.to_string()),
            })
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::table::parse_delimited;

    #[test]
    fn ticks_in_the_usual_forms() {
        for yes in ["yes", "Y", "TRUE", "✓", " tick "] {
            assert_eq!(parse_tick(yes), Some(true), "{yes}");
        }
        for no in ["no", "n", "false", "✗", "", "X"] {
            assert_eq!(parse_tick(no), Some(false), "{no}");
        }
        assert_eq!(parse_tick("maybe"), None);
    }

    #[test]
    fn problems_name_their_row_and_good_rows_are_kept() {
        let t = parse_delimited(
            "answers.csv",
            "Timestamp,Name,Statement,Is it SMART?,Re-worded\n\
             09:01,Asha ,s1,yes,\n\
             09:02,,S2,no,Ben will...\n\
             09:03,Cal,S3,maybe,\n",
        )
        .unwrap();
        let rows = read_answers(&t).unwrap();
        assert_eq!(rows.len(), 3);
        assert!(
            matches!(&rows[0], AnswerRow::Ok(a) if a.participant == "Asha" && a.ticked && a.reworded.is_none())
        );
        assert!(
            matches!(&rows[1], AnswerRow::Error { row: 3, message } if message.contains("participant"))
        );
        assert!(
            matches!(&rows[2], AnswerRow::Error { row: 4, message } if message.contains("maybe"))
        );
    }

    #[test]
    fn a_missing_column_is_an_error_for_the_file() {
        let t = parse_delimited("a.csv", "Name,Statement\nAsha,S1\n").unwrap();
        let err = read_answers(&t).unwrap_err().to_string();
        assert!(err.contains("a.csv") && err.contains("tick"), "{err}");
    }
}

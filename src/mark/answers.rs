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

/// Reads every answer of `table`: one row per answer (participant, statement
/// id, tick, re-wording), or, as Microsoft Forms and Google Forms export them,
/// one row per participant with a tick column and a re-wording column per
/// statement ("S1: Is it SMART?", "S1: Re-word"). Column problems are errors
/// for the whole file.
pub fn read_answers(table: &Table) -> Result<Vec<AnswerRow>, MarkError> {
    // "ID" in a form export numbers responses, not statements.
    let has_statement_column = table
        .column(&[
            "statement",
            "statement id",
            "statement no",
            "item",
            "question",
        ])
        .is_some();
    let wide = statement_columns(table);
    if !has_statement_column && !wide.is_empty() {
        return read_form_export(table, &wide);
    }
    read_answer_rows(table)
}

/// A statement's columns in a form export: its tick and its re-wording.
#[derive(Debug, Clone, PartialEq)]
struct StatementColumns {
    id: String,
    tick: Option<usize>,
    reworded: Option<usize>,
}

/// The statement id a form question's title names: "S1: Is it SMART?",
/// "Statement 3 – re-word it", "s12 Re-word".
fn statement_id(header: &str) -> Option<String> {
    static ID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)\b(?:s|statement\s*)(\d{1,3})\b").unwrap_or_else(|e| panic!("{e}"))
    });
    ID.captures(header).map(|c| format!("S{}", &c[1]))
}

/// Each statement's columns in a form export, in order of first appearance.
fn statement_columns(table: &Table) -> Vec<StatementColumns> {
    let mut out: Vec<StatementColumns> = Vec::new();
    for (i, header) in table.headers.iter().enumerate() {
        let Some(id) = statement_id(header) else {
            continue;
        };
        let h = crate::io::table::normalise_header(header);
        let rewording = ["reword", "rewrite", "smartversion", "improve"]
            .iter()
            .any(|w| h.contains(w));
        let tick = !rewording && ["smart", "tick"].iter().any(|w| h.contains(w));
        if !rewording && !tick {
            continue;
        }
        let entry = match out.iter_mut().position(|s| s.id == id) {
            Some(k) => &mut out[k],
            None => {
                out.push(StatementColumns {
                    id,
                    tick: None,
                    reworded: None,
                });
                let last = out.len() - 1;
                &mut out[last]
            }
        };
        if rewording {
            entry.reworded.get_or_insert(i);
        } else {
            entry.tick.get_or_insert(i);
        }
    }
    out.retain(|s| s.tick.is_some());
    out
}

/// A form export's rows: one answer per statement the participant answered.
fn read_form_export(
    table: &Table,
    statements: &[StatementColumns],
) -> Result<Vec<AnswerRow>, MarkError> {
    let origin = &table.origin();
    // A name, where the form asked for one; else the address it recorded.
    let participant = table
        .column(&[
            "participant",
            "participant name",
            "name",
            "your name",
            "full name",
            "learner",
            "delegate",
        ])
        .or_else(|| table.column(&["email", "email address", "username"]))
        .ok_or_else(|| {
            invalid!(
                origin,
                "a form export, but no participant column (looked for Name, Your name, Email, Email address; headers: {})",
                crate::io::table::header_list(&table.headers)
            )
        })?;
    let mut out = Vec::new();
    for row in &table.rows {
        let who = table.cell(row, participant);
        if who.is_empty() {
            out.push(AnswerRow::Error {
                row: row.number,
                message: "no participant: the name cell is empty".into(),
            });
            continue;
        }
        let before = out.len();
        for s in statements {
            let tick_text = s.tick.map_or("", |c| table.cell(row, c));
            let text = s.reworded.map_or("", |c| table.cell(row, c));
            if tick_text.is_empty() && text.is_empty() {
                continue;
            }
            out.push(answer(row.number, who, &s.id, tick_text, text));
        }
        if out.len() == before {
            out.push(AnswerRow::Error {
                row: row.number,
                message: format!("{who} answered none of the statements"),
            });
        }
    }
    Ok(out)
}

/// One answer, or why it cannot be marked.
fn answer(row: usize, who: &str, id: &str, tick_text: &str, text: &str) -> AnswerRow {
    let error = |message: String| AnswerRow::Error { row, message };
    let Some(ticked) = parse_tick(tick_text) else {
        return error(format!(
            "{id}: the tick '{}' is not readable (use yes/no, y/n, true/false or ✓/✗)",
            clip(tick_text, 40)
        ));
    };
    if text.len() > crate::MAX_OBJECTIVE_BYTES {
        return error(format!(
            "the re-wording is {} bytes long; one objective may be at most {} bytes",
            text.len(),
            crate::MAX_OBJECTIVE_BYTES
        ));
    }
    AnswerRow::Ok(Answer {
        row,
        participant: who.split_whitespace().collect::<Vec<_>>().join(" "),
        statement: id.to_string(),
        ticked,
        reworded: (!text.is_empty()).then(|| text.to_string()),
    })
}

/// The rows of a table with one answer per row.
fn read_answer_rows(table: &Table) -> Result<Vec<AnswerRow>, MarkError> {
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
            let text = reworded.map(|c| table.cell(row, c)).unwrap_or("");
            answer(row.number, who, id, tick_text, text)
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

#[cfg(test)]
mod form_tests {
    use super::*;
    use crate::io::table::parse_delimited;

    #[test]
    fn a_google_forms_export_gives_one_answer_per_statement_answered() {
        let t = parse_delimited(
            "responses.csv",
            "Timestamp,Email address,Your name,\"S1: John will stop disrupting the class. Is it SMART?\",S1: Re-word it,\"S2: Mum will attend 3 appointments by May. Is it SMART?\",S2: Re-word it\n\
             2026/11/20 10:02,asha@example.org,Asha Patel,No,John will raise his hand in every lesson by half term,Yes,\n\
             2026/11/20 10:03,ben@example.org,Ben Okafor,Yes,,,\n\
             2026/11/20 10:04,cal@example.org,Cal Reid,,,,\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let rows = read_answers(&t).unwrap_or_else(|e| panic!("{e}"));
        let got: Vec<String> = rows
            .iter()
            .map(|r| match r {
                AnswerRow::Ok(a) => format!(
                    "{} {} {} {} {}",
                    a.row,
                    a.participant,
                    a.statement,
                    a.ticked,
                    a.reworded.is_some()
                ),
                AnswerRow::Error { row, message } => format!("{row} error: {message}"),
            })
            .collect();
        assert_eq!(
            got,
            vec![
                "2 Asha Patel S1 false true",
                "2 Asha Patel S2 true false",
                "3 Ben Okafor S1 true false",
                "4 error: Cal Reid answered none of the statements",
            ]
        );
    }

    #[test]
    fn a_microsoft_forms_export_is_read_by_its_question_titles() {
        let t = parse_delimited(
            "forms.csv",
            "ID,Start time,Completion time,Email,Name,Statement 1 - is it SMART?,Statement 1 - your SMART version,Statement 2 - is it SMART?\n\
             1,11/20/26 10:01:00,11/20/26 10:09:00,anonymous,Dee,No,Dee will read with Sam for 10 minutes every evening,maybe\n",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let rows = read_answers(&t).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            matches!(&rows[0], AnswerRow::Ok(a) if a.statement == "S1" && !a.ticked && a.reworded.is_some())
        );
        assert!(
            matches!(&rows[1], AnswerRow::Error { message, .. } if message.starts_with("S2: the tick 'maybe'"))
        );
    }
}

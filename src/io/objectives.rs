//! Reads objectives from arguments, a `.txt` or `.jsonl` file, or standard input.
//! Every problem is reported with its source and line; good lines are still read.

use crate::core::check::{Objective, MAX_OBJECTIVE_BYTES};
use std::io::Read;
use std::path::Path;

/// A source of objectives could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: cannot read: {reason}")]
pub struct InputError {
    pub origin: String,
    pub reason: String,
}

/// One input record: an objective to check, or an error that names where it came from.
pub enum Record {
    Objective {
        /// "argument 2", "plans.txt:14", "<stdin>:3".
        origin: String,
        objective: Objective,
        /// The JSONL object the objective came from, passed through unchanged.
        input: Option<serde_json::Value>,
    },
    Error {
        origin: String,
        message: String,
    },
}

fn checked(
    origin: String,
    text: &str,
    concern: Option<String>,
    input: Option<serde_json::Value>,
) -> Record {
    if text.trim().is_empty() {
        return Record::Error {
            origin,
            message: "the objective is empty".to_string(),
        };
    }
    if text.len() > MAX_OBJECTIVE_BYTES {
        return Record::Error {
            origin,
            message: format!(
                "the objective is {} bytes long; the limit is {MAX_OBJECTIVE_BYTES} bytes (one objective per line)",
                text.len()
            ),
        };
    }
    Record::Objective {
        origin,
        objective: Objective::new(text.trim()).with_concern(concern),
        input,
    }
}

/// Objectives given as command-line arguments.
pub fn from_args(args: &[String], concern: Option<&str>) -> Vec<Record> {
    args.iter()
        .enumerate()
        .map(|(i, a)| {
            checked(
                format!("argument {}", i + 1),
                a,
                concern.map(str::to_string),
                None,
            )
        })
        .collect()
}

/// Objectives from a file: `.jsonl` (objects with a `text` field) or text, one per line.
pub fn from_file(path: &Path, concern: Option<&str>) -> Result<Vec<Record>, InputError> {
    let bytes = std::fs::read(path).map_err(|e| InputError {
        origin: path.display().to_string(),
        reason: e.to_string(),
    })?;
    let jsonl = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
    Ok(from_bytes(
        &bytes,
        &path.display().to_string(),
        jsonl,
        concern,
    ))
}

/// Objectives from standard input, one per line: JSON lines when the first
/// line is a JSON object (as `smarten check --format jsonl` and the corpus
/// files write them), else text.
pub fn from_stdin(concern: Option<&str>) -> Result<Vec<Record>, InputError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|e| InputError {
            origin: "<stdin>".into(),
            reason: e.to_string(),
        })?;
    let jsonl = looks_like_json_lines(&bytes);
    Ok(from_bytes(&bytes, "<stdin>", jsonl, concern))
}

/// True when the first non-blank line is a JSON object: no objective is
/// written as one.
fn looks_like_json_lines(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let first = text
        .lines()
        .map(|l| l.trim_start_matches('\u{feff}').trim())
        .find(|l| !l.is_empty());
    first.is_some_and(|l| {
        l.starts_with('{')
            && matches!(
                serde_json::from_str::<serde_json::Value>(l),
                Ok(serde_json::Value::Object(_))
            )
    })
}

/// Splits `bytes` into lines and reads each; blank lines separate, they are not objectives.
pub fn from_bytes(bytes: &[u8], name: &str, jsonl: bool, concern: Option<&str>) -> Vec<Record> {
    let mut records = Vec::new();
    for (i, raw) in bytes.split(|b| *b == b'\n').enumerate() {
        let origin = format!("{name}:{}", i + 1);
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        let line = match std::str::from_utf8(raw) {
            Ok(l) => l,
            Err(e) => {
                records.push(Record::Error {
                    origin,
                    message: format!("not valid UTF-8 (at byte {})", e.valid_up_to()),
                });
                continue;
            }
        };
        let line = line.strip_prefix('\u{feff}').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        if !jsonl {
            records.push(checked(origin, line, concern.map(str::to_string), None));
            continue;
        }
        records.push(match serde_json::from_str::<serde_json::Value>(line) {
            Err(e) => Record::Error {
                origin,
                message: format!("not valid JSON: {e}"),
            },
            Ok(value) => match value.get("text").and_then(|t| t.as_str()) {
                None => Record::Error {
                    origin,
                    message: "the JSON object has no string field `text`".to_string(),
                },
                Some(text) => {
                    let row_concern = value
                        .get("concern")
                        .and_then(|c| c.as_str())
                        .map(str::to_string)
                        .or_else(|| concern.map(str::to_string));
                    let text = text.to_string();
                    checked(origin, &text, row_concern, Some(value))
                }
            },
        });
    }
    records
}

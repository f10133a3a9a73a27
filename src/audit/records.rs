//! Audit records as files: one JSON object per line (JSONL) or one CSV row per
//! input row, in input order, and the second pass that notes drift on the rows
//! carried over unchanged between plan versions (known only once every version
//! has been read).

use super::row::RowRecord;
use super::run::AuditError;
use crate::core::finding::{Criterion, Verdict};
use std::collections::HashMap;
use std::io::{BufRead, Read, Write};
use std::path::Path;

/// A record's file, sheet ("" for none) and row: where drift notes go.
pub type RecordKey = (String, String, usize);

/// The formats records are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordFormat {
    Jsonl,
    Csv,
}

impl RecordFormat {
    /// The format named by `path`'s extension (`.jsonl` or `.csv`).
    pub fn of(path: &Path) -> Result<RecordFormat, AuditError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" => Ok(RecordFormat::Jsonl),
            "csv" => Ok(RecordFormat::Csv),
            other => Err(AuditError::Output(format!(
                "--out {}: '.{other}' is not an output format (use .jsonl or .csv)",
                path.display()
            ))),
        }
    }
}

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 18] = [
    "file",
    "sheet",
    "row",
    "plan",
    "status",
    "smart",
    "S",
    "M",
    "A",
    "R",
    "T",
    "findings",
    "messages",
    "field_findings",
    "rewrite",
    "objective",
    "fields",
    "drift",
];

/// Writes records to `W` in one of the [`RecordFormat`]s.
pub enum RecordWriter<W: Write> {
    Jsonl(std::io::BufWriter<W>),
    Csv(Box<csv::Writer<W>>),
}

fn failed(e: impl std::fmt::Display) -> AuditError {
    AuditError::Output(e.to_string())
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` records into `out`; CSV starts with its header row.
    pub fn new(format: RecordFormat, out: W) -> Result<Self, AuditError> {
        Ok(match format {
            RecordFormat::Jsonl => RecordWriter::Jsonl(std::io::BufWriter::new(out)),
            RecordFormat::Csv => {
                let mut w = csv::Writer::from_writer(out);
                w.write_record(CSV_COLUMNS).map_err(failed)?;
                RecordWriter::Csv(Box::new(w))
            }
        })
    }

    pub fn write(&mut self, r: &RowRecord) -> Result<(), AuditError> {
        match self {
            RecordWriter::Jsonl(w) => {
                serde_json::to_writer(&mut *w, r).map_err(failed)?;
                w.write_all(b"\n").map_err(failed)
            }
            RecordWriter::Csv(w) => w.write_record(csv_row(r)).map_err(failed),
        }
    }

    /// Flushes and hands back the output.
    pub fn finish(self) -> Result<W, AuditError> {
        match self {
            RecordWriter::Jsonl(w) => w.into_inner().map_err(|e| failed(e.error())),
            RecordWriter::Csv(w) => w.into_inner().map_err(failed),
        }
    }
}

/// A record as a CSV row, in [`CSV_COLUMNS`] order (drift is filled in later).
fn csv_row(r: &RowRecord) -> [String; 18] {
    let verdict = |c: Criterion| {
        r.criteria.as_ref().map_or(String::new(), |k| {
            match k.get(c).verdict {
                Verdict::Pass => "pass",
                Verdict::Fail => "fail",
                Verdict::Unknown => "unknown",
            }
            .to_string()
        })
    };
    let status = match (&r.error, r.skipped) {
        (Some(e), _) => format!("error: {e}"),
        (None, Some(s)) => format!("skipped: {s}"),
        _ => "judged".into(),
    };
    [
        r.file.clone(),
        r.sheet.clone().unwrap_or_default(),
        r.row.to_string(),
        r.plan.clone(),
        status,
        r.smart.map_or(String::new(), |s| s.to_string()),
        verdict(Criterion::S),
        verdict(Criterion::M),
        verdict(Criterion::A),
        verdict(Criterion::R),
        verdict(Criterion::T),
        r.findings
            .iter()
            .map(|f| f.rule.as_str())
            .collect::<Vec<_>>()
            .join("; "),
        r.findings
            .iter()
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
            .join(" | "),
        r.field_findings
            .iter()
            .map(|f| format!("{}: {}", f.field, f.message))
            .collect::<Vec<_>>()
            .join(" | "),
        r.rewrite.clone().unwrap_or_default(),
        r.objective.clone().unwrap_or_default(),
        serde_json::Value::Object(r.fields.clone()).to_string(),
        String::new(),
    ]
}

/// Copies records written in `format` from `input` to `output`, adding each
/// drift note to the record it belongs to, one record at a time.
pub fn add_drift(
    format: RecordFormat,
    input: impl Read,
    output: impl Write,
    drift: &HashMap<RecordKey, String>,
) -> Result<(), AuditError> {
    let input = std::io::BufReader::new(input);
    match format {
        RecordFormat::Csv => {
            let mut r = csv::Reader::from_reader(input);
            let mut w = csv::Writer::from_writer(output);
            w.write_record(r.headers().map_err(failed)?)
                .map_err(failed)?;
            for rec in r.records() {
                let mut rec: Vec<String> =
                    rec.map_err(failed)?.iter().map(str::to_string).collect();
                let key = (rec[0].clone(), rec[1].clone(), rec[2].parse().unwrap_or(0));
                if let (Some(note), Some(last)) = (drift.get(&key), rec.last_mut()) {
                    *last = note.clone();
                }
                w.write_record(&rec).map_err(failed)?;
            }
            w.flush().map_err(failed)
        }
        RecordFormat::Jsonl => {
            let mut w = std::io::BufWriter::new(output);
            for line in input.lines() {
                let line = line.map_err(failed)?;
                let mut v: serde_json::Value = serde_json::from_str(&line).map_err(failed)?;
                let key = (
                    v["file"].as_str().unwrap_or("").to_string(),
                    v["sheet"].as_str().unwrap_or("").to_string(),
                    v["row"].as_u64().unwrap_or(0) as usize,
                );
                if let (Some(note), Some(obj)) = (drift.get(&key), v.as_object_mut()) {
                    obj.insert("drift".into(), serde_json::Value::String(note.clone()));
                }
                serde_json::to_writer(&mut w, &v).map_err(failed)?;
                w.write_all(b"\n").map_err(failed)?;
            }
            w.flush().map_err(failed)
        }
    }
}

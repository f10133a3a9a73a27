//! The audit as a library function: plan files and folders in; one record per
//! input row out, in input order, to a [`RecordSink`]; progress reported as it
//! goes; and at the end the [`Summary`] with the plan book behind the plan
//! findings, drift and the report. The command line and the web server supply
//! their own sinks and progress.
//!
//! Each table is read twice, a row at a time: a first pass checks it, counts its
//! rows and gathers each plan's concerns; the second judges its rows in chunks,
//! in parallel, so a large file is never held whole.

use super::compose::{add_plan_concern, plan_key};
use super::row::{Auditor, RowRecord};
use super::summary::{Summary, PLAN_FINDINGS_SHOWN};
use crate::io::columns::{Field, Mapping};
use crate::io::plan_files::{collect_files, ReadOptions, TableSource};
use crate::io::table::{Table, TableError, TableRow};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// Rows judged at a time: enough to keep both cores busy, few enough to keep memory flat.
const CHUNK: usize = 2048;

/// An audit could not go on: writing its records or keeping its plan ledger failed.
/// (A file or row that cannot be read is not an error of the run: it is named in
/// the summary and the records.)
#[derive(Debug, thiserror::Error)]
pub enum AuditError {
    #[error("{0}")]
    Output(String),
    #[error("cannot keep the plan's actions for the report: {0}")]
    Ledger(std::io::Error),
    #[error("cannot read back the plans' actions: {0}")]
    Readback(std::io::Error),
    #[error(transparent)]
    Read(#[from] TableError),
}

/// Where records go, one per input row, in input order.
pub trait RecordSink {
    fn record(&mut self, record: &RowRecord) -> Result<(), AuditError>;
}

/// A sink that keeps nothing (when only the summary is wanted).
pub struct NoRecords;

impl RecordSink for NoRecords {
    fn record(&mut self, _: &RowRecord) -> Result<(), AuditError> {
        Ok(())
    }
}

impl RecordSink for Vec<RowRecord> {
    fn record(&mut self, record: &RowRecord) -> Result<(), AuditError> {
        self.push(record.clone());
        Ok(())
    }
}

/// What an audit reports as it goes. Rows are judged in parallel, so this is `Sync`.
pub trait Progress: Sync {
    /// A file is being read.
    fn file(&self, _path: &Path) {}
    /// More rows are known: a table's rows were counted.
    fn rows_found(&self, _rows: u64) {}
    /// A row was judged.
    fn row_done(&self) {}
    /// How a table's columns were read (once per set of headers).
    fn columns(&self, _table: &str, _mapping: &str) {}
}

/// Reports nothing.
pub struct NoProgress;

impl Progress for NoProgress {}

/// How to audit.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Which column is which, where the headers do not say (`--columns`).
    pub columns: BTreeMap<Field, String>,
    /// Keep each rewrite for the HTML report's tables.
    pub keep_rewrites: bool,
    /// How files are read (`--encoding`).
    pub read: ReadOptions,
    /// Findings accepted before (`--baseline`): reported as accepted, not new.
    pub baseline: super::baseline::Baseline,
}

/// Audits every plan file under `paths`: records go to `sink` in input order;
/// the summary comes back. Unreadable files and rows are in the summary and
/// the records, not errors of the run.
pub fn run(
    auditor: &Auditor<'_>,
    paths: &[PathBuf],
    options: &Options,
    sink: &mut dyn RecordSink,
    progress: &dyn Progress,
) -> Result<Summary, AuditError> {
    let found = collect_files(paths);
    let said = |list: &[(PathBuf, String)]| -> Vec<String> {
        list.iter()
            .map(|(p, why)| format!("{}: {why}", p.display()))
            .collect()
    };
    let mut summary = Summary {
        not_plans: said(&found.skipped),
        unreadable: said(&found.unreadable),
        inputs: paths.iter().map(|p| p.display().to_string()).collect(),
        ..Default::default()
    };
    let files = found.files;
    summary.book.keep_rewrites = options.keep_rewrites;
    let mut run = Run {
        auditor,
        baseline: &options.baseline,
        columns: &options.columns,
        progress,
        shown_mappings: Vec::new(),
        summary,
        sink,
    };
    for file in &files {
        progress.file(file);
        let sources = match TableSource::of(file, &options.read) {
            Ok(s) => s,
            Err(e) => {
                run.summary.unreadable.push(e.to_string());
                continue;
            }
        };
        run.summary.not_plans.extend(sources.skipped);
        run.summary.notes.extend(sources.notes);
        let sources = sources.tables;
        let mut read = sources.is_empty();
        for source in &sources {
            read |= run.table(file, source)?;
        }
        if read {
            run.summary.files += 1;
        }
    }
    let mut summary = run.summary;
    summary
        .book
        .finish(auditor.encoder)
        .map_err(AuditError::Readback)?;
    let lexicon = auditor.checker.lexicon();
    let (mut shown, mut more) = (Vec::new(), 0);
    for report in summary.book.reports(lexicon) {
        let report = report.map_err(AuditError::Readback)?;
        if report.findings.is_empty() {
            continue;
        }
        if shown.len() < PLAN_FINDINGS_SHOWN {
            shown.push(report);
        } else {
            more += 1;
        }
    }
    summary.plan_findings = shown
        .iter()
        .flat_map(|p| {
            p.findings
                .iter()
                .map(move |f| format!("{} ({}): {f}", p.plan, p.version))
        })
        .collect();
    summary.more_plans_with_findings = more;
    Ok(summary)
}

/// The state of one audit run.
struct Run<'a, 'r> {
    auditor: &'a Auditor<'a>,
    baseline: &'a super::baseline::Baseline,
    columns: &'a BTreeMap<Field, String>,
    progress: &'a dyn Progress,
    /// Header rows whose column mapping has been reported.
    shown_mappings: Vec<Vec<String>>,
    summary: Summary,
    sink: &'r mut dyn RecordSink,
}

impl Run<'_, '_> {
    fn add(&mut self, r: &RowRecord) -> Result<(), AuditError> {
        let mut r = std::borrow::Cow::Borrowed(r);
        if !self.baseline.findings.is_empty() && !r.findings.is_empty() {
            self.baseline.apply(r.to_mut());
        }
        self.summary.add(&r)?;
        self.sink.record(&r)
    }

    /// Audits one table (a CSV, TSV, JSONL or TXT file, a sheet of a workbook
    /// or a table of a document) a chunk of rows at a time. A table whose first
    /// pass fails is named as unreadable and `Ok(false)` returned.
    fn table(&mut self, file: &Path, source: &TableSource) -> Result<bool, AuditError> {
        let name = crate::io::table::origin_of(&file.display().to_string(), source.sheet());
        let first = match source.open() {
            Ok(s) => s,
            Err(e) => {
                self.summary.unreadable.push(e.to_string());
                return Ok(false);
            }
        };
        let meta = Table {
            file: file.display().to_string(),
            sheet: source.sheet().map(str::to_string),
            headers: first.headers.clone(),
            rows: Vec::new(),
        };
        self.summary.notes.extend(first.read_as.clone());
        for header in &first.repeated {
            let header = crate::io::table::clip(header, 60);
            self.summary.warnings.push(format!(
                "{name}: more than one column is headed '{header}'; the first is read as it, the others as '{header} (2)' and so on"
            ));
        }
        let mapping = table_mapping(&meta.headers, self.columns);
        let mut concerns = HashMap::new();
        let mut count = 0u64;
        let counted = first.for_each(|row| -> Result<(), TableError> {
            count += 1;
            if let (Ok(row), Ok(m)) = (row, &mapping) {
                add_plan_concern(&mut concerns, &meta, m, &row);
            }
            Ok(())
        });
        if let Err(e) = counted {
            self.summary.unreadable.push(e.to_string());
            return Ok(false);
        }
        self.summary.tables += 1;
        self.progress.rows_found(count);
        // The table was read whole a moment ago; failing now is a failure of the run.
        let rows = source.open()?;
        let mapping = match mapping {
            Ok(m) => m,
            Err(e) => {
                // Every row is still output, with the reason.
                rows.for_each(|row| {
                    self.add(&match row {
                        Ok(r) => RowRecord::error(&meta, r.number, e.clone()),
                        Err((n, msg)) => RowRecord::error(&meta, n, msg),
                    })
                })?;
                self.summary.unreadable.push(format!("{name}: {e}"));
                return Ok(true);
            }
        };
        if !self.shown_mappings.contains(&meta.headers) {
            self.progress
                .columns(&name, &mapping.describe(&meta.headers));
            self.shown_mappings.push(meta.headers.clone());
        }
        let mut chunk = Vec::with_capacity(CHUNK);
        let mut bad: Vec<(usize, String)> = Vec::new();
        rows.for_each(|row| {
            match row {
                Ok(r) => {
                    chunk.push(r);
                    if chunk.len() == CHUNK {
                        self.chunk(&meta, &mut chunk, &mut bad, &mapping, &concerns)?;
                    }
                }
                Err(b) => bad.push(b),
            }
            Ok::<(), AuditError>(())
        })?;
        self.chunk(&meta, &mut chunk, &mut bad, &mapping, &concerns)?;
        for (n, msg) in bad {
            self.add(&RowRecord::error(&meta, n, msg))?;
        }
        Ok(true)
    }

    /// Judges the rows of `chunk` in parallel and hands the records on in row
    /// order, each preceded by the unreadable rows (`bad`) numbered before it;
    /// unreadable rows after the chunk's last row wait for the next chunk.
    fn chunk(
        &mut self,
        meta: &Table,
        chunk: &mut Vec<TableRow>,
        bad: &mut Vec<(usize, String)>,
        mapping: &Mapping,
        concerns: &HashMap<String, Vec<String>>,
    ) -> Result<(), AuditError> {
        let table = Table {
            rows: std::mem::take(chunk),
            ..meta.clone()
        };
        let (auditor, progress) = (self.auditor, self.progress);
        let records: Vec<RowRecord> = (0..table.rows.len())
            .into_par_iter()
            .map(|i| {
                let plan = plan_key(&table, mapping, &table.rows[i]);
                let plan_concerns = concerns.get(&plan).map_or(&[][..], |v| v.as_slice());
                let r = auditor.audit_row(&table, mapping, i, plan_concerns);
                progress.row_done();
                r
            })
            .collect();
        let mut pending = std::mem::take(bad).into_iter().peekable();
        for r in &records {
            while let Some((n, msg)) = pending.next_if(|(n, _)| *n < r.row) {
                self.add(&RowRecord::error(meta, n, msg))?;
            }
            self.add(r)?;
        }
        bad.extend(pending);
        Ok(())
    }
}

/// The column mapping of a table, or why it has none.
fn table_mapping(
    headers: &[String],
    overrides: &BTreeMap<Field, String>,
) -> Result<Mapping, String> {
    // The reason is carried in each row's record: a message, not an error type.
    match Mapping::from_headers(headers, overrides) {
        Ok(m) if m.has_objective() => Ok(m),
        Ok(m) if headers.len() == 1 => {
            let mut m = m;
            m.columns.insert(Field::What, 0);
            Ok(m)
        }
        Ok(_) => Err(format!(
            "no action column: none of the headers ({}) means 'what will be done'; name it with --columns what=HEADER",
            crate::io::table::header_list(headers)
        )),
        Err(e) => Err(e.to_string()),
    }
}

//! `smarten audit` at the command line: the records file (written atomically,
//! with drift notes added once every plan version is read), the progress bar,
//! the HTML report and the summary. The audit itself is `smarten::audit::run`.

use super::args::Format;
use anyhow::{Context as _, Result};
use indicatif::{ProgressBar, ProgressStyle};
use smarten::audit::baseline::Baseline;
use smarten::audit::records::{add_drift, RecordFormat, RecordKey, RecordWriter};
use smarten::audit::{AuditError, Auditor, RecordSink, RowRecord, Summary};
use smarten::io::output::{persist, temp_beside};
use smarten::report::lint::{self, Diagnostic, RuleInfo};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

pub struct Options {
    pub paths: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub report: Option<PathBuf>,
    pub columns: Option<String>,
    pub encoding: Option<&'static encoding_rs::Encoding>,
    pub header_row: Option<u32>,
    pub sheet: Option<String>,
    pub read: smarten::core::config::ReadConfig,
    /// A linter's format for the findings on standard output, or `Human` for none.
    pub format: super::args::Format,
    /// The rules SARIF lists.
    pub rules: Vec<RuleInfo>,
    pub baseline: Option<PathBuf>,
    pub write_baseline: Option<PathBuf>,
    pub quiet: bool,
}

/// The records file being written: a temporary file beside `--out`.
struct Out {
    path: PathBuf,
    format: RecordFormat,
    writer: RecordWriter<NamedTempFile>,
}

/// The records file, when `--out` was given, and the findings in a linter's
/// format on standard output, when `--format` asks for one.
struct Records {
    out: Option<Out>,
    format: Format,
    /// SARIF's results, written at the end.
    sarif: Vec<Diagnostic>,
    /// Today's findings, for --write-baseline.
    baseline: Option<Baseline>,
}

impl RecordSink for Records {
    fn record(&mut self, record: &RowRecord) -> Result<(), AuditError> {
        if let Some(b) = &mut self.baseline {
            b.add(record);
        }
        if self.format.is_lint() {
            let mut stdout = std::io::stdout().lock();
            for d in Diagnostic::of_record(record) {
                let line = match self.format {
                    Format::Rdjsonl => lint::rdjson(&d).to_string(),
                    Format::Github => lint::github(&d),
                    _ => {
                        self.sarif.push(d);
                        continue;
                    }
                };
                writeln!(stdout, "{line}").map_err(|e| AuditError::Output(e.to_string()))?;
            }
        }
        match &mut self.out {
            Some(out) => out.writer.write(record),
            None => Ok(()),
        }
    }
}

impl Out {
    fn create(path: &Path) -> Result<Out> {
        let format = RecordFormat::of(path)?;
        let writer = RecordWriter::new(format, temp_beside(path)?)?;
        Ok(Out {
            path: path.to_path_buf(),
            format,
            writer,
        })
    }

    /// Moves the records into place, with drift notes on the rows carried over.
    fn finish(self, drift: &HashMap<RecordKey, String>) -> Result<()> {
        let path = &self.path;
        let tmp = self
            .writer
            .finish()
            .with_context(|| path.display().to_string())?;
        let tmp = if drift.is_empty() {
            tmp
        } else {
            let mut marked = temp_beside(path)?;
            let input = tmp.reopen().with_context(|| path.display().to_string())?;
            add_drift(self.format, input, &mut marked, drift)
                .with_context(|| path.display().to_string())?;
            marked
        };
        Ok(persist(tmp, path)?)
    }
}

/// The progress bar on standard error, and the column mappings above it.
struct Bar {
    bar: ProgressBar,
    quiet: bool,
}

impl smarten::audit::Progress for Bar {
    fn file(&self, path: &Path) {
        self.bar.set_message(path.display().to_string());
    }
    fn rows_found(&self, rows: u64) {
        self.bar.inc_length(rows);
    }
    fn row_done(&self) {
        self.bar.inc(1);
    }
    fn columns(&self, table: &str, mapping: &str) {
        if !self.quiet {
            self.bar
                .suspend(|| eprintln!("columns of {table}: {mapping}"));
        }
    }
}

/// Checks every output path before any work starts, and removes the partial
/// files a run killed outright left beside them.
pub fn prepare_outputs<'a>(paths: impl Iterator<Item = &'a PathBuf>) -> Result<()> {
    for path in paths {
        smarten::io::output::check_output_path(path)?;
        for stale in smarten::io::output::remove_stale_temps(path) {
            eprintln!(
                "removed {}: a partial file left by an interrupted run",
                stale.display()
            );
        }
    }
    Ok(())
}

/// Runs the audit; returns the summary and whether any file or row failed to read.
pub fn run(auditor: &Auditor<'_>, opts: &Options) -> Result<(Summary, bool)> {
    prepare_outputs(
        opts.out
            .iter()
            .chain(&opts.report)
            .chain(&opts.write_baseline),
    )?;
    let baseline = match &opts.baseline {
        Some(path) => {
            let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
            Baseline::parse(&text).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?
        }
        None => Baseline::default(),
    };
    let columns = match &opts.columns {
        Some(spec) => smarten::io::columns::parse_overrides(spec)?,
        None => Default::default(),
    };
    let mut out = Records {
        out: opts.out.as_deref().map(Out::create).transpose()?,
        format: opts.format,
        sarif: Vec::new(),
        baseline: opts.write_baseline.as_ref().map(|_| Baseline::default()),
    };
    let bar = if opts.quiet || !std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} rows  {per_sec}  ETA {eta}  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    };
    let options = smarten::audit::Options {
        columns,
        // The report's tables show each action beside its rewrite; nothing else needs them kept.
        keep_rewrites: opts.report.is_some(),
        read: smarten::io::plan_files::ReadOptions {
            encoding: opts.encoding,
            zip: opts.read.zip,
            dates: opts.read.dates,
            header_row: opts.header_row,
            sheet: opts.sheet.clone(),
        },
        baseline,
    };
    let progress = Bar {
        bar,
        quiet: opts.quiet,
    };
    let summary = smarten::audit::run(auditor, &opts.paths, &options, &mut out, &progress)?;
    progress.bar.finish_and_clear();
    if let (Some(path), Some(b)) = (&opts.write_baseline, &out.baseline) {
        smarten::io::output::write_atomically(path, b.to_json().as_bytes())?;
    }
    if opts.format == Format::Sarif {
        let log = lint::sarif(&out.sarif, &opts.rules);
        println!("{}", serde_json::to_string_pretty(&log)?);
    }
    if let Some(out) = out.out {
        let drift: HashMap<RecordKey, String> = summary
            .book
            .drift()
            .map(|d| {
                (
                    (d.file.clone(), d.sheet.clone().unwrap_or_default(), d.row),
                    format!(
                        "carried over unchanged since {} and still not SMART",
                        d.since
                    ),
                )
            })
            .collect();
        out.finish(&drift)?;
    }
    if let Some(path) = &opts.report {
        let lexicon = auditor.checker.lexicon();
        let context = || path.display().to_string();
        let mut w = std::io::BufWriter::new(temp_beside(path)?);
        smarten::report::audit::write_html(
            &mut w,
            &summary.report_data(),
            summary.book.reports(lexicon),
            |p| summary.book.not_smart_actions(p),
        )
        .with_context(context)?;
        let tmp = w
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(context)?;
        persist(tmp, path)?;
    }
    let failed = summary.failed();
    Ok((summary, failed))
}

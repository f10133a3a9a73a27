//! `smarten audit`: reads plan files and folders, judges every row in parallel,
//! streams one record per input row to --out (JSONL or CSV, written atomically),
//! and prints a summary.

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use smarten::audit::{Auditor, RowRecord};
use smarten::core::finding::Verdict;
use smarten::io::columns::{Field, Mapping};
use smarten::io::plan_files::{collect_files, read_plan_file};
use smarten::Criterion;
use std::collections::{BTreeMap, HashMap};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// A record's file, sheet ("" for none) and row.
type DriftKey = (String, String, usize);

/// Rows judged at a time: enough to keep both cores busy, few enough to keep memory flat.
const CHUNK: usize = 2048;

/// Where records go: JSONL or CSV, into a temporary file renamed at the end.
enum Out {
    Jsonl(std::io::BufWriter<tempfile::NamedTempFile>),
    Csv(Box<csv::Writer<tempfile::NamedTempFile>>),
}

impl Out {
    fn create(path: &Path) -> Result<Out, String> {
        let tmp = crate::cli::mark::temp_beside(path)?;
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "jsonl" => Ok(Out::Jsonl(std::io::BufWriter::new(tmp))),
            "csv" => {
                let mut w = csv::Writer::from_writer(tmp);
                w.write_record([
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
                ])
                .map_err(|e| e.to_string())?;
                Ok(Out::Csv(Box::new(w)))
            }
            other => Err(format!(
                "--out {}: '.{other}' is not an output format (use .jsonl or .csv)",
                path.display()
            )),
        }
    }

    fn write(&mut self, r: &RowRecord) -> Result<(), String> {
        match self {
            Out::Jsonl(w) => {
                serde_json::to_writer(&mut *w, r).map_err(|e| e.to_string())?;
                w.write_all(b"\n").map_err(|e| e.to_string())
            }
            Out::Csv(w) => {
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
                w.write_record([
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
                ])
                .map_err(|e| e.to_string())
            }
        }
    }

    /// Moves the records into place. Drift is known only once every version has
    /// been read, so rows carried over get their `drift` note in a second,
    /// streaming pass over the written records.
    fn finish(self, path: &Path, drift: &HashMap<DriftKey, String>) -> Result<(), String> {
        let err = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
        let (tmp, csv) = match self {
            Out::Jsonl(w) => (w.into_inner().map_err(|e| err(&e))?, false),
            Out::Csv(w) => (w.into_inner().map_err(|e| err(&e))?, true),
        };
        let tmp = if drift.is_empty() {
            tmp
        } else {
            let marked = crate::cli::mark::temp_beside(path)?;
            let input = std::io::BufReader::new(tmp.reopen().map_err(|e| err(&e))?);
            if csv {
                let mut r = csv::Reader::from_reader(input);
                let mut w = csv::Writer::from_writer(marked);
                w.write_record(r.headers().map_err(|e| err(&e))?)
                    .map_err(|e| err(&e))?;
                for rec in r.records() {
                    let mut rec: Vec<String> = rec
                        .map_err(|e| err(&e))?
                        .iter()
                        .map(str::to_string)
                        .collect();
                    let key = (rec[0].clone(), rec[1].clone(), rec[2].parse().unwrap_or(0));
                    if let (Some(note), Some(last)) = (drift.get(&key), rec.last_mut()) {
                        *last = note.clone();
                    }
                    w.write_record(&rec).map_err(|e| err(&e))?;
                }
                w.into_inner().map_err(|e| err(&e))?
            } else {
                use std::io::BufRead;
                let mut w = std::io::BufWriter::new(marked);
                for line in input.lines() {
                    let line = line.map_err(|e| err(&e))?;
                    let mut v: serde_json::Value =
                        serde_json::from_str(&line).map_err(|e| err(&e))?;
                    let key = (
                        v["file"].as_str().unwrap_or("").to_string(),
                        v["sheet"].as_str().unwrap_or("").to_string(),
                        v["row"].as_u64().unwrap_or(0) as usize,
                    );
                    if let (Some(note), Some(obj)) = (drift.get(&key), v.as_object_mut()) {
                        obj.insert("drift".into(), serde_json::Value::String(note.clone()));
                    }
                    serde_json::to_writer(&mut w, &v).map_err(|e| err(&e))?;
                    w.write_all(b"\n").map_err(|e| err(&e))?;
                }
                w.into_inner().map_err(|e| err(&e.error()))?
            }
        };
        tmp.persist(path).map_err(|e| err(&e))?;
        crate::cli::mark::readable_by_others(path);
        Ok(())
    }
}

/// Counters for the summary; memory stays flat in the number of rows.
#[derive(Default)]
pub struct Summary {
    files: usize,
    tables: usize,
    rows: usize,
    judged: usize,
    smart: usize,
    skipped_empty: usize,
    errors: usize,
    fails: BTreeMap<Criterion, usize>,
    findings: HashMap<smarten::core::rules::RuleId, usize>,
    unreadable: Vec<String>,
    not_plans: Vec<String>,
    book: smarten::audit::plans::PlanBook,
    /// The plan findings the terminal shows (of the worst plan versions), and
    /// how many more plan versions have findings; filled in at the end.
    plan_findings: Vec<String>,
    more_plans_with_findings: usize,
}

/// Plan versions whose findings the terminal summary lists; the HTML report lists all.
const PLAN_FINDINGS_SHOWN: usize = 10;

impl Summary {
    fn add(&mut self, r: &RowRecord) -> Result<(), String> {
        self.book
            .add(r)
            .map_err(|e| format!("cannot keep the plan's actions for the report: {e}"))?;
        self.rows += 1;
        if r.error.is_some() {
            self.errors += 1;
            return Ok(());
        }
        if r.skipped.is_some() {
            self.skipped_empty += 1;
            return Ok(());
        }
        self.judged += 1;
        let smart = r.smart == Some(true);
        if smart {
            self.smart += 1;
        }
        if let Some(c) = &r.criteria {
            for letter in c.failing() {
                *self.fails.entry(letter).or_default() += 1;
            }
        }
        for f in &r.findings {
            *self.findings.entry(f.rule).or_default() += 1;
        }
        Ok(())
    }

    /// The figures the HTML report shows.
    pub fn report_data(&self) -> smarten::report::audit::Figures {
        let mut top: Vec<(String, usize)> = self
            .findings
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(10);
        smarten::report::audit::Figures {
            files: self.files,
            plans: self.book.plans(),
            rows: self.rows,
            judged: self.judged,
            smart: self.smart,
            skipped: self.skipped_empty,
            errors: self.errors,
            fails: Criterion::ALL
                .iter()
                .map(|c| (*c, self.fails.get(c).copied().unwrap_or(0)))
                .collect(),
            top_findings: top,
            unreadable: self.unreadable.clone(),
            not_plans: self.not_plans.clone(),
        }
    }

    pub fn any_not_smart(&self) -> bool {
        self.smart < self.judged
    }

    pub fn text(&self) -> String {
        let pct = |n: usize, d: usize| {
            if d == 0 {
                0.0
            } else {
                100.0 * n as f64 / d as f64
            }
        };
        let mut out = format!(
            "audited {} files ({} tables, {} plans): {} rows, {} judged, {} empty rows skipped, {} rows with errors\n",
            self.files,
            self.tables,
            self.book.plans(),
            self.rows,
            self.judged,
            self.skipped_empty,
            self.errors
        );
        out.push_str(&format!(
            "SMART: {} of {} judged rows ({:.0}%)\n",
            self.smart,
            self.judged,
            pct(self.smart, self.judged)
        ));
        let letters: Vec<String> = Criterion::ALL
            .iter()
            .map(|c| format!("{c} {}", self.fails.get(c).copied().unwrap_or(0)))
            .collect();
        out.push_str(&format!("failures per letter: {}\n", letters.join(", ")));
        let mut top: Vec<(&smarten::core::rules::RuleId, &usize)> = self.findings.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        if !top.is_empty() {
            out.push_str("most frequent findings:\n");
            for (rule, n) in top.iter().take(10) {
                out.push_str(&format!("  {n:>6}  {rule}\n"));
            }
        }
        let mut plans = self.book.plan_scores();
        plans.retain(|p| p.2 > 0);
        plans.sort_by(|a, b| {
            let sa = a.1 as f64 / a.2 as f64;
            let sb = b.1 as f64 / b.2 as f64;
            sa.total_cmp(&sb).then(b.2.cmp(&a.2)).then(a.0.cmp(b.0))
        });
        if !plans.is_empty() {
            out.push_str("plans with the lowest share of SMART actions:\n");
            for (plan, smart, total) in plans.iter().take(5) {
                out.push_str(&format!(
                    "  {:>3.0}%  {smart} of {total}  {plan}\n",
                    pct(*smart, *total)
                ));
            }
        }
        if !self.plan_findings.is_empty() {
            out.push_str("plan findings:\n");
            for f in &self.plan_findings {
                out.push_str(&format!("  {f}\n"));
            }
        }
        if self.more_plans_with_findings > 0 {
            out.push_str(&format!(
                "  and findings on {} more plan versions (--report lists them all)\n",
                self.more_plans_with_findings
            ));
        }
        for u in &self.unreadable {
            out.push_str(&format!("could not read: {u}\n"));
        }
        for s in &self.not_plans {
            out.push_str(&format!("skipped: {s}\n"));
        }
        out
    }
}

pub struct Options {
    pub paths: Vec<PathBuf>,
    pub out: Option<PathBuf>,
    pub report: Option<PathBuf>,
    pub columns: Option<String>,
    pub quiet: bool,
}

/// Runs the audit; returns the summary and whether any file or row failed to read.
pub fn run(auditor: &Auditor, opts: &Options) -> Result<(Summary, bool), String> {
    let overrides = match &opts.columns {
        Some(spec) => smarten::io::columns::parse_overrides(spec)?,
        None => BTreeMap::new(),
    };
    let (files, not_plans) = collect_files(&opts.paths);
    let mut summary = Summary {
        not_plans: not_plans
            .iter()
            .map(|(p, why)| format!("{}: {why}", p.display()))
            .collect(),
        ..Default::default()
    };
    // The report's tables show each action beside its rewrite; nothing else needs them kept.
    summary.book.keep_rewrites = opts.report.is_some();
    let mut out = match &opts.out {
        Some(p) => Some(Out::create(p)?),
        None => None,
    };
    let bar = if opts.quiet || !std::io::stderr().is_terminal() {
        ProgressBar::hidden()
    } else {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} rows  {per_sec}  ETA {eta}  {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        b
    };
    let mut shown_mappings: Vec<Vec<String>> = Vec::new();
    for file in &files {
        bar.set_message(file.display().to_string());
        if let Some(sources) = smarten::io::plan_files::TableSource::of(file) {
            let sources = match sources {
                Ok(s) => s,
                Err(e) => {
                    summary.unreadable.push(e);
                    continue;
                }
            };
            let context = Context {
                auditor,
                overrides: &overrides,
                bar: &bar,
                quiet: opts.quiet,
            };
            let mut read = sources.is_empty();
            for source in &sources {
                let mut sink = Sink {
                    summary: &mut summary,
                    out: out.as_mut(),
                };
                read |= audit_streamed(file, source, &context, &mut sink, &mut shown_mappings)?;
            }
            if read {
                summary.files += 1;
            }
            continue;
        }
        let plan_file = match read_plan_file(file) {
            Ok(f) => f,
            Err(e) => {
                summary.unreadable.push(e);
                continue;
            }
        };
        summary.files += 1;
        let mut bad_rows = plan_file.bad_rows.clone();
        for table in &plan_file.tables {
            summary.tables += 1;
            bar.inc_length(table.rows.len() as u64);
            let mapping = table_mapping(&table.headers, &overrides);
            let where_ = match &table.sheet {
                Some(s) => format!("{} [{s}]", table.file),
                None => table.file.clone(),
            };
            let mapping = match mapping {
                Ok(m) => m,
                Err(e) => {
                    // Every row is still output, with the reason.
                    for row in &table.rows {
                        bad_rows.push((row.number, e.clone()));
                    }
                    let records = error_records(table, &bad_rows);
                    for r in &records {
                        summary.add(r)?;
                        if let Some(o) = out.as_mut() {
                            o.write(r)?;
                        }
                    }
                    bad_rows.clear();
                    summary.unreadable.push(format!("{where_}: {e}"));
                    continue;
                }
            };
            if !opts.quiet && !shown_mappings.contains(&table.headers) {
                bar.suspend(|| {
                    eprintln!("columns of {where_}: {}", mapping.describe(&table.headers))
                });
                shown_mappings.push(table.headers.clone());
            }
            let concerns = smarten::audit::plan_concerns(table, &mapping);
            // Rows that could not be read go in their place, by row number.
            let mut bad = std::mem::take(&mut bad_rows);
            bad.sort();
            let mut bad = bad.into_iter().peekable();
            // Chunks keep memory flat: only CHUNK records are held at a time.
            for chunk_start in (0..table.rows.len()).step_by(CHUNK) {
                let chunk_end = (chunk_start + CHUNK).min(table.rows.len());
                let mut sink = Sink {
                    summary: &mut summary,
                    out: out.as_mut(),
                };
                audit_chunk(
                    auditor,
                    table,
                    chunk_start..chunk_end,
                    &mapping,
                    &concerns,
                    &mut bad,
                    &bar,
                    &mut sink,
                )?;
            }
            let mut sink = Sink {
                summary: &mut summary,
                out: out.as_mut(),
            };
            for (n, msg) in bad {
                sink.add(&error_record(table, n, msg))?;
            }
        }
    }
    bar.finish_and_clear();
    let readback = |e: std::io::Error| format!("cannot read back the plans' actions: {e}");
    summary.book.finish(auditor.encoder).map_err(readback)?;
    let lexicon = auditor.checker.lexicon();
    let (mut shown, mut more) = (Vec::new(), 0);
    for report in summary.book.reports(lexicon) {
        let report = report.map_err(readback)?;
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
    if let (Some(o), Some(p)) = (out, &opts.out) {
        let drift: HashMap<DriftKey, String> = summary
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
        o.finish(p, &drift)?;
    }
    if let Some(path) = &opts.report {
        let err = |e: std::io::Error| format!("{}: {e}", path.display());
        let mut w = std::io::BufWriter::new(crate::cli::mark::temp_beside(path)?);
        smarten::report::audit::write_html(
            &mut w,
            &summary.report_data(),
            summary.book.reports(lexicon),
            |p| summary.book.not_smart_actions(p),
        )
        .map_err(err)?;
        let tmp = w.into_inner().map_err(|e| err(e.into_error()))?;
        tmp.persist(path).map_err(|e| err(e.error))?;
        crate::cli::mark::readable_by_others(path);
    }
    let failed = !summary.unreadable.is_empty() || summary.errors > 0;
    Ok((summary, failed))
}

/// The column mapping of a table, or why it has none.
fn table_mapping(
    headers: &[String],
    overrides: &BTreeMap<Field, String>,
) -> Result<Mapping, String> {
    match Mapping::from_headers(headers, overrides) {
        Ok(m) if m.has_objective() => Ok(m),
        Ok(m) if headers.len() == 1 => {
            let mut m = m;
            m.columns.insert(Field::What, 0);
            Ok(m)
        }
        Ok(_) => Err(format!(
            "no action column: none of the headers ({}) means 'what will be done'; name it with --columns what=HEADER",
            headers.join(", ")
        )),
        Err(e) => Err(e),
    }
}

/// What every file of a run is audited with.
struct Context<'a> {
    auditor: &'a Auditor<'a>,
    overrides: &'a BTreeMap<Field, String>,
    bar: &'a ProgressBar,
    quiet: bool,
}

/// Audits one table (a CSV, TSV, JSONL or TXT file, or a sheet of a workbook)
/// a chunk of rows at a time, so a large file is never held as a table. A first
/// pass checks the table, counts its rows and gathers each plan's concerns; the
/// second judges the rows. A table whose first pass fails is named as
/// unreadable and `Ok(false)` returned.
fn audit_streamed(
    file: &Path,
    source: &smarten::io::plan_files::TableSource,
    cx: &Context,
    sink: &mut Sink,
    shown_mappings: &mut Vec<Vec<String>>,
) -> Result<bool, String> {
    let name = match source.sheet() {
        Some(sheet) => format!("{} [{sheet}]", file.display()),
        None => file.display().to_string(),
    };
    let first = match source.open() {
        Ok(s) => s,
        Err(e) => {
            sink.summary.unreadable.push(e);
            return Ok(false);
        }
    };
    let meta = smarten::io::table::Table {
        file: file.display().to_string(),
        sheet: source.sheet().map(str::to_string),
        headers: first.headers.clone(),
        rows: Vec::new(),
    };
    let mapping = table_mapping(&meta.headers, cx.overrides);
    let mut concerns = HashMap::new();
    let mut count = 0u64;
    let counted = first.for_each(&mut |row| {
        count += 1;
        if let (Ok(row), Ok(m)) = (row, &mapping) {
            smarten::audit::add_plan_concern(&mut concerns, &meta, m, &row);
        }
        Ok(())
    });
    if let Err(e) = counted {
        sink.summary.unreadable.push(e);
        return Ok(false);
    }
    sink.summary.tables += 1;
    cx.bar.inc_length(count);
    // The table was read whole a moment ago; failing now is a failure of the run.
    let rows = source.open()?;
    let mapping = match mapping {
        Ok(m) => m,
        Err(e) => {
            // Every row is still output, with the reason.
            rows.for_each(&mut |row| {
                sink.add(&match row {
                    Ok(r) => error_record(&meta, r.number, e.clone()),
                    Err((n, msg)) => error_record(&meta, n, msg),
                })
            })?;
            sink.summary.unreadable.push(format!("{name}: {e}"));
            return Ok(true);
        }
    };
    if !cx.quiet && !shown_mappings.contains(&meta.headers) {
        cx.bar
            .suspend(|| eprintln!("columns of {name}: {}", mapping.describe(&meta.headers)));
        shown_mappings.push(meta.headers.clone());
    }
    let mut chunk = Vec::with_capacity(CHUNK);
    let mut bad: Vec<(usize, String)> = Vec::new();
    let flush = |chunk: &mut Vec<smarten::io::table::TableRow>,
                 bad: &mut Vec<(usize, String)>,
                 sink: &mut Sink|
     -> Result<(), String> {
        let table = smarten::io::table::Table {
            rows: std::mem::take(chunk),
            ..meta.clone()
        };
        let mut pending = std::mem::take(bad).into_iter().peekable();
        audit_chunk(
            cx.auditor,
            &table,
            0..table.rows.len(),
            &mapping,
            &concerns,
            &mut pending,
            cx.bar,
            sink,
        )?;
        // Unreadable rows after this chunk's last row wait for the next chunk.
        bad.extend(pending);
        Ok(())
    };
    rows.for_each(&mut |row| {
        match row {
            Ok(r) => {
                chunk.push(r);
                if chunk.len() == CHUNK {
                    flush(&mut chunk, &mut bad, sink)?;
                }
            }
            Err(b) => bad.push(b),
        }
        Ok(())
    })?;
    flush(&mut chunk, &mut bad, sink)?;
    for (n, msg) in bad {
        sink.add(&error_record(&meta, n, msg))?;
    }
    Ok(true)
}

/// Where records go: the summary, and the output file when there is one.
struct Sink<'a> {
    summary: &'a mut Summary,
    out: Option<&'a mut Out>,
}

impl Sink<'_> {
    fn add(&mut self, r: &RowRecord) -> Result<(), String> {
        self.summary.add(r)?;
        if let Some(o) = self.out.as_mut() {
            o.write(r)?;
        }
        Ok(())
    }
}

/// Judges `table.rows[range]` in parallel and hands the records on in row
/// order, each preceded by the unreadable rows (`bad`) numbered before it.
#[allow(clippy::too_many_arguments)]
fn audit_chunk(
    auditor: &Auditor,
    table: &smarten::io::table::Table,
    range: std::ops::Range<usize>,
    mapping: &Mapping,
    concerns: &HashMap<String, Vec<String>>,
    bad: &mut std::iter::Peekable<std::vec::IntoIter<(usize, String)>>,
    bar: &ProgressBar,
    sink: &mut Sink,
) -> Result<(), String> {
    let records: Vec<RowRecord> = range
        .into_par_iter()
        .map(|i| {
            let plan = smarten::audit::plan_key(table, mapping, &table.rows[i]);
            let plan_concerns = concerns.get(&plan).map_or(&[][..], |v| v.as_slice());
            let r = auditor.audit_row(table, mapping, i, plan_concerns);
            bar.inc(1);
            r
        })
        .collect();
    for r in &records {
        while let Some((n, msg)) = bad.next_if(|(n, _)| *n < r.row) {
            sink.add(&error_record(table, n, msg))?;
        }
        sink.add(r)?;
    }
    Ok(())
}

fn error_record(table: &smarten::io::table::Table, row: usize, message: String) -> RowRecord {
    RowRecord::error(table, row, message)
}

fn error_records(table: &smarten::io::table::Table, bad: &[(usize, String)]) -> Vec<RowRecord> {
    let mut bad = bad.to_vec();
    bad.sort();
    bad.into_iter()
        .map(|(n, m)| error_record(table, n, m))
        .collect()
}

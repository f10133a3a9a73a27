//! `smarten eval`: reads labelled JSONL files, checks every row and prints scores,
//! per file and averaged over files (e.g. over SMARTSpan's five folds). A corpus
//! split by source is scored part by part; the check part is reported in
//! aggregate only: its rows are never listed.

use anyhow::{anyhow, bail, Result};
use smarten::core::config::Config;
use smarten::core::plan_kind::PlanKind;
use smarten::eval::precision::{rule_precision, RulePrecision};
use smarten::eval::sources::{by_source, CrossSource};
use smarten::eval::{parse_row, score, Dataset, LabelledRow, Part, Report};
use smarten::{Checker, Criterion, Objective};
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The plan kind SMARTSpan's goals are judged as: they are spans cut from one
/// patient's coaching note, personal goals whose owner is the patient.
pub const SMARTSPAN_KIND: &str = "personal";

/// The scores of one file, or of one part of a split file.
pub struct FileReport {
    pub path: PathBuf,
    pub part: Option<Part>,
    pub report: Report,
    pub cross: CrossSource,
    pub rules: Vec<RulePrecision>,
}

/// How to report.
pub struct Options {
    pub verbose: bool,
    pub by_source: bool,
    pub rules: bool,
}

fn read_rows(path: &Path) -> Result<(Dataset, Vec<LabelledRow>)> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| anyhow!("{}: cannot read: {e}", path.display()))?;
    let mut rows: Vec<LabelledRow> = Vec::new();
    let mut dataset = None;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let (d, row) = parse_row(line).map_err(|e| anyhow!("{}:{}: {e}", path.display(), i + 1))?;
        if dataset.is_some_and(|x| x != d) {
            bail!(
                "{}:{}: rows of two formats in one file",
                path.display(),
                i + 1
            );
        }
        dataset = Some(d);
        rows.push(row);
    }
    let dataset = dataset.ok_or_else(|| anyhow!("{}: no rows", path.display()))?;
    Ok((dataset, rows))
}

/// Scores each file; with `per_row_kind`, each statement is judged by the
/// conventions of the plan kind its row names.
pub fn run(
    tokenizer: Arc<nlprule::Tokenizer>,
    config: &Config,
    files: &[PathBuf],
    per_row_kind: bool,
) -> Result<Vec<FileReport>> {
    let mut out = Vec::new();
    for path in files {
        let (dataset, rows) = read_rows(path)?;
        let checker = Checker::new(tokenizer.clone(), config);
        let (letters, fixed_kind) = match dataset {
            Dataset::Statements => (Criterion::ALL.to_vec(), None),
            Dataset::SmartSpan => (
                vec![Criterion::S, Criterion::M, Criterion::A],
                Some(PlanKind::parse(SMARTSPAN_KIND)?),
            ),
        };
        let mut parts: Vec<Option<Part>> = rows.iter().map(|r| r.part).collect();
        parts.sort();
        parts.dedup();
        for part in parts {
            let rows: Vec<LabelledRow> = rows.iter().filter(|r| r.part == part).cloned().collect();
            let judgments: Vec<_> = rows
                .iter()
                .map(|r| {
                    let kind = fixed_kind.clone().or_else(|| {
                        r.plan_kind
                            .as_deref()
                            .filter(|_| per_row_kind)
                            .and_then(|k| PlanKind::parse(k).ok())
                    });
                    checker.check(
                        &Objective::new(r.text.clone())
                            .with_concern(r.concern.clone())
                            .with_plan_kind(kind),
                    )
                })
                .collect();
            let name = path.display().to_string();
            out.push(FileReport {
                path: path.clone(),
                part,
                report: score(dataset, &rows, &judgments, &letters),
                cross: by_source(&rows, &judgments, &letters, &name),
                rules: rule_precision(&rows, &judgments),
            });
        }
    }
    Ok(out)
}

fn pct(x: Option<f64>) -> String {
    x.map_or("  n/a".to_string(), |v| format!("{v:.3}"))
}

fn part_name(part: Option<Part>) -> &'static str {
    match part {
        Some(Part::Tune) => " tune part",
        Some(Part::Check) => " check part",
        None => "",
    }
}

pub fn human(reports: &[FileReport], opts: &Options) -> String {
    let mut out = String::new();
    for FileReport {
        path,
        part,
        report,
        cross,
        rules,
    } in reports
    {
        let _ = writeln!(
            out,
            "{}{} ({:?}, {} rows, {} labelled SMART/not)",
            path.display(),
            part_name(*part),
            report.dataset,
            report.rows,
            report.labelled
        );
        if report.dataset == Dataset::SmartSpan {
            let _ = writeln!(
                out,
                "  profile: SMART = S, M and A (the dataset treats T as implicit); judged as --plan-kind {SMARTSPAN_KIND} goals"
            );
        }
        let _ = writeln!(
            out,
            "  balanced accuracy {}  (SMART judged SMART {}, not SMART judged not SMART {})",
            pct(report.balanced_accuracy),
            pct(report.true_smart_rate),
            pct(report.true_not_smart_rate)
        );
        if opts.by_source {
            let _ = writeln!(
                out,
                "  across {} sources, each counting once: balanced accuracy {}  (SMART judged SMART {}, not SMART judged not SMART {})",
                cross.sources,
                pct(cross.balanced_accuracy),
                pct(cross.smart_rate),
                pct(cross.not_smart_rate)
            );
        }
        if report.named_missing > 0 {
            let _ = writeln!(
                out,
                "  named missing letters caught {}/{} = {} ({} not judgeable: R needs a concern)",
                report.named_missing_caught,
                report.named_missing - report.named_missing_not_judged,
                pct(report.catch_rate()),
                report.named_missing_not_judged
            );
        }
        let _ = writeln!(
            out,
            "  letter  rows  fail P/R/F1           pass P/R/F1           macro-F1"
        );
        for l in &report.letters {
            let _ = writeln!(
                out,
                "  {}       {:>4}  {:.3}/{:.3}/{:.3} (n={:>3})  {:.3}/{:.3}/{:.3} (n={:>3})  {}",
                l.letter,
                l.rows,
                l.fail.precision,
                l.fail.recall,
                l.fail.f1,
                l.fail.support,
                l.pass.precision,
                l.pass.recall,
                l.pass.f1,
                l.pass.support,
                pct(l.macro_f1)
            );
        }
        if opts.rules {
            let _ = writeln!(
                out,
                "  rule                    hits  right wrong unsure  precision"
            );
            for r in rules {
                let _ = writeln!(
                    out,
                    "  {:<22} {:>5} {:>6} {:>5} {:>6}  {}",
                    r.rule,
                    r.hits,
                    r.right,
                    r.wrong,
                    r.uncertain,
                    pct(r.precision())
                );
            }
        }
        let listable = *part != Some(Part::Check);
        if opts.by_source && listable {
            for s in &cross.per_source {
                let _ = writeln!(
                    out,
                    "  source {:<40} {:>3} rows  SMART {}/{}  not SMART {}/{}",
                    s.source, s.rows, s.smart_right, s.smart, s.not_smart_right, s.not_smart
                );
            }
        }
        if opts.verbose && listable {
            for (text, gold, pred) in &report.misjudged {
                let _ = writeln!(
                    out,
                    "  misjudged (gold {}, said {}): {text}",
                    smart(*gold),
                    smart(*pred)
                );
            }
            for (text, letter) in &report.missed_letters {
                let _ = writeln!(out, "  missed {letter}: {text}");
            }
        } else if opts.verbose || opts.by_source {
            let _ = writeln!(
                out,
                "  (the check part is reported in aggregate only: its rows and sources are not listed)"
            );
        }
    }
    if reports.len() > 1 && reports.iter().all(|r| r.part.is_none()) {
        let _ = writeln!(out, "mean over {} files:", reports.len());
        let mean = |f: &dyn Fn(&Report) -> Option<f64>| {
            let v: Vec<f64> = reports.iter().filter_map(|r| f(&r.report)).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        let _ = writeln!(
            out,
            "  balanced accuracy {}",
            pct(mean(&|r| r.balanced_accuracy))
        );
        for letter in Criterion::ALL {
            let m = mean(&|r: &Report| {
                r.letters
                    .iter()
                    .find(|l| l.letter == letter)
                    .and_then(|l| l.macro_f1)
            });
            if m.is_some() {
                let _ = writeln!(out, "  {letter} macro-F1 {}", pct(m));
            }
        }
    }
    out
}

fn smart(b: bool) -> &'static str {
    if b {
        "SMART"
    } else {
        "not SMART"
    }
}

pub fn json(reports: &[FileReport]) -> serde_json::Value {
    serde_json::json!(reports
        .iter()
        .map(|r| {
            let mut report = serde_json::to_value(&r.report).unwrap_or_default();
            let mut cross = serde_json::to_value(&r.cross).unwrap_or_default();
            if r.part == Some(Part::Check) {
                // Aggregates only: no rows, no per-source lines.
                if let Some(o) = report.as_object_mut() {
                    o.remove("misjudged");
                    o.remove("missed_letters");
                }
                if let Some(o) = cross.as_object_mut() {
                    o.remove("per_source");
                }
            }
            serde_json::json!({
                "file": r.path.display().to_string(),
                "part": r.part,
                "report": report,
                "catch_rate": r.report.catch_rate(),
                "cross_source": cross,
                "rules": r.rules.iter().map(|p| serde_json::json!({
                    "rule": p.rule, "hits": p.hits, "right": p.right, "wrong": p.wrong,
                    "uncertain": p.uncertain, "precision": p.precision(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect::<Vec<_>>())
}

/// Writes the rules' precision on the check part of the files to `path`, as the
/// calibration smarten reads (`data/rule-precision.toml`).
pub fn write_precision(reports: &[FileReport], path: &Path) -> Result<()> {
    let check: Vec<&FileReport> = reports
        .iter()
        .filter(|r| r.part == Some(Part::Check))
        .collect();
    if check.is_empty() {
        bail!("--write-precision needs a file split into tune and check parts (data/corpus/statements.jsonl)");
    }
    let mut text = smarten::core::calibration::HEADER.to_string();
    for rule in smarten::core::rules::all() {
        let (mut hits, mut right, mut wrong, mut uncertain) = (0, 0, 0, 0);
        for r in &check {
            if let Some(p) = r.rules.iter().find(|p| p.rule == rule.id()) {
                hits += p.hits;
                right += p.right;
                wrong += p.wrong;
                uncertain += p.uncertain;
            }
        }
        let _ = writeln!(
            text,
            "\n[rules.{}]\nhits = {hits}\nright = {right}\nwrong = {wrong}\nuncertain = {uncertain}",
            rule.id()
        );
    }
    smarten::io::output::write_atomically(path, text.as_bytes())?;
    Ok(())
}

/// Trains the combination layer on the tune part of `files` (never on a check
/// part or an unsplit file) and writes it to `path`; returns the rows used.
pub fn train_layer(
    tokenizer: Arc<nlprule::Tokenizer>,
    config: &Config,
    files: &[PathBuf],
    path: &Path,
) -> Result<usize> {
    let checker = Checker::new(tokenizer, config);
    let mut rows = Vec::new();
    for file in files {
        let (dataset, all) = read_rows(file)?;
        if dataset == Dataset::Statements {
            rows.extend(all.into_iter().filter(|r| r.part == Some(Part::Tune)));
        }
    }
    if rows.is_empty() {
        bail!("--train-layer needs a file with a tune part (data/corpus/statements.jsonl)");
    }
    let judgments: Vec<_> = rows
        .iter()
        .map(|r| checker.check(&Objective::new(r.text.clone()).with_concern(r.concern.clone())))
        .collect();
    let layer = smarten::eval::layer::train(&rows, &judgments, 0.5);
    smarten::io::output::write_atomically(path, smarten::eval::layer::to_toml(&layer).as_bytes())?;
    Ok(rows.len())
}

/// `--rewrites`: what the rewriter makes of each file's (and part's) statements
/// labelled not SMART, in aggregate.
pub fn rewrites(
    rewriter: &smarten::rewrite::Rewriter<'_>,
    files: &[PathBuf],
    per_row_kind: bool,
) -> Result<String> {
    let mut out = String::new();
    for path in files {
        let (dataset, rows) = read_rows(path)?;
        if dataset != Dataset::Statements {
            continue;
        }
        let mut parts: Vec<Option<Part>> = rows.iter().map(|r| r.part).collect();
        parts.sort();
        parts.dedup();
        for part in parts {
            let rows: Vec<LabelledRow> = rows.iter().filter(|r| r.part == part).cloned().collect();
            let s = smarten::eval::rewrites::score_rewrites(rewriter, &rows, per_row_kind);
            let _ = writeln!(
                out,
                "{}{}: rewrites of the {} statements labelled not SMART",
                path.display(),
                part_name(part),
                s.labelled_not_smart
            );
            let _ = writeln!(
                out,
                "  pass the re-check, the grammar gate and the intent gate: {}/{} = {}",
                s.pass_all,
                s.labelled_not_smart,
                pct(s.pass_rate())
            );
            let _ = writeln!(
                out,
                "  rewritten {}; judged SMART as written {}; no candidate survived the gates {}; placeholder fallback {}",
                s.rewritten, s.judged_smart, s.no_candidate, s.fallback
            );
            let _ = writeln!(
                out,
                "  candidates {}: dropped by grammar {}, intent {}, risk topic {}, invented fact {}",
                s.candidates, s.dropped_grammar, s.dropped_intent, s.dropped_risk, s.dropped_invented
            );
        }
    }
    Ok(out)
}

//! `smarten eval`: reads labelled JSONL files, checks every row and prints scores,
//! per file and averaged over files (e.g. over SMARTSpan's five folds).

use anyhow::{anyhow, bail, Result};
use smarten::core::config::Config;
use smarten::core::rules::RuleId;
use smarten::eval::{parse_row, score, Dataset, LabelledRow, Report};
use smarten::{Checker, Criterion, Level, Objective};
use std::fmt::Write;
use std::path::PathBuf;
use std::sync::Arc;

/// Rules switched off for SMARTSpan: its goals are spans cut from one patient's
/// coaching note, so the patient is the implicit owner of every goal.
pub const SMARTSPAN_OFF: &[RuleId] = &[RuleId::NoSubject];

pub struct FileReport {
    pub path: PathBuf,
    pub report: Report,
}

pub fn run(
    tokenizer: Arc<nlprule::Tokenizer>,
    config: &Config,
    files: &[PathBuf],
) -> Result<Vec<FileReport>> {
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow!("{}: cannot read: {e}", path.display()))?;
        let mut rows: Vec<LabelledRow> = Vec::new();
        let mut dataset = None;
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let (d, row) =
                parse_row(line).map_err(|e| anyhow!("{}:{}: {e}", path.display(), i + 1))?;
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
        let (checker, letters) = match dataset {
            Dataset::Statements => (
                Checker::new(tokenizer.clone(), config),
                Criterion::ALL.to_vec(),
            ),
            Dataset::SmartSpan => {
                let mut profile = config.clone();
                for id in SMARTSPAN_OFF {
                    profile.rules.insert(*id, Level::Off);
                }
                (
                    Checker::new(tokenizer.clone(), &profile),
                    vec![Criterion::S, Criterion::M, Criterion::A],
                )
            }
        };
        let judgments: Vec<_> = rows
            .iter()
            .map(|r| {
                checker.check(&Objective {
                    text: r.text.clone(),
                    concern: r.concern.clone(),
                })
            })
            .collect();
        out.push(FileReport {
            path: path.clone(),
            report: score(dataset, &rows, &judgments, &letters),
        });
    }
    Ok(out)
}

fn pct(x: Option<f64>) -> String {
    x.map_or("  n/a".to_string(), |v| format!("{v:.3}"))
}

pub fn human(reports: &[FileReport], verbose: bool) -> String {
    let mut out = String::new();
    for FileReport { path, report } in reports {
        let _ = writeln!(
            out,
            "{} ({:?}, {} rows, {} labelled SMART/not)",
            path.display(),
            report.dataset,
            report.rows,
            report.labelled
        );
        if report.dataset == Dataset::SmartSpan {
            let _ = writeln!(
                out,
                "  profile: SMART = S, M and A (the dataset treats T as implicit); rules off: {}",
                SMARTSPAN_OFF
                    .iter()
                    .map(|r| r.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        let _ = writeln!(
            out,
            "  balanced accuracy {}  (SMART judged SMART {}, not SMART judged not SMART {})",
            pct(report.balanced_accuracy),
            pct(report.true_smart_rate),
            pct(report.true_not_smart_rate)
        );
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
        if verbose {
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
        }
    }
    if reports.len() > 1 {
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
        .map(|r| serde_json::json!({ "file": r.path.display().to_string(), "report": r.report, "catch_rate": r.report.catch_rate() }))
        .collect::<Vec<_>>())
}

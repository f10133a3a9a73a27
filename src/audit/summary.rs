//! The audit's summary: counts of files, tables, plans and rows, failures per
//! letter and most frequent findings, kept as rows go by (memory stays flat),
//! the plan book behind the plan findings, and the text and figures shown to
//! the user and in the report.

use super::plans::PlanBook;
use super::row::RowRecord;
use super::run::AuditError;
use crate::core::finding::{Criterion, RuleId};
use std::collections::{BTreeMap, HashMap};

/// The collection-wide figures.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub files: usize,
    pub plans: usize,
    pub rows: usize,
    pub judged: usize,
    pub smart: usize,
    pub skipped: usize,
    pub errors: usize,
    pub fails: Vec<(Criterion, usize)>,
    pub top_findings: Vec<(String, usize)>,
    pub unreadable: Vec<String>,
    pub not_plans: Vec<String>,
    /// The files and folders audited, as given.
    pub inputs: Vec<String>,
    /// Each plan with several versions: its SMART share per version.
    pub trends: Vec<super::versions::Trend>,
}

/// Counters for the summary; memory stays flat in the number of rows.
#[derive(Default)]
pub struct Summary {
    pub(crate) files: usize,
    pub(crate) tables: usize,
    pub(crate) rows: usize,
    pub(crate) judged: usize,
    pub(crate) smart: usize,
    /// Rows not SMART whose every finding was accepted (baseline or column).
    pub(crate) accepted: usize,
    pub(crate) skipped_empty: usize,
    pub(crate) errors: usize,
    pub(crate) fails: BTreeMap<Criterion, usize>,
    pub(crate) findings: HashMap<RuleId, usize>,
    pub(crate) unreadable: Vec<String>,
    pub(crate) not_plans: Vec<String>,
    /// The files and folders audited, as given.
    pub(crate) inputs: Vec<String>,
    /// The first rows that could not be judged, with why (the terminal names
    /// these and counts the rest; every one is in the records).
    pub(crate) row_errors: Vec<String>,
    /// What was read differently from how it was written (repeated headers).
    pub(crate) warnings: Vec<String>,
    /// How files were read, where it is worth saying (an encoding guessed).
    pub(crate) notes: Vec<String>,
    pub book: PlanBook,
    /// The plan findings the terminal shows (of the worst plan versions), and
    /// how many more plan versions have findings; filled in at the end.
    pub(crate) plan_findings: Vec<String>,
    pub(crate) more_plans_with_findings: usize,
}

/// Rows that could not be judged that the terminal summary names; the records hold all.
const ROW_ERRORS_SHOWN: usize = 10;

/// Plan versions whose findings the terminal summary lists; the HTML report lists all.
pub(crate) const PLAN_FINDINGS_SHOWN: usize = 10;

impl Summary {
    pub(crate) fn add(&mut self, r: &RowRecord) -> Result<(), AuditError> {
        self.book.add(r).map_err(AuditError::Ledger)?;
        self.rows += 1;
        if let Some(e) = &r.error {
            self.errors += 1;
            if self.row_errors.len() < ROW_ERRORS_SHOWN {
                let origin = crate::io::table::origin_of(&r.file, r.sheet.as_deref());
                self.row_errors.push(format!("{origin}: {e}"));
            }
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
        } else if r.findings.is_empty() && !r.accepted.is_empty() {
            self.accepted += 1;
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
    pub fn report_data(&self) -> Figures {
        let mut top: Vec<(String, usize)> = self
            .findings
            .iter()
            .map(|(k, v)| (k.to_string(), *v))
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        top.truncate(10);
        Figures {
            inputs: self.inputs.clone(),
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
            trends: self.book.trends(),
        }
    }

    /// Some file or row could not be read.
    pub fn failed(&self) -> bool {
        !self.unreadable.is_empty() || self.errors > 0
    }

    /// Some row is not SMART for a reason not accepted before.
    pub fn any_not_smart(&self) -> bool {
        self.smart + self.accepted < self.judged
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
        if self.accepted > 0 {
            out.push_str(&format!(
                "accepted: {} rows not SMART only for findings accepted before (baseline or accepted column)\n",
                self.accepted
            ));
        }
        let letters: Vec<String> = Criterion::ALL
            .iter()
            .map(|c| format!("{c} {}", self.fails.get(c).copied().unwrap_or(0)))
            .collect();
        out.push_str(&format!("failures per letter: {}\n", letters.join(", ")));
        let mut top: Vec<(&RuleId, &usize)> = self.findings.iter().collect();
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
        for n in &self.notes {
            out.push_str(&format!("note: {n}\n"));
        }
        for w in &self.warnings {
            out.push_str(&format!("warning: {w}\n"));
        }
        for u in &self.unreadable {
            out.push_str(&format!("could not read: {u}\n"));
        }
        if !self.row_errors.is_empty() {
            out.push_str("rows not judged:\n");
            for e in &self.row_errors {
                out.push_str(&format!("  {e}\n"));
            }
            if self.errors > self.row_errors.len() {
                out.push_str(&format!(
                    "  and {} more (each has a record with its reason)\n",
                    self.errors - self.row_errors.len()
                ));
            }
        }
        for s in &self.not_plans {
            out.push_str(&format!("skipped: {s}\n"));
        }
        out
    }
}

//! Plan-level findings, from the audited rows of each plan: concerns with no
//! action, actions that relate to no concern, whether the child and a parent or
//! carer own actions, a review date, the plan's SMART score, and objectives
//! carried over unchanged and still not SMART from one review to the next.

use super::RowRecord;
use crate::embed::{cosine, lexical_similarity, SentenceEncoder};
use crate::finding::{Criterion, Verdict};
use crate::lexicon::Lexicon;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

/// Two objectives at least this similar (cosine with MiniLM, or word overlap
/// without it) are the same objective carried from one review to the next.
pub const DRIFT_SIMILARITY: f32 = 0.9;

/// One action of a plan, as the report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct PlanAction {
    // Kept for every row of an archive until the end, so stored compactly:
    // the strings that repeat (file, who, concern) are shared.
    pub file: Arc<str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<Arc<str>>,
    pub row: usize,
    pub objective: Box<str>,
    pub who: Arc<str>,
    pub concern: Arc<str>,
    pub smart: bool,
    pub failing: Vec<Criterion>,
    pub relevant: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<Box<str>>,
}

/// One version of a plan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PlanVersion {
    pub plan: String,
    pub version: String,
    pub person: String,
    pub actions: Vec<PlanAction>,
    /// Concerns named on rows with no action.
    pub bare_concerns: Vec<String>,
    pub review_dates: Vec<String>,
}

/// An objective carried over unchanged while still not SMART.
#[derive(Debug, Clone, Serialize)]
pub struct Drift {
    pub objective: String,
    pub since: String,
    pub versions: Vec<String>,
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub row: usize,
}

/// What the audit says about one version of a plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanReport {
    pub plan: String,
    pub version: String,
    pub person: String,
    pub actions: usize,
    pub smart: usize,
    /// Share of actions that are SMART.
    pub score: f64,
    pub findings: Vec<String>,
    pub drift: Vec<Drift>,
    #[serde(skip)]
    pub detail: PlanVersion,
}

/// Collects the audited rows by plan and version.
#[derive(Debug, Default)]
pub struct PlanBook {
    versions: BTreeMap<(String, String), PlanVersion>,
    /// One shared copy of each file name, owner and concern.
    shared: std::collections::HashSet<Arc<str>>,
    /// Keep each action's rewrite (for the HTML report's tables).
    pub keep_rewrites: bool,
}

impl PlanBook {
    /// Adds one audited row. Its version is the version column, else a date in the
    /// file name ("hughes-2026-03-09.csv"), else the file itself.
    pub fn add(&mut self, r: &RowRecord) {
        if r.error.is_some() || r.skipped == Some("empty") {
            return;
        }
        let version = if !r.parts.version.is_empty() {
            r.parts.version.clone()
        } else {
            file_date(&r.file).unwrap_or_else(|| r.file.clone())
        };
        let v = self
            .versions
            .entry((r.plan.clone(), version.clone()))
            .or_insert_with(|| PlanVersion {
                plan: r.plan.clone(),
                version,
                ..Default::default()
            });
        if v.person.is_empty() {
            v.person = r.parts.person.clone();
        }
        if !r.parts.review.is_empty() && !v.review_dates.contains(&r.parts.review) {
            v.review_dates.push(r.parts.review.clone());
        }
        if r.skipped == Some("no action") {
            if !v.bare_concerns.contains(&r.parts.concern) {
                v.bare_concerns.push(r.parts.concern.clone());
            }
            return;
        }
        let failing = r.criteria.as_ref().map(|c| c.failing()).unwrap_or_default();
        let keep_rewrites = self.keep_rewrites;
        let shared = &mut self.shared;
        let mut share = |s: &str| -> Arc<str> {
            if let Some(a) = shared.get(s) {
                return a.clone();
            }
            let a: Arc<str> = Arc::from(s);
            shared.insert(a.clone());
            a
        };
        let (file, sheet) = (share(&r.file), r.sheet.as_deref().map(&mut share));
        let (who, concern) = (share(&r.parts.who), share(&r.parts.concern));
        v.actions.push(PlanAction {
            file,
            sheet,
            row: r.row,
            objective: r.objective.as_deref().unwrap_or_default().into(),
            who,
            concern,
            smart: r.smart == Some(true),
            relevant: r
                .criteria
                .as_ref()
                .is_none_or(|c| c.r.verdict != Verdict::Fail),
            failing,
            rewrite: r
                .rewrite
                .as_deref()
                .filter(|_| keep_rewrites)
                .map(Box::from),
        });
    }

    /// The findings for every plan version, worst score first.
    pub fn reports(&self, lexicon: &Lexicon, encoder: Option<&SentenceEncoder>) -> Vec<PlanReport> {
        let mut reports: Vec<PlanReport> = self
            .versions
            .values()
            .map(|v| plan_report(v, lexicon))
            .collect();
        // Drift: versions of the same plan, in version order.
        let mut by_plan: BTreeMap<&str, Vec<&PlanVersion>> = BTreeMap::new();
        for v in self.versions.values() {
            by_plan.entry(&v.plan).or_default().push(v);
        }
        for versions in by_plan.values().filter(|v| v.len() > 1) {
            for (k, later) in versions.iter().enumerate().skip(1) {
                let drift = carried_over(&versions[..k], later, encoder);
                if let Some(rep) = reports
                    .iter_mut()
                    .find(|r| r.plan == later.plan && r.version == later.version)
                {
                    for d in &drift {
                        rep.findings.push(format!(
                            "'{}' carried over unchanged since {} and still not SMART",
                            d.objective, d.since
                        ));
                    }
                    rep.drift = drift;
                }
            }
        }
        reports.sort_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then(a.plan.cmp(&b.plan))
                .then(a.version.cmp(&b.version))
        });
        reports
    }
}

fn plan_report(v: &PlanVersion, lexicon: &Lexicon) -> PlanReport {
    let mut findings = Vec::new();
    let smart = v.actions.iter().filter(|a| a.smart).count();
    // Every concern has an action addressing it.
    for c in &v.bare_concerns {
        let addressed = v.actions.iter().any(|a| a.concern.eq_ignore_ascii_case(c));
        if !addressed {
            findings.push(format!("the concern '{c}' has no action addressing it"));
        }
    }
    // Every action relates to some concern.
    for a in v.actions.iter().filter(|a| !a.relevant) {
        findings.push(format!(
            "the action '{}' (row {}) relates to none of the plan's concerns",
            a.objective, a.row
        ));
    }
    // The child and a parent or carer each own an action.
    let first_name = v
        .person
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let owners: Vec<String> = v
        .actions
        .iter()
        .map(|a| owner_of(a).to_lowercase())
        .collect();
    let child_words = ["child", "young person", "yp", "i", "pupil", "student"];
    let child_owns = owners.iter().any(|o| {
        (!first_name.is_empty()
            && o.split(|c: char| !c.is_alphanumeric())
                .any(|w| w == first_name))
            || child_words.iter().any(|w| o == w)
    });
    let parent_words: Vec<&str> = lexicon
        .family_roles
        .iter()
        .map(String::as_str)
        .filter(|r| {
            ![
                "child",
                "children",
                "young person",
                "young people",
                "baby",
                "son",
                "daughter",
                "pupil",
                "pupils",
                "student",
                "students",
                "learner",
                "patient",
                "client",
                "sibling",
                "brother",
                "sister",
            ]
            .contains(r)
        })
        .collect();
    let parent_owns = owners.iter().any(|o| {
        o.split(|c: char| !c.is_alphanumeric() && c != ' ')
            .flat_map(|part| part.split_whitespace())
            .any(|w| parent_words.contains(&w))
    });
    if !v.actions.is_empty() {
        let who = if v.person.is_empty() {
            "the child or young person".to_string()
        } else {
            v.person.clone()
        };
        if !child_owns {
            findings.push(format!(
                "{who} owns no action: the guidance asks that the child has clear actions too"
            ));
        }
        if !parent_owns {
            findings.push(
                "no parent or carer owns an action: the family needs clear actions too".to_string(),
            );
        }
    }
    // A review date is stated (SMARTER: Evaluated, Re-evaluated).
    if v.review_dates.iter().all(|d| d.trim().is_empty()) {
        findings.push("no review date is stated: say when progress will be evaluated".to_string());
    }
    PlanReport {
        plan: v.plan.clone(),
        version: v.version.clone(),
        person: v.person.clone(),
        actions: v.actions.len(),
        smart,
        score: if v.actions.is_empty() {
            0.0
        } else {
            smart as f64 / v.actions.len() as f64
        },
        findings,
        drift: Vec::new(),
        detail: v.clone(),
    }
}

/// Who owns an action: the who column, else the objective's first words.
fn owner_of(a: &PlanAction) -> &str {
    if !a.who.trim().is_empty() {
        return a.who.trim();
    }
    a.objective
        .split(" will ")
        .next()
        .filter(|s| s.len() < a.objective.len())
        .unwrap_or("")
}

/// Non-SMART actions of `later` that already appeared, not SMART, in an earlier version.
fn carried_over(
    earlier: &[&PlanVersion],
    later: &PlanVersion,
    encoder: Option<&SentenceEncoder>,
) -> Vec<Drift> {
    let mut out = Vec::new();
    for a in later.actions.iter().filter(|a| !a.smart) {
        let mut seen_in = Vec::new();
        for v in earlier {
            let same = v
                .actions
                .iter()
                .any(|b| !b.smart && same_objective(&a.objective, &b.objective, encoder));
            if same {
                seen_in.push(v.version.clone());
            }
        }
        if let Some(first) = seen_in.first().cloned() {
            seen_in.push(later.version.clone());
            out.push(Drift {
                objective: a.objective.to_string(),
                since: first,
                versions: seen_in,
                file: a.file.to_string(),
                sheet: a.sheet.as_deref().map(str::to_string),
                row: a.row,
            });
        }
    }
    out
}

fn same_objective(a: &str, b: &str, encoder: Option<&SentenceEncoder>) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if norm(a) == norm(b) {
        return true;
    }
    match encoder.and_then(|e| e.embed(&[a, b]).ok()) {
        Some(v) => cosine(&v[0], &v[1]) >= DRIFT_SIMILARITY,
        None => lexical_similarity(a, b) >= DRIFT_SIMILARITY,
    }
}

/// A date written in a file name: "plans/hughes-2026-03-09.csv" → "2026-03-09".
pub fn file_date(file: &str) -> Option<String> {
    let stem = std::path::Path::new(file).file_stem()?.to_str()?;
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = &stem[i..i + 10];
        let ok = s.chars().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == '-' || c == '_'
            } else {
                c.is_ascii_digit()
            }
        });
        ok.then(|| s.replace('_', "-"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            file_date("plans/hughes-2026-03-09.csv").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(
            file_date("cp_plan_2025_11_30.xlsx").as_deref(),
            Some("2025-11-30")
        );
        assert_eq!(file_date("plan.csv"), None);
    }
}

//! Plan-level findings, from the audited rows of each plan: concerns with no
//! action, actions that relate to no concern, whether the child and a parent or
//! carer own actions, a review date, the plan's SMART score, and objectives
//! carried over unchanged and still not SMART from one review to the next.

use super::versions::{cmp_versions, Trend, TrendPoint};
use super::RowRecord;
use crate::core::finding::{Criterion, Verdict};
use crate::core::lexicon::Lexicon;
use crate::core::similarity::{cosine, lexical_similarity, Embed};
use crate::io::ledger::{Entry, Ledger};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// Two objectives at least this similar (cosine with MiniLM, or word overlap
/// without it) are the same objective carried from one review to the next.
pub const DRIFT_SIMILARITY: f32 = 0.9;

/// An action that is not SMART, as drift and the report's tables show it. These
/// are kept in a [`Ledger`] on disk, not in memory, until the report is made.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PlanAction {
    pub file: Box<str>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub sheet: Option<Box<str>>,
    pub row: usize,
    pub objective: Box<str>,
    pub failing: Vec<Criterion>,
    /// Why: each finding's message, with its letter ("T: 'ongoing' is not a timeframe").
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub reasons: Vec<String>,
    /// Whether it relates to one of the plan's concerns.
    pub relevant: bool,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub rewrite: Option<Box<str>>,
}

/// One version of a plan, as counts and the few things its findings need. The
/// actions themselves are in the ledger, so the memory a version takes grows
/// with its distinct concerns and owners, not with its rows.
#[derive(Debug, Default)]
struct PlanVersion {
    person: Name,
    /// Rows with an action, and how many of them are SMART.
    actions: usize,
    smart: usize,
    /// Concerns (lower case) on rows with an action.
    addressed: NameSet,
    /// Concerns named on rows with no action, as written, in order.
    bare_concerns: Vec<Name>,
    has_review_date: bool,
    /// Who owns the actions (lower case).
    owners: NameSet,
    /// Surnames of named parents and carers (lower case): from a carer column,
    /// or a titled name beside a parent's role in the person or concern cells
    /// ("Mrs Patel (mother)").
    parent_names: NameSet,
    /// Actions that relate to none of the plan's concerns.
    irrelevant: usize,
    /// The actions that are not SMART, in the ledger, in row order.
    not_smart: Vec<Entry>,
    /// Its objectives carried over from earlier versions, found by [`PlanBook::finish`].
    drift: Vec<Drift>,
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
}

/// A plan version's key: (plan, version).
type VersionKey = (Box<str>, Box<str>);

/// Collects the audited rows by plan and version: add every row, then
/// [`PlanBook::finish`], then read the reports.
#[derive(Debug, Default)]
pub struct PlanBook {
    /// By (plan, version).
    versions: BTreeMap<VersionKey, PlanVersion>,
    names: Names,
    ledger: Ledger<PlanAction>,
    /// Keep each action's rewrite (for the HTML report's tables).
    pub keep_rewrites: bool,
}

impl PlanBook {
    /// Adds one audited row. Its version is the version column, else a date in the
    /// file name ("hughes-2026-03-09.csv"), else the file itself. Fails only when
    /// the ledger cannot be written.
    pub fn add(&mut self, r: &RowRecord) -> std::io::Result<()> {
        if r.error.is_some() || r.skipped == Some("empty") {
            return Ok(());
        }
        let version = if !r.parts.version.is_empty() {
            r.parts.version.clone()
        } else {
            super::versions::file_date(&r.file).unwrap_or_else(|| r.file.clone())
        };
        let v = self
            .versions
            .entry((r.plan.as_str().into(), version.into()))
            .or_default();
        if v.person == Name::NONE {
            v.person = self.names.id(&r.parts.person);
        }
        v.has_review_date |= !r.parts.review.trim().is_empty();
        for name in named_parents(&r.parts, &PARENT_ROLES) {
            v.parent_names.insert(self.names.id(&name));
        }
        if r.skipped == Some("no action") {
            let concern = self.names.id(&r.parts.concern);
            if !v.bare_concerns.contains(&concern) {
                v.bare_concerns.push(concern);
            }
            return Ok(());
        }
        let objective = r.objective.as_deref().unwrap_or_default();
        let smart = r.smart == Some(true);
        v.actions += 1;
        v.smart += usize::from(smart);
        v.addressed
            .insert(self.names.id(&r.parts.concern.to_lowercase()));
        v.owners.insert(
            self.names
                .id(&owner_of(&r.parts.who, objective).to_lowercase()),
        );
        let relevant = r
            .criteria
            .as_ref()
            .is_none_or(|c| c.r.verdict != Verdict::Fail);
        v.irrelevant += usize::from(!relevant);
        if !smart {
            let entry = self.ledger.push(&PlanAction {
                file: r.file.as_str().into(),
                sheet: r.sheet.as_deref().map(Box::from),
                row: r.row,
                objective: objective.into(),
                failing: r.criteria.as_ref().map(|c| c.failing()).unwrap_or_default(),
                reasons: r
                    .findings
                    .iter()
                    .map(|f| format!("{}: {}", f.criterion, f.message))
                    .collect(),
                relevant,
                rewrite: r
                    .rewrite
                    .as_deref()
                    .filter(|_| self.keep_rewrites)
                    .map(Box::from),
            })?;
            v.not_smart.push(entry);
        }
        Ok(())
    }

    /// Ends adding rows, and finds drift: versions of the same plan are compared
    /// in version order, reading back one plan's actions at a time.
    pub fn finish(&mut self, encoder: Option<&dyn Embed>) -> std::io::Result<()> {
        self.ledger.finish()?;
        let mut found: Vec<(VersionKey, Vec<Drift>)> = Vec::new();
        for (plan, versions) in self.by_plan().into_iter().filter(|(_, v)| v.len() > 1) {
            let mut read: Vec<(&str, Vec<PlanAction>)> = Vec::new();
            for (version, v) in versions {
                read.push((version, self.read_actions(v)?));
            }
            for k in 1..read.len() {
                let drift = carried_over(&read[..k], &read[k], encoder);
                if !drift.is_empty() {
                    found.push(((plan.into(), read[k].0.into()), drift));
                }
            }
        }
        for (key, drift) in found {
            if let Some(v) = self.versions.get_mut(&key) {
                v.drift = drift;
            }
        }
        Ok(())
    }

    /// How many plans (not versions) there are.
    pub fn plans(&self) -> usize {
        let mut n = 0;
        let mut last: Option<&str> = None;
        for (plan, _) in self.versions.keys() {
            if last != Some(plan) {
                n += 1;
                last = Some(plan);
            }
        }
        n
    }

    /// Each plan (all its versions together): its name, its SMART actions and
    /// all its actions.
    pub fn plan_scores(&self) -> Vec<(&str, usize, usize)> {
        let mut out: Vec<(&str, usize, usize)> = Vec::new();
        for ((plan, _), v) in &self.versions {
            match out.last_mut() {
                Some(last) if last.0 == &**plan => {
                    last.1 += v.smart;
                    last.2 += v.actions;
                }
                _ => out.push((plan, v.smart, v.actions)),
            }
        }
        out
    }

    /// The SMART share per version, oldest first, of each plan with actions
    /// in more than one version.
    pub fn trends(&self) -> Vec<Trend> {
        self.by_plan()
            .into_iter()
            .filter_map(|(plan, versions)| {
                let with_actions: Vec<(&str, &PlanVersion)> = versions
                    .into_iter()
                    .filter(|(_, v)| v.actions > 0)
                    .collect();
                let (_, first) = with_actions.first()?;
                (with_actions.len() > 1).then(|| Trend {
                    plan: plan.to_string(),
                    person: self.names.get(first.person).to_string(),
                    points: with_actions
                        .iter()
                        .map(|(version, v)| TrendPoint {
                            version: version.to_string(),
                            smart: v.smart,
                            actions: v.actions,
                        })
                        .collect(),
                })
            })
            .collect()
    }

    /// Each plan's versions in the order they were written ([`cmp_versions`]).
    fn by_plan(&self) -> BTreeMap<&str, Vec<(&str, &PlanVersion)>> {
        let mut plans: BTreeMap<&str, Vec<(&str, &PlanVersion)>> = BTreeMap::new();
        for ((plan, version), v) in &self.versions {
            plans.entry(plan).or_default().push((version, v));
        }
        for versions in plans.values_mut() {
            versions.sort_by(|a, b| cmp_versions(a.0, b.0));
        }
        plans
    }

    /// Every objective carried over unchanged and still not SMART.
    pub fn drift(&self) -> impl Iterator<Item = &Drift> {
        self.versions.values().flat_map(|v| v.drift.iter())
    }

    /// The report on every plan version, worst score first, each made when it
    /// is reached (so they are never all held at once). Call after
    /// [`PlanBook::finish`].
    pub fn reports<'a>(
        &'a self,
        lexicon: &'a Lexicon,
    ) -> impl Iterator<Item = std::io::Result<PlanReport>> + 'a {
        let mut order: Vec<(f64, &VersionKey, &PlanVersion)> = self
            .versions
            .iter()
            .map(|(key, v)| (score(v), key, v))
            .collect();
        order.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(b.1)));
        let parent_words = parent_words(lexicon);
        order
            .into_iter()
            .map(move |(_, (plan, version), v)| self.report(plan, version, v, &parent_words))
    }

    /// The actions of a reported plan version that are not SMART, in row order.
    /// Call after [`PlanBook::finish`].
    pub fn not_smart_actions(&self, report: &PlanReport) -> std::io::Result<Vec<PlanAction>> {
        let key = (report.plan.as_str().into(), report.version.as_str().into());
        match self.versions.get(&key) {
            Some(v) => self.read_actions(v),
            None => Ok(Vec::new()),
        }
    }

    fn read_actions(&self, v: &PlanVersion) -> std::io::Result<Vec<PlanAction>> {
        v.not_smart.iter().map(|e| self.ledger.get(*e)).collect()
    }

    fn report(
        &self,
        plan: &str,
        version: &str,
        v: &PlanVersion,
        parent_words: &[&str],
    ) -> std::io::Result<PlanReport> {
        let mut findings = Vec::new();
        // Every concern has an action addressing it.
        for c in v.bare_concerns.iter().map(|c| self.names.get(*c)) {
            let lower = self.names.find(&c.to_lowercase());
            if !lower.is_some_and(|l| v.addressed.contains(l)) {
                findings.push(format!("the concern '{c}' has no action addressing it"));
            }
        }
        // Every action relates to some concern.
        if v.irrelevant > 0 {
            for a in self.read_actions(v)?.iter().filter(|a| !a.relevant) {
                findings.push(format!(
                    "the action '{}' (row {}) relates to none of the plan's concerns",
                    a.objective, a.row
                ));
            }
        }
        // The child and a parent or carer each own an action.
        let person = self.names.get(v.person);
        let first_name = person
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        let child_words = ["child", "young person", "yp", "i", "pupil", "student"];
        let mut owners = v.owners.iter().map(|o| self.names.get(o));
        let child_owns = owners.clone().any(|o| {
            (!first_name.is_empty()
                && o.split(|c: char| !c.is_alphanumeric())
                    .any(|w| w == first_name))
                || child_words.contains(&o)
        });
        let parent_names: Vec<&str> = v.parent_names.iter().map(|n| self.names.get(n)).collect();
        let parent_owns = owners.any(|o| {
            o.split(|c: char| !c.is_alphanumeric() && c != ' ')
                .flat_map(|part| part.split_whitespace())
                .any(|w| parent_words.contains(&w) || parent_names.contains(&w))
        });
        if v.actions > 0 {
            let who = if person.is_empty() {
                "the child or young person"
            } else {
                person
            };
            if !child_owns {
                findings.push(format!(
                    "{who} owns no action: the guidance asks that the child has clear actions too"
                ));
            }
            if !parent_owns {
                findings.push(
                    "no parent or carer owns an action: the family needs clear actions too"
                        .to_string(),
                );
            }
        }
        // A review date is stated (SMARTER: Evaluated, Re-evaluated).
        if !v.has_review_date {
            findings
                .push("no review date is stated: say when progress will be evaluated".to_string());
        }
        for d in &v.drift {
            findings.push(format!(
                "'{}' carried over unchanged since {} and still not SMART",
                d.objective, d.since
            ));
        }
        Ok(PlanReport {
            plan: plan.to_string(),
            version: version.to_string(),
            person: person.to_string(),
            actions: v.actions,
            smart: v.smart,
            score: score(v),
            findings,
            drift: v.drift.clone(),
        })
    }
}

/// A string kept once in [`Names`]: owners, concerns and people recur across
/// plans ("mum", "school attendance"), so each plan keeps numbers, not copies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Name(u32);

impl Name {
    /// The empty string, which every [`Names`] holds first.
    const NONE: Name = Name(0);
}

/// Every distinct string of the plan book, once.
#[derive(Debug)]
struct Names {
    ids: HashMap<Arc<str>, Name>,
    names: Vec<Arc<str>>,
}

impl Default for Names {
    fn default() -> Self {
        let empty: Arc<str> = Arc::from("");
        Names {
            ids: HashMap::from([(empty.clone(), Name::NONE)]),
            names: vec![empty],
        }
    }
}

impl Names {
    fn id(&mut self, s: &str) -> Name {
        if let Some(&n) = self.ids.get(s) {
            return n;
        }
        let n = Name(u32::try_from(self.names.len()).unwrap_or(u32::MAX));
        let s: Arc<str> = Arc::from(s);
        self.names.push(s.clone());
        self.ids.insert(s, n);
        n
    }

    fn find(&self, s: &str) -> Option<Name> {
        self.ids.get(s).copied()
    }

    fn get(&self, n: Name) -> &str {
        self.names.get(n.0 as usize).map_or("", |s| s)
    }
}

/// A small set of names, kept sorted: a plan has few owners and concerns.
#[derive(Debug, Default)]
struct NameSet(Vec<Name>);

impl NameSet {
    fn insert(&mut self, n: Name) {
        if let Err(at) = self.0.binary_search(&n) {
            self.0.insert(at, n);
        }
    }

    fn contains(&self, n: Name) -> bool {
        self.0.binary_search(&n).is_ok()
    }

    fn iter(&self) -> impl Iterator<Item = Name> + Clone + '_ {
        self.0.iter().copied()
    }
}

/// Share of a version's actions that are SMART (0 when it has none).
fn score(v: &PlanVersion) -> f64 {
    if v.actions == 0 {
        0.0
    } else {
        v.smart as f64 / v.actions as f64
    }
}

/// The family roles that name a parent or carer, not the child.
fn parent_words(lexicon: &Lexicon) -> Vec<&str> {
    const CHILD_ROLES: [&str; 17] = [
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
    ];
    lexicon
        .family_roles
        .iter()
        .map(String::as_str)
        .filter(|r| !CHILD_ROLES.contains(r))
        .collect()
}

/// Titles before a surname.
const TITLES: [&str; 6] = ["mr", "mrs", "ms", "miss", "mx", "dr"];

/// Words that say a named person is the child's parent or carer.
const PARENT_ROLES: [&str; 20] = [
    "mum",
    "mother",
    "mam",
    "dad",
    "father",
    "parent",
    "parents",
    "carer",
    "carers",
    "guardian",
    "grandmother",
    "grandfather",
    "grandma",
    "grandad",
    "gran",
    "nan",
    "stepfather",
    "stepmother",
    "stepmum",
    "stepdad",
];

/// The surnames (lower case) of the parents and carers a row names: every
/// name in a carer column, and a titled name ("Mrs Patel") within five words
/// of a parent's role in the person or concern cells ("Mrs Patel (mother)",
/// "Leo's mum, Mrs Patel, ...").
fn named_parents(parts: &super::row::RowParts, roles: &[&str]) -> Vec<String> {
    let words = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(|w| w.trim_end_matches("'s").to_string())
            .collect()
    };
    let mut out = Vec::new();
    // A carer column names them outright ("Mrs Patel", "Anita Patel").
    for w in words(&parts.carer) {
        let lower = w.to_lowercase();
        if w.chars().next().is_some_and(char::is_uppercase) && !TITLES.contains(&lower.as_str()) {
            out.push(lower);
        }
    }
    for text in [&parts.person, &parts.concern] {
        let ws = words(text);
        for (i, w) in ws.iter().enumerate() {
            let Some(surname) = ws.get(i + 1) else {
                continue;
            };
            if !TITLES.contains(&w.to_lowercase().as_str())
                || !surname.chars().next().is_some_and(char::is_uppercase)
            {
                continue;
            }
            let near = ws[i.saturating_sub(5)..(i + 7).min(ws.len())]
                .iter()
                .any(|x| roles.contains(&x.to_lowercase().as_str()));
            if near {
                out.push(surname.to_lowercase());
            }
        }
    }
    out
}

/// Who owns an action: the who column, else the objective's first words.
fn owner_of<'a>(who: &'a str, objective: &'a str) -> &'a str {
    if !who.trim().is_empty() {
        return who.trim();
    }
    objective
        .split(" will ")
        .next()
        .filter(|s| s.len() < objective.len())
        .unwrap_or("")
}

/// Non-SMART actions of the `later` version that already appeared, not SMART,
/// in an earlier version. Each version is (its name, its non-SMART actions).
fn carried_over(
    earlier: &[(&str, Vec<PlanAction>)],
    later: &(&str, Vec<PlanAction>),
    encoder: Option<&dyn Embed>,
) -> Vec<Drift> {
    let mut out = Vec::new();
    for a in &later.1 {
        let mut seen_in: Vec<String> = earlier
            .iter()
            .filter(|(_, actions)| {
                actions
                    .iter()
                    .any(|b| same_objective(&a.objective, &b.objective, encoder))
            })
            .map(|(version, _)| version.to_string())
            .collect();
        if let Some(first) = seen_in.first().cloned() {
            seen_in.push(later.0.to_string());
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

fn same_objective(a: &str, b: &str, encoder: Option<&dyn Embed>) -> bool {
    let norm = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    if norm(a) == norm(b) {
        return true;
    }
    match encoder.and_then(|e| e.embed_all(&[a, b]).ok()) {
        Some(v) => cosine(&v[0], &v[1]) >= DRIFT_SIMILARITY,
        None => lexical_similarity(a, b) >= DRIFT_SIMILARITY,
    }
}

//! One plan row judged: an action-plan row (concern / who / what / when /
//! measure, or the whole action in one cell) turned into an objective, judged
//! in memoised pieces, checked field by field, judged for relevance against its
//! plan's concerns, and given a rewrite. The row's record is the audit's output.

use super::compose::{compose_pieces, measure_clause, plan_key, when_clause};

/// What a "when" or "measure" cell is read after when it is checked on its own:
/// a plain action, so the cell reads as it does in a row.
const CELL_LEAD_IN: &str = "Mum will attend";
use crate::core::check::{Checker, Objective};
use crate::core::finding::{Criteria, Criterion, RuleId, Severity};
use crate::core::frame::Owner;
use crate::core::memo::Memo;
use crate::io::columns::{Field, Mapping};
use crate::io::table::Table;
use crate::rewrite::Rewriter;
use serde::Serialize;

/// A finding about one field of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FieldFinding {
    pub field: &'static str,
    pub message: String,
}

/// A rule's finding, as carried in audit records.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowFinding {
    pub rule: RuleId,
    pub criterion: Criterion,
    pub message: String,
}

/// The audit record for one input row.
#[derive(Debug, Clone, Serialize)]
pub struct RowRecord {
    pub file: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    pub row: usize,
    /// Every original field, unchanged, by header.
    pub fields: serde_json::Map<String, serde_json::Value>,
    /// "empty" when every field is blank: output but not judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub skipped: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The plan the row belongs to (plan id column, else file and sheet).
    pub plan: String,
    /// The objective as judged (the row's cells put into one sentence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub objective: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub smart: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria: Option<Criteria>,
    pub findings: Vec<RowFinding>,
    /// Findings the team accepted ("vague-timeframe (baseline)"), not counted as new.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub accepted: Vec<String>,
    pub field_findings: Vec<FieldFinding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rewrite: Option<String>,
    /// The plan-level columns of the row, for plan findings (not output).
    #[serde(skip)]
    pub parts: RowParts,
}

impl RowRecord {
    /// The record of a row that could not be read or judged, in its place.
    pub fn error(table: &Table, row: usize, message: String) -> Self {
        RowRecord {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            row,
            fields: serde_json::Map::new(),
            skipped: None,
            error: Some(message),
            plan: table.file.clone(),
            objective: None,
            smart: None,
            criteria: None,
            findings: Vec::new(),
            accepted: Vec::new(),
            field_findings: Vec::new(),
            rewrite: None,
            parts: RowParts::default(),
        }
    }
}

/// The cells plan-level findings read.
#[derive(Debug, Clone, Default)]
pub struct RowParts {
    pub who: String,
    pub concern: String,
    pub person: String,
    /// The parent or carer column ("Mrs Patel").
    pub carer: String,
    pub review: String,
    pub version: String,
}

/// A "when" cell that points at the review ("by next review", "at review")
/// reads as the review date when the row has one; any other cell is kept.
fn resolve_review(when: &str, review: &str) -> String {
    static AT_REVIEW: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)^(?:by|at|before|until|for)?\s*(?:the\s+)?(?:next\s+)?review(?:\s+(?:meeting|date|conference))?\.?$")
            .unwrap_or_else(|e| panic!("{e}"))
    });
    match crate::core::dates::first_date(review) {
        Some(date) if AT_REVIEW.is_match(when.trim()) => format!("by {}", date.format("%d/%m/%Y")),
        _ => when.to_string(),
    }
}

/// Below this similarity (cosine with MiniLM) to every one of the plan's
/// concerns, an action with no concern of its own does not relate to the plan.
/// The same value as the faithfulness threshold of `mark`, calibrated on the
/// exemplar bank; `tests/audit.rs` checks clear pairs on both sides.
pub const RELEVANCE_THRESHOLD: f32 = 0.2;

/// Judges plan rows.
pub struct Auditor<'a> {
    pub checker: &'a Checker,
    /// None: no rewrites (`--no-rewrite`).
    pub rewriter: Option<&'a Rewriter<'a>>,
    /// For relevance to the plan's concerns; word overlap without it.
    pub encoder: Option<&'a dyn crate::core::similarity::Embed>,
    pub cache: AuditCache,
}

impl<'a> Auditor<'a> {
    pub fn new(
        checker: &'a Checker,
        rewriter: Option<&'a Rewriter<'a>>,
        encoder: Option<&'a dyn crate::core::similarity::Embed>,
    ) -> Self {
        Auditor {
            checker,
            rewriter,
            encoder,
            cache: AuditCache::default(),
        }
    }

    /// The record for row `index` of `table`. `plan_concerns` are the concerns of
    /// the row's plan, to judge R when the row has no concern of its own.
    pub fn audit_row(
        &self,
        table: &Table,
        mapping: &Mapping,
        index: usize,
        plan_concerns: &[String],
    ) -> RowRecord {
        let row = &table.rows[index];
        let cell = |f: Field| {
            mapping
                .get(f)
                .and_then(|c| row.cells.get(c))
                .map(|s| s.trim())
                .unwrap_or("")
        };
        let mut fields = serde_json::Map::new();
        for (i, h) in table.headers.iter().enumerate() {
            let key = if h.is_empty() {
                format!("column {}", i + 1)
            } else {
                h.clone()
            };
            fields.insert(
                key,
                serde_json::Value::String(row.cells.get(i).cloned().unwrap_or_default()),
            );
        }
        // Cells beyond the header row are kept too.
        for (i, c) in row.cells.iter().enumerate().skip(table.headers.len()) {
            fields.insert(
                format!("column {}", i + 1),
                serde_json::Value::String(c.clone()),
            );
        }
        let plan = plan_key(table, mapping, row);
        let mut record = RowRecord {
            file: table.file.clone(),
            sheet: table.sheet.clone(),
            row: row.number,
            fields,
            skipped: None,
            error: None,
            plan,
            objective: None,
            smart: None,
            criteria: None,
            findings: Vec::new(),
            accepted: Vec::new(),
            field_findings: Vec::new(),
            rewrite: None,
            parts: RowParts {
                who: cell(Field::Who).to_string(),
                concern: cell(Field::Concern).to_string(),
                person: cell(Field::PersonId).to_string(),
                carer: cell(Field::Carer).to_string(),
                review: cell(Field::ReviewDate).to_string(),
                version: cell(Field::Version).to_string(),
            },
        };
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            record.skipped = Some("empty");
            return record;
        }
        // The size limit applies to each cell before anything reads it: the
        // tagger's time grows faster than a cell's length.
        let oversized = Field::ALL.into_iter().find_map(|f| {
            let col = mapping.get(f)?;
            let len = row.cells.get(col)?.trim().len();
            (len > crate::MAX_OBJECTIVE_BYTES).then_some((col, len))
        });
        if let Some((col, len)) = oversized {
            record.error = Some(format!(
                "row {}, column {} ('{}'): the cell is {len} bytes long; one objective may be at most {} bytes",
                row.number,
                col + 1,
                crate::io::table::clip(table.headers.get(col).map_or("", |h| h.as_str()), 60),
                crate::MAX_OBJECTIVE_BYTES
            ));
            return record;
        }
        if cell(Field::What).is_empty() && !cell(Field::Concern).is_empty() {
            // A concern with no action: a plan finding, not a row to judge.
            record.skipped = Some("no action");
            return record;
        }
        let what = self.verb_lowercased(cell(Field::Who), cell(Field::What));
        // "By next review" is the review date, when the row gives one.
        let when = resolve_review(cell(Field::When), cell(Field::ReviewDate));
        let cell = |f: Field| {
            if f == Field::When {
                when.as_str()
            } else {
                cell(f)
            }
        };
        let (text, cuts) = compose_pieces(
            cell(Field::Who),
            &what,
            cell(Field::When),
            cell(Field::Measure),
        );
        if text.trim().is_empty() {
            record.error = Some(format!(
                "row {}: no action to judge: the '{}' column is empty",
                row.number,
                mapping
                    .get(Field::What)
                    .and_then(|c| table.headers.get(c))
                    .map_or("what", |h| h.as_str())
            ));
            return record;
        }
        if text.len() > crate::MAX_OBJECTIVE_BYTES {
            record.error = Some(format!(
                "row {}: the action is {} bytes long; the limit is {} bytes",
                row.number,
                text.len(),
                crate::MAX_OBJECTIVE_BYTES
            ));
            return record;
        }
        let concern = match cell(Field::Concern) {
            "" => None,
            c => Some(c.to_string()),
        };
        let objective = Objective {
            text: text.clone(),
            concern,
            plan_kind: self.plan_kind(cell(Field::PlanKind)),
        };
        let analysed = self.checker.analyse_pieces(&objective, &cuts);
        let mut judgment = analysed.judgment.clone();
        if objective.concern.is_none() && !plan_concerns.is_empty() {
            // Compare the action itself: "Mum will ..." must not relate to "Mum has ...".
            // With a who column the what cell is the action (and repeats across an
            // archive, so its relevance is cached); else the objective from its verb on.
            let action = if !cell(Field::Who).is_empty() && !what.is_empty() {
                what.as_str()
            } else {
                analysed.frame.head.map_or(text.as_str(), |h| {
                    &text[analysed.analysis.tokens[h].span.start..]
                })
            };
            self.judge_against_plan(action, plan_concerns, &mut judgment);
        }
        record.smart = Some(judgment.smart);
        record.findings = judgment
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| RowFinding {
                rule: f.rule,
                criterion: f.criterion,
                message: f.message.clone(),
            })
            .collect();
        record.criteria = Some(judgment.criteria);
        record.field_findings = self.field_findings(mapping, &cell);
        let plan_date = crate::core::dates::first_date(cell(Field::Version)).or_else(|| {
            super::versions::file_date(&table.file).and_then(|d| crate::core::dates::first_date(&d))
        });
        if let (Some(due), Some(written)) =
            (crate::core::dates::first_date(cell(Field::When)), plan_date)
        {
            if due < written {
                record.field_findings.push(FieldFinding {
                    field: "when",
                    message: format!(
                        "{} is before the plan's own date ({}): the deadline had passed when the plan was written",
                        due.format("%d/%m/%Y"),
                        written.format("%d/%m/%Y")
                    ),
                });
            }
        }
        if mapping.get(Field::Accepted).is_some() {
            let (rules, unknown) = super::baseline::accepted_rules(cell(Field::Accepted));
            super::baseline::apply_accepted(&mut record, &rules);
            record
                .field_findings
                .extend(unknown.into_iter().map(|message| FieldFinding {
                    field: "accepted",
                    message,
                }));
        }
        if !judgment.smart {
            if let Some(rewriter) = self.rewriter {
                let key = (objective.text.clone(), objective.concern.clone());
                record.rewrite = Some(self.cache.rewrites.get_or(key, || {
                    rewriter.rewrite_analysed(&objective, &analysed).rewrite
                }));
            }
        }
        record.objective = Some(text);
        record
    }

    /// The plan kind a row's "plan kind" cell names; an empty or unknown cell
    /// leaves the checker's default.
    fn plan_kind(&self, cell: &str) -> Option<crate::core::plan_kind::PlanKind> {
        crate::core::plan_kind::PlanKind::parse(cell).ok()
    }

    /// "Sell the sofa" after a who column reads "Mum will sell the sofa": a capital
    /// on a word that can be a verb is only the cell's first letter.
    fn verb_lowercased(&self, who: &str, what: &str) -> String {
        let first = what.split_whitespace().next().unwrap_or("");
        let capitalised = first.chars().next().is_some_and(char::is_uppercase)
            && first.chars().skip(1).all(|c| !c.is_uppercase());
        if who.is_empty() || !capitalised {
            return what.to_string();
        }
        self.cache
            .lowered
            .get_or(what.to_string(), || self.lower_if_verb(what))
    }

    fn lower_if_verb(&self, what: &str) -> String {
        let a = crate::core::nlp::Analysis::new(self.checker.tokenizer(), what);
        match a.tokens.first() {
            Some(t) if t.can_be_verb && !t.is_proper_noun() => {
                let mut chars = what.chars();
                chars
                    .next()
                    .map(|c| c.to_lowercase().chain(chars).collect())
                    .unwrap_or_default()
            }
            _ => what.to_string(),
        }
    }

    /// R for an action with no concern of its own: does it relate to any of the
    /// plan's concerns (embedding similarity, or shared words and themes)?
    fn judge_against_plan(
        &self,
        text: &str,
        concerns: &[String],
        judgment: &mut crate::core::finding::Judgment,
    ) {
        let (best, concern) = self.relevance(text, concerns);
        let r = judgment.criteria.get_mut(Criterion::R);
        if best >= RELEVANCE_THRESHOLD {
            r.verdict = crate::core::finding::Verdict::Pass;
            r.reasons = vec![format!("relates to the plan's concern '{concern}'")];
        } else {
            r.verdict = crate::core::finding::Verdict::Fail;
            r.reasons = vec!["does not relate to any of the plan's concerns".to_string()];
            judgment
                .findings
                .push(crate::core::rules::unrelated_to_plan(0..text.len()));
        }
        judgment.smart = judgment.criteria.failing().is_empty();
    }

    /// The best similarity of `text` to one of `concerns`, and that concern (cached).
    pub fn relevance(&self, text: &str, concerns: &[String]) -> (f32, String) {
        self.cache
            .relevance
            .get_or((text.to_string(), concerns.to_vec()), || {
                let (s, c) = self.relevance_uncached(text, concerns);
                (s, c.to_string())
            })
    }

    fn relevance_uncached<'c>(&self, text: &str, concerns: &'c [String]) -> (f32, &'c str) {
        let refs: Vec<&str> = concerns.iter().map(String::as_str).collect();
        let sims = match self.encoder {
            Some(e) => crate::core::similarity::Similarity::Model(e).to_each(text, &refs),
            None => refs
                .iter()
                .map(|c| {
                    // Without the model: shared words, or a shared theme, count as related.
                    let lexical = crate::core::similarity::lexical_similarity(text, c);
                    let objective =
                        crate::core::check::Objective::new(text).with_concern(Some(c.to_string()));
                    let related = self.checker.check(&objective).criteria.r.verdict
                        != crate::core::finding::Verdict::Fail;
                    if related {
                        lexical.max(RELEVANCE_THRESHOLD)
                    } else {
                        lexical.min(RELEVANCE_THRESHOLD - 0.01)
                    }
                })
                .collect(),
        };
        sims.iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .map_or((0.0, ""), |(i, &s)| (s, refs[i]))
    }

    /// Checks of the who, when and measure columns on their own.
    fn field_findings<'c>(
        &self,
        mapping: &Mapping,
        cell: &dyn Fn(Field) -> &'c str,
    ) -> Vec<FieldFinding> {
        [
            (Field::Who, "who"),
            (Field::When, "when"),
            (Field::Measure, "measure"),
            (Field::PlanKind, "kind"),
        ]
        .into_iter()
        .filter(|(f, _)| mapping.get(*f).is_some())
        .filter_map(|(f, name)| {
            let value = cell(f);
            self.cache
                .field(f, value, || self.field_problem(f, value))
                .map(|message| FieldFinding {
                    field: name,
                    message,
                })
        })
        .collect()
    }

    /// What is wrong with one who, when or measure cell, if anything.
    fn field_problem(&self, field: Field, value: &str) -> Option<String> {
        match field {
            // An unknown kind is named, and the row judged by the default conventions.
            Field::PlanKind if !value.is_empty() => crate::core::plan_kind::PlanKind::parse(value)
                .err()
                .map(|e| format!("{e}: judged by the default conventions")),
            Field::Who if value.is_empty() => Some("blank: nobody is named for this action".into()),
            Field::Who => {
                let x = self
                    .checker
                    .analyse(&Objective::new(format!("{value} will do it")));
                match &x.owner {
                    Some(Owner::Agency(_)) => Some("is an agency or service, not a named person"),
                    Some(Owner::JobTitle(_)) => Some("is a job title with no name"),
                    Some(Owner::Thing(_)) | None => Some("does not name a person"),
                    Some(Owner::Person) => None,
                }
                .map(|p| format!("'{value}' {p}"))
            }
            Field::When if value.is_empty() => Some("blank: no date or period".into()),
            Field::When => {
                // The cell read as it is in a row: after an action.
                let text = format!("{CELL_LEAD_IN}{}", when_clause(value));
                let x = self.checker.analyse(&Objective::new(text));
                (!x.times.iter().any(|t| t.kind.is_concrete()))
                    .then(|| format!("'{value}' is not a real date or period"))
            }
            Field::Measure if value.is_empty() => {
                Some("blank: no method of measuring progress".into())
            }
            Field::Measure => {
                let text = format!("{CELL_LEAD_IN}{}", measure_clause(value));
                let x = self.checker.analyse(&Objective::new(text));
                let non_method = x
                    .judgment
                    .findings
                    .iter()
                    .any(|f| matches!(f.rule, RuleId::NotAMethod | RuleId::ReviewWithoutDate));
                // The same words that pass M in an objective pass here: a method,
                // or an indicator ("4 out of 5 days", "at least 3 sessions").
                (x.methods.is_empty() && x.indicators.is_empty() || non_method)
                    .then(|| format!("'{value}' is not a method of measurement"))
            }
            _ => None,
        }
    }
}

/// Results that repeat across an archive ("Mum", "ongoing", "by review", the same
/// objective in many plans), computed once. Bounded: each memo is emptied when it
/// reaches [`AuditCache::LIMIT`] entries, so memory stays flat.
pub struct AuditCache {
    fields: Memo<(Field, String), Option<String>>,
    relevance: Memo<(String, Vec<String>), (f32, String)>,
    rewrites: Memo<(String, Option<String>), String>,
    lowered: Memo<String, String>,
}

impl Default for AuditCache {
    fn default() -> Self {
        AuditCache {
            fields: Memo::new(Self::LIMIT),
            relevance: Memo::new(Self::LIMIT),
            rewrites: Memo::new(Self::LIMIT),
            lowered: Memo::new(Self::LIMIT),
        }
    }
}

impl AuditCache {
    pub const LIMIT: usize = 10_000;

    fn field(
        &self,
        field: Field,
        value: &str,
        compute: impl FnOnce() -> Option<String>,
    ) -> Option<String> {
        self.fields.get_or((field, value.to_string()), compute)
    }
}

//! Builds candidate rewrites from an objective's analysis: keeps what the writer
//! said, applies the repairs the rules attached to their findings, repairs each
//! failing letter with a template, and offers the nearest exemplars' actions
//! where the action itself is not observable. Who acts is in `who.rs`, the
//! action in `action.rs`, the time, method and concern in `tail.rs`, and text
//! tidying in `text.rs`.

mod action;
mod tail;
mod text;
mod who;

use super::draft::{template, Piece};
use super::exemplars::ExemplarBank;
use super::templates::Templates;
use crate::core::check::Analysed;
use crate::core::finding::{Criterion, Edit, RuleId, Severity};
use serde::Serialize;
use std::ops::Range;

/// What a rewrite changed, per letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub criterion: Criterion,
    pub what: String,
}

impl Change {
    fn new(criterion: Criterion, what: impl Into<String>) -> Self {
        Change {
            criterion,
            what: what.into(),
        }
    }
}

/// Where a candidate's action came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The writer's own action, with templates repairing the other letters.
    Kept,
    /// A verb repair from `data/rewrite.toml` that keeps the object.
    VerbRepair,
    /// An exemplar's action (its vague side is given).
    Exemplar(String),
    /// The writer's goal quoted, as a count of agreed steps towards it.
    Steps,
    /// A seq2seq model's output.
    Generator,
}

/// One candidate rewrite before it is re-checked.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub pieces: Vec<Piece>,
    pub changes: Vec<Change>,
    pub source: Source,
    /// How apt the action's source is, before fidelity is measured: 1 for the
    /// writer's own action, the retrieval similarity for an exemplar.
    pub prior: f32,
    /// How many leading pieces say who does what: the part compared for fidelity
    /// (the time and method templates are the same in every candidate).
    pub core: usize,
}

/// The prior of a verb repair: it keeps the object but its verb is generic.
const VERB_REPAIR_PRIOR: f32 = 0.85;
/// The prior of the writer's action with "[which]" asked of a general object.
const KEPT_WITH_WHICH_PRIOR: f32 = 0.8;
/// The prior of "take [N] agreed steps towards '<goal>'": faithful but roundabout.
const STEPS_PRIOR: f32 = 0.25;

/// Rules whose failure means the action itself must be replaced.
const ACTION_RULES: &[RuleId] = &[
    RuleId::WeakVerb,
    RuleId::VagueVerb,
    RuleId::StopBehaviour,
    RuleId::NoAction,
    RuleId::GenericObject,
    RuleId::StatusOutcome,
    RuleId::OutsideControl,
    RuleId::EmotiveLanguage,
];

/// The edits the findings' repairs ask for, gathered for the candidates.
#[derive(Default)]
struct Edits {
    /// Spans of the writer's text to drop.
    deletions: Vec<Range<usize>>,
    /// Pieces to put at byte offsets of the writer's text.
    insertions: Vec<(usize, Piece)>,
    changes: Vec<Change>,
    /// The action needs an amount or a frequency.
    need_quantity: bool,
}

/// Everything the repairs read.
pub struct Repairer<'a> {
    pub x: &'a Analysed,
    pub templates: &'a Templates,
    pub bank: &'a ExemplarBank,
    /// The nearest exemplars, best first.
    pub nearest: &'a [(usize, f32)],
    pub concern: Option<&'a str>,
}

impl Repairer<'_> {
    fn text(&self) -> &str {
        &self.x.analysis.text
    }

    fn quote(&self, range: &Range<usize>) -> String {
        self.text()[range.clone()].trim().to_string()
    }

    /// The candidates: the writer's action kept (when it is observable), or else a
    /// verb repair and the nearest exemplars' actions, each completed by templates.
    pub fn candidates(&self) -> Vec<Candidate> {
        let Edits {
            deletions,
            insertions,
            mut changes,
            need_quantity,
        } = self.edits();
        let (who, who_changes) = self.who();
        changes.extend(who_changes);

        let failed_action_rules: Vec<RuleId> = ACTION_RULES
            .iter()
            .copied()
            .filter(|&r| self.x.failed(r))
            .collect();
        let mut actions: Vec<(Vec<Piece>, Vec<Change>, Source, f32)> = Vec::new();
        if failed_action_rules.is_empty() {
            if let Some((pieces, c)) = self.kept_action(&deletions, &insertions) {
                actions.push((pieces, c, Source::Kept, 1.0));
            }
        } else {
            if failed_action_rules == [RuleId::GenericObject] {
                // Keep the writer's action and ask which thing exactly.
                let mut with_which = insertions.clone();
                if let Some((at, piece)) = self.which_insertion() {
                    with_which.push((at, piece));
                    if let Some((pieces, mut c)) = self.kept_action(&deletions, &with_which) {
                        c.push(Change::new(
                            Criterion::S,
                            "asked which one exactly: [which]".to_string(),
                        ));
                        actions.push((pieces, c, Source::Kept, KEPT_WITH_WHICH_PRIOR));
                    }
                }
            }
            actions.extend(self.replaced_actions());
            actions.push(self.stepped_action());
        }

        let methods = self.method_options();
        actions
            .into_iter()
            .map(|(action, action_changes, source, prior)| {
                let mut pieces = Vec::new();
                let mut all_changes = changes.clone();
                all_changes.extend(action_changes);
                if let Some(prefix) = self.leading_context(&deletions) {
                    pieces.push(Piece::kept(prefix));
                    pieces.push(Piece::added(","));
                }
                pieces.extend(who.iter().cloned());
                pieces.push(Piece::added("will"));
                let kept = source == Source::Kept;
                pieces.extend(action);
                let core = pieces.len();
                if kept && (need_quantity || self.x.failed(RuleId::NoIndicator)) {
                    pieces.extend(template(&self.templates.assembly.quantity));
                    all_changes.push(Change::new(
                        Criterion::M,
                        format!(
                            "added how much or how often: {}",
                            self.templates.assembly.quantity
                        ),
                    ));
                }
                self.add_time(&mut pieces, &mut all_changes, &deletions, kept);
                self.add_method(&mut pieces, &mut all_changes, &methods);
                self.add_concern(&mut pieces, &mut all_changes);
                Candidate {
                    pieces,
                    changes: all_changes,
                    source,
                    prior,
                    core,
                }
            })
            .collect()
    }

    /// The vague times to drop, then the repairs of every failing finding, in
    /// the order of the findings.
    fn edits(&self) -> Edits {
        let mut edits = Edits::default();
        for t in &self.x.times {
            if !t.kind.is_concrete() {
                edits.deletions.push(t.span.clone());
            }
        }
        for f in &self.x.judgment.findings {
            let Some(repair) = f.repair.as_ref().filter(|_| f.severity == Severity::Error) else {
                continue;
            };
            for edit in &repair.edits {
                match edit {
                    Edit::Delete(span) => edits.deletions.push(span.clone()),
                    Edit::Placeholder { span, label } => {
                        edits.deletions.push(span.clone());
                        edits
                            .insertions
                            .push((span.start, Piece::placeholder(*label)));
                    }
                    Edit::NeedQuantity => edits.need_quantity = true,
                }
            }
            edits
                .changes
                .push(Change::new(f.criterion, repair.note.clone()));
        }
        edits
    }
}

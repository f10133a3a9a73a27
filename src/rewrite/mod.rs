//! The SMART rewriter: builds candidate rewrites (templates, exemplars and an
//! optional seq2seq model), re-checks each with placeholders counted as filled,
//! drops any that invent a fact, and keeps the one closest in meaning.

pub mod advisories;
mod bundled;
pub mod draft;
pub mod exemplars;
pub mod facts;
pub mod grammar;
pub mod intent;
mod manner;
mod means;
mod rank;
pub mod repair;
mod shouting;
mod supported;
pub mod templates;

use crate::core::check::{Checker, Objective};
use crate::core::finding::{Criteria, Finding, Judgment, RuleId};
use crate::core::similarity::Embed;
use draft::{render, Fills, Piece, PlaceholderSpan, Rendered, SuggestedSpan};
use exemplars::ExemplarBank;
use grammar::{GrammarGate, GrammarProblem};
use intent::{Goal, IntentLists};
use repair::{Candidate, Change, Repairer, Source};
use serde::Serialize;
use templates::Templates;

/// How many alternatives are kept beside the chosen rewrite.
pub const MAX_ALTERNATIVES: usize = 3;
/// How many exemplars are retrieved for an objective whose action is replaced.
pub const NEAREST_EXEMPLARS: usize = 3;
/// Added to the prior of a candidate rebuilt on the means the writer named
/// ("lose weight" for "be healthier by losing weight"): a named means is an
/// action, where the goal alone leaves the measure to the team.
const MEANS_BONUS: f32 = 0.3;
/// How the fallback's placeholder starts: "[observable action that shows: ...]",
/// or for a behaviour to stop "[observable action to do instead of: ...]".
pub const FALLBACK_LABEL: &str = "observable action";

/// A rewrite data file (templates, exemplar bank) that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {reason}")]
pub struct DataError {
    pub origin: String,
    pub reason: String,
}

impl DataError {
    pub fn new(origin: &str, reason: impl std::fmt::Display) -> Self {
        DataError {
            origin: origin.to_string(),
            reason: reason.to_string(),
        }
    }
}

/// A generator failed on one objective; its candidates are then left out.
#[derive(Debug, thiserror::Error)]
#[error("the generator failed: {0}")]
pub struct GenerateError(pub String);

/// Something that proposes rewrites as free text (a seq2seq model).
pub trait Generate: Send + Sync {
    /// Candidate rewrites of `objective`; errors are reported, not fatal.
    fn generate(&self, objective: &str) -> Result<Vec<String>, GenerateError>;
}

/// The result of rewriting one objective.
#[derive(Debug, Clone, Serialize)]
pub struct Rewrite {
    /// The objective as given.
    pub text: String,
    /// The chosen rewrite; the text itself when it was already SMART.
    pub rewrite: String,
    pub placeholders: Vec<PlaceholderSpan>,
    /// Spans taken from the exemplar bank: suggestions for the team to confirm.
    pub suggested: Vec<SuggestedSpan>,
    pub changes: Vec<Change>,
    pub alternatives: Vec<Alternative>,
    /// The checker's verdicts on the original.
    pub before: Criteria,
    /// The checker's verdicts on the rewrite, with placeholders counted as filled.
    pub after: Criteria,
    /// The findings on the original.
    pub findings: Vec<Finding>,
    /// Similarity in meaning to the original (cosine with the model, word overlap without).
    pub fidelity: f32,
    /// `"minilm"`, `"minilm+generator"` or `"unavailable"`.
    pub model: String,
}

/// A judgment as `smarten check --format json` gives it, with the suggested
/// rewrite under `suggestion` when there is one (the CLI and the server).
pub fn judgment_json(judgment: &Judgment, suggestion: Option<&Rewrite>) -> serde_json::Value {
    let mut value = serde_json::to_value(judgment).unwrap_or(serde_json::Value::Null);
    if let (Some(s), Some(obj)) = (suggestion, value.as_object_mut()) {
        obj.insert(
            "suggestion".to_string(),
            serde_json::json!({
                "rewrite": s.rewrite,
                "placeholders": s.placeholders,
                "suggested": s.suggested,
                "changes": s.changes,
                "model": s.model,
            }),
        );
    }
    value
}

impl Rewrite {
    /// The objective returned as it is, with its verdicts before and after the same.
    fn unchanged(
        objective: &Objective,
        before: Criteria,
        findings: Vec<Finding>,
        model: String,
    ) -> Self {
        Rewrite {
            text: objective.text.clone(),
            rewrite: objective.text.clone(),
            placeholders: Vec::new(),
            suggested: Vec::new(),
            changes: Vec::new(),
            alternatives: Vec::new(),
            after: before.clone(),
            before,
            findings,
            fidelity: 1.0,
            model,
        }
    }
}

/// A runner-up rewrite.
#[derive(Debug, Clone, Serialize)]
pub struct Alternative {
    pub rewrite: String,
    pub placeholders: Vec<PlaceholderSpan>,
    pub suggested: Vec<SuggestedSpan>,
    pub passes: bool,
    pub fidelity: f32,
    /// "kept", "verb-repair", "exemplar", "fallback", "taken", "provision",
    /// "given-up", "outcome" or "generator".
    pub source: String,
}

pub struct Rewriter<'a> {
    checker: &'a Checker,
    templates: Templates,
    fills: Fills,
    bank: ExemplarBank,
    intent: IntentLists,
    grammar: GrammarGate,
    encoder: Option<&'a dyn Embed>,
    generator: Option<&'a dyn Generate>,
    /// How many exemplars are retrieved as candidate actions.
    nearest: usize,
    /// Only the best rewrite is wanted, no alternatives: candidates are
    /// re-checked best-first and the search stops at the first that passes.
    best_only: bool,
    /// Re-check a candidate as its action and its tail ("by [by when], measured
    /// by [how measured]"), each analysed once and memoised (bulk audits).
    recheck_in_pieces: bool,
}

/// Every candidate considered for one objective, for reviewers and tests.
#[derive(Debug, Clone, Serialize)]
pub struct CandidateReport {
    pub rewrite: String,
    /// "kept", "verb-repair", "exemplar", "fallback", "taken", "provision",
    /// "given-up", "outcome" or "generator".
    pub source: String,
    /// Letters that still fail with placeholders filled.
    pub failing: Vec<crate::core::finding::Criterion>,
    /// Numbers or names the input does not contain: such a candidate is never shown.
    pub invented: Vec<String>,
    /// Goal words or numbers the candidate drops: such a candidate is never shown.
    pub lost: Vec<String>,
    /// Risk topics the candidate brings in unprompted: never shown.
    pub risks: Vec<String>,
    /// Grammar problems, read with placeholders filled: never shown.
    pub grammar: Vec<GrammarProblem>,
}

/// A candidate after re-checking.
struct Scored {
    candidate: Candidate,
    rendered: Rendered,
    after: Criteria,
    passes: bool,
    fidelity: f32,
}

impl<'a> Rewriter<'a> {
    /// A rewriter with the bundled templates and exemplar bank.
    pub fn new(checker: &'a Checker, encoder: Option<&'a dyn Embed>) -> Self {
        Self::with_data(
            checker,
            encoder,
            Templates::bundled(),
            ExemplarBank::bundled(),
        )
    }

    pub fn with_data(
        checker: &'a Checker,
        encoder: Option<&'a dyn Embed>,
        templates: Templates,
        bank: ExemplarBank,
    ) -> Self {
        Rewriter {
            checker,
            fills: templates.fills(),
            templates,
            bank,
            intent: IntentLists::bundled(),
            grammar: GrammarGate::default(),
            encoder,
            generator: None,
            nearest: NEAREST_EXEMPLARS,
            best_only: false,
            recheck_in_pieces: false,
        }
    }

    /// Retrieve only the `k` nearest exemplars (bulk audits use 1: fewer
    /// candidates to re-check, at some cost to the choice).
    pub fn with_nearest(mut self, k: usize) -> Self {
        self.nearest = k.max(1);
        self
    }

    /// Return only the best rewrite, with no alternatives (bulk audits). The
    /// choice is the same as with alternatives: candidates are re-checked in
    /// order of score, and the first that passes outranks every other.
    pub fn best_only(mut self) -> Self {
        self.best_only = true;
        self
    }

    /// Re-check each candidate as two memoised pieces, its action and its tail
    /// ([`Checker::analyse_pieces`]): across an archive the same actions and the
    /// same "by [by when]" recur, so most re-checks need no tagging.
    pub fn recheck_in_pieces(mut self) -> Self {
        self.recheck_in_pieces = true;
        self
    }

    /// Also take candidates from a seq2seq model.
    pub fn with_generator(mut self, generator: &'a dyn Generate) -> Self {
        self.generator = Some(generator);
        self
    }

    pub fn bank(&self) -> &ExemplarBank {
        &self.bank
    }

    pub fn templates(&self) -> &Templates {
        &self.templates
    }

    pub fn fills(&self) -> &Fills {
        &self.fills
    }

    /// The model name reported with each rewrite.
    pub fn model_name(&self) -> String {
        match (self.encoder, self.generator) {
            (Some(_), Some(_)) => "minilm+generator".into(),
            (Some(_), None) => "minilm".into(),
            (None, Some(_)) => "unavailable+generator".into(),
            (None, None) => "unavailable".into(),
        }
    }

    /// Rewrites one objective. An objective that is already SMART, with no
    /// warning a rewrite answers ([`advisories`]), comes back unchanged.
    pub fn rewrite(&self, objective: &Objective) -> Rewrite {
        let x = self.checker.analyse(objective);
        self.rewrite_analysed(objective, &x)
    }

    /// As [`Self::rewrite`], for an objective the caller has already analysed
    /// with the same checker (the audit does, to judge the row).
    pub fn rewrite_analysed(
        &self,
        objective: &Objective,
        x: &crate::core::check::Analysed,
    ) -> Rewrite {
        let before = x.judgment.criteria.clone();
        let findings = x.judgment.findings.clone();
        let promoted = advisories::as_failures(x);
        let x = promoted.as_ref().unwrap_or(x);
        if x.judgment.smart {
            return Rewrite::unchanged(objective, before, findings, self.model_name());
        }
        let concern = objective
            .concern
            .as_deref()
            .filter(|c| !c.trim().is_empty());
        let original = self.embed_one(&objective.text);
        let candidates = self.candidates(objective, x, concern, original.as_deref());
        let goal = self
            .intent
            .goal(x, &repair::emphatic_asides(&x.analysis, &self.templates));
        self.choose(
            objective,
            concern,
            original.as_deref(),
            (candidates, &goal),
            before,
            findings,
        )
    }

    /// Every candidate for an objective that is not SMART, with why each was kept or not.
    pub fn candidate_reports(&self, objective: &Objective) -> Vec<CandidateReport> {
        let x = self.checker.analyse(objective);
        let x = advisories::as_failures(&x).unwrap_or(x);
        let concern = objective
            .concern
            .as_deref()
            .filter(|c| !c.trim().is_empty());
        let original = self.embed_one(&objective.text);
        let goal = self
            .intent
            .goal(&x, &repair::emphatic_asides(&x.analysis, &self.templates));
        self.candidates(objective, &x, concern, original.as_deref())
            .into_iter()
            .map(|c| {
                let rendered = render(&c.pieces);
                let filled = self.fills.fill(&rendered);
                let after = self.checker.analyse(&Objective {
                    text: filled,
                    concern: concern.map(str::to_string),
                    plan_kind: objective.plan_kind.clone(),
                });
                CandidateReport {
                    invented: facts::invented_facts(&objective.text, concern, &rendered),
                    lost: self.intent.lost(&goal, &rendered),
                    risks: self
                        .intent
                        .risks_introduced(&objective.text, concern, &c.pieces),
                    grammar: self.grammar.problems(&after.analysis),
                    rewrite: rendered.text,
                    source: source_name(&c.source).to_string(),
                    failing: after.judgment.criteria.failing(),
                }
            })
            .collect()
    }

    /// The embedding of one text, when the model is loaded.
    fn embed_one(&self, text: &str) -> Option<Vec<f32>> {
        self.encoder
            .and_then(|e| e.embed_all(&[text]).ok())
            .map(|mut v| v.remove(0))
    }

    fn candidates(
        &self,
        objective: &Objective,
        x: &crate::core::check::Analysed,
        concern: Option<&str>,
        original: Option<&[f32]>,
    ) -> Vec<Candidate> {
        let reached;
        let x = match status_reached(x, self.checker.lexicon()) {
            Some(r) => {
                reached = r;
                &reached
            }
            None => x,
        };
        // Retrieval compares actions: from the main verb on, without who does it.
        // With no object, a thing as subject ("Evie's speech will improve",
        // "the house will be cleaned") is what changes; a person ("Kiera will
        // eat better") is only who acts.
        let subject_changes = x.frame.passive
            || matches!(x.owner, Some(crate::core::frame::Owner::Thing(_)))
            || x.frame.subject.as_ref().is_some_and(|s| {
                x.analysis.tokens[s.clone()]
                    .iter()
                    .any(|t| t.is_possessive())
            });
        let action = match (x.frame.head, &x.frame.object) {
            (Some(h), Some(_)) => &objective.text[x.analysis.tokens[h].span.start..],
            (Some(h), None) if !subject_changes => {
                &objective.text[x.analysis.tokens[h].span.start..]
            }
            _ => objective.text.as_str(),
        };
        let query = match concern {
            Some(c) if x.failed(RuleId::OffConcern) => format!("{action} {c}"),
            _ => action.to_string(),
        };
        let nearest = if query == objective.text {
            self.bank
                .nearest_to(&query, original, self.nearest, self.encoder)
        } else {
            self.bank.nearest(&query, self.nearest, self.encoder)
        };
        let repairer = Repairer {
            x,
            templates: &self.templates,
            bank: &self.bank,
            intent: &self.intent,
            lexicon: self.checker.lexicon(),
            nearest: &nearest,
            min_similarity: if self.encoder.is_some() {
                self.intent.min_exemplar_similarity
            } else {
                0.0
            },
            concern,
            writer_owns: self
                .checker
                .plan_kind_of(objective)
                .is_some_and(|k| k.writer_acts()),
        };
        let mut candidates = repairer.candidates();
        // "Mum to ensure Tom attends school": Tom's act, rewritten, which Mum supports.
        candidates.extend(self.supported_candidates(objective, x, &repairer, concern, original));
        // "Dad will find a job, pay off his debts and move by June": one objective each.
        candidates.extend(self.bundled_candidate(objective, x));
        // "be more consistent in taking his medication": said of the act
        // (first, so that the same text reached from an exemplar of the
        // writer's words is not kept in its place).
        if let Some(c) = self.manner_candidate(objective, x) {
            candidates.insert(0, c);
        }
        // "be healthier by losing weight": the means, rewritten as the
        // objective, with the goal kept as its purpose.
        if let Some((means, purpose)) = means::split(objective, x) {
            let mx = self.checker.analyse(&means);
            let mx = advisories::as_failures(&mx).unwrap_or(mx);
            if !mx.judgment.smart {
                for mut c in self.candidates(&means, &mx, concern, original) {
                    // Only a means made observable earns its place above the
                    // goal: not one still asking what it looks like.
                    let rendered = render(&c.pieces);
                    let open = self.leaves_the_goal_open(&rendered);
                    if !open {
                        c.prior += MEANS_BONUS;
                    }
                    c.pieces.push(Piece::added(","));
                    c.pieces.push(Piece::kept(purpose.clone()));
                    candidates.push(c);
                }
            }
        }
        // "eat MORE veggies": the writer's shouted words, in lower case.
        if let Some(shouted) = shouting::shouted_pattern(x, self.checker.lexicon()) {
            for c in &mut candidates {
                shouting::tone_down(&mut c.pieces, &shouted);
            }
        }
        if let Some(generator) = self.generator {
            if let Ok(texts) = generator.generate(&objective.text) {
                for t in texts {
                    let t = t.trim();
                    if !t.is_empty() {
                        candidates.push(Candidate {
                            pieces: vec![Piece::added(t)],
                            changes: vec![],
                            source: Source::Generator,
                            prior: 0.0,
                            core: 1,
                        });
                    }
                }
            }
        }
        candidates
    }

    fn choose(
        &self,
        objective: &Objective,
        concern: Option<&str>,
        original: Option<&[f32]>,
        (candidates, goal): (Vec<Candidate>, &Goal),
        before: Criteria,
        findings: Vec<Finding>,
    ) -> Rewrite {
        let mut scored = self.score(objective, concern, original, candidates, goal);
        if scored.is_empty() {
            // Every candidate invented a fact: say so rather than guess.
            return Rewrite::unchanged(objective, before, findings, self.model_name());
        }
        let best = scored.remove(0);
        // Alternatives are other actions, not the same one with another tail.
        let core = |s: &Scored| {
            render(&s.candidate.pieces[..s.candidate.core.min(s.candidate.pieces.len())]).text
        };
        let mut seen = std::collections::HashSet::from([core(&best)]);
        let alternatives = scored
            .into_iter()
            .filter(|s| seen.insert(core(s)))
            .take(MAX_ALTERNATIVES)
            .map(|s| Alternative {
                rewrite: s.rendered.text,
                placeholders: s.rendered.placeholders,
                suggested: s.rendered.suggested,
                passes: s.passes,
                fidelity: s.fidelity,
                source: source_name(&s.candidate.source).to_string(),
            })
            .collect();
        let mut changes = best.candidate.changes;
        changes.sort_by_key(|c| c.criterion);
        changes.dedup();
        Rewrite {
            text: objective.text.clone(),
            rewrite: best.rendered.text,
            placeholders: best.rendered.placeholders,
            suggested: best.rendered.suggested,
            changes,
            alternatives,
            before,
            after: best.after,
            findings,
            fidelity: best.fidelity,
            model: self.model_name(),
        }
    }
}

fn source_name(source: &Source) -> &'static str {
    match source {
        Source::Kept => "kept",
        Source::VerbRepair => "verb-repair",
        Source::Exemplar(_) => "exemplar",
        Source::Fallback => "fallback",
        Source::Taken(_) => "taken",
        Source::Provision => "provision",
        Source::GivenUp => "given-up",
        Source::ThingOutcome => "outcome",
        Source::Generator => "generator",
        Source::Split => "split",
    }
}

/// "I will be employed as a carpenter", "be fully healed": a status
/// the person reaches, not something an unnamed someone does to them. The
/// checker does not ask who did it (`passive-without-agent`); the rewrite reads
/// it as "be" and a state, so it is not turned round ("[who] will employ I").
fn status_reached(
    x: &crate::core::check::Analysed,
    lexicon: &crate::core::lexicon::Lexicon,
) -> Option<crate::core::check::Analysed> {
    let f = &x.frame;
    let head = f.head?;
    let toks = &x.analysis.tokens;
    let status = crate::core::analysis::words_at(toks, &lexicon.status_participles, head).is_some();
    if !(f.passive
        && f.agent.is_none()
        && status
        && matches!(x.owner, Some(crate::core::frame::Owner::Person)))
    {
        return None;
    }
    let be = (0..head).rev().find(|&k| toks[k].is("be"))?;
    let mut reached = x.clone();
    reached.frame.passive = false;
    reached.frame.copula = true;
    reached.frame.head = Some(be);
    reached.frame.object = Some(be + 1..f.object.as_ref().map_or(head + 1, |o| o.end));
    Some(reached)
}

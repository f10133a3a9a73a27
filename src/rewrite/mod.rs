//! The SMART rewriter: builds candidate rewrites (templates, exemplars and an
//! optional seq2seq model), re-checks each with placeholders counted as filled,
//! drops any that invent a fact, and keeps the one closest in meaning.

pub mod advisories;
pub mod draft;
pub mod exemplars;
pub mod facts;
pub mod grammar;
pub mod intent;
pub mod repair;
pub mod templates;

use crate::core::check::{Checker, Objective};
use crate::core::finding::{Criteria, Finding, Judgment, RuleId, Verdict};
use crate::core::similarity::{Embed, Similarity};
use draft::{render, Fills, Piece, PlaceholderSpan, Rendered, SuggestedSpan};
use exemplars::ExemplarBank;
use grammar::{GrammarGate, GrammarProblem};
use intent::{Goal, IntentLists};
use repair::{Candidate, Change, Repairer, Source};
use serde::Serialize;
use templates::Templates;

/// How many alternatives are kept beside the chosen rewrite.
pub const MAX_ALTERNATIVES: usize = 3;
/// How much lower an exemplar ranks when it keeps the writer's comparative only
/// through its own vague side ("Behave better in class").
const EXEMPLAR_COMPARATIVE_PENALTY: f32 = 0.2;
/// How many exemplars are retrieved for an objective whose action is replaced.
pub const NEAREST_EXEMPLARS: usize = 3;
/// How the fallback's placeholder starts: "[observable action that shows: ...]".
pub const FALLBACK_LABEL: &str = "observable action that shows";

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
    /// "kept", "verb-repair", "exemplar" or "generator".
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
    /// "kept", "verb-repair", "exemplar", "fallback" or "generator".
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
        // With no object ("Evie's speech will improve") the subject is what changes.
        let action = match (x.frame.head, &x.frame.object) {
            (Some(h), Some(_)) => &objective.text[x.analysis.tokens[h].span.start..],
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
        let mut candidates = Repairer {
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
        }
        .candidates();
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

    /// Re-checks each candidate; drops those that invent facts, lose the goal,
    /// bring in a risk topic, read ungrammatically or repeat another; and orders
    /// the rest: passing first, then closest in meaning, then shortest.
    fn score(
        &self,
        given: &Objective,
        concern: Option<&str>,
        original_vector: Option<&[f32]>,
        candidates: Vec<Candidate>,
        goal: &Goal,
    ) -> Vec<Scored> {
        let original = given.text.as_str();
        let mut seen = std::collections::HashSet::new();
        let mut kept = Vec::new();
        for mut candidate in candidates {
            let rendered = render(&candidate.pieces);
            if rendered.text.is_empty() || !seen.insert(rendered.text.clone()) {
                continue;
            }
            // An exemplar written for the same comparative ("Behave better in
            // class") is that comparative made observable.
            let mut lost = self.intent.lost(goal, &rendered);
            // (Only when the exemplar compares the same thing: its vague side
            // shares a content word with the objective, "Behave better in
            // class" for "behave better in lessons".)
            if let Source::Exemplar(vague) = &candidate.source {
                let same_thing = self.intent.share_what(original, vague);
                let vague = vague.to_lowercase();
                let before = lost.len();
                lost.retain(|w| {
                    !(same_thing
                        && goal.comparatives.contains(w)
                        && self.intent.compared_alike(w, &vague))
                });
                // ... but a candidate that keeps the comparative in its own words
                // ("up from [baseline]") ranks above it.
                if lost.len() < before {
                    candidate.prior -= EXEMPLAR_COMPARATIVE_PENALTY;
                }
            }
            if !facts::invented_facts(original, concern, &rendered).is_empty()
                || !lost.is_empty()
                || !self
                    .intent
                    .risks_introduced(original, concern, &candidate.pieces)
                    .is_empty()
            {
                continue;
            }
            kept.push((candidate, rendered));
        }
        // Fidelity compares who-does-what: the time and method templates are shared.
        let plain: Vec<String> = kept
            .iter()
            .map(|(c, _)| without_placeholders(&render(&c.pieces[..c.core.min(c.pieces.len())])))
            .collect();
        let refs: Vec<&str> = plain.iter().map(String::as_str).collect();
        let (fidelity, to_concern) = match (self.encoder, original_vector) {
            (Some(encoder), Some(original_vector)) => {
                let mut texts = refs.clone();
                if let Some(c) = concern {
                    texts.push(c);
                }
                match encoder.embed_all(&texts) {
                    Ok(vectors) => {
                        let fidelity: Vec<f32> = vectors[..refs.len()]
                            .iter()
                            .map(|v| crate::core::similarity::cosine(original_vector, v))
                            .collect();
                        let to_concern = concern.map(|_| {
                            let c = &vectors[refs.len()];
                            vectors[..refs.len()]
                                .iter()
                                .map(|v| crate::core::similarity::cosine(c, v))
                                .collect::<Vec<f32>>()
                        });
                        (fidelity, to_concern)
                    }
                    Err(_) => self.lexical_scores(original, concern, &refs),
                }
            }
            _ => self.lexical_scores(original, concern, &refs),
        };
        // Best score first; the re-check then only moves candidates that fail.
        let mut ranked: Vec<_> = kept
            .into_iter()
            .enumerate()
            .map(|(i, (candidate, rendered))| {
                let concern_bonus = to_concern.as_ref().map_or(0.0, |v| 0.5 * v[i]);
                let rank_score = 0.5 * fidelity[i] + candidate.prior + concern_bonus;
                (candidate, rendered, fidelity[i], rank_score)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.3.total_cmp(&a.3)
                .then(a.1.text.len().cmp(&b.1.text.len()))
        });
        let mut scored = Vec::new();
        for (candidate, rendered, fidelity, _) in ranked {
            let filled = self.fills.fill(&rendered);
            let cuts = if self.recheck_in_pieces {
                self.tail_cut(&candidate, &filled).into_iter().collect()
            } else {
                Vec::new()
            };
            // The candidate is judged by the same conventions as the original.
            let objective = Objective {
                text: filled,
                concern: concern.map(str::to_string),
                plan_kind: given.plan_kind.clone(),
            };
            let analysed = if self.recheck_in_pieces {
                self.checker.analyse_pieces(&objective, &cuts)
            } else {
                self.checker.analyse(&objective)
            };
            if !self.grammar.problems(&analysed.analysis).is_empty() {
                continue;
            }
            let softened = analysed
                .judgment
                .findings
                .iter()
                .any(|f| self.softened_vagueness(f, objective.plan_kind.as_ref()));
            let after = analysed.judgment.criteria;
            let after = self.unfill_reasons(after, &rendered);
            let passes = after.failing().is_empty() && !softened;
            scored.push(Scored {
                candidate,
                rendered,
                after,
                passes,
                fidelity,
            });
            if passes && self.best_only {
                // Every later candidate scores lower, and a pass outranks any fail.
                return scored.split_off(scored.len() - 1);
            }
        }
        // Passing first, then fewest failing letters; the sort is stable, so the
        // score order holds within each group.
        scored.sort_by(|a, b| {
            b.passes
                .cmp(&a.passes)
                .then(failing_count(&a.after).cmp(&failing_count(&b.after)))
        });
        if self.best_only {
            scored.truncate(1);
        }
        scored
    }
}

impl Rewriter<'_> {
    /// Where the tail (time, method) starts in a candidate's filled text: after
    /// its `core` pieces, which say who does what.
    fn tail_cut(&self, candidate: &Candidate, filled: &str) -> Option<usize> {
        let core = candidate.core.min(candidate.pieces.len());
        if core == 0 || core == candidate.pieces.len() {
            return None;
        }
        let head = self.fills.fill(&render(&candidate.pieces[..core]));
        let head = head.trim_end_matches('.');
        (filled.starts_with(head)
            && filled[head.len()..].starts_with([' ', ','])
            && !head.is_empty())
        .then_some(head.len())
    }

    /// A finding on what the action is (S) that fails no letter only because
    /// calibration softened its rule ("'be safe' is a general state").
    /// Calibration spares the user's own wording from rules often wrong on it;
    /// the action of a rewrite smarten proposes is held to the rule's designed
    /// level. Acronyms and jargon are the user's words, which a rewrite keeps,
    /// so they do not count.
    fn softened_vagueness(
        &self,
        f: &crate::core::finding::Finding,
        kind: Option<&crate::core::plan_kind::PlanKind>,
    ) -> bool {
        use crate::core::finding::{Criterion, RuleId, Severity};
        f.severity == Severity::Warning
            && f.criterion == Criterion::S
            && !matches!(f.rule, RuleId::Acronym | RuleId::Jargon)
            && self.checker.is_demoted(f.rule, kind)
    }

    fn lexical_scores(
        &self,
        original: &str,
        concern: Option<&str>,
        refs: &[&str],
    ) -> (Vec<f32>, Option<Vec<f32>>) {
        let sim = Similarity::Lexical;
        (
            sim.to_each(original, refs),
            concern.map(|c| sim.to_each(c, refs)),
        )
    }

    /// The re-check quotes the stand-ins ("by 31 March 2027"); show the
    /// placeholders the user sees ("by [by when]") instead.
    /// Longer stand-ins go first, and only whole words are replaced, so the
    /// "2" standing in for a baseline never eats into "31 March 2027".
    fn unfill_reasons(&self, mut after: Criteria, rendered: &Rendered) -> Criteria {
        let mut placeholders: Vec<_> = rendered.placeholders.iter().collect();
        placeholders
            .sort_by_key(|p| std::cmp::Reverse(self.fills.get(&p.label).map_or(0, str::len)));
        for c in crate::core::finding::Criterion::ALL {
            for reason in &mut after.get_mut(c).reasons {
                for p in &placeholders {
                    if let Some(value) = self.fills.get(&p.label) {
                        let label = format!("[{}]", p.label);
                        *reason = crate::rewrite::draft::replace_whole_words(reason, value, &label);
                        // A reason quoting part of a stand-in: "method: 'attendance register'".
                        if let (Some(a), Some(b)) = (reason.find('\''), reason.rfind('\'')) {
                            if b > a + 1 && value.contains(&reason[a + 1..b]) {
                                *reason = format!("{}{label}{}", &reason[..=a], &reason[b..]);
                            }
                        }
                    }
                }
            }
        }
        after
    }
}

fn failing_count(c: &Criteria) -> usize {
    crate::core::finding::Criterion::ALL
        .iter()
        .filter(|&&k| c.get(k).verdict == Verdict::Fail)
        .count()
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
        Source::Generator => "generator",
    }
}

/// The rendered text with placeholders removed, for comparing meanings.
fn without_placeholders(r: &Rendered) -> String {
    let mut out = String::new();
    let mut at = 0;
    for p in &r.placeholders {
        out.push_str(&r.text[at..p.start]);
        at = p.end;
    }
    out.push_str(&r.text[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
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

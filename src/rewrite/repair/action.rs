//! The action of a rewrite: the writer's own (tidied, a passive made active),
//! a verb repair that keeps the object, the nearest exemplars' actions, or the
//! "agreed steps" fallback; and the clause boundaries they are cut at.

use super::text::{
    decapitalise, lower_first, split_kept, subtract, template_pieces, tidy, tidy_inner,
};
use super::{Change, Repairer, Source, STEPS_PRIOR, VERB_REPAIR_PRIOR};
use crate::core::finding::{Criterion, RuleId};
use crate::core::frame::Owner;
use crate::rewrite::draft::{parse_template, Piece};
use std::ops::Range;

impl Repairer<'_> {
    /// The writer's own action, from the main verb to the end, without the spans
    /// being replaced. A passive with no agent is turned active ("clean the home").
    pub(super) fn kept_action(
        &self,
        deletions: &[Range<usize>],
        insertions: &[(usize, Piece)],
    ) -> Option<(Vec<Piece>, Vec<Change>)> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        let mut pieces = Vec::new();
        let mut changes = Vec::new();
        let mut from = toks[head].span.start;
        if self.x.frame.passive && self.x.frame.agent.is_none() {
            let subject = self.x.frame.subject.clone()?;
            let subject = self.x.analysis.byte_span(subject);
            let verb = toks[head]
                .lemmas
                .first()
                .cloned()
                .unwrap_or_else(|| toks[head].lower.clone());
            let object = decapitalise(&self.quote(&subject));
            changes.push(Change::new(
                Criterion::S,
                format!(
                    "turned the passive '{}' into an action someone does",
                    self.quote(&(subject.start..toks[head].span.end))
                ),
            ));
            pieces.push(Piece::added(verb));
            pieces.push(Piece::kept(object));
            from = toks[head].span.end;
        }
        let end = self.text().len();
        // Cut the kept text at each insertion point, then tidy each part.
        let mut cuts: Vec<&(usize, Piece)> =
            insertions.iter().filter(|(at, _)| *at >= from).collect();
        cuts.sort_by_key(|(at, _)| *at);
        let mut bounds: Vec<usize> = cuts.iter().map(|(at, _)| *at).collect();
        bounds.push(end);
        let mut at = from;
        for (k, bound) in bounds.iter().enumerate() {
            for segment in subtract(at..*bound, deletions) {
                let t = tidy_inner(&self.text()[segment], *bound == end);
                if !t.is_empty() {
                    pieces.push(Piece::kept(t));
                }
            }
            if let Some((_, piece)) = cuts.get(k) {
                pieces.push(piece.clone());
            }
            at = *bound;
        }
        // "Distribute model policies" at the start of the objective: the verb is not a name.
        if head == 0 || toks[..head].iter().all(|t| t.is_punct() || t.lower == "to") {
            if let Some(Piece::Kept(first)) = pieces.first_mut() {
                if !toks[head].is_proper_noun() {
                    *first = lower_first(first);
                }
            }
        }
        Some((pieces, changes))
    }

    /// Replacement actions: a verb repair that keeps the object, then the nearest exemplars'.
    pub(super) fn replaced_actions(&self) -> Vec<(Vec<Piece>, Vec<Change>, Source, f32)> {
        let toks = &self.x.analysis.tokens;
        let mut out = Vec::new();
        let what = self.action_text();
        let why = if self.x.failed(RuleId::StopBehaviour) {
            "is a behaviour to stop: replaced with a behaviour to see"
        } else if self.x.failed(RuleId::WeakVerb) {
            "is a state of mind nobody can see: replaced with an observable action"
        } else if self.x.failed(RuleId::OutsideControl) {
            "makes the person answerable for someone else: replaced with what they will do themselves"
        } else if self.x.failed(RuleId::StatusOutcome) {
            "is an end state, not a step: replaced with a step within reach"
        } else {
            "is not a detailed action: replaced with an observable one"
        };
        if let Some(head) = self.x.frame.head {
            // The longest repair verb phrase at the head ("reach out to").
            let phrase_len = self
                .templates
                .verb_repairs
                .iter()
                .flat_map(|r| r.verbs.iter())
                .map(|p| p.split_whitespace().collect::<Vec<_>>())
                .filter(|w| {
                    w.iter()
                        .enumerate()
                        .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
                })
                .map(|w| w.len())
                .max()
                .unwrap_or(1);
            let after_phrase = head + phrase_len;
            let object_range = self
                .x
                .frame
                .object
                .clone()
                .or_else(|| match &self.x.owner {
                    // "Home conditions to improve": the subject is what changes.
                    Some(Owner::Thing(_)) => self.x.frame.subject.clone(),
                    _ => None,
                })
                .or_else(|| {
                    // "reach out to stakeholders": the object follows the phrase.
                    let end = self.clause_end(after_phrase);
                    (end > after_phrase
                        && toks[after_phrase].chunk == crate::core::nlp::ChunkKind::Noun)
                        .then_some(after_phrase..end)
                });
            // The object runs on to the end of the clause: "people at risk with HIV messages".
            // ... and starts after the verb phrase ("be aware of | the risks").
            let object_range = object_range
                .map(|r| r.start.max(after_phrase)..self.clause_end(r.end).max(r.end))
                .filter(|r| !r.is_empty());
            let object_words: Vec<String> = object_range
                .clone()
                .map(|r| toks[r].iter().map(|t| t.lower.clone()).collect())
                .unwrap_or_default();
            let verb_matches = |phrase: &str| {
                let words: Vec<&str> = phrase.split_whitespace().collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
            };
            if let Some(repair) = self.templates.verb_repair(verb_matches, &object_words) {
                let object_range_bytes = object_range.map(|r| self.x.analysis.byte_span(r));
                let object = object_range_bytes
                    .as_ref()
                    .map(|r| self.quote(r))
                    .map(|o| decapitalise(&o));
                if !repair.action.contains("{object}") || object.is_some() {
                    let verb = toks[head]
                        .lemmas
                        .first()
                        .cloned()
                        .unwrap_or_else(|| toks[head].lower.clone());
                    let action = repair
                        .action
                        .replace("{object}", object.as_deref().unwrap_or(""))
                        .replace("{verb}", &verb);
                    // The object is the writer's own words: keep them marked as kept,
                    // asking which one exactly when it is a general category.
                    let which = self.which_insertion().map(|(at, _)| at);
                    let object_start = object_range_bytes.as_ref().map(|r| r.start);
                    let pieces = split_kept(
                        &action,
                        object.as_deref(),
                        which.zip(object_start).map(|(w, o)| w.saturating_sub(o)),
                    );
                    out.push((
                        pieces,
                        vec![Change::new(Criterion::S, format!("'{what}' {why}"))],
                        Source::VerbRepair,
                        VERB_REPAIR_PRIOR,
                    ));
                }
            }
        }
        let pronouns = self.pronouns();
        let subject_nouns = self.subject_nouns();
        for &(i, similarity) in self.nearest {
            let e = &self.bank.exemplars[i];
            let action = pronouns.apply(&e.action);
            // An exemplar written for someone acting on the subject ("keep the
            // children away from ...") would have the subject act on itself.
            let acts_on_subject = action
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| subject_nouns.iter().any(|n| n.eq_ignore_ascii_case(w)));
            if acts_on_subject {
                continue;
            }
            let pieces = parse_template(&action, |t| Piece::Suggested {
                text: t.to_string(),
                exemplar: e.vague.clone(),
            });
            out.push((
                pieces,
                vec![Change::new(
                    Criterion::S,
                    format!("'{what}' {why} (suggested from the exemplar '{}': confirm it with the team)", e.vague),
                )],
                Source::Exemplar(e.vague.clone()),
                similarity,
            ));
        }
        out
    }

    /// The fallback that keeps the writer's goal word for word and makes the action
    /// a count of agreed steps towards it.
    pub(super) fn stepped_action(&self) -> (Vec<Piece>, Vec<Change>, Source, f32) {
        let goal = lower_first(&self.action_text());
        let template = &self.templates.assembly.steps;
        let (before, after) = template
            .split_once("{goal}")
            .unwrap_or((template.as_str(), ""));
        let mut pieces = template_pieces(before);
        pieces.push(Piece::kept(format!("'{goal}'")));
        pieces.extend(template_pieces(after));
        (
            pieces,
            vec![Change::new(
                Criterion::S,
                format!("'{goal}' is not a detailed action: made it a count of agreed steps towards that goal"),
            )],
            Source::Steps,
            STEPS_PRIOR,
        )
    }

    /// Where to ask "[which]" before a general object ("engage with [which] services").
    pub(super) fn which_insertion(&self) -> Option<(usize, Piece)> {
        let f = self
            .x
            .judgment
            .findings
            .iter()
            .find(|f| f.rule == RuleId::GenericObject)?;
        let toks = &self.x.analysis.tokens;
        let first = self.x.analysis.token_at(f.start)?;
        // After a determiner or possessive: "the [which] services", else before the phrase.
        let mut k = first;
        while k < toks.len()
            && toks[k].span.end <= f.end
            && (toks[k].pos.starts_with("DT") || toks[k].pos.starts_with("PRP"))
        {
            k += 1;
        }
        let at = toks.get(k).filter(|t| t.span.start < f.end)?.span.start;
        Some((at, Piece::placeholder("which")))
    }

    /// The writer's action as quoted in changes: main verb to end of object.
    pub(super) fn action_text(&self) -> String {
        let toks = &self.x.analysis.tokens;
        match self.x.frame.head {
            Some(h) => {
                let start = self.x.frame.negated.filter(|&n| n < h).unwrap_or(h);
                let end = self.clause_end(h + 1);
                self.quote(&(toks[start].span.start..toks[end - 1].span.end))
            }
            None => self
                .quote(&(0..self.text().len()))
                .trim_end_matches('.')
                .to_string(),
        }
    }

    /// The token after the last one of the clause that starts before `from`:
    /// it ends at punctuation, a time, a method or a reason ("because").
    pub(super) fn clause_end(&self, from: usize) -> usize {
        let toks = &self.x.analysis.tokens;
        fn inside<'r>(mut spans: impl Iterator<Item = &'r Range<usize>>, at: usize) -> bool {
            spans.any(|r| r.start <= at && at < r.end)
        }
        let mut end = from;
        while end < toks.len() {
            let at = toks[end].span.start;
            if (toks[end].is_punct()
                && toks[end].pos != "POS"
                && !toks[end].lower.starts_with('\''))
                || inside(self.x.times.iter().map(|t| &t.span), at)
                || inside(self.x.methods.iter(), at)
                || matches!(
                    toks[end].lower.as_str(),
                    "because" | "so" | "but" | "measured" | "recorded"
                )
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// Text before the subject that is not a time ("When taking part in an activity").
    pub(super) fn leading_context(&self, deletions: &[Range<usize>]) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let start_tok = self
            .x
            .frame
            .subject
            .as_ref()
            .map(|s| s.start)
            .or(self.x.frame.head)?;
        let end = toks.get(start_tok)?.span.start;
        let mut drop: Vec<Range<usize>> = deletions.to_vec();
        drop.extend(self.x.times.iter().map(|t| t.span.clone()));
        let kept: String = subtract(0..end, &drop)
            .into_iter()
            .map(|r| self.text()[r].to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let kept = tidy(&kept);
        let words = kept.split_whitespace().count();
        // "To", "For XXX to", "In order to": anchors, not context.
        (words >= 3
            && !kept.to_lowercase().starts_with("to ")
            && !kept.to_lowercase().starts_with("for "))
        .then_some(kept)
    }
}

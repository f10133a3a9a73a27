//! Aims with no action to keep, sized on a measure instead of being left to
//! "[observable action that shows: ...]": a state to reach ("get fitter",
//! "become more independent in walking"), a change named as a thing shown
//! ("demonstrate improved concentration") and a verbless change ("less
//! screen time", "better sleep").

use super::replace::{keeping, Action};
use super::text::split_kept;
use super::{Change, Repairer, Source, SHOWN_CHANGE_PRIOR};
use crate::core::finding::Criterion;

impl Repairer<'_> {
    /// The head of the action: after a goal wrapper ("My aim is to | lose
    /// weight"), the wrapped verb; after a progressive "be" ("I'm | saving
    /// more"), the verb in -ing; else the frame's head.
    pub(super) fn action_head(&self) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        self.goal_wrapper()
            .map(|(first, _)| first)
            .or(self.x.frame.head)
            .map(|h| {
                let progressive = !self.x.frame.passive
                    && toks[h].is("be")
                    && toks.get(h + 1).is_some_and(|n| n.pos == "VBG");
                if progressive {
                    h + 1
                } else {
                    h
                }
            })
    }

    /// "get fitter", "become more independent in walking", "be healthy": a
    /// state from `reached_states` right after one of `state_verbs`, kept as
    /// written and scored on a measure of what it names ("[which measure of
    /// fitness]"), up from a baseline.
    pub(super) fn reached_state_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        let head = self.action_head()?;
        if self.x.frame.negated.is_some() || !kinds.state_verbs.iter().any(|v| toks[head].is(v)) {
            return None;
        }
        let (len, measure) = kinds
            .reached_states
            .iter()
            .filter_map(|(state, measure)| {
                self.x
                    .analysis
                    .phrase_len_at(state, head + 1)
                    .map(|len| (len, measure))
            })
            .max_by_key(|(len, _)| *len)?;
        let end = self.clause_end(head + 1 + len).max(head + 1 + len);
        // A figure already sizes it ("get fit enough to run 5k").
        if toks[head + 1..end].iter().any(|t| t.is_number()) {
            return None;
        }
        let verb = self
            .verb_in_base_form(head)
            .map_or_else(|| toks[head].lower.clone(), |(verb, _)| verb);
        let kept = self.quote(&self.x.analysis.byte_span(head + 1..end));
        let action = self
            .templates
            .with_measure_example(&self.templates.assembly.reached_state, measure)
            .replace("{state}", &format!("{verb} {kept}"))
            .replace("{measure}", measure);
        let what = self.action_text();
        Some((
            split_kept(&action, Some(&kept), None),
            vec![Change::new(
                Criterion::M,
                format!("'{what}' names a state without its size: scored on a measure of {measure}, up from a baseline"),
            )],
            Source::VerbRepair,
            SHOWN_CHANGE_PRIOR,
        ))
    }

    /// "demonstrate improved concentration", "have better grades in English": a
    /// change named as a thing shown is the change itself, repaired as its verb
    /// ("improve breathing from [baseline] to [target] on [which measure]").
    /// A felt state ("decreased anxiety") is rated instead, elsewhere.
    pub(super) fn shown_change_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        let kinds = &self.templates.kinds;
        // "be a better speller": the skill of who the person is to become.
        let copular = toks[head].is("be") || toks[head].is("become");
        if !copular && !kinds.change_shown_by.iter().any(|v| toks[head].is(v)) {
            return None;
        }
        let at = (head + 1..toks.len()).find(|&k| toks[k].pos != "DT")?;
        let verb = kinds.named_changes.get(&toks[at].lower)?;
        let start = at + 1;
        let end = self.clause_end(start);
        let object_words = self.plainly_changed(start, end)?;
        let first = &toks[start];
        let repair = self.templates.verb_repair(|p| p == verb, &object_words)?;
        let object = self.quote_inside(&self.x.analysis.byte_span(start..end));
        let skill = kinds
            .skill_agents
            .get(&first.lower)
            .filter(|_| end == start + 1);
        let object = match (copular, skill) {
            (true, Some(skill)) => format!("{} {skill}", self.possessive_of_subject()),
            (true, None) => return None,
            (false, _) => object,
        };
        // "have a better relationship with Tom" -> "improve their relationship
        // with Tom" ("the attitude" would read as someone else's).
        // "get better grades" -> "improve my grades".
        let object = if !copular
            && (toks[head + 1..at]
                .iter()
                .any(|t| matches!(t.lower.as_str(), "a" | "an"))
                || (head + 1 == at && self.bare_noun_phrase(start)))
        {
            format!("{} {object}", self.possessive_of_subject())
        } else {
            object
        };
        let action = self.fill_verb_repair(&repair.action, &object, verb, Some(start..end));
        let what = self.action_text();
        Some(keeping(
            &action,
            &object,
            Change::new(
                Criterion::M,
                format!("'{what}' names a change without its size: asked for it from a baseline to a target"),
            ),
            Source::VerbRepair,
            SHOWN_CHANGE_PRIOR,
        ))
    }

    /// "less screen time", "better sleep", "more family time": a verbless aim
    /// opened by a comparative is the change its verb makes ("reduce screen
    /// time from [baseline] to [target]"), from the verb repairs.
    pub(super) fn verbless_change_action(&self) -> Option<Action> {
        if self.x.frame.head.is_some() {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        let at = toks.iter().position(|t| t.pos != "DT")?;
        let verb = kinds
            .amount_changes
            .get(&toks[at].lower)
            .or_else(|| kinds.named_changes.get(&toks[at].lower))?;
        let start = at + 1;
        let end = self.clause_end(start);
        let object_words = self.plainly_changed(start, end)?;
        let repair = self.templates.verb_repair(|p| p == verb, &object_words)?;
        let object = self.quote(&self.x.analysis.byte_span(start..end));
        let action = self.fill_verb_repair(&repair.action, &object, verb, Some(start..end));
        let what = self.action_text();
        Some((
            split_kept(&action, Some(&object), None),
            vec![Change::new(
                Criterion::S,
                format!("'{what}' names a change but no action: made the change, from a baseline to a target"),
            )],
            Source::VerbRepair,
            SHOWN_CHANGE_PRIOR,
        ))
    }

    /// The words of tokens `start..end` when they name a thing changed plainly:
    /// a noun phrase ("improved concentration"), not a feeling, which is rated
    /// ("less anxiety"), a possessive ("a better night's sleep"), or a level
    /// read on a measure ("lower blood pressure"), which have their own forms.
    pub(super) fn plainly_changed(&self, start: usize, end: usize) -> Option<Vec<String>> {
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        let first = toks.get(start)?;
        // "improved swallowing": a gerund named as a thing changed, too.
        if end <= start || !(first.is_noun() || first.pos.starts_with("JJ") || first.pos == "VBG") {
            return None;
        }
        let felt = |t: &crate::core::nlp::Token| {
            crate::core::lexicon::contains(&self.lexicon.felt_states, &t.lower)
                || kinds.rated_symptoms.contains(&t.lower)
        };
        if toks[start..end].iter().any(felt) || toks[start..end].iter().any(|t| t.pos == "POS") {
            return None;
        }
        let words: Vec<String> = toks[start..end].iter().map(|t| t.lower.clone()).collect();
        let joined = words.join(" ");
        let measured = kinds.measured_levels.iter().any(|l| {
            joined == *l
                || joined.starts_with(&format!("{l} "))
                || joined.ends_with(&format!(" {l}"))
        });
        (!measured).then_some(words)
    }
}

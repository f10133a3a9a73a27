//! An outcome that happens to a thing of the person's body or care ("The rash
//! will clear", "Swelling will subside"): nobody does it, so no "[who] will
//! clear the rash". The thing stays the subject, owned by the person named
//! ("[named person]'s rash will clear"), and the outcome is reached by a date.

use super::text::lower_first;
use super::{Change, Repairer, Source, VERB_REPAIR_PRIOR};
use crate::core::finding::{Criterion, RuleId};
use crate::core::frame::Owner;
use crate::rewrite::draft::Piece;

/// The owner of the thing, as a placeholder.
const OWNER_LABEL: &str = "named person";

impl Repairer<'_> {
    /// Who (the thing, owned by a named person) and the outcome as written,
    /// when a thing is the subject of one of `outcome_verbs`.
    pub(super) fn thing_outcome(&self) -> Option<(Vec<Piece>, super::replace::Action)> {
        let frame = &self.x.frame;
        if frame.passive
            || frame.negated.is_some()
            || !self.head_is_one_of(&self.templates.kinds.outcome_verbs)
        {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let subject = frame.subject.clone()?;
        let head = frame.head?;
        let outcome = self.words_to_tail(toks[head].span.start);
        if outcome.is_empty() {
            return None;
        }
        // "Mr Jones's leg ulcer will heal": the owner is named already.
        let owned = toks[subject.clone()].iter().any(|t| t.is_possessive());
        if owned && matches!(self.x.owner, Some(Owner::Person)) {
            let subject = self.quote(&self.x.analysis.byte_span(subject));
            return Some((
                vec![Piece::kept(subject)],
                (
                    vec![Piece::kept(outcome)],
                    Vec::new(),
                    Source::ThingOutcome,
                    VERB_REPAIR_PRIOR,
                ),
            ));
        }
        if !self.x.failed(RuleId::ThingAsSubject) || !matches!(self.x.owner, Some(Owner::Thing(_)))
        {
            return None;
        }
        // "the wound", "his wound": the owner is asked for, so no determiner.
        let first = subject
            .clone()
            .find(|&k| !matches!(toks[k].pos, "DT" | "PRP$"))?;
        if toks[first..subject.end]
            .iter()
            .any(|t| t.is_possessive() || !(t.is_noun() || t.pos.starts_with("JJ")))
        {
            return None;
        }
        let thing = self.quote(&self.x.analysis.byte_span(first..subject.end));
        let thing = decapitalised(&thing);
        let who = vec![
            Piece::placeholder(OWNER_LABEL),
            Piece::kept(format!("'s {thing}")),
        ];
        let change = Change::new(
            Criterion::S,
            format!("nobody makes a {thing} {outcome}: it is the named person's, and the outcome is theirs"),
        );
        Some((
            who,
            (
                vec![Piece::kept(outcome)],
                vec![change],
                Source::ThingOutcome,
                VERB_REPAIR_PRIOR,
            ),
        ))
    }
}

/// "Rash" at the start of the objective, as it reads after a possessive; an
/// acronym ("UTI") stays as written.
fn decapitalised(text: &str) -> String {
    if text.chars().nth(1).is_some_and(char::is_lowercase) {
        lower_first(text)
    } else {
        text.to_string()
    }
}

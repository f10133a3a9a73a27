//! An outcome that happens to a thing of the person's body or care ("The rash
//! will clear", "Swelling will subside"): nobody does it, so no "[who] will
//! clear the rash". The thing stays the subject, owned by the person named
//! ("[named person]'s rash will clear"), and the outcome is reached by a date.

use super::text::lower_first;
use super::{Change, Repairer, Source, SHOWN_CHANGE_PRIOR, VERB_REPAIR_PRIOR};
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
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        // "Wound will improve": a thing of the body improves of itself, read
        // on a measure ("[named person]'s wound will improve from [baseline]
        // to [target] on ..."), where "Home conditions to improve" is done.
        let body_improves = self.head_is_one_of(&kinds.improving_verbs)
            && frame
                .subject
                .as_ref()
                .is_some_and(|s| s.end > 0 && kinds.body_things.contains(&toks[s.end - 1].lower));
        if frame.passive
            || frame.negated.is_some()
            || !(body_improves || self.head_is_one_of(&kinds.outcome_verbs))
        {
            return None;
        }
        let subject = frame.subject.clone()?;
        let head = frame.head?;
        let outcome = self.words_to_tail(toks[head].span.start);
        if outcome.is_empty() {
            return None;
        }
        // "Wound will improve": read on a measure of it, before "[who] will
        // improve the wound", which nobody does.
        let prior = if body_improves {
            SHOWN_CHANGE_PRIOR
        } else {
            VERB_REPAIR_PRIOR
        };
        let mut outcome_pieces = vec![Piece::kept(outcome.clone())];
        let thing = self.quote(&self.x.analysis.byte_span(subject.clone()));
        if body_improves {
            let measure = self
                .templates
                .with_measure_example(&self.templates.assembly.body_improves, &thing);
            outcome_pieces.extend(crate::rewrite::draft::template(&measure));
        } else {
            // "Infection will resolve": what shows it, when there is an example.
            let open = &self.templates.assembly.outcome_shown;
            let shown = self.templates.with_measure_example(open, &thing);
            if &shown != open {
                outcome_pieces.push(Piece::added(","));
                outcome_pieces.extend(crate::rewrite::draft::template(&shown));
            }
        }
        // "Mr Jones's leg ulcer will heal", "Her wound will improve": the
        // owner is named already.
        let owned = toks[subject.clone()].iter().any(|t| t.is_possessive())
            && matches!(self.x.owner, Some(Owner::Person))
            || body_improves && toks[subject.start].pos == "PRP$";
        if owned {
            let subject = self.quote(&self.x.analysis.byte_span(subject));
            return Some((
                vec![Piece::kept(subject)],
                (outcome_pieces, Vec::new(), Source::ThingOutcome, prior),
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
            (outcome_pieces, vec![change], Source::ThingOutcome, prior),
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

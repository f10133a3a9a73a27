//! How much or how many: the slots that ask for the amount an objective
//! leaves open ("attend [N of M] appointments", "lose [how much] weight",
//! "make [N] friends").

use super::{ActionKind, Repairer};
use crate::core::nlp::Token;
use crate::rewrite::draft::{template, Piece};
use std::ops::Range;

/// Where an amount slot goes, the words it replaces, the slot, the change.
pub(super) type CountedSlot = (usize, Vec<Range<usize>>, Vec<Piece>, String);

impl Repairer<'_> {
    /// Occasions offered, counted: "attend appointments", "attend all
    /// appointments" or "attend as many appointments as possible" becomes
    /// "attend [N of M] appointments" (where the slot goes, what it replaces,
    /// the slot, the change).
    pub(super) fn counted_slot(&self) -> Option<CountedSlot> {
        let toks = &self.x.analysis.tokens;
        let object = self.x.frame.object.clone()?;
        let open = self.open_amount(object.start);
        let from = open.as_ref().map_or(object.start, |(lead, _)| lead.end);
        let words = toks.get(from..object.end).filter(|w| !w.is_empty())?;
        let first = &words[0];
        let occasions = &self.templates.kinds.counted_occasions;
        let counts_occasions = words
            .iter()
            .take_while(|t| !matches!(t.pos, "IN" | "TO"))
            .any(|t| t.pos.starts_with("NNS") && occasions.contains(&t.lower));
        let slot = &self.templates.assembly.counted;
        let what = format!("counted the occasions kept: {slot}");
        let found = if !counts_occasions {
            self.counted_things(words)
        } else {
            match first.lower.as_str() {
                "all" | "every" | "any" => Some((
                    first.span.start,
                    vec![first.span.clone()],
                    template(slot),
                    what,
                )),
                _ if first.is_noun() || first.pos.starts_with("JJ") => {
                    Some((first.span.start, vec![], template(slot), what))
                }
                _ => None,
            }
        };
        // The open amount's words give way to the slot.
        match (found, open) {
            (Some((_, _, slot, what)), Some((lead, close))) => Some((
                toks[lead.start].span.start,
                vec![
                    toks[lead.start].span.start..toks[lead.end - 1].span.end,
                    close,
                ],
                slot,
                format!("'as many ... as possible' is not a number: {what}"),
            )),
            (found, _) => found,
        }
    }

    /// "as many sessions as possible", "as many friends as she can": the
    /// tokens of "as many" at `from`, and the bytes of the words that close it.
    fn open_amount(&self, from: usize) -> Option<(Range<usize>, Range<usize>)> {
        let toks = &self.x.analysis.tokens;
        // The parse may start the object at "many", after the "as".
        let from = if toks.get(from)?.lower == "many" {
            from.checked_sub(1)?
        } else {
            from
        };
        if toks.get(from)?.lower != "as" || toks.get(from + 1)?.lower != "many" {
            return None;
        }
        let k = (from + 2..toks.len()).find(|&k| toks[k].lower == "as")?;
        let next = toks.get(k + 1)?;
        let end = if next.lower == "possible" {
            k + 1
        } else if self.lexicon.person_pronouns.contains(&next.lower)
            && toks
                .get(k + 2)
                .is_some_and(|t| matches!(t.lower.as_str(), "can" | "could"))
        {
            k + 2
        } else {
            return None;
        };
        Some((from..from + 2, toks[k].span.start..toks[end].span.end))
    }

    /// "lose weight", "save for a deposit": an outcome reached by an amount, with
    /// no amount given, asks how much after its verb ("lose [how much] weight").
    pub(super) fn amount_outcome_slot(&self) -> Option<CountedSlot> {
        // "My aim is to | lose weight": the wrapped action's verb.
        let head = self.action_head()?;
        let toks = &self.x.analysis.tokens;
        let quantified = self
            .x
            .indicators
            .iter()
            .any(|i| crate::core::analysis::QUANTITY_KINDS.contains(&i.kind));
        // "earn a grade 6", "lose 4kg": a figure is already there.
        let figure = toks[head + 1..].iter().any(|t| t.is_number());
        if quantified || figure || !self.head_is_one_of(&self.templates.kinds.amount_outcomes) {
            return None;
        }
        let slot = &self.templates.assembly.amount_outcome;
        // "save a lot of money": the vague amount gives way to the slot.
        let vague = crate::core::analysis::words_at(toks, &self.lexicon.vague_amounts, head + 1)
            .map(|r| toks[r.start].span.start..toks[r.end - 1].span.end);
        // "spend the grant", "save my wages": how much of it.
        let determined = toks
            .get(head + 1)
            .is_some_and(|t| t.lower == "the" || t.pos == "PRP$");
        let slot = if determined && vague.is_none() {
            format!("{slot} of")
        } else {
            let after = vague.as_ref().map_or(toks[head].span.end, |v| v.end);
            match self.amount_linker(after) {
                Some(linker) => format!("{slot} {linker}"),
                None => slot.clone(),
            }
        };
        Some((
            vague.as_ref().map_or(toks[head].span.end, |v| v.start),
            vague.into_iter().collect(),
            template(&slot),
            format!("an outcome reached by an amount: added {slot}"),
        ))
    }

    /// "make friends", "train new volunteers": a one-off act over a bare
    /// plural is done when enough of them are done, so how many is asked
    /// before the noun phrase ("make [N] friends").
    fn counted_things(&self, object: &[Token]) -> Option<CountedSlot> {
        if self.action_kind() != ActionKind::OneOff {
            return None;
        }
        let phrase: Vec<&Token> = object
            .iter()
            .take_while(|t| !matches!(t.pos, "IN" | "TO" | "CC" | "WDT" | "," | "."))
            .collect();
        let first = phrase.first()?;
        let bare = phrase.last().is_some_and(|t| t.pos == "NNS")
            && phrase
                .iter()
                .all(|t| t.is_noun() || t.pos.starts_with("JJ") || t.pos == "VBG");
        if !bare {
            return None;
        }
        let slot = &self.templates.assembly.counted_things;
        Some((
            first.span.start,
            vec![],
            template(slot),
            format!("asked how many: {slot}"),
        ))
    }

    /// What joins "[how much]" to the uncountable noun that starts after byte
    /// `at`: "of" ("[how much] of yoga"), or the word `amount_linkers` names
    /// ("[how much] in weight"); `None` before anything else.
    pub(super) fn amount_linker(&self, at: usize) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let next = toks.iter().find(|t| t.span.start >= at)?;
        let linkers = &self.templates.kinds.amount_linkers;
        let linker = match linkers.get(&next.lower) {
            Some(l) => l.clone(),
            None if next.pos == "NN:UN" => "of".to_string(),
            None => return None,
        };
        (!linker.is_empty()).then_some(linker)
    }
}

//! Asking which one of a general object: "engage with [which services]",
//! "name [which pictures] correctly": the noun phrase the slot covers.

use super::Repairer;
use crate::core::finding::RuleId;
use crate::rewrite::draft::Piece;
use std::ops::Range;

impl Repairer<'_> {
    /// The general object to ask "which" of, as its byte span: the noun phrase
    /// after its determiner or possessive ("engage with [which services]",
    /// "her [which behaviour]").
    pub(super) fn which_insertion(&self) -> Option<Range<usize>> {
        let f = self
            .x
            .judgment
            .findings
            .iter()
            .find(|f| f.rule == RuleId::GenericObject)?;
        let toks = &self.x.analysis.tokens;
        let first = self.x.analysis.token_at(f.start)?;
        // The noun phrase, after its determiner or possessive: "the [which
        // services]"; never a verb or a preposition in the span.
        let mut k = first;
        while k < toks.len()
            && toks[k].span.end <= f.end
            && !(toks[k].is_noun() || toks[k].pos.starts_with("JJ"))
        {
            k += 1;
        }
        // "XYZ project", "the Freedom Programme": a name already says which.
        if (first..k)
            .any(|j| toks[j].is_proper_noun() || toks[j].starts_uppercase(self.text()) && j > 0)
        {
            return None;
        }
        // "get an education": the article would have to agree with the name
        // that fills the slot. "the lives of babies": the phrase says which.
        let last = self.x.analysis.token_at(f.end.saturating_sub(1))?;
        if k > 0 && matches!(toks[k - 1].lower.as_str(), "a" | "an")
            || toks.get(last + 1).is_some_and(|t| t.lower == "of")
        {
            return None;
        }
        let at = toks.get(k).filter(|t| t.span.start < f.end)?.span.start;
        let phrase_end = (k..toks.len())
            .take_while(|&j| {
                toks[j].span.end <= f.end && (toks[j].is_noun() || toks[j].pos.starts_with("JJ"))
            })
            .last()
            .map_or(toks[k].span.end, |j| toks[j].span.end);
        Some(at..phrase_end)
    }

    /// The slot asking which one of the general noun phrase at bytes `object`,
    /// and how it reads: "[which services]".
    pub(super) fn which_slot(&self, object: &Range<usize>) -> (Piece, String) {
        let label = format!("which {}", self.quote(object).trim());
        let asked = format!("[{label}]");
        (Piece::placeholder(label), asked)
    }

    /// A bare plural object's byte span ("name pictures", "solve maths
    /// problems"): nouns and adjectives only, ending in a plural, with no
    /// determiner, number, name or phrase after it to say which ones.
    pub(super) fn bare_plural_object(&self) -> Option<Range<usize>> {
        let toks = &self.x.analysis.tokens;
        let object = self.x.frame.object.clone()?;
        let words = toks.get(object.clone())?;
        let plain = words
            .iter()
            .all(|t| (t.pos.starts_with("NN") || t.pos.starts_with("JJ")) && !t.is_proper_noun());
        let plural = words.last().is_some_and(|t| t.pos == "NNS");
        // "questions about the story", "words from the list": a phrase says which.
        let said_which = toks.get(object.end).is_some_and(|t| {
            matches!(
                t.lower.as_str(),
                "about" | "from" | "of" | "on" | "in" | "with" | "that" | "which"
            )
        });
        let last = words.last()?;
        (plain && plural && !said_which).then(|| words[0].span.start..last.span.end)
    }

    /// True for "develop healthier behaviours", "have better habits": a
    /// comparative on a general noun, which says neither what is done nor how
    /// much of it.
    pub(super) fn general_object_compared(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(object) = self.x.frame.object.clone() else {
            return false;
        };
        // The noun phrase from the object on: the chunker may stop the
        // object at its comparative ("healthier | behaviours").
        let words: Vec<_> = toks[object.start..]
            .iter()
            .take_while(|t| t.is_noun() || t.pos.starts_with("JJ") || t.pos == "RBR")
            .collect();
        let Some(noun) = words.iter().rev().find(|t| t.is_noun()) else {
            return false;
        };
        let general = crate::core::lexicon::contains(&self.lexicon.generic_objects, &noun.lower)
            || crate::core::lexicon::contains(&self.lexicon.generic_objects, noun.lemma());
        general
            && self.x.failed(RuleId::VagueComparative)
            && words.iter().any(|t| matches!(t.pos, "JJR" | "RBR"))
    }
}

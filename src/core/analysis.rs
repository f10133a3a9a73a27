//! What the rules read about one objective: the tagged text, its frame, times,
//! indicators and methods, computed once ([`Context`]), with the grammar helpers
//! several rules share (the action verbs, a general noun phrase, a placing verb,
//! a means clause).

use crate::core::frame::Frame;
use crate::core::lexicon::{contains, Lexicon};
use crate::core::measure::{Indicator, IndicatorKind};
use crate::core::nlp::{Analysis, Token};
use crate::core::time::TimeExpr;
use std::ops::Range;

/// Everything a rule may read about one objective.
pub struct Context<'a> {
    pub a: &'a Analysis,
    pub lexicon: &'a Lexicon,
    pub frame: &'a Frame,
    pub times: &'a [TimeExpr],
    pub indicators: &'a [Indicator],
    /// Byte spans of named measurement methods.
    pub methods: &'a [Range<usize>],
    /// The concern the objective should address, when known.
    pub concern: Option<&'a Analysis>,
    /// Who the subject is, classified once for the rules that need it.
    pub owner: Option<crate::core::frame::Owner>,
}

/// Words that join one action to the next ("clean the house, attend the
/// group and ..."), and adverbs that may stand between the join and the verb
/// ("..., and never have fun again").
pub const ACTION_JOINERS: &[&str] = &["and", ",", ";", "then", "or", "&", "also"];
pub const ADVERBS_BEFORE_AN_ACTION: &[&str] = &["never", "always"];

/// Indicators that state an amount: a number, percentage, ratio, score,
/// threshold or baseline (a frequency or a criterion alone is not one).
pub const QUANTITY_KINDS: &[IndicatorKind] = &[
    IndicatorKind::Percentage,
    IndicatorKind::Ratio,
    IndicatorKind::Score,
    IndicatorKind::Threshold,
    IndicatorKind::Baseline,
    IndicatorKind::Count,
];

impl Context<'_> {
    pub fn text(&self) -> &str {
        &self.a.text
    }

    /// Byte span of the main verb, or of the whole text when there is none.
    pub fn head_span(&self) -> Range<usize> {
        match self.frame.head {
            Some(h) => self.a.tokens[h].span.clone(),
            None => self.whole_span(),
        }
    }

    /// The whole objective, trimmed.
    pub fn whole_span(&self) -> Range<usize> {
        match (self.a.tokens.first(), self.a.tokens.last()) {
            (Some(f), Some(l)) => f.span.start..l.span.end,
            _ => 0..self.a.text.len(),
        }
    }

    /// True when some indicator of the given kinds is present.
    pub fn has_indicator(&self, kinds: &[IndicatorKind]) -> bool {
        self.indicators.iter().any(|i| kinds.contains(&i.kind))
    }

    /// True when the objective states a number, percentage, ratio, score,
    /// threshold or baseline (a frequency alone is not a quantity).
    pub fn is_quantified(&self) -> bool {
        self.has_indicator(QUANTITY_KINDS)
    }

    pub fn has_concrete_time(&self) -> bool {
        self.times.iter().any(|t| t.kind.is_concrete())
    }

    /// True when the objective says how success is seen: an indicator or a method.
    pub fn has_measure(&self) -> bool {
        !self.indicators.is_empty() || !self.methods.is_empty()
    }

    /// An otherwise specific goal: it says when and how success is seen. Sources
    /// accept such a goal with its owner or timescale left to the plan (an IEP's
    /// year, the person the plan is for); a vague one they do not. A command that
    /// gives its amount but no time at all ("Reduce body weight from 95 kg to 85
    /// kg") is a personal goal's usual form: its owner and timescale are the
    /// plan's. An amount-less standard ("Use the toilet independently") or an
    /// infinitive ("To score 6 in the test") with no time is not.
    pub fn is_specific_goal(&self) -> bool {
        let quantified_command = self.times.is_empty()
            && self.frame.anchor == crate::core::frame::Anchor::Imperative
            && self.is_quantified();
        self.has_measure() && (self.has_concrete_time() || quantified_command)
    }

    /// The phrase of `list` that starts at token `at` (matched on lemmas), longest first.
    pub fn phrase_at<'l>(&self, list: &'l [String], at: usize) -> Option<(&'l str, Range<usize>)> {
        list.iter()
            .filter_map(|p| {
                let len = self.a.phrase_len_at(p, at)?;
                (len > 0).then_some((p.as_str(), at..at + len))
            })
            .max_by_key(|(_, r)| r.len())
    }

    /// Byte spans of every phrase of `list` in the objective.
    pub fn phrases(&self, list: &[String]) -> Vec<Range<usize>> {
        crate::core::measure::phrase_spans(self.a, list)
    }

    /// True when a "by + -ing" clause after the main verb says how it will be done
    /// ("develop her social skills by using kind hands").
    pub fn has_means_clause(&self) -> bool {
        self.means_clauses()
            .any(|k| !self.is_generic_activity(k + 1))
    }

    /// Where each "by + -ing" clause after the main verb starts (the token
    /// "by"): "earn a B by reviewing my notes daily".
    pub fn means_clauses(&self) -> impl Iterator<Item = usize> + '_ {
        let toks = &self.a.tokens;
        let from = self.frame.head.map_or(0, |h| h + 1);
        (from..toks.len()).filter(|&k| {
            toks[k].lower == "by"
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.pos == "VBG" || n.has_tag("VBG"))
        })
    }

    /// The verb that names the action: the head, or, after a verb of going on or
    /// starting, the verb it governs ("continue swimming", "start to use").
    pub fn action_verb(&self) -> Option<usize> {
        let head = self.frame.head?;
        let toks = &self.a.tokens;
        let Some((_, range)) = self.phrase_at(&self.lexicon.aspect_verbs, head) else {
            return Some(head);
        };
        let next = range.end;
        let complement = match toks.get(next) {
            Some(t) if t.pos == "VBG" => Some(next),
            Some(t) if t.lower == "to" => toks
                .get(next + 1)
                .filter(|v| v.pos == "VB" || v.has_tag("VB"))
                .map(|_| next + 1),
            _ => None,
        };
        Some(complement.unwrap_or(head))
    }

    /// True when the gerund at `at` names only a general activity: "exercising",
    /// "doing exercise", "doing activities", "getting help". Such a means says no
    /// more than the goal it is meant to make concrete ("keep fit by doing exercise").
    pub fn is_generic_activity(&self, at: usize) -> bool {
        let toks = &self.a.tokens;
        let lex = self.lexicon;
        let Some(gerund) = toks.get(at) else {
            return false;
        };
        let verb = gerund.lemma();
        if contains(&lex.generic_objects, verb) || contains(&lex.generic_objects, &gerund.lower) {
            return !toks
                .get(at + 1)
                .is_some_and(|n| n.is_noun() || n.pos.starts_with("JJ"));
        }
        contains(&lex.light_verbs, verb) && self.generic_noun_phrase(at + 1).is_some()
    }

    /// The noun phrase starting at `start` when it names only a general category:
    /// its head is a generic object and its modifiers say no more ("medication",
    /// "some activities", "healthy food"), with no "such as", "including" or
    /// "(...)" after it. Returns the phrase's tokens.
    pub fn generic_noun_phrase(&self, start: usize) -> Option<Range<usize>> {
        let toks = &self.a.tokens;
        let lex = self.lexicon;
        let mut words = Vec::new();
        let mut end = start;
        for (k, t) in toks.iter().enumerate().skip(start) {
            if t.pos == "DT" || t.pos == "PRP$" || t.pos == "CD" {
                end = k + 1;
                continue;
            }
            if t.is_noun() || t.pos.starts_with("JJ") || t.pos == "VBG" || t.pos == "VBN" {
                words.push(t);
                end = k + 1;
                continue;
            }
            break;
        }
        let (head, modifiers) = words.split_last()?;
        let generic = |w: &str| contains(&lex.generic_objects, w);
        let spelled_out = toks
            .get(end)
            .is_some_and(|t| matches!(t.lower.as_str(), "including" | "like" | "(" | ":" | "such"))
            || (start > 0 && self.is_placement(start - 1, end));
        ((generic(head.lemma()) || generic(&head.lower))
            && modifiers
                .iter()
                .all(|m| generic(&m.lower) || contains(&lex.nonspecific_modifiers, &m.lower))
            && !spelled_out)
            .then_some(start..end)
    }

    /// True when the verb at `verb` puts its object somewhere and token `k`
    /// starts that place ("keep medicines in a locked cupboard", "put cleaning
    /// products out of reach"): the action is where it goes, and a general noun
    /// means all of them. "Take medication in school" is not a placing.
    pub fn is_placement(&self, verb: usize, k: usize) -> bool {
        let toks = &self.a.tokens;
        let Some(t) = toks.get(k) else {
            return false;
        };
        if !toks
            .get(verb)
            .is_some_and(|v| contains(&self.lexicon.placing_verbs, v.lemma()))
        {
            return false;
        }
        let in_time = self
            .times
            .iter()
            .any(|x| x.span.start <= t.span.start && t.span.start < x.span.end);
        // A time or a state, not a place: "in the morning", "in a good state".
        let not_a_place = toks[k + 1..(k + 4).min(toks.len())].iter().any(|w| {
            matches!(
                w.lower.as_str(),
                "morning"
                    | "evening"
                    | "afternoon"
                    | "night"
                    | "time"
                    | "good"
                    | "state"
                    | "condition"
                    | "order"
                    | "way"
                    | "line"
            )
        });
        let placing = matches!(
            t.lower.as_str(),
            "in" | "into" | "inside" | "away" | "out" | "up" | "locked" | "safely" | "securely"
        );
        placing && !in_time && !(t.lower.starts_with("in") && not_a_place)
    }

    /// The verbs of every action in the objective: the head, then each verb
    /// coordinated with it ("clean the house, attend the group and ...").
    pub fn actions(&self) -> Vec<usize> {
        let Some(head) = self.frame.head else {
            return Vec::new();
        };
        let toks = &self.a.tokens;
        let mut actions = vec![head];
        for i in head + 1..toks.len() {
            let t = &toks[i];
            let prev = &toks[i - 1];
            let joins = |w: &str| ACTION_JOINERS.contains(&w);
            // ("..., and never have fun again": the adverb sits between.)
            let joined = joins(&prev.lower)
                || ADVERBS_BEFORE_AN_ACTION.contains(&prev.lower.as_str())
                    && i >= 2
                    && joins(&toks[i - 2].lower);
            let takes_object = toks.get(i + 1).is_some_and(|n| {
                matches!(n.pos, "DT" | "PRP$" | "IN" | "TO" | "RP")
                    || n.lower == "off"
                    || n.lower == "up"
            });
            // ", up from 3" and ", down from 5" say a change from a baseline.
            let from_a_baseline = matches!(t.lower.as_str(), "up" | "down")
                && toks.get(i + 1).is_some_and(|n| n.lower == "from");
            if joined
                && !from_a_baseline
                && (t.chunk == crate::core::nlp::ChunkKind::Verb || takes_object)
                && t.tags.iter().any(|g| *g == "VB" || *g == "VBP")
                && !t.has_tag("VBG")
                && !contains(&self.lexicon.methods, &t.lower)
                && t.sentence == toks[head].sentence
            {
                actions.push(i);
            }
        }
        actions
    }

    /// The text of tokens `range`.
    pub fn slice(&self, range: Range<usize>) -> &str {
        self.a.slice(range)
    }
}

/// The longest phrase of `list` written at token `at` (matched on the words as
/// written, not lemmas: "more" has the lemma "many"), as its token range.
pub fn words_at(tokens: &[Token], list: &[String], at: usize) -> Option<Range<usize>> {
    list.iter()
        .filter_map(|p| {
            let words: Vec<&str> = p.split_whitespace().collect();
            let end = at + words.len();
            (!words.is_empty()
                && end <= tokens.len()
                && words
                    .iter()
                    .zip(&tokens[at..end])
                    .all(|(w, t)| t.lower == *w))
            .then_some(at..end)
        })
        .max_by_key(|r| r.len())
}

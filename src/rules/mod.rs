//! The rule catalogue: one rule per file, each with a stable id, its SMART letter,
//! the guidance it enforces and examples of what it must flag and allow (run as
//! tests). Rules read a shared [`Context`] computed once per objective.

use crate::finding::{Criterion, Level};
use crate::frame::Frame;
use crate::lexicon::{contains, Lexicon};
use crate::measure::{Indicator, IndicatorKind};
use crate::nlp::Analysis;
use crate::time::TimeExpr;
use std::ops::Range;

mod absolute_target;
mod acronym;
mod agency_as_owner;
mod bundled_actions;
mod emotive_language;
mod generic_object;
mod jargon;
mod job_title_only;
mod no_action;
mod no_indicator;
mod no_subject;
mod no_timeframe;
mod not_a_method;
mod not_agreed;
mod off_concern;
mod outside_control;
mod passive_without_agent;
mod review_without_date;
mod status_outcome;
mod stop_behaviour;
mod unrealistic_load;
mod vague_comparative;
mod vague_timeframe;
mod vague_verb;
mod weak_verb;

/// Examples that document a rule and run as its tests. An example may give a
/// concern after ` || concern: `.
pub struct Examples {
    pub flags: &'static [&'static str],
    pub allows: &'static [&'static str],
}

/// One complaint from a rule, before the checker stamps it with id and level.
#[derive(Debug, Clone)]
pub struct Hit {
    pub span: Range<usize>,
    pub message: String,
    pub suggestion: String,
}

/// A rule: reads the context, returns hits.
pub trait Rule: Send + Sync {
    /// Stable id, kebab-case: used in output, `smarten explain` and `smarten.toml`.
    fn id(&self) -> &'static str;
    fn criterion(&self) -> Criterion;
    fn default_level(&self) -> Level {
        Level::Error
    }
    /// One line for `smarten rules`.
    fn summary(&self) -> &'static str;
    /// The guidance this rule enforces, quoted, for `smarten explain`.
    fn guidance(&self) -> &'static str;
    fn examples(&self) -> Examples;
    fn check(&self, cx: &Context) -> Vec<Hit>;
}

/// Every rule, in catalogue order (by letter, then id).
pub fn all() -> Vec<Box<dyn Rule>> {
    let mut rules: Vec<Box<dyn Rule>> = vec![
        Box::new(weak_verb::WeakVerb),
        Box::new(vague_verb::VagueVerb),
        Box::new(stop_behaviour::StopBehaviour),
        Box::new(no_action::NoAction),
        Box::new(no_subject::NoSubject),
        Box::new(agency_as_owner::AgencyAsOwner),
        Box::new(job_title_only::JobTitleOnly),
        Box::new(passive_without_agent::PassiveWithoutAgent),
        Box::new(generic_object::GenericObject),
        Box::new(jargon::Jargon),
        Box::new(acronym::Acronym),
        Box::new(emotive_language::EmotiveLanguage),
        Box::new(no_indicator::NoIndicator),
        Box::new(vague_comparative::VagueComparative),
        Box::new(not_a_method::NotAMethod),
        Box::new(absolute_target::AbsoluteTarget),
        Box::new(outside_control::OutsideControl),
        Box::new(bundled_actions::BundledActions),
        Box::new(status_outcome::StatusOutcome),
        Box::new(unrealistic_load::UnrealisticLoad),
        Box::new(not_agreed::NotAgreed),
        Box::new(off_concern::OffConcern),
        Box::new(no_timeframe::NoTimeframe),
        Box::new(vague_timeframe::VagueTimeframe),
        Box::new(review_without_date::ReviewWithoutDate),
    ];
    rules.sort_by_key(|r| (r.criterion(), r.id()));
    rules
}

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
    pub owner: Option<crate::frame::Owner>,
}

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
        self.has_indicator(&[
            IndicatorKind::Percentage,
            IndicatorKind::Ratio,
            IndicatorKind::Score,
            IndicatorKind::Threshold,
            IndicatorKind::Baseline,
            IndicatorKind::Count,
        ])
    }

    pub fn has_concrete_time(&self) -> bool {
        self.times.iter().any(|t| t.kind.is_concrete())
    }

    /// The phrase of `list` that starts at token `at` (matched on lemmas), longest first.
    pub fn phrase_at<'l>(&self, list: &'l [String], at: usize) -> Option<(&'l str, Range<usize>)> {
        let toks = &self.a.tokens;
        list.iter()
            .filter_map(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                let end = at + words.len();
                (end <= toks.len() && words.iter().enumerate().all(|(k, w)| toks[at + k].is(w)))
                    .then_some((p.as_str(), at..end))
            })
            .max_by_key(|(_, r)| r.len())
    }

    /// Byte spans of every phrase of `list` in the objective.
    pub fn phrases(&self, list: &[String]) -> Vec<Range<usize>> {
        crate::measure::phrase_spans(self.a, list)
    }

    /// True when a "by + -ing" clause after the main verb says how it will be done
    /// ("develop her social skills by using kind hands").
    pub fn has_means_clause(&self) -> bool {
        let toks = &self.a.tokens;
        let from = self.frame.head.map_or(0, |h| h + 1);
        (from..toks.len()).any(|k| {
            toks[k].lower == "by"
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.pos == "VBG" || n.has_tag("VBG"))
                && !self.is_generic_activity(k + 1)
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
            let joined = matches!(
                prev.lower.as_str(),
                "and" | "," | ";" | "then" | "or" | "&" | "also"
            );
            let takes_object = toks.get(i + 1).is_some_and(|n| {
                matches!(n.pos, "DT" | "PRP$" | "IN" | "TO" | "RP")
                    || n.lower == "off"
                    || n.lower == "up"
            });
            if joined
                && (t.chunk == crate::nlp::ChunkKind::Verb || takes_object)
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

/// Declares the examples test for a rule inside its file.
#[macro_export]
#[doc(hidden)]
macro_rules! rule_examples_test {
    ($rule:expr) => {
        #[cfg(test)]
        mod examples {
            #[test]
            fn rule_examples_hold() {
                $crate::rules::harness::run_examples(&$rule);
            }
        }
    };
}

#[cfg(test)]
pub(crate) mod harness {
    use super::Rule;
    use crate::testing::checker;

    /// Runs a rule's own examples: each `flags` example must raise a finding with
    /// the rule's id, each `allows` example must not.
    pub fn run_examples(rule: &dyn Rule) {
        let checker = checker();
        let examples = rule.examples();
        assert!(
            !examples.flags.is_empty(),
            "{} has no flag examples",
            rule.id()
        );
        assert!(
            !examples.allows.is_empty(),
            "{} has no allow examples",
            rule.id()
        );
        let mut failures = Vec::new();
        for (example, must_flag) in examples
            .flags
            .iter()
            .map(|e| (e, true))
            .chain(examples.allows.iter().map(|e| (e, false)))
        {
            let (text, concern) = match example.split_once(" || concern: ") {
                Some((t, c)) => (t, Some(c)),
                None => (*example, None),
            };
            let judgment = checker.check(&crate::Objective {
                text: text.to_string(),
                concern: concern.map(str::to_string),
            });
            let flagged = judgment.findings.iter().any(|f| f.rule == rule.id());
            if flagged != must_flag {
                failures.push(format!(
                    "{} {} {text:?}; findings: {:?}",
                    rule.id(),
                    if must_flag {
                        "should flag"
                    } else {
                        "should allow"
                    },
                    judgment
                        .findings
                        .iter()
                        .map(|f| format!("{}@{:?}", f.rule, &text[f.start..f.end]))
                        .collect::<Vec<_>>()
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}

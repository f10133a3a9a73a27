//! `off-concern` (R): the objective shares no content word and no theme with the
//! concern it should address. Judged only when a concern is given.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Finding, Severity};
use crate::core::nlp::Analysis;
use std::collections::HashSet;

pub struct OffConcern;

const STOP: &[&str] = &[
    "be", "have", "do", "will", "would", "can", "could", "should", "must", "may", "might", "shall",
    "get", "make", "take", "go", "week", "day", "month", "time", "year", "able", "need", "want",
    "also", "every", "each",
];

/// Content lemmas (nouns, verbs, adjectives) of an analysis, lowercase.
pub fn content_words(a: &Analysis) -> HashSet<String> {
    a.tokens
        .iter()
        .filter(|t| t.is_noun() || t.is_verb() || t.pos.starts_with("JJ"))
        .map(|t| t.lemma().to_string())
        .filter(|l| l.len() > 2 && !STOP.contains(&l.as_str()))
        .collect()
}

impl Rule for OffConcern {
    fn id(&self) -> RuleId {
        RuleId::OffConcern
    }
    fn criterion(&self) -> Criterion {
        Criterion::R
    }
    fn summary(&self) -> &'static str {
        "The objective does not relate to the concern it should address"
    }
    fn guidance(&self) -> &'static str {
        "R = Relevant: will this objective lead to the desired results? Relevant and proportionate to the need, to the risks, to the issues identified in the assessment. Actions should address each identified risk."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will attend a cookery course every Monday for 6 weeks || concern: Amy is late for school most days",
                "Dad will paint the fence by June || concern: Lily has not seen a dentist for two years",
            ],
            allows: &[
                "Mum will walk Amy to school by 8:45 every weekday || concern: Amy is late for school most days",
                "Dad will take Lily to the dentist by 3 March || concern: Lily has tooth decay and no dental check-ups",
                "Mum will attend a cookery course every Monday for 6 weeks",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(concern) = cx.concern else {
            return Vec::new();
        };
        let objective_words = content_words(cx.a);
        let concern_words = content_words(concern);
        if objective_words
            .intersection(&concern_words)
            .next()
            .is_some()
        {
            return Vec::new();
        }
        let themes = |words: &HashSet<String>| -> HashSet<&str> {
            cx.lexicon
                .topics
                .iter()
                .filter(|t| t.words.iter().any(|w| words.contains(w)))
                .map(|t| t.name.as_str())
                .collect()
        };
        if themes(&objective_words)
            .intersection(&themes(&concern_words))
            .next()
            .is_some()
        {
            return Vec::new();
        }
        vec![Hit {
            span: cx.whole_span(),
            message: format!("this does not relate to the concern '{}'", concern.text.trim()),
            suggestion: "Write an action that addresses the concern itself, or name the concern this action serves".to_string(),
            repair: None,
        }]
    }
}

/// The finding for an action that relates to none of its plan's concerns: the
/// audit judges a row without a concern of its own against every concern of
/// its plan, which this rule cannot see.
pub fn unrelated_to_plan(span: std::ops::Range<usize>) -> Finding {
    Finding {
        rule: RuleId::OffConcern,
        criterion: Criterion::R,
        start: span.start,
        end: span.end,
        severity: Severity::Error,
        message: "this does not relate to any of the plan's concerns".into(),
        suggestion: "Write an action for one of the plan's concerns, or add the concern it serves"
            .into(),
        repair: None,
    }
}

crate::rule_examples_test!(super::OffConcern);

//! pronoun-case: a pronoun that something is done to, or that follows a
//! preposition, takes its object form ("help me", "with her"), never its
//! subject form ("recover I", "employ he"), the mark of a passive turned round
//! without its subject being changed.

use super::{grammar_examples_test, GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct PronounCase;

/// Subject forms of the personal pronouns.
const SUBJECT_FORMS: &[&str] = &["i", "he", "she", "we", "they"];

impl GrammarRule for PronounCase {
    fn id(&self) -> GrammarId {
        GrammarId::PronounCase
    }
    fn summary(&self) -> &'static str {
        "a pronoun after a verb or a preposition is in its object form"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Sam Taylor will fully recover I from the illness by 31 March 2027.",
                "Sam Taylor will take he to school every day.",
                "Sam Taylor will meet with she every Tuesday.",
            ],
            sound: &[
                "Mum will ring the school when she is worried.",
                "Dad will tell the worker what he needs by Friday.",
                "I will check that I have my bag before school every day.",
                "Sam will say how he feels, scoring 4 on the feelings scale.",
                "Mum will read with him every evening before he goes to bed.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        (1..toks.len())
            .filter(|&i| SUBJECT_FORMS.contains(&toks[i].lower.as_str()))
            .filter(|&i| {
                let before = &toks[i - 1];
                let acted_on = before.pos.starts_with("VB") || matches!(before.pos, "IN" | "TO");
                // "that I have", "before he goes": a pronoun that starts a clause
                // has its own verb next (or an adverb, then its verb).
                let next_verb = toks[i + 1..]
                    .iter()
                    .find(|t| !t.pos.starts_with("RB"))
                    .is_some_and(|t| t.pos.starts_with("VB") || t.pos == "MD" || t.can_be_verb);
                acted_on && !next_verb
            })
            .map(|i| i - 1..i + 1)
            .collect()
    }
}

grammar_examples_test!(super::PronounCase);

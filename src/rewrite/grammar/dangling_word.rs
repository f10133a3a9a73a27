//! dangling-word: no preposition, article or joining word is left hanging at
//! the end of a clause ("towards.", "by, measured by", "the.") where a cut or
//! a deletion took the words it introduced.

use super::{grammar_examples_test, is_modal, GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct DanglingWord;

/// Words that never end a clause.
const NEVER_LAST: &[&str] = &[
    "the", "a", "an", "every", "of", "by", "than", "from", "towards", "toward", "into", "onto",
    "between", "and", "or", "until", "within",
];
/// Prepositions that may end a clause after a verb ("someone to talk to", "log in").
const AFTER_A_VERB: &[&str] = &["to", "with", "for", "about", "at", "in", "on", "up", "out"];

impl GrammarRule for DanglingWord {
    fn id(&self) -> GrammarId {
        GrammarId::DanglingWord
    }
    fn summary(&self) -> &'static str {
        "no preposition or article is left dangling"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Mum will take 3 agreed steps towards.",
                "Mum will attend the clinic by, measured by the register.",
                "Mum will take the children to the.",
                "Dad will walk Ava to school with.",
            ],
            sound: &[
                "Sam will name an adult he can talk to.",
                "Mum will log in to the portal each week.",
                "Dad will attend the course, measured by the register.",
                "Jade will know who to go to, by 31 March 2027.",
                "Zoe will say the sounds “ch” and “th” at the start of words.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            // An opening quote or bracket starts what follows ("and “sh”").
            let opens = |n: &str| matches!(n, "'" | "\"" | "“" | "‘" | "(" | "[");
            let clause_ends = toks
                .get(i + 1)
                .is_none_or(|n| (n.is_punct() && !opens(&n.lower)) || is_modal(n));
            if !clause_ends || t.is_punct() {
                continue;
            }
            let word = t.lower.as_str();
            let stranded_after_verb =
                AFTER_A_VERB.contains(&word) && i > 0 && (toks[i - 1].is_verb() || t.pos == "RP");
            if NEVER_LAST.contains(&word) || (AFTER_A_VERB.contains(&word) && !stranded_after_verb)
            {
                out.push(i..i + 1);
            }
        }
        out
    }
}

grammar_examples_test!(super::DanglingWord);

//! doubled-word: no word is written twice in a row ("will will", "the the"), the
//! mark of two templates glued together.

use super::{grammar_examples_test, GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct DoubledWord;

/// Doubles that English allows.
const ALLOWED: &[&str] = &["that", "had", "bye", "very"];

impl GrammarRule for DoubledWord {
    fn id(&self) -> GrammarId {
        GrammarId::DoubledWord
    }
    fn summary(&self) -> &'static str {
        "no word is doubled"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Sam Taylor will will go to the clinic.",
                "Mum will attend the the clinic every Tuesday.",
                "Mum will take Leah to school every day every day.",
            ],
            sound: &[
                "Mum will take the children to the dentist by 31 March 2027.",
                "Dad said that that plan works.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        let mut out: Vec<Range<usize>> = toks
            .windows(2)
            .enumerate()
            .filter(|(_, w)| {
                w[0].lower == w[1].lower
                    && w[0].lower.chars().all(char::is_alphabetic)
                    && !ALLOWED.contains(&w[0].lower.as_str())
            })
            .map(|(i, _)| i..i + 2)
            .collect();
        // A phrase written twice: "every day every day".
        for n in 2..=3 {
            for i in 0..toks.len().saturating_sub(2 * n - 1) {
                let same = (0..n).all(|k| toks[i + k].lower == toks[i + n + k].lower);
                if same && toks[i..i + n].iter().all(|t| !t.is_punct()) {
                    out.push(i..i + 2 * n);
                }
            }
        }
        out
    }
}

grammar_examples_test!(super::DoubledWord);

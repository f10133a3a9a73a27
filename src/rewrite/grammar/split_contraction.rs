//! split-contraction: no contraction is split from its word ("I' will",
//! "I 'm"); a plural possessive ("the parents' evening") and a quoted word
//! ("a game of ‘snap’") are not contractions.

use super::{grammar_examples_test, GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct SplitContraction;

const ENDINGS: &[&str] = &["'m", "'s", "'re", "'ll", "'ve", "'d", "n't"];

impl GrammarRule for SplitContraction {
    fn id(&self) -> GrammarId {
        GrammarId::SplitContraction
    }
    fn summary(&self) -> &'static str {
        "no contraction is split"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "I' will walk more often.",
                "I 'm going to walk more.",
                "Mum ' will go.",
            ],
            sound: &[
                "I'm going to walk for 30 minutes.",
                "Mum will go to the parents' evening on 3 March 2027.",
                "Mum won't drink when caring for the children.",
                "Tom's coat will be on its peg by 9am.",
                "Mum will read 'The Gruffalo' with Ava.",
                "Dad will play ‘snap’ with Ava after tea on Fridays.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let text = a.text.as_str();
        let mut out = Vec::new();
        let mut quote_open = false;
        for (i, t) in a.tokens.iter().enumerate() {
            // Curly quotes, opening or closing, read as the straight one.
            let surface = text[t.span.clone()].replace(['’', '‘'], "'");
            let spaced_before = text[..t.span.start].ends_with(char::is_whitespace);
            let spaced_after =
                text[t.span.end..].starts_with(char::is_whitespace) || t.span.end == text.len();
            if ENDINGS.contains(&surface.to_lowercase().as_str()) && spaced_before && i > 0 {
                out.push(i - 1..i + 1);
            } else if surface == "'" && i > 0 {
                let prev = &a.tokens[i - 1];
                let next = a.tokens.get(i + 1).map_or("", |n| n.lower.as_str());
                if !spaced_before && !spaced_after {
                    // "I'm", "Tom's", "won't": whole.
                } else if spaced_before && !spaced_after {
                    // "I 'm": the rest of a contraction, cut off from its word.
                    if matches!(next, "m" | "s" | "re" | "ll" | "ve" | "d" | "t") {
                        out.push(i - 1..i + 2);
                    } else {
                        quote_open = true;
                    }
                } else if quote_open && !spaced_before {
                    quote_open = false;
                } else if spaced_before || !prev.lower.ends_with('s') {
                    // "I' will", "Mum ' will": not a plural possessive.
                    out.push(i - 1..i + 1);
                }
            }
        }
        out
    }
}

grammar_examples_test!(super::SplitContraction);

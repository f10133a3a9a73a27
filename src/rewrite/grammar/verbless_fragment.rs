//! verbless-fragment: every sentence has a verb, so a tail cut loose ("Measured
//! by the register.") or a bare timeframe is not left as a sentence of its own.

use super::{grammar_examples_test, sentences, GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct VerblessFragment;

impl GrammarRule for VerblessFragment {
    fn id(&self) -> GrammarId {
        GrammarId::VerblessFragment
    }
    fn summary(&self) -> &'static str {
        "no fragment is left without a verb"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Mum will attend the clinic. Measured by the register.",
                "By 31 March 2027.",
                "Home conditions and school attendance.",
            ],
            sound: &[
                "Mum will attend the clinic. The register shows each visit.",
                "Attend school every day.",
                "Ellie was weighed at the clinic.",
                "From 1 April 2027, the children will not be left alone with Mr Smith.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        let mut out = Vec::new();
        for sentence in sentences(a) {
            let words: Vec<usize> = sentence.clone().filter(|&i| !toks[i].is_punct()).collect();
            if words.is_empty() {
                continue;
            }
            let imperative = matches!(toks[words[0]].pos, "VB" | "VBP");
            let finite = words.iter().enumerate().any(|(k, &i)| {
                let t = &toks[i];
                match t.pos {
                    "MD" | "VBZ" | "VBP" => true,
                    // A past form is finite after its subject, not at the start
                    // of a fragment ("Measured by ...").
                    "VBD" => k > 0,
                    _ => false,
                }
            });
            if !finite && !imperative {
                out.push(sentence);
            }
        }
        out
    }
}

grammar_examples_test!(super::VerblessFragment);

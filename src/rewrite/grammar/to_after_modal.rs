//! to-after-modal: no "to" between a modal and its verb, so a plan's "Mum to
//! improve" becomes "Mum will improve", never "Mum will to improve".

use super::{grammar_examples_test, is_adverb, is_modal};
use super::{GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct ToAfterModal;

impl GrammarRule for ToAfterModal {
    fn id(&self) -> GrammarId {
        GrammarId::ToAfterModal
    }
    fn summary(&self) -> &'static str {
        "a 'to' before the main verb becomes a finite form or is dropped"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Sam Taylor will to improve the home conditions by 31 March 2027.",
                "Mum will not to drink when caring for the children.",
            ],
            sound: &[
                "Mum will go to the clinic every Tuesday.",
                "Mum will talk to the school each week.",
                "Dad will agree to a test each month.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        let mut out = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if !is_modal(t) {
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && is_adverb(&toks[j]) {
                j += 1;
            }
            if toks.get(j).is_some_and(|n| n.lower == "to") {
                out.push(i..j + 1);
            }
        }
        out
    }
}

grammar_examples_test!(super::ToAfterModal);

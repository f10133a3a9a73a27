//! modal-base-form: after "will" (or another modal) comes a verb in its base
//! form, so "will needs", "will attending" and "will conditions" are refused.

use super::{grammar_examples_test, is_adverb, is_base_verb, is_modal};
use super::{GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::Analysis;
use std::ops::Range;

pub struct ModalBaseForm;

impl GrammarRule for ModalBaseForm {
    fn id(&self) -> GrammarId {
        GrammarId::ModalBaseForm
    }
    fn summary(&self) -> &'static str {
        "after a modal comes a verb in its base form"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Tom will needs his medicine given on time.",
                "Sam Taylor will attending the clinic.",
                "Sam Taylor will being on time.",
                "Sam Taylor will conditions to improve.",
                "Sam Taylor will ms Adeyemi to complete the assessment.",
                "Mum will.",
            ],
            sound: &[
                "Mum will attend 4 of 5 planned appointments by 31 March 2027.",
                "The children will not be left alone with Mr Smith.",
                "Jake will independently put on his coat on 4 of 5 mornings.",
                "Dad will co-operate with the safety plan at each visit.",
                "Mum will take Ava to nursery by 31 May 2027.",
                "Leah can read 20 words by the end of term.",
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
            // "by 31 May 2027": the month, not the modal.
            if t.lower == "may"
                && (toks.get(i + 1).is_some_and(|n| n.is_number())
                    || i > 0 && toks[i - 1].is_number())
            {
                continue;
            }
            let mut j = i + 1;
            while j < toks.len() && is_adverb(&toks[j]) {
                j += 1;
            }
            match toks.get(j) {
                Some(next) if next.lower == "to" => {} // to-after-modal's concern.
                Some(next) if is_base_verb(next) => {}
                Some(next) if next.is_punct() => out.push(i..j + 1),
                Some(_) => out.push(i..j + 1),
                None => out.push(i..j),
            }
        }
        out
    }
}

grammar_examples_test!(super::ModalBaseForm);

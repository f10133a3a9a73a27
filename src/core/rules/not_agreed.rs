//! `not-agreed` (A): the objective says it is imposed ("because my parents said
//! so", "has been told to"), not agreed with the person who must do it.

use super::{Context, Examples, Hit, Rule};
use crate::core::finding::Criterion;

pub struct NotAgreed;

impl Rule for NotAgreed {
    fn id(&self) -> &'static str {
        "not-agreed"
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "The objective says it is imposed, not agreed"
    }
    fn guidance(&self) -> &'static str {
        "A also sometimes stands for Agreed: Team agreement re change; ensure agreement. It must be something towards which the Team is willing and able to work."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "I will become a doctor in 4 years because my parents said so.",
                "Dad has been told to attend the course by 1 May",
            ],
            allows: &["Dad has agreed to attend the course by 1 May"],
        }
    }
    fn check(&self, cx: &Context) -> Vec<Hit> {
        cx.phrases(&cx.lexicon.imposed)
            .into_iter()
            .take(1)
            .map(|span| Hit {
                message: format!("'{}' says the objective is imposed; an objective works when the person has agreed to it", &cx.text()[span.clone()]),
                suggestion: "Agree the objective with the person and record their own reason for it".to_string(),
                span,
            })
            .collect()
    }
}

crate::rule_examples_test!(super::NotAgreed);

//! `not-agreed` (A): the objective says it is imposed ("because my parents said
//! so", "has been told to"), not agreed with the person who must do it.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};

pub struct NotAgreed;

impl Rule for NotAgreed {
    fn id(&self) -> RuleId {
        RuleId::NotAgreed
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
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        cx.phrases(&cx.lexicon.imposed)
            .into_iter()
            .take(1)
            .map(|span| {
                // Drop the whole reason clause: "because my parents said so".
                let toks = &cx.a.tokens;
                let mut start = span.start;
                if let Some(i) = cx.a.token_at(span.start) {
                    for k in (i.saturating_sub(5)..i).rev() {
                        if matches!(toks[k].lower.as_str(), "because" | "as" | "since" | "cos") {
                            start = toks[k].span.start;
                            break;
                        }
                    }
                }
                Hit {
                    message: format!("'{}' says the objective is imposed; an objective works when the person has agreed to it", &cx.text()[span.clone()]),
                    suggestion: "Agree the objective with the person and record their own reason for it".to_string(),
                    repair: Some(Repair {
                        note: format!(
                            "removed '{}': agree the objective with the person instead",
                            cx.text()[start..span.end].trim()
                        ),
                        edits: vec![Edit::Delete(start..span.end)],
                    }),
                    span,
                }
            })
            .collect()
    }
}

crate::rule_examples_test!(super::NotAgreed);

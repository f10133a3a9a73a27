//! `absolute-target` (A): a perfectionist target ("never", "always", "100%", "all",
//! "zero missed doses") that sets the person up to fail.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Level, Repair};

pub struct AbsoluteTarget;

impl Rule for AbsoluteTarget {
    fn id(&self) -> RuleId {
        RuleId::AbsoluteTarget
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    /// A warning by default: sources of every kind call goals such as "100%
    /// attendance for the next three months" or "form all letters correctly"
    /// SMART. Of its hits on the corpus's tune part, 1 of 5 agreed with the
    /// source; child protection and early help plans, whose guidance names
    /// absolute targets, make it an error (data/plan-kinds.toml).
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "An absolute or perfectionist target ('never', 'always', '100%', 'all')"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: outcomes should not be out of reach and set up a child, adult or family to fail. Small steps, individually assessed; a stepped change."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will never miss an appointment",
                "John will always be in school on time",
                "Amy will attend 100% of lessons by July",
                "take medication every day with zero missed doses",
                "Mum will attend all appointments by June",
            ],
            allows: &[
                "Amy will attend 9 out of 10 lessons each week until July",
                "I will walk at least 5,000 steps each day.",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let toks = &cx.a.tokens;
        cx.phrases(&cx.lexicon.absolute)
            .into_iter()
            .filter(|span| {
                // "all" counts only when it sets the object: "all appointments".
                let word = cx.text()[span.clone()].to_lowercase();
                word != "all"
                    || cx.a.token_at(span.start).is_some_and(|i| {
                        toks.get(i + 1)
                            .is_some_and(|n| n.pos.starts_with("NNS") || n.lower == "of")
                    })
            })
            .map(|span| {
                let quoted = cx.text()[span.clone()].trim();
                // "100%" becomes "[target below 100%]"; "never" needs an amount or frequency instead.
                let edits = if quoted.contains(|c: char| c.is_ascii_digit()) {
                    vec![Edit::Placeholder {
                        span: span.clone(),
                        // The label names the writer's figure, so the goal is not lost.
                        label: format!("target below {quoted}"),
                    }]
                } else {
                    vec![Edit::Delete(span.clone()), Edit::NeedQuantity]
                };
                Hit {
                    message: format!(
                        "'{}' is an absolute target: one slip and the objective has failed",
                        &cx.text()[span.clone()]
                    ),
                    suggestion:
                        "Set a realistic threshold, e.g. 'on 4 out of 5 days', '9 of 10 appointments'"
                            .to_string(),
                    repair: Some(Repair {
                        edits,
                        note: format!(
                            "'{quoted}' is a perfectionist target: replaced with a figure the team agrees"
                        ),
                    }),
                    span,
                }
            })
            .collect()
    }
}

crate::rule_examples_test!(super::AbsoluteTarget);

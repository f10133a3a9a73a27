//! `lasting-absolute` (A): a perfectionist target with no end ("never fall
//! again", "always be on time", "zero missed doses" every day from now on):
//! one slip, at any time, and the objective has failed for good.

use super::absolute_target::{absolute_hits, has_an_end};
use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct LastingAbsolute;

impl Rule for LastingAbsolute {
    fn id(&self) -> RuleId {
        RuleId::LastingAbsolute
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "An absolute target with no end ('never again', 'always', 'zero' from now on)"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: outcomes should not be out of reach and set up a child, adult or family to fail. Small steps, individually assessed; a stepped change."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will never miss an appointment",
                "John will always be in school on time",
                "take medication every day with zero missed doses",
                "Jo will hand in her spelling homework with no errors",
                "Ella will tidy all of her toys away",
                // Every feed, every grade: absolutes in other words.
                "Mum will exclusively bottle-feed Leo",
                "Sam will get straight A's in his mocks",
            ],
            allows: &[
                // A window gives the full target an end: `absolute-target` warns.
                "Amy will attend 100% of lessons by July",
                "Within 4 weeks, Sam will spell all ten words on his list correctly",
                "Mum will attend 9 of 10 appointments each month",
                // A safety condition holds at all times: the absolute is its point.
                "The children will never be left alone with Mr Smith",
                "Lily will always be supervised by a named adult when she is in the bath",
                "Kai will always wear his helmet when he rides his bike",
                // "all" is the scope a standard short of perfect holds over.
                "Max will say /f/ in all positions of words with 80% accuracy",
                // "all" of the medicines prescribed is the set, not a perfect target.
                "Dad will take all of his prescribed tablets each morning",
                // An absolute in the means says how, not what is reached.
                "Mum will give Leo his inhaler twice a day by keeping all of his medicines in one box",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if has_an_end(cx) || is_safety_condition(cx) {
            return Vec::new();
        }
        absolute_hits(
            cx,
            "is an absolute target with no end: one slip, at any time, and the objective has failed",
        )
    }
}

/// A safety condition or standard, kept at all times (data lists
/// `safety_conditions` and `safety_standards`).
fn is_safety_condition(cx: &Context<'_>) -> bool {
    !cx.phrases(&cx.lexicon.safety_conditions).is_empty()
        || !cx.phrases(&cx.lexicon.safety_standards).is_empty()
}

crate::rule_examples_test!(super::LastingAbsolute);

#[cfg(test)]
mod plan_kinds {
    use crate::core::check::Objective;
    use crate::core::finding::{Criterion, RuleId, Severity, Verdict};
    use crate::core::plan_kind::PlanKind;

    #[test]
    fn child_protection_and_early_help_plans_fail_a_for_it() {
        // Their guidance names absolute targets, so their presets make the
        // rule an error whatever its calibrated level elsewhere.
        for kind in ["child-protection", "early-help"] {
            // Named, measured and checked at each visit: only the absolute is wrong.
            let objective = Objective::new(
                "Mum will never miss Kai's weekly speech therapy session, checked by Ms Adeyemi at each home visit",
            )
                .with_plan_kind(Some(PlanKind::parse(kind).expect("a preset")));
            let j = crate::testing::checker().check(&objective);
            assert_eq!(
                j.criteria.get(Criterion::A).verdict,
                Verdict::Fail,
                "{kind}: {j:?}"
            );
            assert!(
                j.findings
                    .iter()
                    .any(|f| f.rule == RuleId::LastingAbsolute && f.severity == Severity::Error),
                "{kind}: {:?}",
                j.findings
            );
        }
    }
}

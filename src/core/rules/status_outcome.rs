//! `status-outcome` (A): a grand end-state ("become a doctor", "become accredited",
//! "become a millionaire this week") instead of a step within reach.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;
use crate::core::time::TimeKind;

pub struct StatusOutcome;

impl Rule for StatusOutcome {
    fn id(&self) -> RuleId {
        RuleId::StatusOutcome
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "A grand end-state ('become a doctor', 'become accredited') instead of a step within reach"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: can we realistically get this done in the timeframe, with existing or new resources? Outcomes should not be out of reach. Small steps, individually assessed."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "I will become a millionaire this week.",
                "Become accredited in 16 months' time",
                "I will become a doctor in 4 years because my parents said so.",
            ],
            allows: &[
                "I will become a member of the school chess club by October",
                "Achieve completion of LQSI tool phase 1 in nine months' time",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        let toks = &cx.a.tokens;
        if cx.phrase_at(&cx.lexicon.status_verbs, head).is_none() {
            return Vec::new();
        }
        let end = cx
            .frame
            .object
            .as_ref()
            .map_or(head + 3, |o| o.end)
            .min(toks.len());
        let Some(k) = (head + 1..end).find(|&k| contains(&cx.lexicon.status_nouns, &toks[k].lower))
        else {
            return Vec::new();
        };
        let short = cx.times.iter().any(|t| {
            matches!(t.kind, TimeKind::Period | TimeKind::Deadline)
                && is_short_timeframe(&cx.text()[t.span.clone()])
        });
        vec![Hit {
            span: toks[head].span.start..toks[k].span.end,
            message: format!(
                "'{}' is an end point, not a step within reach{}",
                cx.slice(head..k + 1),
                if short { " in so short a time" } else { "" }
            ),
            suggestion: "Set the next small step the person controls, e.g. 'complete phase 1 of the application by March'".to_string(),
            repair: None,
        }]
    }
}

/// True for timeframes of about a month or less: "this week", "tomorrow", "in 3 weeks".
fn is_short_timeframe(time: &str) -> bool {
    let t = time.to_lowercase();
    t.contains("week")
        || t.contains("tomorrow")
        || t.contains("today")
        || t.contains("day")
        || t.contains("month") && !t.contains("months")
}

crate::rule_examples_test!(super::StatusOutcome);

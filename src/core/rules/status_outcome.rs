//! `status-outcome` (A): a grand end-state or standing ("become a doctor", "be the
//! top scorer", "become a millionaire by Friday") instead of a step within reach.

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
                "Leo wants to be the top goal scorer in his league",
                "Priya will become a pilot",
                "Kerry will become a paramedic by next summer",
            ],
            allows: &[
                "I will become a member of the school chess club by October",
                "Dad will be the main contact for the school by 1 March",
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
        // With no time, or too short a one, the whole end point, to the end
        // of its clause ("be the top scorer on my team"), is asked to become a
        // first step towards it; a time or a reason after it stays. Given years
        // ("become a vet in five years"), it is a long-term aim whose steps the
        // rewriter asks for as observable actions instead.
        let timed = cx.times.iter().any(|t| t.kind.is_concrete());
        let goal_end = (k + 1..toks.len())
            .find(|&j| {
                let t = &toks[j];
                (t.is_punct() && t.pos != "POS" && t.lower != "-")
                    || matches!(t.lower.as_str(), "because" | "so")
                    || cx
                        .times
                        .iter()
                        .any(|time| time.span.contains(&t.span.start))
            })
            .unwrap_or(toks.len());
        let goal = toks[head].span.start..toks[goal_end - 1].span.end;
        let quoted = cx.text()[goal.clone()].trim().to_string();
        vec![Hit {
            span: toks[head].span.start..toks[k].span.end,
            message: format!(
                "'{}' is an end point, not a step within reach{}",
                cx.slice(head..k + 1),
                if short { " in so short a time" } else { "" }
            ),
            suggestion: "Set the next small step the person controls, e.g. 'complete phase 1 of the application by March'".to_string(),
            repair: (short || !timed).then(|| super::first_step_towards(
                goal,
                &quoted,
                format!("'{quoted}' is an end point: asked for a first step towards it"),
            )),
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

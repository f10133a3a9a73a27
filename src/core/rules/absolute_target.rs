//! `absolute-target` (A): a perfectionist target ("100%", "all", "zero missed
//! doses") held over a window the objective gives ("100% of lessons by July").
//! The same targets with no end at all are `lasting-absolute`'s.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Level, Repair};
use crate::core::time::TimeKind;
use std::ops::Range;

pub struct AbsoluteTarget;

impl Rule for AbsoluteTarget {
    fn id(&self) -> RuleId {
        RuleId::AbsoluteTarget
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    /// A warning by default: sources of every kind call goals such as "100%
    /// attendance for the next three months" or "form all letters correctly
    /// within 6 weeks" SMART: over a window, a full target can be a fair
    /// standard. Child protection and early help plans, whose guidance names
    /// absolute targets, make it an error (data/plan-kinds.toml).
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "An absolute or perfectionist target ('100%', 'all') over the window the objective gives"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: outcomes should not be out of reach and set up a child, adult or family to fail. Small steps, individually assessed; a stepped change."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Amy will attend 100% of lessons by July",
                "Mum will attend all appointments by June",
                "Over the next 4 weeks, Sam will hand in every single homework",
            ],
            allows: &[
                "Amy will attend 9 out of 10 lessons each week until July",
                // How the target is reached, not the target.
                "By the end of term, Zac will score 7 out of 10 in his science quizzes by reading all of his class notes each week",
                "I will walk at least 5,000 steps each day.",
                // "all" is the scope a standard short of perfect holds over.
                "By July, Max will say /f/ in all positions of words with 80% accuracy",
                // With no end, it is `lasting-absolute`'s.
                "Mum will never miss an appointment",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if !has_an_end(cx) {
            return Vec::new();
        }
        absolute_hits(
            cx,
            "is an absolute target: one slip and the objective has failed",
        )
    }
}

/// True when the objective's time ends somewhere: a date, a deadline or a
/// period. A start ("from now"), a recurrence ("every day") or an occasion
/// sets no end, so an absolute held under them is held for good.
pub(super) fn has_an_end(cx: &Context<'_>) -> bool {
    cx.times.iter().any(|t| {
        matches!(
            t.kind,
            TimeKind::Date | TimeKind::Deadline | TimeKind::Period
        )
    })
}

/// The absolute words of the objective (data list `absolute` in
/// measures.toml). "all" counts only when it sets the object ("all
/// appointments", "all of the meals"). An absolute in a means clause says how
/// the target is reached, not the target ("earn a B by reading all the set
/// chapters"): one slip there does not fail the objective.
fn absolute_spans(cx: &Context<'_>) -> Vec<Range<usize>> {
    let toks = &cx.a.tokens;
    let means_from = cx
        .means_clauses()
        .next()
        .map_or(usize::MAX, |k| toks[k].span.start);
    let short_of_perfect = standard_short_of_perfect(cx);
    cx.phrases(&cx.lexicon.absolute)
        .into_iter()
        .filter(|span| span.start < means_from)
        .filter(|span| {
            let word = cx.text()[span.clone()].to_lowercase();
            word != "all"
                || !short_of_perfect
                    && cx.a.token_at(span.start).is_some_and(|i| {
                        toks.get(i + 1)
                            .is_some_and(|n| n.pos.starts_with("NNS") || n.lower == "of")
                            && !names_a_scope(cx, i)
                    })
        })
        .collect()
}

/// True when the "all" at token `i` names a set whose every member is the
/// standard itself ("all of my medications", data list `all_as_scope`).
fn names_a_scope(cx: &Context<'_>, i: usize) -> bool {
    cx.a.tokens[i + 1..]
        .iter()
        .skip_while(|t| matches!(t.pos, "IN" | "DT" | "PRP$" | "JJ"))
        .take(1)
        .any(|t| cx.lexicon.all_as_scope.contains(&t.lower))
}

/// True when the objective sets a standard short of perfect ("with 90%
/// accuracy", "in 4 of 5 trials"): "all" then names the scope the standard is
/// held over ("in all positions of single words"), not a perfect target.
fn standard_short_of_perfect(cx: &Context<'_>) -> bool {
    use crate::core::measure::IndicatorKind;
    cx.indicators.iter().any(|i| {
        matches!(i.kind, IndicatorKind::Percentage | IndicatorKind::Ratio)
            && !cx.text()[i.span.clone()].contains("100")
    })
}

/// A finding for each absolute word, whose message `says` what is wrong with it.
pub(super) fn absolute_hits(cx: &Context<'_>, says: &str) -> Vec<Hit> {
    absolute_spans(cx)
        .into_iter()
        .map(|span| absolute_hit(cx, span, says))
        .collect()
}

/// The finding for one absolute word, with its repair: a figure ("100%")
/// becomes a target below it; "zero" or "no" before what is counted becomes
/// an upper limit the team sets; any other absolute ("never", "always") is
/// dropped for an amount or a frequency.
fn absolute_hit(cx: &Context<'_>, span: Range<usize>, says: &str) -> Hit {
    let quoted = cx.text()[span.clone()].trim().to_string();
    let lower = quoted.to_lowercase();
    // A figure ("100%") or a grade ("straight A's") becomes a target below it.
    let edits = if quoted.contains(|c: char| c.is_ascii_digit()) || lower.starts_with("straight ") {
        vec![Edit::Placeholder {
            span: span.clone(),
            // The label names the writer's figure, so the goal is not lost.
            label: format!("target below {quoted}"),
        }]
    } else if lower == "zero" || lower.starts_with("no ") {
        // "zero panic attacks", "no missed doses": what is counted stays,
        // and the limit asked for names the writer's aim.
        // The label keeps the writer's own word for the aim ("zero", "no").
        let (counted, aim) = match lower.strip_prefix("no ") {
            Some(rest) => (format!(" {rest}"), "none"),
            None => (String::new(), "zero"),
        };
        vec![Edit::Placeholder {
            span: span.clone(),
            label: format!("no more than N{counted}, aiming for {aim}"),
        }]
    } else if matches!(lower.as_str(), "never" | "not ever" | "exclusively") {
        // Dropping "never" would ask for the very thing to stop ("never shout"
        // -> "shout [how often]"), and dropping "exclusively" would change the
        // goal ("exclusively breastfeed"): the rewrite keeps them and gives the
        // target an end.
        Vec::new()
    } else if lower == "all"
        && cx.text()[span.end..]
            .trim_start()
            .to_lowercase()
            .starts_with("of ")
    {
        // "all of the meals": a count of them, not "eat of the meals".
        vec![Edit::Placeholder {
            span: span.clone(),
            label: "N of M".to_string(),
        }]
    } else {
        vec![Edit::Delete(span.clone()), Edit::NeedQuantity]
    };
    Hit {
        message: format!("'{quoted}' {says}"),
        suggestion: "Set a realistic threshold, e.g. 'on 4 out of 5 days', '9 of 10 appointments'"
            .to_string(),
        repair: (!edits.is_empty()).then_some(Repair {
            edits,
            note: format!(
                "'{quoted}' is a perfectionist target: replaced with a figure the team agrees"
            ),
        }),
        span,
    }
}

crate::rule_examples_test!(super::AbsoluteTarget);

//! `no-indicator` (M): nothing says what success looks like: no count, frequency,
//! percentage, score, threshold, "x out of y", method, or single observable act
//! bound to a time.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;
use crate::core::time::TimeKind;

pub struct NoIndicator;

impl Rule for NoIndicator {
    fn id(&self) -> RuleId {
        RuleId::NoIndicator
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "No indicator of success: no count, frequency, percentage, score, threshold or method"
    }
    fn guidance(&self) -> &'static str {
        "M = Measurable: what does success look like? How will we know we have made a difference? How much of a difference have we made? 'Hard' and 'soft' indicators, i.e. hard = number of sessions attended; soft = feeling more confident."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Decrease the prevalence of schools not complying with HB 1159 anti-smoking policies.",
                "John will stop disrupting the class",
                "I will practice math.",
                "Distribute model school health policies to schools.",
                "Mum to engage with services ongoing",
                "track medication use on the app",
                "take photo of food on the app (95% confident)",
                "minimize alcohol intake on weekdays",
            ],
            allows: &[
                "I will apply to two income-based housing properties by next Friday",
                "Client will keep his PHQ-9 score ≤ 9 across two consecutive administrations",
                "I will attend all scheduled counselling sessions this month",
                "I will record each blood sugar result in my diary at the time I take it",
                "John will raise his hand when he wants to ask a question",
                "Malcolm will draw a picture for the next meeting in 2 weeks' time to show how he feels",
                "Joyce will attend a 6 week parenting group delivered by the Avedon Team beginning on 1st July",
                "I will read for 20 minutes every day.",
                "Mum's confidence will be rated weekly using a scaling question",
                "Get 8/10 words correct on spelling tests.",
                "cut daily carbohydrate intake by half",
                "limit takeaway suppers to twice a week",
                "complete 1-2 entries in health journal before next session",
                "Tom will be able to read 50 high-frequency words by July 2026",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        // A change ("reduce oil intake") is measured by its amount, not by how often.
        let change = cx
            .frame
            .head
            .is_some_and(|h| cx.phrase_at(&cx.lexicon.change_verbs, h).is_some());
        let measured = if change {
            cx.is_quantified()
        } else {
            !cx.indicators.is_empty()
        };
        if measured || !cx.methods.is_empty() {
            return Vec::new();
        }
        // The vague-comparative rule explains comparatives better.
        let toks = &cx.a.tokens;
        if toks.iter().any(|t| {
            contains(&cx.lexicon.vague_comparatives, &t.lower)
                && (t.pos == "JJR" || t.pos == "RBR" || t.is("more") || t.is("better"))
        }) {
            return Vec::new();
        }
        if observable_completion(cx) {
            return Vec::new();
        }
        vec![Hit {
            span: cx.head_span(),
            message: "nothing says what success looks like: no count, frequency, percentage, score, threshold or method".to_string(),
            suggestion: "Add how much or how often and how it will be recorded, e.g. 'on 4 out of 5 days, recorded in the school register'".to_string(),
            repair: None,
        }]
    }
}

/// A single concrete act on one definite thing, tied to a deadline or an occasion,
/// is measurable by whether it happened: "draw a picture for the next meeting",
/// "raise his hand when he wants to ask a question".
fn observable_completion(cx: &Context<'_>) -> bool {
    let (Some(head), Some(object)) = (cx.frame.head, &cx.frame.object) else {
        return false;
    };
    let lex = cx.lexicon;
    let toks = &cx.a.tokens;
    let verb = &toks[head];
    if cx.frame.copula
        || cx.frame.negated.is_some()
        || cx.phrase_at(&lex.vague_verbs, head).is_some()
        || cx.phrase_at(&lex.weak_verbs, head).is_some()
        || cx.phrase_at(&lex.stop_verbs, head).is_some()
        || !verb.is_verb()
    {
        return false;
    }
    let bound = cx.times.iter().any(|t| {
        matches!(
            t.kind,
            TimeKind::Date
                | TimeKind::Deadline
                | TimeKind::Period
                | TimeKind::Start
                | TimeKind::Occasion
                | TimeKind::ClockTime
        )
    });
    if !bound {
        return false;
    }
    let first = &toks[object.start];
    // "attend all scheduled sessions this month", "record each result": every one
    // of a set bounded in time, done or not, can be counted.
    if matches!(first.lower.as_str(), "all" | "every" | "each")
        && (object.clone()).any(|k| toks[k].is_noun())
    {
        return true;
    }
    let definite = matches!(
        first.lower.as_str(),
        "a" | "an"
            | "the"
            | "his"
            | "her"
            | "their"
            | "my"
            | "your"
            | "its"
            | "one"
            | "this"
            | "that"
    ) || first.is_proper_noun();
    // The object's last noun before "of" is singular: one thing, done or not done.
    let singular = (object.clone())
        .take_while(|&k| toks[k].lower != "of")
        .filter(|&k| toks[k].is_noun())
        .last()
        .is_some_and(|k| {
            !toks[k].pos.starts_with("NNS") && !contains(&lex.generic_objects, &toks[k].lower)
        });
    definite && singular
}

crate::rule_examples_test!(super::NoIndicator);

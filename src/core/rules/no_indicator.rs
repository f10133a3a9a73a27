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
                "Ella will reduce the number of times she shouts out in lessons",
                // A way of life is no skill shown to a standard.
                "Dev will live independently",
            ],
            allows: &[
                "Ali will earn a B in history first semester",
                "Get straight As in my science tests this term",
                "Mr Khan will drink 1500ml of water a day for 2 weeks",
                "Dev will cook a meal independently by June",
                "The leg ulcer will shrink in width by 2cm in 6 weeks",
                "Ella will go to bed at 8pm",
                "Ben will eat breakfast before school",
                "Lily will put her hand up to answer questions in class",
                "Kai will use his inhaler before PE lessons",
                "Patient will demonstrate correct use of the incentive spirometer before discharge",
                "The patient will demonstrate how to change the colostomy bag by 12 March",
                "Client will remain free of falls during this admission",
                "Mr Jones will transfer from bed to chair with minimal assistance by Friday",
                "Amy will dress herself for school by Easter",
                "reduce the consumption of cola from twice daily to once daily",
                "limit the frequency of snacking to once daily",
                // A skill shown to a standard.
                "Sam will tie his shoelaces independently by the end of term",
                "Leo will put on his coat without prompting before outdoor play",
                "Mia will count to 20 by Easter",
                // A comparison with a baseline; a named record; a one-off act by a deadline.
                "Ava will have fewer than 6 late marks this half term, compared with the 12 she had last half term",
                "Mum will give the housing officer a copy of the signed tenancy agreement by 1 June",
                "Dad will return the school forms by Friday",
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
                // the tagger reads "words" after an adjective as a verb in -s
                "Zara will learn 20 new words by half term",
                // Days counted in a week; levels of a named instrument.
                "For 3 days this week I will write down what I eat at lunch",
                "Client will lower his depression from moderately severe to mild on the PHQ-9 within 10 weeks",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        // A change ("reduce oil intake") is measured by its amount, not by how often.
        let change = cx
            .frame
            .head
            .is_some_and(|h| cx.phrase_at(&cx.lexicon.change_verbs, h).is_some());
        // A clock time is the standard of a plain action: "Ella will go to bed at 8pm".
        if !change && cx.times.iter().any(|t| t.kind == TimeKind::ClockTime) {
            return Vec::new();
        }
        let measured = if change {
            cx.is_quantified()
        } else {
            !cx.indicators.is_empty()
        };
        if measured || !cx.methods.is_empty() {
            return Vec::new();
        }
        // A single act with a deadline can be checked by whether it was done in
        // time ("contact the housing office by Friday"); a change still needs its
        // amount ("reduce ... by June"), and a vague act or a general object says
        // too little to check ("explore options within two weeks").
        if !change && single_act_by_deadline(cx) {
            return Vec::new();
        }
        // The vague-amount rule explains "several times" better.
        if super::vague_amount::vague_amount(cx).is_some() {
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
        // A change is no single act: "reduce the number of times she shouts out
        // in lessons" is done by degrees, so it needs its amount. "Raise",
        // "lower" and "cut" change an amount only when one is named ("raise his
        // hand" is an act).
        let by_degrees = change
            && cx.frame.head.is_some_and(|h| {
                let toks = &cx.a.tokens;
                !["raise", "lower", "cut"].iter().any(|v| toks[h].is(v))
                    || cx.frame.object.clone().is_some_and(|o| {
                        o.into_iter()
                            .any(|k| contains(&cx.lexicon.attribute_nouns, toks[k].lemma()))
                    })
            });
        if !by_degrees && observable_completion(cx) {
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

/// An act (not a vague, weak or stopping one) on something other than a general
/// category, with a date or deadline.
fn single_act_by_deadline(cx: &Context<'_>) -> bool {
    let Some(head) = cx.frame.head else {
        return false;
    };
    let lex = cx.lexicon;
    // A period ("within 6 weeks") or a start date bounds a single act as a
    // deadline does.
    let deadline = cx.times.iter().any(|t| {
        matches!(
            t.kind,
            TimeKind::Date
                | TimeKind::Deadline
                | TimeKind::Period
                | TimeKind::Start
                | TimeKind::ClockTime
        )
    });
    deadline
        && !cx.frame.copula
        && cx.frame.negated.is_none()
        && cx.phrase_at(&lex.vague_verbs, head).is_none()
        && cx.phrase_at(&lex.weak_verbs, head).is_none()
        && cx.phrase_at(&lex.stop_verbs, head).is_none()
        && cx.generic_noun_phrase(head + 1).is_none()
}

/// A single concrete act on one definite thing, tied to a deadline or an occasion,
/// is measurable by whether it happened: "draw a picture for the next meeting",
/// "raise his hand when he wants to ask a question".
fn observable_completion(cx: &Context<'_>) -> bool {
    let Some(head) = cx.frame.head else {
        return false;
    };
    let lex = cx.lexicon;
    let toks = &cx.a.tokens;
    let verb = &toks[head];
    let deadline = cx.times.iter().any(|t| {
        matches!(
            t.kind,
            TimeKind::Date | TimeKind::Deadline | TimeKind::ClockTime
        )
    });
    let plain_action = !(cx.frame.copula
        || cx.frame.negated.is_some()
        || cx.phrase_at(&lex.vague_verbs, head).is_some()
        || cx.phrase_at(&lex.weak_verbs, head).is_some()
        || cx.phrase_at(&lex.stop_verbs, head).is_some());
    // Showing a skill by a deadline is observed once: "demonstrate correct use of
    // the inhaler before discharge", "show how to change the dressing".
    if deadline && plain_action && contains(&lex.demonstration_verbs, verb.lemma()) {
        return true;
    }
    // Doing something to oneself by a deadline: "Amy will dress herself by Easter".
    let reflexive = toks.get(head + 1).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "herself" | "himself" | "themselves" | "myself" | "yourself"
        )
    });
    if deadline && plain_action && reflexive {
        return true;
    }
    let Some(object) = &cx.frame.object else {
        return false;
    };
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
    // A habit tied to an occasion, on a thing named plainly: "eat breakfast
    // before school", "put her hand up in class".
    let occasion = cx.times.iter().any(|t| t.kind == TimeKind::Occasion);
    let bare = first.is_noun()
        && !first.pos.starts_with("NNS")
        && !contains(&lex.generic_objects, &first.lower);
    if occasion && bare {
        return true;
    }
    // "attend all scheduled sessions this month", "record each result": every one
    // of a set bounded in time, done or not, can be counted.
    if matches!(first.lower.as_str(), "all" | "every" | "each")
        && (object.clone()).any(|k| toks[k].is_noun())
    {
        return true;
    }
    // A one-off act on the team's own things by a deadline: "return the forms by
    // Friday" happened or it did not.
    let owned = matches!(
        first.lower.as_str(),
        "the"
            | "his"
            | "her"
            | "their"
            | "my"
            | "your"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
    );
    let general = (object.clone()).any(|k| contains(&lex.generic_objects, &toks[k].lower));
    if deadline && owned && !general && (object.clone()).any(|k| toks[k].is_noun()) {
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

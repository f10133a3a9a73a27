//! `stop-behaviour` (S): names the behaviour to stop ("stop disrupting", "not hit",
//! "no longer") instead of the behaviour the team wants to see.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;
use crate::core::nlp::ChunkKind;

pub struct StopBehaviour;

impl Rule for StopBehaviour {
    fn id(&self) -> RuleId {
        RuleId::StopBehaviour
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A behaviour to stop ('stop', 'not', 'no longer', 'refrain from') instead of one to see"
    }
    fn guidance(&self) -> &'static str {
        "S = Specific: 'name' issues, actions, i.e. behaviours Team wants to see more of. Not 'John will stop disrupting the class' but 'John will raise his hand when he wants to ask a question'."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "John will stop disrupting the class",
                "not hit and kick peers",
                "Dad will no longer shout at the children",
                "Amy will refrain from swearing in lessons",
                "Mum will not leave the children alone by 1st May",
                // Had, but done: a behaviour.
                "Leo will not have tantrums at bedtime",
                "Kyle will avoid fights at break time",
            ],
            allows: &[
                "John will raise his hand when he wants to ask a question",
                "Amy will use kind words in lessons on 4 out of 5 days",
                "avoid fried foods and festive snacks, and focus on nourishing meals such as fish soup",
                "Dad will not shout at the children but will speak calmly and walk away when angry",
                "Kyle will avoid fights at break time and play football with Sam instead",
                // Safety conditions hold from the plan's start; they are not behaviours to replace.
                "The children will not be left alone with Mr Smith",
                "Dad will not have unsupervised contact with the children",
                // Something that happens to the person is an outcome to keep, not a behaviour.
                "Mr Ellis will not develop pressure sores during his stay",
                "Nan will not fall at home over the next 3 months",
                "Grandpa will not have any dizziness after his morning tablets this month",
                "Mr Ellis will not get any more chest infections this winter",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let toks = &cx.a.tokens;
        let mut span = None;
        if let Some(n) = cx.frame.negated {
            let end = cx.frame.head.map_or(n + 1, |h| h.max(n) + 1);
            span = Some(toks[n].span.start..toks[end - 1].span.end);
        } else if let Some(head) = cx.frame.head {
            if let Some((_, range)) = cx.phrase_at(&cx.lexicon.stop_verbs, head) {
                let end = (range.end + 1).min(toks.len());
                span = Some(cx.a.byte_span(range.start..end));
            }
        }
        if span.is_some() && (names_replacement(cx) || is_safety_condition(cx) || befalls(cx)) {
            return Vec::new();
        }
        span.map(|span| Hit {
            message: format!(
                "'{}' names a behaviour to stop, not the behaviour the team wants to see",
                &cx.text()[span.clone()]
            ),
            suggestion: "Say what the person will do instead, e.g. 'raise his hand when he wants to ask a question', 'use kind hands and tell an adult when angry'".to_string(),
            span,
            repair: None,
        })
        .into_iter()
        .collect()
    }
}

/// True for a negated safety condition ("will not be left alone with Mr
/// Smith", "will have no unsupervised contact"): a condition to keep from the
/// plan's start, not a behaviour to replace.
pub fn is_safety_condition(cx: &Context<'_>) -> bool {
    let from = cx.frame.negated.or(cx.frame.head).unwrap_or(0);
    cx.phrases(&cx.lexicon.safety_conditions)
        .iter()
        .any(|r| r.start >= cx.a.tokens.get(from).map_or(0, |t| t.span.start))
}

/// True for a negated event that happens to the person ("will not develop
/// pressure sores", "will not fall at home"): an outcome kept from the plan's
/// start, not a behaviour the person could replace with another.
fn befalls(cx: &Context<'_>) -> bool {
    negated_event(cx.lexicon, cx.frame, &cx.a.tokens)
}

/// [`befalls`] on a frame and its tokens, for the rewriter's kinds of action too.
pub fn negated_event(
    lexicon: &crate::core::lexicon::Lexicon,
    frame: &crate::core::frame::Frame,
    tokens: &[crate::core::nlp::Token],
) -> bool {
    frame.negated.is_some()
        && frame.head.is_some_and(|h| {
            let v = &tokens[h];
            contains(&lexicon.befalling_verbs, v.lemma())
                || contains(&lexicon.befalling_verbs, &v.lower)
                || matches!(v.lemma(), "have" | "get")
                    && has_a_befalling_thing(lexicon, tokens, h + 1)
        })
}

/// True when the words from `from` name a symptom or clinical event, after its
/// determiners: "(not have) any nausea", "(have) no further falls".
fn has_a_befalling_thing(
    lexicon: &crate::core::lexicon::Lexicon,
    tokens: &[crate::core::nlp::Token],
    from: usize,
) -> bool {
    let determiner = |t: &crate::core::nlp::Token| {
        t.pos == "DT"
            || matches!(
                t.lower.as_str(),
                "any" | "another" | "further" | "more" | "new" | "no" | "a" | "an"
            )
    };
    (from..tokens.len().min(from + 3))
        .find(|&k| !determiner(&tokens[k]))
        .is_some_and(|k| {
            crate::core::analysis::words_at(tokens, &lexicon.befalling_things, k).is_some()
        })
}

/// True when the objective also says what the person will do instead: "instead",
/// "replace ... with", or a second, positive action after a clause break ("avoid
/// fried food, and cook fish soup twice a week"; "will not shout but will speak
/// calmly"). A bare "and" does not count: in "not hit and kick" the "not" covers both.
fn names_replacement(cx: &Context<'_>) -> bool {
    let toks = &cx.a.tokens;
    let from = cx.frame.head.unwrap_or(0);
    (from..toks.len()).any(|k| {
        let t = &toks[k];
        if t.lower == "instead" || t.is("replace") || t.is("swap") || t.is("switch") {
            return true;
        }
        let positive_verb = |i: usize| {
            toks.get(i).is_some_and(|v| {
                (v.pos == "VB" || v.pos == "VBP" || (v.chunk == ChunkKind::Verb && v.has_tag("VB")))
                    && !contains(&cx.lexicon.stop_verbs, v.lemma())
                    && !contains(&cx.lexicon.stop_verbs, &v.lower)
            })
        };
        let after_break =
            (t.lower == "and" && k > 0 && matches!(toks[k - 1].lower.as_str(), "," | ";"))
                || t.lower == "but"
                || t.lower == ";";
        after_break
            && (positive_verb(k + 1)
                || (toks.get(k + 1).is_some_and(|w| w.lower == "will") && positive_verb(k + 2)))
    })
}

crate::rule_examples_test!(super::StopBehaviour);

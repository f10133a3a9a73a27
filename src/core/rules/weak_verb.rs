//! `weak-verb` (S): a mental state, a wish or a hedge as the action ("to understand", "be aware
//! of", "I want to ...", "try to ..."), which nobody can see.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::frame::Anchor;
use crate::core::lexicon::contains;
use crate::core::measure::IndicatorKind;

pub struct WeakVerb;

impl Rule for WeakVerb {
    fn id(&self) -> RuleId {
        RuleId::WeakVerb
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A mental state, wish or hedge as the action ('to understand', 'be aware of', 'want to', 'try to')"
    }
    fn guidance(&self) -> &'static str {
        "S = Specific: use 'strong' verbs which imply action, not infinitives such as 'to know', 'to understand', 'to enjoy'."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "to understand the importance of school",
                "Mum to be aware of the risks of leaving John alone",
                "Dad will know how to keep John safe by May",
                "Sarah will enjoy reading",
                "to have the fine motor control to do up / undo buttons",
                "I want to write more.",
                "I want my son to behave better at school",
                "the child will have more confidence in communicating with others",
                "Mum will try to get the children to school by 8.45am every day",
                "Dad will work to improve how he plans the children's week",
                "Ms Patel will seek to reduce the number of missed appointments",
                "Mum will try not to shout at the children by June",
                "I would like to be healthier.",
                "Ella will learn her times tables",
                "Jade will develop an understanding of healthy relationships",
                "Ryan will show a positive attitude to learning",
                "Mum will be a good parent",
                "Mr Jones will experience a sense of achievement at work",
                "Gran will have less back pain",
                "The resident will demonstrate improved balance",
                "Tia will show a better attitude towards her key worker",
                "Nadia will have a positive mindset about her new school",
            ],
            allows: &[
                // A wish around an action that is counted or timed: the action counts.
                "I want to walk on the treadmill for 30 minutes at least 5 times a week for the next two months.",
                "I would like to eat lunch 3 days a week for a month instead of skipping it.",
                // A positive mindset shown by what is done is the doing.
                "Nadia will say one thing she is looking forward to at her new school at each Friday check-in until half term",
                "John will raise his hand when he wants to ask a question",
                "XXX will know 36 of the 44 phonics sounds by the end of the Spring Term as measured using the school's phonics assessment",
                "Malcolm will draw a picture for the next meeting in 2 weeks' time to show how he feels",
                "Ella will learn to swim 25 metres unaided by July 2027",
                "Priya will learn how to use the bus timetable to plan two journeys by June",
                "Sam will learn 10 new spellings each week, tested on Fridays",
                "The resident will demonstrate improved balance by standing on one foot for 10 seconds by 1 May",
                "Tia will show her key worker two pieces of finished work each week",
                "Mum will work with the family support worker on a weekly budget every Monday until July",
                "To have better sleep, I will turn off my phone at 9pm every night this month",
                "Mum and Dad will have fewer arguments in front of the children",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        let lex = cx.lexicon;
        let toks = &cx.a.tokens;
        // Knowledge that is counted and assessed is seen: "know 36 of the 44 sounds".
        let measured = cx.has_indicator(&[
            IndicatorKind::Ratio,
            IndicatorKind::Percentage,
            IndicatorKind::Score,
        ]) || !cx.methods.is_empty();
        let as_infinitive = matches!(cx.frame.anchor, Anchor::Infinitive);
        let mut hits = Vec::new();
        if let Some((phrase, range)) = cx.phrase_at(&lex.weak_verbs, head) {
            // "learn to swim", "learn how to ride a bike": the skill learnt is the action.
            let to = if toks.get(range.end).is_some_and(|t| t.lower == "how") {
                range.end + 1
            } else {
                range.end
            };
            let learns_a_skill = phrase == "learn"
                && toks.get(to).is_some_and(|t| t.lower == "to")
                && toks.get(to + 1).is_some_and(|t| t.has_tag("VB"));
            // "learn 10 new words a week": what is learnt is counted.
            let counted_learning = phrase == "learn"
                && cx.has_indicator(&[IndicatorKind::Count, IndicatorKind::Criterion]);
            if !measured && !learns_a_skill && !counted_learning {
                let shown = if as_infinitive {
                    format!("to {phrase}")
                } else {
                    phrase.to_string()
                };
                hits.push(Hit {
                    span: cx.a.byte_span(range),
                    message: format!(
                        "'{shown}' describes a state of mind nobody can see; the guidance asks for strong verbs that imply action"
                    ),
                    suggestion: "Say what the person will do that shows it, e.g. 'will attend school on 4 of 5 days', 'will tell her worker one thing she has learnt'".to_string(),
                    repair: None,
                });
            }
        } else if let Some(object) = cx
            .frame
            .object
            .clone()
            // "have improved nutrition": the participle can hide the object.
            .or_else(|| Some(head + 1..(head + 4).min(toks.len())))
            .filter(|_| {
                ["have", "gain", "show", "demonstrate", "display", "exhibit", "experience"]
                    .iter()
                    .any(|v| toks[head].is(v))
                    // "To have better sleep, I want to reduce ...": a purpose
                    // before the clause whose action counts.
                    && cx.frame.wish.is_none_or(|w| w < head)
                    && !purpose_first(cx, head)
            })
        {
            let object = &object;
            let state_noun = (toks[head].is("have") || toks[head].is("gain"))
                .then(|| {
                    object
                        .clone()
                        .find(|&k| contains(&lex.state_nouns, toks[k].lemma()))
                })
                .flatten();
            // "have less pain", "demonstrate improved mobility", "show a better
            // attitude": a state compared with nothing, held rather than done.
            let compared_state = || {
                let mut k = object.start;
                while k < object.end && matches!(toks[k].pos, "DT" | "PRP$") {
                    k += 1;
                }
                (k + 1 < object.end.min(toks.len())
                    && contains(&lex.vague_comparatives, &toks[k].lower)
                    && !matches!(toks[k].lower.as_str(), "some" | "more" | "further" | "fewer")
                    // "have fewer arguments": events, counted; a state is one thing.
                    && toks[k + 1].pos.starts_with("NN")
                    && !toks[k + 1].pos.starts_with("NNS")
                    && !cx.is_quantified())
                .then(|| {
                    // The whole noun: "less back pain".
                    let mut n = k + 1;
                    while n + 1 < object.end.min(toks.len()) && toks[n + 1].pos.starts_with("NN") {
                        n += 1;
                    }
                    n
                })
            };
            if let Some(k) = state_noun.or_else(compared_state) {
                if !measured {
                    hits.push(Hit {
                        span: toks[head].span.start..toks[k].span.end,
                        message: format!(
                            "'{}' describes a state, not an action; the guidance asks for strong verbs that imply action",
                            cx.slice(head..k + 1)
                        ),
                        suggestion: "Name the behaviour that would show it, e.g. 'will do up three buttons on her coat without help'".to_string(),
                        repair: None,
                    });
                }
            }
        }
        // "I want to walk 30 minutes 5 times a week": a wish around an action that
        // is counted or timed is a goal in the first person; the action is judged.
        let detailed_action = cx.is_quantified() || cx.has_concrete_time();
        if hits.is_empty() {
            if let Some(w) = cx.frame.wish {
                if (toks[w].is("want")
                    || toks[w].is("wish")
                    || toks[w].is("hope")
                    || toks[w].is("like"))
                    && !detailed_action
                {
                    hits.push(Hit {
                        span: toks[w].span.clone(),
                        message: format!("'{}' states a wish, not an action someone will take", toks[w].lower),
                        suggestion: "Drop the wish and say what will be done: 'I will read for 20 minutes every day'".to_string(),
                        repair: None,
                    });
                } else if [
                    "try",
                    "attempt",
                    "strive",
                    "aim",
                    "work",
                    "seek",
                    "endeavour",
                    "endeavor",
                ]
                .iter()
                .any(|v| toks[w].is(v))
                {
                    // "Mum will try to get the children to school on time": nobody can
                    // tell whether trying was done.
                    hits.push(Hit {
                        span: toks[w].span.clone(),
                        message: format!(
                            "'{}' hedges: an attempt cannot be checked, only what is done",
                            toks[w].lower
                        ),
                        suggestion: "Drop the hedge and say what will be done: 'Mum will get the children to school by 8.45am every school day'".to_string(),
                        repair: None,
                    });
                }
            }
        }
        hits
    }
}

/// True when the verb at `head` opens a leading purpose clause: "To have
/// better sleep, I will ...". The clause after the comma holds the action.
fn purpose_first(cx: &Context<'_>, head: usize) -> bool {
    let toks = &cx.a.tokens;
    head >= 1
        && toks[head - 1].lower == "to"
        && toks[..head - 1]
            .iter()
            .all(|t| t.pos == "IN" || t.lower == "in")
        && toks[head..].iter().any(|t| t.lower == ",")
}

crate::rule_examples_test!(super::WeakVerb);

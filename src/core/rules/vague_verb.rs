//! `vague-verb` (S): a general outcome verb ("engage with", "support", "improve",
//! "work on") with no figure that says how much.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;

pub struct VagueVerb;

impl Rule for VagueVerb {
    fn id(&self) -> RuleId {
        RuleId::VagueVerb
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A general outcome verb ('engage', 'support', 'improve', 'work on') instead of a detailed action"
    }
    fn guidance(&self) -> &'static str {
        "S = Specific: detailed, not general, outcomes; say exactly what tasks/actions will be done. Actions in plans have often been vague, non-measurable and have lacked direction."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Health visitor will monitor the situation every week",
                "Mum to engage with services ongoing",
                "Adam will improve his attendance.",
                "Maisie's communication will improve.",
                "Liaise with XYZ supplier.",
                "Dad will work on his anger by March",
                "I will try harder in school.",
                "Social worker will monitor the home conditions",
                "I will be nicer.",
                // A quality of the person, even on a recurring occasion.
                "At lunchtime, Sam will be considerate towards other pupils.",
                "I will walk more.",
                // A change of degree as the whole action.
                "Dad will cook healthier",
                "Priya will grow stronger",
                "Omar will get fit",
                "increase intensity and duration of exercise",
                "Mum will continue to engage with services",
                "Liam will make good use of his time in lessons",
                "Social worker to keep an eye on the baby's feeding ongoing",
                "keep fit by doing exercise twice a week",
                "I will become a doctor in 4 years because my parents said so.",
                "Children to be safe",
                "Ellie will be safe and happy at home",
                "Parents to remain calm during contact",
                "Kayleigh will become more confident",
                "Mum to keep the house clean and tidy",
                "Dad will make the home safe for the baby",
                "Kai will do well in his exams this term",
                "Ella would benefit from extra help in class",
                // A success rate at an unnamed task says how well, not what is done.
                "Noah will improve his writing skills with 90% accuracy by June",
                // A feeling or a recovery as the goal, even with a date.
                "Leo will live a happy life by 2030",
                "Sophie will recover from the operation by March",
            ],
            allows: &[
                // Happy to do something is willing to do it; a part recovered is named.
                "Zac will be happy to read aloud to the class on 3 of 5 Fridays by July",
                "Sophie will recover her full range of movement in her left knee by March",
                // A state reached, sized on a named measure from a baseline.
                "Omar will get fit, scoring 8 on the step test, up from 5, by 30 June",
                "Ruth will become more independent in dressing, scoring 6 on the daily living checklist, up from 3, by the end of term",
                "Ella will access the quiet room when upset, on 4 of 5 occasions by July",
                "Dad commits to cycling to work on 3 days a week from March",
                "I will monitor my blood sugar before breakfast, lunch and dinner every day",
                "Client will keep a PHQ-9 score ≤ 9, sustained across two consecutive administrations",
                "In 4 weeks, I will increase my math mark by 5%.",
                "the child will achieve attendance of 90% on days where they have Spanish lessons in the next 8 weeks.",
                "Joyce will attend a 6 week parenting group delivered by the Avedon Team beginning on 1st July",
                "increase the duration of jogging to 45 minutes, once per week, every saturday.",
                "improve living environment by completing repairs, including fixing taps",
                "reduce oil intake during festive season",
                "continue swimming and aquatic exercises once a week",
                "limit the frequency of snacking on crisps to twice a week",
                "Dad will keep attending the alcohol service every Tuesday",
                "Sam will be in bed by 8pm every school night",
                "Jamie will be ready for school by 8.30am every weekday",
                "Mum will be present at every core group meeting",
                "Mum will keep all medicines safe in a locked cupboard",
                "Mum will keep the kitchen clean by washing up after every meal",
                "Mum will keep the kitchen floor clear of rubbish, checked at weekly visits",
                "Ruby will feel safe at school, scoring at least 7 out of 10 on her weekly safety scale",
                "Sam will work on walking to school on 3 days a week until half term",
                // Of degree, with its figure: "run longer" measured.
                "Ben will swim longer, 20 lengths a session by May",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        let lex = cx.lexicon;
        let toks = &cx.a.tokens;
        if cx.frame.copula {
            // "I will be nicer", "be more physically active": a state, not a behaviour.
            let next = toks
                .get(head + 1..(head + 4).min(toks.len()))
                .unwrap_or(&[]);
            if let Some(t) = next.iter().find(|t| {
                t.pos == "JJR" || t.pos == "RBR" || contains(&lex.vague_comparatives, &t.lower)
            }) {
                if !cx.is_quantified() {
                    return vec![Hit {
                        span: toks[head].span.start..t.span.end,
                        message: format!(
                            "'{}' is a general state, not a behaviour anyone can see",
                            &cx.text()[toks[head].span.start..t.span.end]
                        ),
                        suggestion:
                            "Name the behaviour: 'I will use kind words when I talk to my sister'"
                                .to_string(),
                        repair: None,
                    }];
                }
            }
        }
        // "the children will be safe", "to remain calm": a general state to hope
        // for, not a behaviour anyone can see.
        let stative = cx.frame.copula || matches!(toks[head].lemma(), "remain" | "stay" | "become");
        if stative && !cx.is_quantified() {
            let state = toks
                .get(head + 1..(head + 4).min(toks.len()))
                .unwrap_or(&[])
                .iter()
                .find(|t| !t.pos.starts_with("RB"))
                .filter(|t| {
                    contains(&lex.general_states, &t.lower)
                        || contains(&lex.general_states, t.lemma())
                });
            if let Some(t) = state {
                return vec![Hit {
                    span: toks[head].span.start..t.span.end,
                    message: format!(
                        "'{}' is a general state to hope for, not a behaviour anyone can see: what will someone do so that it is true?",
                        &cx.text()[toks[head].span.start..t.span.end]
                    ),
                    suggestion: "Name the behaviour that keeps it true: 'Mum will lock the medicines in the kitchen cupboard every evening'".to_string(),
                    repair: None,
                }];
            }
        }
        if cx.frame.copula {
            return Vec::new();
        }
        // "keep the house clean", "make the home safe": a state for something to
        // be in, unless a means or a place says how ("keep medicines safe in a
        // locked cupboard").
        if matches!(toks[head].lemma(), "keep" | "make" | "get")
            && !cx.is_quantified()
            && !cx.has_means_clause()
        {
            let end = (head + 6).min(toks.len());
            let state = (head + 1..end)
                .find(|&k| {
                    !(toks[k].pos == "DT"
                        || toks[k].pos.starts_with("PRP")
                        || toks[k].pos == "POS"
                        || (toks[k].is_noun() || toks[k].pos.starts_with("JJ"))
                            && !contains(&lex.general_states, &toks[k].lower))
                })
                .filter(|&k| k > head + 1 && contains(&lex.general_states, &toks[k].lower));
            let place_follows = |k: usize| {
                toks.get(k + 1).is_some_and(|t| {
                    matches!(
                        t.lower.as_str(),
                        "in" | "on" | "out" | "under" | "behind" | "inside" | "away"
                    )
                })
            };
            if let Some(k) = state.filter(|&k| !place_follows(k)) {
                let phrase = &cx.text()[toks[head].span.start..toks[k].span.end];
                return vec![Hit {
                    span: toks[head].span.start..toks[k].span.end,
                    message: format!(
                        "'{phrase}' names a state for something to be in, not what will be done to keep it so"
                    ),
                    suggestion: "Name the task and how often: 'Mum will wash up after each evening meal and empty the kitchen bin every Tuesday'".to_string(),
                    repair: None,
                }];
            }
        }
        // "walk more", "read more", "eat less": more of an activity, not a detailed
        // task; "cook healthier", "grow stronger", "swim longer": a change of degree
        // that says how it will differ, not what will be done.
        if let Some(next) = toks.get(head + 1) {
            let degree = (next.pos == "JJR" || next.pos == "RBR")
                && contains(&lex.vague_comparatives, &next.lower)
                && !matches!(next.lower.as_str(), "fewer" | "further");
            let bare_comparative = (matches!(
                next.lower.as_str(),
                "more" | "less" | "better" | "harder" | "faster"
            ) || degree)
                && toks
                    .get(head + 2)
                    .is_none_or(|t| t.is_punct() || !t.is_noun());
            if bare_comparative && !cx.is_quantified() {
                return vec![Hit {
                    span: toks[head].span.start..next.span.end,
                    message: format!(
                        "'{}' asks for more of an activity, not a detailed task: how, when and how much are left open",
                        &cx.text()[toks[head].span.start..next.span.end]
                    ),
                    suggestion: "Name the task and its size: 'I will walk for 20 minutes every morning'".to_string(),
                    repair: None,
                }];
            }
        }
        // Made concrete by its means: "develop her social skills by using kind hands".
        if cx.has_means_clause() {
            return Vec::new();
        }
        // "continue swimming": the swimming is the action; "continue to engage": the engaging.
        let head = cx.action_verb().unwrap_or(head);
        if let (None, Some((phrase, range))) = (
            cx.phrase_at(&lex.vague_verbs, head),
            cx.phrase_at(&lex.change_verbs, head),
        ) {
            // A change verb names what changes; only a missing or general object is vague.
            let is_general = |k: usize| {
                let w = toks[k].lemma();
                contains(&lex.generic_objects, w)
                    || contains(&lex.state_nouns, w)
                    || contains(&lex.generic_objects, &toks[k].lower)
            };
            let general = match &cx.frame.object {
                None => true,
                Some(o) => {
                    let head = o
                        .clone()
                        .take_while(|&k| toks[k].lower != "of")
                        .filter(|&k| toks[k].is_noun())
                        .last();
                    // "the intensity of exercise": the exercise says what changes.
                    let of_what = head
                        .filter(|&k| contains(&lex.attribute_nouns, toks[k].lemma()))
                        .and_then(|k| {
                            (k + 1..toks.len())
                                .find(|&j| toks[j].lower == "of")
                                .filter(|&j| j <= k + 4)
                        })
                        .and_then(|of| {
                            (of + 1..toks.len())
                                .take_while(|&j| {
                                    toks[j].is_noun()
                                        || toks[j].pos.starts_with("JJ")
                                        || toks[j].pos == "DT"
                                        || toks[j].pos == "VBG"
                                })
                                .filter(|&j| toks[j].is_noun() || toks[j].pos == "VBG")
                                .last()
                        });
                    match (head, of_what) {
                        (_, Some(k)) => is_general(k),
                        (Some(k), None) => is_general(k),
                        (None, None) => true,
                    }
                }
            };
            if !general || quantifies_the_change(cx) {
                return Vec::new();
            }
            return vec![Hit {
                span: cx.a.byte_span(range),
                message: format!("'{phrase}' with no detailed object is a general outcome: what exactly will change?"),
                suggestion: "Name what will change and by how much: 'increase attendance from 70% to 90%'".to_string(),
                repair: None,
            }];
        }
        let Some((phrase, range)) = cx.phrase_at(&lex.vague_verbs, head) else {
            return Vec::new();
        };
        let verb = phrase.split_whitespace().next().unwrap_or(phrase);
        // A change verb's figure must say how much changes; another verb's any figure.
        let quantified = if contains(&lex.change_verbs, verb) {
            quantifies_the_change(cx)
        } else {
            cx.is_quantified()
        };
        // "improve", or the whole phrase: "get fit" (but not "get better").
        let excused_by_a_figure = contains(&lex.quantified_vague_verbs, verb)
            || contains(&lex.quantified_vague_verbs, phrase);
        if excused_by_a_figure && quantified {
            return Vec::new();
        }
        // "monitor my blood sugar before each meal": measuring a quantity on a
        // schedule is a task.
        if verb == "monitor"
            && cx.has_concrete_time()
            && !cx.phrases(&lex.measured_quantities).is_empty()
        {
            return Vec::new();
        }
        vec![Hit {
            span: cx.a.byte_span(range),
            message: format!(
                "'{phrase}' is a general outcome, not a detailed action: nobody can tell when it has been done"
            ),
            suggestion: format!(
                "Replace '{phrase}' with the task itself and how much: e.g. 'attend the weekly group on Tuesdays', 'increase attendance from 70% to 90%'"
            ),
            repair: None,
        }]
    }
}

/// True when a figure says how much the thing changes. A rate of success at
/// an unnamed task ("improve her spelling skills with 90% accuracy", "80% of the
/// time") says how well, not what is done, so it does not count.
fn quantifies_the_change(cx: &Context<'_>) -> bool {
    use crate::core::analysis::QUANTITY_KINDS;
    use crate::core::measure::IndicatorKind;
    const SUCCESS_RATES: &[&str] = &[
        "accuracy",
        "accurate",
        "accurately",
        "of the time",
        "of opportunities",
        "of trials",
    ];
    let text = cx.text();
    cx.indicators.iter().any(|i| {
        let after = text[i.span.end..].trim_start().to_lowercase();
        let success_rate = i.kind == IndicatorKind::Percentage
            && SUCCESS_RATES.iter().any(|w| after.starts_with(w));
        QUANTITY_KINDS.contains(&i.kind) && !success_rate
    })
}

crate::rule_examples_test!(super::VagueVerb);

//! `generic-object` (S): the action's object is a general category that leaves open
//! what exactly will be done ("engage with services", "take medication",
//! "develop an effective relationship").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;
use crate::core::nlp::ChunkKind;

pub struct GenericObject;

impl Rule for GenericObject {
    fn id(&self) -> RuleId {
        RuleId::GenericObject
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "The object is a general category ('services', 'support', 'medication') with nothing saying which"
    }
    fn guidance(&self) -> &'static str {
        "S = Specific: detailed, not general, outcomes; clarity for all involved in an action plan; say exactly what tasks/actions will be done."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will engage with services",
                "Develop an effective relationship.",
                "take medications daily at 10am",
                "take medication every day using the app reminder",
                "exercise daily for at least 1 hour",
                "To get all equipment in a good state",
                "exercising every day for at least 1.5 hours",
                "continue moderate intensity exercise two days a week, one hour each",
                "start exercising",
                "set daily reminders and take medication consistently",
                "establish a consistent routine by taking medication daily",
                "exercising every day for at least 1.5 hours (75% confident)",
                // A gerund with its own general object is a verb, not a kind of activity.
                "Taking medication twice a day",
            ],
            allows: &[
                "Mia will work on tidying her bedroom for 10 minutes each evening this month",
                "Mr Green will shower with the support of one carer twice a week",
                "take statin medications daily",
                "do exercises 4 times a week, including walking, stretches and knee exercises",
                "do physical activity every day in the form of brisk walking or tai chi",
                "complete 4 times of exercise per week (30 minutes of aerobic + 5 minutes of resistance)",
                "for XXX to develop her social skills by using kind hands and feet on 3 out of 5 occasions",
                "Mum will attend the Incredible Years parenting course every Tuesday",
                "Amy will attend school on 4 of 5 school days each week",
                "Kim will improve her behaviour from 3 to 5 on the Boxall Profile by July",
                "do the exercises shown in educational videos at least two days a week",
                "stretching exercises at work for 5 minutes every day",
                "I will cycle to work on three days each week this term",
                "Sam will show an improvement in his spelling test scores from 4 to 8 by June",
                "reduce fruit juice intake to one glass a day",
                "explore educational content on the app by watching at least 2 videos until next meeting",
                "Priya will go to the Brightwell activities every Saturday morning this term",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let main = main_object(cx);
        if !main.is_empty() {
            return main;
        }
        // Every further action, and the means, needs a detailed object too: "set
        // reminders and take medication", "establish a routine by taking medication".
        let means = cx.means_clauses().map(|k| k + 1);
        cx.actions()
            .into_iter()
            .skip(1)
            .chain(means)
            .filter(|&v| !cx.a.tokens[v].is("be"))
            .find_map(|v| cx.generic_noun_phrase(v + 1))
            .map(|np| hit(cx, cx.a.byte_span(np)))
            .into_iter()
            .collect()
    }
}

/// The finding for the head verb's own object, if it is general.
fn main_object(cx: &Context<'_>) -> Vec<Hit> {
    let Some(head) = cx.frame.head else {
        return Vec::new();
    };
    let lex = cx.lexicon;
    let toks = &cx.a.tokens;
    // "shower with the support of one carer": who helps, not what is done.
    if let Some(o) = &cx.frame.object {
        let helped = |k: usize| {
            toks.get(k)
                .is_some_and(|t| matches!(t.lemma(), "support" | "help" | "assistance" | "aid"))
                && toks
                    .get(k + 1)
                    .is_some_and(|t| matches!(t.lower.as_str(), "of" | "from"))
        };
        let first = if toks[o.start].pos == "DT" {
            o.start + 1
        } else {
            o.start
        };
        if o.start > 0 && toks[o.start - 1].lower == "with" && helped(first) {
            return Vec::new();
        }
    }
    // Spelled out after the object: "including ...", "such as ...", "(walking)", "by using ...".
    let end_of_object = cx.frame.object.as_ref().map_or(head + 1, |o| o.end);
    let specified_after = toks[end_of_object.min(toks.len())..]
        .iter()
        .take_while(|t| t.sentence == toks[head].sentence)
        .enumerate()
        .any(|(k, t)| {
            let next = toks.get(end_of_object + k + 1);
            matches!(
                t.lower.as_str(),
                "including" | "like" | ":" | "e.g." | "eg" | "namely" | "i.e."
            ) || (t.lower == "form" && next.is_some_and(|n| n.lower == "of"))
                    // "(walking)", "(30 minutes of aerobic)", not "(75% confident)"
                    || (t.lower == "(" && names_a_thing(cx, end_of_object + k + 1))
                    || (k == 0 && (t.pos == "VBN" || t.pos == "VBG") && t.chunk == ChunkKind::Verb)
                    || (t.lower == "such"
                        && toks
                            .get(end_of_object + k + 1)
                            .is_some_and(|n| n.lower == "as"))
                    || (t.lower == "by"
                        && next.is_some_and(|n| n.pos == "VBG")
                        && !cx.is_generic_activity(end_of_object + k + 1))
        });
    // "stretching exercises ...": a goal written as a noun phrase, an activity
    // led by the kind it is. "exercising every day" is still only the general
    // activity, and "taking medication" a verb and its general object.
    let nominal = cx.frame.anchor == crate::core::frame::Anchor::Imperative
        && (toks[head].pos == "VBG" || toks[head].has_tag("VBG"))
        && !contains(&lex.generic_objects, toks[head].lemma())
        && toks
            .get(head + 1)
            .is_some_and(|t| contains(&lex.activity_nouns, t.lemma()));
    let placed = cx.is_placement(head, end_of_object);
    // "walk to work", "cycle to school": the place a journey goes to.
    let destination = contains(&lex.journey_verbs, toks[head].lemma())
        && cx
            .frame
            .object
            .as_ref()
            .is_some_and(|o| o.start > 0 && toks[o.start - 1].lower == "to");
    // "improve behaviour from 2 to 4 on the Boxall Profile": a change from a
    // baseline read on a named measure says exactly what is counted.
    let object_end_byte = toks[(end_of_object.min(toks.len())).saturating_sub(1)]
        .span
        .end;
    let measured_change = cx.indicators.iter().any(|i| {
        i.kind == crate::core::measure::IndicatorKind::Baseline
            && i.span.start >= object_end_byte
            && cx
                .methods
                .iter()
                .any(|m| m.start >= i.span.start && m.start <= i.span.end + 4)
    });
    if specified_after
        || nominal
        || placed
        || destination
        || measured_change
        || cx.has_means_clause()
    {
        return Vec::new();
    }
    // "start exercising", "continue to exercise": the activity is the action.
    if let Some(action) = cx.action_verb().filter(|&a| a != head) {
        if cx.is_generic_activity(action) {
            return vec![hit(cx, toks[action].span.clone())];
        }
    }
    // "for at least 1 hour", "for 20 minutes": a quantity, not a thing acted on.
    // A quantity after the thing ends it: "exercise | two days a week".
    let object = cx
        .frame
        .object
        .as_ref()
        .map(|o| {
            o.start
                ..(o.start + 1..o.end)
                    .find(|&k| toks[k].is_number())
                    .unwrap_or(o.end)
        })
        .filter(|o| {
            let first = &toks[o.start];
            let last = &toks[o.end - 1];
            !(first.is_number() || first.lower == "at" || contains(&lex.units, &last.lower))
        });
    let Some(object) = object else {
        // A generic activity as the verb itself: "exercise daily".
        let t = &toks[head];
        // "work on ...": a phrasal verb, not the activity "work" (vague-verb speaks).
        let phrasal = cx
            .phrase_at(&lex.vague_verbs, head)
            .is_some_and(|(_, r)| r.len() > 1);
        if contains(&lex.generic_objects, t.lemma()) && !cx.frame.copula && !phrasal {
            return vec![hit(cx, t.span.clone())];
        }
        return Vec::new();
    };
    // The head noun of the object's first noun phrase (before "of").
    let mut last_noun = None;
    for k in object.clone() {
        let t = &toks[k];
        if t.lower == "of" || t.pos == "POS" {
            break;
        }
        if t.is_noun() || t.has_tag("NN") {
            last_noun = Some(k);
        }
    }
    let Some(mut noun) = last_noun else {
        return Vec::new();
    };
    // "medication use", "fruit intake": the thing is the noun before the use.
    if contains(&lex.use_nouns, toks[noun].lemma())
        && noun > object.start
        && toks[noun - 1].is_noun()
    {
        noun -= 1;
    }
    // "an improvement in mood": the change of the thing named after it.
    if lex.names_a_change(toks, noun)
        || !(contains(&lex.generic_objects, &toks[noun].lower)
            || contains(&lex.generic_objects, toks[noun].lemma()))
    {
        return Vec::new();
    }
    let specified_by_modifier = (object.start..noun).any(|k| {
        let t = &toks[k];
        let word = t.lower.as_str();
        // A capitalised word the tagger does not know is a name: "Oakfield work".
        let unknown_name =
            t.pos == "UNKNOWN" && cx.text()[t.span.clone()].starts_with(char::is_uppercase);
        let is_modifier = t.is_noun()
            || t.pos.starts_with("JJ")
            || t.is_proper_noun()
            || t.pos == "VBG"
            || unknown_name;
        is_modifier
            && t.chunk == ChunkKind::Noun
            && !contains(&lex.nonspecific_modifiers, word)
            && !contains(&lex.generic_objects, word)
            && !t.pos.starts_with("DT")
            && !t.pos.starts_with("PRP")
    });
    if specified_by_modifier {
        return Vec::new();
    }
    vec![hit(cx, cx.a.byte_span(object.start..noun + 1))]
}

/// True when the bracket opened just before `from` names something other than
/// a quantity or the person's confidence.
fn names_a_thing(cx: &Context<'_>, from: usize) -> bool {
    cx.a.tokens[from.min(cx.a.tokens.len())..]
        .iter()
        .take_while(|t| t.lower != ")")
        .any(|t| {
            (t.is_noun() || t.pos == "VBG")
                && !contains(&cx.lexicon.units, &t.lower)
                && !t.lower.starts_with("confiden")
                && t.lower != "level"
                && !t.lower.starts_with(|c: char| c.is_ascii_digit())
        })
}

fn hit(cx: &Context<'_>, span: std::ops::Range<usize>) -> Hit {
    Hit {
        message: format!("'{}' is a general category: it does not say exactly what will be done", &cx.text()[span.clone()]),
        suggestion: "Name the exact thing: which service, which medication, which activity (e.g. 'the Tuesday parenting group', 'statins', 'a 20-minute walk')".to_string(),
        span,
        repair: None,
    }
}

crate::rule_examples_test!(super::GenericObject);

//! verb-as-subject: who acts is a noun phrase. Before the first modal of a
//! clause there must be a noun or pronoun, not a verb form, a "to" or a
//! preposition ("Mum to will", "Needs will", or nothing at all), and the
//! phrase does not open with a word that can only be a verb ("Encourage
//! patient will").

use super::{grammar_examples_test, is_modal, sentences};
use super::{GrammarExamples, GrammarId, GrammarRule};
use crate::core::nlp::{Analysis, Token};
use std::ops::Range;

pub struct VerbAsSubject;

/// Can this token end a noun phrase?
fn ends_noun_phrase(t: &Token) -> bool {
    let nominal = |tag: &str| {
        tag.starts_with("NN") || tag.starts_with("PRP") || tag == "CD" || tag == "UNKNOWN"
    };
    match t.pos {
        p if nominal(p) => true,
        // "Parents" may be read as a verb; a noun reading is enough.
        p if p.starts_with("VB") => {
            t.tags.iter().any(|tag| nominal(tag)) && !t.lower.ends_with("ing")
        }
        "JJ" => t.tags.iter().any(|tag| nominal(tag)),
        _ => t.lower.chars().next().is_some_and(char::is_uppercase),
    }
}

impl GrammarRule for VerbAsSubject {
    fn id(&self) -> GrammarId {
        GrammarId::VerbAsSubject
    }
    fn summary(&self) -> &'static str {
        "the subject is a noun phrase, not a verb form"
    }
    fn examples(&self) -> GrammarExamples {
        GrammarExamples {
            broken: &[
                "Mum to will attend the clinic.",
                "Will attend the clinic every Tuesday.",
                "With will attend the clinic.",
                "Sam Taylor attending will go to the clinic.",
                "Encourage Ben will drink more water, at least 3 times a week.",
            ],
            sound: &[
                "Mum will attend the clinic every Tuesday.",
                "Parents will meet the school twice a week.",
                "I will walk for 30 minutes on 5 days a week.",
                "When taking part in an activity, Sam will wait for his turn.",
                "By 31 March 2027, Mum and Dad will have no more than 3 arguments a week.",
                "Sam Taylor at the school nursing service will weigh Ellie every two weeks.",
                "Support staff will encourage Mr Ali to eat 3 meals a day.",
            ],
        }
    }
    fn check(&self, a: &Analysis) -> Vec<Range<usize>> {
        let toks = &a.tokens;
        let mut out = Vec::new();
        for sentence in sentences(a) {
            let Some(m) = sentence.clone().find(|&i| is_modal(&toks[i])) else {
                continue;
            };
            // The clause starts after the last comma before the modal.
            let start = (sentence.start..m)
                .rev()
                .find(|&i| matches!(toks[i].lower.as_str(), "," | ";" | ":"))
                .map_or(sentence.start, |c| c + 1);
            match (start..m).last() {
                None => out.push(m..m + 1),
                Some(last) if !ends_noun_phrase(&toks[last]) => out.push(last..m + 1),
                // "Encourage patient will": an instruction read as a subject.
                Some(last) if last > start && toks[start].is_only_a_verb() => {
                    out.push(start..m + 1)
                }
                // "Sam Taylor attending will": a name, then a verb form.
                Some(last)
                    if last > start
                        && toks[last].has_tag("VBG")
                        && toks[last - 1].is_proper_noun() =>
                {
                    out.push(last..m + 1)
                }
                Some(_) => {}
            }
        }
        out
    }
}

grammar_examples_test!(super::VerbAsSubject);

//! `outside-control` (A): the person named is made answerable for someone else's
//! behaviour ("Mum will ensure John never ...", "Dad will make Sam go to bed").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::frame::names_person;
use crate::core::nlp::ChunkKind;

pub struct OutsideControl;

impl Rule for OutsideControl {
    fn id(&self) -> RuleId {
        RuleId::OutsideControl
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "The named person is made answerable for someone else's behaviour"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: actions must be in the control or influence of the people who are named in the action."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will ensure John never misses school",
                "Dad will make sure that Sam goes to bed by 8pm every night",
                "Mum will make Kyle attend school every day",
                "Mum to ensure Tom attends school",
            ],
            allows: &[
                "Mum will walk John to school every morning by 8:45",
                "Mum will ensure the kitchen is cleaned every evening",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let toks = &cx.a.tokens;
        let start = cx.frame.head.unwrap_or(cx.frame.clause_start);
        for i in start..toks.len() {
            let Some((phrase, range)) = cx.phrase_at(&cx.lexicon.control_verbs, i) else {
                continue;
            };
            if !toks[i].is_verb() {
                continue;
            }
            let mut k = range.end;
            if toks.get(k).is_some_and(|t| t.lower == "that") {
                k += 1;
            }
            let mut e = k;
            // The chunker may take the other person's finite verb into their
            // noun phrase ("Tom attends school"): it ends there.
            while e < toks.len()
                && toks[e].chunk == ChunkKind::Noun
                && !matches!(toks[e].pos, "VBZ" | "VBP" | "VBD" | "MD")
            {
                e += 1;
            }
            let other = k..e;
            let followed_by_verb = toks.get(e).is_some_and(|t| {
                t.is_verb() || t.has_tag("VB") || t.lower == "never" || t.lower == "not"
            });
            let same_as_subject = cx.frame.subject.as_ref().is_some_and(|s| {
                cx.slice(s.clone())
                    .eq_ignore_ascii_case(cx.slice(other.clone()))
            });
            if !other.is_empty()
                && followed_by_verb
                && names_person(cx.a, &other, cx.lexicon)
                && !same_as_subject
            {
                return vec![Hit {
                    span: toks[i].span.start..toks[e.min(toks.len() - 1)].span.end,
                    message: format!(
                        "'{phrase} {}' makes the person named answerable for what {} does, which is outside their control",
                        cx.slice(other.clone()),
                        cx.slice(other)
                    ),
                    suggestion: "Name what the person will do themselves, e.g. 'Mum will walk John to school at 8.30 each morning'".to_string(),
                    repair: None,
                }];
            }
        }
        Vec::new()
    }
}

crate::rule_examples_test!(super::OutsideControl);

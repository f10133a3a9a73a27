//! `passive-without-agent` (S): a passive with nobody named as doing it ("The house
//! will be cleaned", "John will be taken to school").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::frame::names_person;

pub struct PassiveWithoutAgent;

impl Rule for PassiveWithoutAgent {
    fn id(&self) -> RuleId {
        RuleId::PassiveWithoutAgent
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A passive ('will be cleaned') that does not say who will do it"
    }
    fn guidance(&self) -> &'static str {
        "Specific: state what is to be done, by whom, where and when; name the individual who will carry out the task."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "The house will be cleaned by Friday",
                "John will be taken to school every day",
                "Joshua is always supervised by a safe adult",
                "Falls will be reduced by 20 per cent by March",
            ],
            allows: &[
                "John will be taken to school every day by his dad",
                "After college, Sam will be employed as a teaching assistant",
                "Mum will clean the kitchen every Friday",
                "Writing a leaflet that can be understood at a low reading level by May",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if !cx.frame.passive {
            return Vec::new();
        }
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        // "student will be employed as a teacher": a status the person reaches.
        let person = matches!(cx.owner, Some(crate::core::frame::Owner::Person));
        if person && cx.phrase_at(&cx.lexicon.status_participles, head).is_some() {
            return Vec::new();
        }
        let span = cx.a.tokens[head].span.clone();
        match &cx.frame.agent {
            Some(agent) if names_person(cx.a, agent, cx.lexicon) => Vec::new(),
            Some(agent) => vec![Hit {
                span: cx.a.byte_span(agent.clone()),
                message: format!(
                    "'{}' does not name the person who will do this",
                    cx.slice(agent.clone())
                ),
                suggestion: "Name the adult: 'by Grandma or Dad'".to_string(),
                repair: None,
            }],
            None => vec![Hit {
                message: format!(
                    "'{}' says what will happen but not who will do it",
                    &cx.text()[span.clone()]
                ),
                suggestion: "Say who: '[named person] will ...'".to_string(),
                span,
                repair: None,
            }],
        }
    }
}

crate::rule_examples_test!(super::PassiveWithoutAgent);

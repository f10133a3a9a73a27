//! `thing-as-subject` (S): a thing or an abstraction is the subject, so nobody is
//! named as acting ("Attendance will improve", "Home conditions to improve").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::frame::Owner;

pub struct ThingAsSubject;

impl Rule for ThingAsSubject {
    fn id(&self) -> RuleId {
        RuleId::ThingAsSubject
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A thing, not a person, is the subject ('Attendance will improve')"
    }
    fn guidance(&self) -> &'static str {
        "Who will do this? Be specific: name the individual who will carry out the task. State what is to be done, by whom, where and when."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Attendance will improve to 95% by July",
                "Home conditions to improve by the next core group",
                // A pronoun in a later clause is about someone else.
                "Behaviour to improve so that he can stay in class",
            ],
            allows: &[
                "Maisie's communication will improve.",
                "Mum will take Amy to school by 8.45am every school day",
                "The house will be cleaned by Friday",
                "The young person will be home by 10pm on school nights",
                "The service user will choose her own clothes each morning",
                // Who a programme or an adult plan is for, and children called kids.
                "Participants will attend two exercise classes a week",
                "The kids will be in bed by 8pm on school nights",
                // A negation before the infinitive is no subject at all.
                "Never to hit his sister",
                // A name the dictionary knows as a word, told by "his" or "her".
                "Forest to tidy his bedroom every Saturday",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if cx.frame.head.is_none() || cx.frame.passive {
            return Vec::new(); // no-action and passive-without-agent cover these
        }
        match cx.owner.clone() {
            Some(Owner::Thing(span)) => vec![Hit {
                message: format!(
                    "'{}' is not a person: the objective does not say who will act",
                    &cx.text()[span.clone()]
                ),
                suggestion:
                    "Name the person whose action brings this about: '[named person] will ...'"
                        .to_string(),
                span,
                repair: None,
            }],
            _ => Vec::new(),
        }
    }
}

crate::rule_examples_test!(super::ThingAsSubject);

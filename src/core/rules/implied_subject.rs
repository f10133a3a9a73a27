//! `implied-subject` (S): a specific goal (it says when and how success is seen)
//! with nobody named: "Walk 30 minutes 4 days a week for 3 months". In personal
//! goals, IEP and EHCP outcomes the plan's person is the implied subject, so by
//! default this advises; child protection and early help plans must name who
//! acts, and their presets make it an error.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};

pub struct ImpliedSubject;

impl Rule for ImpliedSubject {
    fn id(&self) -> RuleId {
        RuleId::ImpliedSubject
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "A specific goal that names nobody: the plan's person is implied"
    }
    fn guidance(&self) -> &'static str {
        "Who will do this? Be specific: name the individual who will carry out the task. State what is to be done, by whom, where and when."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Walk 30 minutes 4 days a week for the next 3 months",
                // A measured command with no time: owner and timescale are the plan's.
                "Reduce body weight from 95 kg to 85 kg",
                "Attend 6 of the 8 parenting group sessions by 30 June || kind: child-protection",
            ],
            allows: &[
                "Mum will attend 6 of the 8 parenting group sessions by 30 June",
                "improve social skills",
                "To score 6 in the spelling test",
                "To attend school on 9 of 10 days by Easter || kind: ehcp",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        if cx.frame.subject.is_some() || !cx.is_specific_goal() {
            return Vec::new();
        }
        vec![Hit {
            span: cx.a.tokens[head].span.clone(),
            message: "nobody is named: the goal is specific, but only the plan says who will do it".to_string(),
            suggestion: "Name the person who will act: '[named person] will ...' (an action plan must; an IEP or personal goal may leave it to the plan)".to_string(),
            repair: None,
        }]
    }
}

crate::rule_examples_test!(super::ImpliedSubject);

//! `no-subject` (S): nobody is named as doing a vague action: an imperative or an
//! infinitive with no subject that also leaves open when or how it is measured
//! ("Distribute the policies", "improve social skills"). A specific goal with no
//! subject is `implied-subject`; a thing as the subject is `thing-as-subject`.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct NoSubject;

impl Rule for NoSubject {
    fn id(&self) -> RuleId {
        RuleId::NoSubject
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "No one is named as doing the action (an imperative or infinitive)"
    }
    fn guidance(&self) -> &'static str {
        "Who will do this? Be specific: name the individual who will carry out the task. State what is to be done, by whom, where and when."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "to understand the importance of school",
                "Distribute model school health policies to schools.",
                "improve social skills",
                "Attend the parenting course",
                // With no time, an infinitive or a standard with no amount is not
                // a personal goal's measured command.
                "To score 6 in the spelling test",
                "Put on his coat independently",
                // A negated infinitive names nobody either.
                "Not to shout at the children",
                "To not miss any appointments",
            ],
            allows: &[
                // A specific goal: its owner is the plan's person (implied-subject advises).
                "Walk 30 minutes 4 days a week for the next 3 months",
                "Reduce body weight from 95 kg to 85 kg",
                "John will raise his hand when he wants to ask a question",
                "Mum to take Lily to the dentist by 3 March",
                "for XXX to count from 1 to 5 in sequence on 4 out of 5 occasions by next term",
                "Maisie's communication will improve.",
                // Names the tagger's dictionary does not know are still names.
                "Amira will use a visual timetable to move between activities by Easter",
                "Tyler-Jay will read for 10 minutes every night this term",
                // A job title whose first word can be a verb is still a subject.
                "Support worker to help Sarah fill in her budget sheet every Friday",
                // A title and a surname; a placeholder or initials standing for a name.
                "Ms Adeyemi will visit Kai at home every Tuesday",
                "Dr Khan will review Leo's inhaler use at the clinic on 3 May 2027",
                "[named person] will call the school office every Monday by 10am",
                "(name) will attend school on 9 of 10 days by Easter",
                "X will count to 20 by Friday",
                // A leading condition before the subject.
                "Given a picture stimulus, the student will produce /s/ in 8 of 10 trials by June",
                "By the end of this term, E2 learner X will write 6 simple sentences",
                "After help setting up a planner, and with weekly checks, Stephanie will hand in her homework on time",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new(); // no-action covers objectives with no verb
        };
        // A goal that says when and how it is measured takes its owner from the
        // plan: `implied-subject` advises on it.
        if cx.frame.subject.is_some() || cx.is_specific_goal() {
            return Vec::new();
        }
        vec![Hit {
            span: cx.a.tokens[head].span.clone(),
            message: "nobody is named: the objective does not say who will do this".to_string(),
            suggestion: "Start with the person who will act: '[named person] will ...'".to_string(),
            repair: None,
        }]
    }
}

crate::rule_examples_test!(super::NoSubject);

//! `job-title-only` (S, warning): a job title with no name ("the health visitor will
//! ..."). On most plans the title points to one person, so this advises.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};
use crate::core::frame::Owner;

pub struct JobTitleOnly;

impl Rule for JobTitleOnly {
    fn id(&self) -> RuleId {
        RuleId::JobTitleOnly
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "A job title without a name owns the action"
    }
    fn guidance(&self) -> &'static str {
        "Who will do this? Be specific: name the individual who will carry out the task; ensure all Team members have clear actions."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "The health visitor will weigh Lily every two weeks",
                "Social worker will visit the family every week",
                "Support worker to help Sarah fill in her budget sheet every Friday",
            ],
            allows: &[
                "Sam Jones (health visitor) will weigh Lily every two weeks",
                "Mum will take Lily to the dentist by 3 March",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        match cx.owner.clone() {
            Some(Owner::JobTitle(span)) => vec![Hit {
                message: format!(
                    "'{}' is a job title: add the name of the person who holds it",
                    &cx.text()[span.clone()]
                ),
                suggestion: "Write the name with the role, e.g. '[name] (health visitor)'"
                    .to_string(),
                span,
                repair: None,
            }],
            _ => Vec::new(),
        }
    }
}

crate::rule_examples_test!(super::JobTitleOnly);

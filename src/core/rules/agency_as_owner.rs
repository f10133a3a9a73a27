//! `agency-as-owner` (S): an agency, service or team owns the action ("Social Work
//! will ...", "Health to ..."), not a named person.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::frame::Owner;

pub struct AgencyAsOwner;

impl Rule for AgencyAsOwner {
    fn id(&self) -> RuleId {
        RuleId::AgencyAsOwner
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "An agency or service owns the action instead of a named person"
    }
    fn guidance(&self) -> &'static str {
        "Who will do this? Name the individual who will carry out the task, not simply the agency."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Social Work will visit the family every week",
                "School to send attendance figures to Mum every Friday",
                "CAMHS will offer Amy an appointment by 1st June",
            ],
            allows: &[
                "Ms Patel at the school will send attendance figures to Mum every Friday",
                "Joyce will attend a 6 week parenting group delivered by the Avedon Team beginning on 1st July",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        match cx.owner.clone() {
            Some(Owner::Agency(span)) => vec![Hit {
                message: format!("'{}' is an agency, not a named person", &cx.text()[span.clone()]),
                suggestion: "Name the person at the agency who will do it, e.g. '[named worker] from the school'".to_string(),
                span,
                repair: None,
            }],
            _ => Vec::new(),
        }
    }
}

crate::rule_examples_test!(super::AgencyAsOwner);

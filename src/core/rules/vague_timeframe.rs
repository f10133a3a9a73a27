//! `vague-timeframe` (T): a stand-in for a time ("ongoing", "asap", "as required",
//! "when appropriate", "in due course"), or a date that does not exist ("31/02/2027").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::time::TimeKind;

pub struct VagueTimeframe;

impl Rule for VagueTimeframe {
    fn id(&self) -> RuleId {
        RuleId::VagueTimeframe
    }
    fn criterion(&self) -> Criterion {
        Criterion::T
    }
    fn summary(&self) -> &'static str {
        "A vague stand-in for a time ('ongoing', 'asap', 'as required')"
    }
    fn guidance(&self) -> &'static str {
        "Time bound: not stating 'ongoing' but 'in 2 weeks', 'by end December'. On-going should not feature in the plan - state the date by which the action will be completed and reviewed."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum to engage with services ongoing",
                "Dad will contact the housing officer asap",
                "Health visitor to visit as required",
                "Mum will attend counselling when appropriate",
                "John will see the school nurse in due course",
                "Mum will register Leo with the dentist by 31/02/2027",
                "Dad will fill in the housing form as quickly as possible",
            ],
            allows: &["Dad will phone Mr Ahmed at the housing office by Friday 14 March"],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if cx.has_concrete_time() {
            return Vec::new();
        }
        cx.times
            .iter()
            .filter(|t| matches!(t.kind, TimeKind::Vague | TimeKind::InvalidDate))
            .take(1)
            .map(|t| Hit {
                span: t.span.clone(),
                message: if t.kind == TimeKind::InvalidDate {
                    format!("'{}' is not a real date: there is no such day", &cx.text()[t.span.clone()])
                } else {
                    format!("'{}' is not a timeframe: nobody can tell when this is due", &cx.text()[t.span.clone()])
                },
                suggestion: "Replace it with a date or period: 'in 2 weeks', 'by end December', 'every Monday for 6 weeks'".to_string(),
                repair: None,
            })
            .collect()
    }
}

crate::rule_examples_test!(super::VagueTimeframe);

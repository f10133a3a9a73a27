//! `impossible-date` (T): a date that is on no calendar: "by 31/02/2027",
//! "on 30th February". It reads as a deadline but sets none, and nobody can
//! act on it. Checked with a calendar (`core::dates`), not patterns.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct ImpossibleDate;

impl Rule for ImpossibleDate {
    fn id(&self) -> RuleId {
        RuleId::ImpossibleDate
    }
    fn criterion(&self) -> Criterion {
        Criterion::T
    }
    fn summary(&self) -> &'static str {
        "A date that does not exist ('31/02/2027'), so there is no deadline"
    }
    fn guidance(&self) -> &'static str {
        "Time bound: by when, with deadlines for each stage. Not 'ongoing' but 'in 2 weeks', 'by end December'."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will walk Amy to school every day by 31/02/2027",
                "Dad will book a GP appointment by 30th February",
                "Sam will attend 9 of 10 sessions by 45/13/2027",
            ],
            allows: &[
                "Mum will walk Amy to school every day by 28/02/2027",
                "Dad will book a GP appointment by 29th February 2028",
                "Sam will attend 9 of 10 sessions by 12/31/2027",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        crate::core::dates::impossible_dates(cx.text())
            .into_iter()
            .map(|span| {
                let date = &cx.text()[span.clone()];
                Hit {
                    span,
                    message: format!("'{date}' is not a date on the calendar, so it sets no deadline"),
                    suggestion: "Check the date: the month may not have that many days, or day and month may be swapped".to_string(),
                    repair: None,
                }
            })
            .collect()
    }
}

crate::rule_examples_test!(super::ImpossibleDate);

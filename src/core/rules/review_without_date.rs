//! `review-without-date` (T): "by review", "at the next review" with no date.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::time::TimeKind;

pub struct ReviewWithoutDate;

impl Rule for ReviewWithoutDate {
    fn id(&self) -> RuleId {
        RuleId::ReviewWithoutDate
    }
    fn criterion(&self) -> Criterion {
        Criterion::T
    }
    fn summary(&self) -> &'static str {
        "'At review' or 'by the next review' with no date"
    }
    fn guidance(&self) -> &'static str {
        "Time bound: specific deadlines for each stage, linked to review of progress (not necessarily meeting). State the date by which the action will be completed and reviewed."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will complete the housing form by review",
                "John will attend school at the next review",
            ],
            allows: &["Mum will complete the housing form by the review on 14 March"],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if cx.has_concrete_time() {
            return Vec::new();
        }
        cx.times
            .iter()
            .filter(|t| t.kind == TimeKind::ReviewWithoutDate)
            .take(1)
            .map(|t| Hit {
                span: t.span.clone(),
                message: format!(
                    "'{}' gives no date: when is the review?",
                    &cx.text()[t.span.clone()]
                ),
                suggestion: "Give the date: 'by the review on 14 March'".to_string(),
                repair: None,
            })
            .collect()
    }
}

crate::rule_examples_test!(super::ReviewWithoutDate);

//! `implied-timeframe` (T): a measured goal with no date, period or occasion:
//! "Jackson will write a paragraph of 5 sentences with no more than 2 errors".
//! IEP and EHCP goals take the plan's review year as their timescale, so by
//! default this advises; child protection and early help actions need their own
//! dates, and their presets make it an error.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};

pub struct ImpliedTimeframe;

impl Rule for ImpliedTimeframe {
    fn id(&self) -> RuleId {
        RuleId::ImpliedTimeframe
    }
    fn criterion(&self) -> Criterion {
        Criterion::T
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "A measured goal with no timescale of its own: the plan's review date is implied"
    }
    fn guidance(&self) -> &'static str {
        "Time bound: by when, with deadlines for each stage. Not 'ongoing' but 'in 2 weeks', 'by end December'."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Jackson will write a paragraph of 5 sentences with no more than 2 errors",
                "Sam will read for 20 minutes",
                "Mum will attend 6 of the 8 parenting group sessions || kind: child-protection",
            ],
            allows: &[
                "Jackson will write a paragraph of 5 sentences with no more than 2 errors by June",
                "Mum will attend the parenting group",
                "Mia will read 20 sight words || kind: iep",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if cx.frame.head.is_none() || !cx.times.is_empty() || !cx.has_measure() {
            return Vec::new();
        }
        vec![Hit {
            span: cx.head_span(),
            message: "no timescale of its own: only the plan's review date says by when".to_string(),
            suggestion: "Add by when, e.g. '... by the end of the spring term' (an action plan needs it; an IEP goal may take the plan's year)".to_string(),
            repair: None,
        }]
    }
}

crate::rule_examples_test!(super::ImpliedTimeframe);

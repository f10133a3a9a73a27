//! `jargon` (S, warning): agency-specific language a child or parent would not use
//! ("disguised compliance", "signposting", "parenting capacity").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};

pub struct Jargon;

impl Rule for Jargon {
    fn id(&self) -> RuleId {
        RuleId::Jargon
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "Agency jargon a child or family would not use"
    }
    fn guidance(&self) -> &'static str {
        "What is the issue/concern? Don't use generic language/agency specific language/emotive language; check out that everyone is clear with what is being identified."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will reduce her disguised compliance by March",
                "Worker to signpost Dad to services",
            ],
            allows: &["Mum will tell Ms Khan when she cannot make an appointment, by phone, the day before"],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        cx.phrases(&cx.lexicon.jargon)
            .into_iter()
            .map(|span| Hit {
                message: format!(
                    "'{}' is agency language the family may not share",
                    &cx.text()[span.clone()]
                ),
                suggestion: "Say it in the words the family would use: what will they see happen?"
                    .to_string(),
                span,
                repair: None,
            })
            .collect()
    }
}

crate::rule_examples_test!(super::Jargon);

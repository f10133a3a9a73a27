//! `emotive-language` (S): judging or emotive words ("chaotic", "filthy",
//! "aggressive") that label people instead of naming what the team sees.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct EmotiveLanguage;

impl Rule for EmotiveLanguage {
    fn id(&self) -> RuleId {
        RuleId::EmotiveLanguage
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "Emotive or judging words instead of what the team actually sees"
    }
    fn guidance(&self) -> &'static str {
        "What is the issue/concern? Be specific; name exactly what the Team sees as problematic; don't use generic language/agency specific language/emotive language."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will sort out her chaotic home by June",
                "Dad will stop being aggressive to staff",
            ],
            allows: &[
                "When given a difficult task, Jo will ask for a break using her break card in 4 of 5 lessons",
                "Mum will wash the dishes and clear the kitchen floor every evening for 4 weeks",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        // "a difficult task" describes the task, not the person.
        let descriptive = cx.phrases(&cx.lexicon.descriptive_phrases);
        cx.phrases(&cx.lexicon.emotive)
            .into_iter()
            .filter(|span| {
                !descriptive
                    .iter()
                    .any(|d| d.start <= span.start && span.end <= d.end)
            })
            .map(|span| Hit {
                message: format!("'{}' is emotive: it labels rather than names what the team sees", &cx.text()[span.clone()]),
                suggestion: "Describe the behaviour or condition itself, e.g. 'dirty dishes left overnight', 'shouted at the receptionist'".to_string(),
                span,
                repair: None,
            })
            .collect()
    }
}

crate::rule_examples_test!(super::EmotiveLanguage);

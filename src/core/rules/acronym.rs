//! `acronym` (S, warning): an unexplained acronym ("CAMHS", "TAC", "EQA") that the
//! child and family may not know.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};

pub struct Acronym;

impl Rule for Acronym {
    fn id(&self) -> RuleId {
        RuleId::Acronym
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "An unexplained acronym the family may not know"
    }
    fn guidance(&self) -> &'static str {
        "Don't use generic language/agency specific language; shared language and understanding; clarity for all."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Amy will attend her CAMHS appointment on 4 May",
                "Bring down the false positivity rate in EQA to max 3%",
            ],
            allows: &[
                "Amy will see her GP on 4 May",
                "Amy will attend her CAMHS (Child and Adolescent Mental Health Services) appointment on 4 May",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let text = cx.text();
        let toks = &cx.a.tokens;
        let mut hits = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let word = &text[t.span.clone()];
            let letters = word.chars().filter(|c| c.is_ascii_uppercase()).count();
            let is_acronym = letters >= 2
                && word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
                && !cx.lexicon.known_acronyms.iter().any(|k| k == word);
            // Explained in brackets right after: "CAMHS (Child and ...)".
            let explained = toks.get(i + 1).is_some_and(|n| n.lower == "(");
            if is_acronym && !explained {
                hits.push(Hit {
                    span: t.span.clone(),
                    message: format!("'{word}' is an acronym the child or family may not know"),
                    suggestion: format!(
                        "Spell out '{word}' the first time, or use the name the family knows"
                    ),
                    repair: None,
                });
            }
        }
        hits
    }
}

crate::rule_examples_test!(super::Acronym);

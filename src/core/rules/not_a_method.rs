//! `not-a-method` (M): the measure given is not a method ("measured by review",
//! "monitored through discussion").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};

pub struct NotAMethod;

impl Rule for NotAMethod {
    fn id(&self) -> RuleId {
        RuleId::NotAMethod
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "The measure named is not a method ('by review', 'monitoring')"
    }
    fn guidance(&self) -> &'static str {
        "How will we measure progress? What specific method will the Team use? Evidence-based methods best. 'By review' is not a method."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will attend 4 of 5 appointments, measured by review",
                "John's attendance will be monitored at review",
                "progress will be evidenced through discussion",
            ],
            allows: &[
                "Mum will attend 4 of 5 appointments, recorded by the GP surgery",
                "Mum will attend the review meeting on 4 June",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let toks = &cx.a.tokens;
        let lex = cx.lexicon;
        let mut hits = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            if !lex.measuring_verbs.iter().any(|v| t.is(v))
                || !(t.pos.starts_with("VB") || t.has_tag("VBN"))
            {
                continue;
            }
            // "measured by review", "monitored at review", "evidenced through discussion"
            let Some(prep) = toks.get(i + 1) else {
                continue;
            };
            if !matches!(
                prep.lower.as_str(),
                "by" | "at" | "through" | "via" | "in" | "during"
            ) {
                continue;
            }
            let mut k = i + 2;
            while toks
                .get(k)
                .is_some_and(|x| matches!(x.lower.as_str(), "the" | "next" | "a" | "each"))
            {
                k += 1;
            }
            if let Some((phrase, range)) = cx.phrase_at(&lex.non_methods, k) {
                let span = t.span.start..cx.a.byte_span(range).end;
                hits.push(Hit {
                    message: format!("'{phrase}' is not a method of measurement; the guidance says 'by review' is not a method"),
                    suggestion: "Name the method: observation, attendance or appointment counts, self-report, scaling, a questionnaire, the Boxall Profile".to_string(),
                    repair: Some(Repair {
                        note: format!(
                            "'{}' is not a method of measurement: replaced",
                            cx.text()[span.clone()].trim()
                        ),
                        edits: vec![Edit::Delete(span.clone())],
                    }),
                    span,
                });
            }
        }
        hits
    }
}

crate::rule_examples_test!(super::NotAMethod);

//! `unscaled-state` (M): a feeling or a state changed by a figure with no scale
//! to read it on ("reduce her anxiety by 50%", "improve his mood by 30 per
//! cent"): fifty per cent of a feeling cannot be read without one.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;
use crate::core::lexicon::contains;
use crate::core::measure::IndicatorKind;

pub struct UnscaledState;

impl Rule for UnscaledState {
    fn id(&self) -> RuleId {
        RuleId::UnscaledState
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "A feeling or state changed by a figure with no scale to read it on ('reduce anxiety by 50%')"
    }
    fn guidance(&self) -> &'static str {
        "M = Measurable: hard indicators (sessions attended) and soft ones (feeling more confident) both count if a method is named: scaling, questionnaires, self-report by the child, parent or carer."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will reduce her anxiety by 50% by June",
                "Jay will increase his self-esteem by 20 per cent this term",
                "Dad will lower his stress levels by half within 8 weeks",
            ],
            allows: &[
                "Mum will reduce her anxiety score on the GAD-7 from 15 to 9 by June",
                "Jay will rate his self-esteem at 6 or more out of 10 each week this term",
                "Mum will reduce her smoking by 50% by June, recorded in her diary",
                "Dad will lower his stress by 50% by June, measured by the Perceived Stress Scale",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let Some(head) = cx.frame.head else {
            return Vec::new();
        };
        let lex = cx.lexicon;
        let toks = &cx.a.tokens;
        let halves = toks.iter().any(|t| t.lower == "half" || t.lower == "halve");
        if cx.phrase_at(&lex.change_verbs, head).is_none()
            || !(cx.has_indicator(&[IndicatorKind::Percentage]) || halves)
            || cx.has_indicator(&[IndicatorKind::Score, IndicatorKind::Ratio])
            // "from 15 to 9": a reading on something, so a scale is in use.
            || toks.windows(2).any(|w| w[0].lower == "from" && w[1].pos == "CD")
            || !cx.methods.is_empty()
        {
            return Vec::new();
        }
        let object = cx
            .frame
            .object
            .clone()
            .unwrap_or(head + 1..(head + 5).min(toks.len()));
        let Some(k) = object
            .clone()
            .find(|&k| contains(&lex.felt_states, &toks[k].lower))
        else {
            return Vec::new();
        };
        vec![Hit {
            span: toks[head].span.start..toks[k].span.end,
            message: format!(
                "'{}' is felt, not counted: a figure for it needs a scale to read it on",
                toks[k].lower
            ),
            suggestion: "Name the scale and the scores: 'from 15 to 9 or below on the GAD-7', 'rated 6 or more out of 10 on her weekly scaling'".to_string(),
            repair: None,
        }]
    }
}

crate::rule_examples_test!(super::UnscaledState);

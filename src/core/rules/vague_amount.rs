//! `vague-amount` (M): an amount that does not say how many ("several times
//! this week", "a few books each month"): nothing counts what success looks like.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};
use std::ops::Range;

pub struct VagueAmount;

impl Rule for VagueAmount {
    fn id(&self) -> RuleId {
        RuleId::VagueAmount
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "An amount that does not say how many ('several times', 'a few books')"
    }
    fn guidance(&self) -> &'static str {
        "M = Measurable: what does success look like? How much of a difference have we made? 'Hard' indicators, i.e. hard = number of sessions attended."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Sam will ring his grandmother several times this month",
                "I will try a few new recipes each week",
                // A frequency whose count is left open is no count.
                "Dad will cycle to work a few times a week",
                // An outcome reached by an amount, with no amount.
                "Mum will save money for a deposit this year",
                "I will lose weight before the summer",
                "Dad will lose the weight over the winter",
            ],
            allows: &[
                "Dad will cycle to work 3 times a week",
                // "the next few weeks": a stretch of time, not an amount.
                "Mum will book a dental check-up for Kai within the next few weeks",
                "Sam will read two books each month",
                "I will lose 6 pounds by the end of March",
                "Mum will save money, 20 pounds a week, for a deposit by May",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if cx.is_quantified() {
            return Vec::new();
        }
        // "a few times a week": the vague words give way to "[how many]"; the
        // unit the writer counts in stays. ("lose weight" is sized by the
        // rewrite's amount slot instead.)
        let (span, repair) = match vague_amount(cx) {
            Some((span, words)) => {
                let vague = cx.text()[words.clone()].to_string();
                let repair = Repair {
                    edits: vec![Edit::Placeholder {
                        span: words,
                        label: "how many".to_string(),
                    }],
                    note: format!("'{vague}' does not say how many: asked for the number"),
                };
                (span, Some(repair))
            }
            None => match unsized_outcome(cx) {
                Some(span) => (span, None),
                None => return Vec::new(),
            },
        };
        let said = cx.text()[span.clone()].to_string();
        vec![Hit {
            span,
            message: format!(
                "'{said}' does not say how many: nothing counts what success looks like"
            ),
            suggestion: "Give the number: '3 times this week', '2 books each month'".to_string(),
            repair,
        }]
    }
}

/// The span of an amount that does not say how many ("several times", "a few
/// books"): a vague amount before "times" or a plural noun; with the span of
/// its vague words alone ("several", "a few").
pub(super) fn vague_amount(cx: &Context<'_>) -> Option<(Range<usize>, Range<usize>)> {
    let toks = &cx.a.tokens;
    (0..toks.len()).find_map(|k| {
        let mut end = crate::core::analysis::words_at(toks, &cx.lexicon.vague_amounts, k)?.end;
        let end_of_words = end;
        // "the last few minutes", "the next few weeks": a stretch, not an amount.
        if k > 0
            && (toks[k - 1].pos == "DT"
                || matches!(
                    toks[k - 1].lower.as_str(),
                    "last" | "next" | "first" | "past"
                ))
        {
            return None;
        }
        // "a few more", "several different": one modifier may come between.
        if toks.get(end).is_some_and(|t| t.pos.starts_with("JJ")) {
            end += 1;
        }
        let noun = toks.get(end)?;
        let words = toks[k].span.start..toks[end_of_words - 1].span.end;
        (noun.lower == "times" || noun.pos == "NNS")
            .then(|| (toks[k].span.start..noun.span.end, words))
    })
}

/// "lose weight", "save money": an outcome reached by an amount, with the
/// amount's thing named but not how much of it.
fn unsized_outcome(cx: &Context<'_>) -> Option<Range<usize>> {
    let toks = &cx.a.tokens;
    let head = cx.action_verb().or(cx.frame.head)?;
    let (_, verb) = cx.phrase_at(&cx.lexicon.sized_outcome_verbs, head)?;
    // "lose the weight", "save some money": a determiner does not size it.
    let determined = toks.get(verb.end).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "the" | "some" | "my" | "his" | "her" | "their" | "our" | "your"
        )
    });
    let thing = toks.get(verb.end + usize::from(determined))?;
    crate::core::lexicon::contains(&cx.lexicon.sized_outcome_things, &thing.lower)
        .then(|| toks[head].span.start..thing.span.end)
}

crate::rule_examples_test!(super::VagueAmount);

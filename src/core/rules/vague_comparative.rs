//! `vague-comparative` (M): "better", "more", "improved", "some" with no baseline or
//! figure, so nobody can say when it has been reached.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};
use crate::core::lexicon::contains;

pub struct VagueComparative;

impl Rule for VagueComparative {
    fn id(&self) -> RuleId {
        RuleId::VagueComparative
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "A comparative ('better', 'more', 'improved') with no baseline or figure"
    }
    fn guidance(&self) -> &'static str {
        "M = Measurable: how much of a difference have we made? What will have changed? Ask: how many? How much? How do I know if I have reached my goal?"
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "I will read more.",
                "This year I will be more physically active",
                "lose some weight",
                // A comparative before the verb.
                "Priya will better control her temper in lessons",
                "To get better results",
                "the child will have more confidence in communicating with others",
                // A change named as a thing.
                "Sam will report a reduction in headaches",
                // A figure in the occasion after it sizes the occasion.
                "Mr Ali will walk further after using his inhaler for 2 minutes",
            ],
            allows: &[
                // A score on a named scale is the figure to reach.
                "Ava will feel calmer at bedtime, scoring 7 on her weekly feelings scale by Easter",
                "Mum will make no further missed rent payments from 1 May",
                "Sam will no longer need a prompt to start his work by June",
                "I will stand up from my armchair 5 times without help using my lower body strength by the end of the programme",
                "reduce consumption of sweet snacks from once every two days to once every three days",
                "I will walk at least 5,000 steps each day.",
                "Students with more than 20 absences will decrease their unexcused absences by 50% by June",
                "Mum will reduce her cannabis use to no more than twice a week by 1 May 2026",
                "Tyler will feel safer at home, scoring 7 or more on the wellbeing scale each week",
                "Sam will report a 50% reduction in headaches by June",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let lex = cx.lexicon;
        // "lower body strength" names a part of the body; it compares nothing.
        let names = cx.phrases(&lex.comparative_names);
        cx.a.tokens
            .iter()
            .enumerate()
            .filter(|(i, t)| {
                let toks = &cx.a.tokens;
                // "a reduction in headaches": the change as a noun.
                let change_noun = *i > 0
                    && matches!(toks[i - 1].lower.as_str(), "a" | "an" | "the")
                    && lex.names_a_change(toks, *i);
                (contains(&lex.vague_comparatives, &t.lower) || change_noun)
                    && Some(*i) != cx.frame.head
            })
            .filter(|(_, t)| !names.iter().any(|n| n.start <= t.span.start && t.span.end <= n.end))
            // "no further missed payments", "no longer", "no more fights": none at
            // all, which can be counted, not a comparison.
            .filter(|(i, _)| {
                !(*i > 0 && matches!(cx.a.tokens[i - 1].lower.as_str(), "no" | "any" | "without"))
            })
            .map(|(_, t)| t)
            .take(1)
            .filter(|t| !sized(cx, t.span.start))
            .map(|t| Hit {
                span: t.span.clone(),
                message: format!("'{}' compares with nothing: no baseline and no figure to reach", t.lower),
                suggestion: "Give the starting point and the target: 'from 2 to 4 days a week', 'lose 12 pounds'".to_string(),
                repair: Some(Repair {
                    edits: vec![Edit::Compare(t.span.clone())],
                    note: format!(
                        "'{}' has no baseline: added the figure to reach and where it starts",
                        cx.text()[t.span.clone()].trim()
                    ),
                }),
            })
            .collect()
    }
}

/// True when a figure sizes the comparative at byte `at`: any quantity,
/// except one in an occasion that follows it ("breathe better | after
/// resting for 10 minutes"), which sizes the occasion, not the change.
fn sized(cx: &Context<'_>, at: usize) -> bool {
    use crate::core::analysis::QUANTITY_KINDS;
    use crate::core::time::TimeKind;
    let text = cx.text();
    cx.indicators
        .iter()
        .filter(|i| QUANTITY_KINDS.contains(&i.kind))
        .any(|i| {
            !cx.times.iter().any(|t| {
                let opens_a_condition = ["after ", "before ", "while ", "when ", "upon "]
                    .iter()
                    .any(|w| text[t.span.clone()].to_lowercase().starts_with(w));
                t.kind == TimeKind::Occasion
                    && opens_a_condition
                    && at < t.span.start
                    && t.span.start < i.span.start
                    && !text[t.span.start..i.span.start].contains([',', ';', '.'])
            })
        })
}

crate::rule_examples_test!(super::VagueComparative);

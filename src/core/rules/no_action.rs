//! `no-action` (S): there is no verb at all, so nothing says what will be done
//! ("Commitment to academic success", "the provision of speech therapy").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct NoAction;

impl Rule for NoAction {
    fn id(&self) -> RuleId {
        RuleId::NoAction
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "No action at all: a topic or a provision, not something someone will do"
    }
    fn guidance(&self) -> &'static str {
        "What will be done? Address the minutiae of the actions necessary; say exactly what tasks/actions will be done."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Commitment to academic success",
                "the provision of three hours of speech and language therapy",
                "Better home conditions",
                // An amount with no "how often" is a quantity, not a goal.
                "four sessions of physiotherapy",
            ],
            allows: &[
                "ask for help",
                "Mum will take Lily to the dentist by 3 March",
                // A capitalised first verb the tagger reads as a name, before an amount.
                "Save £20 a week in a jar for the school trip until July",
                // ... or before a plain adjective or noun, with no modal after it.
                "Bake wholemeal bread at home twice a week",
                // ... or before a mass noun.
                "Read poetry for 20 minutes after school each day",
                // A hyphenated verb and particle the dictionary does not know.
                "To switch-off the games console at 9pm every school night",
                // An amount and how often, its verb left to the list: a goal-list item.
                "8 glasses of water a day for the next two weeks",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        // A gerund names an activity: "two times of brisk walking per week".
        let names_activity = cx.a.tokens.iter().any(|t| {
            (t.is_verb() && t.chunk == crate::core::nlp::ChunkKind::Verb) || t.has_tag("VBG")
        });
        if cx.frame.head.is_some() || names_activity || is_regular_amount(cx) {
            return Vec::new();
        }
        vec![Hit {
            span: cx.whole_span(),
            message: "there is no action here: it names a topic or a provision, not what someone will do".to_string(),
            suggestion: "Write it as '[who] will [do what] by [when]', e.g. 'Sam will hand in his homework every Friday'".to_string(),
            repair: None,
        }]
    }
}

/// "8 glasses of water a day", "30 minutes of stretching 3 times a week": an
/// amount of something taken or done, and how often, is a goal-list item whose
/// verb the list leaves implied.
fn is_regular_amount(cx: &Context<'_>) -> bool {
    use crate::core::measure::IndicatorKind;
    let toks = &cx.a.tokens;
    let mut words = toks.iter().filter(|t| !t.is_punct());
    let starts_with_amount = matches!(
        (words.next(), words.next(), words.next()),
        (Some(n), Some(unit), Some(of)) if n.is_number() && unit.is_noun() && of.lower == "of"
    );
    starts_with_amount && cx.has_indicator(&[IndicatorKind::Frequency])
}

crate::rule_examples_test!(super::NoAction);

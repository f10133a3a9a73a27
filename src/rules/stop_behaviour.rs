//! `stop-behaviour` (S): names the behaviour to stop ("stop disrupting", "not hit",
//! "no longer") instead of the behaviour the team wants to see.

use super::{Context, Examples, Hit, Rule};
use crate::finding::Criterion;

pub struct StopBehaviour;

impl Rule for StopBehaviour {
    fn id(&self) -> &'static str {
        "stop-behaviour"
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn summary(&self) -> &'static str {
        "A behaviour to stop ('stop', 'not', 'no longer', 'refrain from') instead of one to see"
    }
    fn guidance(&self) -> &'static str {
        "S = Specific: 'name' issues, actions, i.e. behaviours Team wants to see more of. Not 'John will stop disrupting the class' but 'John will raise his hand when he wants to ask a question'."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "John will stop disrupting the class",
                "not hit and kick peers",
                "Dad will no longer shout at the children",
                "Amy will refrain from swearing in lessons",
                "Mum will not leave the children alone by 1st May",
                "Kyle will avoid fights at break time",
            ],
            allows: &[
                "John will raise his hand when he wants to ask a question",
                "Amy will use kind words in lessons on 4 out of 5 days",
            ],
        }
    }
    fn check(&self, cx: &Context) -> Vec<Hit> {
        let toks = &cx.a.tokens;
        let mut span = None;
        if let Some(n) = cx.frame.negated {
            let end = cx.frame.head.map_or(n + 1, |h| h.max(n) + 1);
            span = Some(toks[n].span.start..toks[end - 1].span.end);
        } else if let Some(head) = cx.frame.head {
            if let Some((_, range)) = cx.phrase_at(&cx.lexicon.stop_verbs, head) {
                let end = (range.end + 1).min(toks.len());
                span = Some(cx.a.byte_span(range.start..end));
            }
        }
        span.map(|span| Hit {
            message: format!(
                "'{}' names a behaviour to stop, not the behaviour the team wants to see",
                &cx.text()[span.clone()]
            ),
            suggestion: "Say what the person will do instead, e.g. 'raise his hand when he wants to ask a question', 'use kind hands and tell an adult when angry'".to_string(),
            span,
        })
        .into_iter()
        .collect()
    }
}

crate::rule_examples_test!(super::StopBehaviour);

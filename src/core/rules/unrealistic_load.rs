//! `unrealistic-load` (A): a daily commitment of more hours than is realistic
//! ("8 hours of homework every night").

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};
use crate::core::lexicon::contains;
use crate::core::time::TimeKind;
use regex::Regex;
use std::sync::LazyLock;

pub struct UnrealisticLoad;

static HOURS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s*(?:-|to)?\s*(?:\d+\s*)?(?:hours?|hrs?)\b")
        .expect("hours pattern compiles")
});

static DAILY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:day|night|evening|daily|nightly|morning)\b")
        .expect("daily pattern compiles")
});

static WEEKLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:week|weekly)\b").expect("weekly pattern compiles"));

fn number(word: &str) -> Option<f64> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    word.parse().ok().or_else(|| {
        WORDS
            .iter()
            .position(|w| w.eq_ignore_ascii_case(word))
            .map(|p| (p + 1) as f64)
    })
}

impl Rule for UnrealisticLoad {
    fn id(&self) -> RuleId {
        RuleId::UnrealisticLoad
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "A daily commitment of more hours than is realistic"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: can we realistically get this done in the timeframe, with the existing capacity for change? Outcomes should not set a child, adult or family up to fail."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "I will do 8 hours of homework evry night.",
                "Sam will practise the piano for 6 hours every day",
                "Leah will revise for 35 hours a week outside lessons",
            ],
            allows: &[
                "I will sleep 8 hours every night for two weeks",
                // Hours of not eating, or of wearing an aid, are not hours of effort.
                "Ben will wear his wrist splint for 10 hours every night until his review",
                "Mo will keep to a 12-hour overnight fast each day this month",
                "I will read for 20 minutes every day.",
                "Leah will revise for 6 hours a week until her exams",
                "Jill will return to work 20 hours per week over 4 days by end March 2018",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let text = cx.text();
        let every = |re: &Regex| {
            cx.times
                .iter()
                .any(|t| t.kind == TimeKind::Recurrence && re.is_match(&text[t.span.clone()]))
        };
        // A week holds seven days' worth: "40 hours a week" of study is more
        // than four hours a day.
        let (days, per) = if every(&DAILY) {
            (1.0, "a day")
        } else if every(&WEEKLY) {
            (7.0, "a week")
        } else {
            return Vec::new();
        };
        let long_activity = cx.a.tokens.iter().any(|t| {
            contains(&cx.lexicon.long_activities, t.lemma())
                || contains(&cx.lexicon.long_activities, &t.lower)
        });
        if long_activity {
            return Vec::new();
        }
        let limit = cx.lexicon.max_daily_hours() * days;
        HOURS
            .captures_iter(text)
            .filter_map(|c| {
                let hours = number(c.get(1)?.as_str())?;
                (hours > limit).then(|| {
                    let span = c.get(0).map(|m| m.range()).unwrap_or(0..0);
                    Hit {
                        message: format!(
                            "'{}' {per} is more than is realistic alongside everything else (over {limit} hours)",
                            &text[span.clone()]
                        ),
                        suggestion: "Start with an amount the person agrees they can keep up, e.g. '45 minutes each weeknight'".to_string(),
                        repair: Some(Repair {
                            edits: vec![Edit::Placeholder {
                                span: span.clone(),
                                label: format!("how long, less than {}", text[span.clone()].trim()),
                            }],
                            note: format!(
                                "'{}' is more than {per} can hold: replaced with an amount the person agrees",
                                text[span.clone()].trim()
                            ),
                        }),
                        span,
                    }
                })
            })
            .take(1)
            .collect()
    }
}

crate::rule_examples_test!(super::UnrealisticLoad);

//! `out-of-reach` (A): an amount or a feat no one could manage in the time the
//! objective gives ("read 40 books by Friday", "save £10,000 this month", "swim
//! the Channel next week"). The limits are data (`data/reach.toml`).

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};
use crate::core::lexicon::contains;
use regex::Regex;
use std::sync::LazyLock;

pub struct OutOfReach;

/// A number, with a currency sign before it or a unit after it.
static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)([£$€])?\s?(\d[\d,]*(?:\.\d+)?)\s*(k\b)?(?:\s*\b(?:new|more|whole|full|different)\b)?\s*([a-z]+)?")
        .expect("amount pattern compiles")
});

/// How many weeks the objective's time gives, when it gives a short window.
static WINDOW: LazyLock<Vec<(Regex, f64)>> = LazyLock::new(|| {
    let days = |d: f64| d / 7.0;
    [
        (r"\b(?:today|tonight|tomorrow)\b", days(1.0)),
        (
            r"\b(?:this|next) week(?:end)?\b|\bby (?:the end of the week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
            1.0,
        ),
        (
            r"\b(?:this|next) month\b|\b(?:in|within) (?:a|one) month\b|\bby the end of the month\b",
            4.3,
        ),
    ]
    .into_iter()
    .map(|(p, w)| (Regex::new(&format!("(?i){p}")).expect("window pattern compiles"), w))
    .collect()
});

static COUNTED_WINDOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:in|within|over|for) (?:the next )?(\d+|two|three|four|five|six) (days?|weeks?|months?)\b")
        .expect("counted window pattern compiles")
});

/// A rate after an amount: "every week", "a day", "per month", "/day", "weekly".
static PER_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:(?:a|an|per|each|every)\s+|/\s*)(day|week|month)\b|^\s*(daily|weekly|monthly)\b")
        .expect("rate pattern compiles")
});

fn small_number(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "two" => Some(2.0),
        "three" => Some(3.0),
        "four" => Some(4.0),
        "five" => Some(5.0),
        "six" => Some(6.0),
        w => w.parse().ok(),
    }
}

/// The window in weeks given by the objective's concrete times.
fn window_weeks(cx: &Context<'_>) -> Option<f64> {
    let text = cx.text();
    let mut best: Option<f64> = None;
    for t in cx.times.iter().filter(|t| t.kind.is_concrete()) {
        let span = &text[t.span.clone()];
        let mut weeks = WINDOW
            .iter()
            .find(|(re, _)| re.is_match(span))
            .map(|(_, w)| *w);
        if let Some(c) = COUNTED_WINDOW.captures(span) {
            let n = small_number(&c[1]).unwrap_or(f64::MAX);
            let unit = c[2].to_lowercase();
            weeks = Some(if unit.starts_with("day") {
                n / 7.0
            } else if unit.starts_with("month") {
                n * 4.3
            } else {
                n
            });
        }
        if let Some(w) = weeks {
            best = Some(best.map_or(w, |b: f64| b.max(w)));
        }
    }
    best
}

impl Rule for OutOfReach {
    fn id(&self) -> RuleId {
        RuleId::OutOfReach
    }
    fn criterion(&self) -> Criterion {
        Criterion::A
    }
    fn summary(&self) -> &'static str {
        "An amount or a feat no one could manage in the time given ('read 40 books by Friday')"
    }
    fn guidance(&self) -> &'static str {
        "A = Achievable: can we realistically get this done in the timeframe, with the existing capacity for change? Outcomes should not set a child, adult or family up to fail."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Ben will read 40 books by Friday",
                "Mum will save £10,000 this month",
                "Max will swim the Channel next week",
                "Dad will lose 10 kg in 2 weeks",
                "I will walk to work and lose 4 pounds every week",
                "Zara will learn 500 new words this week",
                // A whole changed in an instant.
                "Dad will give up all of his old habits overnight",
                "Kim will learn the whole of the Year 6 spelling list in one lesson",
            ],
            allows: &[
                "Mum will lose 4 kg, from 92kg to 88kg, in 8 weeks",
                "Ben will read 2 books by Friday",
                "Mum will save £10 a week for 10 weeks",
                "Max will swim 2 lengths of the pool next week",
                "Mum will spend £50 on school uniform this month",
                "Dad will lose 3 kg in 6 weeks",
                "Ben will read 40 books by July 2027",
                "Dad will lose 1 kg a week for 6 weeks",
                "Zara will learn 10 new words this week",
                // A whole with time for it, or one step in an instant.
                "Kim will learn the whole of the Year 6 spelling list by July",
                "Dad will put all of his medication in the dosette box in one go each Sunday",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let window = window_weeks(cx);
        let lex = cx.lexicon;
        let text = cx.text();
        // The verb that governs the amount: the main verb, or a verb just
        // before it in a second clause ("exercise more and lose 5 pounds").
        let verb_is = |verbs: &[String], at: usize| {
            let near = cx.a.token_at(at).map(|k| k.saturating_sub(3)..k);
            cx.frame
                .head
                .into_iter()
                .chain(near.into_iter().flatten())
                .any(|h| {
                    verbs.iter().any(|v| {
                        let first = v.split_whitespace().next().unwrap_or("");
                        cx.a.tokens[h].is(first)
                    })
                })
        };
        let weeks = window.unwrap_or(f64::INFINITY);
        for feat in &lex.reach_feats {
            if weeks >= feat.least_weeks {
                continue;
            }
            for phrase in &feat.phrases {
                if let Some(r) = cx.a.find_phrase(phrase).into_iter().next() {
                    let span = cx.a.byte_span(r);
                    let quoted = text[span.clone()].to_string();
                    return vec![Hit {
                        message: format!(
                            "'{quoted}' takes months of preparation: it is out of reach in the time given"
                        ),
                        suggestion: format!(
                            "Agree a first step towards it that can be done in the time, e.g. a training session, and give '{quoted}' a date that allows for it"
                        ),
                        repair: Some(super::first_step_towards(
                            span.clone(),
                            &quoted,
                            format!("'{quoted}' is out of reach in the time: asked for a first step towards it"),
                        )),
                        span,
                    }];
                }
            }
        }
        if let Some(hit) = sweeping_change(cx) {
            return vec![hit];
        }
        for c in AMOUNT.captures_iter(text) {
            let currency = c.get(1).map(|m| m.as_str().to_string());
            let number = c.get(2).expect("the number group always matches");
            // "from 85kg to 80kg" gives where the person starts and ends, not
            // the amount to change.
            let before = text[..c.get(0).map_or(number.start(), |m| m.start())]
                .trim_end()
                .to_lowercase();
            let in_range = before.ends_with("from")
                || before.ends_with(" to")
                    && before.rfind("from ").is_some_and(|k| before.len() - k < 40);
            if in_range {
                continue;
            }
            let Ok(mut amount) = number.as_str().replace(',', "").parse::<f64>() else {
                continue;
            };
            if c.get(3).is_some() {
                amount *= 1000.0;
            }
            let unit = c.get(4).map(|m| m.as_str().to_lowercase());
            // "lose 5 pounds every week": a rate, whatever the window.
            let per_week = PER_PERIOD
                .captures(&text[c.get(0).map_or(number.end(), |m| m.end())..])
                .map(|p| {
                    match p
                        .get(1)
                        .or(p.get(2))
                        .map_or("", |m| m.as_str())
                        .to_lowercase()
                    {
                        d if d.starts_with("da") => 7.0,
                        m if m.starts_with("month") => 1.0 / 4.3,
                        _ => 1.0,
                    }
                });
            let rate = match (per_week, window) {
                (Some(f), _) => amount * f,
                (None, Some(w)) => amount / w.max(1.0 / 7.0),
                (None, None) => continue,
            };
            for limit in &lex.reach_amounts {
                let unit_matches = currency
                    .as_deref()
                    .is_some_and(|cur| contains(&limit.units, cur))
                    || unit.as_deref().is_some_and(|u| contains(&limit.units, u));
                if !unit_matches
                    || (!limit.verbs.is_empty() && !verb_is(&limit.verbs, number.start()))
                {
                    continue;
                }
                if rate <= limit.most_per_week {
                    continue;
                }
                let by_currency = currency
                    .as_deref()
                    .is_some_and(|cur| contains(&limit.units, cur));
                let start = c.get(1).map_or(number.start(), |m| m.start());
                let whole = match (by_currency, c.get(4)) {
                    (false, Some(u)) => start..u.end(),
                    _ => start..number.end(),
                };
                let span = start..number.end();
                let quoted = text[whole.clone()].trim().to_string();
                let figure = text[span.clone()].trim().to_string();
                return vec![Hit {
                    message: format!(
                        "'{quoted}' in the time given is more than anyone could manage ({} a week at most is realistic for {})",
                        limit.most_per_week, limit.what
                    ),
                    suggestion: "Agree a smaller step that can be done in the time, or give the target more time".to_string(),
                    repair: Some(Repair {
                        edits: vec![Edit::Placeholder {
                            span,
                            label: format!("a smaller step than {figure}"),
                        }],
                        note: format!("'{quoted}' is out of reach in the time: asked for a smaller step"),
                    }),
                    span: whole,
                }];
            }
        }
        Vec::new()
    }
}

/// A whole changed in an instant ("change my entire diet overnight"): the
/// guidance asks for a stepped change, so a first step is asked for. A
/// routine done at one sitting ("in one go each Sunday") is not a change.
fn sweeping_change(cx: &Context<'_>) -> Option<Hit> {
    // "all of it in one go each Sunday": a routine done at one sitting.
    use crate::core::time::{any_of_kind, TimeKind};
    if any_of_kind(cx.times, TimeKind::Recurrence) {
        return None;
    }
    let whole = cx.phrases(&cx.lexicon.sweeping_wholes).into_iter().next()?;
    let instant = cx.phrases(&cx.lexicon.instant_windows).into_iter().next()?;
    let text = cx.text();
    let from = cx
        .frame
        .head
        .map(|h| cx.a.tokens[h].span.start)
        .filter(|&h| h < whole.start.min(instant.start))
        .unwrap_or(whole.start.min(instant.start));
    let span = from..whole.end.max(instant.end);
    let quoted = text[span.clone()].trim().to_string();
    let when = text[instant.clone()].trim().to_string();
    Some(Hit {
        message: format!(
            "'{quoted}' changes everything at once: all of it '{when}' is out of reach, where a stepped change is not"
        ),
        suggestion: "Agree a first step that can be done in the time, and the date for the next".to_string(),
        // The placeholder names the whole change, instant and all, so the
        // writer's goal is still there to be stepped.
        repair: Some(super::first_step_towards(
            span.clone(),
            &quoted,
            format!("'{quoted}' is out of reach at once: asked for a first step towards it"),
        )),
        span: instant,
    })
}

crate::rule_examples_test!(super::OutOfReach);

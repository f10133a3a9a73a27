//! `no-timeframe` (T): no date, deadline, period, start or recurrence at all.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::Criterion;

pub struct NoTimeframe;

impl Rule for NoTimeframe {
    fn id(&self) -> RuleId {
        RuleId::NoTimeframe
    }
    fn criterion(&self) -> Criterion {
        Criterion::T
    }
    fn summary(&self) -> &'static str {
        "No date, deadline, period or recurrence"
    }
    fn guidance(&self) -> &'static str {
        "T = Time-bound: all actions need to have a clear timescale. By when do we want to achieve each change? State the date by which the action will be completed and reviewed."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Sam will read books",
                "John will stop disrupting the class",
                "Do the Facility and Safety assessment",
                "ask for help",
            ],
            allows: &[
                "Ali will earn a B in history first semester",
                "Ali will swim a width in the pool by the summer",
                "Mr Ali will walk to the day room twice by end of shift",
                // Weekdays in the plural recur, with or without "on".
                "Dad will take Kai to football training Tuesdays and Thursdays",
                // A calendar year, its end, or a plan form's date field.
                "Leo will join a swimming club in 2027",
                "Mum will pass her driving test by the end of 2027",
                "Sam will swim 25 metres unaided. Target date: July 2027",
                // A criterion over repeated opportunities: due at each one.
                "Dana will look at the speaker in 4 out of 5 opportunities",
                "Tom will raise his hand to speak 80% of the time",
                "[Student] will write a paragraph with a claim and 2 reasons with 80% accuracy across 4 trials",
                "The patient will report a pain level of 3 or less within 24 hours",
                "The patient will cough and deep breathe every two hours",
                "Sam will practise a 5-minute grounding skill at least 4 days/week",
                "Mia will name 10 colours with 80% accuracy across three consecutive sessions",
                "Client will score 9 or below on the PHQ-9 by session 16",
                "After graduation, Alex will enrol on a 2-year college course",
                "By [date], Sam will read 20 sight words",
                "Jo will bake a cake for the fair by Labor Day",
                "Amy will learn her 7 times table by half term",
                "Mum will phone the GP on Thursday",
                "Dana will look at the speaker during small group activities",
                "Do the Facility and Safety assessment before the 27th of February 2012",
                "Malcolm will draw a picture for the next meeting in 2 weeks' time to show how he feels",
                "Mum to engage with services ongoing",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if !cx.times.is_empty() {
            return Vec::new(); // concrete, or vague and reported by its own rule
        }
        // A measured goal takes its timescale from the plan: `implied-timeframe`.
        if cx.has_measure() {
            return Vec::new();
        }
        let end = cx.whole_span().end;
        vec![Hit {
            span: cx.head_span(),
            message: "there is no timescale: no date, deadline, period or how often".to_string(),
            suggestion: format!(
                "Add by when, e.g. '{} by end December' or '... in 2 weeks'",
                cx.text()[..end].trim_end_matches(['.', ' '])
            ),
            repair: None,
        }]
    }
}

crate::rule_examples_test!(super::NoTimeframe);

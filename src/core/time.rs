//! The time-expression recogniser: finds dates, deadlines, periods, start dates,
//! recurrences and occasions ("when he wants to ask a question"), and the vague
//! stand-ins ("ongoing", "at review") that the guidance says are not timeframes.

use crate::core::lexicon::Lexicon;
use regex::Regex;
use std::ops::Range;

/// What kind of time a span states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    /// An absolute date: "1st July", "12/03/2025", "June 1st, 2024".
    Date,
    /// A deadline: "by end December", "by the next core group", "by year 6".
    Deadline,
    /// A period from now: "in 2 weeks' time", "within six weeks", "this term".
    Period,
    /// A start: "beginning on 1st July".
    Start,
    /// A recurrence: "every Monday", "weekly", "three times a week".
    Recurrence,
    /// A recurring occasion the behaviour is tied to: "when he wants to ask a question".
    Occasion,
    /// A clock time: "by 7:45".
    ClockTime,
    /// Not a timeframe: "ongoing", "asap", "as required".
    Vague,
    /// A review with no date: "at review", "by the next review".
    ReviewWithoutDate,
}

impl TimeKind {
    /// True when the span fixes a time the team can hold someone to.
    pub fn is_concrete(self) -> bool {
        !matches!(self, TimeKind::Vague | TimeKind::ReviewWithoutDate)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Range<usize>,
    pub kind: TimeKind,
}

const NUM: &str = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+couple\s+of|half\s+an?)";
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const DAY: &str = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day";
const ORD: &str = r"\d{1,2}(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:19|20)\d{2}";
const UNIT: &str = r"(?:days?|weeks?|fortnights?|months?|years?|terms?|half[- ]terms?)";
const SEASON: &str = r"(?:autumn|spring|summer|winter|christmas|easter)";

/// Compiled patterns for one lexicon.
#[derive(Debug)]
pub struct TimeRecogniser {
    patterns: Vec<(TimeKind, Regex)>,
    vague: Option<Regex>,
    review: Option<Regex>,
    occasion_when: Regex,
}

fn alternation(words: &[String]) -> String {
    let mut sorted: Vec<&String> = words.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.len()));
    sorted
        .iter()
        .map(|w| regex::escape(w).replace(r"\ ", r"\s+").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn rx(pattern: &str) -> Regex {
    Regex::new(&format!("(?i){pattern}"))
        .unwrap_or_else(|e| panic!("time pattern does not compile: {e}\n{pattern}"))
}

impl TimeRecogniser {
    pub fn new(lexicon: &Lexicon) -> Self {
        let date = format!(
            r"(?:(?:the\s+)?{ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{ORD}\b(?:,?\s+{YEAR})?|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})\b|{YEAR}-\d{{2}}-\d{{2}}|{MONTH}\s+{YEAR})"
        );
        let events = alternation(&lexicon.scheduled_events);
        let deadline_target = format!(
            r"(?:{date}|(?:the\s+)?end\s+(?:of\s+)?(?:the\s+)?(?:{MONTH}|{DAY}|{SEASON}(?:\s+(?:term|half[- ]term|holidays?))?|(?:this|next|the)\s+\w+(?:\s+year)?|(?:school|academic|fiscal|financial|calendar)\s+year|week|month|term|half[- ]term|year|day|marking\s+period|session|{events})|{MONTH}\b|{DAY}s?|(?:the\s+)?(?:next|following|first|coming)\s+(?:{events}|\w+\s+(?:{events}))|(?:this|next)\s+(?:week|weekend|month|term|half[- ]term|year|{SEASON})|year\s+\d+|{SEASON}(?:\s+(?:term|half[- ]term|holidays?))?|{YEAR}\b|tomorrow|tonight|discharge)"
        );
        let mut patterns = vec![
            (TimeKind::Date, rx(&format!(r"\b{date}"))),
            (
                TimeKind::Deadline,
                rx(&format!(
                    r"\b(?:by|before|until|till|no\s+later\s+than|not\s+later\s+than|ahead\s+of|prior\s+to|for)\s+{deadline_target}"
                )),
            ),
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:in|within|over|for|during|after)\s+(?:the\s+)?(?:(?:next|following|coming|first|last)\s+(?:{NUM}\s*[- ]?\s*)?|{NUM}\s*[- ]?\s*){UNIT}(?:['’]s|s['’])?(?:\s+time)?\b"
                )),
            ),
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:{NUM}\s+{UNIT}\s+from\s+now|(?:this|next|the\s+next|the\s+coming|the\s+following)\s+(?:week|weekend|month|term|half[- ]term|year|school\s+year|academic\s+year)|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening))\b"
                )),
            ),
            (
                TimeKind::Start,
                rx(&format!(
                    r"\b(?:beginning|starting|commencing|from|as\s+of|with\s+effect\s+from)\s+(?:on\s+|from\s+)?(?:the\s+)?(?:{date}|{DAY}|{MONTH}\b|next\s+\w+|tomorrow|today|this\s+\w+|midweek)"
                )),
            ),
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\b(?:every|evry|each)\s+(?:other\s+|single\s+|school\s+)?(?:day|night|morning|afternoon|evening|week|weekday|weekend|fortnight|month|term|{DAY}|lesson|session|meal|visit|break\s*time|lunch\s*time)s?\b"
                )),
            ),
            (
                TimeKind::Recurrence,
                rx(
                    r"\b(?:daily|nightly|weekly|fortnightly|monthly|termly|weekdays|weeknights|everyday)\b",
                ),
            ),
            (
                TimeKind::Recurrence,
                rx(
                    r"\b(?:a|per|each)\s+(?:day|night|week|fortnight|month|term|morning|evening|session)\b",
                ),
            ),
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\b(?:once|twice|thrice|{NUM}\s+times?)\s+(?:a|per|each|every)\s+(?:\w+\s+)?(?:day|night|week|fortnight|month|term|year|morning|evening)s?\b"
                )),
            ),
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\b(?:on|at)\s+(?:the\s+)?(?:{DAY}s|weekends?|weekdays)\b|\b(?:\d+\s*%|{NUM}\s+out\s+of\s+{NUM})\s+(?:of\s+)?(?:the\s+)?(?:school\s+)?days\b"
                )),
            ),
            (
                TimeKind::Occasion,
                rx(r"\b(?:whenever|every\s+time|each\s+time|any\s?time)\b"),
            ),
            (
                TimeKind::Occasion,
                rx(
                    // "after school" is a time; "at school" is a place.
                    r"\b(?:before|after)\s+(?:bed|bedtime|breakfast|lunch|dinner|tea|meals?|school|work|nursery|play\s*time|break\s*time)\b|\bat\s+(?:bedtime|breakfast|lunch|lunch\s*time|dinner|tea|meal\s*times?|meals|play\s*time|break\s*time)\b",
                ),
            ),
            (
                TimeKind::ClockTime,
                rx(
                    r"\b(?:at|by|before|after|between|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\b(?:at|by|before)\s+\d{1,2}[:.]\d{2}\b",
                ),
            ),
        ];
        patterns.shrink_to_fit();
        let vague = (!lexicon.vague.is_empty()).then(|| {
            rx(&format!(
                r"(?:^|\b|\s)(?:{})(?:\b|$|\s)",
                alternation(&lexicon.vague)
            ))
        });
        let review = (!lexicon.review_words.is_empty()).then(|| {
            rx(&format!(
                r"\b(?:(?:by|at|until|till|before|for|in|after|through|via|to)\s+(?:the\s+)?(?:next\s+|following\s+|first\s+)?)?(?:{})\b",
                alternation(&lexicon.review_words)
            ))
        });
        // "when he wants to ask a question", "when taking part in an activity"
        let occasion_when = rx(
            r"\b(?:when|whenever|if)\s+(?:(?:he|she|they|i|we|you|it|his|her|their|my|the\s+\w+|[a-z]+)\s+(?:\w+\s+)?\w+|\w+ing\b)",
        );
        TimeRecogniser {
            patterns,
            vague,
            review,
            occasion_when,
        }
    }

    /// Every time expression in `text`, in order of position.
    pub fn recognise(&self, text: &str) -> Vec<TimeExpr> {
        let mut found: Vec<TimeExpr> = Vec::new();
        let mut vague_spans: Vec<Range<usize>> = Vec::new();
        if let Some(vague) = &self.vague {
            for m in vague.find_iter(text) {
                let span = trim_span(text, m.range());
                vague_spans.push(span.clone());
                found.push(TimeExpr {
                    span,
                    kind: TimeKind::Vague,
                });
            }
        }
        let overlaps_vague = |r: &Range<usize>| {
            vague_spans
                .iter()
                .any(|v| v.start < r.end && r.start < v.end)
        };
        for (kind, pattern) in &self.patterns {
            for m in pattern.find_iter(text) {
                let span = trim_span(text, m.range());
                if !overlaps_vague(&span) {
                    found.push(TimeExpr { span, kind: *kind });
                }
            }
        }
        for m in self.occasion_when.find_iter(text) {
            let span = trim_span(text, m.range());
            if !overlaps_vague(&span) {
                found.push(TimeExpr {
                    span,
                    kind: TimeKind::Occasion,
                });
            }
        }
        if let Some(review) = &self.review {
            for m in review.find_iter(text) {
                let span = trim_span(text, m.range());
                let covered = found.iter().any(|t| {
                    t.kind.is_concrete() && t.span.start <= span.start && span.end <= t.span.end
                });
                if !covered {
                    found.push(TimeExpr {
                        span,
                        kind: TimeKind::ReviewWithoutDate,
                    });
                }
            }
        }
        found.sort_by_key(|t| (t.span.start, std::cmp::Reverse(t.span.end)));
        // Drop spans wholly inside an earlier span of the same concreteness.
        let mut kept: Vec<TimeExpr> = Vec::new();
        for t in found {
            let inside = kept.iter().any(|k| {
                k.span.start <= t.span.start
                    && t.span.end <= k.span.end
                    && k.kind.is_concrete() == t.kind.is_concrete()
            });
            if !inside {
                kept.push(t);
            }
        }
        kept
    }
}

fn trim_span(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    let mut end = end.max(start);
    // Drop trailing punctuation that the patterns may have swallowed.
    while end > start && text[..end].ends_with([',', '.', ';', ':']) {
        end -= 1;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(TimeKind, String)> {
        let r = TimeRecogniser::new(&Lexicon::bundled());
        r.recognise(text)
            .into_iter()
            .map(|t| (t.kind, text[t.span].to_string()))
            .collect()
    }

    fn has(text: &str, kind: TimeKind) -> bool {
        kinds(text).iter().any(|(k, _)| *k == kind)
    }

    fn concrete(text: &str) -> bool {
        kinds(text).iter().any(|(k, _)| k.is_concrete())
    }

    #[test]
    fn absolute_dates_in_uk_and_us_forms() {
        for text in [
            "beginning on 1st July",
            "before the core group on 12 March",
            "by 12/03/2025",
            "by 2025-03-12",
            "By June 1st, 2024, I will walk",
            "by Oct. 1, six months from now",
            "before the 27th of February 2012",
            "by March 2026",
        ] {
            assert!(
                has(text, TimeKind::Date)
                    || has(text, TimeKind::Deadline)
                    || has(text, TimeKind::Start),
                "{text}: {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn deadlines_periods_starts_and_recurrences() {
        for (text, kind) in [
            ("by end December", TimeKind::Deadline),
            ("by the end of the Spring Term", TimeKind::Deadline),
            ("by next term", TimeKind::Deadline),
            ("by year 6", TimeKind::Deadline),
            ("by the next core group", TimeKind::Deadline),
            ("by the next coaching session", TimeKind::Deadline),
            ("in 2 weeks' time", TimeKind::Period),
            ("in 2 weeks’ time", TimeKind::Period),
            ("within six weeks", TimeKind::Period),
            ("in the next 8 weeks", TimeKind::Period),
            ("in 16 months' time", TimeKind::Period),
            ("this term", TimeKind::Period),
            ("beginning on 1st July", TimeKind::Start),
            ("starting Monday", TimeKind::Start),
            ("weekly for 6 weeks", TimeKind::Recurrence),
            ("every Monday", TimeKind::Recurrence),
            ("three times a week", TimeKind::Recurrence),
            ("5,000 steps each day", TimeKind::Recurrence),
            ("when he wants to ask a question", TimeKind::Occasion),
            ("before bed", TimeKind::Occasion),
            ("after school", TimeKind::Occasion),
            ("at lunchtime", TimeKind::Occasion),
            ("by 7:45", TimeKind::ClockTime),
        ] {
            assert!(
                has(text, kind),
                "{text}: expected {kind:?}, got {:?}",
                kinds(text)
            );
        }
    }

    #[test]
    fn vague_times_are_not_concrete() {
        for text in [
            "Mum to engage with services ongoing",
            "asap",
            "as and when",
            "as required",
            "when appropriate",
            "in due course",
            "at review",
            "by the next review",
            "within the next few months",
            "in a few weeks",
            "over several weeks",
        ] {
            assert!(!concrete(text), "{text}: {:?}", kinds(text));
            assert!(
                !kinds(text).is_empty(),
                "{text} should be recognised as vague"
            );
        }
    }

    #[test]
    fn plain_actions_have_no_time() {
        for text in [
            "John will stop disrupting the class",
            "Danielle will get to school on time.",
            "Distribute model school health policies to schools.",
            "Mum may attend the group",
            "Jack will maintain attention for 5 minutes",
            "Zara will have a safe adult at school",
            "Dad will take his tablets at work",
        ] {
            assert!(!concrete(text), "{text}: {:?}", kinds(text));
        }
    }
}

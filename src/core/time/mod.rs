//! The time-expression recogniser: finds dates, deadlines, periods, start dates,
//! recurrences and occasions ("when he wants to ask a question"), and the vague
//! stand-ins ("ongoing", "at review") that the guidance says are not timeframes.

use crate::core::lexicon::Lexicon;
use crate::core::patterns::LabelledPatterns;
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
    /// Written as a date but no such day exists: "31/02/2027".
    InvalidDate,
}

impl TimeKind {
    /// True when the span fixes a time the team can hold someone to.
    pub fn is_concrete(self) -> bool {
        !matches!(
            self,
            TimeKind::Vague | TimeKind::ReviewWithoutDate | TimeKind::InvalidDate
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimeExpr {
    pub span: Range<usize>,
    pub kind: TimeKind,
}

/// True when one of `times` is of `kind` ("every Sunday" is a recurrence).
pub fn any_of_kind(times: &[TimeExpr], kind: TimeKind) -> bool {
    times.iter().any(|t| t.kind == kind)
}

const NUM: &str = r"(?:\d+(?:\.\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|a\s+couple\s+of|half\s+an?)";
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";
const DAY: &str = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day";
const ORD: &str = r"\d{1,2}(?:st|nd|rd|th)?";
const YEAR: &str = r"(?:19|20)(?:\d{2}|[Xx]{2})";
const UNIT: &str =
    r"(?:days?|weeks?|fortnights?|months?|years?|terms?|half[- ]terms?|semesters?|quarters?)";
/// Units too short to be a timescale after "for" ("for 20 minutes" is how long,
/// not by when), but a deadline after "within" ("within 24 hours").
const SMALL_UNIT: &str = r"(?:hours?|hrs?|minutes?|mins?)";
/// A number or a range of numbers: "2", "two", "2-3", "2 to 3".
const NUMR: &str = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty)(?:\s*(?:-|–|to)\s*(?:\d+|two|three|four|five|six))?";
/// Ordinals that place an event in a sequence: "the third session", "the next visit".
const ORDINAL: &str = r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|final|last|next|following)";
/// Events a plan's work is counted in or anchored to.
const EVENT: &str = r"(?:sessions?|visits?|appointments?|meetings?|lessons?|class(?:es)?|treatments?|shifts?|meals?|trials?|probes?)";
const SEASON: &str = r"(?:autumn|spring|summer|winter|christmas|easter)";

/// Compiled patterns for one lexicon.
#[derive(Debug)]
pub struct TimeRecogniser {
    patterns: LabelledPatterns<TimeKind>,
    vague: Option<Regex>,
    review: Option<Regex>,
    occasion_when: Regex,
    /// Words after "a day" that carry the sentence on ("for", "before"): lower case.
    go_on: Vec<String>,
    /// Words whose object "on" brings ("work on"): lower case.
    taking_on: Vec<String>,
    /// Nouns after "daily" that name a thing ("daily living"): lower case.
    daily_compounds: Vec<String>,
}

fn lowercase(words: &[String]) -> Vec<String> {
    words.iter().map(|w| w.to_lowercase()).collect()
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
            r"(?:(?:the\s+)?{ORD}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR})?|{MONTH}\s+{ORD}\b(?:,?\s+{YEAR})?|\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}}[Xx]{{2}}|\d{{2}})\b|{YEAR}-\d{{2}}-\d{{2}}|{MONTH}\s+{YEAR})"
        );
        let events = alternation(&lexicon.scheduled_events);
        // A list left empty by a user's config matches nothing.
        let holidays = match alternation(&lexicon.holidays) {
            h if h.is_empty() => r"[^\s\S]".to_string(),
            h => format!("(?:{h})"),
        };
        let deadline_target = format!(
            r"(?:{date}|(?:the\s+)?end\s+(?:of\s+)?(?:the\s+)?(?:{YEAR}\b|{MONTH}|{DAY}|{SEASON}(?:\s+(?:term|half[- ]term|holidays?))?|(?:this|next|the)\s+\w+(?:\s+year)?|(?:school|academic|fiscal|financial|calendar|iep|plan)\s+year|week|month|term|half[- ]term|year|day|marking\s+period|grading\s+period|semester|quarter|session|shift|programme|program|treatment|placement|course|intervention|block|(?:key\s+stage|ks)\s*\d|year\s+\d+|{events})|{MONTH}\b|(?:the\s+)?(?:{SEASON}\s+)?half[- ]term|(?:key\s+stage|ks)\s*\d\b|(?:this|next|coming)\s+{DAY}|(?:the\s+)?{holidays}\b|{DAY}s?|(?:the\s+)?(?:next|following|first|coming)\s+(?:{events}|\w+\s+(?:{events}))|(?:this|next)\s+(?:week|weekend|month|term|half[- ]term|year|{SEASON})|year\s+\d+|(?:the\s+)?{SEASON}(?:\s+(?:term|half[- ]term|holidays?))?|{YEAR}\b|tomorrow|tonight|discharge)"
        );
        let mut patterns = vec![
            (TimeKind::Date, rx(&format!(r"\b{date}"))),
            (
                TimeKind::Deadline,
                rx(&format!(
                    r"\b(?:by|before|until|till|no\s+later\s+than|not\s+later\s+than|ahead\s+of|prior\s+to|for)\s+{deadline_target}|\b(?:target|due|end|completion|review)\s+date\s*[:=–-]\s*{deadline_target}"
                )),
            ),
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:in|within|over|for|during|after)\s+(?:the\s+)?(?:(?:next|following|coming|first|last)\s+(?:{NUM}\s*[- ]?\s*)?|{NUM}\s*[- ]?\s*){UNIT}(?:['’]s|s['’]|['’])?(?:\s+time)?\b"
                )),
            ),
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:{NUM}\s+{UNIT}\s+from\s+now|(?:this|next|the\s+next|the\s+coming|the\s+following)\s+(?:week|weekend|month|term|half[- ]term|semester|quarter|shift|year|school\s+year|academic\s+year|{SEASON}(?:\s+term)?)|(?:(?:in|during|over)\s+)?(?:the\s+|this\s+|next\s+)?(?:first|second|third|fourth|final|{SEASON})\s+(?:term|semester|quarter|half[- ]term)|today|tomorrow|tonight|this\s+(?:morning|afternoon|evening))\b"
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
                    // "a session" only with a count before it: "miss a session" is one.
                    r"\b(?:a|per|each)\s+(?:day|night|week|fortnight|month|term|morning|evening)\b|\b(?:per|each)\s+(?:session|shift)\b|\b(?:once|twice|times|minutes|mins)\s+(?:a|per)\s+(?:session|shift)\b",
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
                    r"\b(?:on|at)\s+(?:the\s+)?(?:{DAY}s|weekends?|weekdays|weeknights|school\s+(?:nights|days|mornings)|(?:{DAY}|weekday|weekend)\s+(?:mornings|evenings|afternoons|nights))\b|\b(?:\d+\s*%|{NUM}\s+out\s+of\s+{NUM})\s+(?:of\s+)?(?:the\s+)?(?:school\s+)?days\b"
                )),
            ),
            // Weekdays in the plural, with no "on": "Mondays and Wednesdays".
            (
                TimeKind::Recurrence,
                rx(&format!(r"\b{DAY}s(?:,?\s+(?:and|&|or)\s+{DAY}s?)*\b")),
            ),
            (
                TimeKind::Occasion,
                rx(r"\b(?:whenever|every\s+time|each\s+time|any\s?time)\b"),
            ),
            (
                TimeKind::Occasion,
                rx(
                    // "after school" is a time; "at school" is a place.
                    r"\b(?:before|after)\s+(?:bed|bedtime|breakfast|lunch|dinner|tea|meals?|school|work|nursery|play\s*time|break\s*time)\b|\b(?:before|after)\s+(?:each\s+|every\s+)?(?:\w+\s+)?(?:lessons|classes|practices?|training|games|matches|shifts|sessions|meals)\b|\bin\s+(?:class|lessons|assembly|circle\s+time|group\s+time)\b|\bat\s+(?:bedtime|breakfast|lunch|lunch\s*time|dinner|tea|meal\s*times?|meals|play\s*time|break\s*time)\b",
                ),
            ),
            // "within 24 hours", "in 30 minutes": small units are a timescale
            // after "in", "within" or "after", never after "for".
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:in|within|after|over|during)\s+(?:the\s+)?(?:next\s+|first\s+|following\s+)?(?:{NUMR}|an?)\s*[- ]?\s*{SMALL_UNIT}\b"
                )),
            ),
            // "over a two-week period", "during a 6-week programme", "over the course of 6 weeks".
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:over|across|during|in|within|for)\s+(?:a|an|the)\s+{NUM}[- ](?:day|week|month|year|term|session)s?\s+(?:period|block|programme|program|course|cycle|window)\b|\bover\s+the\s+course\s+of\s+(?:{NUM}\s+{UNIT}|the\s+(?:year|term|month|week|semester))\b"
                )),
            ),
            // "across 3 consecutive sessions", "on 4 consecutive school days".
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:across|over|in|for|on|during)\s+{NUM}\s+(?:consecutive|successive|separate|different)\s+(?:\w+\s+)?(?:sessions|days|weeks|months|trials|probes|lessons|visits|observations|administrations|occasions|opportunities|data\s+points)\b|\b(?:across|over)\s+{NUM}\s+(?:sessions|trials|probes|lessons|observations|administrations|occasions|data\s+points)\b"
                )),
            ),
            // "every two hours", "every 3 days", "every other day".
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\bevery\s+(?:{NUMR}|other|second|third)\s*[- ]?\s*(?:{SMALL_UNIT}|{UNIT}|nights?|{EVENT})\b"
                )),
            ),
            // "at each scheduled visit", "every therapy session".
            (
                TimeKind::Recurrence,
                rx(
                    r"\b(?:every|each)\s+(?:\w+\s+)?(?:session|visit|appointment|meeting|lesson|class|shift|meal|treatment|school\s+day|working\s+day)s?\b",
                ),
            ),
            // "for 2 days this week", "on 3 nights next week": days counted in a week.
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\b(?:(?:for|on)\s+)?{NUM}\s+(?:days|nights|mornings|afternoons|evenings|times|sessions)\s+(?:this|next|that)\s+(?:week|fortnight|month)\b"
                )),
            ),
            // "3x/week", "4 days/week", "3 x per week", "twice daily".
            (
                TimeKind::Recurrence,
                rx(&format!(
                    r"\b{NUMR}\s*(?:x|times?|days?|nights?|sessions?|visits?|{SMALL_UNIT})?\s*(?:/|per\s+)\s*(?:day|wk|week|month|night|session)\b|\b\d+\s*x\s*(?:daily|weekly|monthly)\b"
                )),
            ),
            // Anchored to a session or visit: "by session 16", "by week 6",
            // "at the next home visit", "by the third session".
            (
                TimeKind::Deadline,
                rx(&format!(
                    r"\b(?:by|before|at|until|after)\s+(?:session|week|visit|day|month|appointment|lesson|meeting)\s+(?:#\s*)?\d+\b|\b(?:by|before|at|until|after|during)\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?{ORDINAL}\s+(?:\w+\s+)?(?:session|visit|appointment|meeting|week|month|lesson|class|treatment)\b|\bby\s+the\s+end\s+of\s+(?:the\s+)?{NUM}\s*[- ]?\s*(?:\w+\s+)?(?:sessions|visits|weeks|months|appointments|lessons|treatments|(?:week|month|session)\s+(?:programme|program|block|course))\b"
                )),
            ),
            // A step in a sequence: "after graduation", "before discharge",
            // "after the parenting course", "on leaving hospital".
            (
                TimeKind::Deadline,
                rx(
                    r"\b(?:after|following|upon|on|before|prior\s+to)\s+(?:(?:his|her|their|my|the|your)\s+)?(?:graduation|graduating|discharge|leaving\s+(?:school|hospital|care|college|the\s+unit)|exiting\s+(?:high\s+)?school|release|admission|completion\s+of|completing|finishing)\b|\b(?:after|following|upon|before)\s+(?:the|a|an|his|her|their|my)\s+(?:\w+\s+){0,2}?(?:course|programme|program|group|training|assessment|surgery|operation|procedure|treatment|conference|exams?|hearing|placement|move|birth)\b",
                ),
            ),
            // Anchored to an event: "1 hour after receiving pain medication", "30 minutes after meals".
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b{NUMR}\s*[- ]?\s*(?:{SMALL_UNIT}|{UNIT})\s+(?:after|before|following)\s+(?:\w+ing\b(?:\s+(?:(?:the|his|her|their|my|a|an)\s+)?[a-z]+(?:\s+[a-z]+)?)?|(?:the|each|every|a|his|her|their|my)\s+\w+|meals?|bed|waking|school)"
                )),
            ),
            // A date the team will fill in: "by [date]", "By (date)", "by [Annual Review Date]".
            (
                TimeKind::Deadline,
                rx(
                    r"\b(?:by|before|on|until|till|no\s+later\s+than|from|starting)\s+(?:the\s+)?[\[(<{][^\])>}\n]{0,40}?\b(?:date|when|deadline|day|month|year|term)\b[^\])>}\n]{0,40}?[\])>}]|\[(?:by\s+when|date|target\s+date|end\s+date)\]|\bby\s+_{2,}",
                ),
            ),
            // Anchored to an event: "by the time school starts", "by the time
            // the baby is born".
            (
                TimeKind::Deadline,
                rx(r"\bby\s+the\s+time\s+(?:(?:the|my|his|her|their|our)\s+)?[a-z]+\s+[a-z]+\b"),
            ),
            // A calendar year as the window: "in 2026", "during 2027", "in the
            // year 2026" (not "in 2000 words": see `counts_a_number`).
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:in|during|throughout)\s+(?:(?:the\s+)?(?:calendar\s+)?year\s+)?{YEAR}\b"
                )),
            ),
            // An episode of care as the window: "during hospitalization",
            // "throughout the shift", "for the rest of her stay".
            (
                TimeKind::Period,
                rx(
                    r"\b(?:during|throughout|for\s+the\s+(?:duration|length|rest|remainder)\s+of)\s+(?:(?:the|this|his|her|their|my|your)\s+)?(?:current\s+)?(?:hospitali[sz]ation|(?:hospital|inpatient)\s+(?:stay|admission)|stay|admission|(?:(?:night|day|early|late)\s+)?shift|episode\s+of\s+care)\b|\bwhile\s+in\s+hospital\b",
                ),
            ),
            // A season or a month as the window: "over the summer", "during
            // the winter", "in the autumn", "in the new year", "in September",
            // "during the month of May".
            (
                TimeKind::Period,
                rx(&format!(
                    r"\b(?:over|during|across|throughout|in)\s+(?:the|this|next)\s+(?:{SEASON}|new\s+year)\b|\b(?:in|during|over|throughout)\s+(?:the\s+month\s+of\s+)?{MONTH}\b"
                )),
            ),
            // A weekday: "on Thursday" (not "on Thursdays", which recurs).
            (
                TimeKind::Date,
                rx(&format!(
                    r"\bon\s+(?:this\s+|next\s+)?{DAY}\b|\bnext\s+{DAY}\b"
                )),
            ),
            // A criterion over repeated opportunities: the behaviour is due at each
            // one, as in "when he wants to ask a question" ("in 4 of 5 trials",
            // "80% of the time", "on 9 out of 10 occasions").
            (
                TimeKind::Occasion,
                rx(&format!(
                    r"\b{NUM}\s+(?:out\s+)?of\s+(?:the\s+)?{NUM}\s+(?:\w+\s+)?(?:trials|opportunities|attempts|sessions|occasions|probes|times|observations|days|lessons|tries|chances)\b|\b\d+\s*(?:%|percent|per\s+cent)\s+of\s+(?:the\s+)?(?:\w+\s+)?(?:time|opportunities|trials|occasions|attempts|observations|days|sessions|lessons|interactions|intervals)\b"
                )),
            ),
            // A recurring setting: "during small group activities", "during lunch".
            (
                TimeKind::Occasion,
                rx(
                    r"\bduring\s+(?:\w+\s+){0,3}?(?:activities|activity|sessions?|lessons?|class(?:es)?|therapy|play|meals?|lunch|transitions?|routines?|visits?|time|instruction|work|tasks?|games?|assemblies|assembly)\b",
                ),
            ),
            // "at the time I take the measurement", "after noticing worry", "while waiting".
            (
                TimeKind::Occasion,
                rx(
                    r"\bat\s+the\s+time\s+(?:that\s+)?(?:i|he|she|they|we|you|it)\b|\b(?:after|upon|on|while|before)\s+[a-z]+ing\b",
                ),
            ),
            (
                TimeKind::ClockTime,
                rx(
                    r"\b(?:at|by|before|after|between|from)\s+\d{1,2}(?:[:.]\d{2})?\s*(?:a\.m\.?|p\.m\.?|am|pm)|\b(?:at|by|before)\s+\d{1,2}[:.]\d{2}\b",
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
            patterns: LabelledPatterns::new(patterns),
            vague,
            review,
            occasion_when,
            taking_on: lowercase(&lexicon.words_taking_on),
            daily_compounds: lowercase(&lexicon.daily_compounds),
            go_on: lexicon
                .words_after_a_frequency
                .iter()
                .map(|w| w.to_lowercase())
                .collect(),
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
        for (kind, pattern) in self.patterns.matching(text) {
            for m in pattern.find_iter(text) {
                let span = trim_span(text, m.range());
                if *kind == TimeKind::Occasion
                    && (!names_an_act(&text[span.clone()])
                        || is_an_object_of(text, &span, &self.taking_on))
                {
                    continue;
                }
                if *kind == TimeKind::Period && counts_a_number(text, &span) {
                    continue;
                }
                if *kind == TimeKind::Recurrence
                    && (modifies_a_noun(text, &span, &self.go_on)
                        || names_a_daily_thing(text, &span, &self.daily_compounds))
                {
                    continue;
                }
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
        // A date that cannot exist is not a date, nor is the deadline around it.
        for bad in super::dates::impossible_dates(text) {
            found.retain(|t| !(t.span.start <= bad.start && bad.end <= t.span.end));
            found.push(TimeExpr {
                span: bad,
                kind: TimeKind::InvalidDate,
            });
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

/// A span ending in what reads as a year, but which counts the things after
/// it: "in 2000 words", "during 2025 steps".
fn counts_a_number(text: &str, span: &Range<usize>) -> bool {
    let ends_in_a_year = text[..span.end]
        .chars()
        .rev()
        .take(4)
        .all(|c| c.is_ascii_digit());
    let next = text[span.end..].split_whitespace().next().unwrap_or("");
    ends_in_a_year
        && next.len() > 3
        && next.ends_with('s')
        && next.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(next, "this" | "thus")
}

/// True for "a morning routine", "a day trip", "a night out": "a" and a time
/// unit that name a thing, not how often. "30 minutes a day for 6 weeks", "a
/// day, every day" and "a day consistently" stay times: a word of the
/// sentence's frame, an adverb, a number or punctuation follows them.
/// `go_on` holds the words that carry the sentence on (data/time.toml).
fn modifies_a_noun(text: &str, span: &Range<usize>, go_on: &[String]) -> bool {
    let words: Vec<&str> = text[span.clone()].split_whitespace().collect();
    if words.len() != 2 || !words[0].eq_ignore_ascii_case("a") {
        return false;
    }
    let rest = &text[span.end..];
    // "a week's holiday": the unit owns the next noun.
    if rest.starts_with("'s") || rest.starts_with("\u{2019}s") {
        return true;
    }
    let Some(next) = rest
        .split(|c: char| c.is_whitespace())
        .find(|w| !w.is_empty())
    else {
        return false;
    };
    if !rest.starts_with(char::is_whitespace) || !next.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let next = next
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    !(go_on.contains(&next) || next.ends_with("ly"))
}

/// True for "work on nurturing", "advice on budgeting": "on" and a gerund
/// that are the object of the word before them (`taking_on`), not an occasion.
fn is_an_object_of(text: &str, span: &Range<usize>, taking_on: &[String]) -> bool {
    let opening = text[span.clone()].split_whitespace().next().unwrap_or("");
    if !(opening.eq_ignore_ascii_case("on") || opening.eq_ignore_ascii_case("upon")) {
        return false;
    }
    let before = text[..span.start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    text[..span.start]
        .trim_end()
        .ends_with(char::is_alphanumeric)
        && taking_on.contains(&before)
}

/// True for "daily living", "everyday life": "daily" naming a kind of thing
/// (`compounds`), not how often.
fn names_a_daily_thing(text: &str, span: &Range<usize>, compounds: &[String]) -> bool {
    let word = text[span.clone()].to_lowercase();
    if word != "daily" && word != "everyday" {
        return false;
    }
    let next = text[span.end..]
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    text[span.end..].starts_with(' ') && compounds.contains(&next)
}

/// False for "on something", "after building": words in -ing that are not acts.
fn names_an_act(span: &str) -> bool {
    let last = span
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    !(last.ends_with("thing")
        || matches!(
            last.as_str(),
            "spring" | "string" | "ring" | "king" | "sibling" | "building" | "ceiling"
        ))
}

/// Words a gerund's time expression never ends with: "1 hour after waking |
/// and", "after arriving | at school".
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "at", "to", "in", "and", "or", "with", "by", "for", "on", "of", "from", "the", "a", "an",
    "his", "her", "their", "my", "each", "every", "but", "before", "after", "then", "when",
];

fn trim_span(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    let mut end = end.max(start);
    // Drop trailing punctuation that the patterns may have swallowed, and a
    // function word a pattern's optional object took ("after arriving | at").
    loop {
        while end > start && text[..end].ends_with([',', '.', ';', ':', ' ']) {
            end -= 1;
        }
        let last_word_at = text[start..end].rfind(' ').map_or(start, |k| start + k + 1);
        let last = text[last_word_at..end].to_ascii_lowercase();
        let after_a_gerund = text[start..last_word_at]
            .split_whitespace()
            .rev()
            .take(2)
            .any(|w| w.to_ascii_lowercase().ends_with("ing"));
        if last_word_at > start
            && after_a_gerund
            && TRAILING_FUNCTION_WORDS.contains(&last.as_str())
        {
            end = last_word_at;
            continue;
        }
        break;
    }
    start..end
}

#[cfg(test)]
mod tests;

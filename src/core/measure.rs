//! The measurement recogniser: finds indicators (counts, percentages, "x out of y",
//! scores, thresholds, durations, baselines) and named methods of measurement
//! ("as measured by the school's phonics assessment", "scaling", "Boxall Profile").

use crate::core::lexicon::Lexicon;
use crate::core::nlp::Analysis;
use crate::core::patterns::LabelledPatterns;
use crate::core::time::{TimeExpr, TimeKind};
use regex::Regex;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndicatorKind {
    Percentage,
    /// "4 out of 5", "36 of the 44", "8/10".
    Ratio,
    /// "a 7 in my science test", "from a C to a B", "level 3".
    Score,
    /// "at least 5,000", "no more than", "max 3%".
    Threshold,
    /// "from three times a week to five times a week", "from X to Y".
    Baseline,
    /// A number with a unit or count noun: "20 minutes", "12 pounds", "three trainings".
    Count,
    /// A recurrence from the time recogniser: "every day", "weekly".
    Frequency,
    /// A standard the skill is shown to: "independently", "without prompting",
    /// "correctly", "with no more than 2 errors".
    Criterion,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    pub span: Range<usize>,
    pub kind: IndicatorKind,
}

impl Indicator {
    /// True when the indicator is a share of occasions, which says how often
    /// something happens but not how much: a ratio ("in 4 of 5 lessons") or a
    /// percentage of the time ("80% of the time", "90% of opportunities").
    /// `text` is the text the indicator's span points into.
    pub fn counts_occasions(&self, text: &str) -> bool {
        const OCCASIONS: [&str; 5] = [
            "of the time",
            "of opportunities",
            "of trials",
            "of occasions",
            "of observed",
        ];
        self.kind == IndicatorKind::Ratio
            || self.kind == IndicatorKind::Percentage && {
                let after = text[self.span.end..].trim_start().to_lowercase();
                OCCASIONS.iter().any(|o| after.starts_with(o))
            }
    }
}

#[derive(Debug)]
pub struct MeasureRecogniser {
    patterns: LabelledPatterns<IndicatorKind>,
    count: Regex,
    /// "(confidence level 7/10)", "80% confident": how sure the person is that they
    /// can do it, not a measure of the objective.
    confidence: Regex,
}

const NUM: &str = r"(?:\d[\d,]*(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred|half)";

impl MeasureRecogniser {
    pub fn new(lexicon: &Lexicon) -> Self {
        let rx = |p: &str| Regex::new(&format!("(?i){p}")).expect("measure pattern compiles");
        let units = lexicon
            .units
            .iter()
            .map(|u| regex::escape(u))
            .collect::<Vec<_>>()
            .join("|");
        let patterns = vec![
            (
                IndicatorKind::Percentage,
                rx(&format!(r"\b{NUM}\s*(?:%|per\s*cent\b|percent\b)")),
            ),
            (
                IndicatorKind::Ratio,
                rx(&format!(
                    r"\b{NUM}\s+(?:out\s+of|of\s+the|of)\s+{NUM}\b|\b\d+\s*/\s*\d+\b"
                )),
            ),
            (
                IndicatorKind::Score,
                rx(&format!(
                    r"\b(?:score|grade|level|mark|band|stage|age|reading\s+age)\s+(?:of\s+)?(?:{NUM}|[a-f]\b)|\b(?:achiev(?:e|es|ed|ing)|gets?|getting|gain(?:s|ed|ing)?|reach(?:es|ed|ing)?|scor(?:e|es|ed|ing)|earn(?:s|ed|ing)?|obtain(?:s|ed|ing)?|attain(?:s|ed|ing)?|secur(?:e|es|ed|ing)|receiv(?:e|es|ed|ing)|to)\s+(?:an?\s+)?(?:\d+|[a-f][+*]?)\s+(?:in|on|at)\b|\bstraight\s+[a-f]['’]?s\b|\bfrom\s+an?\s+[a-f]\s+to\s+an?\s+[a-f]\b|\bto\s+an?\s+[a-f]\b|\bby\s+{NUM}\s+(?:levels?|grades?|points?|marks?)\b"
                )),
            ),
            (
                IndicatorKind::Threshold,
                rx(&format!(
                    r"\b(?:at\s+least|no\s+more\s+than|no\s+less\s+than|no\s+fewer\s+than|at\s+most|more\s+than|less\s+than|fewer\s+than|under|over|up\s+to|maximum(?:\s+of)?|minimum(?:\s+of)?|max|min|above|below|only)\s+(?:{NUM}|once|twice)"
                )),
            ),
            // A skill shown to a standard: done so, or not.
            (
                IndicatorKind::Criterion,
                rx(
                    r"\b(?:independently|unaided|unassisted|unprompted|correctly|accurately|without\s+(?:any\s+)?(?:adult\s+|verbal\s+|physical\s+)?(?:prompt(?:ing|s)?|help|support|assistance|cues?|reminders?|errors?|mistakes?|stopping)|with\s+(?:no|minimal|minimum|min|moderate|mod|maximal|maximum|max|one|a\s+single|standby|contact\s+guard|one\s+person(?:'s)?|two\s+person(?:'s)?)\s+(?:verbal\s+|visual\s+|physical\s+)?(?:prompts?|cues?|errors?|reminders?|assistance|assist|support|help))\b|\b(?:remain|stay|be|keep|kept)\s+(?:\w+\s+)?free\s+(?:of|from)\b",
                ),
            ),
            // "count to 20", "read up to 50": the number is the target.
            (
                IndicatorKind::Count,
                rx(&format!(
                    r"\b(?:count|read|write|spell|recite|say|name|add|subtract|multiply|divide)\s+(?:up\s+)?to\s+{NUM}\b"
                )),
            ),
            // "compared with the 12 she had last half term", "against a baseline of 4".
            (
                IndicatorKind::Baseline,
                rx(&format!(
                    r"\b(?:compared\s+(?:with|to)|against)\s+(?:the\s+|a\s+|her\s+|his\s+|their\s+|my\s+)?(?:baseline\b|{NUM}\b|last\s+\w+|previous\s+\w+)"
                )),
            ),
            // "from moderate to mild on the PHQ-9", "from severe to moderate
            // range on the depression scale": levels of a named instrument.
            (
                IndicatorKind::Baseline,
                rx(
                    r"\bfrom\s+(?:[\w-]+\s+){1,2}?to\s+(?:[\w-]+\s+){1,3}?(?:on|in|by|using|according\s+to)\s+(?:the\s+|a\s+|his\s+|her\s+|their\s+|my\s+)?(?:[a-z]+-\d+\b|(?:[\w-]+\s+){0,3}?(?:scale|score|index|inventory|questionnaire|assessment|profile|rating|checklist|measure)\b)",
                ),
            ),
            // "PHQ-9 ≤ 9", "< 25 seconds", "to zero"; "7 or more", "3 or fewer".
            (
                IndicatorKind::Threshold,
                rx(&format!(
                    r"(?:≤|≥|<=|>=|<|>)\s*{NUM}|\b(?:down\s+to|to)\s+(?:zero|none|nil)\b|\b{NUM}\s*%?\s+or\s+(?:more|above|higher|over|less|fewer|below|under|better)\b"
                )),
            ),
            (
                IndicatorKind::Baseline,
                rx(&format!(
                    r"\bfrom\s+(?:\w+\s+){{0,4}}?(?:{NUM}|once|twice|thrice).*?\bto\s+(?:\w+\s+){{0,3}}?(?:{NUM}|once|twice|thrice)|\b(?:limit|reduce|cut|cut\s+down|lower|decrease)\b.{{0,40}}?\bto\s+(?:once|twice|thrice)\s+(?:a\s+|per\s+)?(?:daily|weekly|monthly|day|week|month)\b|\bby\s+{NUM}\s*(?:%|per\s*cent|percent|{units})|\bby\s+(?:half|a\s+(?:half|third|quarter))\b|\b(?:to|down\s+to|up\s+to)\s+(?:once|twice|{NUM}\s+times?)\s+(?:a|per|every)\b"
                )),
            ),
        ];
        MeasureRecogniser {
            patterns: LabelledPatterns::new(patterns),
            count: rx(&format!(
                r"\b{NUM}(?:\s*(?:-|to)\s*{NUM})?[\s-]*(?:{units})\b|\b\d+\s*(?:-|to)\s*\d+\s+[a-z]+"
            )),
            confidence: rx(
                r"\([^()]*\bconfiden(?:t|ce)\b[^()]*\)?|\bconfiden(?:t|ce)(?:\s+level)?(?:\s+of|\s*:)?\s*(?:is\s+)?\d+(?:\s*-\s*\d+)?\s*(?:%|/\s*10|out\s+of\s+10)|\b\d+(?:\s*-\s*\d+)?\s*(?:%|/\s*10|out\s+of\s+10)\s+confiden(?:t|ce)\b",
            ),
        }
    }

    /// Indicators in the objective. Numbers inside dates and deadlines are not
    /// indicators; recurrences are (a frequency can be counted).
    pub fn indicators(&self, a: &Analysis, times: &[TimeExpr]) -> Vec<Indicator> {
        let text = &a.text;
        let confidence: Vec<Range<usize>> =
            self.confidence.find_iter(text).map(|m| m.range()).collect();
        let in_confidence = |r: &Range<usize>| {
            confidence
                .iter()
                .any(|c| c.start <= r.start && r.end <= c.end)
        };
        let in_time = |r: &Range<usize>| {
            times.iter().any(|t| {
                matches!(
                    t.kind,
                    TimeKind::Date
                        | TimeKind::Deadline
                        | TimeKind::Period
                        | TimeKind::Start
                        | TimeKind::ClockTime
                ) && t.span.start <= r.start
                    && r.end <= t.span.end
            })
        };
        // "live independently" is a way of life reached, not a skill shown to
        // a standard: the adverb after "live" is no criterion.
        let after_live = |r: &Range<usize>| {
            a.token_at(r.start)
                .and_then(|k| k.checked_sub(1))
                .is_some_and(|k| a.tokens[k].is("live"))
        };
        let mut found = Vec::new();
        for (kind, p) in self.patterns.matching(text) {
            for m in p.find_iter(text) {
                let span = m.range();
                if *kind == IndicatorKind::Criterion && after_live(&span) {
                    continue;
                }
                if !in_time(&span) {
                    found.push(Indicator { span, kind: *kind });
                }
            }
        }
        for m in self.count.find_iter(text) {
            let span = m.range();
            if !in_time(&span) {
                found.push(Indicator {
                    span,
                    kind: IndicatorKind::Count,
                });
            }
        }
        // A cardinal number heading a noun phrase counts things: "three trainings",
        // "50 high-frequency words", "two income-based housing properties".
        for (i, t) in a.tokens.iter().enumerate() {
            // After a number and an adjective, a word the tagger read as a
            // verb in -s is the plural counted: "20 new words".
            let plural_after_adjective = |k: usize| {
                k >= i + 2 && a.tokens[k].pos == "VBZ" && a.tokens[k - 1].pos.starts_with("JJ")
            };
            let noun = (i + 1..(i + 7).min(a.tokens.len()))
                .take_while(|&k| {
                    let n = &a.tokens[k];
                    n.is_noun()
                        || n.has_tag("NNS")
                        || n.pos.starts_with("JJ")
                        || n.lower == "-"
                        // a compound modifier the dictionary does not know: "income-based"
                        || n.pos == "UNKNOWN" && n.lower.contains('-')
                        || plural_after_adjective(k)
                })
                .filter(|&k| {
                    a.tokens[k].is_noun() || a.tokens[k].has_tag("NNS") || plural_after_adjective(k)
                })
                .last()
                .filter(|&k| {
                    // The noun must end the run of modifiers.
                    a.tokens.get(k + 1).is_none_or(|n| !n.is_noun())
                });
            // "HB 1159", "NHS 111": a number after a code in capitals identifies, not counts.
            let identifier = i > 0 && {
                let prev = &text[a.tokens[i - 1].span.clone()];
                prev.len() >= 2 && prev.chars().all(|c| c.is_ascii_uppercase())
            };
            if let Some(k) = noun.filter(|_| t.is_number() && !in_time(&t.span) && !identifier) {
                if !found
                    .iter()
                    .any(|f| f.span.start <= t.span.start && t.span.end <= f.span.end)
                {
                    found.push(Indicator {
                        span: t.span.start..a.tokens[k].span.end,
                        kind: IndicatorKind::Count,
                    });
                }
            }
        }
        for t in times {
            if t.kind == TimeKind::Recurrence {
                found.push(Indicator {
                    span: t.span.clone(),
                    kind: IndicatorKind::Frequency,
                });
            }
        }
        found.retain(|f| !in_confidence(&f.span));
        found.sort_by_key(|f| f.span.start);
        found
    }
}

/// Byte spans of named measurement methods, matched on lemmas.
pub fn methods(a: &Analysis, lexicon: &Lexicon) -> Vec<Range<usize>> {
    phrase_spans(a, &lexicon.methods)
}

/// Byte spans of every phrase of `list` in the analysis, longest match first,
/// without overlaps.
pub fn phrase_spans(a: &Analysis, list: &[String]) -> Vec<Range<usize>> {
    // Lexicon lists are ordered longest first (`Lexicon::normalise`).
    let mut taken: Vec<Range<usize>> = Vec::new();
    for phrase in list {
        for r in a.find_phrase(phrase) {
            if !taken.iter().any(|t| t.start < r.end && r.start < t.end) {
                taken.push(r);
            }
        }
    }
    taken.sort_by_key(|r| r.start);
    taken.into_iter().map(|r| a.byte_span(r)).collect()
}

//! The properties any text keeps through the analyser and the rewriter, for
//! the fuzz targets: the cargo-fuzz target in `fuzz/` (long runs) and
//! `tests/fuzz.rs` (short runs from a fixed seed corpus, in `make test`).
//! Each returns why it was broken, so a harness can show the input with it.

use crate::core::check::{Checker, Objective, MAX_OBJECTIVE_BYTES};
use crate::rewrite::Rewriter;

/// Checks one text against every property; `Err` says which broke. A panic
/// inside the analyser or rewriter is left to the harness to catch.
pub fn check_properties(
    checker: &Checker,
    rewriter: &Rewriter<'_>,
    text: &str,
) -> Result<(), String> {
    let judgment = checker.check_text(text);
    let judged = judgment.text.as_str();
    if !text.starts_with(judged) || (text.len() <= MAX_OBJECTIVE_BYTES && judged != text) {
        return Err(format!("the judgment is of other text: {judged:?}"));
    }
    for f in &judgment.findings {
        spans_on(judged, f.start, f.end).map_err(|e| format!("finding {}: {e}", f.rule))?;
        if f.message.trim().is_empty() {
            return Err(format!("finding {} has no message", f.rule));
        }
    }
    if judgment.smart != judgment.criteria.failing().is_empty() {
        return Err(format!(
            "smart is {} but the failing criteria are {:?}",
            judgment.smart,
            judgment.criteria.failing()
        ));
    }
    let rewrite = rewriter.rewrite(&Objective::new(text));
    if rewrite.before != judgment.criteria {
        return Err("the rewriter's verdicts on the original differ from the checker's".into());
    }
    let out = rewrite.rewrite.as_str();
    for p in &rewrite.placeholders {
        spans_on(out, p.start, p.end).map_err(|e| format!("placeholder [{}]: {e}", p.label))?;
    }
    for s in &rewrite.suggested {
        spans_on(out, s.start, s.end).map_err(|e| format!("suggested span: {e}"))?;
        if out[s.start..s.end] != s.text {
            return Err(format!("suggested span {:?} is not at its offsets", s.text));
        }
    }
    // A SMART objective comes back as it is, unless a warning asks for a repair.
    let asks = judgment
        .findings
        .iter()
        .any(crate::rewrite::advisories::is_answered);
    if judgment.smart && !asks && text.len() <= MAX_OBJECTIVE_BYTES && rewrite.rewrite != text {
        return Err(format!("a SMART objective was rewritten to {out:?}"));
    }
    Ok(())
}

/// Words and pieces objectives are made of, for [`objective`] to combine.
const WORDS: &[&str] = &[
    "Mum",
    "Dad",
    "John",
    "Amy",
    "Kyle",
    "the school",
    "the social worker",
    "Sam",
    "Mrs Patel",
    "will",
    "to",
    "must",
    "should",
    "engage",
    "with",
    "services",
    "attend",
    "school",
    "every",
    "day",
    "week",
    "Tuesday",
    "by",
    "until",
    "31 March 2027",
    "31/02/2027",
    "half term",
    "ongoing",
    "review",
    "the next review",
    "6 weeks",
    "3 times a week",
    "90%",
    "9 of 10",
    "days",
    "reduce",
    "stop",
    "improve",
    "understand",
    "the importance of",
    "raise his hand",
    "when",
    "he",
    "she",
    "they",
    "wants",
    "ask",
    "a question",
    "in",
    "lessons",
    "recorded",
    "register",
    "measured by",
    "the GP",
    "CAMHS",
    "NHS",
    "appointments",
    "always",
    "never",
    "all",
    "and",
    "or",
    "not",
    "less",
    "more",
    "happy",
    "anxious",
    "feel",
    "safe",
    "home",
    "drug",
    "alcohol",
    "free",
    "sleep",
    "bed",
    "8pm",
    "8.45am",
    "within",
    "£50",
    "(",
    ")",
    "[by when]",
    "\"",
    "'",
    ",",
    ".",
    ";",
    ":",
    "-",
    "–",
    "/",
    "&",
    "+",
    "%",
    "?",
    "!",
    "…",
];

/// Characters that break naive text handling: multi-byte, combining, zero-width,
/// right-to-left, emoji with joiners, control and odd spaces.
const ODD: &[&str] = &[
    "é",
    "ß",
    "İ",
    "ﬁ",
    "e\u{301}",
    "\u{200b}",
    "\u{200d}",
    "\u{feff}",
    "\u{202e}",
    "مرحبا",
    "שלום",
    "日本語",
    "😀",
    "👩‍👧",
    "🏳️‍🌈",
    "\u{0}",
    "\t",
    "\r",
    "\n",
    "\u{a0}",
    "\u{2028}",
    "\u{fffd}",
    "𝔘",
    "Ⅻ",
    "½",
    "²",
    "١٢",
    "",
];

/// A text built from `u`'s bytes: objective-like words, odd characters, and
/// repeats, so that a fuzzer's bytes explore texts near real objectives as
/// well as far from them.
pub fn objective(u: &mut arbitrary::Unstructured<'_>) -> arbitrary::Result<String> {
    let mut text = String::new();
    let pieces = u.int_in_range(0..=24)?;
    for _ in 0..pieces {
        match u.int_in_range(0..=19)? {
            0..=12 => text.push_str(u.choose(WORDS)?),
            13..=14 => text.push_str(u.choose(ODD)?),
            15..=16 => text.push_str(&u.int_in_range(0u32..=100_000)?.to_string()),
            17..=18 => text.push(u.arbitrary::<char>()?),
            _ => {
                // Now and then a long run of one word: objectives are short,
                // but pasted text is not always.
                let word = u.choose(WORDS)?;
                let most = if u.ratio(1, 4)? { 100 } else { 3 };
                let times = u.int_in_range(1..=most)?;
                text.push_str(&word.repeat(times));
            }
        }
        if u.ratio(3, 4)? {
            text.push(' ');
        }
    }
    if u.ratio(1, 3)? {
        text = text.to_uppercase();
    }
    Ok(text)
}

/// A span must lie within `text` and start and end on character boundaries.
fn spans_on(text: &str, start: usize, end: usize) -> Result<(), String> {
    if start > end || end > text.len() {
        return Err(format!(
            "span {start}..{end} is outside the {} bytes of text",
            text.len()
        ));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!("span {start}..{end} splits a character"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_caught() {
        assert!(spans_on("café", 0, 5).is_ok());
        assert!(spans_on("café", 0, 4)
            .unwrap_err()
            .contains("splits a character"));
        assert!(spans_on("café", 3, 2).unwrap_err().contains("outside"));
        assert!(spans_on("café", 0, 6).unwrap_err().contains("outside"));
    }
}

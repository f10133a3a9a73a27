//! Text tidying for rewrites: kept fragments trimmed of dangling words and
//! punctuation, spans subtracted, first letters lowered unless they start a name.

use crate::rewrite::draft::{template, Piece};
use std::ops::Range;

/// Splits a verb-repair action so that the writer's object stays marked as kept,
/// asking which one of the general noun phrase at bytes `which` of the object,
/// when given ("engage with [which services]").
pub(super) fn split_kept(
    action: &str,
    object: Option<&str>,
    which: Option<Range<usize>>,
) -> Vec<Piece> {
    let Some(object) = object.filter(|o| !o.is_empty()) else {
        return template(action);
    };
    let Some(at) = action.find(object) else {
        return template(action);
    };
    // "[which aspect of my health]": an object inside a placeholder is part
    // of what it asks.
    if action[..at].matches('[').count() > action[..at].matches(']').count() {
        return template(action);
    }
    let mut pieces = template(&action[..at]);
    let which = which.filter(|w| {
        w.start < w.end
            && w.end <= object.len()
            && object.is_char_boundary(w.start)
            && object.is_char_boundary(w.end)
    });
    match which {
        Some(w) => {
            let before = object[..w.start].trim();
            if !before.is_empty() {
                pieces.push(Piece::kept(before));
            }
            pieces.push(Piece::placeholder(format!(
                "which {}",
                object[w.clone()].trim()
            )));
            let after = object[w.end..].trim();
            if !after.is_empty() {
                pieces.push(Piece::kept(after));
            }
        }
        None => pieces.push(Piece::kept(object)),
    }
    pieces.extend(template(&action[at + object.len()..]));
    pieces
}

/// A verb token in its base form: its verb lemma ("needs" → "need",
/// "being" → "be"), else its surface.
pub(super) fn base_form(t: &crate::core::nlp::Token) -> String {
    // The chosen verb reading's lemma, else the first verb reading's.
    t.is_verb()
        .then(|| t.lemma_for(t.pos))
        .flatten()
        .or_else(|| {
            t.tags
                .iter()
                .find(|tag| tag.starts_with("VB"))
                .and_then(|tag| t.lemma_for(tag))
        })
        .map_or_else(|| t.lower.clone(), str::to_string)
}

pub(crate) fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` without a last phrase that says "for good" ("ever again", "any
/// more"): the negation it goes with is carried by the rewrite's template.
pub(super) fn without_for_good(text: &str) -> String {
    let lower = text.to_lowercase();
    [
        "ever again",
        "any more",
        "anymore",
        "again",
        "for good",
        "forever",
        "for ever",
        "completely",
        "entirely",
    ]
    .iter()
    .find_map(|w| lower.strip_suffix(w).map(|rest| tidy(&text[..rest.len()])))
    .unwrap_or_else(|| text.to_string())
}

/// A personal pronoun moved from subject to object: "[who] will support me",
/// not "support I". Anything else is returned as it is.
pub(crate) fn object_form(words: &str) -> String {
    match words {
        "I" | "i" => "me",
        "we" | "We" => "us",
        "he" | "He" => "him",
        "she" | "She" => "her",
        "they" | "They" => "them",
        other => other,
    }
    .to_string()
}

/// Tidies a kept fragment; only the last fragment loses dangling trailing words.
pub(super) fn tidy_inner(text: &str, last: bool) -> String {
    if last {
        return tidy(text);
    }
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .to_string()
}

/// `range` without the parts covered by `holes`, as ordered non-empty ranges.
pub(super) fn subtract(range: Range<usize>, holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut holes: Vec<&Range<usize>> = holes.iter().filter(|h| overlaps(h, &range)).collect();
    holes.sort_by_key(|h| h.start);
    let mut out = Vec::new();
    let mut at = range.start;
    for h in holes {
        if h.start > at {
            out.push(at..h.start.min(range.end));
        }
        at = at.max(h.end);
    }
    if at < range.end {
        out.push(at..range.end);
    }
    out
}

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Trims a kept fragment: spaces, dangling punctuation and dangling joining words.
pub(super) fn tidy(text: &str) -> String {
    tidy_with(text, true)
}

/// Like [`tidy`], but keeps the words a fragment starts with ("by discharge"
/// after an inserted slot leads on from it).
pub(super) fn tidy_end(text: &str) -> String {
    tidy_with(text, false)
}

fn tidy_with(text: &str, leading: bool) -> String {
    let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = t.len();
        t = t
            .trim_matches(|c: char| {
                matches!(c, ',' | ';' | ':' | '.' | '-' | '!' | '…') || c.is_whitespace()
            })
            .to_string();
        for dangling in [
            " and", " or", " by", " with", " to", " at", " in", " on", " from", " as", " the",
            " until", " at the",
        ] {
            if t.to_lowercase().ends_with(dangling) {
                t.truncate(t.len() - dangling.len());
            }
        }
        for dangling in ["and ", "or ", "by ", "as "] {
            if leading && t.to_lowercase().starts_with(dangling) {
                t = t[dangling.len()..].to_string();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Lower-cases the first letter unless the first word looks like a name or acronym.
pub(crate) fn decapitalise(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let looks_like_name =
        first_word.chars().skip(1).any(|c| c.is_uppercase()) || matches!(first_word, "I");
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !looks_like_name && is_common_word(first_word) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// Words that start sentences in plans but are not names.
pub(super) fn is_common_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "my"
            | "our"
            | "home"
            | "house"
            | "school"
            | "attendance"
            | "this"
            | "that"
            | "all"
            | "any"
            | "each"
            | "every"
            | "some"
            // Words that lead a time carried to the end: "After school".
            | "after"
            | "before"
            | "during"
            | "until"
            | "by"
            | "in"
            | "on"
            | "at"
            | "within"
            | "over"
            | "from"
            | "when"
    )
}

/// A piece of the writer's action said of a third person (see [`third_person`]).
pub(super) fn third_person_piece(piece: Piece) -> Piece {
    match piece {
        Piece::Kept(t) => Piece::Kept(third_person(&t)),
        Piece::Placeholder { label, options } => Piece::Placeholder {
            label: third_person(&label),
            options,
        },
        other => other,
    }
}

/// The reader's words said of a third person: "your" → "their", "yourself" →
/// "themselves" (whole words, keeping a capital).
pub(super) fn third_person(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let swapped = match word.to_lowercase().as_str() {
            "your" => Some("their"),
            "yours" => Some("theirs"),
            "yourself" | "yourselves" => Some("themselves"),
            _ => None,
        };
        match swapped {
            Some(s) if word.starts_with('Y') => {
                out.push('T');
                out.push_str(&s[1..]);
            }
            Some(s) => out.push_str(s),
            None => out.push_str(word),
        }
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphanumeric() || c == '\'' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Whether the pieces end with a phrase set off by a comma that modifies what
/// came before: a participle ("written in a food diary", "seen by Ms Khan") or
/// a change from a baseline ("up from [baseline]").
pub(super) fn ends_in_a_trailing_modifier(pieces: &[Piece]) -> bool {
    let text = crate::rewrite::draft::render(pieces).text;
    // The last ", " outside a placeholder ("recorded in [which record, such
    // as a diary]" ends in the participle's phrase, not in "such as").
    let mut depth = 0i32;
    let mut split = None;
    for (i, c) in text.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth -= 1,
            ',' if depth == 0 && text[i..].starts_with(", ") => split = Some(i + 2),
            _ => {}
        }
    }
    let Some(last) = split.map(|i| &text[i..]) else {
        return false;
    };
    // ("as weighed at ...": the participle after "as".)
    let mut words = last.split_whitespace();
    let first = match words.next().unwrap_or("") {
        "as" => words.next().unwrap_or(""),
        w => w,
    };
    let participle = first.len() > 3
        && (first.ends_with("ed") || first.ends_with("en") || first.ends_with("wn"))
        && !last.contains(" and ");
    // "with no new pressure areas found at each daily skin check": a
    // participle and its preposition later in the phrase close it too.
    let words: Vec<&str> = last.split_whitespace().collect();
    let later_participle = !last.contains(" and ")
        && words.windows(2).any(|w| {
            let participle = w[0].len() > 3 && (w[0].ends_with("ed") || w[0].ends_with("wn"))
                || matches!(w[0], "found" | "kept" | "seen" | "held" | "done" | "made");
            participle && matches!(w[1], "at" | "in" | "on")
        });
    participle || later_participle || matches!(first, "up" | "down")
}

/// Where a closing change from a baseline (", up from [baseline],") starts,
/// when the pieces end with one.
pub(super) fn ends_in_a_baseline(pieces: &[Piece]) -> Option<usize> {
    let [.., Piece::Added(from), Piece::Placeholder { label, .. }, Piece::Added(comma)] = pieces
    else {
        return None;
    };
    let opens = from.starts_with(", up from") || from.starts_with(", down from");
    (opens && label == "baseline" && comma == ",").then(|| pieces.len() - 3)
}

/// Whether the pieces end in a clause that serves the action, with no comma
/// after it: a purpose ("so I can be healthier", "so that ...") or a means
/// ("by eating better"). A time after it is the action's.
pub(super) fn ends_in_a_serving_clause(pieces: &[Piece]) -> bool {
    let text = crate::rewrite::draft::render(pieces).text;
    let last = text.rsplit_once(", ").map_or(text.as_str(), |(_, l)| l);
    let words: Vec<&str> = last.split_whitespace().collect();
    (1..words.len()).any(|k| {
        let (w, next) = (words[k - 1], words[k]);
        // ("caused by texting" is the agent of a participle, not a means.)
        let after_participle = k >= 2 && words[k - 2].ends_with("ed");
        w == "so" && matches!(next, "that" | "I" | "he" | "she" | "they" | "we" | "you")
            || w == "by" && next.len() > 4 && next.ends_with("ing") && !after_participle
    })
}

/// An action kept within a period ("From [start date] until [review date],"):
/// "never" becomes "not" and a last "again" or "ever again" goes, since the
/// period, not forever, is what is checked ("never fall again" -> "not fall").
pub(super) fn negation_within_a_period(action: Vec<Piece>) -> Vec<Piece> {
    let negated = action
        .iter()
        .any(|p| matches!(p, Piece::Kept(t) if t.eq_ignore_ascii_case("never")));
    if !negated {
        return action;
    }
    let last_kept = action.iter().rposition(|p| matches!(p, Piece::Kept(_)));
    action
        .into_iter()
        .enumerate()
        .map(|(i, p)| match p {
            Piece::Kept(t) if t.eq_ignore_ascii_case("never") => Piece::kept("not"),
            Piece::Kept(t) if Some(i) == last_kept => Piece::kept(without_for_good(&t)),
            p => p,
        })
        .collect()
}

/// Whether the pieces end with a count of occasions out of so many ("on [N of
/// M] occasions") that says no baseline yet: a change to it can be measured
/// from one ("..., up from [baseline]").
pub(super) fn counts_occasions(pieces: &[Piece]) -> bool {
    let text = crate::rewrite::draft::render(pieces).text;
    text.contains("[N of M]")
        && !text.contains(" from [baseline]")
        && !ends_in_a_trailing_modifier(pieces)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtract_leaves_the_uncovered_parts_in_order() {
        assert_eq!(subtract(0..10, &[2..4, 6..7]), vec![0..2, 4..6, 7..10]);
        let whole: [Range<usize>; 1] = [Range { start: 0, end: 10 }];
        assert_eq!(subtract(0..10, &whole), Vec::<Range<usize>>::new());
        let before: [Range<usize>; 1] = [Range { start: 0, end: 3 }];
        assert_eq!(subtract(5..10, &before), vec![5..10]);
    }

    #[test]
    fn a_comma_inside_a_placeholder_does_not_end_the_modifier() {
        let pieces = [
            Piece::kept("lose weight, weighed at"),
            Piece::placeholder("which check, such as a weigh-in"),
        ];
        assert!(ends_in_a_trailing_modifier(&pieces));
        let pieces = [
            Piece::kept("lose weight at"),
            Piece::placeholder("which check, weighed at the surgery"),
        ];
        assert!(!ends_in_a_trailing_modifier(&pieces));
        // A participle after "as", or later in the phrase, closes it as well.
        let pieces = [
            Piece::kept("lose weight, as weighed at"),
            Piece::placeholder("which place"),
        ];
        assert!(ends_in_a_trailing_modifier(&pieces));
        let pieces = [Piece::kept(
            "keep their skin intact, with no new pressure areas found at each skin check",
        )];
        assert!(ends_in_a_trailing_modifier(&pieces));
        let pieces = [Piece::kept(
            "keep their skin intact, with cream on each day",
        )];
        assert!(!ends_in_a_trailing_modifier(&pieces));
    }

    #[test]
    fn a_purpose_or_a_means_ends_in_a_serving_clause() {
        let pieces = [Piece::kept("lose weight so I can be healthier")];
        assert!(ends_in_a_serving_clause(&pieces));
        let pieces = [Piece::kept("gain weight by eating better")];
        assert!(ends_in_a_serving_clause(&pieces));
        // "by" before a date or a name is no means.
        let pieces = [Piece::kept("be seen by the nurse")];
        assert!(!ends_in_a_serving_clause(&pieces));
        let pieces = [Piece::kept("reduce accidents caused by texting")];
        assert!(!ends_in_a_serving_clause(&pieces));
    }

    #[test]
    fn never_within_a_period_is_not() {
        let action = vec![Piece::kept("never"), Piece::kept("fall again")];
        assert_eq!(
            negation_within_a_period(action),
            vec![Piece::kept("not"), Piece::kept("fall")]
        );
        // Without "never", the words stand ("not leave the baby alone again").
        let action = vec![
            Piece::kept("not"),
            Piece::kept("leave the baby alone again"),
        ];
        assert_eq!(negation_within_a_period(action.clone()), action);
    }

    #[test]
    fn tidy_drops_dangling_words_and_punctuation() {
        assert_eq!(tidy("engage with services ,"), "engage with services");
        assert_eq!(tidy("attend school and"), "attend school");
        assert_eq!(tidy("walk the dog by"), "walk the dog");
        assert_eq!(tidy("  , and take the bins out. "), "take the bins out");
        assert_eq!(
            tidy("catch the train to Leeds!"),
            "catch the train to Leeds"
        );
    }

    #[test]
    fn decapitalise_keeps_names() {
        assert_eq!(decapitalise("The home"), "the home");
        assert_eq!(decapitalise("After school"), "after school");
        assert_eq!(decapitalise("John's homework"), "John's homework");
        assert_eq!(decapitalise("XYZ supplier"), "XYZ supplier");
        assert_eq!(lower_first("Wound"), "wound");
        assert_eq!(object_form("I"), "me");
        assert_eq!(object_form("the family"), "the family");
        assert_eq!(without_for_good("eat crisps ever again"), "eat crisps");
        assert_eq!(without_for_good("so lonely any more"), "so lonely");
        assert_eq!(without_for_good("eat crisps"), "eat crisps");
    }

    #[test]
    fn a_trailing_participle_or_change_is_closed_before_a_time() {
        let ends = |t: &str| ends_in_a_trailing_modifier(&[Piece::kept(t)]);
        assert!(ends("give Ava breakfast each day, written on the chart"));
        assert!(ends("attend on [N of M] days, up from [baseline]"));
        assert!(ends("check the fridge, seen by the health visitor"));
        // Not a modifier set off by a comma. (A template that closes itself,
        // "up from [baseline],", gets no second comma: `render` drops it.)
        assert!(!ends("tidy her room, and then read"));
        assert!(!ends("read to Leo each evening"));
    }

    #[test]
    fn a_count_of_occasions_can_take_a_baseline() {
        let counts = |t: &str| counts_occasions(&[Piece::kept(t)]);
        assert!(counts(
            "use the agreed strategy when upset, on [N of M] occasions"
        ));
        assert!(!counts(
            "use the agreed strategy on [N of M] occasions, up from [baseline]"
        ));
        assert!(!counts(
            "draw a plan with [named worker] and agree the first step"
        ));
        assert!(!counts(
            "sort the post on [N of M] days, written on the chart"
        ));
    }

    #[test]
    fn a_closing_baseline_is_found_where_it_starts() {
        let mut pieces = vec![Piece::kept("follow the rules in [N of M] lessons")];
        assert_eq!(ends_in_a_baseline(&pieces), None);
        pieces.extend(template(", up from [baseline],"));
        assert_eq!(ends_in_a_baseline(&pieces), Some(1));
        pieces.push(Piece::added("by"));
        assert_eq!(ends_in_a_baseline(&pieces), None);
    }

    #[test]
    fn the_readers_words_are_said_of_a_third_person() {
        assert_eq!(
            third_person("improve your reading by yourself"),
            "improve their reading by themselves"
        );
        assert_eq!(
            third_person("Your plan, not young people's"),
            "Their plan, not young people's"
        );
    }
}

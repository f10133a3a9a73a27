//! The golden rule: a rewrite may not state a fact the input does not. Numbers,
//! dates and proper names must come from the input, unless they sit inside a
//! placeholder or a marked suggestion from the exemplar bank.

use super::draft::Rendered;
use std::collections::HashSet;

/// Words of `rendered`, outside placeholders and suggestions, that state a fact
/// found in neither `input` nor `concern`: a word with a digit, or a capitalised
/// word that does not begin a sentence.
pub fn invented_facts(input: &str, concern: Option<&str>, rendered: &Rendered) -> Vec<String> {
    let mut known: HashSet<String> = words(input)
        .chain(concern.into_iter().flat_map(words))
        .map(|(_, w, _)| w.to_lowercase())
        .collect();
    // "Kai's" in the input vouches for "Kai".
    let stems: Vec<String> = known
        .iter()
        .filter_map(|w| w.split(['\'', '’']).next().map(str::to_string))
        .collect();
    known.extend(stems);
    let exempt = rendered.exempt_spans();
    let mut invented = Vec::new();
    for (start, word, sentence_start) in words(&rendered.text) {
        let end = start + word.len();
        if exempt.iter().any(|r| r.start <= start && end <= r.end) {
            continue;
        }
        let has_digit = word.chars().any(|c| c.is_ascii_digit());
        let capitalised =
            word.chars().next().is_some_and(char::is_uppercase) && !sentence_start && word != "I";
        if (has_digit || capitalised) && !known.contains(&word.to_lowercase()) {
            invented.push(word.to_string());
        }
    }
    invented
}

/// The words of `text` with their byte offsets and whether each begins a sentence.
fn words(text: &str) -> impl Iterator<Item = (usize, &str, bool)> {
    let mut out = Vec::new();
    let mut sentence_start = true;
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() || c == '\'' || c == '’';
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let w = text[s..i].trim_matches(|c| c == '\'' || c == '’');
                if !w.is_empty() {
                    out.push((s, w, sentence_start));
                    sentence_start = false;
                }
                start = None;
            }
            _ => {}
        }
        if matches!(c, '.' | '!' | '?' | ':' | ';' | '\n') && start.is_none() {
            sentence_start = true;
        }
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::super::draft::{render, Piece};
    use super::*;

    #[test]
    fn numbers_and_names_must_come_from_the_input() {
        let rendered = render(&[
            Piece::kept("Mum"),
            Piece::added("will take Amy to 3 appointments by June"),
        ]);
        let invented = invented_facts("Mum to engage with services", None, &rendered);
        assert_eq!(invented, vec!["Amy", "3", "June"]);
        let fine = invented_facts(
            "Mum will take Amy to 3 appointments by June",
            None,
            &rendered,
        );
        assert!(fine.is_empty(), "{fine:?}");
    }

    #[test]
    fn placeholders_and_suggestions_are_exempt() {
        let rendered = render(&[
            Piece::kept("John"),
            Piece::added("will"),
            Piece::Suggested {
                text: "rate his mood from 1 to 10".into(),
                exemplar: "To be happy".into(),
            },
            Piece::added("by"),
            Piece::placeholder("named worker at CAMHS"),
        ]);
        assert!(invented_facts("John to be happy", None, &rendered).is_empty());
    }

    #[test]
    fn the_concern_counts_as_input() {
        let rendered = render(&[Piece::added("Sam will attend Oakfield Primary")]);
        assert_eq!(
            invented_facts("Sam will attend", None, &rendered),
            vec!["Oakfield", "Primary"]
        );
        assert!(invented_facts(
            "Sam will attend",
            Some("Oakfield Primary attendance"),
            &rendered
        )
        .is_empty());
    }
}

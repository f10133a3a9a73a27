//! Words the writer shouted ("eat MORE veggies", "I WANT TO LOSE 10 POUNDS")
//! are kept in lower case in the rewrite: in a plan the
//! family reads, a capitalised common word reads as shouting. Acronyms stay
//! as written ("CAMHS", "IEP", "GCSE"), told apart as the `acronym` rule
//! does (`known_acronyms` in `data/language.toml`).

use super::draft::Piece;
use crate::core::check::Analysed;
use crate::core::lexicon::Lexicon;
use regex::Regex;

/// A pattern for the original's shouted words ("MORE", or every word of a
/// sentence in capitals), as the `acronym` rule tells them apart; None when
/// there are none.
pub fn shouted_pattern(x: &Analysed, lexicon: &Lexicon) -> Option<Regex> {
    let a = &x.analysis;
    let mut words: Vec<String> = crate::core::rules::acronym::shouted_words(a, lexicon)
        .into_iter()
        .map(|k| regex::escape(&a.text[a.tokens[k].span.clone()]))
        .collect();
    if words.is_empty() {
        return None;
    }
    words.sort();
    words.dedup();
    Regex::new(&format!(r"\b(?:{})\b", words.join("|"))).ok()
}

/// `pieces` with each `shouted` word in lower case, in the writer's words and
/// in placeholder labels that quote them.
pub fn tone_down(pieces: &mut [Piece], shouted: &Regex) {
    let lower = |t: &str| {
        shouted
            .replace_all(t, |c: &regex::Captures<'_>| c[0].to_lowercase())
            .into_owned()
    };
    for p in pieces.iter_mut() {
        match p {
            Piece::Kept(t) => *t = lower(t),
            Piece::Placeholder { label, .. } => *label = lower(label),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shouted_words_go_to_lower_case_and_others_stay() {
        let mut pieces = vec![
            Piece::kept("eat MORE veggies with the SENCO"),
            Piece::placeholder("observable action that shows: eat MORE"),
            Piece::added("MORE"),
        ];
        tone_down(&mut pieces, &Regex::new(r"\bMORE\b").unwrap());
        assert_eq!(pieces[0], Piece::kept("eat more veggies with the SENCO"));
        assert_eq!(
            pieces[1],
            Piece::placeholder("observable action that shows: eat more")
        );
        // Template words are never the writer's: left alone.
        assert_eq!(pieces[2], Piece::added("MORE"));
    }
}

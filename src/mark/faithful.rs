//! Whether a re-wording still addresses the statement it re-words: the same
//! person (one the statement or its concern names) and the same goal (near in
//! meaning with MiniLM, or sharing a content word). A faithful but vague
//! re-wording is not flagged here; the rubric scores it low. The threshold is
//! calibrated on hand-labelled pairs (`tests/mark/rewording-pairs.tsv`).

use crate::core::check::Analysed;
use crate::core::lexicon::{contains, Lexicon};
use crate::core::similarity::{lexical_similarity, Embed};
use crate::rewrite::intent::IntentLists;

/// Below this cosine similarity (MiniLM) between the re-wording's action and
/// the statement's (or its concern), and with no content word shared, a
/// re-wording no longer addresses the statement. Calibrated for balanced
/// accuracy on `tests/mark/rewording-pairs.tsv` (checked in `tests/mark.rs`).
pub const FAITHFUL_THRESHOLD: f32 = 0.35;
/// The same without the model, on word overlap (Dice).
pub const FAITHFUL_LEXICAL_THRESHOLD: f32 = 0.01;

/// The faithfulness of one re-wording.
#[derive(Debug, Clone, PartialEq)]
pub struct Faithfulness {
    /// Similarity of the re-wording's action to the statement's or the concern.
    pub similarity: f32,
    /// Similarity to the concern alone (with the model).
    pub to_concern: Option<f32>,
    /// The person acting is one the statement names (or nobody is named).
    pub same_person: bool,
    /// The re-wording shares a content word with the statement or its concern.
    pub shares_a_word: bool,
    pub faithful: bool,
}

/// Judges a re-wording (`reworded`) of a statement (`statement`).
pub fn judge(
    reworded: &Analysed,
    statement: &Analysed,
    concern: Option<&str>,
    encoder: Option<&dyn Embed>,
    lexicon: &Lexicon,
) -> Faithfulness {
    let lists = IntentLists::shared();
    let r_action = action_part(reworded);
    let s_action = action_part(statement);
    let mut texts = vec![r_action, s_action];
    if let Some(c) = concern {
        texts.push(c);
    }
    let (similarity, to_concern, threshold) = match encoder.and_then(|e| e.embed_all(&texts).ok()) {
        Some(v) => {
            let sims: Vec<f32> = v[1..]
                .iter()
                .map(|r| crate::core::similarity::cosine(&v[0], r))
                .collect();
            let best = sims.iter().copied().fold(f32::MIN, f32::max);
            (best, sims.get(1).copied(), FAITHFUL_THRESHOLD)
        }
        None => {
            let best = texts[1..]
                .iter()
                .map(|r| lexical_similarity(r_action, r))
                .fold(f32::MIN, f32::max);
            (best, None, FAITHFUL_LEXICAL_THRESHOLD)
        }
    };
    let known = format!("{} {}", statement.analysis.text, concern.unwrap_or(""));
    let shares_a_word = lists.share_a_content_word(r_action, &known);
    let same_person = names_no_stranger(reworded, statement, &known, lexicon, lists);
    Faithfulness {
        similarity,
        to_concern,
        same_person,
        shares_a_word,
        faithful: same_person && (similarity >= threshold || shares_a_word),
    }
}

/// True unless the re-wording's subject names a person ("Dad", "Liam's
/// sister", "Mr Jones") whom the statement and its concern never mention,
/// directly or through a group word ("parents" covers "Mum and Dad").
fn names_no_stranger(
    reworded: &Analysed,
    statement: &Analysed,
    known: &str,
    lexicon: &Lexicon,
    lists: &IntentLists,
) -> bool {
    let Some(subject) = reworded.frame.subject.clone() else {
        return true;
    };
    // A statement that names nobody ("to understand ...", "the house will be
    // cleaned") may be re-worded with whoever should act.
    if !matches!(statement.owner, Some(crate::core::owner::Owner::Person)) {
        return true;
    }
    let toks = &reworded.analysis.tokens;
    // The head of a possessive phrase is the person acting: "Liam's sister".
    let from = subject
        .clone()
        .rev()
        .find(|&k| toks[k].is_possessive())
        .map_or(subject.start, |k| k + 1);
    let known = known.to_lowercase();
    let known_words: Vec<&str> = known
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let people: Vec<&str> = toks[from..subject.end]
        .iter()
        .filter(|t| {
            contains(&lexicon.family_roles, &t.lower)
                || contains(&lexicon.family_roles, t.lemma())
                || (t.is_proper_noun() && t.starts_uppercase(&reworded.analysis.text))
        })
        .map(|t| t.lower.as_str())
        .collect();
    people.iter().all(|p| {
        known_words
            .iter()
            .any(|k| k == p || lists.same_person_group(k, p))
    })
}

/// The objective from its main verb on: "Dad will paint the shed" is compared as
/// "paint the shed", so that a shared "Dad will" does not make two actions alike.
pub fn action_part(x: &Analysed) -> &str {
    let text = x.analysis.text.as_str();
    match x.frame.head {
        Some(h) => &text[x.analysis.tokens[h].span.start..],
        None => text,
    }
}

//! `acronym` (S, warning): an unexplained acronym ("CAMHS", "TAC", "EQA") that the
//! child and family may not know. Capitals used for emphasis ("ask for help MORE often",
//! a sentence written in capitals) are not acronyms.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Level};
use crate::core::lexicon::Lexicon;
use crate::core::nlp::{Analysis, Token};

pub struct Acronym;

impl Rule for Acronym {
    fn id(&self) -> RuleId {
        RuleId::Acronym
    }
    fn criterion(&self) -> Criterion {
        Criterion::S
    }
    fn default_level(&self) -> Level {
        Level::Warning
    }
    fn summary(&self) -> &'static str {
        "An unexplained acronym the family may not know"
    }
    fn guidance(&self) -> &'static str {
        "Don't use generic language/agency specific language; shared language and understanding; clarity for all."
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Amy will attend her CAMHS appointment on 4 May",
                "Bring down the false positivity rate in EQA to max 3%",
                "Amy will go to the SEND drop-in on 4 May",
            ],
            allows: &[
                "Amy will see her GP on 4 May",
                "Amy will attend her CAMHS (Child and Adolescent Mental Health Services) appointment on 4 May",
                "Jo will finish her personal education plan (PEP) review by May",
                "Sam will ask for help MORE often in SOME lessons and will NOT leave class",
                "TOM WILL WALK TO SCHOOL EVERY DAY THIS TERM",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        let text = cx.text();
        let toks = &cx.a.tokens;
        let mut hits = Vec::new();
        let capitals = shouted_sentences(cx.a);
        for (i, t) in toks.iter().enumerate() {
            let word = &text[t.span.clone()];
            let letters = word.chars().filter(|c| c.is_ascii_uppercase()).count();
            let is_acronym = letters >= 2
                && word
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
                && !cx.lexicon.known_acronyms.iter().any(|k| k == word);
            // Explained in brackets right after: "CAMHS (Child and ...)", or
            // itself the bracket after the words: "personal education plan (PEP)".
            let explained = toks.get(i + 1).is_some_and(|n| n.lower == "(")
                || (i >= 2
                    && toks[i - 1].lower == "("
                    && toks.get(i + 1).is_some_and(|n| n.lower == ")")
                    && !toks[i - 2].is_punct());
            let emphasis = is_emphasis(t) || capitals.contains(&t.sentence);
            if is_acronym && !explained && !emphasis {
                hits.push(Hit {
                    span: t.span.clone(),
                    message: format!("'{word}' is an acronym the child or family may not know"),
                    suggestion: format!(
                        "Spell out '{word}' the first time, or use the name the family knows"
                    ),
                    repair: None,
                });
            }
        }
        hits
    }
}

/// The tokens written in capitals that are not acronyms: a word for emphasis
/// ("eat MORE veggies") or any word of a sentence written in capitals ("I
/// WANT TO LOSE 10 POUNDS"), less the known acronyms. The rewriter keeps them
/// in lower case.
pub fn shouted_words(a: &Analysis, lexicon: &Lexicon) -> Vec<usize> {
    let capitals = shouted_sentences(a);
    a.tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| {
            let w = &a.text[t.span.clone()];
            w.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && w.chars().all(|c| !c.is_lowercase())
                && !lexicon.known_acronyms.iter().any(|k| k == w)
                && (is_emphasis(t) || capitals.contains(&t.sentence))
        })
        .map(|(k, _)| k)
        .collect()
}

/// An ordinary word in capitals for emphasis ("MORE", "SOME", "NOT", "MUST"): the
/// dictionary knows it only as a function word, adjective or adverb (or as a
/// modal), never as a noun, verb, unknown word or interjection alone, which is what
/// acronyms are read as ("SEND", "PEP", "SALT", "CAMHS", "TA").
fn is_emphasis(t: &Token) -> bool {
    let word_like = |g: &&str| g.starts_with("NN") || g.starts_with("VB") || *g == "UNKNOWN";
    t.has_tag("MD")
        || (!t.tags.is_empty()
            && !t.tags.iter().any(word_like)
            && !t.tags.iter().all(|g| *g == "UH"))
}

/// Sentences written mostly in capitals ("TOM WILL WALK TO SCHOOL"): there
/// capitals are the writer's style, not acronyms.
fn shouted_sentences(a: &Analysis) -> Vec<usize> {
    let text = &a.text;
    let mut words: std::collections::BTreeMap<usize, (usize, usize)> = Default::default();
    for t in &a.tokens {
        let w = &text[t.span.clone()];
        if w.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            continue;
        }
        let entry = words.entry(t.sentence).or_default();
        entry.0 += 1;
        if w.chars().all(|c| !c.is_lowercase()) {
            entry.1 += 1;
        }
    }
    words
        .into_iter()
        .filter(|(_, (all, caps))| *caps >= 3 && *caps * 5 >= *all * 3)
        .map(|(s, _)| s)
        .collect()
}

crate::rule_examples_test!(super::Acronym);

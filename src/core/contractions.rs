//! Contractions put back together: nlprule splits "won't" into "won", "'" and
//! "t", and "I'm" into "I", "'" and "m", so the verb after "won't" had no
//! modal before it and the negation was lost. Here they become the auxiliary
//! and its clitic, as the Penn Treebank writes them: "wo" + "n't", "I" + "'m".

use super::nlp::{intern_tag, ChunkKind, Token};

/// Negative auxiliaries as nlprule leaves them ("don", "won"), with the
/// auxiliary's lemma and tag.
const NEGATIVE_AUXILIARIES: &[(&str, &str, &str)] = &[
    ("don", "do", "VBP"),
    ("doesn", "do", "VBZ"),
    ("didn", "do", "VBD"),
    ("won", "will", "MD"),
    ("can", "can", "MD"),
    ("couldn", "could", "MD"),
    ("shouldn", "should", "MD"),
    ("wouldn", "would", "MD"),
    ("mustn", "must", "MD"),
    ("shan", "shall", "MD"),
    ("needn", "need", "MD"),
    ("isn", "be", "VBZ"),
    ("aren", "be", "VBP"),
    ("wasn", "be", "VBD"),
    ("weren", "be", "VBD"),
    ("haven", "have", "VBP"),
    ("hasn", "have", "VBZ"),
    ("hadn", "have", "VBD"),
];

/// Clitics after a pronoun ("I'm", "we'll"), with their lemma and tag. "'s"
/// (is, has or a possessive) and "'d" (had or would) are left as they are.
const CLITICS: &[(&str, &str, &str)] = &[
    ("m", "be", "VBP"),
    ("re", "be", "VBP"),
    ("ve", "have", "VBP"),
    ("ll", "will", "MD"),
];

fn is_apostrophe(t: &Token) -> bool {
    t.lower == "'" || t.lower == "\u{2019}"
}

/// The tokens with split contractions rebuilt; spans still cover the text.
pub(super) fn rebuild(tokens: Vec<Token>) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let adjacent = |a: &Token, b: &Token| a.span.end == b.span.start;
        if let (Some(word), Some(mark), Some(last)) =
            (tokens.get(i), tokens.get(i + 1), tokens.get(i + 2))
        {
            let joined = is_apostrophe(mark) && adjacent(word, mark) && adjacent(mark, last);
            let negative = NEGATIVE_AUXILIARIES
                .iter()
                .find(|(w, _, _)| *w == word.lower);
            if let Some(&(_, lemma, tag)) = negative.filter(|_| joined && last.lower == "t") {
                // "don" + "'" + "t" → "do" + "n't": the "n" moves to the clitic.
                let n_at = word.span.end - 1;
                let mut aux = word.clone();
                aux.span = word.span.start..n_at;
                aux.lower = word.lower[..word.lower.len() - 1].to_string();
                set_reading(&mut aux, lemma, tag);
                let mut not = word.clone();
                not.span = n_at..last.span.end;
                not.lower = "n't".to_string();
                set_reading(&mut not, "not", "RB");
                out.push(aux);
                out.push(not);
                i += 3;
                continue;
            }
            let clitic = CLITICS.iter().find(|(c, _, _)| *c == last.lower);
            if let Some(&(_, lemma, tag)) = clitic.filter(|_| joined && word.pos == "PRP") {
                out.push(word.clone());
                let mut verb = last.clone();
                verb.span = mark.span.start..last.span.end;
                verb.lower = format!("'{}", last.lower);
                set_reading(&mut verb, lemma, tag);
                // "I'm saving": the clitic is the verb phrase's auxiliary, as
                // "am" is, whatever chunk the split "m" was given.
                verb.chunk = ChunkKind::Verb;
                verb.chunk_start = true;
                out.push(verb);
                i += 3;
                continue;
            }
        }
        out.push(tokens[i].clone());
        i += 1;
    }
    out
}

fn set_reading(t: &mut Token, lemma: &str, tag: &str) {
    t.lemmas = vec![lemma.to_string()];
    t.tags = vec![intern_tag(tag)];
    t.pos = intern_tag(tag);
    t.can_be_verb = tag != "RB";
}

#[cfg(test)]
mod tests {
    use crate::core::nlp::Analysis;

    fn words(text: &str) -> Vec<(String, String, String)> {
        let a = Analysis::new(crate::testing::checker().tokenizer(), text);
        a.tokens
            .iter()
            .map(|t| {
                (
                    text[t.span.clone()].to_string(),
                    t.pos.to_string(),
                    t.lemmas.first().cloned().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn negative_contractions_become_an_auxiliary_and_not() {
        for (text, aux, lemma) in [
            ("I won't use formula", "wo", "will"),
            ("I won\u{2019}t use formula", "wo", "will"),
            ("Mum doesn't smoke at home", "does", "do"),
            ("He can't sit still", "ca", "can"),
        ] {
            let w = words(text);
            let at = w.iter().position(|(s, _, _)| s == aux).expect(text);
            assert_eq!(w[at].2, lemma, "{text}: {w:?}");
            assert!(
                w[at + 1].0.ends_with('t') && w[at + 1].2 == "not",
                "{text}: {w:?}"
            );
        }
    }

    #[test]
    fn pronoun_clitics_are_verbs_and_possessives_are_left_alone() {
        let w = words("I'm going to walk and we'll cook");
        assert!(
            w.iter()
                .any(|(s, p, l)| s == "'m" && p == "VBP" && l == "be"),
            "{w:?}"
        );
        assert!(
            w.iter()
                .any(|(s, p, l)| s == "'ll" && p == "MD" && l == "will"),
            "{w:?}"
        );
        // "'s" after a name may be a possessive: never read as "is".
        let w = words("Sam's bike will be fixed");
        assert!(
            !w.iter().any(|(s, _, l)| s.contains('\'') && l == "be"),
            "{w:?}"
        );
    }

    #[test]
    fn a_clitic_before_a_participle_opens_the_verb_phrase() {
        // "I'm tidying", "we're cooking": the clause has its subject and verb,
        // as "I am tidying" has, whatever chunk the split clitic was given.
        for text in [
            "I'm tidying my room every Sunday",
            "We\u{2019}re cooking tea on Fridays",
        ] {
            let x = crate::testing::checker().analyse(&crate::core::check::Objective::new(text));
            assert_eq!(x.frame.subject, Some(0..1), "{text}: {:?}", x.frame);
            assert!(x.frame.head.is_some(), "{text}: {:?}", x.frame);
        }
    }
}

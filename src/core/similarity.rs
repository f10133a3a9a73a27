//! Sentence similarity without I/O: the [`Embed`] trait a sentence model
//! implements (the MiniLM encoder lives in `models`), cosine similarity, and the
//! word-overlap fallback used when no model is loaded.

use std::collections::HashSet;
use std::sync::Arc;

/// A sentence encoder failed on some text.
#[derive(Debug, thiserror::Error)]
#[error("the sentence encoder failed: {0}")]
pub struct EmbedError(pub String);

/// A sentence model: text in, a unit-length embedding out. Implementations
/// memoise and serialise as they need; the core only compares vectors.
pub trait Embed: Send + Sync {
    /// The embedding of one text.
    fn embed(&self, text: &str) -> Result<Arc<[f32]>, EmbedError>;

    /// The model's name as reported in output (`"minilm"`).
    fn name(&self) -> &'static str;

    /// The embeddings of `texts`, one per text, in order.
    fn embed_all(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>, EmbedError> {
        texts
            .iter()
            .map(|t| self.embed(t).map(|v| v.to_vec()))
            .collect()
    }
}

/// Cosine similarity of two vectors (0 when either is zero).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na: f32 = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb: f32 = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// Words too common to say anything about what two sentences share.
const STOP_WORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "and", "or", "in", "on", "at", "by", "for", "with", "will", "be",
    "is", "are", "was", "his", "her", "their", "he", "she", "they", "it", "this", "that", "as",
    "from", "each", "every", "when", "who",
];

/// The content words of `text`, lower-cased, with a crude plural/verb suffix folded so
/// that "appointments" meets "appointment" and "attends" meets "attend".
pub fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| w.len() > 1 && !STOP_WORDS.contains(&w.as_str()))
        .filter(|w| !(w.starts_with('[') || w.chars().all(|c| c.is_ascii_digit())))
        .map(|w| fold_suffix(&w))
        .collect()
}

fn fold_suffix(word: &str) -> String {
    for suffix in ["ies", "ing", "ed", "es", "s"] {
        if let Some(stem) = word.strip_suffix(suffix) {
            if stem.len() >= 3 {
                return stem.to_string();
            }
        }
    }
    word.to_string()
}

/// Lexical similarity in 0..=1: the overlap of content words (Dice coefficient).
pub fn lexical_similarity(a: &str, b: &str) -> f32 {
    let wa = content_words(a);
    let wb = content_words(b);
    if wa.is_empty() || wb.is_empty() {
        return 0.0;
    }
    let shared = wa.intersection(&wb).count();
    2.0 * shared as f32 / (wa.len() + wb.len()) as f32
}

/// How smarten compares two texts: with the sentence model when it is installed,
/// by word overlap when it is not.
#[derive(Clone, Copy)]
pub enum Similarity<'a> {
    Model(&'a dyn Embed),
    Lexical,
}

impl Similarity<'_> {
    /// The name reported in output: `"minilm"` or `"unavailable"`.
    pub fn model_name(&self) -> &'static str {
        match self {
            Similarity::Model(e) => e.name(),
            Similarity::Lexical => "unavailable",
        }
    }

    /// Similarity of `reference` to each of `candidates`, in order. With the model this
    /// is the cosine of the embeddings; if encoding fails it falls back to word overlap.
    pub fn to_each(&self, reference: &str, candidates: &[&str]) -> Vec<f32> {
        if let Similarity::Model(encoder) = self {
            let mut texts = Vec::with_capacity(candidates.len() + 1);
            texts.push(reference);
            texts.extend_from_slice(candidates);
            if let Ok(vectors) = encoder.embed_all(&texts) {
                return vectors[1..]
                    .iter()
                    .map(|v| cosine(&vectors[0], v))
                    .collect();
            }
        }
        candidates
            .iter()
            .map(|c| lexical_similarity(reference, c))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_similarity_rewards_shared_content_words() {
        let close = lexical_similarity(
            "Mum will take Amy to her dental appointments",
            "Amy attends the dental appointment",
        );
        let far = lexical_similarity(
            "Mum will take Amy to her dental appointments",
            "John will hand in his homework on Fridays",
        );
        assert!(close > 0.3, "{close}");
        assert!(far < 0.1, "{far}");
        assert_eq!(lexical_similarity("", "anything"), 0.0);
    }

    #[test]
    fn cosine_of_parallel_and_orthogonal_vectors() {
        assert!((cosine(&[1.0, 2.0], &[2.0, 4.0]) - 1.0).abs() < 1e-6);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 3.0]), 0.0);
        assert_eq!(cosine(&[0.0, 0.0], &[1.0, 1.0]), 0.0);
    }
}

//! The risk gate: a topic (alcohol, drugs, domestic abuse ...) a rewrite may
//! only name when the objective or its concern names it.

use super::IntentLists;
use crate::rewrite::draft::Piece;
use serde::Deserialize;

/// A topic a rewrite may only name when the objective or its concern does.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiskTopic {
    pub name: String,
    pub words: Vec<String>,
    /// Words that, next to one of the topic's words, show it means something
    /// else: "drinking fizzy drinks" or "drink water" is not about alcohol.
    #[serde(default)]
    pub innocent_near: Vec<String>,
}

impl RiskTopic {
    /// True when `text` (lower case) names the topic: one of its words, not
    /// next to a word that gives it an innocent sense (one word before it, or
    /// within two after it).
    pub fn named_in(&self, text: &str) -> bool {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .collect();
        let innocent = |w: &str| self.innocent_near.iter().any(|i| i == w);
        self.words.iter().any(|phrase| {
            let parts: Vec<&str> = phrase.split_whitespace().collect();
            let n = parts.len();
            (0..words.len().saturating_sub(n - 1)).any(|i| {
                if words[i..i + n] != parts[..] {
                    return false;
                }
                let before = i.checked_sub(1).map(|b| words[b]);
                let after = &words[i + n..(i + n + 2).min(words.len())];
                !(before.is_some_and(innocent) || after.iter().any(|w| innocent(w)))
            })
        })
    }
}

impl IntentLists {
    /// The risk topics `pieces` name in words that are not the writer's own,
    /// when neither the objective nor its concern names them.
    pub fn risks_introduced(
        &self,
        given: &str,
        concern: Option<&str>,
        pieces: &[Piece],
    ) -> Vec<String> {
        let known = format!("{} {}", given, concern.unwrap_or("")).to_lowercase();
        let mut added = String::new();
        for p in pieces {
            match p {
                Piece::Kept(_) => {}
                Piece::Added(t) => added.push_str(t),
                Piece::Suggested { text, .. } => added.push_str(text),
                Piece::Placeholder { label, options } => {
                    added.push_str(label);
                    for o in options {
                        added.push(' ');
                        added.push_str(o);
                    }
                }
            }
            added.push(' ');
        }
        let added = added.to_lowercase();
        self.risk_topics
            .iter()
            .filter(|t| t.named_in(&added) && !t.named_in(&known))
            .map(|t| t.name.clone())
            .collect()
    }

    /// True when `text` names no risk topic that `given` and `concern` do not.
    pub fn safe_to_offer(&self, text: &str, given: &str, concern: Option<&str>) -> bool {
        self.risks_introduced(given, concern, &[Piece::added(text)])
            .is_empty()
    }
}

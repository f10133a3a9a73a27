//! The exemplar bank in `data/exemplars.toml`: vague objectives paired with
//! observable replacement actions, by domain, and retrieval of the nearest ones.

use super::DataError;
use crate::core::similarity::{lexical_similarity, Embed};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The bundled bank.
pub const BUNDLED: &str = include_str!("../../data/exemplars.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub name: String,
    /// Measurement methods suited to the domain, offered in `[how measured]`.
    pub methods: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exemplar {
    pub domain: String,
    /// The vague objective, as plans write it.
    pub vague: String,
    /// The observable action to put in its place (after "will").
    pub action: String,
    /// Who the action is written for: anyone, or only the plan's own person.
    #[serde(default)]
    pub actor: Actor,
}

/// Who an exemplar's action is written for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Actor {
    /// Whoever the objective names.
    #[default]
    Anyone,
    /// The plan's own person (the patient, the child): not offered when a job
    /// title or an agency acts, since "the nurse" does not eat each meal.
    Person,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BankFile {
    domains: BTreeMap<String, Domain>,
    #[serde(rename = "exemplar")]
    exemplars: Vec<Exemplar>,
}

/// The bank, with the embeddings of its vague sides computed on first use.
pub struct ExemplarBank {
    pub domains: BTreeMap<String, Domain>,
    pub exemplars: Vec<Exemplar>,
    embeddings: OnceLock<Option<Vec<Vec<f32>>>>,
}

impl ExemplarBank {
    /// Parses a bank from TOML; `origin` names the file in errors.
    pub fn from_toml(origin: &str, text: &str) -> Result<Self, DataError> {
        let file: BankFile = toml::from_str(text).map_err(|e| DataError::new(origin, e))?;
        for (i, e) in file.exemplars.iter().enumerate() {
            if !file.domains.contains_key(&e.domain) {
                return Err(DataError::new(
                    origin,
                    format!(
                        "exemplar {} ('{}') has unknown domain `{}`",
                        i + 1,
                        e.vague,
                        e.domain
                    ),
                ));
            }
        }
        Ok(ExemplarBank {
            domains: file.domains,
            exemplars: file.exemplars,
            embeddings: OnceLock::new(),
        })
    }

    pub fn bundled() -> Self {
        Self::from_toml("data/exemplars.toml", BUNDLED).expect("the bundled exemplars.toml parses")
    }

    /// The `k` exemplars nearest to `text`, best first, with their similarity.
    pub fn nearest(&self, text: &str, k: usize, encoder: Option<&dyn Embed>) -> Vec<(usize, f32)> {
        let query = encoder
            .and_then(|e| e.embed_all(&[text]).ok())
            .map(|mut v| v.remove(0));
        self.nearest_to(text, query.as_deref(), k, encoder)
    }

    /// As [`Self::nearest`], with the text's embedding already computed (`query`).
    pub fn nearest_to(
        &self,
        text: &str,
        query: Option<&[f32]>,
        k: usize,
        encoder: Option<&dyn Embed>,
    ) -> Vec<(usize, f32)> {
        let vectors = encoder.and_then(|enc| self.embeddings(enc));
        let mut scored: Vec<(usize, f32)> = match (vectors, query) {
            (Some(vectors), Some(q)) => vectors
                .iter()
                .enumerate()
                .map(|(i, v)| (i, crate::core::similarity::cosine(q, v)))
                .collect(),
            _ => self.lexical(text),
        };
        scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scored.truncate(k);
        scored
    }

    fn lexical(&self, text: &str) -> Vec<(usize, f32)> {
        self.exemplars
            .iter()
            .enumerate()
            .map(|(i, e)| (i, lexical_similarity(text, action_part(&e.vague))))
            .collect()
    }

    fn embeddings(&self, encoder: &dyn Embed) -> Option<&Vec<Vec<f32>>> {
        self.embeddings
            .get_or_init(|| {
                let texts: Vec<&str> = self
                    .exemplars
                    .iter()
                    .map(|e| action_part(&e.vague))
                    .collect();
                let mut all = Vec::with_capacity(texts.len());
                for chunk in texts.chunks(32) {
                    all.extend(encoder.embed_all(chunk).ok()?);
                }
                Some(all)
            })
            .as_ref()
    }

    /// The exemplar's vague objective without who does it ("John will stop
    /// disrupting the class" is compared as "stop disrupting the class"), so that
    /// retrieval matches on the action, not on a name.
    pub fn vague_action(&self, i: usize) -> &str {
        action_part(&self.exemplars[i].vague)
    }

    /// The methods of measurement suited to exemplar `i`'s domain.
    pub fn methods_for(&self, i: usize) -> &[String] {
        self.domains
            .get(&self.exemplars[i].domain)
            .map_or(&[], |d| d.methods.as_slice())
    }
}

/// Drops a leading "Name will", "Mum to", "Parents will" from an objective.
pub fn action_part(text: &str) -> &str {
    let mut words = text.splitn(3, ' ');
    match (words.next(), words.next(), words.next()) {
        (Some(who), Some("will" | "to"), Some(rest))
            if who.chars().next().is_some_and(char::is_uppercase) && who != "To" =>
        {
            rest
        }
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::action_part;

    #[test]
    fn action_part_drops_the_owner() {
        assert_eq!(
            action_part("John will stop disrupting the class"),
            "stop disrupting the class"
        );
        assert_eq!(
            action_part("Mum to engage with services"),
            "engage with services"
        );
        assert_eq!(
            action_part("To understand the classroom rules"),
            "To understand the classroom rules"
        );
        assert_eq!(action_part("Improve attendance"), "Improve attendance");
    }
}

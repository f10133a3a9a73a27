//! The user's `smarten.toml`: extra or replacement word lists and rule levels.
//!
//! ```toml
//! [words.add]
//! agencies = ["Avedon Team"]
//! [words.replace]
//! known_acronyms = ["GP", "NHS"]
//! [rules]
//! acronym = "off"
//! job-title-only = "error"
//! [rewrite]
//! generator = "models/flan-t5-small"
//! ```

use crate::core::finding::Level;
use crate::core::lexicon::Lexicon;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub words: Words,
    /// Rule id to level (`off`, `warning`, `error`).
    #[serde(default)]
    pub rules: BTreeMap<String, Level>,
    #[serde(default)]
    pub rewrite: RewriteConfig,
}

/// The `[rewrite]` table.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewriteConfig {
    /// A seq2seq model folder (BART or T5 in rust-bert's format) to generate candidates.
    pub generator: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Words {
    #[serde(default)]
    pub add: Lexicon,
    #[serde(default)]
    pub replace: Lexicon,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: {reason}")]
    Invalid { path: String, reason: String },
    #[error("{path}: unknown rule `{rule}` (see `smarten rules`)")]
    UnknownRule { path: String, rule: String },
}

impl Config {
    /// Reads and validates a config file.
    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Invalid {
            path: path.display().to_string(),
            reason: e.to_string(),
        })?;
        Config::parse(&text, &path.display().to_string())
    }

    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: origin.to_string(),
            reason: e.to_string(),
        })?;
        let known: Vec<&str> = crate::core::rules::all().iter().map(|r| r.id()).collect();
        if let Some(rule) = config.rules.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(ConfigError::UnknownRule {
                path: origin.to_string(),
                rule: rule.clone(),
            });
        }
        Ok(config)
    }

    /// The bundled lexicon with this config's additions and replacements.
    pub fn lexicon(self: &Config) -> Lexicon {
        let mut lexicon = Lexicon::bundled();
        lexicon.replace(self.words.replace.clone());
        lexicon.extend(self.words.add.clone());
        lexicon.normalise();
        lexicon
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_and_levels() {
        let c = Config::parse(
            "[words.add]\nagencies = ['Avedon Team']\n[rules]\nacronym = 'off'\n",
            "smarten.toml",
        )
        .unwrap();
        assert_eq!(c.rules.get("acronym"), Some(&Level::Off));
        assert!(c.lexicon().agencies.contains(&"avedon team".to_string()));
    }

    #[test]
    fn rejects_unknown_rules_and_levels() {
        let e = Config::parse("[rules]\nno-such-rule = 'off'\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("unknown rule `no-such-rule`"), "{e}");
        assert!(Config::parse("[rules]\nacronym = 'loud'\n", "x.toml").is_err());
    }
}

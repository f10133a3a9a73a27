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
//! [check]
//! plan_kind = "child-protection"
//! [read]
//! dates = "uk"     # how spreadsheet date cells read: uk 31/03/2027, us, iso
//! [read.zip]
//! part_mb = 256    # the most one part of an XLSX or DOCX may unpack to
//! total_mb = 1024  # and all its parts together
//! ```

use crate::core::finding::{Level, RuleId};
use crate::core::lexicon::Lexicon;
use crate::core::plan_kind::PlanKind;
use serde::Deserialize;
use std::collections::BTreeMap;

/// A user's settings, as parsed from `smarten.toml` text.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub words: Words,
    /// Rule to level (`off`, `warning`, `error`).
    pub rules: BTreeMap<RuleId, Level>,
    pub rewrite: RewriteConfig,
    pub check: CheckConfig,
    pub read: ReadConfig,
}

/// The `[read]` table: how plan files are read.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReadConfig {
    /// What an XLSX or DOCX may unpack to.
    #[serde(default)]
    pub zip: ZipLimits,
    /// How spreadsheet date cells are written: "uk" (31/03/2027, the default), "us" or "iso".
    #[serde(default)]
    pub dates: DateStyle,
}

/// How a spreadsheet's date cell is written as text: in the plan's locale.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateStyle {
    /// 31/03/2027
    #[default]
    Uk,
    /// 03/31/2027
    Us,
    /// 2027-03-31
    Iso,
}

impl DateStyle {
    /// The date's format, for chrono.
    pub fn date_format(self) -> &'static str {
        match self {
            DateStyle::Uk => "%d/%m/%Y",
            DateStyle::Us => "%m/%d/%Y",
            DateStyle::Iso => "%Y-%m-%d",
        }
    }
}

/// How much one part, and all parts together, may unpack to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ZipLimits {
    /// The most one part (a sheet, the shared strings, the document) may unpack to, in MB.
    #[serde(default = "default_part_mb")]
    pub part_mb: u64,
    /// The most all parts together may unpack to, in MB.
    #[serde(default = "default_total_mb")]
    pub total_mb: u64,
}

/// A sheet of 200,000 plan rows is about 60 MB of XML; 256 MB leaves room.
const DEFAULT_PART_MB: u64 = 256;
const DEFAULT_TOTAL_MB: u64 = 1024;

fn default_part_mb() -> u64 {
    DEFAULT_PART_MB
}

fn default_total_mb() -> u64 {
    DEFAULT_TOTAL_MB
}

impl Default for ZipLimits {
    fn default() -> Self {
        ZipLimits {
            part_mb: DEFAULT_PART_MB,
            total_mb: DEFAULT_TOTAL_MB,
        }
    }
}

/// The `[check]` table, once checked.
#[derive(Debug, Clone, Default)]
pub struct CheckConfig {
    /// The kind of plan objectives come from when they do not say.
    pub plan_kind: Option<PlanKind>,
}

/// The `[check]` table as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckFile {
    plan_kind: Option<String>,
}

/// The file as written: rule ids are checked after parsing, so that an unknown
/// one gets its own message.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    words: Words,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    rewrite: RewriteConfig,
    #[serde(default)]
    check: CheckFile,
    #[serde(default)]
    read: ReadConfig,
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
    /// `why` says the rule is unknown, with the nearest rule when there is one.
    #[error("{path}: [rules] {why}")]
    UnknownRule { path: String, why: String },
}

impl Config {
    pub fn parse(text: &str, origin: &str) -> Result<Config, ConfigError> {
        let file: ConfigFile = toml::from_str(text).map_err(|e| ConfigError::Invalid {
            path: origin.to_string(),
            reason: e.to_string(),
        })?;
        let mut rules = BTreeMap::new();
        for (id, level) in file.rules {
            let rule = RuleId::parse_or_suggest(&id).map_err(|why| ConfigError::UnknownRule {
                path: origin.to_string(),
                why,
            })?;
            rules.insert(rule, level);
        }
        let plan_kind = match file.check.plan_kind {
            Some(k) => Some(PlanKind::parse(&k).map_err(|e| ConfigError::Invalid {
                path: origin.to_string(),
                reason: format!("[check] plan_kind: {e}"),
            })?),
            None => None,
        };
        Ok(Config {
            words: file.words,
            rules,
            rewrite: file.rewrite,
            check: CheckConfig { plan_kind },
            read: file.read,
        })
    }

    /// The level `rule` runs at: this config's setting, else the level calibrated
    /// on the corpus (`core::calibration`), else the rule's designed level.
    pub fn level_of(&self, rule: &dyn crate::core::rules::Rule) -> Level {
        self.rules.get(&rule.id()).copied().unwrap_or_else(|| {
            crate::core::calibration::calibrated_level(rule.id(), rule.default_level())
        })
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
        assert_eq!(c.rules.get(&RuleId::Acronym), Some(&Level::Off));
        assert!(c.lexicon().agencies.contains(&"avedon team".to_string()));
    }

    #[test]
    fn rejects_unknown_rules_and_levels() {
        let e = Config::parse("[rules]\nno-such-rule = 'off'\n", "x.toml").unwrap_err();
        assert!(e.to_string().contains("unknown rule 'no-such-rule'"), "{e}");
        let e = Config::parse("[rules]\nacronymm = 'off'\n", "x.toml").unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.toml: [rules] unknown rule 'acronymm'; did you mean 'acronym'?"
        );
        assert!(Config::parse("[rules]\nacronym = 'loud'\n", "x.toml").is_err());
    }
}

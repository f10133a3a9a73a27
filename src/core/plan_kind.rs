//! The kind of plan an objective comes from, and the conventions that go with
//! it: presets of rule levels in `data/plan-kinds.toml`. A child protection
//! action must name its owner and date; an IEP goal or an EHCP outcome has the
//! learner as its implied subject and the plan's year as its timescale.

use crate::core::finding::{Level, RuleId};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// One kind of plan, as named in `data/plan-kinds.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlanKind(String);

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Preset {
    describes: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    /// The goal is the writer's own: nobody named means "I".
    #[serde(default)]
    writer_acts: bool,
}

static PRESETS: LazyLock<BTreeMap<String, Preset>> = LazyLock::new(|| {
    toml::from_str(include_str!("../../data/plan-kinds.toml"))
        .unwrap_or_else(|e| panic!("data/plan-kinds.toml does not parse: {e}"))
});

/// A plan kind that `data/plan-kinds.toml` does not define.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown plan kind `{0}` (kinds: {kinds})", kinds = PlanKind::names().join(", "))]
pub struct UnknownPlanKind(pub String);

impl PlanKind {
    /// The kind named `name` or one of its aliases ("cin" is child-protection),
    /// case- and space-insensitive.
    pub fn parse(name: &str) -> Result<PlanKind, UnknownPlanKind> {
        let key = name.trim().to_lowercase().replace([' ', '_'], "-");
        PRESETS
            .iter()
            .find(|(kind, p)| **kind == key || p.aliases.contains(&key))
            .map(|(kind, _)| PlanKind(kind.clone()))
            .ok_or_else(|| UnknownPlanKind(name.to_string()))
    }

    /// Every kind's name, in order.
    pub fn names() -> Vec<&'static str> {
        PRESETS.keys().map(String::as_str).collect()
    }

    pub fn name(&self) -> &str {
        &self.0
    }

    /// What kinds of plan this covers, in words.
    pub fn describes(&self) -> &str {
        PRESETS.get(&self.0).map_or("", |p| p.describes.as_str())
    }

    /// True when a goal of this kind is the writer's own, so that a goal
    /// naming nobody is theirs ("Eat better": "I will ...").
    pub fn writer_acts(&self) -> bool {
        PRESETS.get(&self.0).is_some_and(|p| p.writer_acts)
    }

    /// The level this kind sets for `rule`, if it sets one.
    pub fn level(&self, rule: RuleId) -> Option<Level> {
        PRESETS
            .get(&self.0)
            .and_then(|p| p.rules.get(rule.as_str()))
            .copied()
    }
}

impl std::fmt::Display for PlanKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_names_real_rules() {
        for (kind, preset) in PRESETS.iter() {
            for id in preset.rules.keys() {
                assert!(RuleId::parse(id).is_some(), "{kind}: unknown rule {id}");
            }
        }
    }

    #[test]
    fn kinds_and_aliases_parse_and_set_levels() {
        let cp = PlanKind::parse("Child in need").unwrap();
        assert_eq!(cp.name(), "child-protection");
        assert_eq!(cp.level(RuleId::NoSubject), Some(Level::Error));
        let iep = PlanKind::parse("IEP").unwrap();
        assert_eq!(iep.level(RuleId::NoSubject), Some(Level::Off));
        assert_eq!(iep.level(RuleId::VagueVerb), None);
        let err = PlanKind::parse("horoscope").unwrap_err().to_string();
        assert!(
            err.contains("unknown plan kind `horoscope`") && err.contains("iep"),
            "{err}"
        );
    }
}

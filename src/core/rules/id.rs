//! Rule identity: one [`RuleId`] per rule, written in kebab-case in output,
//! `smarten explain`, `smarten.toml` and the JSON contract. Renaming a rule is a
//! change to this file, and every use of the id follows it at compile time.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! rule_ids {
    ($($variant:ident => $id:literal,)*) => {
        /// A rule, by its stable id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum RuleId {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl RuleId {
            /// Every rule id, in declaration order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The id as users write it: "vague-timeframe".
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }
        }
    };
}

rule_ids! {
    AbsoluteTarget => "absolute-target",
    Acronym => "acronym",
    AgencyAsOwner => "agency-as-owner",
    BundledActions => "bundled-actions",
    EmotiveLanguage => "emotive-language",
    GenericObject => "generic-object",
    ImpliedSubject => "implied-subject",
    ImpliedTimeframe => "implied-timeframe",
    ImpossibleDate => "impossible-date",
    Jargon => "jargon",
    JobTitleOnly => "job-title-only",
    LastingAbsolute => "lasting-absolute",
    NoAction => "no-action",
    NoIndicator => "no-indicator",
    NoSubject => "no-subject",
    NoTimeframe => "no-timeframe",
    NotAMethod => "not-a-method",
    NotAgreed => "not-agreed",
    OffConcern => "off-concern",
    OutOfReach => "out-of-reach",
    OutsideControl => "outside-control",
    PassiveWithoutAgent => "passive-without-agent",
    ReviewWithoutDate => "review-without-date",
    StatusOutcome => "status-outcome",
    StopBehaviour => "stop-behaviour",
    ThingAsSubject => "thing-as-subject",
    UnrealisticLoad => "unrealistic-load",
    UnscaledState => "unscaled-state",
    VagueAmount => "vague-amount",
    VagueComparative => "vague-comparative",
    VagueStandard => "vague-standard",
    VagueTimeframe => "vague-timeframe",
    VagueVerb => "vague-verb",
    WeakVerb => "weak-verb",
}

impl RuleId {
    /// The rule with this id, if there is one.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == id)
    }

    /// The rule whose id is nearest to a mistyped `id`, if one is near enough
    /// to suggest ("did you mean 'vague-timeframe'?").
    pub fn closest(id: &str) -> Option<RuleId> {
        RuleId::ALL
            .iter()
            .map(|r| (strsim::jaro_winkler(id, r.as_str()), *r))
            .filter(|(score, _)| *score >= 0.8)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, r)| r)
    }

    /// `id` as a rule, or why not, with the nearest rule when there is one.
    pub fn parse_or_suggest(id: &str) -> Result<RuleId, String> {
        RuleId::parse(id).ok_or_else(|| match RuleId::closest(id) {
            Some(near) => format!("unknown rule '{id}'; did you mean '{near}'?"),
            None => format!("unknown rule '{id}' (smarten rules lists them)"),
        })
    }
}

/// Rules sort by their id's text, as users see them listed.
impl Ord for RuleId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for RuleId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl std::str::FromStr for RuleId {
    type Err = UnknownRule;

    fn from_str(s: &str) -> Result<Self, UnknownRule> {
        RuleId::parse(s).ok_or_else(|| UnknownRule(s.to_string()))
    }
}

/// A rule id that names no rule.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown rule `{0}`")]
pub struct UnknownRule(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mistyped_rule_id_gets_the_nearest_suggested() {
        assert_eq!(
            RuleId::parse_or_suggest("vague-timeframe"),
            Ok(RuleId::VagueTimeframe)
        );
        assert_eq!(
            RuleId::parse_or_suggest("vague-timefram").unwrap_err(),
            "unknown rule 'vague-timefram'; did you mean 'vague-timeframe'?"
        );
        assert!(RuleId::parse_or_suggest("zzz")
            .unwrap_err()
            .contains("smarten rules"));
    }

    #[test]
    fn ids_round_trip_through_text_and_json() {
        for &id in RuleId::ALL {
            assert_eq!(RuleId::parse(id.as_str()), Some(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
            assert_eq!(serde_json::from_str::<RuleId>(&json).unwrap(), id);
        }
        assert_eq!(
            "no-such-rule".parse::<RuleId>(),
            Err(UnknownRule("no-such-rule".into()))
        );
    }

    #[test]
    fn every_rule_has_an_id_and_every_id_a_rule() {
        let rules = crate::core::rules::all();
        assert_eq!(rules.len(), RuleId::ALL.len());
        for &id in RuleId::ALL {
            assert!(rules.iter().any(|r| r.id() == id), "no rule for {id}");
        }
    }
}

//! Severities calibrated on text the rules were not tuned on: each rule's
//! precision measured on the check part of the labelled corpus
//! (`data/rule-precision.toml`, written by `smarten eval --write-precision`). A
//! rule that is often wrong must not fail a letter: below [`THRESHOLD`] on at
//! least [`MIN_JUDGED`] judged hits, an error rule runs as a warning by default.
//! A user's `smarten.toml` can still set any rule's level.
//!
//! A demoted rule is often wrong alone but right in company: "no timescale" on a
//! goal that also names no measure and no owner is vague. The combination layer
//! ([`Layer`], `data/verdict-layer.toml`, trained by `smarten eval --train-layer`
//! on the tune part only) reads which rules fired; when it is confident the
//! objective is not SMART, the demoted rules' findings fail their letters again.
//! It never fails a letter no finding explains.

use crate::core::finding::{Level, RuleId};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// Below this precision an error rule is downgraded to a warning.
pub const THRESHOLD: f64 = 0.85;
/// Fewer judged hits than this say too little to calibrate on.
pub const MIN_JUDGED: usize = 5;

/// The comment that opens the data file.
pub const HEADER: &str = "\
# Each rule's precision on the check part of data/corpus/statements.jsonl: of the
# statements a rule fired on, how many the source itself calls not SMART (right)
# or SMART (wrong); 'uncertain' hits are on statements whose source names other
# letters. Written by
#   smarten eval --write-precision data/rule-precision.toml data/corpus/statements.jsonl
# A rule below 0.85 on at least 5 judged hits is a warning by default
# (src/core/calibration.rs); smarten.toml can set any rule's level.
";

/// A rule's measured hits.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
pub struct Measured {
    pub hits: usize,
    pub right: usize,
    pub wrong: usize,
    pub uncertain: usize,
}

impl Measured {
    /// right / (right + wrong), when any hit was judged.
    pub fn precision(&self) -> Option<f64> {
        let n = self.right + self.wrong;
        (n > 0).then(|| self.right as f64 / n as f64)
    }

    /// Enough judged hits to calibrate on.
    pub fn enough(&self) -> bool {
        self.right + self.wrong >= MIN_JUDGED
    }
}

#[derive(Debug, Default, Deserialize)]
struct File {
    #[serde(default)]
    rules: BTreeMap<String, Measured>,
}

static MEASURED: LazyLock<BTreeMap<RuleId, Measured>> = LazyLock::new(|| {
    let file: File = toml::from_str(include_str!("../../data/rule-precision.toml"))
        .unwrap_or_else(|e| panic!("data/rule-precision.toml does not parse: {e}"));
    file.rules
        .into_iter()
        .filter_map(|(id, m)| RuleId::parse(&id).map(|r| (r, m)))
        .collect()
});

/// What was measured for `rule`, if it fired on the check part.
pub fn measured(rule: RuleId) -> Option<Measured> {
    MEASURED.get(&rule).copied().filter(|m| m.hits > 0)
}

/// The level a rule runs at by default: its designed level, or a warning when
/// it is an error rule measured often wrong.
pub fn calibrated_level(rule: RuleId, designed: Level) -> Level {
    level_for(measured(rule), designed)
}

/// The calibrated level for a rule designed at `designed` with `measured` hits.
pub fn level_for(measured: Option<Measured>, designed: Level) -> Level {
    match measured {
        Some(m) if designed == Level::Error && m.enough() => match m.precision() {
            Some(p) if p < THRESHOLD => Level::Warning,
            _ => designed,
        },
        _ => designed,
    }
}

/// The combination layer: a logistic model over which rules fired.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// Above this probability of "not SMART", demoted findings fail.
    pub threshold: f64,
    pub bias: f64,
    /// Weight per rule id: its finding's evidence that the objective is not SMART.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

impl Layer {
    /// The probability that an objective on which `fired` rules fired is not SMART.
    pub fn not_smart(&self, fired: &[RuleId]) -> f64 {
        let z = self.bias
            + fired
                .iter()
                .filter_map(|r| self.weights.get(r.as_str()))
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }
}

/// The comment that opens the layer's data file.
pub const LAYER_HEADER: &str = "\
# The combination layer (src/core/calibration.rs): a logistic model over which
# rules fired on an objective, trained on the tune part of
# data/corpus/statements.jsonl only, by
#   smarten eval --train-layer data/verdict-layer.toml data/corpus/statements.jsonl
# When it gives 'not SMART' a probability above the threshold, the findings of
# rules that calibration demoted to warnings fail their letters again.
";

static LAYER: LazyLock<Layer> = LazyLock::new(|| {
    toml::from_str(include_str!("../../data/verdict-layer.toml"))
        .unwrap_or_else(|e| panic!("data/verdict-layer.toml does not parse: {e}"))
});

/// The bundled combination layer.
pub fn layer() -> &'static Layer {
    &LAYER
}

/// True when `rule`, designed at `designed`, runs below it only because
/// calibration demoted it.
pub fn demoted(rule: RuleId, designed: Level) -> bool {
    calibrated_level(rule, designed) != designed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_calibration_parses_and_names_real_rules() {
        let file: File = toml::from_str(include_str!("../../data/rule-precision.toml")).unwrap();
        for id in file.rules.keys() {
            assert!(RuleId::parse(id).is_some(), "unknown rule {id}");
        }
    }

    #[test]
    fn the_layer_weighs_rules_that_fired() {
        let layer = Layer {
            threshold: 0.5,
            bias: -1.0,
            weights: [
                ("no-timeframe".to_string(), 2.0),
                ("implied-subject".to_string(), -1.0),
            ]
            .into_iter()
            .collect(),
        };
        assert!(layer.not_smart(&[RuleId::NoTimeframe]) > 0.7);
        assert!(layer.not_smart(&[RuleId::ImpliedSubject]) < 0.2);
        assert!((layer.not_smart(&[]) - 1.0 / (1.0 + 1.0f64.exp())).abs() < 1e-12);
        let bundled: Layer = toml::from_str(include_str!("../../data/verdict-layer.toml")).unwrap();
        for id in bundled.weights.keys() {
            assert!(RuleId::parse(id).is_some(), "unknown rule {id}");
        }
    }

    #[test]
    fn the_layer_is_no_older_than_the_rules() {
        // A demoted rule the layer has never weighed can never fail its letter
        // again, in any company: retrain the layer when a rule is added.
        let bundled = layer();
        for rule in crate::core::rules::all() {
            assert!(
                bundled.weights.contains_key(rule.id().as_str()),
                "data/verdict-layer.toml has no weight for {}: retrain it",
                rule.id().as_str()
            );
        }
    }

    #[test]
    fn often_wrong_rules_advise_and_thin_evidence_changes_nothing() {
        let m = |right, wrong| Measured {
            hits: right + wrong,
            right,
            wrong,
            uncertain: 0,
        };
        assert_eq!(level_for(Some(m(6, 4)), Level::Error), Level::Warning);
        assert_eq!(level_for(Some(m(17, 3)), Level::Error), Level::Error);
        assert_eq!(level_for(Some(m(1, 2)), Level::Error), Level::Error);
        assert_eq!(level_for(Some(m(6, 4)), Level::Warning), Level::Warning);
        assert_eq!(level_for(None, Level::Error), Level::Error);
    }
}

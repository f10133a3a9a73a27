//! Accepted findings: a baseline of an archive's findings on the day a team
//! starts (`--write-baseline`), so that later audits report only new ones
//! (`--baseline`), and an "accepted" column that accepts findings for its row.
//! A finding is known by its file, its plan, a hash of its objective (the
//! objective itself is not kept: plans hold data about children) and its rule.

use super::row::RowRecord;
use crate::core::finding::RuleId;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// One accepted finding.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key {
    pub file: String,
    pub plan: String,
    /// The first 16 hex digits of the SHA-256 of the normalised objective.
    pub objective: String,
    pub rule: String,
}

/// The findings of a baseline file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: BTreeSet<Key>,
}

/// Lower case, words only, single spaces: the same objective whatever its
/// spacing, case or punctuation.
fn normalise(objective: &str) -> String {
    objective
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn objective_hash(objective: &str) -> String {
    let digest = Sha256::digest(normalise(objective).as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}

impl Baseline {
    /// The keys of a record's findings.
    pub fn keys(record: &RowRecord) -> Vec<Key> {
        let Some(objective) = &record.objective else {
            return Vec::new();
        };
        let hash = objective_hash(objective);
        record
            .findings
            .iter()
            .map(|f| Key {
                file: record.file.clone(),
                plan: record.plan.clone(),
                objective: hash.clone(),
                rule: f.rule.to_string(),
            })
            .collect()
    }

    /// Adds a record's findings (for `--write-baseline`).
    pub fn add(&mut self, record: &RowRecord) {
        self.version = 1;
        self.findings.extend(Baseline::keys(record));
    }

    /// Moves the record's findings that are in the baseline to its accepted list.
    pub fn apply(&self, record: &mut RowRecord) {
        if self.findings.is_empty() {
            return;
        }
        let keys = Baseline::keys(record);
        let findings = std::mem::take(&mut record.findings);
        for (f, key) in findings.into_iter().zip(keys) {
            if self.findings.contains(&key) {
                record.accepted.push(format!("{} (baseline)", f.rule));
            } else {
                record.findings.push(f);
            }
        }
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        let b: Baseline =
            serde_json::from_str(text).map_err(|e| format!("not a smarten baseline: {e}"))?;
        if b.version != 1 {
            return Err(format!(
                "baseline version {} is not one this smarten reads (1)",
                b.version
            ));
        }
        Ok(b)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// The rules an "accepted" cell names ("Accepted: vague-timeframe, acronym"),
/// and what in it is not a rule, with the nearest rule when there is one.
pub fn accepted_rules(cell: &str) -> (Vec<RuleId>, Vec<String>) {
    let text = cell.trim();
    let text = text
        .strip_prefix("Accepted:")
        .or_else(|| text.strip_prefix("accepted:"))
        .unwrap_or(text);
    let mut rules = Vec::new();
    let mut unknown = Vec::new();
    for id in text
        .split([',', ';', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        match RuleId::parse_or_suggest(&id.to_lowercase()) {
            Ok(r) => rules.push(r),
            Err(why) => unknown.push(why),
        }
    }
    (rules, unknown)
}

/// Moves the findings a row's "accepted" cell names to its accepted list.
pub fn apply_accepted(record: &mut RowRecord, rules: &[RuleId]) {
    let findings = std::mem::take(&mut record.findings);
    for f in findings {
        if rules.contains(&f.rule) {
            record
                .accepted
                .push(format!("{} (accepted column)", f.rule));
        } else {
            record.findings.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_objective_hashes_alike_whatever_its_spacing_and_case() {
        assert_eq!(
            objective_hash("Mum will  engage with services."),
            objective_hash("mum will engage with Services")
        );
        assert_ne!(
            objective_hash("Mum will engage"),
            objective_hash("Dad will engage")
        );
        assert_eq!(objective_hash("x").len(), 16);
    }

    #[test]
    fn an_accepted_cell_names_rules_and_suggests_for_typos() {
        let (rules, unknown) = accepted_rules("Accepted: vague-timeframe, acronym; vage-verb");
        assert_eq!(rules, vec![RuleId::VagueTimeframe, RuleId::Acronym]);
        assert_eq!(
            unknown,
            vec!["unknown rule 'vage-verb'; did you mean 'vague-verb'?"]
        );
    }
}

//! The tail of a rewrite: when (the writer's concrete time, or "[by when]"),
//! how progress is measured (a method suited to the domain), and the concern
//! when the action did not relate to it.

use super::text::{decapitalise, overlaps, tidy};
use super::{Change, Repairer};
use crate::core::finding::{Criterion, RuleId};
use crate::core::time::TimeKind;
use crate::rewrite::draft::{template, Piece};
use std::ops::Range;

impl Repairer<'_> {
    /// Adds the time: the writer's own concrete time, or the `[by when]` template.
    pub(super) fn add_time(
        &self,
        pieces: &mut Vec<Piece>,
        changes: &mut Vec<Change>,
        deletions: &[Range<usize>],
        kept: bool,
    ) {
        let head_start = self
            .x
            .frame
            .head
            .map_or(0, |h| self.x.analysis.tokens[h].span.start);
        let concrete: Vec<&crate::core::time::TimeExpr> = self
            .x
            .times
            .iter()
            .filter(|t| t.kind.is_concrete() && !deletions.iter().any(|d| overlaps(d, &t.span)))
            .collect();
        // A concrete time inside the kept action is already in the pieces.
        let in_pieces = |t: &crate::core::time::TimeExpr| kept && t.span.start >= head_start;
        let mut have_time = false;
        for t in &concrete {
            if in_pieces(t) {
                have_time = true;
            } else if !matches!(t.kind, TimeKind::Occasion) {
                // A leading or replaced-away time: carry it to the end.
                pieces.push(Piece::kept(decapitalise(&tidy(&self.quote(&t.span)))));
                have_time = true;
            }
        }
        if !have_time || self.x.failed(RuleId::NoTimeframe) {
            let vague: Vec<String> = self
                .x
                .times
                .iter()
                .filter(|t| !t.kind.is_concrete())
                .map(|t| self.quote(&t.span))
                .collect();
            pieces.extend(template(&self.templates.assembly.time));
            let what = if vague.is_empty() {
                format!("added when: {}", self.templates.assembly.time)
            } else {
                format!(
                    "'{}' is not a timeframe: replaced with {}",
                    vague.join("', '"),
                    self.templates.assembly.time
                )
            };
            changes.push(Change::new(Criterion::T, what));
        }
    }

    /// Adds how progress is measured, when the writer named no method.
    pub(super) fn add_method(
        &self,
        pieces: &mut Vec<Piece>,
        changes: &mut Vec<Change>,
        options: &[String],
    ) {
        if !self.x.methods.is_empty() && !self.x.failed(RuleId::NotAMethod) {
            return;
        }
        pieces.push(Piece::added(","));
        for piece in template(&self.templates.assembly.method) {
            pieces.push(match piece {
                Piece::Placeholder { label, .. } => Piece::Placeholder {
                    label,
                    options: options.to_vec(),
                },
                other => other,
            });
        }
        changes.push(Change::new(
            Criterion::M,
            format!(
                "added how progress is measured: {} (for example {})",
                self.templates.assembly.method,
                options
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
    }

    /// Names the concern when the objective did not relate to it.
    pub(super) fn add_concern(&self, pieces: &mut Vec<Piece>, changes: &mut Vec<Change>) {
        let Some(concern) = self.concern.map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        if !self.x.failed(RuleId::OffConcern) {
            return;
        }
        pieces.push(Piece::added(", to address the concern:"));
        pieces.push(Piece::kept(decapitalise(concern.trim_end_matches('.'))));
        changes.push(Change::new(
            Criterion::R,
            format!("tied the action to the concern '{concern}'"),
        ));
    }

    /// Methods suited to the nearest exemplars' domains, else the defaults.
    pub(super) fn method_options(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &(i, score) in self.nearest.iter().take(2) {
            if score <= 0.0 {
                continue;
            }
            for m in self.bank.methods_for(i) {
                if !out.contains(m) {
                    out.push(m.clone());
                }
            }
        }
        if out.is_empty() {
            out = self.templates.default_methods.clone();
        }
        out.truncate(4);
        out
    }
}

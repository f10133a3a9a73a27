//! Rewrite quality over labelled rows (`smarten eval --rewrites`): every row
//! its source calls not SMART is rewritten, and the rewrites are counted by
//! whether they pass all three checks: the SMART re-check (placeholders
//! counted as filled), the grammar gate and the intent gate. Candidates the
//! gates drop are counted by gate.

use super::LabelledRow;
use crate::core::check::Objective;
use crate::core::plan_kind::PlanKind;
use crate::rewrite::{Rewriter, FALLBACK_LABEL};
use serde::Serialize;

/// What the rewriter made of a set of rows.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct RewriteScore {
    /// Rows whose source calls them not SMART.
    pub labelled_not_smart: usize,
    /// Of those, rows the checker judged SMART with no warning a rewrite
    /// answers: returned as written.
    pub judged_smart: usize,
    /// Rows for which no candidate survived the gates: returned as written.
    pub no_candidate: usize,
    /// Rows given a rewrite.
    pub rewritten: usize,
    /// Rewrites that pass the re-check, the grammar gate and the intent gate.
    pub pass_all: usize,
    /// Rewrites that fall back to "[observable action that shows: ...]" (or, for
    /// a behaviour to stop, "[observable action to do instead of: ...]").
    pub fallback: usize,
    /// Candidates considered, and those each gate dropped.
    pub candidates: usize,
    pub dropped_grammar: usize,
    pub dropped_intent: usize,
    pub dropped_risk: usize,
    pub dropped_invented: usize,
}

impl RewriteScore {
    /// The share of rows labelled not SMART whose rewrite passes all three checks.
    pub fn pass_rate(&self) -> Option<f64> {
        (self.labelled_not_smart > 0).then(|| self.pass_all as f64 / self.labelled_not_smart as f64)
    }
}

/// Rewrites every row labelled not SMART; with `per_row_kind`, each under the
/// conventions of its row's plan kind.
pub fn score_rewrites(
    rewriter: &Rewriter<'_>,
    rows: &[LabelledRow],
    per_row_kind: bool,
) -> RewriteScore {
    let mut s = RewriteScore::default();
    for r in rows.iter().filter(|r| r.smart == Some(false)) {
        s.labelled_not_smart += 1;
        let kind = r
            .plan_kind
            .as_deref()
            .filter(|_| per_row_kind)
            .and_then(|k| PlanKind::parse(k).ok());
        let objective = Objective::new(r.text.clone())
            .with_concern(r.concern.clone())
            .with_plan_kind(kind);
        let rewrite = rewriter.rewrite(&objective);
        if rewrite.before.failing().is_empty() && rewrite.rewrite == rewrite.text {
            s.judged_smart += 1;
            continue;
        }
        for c in rewriter.candidate_reports(&objective) {
            s.candidates += 1;
            s.dropped_grammar += usize::from(!c.grammar.is_empty());
            s.dropped_intent += usize::from(!c.lost.is_empty());
            s.dropped_risk += usize::from(!c.risks.is_empty());
            s.dropped_invented += usize::from(!c.invented.is_empty());
        }
        if rewrite.rewrite == rewrite.text {
            s.no_candidate += 1;
            continue;
        }
        s.rewritten += 1;
        s.pass_all += usize::from(rewrite.after.failing().is_empty());
        s.fallback += usize::from(
            rewrite
                .placeholders
                .iter()
                .any(|p| p.label.starts_with(FALLBACK_LABEL)),
        );
    }
    s
}

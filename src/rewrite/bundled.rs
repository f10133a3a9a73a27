//! Several actions bundled into one objective ("Dad will find a job, pay off
//! his debts and move to a new flat by June"): the guidance asks for one
//! objective per action, each with its own owner and date. Each action is made
//! an objective of its own, with the writer's person and any deadline the
//! writer set them all, and is rewritten in turn; the rewrite says them one
//! sentence each.

use super::repair::{Candidate, Change, Source};
use super::Rewriter;
use crate::core::analysis::{ACTION_JOINERS, ADVERBS_BEFORE_AN_ACTION};
use crate::core::check::{Analysed, Objective};
use crate::core::finding::{Criterion, RuleId};
use crate::core::lexicon::Lexicon;
use crate::core::time::TimeKind;

/// Each bundled action as an objective of its own: the writer's person (and
/// modal) before it, and a deadline given at the end after it. None unless
/// the bundle fails A.
pub fn split(objective: &Objective, x: &Analysed, lexicon: &Lexicon) -> Option<Vec<Objective>> {
    if !x.failed(RuleId::BundledActions) || x.frame.negated.is_some() {
        return None;
    }
    let actions = x.context(lexicon).actions();
    if actions.len() < 2 {
        return None;
    }
    let toks = &x.analysis.tokens;
    let text = objective.text.as_str();
    // "..., and never have fun again": the adverb goes with its action.
    let starts: Vec<usize> = actions
        .iter()
        .map(|&a| match a.checked_sub(1) {
            Some(b)
                if b > actions[0] && ADVERBS_BEFORE_AN_ACTION.contains(&toks[b].lower.as_str()) =>
            {
                b
            }
            _ => a,
        })
        .collect();
    let words_end = x.analysis.words_end();
    // A deadline after the last action is every action's ("... by June").
    let shared = x.times.iter().find(|t| {
        t.kind == TimeKind::Deadline
            && x.analysis
                .token_at(t.span.start)
                .is_some_and(|k| k > actions[actions.len() - 1])
            && t.span.end >= words_end
    });
    let end = shared.map_or(words_end, |t| t.span.start);
    let who = text[..toks[actions[0]].span.start].trim();
    let mut parts = Vec::new();
    for (k, &start) in starts.iter().enumerate() {
        let mut stop = starts.get(k + 1).copied().unwrap_or(toks.len());
        while stop > start + 1 && ACTION_JOINERS.contains(&toks[stop - 1].lower.as_str()) {
            stop -= 1;
        }
        let from = toks[start].span.start;
        let to = toks[stop - 1].span.end.min(end).max(from);
        let action = text[from..to]
            .trim()
            .trim_end_matches([',', '.', ';'])
            .trim();
        if action.is_empty() {
            return None;
        }
        let mut part = [who, action].join(" ").trim().to_string();
        if let Some(t) = shared {
            part = format!("{part} {}", text[t.span.clone()].trim());
        }
        parts.push(Objective {
            text: part,
            concern: objective.concern.clone(),
            plan_kind: objective.plan_kind.clone(),
        });
    }
    Some(parts)
}

impl Rewriter<'_> {
    /// One candidate that says each bundled action as an objective of its
    /// own, each rewritten (none when the objective bundles nothing).
    pub(super) fn bundled_candidate(
        &self,
        objective: &Objective,
        x: &Analysed,
    ) -> Option<Candidate> {
        let parts = split(objective, x, self.checker.lexicon())?;
        let mut pieces = Vec::new();
        let mut changes = vec![Change {
            criterion: Criterion::A,
            what: format!(
                "{} actions were bundled into one objective: each is now an objective of its own",
                parts.len()
            ),
        }];
        for part in &parts {
            // Each action must come out SMART and say what is done; a part
            // still asking for the behaviour would leave the split half done.
            let (part_pieces, part_changes) = self.settled_rewrite(part)?;
            pieces.extend(part_pieces);
            changes.extend(part_changes);
        }
        changes.sort_by_key(|c| c.criterion);
        changes.dedup();
        Some(Candidate {
            core: pieces.len(),
            pieces,
            changes,
            source: Source::Split,
            prior: 1.0,
        })
    }
}

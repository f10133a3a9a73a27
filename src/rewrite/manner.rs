//! A quality of how something is done, said of the person ("Dad will be more
//! consistent in taking his medication", "become more independent in
//! dressing"): said of the act instead ("Dad will take his medication more
//! consistently"), which the rewriter can size, and rewritten as that. The
//! qualities and their adverbs are `manner_adjectives` in `[kinds]` of
//! `data/rewrite.toml`.

use super::repair::{Candidate, Change, Source};
use super::Rewriter;
use crate::core::check::{Analysed, Objective};
use crate::core::finding::Criterion;
use std::collections::BTreeMap;

/// Added to the prior of the objective said of its act: its own act made
/// measurable, where the writer's words as they stand ask the team what
/// "more consistent" looks like (as for a named means).
const SAID_OF_THE_ACT_BONUS: f32 = 0.3;

/// The objective said of its act: "{who} {verb} {rest} [more] {adverb}".
/// None unless a form of "be", "become" or "get" is followed by one of
/// `manner` (after "more", if any), "in", "at" or "with", and a gerund.
pub fn rephrase(
    objective: &Objective,
    x: &Analysed,
    manner: &BTreeMap<String, String>,
) -> Option<Objective> {
    let toks = &x.analysis.tokens;
    let text = objective.text.as_str();
    let (k, adverb) = toks
        .iter()
        .enumerate()
        .find_map(|(k, t)| manner.get(&t.lower).map(|a| (k, a)))?;
    let more = k > 0 && toks[k - 1].lower == "more";
    let verb_at = k.checked_sub(if more { 2 } else { 1 })?;
    let copula = &toks[verb_at];
    if !(copula.is("be") || copula.is("become") || copula.is("get")) {
        return None;
    }
    let linked = toks
        .get(k + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "in" | "at" | "with"));
    let gerund = toks.get(k + 2).filter(|t| linked && t.has_tag("VBG"))?;
    let end = x.analysis.words_end();
    if gerund.span.end > end {
        return None;
    }
    let who = text[..copula.span.start].trim();
    let rest = text[gerund.span.end..end].trim();
    let how = if more {
        format!("more {adverb}")
    } else {
        adverb.clone()
    };
    let said = [who, gerund.lemma(), rest, how.as_str()]
        .iter()
        .filter(|w| !w.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    Some(Objective {
        text: said,
        concern: objective.concern.clone(),
        plan_kind: objective.plan_kind.clone(),
    })
}

impl Rewriter<'_> {
    /// The objective said of its act, rewritten, as one candidate (none when
    /// it is not a quality said of the person, or its rewrite still leaves
    /// the goal to the team).
    pub(super) fn manner_candidate(
        &self,
        objective: &Objective,
        x: &Analysed,
    ) -> Option<Candidate> {
        let said = rephrase(objective, x, &self.templates.kinds.manner_adjectives)?;
        let (pieces, part_changes) = self.settled_rewrite(&said)?;
        let mut changes = vec![Change {
            criterion: Criterion::S,
            what: format!("said of the act, not the person: '{}'", said.text),
        }];
        changes.extend(part_changes);
        Some(Candidate {
            core: pieces.len(),
            pieces,
            changes,
            source: Source::Kept,
            prior: 1.0 + SAID_OF_THE_ACT_BONUS,
        })
    }
}

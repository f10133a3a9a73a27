//! A habit to stop that is a habit of eating or buying something ("never eat
//! crisps again", "stop buying takeaways"): cut down to a counted limit, on no
//! more than [N] days a week, down from a baseline, which a person can keep and
//! a plan can count. Habits whose plans ask for abstinence (drinking, drugs,
//! smoking) are not offered a limit: that would change the goal.

use super::replace::Action;
use super::text::{base_form, without_for_good};
use super::{Change, Repairer, Source, VERB_REPAIR_PRIOR};
use crate::core::finding::{Criterion, RuleId};
use crate::rewrite::draft::{template, Piece};

impl Repairer<'_> {
    /// The stopped habit, kept as the action with a limit on its days.
    pub(super) fn limited_habit_action(&self) -> Option<Action> {
        if !self.x.failed(RuleId::StopBehaviour) {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        // "never eat crisps": the head, negated; "stop buying takeaways": the
        // gerund after the verb of stopping.
        let verb = if self.x.frame.negated.is_some() {
            head
        } else {
            (head + 1..toks.len().min(head + 3)).find(|&k| toks[k].pos == "VBG")?
        };
        let limited = &self.templates.kinds.limited_habits;
        if !limited.iter().any(|v| toks[verb].is(v)) {
            return None;
        }
        let start = toks.get(verb + 1)?.span.start;
        let thing = without_for_good(&self.words_to_tail(start));
        if thing.is_empty() {
            return None;
        }
        let what = self.action_text();
        let mut pieces = vec![Piece::kept(base_form(&toks[verb])), Piece::kept(thing)];
        pieces.extend(template(&self.templates.assembly.comparative_down_days));
        Some((
            pieces,
            vec![Change::new(
                Criterion::A,
                format!("'{what}' gives something up for good: made a limit that can be kept and counted"),
            )],
            Source::VerbRepair,
            VERB_REPAIR_PRIOR,
        ))
    }
}

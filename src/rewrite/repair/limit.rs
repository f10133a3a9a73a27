//! A habit to stop that is a habit of eating or buying something ("never eat
//! crisps again", "stop buying takeaways"): cut down to a counted limit, on no
//! more than [N] days a week, down from a baseline, which a person can keep and
//! a plan can count. Habits whose plans ask for abstinence (drinking, drugs,
//! smoking) are not offered a limit: that would change the goal. Given up for
//! good ("stop smoking for ever", "give up gambling completely"), such a habit is
//! a condition held from a start date and checked, as a safety condition is.

use super::replace::Action;
use super::text::{base_form, without_for_good};
use super::{Change, Repairer, Source, VERB_REPAIR_PRIOR};
use crate::core::finding::{Criterion, RuleId};
use crate::core::nlp::Token;
use crate::rewrite::draft::{template, Piece};
use crate::rewrite::intent::contains_phrase;

/// The prior of a habit stopped with no "for good" made a state kept ("stop
/// gambling" -> "stay gambling-free"): below a near exemplar's action.
const GIVEN_UP_PLAIN_PRIOR: f32 = 0.5;

impl Repairer<'_> {
    /// The habit a failed `stop-behaviour` stops: "never eat crisps", the head,
    /// negated; "stop buying takeaways", the gerund (as `gerund` reads it)
    /// just after the verb of stopping.
    fn stopped_verb(&self, gerund: impl Fn(&Token) -> bool) -> Option<usize> {
        if !self.x.failed(RuleId::StopBehaviour) {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        if self.x.frame.negated.is_some() {
            return Some(head);
        }
        (head + 1..toks.len().min(head + 3)).find(|&k| gerund(&toks[k]))
    }

    /// True when an exemplar's `action` goes on doing the habit the objective
    /// gives up ("I will quit smoking" and "smoke only outside the house"),
    /// and its `vague` side was not written for giving it up or cutting it
    /// down ("Smoke outside", not "Stop drinking" or "Cut down on drinking"):
    /// a limit where the writer named none changes the goal. Only for a habit
    /// given up bare ("quit smoking"): one qualified ("stop smoking in the
    /// house", "stop binge eating") may be limited or replaced.
    /// ("to stop teens from smoking": the habit is someone else's, and an
    /// exemplar that has the named person do it reverses the goal.)
    pub(super) fn keeps_the_given_up_habit(&self, vague: &str, action: &str) -> bool {
        let toks = &self.x.analysis.tokens;
        let first = action
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_lowercase();
        if self
            .others_stopped_verb()
            .is_some_and(|others| toks[others].is(&first))
        {
            return true;
        }
        let Some(verb) = self.stopped_verb(|t| t.has_tag("VBG")) else {
            return false;
        };
        let bare = verb
            .checked_sub(1)
            .is_some_and(|v| self.x.frame.head == Some(v))
            && toks
                .get(verb + 1)
                .is_none_or(|t| self.words_to_tail(t.span.start).trim().is_empty());
        if !bare {
            return false;
        }
        let does_it = toks[verb].is(&first);
        let vague = vague.to_lowercase();
        let to_give_up = self
            .lexicon
            .stop_verbs
            .iter()
            .any(|v| contains_phrase(&vague, v))
            || ["less", "fewer"]
                .iter()
                .any(|c| self.intent.compared_alike(c, &vague));
        does_it && !to_give_up
    }

    /// The habit someone else is stopped from ("stop teens from smoking",
    /// "prevent the children from climbing"): the gerund after "from".
    fn others_stopped_verb(&self) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        let stops = toks[head].is("stop") || toks[head].is("prevent") || toks[head].is("keep");
        if !stops {
            return None;
        }
        let from = (head + 2..toks.len().min(head + 6)).find(|&k| toks[k].lower == "from")?;
        toks.get(from + 1)
            .filter(|t| t.has_tag("VBG"))
            .map(|_| from + 1)
    }

    /// The stopped habit, kept as the action with a limit on its days.
    pub(super) fn limited_habit_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let verb = self.stopped_verb(|t| t.pos == "VBG")?;
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

    /// A habit given up for good that is not one to limit ("stop smoking for
    /// ever"): a state kept from a start date ("stay smoke-free"), and
    /// checked.
    pub(super) fn given_up_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        // "quit drinking": the tagger may read the gerund as a noun.
        let verb = self.stopped_verb(|t| t.has_tag("VBG"))?;
        let rest = match toks.get(verb + 1) {
            Some(t) => self.words_to_tail(t.span.start),
            None => String::new(),
        };
        let thing = without_for_good(&rest);
        // A habit given up for good is this state; "stop drinking" alone may
        // be cut down, and the exemplars offer that: there the state ranks
        // below a near exemplar, and above the placeholder fallback. A verb
        // negated outright ("will not drink alcohol", "never smoke") allows
        // none at all: a limit would change the goal.
        let for_good = thing != rest.trim() || self.x.frame.negated.is_some();
        let states = &self.templates.kinds.given_up_states;
        let state = states
            .iter()
            .find(|(v, _)| toks[verb].is(v))
            .map(|(_, s)| s)?;
        let state = if state.contains("{thing}") {
            // "use cannabis": one word for the thing used.
            if thing.is_empty() || thing.contains(char::is_whitespace) {
                return None;
            }
            state.replace("{thing}", &thing.to_lowercase())
        } else if thing.is_empty() || thing.eq_ignore_ascii_case("alcohol") {
            state.clone()
        } else {
            return None;
        };
        let what = self.action_text();
        Some((
            vec![Piece::added("stay"), Piece::added(state)],
            vec![Change::new(
                Criterion::S,
                format!("'{what}' gives a habit up for good: a state kept from a start date, and checked"),
            )],
            Source::GivenUp,
            if for_good {
                VERB_REPAIR_PRIOR
            } else {
                GIVEN_UP_PLAIN_PRIOR
            },
        ))
    }
}

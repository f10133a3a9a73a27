//! The action of a rewrite: the writer's own, rebuilt from its parts (the verb
//! in its base form, a negation kept, a passive made active), a verb repair
//! that keeps the object, the nearest exemplars' actions, or the fallback that
//! asks the team for the behaviour that shows the goal; and the clause
//! boundaries they are cut at.

use super::text::{base_form, lower_first, object_form, subtract, tidy, tidy_end, tidy_inner};
use super::{Change, Repairer, Source, FALLBACK_PRIOR};
use crate::core::finding::Criterion;
use crate::core::frame::{Anchor, Owner};
use crate::core::time::TimeKind;
use crate::rewrite::draft::{parse_template, Piece};
use std::ops::Range;

/// Particles of phrasal verbs ("get along", "calm down"). Not `nlp`'s list
/// for hyphenated verbs ("log-in"): here "in" after the verb is more often
/// when or where ("increase in term 2") than a particle.
const PARTICLES: &[&str] = &[
    "along", "down", "up", "on", "off", "over", "out", "away", "back",
];

impl Repairer<'_> {
    /// The words that negate the verb at `h`, said before its base form:
    /// "" when nothing does, "never " or "not "; `None` when the negation
    /// comes after it.
    fn negation_before(&self, h: usize) -> Option<&'static str> {
        match self.x.frame.negated {
            None => Some(""),
            Some(n) if n < h && self.x.analysis.tokens[n].lower == "never" => Some("never "),
            Some(n) if n < h => Some("not "),
            Some(_) => None,
        }
    }

    /// "learn (how) to + verb": the verb learnt.
    pub(super) fn learnt_verb(&self, head: usize) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        if !toks[head].is("learn") {
            return None;
        }
        let to = match toks.get(head + 1)?.lower.as_str() {
            "to" => head + 1,
            "how" if toks.get(head + 2)?.lower == "to" => head + 2,
            _ => return None,
        };
        toks.get(to + 1)
            .filter(|t| t.pos == "VB" || t.has_tag("VB"))
            .map(|_| to + 1)
    }

    /// The writer's own action, from the main verb to the end, without the spans
    /// being replaced and with the pieces to insert. The verb is put in its base
    /// form ("needs" → "need", "to be attending" → "attend"), a negation is kept,
    /// and a passive with no agent is turned active ("clean the home").
    pub(super) fn kept_action(
        &self,
        deletions: &[Range<usize>],
        insertions: &[(usize, Vec<Piece>)],
    ) -> Option<(Vec<Piece>, Vec<Change>)> {
        let toks = &self.x.analysis.tokens;
        // "My goal is to | cycle to work": the action after the wish.
        let head = match self.goal_wrapper() {
            Some((first, _)) => first,
            None => self.x.frame.head?,
        };
        let mut pieces = Vec::new();
        let mut changes = Vec::new();
        if let Some(n) = self.x.frame.negated.filter(|&n| n < head) {
            // "not", "never", "no longer": the condition is the writer's.
            let end = if toks[n].lower == "no" { n + 2 } else { n + 1 };
            // "won't use": after "will" the clitic is written out.
            if toks[n].lower == "n't" {
                pieces.push(Piece::kept("not"));
            } else {
                pieces.push(Piece::kept(self.quote(&self.x.analysis.byte_span(n..end))));
            }
        }
        // "will calmly put them to bed", "will independently dress": a manner
        // between the modal and the verb is part of the goal.
        let manner = (0..head)
            .rev()
            .take_while(|&k| toks[k].pos == "RB" && Some(k) != self.x.frame.negated)
            .filter(|&k| {
                let kinds = &self.templates.kinds;
                !kinds.filler_adverbs.contains(&toks[k].lower)
                    && !kinds.vague_frequency_adverbs.contains(&toks[k].lower)
                    && !deletions
                        .iter()
                        .any(|d| d.start <= toks[k].span.start && toks[k].span.end <= d.end)
            })
            .collect::<Vec<_>>();
        for &k in manner.iter().rev() {
            pieces.push(Piece::kept(toks[k].lower.clone()));
        }
        let mut from = toks[head].span.start;
        let mut deletions = deletions.to_vec();
        if let Some((tokens, agent)) = self.agent_span() {
            // "Joshua is supervised by a safe adult": the agent acts on the subject.
            let subject = self.x.analysis.byte_span(self.x.frame.subject.clone()?);
            let by = tokens
                .start
                .checked_sub(1)
                .filter(|&k| toks[k].lower == "by");
            deletions.push(by.map_or(agent.start, |k| toks[k].span.start)..agent.end);
            pieces.push(Piece::kept(base_form(&toks[head])));
            pieces.push(Piece::kept(self.quote_inside(&subject)));
            from = toks[head].span.end;
        } else if self.x.frame.passive && self.x.frame.agent.is_none() {
            let subject = self.x.frame.subject.clone()?;
            let subject = self.x.analysis.byte_span(subject);
            let object = object_form(&self.quote_inside(&subject));
            changes.push(Change::new(
                Criterion::S,
                format!(
                    "turned the passive '{}' into an action someone does",
                    self.quote(&(subject.start..toks[head].span.end))
                ),
            ));
            pieces.push(Piece::kept(base_form(&toks[head])));
            pieces.push(Piece::kept(object));
            from = toks[head].span.end;
        } else if let Some(skill) = self
            .learnt_verb(head)
            .filter(|_| self.action_kind() == super::kind::ActionKind::Skill)
        {
            // "learn to add and subtract": learning is shown by doing what is
            // learnt, so the skill itself is the action.
            changes.push(Change::new(
                Criterion::S,
                format!(
                    "'{}' is shown by doing it: kept the skill itself",
                    self.quote(&(toks[head].span.start..toks[skill - 1].span.end))
                ),
            ));
            from = toks[skill].span.start;
        } else if let Some((verb, next)) = self.verb_in_base_form(head) {
            pieces.push(Piece::kept(verb));
            from = toks[next - 1].span.end;
        }
        // "taking my tablets and losing weight": a gerund joined to a gerund
        // head by "and" takes its base form too ("take ... and lose ...").
        let mut insertions = insertions.to_vec();
        // ("will be cooking and saving": the gerund after "be".)
        let gerund = if toks[head].is("be") && !self.x.frame.passive {
            head + 1
        } else {
            head
        };
        if toks.get(gerund).is_some_and(|g| g.pos == "VBG") {
            for k in gerund + 2..toks.len() {
                let t = &toks[k];
                if t.sentence == toks[gerund].sentence
                    && toks[k - 1].lower == "and"
                    && t.pos == "VBG"
                {
                    deletions.push(t.span.clone());
                    insertions.push((t.span.start, vec![Piece::kept(base_form(t))]));
                }
            }
        }
        let end = self.text().len();
        // Cut the kept text at each insertion point, then tidy each part.
        let mut cuts: Vec<&(usize, Vec<Piece>)> =
            insertions.iter().filter(|(at, _)| *at >= from).collect();
        cuts.sort_by_key(|(at, _)| *at);
        let mut bounds: Vec<usize> = cuts.iter().map(|(at, _)| *at).collect();
        bounds.push(end);
        let mut at = from;
        for (k, bound) in bounds.iter().enumerate() {
            for (i, segment) in subtract(at..*bound, &deletions).into_iter().enumerate() {
                // Words that lead on from an inserted slot stay: "[target] by
                // discharge", and after a slot that replaced words ("[a first
                // step towards: ...] by Friday").
                let after_slot = k > 0 && i == 0;
                // Only the very end loses dangling words: "keep in [regular]
                // contact" keeps its "in".
                let last = *bound == end && segment.end == end;
                let t = if after_slot && last {
                    tidy_end(&self.text()[segment])
                } else {
                    tidy_inner(&self.text()[segment], last)
                };
                if !t.is_empty() {
                    pieces.push(Piece::kept(t));
                }
            }
            if let Some((_, inserted)) = cuts.get(k) {
                pieces.extend(inserted.iter().cloned());
            }
            at = *bound;
        }
        // "Distribute model policies" at the start of the objective: the verb is not
        // a name, even when the tagger read it as one ("Teach people ...").
        // So is a leading adverb: "Never fall again".
        if head == 0
            || toks[..head]
                .iter()
                .all(|t| t.is_punct() || t.lower == "to" || t.pos.starts_with("RB"))
        {
            if let Some(Piece::Kept(first)) = pieces.first_mut() {
                if !toks[head].is_proper_noun() || self.x.frame.anchor == Anchor::Imperative {
                    *first = lower_first(first);
                }
            }
        }
        Some((pieces, changes))
    }

    /// The head verb when it is not in its base form, as its base form, with the
    /// token after the words it replaces: "needs" → "need", "being" → "be",
    /// "be attending" → "attend", "Attending" → "attend".
    pub(super) fn verb_in_base_form(&self, head: usize) -> Option<(String, usize)> {
        let toks = &self.x.analysis.tokens;
        let t = &toks[head];
        // "to be attending the clinic": the progressive of a habit is the habit.
        if t.is("be") {
            let next = toks.get(head + 1)?;
            if next.pos == "VBG" && !self.x.frame.passive {
                return Some((base_form(next), head + 2));
            }
            return (t.lower != "be").then(|| ("be".to_string(), head + 1));
        }
        // "I want more free time", "we need more sleep": the wish or the
        // need names what the person will have.
        if (t.is("want") || t.is("need")) && toks.get(head + 1).is_some_and(|n| n.lower != "to") {
            return Some(("have".to_string(), head + 1));
        }
        // "getting fit": a leading gerund the tagger read as a noun is still the verb.
        let gerund_read_as_noun =
            self.x.frame.head == Some(head) && t.is_noun() && t.has_tag("VBG");
        if matches!(t.pos, "VB" | "VBP") || !t.is_verb() && t.pos != "JJ" && !gerund_read_as_noun {
            return None;
        }
        Some((base_form(t), head + 1))
    }

    /// The fallback: a placeholder asking the team for the observable behaviour
    /// that shows the writer's goal, which it quotes word for word (without the
    /// vague times, which the tail replaces). True with it when the goal is
    /// rebuilt around a possessive subject's thing ("keep their fluid intake
    /// adequate"), so that its owner acts ("Tom").
    pub(super) fn fallback_action(&self) -> ((Vec<Piece>, Vec<Change>, Source, f32), bool) {
        let (goal, possessed) = self.goal_words();
        // "not lie to staff": the behaviour to see in its place is asked for
        // (not for a state or an event: "never have a relapse", "not be late";
        // nor for a condition on others: "the dog will not be let in").
        let own_stop = self.x.frame.negated.is_some() && !self.x.frame.passive;
        let instead = ["not ", "never ", "no longer "]
            .iter()
            .filter(|_| own_stop)
            .find_map(|n| goal.strip_prefix(n))
            .filter(|rest| {
                rest.split_whitespace()
                    .next()
                    .is_some_and(|verb| !["have", "be", "get", "feel", "become"].contains(&verb))
            });
        let (label, why) = match instead {
            Some(rest) => (
                self.templates.assembly.fallback_instead.replace("{goal}", rest),
                format!("'{goal}' names a behaviour to stop: asked for the behaviour to see in its place"),
            ),
            None => (
                self.templates.assembly.fallback.replace("{goal}", &goal),
                format!("'{goal}' is not a detailed action: asked for the behaviour that will show it"),
            ),
        };
        (
            (
                parse_template(&label, |t| Piece::added(t)),
                vec![Change::new(Criterion::S, why)],
                Source::Fallback,
                FALLBACK_PRIOR,
            ),
            possessed,
        )
    }

    /// The writer's goal word for word, from its verb on (without the vague
    /// times, which the tail replaces, or a verb of showing, which a
    /// placeholder asks for). True with it when the goal is rebuilt around a
    /// possessive subject's thing ("keep their fluid intake adequate").
    pub(super) fn goal_words(&self) -> (String, bool) {
        // What the rules asked to drop; words they asked to replace stay quoted.
        let deletions: Vec<Range<usize>> = self
            .x
            .times
            .iter()
            .filter(|t| !t.kind.is_concrete())
            .map(|t| t.span.clone())
            .chain(
                self.x
                    .judgment
                    .findings
                    .iter()
                    .filter(|f| f.severity == crate::core::finding::Severity::Error)
                    .flat_map(|f| f.repair.iter().flat_map(|r| r.edits.iter()))
                    .filter_map(|e| match e {
                        crate::core::finding::Edit::Delete(span) => Some(span.clone()),
                        _ => None,
                    }),
            )
            .chain(self.emphatic_asides())
            .collect();
        // The goal keeps its negation: "never feel sad" is not "feel sad".
        let negation = self
            .x
            .frame
            .negated
            .map(|n| self.x.analysis.tokens[n].span.clone());
        let deletions: Vec<Range<usize>> = deletions
            .into_iter()
            .filter(|d| {
                negation
                    .as_ref()
                    .is_none_or(|n| !(d.start <= n.start && n.end <= d.end))
            })
            .collect();
        let deletions = deletions.as_slice();
        let toks = &self.x.analysis.tokens;
        let wrapped = self.goal_wrapper().map(|(first, _)| first);
        let from = match (wrapped, self.x.frame.head) {
            // "My goal is to | be happy".
            (Some(k), _) => toks[k].span.start,
            (None, Some(h)) => {
                toks[self.x.frame.negated.filter(|&n| n < h).unwrap_or(h)]
                    .span
                    .start
            }
            (None, None) => 0,
        };
        let mut drop: Vec<Range<usize>> = deletions.to_vec();
        // Times the tail carries; an occasion ("in lessons") stays with the goal.
        drop.extend(
            self.x
                .times
                .iter()
                .filter(|t| t.kind.is_concrete() && t.kind != TimeKind::Occasion)
                .map(|t| t.span.clone()),
        );
        let goal: Vec<String> = subtract(from..self.text().len(), &drop)
            .into_iter()
            .map(|r| self.text()[r].to_string())
            .collect();
        let mut goal = lower_first(&tidy(&goal.join(" ")));
        // "won't use formula": the clitic written out after "will".
        if self.x.frame.negated.is_some_and(|n| toks[n].lower == "n't") {
            if let Some(rest) = goal
                .strip_prefix("n't ")
                .or(goal.strip_prefix("n\u{2019}t "))
            {
                goal = format!("not {rest}");
            }
        }
        // "never going to have": a negated verb already in its base form loses
        // the "going to" between them.
        let going_to = |n: usize, h: usize| {
            n + 1 < h
                && toks[n + 1..h]
                    .iter()
                    .all(|t| matches!(t.lower.as_str(), "going" | "to"))
        };
        let base = |h: usize| {
            self.verb_in_base_form(h).or_else(|| {
                (self.x.frame.negated.is_some_and(|n| going_to(n, h))
                    && matches!(toks[h].pos, "VB" | "VBP"))
                .then(|| (toks[h].lower.clone(), h + 1))
            })
        };
        let head_in_base_form = self.x.frame.head.and_then(|h| Some((h, base(h)?)));
        if let Some((h, (verb, next))) = head_in_base_form {
            // The goal in the base form: "need his medicine ...", "have more free time".
            let rest = toks.get(next).map_or(self.text().len(), |t| t.span.start);
            // With its negation before it: "I'm never going to have a relapse" is
            // "never have a relapse".
            if let Some(negation) = self.negation_before(h).filter(|_| rest >= from) {
                let tail: Vec<String> = subtract(rest..self.text().len(), &drop)
                    .into_iter()
                    .map(|r| self.text()[r].to_string())
                    .collect();
                goal = tidy(&format!("{negation}{verb} {}", tail.join(" ")));
            }
        }
        // "Home conditions to improve", "the house will be cleaned", "Maisie's
        // communication will improve": what changes is part of the goal.
        let mut possessed = false;
        if let Some(h) = self.x.frame.head {
            let after_head: Vec<String> = subtract(toks[h].span.end..self.text().len(), &drop)
                .into_iter()
                .map(|r| self.text()[r].to_string())
                .collect();
            let rest = tidy(&after_head.join(" "));
            // "get along", "settle down": a phrasal verb does not take what
            // changes as its object.
            let phrasal = toks
                .get(h + 1)
                .is_some_and(|t| t.pos == "RP" || PARTICLES.contains(&t.lower.as_str()));
            let changed = match (&self.x.owner, &self.x.frame.object) {
                // "My goal is to feel calm": the subject names the wish, not what changes.
                _ if wrapped.is_some() || phrasal => None,
                _ if self.x.frame.passive && self.x.frame.agent.is_none() => self
                    .x
                    .frame
                    .subject
                    .clone()
                    .map(|s| self.quote_inside(&self.x.analysis.byte_span(s))),
                (Some(Owner::Thing(span)), None) => Some(self.quote_inside(span)),
                // ("Tom's fluid intake will be adequate": Tom keeps it so.)
                (_, None) => {
                    let p = self.possessed();
                    possessed = p.is_some();
                    p
                }
                _ => None,
            };
            if let Some(changed) = changed {
                // "The baby will not be left alone": the negation stays with
                // the verb ("not leave the baby alone"), or the goal is reversed.
                let negation = self.negation_before(h).unwrap_or("");
                // "Tom's skin will stay healthy": "keep his skin healthy".
                let verb = base_form(&toks[h]);
                let verb = self
                    .templates
                    .kinds
                    .causatives
                    .get(verb.as_str())
                    .cloned()
                    .unwrap_or(verb);
                goal = tidy(&format!("{negation}{verb} {changed} {rest}"));
            }
        }
        // "show better self-regulation": the placeholder already asks what
        // shows it, so the goal is what is shown.
        let shown = ["show ", "demonstrate ", "display ", "exhibit "]
            .iter()
            .find_map(|v| goal.strip_prefix(v))
            .filter(|rest| rest.split_whitespace().count() >= 2);
        if let Some(rest) = shown {
            goal = rest.to_string();
        }
        // "getting fit": the goal said as a verb in its base form ("get fit").
        if let Some(h) = self.x.frame.head.filter(|&h| toks[h].has_tag("VBG")) {
            if let Some(rest) = goal.strip_prefix(toks[h].lower.as_str()) {
                goal = format!("{}{rest}", base_form(&toks[h]));
            }
        }
        (goal, possessed)
    }

    /// The writer's goal, from its own verb, as the purpose of an action that
    /// shows it: "go to [N] events a month ..., to grow my network". Only for
    /// a general verb ("develop", "improve", "have"): with a verb of its own
    /// ("tolerate diet") the goal names something the action may not show.
    /// None when the goal does not start with that verb (a negation, a thing
    /// rebuilt around its owner, or what a verb of showing shows).
    pub(super) fn goal_as_purpose(&self) -> Option<String> {
        let (goal, possessed) = self.goal_words();
        let verb = base_form(&self.x.analysis.tokens[self.x.frame.head?]);
        let lex = self.lexicon;
        let general = [
            &lex.vague_verbs,
            &lex.change_verbs,
            &lex.light_verbs,
            &lex.status_verbs,
            &self.templates.kinds.growth_verbs,
        ]
        .iter()
        .any(|list| list.contains(&verb));
        let first = goal.split_whitespace().next()?;
        let words = goal.split_whitespace().count();
        (general && !possessed && words > 1 && first.eq_ignore_ascii_case(&verb))
            .then(|| goal.trim_end_matches(['.', '!']).to_string())
    }

    /// The writer's action as quoted in changes: main verb to end of object.
    pub(super) fn action_text(&self) -> String {
        let toks = &self.x.analysis.tokens;
        match self.x.frame.head {
            Some(h) => {
                let start = self.x.frame.negated.filter(|&n| n < h).unwrap_or(h);
                let end = self.clause_end(h + 1);
                self.quote(&(toks[start].span.start..toks[end - 1].span.end))
            }
            None => self
                .quote(&(0..self.text().len()))
                .trim_end_matches('.')
                .to_string(),
        }
    }

    /// True when a method found is a unit after a number ("10 minutes"), a
    /// duration the clause goes on through, not the minutes of a meeting.
    fn is_a_duration(&self, method: &Range<usize>) -> bool {
        let a = &self.x.analysis;
        let word = self.text()[method.clone()].to_lowercase();
        self.lexicon.units.contains(&word)
            && a.token_at(method.start)
                .and_then(|i| i.checked_sub(1))
                .is_some_and(|before| a.tokens[before].is_number())
    }

    /// The token after the last one of the clause that starts before `from`:
    /// it ends at punctuation, a time, a method or a reason ("because").
    pub(super) fn clause_end(&self, from: usize) -> usize {
        let toks = &self.x.analysis.tokens;
        fn inside<'r>(mut spans: impl Iterator<Item = &'r Range<usize>>, at: usize) -> bool {
            spans.any(|r| r.start <= at && at < r.end)
        }
        let mut end = from;
        while end < toks.len() {
            let at = toks[end].span.start;
            if (toks[end].is_punct()
                && toks[end].pos != "POS"
                && !toks[end].lower.starts_with('\''))
                || inside(self.x.times.iter().map(|t| &t.span), at)
                || inside(self.x.methods.iter().filter(|m| !self.is_a_duration(m)), at)
                || matches!(
                    toks[end].lower.as_str(),
                    "because" | "so" | "but" | "measured" | "recorded"
                )
                // "check the attendance and report any concerns": a second action.
                || (matches!(toks[end].lower.as_str(), "and" | "or")
                    && toks
                        .get(end + 1)
                        .is_some_and(|n| matches!(n.pos, "VB" | "VBP" | "VBZ")))
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// Text before the subject that is not a time ("When taking part in an activity").
    pub(super) fn leading_context(&self, deletions: &[Range<usize>]) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let start_tok = self
            .x
            .frame
            .subject
            .as_ref()
            .map(|s| s.start)
            .or(self.x.frame.head)?;
        // "I would like our daughter to read": the wish before the one who acts
        // is dropped with the wish, not kept as context.
        if self.x.frame.wish.is_some_and(|w| w < start_tok) {
            return None;
        }
        let end = toks.get(start_tok)?.span.start;
        let mut drop: Vec<Range<usize>> = deletions.to_vec();
        drop.extend(self.x.times.iter().map(|t| t.span.clone()));
        let kept: String = subtract(0..end, &drop)
            .into_iter()
            .map(|r| self.text()[r].to_string())
            .collect::<Vec<_>>()
            .join(" ");
        let kept = tidy(&kept);
        let words = kept.split_whitespace().count();
        // "I am overweight, I need to ...": a clause of its own before the
        // objective states the problem; it is not a condition on the action.
        let first = toks.iter().position(|t| !t.is_punct())?;
        let own_clause = first < start_tok
            && (toks[first].pos == "PRP" || toks[first].is_proper_noun())
            && toks[first + 1..start_tok]
                .iter()
                .any(|t| matches!(t.pos, "VBZ" | "VBP" | "VBD"));
        if own_clause {
            return None;
        }
        // "To", "For XXX to", "In order to": anchors, not context.
        (words >= 3
            && !kept.to_lowercase().starts_with("to ")
            && !kept.to_lowercase().starts_with("for "))
        .then_some(kept)
    }
}

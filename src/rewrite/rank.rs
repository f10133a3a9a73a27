//! Ranking: every candidate re-checked with its placeholders filled, dropped
//! when a gate refuses it (invented facts, lost goal words, risk topics,
//! grammar), and ordered: passing first, then closest in meaning and apt.

use super::draft::{render, Piece, Rendered};
use super::intent::Goal;
use super::repair::{Candidate, Source};
use super::{facts, Rewriter, Scored};
use crate::core::check::Objective;
use crate::core::finding::{Criteria, Verdict};
use crate::core::similarity::Similarity;

/// How much lower an exemplar ranks when it keeps the writer's comparative only
/// through its own vague side ("Behave better in class").
const EXEMPLAR_COMPARATIVE_PENALTY: f32 = 0.2;

impl Rewriter<'_> {
    /// Re-checks each candidate; drops those that invent facts, lose the goal,
    /// bring in a risk topic, read ungrammatically or repeat another; and orders
    /// the rest: passing first, then closest in meaning, then shortest.
    pub(super) fn score(
        &self,
        given: &Objective,
        concern: Option<&str>,
        original_vector: Option<&[f32]>,
        candidates: Vec<Candidate>,
        goal: &Goal,
    ) -> Vec<Scored> {
        let original = given.text.as_str();
        let mut seen = std::collections::HashSet::new();
        let mut kept: Vec<Kept> = Vec::new();
        for mut candidate in candidates {
            let rendered = render(&candidate.pieces);
            // A text already kept is not offered twice; one dropped by a gate
            // may still be kept for another exemplar that was written for it.
            if rendered.text.is_empty() || seen.contains(&rendered.text) {
                continue;
            }
            let mut lost = self.intent.lost(goal, &rendered);
            // An exemplar written for the same comparative of the same thing
            // ("Behave better in class" for "behave better in lessons") is that
            // comparative made observable; a candidate that keeps it in its own
            // words ("up from [baseline]") still ranks above it.
            let mut shown = false;
            let mut for_the_goal = false;
            let mut borrowed = false;
            let mut whole = false;
            let mut counted_only = false;
            let mut for_the_comparative = false;
            if let Source::Exemplar(vague) = &candidate.source {
                let before = lost.len();
                // The exemplar's own action, without who does it.
                let action: Vec<&str> = candidate
                    .pieces
                    .iter()
                    .filter_map(|p| match p {
                        Piece::Suggested { text, .. } => Some(text.as_str()),
                        _ => None,
                    })
                    .collect();
                let action = action.join(" ");
                // "eat better" and "eat [N] portions ...": the writer's own act.
                let action_shares = goal
                    .act
                    .as_deref()
                    .is_some_and(|act| self.intent.is_the_act(act, &action));
                for_the_goal =
                    self.intent
                        .written_for_the_goal(goal, original, vague, &action, action_shares);
                whole = for_the_goal && self.intent.covers(original, vague);
                // "being healthier" and "Be healthier": the comparative is the
                // whole goal, which the exemplar was written for.
                if lost.iter().any(|w| goal.comparatives.contains(w))
                    && (self.intent.share_what(original, vague) || action_shares || for_the_goal)
                    && self.intent.sets_nowhere_else(&action, original)
                {
                    let vague = vague.to_lowercase();
                    lost.retain(|w| {
                        !(goal.comparatives.contains(w) && self.intent.compared_alike(w, &vague))
                    });
                }
                // "behave better" as an exemplar's behaviour seen on so many
                // occasions, "up from [baseline]": the comparative is kept by
                // the count, not by the exemplar, and ranks as if borrowed.
                // Only as for a comparative the exemplar shares: about the same
                // thing, and set nowhere the objective is not.
                let added = self
                    .templates
                    .assembly
                    .replaced_compared
                    .trim_end_matches(',');
                let by_the_count = !goal.comparatives.is_empty()
                    && rendered.text.contains(added)
                    && !action.contains("up from");
                if by_the_count
                    && !((self.intent.share_what(original, vague) || action_shares || for_the_goal)
                        && self.intent.sets_nowhere_else(&action, original))
                {
                    lost.extend(goal.comparatives.iter().cloned());
                }
                let vague_lower = vague.to_lowercase();
                let vague_compares = goal
                    .comparatives
                    .iter()
                    .all(|c| self.intent.compared_alike(c, &vague_lower));
                counted_only = by_the_count && !vague_compares;
                for_the_comparative = lost.len() < before || by_the_count && vague_compares;
                if lost.len() < before || by_the_count {
                    candidate.prior -= EXEMPLAR_COMPARATIVE_PENALTY;
                    // ... and one whose action is about what the writer named
                    // ("eat better" -> "eat [N] portions ...") shows it.
                    shown = action_shares;
                    borrowed = !action_shares && !for_the_goal;
                }
                // An exemplar written for the whole goal ("Develop a love of
                // reading" for "to develop a love of reading") is that goal made
                // observable: the words its vague side shares with the goal are
                // what its action shows.
                // (A goal word the sharing test passes over, "time" in "study
                // time", counts when the vague side says it in so many words.)
                if whole {
                    let said: Vec<String> = vague
                        .split(|c: char| !c.is_alphanumeric() && c != '-')
                        .map(str::to_lowercase)
                        .collect();
                    lost.retain(|w| {
                        !self.intent.share_a_content_word(w, vague) && !said.contains(w)
                    });
                }
                // An undefined standard ("oxygen levels normal") is what the
                // exemplar's reading or record defines.
                lost.retain(|w| !goal.standards.contains(w));
                // A general object ("seek help with debt") is named by an
                // exemplar about the rest of the goal ("Get help with debts"),
                // not by any exemplar at all.
                // ... or by one written for the goal itself ("Get an education").
                if for_the_goal || self.intent.shares_more_than(original, &goal.general, vague) {
                    lost.retain(|w| !goal.general.contains(w));
                }
                // A behaviour to stop ("not lie to staff") is replaced by an
                // exemplar written for stopping it ("Stop lying"), not by one
                // that only shares the setting ("staff"): that swaps the goal.
                // (Only when the stop is the goal's own act: "stay focused and
                // not get distracted" is about staying focused.)
                // With a verb of having or being, what is stopped is its object
                // ("never have a relapse": "Not to relapse").
                if let Some((_, verb)) = &goal.negation {
                    let the_act = goal.act.as_deref().is_none_or(|act| act == verb);
                    let stopped = goal.negated_thing.as_ref().unwrap_or(verb);
                    if the_act
                        && !self.intent.share_a_content_word(stopped, &rendered.text)
                        && !self.intent.share_a_content_word(stopped, vague)
                    {
                        lost.push(stopped.clone());
                    }
                }
                // A goal named but not shown ("home conditions to be
                // maintained"), when the exemplar was written for the same goal
                // ("Home conditions to improve"): its action shows it.
                if goal.unseen && self.intent.sets_nowhere_else(&action, original) {
                    lost.retain(|w| {
                        goal.comparatives.contains(w)
                            || goal.general.contains(w)
                            || !self.intent.share_a_content_word(w, vague)
                    });
                }
            }
            if !facts::invented_facts(original, concern, &rendered).is_empty()
                || !lost.is_empty()
                || !self
                    .intent
                    .risks_introduced(original, concern, &candidate.pieces)
                    .is_empty()
            {
                continue;
            }
            seen.insert(rendered.text.clone());
            kept.push(Kept {
                candidate,
                rendered,
                comparative_shown: shown,
                same_goal: for_the_goal,
                borrowed_comparative: borrowed,
                whole_goal: whole,
                counted_only,
                for_the_comparative,
            });
        }
        // Fidelity compares who-does-what: the time and method templates are shared.
        let plain: Vec<String> = kept
            .iter()
            .map(|k| {
                let c = &k.candidate;
                without_placeholders(&render(&c.pieces[..c.core.min(c.pieces.len())]), original)
            })
            .collect();
        let refs: Vec<&str> = plain.iter().map(String::as_str).collect();
        let (fidelity, to_concern) = match (self.encoder, original_vector) {
            (Some(encoder), Some(original_vector)) => {
                let mut texts = refs.clone();
                if let Some(c) = concern {
                    texts.push(c);
                }
                match encoder.embed_all(&texts) {
                    Ok(vectors) => {
                        let fidelity: Vec<f32> = vectors[..refs.len()]
                            .iter()
                            .map(|v| crate::core::similarity::cosine(original_vector, v))
                            .collect();
                        let to_concern = concern.map(|_| {
                            let c = &vectors[refs.len()];
                            vectors[..refs.len()]
                                .iter()
                                .map(|v| crate::core::similarity::cosine(c, v))
                                .collect::<Vec<f32>>()
                        });
                        (fidelity, to_concern)
                    }
                    Err(_) => self.lexical_scores(original, concern, &refs),
                }
            }
            _ => self.lexical_scores(original, concern, &refs),
        };
        // Best score first; the re-check then only moves candidates that fail.
        let mut ranked: Vec<_> = kept
            .into_iter()
            .enumerate()
            .map(|(i, kept)| {
                let concern_bonus = to_concern.as_ref().map_or(0.0, |v| 0.5 * v[i]);
                let score = 0.5 * fidelity[i] + kept.candidate.prior + concern_bonus;
                (kept, fidelity[i], score)
            })
            .collect();
        ranked.sort_by(|a, b| {
            b.2.total_cmp(&a.2)
                .then(a.0.rendered.text.len().cmp(&b.0.rendered.text.len()))
        });
        // "walk better": an exemplar written for the comparative goes before
        // one that keeps it only by counting from a baseline.
        if let Some(first) = ranked.iter().position(|r| r.0.for_the_comparative) {
            ranked = put_after(ranked, first, |r| r.0.counted_only);
        }
        // "eat better": an exemplar for the same comparative of the same thing
        // ("Improve diet") says what better is; asking the team "[what better
        // looks like]" comes after it.
        if let Some(last) = ranked.iter().rposition(|r| r.0.comparative_shown) {
            ranked = put_after(ranked, last, |r| {
                self.asks_what_it_looks_like(&r.0.rendered)
            });
        }
        // "improve reading": an exemplar written for the same goal ("Improve
        // reading" -> "read a book at their level aloud ...") names the
        // behaviour; the writer's own words with "on [which measure]" leave it
        // to the team, so it goes before them.
        // One written for the whole goal ("Be healthier" for "get healthy")
        // leads, before one for a part of it ("Eat healthier"). Those ranked
        // above it that leave the measure open, are for a part of the goal, or
        // only share its comparative go just after it; any other candidate
        // ranked above it (another exemplar, a measure in the writer's words)
        // stays there. Should it fail its re-check, the rest keep their order.
        let first = ranked
            .iter()
            .position(|r| r.0.whole_goal)
            .or_else(|| ranked.iter().position(|r| r.0.same_goal));
        if let Some(first) = first {
            ranked = put_after(ranked, first, |r| {
                r.0.borrowed_comparative
                    || r.0.same_goal && !r.0.whole_goal
                    || self.leaves_the_measure_open(&r.0)
            });
        }
        // "get in better shape": the writer's words scored on a measure with
        // an example ("[which measure of fitness, such as a timed one-mile
        // walk]") say more than the same words asking "[what better looks
        // like]", so those go just after it.
        if let Some(measured) = ranked.iter().position(|r| self.offers_a_measure(&r.0)) {
            ranked = put_after(ranked, measured, |r| {
                matches!(r.0.candidate.source, Source::Kept | Source::VerbRepair)
                    && self.asks_what_it_looks_like(&r.0.rendered)
            });
        }
        let mut scored = Vec::new();
        for (
            Kept {
                candidate,
                rendered,
                ..
            },
            fidelity,
            _,
        ) in ranked
        {
            let filled = self.fills.fill(&rendered);
            let cuts = if self.recheck_in_pieces {
                self.tail_cut(&candidate, &filled).into_iter().collect()
            } else {
                Vec::new()
            };
            // The candidate is judged by the same conventions as the original.
            let objective = Objective {
                text: filled,
                concern: concern.map(str::to_string),
                plan_kind: given.plan_kind.clone(),
            };
            let analysed = if self.recheck_in_pieces {
                self.checker.analyse_pieces(&objective, &cuts)
            } else {
                self.checker.analyse(&objective)
            };
            if !self.grammar.problems(&analysed.analysis).is_empty() {
                continue;
            }
            let softened = analysed
                .judgment
                .findings
                .iter()
                .any(|f| self.softened_vagueness(f, objective.plan_kind.as_ref()));
            let after = analysed.judgment.criteria;
            let after = self.unfill_reasons(after, &rendered);
            let passes = after.failing().is_empty() && !softened;
            scored.push(Scored {
                candidate,
                rendered,
                after,
                passes,
                fidelity,
            });
            if passes && self.best_only {
                // Every later candidate scores lower, and a pass outranks any fail.
                return scored.split_off(scored.len() - 1);
            }
        }
        // Passing first, then fewest failing letters; the sort is stable, so the
        // score order holds within each group.
        scored.sort_by(|a, b| {
            b.passes
                .cmp(&a.passes)
                .then(failing_count(&a.after).cmp(&failing_count(&b.after)))
        });
        if self.best_only {
            scored.truncate(1);
        }
        scored
    }

    /// True when a candidate asks the team what its comparative looks like
    /// (`comparative_other` in `data/rewrite.toml`: "[what better looks like]").
    fn asks_what_it_looks_like(&self, rendered: &Rendered) -> bool {
        let template = &self.templates.assembly.comparative_other;
        let label = template
            .split_once('[')
            .and_then(|(_, rest)| rest.split_once(']'))
            .map_or("", |(label, _)| label);
        let Some((before, after)) = label.split_once("{word}") else {
            return false;
        };
        rendered.placeholders.iter().any(|p| {
            p.label.len() > before.len() + after.len()
                && p.label.starts_with(before)
                && p.label.ends_with(after)
        })
    }

    /// True when a candidate in the writer's own words leaves what is measured
    /// to the team (`open_measures` in `data/rewrite.toml`: "[which measure]"),
    /// or asks what its comparative looks like.
    fn leaves_the_measure_open(&self, kept: &Kept) -> bool {
        matches!(kept.candidate.source, Source::Kept | Source::VerbRepair)
            && self.hands_the_goal_back(&kept.rendered)
    }

    /// True when a candidate in the writer's own words asks for a measure and
    /// gives an example of one ("[which measure, such as peak flow readings]").
    fn offers_a_measure(&self, kept: &Kept) -> bool {
        matches!(kept.candidate.source, Source::Kept | Source::VerbRepair)
            && kept
                .rendered
                .placeholders
                .iter()
                .any(|p| self.opens_a_measure(&p.label) && p.label.contains(", such as "))
    }

    /// True for a placeholder label that leaves what is measured to the team
    /// (`open_measures`: "which measure", "which aspect").
    fn opens_a_measure(&self, label: &str) -> bool {
        let open = &self.templates.assembly.open_measures;
        open.iter().any(|o| label.starts_with(o.as_str()))
    }

    /// True when a rendered candidate asks the team what the goal looks like
    /// ("[what better looks like]") or which measure reads it (`open_measures`:
    /// "[which measure]", "[which aspect of ...]").
    pub(super) fn hands_the_goal_back(&self, rendered: &Rendered) -> bool {
        self.asks_what_it_looks_like(rendered)
            || rendered
                .placeholders
                .iter()
                .any(|p| self.opens_a_measure(&p.label))
    }

    /// True when a rendered candidate leaves the goal to the team: it hands
    /// it back or is the placeholder fallback ("[observable action ...]").
    pub(super) fn leaves_the_goal_open(&self, rendered: &Rendered) -> bool {
        self.hands_the_goal_back(rendered)
            || rendered
                .placeholders
                .iter()
                .any(|p| p.label.starts_with(super::FALLBACK_LABEL))
    }

    /// Where the tail (time, method) starts in a candidate's filled text: after
    /// its `core` pieces, which say who does what.
    fn tail_cut(&self, candidate: &Candidate, filled: &str) -> Option<usize> {
        let core = candidate.core.min(candidate.pieces.len());
        if core == 0 || core == candidate.pieces.len() {
            return None;
        }
        let head = self.fills.fill(&render(&candidate.pieces[..core]));
        let head = head.trim_end_matches('.');
        (filled.starts_with(head)
            && filled[head.len()..].starts_with([' ', ','])
            && !head.is_empty())
        .then_some(head.len())
    }

    /// A finding on what the action is (S) that fails no letter only because
    /// calibration softened its rule ("'be safe' is a general state").
    /// Calibration spares the user's own wording from rules often wrong on it;
    /// the action of a rewrite smarten proposes is held to the rule's designed
    /// level. Acronyms and jargon are the user's words, which a rewrite keeps,
    /// so they do not count.
    fn softened_vagueness(
        &self,
        f: &crate::core::finding::Finding,
        kind: Option<&crate::core::plan_kind::PlanKind>,
    ) -> bool {
        use crate::core::finding::{Criterion, RuleId, Severity};
        f.severity == Severity::Warning
            && f.criterion == Criterion::S
            && !matches!(f.rule, RuleId::Acronym | RuleId::Jargon)
            && self.checker.is_demoted(f.rule, kind)
    }

    fn lexical_scores(
        &self,
        original: &str,
        concern: Option<&str>,
        refs: &[&str],
    ) -> (Vec<f32>, Option<Vec<f32>>) {
        let sim = Similarity::Lexical;
        (
            sim.to_each(original, refs),
            concern.map(|c| sim.to_each(c, refs)),
        )
    }

    /// The re-check quotes the stand-ins ("by 31 March 2027"); show the
    /// placeholders the user sees ("by [by when]") instead.
    /// Longer stand-ins go first, and only whole words are replaced, so the
    /// "2" standing in for a baseline never eats into "31 March 2027".
    fn unfill_reasons(&self, mut after: Criteria, rendered: &Rendered) -> Criteria {
        let mut placeholders: Vec<_> = rendered.placeholders.iter().collect();
        placeholders
            .sort_by_key(|p| std::cmp::Reverse(self.fills.get(&p.label).map_or(0, str::len)));
        for c in crate::core::finding::Criterion::ALL {
            for reason in &mut after.get_mut(c).reasons {
                for p in &placeholders {
                    if let Some(value) = self.fills.get(&p.label) {
                        let label = format!("[{}]", p.label);
                        *reason = crate::rewrite::draft::replace_whole_words(reason, value, &label);
                        // A reason quoting part of a stand-in: "method: 'attendance register'".
                        if let (Some(a), Some(b)) = (reason.find('\''), reason.rfind('\'')) {
                            if b > a + 1 && value.contains(&reason[a + 1..b]) {
                                *reason = format!("{}{label}{}", &reason[..=a], &reason[b..]);
                            }
                        }
                    }
                }
            }
        }
        after
    }
}

fn failing_count(c: &Criteria) -> usize {
    crate::core::finding::Criterion::ALL
        .iter()
        .filter(|&&k| c.get(k).verdict == Verdict::Fail)
        .count()
}

/// The rendered text with placeholders removed, for comparing meanings.
/// The rendered text without its placeholders, for comparing meaning; a slot
/// that asks which one of the writer's own words ("[which services]") reads
/// as those words.
fn without_placeholders(r: &Rendered, original: &str) -> String {
    let original = original.to_lowercase();
    let mut out = String::new();
    let mut at = 0;
    for p in &r.placeholders {
        out.push_str(&r.text[at..p.start]);
        if let Some(words) = p.label.strip_prefix("which ") {
            if original.contains(&words.to_lowercase()) {
                out.push(' ');
                out.push_str(words);
            }
        }
        at = p.end;
    }
    out.push_str(&r.text[at..]);
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A candidate through the gates, with what its place in the ranking turns on.
struct Kept {
    candidate: Candidate,
    rendered: Rendered,
    /// An exemplar made the writer's comparative observable.
    comparative_shown: bool,
    /// An exemplar written for the same goal, in no other setting.
    same_goal: bool,
    /// An exemplar that keeps the writer's comparative only by sharing it,
    /// about another act ("Eat healthier" for "get healthier").
    borrowed_comparative: bool,
    /// An exemplar for the same goal whose vague side the objective says in
    /// full ("Be healthier" for "get healthy"), not only in part ("Eat
    /// healthier").
    whole_goal: bool,
    /// An exemplar that keeps the writer's comparative only by its count from
    /// a baseline ("walk or play a sport ..., up from [baseline]" for "walk
    /// better"), its vague side saying none ("Get more exercise").
    counted_only: bool,
    /// An exemplar whose vague side says the writer's comparative ("Walk
    /// better"): it goes before those kept only by their count.
    for_the_comparative: bool,
}

/// Moves the items before `at` for which `moved` holds to just after the item
/// at `at`, keeping the order within each group.
fn put_after<T>(mut ranked: Vec<T>, at: usize, moved: impl Fn(&T) -> bool) -> Vec<T> {
    let (moving, staying): (Vec<_>, Vec<_>) = ranked.drain(..at).partition(|r| moved(r));
    let mut reordered = staying;
    reordered.extend(ranked.drain(..1));
    reordered.extend(moving);
    reordered.append(&mut ranked);
    reordered
}

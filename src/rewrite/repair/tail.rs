//! The tail of a rewrite, fitted to the kind of action: when (the writer's
//! concrete time, "by [by when]" for a one-off act, "for [how many weeks]" for
//! a habit, "from [start date] until [review date]" for a safety condition),
//! how progress is measured, where the writer's purpose clause starts, and the
//! concern when the action did not relate to it. How much or how often is in
//! `how_much.rs`.

use super::text::{
    decapitalise, ends_in_a_baseline, ends_in_a_serving_clause, ends_in_a_trailing_modifier,
    overlaps, subtract, tidy,
};
use super::{ActionKind, Change, Repairer};
use crate::core::finding::{Criterion, RuleId};
use crate::core::measure::IndicatorKind;
use crate::core::time::TimeKind;
use crate::rewrite::draft::{template, Piece};
use std::ops::Range;

/// Words that introduce a time and travel with it: "by 1 June", "until July".
const TIME_PREPOSITIONS: &[&str] = &[
    "by", "before", "until", "till", "on", "in", "from", "at", "within", "over", "during",
];

impl Repairer<'_> {
    /// Adds the time: the writer's own concrete time, or a slot when T fails:
    /// "by [by when]", or for a habit "for [how many weeks]". A safety
    /// condition's start was put before it.
    pub(super) fn add_time(
        &self,
        pieces: &mut Vec<Piece>,
        changes: &mut Vec<Change>,
        deletions: &[Range<usize>],
        kept: bool,
        kind: ActionKind,
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
        let so_far = crate::rewrite::draft::render(pieces).text.to_lowercase();
        for t in &concrete {
            // An occasion ("in lessons") goes with a replaced action unless it already says it.
            // (A kept action holds only the occasions after its verb: those
            // are in the pieces already; one that leads the sentence is not.)
            let occasion_said = matches!(t.kind, TimeKind::Occasion)
                && self
                    .quote(&t.span)
                    .split_whitespace()
                    .all(|w| w.len() < 4 || so_far.contains(&w.to_lowercase()));
            if in_pieces(t) {
                have_time = true;
            } else if !occasion_said {
                // A leading or replaced-away time: carry it to the end.
                // "by 1 June": the preposition goes with the date it introduces,
                // whether the time's span holds it or the word before it.
                let quoted = self.quote(&t.span);
                let (first, rest) = quoted.trim().split_once(' ').unwrap_or(("", ""));
                let before = self.text()[..t.span.start].trim_end();
                let previous = &before[before.rfind(char::is_whitespace).map_or(0, |k| k + 1)..];
                let carried = if TIME_PREPOSITIONS.contains(&first.to_lowercase().as_str()) {
                    format!("{} {}", first.to_lowercase(), tidy(rest))
                } else if TIME_PREPOSITIONS.contains(&previous.to_lowercase().as_str()) {
                    format!("{} {}", previous.to_lowercase(), tidy(&quoted))
                } else {
                    tidy(&quoted)
                };
                // "written in a food diary, this year": the time is the
                // action's, not the diary's.
                // "in [N of M] lessons each day in class, up from [baseline]":
                // where it is seen goes with the count, before the baseline.
                let baseline = matches!(t.kind, TimeKind::Occasion)
                    .then(|| ends_in_a_baseline(pieces))
                    .flatten();
                if let Some(at) = baseline {
                    pieces.insert(at, Piece::kept(decapitalise(&carried)));
                } else {
                    if ends_in_a_trailing_modifier(pieces) {
                        pieces.push(Piece::added(","));
                    }
                    pieces.push(Piece::kept(decapitalise(&carried)));
                }
                have_time = true;
            }
        }
        // A score to reach ("read better, scoring [target] on [which measure]")
        // is reached by a date, however often the activity is done; an
        // occasion the writer tied it to ("in class") says where it is seen,
        // not by when.
        let scored = pieces
            .iter()
            .any(|p| matches!(p, Piece::Placeholder { label, .. } if label == "target"));
        let dated = self.x.times.iter().any(|t| {
            matches!(
                t.kind,
                TimeKind::Date | TimeKind::Deadline | TimeKind::Period | TimeKind::Start
            )
        });
        let target_undated = scored && !dated;
        let t_fails = self.fails(Criterion::T) || self.x.failed(RuleId::NoTimeframe);
        if !(t_fails || target_undated)
            || matches!(kind, ActionKind::Safety | ActionKind::Condition)
        {
            return;
        }
        if have_time && !self.x.failed(RuleId::NoTimeframe) && !target_undated {
            return;
        }
        // An action the repair already gave a frequency ("check ... [how often]")
        // recurs: it needs a period, not a deadline.
        let frequency_at = pieces.iter().position(|p| {
            matches!(p, Piece::Placeholder { label, .. }
                if format!("[{label}]") == self.templates.assembly.quantity)
        });
        // A habit the writer already measured without a frequency ("learn 20
        // words", "with 90% accuracy") is reached by a date, not kept up for weeks.
        let measured_once = !self.fails(Criterion::M)
            && !self
                .x
                .indicators
                .iter()
                .any(|i| i.kind == IndicatorKind::Frequency)
            && !self
                .x
                .times
                .iter()
                .any(|t| matches!(t.kind, TimeKind::Recurrence | TimeKind::Occasion));
        // "attend [N of M] parenting classes": a count of occasions out of
        // those offered is reached by a date, not kept up for weeks (a rate,
        // "on [N of M] days a week", is).
        let counted_out_of = pieces.windows(2).any(|w| {
            matches!(&w[0], Piece::Placeholder { label, .. } if label == "N of M")
                && !crate::rewrite::draft::render(std::slice::from_ref(&w[1]))
                    .text
                    .contains("week")
        });
        let slot = if frequency_at.is_some()
            || kind == ActionKind::Habit && !measured_once && !scored && !counted_out_of
        {
            &self.templates.assembly.habit_time
        } else {
            &self.templates.assembly.time
        };
        // A habit is kept up at a rate for a period: "study maths for [how
        // many] hours" says how long each time, not how often.
        let rate_missing = std::ptr::eq(slot, &self.templates.assembly.habit_time)
            && frequency_at.is_none()
            && !self.states_a_rate(pieces);
        let vague: Vec<String> = self
            .x
            .times
            .iter()
            .filter(|t| !t.kind.is_concrete())
            .map(|t| self.quote(&t.span))
            .collect();
        // "check the register [how often] for [how many weeks] and record each
        // result": the period goes with the frequency when a clause of its own
        // follows it, so it does not read as the later clause's deadline.
        let frequency_then_clause = frequency_at.filter(|&i| {
            pieces.get(i + 1).is_some_and(|next| {
                let text = crate::rewrite::draft::render(std::slice::from_ref(next)).text;
                let text = text.trim_start().to_lowercase();
                text.starts_with("and ") || text.starts_with("to ") || text.starts_with(',')
            })
        });
        match frequency_then_clause {
            Some(i) => {
                let tail: Vec<Piece> = pieces.split_off(i + 1);
                pieces.extend(template(slot));
                pieces.extend(tail);
            }
            None => {
                // "... on [which measure] by [by when], to keep the children
                // safe": the time is the action's, not its purpose's.
                let at = self.purpose_at_end(pieces).unwrap_or(pieces.len());
                let purpose = pieces.split_off(at);
                // "when speaking, by [by when]": the date is the target's, set
                // apart from the occasion before it. "each day, written in a
                // food diary, by [by when]": a trailing participle or "up from"
                // phrase is closed, so the time is the action's, not the diary's.
                // "lose weight so I can be healthier, by [by when]", "gain
                // weight by eating better, by [by when]": so is a clause
                // that serves the action.
                if target_undated && have_time
                    || ends_in_a_trailing_modifier(pieces)
                    || std::ptr::eq(slot, &self.templates.assembly.time)
                        && ends_in_a_serving_clause(pieces)
                {
                    pieces.push(Piece::added(","));
                }
                if rate_missing {
                    pieces.extend(template(&self.templates.assembly.quantity));
                }
                pieces.extend(template(slot));
                if !purpose.is_empty() {
                    pieces.push(Piece::added(","));
                    pieces.extend(purpose);
                }
            }
        }
        let what = if vague.is_empty() {
            format!("added when: {slot}")
        } else {
            format!(
                "'{}' is not a timeframe: replaced with {slot}",
                vague.join("', '")
            )
        };
        changes.push(Change::new(Criterion::T, what));
    }

    /// True when the objective or the pieces say how often: a recurrence, a
    /// frequency, or a count per day, week or night ("on [N of M] days a week").
    fn states_a_rate(&self, pieces: &[Piece]) -> bool {
        let said = self.x.times.iter().any(|t| t.kind == TimeKind::Recurrence)
            || self
                .x
                .indicators
                .iter()
                .any(|i| i.kind == IndicatorKind::Frequency);
        let text = crate::rewrite::draft::render(pieces).text.to_lowercase();
        said || self
            .templates
            .kinds
            .rate_words
            .iter()
            .any(|w| text.contains(w.as_str()))
    }

    /// Where a purpose clause kept from the writer ends the pieces ("to keep
    /// the children safe", "in order for him to ..."): a last kept piece that
    /// is the objective's own "to" + verb, or "in order", to its end.
    fn purpose_at_end(&self, pieces: &[Piece]) -> Option<usize> {
        let Some(Piece::Kept(last)) = pieces.last() else {
            return None;
        };
        let toks = &self.x.analysis.tokens;
        let text = self.text().trim_end().trim_end_matches(['.', '!', ';']);
        let from = self.x.frame.head.map_or(0, |h| h + 1);
        let purpose = (1..toks.len()).any(|k| {
            let opens = self.opens_a_purpose(from, k)
                || toks[k].lower == "in" && toks.get(k + 1).is_some_and(|t| t.lower == "order");
            opens
                && text
                    .get(toks[k].span.start..)
                    .is_some_and(|rest| rest.trim() == last.trim())
        });
        (purpose && pieces.len() > 1).then(|| pieces.len() - 1)
    }

    /// Adds how progress is measured; false when the objective names a method.
    /// A safety condition is checked at each visit; another condition kept up,
    /// as often as agreed.
    pub(super) fn add_method(
        &self,
        pieces: &mut Vec<Piece>,
        changes: &mut Vec<Change>,
        options: &[String],
        kind: ActionKind,
    ) -> bool {
        if !self.x.methods.is_empty() && !self.x.failed(RuleId::NotAMethod) {
            return false;
        }
        pieces.push(Piece::added(","));
        if matches!(kind, ActionKind::Safety | ActionKind::Condition) {
            let slot = if kind == ActionKind::Safety {
                &self.templates.assembly.safety_method
            } else {
                &self.templates.assembly.condition_method
            };
            pieces.extend(template(slot));
            changes.push(Change::new(
                Criterion::M,
                format!("a condition to keep is checked, not counted: added {slot}"),
            ));
            return true;
        }
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
        true
    }

    /// The writer's words from byte `start` to where the tail begins, with
    /// vague times ("ongoing", "from now on") left out: the tail adds a real one.
    pub(super) fn words_to_tail(&self, start: usize) -> String {
        let end = self.tail_start().max(start);
        let vague: Vec<_> = self
            .x
            .times
            .iter()
            .filter(|t| !t.kind.is_concrete())
            .map(|t| t.span.clone())
            .collect();
        let words: Vec<String> = subtract(start..end, &vague)
            .into_iter()
            .map(|r| self.text()[r].to_string())
            .collect();
        tidy(&words.join(" "))
    }

    /// Where the action's own words end: at the first concrete time or method
    /// after the main verb, else at the end of the text.
    pub(super) fn tail_start(&self) -> usize {
        let head_end = self
            .x
            .frame
            .head
            .map_or(0, |h| self.x.analysis.tokens[h].span.end);
        let text = self.text();
        self.x
            .times
            .iter()
            .filter(|t| t.kind.is_concrete() && t.kind != TimeKind::Occasion)
            .map(|t| t.span.start)
            .chain(self.x.methods.iter().map(|m| m.start))
            .chain(self.purpose_start())
            .filter(|&at| at >= head_end)
            .min()
            .map(|at| {
                // Before the words that lead into it ("recorded", "measured by").
                let before = text[..at].trim_end();
                let lead = [
                    "recorded in",
                    "recorded on",
                    "measured by",
                    "recorded by",
                    "as measured by",
                ]
                .iter()
                .find(|l| before.to_lowercase().ends_with(*l));
                if let Some(l) = lead {
                    return before.len() - l.len();
                }
                // Before the preposition that introduces a time: "| by discharge".
                let word_start = before.rfind(char::is_whitespace).map_or(0, |k| k + 1);
                if TIME_PREPOSITIONS.contains(&before[word_start..].to_lowercase().as_str()) {
                    word_start
                } else {
                    at
                }
            })
            .unwrap_or(text.trim_end().trim_end_matches('.').len())
    }

    /// Where a purpose clause after the action's object starts: "reduce her
    /// drinking | to protect the baby". The "to" follows the object, and what
    /// follows it reads as a verb (a verb only, or one taking an object: "to
    /// pay the rent", not "to play group"); "the need to ...", "how to ..."
    /// and "a job to do" say what, not why.
    fn purpose_start(&self) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        let h = self.x.frame.head?;
        (h + 2..toks.len()).find_map(|k| {
            let verb = toks.get(k + 1)?;
            let object_follows = toks
                .get(k + 2)
                .is_some_and(|o| o.pos == "DT" || o.pos.starts_with("PRP"));
            (toks[k].sentence == toks[h].sentence
                && self.opens_a_purpose(h + 1, k)
                && (verb.is_only_a_verb() || object_follows))
                .then_some(toks[k].span.start)
        })
    }

    /// Whether the "to" at `k` opens a purpose clause: "to" and a verb in its
    /// base form, not an infinitive that says what (see
    /// [`Self::infinitive_says_what`], whose noun phrase starts at `from`).
    pub(super) fn opens_a_purpose(&self, from: usize, k: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        toks[k].lower == "to"
            && toks
                .get(k + 1)
                .is_some_and(|v| v.has_tag("VB") && !v.has_tag("VBD"))
            && !self.infinitive_says_what(from, k)
    }

    /// Whether the "to" at `k` opens an infinitive that says what, not why:
    /// after a question word ("how to tell the time"), a noun it completes
    /// ("the need to use compression") or an indefinite noun phrase starting
    /// no earlier than `from` ("a job to do", "somewhere to live").
    pub(super) fn infinitive_says_what(&self, from: usize, k: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(before) = k.checked_sub(1).map(|j| toks[j].lower.as_str()) else {
            return false;
        };
        let np_start = (from..k)
            .rev()
            .take_while(|&j| toks[j].is_noun() || toks[j].pos.starts_with("JJ"))
            .last()
            .unwrap_or(k);
        let indefinite = matches!(
            toks[np_start.saturating_sub(1)].lower.as_str(),
            "a" | "an" | "some" | "any"
        );
        indefinite
            || self
                .templates
                .kinds
                .to_complement_nouns
                .iter()
                .any(|n| n == before)
            || matches!(
                before,
                "how"
                    | "what"
                    | "where"
                    | "when"
                    | "which"
                    | "whether"
                    | "who"
                    | "something"
                    | "somewhere"
                    | "anything"
                    | "anywhere"
                    | "someone"
                    | "nothing"
            )
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
                if !out.contains(m) && self.intent.safe_to_offer(m, self.text(), self.concern) {
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

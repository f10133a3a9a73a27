//! How much or how often a kept action is done, fitted to its kind: a
//! frequency for a habit, a standard for a skill, an amount from a baseline
//! for a reduction or an increase, the figure a vague comparative needs, and a
//! count of occasions in the unit of the writer's recurrence.

use super::text::overlaps;
use super::{ActionKind, Direction, ObjectMeasure, Repairer};
use crate::core::time::TimeKind;
use crate::rewrite::draft::{template, Piece};
use std::ops::Range;

impl Repairer<'_> {
    /// True when the writer's comparative ("better") is kept by the action's
    /// count from a baseline: a count of occasions, or of so many in a period
    /// about what the writer named, and no threshold of the action's own.
    pub(super) fn comparative_counted(&self, pieces: &[Piece]) -> bool {
        let text = crate::rewrite::draft::render(pieces).text;
        let lower = text.to_lowercase();
        (super::text::counts_occasions(pieces)
            || self.counts_per_period(&lower) && self.intent.share_what(self.text(), &text))
            && !self.sets_a_threshold(&lower)
    }

    /// True when an action (`text`, lower case) counts so many in a period
    /// ("eat [N] portions of fruit each day"), with no baseline yet: "eat
    /// better" is more than now (when the action is about what the writer
    /// named, the caller asks).
    fn counts_per_period(&self, text: &str) -> bool {
        text.contains("[n]")
            && !text.contains(" from [baseline]")
            && self
                .templates
                .kinds
                .rate_words
                .iter()
                .any(|w| !w.contains('[') && text.contains(w.as_str()))
    }

    /// True when an action (`text`, lower case) sets its own threshold ("[N]
    /// breaths a minute or fewer", "at least [N] portions"): "up from
    /// [baseline]" after its count of occasions would read as the threshold's
    /// direction.
    fn sets_a_threshold(&self, text: &str) -> bool {
        self.templates
            .kinds
            .thresholds
            .iter()
            .any(|t| crate::rewrite::intent::contains_phrase(text, t))
    }

    /// How much or how often, fitted to the kind of action, with where it goes
    /// (after the action, before the writer's own time or method) and the change.
    pub(super) fn quantity_slot(&self, kind: ActionKind) -> Option<(usize, Vec<Piece>, String)> {
        let a = &self.templates.assembly;
        let at = self.tail_start();
        // "be well", "get clean": a state is seen on so many days, not done
        // so often.
        if let Some(state) = self.state_kept_up(at).filter(|_| kind == ActionKind::Habit) {
            let slot = a.state_shown.replace("{state}", &state);
            let change = format!("added how it is seen: {slot}");
            return Some((at, template(&slot), change));
        }
        let slot = match kind {
            ActionKind::Habit if self.time_comparative_before(at) => &a.comparative_time,
            ActionKind::Habit if self.head_is_one_of(&self.templates.kinds.night_habits) => {
                if self.nothing_said_of_the_verb(at) {
                    &a.night_habit_bare
                } else {
                    &a.night_habit
                }
            }
            // "sit quietly during story time": the occasion says when; how
            // many of those occasions is the measure, not how often.
            ActionKind::Habit if self.only_occasions_say_when() => &a.skill_occasions,
            ActionKind::Habit => &a.quantity,
            // "walk again": how far, with what help, by a date.
            ActionKind::Skill if self.regains_walking() => &a.mobility,
            // "swim", "dress himself": done without help; the writer's own
            // "independently" or "unaided" already says so.
            ActionKind::Skill if self.skill_is_unaided() => {
                if self.says_unaided() {
                    &a.skill_occasions
                } else {
                    &a.skill_unaided
                }
            }
            ActionKind::Skill => &a.skill,
            ActionKind::Reduction | ActionKind::Increase => {
                self.change_slot(self.object_measure(), kind == ActionKind::Reduction)
            }
            // A one-off act done by a date is measured by being done; a safety
            // condition by being kept.
            ActionKind::OneOff
            | ActionKind::Safety
            | ActionKind::Condition
            | ActionKind::Outcome => return None,
        };
        // "increase strength ... on [which measure, such as a 30-second
        // sit-to-stand count]": a level with no scale of its own offers an
        // example of what it is read on.
        let object = self.x.frame.object.clone().map_or("", |o| {
            let span = self.x.analysis.byte_span(o);
            &self.text()[span]
        });
        let slot = self.templates.with_measure_example(slot, object);
        // "walk [how far] with [what aid or support] around the ward": how
        // far goes with the walking, before where or how it is done.
        let at = match self.action_head() {
            Some(h) if slot == a.mobility => self.x.analysis.tokens[h].span.end.min(at),
            _ => at,
        };
        Some((
            at,
            template(&slot),
            format!("added how much or how often: {slot}"),
        ))
    }

    /// True when the objective's only times are occasions ("during story
    /// time", "after school"): no recurrence, date or period.
    fn only_occasions_say_when(&self) -> bool {
        use crate::core::time::TimeKind;
        let times = &self.x.times;
        times.iter().any(|t| t.kind == TimeKind::Occasion)
            && times
                .iter()
                .all(|t| t.kind == TimeKind::Occasion || !t.kind.is_concrete())
    }

    /// How much a reduction (`down`) or an increase changes what it is read
    /// in: "to [target] a week, down from [baseline]," for a count, "to [how
    /// long] a day" for time, "on [which measure]" for a level with no scale.
    pub(super) fn change_slot(&self, measure: ObjectMeasure, down: bool) -> &str {
        let a = &self.templates.assembly;
        match (measure, down) {
            (ObjectMeasure::Count, true) => &a.reduction,
            (ObjectMeasure::Count | ObjectMeasure::OwnScale, _) => &a.increase,
            (ObjectMeasure::Time, true) => &a.reduction_time,
            (ObjectMeasure::Time, false) => &a.increase_time,
            (ObjectMeasure::Money, true) => &a.reduction_money,
            (ObjectMeasure::Money, false) => &a.increase_money,
            (ObjectMeasure::Amount, true) => &a.reduction_amount,
            (ObjectMeasure::Amount, false) => &a.increase_amount,
            (ObjectMeasure::Felt, _) => &a.change_felt,
            (ObjectMeasure::Unscaled, _) => &a.reduction_level,
        }
    }

    /// A verb repair's action with its object and verb, and "{down}" or "{up}"
    /// as how much, fitted to what the object's tokens (`object_at`) are read in.
    /// A count keeps "from [baseline] to [target]" here: the object of a
    /// repaired verb is often a long phrase ("the prevalence of schools not
    /// complying ..."), which "to [target] a week" would not read after.
    pub(super) fn fill_verb_repair(
        &self,
        action: &str,
        object: &str,
        verb: &str,
        object_at: Option<Range<usize>>,
    ) -> String {
        let measure = match object_at.map_or(ObjectMeasure::Unscaled, |r| self.measure_of(r)) {
            ObjectMeasure::Count => ObjectMeasure::OwnScale,
            m => m,
        };
        // The example goes in after the change slots, which may hold the
        // "[which measure]" it qualifies ("increase {object} {up}").
        let action = action
            .replace("{down}", self.change_slot(measure, true))
            .replace("{up}", self.change_slot(measure, false));
        self.templates
            .with_measure_example(&action, object)
            .replace("{object}", object)
            .replace("{verb}", verb)
    }

    /// "be well", "get clean": a state named by "be" or "get" and an adjective
    /// or adverb (no comparative, which has its own slot), said as what is
    /// seen: "being well". `end` is where the action's words end.
    fn state_kept_up(&self, end: usize) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let h = self.x.frame.head?;
        let gerund = match &toks[h] {
            _ if self.x.frame.passive => return None,
            t if t.is("be") => "being",
            t if t.is("get") => "getting",
            _ => return None,
        };
        let state = toks.get(h + 1)?;
        if !matches!(state.pos, "JJ" | "RB") || state.span.end > end {
            return None;
        }
        let words: Vec<&str> = toks[h + 1..]
            .iter()
            .take_while(|t| t.span.end <= end && !t.is_punct())
            .map(|t| t.lower.as_str())
            .collect();
        (words.len() <= 3).then(|| format!("{gerund} {}", words.join(" ")))
    }

    /// Nothing after the main verb and before `end` but words that say "often"
    /// without a figure: "sleep | regularly".
    fn nothing_said_of_the_verb(&self, end: usize) -> bool {
        let Some(h) = self.x.frame.head else {
            return false;
        };
        let vague = self.vague_frequency_words();
        self.x.analysis.tokens[h + 1..]
            .iter()
            .take_while(|t| t.span.end <= end)
            .all(|t| t.is_punct() || vague.iter().any(|v| overlaps(v, &t.span)))
    }

    /// "go to bed earlier": a time-of-day comparative after the main verb and
    /// before `end`, which asks for the time to reach, not how often.
    fn time_comparative_before(&self, end: usize) -> bool {
        let Some(h) = self.x.frame.head else {
            return false;
        };
        let times = &self.templates.kinds.comparatives_time;
        self.x.analysis.tokens[h + 1..]
            .iter()
            .take_while(|t| t.span.end <= end)
            .any(|t| times.contains(&t.lower))
    }

    /// Words that say "often" without a figure ("regular contact", "frequent
    /// visits"), which a how-often slot replaces.
    pub(super) fn vague_frequency_words(&self) -> Vec<Range<usize>> {
        self.x
            .analysis
            .tokens
            .iter()
            .filter(|t| {
                matches!(
                    t.lower.as_str(),
                    "regular" | "frequent" | "routine" | "occasional" | "consistent"
                ) && t.pos.starts_with("JJ")
                    || self
                        .templates
                        .kinds
                        .vague_frequency_adverbs
                        .contains(&t.lower)
                        && t.pos.starts_with("RB")
            })
            .map(|t| t.span.clone())
            .collect()
    }

    /// "a reduction in headaches", "an improvement in mood": a change named as a
    /// noun, of a state the person rates.
    fn changes_a_felt_state(&self, k: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        self.lexicon.names_a_change(toks, k)
            && toks.get(k + 2).is_some_and(|n| {
                crate::core::lexicon::contains(&self.lexicon.felt_states, &n.lower)
            })
    }

    /// "make more friends", "get more library books": a verb of coming to have,
    /// then "more" and a plural thing (not time, money or an amount).
    pub(super) fn counts_things_had(&self, k: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        let Some(head) = self.x.frame.head else {
            return false;
        };
        kinds.having_verbs.iter().any(|v| toks[head].is(v))
            && k == head + 1
            && toks[k].lower == "more"
            && toks.get(k + 1).is_some_and(|n| {
                n.pos == "NNS"
                    && !kinds.time_nouns.contains(&n.lower)
                    && !kinds.money_nouns.contains(&n.lower)
                    && !kinds.amount_nouns.contains(&n.lower)
            })
    }

    /// The figure a comparative with no baseline needs, put after the phrase it
    /// compares: "fewer arguments, no more than [N] a week, down from [baseline]".
    pub(super) fn comparative_slot(&self, span: &Range<usize>) -> Option<(usize, Vec<Piece>)> {
        let word = self.text()[span.clone()].trim().to_string();
        let k = self.x.analysis.token_at(span.start)?;
        let mut end = self.clause_end(k + 1).max(k + 1);
        // After an occasion too: "behave better in class, shown by ...".
        let toks = &self.x.analysis.tokens;
        while let Some(t) = toks.get(end).and_then(|tok| {
            self.x
                .times
                .iter()
                .find(|t| t.kind == TimeKind::Occasion && t.span.start == tok.span.start)
        }) {
            let after = toks
                .iter()
                .position(|x| x.span.start >= t.span.end)
                .unwrap_or(toks.len());
            end = self.clause_end(after).max(after);
        }
        let at = self.x.analysis.tokens[end - 1].span.end;
        let a = &self.templates.assembly;
        // "be more motivated", "be nicer": a quality, shown rather than counted.
        // Before a noun it is the noun that is compared: "fewer processed foods".
        let quality = (k + 1..toks.len().min(k + 3))
            .find(|&j| !toks[j].pos.starts_with("RB"))
            .filter(|&j| toks[j].pos == "JJ" || toks[j].pos == "VBN")
            .filter(|&j| toks.get(j + 1).is_none_or(|n| !n.is_noun()))
            .map(|j| self.quote(&(span.start..toks[j].span.end)).to_lowercase());
        // The nouns after the comparative and its modifiers: "library books",
        // "green vegetables" (a colour the tagger may read as a noun).
        let nouns: Vec<&crate::core::nlp::Token> = toks[k + 1..]
            .iter()
            .skip_while(|n| n.pos.starts_with("JJ") || n.pos == "VBN" || n.lower == "-")
            .take_while(|n| n.is_noun())
            .collect();
        // "drink less", not "drink fewer fizzy drinks" (a noun after its modifiers).
        let noun_follows = !nouns.is_empty();
        // "read more books": things counted, so so many a week, not times.
        let count_follows = nouns.last().is_some_and(|n| n.pos == "NNS");
        let portions_follow = nouns
            .iter()
            .any(|n| self.templates.kinds.portion_nouns.contains(&n.lower));
        // Right after the verb ("drink less"); after a goal wrapper or a
        // progressive ("My aim is to save more", "I'm saving more"), whose
        // "be" the frame reads as a copula, after the verb it leads to.
        let led_to = self
            .action_head()
            .is_some_and(|a| Some(a) != self.x.frame.head);
        // ("work out more": after the verb's particle too.)
        let by_the_verb = self.action_head().is_some_and(|h| {
            k == h + 1 || k == h + 2 && toks[h + 1].has_tag("RP") && !toks[h + 1].is_noun()
        }) && (!self.x.frame.copula || led_to)
            && !noun_follows;
        // "speak more clearly": "more" before a manner adverb says how well,
        // not how often.
        let of_manner = toks
            .get(k + 1)
            .is_some_and(|n| n.pos.starts_with("RB") && n.lower.ends_with("ly"));
        // The noun the comparative qualifies is one of `list`.
        let next_is = |list: &[String]| {
            toks.get(k + 1)
                .is_some_and(|n| n.pos.starts_with("NN") && list.contains(&n.lower))
        };
        let kinds = &self.templates.kinds;
        // "less phone time", "more family time": the noun may follow a modifier.
        let time_follows = next_is(&kinds.time_nouns)
            || toks.get(k + 1).is_some_and(|n| n.pos.starts_with("NN"))
                && toks
                    .get(k + 2)
                    .is_some_and(|n| kinds.time_nouns.contains(&n.lower));
        let of_an_amount = next_is(&kinds.amount_nouns)
            && toks.get(k + 1).is_some_and(|n| !n.pos.starts_with("NNS"));
        // "make more friends", "get more library books": things one comes to have,
        // counted where the comparative stands ("make [N] more friends").
        if self.counts_things_had(k) {
            return Some((span.start, template(&a.counted_things)));
        }
        // "save more money", "spend less": money, by the week.
        let of_money =
            next_is(&kinds.money_nouns) || by_the_verb && self.head_is_one_of(&kinds.money_verbs);
        // "run longer": how long each time, said of the verb itself.
        let of_duration = by_the_verb && kinds.comparatives_duration.contains(&word.to_lowercase());
        // "pay attention more", "concentrate more": kept up for longer, not
        // done more often.
        let sustained = self.action_head().is_some_and(|h| {
            kinds
                .sustained_activities
                .iter()
                .any(|p| self.x.analysis.phrase_len_at(p, h) == k.checked_sub(h))
        });
        // "eat out less often", "visit more frequently": how many times.
        let of_frequency = toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "often" | "frequently"));
        let slot = match (quality, self.direction(&word)) {
            (_, Direction::Up) if of_frequency && !by_the_verb => a.comparative_up.clone(),
            (_, Direction::Down) if of_frequency && !by_the_verb => {
                a.comparative_down_times.clone()
            }
            // "less anxiety", "decreased anxiety", "more confidence": felt, so
            // rated, not counted.
            (None, _) if next_is(&self.lexicon.felt_states) || self.changes_a_felt_state(k) => {
                a.comparative_felt.clone()
            }
            (Some(phrase), _) => a.comparative_other.replace("{word}", &phrase),
            // "be nicer": the comparative is the state itself ("be less
            // withdrawn": "more" or "less" with the adjective after it).
            (None, _) if self.x.frame.copula && self.x.frame.head.is_some_and(|h| k == h + 1) => {
                let word = word.to_lowercase();
                let state = match toks.get(k + 1) {
                    Some(n)
                        if matches!(word.as_str(), "more" | "less")
                            && (n.has_tag("JJ") || n.has_tag("VBN")) =>
                    {
                        format!("{word} {}", n.lower)
                    }
                    _ => word,
                };
                a.comparative_other.replace("{word}", &state)
            }
            (None, Direction::Up) if of_duration || sustained => a.comparative_up_duration.clone(),
            (None, Direction::Down) if of_duration => a.comparative_down_duration.clone(),
            // "read better", "run faster", "speak more clearly": how well the
            // activity is done, on a measure.
            (None, _)
                if by_the_verb
                    && self.head_is_one_of(&kinds.performances)
                    && (of_manner || self.direction(&word) == Direction::Other) =>
            {
                // "breathe better": the verb's lemma says what is measured.
                let verb = self.x.frame.head.map(|h| super::text::base_form(&toks[h]));
                let outcome = verb.as_deref().unwrap_or(word.as_str());
                self.templates
                    .with_measure_example(&a.comparative_measured, outcome)
            }
            // "save more", "spend less": money, by the week.
            (None, Direction::Up) if of_money => a.comparative_up_money.clone(),
            // "eat more", "drink more": how much is taken in, not how often.
            (None, Direction::Up) if by_the_verb && self.head_is_one_of(&kinds.intake_verbs) => {
                a.comparative_up_amount.clone()
            }
            (None, Direction::Down) if of_money => a.comparative_down_money.clone(),
            // "isolate less": the behaviour itself, counted in days.
            (None, Direction::Down) if by_the_verb => a.comparative_down_days.clone(),
            // "less phone time", "spend less money": how long a day, how much a week.
            (None, Direction::Down) if time_follows => a.comparative_down_time.clone(),
            (None, Direction::Down) if next_is(&kinds.amount_nouns) => {
                a.comparative_down_amount.clone()
            }
            // "eat less junk food", "drink less fizzy pop": a thing not
            // counted one by one is had on fewer days.
            (None, Direction::Down)
                if nouns.last().is_some_and(|n| {
                    n.pos.starts_with("NN")
                        && !n.pos.starts_with("NNS")
                        && !n.pos.starts_with("NNP")
                }) =>
            {
                a.comparative_down_days.clone()
            }
            (None, Direction::Down) => a.comparative_down.clone(),
            // "save more money", "spend more time together": by the week.
            (None, Direction::Up) if time_follows => a.comparative_up_time.clone(),
            // "drink more water": an amount, not a number of times.
            (None, Direction::Up) if portions_follow => a.comparative_up_portions.clone(),
            (None, Direction::Up) if of_an_amount => a.comparative_up_amount.clone(),
            (None, Direction::Up) if count_follows => a.comparative_up_count.clone(),
            (None, Direction::Up)
                if by_the_verb && self.head_is_one_of(&kinds.session_activities) =>
            {
                a.comparative_up_sessions.clone()
            }
            (None, Direction::Up) => a.comparative_up.clone(),
            (None, Direction::Other) => a.comparative_other.replace("{word}", &word.to_lowercase()),
        };
        Some((at, template(&slot)))
    }
}

/// "on [N of M] occasions, daily" counts the occasions in the unit the
/// writer's recurrence gives: "on [N of M] days"; "every week" makes it
/// "in [N of M] weeks"; "on [N of M] days a week, every morning" becomes
/// "on [N of M] mornings a week". The recurrence is then said by the count.
pub(super) fn count_in_the_recurrence(pieces: &mut Vec<Piece>) {
    let Some(at) = (1..pieces.len().saturating_sub(1)).find(|&i| {
        matches!(&pieces[i], Piece::Placeholder { label, .. } if label == "N of M")
            && matches!(&pieces[i - 1], Piece::Added(t) if t == "on")
            && matches!(&pieces[i + 1], Piece::Added(t)
                if t.starts_with("occasions") || t.starts_with("days a week"))
    }) else {
        return;
    };
    let Some((kept, unit)) = pieces.iter().enumerate().skip(at + 2).find_map(|(j, p)| {
        let Piece::Kept(t) = p else {
            return None;
        };
        recurrence_unit(t).map(|u| (j, u))
    }) else {
        return;
    };
    let Piece::Added(counted) = pieces[at + 1].clone() else {
        return;
    };
    // "on [N of M] days a week, every morning": so many mornings a week.
    let rate = counted.starts_with("days a week");
    if rate && unit == "weeks" {
        return;
    }
    pieces.remove(kept);
    let follows = pieces.len() > at + 2;
    let comma = if follows && counted.ends_with(',') {
        ","
    } else {
        ""
    };
    let per = if rate { " a week" } else { "" };
    pieces[at + 1] = Piece::added(format!("{unit}{per}{comma}"));
    if unit == "weeks" {
        pieces[at - 1] = Piece::added("in");
    }
}

/// The unit a plain recurrence counts in: "daily" -> "days", "every
/// morning" -> "mornings", "each week" -> "weeks"; `None` for any other
/// time ("twice a week", "by Friday").
fn recurrence_unit(time: &str) -> Option<String> {
    let t = time.trim().trim_end_matches(['.', ',']).to_lowercase();
    let unit = match t.as_str() {
        "daily" => "day",
        "weekly" => "week",
        "nightly" => "night",
        _ => match t.split_once(' ')? {
            ("every" | "each", unit) => unit,
            _ => return None,
        },
    };
    matches!(
        unit,
        "day" | "week" | "morning" | "evening" | "night" | "lesson" | "session" | "visit"
    )
    .then(|| format!("{unit}s"))
}

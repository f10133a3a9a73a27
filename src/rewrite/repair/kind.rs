//! What kind of action the writer's verb is, which decides the slots a kept
//! action gets: a one-off act needs a date; a habit a frequency and a period; a
//! reduction or an increase an amount and a baseline; a safety condition runs
//! from the plan's start and is checked at each visit.

use super::Repairer;
use crate::core::measure::phrase_spans;

/// The kind of a kept action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    OneOff,
    Habit,
    Reduction,
    Increase,
    Safety,
    /// A state kept up ("keep her medication locked away", "be sober when
    /// caring for the children"): held from the plan's start, checked at visits.
    Condition,
    /// A skill shown ("be able to count"): to a standard, on most occasions.
    Skill,
    /// A result reached, not an act done again ("get in shape", "slim down",
    /// "cope with it"): nothing to count, so the behaviour that shows it is
    /// asked for, by a date.
    Outcome,
}

/// What the object of a reduction or an increase is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ObjectMeasure {
    /// Things counted ("outbursts", "the number of falls").
    Count,
    /// A level read on a scale of its own ("reading level", "A1c", "grades").
    OwnScale,
    /// Time ("screen time"): how long a day.
    Time,
    /// A feeling ("anxiety", "confidence"): rated on a scale.
    Felt,
    /// Money ("spending"): how much a week.
    Money,
    /// An amount taken in ("salt", "protein intake"): how much a day.
    Amount,
    /// A level with no scale of its own ("strength", "participation").
    Unscaled,
}

/// Which way a comparative points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Down,
    Up,
    Other,
}

impl Repairer<'_> {
    /// True when the head verb phrase is one of `list` (lemma phrases).
    pub(super) fn head_is_one_of(&self, list: &[String]) -> bool {
        self.action_head()
            .is_some_and(|head| self.verb_is_one_of(head, list))
    }

    /// True when the verb phrase at token `at` is one of `list` (lemma phrases).
    fn verb_is_one_of(&self, at: usize, list: &[String]) -> bool {
        let toks = &self.x.analysis.tokens;
        list.iter().any(|phrase| {
            phrase
                .split_whitespace()
                .enumerate()
                .all(|(k, w)| toks.get(at + k).is_some_and(|t| t.is(w)))
        })
    }

    /// Walking regained: a verb of walking with no object and no destination
    /// ("walk again", "ambulate", "walk around the ward"), with nothing yet
    /// saying how much (not "walk to school", "walk the dog", "walk for 20
    /// minutes").
    pub(super) fn regains_walking(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(head) = self.action_head() else {
            return false;
        };
        // What follows the verb is a place walked about or a manner, not
        // a thing walked ("the dog") or a place walked to.
        let about = toks.get(head + 1).is_none_or(|t| {
            (t.is_punct() || t.pos.starts_with("IN") || t.pos.starts_with("RB"))
                && !matches!(t.lower.as_str(), "with" | "home" | "for")
        }) && !toks[head + 1..]
            .iter()
            .any(|t| matches!(t.lower.as_str(), "to" | "into"));
        self.head_is_one_of(&self.templates.kinds.mobility_verbs)
            && about
            && self.x.indicators.is_empty()
            && !crate::core::time::any_of_kind(
                &self.x.times,
                crate::core::time::TimeKind::Recurrence,
            )
    }

    /// The writer already says the skill is done without help ("dress
    /// independently", "walk unaided").
    pub(super) fn says_unaided(&self) -> bool {
        !phrase_spans(&self.x.analysis, &self.templates.kinds.unaided_words).is_empty()
    }

    /// A skill of self-care or movement ("swim", "dress himself"), shown done
    /// "independently" rather than "correctly". It may follow "learn (how) to".
    pub(super) fn skill_is_unaided(&self) -> bool {
        let skills = &self.templates.kinds.unaided_skills;
        self.head_is_one_of(skills)
            || self
                .action_head()
                .and_then(|h| self.learnt_verb(h))
                .is_some_and(|v| self.verb_is_one_of(v, skills))
    }

    /// A negated safety condition ("will not be left alone with Mr Smith"):
    /// held from the plan's start and checked at each visit.
    pub(super) fn is_safety_condition(&self) -> bool {
        let Some(n) = self.x.frame.negated else {
            return false;
        };
        let from = self.x.analysis.tokens[n].span.start;
        phrase_spans(&self.x.analysis, &self.lexicon.safety_conditions)
            .iter()
            .any(|r| r.start >= from)
    }

    /// Which way a comparative word points.
    pub(super) fn direction(&self, word: &str) -> Direction {
        let k = &self.templates.kinds;
        let w = word.to_lowercase();
        if k.comparatives_down.contains(&w) {
            Direction::Down
        } else if k.comparatives_up.contains(&w) {
            Direction::Up
        } else {
            Direction::Other
        }
    }

    /// The kind of the writer's action.
    pub(super) fn action_kind(&self) -> ActionKind {
        let k = &self.templates.kinds;
        if self.is_safety_condition() {
            return ActionKind::Safety;
        }
        // A negated event that happens to the person ("will not develop
        // pressure sores", "will not have any nausea"): held from the plan's
        // start and checked, with no visits assumed.
        if crate::core::rules::negated_event(self.lexicon, &self.x.frame, &self.x.analysis.tokens) {
            return ActionKind::Condition;
        }
        // "to be able to count", "can tie his laces".
        let toks = &self.x.analysis.tokens;
        if let Some(h) = self.x.frame.head {
            let before: Vec<&str> = toks[h.saturating_sub(3)..h]
                .iter()
                .map(|t| t.lower.as_str())
                .collect();
            // "learn to add and subtract": what is learnt is shown as a skill.
            let learns = before
                .windows(2)
                .any(|w| w[1] == "to" && w[0].starts_with("learn"))
                || toks[h].is("learn")
                    && (toks.get(h + 1).is_some_and(|t| t.lower == "to")
                        || toks.get(h + 1).is_some_and(|t| t.lower == "how")
                            && toks.get(h + 2).is_some_and(|t| t.lower == "to"));
            if before.windows(2).any(|w| w == ["able", "to"])
                || before.last() == Some(&"can")
                || learns
            {
                return ActionKind::Skill;
            }
        }
        if self.regains_walking() {
            return ActionKind::Skill;
        }
        // "cook all meals independently": a skill of self-care said to be done
        // without help is shown so on most occasions, not done so often.
        if self.skill_is_unaided() && self.says_unaided() {
            return ActionKind::Skill;
        }
        if self.head_is_one_of(&k.down) {
            return ActionKind::Reduction;
        }
        if self.head_is_one_of(&k.up) {
            return ActionKind::Increase;
        }
        // "answer questions", "name pictures": marked right or wrong, not counted.
        if self.head_is_one_of(&k.skills) && !self.object_is_one_thing() {
            return ActionKind::Skill;
        }
        // "read to Leo regularly": said to recur, so how often is asked, even of
        // a verb that is otherwise done once with one thing.
        if !self.vague_frequency_words().is_empty() {
            return ActionKind::Habit;
        }
        if self.head_is_one_of(&k.one_off) || self.first_step_asked() || self.wants_one_thing() {
            return ActionKind::OneOff;
        }
        if self.head_is_one_of(&k.one_off_with_one_thing)
            && (self.object_is_one_thing() || self.goes_to_a_one_off_place())
        {
            return ActionKind::OneOff;
        }
        if self.reaches_a_status() {
            return ActionKind::OneOff;
        }
        // "make more friends": a number of them reached, by a date.
        if let Some(h) = self.x.frame.head {
            if self.counts_things_had(h + 1) {
                return ActionKind::OneOff;
            }
        }
        if self.keeps_a_state() || self.holds_at_all_times() {
            return ActionKind::Condition;
        }
        if self.head_is_one_of(&k.outcomes) || self.is_a_role() {
            return ActionKind::Outcome;
        }
        ActionKind::Habit
    }

    /// What the object of a reduction or an increase is read in: a count,
    /// time, money, an amount taken in, a level with its own scale ("his
    /// reading level", "my A1c"), a feeling ("anxiety"), or a level that
    /// needs a measure named ("strength", "participation").
    pub(super) fn object_measure(&self) -> ObjectMeasure {
        match self.x.frame.object.clone() {
            Some(object) => self.measure_of(object),
            None => ObjectMeasure::Count,
        }
    }

    /// What the words in `object` (token indices) are read in.
    pub(super) fn measure_of(&self, object: std::ops::Range<usize>) -> ObjectMeasure {
        let toks = &self.x.analysis.tokens;
        let kinds = &self.templates.kinds;
        // The noun phrase itself, without what qualifies it: "the prevalence |
        // of schools not complying with ...", "their arguing | in front of the
        // children" ("of" stays: "the number of falls", "the amount of time").
        let end = object
            .clone()
            .find(|&k| {
                let t = &toks[k];
                (matches!(t.pos, "IN" | "TO" | "WDT" | "WP") && t.lower != "of") || t.is_punct()
            })
            .unwrap_or(object.end);
        let words = &toks[object.start..end];
        // Every word, not just those tagged nouns: "A1c" is tagged as unknown.
        let any = |list: &[String]| words.iter().any(|t| list.contains(&t.lower));
        let counted = words
            .iter()
            .any(|t| COUNTING_WORDS.contains(&t.lower.as_str()));
        if counted {
            ObjectMeasure::Count
        } else if any(&kinds.own_scales) {
            // "body fat percentage": read as a percentage, not an amount eaten.
            ObjectMeasure::OwnScale
        } else if any(&kinds.time_nouns) {
            ObjectMeasure::Time
        } else if any(&kinds.money_nouns) {
            ObjectMeasure::Money
        } else if any(&kinds.amount_nouns) {
            ObjectMeasure::Amount
        } else if !is_a_level(words) {
            ObjectMeasure::Count
        } else if any(&self.lexicon.felt_states) {
            ObjectMeasure::Felt
        } else {
            ObjectMeasure::Unscaled
        }
    }

    /// The object is a single thing ("the assessment", "a dental appointment"),
    /// not several ("the children", "all appointments") or a place one goes to
    /// again and again ("school").
    fn object_is_one_thing(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(object) = self.x.frame.object.clone() else {
            return false;
        };
        let words = &toks[object];
        let Some(first) = words.first() else {
            return false;
        };
        let singular_determiner =
            matches!(first.lower.as_str(), "a" | "an" | "the" | "this" | "that")
                || first.pos == "PRP$";
        let last_noun = words.iter().rev().find(|t| t.is_noun());
        let place = words
            .iter()
            .any(|t| self.templates.kinds.habit_places.contains(&t.lower));
        singular_determiner && last_noun.is_some_and(|t| !t.pos.starts_with("NNS")) && !place
    }

    /// "take the children to the dentist": a destination that is not a place
    /// one goes to again and again.
    fn goes_to_a_one_off_place(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(head) = self.x.frame.head else {
            return false;
        };
        let places = &self.templates.kinds.habit_places;
        (head + 1..toks.len())
            .find(|&k| toks[k].lower == "to")
            .and_then(|k| (k + 1..toks.len()).find(|&j| toks[j].is_noun()))
            .is_some_and(|j| !places.contains(&toks[j].lower))
    }

    /// A state held at all times, not done so often: "Joshua is always
    /// supervised by a safe adult", "the children will be supervised at all
    /// times".
    pub(super) fn holds_at_all_times(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let always = toks.iter().any(|t| t.lower == "always")
            || toks
                .windows(3)
                .any(|w| w[0].lower == "at" && w[1].lower == "all" && w[2].lower == "times");
        always && (self.x.frame.passive || self.x.frame.copula)
    }

    /// "be employed as a carpenter", "be fully healed": a status reached
    /// once, by a date.
    fn reaches_a_status(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        self.copula_complement().is_some_and(|at| {
            crate::core::analysis::words_at(toks, &self.lexicon.status_participles, at).is_some()
        })
    }

    /// Where the complement of "be" starts, past any adverbs ("be fully healed").
    fn copula_complement(&self) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head.filter(|_| self.x.frame.copula)?;
        (head + 1..toks.len()).find(|&k| !toks[k].pos.starts_with("RB"))
    }

    /// A rule asked for a first step in place of the action itself (an end
    /// point or a feat out of reach): a step is taken once, by a date.
    fn first_step_asked(&self) -> bool {
        use crate::core::finding::{Edit, RuleId, Severity};
        let Some(head) = self.x.frame.head else {
            return false;
        };
        let at = self.x.analysis.tokens[head].span.start;
        self.x.judgment.findings.iter().any(|f| {
            matches!(f.rule, RuleId::StatusOutcome | RuleId::OutOfReach)
                && f.severity == Severity::Error
                && f.repair
                    .iter()
                    .flat_map(|r| r.edits.iter())
                    .any(|e| matches!(e, Edit::Placeholder { span, .. } if span.contains(&at)))
        })
    }

    /// A quality of a person shown again and again: "be polite", "show respect
    /// for authority", "demonstrate good manners".
    pub(super) fn shows_a_quality(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(head) = self.x.frame.head else {
            return false;
        };
        let qualities = &self.templates.kinds.qualities;
        let shows = ["show", "display", "demonstrate", "exhibit", "have"]
            .iter()
            .any(|v| toks[head].is(v));
        if !(self.x.frame.copula || shows) {
            return false;
        }
        // The first word that is not an adverb, a determiner or (after "show") an
        // adjective before the noun: "be very polite", "show more respect".
        (head + 1..toks.len().min(head + 5))
            .find(|&k| {
                let t = &toks[k];
                !(t.pos.starts_with("RB")
                    || t.pos == "DT"
                    || t.pos == "PRP$"
                    || shows && t.pos.starts_with("JJ") && !qualities.contains(&t.lower))
            })
            // "good at art" is a skill got better at, not a quality shown.
            .is_some_and(|k| {
                qualities.contains(&toks[k].lower)
                    && toks.get(k + 1).is_none_or(|t| t.lower != "at")
            })
    }

    /// "be MVP of the league", "be a prefect": a role or a standing, not
    /// an act done so often.
    fn is_a_role(&self) -> bool {
        self.copula_complement().is_some_and(|k| {
            let t = &self.x.analysis.tokens[k];
            t.pos.starts_with("NN") || t.pos == "DT" || t.pos == "PRP$"
        })
    }

    /// "I want a bike", "we need a bigger flat": one thing, had once, by a date.
    fn wants_one_thing(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        self.x.frame.head.is_some_and(|h| {
            (toks[h].is("want") || toks[h].is("need"))
                && toks.get(h + 1).is_some_and(|t| t.lower != "to")
        }) && self.object_is_one_thing()
    }

    /// A state kept up: "keep | maintain | stay" with a state after the object
    /// ("locked away", "free of hazards", "tidy"), or "be" with a state
    /// ("be sober when caring for the children").
    fn keeps_a_state(&self) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(head) = self.x.frame.head else {
            return false;
        };
        let state = |k: usize| {
            let t = &toks[k];
            t.pos.starts_with("JJ") || t.pos == "VBN" || matches!(t.lower.as_str(), "away" | "free")
        };
        let keeps = ["keep", "maintain", "stay", "remain"]
            .iter()
            .any(|v| toks[head].is(v));
        if keeps
            && !self
                .x
                .failed(crate::core::finding::RuleId::VagueComparative)
        {
            // "remain free of infection", "stay calm": the state follows the
            // verb; "keep the house clean", "maintain adequate fluids": it
            // follows the thing kept (an adjective before it only describes it).
            let linking = ["stay", "remain"].iter().any(|v| toks[head].is(v));
            // "remain within a small group", "stay with his gran": a place or
            // a person kept to (not "stay in bed", a habit of the night).
            let placed = linking
                && toks.get(head + 1).is_some_and(|t| {
                    matches!(t.lower.as_str(), "in" | "within" | "at" | "with" | "inside")
                })
                && !self.head_is_one_of(&self.templates.kinds.night_habits);
            if placed {
                return true;
            }
            let from = match (&self.x.frame.object, linking) {
                (Some(o), false) => o.start + 1,
                _ => head + 1,
            };
            return (from..toks.len().min(from + 6)).any(state);
        }
        // "be nicer", "be more motivated" compare; they are not states kept up.
        let compares = self
            .x
            .failed(crate::core::finding::RuleId::VagueComparative);
        self.x.frame.copula
            && !compares
            && toks
                .get(head + 1)
                .is_some_and(|t| t.pos == "JJ" || t.pos == "VBN")
    }
}

/// Words that make a noun phrase a count: "the number of falls".
const COUNTING_WORDS: [&str; 3] = ["number", "times", "incidents"];

/// Words naming a level, not a count: "anxiety", "their weight", "my A1c"
/// (no plural noun, not "the number of ..." and not "the amount of ...").
fn is_a_level(words: &[crate::core::nlp::Token]) -> bool {
    !words.is_empty()
        && !words.iter().any(|t| {
            t.pos.starts_with("NNS")
                || t.is_number()
                || t.lower == "amount"
                || COUNTING_WORDS.contains(&t.lower.as_str())
        })
}

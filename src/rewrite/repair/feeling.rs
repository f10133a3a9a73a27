//! A feeling as the goal ("feel better", "be less anxious", "never feel sad",
//! "less stressed"): nobody else can see it, so the person rates it on a scale
//! the team names, or counts the days it happens. A measured level as the goal
//! ("lower blood pressure") is read on the measure the team names; a symptom's
//! absence ("pain free") is counted in the days it holds.

use super::replace::Action;
use super::text::without_for_good;
use super::{Change, Repairer, Source, FEELING_PRIOR, SYMPTOM_FREE_PRIOR};
use crate::core::finding::Criterion;
use crate::core::measure::phrase_spans;
use crate::rewrite::draft::{parse_template, Piece};

/// Words that set how much of a feeling, skipped to find the feeling itself.
const DEGREE: &[&str] = &["less", "more", "very", "much", "not", "so", "too", "really"];

/// Feelings only after "feel": "be better at maths" is a skill, "feel better" a feeling.
const ONLY_AFTER_FEEL: &[&str] = &["better", "good", "well", "worse"];

impl Repairer<'_> {
    /// The feeling the objective asks for, rated or counted, when its goal is
    /// one of the feelings in `data/rewrite.toml`.
    pub(super) fn feeling_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let feelings = &self.templates.kinds.feelings;
        // Where the feeling's words start: after "feel", after "be", or at the
        // start of a verbless goal ("Less anxious").
        // "My goal is to be happy": the wrapped verb is the head, and its "be"
        // is a copula too.
        let head = self.action_head();
        let copula = self.x.frame.copula || self.goal_wrapper().is_some();
        let has = head.is_some_and(|h| toks[h].is("have") || toks[h].is("experience"));
        // "stop feeling lonely", "stop being anxious": a feeling to have on
        // fewer days, as "never feel sad" is.
        let stopped = head.is_some_and(|h| {
            (toks[h].is("stop") || toks[h].is("quit"))
                && toks.get(h + 1).is_some_and(|n| n.is("feel") || n.is("be"))
        });
        let from = match head {
            Some(h) if stopped => h + 2,
            Some(h) if toks[h].is("feel") || copula && toks[h].is("be") || has => h + 1,
            // "to be worried", "be stressed": a feeling read as a passive.
            Some(h) if self.x.frame.passive && feelings.contains(&toks[h].lower) => h,
            Some(_) => return None,
            None => {
                let words = toks.iter().filter(|t| !t.is_punct()).count();
                if words > 4 || toks.iter().any(|t| t.is_verb() && !t.pos.starts_with("JJ")) {
                    return None;
                }
                toks.iter().position(|t| !t.is_punct())?
            }
        };
        // "have improved mood", "have better sleep": after "have", a word that
        // names the change sets how much, like "less" in "have less pain".
        let kinds = &self.templates.kinds;
        let sets_how_much = |w: &str| {
            DEGREE.contains(&w)
                || has
                    && (matches!(w, "a" | "an")
                        || kinds.named_changes.contains_key(w)
                        || kinds.amount_changes.contains_key(w))
        };
        let first = (from..toks.len()).find(|&k| !sets_how_much(toks[k].lower.as_str()))?;
        let after_feel =
            head.is_some_and(|h| toks[h].is("feel") || stopped && toks[h + 1].is("feel"));
        // The feeling's own words ("at peace", "listened to").
        let felt = crate::core::analysis::words_at(toks, feelings, first);
        if has {
            // "have less pain": a symptom rated on a scale, not a feeling word.
            // It may follow a word that says where: "less back pain".
            let felt = phrase_spans(&self.x.analysis, &self.templates.kinds.rated_symptoms);
            let named = (first..(first + 3).min(toks.len()))
                .take_while(|&k| k == first || toks[k].pos.starts_with("NN"))
                .any(|k| felt.iter().any(|f| f.start == toks[k].span.start));
            if first == from || !named {
                return None;
            }
        } else if felt.is_none()
            || !after_feel && ONLY_AFTER_FEEL.contains(&toks[first].lower.as_str())
        {
            return None;
        }
        let start = toks[from].span.start;
        let state = self.words_to_tail(start);
        let state = state
            .trim_end_matches(['.', ',', ';', '!'])
            .trim()
            .to_lowercase();
        // "not be lonely any more": the time word goes with the negation,
        // which the template carries ("on no more than [N] days").
        let mut state = without_for_good(&state);
        if state.is_empty() {
            return None;
        }
        // "feel listened to": a feeling that ends in its preposition keeps it
        // where the tidying of a dangling word took it off.
        if let Some(felt) = felt {
            let last = &toks[felt.end - 1].lower;
            let before = toks[first..felt.end - 1]
                .iter()
                .map(|t| t.lower.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            if felt.len() > 1 && !before.is_empty() && state.ends_with(&before) {
                state = format!("{state} {last}");
            }
        }
        let negated = stopped
            || self.x.frame.negated.is_some()
            || toks
                .iter()
                .take(first)
                .any(|t| matches!(t.lower.as_str(), "never" | "not"));
        let assembly = &self.templates.assembly;
        // "not feel so down": the degree word goes with the negation too
        // ("report feeling down on no more than [N] days").
        let state = match state.split_once(' ') {
            Some((degree, rest)) if negated && matches!(degree, "so" | "too" | "that") => {
                rest.to_string()
            }
            _ => state,
        };
        let template = if has {
            &assembly.felt_state
        } else if negated {
            &assembly.feeling_negated
        } else {
            &assembly.feeling
        };
        let action = template.replace("{state}", &state);
        Some((
            parse_template(&action, |t| Piece::added(t)),
            vec![Change::new(
                Criterion::S,
                if has {
                    format!("'{state}' is felt, not seen: the person rates it on a named scale")
                } else {
                    format!(
                        "'feeling {state}' is a feeling nobody else can see: the person rates it on a named scale"
                    )
                },
            )],
            Source::VerbRepair,
            FEELING_PRIOR,
        ))
    }

    /// "be pain free", "remain free from nausea": a symptom's absence is
    /// reported day by day, counted against the days asked for.
    pub(super) fn symptom_free_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let head = self.action_head()?;
        if !["be", "stay", "remain", "become", "feel", "keep"]
            .iter()
            .any(|v| toks[head].is(v))
        {
            return None;
        }
        // Where the symptom's absence is said after the verb ("nausea-free"
        // is one token).
        let a = &self.x.analysis;
        let at = self
            .templates
            .kinds
            .rated_symptoms
            .iter()
            .find_map(|symptom| {
                [
                    format!("{symptom} free"),
                    format!("{symptom}-free"),
                    format!("free of {symptom}"),
                    format!("free from {symptom}"),
                ]
                .iter()
                .find_map(|p| a.find_phrase(p).into_iter().find(|r| r.start > head))
            })?;
        // The words after it stay with it: "nausea-free after chemotherapy".
        let state = self.words_to_tail(toks[at.start].span.start);
        let state = state
            .trim_end_matches(['.', ',', ';', '!'])
            .trim()
            .to_lowercase();
        let action = self
            .templates
            .assembly
            .symptom_free
            .replace("{state}", &state);
        Some((
            parse_template(&action, |t| Piece::added(t)),
            vec![Change::new(
                Criterion::M,
                format!("'{state}' is counted in the days it holds, as the person reports them"),
            )],
            Source::VerbRepair,
            SYMPTOM_FREE_PRIOR,
        ))
    }

    /// "have lower blood pressure", "Better blood pressure": a level compared
    /// with nothing is read on a measure, from where it is now to a target.
    pub(super) fn measured_level_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let verbless =
            self.x.frame.head.is_none() && toks.iter().filter(|t| !t.is_punct()).count() <= 5;
        let has = self.x.frame.head.is_some_and(|h| {
            ["have", "get", "achieve", "reach"]
                .iter()
                .any(|v| toks[h].is(v))
        });
        if !(verbless || has) {
            return None;
        }
        let from = self.x.frame.head.map_or(0, |h| h + 1);
        let levels = phrase_spans(&self.x.analysis, &self.templates.kinds.measured_levels);
        let kinds = &self.templates.kinds;
        let comparative = (from..toks.len()).find(|&k| {
            let w = &toks[k].lower;
            kinds.comparatives_down.contains(w)
                || kinds.comparatives_up.contains(w)
                || kinds.level_comparatives.contains(w)
        })?;
        let level = levels.iter().find(|l| {
            toks.get(comparative + 1)
                .is_some_and(|t| t.span.start == l.start)
        })?;
        // "a healthier weight", "his lower blood pressure": the determiner stays.
        let start = if (from..comparative).all(|k| matches!(toks[k].pos, "DT" | "PRP$")) {
            toks[from.min(comparative)].span.start
        } else {
            toks[comparative].span.start
        };
        let state = self.text()[start..level.end].to_lowercase();
        let action = self
            .templates
            .with_measure_example(&self.templates.assembly.measured_level, &state)
            .replace("{state}", &state);
        Some((
            parse_template(&action, |t| Piece::added(t)),
            vec![Change::new(
                Criterion::M,
                format!("'{state}' is measured: the figure to reach on a named measure, from where it is now"),
            )],
            Source::VerbRepair,
            FEELING_PRIOR,
        ))
    }
}

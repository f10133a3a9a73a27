//! Marking "Is it SMART?" training exercises: each tick against the trainer's
//! key (or smarten's verdict), each re-wording scored per letter on the 2/1/0
//! rubric, a faithfulness check, and plain-English feedback per answer.

/// `invalid!(origin, "format", args...)`: a [`MarkError::Invalid`] naming where.
macro_rules! invalid {
    ($origin:expr, $($fmt:tt)+) => {
        $crate::mark::MarkError::Invalid {
            origin: $origin.to_string(),
            reason: format!($($fmt)+),
        }
    };
}

pub mod answers;
pub mod confidence;
pub mod exercise;
pub mod faithful;
pub mod files;

pub use faithful::{Faithfulness, FAITHFUL_LEXICAL_THRESHOLD, FAITHFUL_THRESHOLD};

use crate::core::check::{Analysed, Checker, Objective};
use crate::core::finding::{Criterion, RuleId, Severity, Verdict};
use crate::core::similarity::Embed;
use crate::rewrite::Rewriter;
use answers::{Answer, AnswerRow};
use exercise::{normalise_id, Exercise, Statement};
use serde::Serialize;

/// An exercise, answers file or questionnaire that cannot be marked.
#[derive(Debug, thiserror::Error)]
pub enum MarkError {
    /// The file is readable but its content is not what marking needs.
    #[error("{origin}: {reason}")]
    Invalid { origin: String, reason: String },
    /// Two questionnaires that cannot be compared.
    #[error("{0}")]
    Mismatch(String),
    #[error(transparent)]
    Read(#[from] crate::io::table::TableError),
    #[error(transparent)]
    Output(#[from] crate::io::output::OutputError),
    #[error(transparent)]
    Embed(#[from] crate::core::similarity::EmbedError),
}
use std::collections::BTreeMap;

/// Whose verdict a tick is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeySource {
    Trainer,
    Smarten,
}

/// The mark for one answer row.
#[derive(Debug, Clone, Serialize)]
pub struct Mark {
    pub row: usize,
    pub participant: String,
    pub statement: String,
    /// Set when the row could not be marked (the reason names the problem).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Set when a later row from the same participant for the same statement replaced it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<usize>,
    pub ticked: Option<bool>,
    pub tick_correct: Option<bool>,
    /// Whether the statement is SMART, by the key used.
    pub statement_smart: Option<bool>,
    pub key_source: Option<KeySource>,
    /// 2/1/0 per letter; absent when not judgeable (R with no concern) or not asked for.
    pub scores: BTreeMap<Criterion, u8>,
    /// Letters left out of the total, with why.
    pub not_judged: Vec<String>,
    pub total: u32,
    pub max: u32,
    /// Similarity of the re-wording to the statement (or its concern).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f32>,
    /// False when the re-wording no longer addresses the statement: flagged for the trainer.
    pub faithful: bool,
    pub feedback: String,
}

impl Mark {
    fn unmarked(row: usize, participant: &str, statement: &str) -> Self {
        Mark {
            row,
            participant: participant.to_string(),
            statement: statement.to_string(),
            error: None,
            superseded_by: None,
            ticked: None,
            tick_correct: None,
            statement_smart: None,
            key_source: None,
            scores: BTreeMap::new(),
            not_judged: Vec::new(),
            total: 0,
            max: 0,
            similarity: None,
            faithful: true,
            feedback: String::new(),
        }
    }

    /// True when this row counts in the class results.
    pub fn counts(&self) -> bool {
        self.error.is_none() && self.superseded_by.is_none()
    }
}

/// Marks a class's answers. Every answer row gives exactly one mark, in order.
pub struct Marker<'a> {
    pub checker: &'a Checker,
    pub rewriter: &'a Rewriter<'a>,
    pub encoder: Option<&'a dyn Embed>,
}

impl Marker<'_> {
    pub fn mark(&self, exercise: &Exercise, rows: &[AnswerRow]) -> Vec<Mark> {
        // Duplicate submissions: the last row for a participant and statement wins.
        let mut last: BTreeMap<(String, String), usize> = BTreeMap::new();
        for r in rows {
            if let AnswerRow::Ok(a) = r {
                last.insert(
                    (a.participant.to_lowercase(), normalise_id(&a.statement)),
                    a.row,
                );
            }
        }
        let mut verdicts: BTreeMap<String, (bool, KeySource, Vec<Criterion>)> = BTreeMap::new();
        rows.iter()
            .map(|r| match r {
                AnswerRow::Error { row, message } => {
                    let mut m = Mark::unmarked(*row, "", "");
                    m.error = Some(message.clone());
                    m.feedback = format!("Not marked: {message}.");
                    m
                }
                AnswerRow::Ok(a) => {
                    let Some(statement) = exercise.statement(&a.statement) else {
                        let mut m = Mark::unmarked(a.row, &a.participant, &a.statement);
                        let ids: Vec<&str> =
                            exercise.statements.iter().map(|s| s.id.as_str()).collect();
                        let message = format!(
                            "unknown statement id '{}' (the exercise has {})",
                            crate::io::table::clip(&a.statement, 40),
                            ids.join(", ")
                        );
                        m.feedback = format!("Not marked: {message}.");
                        m.error = Some(message);
                        return m;
                    };
                    let winner = last[&(a.participant.to_lowercase(), normalise_id(&a.statement))];
                    if winner != a.row {
                        let mut m = Mark::unmarked(a.row, &a.participant, &statement.id);
                        m.superseded_by = Some(winner);
                        m.feedback =
                            format!("Not marked: a later answer (row {winner}) replaces this one.");
                        return m;
                    }
                    let verdict = verdicts
                        .entry(statement.id.clone())
                        .or_insert_with(|| self.statement_verdict(statement))
                        .clone();
                    self.mark_answer(statement, a, verdict)
                }
            })
            .collect()
    }

    /// Whether a statement is SMART: the trainer's key, else smarten's own verdict.
    fn statement_verdict(&self, s: &Statement) -> (bool, KeySource, Vec<Criterion>) {
        match &s.key {
            Some(k) => (k.smart, KeySource::Trainer, k.failing.clone()),
            None => {
                let j = self
                    .checker
                    .check(&Objective::new(s.text.clone()).with_concern(s.concern.clone()));
                (j.smart, KeySource::Smarten, j.criteria.failing())
            }
        }
    }

    fn mark_answer(
        &self,
        s: &Statement,
        a: &Answer,
        verdict: (bool, KeySource, Vec<Criterion>),
    ) -> Mark {
        let (smart, source, key_failing) = verdict;
        let mut m = Mark::unmarked(a.row, &a.participant, &s.id);
        m.ticked = Some(a.ticked);
        m.tick_correct = Some(a.ticked == smart);
        m.statement_smart = Some(smart);
        m.key_source = Some(source);
        let mut fb = Vec::new();
        let whose = match source {
            KeySource::Trainer => "the trainer's key",
            KeySource::Smarten => "smarten's check (there is no trainer's key for it)",
        };
        let verdict_text = if smart { "SMART" } else { "not SMART" };
        let failing_text = if key_failing.is_empty() {
            String::new()
        } else {
            format!(
                " (it fails {})",
                key_failing
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        if a.ticked == smart {
            // The statement's id is beside the feedback (marks.csv's column, the
            // report's heading), so the text does not repeat it.
            fb.push(format!(
                "Well done: you judged it correctly. By {whose} it is {verdict_text}{failing_text}."
            ));
        } else {
            fb.push(format!(
                "You {} it, but by {whose} it is {verdict_text}{failing_text}.",
                if a.ticked { "ticked" } else { "did not tick" }
            ));
        }
        if smart {
            // Nothing to re-word; a re-wording, if given, is not scored.
            m.feedback = fb.join(" ");
            return m;
        }
        let Some(reworded) = a.reworded.as_deref() else {
            for c in Criterion::ALL {
                if c == Criterion::R && s.concern.is_none() {
                    m.not_judged
                        .push("R: no concern was given for this statement".into());
                    continue;
                }
                m.scores.insert(c, 0);
            }
            m.max = 2 * m.scores.len() as u32;
            fb.push(format!(
                "It is not SMART, so it needed re-wording, and there is no re-wording. For example: \"{}\"",
                self.rewriter.rewrite(&Objective::new(s.text.clone()).with_concern(s.concern.clone())).rewrite
            ));
            m.feedback = fb.join(" ");
            return m;
        };
        let objective = Objective::new(reworded).with_concern(s.concern.clone());
        let x = self.checker.analyse(&objective);
        let original = self.checker.analyse(&Objective::new(s.text.clone()));
        let Faithfulness {
            similarity,
            to_concern,
            faithful,
            ..
        } = faithful::judge(
            &x,
            &original,
            s.concern.as_deref(),
            self.encoder,
            self.checker.lexicon(),
        );
        m.similarity = Some(similarity);
        m.faithful = faithful;
        for c in Criterion::ALL {
            if c == Criterion::R {
                if !faithful {
                    m.scores.insert(c, 0);
                } else if s.concern.is_none() {
                    m.not_judged
                        .push("R: no concern was given for this statement".into());
                } else if to_concern.is_some_and(|t| t >= FAITHFUL_THRESHOLD) {
                    // Close in meaning to the concern, even in other words.
                    m.scores.insert(c, 2);
                } else {
                    m.scores.insert(c, letter_score(c, &x));
                }
                continue;
            }
            m.scores.insert(c, letter_score(c, &x));
        }
        m.total = m.scores.values().map(|&v| v as u32).sum();
        m.max = 2 * m.scores.len() as u32;
        let met: Vec<String> = m
            .scores
            .iter()
            .filter(|(_, &v)| v == 2)
            .map(|(c, _)| format!("{} ({})", c, c.name()))
            .collect();
        if !met.is_empty() {
            fb.push(format!("Your re-wording meets {}.", met.join(", ")));
        }
        if !faithful {
            fb.push(format!(
                "Your re-wording no longer addresses the original statement (\"{}\"), so it scores 0 for R; your trainer will look at it.",
                s.text
            ));
        }
        for (c, &v) in &m.scores {
            if v == 2 || (*c == Criterion::R && !faithful) {
                continue;
            }
            let reason = x
                .judgment
                .findings
                .iter()
                .find(|f| f.criterion == *c && f.severity == Severity::Error)
                .map(|f| f.message.clone())
                .unwrap_or_else(|| partial_reason(*c, &x));
            let how = if v == 1 { "partly there" } else { "missing" };
            fb.push(format!("{c} is {how}: {reason}.{}", guidance_quote(*c)));
        }
        if m.total < m.max {
            let better = self.rewriter.rewrite(&objective);
            if better.rewrite != reworded {
                fb.push(format!("One improvement: \"{}\"", better.rewrite));
            }
        }
        m.feedback = fb.join(" ");
        m
    }
}

/// The 2/1/0 rubric for one letter of a re-wording: 2 when the checker passes it,
/// 1 when it is partly met, 0 when it is missing.
pub fn letter_score(c: Criterion, x: &Analysed) -> u8 {
    let errors: Vec<RuleId> = x
        .judgment
        .findings
        .iter()
        .filter(|f| f.criterion == c && f.severity == Severity::Error)
        .map(|f| f.rule)
        .collect();
    let passes = x.judgment.criteria.get(c).verdict != Verdict::Fail;
    match c {
        // A measure with no method is partly met; so is a comparative or a non-method.
        Criterion::M if passes => {
            if x.methods.is_empty() {
                1
            } else {
                2
            }
        }
        Criterion::M => u8::from(!errors.contains(&RuleId::NoIndicator)),
        // A time that is there but vague ("ongoing", "at review") is partly met.
        // "ongoing", "asap" are no timeframe at all; a review with no date is half one.
        Criterion::T if !passes => u8::from(errors == [RuleId::ReviewWithoutDate]),
        _ if passes => 2,
        // One problem left is partly met; more is missing. A warning on a
        // failing letter is a problem left too ("never" beside "make sure Jack").
        _ => {
            let problems = x
                .judgment
                .findings
                .iter()
                .filter(|f| f.criterion == c)
                .count();
            u8::from(problems == 1)
        }
    }
}

/// The guidance a letter's feedback quotes, as it ends that feedback
/// (' The guidance asks: "..."'); the class report quotes each once per person.
pub fn guidance_quote(c: Criterion) -> String {
    format!(" The guidance asks: \"{}\".", c.guidance())
}

fn partial_reason(c: Criterion, x: &Analysed) -> String {
    match c {
        Criterion::M if x.methods.is_empty() => {
            "there is a measure but no method: say how it will be recorded (observation, a register, a diary, a scale)".into()
        }
        _ => format!("{} is not fully met", c.name()),
    }
}

/// Class results per statement and per participant, from the marks that count.
#[derive(Debug, Clone, Serialize)]
pub struct ClassSummary {
    pub answers: usize,
    pub marked: usize,
    pub errors: usize,
    pub superseded: usize,
    /// Share of ticks that were right.
    pub tick_accuracy: f64,
    /// Mean score as a share of the maximum, per letter (0..1).
    pub letter_means: BTreeMap<Criterion, f64>,
    pub statements: Vec<StatementSummary>,
    pub participants: Vec<ParticipantSummary>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatementSummary {
    pub id: String,
    pub text: String,
    pub answers: usize,
    pub correct_ticks: f64,
    /// The letter most often scored 0 in re-wordings.
    pub most_missing: Option<Criterion>,
    /// 0..1: ticks right and letters met; the lower, the harder.
    pub score: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantSummary {
    pub participant: String,
    pub answers: usize,
    pub correct_ticks: usize,
    pub total: u32,
    pub max: u32,
    /// Mean share per letter (0..1), for the heat map; absent when never scored.
    pub letters: BTreeMap<Criterion, f64>,
    pub flagged: usize,
}

pub fn summarise(exercise: &Exercise, marks: &[Mark]) -> ClassSummary {
    let counted: Vec<&Mark> = marks.iter().filter(|m| m.counts()).collect();
    let ticks = counted
        .iter()
        .filter_map(|m| m.tick_correct)
        .collect::<Vec<_>>();
    let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let mut letter_means = BTreeMap::new();
    for c in Criterion::ALL {
        let v: Vec<u8> = counted
            .iter()
            .filter_map(|m| m.scores.get(&c).copied())
            .collect();
        if !v.is_empty() {
            letter_means.insert(
                c,
                v.iter().map(|&s| s as f64).sum::<f64>() / (2.0 * v.len() as f64),
            );
        }
    }
    let statements = exercise
        .statements
        .iter()
        .map(|s| {
            let ms: Vec<&&Mark> = counted.iter().filter(|m| m.statement == s.id).collect();
            let right = ms.iter().filter(|m| m.tick_correct == Some(true)).count();
            let mut zeros: BTreeMap<Criterion, usize> = BTreeMap::new();
            for m in &ms {
                for (c, &v) in &m.scores {
                    if v == 0 {
                        *zeros.entry(*c).or_default() += 1;
                    }
                }
            }
            let most_missing = zeros
                .iter()
                .max_by_key(|(c, n)| (**n, std::cmp::Reverse(**c)))
                .map(|(c, _)| *c);
            let (tot, max): (u32, u32) =
                ms.iter().fold((0, 0), |(t, x), m| (t + m.total, x + m.max));
            let letters_share = if max == 0 {
                1.0
            } else {
                tot as f64 / max as f64
            };
            StatementSummary {
                id: s.id.clone(),
                text: s.text.clone(),
                answers: ms.len(),
                correct_ticks: share(right, ms.len()),
                most_missing,
                score: (share(right, ms.len()) + letters_share) / 2.0,
            }
        })
        .collect();
    let mut names: Vec<String> = Vec::new();
    for m in &counted {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(&m.participant)) {
            names.push(m.participant.clone());
        }
    }
    let participants = names
        .into_iter()
        .map(|name| {
            let ms: Vec<&&Mark> = counted
                .iter()
                .filter(|m| m.participant.eq_ignore_ascii_case(&name))
                .collect();
            let mut letters = BTreeMap::new();
            for c in Criterion::ALL {
                let v: Vec<u8> = ms
                    .iter()
                    .filter_map(|m| m.scores.get(&c).copied())
                    .collect();
                if !v.is_empty() {
                    letters.insert(
                        c,
                        v.iter().map(|&s| s as f64).sum::<f64>() / (2.0 * v.len() as f64),
                    );
                }
            }
            ParticipantSummary {
                answers: ms.len(),
                correct_ticks: ms.iter().filter(|m| m.tick_correct == Some(true)).count(),
                total: ms.iter().map(|m| m.total).sum(),
                max: ms.iter().map(|m| m.max).sum(),
                flagged: ms.iter().filter(|m| !m.faithful).count(),
                letters,
                participant: name,
            }
        })
        .collect();
    ClassSummary {
        answers: marks.len(),
        marked: counted.len(),
        errors: marks.iter().filter(|m| m.error.is_some()).count(),
        superseded: marks.iter().filter(|m| m.superseded_by.is_some()).count(),
        tick_accuracy: share(ticks.iter().filter(|&&t| t).count(), ticks.len()),
        letter_means,
        statements,
        participants,
    }
}

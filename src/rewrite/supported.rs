//! An outcome the named person cannot guarantee for someone else ("Mum to
//! ensure Tom attends school", "encourage the patient to eat more"): the other
//! person's action is rewritten as an objective of its own, and the named
//! person supports them to do it, which is in their control ("Mum will
//! support Tom to attend school on [N of M] days ..."). The verbs and what
//! each becomes are `supported_verbs` in `[kinds]` of `data/rewrite.toml`.

use super::draft::{pieces_of, render, Piece, Rendered};
use super::repair::{Candidate, Change, Repairer, Source};
use super::{advisories, Rewriter};
use crate::core::check::{Analysed, Objective};
use crate::core::finding::Verdict;
use crate::core::lexicon::Lexicon;
use crate::core::owner::names_person;
use std::collections::BTreeMap;

/// The other person's action as an objective of its own ("Tom will attend
/// school"), and the verb the named person supports it with ("support").
#[derive(Debug, Clone, PartialEq)]
pub struct Supported {
    pub inner: Objective,
    pub verb: String,
    /// The person as the writer wrote them ("the patient", "Dad").
    pub person: String,
}

/// The longest phrase of `verbs` (lemmas) at token `at`, as its token count
/// and what it becomes.
fn verb_at<'v>(
    x: &Analysed,
    at: usize,
    verbs: &'v BTreeMap<String, String>,
) -> Option<(usize, &'v String)> {
    verbs
        .iter()
        .filter_map(|(phrase, becomes)| {
            x.analysis
                .phrase_len_at(phrase, at)
                .filter(|&len| len > 0)
                .map(|len| (len, becomes))
        })
        .max_by_key(|(len, _)| *len)
}

/// The other person's action, when the objective's verb (after any "need to",
/// "want to") is one of `verbs` followed by a person and what they will do:
/// "ensure (that) Tom attends school", "encourage the patient to eat more",
/// "help client feel better". None when S and A both pass, or when no person
/// stands between the verb and the action ("ensure adequate nutrition").
pub fn split(
    objective: &Objective,
    x: &Analysed,
    verbs: &BTreeMap<String, String>,
    lexicon: &Lexicon,
) -> Option<Supported> {
    let c = &x.judgment.criteria;
    if c.s.verdict != Verdict::Fail && c.a.verdict != Verdict::Fail {
        return None;
    }
    let toks = &x.analysis.tokens;
    let text = objective.text.as_str();
    let head = x.frame.head?;
    // "we need to | make sure": the wrapper's verbs, modals and "to" lead to it.
    let (at, (len, becomes)) = (head..toks.len().min(head + 4))
        .take_while(|&k| {
            k == head || toks[k - 1].is_verb() || matches!(toks[k - 1].pos, "TO" | "MD")
        })
        .find_map(|k| verb_at(x, k, verbs).map(|v| (k, v)))?;
    let mut from = at + len;
    if toks.get(from).is_some_and(|t| t.lower == "that") {
        from += 1;
    }
    // The person: a short noun phrase up to the action's verb.
    let verb =
        (from..toks.len().min(from + 5)).find(|&k| toks[k].is_verb() || toks[k].pos == "TO")?;
    let person = &toks[from..verb];
    let names_someone = person.last().is_some_and(|t| t.is_noun() || t.pos == "PRP")
        && person
            .iter()
            .all(|t| t.is_noun() || matches!(t.pos, "DT" | "PRP" | "PRP$" | "POS" | "JJ"));
    // A person, not a thing ("ensure the flat is clean" has no one to support).
    if !names_someone || !names_person(&x.analysis, &(from..verb), lexicon) {
        return None;
    }
    let verb = if toks[verb].pos == "TO" {
        verb + 1
    } else {
        verb
    };
    let action = toks.get(verb).filter(|t| t.is_verb())?;
    let end = x.analysis.words_end();
    if action.span.end > end {
        return None;
    }
    let written = text[x.analysis.byte_span(from..from + person.len())].to_string();
    let subject = if person.len() == 1 && person[0].pos == "PRP" {
        super::repair::nominative(&written)
    } else {
        written.clone()
    };
    let rest = text[action.span.end..end].trim();
    let rebuilt = format!("{subject} will {} {rest}", action.lemma());
    Some(Supported {
        inner: Objective {
            text: rebuilt.trim().to_string(),
            concern: objective.concern.clone(),
            plan_kind: objective.plan_kind.clone(),
        },
        verb: becomes.clone(),
        person: written,
    })
}

/// A candidate for the other person's objective ("Tom will attend school on
/// [N of M] days ..."), said of the named person who supports it: `agent`
/// "will support Tom to attend school on [N of M] days ...". None when the
/// candidate says no "will".
pub fn wrap(c: Candidate, agent: &[Piece], s: &Supported) -> Option<Candidate> {
    let will = c
        .pieces
        .iter()
        .position(|p| matches!(p, Piece::Added(t) if t == "will"))?;
    // A lead before the person ("From [start date] until [review date],")
    // leads the whole sentence.
    let lead = c.pieces[..will]
        .iter()
        .rposition(|p| matches!(p, Piece::Added(t) if t == ","))
        .map_or(0, |k| k + 1);
    let mut pieces = c.pieces[..lead].to_vec();
    pieces.extend(agent.iter().map(|p| match p {
        Piece::Kept(t) if lead > 0 => Piece::kept(super::repair::decapitalise(t)),
        p => p.clone(),
    }));
    pieces.push(Piece::added("will"));
    pieces.push(Piece::added(s.verb.clone()));
    for p in &c.pieces[lead..will] {
        pieces.push(match p {
            // The person as written ("the patient", not "Patient").
            Piece::Kept(t) if t.eq_ignore_ascii_case(&s.person) => Piece::kept(s.person.clone()),
            Piece::Kept(t) => Piece::kept(super::repair::object_form(t)),
            p => p.clone(),
        });
    }
    pieces.push(Piece::added("to"));
    let moved = pieces.len() as isize - (will as isize + 1);
    pieces.extend(c.pieces[will + 1..].iter().cloned());
    Some(Candidate {
        core: (c.core as isize + moved).max(0) as usize,
        pieces,
        ..c
    })
}

impl Rewriter<'_> {
    /// The candidates of the other person's act, said of the named person who
    /// supports it (none when the objective is not of that form).
    pub(super) fn supported_candidates(
        &self,
        objective: &Objective,
        x: &Analysed,
        repairer: &Repairer<'_>,
        concern: Option<&str>,
        original: Option<&[f32]>,
    ) -> Vec<Candidate> {
        let Some(s) = split(
            objective,
            x,
            &self.templates.kinds.supported_verbs,
            self.checker.lexicon(),
        ) else {
            return Vec::new();
        };
        let (agent, _) = repairer.who();
        self.own_candidates(&s.inner, concern, original)
            .into_iter()
            .filter_map(|c| wrap(c, &agent, &s))
            .collect()
    }

    /// The rewrite of a derived objective as pieces, with its changes, when
    /// it comes out SMART and says what is done (not still asking the team
    /// for the behaviour).
    pub(super) fn settled_rewrite(
        &self,
        objective: &Objective,
    ) -> Option<(Vec<Piece>, Vec<Change>)> {
        let r = self.rewrite(objective);
        let rendered = Rendered {
            text: r.rewrite,
            placeholders: r.placeholders,
            suggested: r.suggested,
        };
        if !r.after.failing().is_empty() || self.leaves_the_goal_open(&rendered) {
            return None;
        }
        let mut pieces = pieces_of(&rendered);
        if !rendered.text.ends_with(['.', '!', '?']) {
            pieces.push(Piece::added("."));
        }
        Some((pieces, r.changes))
    }

    /// Candidates for a derived objective: its rewrites, or itself as written
    /// when it is SMART already; none that hand the goal back to the team.
    fn own_candidates(
        &self,
        objective: &Objective,
        concern: Option<&str>,
        original: Option<&[f32]>,
    ) -> Vec<Candidate> {
        let x = self.checker.analyse(objective);
        let x = advisories::as_failures(&x).unwrap_or(x);
        if x.judgment.smart {
            let Some(h) = x.frame.head else {
                return Vec::new();
            };
            let start = x.analysis.tokens[h].span.start;
            let who = objective.text[..start]
                .trim_end()
                .trim_end_matches("will")
                .trim();
            return vec![Candidate {
                pieces: vec![
                    Piece::kept(who),
                    Piece::added("will"),
                    Piece::kept(objective.text[start..].trim()),
                ],
                changes: Vec::new(),
                source: Source::Kept,
                prior: 1.0,
                core: 3,
            }];
        }
        self.candidates(objective, &x, concern, original)
            .into_iter()
            .filter(|c| !self.leaves_the_goal_open(&render(&c.pieces)))
            .collect()
    }
}

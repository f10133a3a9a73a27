//! Builds candidate rewrites from an objective's analysis: keeps what the writer
//! said, repairs each failing letter with a template, and offers the nearest
//! exemplars' actions where the action itself is not observable.

use super::draft::{parse_template, template, Piece, Pronouns};
use super::exemplars::ExemplarBank;
use super::templates::Templates;
use crate::core::check::Analysed;
use crate::core::finding::Criterion;
use crate::core::frame::Owner;
use crate::core::time::TimeKind;
use serde::Serialize;
use std::ops::Range;

/// What a rewrite changed, per letter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub criterion: Criterion,
    pub what: String,
}

impl Change {
    fn new(criterion: Criterion, what: impl Into<String>) -> Self {
        Change {
            criterion,
            what: what.into(),
        }
    }
}

/// Where a candidate's action came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The writer's own action, with templates repairing the other letters.
    Kept,
    /// A verb repair from `data/rewrite.toml` that keeps the object.
    VerbRepair,
    /// An exemplar's action (its vague side is given).
    Exemplar(String),
    /// The writer's goal quoted, as a count of agreed steps towards it.
    Steps,
    /// A seq2seq model's output.
    Generator,
}

/// One candidate rewrite before it is re-checked.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub pieces: Vec<Piece>,
    pub changes: Vec<Change>,
    pub source: Source,
    /// How apt the action's source is, before fidelity is measured: 1 for the
    /// writer's own action, the retrieval similarity for an exemplar.
    pub prior: f32,
    /// How many leading pieces say who does what: the part compared for fidelity
    /// (the time and method templates are the same in every candidate).
    pub core: usize,
}

/// The prior of a verb repair: it keeps the object but its verb is generic.
const VERB_REPAIR_PRIOR: f32 = 0.85;
/// The prior of the writer's action with "[which]" asked of a general object.
const KEPT_WITH_WHICH_PRIOR: f32 = 0.8;
/// The prior of "take [N] agreed steps towards '<goal>'": faithful but roundabout.
const STEPS_PRIOR: f32 = 0.25;

/// Rules whose failure means the action itself must be replaced.
const ACTION_RULES: &[&str] = &[
    "weak-verb",
    "vague-verb",
    "stop-behaviour",
    "no-action",
    "generic-object",
    "status-outcome",
    "outside-control",
    "emotive-language",
];

/// Everything the repairs read.
pub struct Repairer<'a> {
    pub x: &'a Analysed,
    pub templates: &'a Templates,
    pub bank: &'a ExemplarBank,
    /// The nearest exemplars, best first.
    pub nearest: &'a [(usize, f32)],
    pub concern: Option<&'a str>,
}

impl Repairer<'_> {
    fn text(&self) -> &str {
        &self.x.analysis.text
    }

    fn quote(&self, range: &Range<usize>) -> String {
        self.text()[range.clone()].trim().to_string()
    }

    /// The candidates: the writer's action kept (when it is observable), or else a
    /// verb repair and the nearest exemplars' actions, each completed by templates.
    pub fn candidates(&self) -> Vec<Candidate> {
        let mut deletions: Vec<Range<usize>> = Vec::new();
        let mut insertions: Vec<(usize, Piece)> = Vec::new();
        let mut changes: Vec<Change> = Vec::new();
        let mut force_quantity = false;
        self.collect_deletions(
            &mut deletions,
            &mut insertions,
            &mut changes,
            &mut force_quantity,
        );
        let (who, who_changes) = self.who();
        changes.extend(who_changes);

        let failed_action_rules: Vec<&str> = ACTION_RULES
            .iter()
            .copied()
            .filter(|r| self.x.failed(r))
            .collect();
        let mut actions: Vec<(Vec<Piece>, Vec<Change>, Source, f32)> = Vec::new();
        if failed_action_rules.is_empty() {
            if let Some((pieces, c)) = self.kept_action(&deletions, &insertions) {
                actions.push((pieces, c, Source::Kept, 1.0));
            }
        } else {
            if failed_action_rules == ["generic-object"] {
                // Keep the writer's action and ask which thing exactly.
                let mut with_which = insertions.clone();
                if let Some((at, piece)) = self.which_insertion() {
                    with_which.push((at, piece));
                    if let Some((pieces, mut c)) = self.kept_action(&deletions, &with_which) {
                        c.push(Change::new(
                            Criterion::S,
                            "asked which one exactly: [which]".to_string(),
                        ));
                        actions.push((pieces, c, Source::Kept, KEPT_WITH_WHICH_PRIOR));
                    }
                }
            }
            actions.extend(self.replaced_actions());
            actions.push(self.stepped_action());
        }

        let methods = self.method_options();
        actions
            .into_iter()
            .map(|(action, action_changes, source, prior)| {
                let mut pieces = Vec::new();
                let mut all_changes = changes.clone();
                all_changes.extend(action_changes);
                if let Some(prefix) = self.leading_context(&deletions) {
                    pieces.push(Piece::kept(prefix));
                    pieces.push(Piece::added(","));
                }
                pieces.extend(who.iter().cloned());
                pieces.push(Piece::added("will"));
                let kept = source == Source::Kept;
                pieces.extend(action);
                let core = pieces.len();
                if kept && (force_quantity || self.x.failed("no-indicator")) {
                    pieces.extend(template(&self.templates.assembly.quantity));
                    all_changes.push(Change::new(
                        Criterion::M,
                        format!(
                            "added how much or how often: {}",
                            self.templates.assembly.quantity
                        ),
                    ));
                }
                self.add_time(&mut pieces, &mut all_changes, &deletions, kept);
                self.add_method(&mut pieces, &mut all_changes, &methods);
                self.add_concern(&mut pieces, &mut all_changes);
                Candidate {
                    pieces,
                    changes: all_changes,
                    source,
                    prior,
                    core,
                }
            })
            .collect()
    }

    /// Spans to drop from the writer's text, with what dropping them repairs.
    fn collect_deletions(
        &self,
        deletions: &mut Vec<Range<usize>>,
        insertions: &mut Vec<(usize, Piece)>,
        changes: &mut Vec<Change>,
        force_quantity: &mut bool,
    ) {
        for t in &self.x.times {
            if !t.kind.is_concrete() {
                deletions.push(t.span.clone());
            }
        }
        let toks = &self.x.analysis.tokens;
        for f in &self.x.judgment.findings {
            if f.severity != crate::core::finding::Severity::Error {
                continue;
            }
            let span = f.span();
            match f.rule.as_str() {
                "not-a-method" => {
                    deletions.push(span.clone());
                    changes.push(Change::new(
                        Criterion::M,
                        format!(
                            "'{}' is not a method of measurement: replaced",
                            self.quote(&span)
                        ),
                    ));
                }
                "absolute-target" => {
                    deletions.push(span.clone());
                    if self.quote(&span).contains(|c: char| c.is_ascii_digit()) {
                        insertions.push((span.start, Piece::placeholder("target")));
                    } else {
                        *force_quantity = true;
                    }
                    changes.push(Change::new(
                        Criterion::A,
                        format!("'{}' is a perfectionist target: replaced with a figure the team agrees", self.quote(&span)),
                    ));
                }
                "vague-comparative" => {
                    deletions.push(span.clone());
                    *force_quantity = true;
                    changes.push(Change::new(
                        Criterion::M,
                        format!(
                            "'{}' has no baseline: replaced with a figure",
                            self.quote(&span)
                        ),
                    ));
                }
                "unrealistic-load" => {
                    deletions.push(span.clone());
                    insertions.push((span.start, Piece::placeholder("how long")));
                    changes.push(Change::new(
                        Criterion::A,
                        format!("'{}' is more than a day can hold: replaced with an amount the person agrees", self.quote(&span)),
                    ));
                }
                "not-agreed" => {
                    // Drop the whole reason clause: "because my parents said so".
                    let mut start = span.start;
                    if let Some(i) = self.x.analysis.token_at(span.start) {
                        for k in (i.saturating_sub(5)..i).rev() {
                            if matches!(toks[k].lower.as_str(), "because" | "as" | "since" | "cos")
                            {
                                start = toks[k].span.start;
                                break;
                            }
                        }
                    }
                    deletions.push(start..span.end);
                    changes.push(Change::new(
                        Criterion::A,
                        format!(
                            "removed '{}': agree the objective with the person instead",
                            self.quote(&(start..span.end))
                        ),
                    ));
                }
                "bundled-actions" => {
                    if let Some(cut) = self.second_action_start() {
                        let end = self.text().trim_end().len();
                        if cut < end {
                            deletions.push(cut..end);
                            changes.push(Change::new(
                                Criterion::A,
                                format!(
                                    "kept the first action only; give '{}' its own objective",
                                    self.quote(&(cut..end))
                                        .trim_start_matches(|c: char| c == ','
                                            || c == ';'
                                            || c.is_whitespace())
                                        .trim_start_matches("and ")
                                        .trim_end_matches('.')
                                ),
                            ));
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// Byte offset of the coordinator before the second bundled action.
    fn second_action_start(&self) -> Option<usize> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        (head + 2..toks.len()).find_map(|i| {
            let prev = &toks[i - 1];
            let joined = matches!(
                prev.lower.as_str(),
                "and" | "," | ";" | "then" | "&" | "also"
            );
            (joined && (toks[i].has_tag("VB") || toks[i].has_tag("VBP")) && !toks[i].has_tag("VBG"))
                .then(|| {
                    // Cut before ", and" as well as before "and".
                    let mut k = i - 1;
                    while k > head + 1 && matches!(toks[k - 1].lower.as_str(), "," | ";" | "and") {
                        k -= 1;
                    }
                    toks[k].span.start
                })
        })
    }

    /// Who will act, and what changed about it.
    fn who(&self) -> (Vec<Piece>, Vec<Change>) {
        let a = &self.templates.assembly;
        let subject_text = self
            .x
            .frame
            .subject
            .as_ref()
            .map(|s| self.x.analysis.byte_span(s.clone()))
            .map(|r| self.quote(&r));
        let placeholder = |text: &str| template(text);
        match (&self.x.owner, subject_text) {
            (Some(Owner::Agency(span)), _) => {
                let agency = self.quote(span);
                let label = a.agency.replace("{agency}", &agency);
                (
                    placeholder(&label),
                    vec![Change::new(
                        Criterion::S,
                        format!(
                            "'{agency}' is an agency: named the person at it who will act, {label}"
                        ),
                    )],
                )
            }
            (Some(Owner::JobTitle(span)), _) => {
                let title = self.quote(span).to_lowercase();
                let title = title
                    .trim_start_matches("the ")
                    .trim_start_matches("a ")
                    .to_string();
                let label = a.job_title.replace("{title}", &title);
                (
                    placeholder(&label),
                    vec![Change::new(
                        Criterion::S,
                        format!("'{title}' is a job title: named the person, {label}"),
                    )],
                )
            }
            (Some(Owner::Person), Some(subject))
                if !self.x.frame.passive || self.x.frame.agent.is_some() =>
            {
                // "Maisie's communication will improve": Maisie is who acts.
                let possessor = subject
                    .split_once("'s ")
                    .or_else(|| subject.split_once("’s "))
                    .map(|(who, _)| who.to_string());
                match possessor {
                    Some(who) if ACTION_RULES.iter().any(|r| self.x.failed(r)) => (
                        vec![Piece::kept(who.clone())],
                        vec![Change::new(
                            Criterion::S,
                            format!("made {who} the one who acts, not '{subject}'"),
                        )],
                    ),
                    _ => (vec![Piece::kept(subject)], Vec::new()),
                }
            }
            (None, None) if self.first_person() => (
                vec![Piece::added("I")],
                vec![Change::new(
                    Criterion::S,
                    "said who will act: I (the objective speaks of 'my')",
                )],
            ),
            _ => {
                let why = if self.x.frame.passive {
                    "the passive does not say who will do it"
                } else {
                    "nobody is named as doing it"
                };
                (
                    placeholder(&a.who),
                    vec![Change::new(Criterion::S, format!("{why}: added {}", a.who))],
                )
            }
        }
    }

    /// The writer's own action, from the main verb to the end, without the spans
    /// being replaced. A passive with no agent is turned active ("clean the home").
    fn kept_action(
        &self,
        deletions: &[Range<usize>],
        insertions: &[(usize, Piece)],
    ) -> Option<(Vec<Piece>, Vec<Change>)> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        let mut pieces = Vec::new();
        let mut changes = Vec::new();
        let mut from = toks[head].span.start;
        if self.x.frame.passive && self.x.frame.agent.is_none() {
            let subject = self.x.frame.subject.clone()?;
            let subject = self.x.analysis.byte_span(subject);
            let verb = toks[head]
                .lemmas
                .first()
                .cloned()
                .unwrap_or_else(|| toks[head].lower.clone());
            let object = decapitalise(&self.quote(&subject));
            changes.push(Change::new(
                Criterion::S,
                format!(
                    "turned the passive '{}' into an action someone does",
                    self.quote(&(subject.start..toks[head].span.end))
                ),
            ));
            pieces.push(Piece::added(verb));
            pieces.push(Piece::kept(object));
            from = toks[head].span.end;
        }
        let end = self.text().len();
        // Cut the kept text at each insertion point, then tidy each part.
        let mut cuts: Vec<&(usize, Piece)> =
            insertions.iter().filter(|(at, _)| *at >= from).collect();
        cuts.sort_by_key(|(at, _)| *at);
        let mut bounds: Vec<usize> = cuts.iter().map(|(at, _)| *at).collect();
        bounds.push(end);
        let mut at = from;
        for (k, bound) in bounds.iter().enumerate() {
            for segment in subtract(at..*bound, deletions) {
                let t = tidy_inner(&self.text()[segment], *bound == end);
                if !t.is_empty() {
                    pieces.push(Piece::kept(t));
                }
            }
            if let Some((_, piece)) = cuts.get(k) {
                pieces.push(piece.clone());
            }
            at = *bound;
        }
        // "Distribute model policies" at the start of the objective: the verb is not a name.
        if head == 0 || toks[..head].iter().all(|t| t.is_punct() || t.lower == "to") {
            if let Some(Piece::Kept(first)) = pieces.first_mut() {
                if !toks[head].is_proper_noun() {
                    *first = lower_first(first);
                }
            }
        }
        Some((pieces, changes))
    }

    /// Replacement actions: a verb repair that keeps the object, then the nearest exemplars'.
    fn replaced_actions(&self) -> Vec<(Vec<Piece>, Vec<Change>, Source, f32)> {
        let toks = &self.x.analysis.tokens;
        let mut out = Vec::new();
        let what = self.action_text();
        let why = if self.x.failed("stop-behaviour") {
            "is a behaviour to stop: replaced with a behaviour to see"
        } else if self.x.failed("weak-verb") {
            "is a state of mind nobody can see: replaced with an observable action"
        } else if self.x.failed("outside-control") {
            "makes the person answerable for someone else: replaced with what they will do themselves"
        } else if self.x.failed("status-outcome") {
            "is an end state, not a step: replaced with a step within reach"
        } else {
            "is not a detailed action: replaced with an observable one"
        };
        if let Some(head) = self.x.frame.head {
            // The longest repair verb phrase at the head ("reach out to").
            let phrase_len = self
                .templates
                .verb_repairs
                .iter()
                .flat_map(|r| r.verbs.iter())
                .map(|p| p.split_whitespace().collect::<Vec<_>>())
                .filter(|w| {
                    w.iter()
                        .enumerate()
                        .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
                })
                .map(|w| w.len())
                .max()
                .unwrap_or(1);
            let after_phrase = head + phrase_len;
            let object_range = self
                .x
                .frame
                .object
                .clone()
                .or_else(|| match &self.x.owner {
                    // "Home conditions to improve": the subject is what changes.
                    Some(Owner::Thing(_)) => self.x.frame.subject.clone(),
                    _ => None,
                })
                .or_else(|| {
                    // "reach out to stakeholders": the object follows the phrase.
                    let end = self.clause_end(after_phrase);
                    (end > after_phrase
                        && toks[after_phrase].chunk == crate::core::nlp::ChunkKind::Noun)
                        .then_some(after_phrase..end)
                });
            // The object runs on to the end of the clause: "people at risk with HIV messages".
            // ... and starts after the verb phrase ("be aware of | the risks").
            let object_range = object_range
                .map(|r| r.start.max(after_phrase)..self.clause_end(r.end).max(r.end))
                .filter(|r| !r.is_empty());
            let object_words: Vec<String> = object_range
                .clone()
                .map(|r| toks[r].iter().map(|t| t.lower.clone()).collect())
                .unwrap_or_default();
            let verb_matches = |phrase: &str| {
                let words: Vec<&str> = phrase.split_whitespace().collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
            };
            if let Some(repair) = self.templates.verb_repair(verb_matches, &object_words) {
                let object_range_bytes = object_range.map(|r| self.x.analysis.byte_span(r));
                let object = object_range_bytes
                    .as_ref()
                    .map(|r| self.quote(r))
                    .map(|o| decapitalise(&o));
                if !repair.action.contains("{object}") || object.is_some() {
                    let verb = toks[head]
                        .lemmas
                        .first()
                        .cloned()
                        .unwrap_or_else(|| toks[head].lower.clone());
                    let action = repair
                        .action
                        .replace("{object}", object.as_deref().unwrap_or(""))
                        .replace("{verb}", &verb);
                    // The object is the writer's own words: keep them marked as kept,
                    // asking which one exactly when it is a general category.
                    let which = self.which_insertion().map(|(at, _)| at);
                    let object_start = object_range_bytes.as_ref().map(|r| r.start);
                    let pieces = split_kept(
                        &action,
                        object.as_deref(),
                        which.zip(object_start).map(|(w, o)| w.saturating_sub(o)),
                    );
                    out.push((
                        pieces,
                        vec![Change::new(Criterion::S, format!("'{what}' {why}"))],
                        Source::VerbRepair,
                        VERB_REPAIR_PRIOR,
                    ));
                }
            }
        }
        let pronouns = self.pronouns();
        let subject_nouns = self.subject_nouns();
        for &(i, similarity) in self.nearest {
            let e = &self.bank.exemplars[i];
            let action = pronouns.apply(&e.action);
            // An exemplar written for someone acting on the subject ("keep the
            // children away from ...") would have the subject act on itself.
            let acts_on_subject = action
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| subject_nouns.iter().any(|n| n.eq_ignore_ascii_case(w)));
            if acts_on_subject {
                continue;
            }
            let pieces = parse_template(&action, |t| Piece::Suggested {
                text: t.to_string(),
                exemplar: e.vague.clone(),
            });
            out.push((
                pieces,
                vec![Change::new(
                    Criterion::S,
                    format!("'{what}' {why} (suggested from the exemplar '{}': confirm it with the team)", e.vague),
                )],
                Source::Exemplar(e.vague.clone()),
                similarity,
            ));
        }
        out
    }

    /// The fallback that keeps the writer's goal word for word and makes the action
    /// a count of agreed steps towards it.
    fn stepped_action(&self) -> (Vec<Piece>, Vec<Change>, Source, f32) {
        let goal = lower_first(&self.action_text());
        let template = &self.templates.assembly.steps;
        let (before, after) = template
            .split_once("{goal}")
            .unwrap_or((template.as_str(), ""));
        let mut pieces = template_pieces(before);
        pieces.push(Piece::kept(format!("'{goal}'")));
        pieces.extend(template_pieces(after));
        (
            pieces,
            vec![Change::new(
                Criterion::S,
                format!("'{goal}' is not a detailed action: made it a count of agreed steps towards that goal"),
            )],
            Source::Steps,
            STEPS_PRIOR,
        )
    }

    /// Where to ask "[which]" before a general object ("engage with [which] services").
    fn which_insertion(&self) -> Option<(usize, Piece)> {
        let f = self
            .x
            .judgment
            .findings
            .iter()
            .find(|f| f.rule == "generic-object")?;
        let toks = &self.x.analysis.tokens;
        let first = self.x.analysis.token_at(f.start)?;
        // After a determiner or possessive: "the [which] services", else before the phrase.
        let mut k = first;
        while k < toks.len()
            && toks[k].span.end <= f.end
            && (toks[k].pos.starts_with("DT") || toks[k].pos.starts_with("PRP"))
        {
            k += 1;
        }
        let at = toks.get(k).filter(|t| t.span.start < f.end)?.span.start;
        Some((at, Piece::placeholder("which")))
    }

    /// The writer's action as quoted in changes: main verb to end of object.
    fn action_text(&self) -> String {
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

    /// The token after the last one of the clause that starts before `from`:
    /// it ends at punctuation, a time, a method or a reason ("because").
    fn clause_end(&self, from: usize) -> usize {
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
                || inside(self.x.methods.iter(), at)
                || matches!(
                    toks[end].lower.as_str(),
                    "because" | "so" | "but" | "measured" | "recorded"
                )
            {
                break;
            }
            end += 1;
        }
        end
    }

    /// Text before the subject that is not a time ("When taking part in an activity").
    fn leading_context(&self, deletions: &[Range<usize>]) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let start_tok = self
            .x
            .frame
            .subject
            .as_ref()
            .map(|s| s.start)
            .or(self.x.frame.head)?;
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
        // "To", "For XXX to", "In order to": anchors, not context.
        (words >= 3
            && !kept.to_lowercase().starts_with("to ")
            && !kept.to_lowercase().starts_with("for "))
        .then_some(kept)
    }

    /// Adds the time: the writer's own concrete time, or the `[by when]` template.
    fn add_time(
        &self,
        pieces: &mut Vec<Piece>,
        changes: &mut Vec<Change>,
        deletions: &[Range<usize>],
        kept: bool,
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
        for t in &concrete {
            if in_pieces(t) {
                have_time = true;
            } else if !matches!(t.kind, TimeKind::Occasion) {
                // A leading or replaced-away time: carry it to the end.
                pieces.push(Piece::kept(decapitalise(&tidy(&self.quote(&t.span)))));
                have_time = true;
            }
        }
        if !have_time || self.x.failed("no-timeframe") {
            let vague: Vec<String> = self
                .x
                .times
                .iter()
                .filter(|t| !t.kind.is_concrete())
                .map(|t| self.quote(&t.span))
                .collect();
            pieces.extend(template(&self.templates.assembly.time));
            let what = if vague.is_empty() {
                format!("added when: {}", self.templates.assembly.time)
            } else {
                format!(
                    "'{}' is not a timeframe: replaced with {}",
                    vague.join("', '"),
                    self.templates.assembly.time
                )
            };
            changes.push(Change::new(Criterion::T, what));
        }
    }

    /// Adds how progress is measured, when the writer named no method.
    fn add_method(&self, pieces: &mut Vec<Piece>, changes: &mut Vec<Change>, options: &[String]) {
        if !self.x.methods.is_empty() && !self.x.failed("not-a-method") {
            return;
        }
        pieces.push(Piece::added(","));
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
    }

    /// Names the concern when the objective did not relate to it.
    fn add_concern(&self, pieces: &mut Vec<Piece>, changes: &mut Vec<Change>) {
        let Some(concern) = self.concern.map(str::trim).filter(|c| !c.is_empty()) else {
            return;
        };
        if !self.x.failed("off-concern") {
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
    fn method_options(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &(i, score) in self.nearest.iter().take(2) {
            if score <= 0.0 {
                continue;
            }
            for m in self.bank.methods_for(i) {
                if !out.contains(m) {
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

    /// True when the objective speaks in the first person ("my reading age").
    fn first_person(&self) -> bool {
        self.x
            .analysis
            .tokens
            .iter()
            .any(|t| matches!(t.lower.as_str(), "my" | "me" | "myself" | "i"))
    }

    /// The owner's pronouns, from the objective's own words.
    /// The nouns naming who acts ("children" in "The children will ..."), lower
    /// case; none for a possessive subject ("Evie's speech"), whose nouns name
    /// what changes, not who acts.
    fn subject_nouns(&self) -> Vec<String> {
        let toks = &self.x.analysis.tokens;
        let Some(subject) = self.x.frame.subject.clone() else {
            return Vec::new();
        };
        let words = &toks[subject];
        if words.iter().any(|t| t.pos == "POS" || t.lower == "'s") {
            return Vec::new();
        }
        words
            .iter()
            .filter(|t| t.is_noun())
            .map(|t| t.lower.clone())
            .collect()
    }

    fn pronouns(&self) -> Pronouns {
        let toks = &self.x.analysis.tokens;
        if let Some(s) = &self.x.frame.subject {
            let words: Vec<&str> = toks[s.clone()].iter().map(|t| t.lower.as_str()).collect();
            if words == ["i"] {
                return Pronouns::I;
            }
            for w in &words {
                match *w {
                    "mum" | "mother" | "mom" | "she" | "girl" | "grandmother" | "nan" | "gran"
                    | "aunt" | "sister" => return Pronouns::She,
                    "dad" | "father" | "he" | "boy" | "grandfather" | "grandad" | "uncle"
                    | "brother" => return Pronouns::He,
                    _ => {}
                }
            }
        }
        let start = self.x.frame.head.unwrap_or(0);
        for t in &toks[start..] {
            match t.lower.as_str() {
                "his" | "him" | "himself" | "he" => return Pronouns::He,
                "her" | "hers" | "herself" | "she" => return Pronouns::She,
                "my" | "me" | "myself" => return Pronouns::I,
                "their" | "them" | "themselves" => return Pronouns::They,
                _ => {}
            }
        }
        Pronouns::They
    }
}

/// Splits a verb-repair action so that the writer's object stays marked as kept,
/// with a `[which]` placeholder at byte `which` of the object when given.
fn split_kept(action: &str, object: Option<&str>, which: Option<usize>) -> Vec<Piece> {
    let Some(object) = object.filter(|o| !o.is_empty()) else {
        return template(action);
    };
    let Some(at) = action.find(object) else {
        return template(action);
    };
    let mut pieces = template(&action[..at]);
    match which.filter(|&w| w > 0 && w < object.len() && object.is_char_boundary(w)) {
        Some(w) => {
            pieces.push(Piece::kept(object[..w].trim()));
            pieces.push(Piece::placeholder("which"));
            pieces.push(Piece::kept(object[w..].trim()));
        }
        None if which == Some(0) => {
            pieces.push(Piece::placeholder("which"));
            pieces.push(Piece::kept(object));
        }
        None => pieces.push(Piece::kept(object)),
    }
    pieces.extend(template(&action[at + object.len()..]));
    pieces
}

fn template_pieces(text: &str) -> Vec<Piece> {
    template(text)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Tidies a kept fragment; only the last fragment loses dangling trailing words.
fn tidy_inner(text: &str, last: bool) -> String {
    if last {
        return tidy(text);
    }
    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| c == ',' || c == ';' || c.is_whitespace())
        .to_string()
}

/// `range` without the parts covered by `holes`, as ordered non-empty ranges.
fn subtract(range: Range<usize>, holes: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut holes: Vec<&Range<usize>> = holes.iter().filter(|h| overlaps(h, &range)).collect();
    holes.sort_by_key(|h| h.start);
    let mut out = Vec::new();
    let mut at = range.start;
    for h in holes {
        if h.start > at {
            out.push(at..h.start.min(range.end));
        }
        at = at.max(h.end);
    }
    if at < range.end {
        out.push(at..range.end);
    }
    out
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Trims a kept fragment: spaces, dangling punctuation and dangling joining words.
fn tidy(text: &str) -> String {
    let mut t = text.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = t.len();
        t = t
            .trim_matches(|c: char| {
                c == ',' || c == ';' || c == ':' || c == '.' || c == '-' || c.is_whitespace()
            })
            .to_string();
        for dangling in [
            " and", " or", " by", " with", " to", " at", " in", " on", " from", " as", " the",
            " until", " at the",
        ] {
            if t.to_lowercase().ends_with(dangling) {
                t.truncate(t.len() - dangling.len());
            }
        }
        for dangling in ["and ", "or ", "by ", "as "] {
            if t.to_lowercase().starts_with(dangling) {
                t = t[dangling.len()..].to_string();
            }
        }
        if t.len() == before {
            return t;
        }
    }
}

/// Lower-cases the first letter unless the first word looks like a name or acronym.
fn decapitalise(text: &str) -> String {
    let first_word = text.split_whitespace().next().unwrap_or("");
    let looks_like_name =
        first_word.chars().skip(1).any(|c| c.is_uppercase()) || matches!(first_word, "I");
    let mut chars = text.chars();
    match chars.next() {
        Some(c) if c.is_uppercase() && !looks_like_name && is_common_word(first_word) => {
            c.to_lowercase().chain(chars).collect()
        }
        _ => text.to_string(),
    }
}

/// Words that start sentences in plans but are not names.
fn is_common_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "my"
            | "our"
            | "home"
            | "house"
            | "school"
            | "attendance"
            | "this"
            | "that"
            | "all"
            | "any"
            | "each"
            | "every"
            | "some"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subtract_leaves_the_uncovered_parts_in_order() {
        assert_eq!(subtract(0..10, &[2..4, 6..7]), vec![0..2, 4..6, 7..10]);
        let whole: [Range<usize>; 1] = [Range { start: 0, end: 10 }];
        assert_eq!(subtract(0..10, &whole), Vec::<Range<usize>>::new());
        let before: [Range<usize>; 1] = [Range { start: 0, end: 3 }];
        assert_eq!(subtract(5..10, &before), vec![5..10]);
    }

    #[test]
    fn tidy_drops_dangling_words_and_punctuation() {
        assert_eq!(tidy("engage with services ,"), "engage with services");
        assert_eq!(tidy("attend school and"), "attend school");
        assert_eq!(tidy("walk the dog by"), "walk the dog");
        assert_eq!(tidy("  , and take the bins out. "), "take the bins out");
    }

    #[test]
    fn decapitalise_keeps_names() {
        assert_eq!(decapitalise("The home"), "the home");
        assert_eq!(decapitalise("John's homework"), "John's homework");
        assert_eq!(decapitalise("XYZ supplier"), "XYZ supplier");
    }
}

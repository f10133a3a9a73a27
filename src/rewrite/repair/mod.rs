//! Builds candidate rewrites from an objective's parsed parts: who acts, the
//! modal, the verb in its base form, the object and its modifiers. It keeps
//! what the writer said, applies the repairs the rules attached to their
//! findings, adds a slot only for a letter that fails (fitted to the kind of
//! action), and offers the nearest exemplars' actions where the action itself
//! is not observable. Who acts is in `who.rs`, the action in `action.rs`, its
//! kind in `kind.rs`, the findings' edits in `edits.rs`, the time, method and
//! concern in `tail.rs`, and text tidying in `text.rs`.

mod action;
mod amounts;
mod edits;
mod feeling;
mod how_much;
mod kind;
mod limit;
mod outcome;
mod replace;
mod state;
mod tail;
mod text;
mod which;
mod who;

pub(crate) use text::{decapitalise, lower_first, object_form};
pub(crate) use who::nominative;

pub use edits::emphatic_asides;
use edits::Edits;

pub use kind::{ActionKind, Direction, ObjectMeasure};

use super::draft::{render, template, Piece};
use super::exemplars::ExemplarBank;
use super::templates::Templates;
use crate::core::check::Analysed;
use crate::core::finding::{Criterion, RuleId, Severity, Verdict};
use crate::core::lexicon::Lexicon;
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
    /// The writer's goal quoted in a placeholder for the behaviour that shows it.
    Fallback,
    /// The person taken somewhere instead of made to go; true when the place
    /// is one gone to again and again (a habit).
    Taken(bool),
    /// A provision written as a noun phrase, given by an action ("arrange access
    /// to ... for [whom]"): given again and again, so a habit.
    Provision,
    /// A habit given up for good ("stop smoking for ever"): a condition held
    /// from a start date.
    GivenUp,
    /// An outcome that happens to a thing the named person owns ("[named
    /// person]'s rash will clear").
    ThingOutcome,
    /// A seq2seq model's output.
    Generator,
    /// Bundled actions said as one objective each.
    Split,
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
/// The prior of the writer's action with "[which ...]" asked of a general object.
const KEPT_WITH_WHICH_PRIOR: f32 = 0.8;
/// The prior of the writer's action kept with its comparative's figure added.
const KEPT_COMPARED_PRIOR: f32 = 0.9;
/// The prior of "be better at <skill>" kept with "shown by [what better looks
/// like]": below a verb repair's "improve <skill> from [baseline] to [target]".
const BETTER_AT_KEPT_PRIOR: f32 = 0.8;
/// The prior of a change named as a thing shown, made the change itself
/// ("have better grades" -> "improve grades from [baseline] to [target]"): above
/// the writer's action kept, whose "shown by [what better looks like]" says less.
const SHOWN_CHANGE_PRIOR: f32 = 1.05;
/// The prior of "[observable action that shows: <goal>]": faithful, but it
/// leaves the action to the team.
const FALLBACK_PRIOR: f32 = 0.25;
/// A feeling rated on a scale is what the writer asked for, made visible.
const FEELING_PRIOR: f32 = 0.95;
/// A symptom's absence counted in days ("pain free"): above the writer's
/// words kept, which a frequency or a check at visits cannot count.
const SYMPTOM_FREE_PRIOR: f32 = 1.15;

/// Added to an exemplar's similarity when the writer's standard is undefined
/// ("adequate hydration"): the exemplar, for the same thing, names the reading
/// or record that shows the standard, where the writer's action kept only asks
/// "[what counts as adequate hydration]"; so it ranks above the kept action.
const STANDARD_SHOWN_PRIOR: f32 = 1.0;
/// The prior of an exemplar's action with the writer's outcome kept only as
/// its purpose ("..., to grow my network"): above the placeholder fallback,
/// below the writer's action kept or repaired.
const PURPOSE_SHOWN_PRIOR: f32 = 0.6;

/// Rules whose failure means the action itself must be replaced.
const ACTION_RULES: &[RuleId] = &[
    RuleId::WeakVerb,
    RuleId::VagueVerb,
    RuleId::StopBehaviour,
    RuleId::NoAction,
    RuleId::GenericObject,
    RuleId::StatusOutcome,
    RuleId::OutsideControl,
    RuleId::EmotiveLanguage,
];

/// Everything the repairs read.
pub struct Repairer<'a> {
    pub x: &'a Analysed,
    pub templates: &'a Templates,
    pub bank: &'a ExemplarBank,
    pub intent: &'a crate::rewrite::intent::IntentLists,
    pub lexicon: &'a Lexicon,
    /// The nearest exemplars, best first.
    pub nearest: &'a [(usize, f32)],
    /// The least similarity at which an exemplar is offered (0 without the model).
    pub min_similarity: f32,
    pub concern: Option<&'a str>,
    /// The plan's kind makes a goal naming nobody the writer's own ("I").
    pub writer_owns: bool,
}

impl Repairer<'_> {
    fn text(&self) -> &str {
        &self.x.analysis.text
    }

    fn quote(&self, range: &Range<usize>) -> String {
        self.text()[range.clone()].trim().to_string()
    }

    /// The writer's words over byte `range`, moved into the middle of a
    /// sentence: the capital goes from a common word that opened the objective
    /// ("Appetite will improve" → "[who] will improve appetite ..."), and stays on a
    /// name and on "I".
    fn quote_inside(&self, range: &Range<usize>) -> String {
        let quoted = self.quote(range);
        let opens = self.x.analysis.tokens.first().is_some_and(|t| {
            t.span.start >= range.start
                && t.span.start <= range.start + 1
                && t.lower != "i"
                && !t.has_tag("NNP")
                && !t.has_tag("NNPS")
                && !self.text()[t.span.clone()]
                    .chars()
                    .skip(1)
                    .any(char::is_uppercase)
        });
        if opens {
            text::lower_first(&quoted)
        } else {
            text::decapitalise(&quoted)
        }
    }

    /// True when letter `c` fails on the original.
    fn fails(&self, c: Criterion) -> bool {
        self.x.judgment.criteria.get(c).verdict == Verdict::Fail
    }

    /// How many letters fail on the original.
    fn failing_letters(&self) -> usize {
        Criterion::ALL.iter().filter(|&&c| self.fails(c)).count()
    }

    /// The candidates: the writer's action kept (when it is observable), or else a
    /// verb repair and the nearest exemplars' actions; each gets a slot only for
    /// a letter that fails, with and without a method of measurement.
    pub fn candidates(&self) -> Vec<Candidate> {
        let Edits {
            mut deletions,
            mut insertions,
            mut changes,
            need_quantity,
            compared,
            placeholder_spans,
        } = self.edits();
        let (who, who_changes) = self.who();
        changes.extend(who_changes);
        // "reduce the client's anxiety": theirs, once the client acts.
        if let Some((role, _)) = self.role_owner() {
            let span = self.x.analysis.byte_span(role);
            insertions.push((span.start, vec![Piece::added("their")]));
            deletions.push(span);
        }
        let kind = self.action_kind();
        // A quality shown ("be polite") is asked for as a behaviour, on occasions.
        let quality = self.shows_a_quality();

        // The writer's own wish before the action ("I want to | walk less") is
        // dropped when the sentence is rebuilt from its head verb: "I will walk
        // less". A wish for someone else ("I want my son to ...") is not theirs.
        let own_wish = self
            .x
            .frame
            .wish
            .is_some_and(|w| self.x.frame.subject.as_ref().is_none_or(|s| s.start < w));
        let head_start = self
            .x
            .frame
            .head
            .filter(|_| own_wish)
            .map(|h| self.x.analysis.tokens[h].span.start);
        // An action rule whose finding a placeholder already covers ("[a first
        // step towards: become a millionaire]") is repaired by that placeholder;
        // a wish before the head, by rebuilding from the head.
        let covered = |r: RuleId| {
            self.x
                .judgment
                .findings
                .iter()
                .filter(|f| f.rule == r && f.severity == Severity::Error)
                .all(|f| {
                    placeholder_spans
                        .iter()
                        .any(|p| p.start <= f.start && f.end <= p.end)
                        || r == RuleId::WeakVerb && head_start.is_some_and(|h| f.end <= h)
                })
        };
        let failed_action_rules: Vec<RuleId> = ACTION_RULES
            .iter()
            .copied()
            .filter(|&r| self.x.failed(r) && !covered(r))
            .collect();
        let mut actions: Vec<(Vec<Piece>, Vec<Change>, Source, f32)> = Vec::new();
        // The writer's goal as the purpose of the actions (by index) that show
        // it without its words (the exemplars for an outcome nothing shows).
        let mut purposes: Vec<(usize, String)> = Vec::new();
        if failed_action_rules.is_empty() {
            // A placeholder over the verb ("[a first step towards: ...]") asks for
            // the step, its size included.
            let head_replaced = self.x.frame.head.is_some_and(|h| {
                let at = self.x.analysis.tokens[h].span.start;
                placeholder_spans
                    .iter()
                    .any(|p| p.start <= at && at < p.end)
            });
            let wants_quantity = (need_quantity || self.x.failed(RuleId::NoIndicator))
                && !compared
                && !head_replaced;
            let counted = wants_quantity.then(|| self.counted_slot()).flatten();
            // "lose weight", "save for a deposit": reached by an amount, so how much.
            let amount = (!compared && !head_replaced)
                .then(|| self.amount_outcome_slot())
                .flatten();
            if let Some((at, drop, slot, what)) = amount {
                deletions.extend(drop);
                insertions.push((at, slot));
                changes.push(Change::new(Criterion::M, what));
            } else if let Some((at, drop, slot, what)) = counted {
                // "attend all appointments" → "attend [N of M] appointments".
                deletions.extend(drop);
                insertions.push((at, slot));
                changes.push(Change::new(Criterion::M, what));
            } else if wants_quantity {
                if let Some((at, slot, what)) = self.quantity_slot(kind) {
                    // "keep in regular contact [how often]" says how often twice:
                    // the slot replaces the vague word.
                    if kind == ActionKind::Habit {
                        deletions.extend(self.vague_frequency_words());
                    }
                    insertions.push((at, slot));
                    changes.push(Change::new(Criterion::M, what));
                    // "name pictures correctly on [N of M] occasions": which
                    // pictures, or the count counts nothing in particular.
                    if kind == ActionKind::Skill {
                        if let Some(object) = self.bare_plural_object() {
                            let (slot, asked) = self.which_slot(&object);
                            let what = format!("asked which ones the skill is shown on: {asked}");
                            insertions.push((object.start, vec![slot]));
                            deletions.push(object);
                            changes.push(Change::new(Criterion::S, what));
                        }
                    }
                }
            }
            // "control his anger" has nothing to count, and "[how often]" after
            // it would not give it one: the repair for that kind of object does.
            let object_repair = self
                .x
                .failed(RuleId::NoIndicator)
                .then(|| self.object_repair_action())
                .flatten();
            // "get in shape" kept with only a date and a method is as vague as
            // before: when more than M fails, the behaviour that shows it is asked.
            let outcome_unshown = ((kind == ActionKind::Outcome || quality)
                && self.x.failed(RuleId::NoIndicator)
                || self.general_object_compared())
                && self.failing_letters() > 1;
            if let Some(repair) = object_repair {
                actions.push(repair);
            } else if !outcome_unshown {
                if let Some((pieces, c)) = self.kept_action(&deletions, &insertions) {
                    actions.push((pieces, c, Source::Kept, 1.0));
                }
            }
            // An undefined standard ("adequate hydration", "appropriate
            // behaviour"): an exemplar for the same thing shows it. Its vague
            // side says what it is for; a word its action shares ("food
            // diary") does not make it the same thing.
            // An outcome nothing shows ("grow my network", "do well this
            // term"): an exemplar for the same thing shows it just the same.
            if self.x.failed(RuleId::VagueStandard) || outcome_unshown {
                let purpose = outcome_unshown.then(|| self.goal_as_purpose()).flatten();
                let goal = self.intent.goal(self.x, &self.emphatic_asides());
                let general =
                    |w: &str| crate::core::lexicon::contains(&self.lexicon.generic_objects, w);
                let shown = self
                    .exemplar_actions()
                    .into_iter()
                    .filter(|(_, _, source, _)| {
                        matches!(source, Source::Exemplar(vague)
                        if self.intent.share_a_content_word(self.text(), vague))
                    });
                for (pieces, c, source, similarity) in shown {
                    // An action that shows the outcome without its words keeps
                    // the outcome as its purpose ("..., to grow my network"),
                    // below any candidate in the writer's own words: when the
                    // exemplar was written for every word it drops but a
                    // general noun ("reading", not "reading poetry aloud").
                    let lost = self.intent.lost(&goal, &render(&pieces));
                    let written_for = |w: &String| {
                        general(w)
                            || w.strip_suffix('s').is_some_and(general)
                            || matches!(&source, Source::Exemplar(vague)
                                if self.intent.share_a_content_word(w, vague))
                    };
                    match (&purpose, !lost.is_empty() && lost.iter().all(written_for)) {
                        (Some(p), true) => {
                            purposes.push((actions.len(), p.clone()));
                            actions.push((pieces, c, source, PURPOSE_SHOWN_PRIOR));
                        }
                        _ => actions.push((pieces, c, source, STANDARD_SHOWN_PRIOR + similarity)),
                    }
                }
            }
        } else {
            // Keep the writer's action and ask which thing exactly: for a one-off
            // act ("return to [which work] by ..."). A habit kept so needs how
            // often as well, which the writer's general object does not give.
            if failed_action_rules == [RuleId::GenericObject] && kind == ActionKind::OneOff {
                let mut with_which = insertions.clone();
                let mut without_object = deletions.clone();
                if let Some(object) = self.which_insertion() {
                    let (slot, asked) = self.which_slot(&object);
                    let what = format!("asked which one exactly: {asked}");
                    with_which.push((object.start, vec![slot]));
                    without_object.push(object);
                    if let Some((pieces, mut c)) = self.kept_action(&without_object, &with_which) {
                        c.push(Change::new(Criterion::S, what));
                        actions.push((pieces, c, Source::Kept, KEPT_WITH_WHICH_PRIOR));
                    }
                }
            }
            actions.extend(self.replaced_actions());
            // "walk more", "behave better": a general action made measurable by
            // its comparative's figure may be detailed enough; the re-check says.
            // So may a state kept up: "keep the house tidy", checked at each visit.
            // ("exercise more": the activity named as a category is the verb
            // itself, which the comparative's figure makes countable too.)
            let head_at = self
                .x
                .frame
                .head
                .map(|h| self.x.analysis.tokens[h].span.start);
            let category_is_the_verb = self
                .x
                .judgment
                .findings
                .iter()
                .any(|f| f.rule == RuleId::GenericObject && Some(f.start) == head_at);
            // ("work out more": the category verb alone, with no vague verb, too.)
            let only_vague_verb = failed_action_rules.iter().all(|r| {
                *r == RuleId::VagueVerb || *r == RuleId::GenericObject && category_is_the_verb
            });
            if (compared || kind == ActionKind::Condition) && only_vague_verb {
                if let Some((pieces, c)) = self.kept_action(&deletions, &insertions) {
                    // "be better at maths": the skill improved on a measure says
                    // more than "shown by [what better looks like]".
                    let prior = if self.better_at_a_skill() {
                        BETTER_AT_KEPT_PRIOR
                    } else {
                        KEPT_COMPARED_PRIOR
                    };
                    actions.push((pieces, c, Source::Kept, prior));
                }
            }
        }
        // A change with no size: M fails, or its comparative is flagged at all.
        let unsized_change = self.fails(Criterion::M)
            || self
                .x
                .judgment
                .findings
                .iter()
                .any(|f| f.rule == RuleId::VagueComparative);
        if unsized_change {
            actions.extend(self.shown_change_action());
            actions.extend(self.reached_state_action());
        }
        actions.extend(self.verbless_change_action());
        actions.extend(self.feeling_action());
        actions.extend(self.symptom_free_action());
        actions.extend(self.measured_level_action());
        // "The rash will clear": the thing stays the subject, owned by the person.
        let thing_outcome = self.thing_outcome();
        let thing_who = thing_outcome.as_ref().map(|(who, _)| who.clone());
        actions.extend(thing_outcome.map(|(_, action)| action));
        // The placeholder fallback, only when the objective lacks more than one letter.
        let mut fallback_who = None;
        if self.failing_letters() > 1 {
            let (fallback, possessor_acts) = self.fallback_action();
            actions.push(fallback);
            if possessor_acts {
                fallback_who = self.possessor_as_who(&who);
            }
        }

        // The writer's goal is done again and again, or is a behaviour to stop.
        let habit_goal = kind == ActionKind::Habit || self.x.frame.negated.is_some() || quality;
        let methods = self.method_options();
        let mut out = Vec::new();
        for (i, (mut action, action_changes, source, prior)) in actions.into_iter().enumerate() {
            let purpose = purposes.iter().find(|(at, _)| *at == i).map(|(_, p)| p);
            let kept = source == Source::Kept;
            let kind = match source {
                Source::Kept => kind,
                Source::Taken(true) | Source::Provision => ActionKind::Habit,
                Source::GivenUp => ActionKind::Condition,
                _ => ActionKind::OneOff,
            };
            let mut pieces = Vec::new();
            let mut all_changes = changes.clone();
            all_changes.extend(action_changes);
            // "Tom's fluid intake will be adequate": Tom keeps it so.
            let who = match (&fallback_who, &thing_who, &source) {
                (Some((owner, change)), _, Source::Fallback) => {
                    all_changes.push(change.clone());
                    owner
                }
                (_, Some(owner), Source::ThingOutcome) => owner,
                _ => &who,
            };
            if matches!(kind, ActionKind::Safety | ActionKind::Condition)
                && self.fails(Criterion::T)
            {
                pieces.extend(template(&self.templates.assembly.safety_time));
                // "never fall again" inside a period is "not fall" in it.
                action = text::negation_within_a_period(action);
                all_changes.push(Change::new(
                    Criterion::T,
                    format!(
                        "a condition to keep holds from the plan's start: added {}",
                        self.templates.assembly.safety_time.trim_end_matches(',')
                    ),
                ));
            }
            if let Some(prefix) = self.leading_context(&deletions) {
                pieces.push(Piece::kept(prefix));
                pieces.push(Piece::added(","));
            }
            // After "From [start date] until [review date]," the subject no longer starts the
            // sentence: "the resident", not "The resident"; a bare role noun
            // takes "the" ("Patient will ..." -> "..., the patient will ...").
            let after_lead = !pieces.is_empty();
            let bare_roles = &self.templates.assembly.bare_roles;
            pieces.extend(who.iter().enumerate().map(|(i, p)| match p {
                Piece::Kept(t)
                    if i == 0 && after_lead && bare_roles.contains(&t.to_lowercase()) =>
                {
                    Piece::kept(format!("the {}", t.to_lowercase()))
                }
                Piece::Kept(t) if i == 0 && after_lead => Piece::kept(text::decapitalise(t)),
                p => p.clone(),
            }));
            pieces.push(Piece::added("will"));
            // Advice to the reader ("improve your posture") is said of the
            // person the placeholder names: "[who] will improve their posture".
            if who.iter().all(|p| matches!(p, Piece::Placeholder { .. })) {
                pieces.extend(action.into_iter().map(text::third_person_piece));
            } else {
                pieces.extend(action);
            }
            let core = pieces.len();
            // ("... with 80% accuracy": the writer's measure already passes,
            // unless out of reach, "lose 5 pounds every week", when so many of
            // the weeks is the smaller step.)
            let own_count =
                self.says_how_often() || !self.fails(Criterion::M) && !self.fails(Criterion::A);
            if source == Source::Fallback && compared && !own_count {
                // "behave better" is seen again and again: how often, from where.
                pieces.extend(template(&self.templates.assembly.fallback_compared));
            } else if source == Source::Fallback && habit_goal && !own_count {
                // "improve my relationship", "not hit his neighbours": how often.
                pieces.extend(template(&self.templates.assembly.fallback_habit));
            } else if compared
                && matches!(source, Source::VerbRepair | Source::Exemplar(_))
                && self.comparative_counted(&pieces)
            {
                // "manage anxiety better" repaired as a strategy used on so many
                // occasions, or "behave better" as an exemplar's behaviour seen
                // in so many lessons: better is more often than now.
                pieces.extend(template(&self.templates.assembly.replaced_compared));
            }
            self.add_time(&mut pieces, &mut all_changes, &deletions, kept, kind);
            how_much::count_in_the_recurrence(&mut pieces);
            let without_method = (pieces.clone(), all_changes.clone());
            // With a method of measurement, when M fails; without, when the rest
            // already makes it measurable. The re-check keeps the one that passes.
            // A method the writer gave that is not one ("by review") is replaced,
            // never just dropped.
            let mut variants = vec![without_method];
            if self.fails(Criterion::M) || self.x.failed(RuleId::NotAMethod) {
                let (mut p, mut c) = variants[0].clone();
                if self.add_method(&mut p, &mut c, &methods, kind) {
                    // A condition is made measurable by the check at each visit.
                    if self.x.failed(RuleId::NotAMethod)
                        || matches!(kind, ActionKind::Safety | ActionKind::Condition)
                    {
                        variants.clear();
                    }
                    variants.push((p, c));
                }
            }
            for (mut pieces, mut all_changes) in variants {
                if let Some(goal) = purpose {
                    pieces.push(Piece::added(", to"));
                    pieces.push(Piece::kept(goal.clone()));
                }
                self.add_concern(&mut pieces, &mut all_changes);
                out.push(Candidate {
                    pieces,
                    changes: all_changes,
                    source: source.clone(),
                    prior,
                    core,
                });
            }
        }
        out
    }
}

//! The intent and risk gates (`data/intent.toml`). A rewrite must keep every
//! content word of the writer's goal and every number, or name it in a
//! placeholder; and it may never bring in a risk topic (alcohol, drugs,
//! domestic abuse ...) that neither the objective nor its concern names.

use super::draft::Rendered;
use super::DataError;
use crate::core::check::Analysed;
use crate::core::finding::{RuleId, Severity};
use crate::core::owner::Owner;
use overlap::same_word;
pub use risks::RiskTopic;
use serde::Deserialize;
use std::ops::Range;

/// The bundled word lists.
pub const BUNDLED: &str = include_str!("../../../data/intent.toml");

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct IntentFile {
    frame_words: Vec<String>,
    min_exemplar_similarity: f32,
    stop_words: Vec<String>,
    comparatives: Comparatives,
    related: Vec<Related>,
    #[serde(default)]
    settings: Vec<Related>,
    risk_topic: Vec<RiskTopic>,
    #[serde(default)]
    person_groups: std::collections::BTreeMap<String, Vec<String>>,
    negation: Negation,
    #[serde(default)]
    state_verbs: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Negation {
    words: Vec<String>,
    kept_as: Vec<String>,
    /// Limits on where or when ("only", "away from"): they keep a negation
    /// that names where or when ("not smoke in the house"), not a stop.
    #[serde(default)]
    limits: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Comparatives {
    down: Vec<String>,
    up: Vec<String>,
    better: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Related {
    words: Vec<String>,
}

/// What the writer's goal is made of: the words and numbers a rewrite must keep.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Goal {
    /// Content words, lower case.
    pub words: Vec<String>,
    /// Comparatives ("fewer", "calmer"), lower case.
    pub comparatives: Vec<String>,
    /// Numbers as written ("100%", "£10,000", "two").
    pub numbers: Vec<String>,
    /// The negation the goal holds ("never", "not") and the verb it negates.
    pub negation: Option<(String, String)>,
    /// True when the negated verb is limited to a place or time ("not smoke
    /// in the house"): a limit ("smoke only outside") keeps it.
    pub negation_limited: bool,
    /// What must not happen when the negated verb only has or is it: the noun
    /// after it ("relapse" in "never have a relapse").
    pub negated_thing: Option<String>,
    /// Goal words that set a standard nobody defined ("normal", "sufficient"):
    /// an exemplar for the same thing replaces them with its reading or record.
    pub standards: Vec<String>,
    /// Goal words a rule found too general to act on ("help", "services"): an
    /// exemplar that keeps the rest of the goal names the thing itself.
    pub general: Vec<String>,
    /// The act itself, lower case, when the goal is an act done ("eat" in
    /// "eat better"); none for a state ("be a better friend").
    pub act: Option<String>,
    /// True when the goal is named but not what doing it looks like ("maintain
    /// the home conditions", "to have a healthy diet"): a vague or weak verb, no
    /// action, or an undefined standard. An exemplar written for the same goal
    /// says what it looks like, in place of the goal's own words.
    pub unseen: bool,
}

/// Words for a skill, which the skill named before them ("reading skills")
/// says in full.
const SKILL_WORDS: [&str; 4] = ["skill", "skills", "ability", "abilities"];

/// The word lists of both gates.
#[derive(Debug, Clone)]
pub struct IntentLists {
    frame_words: Vec<String>,
    /// The least sentence-model similarity at which an exemplar is offered.
    pub min_exemplar_similarity: f32,
    stop_words: Vec<String>,
    down: Vec<String>,
    up: Vec<String>,
    better: Vec<String>,
    related: Vec<Vec<String>>,
    /// Places and times of day an action happens in ("lessons", "playtime"):
    /// an exemplar set in one the objective does not name is not offered.
    settings: Vec<Vec<String>>,
    pub risk_topics: Vec<RiskTopic>,
    person_groups: std::collections::BTreeMap<String, Vec<String>>,
    negations: Vec<String>,
    negation_kept_as: Vec<String>,
    negation_limits: Vec<String>,
    /// Verbs that say a state, not an act done ("be a better friend").
    state_verbs: Vec<String>,
}

/// Rules whose flagged words are what a rewrite replaces: the words inside
/// their spans are not part of the goal ("ongoing", "Children's Services").
const REPLACED_BY_REWRITE: &[RuleId] = &[
    RuleId::EmotiveLanguage,
    RuleId::VagueTimeframe,
    RuleId::NoTimeframe,
    RuleId::ReviewWithoutDate,
    RuleId::NotAMethod,
    RuleId::AgencyAsOwner,
    RuleId::JobTitleOnly,
    RuleId::Jargon,
    RuleId::Acronym,
];

impl IntentLists {
    pub fn from_toml(origin: &str, text: &str) -> Result<Self, DataError> {
        let f: IntentFile = toml::from_str(text).map_err(|e| DataError::new(origin, e))?;
        let lower = |v: Vec<String>| v.into_iter().map(|w| w.to_lowercase()).collect();
        Ok(IntentLists {
            frame_words: lower(f.frame_words),
            min_exemplar_similarity: f.min_exemplar_similarity,
            stop_words: lower(f.stop_words),
            down: lower(f.comparatives.down),
            up: lower(f.comparatives.up),
            better: lower(f.comparatives.better),
            related: f.related.into_iter().map(|r| lower(r.words)).collect(),
            settings: f.settings.into_iter().map(|r| lower(r.words)).collect(),
            person_groups: f
                .person_groups
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), lower(v)))
                .collect(),
            negations: lower(f.negation.words),
            negation_kept_as: lower(f.negation.kept_as),
            negation_limits: lower(f.negation.limits),
            state_verbs: lower(f.state_verbs),
            risk_topics: f
                .risk_topic
                .into_iter()
                .map(|t| RiskTopic {
                    name: t.name,
                    words: lower(t.words),
                    innocent_near: lower(t.innocent_near),
                })
                .collect(),
        })
    }

    pub fn bundled() -> Self {
        Self::shared().clone()
    }

    /// The bundled lists, parsed once per process.
    pub fn shared() -> &'static IntentLists {
        static LISTS: std::sync::OnceLock<IntentLists> = std::sync::OnceLock::new();
        LISTS.get_or_init(|| {
            Self::from_toml("data/intent.toml", BUNDLED).expect("the bundled intent.toml parses")
        })
    }

    /// The goal of an analysed objective, without the `dropped` spans the
    /// rewrite leaves out as not part of it (emphatic asides).
    pub fn goal(&self, x: &Analysed, dropped: &[Range<usize>]) -> Goal {
        let toks = &x.analysis.tokens;
        let text = x.analysis.text.as_str();
        let mut replaced: Vec<Range<usize>> = dropped.to_vec();
        replaced.extend(
            x.judgment
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error && REPLACED_BY_REWRITE.contains(&f.rule))
                // With no verb, no-timeframe marks the whole topic ("Self-
                // administering IV medications"), which is the goal itself.
                .filter(|f| f.rule != RuleId::NoTimeframe || x.frame.head.is_some())
                .map(|f| f.start..f.end),
        );
        replaced.extend(
            x.times
                .iter()
                .filter(|t| !t.kind.is_concrete())
                .map(|t| t.span.clone()),
        );
        // Words a rule asked to drop because they are the problem ("because my
        // parents said so", "by review") or to ask for instead; not another action a rule would
        // move to its own objective, which is still the writer's goal.
        for f in &x.judgment.findings {
            if f.severity != Severity::Error || f.rule == RuleId::BundledActions {
                continue;
            }
            for edit in f.repair.iter().flat_map(|r| r.edits.iter()) {
                // ... and words a placeholder stands for ("a few" -> "[how many]").
                match edit {
                    crate::core::finding::Edit::Delete(span)
                    | crate::core::finding::Edit::Placeholder { span, .. } => {
                        replaced.push(span.clone())
                    }
                    _ => {}
                }
            }
        }
        // A behaviour to stop is replaced whole, with its object: "stop
        // disrupting the class" becomes "raise his hand ..."; a time or an
        // occasion after it ("at playtime") stays with the goal.
        let errors = |rule: RuleId| {
            x.judgment
                .findings
                .iter()
                .filter(move |f| f.rule == rule && f.severity == Severity::Error)
        };
        for f in errors(RuleId::StopBehaviour) {
            // The behaviour and its object; a place or an occasion after them
            // ("in the house", "at playtime") stays with the goal.
            let end = x
                .frame
                .object
                .as_ref()
                .filter(|o| x.analysis.byte_span((*o).clone()).start >= f.start)
                .map_or(f.end, |o| x.analysis.byte_span(o.clone()).end.max(f.end));
            let end = gerund_object_end(toks, end);
            replaced.push(f.start..end);
        }
        // A weak or vague verb phrase is replaced, but the nouns and adjectives
        // in it are the goal ("be happy", "keep the house tidy"): only its verbs go.
        let verb_spans: Vec<Range<usize>> = errors(RuleId::WeakVerb)
            .chain(errors(RuleId::VagueVerb))
            .map(|f| f.start..f.end)
            .collect();
        // Who acts is kept or named by the who-repair; a thing as subject is the goal.
        if let (Some(subject), Some(owner)) = (&x.frame.subject, &x.owner) {
            let possessive = toks[subject.clone()].iter().any(|t| t.is_possessive());
            if !matches!(owner, Owner::Thing(_)) && !possessive {
                replaced.push(x.analysis.byte_span(subject.clone()));
            }
        }
        // At any severity: a general object is never the goal an exemplar
        // "was written for" ("engage with services" is not "health services").
        let general: Vec<Range<usize>> = x
            .judgment
            .findings
            .iter()
            .filter(|f| f.rule == RuleId::GenericObject)
            .map(|f| f.start..f.end)
            .collect();
        let standards: Vec<Range<usize>> = errors(RuleId::VagueStandard)
            .map(|f| f.start..f.end)
            .collect();
        let mut goal = Goal::default();
        for (i, t) in toks.iter().enumerate() {
            let surface = &text[t.span.clone()];
            // "reading skills", "maths ability": the skill named is the goal,
            // and an exemplar for reading shows the skill.
            if SKILL_WORDS.contains(&t.lower.as_str())
                && i > 0
                && (toks[i - 1].is_noun() || toks[i - 1].pos == "VBG")
            {
                continue;
            }
            if t.span.start < toks[x.frame.clause_start.min(toks.len() - 1)].span.start
                && !surface.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            if surface.chars().any(|c| c.is_ascii_digit()) || t.is_number() {
                goal.numbers.push(surface.to_string());
                continue;
            }
            let w = t.lower.as_str();
            // "no longer" is a negation, not a comparative.
            if w == "longer" && i > 0 && toks[i - 1].lower == "no" {
                continue;
            }
            // "better" read as a noun ("show better self-regulation") is still compared.
            let comparative = matches!(t.pos, "JJR" | "RBR")
                || t.tags.contains(&"JJR")
                || matches!(w, "more" | "less" | "fewer");
            let inside = |spans: &[Range<usize>]| {
                spans
                    .iter()
                    .any(|r| r.start <= t.span.start && t.span.end <= r.end)
            };
            // A negation is the goal even inside a behaviour being replaced: a
            // rewrite that keeps the verb must keep it too.
            if self.negations.iter().any(|n| n == w) {
                // The verb it negates: "never shout", "won't ever smoke".
                let verb = negation::negated_verb(toks, i);
                if let (None, Some((j, v))) = (&goal.negation, verb) {
                    goal.negation = Some((w.to_string(), v.lower.clone()));
                    // "in the house", "around the children": a preposition
                    // soon after the verb says where or when it is not done.
                    goal.negation_limited = toks[j + 1..].iter().take(4).any(|p| p.pos == "IN");
                    if self.state_verbs.iter().any(|s| v.is(s)) {
                        goal.negated_thing = toks[j + 1..]
                            .iter()
                            .take(3)
                            .find(|n| n.is_noun())
                            .map(|n| n.lower.clone());
                    }
                }
                continue;
            }
            // A comparative is the goal even inside a phrase being replaced ("become calmer").
            if !comparative && (inside(&replaced) || inside(&verb_spans) && t.is_verb()) {
                continue;
            }
            if self.frame_words.iter().any(|f| f == w) {
                continue;
            }
            if comparative {
                goal.comparatives.push(w.to_string());
            } else if (t.is_noun() || t.pos.starts_with("JJ"))
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.len() > 1
            {
                goal.words.push(w.to_string());
                if inside(&general) {
                    goal.general.push(w.to_string());
                }
                if inside(&standards) {
                    goal.standards.push(w.to_string());
                }
            }
        }
        let mut seen = std::collections::HashSet::new();
        goal.words.retain(|w| seen.insert(w.clone()));
        goal.unseen = [
            RuleId::VagueVerb,
            RuleId::WeakVerb,
            RuleId::NoAction,
            RuleId::VagueStandard,
        ]
        .into_iter()
        .any(|r| errors(r).next().is_some());
        goal.act = x
            .frame
            .head
            .filter(|_| !x.frame.copula)
            .map(|h| &toks[h])
            .filter(|t| !self.state_verbs.iter().any(|v| t.is(v)))
            .map(|t| t.lower.clone());
        goal
    }

    /// True when `action` is the act `act` itself, in any form: "eat [N]
    /// portions ..." for "eat better".
    pub fn is_the_act(&self, act: &str, action: &str) -> bool {
        lower_words(action)
            .first()
            .is_some_and(|first| same_word(first, act))
    }

    /// True when lower-case `text` keeps the comparative `c`: the word itself,
    /// or one of its measurable forms ("fewer" as "no more than", "better"
    /// as "improve").
    pub fn compared_alike(&self, c: &str, text: &str) -> bool {
        let forms = match c {
            "fewer" | "less" | "lower" => &self.down,
            "more" | "higher" => &self.up,
            "better" | "stronger" => &self.better,
            _ => &Vec::new(),
        };
        let has_word = text
            .split(|ch: char| !(ch.is_alphanumeric() || ch == '-'))
            .any(|w| w == c);
        has_word || forms.iter().any(|f| contains_phrase(text, f))
    }

    /// What `rendered` loses of `goal`: each word or number it neither keeps nor
    /// names in a placeholder.
    pub fn lost(&self, goal: &Goal, rendered: &Rendered) -> Vec<String> {
        let lower = rendered.text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .collect();
        // "cannabis-free" keeps "cannabis" as well as itself.
        let parts: Vec<&str> = words
            .iter()
            .filter(|w| w.contains('-'))
            .flat_map(|w| w.split('-'))
            .filter(|w| !w.is_empty())
            .collect();
        let has = |w: &str| words.iter().chain(&parts).any(|r| same_word(w, r));
        let mut lost = Vec::new();
        for w in &goal.words {
            let kept = has(w)
                || self
                    .related
                    .iter()
                    .any(|g| g.iter().any(|x| x == w) && g.iter().any(|x| has(x)));
            if !kept {
                lost.push(w.clone());
            }
        }
        for c in &goal.comparatives {
            if !self.compared_alike(c, &lower) {
                lost.push(c.clone());
            }
        }
        // "never shout" kept as "shout [how often]" asks for the very thing the
        // writer wanted stopped; a positive action in its place ("speak calmly")
        // does not keep the verb, and is the guidance's own advice.
        if let Some((negation, verb)) = &goal.negation {
            let limits = self
                .negation_limits
                .iter()
                .filter(|_| goal.negation_limited);
            let negated = self.negation_kept_as.iter().chain(limits).any(|f| {
                words.contains(&f.as_str())
                    || parts.contains(&f.as_str())
                    || f.contains(' ') && contains_phrase(&lower, f)
            });
            // ... and "never shout [how often]" asks how often it is not done
            // (how often it is checked, "checked [how often]", is another matter).
            let counted =
                lower.matches("[how often]").count() > lower.matches("checked [how often]").count();
            if has(verb) && (!negated || counted && words.contains(&negation.as_str())) {
                lost.push(negation.clone());
            }
        }
        for n in &goal.numbers {
            let digits: String = n
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == '.')
                .collect();
            let kept = lower.contains(&n.to_lowercase())
                || (!digits.is_empty() && lower.contains(&digits.to_lowercase()))
                || figure_and_unit_kept(n, &lower);
            if !kept {
                lost.push(n.clone());
            }
        }
        lost
    }
}

/// Where the noun phrase of a stopped behaviour ends, from `from` on: the
/// object of its gerund ("stop drinking fizzy drinks"), or the rest of a list
/// ("avoid sugary drinks, chips and candy"), which the parse leaves outside the
/// frame's object. A place or an occasion ("at playtime") is not part of it.
fn gerund_object_end(toks: &[crate::core::nlp::Token], from: usize) -> usize {
    let Some(first) = toks.iter().position(|t| t.span.start >= from) else {
        return from;
    };
    noun_list_end(toks, first, |_| false).map_or(from, |end| toks[end - 1].span.end)
}

/// The index after the last noun of noun phrases that run from token `from`,
/// joined by "and", "or" or commas ("sugary drinks, chips and candy, and junk
/// foods"): a joiner counts only up to the next word of a phrase, and a word
/// outside a phrase, or one `stop` says ends it, ends the list. None when no
/// noun comes first.
pub(crate) fn noun_list_end(
    toks: &[crate::core::nlp::Token],
    from: usize,
    stop: impl Fn(&crate::core::nlp::Token) -> bool,
) -> Option<usize> {
    use crate::core::nlp::Token;
    let in_phrase = |t: &Token| {
        t.is_noun() || t.pos.starts_with("JJ") || matches!(t.pos, "DT" | "PRP$" | "POS")
    };
    let joiner = |t: &Token| matches!(t.lower.as_str(), "and" | "or" | ",");
    let mut end = None;
    for (k, t) in toks.iter().enumerate().skip(from) {
        if joiner(t) {
            // ", and junk foods": joiners up to the next word of the phrase.
            if !toks[k..].iter().find(|n| !joiner(n)).is_some_and(in_phrase) {
                break;
            }
        } else if !in_phrase(t) || stop(t) {
            break;
        } else if t.is_noun() {
            end = Some(k + 1);
        }
    }
    end
}

/// True when `phrase` occurs in `text` as whole words.
pub(crate) fn contains_phrase(text: &str, phrase: &str) -> bool {
    let mut from = 0;
    while let Some(at) = text[from..].find(phrase) {
        let start = from + at;
        let end = start + phrase.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        if boundary(before) && boundary(after) {
            return true;
        }
        from = start + phrase.len().max(1);
        if from >= text.len() {
            break;
        }
    }
    false
}

/// "8kg" kept as "[a smaller step than 8] kg": the figure stands as a number
/// of its own, and the unit is there too.
fn figure_and_unit_kept(n: &str, rendered: &str) -> bool {
    let figure: String = n
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let unit: String = n.chars().filter(|c| c.is_alphabetic()).collect();
    let figures = rendered
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|f| f.replace(',', ""));
    !figure.is_empty()
        && figures
            .into_iter()
            .any(|f| f.trim_end_matches('.') == figure)
        && rendered
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w == unit.to_lowercase())
}

/// The words of `t`, lower case, split at anything not a letter or digit.
fn lower_words(t: &str) -> Vec<String> {
    t.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

mod negation;
mod overlap;
mod risks;
#[cfg(test)]
mod tests;

//! Who acts in a rewrite: the writer's named person kept, an agency or job
//! title turned into "[named person at ...]", or "[who]" added; and the owner's
//! pronouns for an exemplar's action.

use super::text::decapitalise;
use super::{Change, Repairer, ACTION_RULES};
use crate::core::finding::Criterion;
use crate::core::frame::Owner;
use crate::core::lexicon::contains;
use crate::core::owner::classify_owner;
use crate::rewrite::draft::{template, Piece, Pronouns};
use std::ops::Range;

impl Repairer<'_> {
    /// A job title or an agency owns the action ("The nurse will ...", "Health
    /// visiting to ..."): a professional, not the plan's own person.
    pub(super) fn a_professional_acts(&self) -> bool {
        matches!(self.x.owner, Some(Owner::JobTitle(_) | Owner::Agency(_)))
    }

    /// Who will act, and what changed about it.
    pub(crate) fn who(&self) -> (Vec<Piece>, Vec<Change>) {
        let a = &self.templates.assembly;
        let subject_text = self
            .x
            .frame
            .subject
            .as_ref()
            .map(|s| self.x.analysis.byte_span(s.clone()))
            .map(|r| self.quote(&r));
        let placeholder = |text: &str| template(text);
        // "My goal is to cycle to work": the writer acts.
        if let Some((_, Some(writer))) = self.goal_wrapper() {
            return (vec![Piece::kept(writer)], Vec::new());
        }
        // "Joshua is supervised by a safe adult": the agent is who acts.
        if let Some((tokens, span)) = self.agent_span() {
            let agent = self.quote(&span);
            return match classify_owner(&self.x.analysis, &tokens, self.lexicon) {
                Owner::Agency(_) => {
                    let label = a.agency_label(&agent);
                    (
                        placeholder(&label),
                        vec![Change::new(Criterion::S, a.agency_change(&agent, &label))],
                    )
                }
                Owner::JobTitle(_) => {
                    let title = agent.to_lowercase();
                    let title = title.trim_start_matches("the ").trim_start_matches("a ");
                    let label = a.job_title.replace("{title}", title);
                    (
                        placeholder(&label),
                        vec![Change::new(
                            Criterion::S,
                            format!("'{title}' is a job title: named the person, {label}"),
                        )],
                    )
                }
                _ => (
                    vec![Piece::kept(decapitalise(&agent))],
                    vec![Change::new(
                        Criterion::S,
                        format!("made '{agent}' the one who acts, not the passive"),
                    )],
                ),
            };
        }
        // "improve patient's breathing": the patient, when nobody is named.
        let role_owner = self.role_owner();
        match (&self.x.owner, subject_text) {
            (Some(Owner::Agency(span)), _) => {
                let agency = self.quote(span);
                let label = a.agency_label(&agency);
                (
                    placeholder(&label),
                    vec![Change::new(Criterion::S, a.agency_change(&agency, &label))],
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
                match self.possessor_acting(&subject) {
                    Some((who, change)) if ACTION_RULES.iter().any(|&r| self.x.failed(r)) => {
                        (who, vec![change])
                    }
                    // "I want him to ...": "him" acts, so "He will".
                    _ => (vec![Piece::kept(nominative(&subject))], Vec::new()),
                }
            }
            (None, None) if self.first_person() => (
                vec![Piece::added("I")],
                vec![Change::new(
                    Criterion::S,
                    "said who will act: I (the objective speaks of 'my')",
                )],
            ),
            (None, None) if self.writer_owns && !self.x.frame.passive && role_owner.is_none() => (
                vec![Piece::added("I")],
                vec![Change::new(
                    Criterion::S,
                    "said who will act: I (a personal goal is the writer's own)",
                )],
            ),
            _ if role_owner.is_some() => {
                let role = role_owner.map(|(_, r)| r).unwrap_or_default();
                (
                    vec![Piece::kept(format!("The {role}"))],
                    vec![Change::new(
                        Criterion::S,
                        format!("the goal is the {role}'s own: the {role} is the one who acts"),
                    )],
                )
            }
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

    /// The owner of a possessive subject as who acts, when the subject was
    /// kept whole: "Tom's fluid intake" -> "Tom".
    pub(super) fn possessor_as_who(&self, who: &[Piece]) -> Option<(Vec<Piece>, Change)> {
        match who {
            [Piece::Kept(subject)] => self.possessor_acting(subject),
            _ => None,
        }
    }

    /// The owner of a possessive subject as who acts ("Maisie" for "Maisie's
    /// communication"), unless what is possessed is itself a person ("Kayden's
    /// dad", "Mia's foster carer"): then the whole phrase acts.
    fn possessor_acting(&self, subject: &str) -> Option<(Vec<Piece>, Change)> {
        let toks = &self.x.analysis.tokens;
        let possessed_is_a_person = self.x.frame.subject.as_ref().is_some_and(|range| {
            range
                .clone()
                .find(|&k| toks[k].is_possessive())
                .is_some_and(|k| {
                    crate::core::owner::names_person(
                        &self.x.analysis,
                        &(k + 1..range.end),
                        self.lexicon,
                    )
                })
        });
        if possessed_is_a_person {
            return None;
        }
        owner_acting(subject)
    }

    /// True when the objective speaks in the first person ("my reading age").
    pub(super) fn first_person(&self) -> bool {
        self.x
            .analysis
            .tokens
            .iter()
            .any(|t| matches!(t.lower.as_str(), "my" | "me" | "myself" | "i"))
    }

    /// True when the writer sets their own goal: "I" or "we" acts, or nobody
    /// is named and the goal is "my" own.
    pub(super) fn the_writer_acts(&self) -> bool {
        match &self.x.frame.subject {
            Some(s) => self.x.analysis.tokens[s.clone()]
                .iter()
                .all(|t| matches!(t.lower.as_str(), "i" | "we")),
            None => self.first_person() || self.writer_owns,
        }
    }

    /// The owner's pronouns, from the objective's own words.
    /// The nouns naming who acts ("children" in "The children will ..."), lower
    /// case; none for a possessive subject ("Evie's speech"), whose nouns name
    /// what changes, not who acts.
    pub(super) fn subject_nouns(&self) -> Vec<String> {
        let toks = &self.x.analysis.tokens;
        let Some(subject) = self.x.frame.subject.clone() else {
            return Vec::new();
        };
        let words = &toks[subject];
        if words.iter().any(|t| t.is_possessive()) {
            return Vec::new();
        }
        words
            .iter()
            .filter(|t| t.is_noun())
            .map(|t| t.lower.clone())
            .collect()
    }

    pub(super) fn pronouns(&self) -> Pronouns {
        let toks = &self.x.analysis.tokens;
        // "My aim is to ...": the writer acts.
        if matches!(self.goal_wrapper(), Some((_, Some("I")))) {
            return Pronouns::I;
        }
        if let Some(s) = &self.x.frame.subject {
            let words: Vec<&str> = toks[s.clone()].iter().map(|t| t.lower.as_str()).collect();
            // A pronoun subject is its own answer; "her" in "I want her to
            // read" acts as "she".
            match words.as_slice() {
                ["i" | "me"] => return Pronouns::I,
                ["she" | "her"] => return Pronouns::She,
                ["he" | "him"] => return Pronouns::He,
                ["they" | "them"] => return Pronouns::They,
                _ => {}
            }
            for w in &words {
                if contains(&self.lexicon.she_words, w) {
                    return Pronouns::She;
                }
                if contains(&self.lexicon.he_words, w) {
                    return Pronouns::He;
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
        // A personal goal naming nobody is the writer's own.
        if self.x.frame.subject.is_none() && self.writer_owns && self.role_owner().is_none() {
            return Pronouns::I;
        }
        Pronouns::They
    }

    /// The agent of a passive ("by a safe adult who is sober"), as token and
    /// byte ranges, running on to the end of its clause; the "by" not included.
    pub(super) fn agent_span(&self) -> Option<(Range<usize>, Range<usize>)> {
        if !self.x.frame.passive {
            return None;
        }
        let agent = self.x.frame.agent.clone()?;
        let toks = &self.x.analysis.tokens;
        let mut end = agent.end;
        // "by a safe adult who is sober": the relative clause goes with the agent.
        let relative = toks[agent.clone()]
            .iter()
            .chain(toks.get(end))
            .any(|t| matches!(t.lower.as_str(), "who" | "that"));
        if relative {
            while end < toks.len() && !matches!(toks[end].lower.as_str(), "," | ";" | "." | ":") {
                end += 1;
            }
        }
        let bytes = toks[agent.start].span.start..toks[end - 1].span.end;
        Some((agent.start..end, bytes))
    }
}

/// A pronoun as the subject of "will": "him" becomes "He", "them" "They".
/// "her" stays "her" only where it owns something ("her son").
pub(crate) fn nominative(subject: &str) -> String {
    match subject.trim().to_lowercase().as_str() {
        "him" => "He".to_string(),
        "her" => "She".to_string(),
        "them" => "They".to_string(),
        "me" => "I".to_string(),
        "us" => "We".to_string(),
        _ => subject.to_string(),
    }
}

impl Repairer<'_> {
    /// "My goal is to feel calm", "The aim is to cook a meal": a goal noun as
    /// the subject, then "is to" and the action. Gives the action's first token
    /// and who acts when the goal is the writer's own ("I", "we").
    pub(super) fn goal_wrapper(&self) -> Option<(usize, Option<&'static str>)> {
        let toks = &self.x.analysis.tokens;
        let s = self.x.frame.subject.clone()?;
        let head = self.x.frame.head?;
        let wrapped = s.len() >= 2
            && crate::core::lexicon::contains(&self.lexicon.goal_nouns, &toks[s.end - 1].lower)
            && head == s.end
            && toks[head].is("be")
            && toks.get(head + 1).is_some_and(|t| t.lower == "to")
            && toks.get(head + 2).is_some_and(|t| t.has_tag("VB"));
        if !wrapped {
            return None;
        }
        let writer = match toks[s.start].lower.as_str() {
            "my" => Some("I"),
            "our" => Some("we"),
            _ => None,
        };
        Some((head + 2, writer))
    }

    /// The possessive that goes with the subject: "I" -> "my", "we" -> "our",
    /// "Mum" -> "her"; "their" for a name, a role or nobody named.
    pub(super) fn possessive_of_subject(&self) -> &'static str {
        let toks = &self.x.analysis.tokens;
        let subject = self.x.frame.subject.clone().filter(|s| s.len() == 1);
        match subject.map(|s| toks[s.start].lower.as_str()) {
            Some("we") => "our",
            Some("you") => "your",
            // An object pronoun made the subject ("I want her to ...").
            Some("him") => "his",
            Some("her") => "her",
            _ => self.pronouns().possessive(),
        }
    }

    /// Whether the noun phrase at `start` has no determiner, owner or number
    /// before its common noun ("maths", "public speaking", "grades in science").
    pub(super) fn bare_noun_phrase(&self, start: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        let common_noun =
            |t: &crate::core::nlp::Token| t.pos.starts_with("NN") && !t.pos.starts_with("NNP");
        let phrase = || {
            toks[start.min(toks.len())..]
                .iter()
                .take(3)
                .take_while(|t| t.pos == "JJ" || t.pos == "VBG" || common_noun(t))
        };
        phrase().next().is_some_and(|t| !t.is_number())
            && phrase().any(|t| t.pos == "VBG" || common_noun(t))
    }

    /// "improve patient's breathing", "improve client well-being" with nobody
    /// named: a change in the plan's own person is theirs, so that person acts
    /// ("The patient will improve their breathing"); not what staff do to
    /// them ("monitor patient's fluid intake"). The tokens of the role (with
    /// its "the" and "'s") and the role noun, when the object opens so and
    /// goes on after it.
    pub(super) fn role_owner(&self) -> Option<(Range<usize>, String)> {
        if self.x.frame.subject.is_some()
            || self.x.frame.passive
            || !self.head_is_one_of(&self.lexicon.change_verbs)
        {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let object = self.x.frame.object.clone()?;
        let the = usize::from(toks.get(object.start).is_some_and(|t| t.lower == "the"));
        let role = toks.get(object.start + the)?;
        if !self.templates.assembly.bare_roles.contains(&role.lower) {
            return None;
        }
        // ("'s" may come as two tokens, "'" and "s".)
        let owns = toks[object.start + the + 1..]
            .iter()
            .take_while(|t| t.pos == "POS")
            .count();
        let end = object.start + the + 1 + owns;
        // "client well-being", "student reading scores": the role as a
        // modifier of what follows.
        let goes_on = toks
            .get(end)
            .is_some_and(|t| t.is_noun() || t.pos.starts_with("JJ") || t.has_tag("VBG"));
        goes_on.then(|| (object.start..end, role.lower.clone()))
    }

    /// "patient's breathing", "client's mobility": a bare role noun owning
    /// what follows, which takes "the" once it is no longer a heading.
    pub(super) fn bare_role_owns(&self, start: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        toks.get(start + 1).is_some_and(|t| t.pos == "POS")
            && self
                .templates
                .assembly
                .bare_roles
                .contains(&toks[start].lower)
    }

    /// Who a bare object belongs to when a repair makes it the object of
    /// "improve": what a person gets better at is theirs ("get better at maths"
    /// -> "improve my maths"); a subject made the object is "the" one ("Wound
    /// will improve" -> "improve the wound"). `None` when the writer's own
    /// verb already took it bare ("improve attendance" stays as written).
    pub(super) fn owner_of_bare_object(
        &self,
        object: std::ops::Range<usize>,
        head: usize,
    ) -> Option<&'static str> {
        let toks = &self.x.analysis.tokens;
        if !self.bare_noun_phrase(object.start) {
            return None;
        }
        if object.end <= head {
            return Some("the");
        }
        if self.bare_role_owns(object.start) {
            return Some("the");
        }
        let own_verb = ["improve", "enhance", "strengthen", "boost", "better"]
            .iter()
            .any(|v| toks[head].is(v));
        (!own_verb).then(|| self.possessive_of_subject())
    }
}

/// The owner of a possessive subject as who acts, and the change that says
/// so: "Maisie" for "Maisie's communication".
fn owner_acting(subject: &str) -> Option<(Vec<Piece>, Change)> {
    let (owner, _) = subject
        .split_once("'s ")
        .or_else(|| subject.split_once("’s "))?;
    Some((
        vec![Piece::kept(owner)],
        Change::new(
            Criterion::S,
            format!("made {owner} the one who acts, not '{subject}'"),
        ),
    ))
}

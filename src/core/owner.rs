//! Who the subject of an objective is: a person (a name, a title and a
//! surname, a placeholder for a name, a pronoun, a family or plan role), an
//! agency, a job title with no name, or a thing. Read from the subject's words
//! and the people lists in `data/people.toml`.

use crate::core::lexicon::{contains, Lexicon};
use crate::core::nlp::Analysis;
use std::ops::Range;

/// True when the noun phrase `range` names a person in the plan: a name, a pronoun,
/// a family member or the child, as opposed to an agency or a job title.
pub fn names_person(a: &Analysis, range: &Range<usize>, lexicon: &Lexicon) -> bool {
    // "a safe adult", "any worker": an indefinite phrase names nobody.
    if a.tokens
        .get(range.start)
        .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "any" | "some" | "another"))
    {
        return false;
    }
    if names_by_form(a, range, lexicon) {
        return true;
    }
    // Roles of more than one word: "the young person", "service user", "foster carer".
    if lexicon
        .family_roles
        .iter()
        .filter(|r| r.contains(' '))
        .flat_map(|r| a.find_phrase(r))
        .any(|found| range.start <= found.start && found.end <= range.end)
    {
        return true;
    }
    a.tokens[range.clone()].iter().enumerate().any(|(k, t)| {
        let sentence_initial = range.start + k == 0
            || a.tokens[range.start + k - 1].sentence != t.sentence
            || a.tokens[range.start + k - 1].lower == ",";
        contains(&lexicon.person_pronouns, &t.lower)
            || (contains(&lexicon.given_names, &t.lower) && t.starts_uppercase(&a.text))
            || contains(&lexicon.family_roles, &t.lower)
            || contains(&lexicon.family_roles, t.lemma())
            // A capitalised word the dictionary does not know is a name ("Amira",
            // "Tyler-Jay"); one in capitals is an acronym ("SENDIASS"), not a name.
            || (t.has_tag("NNP")
                || t.pos == "UNKNOWN"
                    && t.starts_uppercase(&a.text)
                    && a.text[t.span.clone()].chars().any(|c| c.is_lowercase())
                || !sentence_initial && t.starts_uppercase(&a.text) && t.is_noun())
                && !contains(&lexicon.agencies, &t.lower)
                && !contains(&lexicon.job_titles, &t.lower)
                && !contains(&lexicon.job_titles, t.lemma())
                && t.lower
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '\'' || c == '-')
    })
}

/// Names written in forms a dictionary cannot know: a title and a surname ("Ms
/// Adeyemi", "Dr Khan"), a placeholder for a name in brackets ("[child]",
/// "(name)", "[named person]"), or initials or a letter standing for a name
/// ("AB", "X").
fn names_by_form(a: &Analysis, range: &Range<usize>, lexicon: &Lexicon) -> bool {
    let toks = &a.tokens[range.clone()];
    let titled = toks.windows(2).any(|w| {
        contains(&lexicon.titles, w[0].lower.trim_end_matches('.'))
            && w[1].starts_uppercase(&a.text)
    });
    let surface = match (toks.first(), toks.last()) {
        (Some(f), Some(l)) => a.text[f.span.start..l.span.end].trim(),
        _ => "",
    };
    let bracketed = surface.len() > 2
        && surface.starts_with(['[', '(', '<', '{'])
        && surface.ends_with([']', ')', '>', '}']);
    let initials = toks.iter().any(|t| {
        let surface = &a.text[t.span.clone()];
        (1..=3).contains(&surface.len())
            && surface.chars().all(|c| c.is_ascii_uppercase())
            && !contains(&lexicon.known_acronyms, &t.lower)
            && !contains(&lexicon.agencies, &t.lower)
            && !contains(&lexicon.job_titles, &t.lower)
    });
    titled || bracketed || initials
}

/// Who the subject of an objective is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Owner {
    /// A name, pronoun, family member or the child: someone who can act.
    Person,
    /// An agency, service or team, with the byte span naming it.
    Agency(Range<usize>),
    /// A job title with no name, with its byte span.
    JobTitle(Range<usize>),
    /// A thing or an abstraction ("the house", "attendance"), with its byte span.
    Thing(Range<usize>),
}

/// Classifies the subject noun phrase `range` by its head noun.
pub fn classify_owner(a: &Analysis, range: &Range<usize>, lexicon: &Lexicon) -> Owner {
    let toks = &a.tokens;
    // The head phrase ends before a preposition ("Students with more than 20 absences").
    let mut end = range.start;
    while end < range.end && !(toks[end].pos == "IN" && end > range.start) {
        end += 1;
    }
    let head_range = range.start..end;
    for (list, make) in [
        (
            &lexicon.agencies,
            Owner::Agency as fn(Range<usize>) -> Owner,
        ),
        (
            &lexicon.job_titles,
            Owner::JobTitle as fn(Range<usize>) -> Owner,
        ),
    ] {
        // Longest first (`Lexicon::normalise`).
        for phrase in list {
            for found in a.find_phrase(phrase) {
                // The phrase must include the head noun (the last word of the head phrase).
                if found.start >= head_range.start && found.end == head_range.end {
                    if list == &lexicon.job_titles
                        && names_person(a, &(head_range.start..found.start), lexicon)
                    {
                        return Owner::Person;
                    }
                    return make(a.byte_span(head_range.clone()));
                }
            }
        }
    }
    // After agencies ("Children's Services"): a possessor that names a person owns the attribute ("Maisie's communication").
    if let Some(pos) = (head_range.clone()).find(|&k| toks[k].is_possessive()) {
        if names_person(a, &(range.start..pos), lexicon) {
            return Owner::Person;
        }
    }
    if names_person(a, &head_range, lexicon) || name_told_by_pronoun(a, &head_range) {
        return Owner::Person;
    }
    Owner::Thing(a.byte_span(head_range))
}

/// "Aril to improve his independence", "Rose will tidy her room": a
/// capitalised word the dictionary knows as a common noun is a name when the
/// action that follows at once says "his" or "her" of it. (A thing's clause
/// that goes on about someone, "Behaviour to improve so that he can stay in
/// class", is not read so: the pronoun must come before any new clause.)
fn name_told_by_pronoun(a: &Analysis, head: &Range<usize>) -> bool {
    let toks = &a.tokens;
    let [t] = &toks[head.clone()] else {
        return false;
    };
    let surface = &a.text[t.span.clone()];
    let mut chars = surface.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase);
    capitalised
        && t.is_noun()
        && toks[head.end..]
            .iter()
            .take(5)
            .take_while(|x| {
                x.sentence == t.sentence
                    && !matches!(
                        x.lower.as_str(),
                        "so" | "that" | "because" | "when" | "which" | "who" | "," | "and"
                    )
            })
            .any(|x| matches!(x.lower.as_str(), "his" | "her" | "himself" | "herself"))
}

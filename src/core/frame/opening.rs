//! How a clause opens: a leading time phrase or subordinate clause, a verb
//! that opens an imperative, and an owner named before the action.

use super::MODALS;
use crate::core::lexicon::{contains, Lexicon};
use crate::core::nlp::{Analysis, ChunkKind, Token};
use crate::core::time::TimeExpr;

/// Where the main clause starts, after a leading time phrase or subordinate clause
/// ("By June 1st, 2024, I will ...", "when taking part ..., XXX will ...").
pub(super) fn leading_adverbial_end(a: &Analysis, times: &[TimeExpr], lexicon: &Lexicon) -> usize {
    let toks = &a.tokens;
    if toks.is_empty() {
        return 0;
    }
    let first = &toks[0];
    let starts_with_time = times
        .iter()
        .any(|t| t.span.start <= first.span.start && first.span.start < t.span.end);
    let subordinate = matches!(
        first.lower.as_str(),
        "when"
            | "whenever"
            | "if"
            | "by"
            | "in"
            | "within"
            | "during"
            | "after"
            | "before"
            | "from"
            | "over"
            | "this"
            | "next"
            | "each"
            | "every"
            | "once"
            | "starting"
            | "beginning"
            | "until"
            | "with"
    );
    if !(starts_with_time || subordinate) {
        // "Given a picture stimulus, the student will ...", "Using a planner,
        // Stephanie will ...": a leading clause with no modal of its own, ended by
        // a comma after which a subject and a modal open the main clause.
        return leading_clause_end(a, lexicon).unwrap_or(0);
    }
    // Skip to after the comma that opens the main clause (a short subject and a
    // modal follow it: "After assistance ..., and with a planner, Stephanie will"),
    // else to after the first comma in the first sentence.
    if let Some(k) = leading_clause_end(a, lexicon) {
        return k;
    }
    if let Some(comma) = toks
        .iter()
        .position(|t| t.lower == "," && t.sentence == first.sentence)
    {
        // "Each week Dad will attend ..., phone ...": a modal before the comma
        // means the main clause has begun and the comma is in its list.
        let modal_before = toks[..comma].iter().any(|t| t.pos == "MD");
        if comma + 1 < toks.len() && !modal_before {
            return comma + 1;
        }
    }
    // No comma: skip the time expression itself ("This year I will ...").
    if let Some(t) = times
        .iter()
        .find(|t| t.span.start <= first.span.start && first.span.start < t.span.end)
    {
        if let Some(next) = toks.iter().position(|k| k.span.start >= t.span.end) {
            return next;
        }
    }
    0
}

/// The token after the comma that ends a leading clause, when the clause has no
/// modal and the words after the comma are a short subject and a modal; or,
/// after a clause that only says how things are ("I am unfit,"), a
/// subject and a wish ("I need to lose 3 stone"): the wish is the objective.
fn leading_clause_end(a: &Analysis, lexicon: &Lexicon) -> Option<usize> {
    let toks = &a.tokens;
    let sentence = toks.first()?.sentence;
    for (k, t) in toks.iter().enumerate() {
        if t.sentence != sentence || t.pos == "MD" {
            return None;
        }
        if t.lower == "," && k >= 2 {
            if modal_after_subject(a, k + 1).is_some() {
                return Some(k + 1);
            }
            let only_be = toks[..k].iter().any(is_present_be)
                && toks[..k]
                    .iter()
                    .all(|x| !x.pos.starts_with("VB") || is_present_be(x));
            if only_be && wish_after_subject(a, k + 1, lexicon) {
                return Some(k + 1);
            }
        }
    }
    None
}

/// "am", "is", "are", "'m", "'re": the present of "be".
fn is_present_be(t: &Token) -> bool {
    t.is("be") && (t.has_tag("VBP") || t.has_tag("VBZ"))
}

/// True when the words from `i` are a pronoun or a short noun phrase, then a
/// verb of wanting or needing and "to" ("I need to", "Mum wants to").
fn wish_after_subject(a: &Analysis, i: usize, lexicon: &Lexicon) -> bool {
    let toks = &a.tokens;
    let Some(first) = toks.get(i) else {
        return false;
    };
    let mut k = i;
    while toks
        .get(k)
        .is_some_and(|t| t.chunk == ChunkKind::Noun && k < i + 3)
    {
        k += 1;
    }
    k > i
        && first.sentence == toks[k.min(toks.len() - 1)].sentence
        && toks
            .get(k)
            .is_some_and(|v| lexicon.intention_verbs.iter().any(|w| v.is(w)))
        && toks.get(k + 1).is_some_and(|t| t.lower == "to")
}

/// The index of a modal (followed by a verb or "be"), or of the "to" of an
/// infinitive, within a few words of `from`, when the words before it can only
/// be a subject: nouns, names, numbers, placeholders in brackets ("Ms Adeyemi
/// will", "[child] will", "E2 learner X will", "Home conditions to improve").
pub(super) fn modal_after_subject(a: &Analysis, from: usize) -> Option<usize> {
    let toks = &a.tokens;
    let sentence = toks.get(from)?.sentence;
    let mut in_brackets = false;
    for k in from..(from + 6).min(toks.len()) {
        let t = &toks[k];
        if t.sentence != sentence {
            return None;
        }
        let surface = &a.text[t.span.clone()];
        if surface.starts_with(['[', '(', '<', '{']) {
            in_brackets = true;
        }
        if in_brackets {
            if surface.ends_with([']', ')', '>', '}']) {
                in_brackets = false;
            }
            continue;
        }
        let modal = t.pos == "MD" || MODALS.contains(&t.lower.as_str()) && t.has_tag("MD");
        // "Home conditions to improve": an infinitive after a noun phrase, too;
        // not after a word that can only be a verb ("Encourage patient to eat":
        // an instruction and its object).
        let infinitive = t.lower == "to" && k > from + 1 && !toks[from].is_only_a_verb();
        if k > from
            && (modal || infinitive)
            && toks.get(k + 1).is_some_and(|v| {
                v.has_tag("VB") && !v.has_tag("VBD")
                    || v.lower == "be"
                    || modal && v.pos.starts_with("RB")
            })
        {
            return Some(k);
        }
        let subject_word = t.chunk == ChunkKind::Noun
            || t.is_noun()
            || t.pos == "UNKNOWN"
            || t.is_number()
            || t.pos == "POS"
            || matches!(
                t.lower.as_str(),
                "[" | "]" | "(" | ")" | "<" | ">" | "'s" | "-"
            )
            || t.starts_uppercase(&a.text);
        if !subject_word {
            return None;
        }
    }
    None
}

/// True when token `i` opens the objective with a verb ("Distribute ...", "ask for help").
pub(super) fn is_leading_verb(a: &Analysis, i: usize, lexicon: &Lexicon) -> bool {
    let t = &a.tokens[i];
    // "walk to work", "Cycle to school": a journey, not a walk that will work.
    let journey = contains(&lexicon.journey_verbs, &t.lower)
        && a.tokens.get(i + 1).is_some_and(|n| n.lower == "to")
        && a.tokens.get(i + 2).is_some_and(|x| !x.is("be"));
    // A word the dictionary does not know, opening the objective before a phrase: "homecook dinner".
    let unknown = t.tags.iter().all(|x| *x == "UNKNOWN")
        && a.tokens.get(i + 1).is_some_and(|n| !n.is_punct());
    if !(t.has_tag("VB") || t.has_tag("VBP") || t.can_be_verb && !t.has_tag("NNS") || unknown) {
        return false;
    }
    // "lower your A1c": a comparative before a possessive or determiner is a verb.
    let acts_on_a_thing = a
        .tokens
        .get(i + 1)
        .is_some_and(|n| n.pos == "PRP$" || n.pos == "DT");
    // "Save $200 a month", "Book the appointment": a capitalised first word the
    // tagger read as a name is a verb when an amount or a determiner follows.
    let object_follows = a.tokens.get(i + 1).is_some_and(|n| {
        matches!(n.pos, "DT" | "PRP$" | "CD") || n.lower.starts_with(['$', '£', '€'])
    });
    // "Cook healthy meals", "Bake wholemeal bread", "Read poetry": a lowercase
    // adjective or common noun (count or mass) follows, and no modal comes
    // later to make the first word a name.
    let phrase_follows = a.tokens.get(i + 1).is_some_and(|n| {
        (matches!(n.pos, "JJ" | "VBG") || n.pos.starts_with("NN") && !n.pos.starts_with("NNP"))
            && a.text[n.span.clone()].starts_with(|c: char| c.is_lowercase())
    }) && !a.tokens[i + 1..].iter().any(|x| x.pos == "MD");
    // "Save more", "Sleep better": or when a lowercase comparative follows.
    let comparative_follows = a.tokens.get(i + 1).is_some_and(|n| {
        (n.has_tag("JJR") || n.has_tag("RBR"))
            && a.text[n.span.clone()].starts_with(|c: char| c.is_lowercase())
    });
    if t.pos.starts_with("NNP")
        && !(t.can_be_verb && (object_follows || phrase_follows || comparative_follows || journey))
        || t.has_tag("PRP")
        || t.has_tag("DT")
        || (t.has_tag("JJR") || t.has_tag("RBR")) && !(acts_on_a_thing && t.can_be_verb)
    {
        return false;
    }
    // A noun reading followed by a modal or "to" + verb is a subject ("School to send ...").
    let next = a.tokens.get(i + 1);
    let after = a.tokens.get(i + 2);
    let subject_follows = !journey
        && next.is_some_and(|n| {
            n.pos == "MD"
                || n.lower == "to" && after.is_some_and(|x| x.has_tag("VB"))
                || n.has_tag("VBZ") && n.chunk == ChunkKind::Verb
        });
    !subject_follows
}

/// True for "Prompt Leo to drink", "Help her to ...": a verb of prompting
/// (data list `prompting_verbs`), a short noun phrase and "to" + verb.
pub(super) fn prompts_a_person(a: &Analysis, i: usize, lexicon: &Lexicon) -> bool {
    let toks = &a.tokens;
    if !lexicon.prompting_verbs.iter().any(|v| toks[i].is(v)) {
        return false;
    }
    let person_end = (i + 1..toks.len().min(i + 4)).find(|&k| toks[k].lower == "to");
    person_end.is_some_and(|to| {
        to > i + 1
            && (i + 1..to).all(|k| toks[k].chunk == ChunkKind::Noun || toks[k].pos == "POS")
            && toks
                .get(to + 1)
                .is_some_and(|v| v.has_tag("VB") && !v.has_tag("VBD"))
    })
}

/// True for "Increase client motivation to take part ...": a verb of change
/// (data list `change_verbs`) opening the objective, then a short noun phrase
/// and "to" + verb. What changes is the verb's object and the infinitive its
/// purpose; "Home conditions to improve" opens with no verb of change.
pub(super) fn changes_before_a_purpose(a: &Analysis, i: usize, lexicon: &Lexicon) -> bool {
    let toks = &a.tokens;
    toks[i].has_tag("VB")
        && lexicon.change_verbs.iter().any(|v| toks[i].is(v))
        && modal_after_subject(a, i).is_some_and(|k| toks[k].lower == "to" && k > i + 1)
}

/// True when the words from `i` are a job title, agency or family role of more
/// than one word followed by a modal or "to" + verb: a subject, though its first
/// word can be a verb ("Support worker to help Sarah ...", "Family support
/// worker will ...").
pub(super) fn opens_with_owner(a: &Analysis, i: usize, lexicon: &Lexicon) -> bool {
    let toks = &a.tokens;
    [
        &lexicon.job_titles,
        &lexicon.agencies,
        &lexicon.family_roles,
    ]
    .into_iter()
    .flatten()
    .any(|phrase| {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let end = i + words.len();
        words.len() > 1
            && end < toks.len()
            && words.iter().enumerate().all(|(k, w)| toks[i + k].is(w))
            && (toks[end].pos == "MD"
                || toks[end].lower == "to" && toks.get(end + 1).is_some_and(|x| x.has_tag("VB")))
    })
}

#[cfg(test)]
mod tests {
    use crate::core::check::Objective;
    use crate::core::frame::Anchor;

    #[test]
    fn a_capitalised_verb_before_a_comparative_opens_an_imperative() {
        // "Garden more": the tagger reads the first word as a name; a
        // lowercase comparative after it makes it the verb.
        // So does a lowercase mass noun after it ("Read poetry").
        for text in [
            "Garden more",
            "Garden less often",
            "Read poetry after lunch",
        ] {
            let x = crate::testing::checker().analyse(&Objective::new(text));
            assert_eq!(x.frame.anchor, Anchor::Imperative, "{text}: {:?}", x.frame);
            assert_eq!(x.frame.head, Some(0), "{text}: {:?}", x.frame);
        }
        // A name before a modal is still the subject.
        let x = crate::testing::checker().analyse(&Objective::new("Hope will swim more"));
        assert_eq!(x.frame.subject, Some(0..1), "{:?}", x.frame);
    }

    #[test]
    fn a_word_that_can_only_be_a_verb_opens_an_instruction_not_a_subject() {
        // "Remind Leo to ...": the person reminded is the object, and nobody is
        // named as doing the reminding.
        let x = crate::testing::checker().analyse(&Objective::new("Remind Leo to pack his PE kit"));
        assert_eq!(x.frame.anchor, Anchor::Imperative, "{:?}", x.frame);
        assert_eq!(x.frame.subject, None, "{:?}", x.frame);
        // A noun phrase before "to" is still the subject.
        let x = crate::testing::checker().analyse(&Objective::new("Home visits to start in May"));
        assert_eq!(x.frame.anchor, Anchor::Infinitive, "{:?}", x.frame);
    }

    #[test]
    fn a_verb_of_change_before_a_noun_phrase_and_an_infinitive_is_an_instruction() {
        // "Raise Leo's confidence to ...": what changes is the object.
        let x = crate::testing::checker().analyse(&Objective::new(
            "Raise Leo's confidence to read aloud in class",
        ));
        assert_eq!(x.frame.anchor, Anchor::Imperative, "{:?}", x.frame);
        assert_eq!(x.frame.head, Some(0), "{:?}", x.frame);
        // With no verb of change first, the noun phrase is the subject.
        let x = crate::testing::checker().analyse(&Objective::new("Home conditions to improve"));
        assert_eq!(x.frame.anchor, Anchor::Infinitive, "{:?}", x.frame);
    }

    #[test]
    fn a_place_after_the_subject_noun_keeps_it_the_subject_of_the_infinitive() {
        let x = crate::testing::checker()
            .analyse(&Objective::new("Kacper's behaviour at nursery to improve"));
        assert_eq!(x.frame.anchor, Anchor::Infinitive, "{:?}", x.frame);
        assert_eq!(x.frame.subject, Some(0..6), "{:?}", x.frame);
        // A leading verb with a place is still an instruction.
        let x =
            crate::testing::checker().analyse(&Objective::new("Help at nursery to settle Kacper"));
        assert_ne!(x.frame.anchor, Anchor::Infinitive, "{:?}", x.frame);
    }

    #[test]
    fn a_wish_after_a_clause_saying_how_things_are_is_the_objective() {
        // "I am unfit, I want to ...": the first clause is the reason, the
        // second the objective.
        let x = crate::testing::checker().analyse(&Objective::new(
            "I am unfit, I want to swim 20 lengths by June",
        ));
        assert_eq!(x.frame.clause_start, 4, "{:?}", x.frame);
        assert!(!x.frame.copula, "{:?}", x.frame);
        // A clause that acts is not passed over.
        let x = crate::testing::checker().analyse(&Objective::new(
            "I walk to school, I want to cycle there by June",
        ));
        assert_eq!(x.frame.clause_start, 0, "{:?}", x.frame);
    }
}

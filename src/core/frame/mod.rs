//! The clause frame of an objective: who acts (the subject), the main verb, its
//! object, and whether it is passive, an infinitive or a wish ("I want to ...").
//! Built from nlprule's tags and chunks; rules read the frame instead of guessing
//! from raw text.

use crate::core::lexicon::{contains, Lexicon};
use crate::core::nlp::{Analysis, ChunkKind, Token};
use crate::core::time::TimeExpr;
use std::ops::Range;

mod opening;
use opening::{
    changes_before_a_purpose, is_leading_verb, leading_adverbial_end, modal_after_subject,
    opens_with_owner, prompts_a_person,
};

/// How the action is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// "John will ...", "Mum must ...".
    Modal,
    /// "Mum to engage ...", "to understand ...", "for XXX to count ...".
    Infinitive,
    /// "Distribute ...", "improve social skills".
    Imperative,
    /// "Joshua is supervised ...", "I want ...".
    Finite,
    /// No verb at all: "Commitment to academic success".
    None,
}

#[derive(Debug, Clone)]
pub struct Frame {
    /// Token range of the subject noun phrase, if any.
    pub subject: Option<Range<usize>>,
    pub anchor: Anchor,
    /// Token index of the main verb.
    pub head: Option<usize>,
    /// Token range of the verb's object or complement.
    pub object: Option<Range<usize>>,
    /// "will be cleaned": passive voice.
    pub passive: bool,
    /// Token range of the "by ..." agent of a passive.
    pub agent: Option<Range<usize>>,
    /// "will be nicer", "will be present": a state, not an action.
    pub copula: bool,
    /// "I want to ...", "hope to ...": a wish wraps the action.
    pub wish: Option<usize>,
    /// "will not ...", "never ...": the action is negated.
    pub negated: Option<usize>,
    /// Token index where the main clause starts (after a leading adverbial).
    pub clause_start: usize,
}

const MODALS: &[&str] = &[
    "will", "shall", "must", "should", "can", "could", "would", "may", "might", "'ll", "wo",
];

impl Frame {
    pub fn new(a: &Analysis, times: &[TimeExpr], lexicon: &Lexicon) -> Frame {
        let toks = &a.tokens;
        let n = toks.len();
        let start = leading_adverbial_end(a, times, lexicon);
        let mut frame = Frame {
            subject: None,
            anchor: Anchor::None,
            head: None,
            object: None,
            passive: false,
            agent: None,
            copula: false,
            wish: None,
            negated: None,
            clause_start: start,
        };
        if start >= n {
            return frame;
        }
        // Find the anchor of the main clause.
        let mut anchor_at = None;
        let mut in_brackets = false;
        for i in start..n {
            let t = &toks[i];
            if t.sentence != toks[start].sentence {
                break;
            }
            // A placeholder in brackets ("(name)", "[child]") holds no verb.
            let surface = &a.text[t.span.clone()];
            if surface.starts_with(['[', '(', '<', '{']) && !surface.ends_with([']', ')', '>', '}'])
                || in_brackets
            {
                in_brackets = !surface.ends_with([']', ')', '>', '}']);
                continue;
            }
            // "instructions that can be understood": a modal in a relative
            // clause belongs to the noun before it, not to the main clause.
            let relative = i > start + 1
                && matches!(toks[i - 1].lower.as_str(), "that" | "which" | "who")
                && toks[i - 2].chunk == ChunkKind::Noun;
            if !relative
                && (t.pos == "MD" || (MODALS.contains(&t.lower.as_str()) && t.has_tag("MD")))
            {
                frame.anchor = Anchor::Modal;
                anchor_at = Some(i);
                break;
            }
            // "to attend", and negated: "to not smoke", "not to smoke".
            let verb_at = if i + 2 < n && is_not(&toks[i + 1]) {
                i + 2
            } else {
                i + 1
            };
            if t.lower == "to"
                && verb_at < n
                && toks[verb_at].has_tag("VB")
                && !toks[verb_at].has_tag("VBD")
            {
                let before_is_np = (start..i).all(|k| {
                    toks[k].chunk == ChunkKind::Noun
                        // The chunker sometimes reads "Attendance to reach" as one verb group.
                        || toks[k].pos.starts_with("NN") && i - start <= 3
                        || toks[k].lower == "for"
                        || is_not(&toks[k])
                        || toks[k].pos == "POS"
                        || toks[k].is_punct()
                        // A place or a setting after the noun: "Behaviour at
                        // home to improve", "Attendance at school to reach 95%".
                        || toks[k].pos == "IN"
                            && k > start
                            && toks[start].pos.starts_with("NN")
                            && toks.get(k + 1).is_some_and(|x| {
                                x.chunk == ChunkKind::Noun || x.pos.starts_with("NN")
                            })
                });
                if before_is_np {
                    frame.anchor = Anchor::Infinitive;
                    anchor_at = Some(i);
                    break;
                }
            }
            if i == start
                && is_leading_verb(a, i, lexicon)
                && !opens_with_owner(a, i, lexicon)
                && (modal_after_subject(a, i).is_none()
                    || prompts_a_person(a, i, lexicon)
                    || changes_before_a_purpose(a, i, lexicon))
            {
                frame.anchor = Anchor::Imperative;
                anchor_at = Some(i);
                break;
            }
            // "Never hit ...", "Just be happy", "Simply ask for help": a negation
            // or an adverb before a leading verb.
            if i == start {
                let negation = matches!(t.lower.as_str(), "not" | "never" | "don't" | "no");
                if negation {
                    frame.negated = Some(i);
                }
                let adverb = || {
                    t.pos == "RB"
                        && !opens_with_owner(a, i + 1, lexicon)
                        && modal_after_subject(a, i + 1).is_none()
                };
                if i + 1 < n && is_leading_verb(a, i + 1, lexicon) && (negation || adverb()) {
                    frame.anchor = Anchor::Imperative;
                    anchor_at = Some(i + 1);
                    break;
                }
            }
            // "I'm going to walk", "I'm never going to drink": a form of "be",
            // then "going to", the negation being the action's.
            let not = toks.get(i + 1).is_some_and(is_not) as usize;
            if i > start
                && is_be_form(t)
                && toks.get(i + 1 + not).is_some_and(|x| x.lower == "going")
                && toks.get(i + 2 + not).is_some_and(|x| x.lower == "to")
                && toks
                    .get(i + 3 + not)
                    .is_some_and(|x| x.tags.contains(&"VB"))
            {
                if not == 1 {
                    frame.negated = Some(i + 1);
                }
                frame.anchor = Anchor::Finite;
                anchor_at = Some(i);
                break;
            }
            // "Mum takes ...", and with adverbs between: "I just want to ...".
            let subject_before = {
                let mut k = i;
                while k > start + 1 && toks[k - 1].pos.starts_with("RB") {
                    k -= 1;
                }
                k > start && toks[k - 1].chunk == ChunkKind::Noun && (k == i || k - 1 == start)
            };
            let finite = t.has_tag("VBZ")
                || t.has_tag("VBD")
                || t.has_tag("VBP")
                || (i > start + 1 && toks[start].lower == "i" && t.has_tag("VB"));
            // "I don't eat ...", "Mum doesn't smoke": "do" before a negation
            // is an auxiliary, as a modal is.
            let do_support = t.is("do")
                && finite
                && toks
                    .get(i + 1)
                    .is_some_and(|x| matches!(x.lower.as_str(), "not" | "n't"))
                && toks.get(i + 2).is_some_and(|x| x.has_tag("VB"));
            if i > start && do_support && subject_before {
                frame.anchor = Anchor::Modal;
                anchor_at = Some(i);
                break;
            }
            if i > start && finite && t.chunk == ChunkKind::Verb && subject_before {
                frame.anchor = Anchor::Finite;
                anchor_at = Some(i);
                break;
            }
        }
        let Some(anchor_at) = anchor_at else {
            return frame;
        };
        // Subject: the words between the clause start and the anchor ("I" of "I'm").
        let mut subject_end = anchor_at;
        while subject_end > start && matches!(toks[subject_end - 1].lower.as_str(), "'" | "’") {
            subject_end -= 1;
        }
        // "I just want": an adverb before the verb is not part of the subject.
        // "Mum not to smoke": the negation is the action's.
        while subject_end > start + 1 && toks[subject_end - 1].pos.starts_with("RB") {
            subject_end -= 1;
            if is_not(&toks[subject_end]) {
                frame.negated = Some(subject_end);
            }
        }
        let mut subject_start = start;
        // "Not to smoke": a negation before the infinitive names nobody.
        while frame.anchor == Anchor::Infinitive
            && subject_start < subject_end
            && is_not(&toks[subject_start])
        {
            frame.negated.get_or_insert(subject_start);
            subject_start += 1;
        }
        if frame.anchor == Anchor::Infinitive && toks.get(start).is_some_and(|t| t.lower == "for") {
            subject_start += 1;
        }
        if subject_start < subject_end && frame.anchor != Anchor::Imperative {
            frame.subject = Some(subject_start..subject_end);
        }
        // Walk the verb chain to the main verb.
        let mut i = match frame.anchor {
            Anchor::Modal | Anchor::Infinitive => anchor_at + 1,
            _ => anchor_at,
        };
        let mut guard = 0;
        while i < n && guard < 12 {
            guard += 1;
            let t = &toks[i];
            if matches!(t.lower.as_str(), "not" | "n't" | "never") {
                frame.negated.get_or_insert(i);
                i += 1;
                continue;
            }
            // "will better manage", "will more actively take part": a comparative
            // before the verb modifies it.
            let comparative = matches!(t.lower.as_str(), "better" | "more" | "less");
            if (t.pos.starts_with("RB") || comparative)
                && t.lower != "no"
                && i + 1 < n
                && (toks[i + 1].has_tag("VB") && (!comparative || toks[i + 1].is_verb())
                    || comparative
                        && toks[i + 1].pos.starts_with("RB")
                        && toks.get(i + 2).is_some_and(|v| v.is_verb()))
            {
                i += 1;
                continue;
            }
            if t.lower == "no" && toks.get(i + 1).is_some_and(|x| x.lower == "longer") {
                frame.negated.get_or_insert(i);
                i += 2;
                continue;
            }
            // "I want my child to behave better": the wish is the writer's, the
            // action and its subject are the child's.
            if let Some((actor, verb)) = wish_for_someone(a, i) {
                frame.wish.get_or_insert(i);
                frame.subject = Some(actor);
                i = verb;
                continue;
            }
            // "be able to", "want to", "try to", "need to": wrappers around the action.
            if let Some(skip) = wrapper_len(a, i, lexicon) {
                if !matches!(t.lower.as_str(), "be" | "is" | "are" | "am") || t.is("want") {
                    frame.wish.get_or_insert(i);
                }
                if let Some(not) = (i..i + skip).find(|&k| toks[k].lower == "not") {
                    frame.negated.get_or_insert(not);
                }
                i += skip;
                continue;
            }
            if t.is("be") || is_be_form(t) {
                let mut j = i + 1;
                while j < n && toks[j].pos.starts_with("RB") {
                    if is_not(&toks[j]) {
                        frame.negated.get_or_insert(j);
                    }
                    j += 1;
                }
                // "be stressed", "be worried": a feeling, not a passive; nor is
                // "be fit", an adjective the tagger reads as a participle.
                let passive = j < n
                    && !contains(&lexicon.feeling_participles, &toks[j].lower)
                    && !contains(&lexicon.participle_lookalikes, &toks[j].lower)
                    && (toks[j].has_tag("VBN") && !toks[j].has_tag("JJ") || toks[j].pos == "VBN");
                if passive {
                    frame.passive = true;
                    frame.head = Some(j);
                } else if j < n
                    && toks[j].lower == "going"
                    && toks.get(j + 1).is_some_and(|x| x.lower == "to")
                    && toks.get(j + 2).is_some_and(|x| x.tags.contains(&"VB"))
                {
                    i = j + 2;
                    continue;
                } else {
                    frame.copula = true;
                    frame.head = Some(i);
                }
                break;
            }
            // "will no longer miss appointments": the tagger may read the word
            // after a negated modal as a noun, but only a verb can stand there.
            let after_negated_modal = frame.anchor == Anchor::Modal
                && frame
                    .negated
                    .is_some_and(|k| i == k + 1 || toks[k].lower == "no" && i == k + 2)
                && t.pos.starts_with("NN")
                && t.lower.chars().all(|c| c.is_ascii_lowercase());
            if t.has_tag("VB")
                || t.is_verb()
                || after_negated_modal
                || (frame.anchor == Anchor::Imperative && i == anchor_at)
            {
                frame.head = Some(i);
                break;
            }
            break;
        }
        let Some(head) = frame.head else {
            return frame;
        };
        frame.object = object_after(a, head, times);
        if frame.passive {
            let in_time = |k: usize| {
                times
                    .iter()
                    .any(|t| t.span.start <= toks[k].span.start && toks[k].span.end <= t.span.end)
            };
            frame.agent = (head + 1..n)
                .find(|&k| {
                    toks[k].lower == "by"
                        && !in_time(k)
                        // "by 10 per cent", "by 5 kg": an amount of change, not who.
                        && toks.get(k + 1).is_some_and(|x| {
                            x.chunk == ChunkKind::Noun
                                && !x.has_tag("CD")
                                && !x.lower.starts_with(|c: char| c.is_ascii_digit())
                        })
                })
                .map(|k| {
                    let mut e = k + 1;
                    while e < n && toks[e].chunk == ChunkKind::Noun {
                        e += 1;
                    }
                    k + 1..e
                });
        }
        frame
    }

    /// The main verb's lemma, if there is a main verb.
    pub fn head_lemma<'a>(&self, a: &'a Analysis) -> Option<&'a str> {
        self.head.map(|h| a.tokens[h].lemma())
    }
}

/// "want my child to behave", "would like Sam to read": a wish for someone
/// else's action, as the someone's token range and the index of their verb.
fn wish_for_someone(a: &Analysis, i: usize) -> Option<(Range<usize>, usize)> {
    let toks = &a.tokens;
    let wish = toks[i].is("want") || toks[i].is("like") && i > 0 && toks[i - 1].lower == "would";
    if !wish {
        return None;
    }
    let start = i + 1;
    let mut end = start;
    // "him", "her", "my son", "Sam", "our children": a short noun phrase.
    while end < toks.len()
        && end < start + 3
        && (toks[end].pos.starts_with("NN") || matches!(toks[end].pos, "PRP" | "PRP$"))
    {
        end += 1;
    }
    let is_to = toks.get(end).is_some_and(|t| t.lower == "to");
    let verb = toks.get(end + 1).is_some_and(|t| t.has_tag("VB"));
    (end > start && is_to && verb).then_some((start..end, end + 1))
}

/// Length of a wrapper such as "be able to", "want to", "would like to", "try to".
fn wrapper_len(a: &Analysis, i: usize, lexicon: &Lexicon) -> Option<usize> {
    let toks = &a.tokens;
    for phrase in &lexicon.intention_verbs {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        let mut end = i + words.len();
        // "try not to fall": the negation goes with the action.
        let not = toks.get(end).is_some_and(|t| t.lower == "not");
        if not {
            end += 1;
        }
        if end < toks.len()
            && words.iter().enumerate().all(|(k, w)| toks[i + k].is(w))
            && toks[end].lower == "to"
            && toks.get(end + 1).is_some_and(|x| {
                x.has_tag("VB")
                    // "commit to walking": "to" is a preposition before the action.
                    || words[0] == "commit" && x.pos == "VBG"
            })
        {
            return Some(words.len() + 1 + usize::from(not));
        }
    }
    None
}

/// "not" or "never": a negation that belongs to the action.
fn is_not(t: &Token) -> bool {
    matches!(t.lower.as_str(), "not" | "never")
}

/// The object or complement after the main verb: particles, then the noun phrase,
/// continued through "of" ("the importance of school").
fn object_after(a: &Analysis, head: usize, times: &[TimeExpr]) -> Option<Range<usize>> {
    let toks = &a.tokens;
    let in_time = |k: usize| {
        times.iter().any(|t| {
            t.kind.is_concrete()
                && t.span.start <= toks[k].span.start
                && toks[k].span.end <= t.span.end
        })
    };
    let n = toks.len();
    let mut i = head + 1;
    while i < n
        && (toks[i].pos == "RP" || (toks[i].pos.starts_with("RB") && toks[i].lower != "not"))
    {
        i += 1;
    }
    // "engage with services", "work on", "get to school": a preposition then a noun phrase.
    if i < n
        && matches!(toks[i].pos, "IN" | "TO")
        && toks.get(i + 1).is_some_and(|x| x.chunk == ChunkKind::Noun)
    {
        i += 1;
    }
    let start = i;
    while i < n {
        let t = &toks[i];
        if in_time(i) {
            break;
        }
        // "learn English": a capitalised word the tagger also reads as a
        // proper noun names a thing, though the chunker left it out.
        let proper = t.has_tag("NNP") && a.text[t.span.clone()].starts_with(char::is_uppercase);
        let in_np = t.chunk == ChunkKind::Noun || t.chunk == ChunkKind::Adjective || proper;
        let joins = (t.lower == "of" || t.pos == "POS" || t.lower == "'")
            && toks.get(i + 1).is_some_and(|x| x.chunk == ChunkKind::Noun);
        if in_np || joins {
            i += 1;
        } else {
            break;
        }
    }
    (i > start).then_some(start..i)
}

pub use super::owner::{classify_owner, names_person, Owner};

/// A form of "be", including the halves of a contraction ("'m", "'re").
fn is_be_form(t: &crate::core::nlp::Token) -> bool {
    matches!(
        t.lower.as_str(),
        "am" | "is" | "are" | "m" | "'m" | "’m" | "re" | "'re" | "’re"
    )
}

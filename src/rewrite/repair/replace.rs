//! Replacement actions for an objective whose own action is not observable: a
//! verb repair from `data/rewrite.toml` that keeps the writer's object (and any
//! second action after it), and the nearest exemplars' actions, offered only
//! when they address the same thing and name no risk the writer did not.

use super::text::{base_form, decapitalise, object_form, split_kept, subtract, tidy};
use super::{Change, Repairer, Source, ACTION_RULES, VERB_REPAIR_PRIOR};
use crate::core::finding::{Criterion, RuleId};
use crate::core::frame::Owner;
use crate::rewrite::draft::{parse_template, Piece};
use crate::rewrite::exemplars::Actor;

impl Repairer<'_> {
    /// True when the token at `k` is "better" followed by "at" and a skill
    /// ("get better at fractions"), not a place ("do better at school").
    pub(super) fn better_at_a_skill_from(&self, k: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        let places = &self.templates.kinds.habit_places;
        toks.get(k).is_some_and(|t| t.is("better"))
            && toks.get(k + 1).is_some_and(|t| t.is("at"))
            && !toks[k + 2..]
                .iter()
                .take_while(|t| t.is_noun() || matches!(t.pos, "DT" | "PRP$" | "JJ"))
                .any(|t| places.contains(&t.lower))
    }

    /// True for "be better at maths": a copula's "better at" and a skill.
    pub(super) fn better_at_a_skill(&self) -> bool {
        self.x.frame.copula
            && self
                .x
                .frame
                .head
                .is_some_and(|h| self.better_at_a_skill_from(h + 1))
    }

    /// Replacement actions: a verb repair that keeps the object, the person
    /// taken somewhere instead of made to go, then the nearest exemplars'.
    pub(super) fn replaced_actions(&self) -> Vec<Action> {
        let mut out = Vec::new();
        out.extend(self.provision_action());
        out.extend(self.limited_habit_action());
        out.extend(self.given_up_action());
        out.extend(self.verb_repair_action(false));
        out.extend(self.taken_action());
        out.extend(self.exemplar_actions());
        out
    }

    /// The end of a list of noun phrases that continues at `end` after a comma
    /// (", chips and candy, and junk foods"), short of any time; `end` when none
    /// does.
    fn noun_list_end(&self, end: usize) -> usize {
        let toks = &self.x.analysis.tokens;
        if toks.get(end).is_none_or(|t| t.lower != ",") {
            return end;
        }
        let in_a_time = |t: &crate::core::nlp::Token| {
            self.x.times.iter().any(|x| x.span.contains(&t.span.start))
        };
        crate::rewrite::intent::noun_list_end(toks, end, in_a_time).unwrap_or(end)
    }

    /// Why the writer's action is replaced, for the change note.
    fn why_replaced(&self) -> &'static str {
        if self.x.failed(RuleId::StopBehaviour) {
            "is a behaviour to stop: replaced with a behaviour to see"
        } else if self.x.failed(RuleId::WeakVerb) {
            "is a state of mind nobody can see: replaced with an observable action"
        } else if self.x.failed(RuleId::OutsideControl) {
            "makes the person answerable for someone else: replaced with what they will do themselves"
        } else if self.x.failed(RuleId::StatusOutcome) {
            "is an end state, not a step: replaced with a step within reach"
        } else if self.x.failed(RuleId::VagueStandard)
            && !ACTION_RULES.iter().any(|&r| self.x.failed(r))
        {
            "sets a standard nobody has defined: replaced with what shows it is met"
        } else {
            "is not a detailed action: replaced with an observable one"
        }
    }

    /// A detailed action has nothing to count ("regulate her emotions"): the
    /// repair written for that verb and that kind of object, when there is one,
    /// says what to count. A repair for the verb alone is not offered.
    pub(super) fn object_repair_action(&self) -> Option<Action> {
        self.verb_repair_action(true)
    }

    /// A verb repair from `data/rewrite.toml` that keeps the writer's object,
    /// and any second action after it; with `for_object_only`, only a repair
    /// that names the object's kind.
    fn verb_repair_action(&self, for_object_only: bool) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        let what = self.action_text();
        let (why, letter) = if for_object_only {
            (
                "has nothing to count: replaced with an action that has",
                Criterion::M,
            )
        } else {
            (self.why_replaced(), Criterion::S)
        };
        let head = self.x.frame.head?;
        {
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
            // "get better at fractions": the skill after "at" is what improves
            // ("do better at school" names a place, not a skill).
            let after_phrase = if self.better_at_a_skill_from(after_phrase - 1) {
                after_phrase + 1
            } else {
                after_phrase
            };
            // A passive's subject is what is acted on ("the family will be supported").
            let passive_subject = self
                .x
                .frame
                .passive
                .then(|| self.x.frame.subject.clone())
                .flatten();
            let object_range = passive_subject
                .or_else(|| self.x.frame.object.clone())
                .or_else(|| match &self.x.owner {
                    // "Home conditions to improve": the subject is what changes.
                    Some(Owner::Thing(_)) => self.x.frame.subject.clone(),
                    _ => None,
                })
                .or_else(|| {
                    // "reach out to stakeholders": the object follows the phrase;
                    // "know how to keep safe online": a wh-clause is the object.
                    let end = self.clause_end(after_phrase);
                    let starts_object = toks.get(after_phrase).is_some_and(|t| {
                        t.chunk == crate::core::nlp::ChunkKind::Noun
                            || (t.is_noun() && toks[after_phrase - 1].is("at"))
                            || matches!(t.lower.as_str(), "how" | "what" | "why" | "when" | "who")
                    });
                    (end > after_phrase && starts_object).then_some(after_phrase..end)
                });
            // "improve in school": a preposition between the verb and its object
            // is part of the meaning a repair would lose.

            let object_range = object_range.filter(|r| {
                r.end <= head
                    || (after_phrase..r.start.max(after_phrase))
                        .all(|k| !matches!(toks[k].pos, "IN" | "TO"))
            });
            // The object runs on to the end of the clause: "people at risk with HIV messages".
            // ... and starts after the verb phrase ("be aware of | the risks").
            // A subject as the object ("Home conditions to improve") stays whole.
            // ... and over a list the comma ended ("avoid sugary drinks, chips
            // and candy").
            let object_range = object_range
                .map(|r| {
                    if r.end <= head {
                        r
                    } else {
                        let end = self.clause_end(r.end).max(r.end);
                        r.start.max(after_phrase)..self.noun_list_end(end)
                    }
                })
                .filter(|r| !r.is_empty());
            // A comparative or a manner at the object's end is not part of it
            // ("his anger better", "our money well").
            let object_range = object_range.map(|r| {
                let mut end = r.end;
                while end > r.start
                    && (matches!(toks[end - 1].pos, "RBR" | "JJR")
                        || matches!(
                            toks[end - 1].lower.as_str(),
                            "better" | "worse" | "more" | "less" | "well"
                        ))
                {
                    end -= 1;
                }
                r.start..end
            });
            // "improve his language skills | to correlate with ...": a purpose
            // clause is not part of the object; it follows the repaired action.
            // "how to tell the time" is what is learnt, not a purpose; "in
            // order for him to ..." is a purpose from its "in order".
            let purpose = object_range.as_ref().and_then(|r| {
                (r.start + 1..r.end)
                    .find(|&k| self.opens_a_purpose(r.start, k))
                    .map(|k| {
                        let from = (r.start + 1..k)
                            .rev()
                            .take(4)
                            .find(|&j| {
                                toks[j].lower == "in"
                                    && toks.get(j + 1).is_some_and(|t| t.lower == "order")
                            })
                            .unwrap_or(k);
                        from..r.end
                    })
            });
            // "encourage the patient to drink more": after a verb of getting
            // someone to act, the "to" clause is what they will do, not why;
            // no repair of the verb alone keeps it.
            if purpose.is_some() && self.head_is_one_of(&self.templates.kinds.urging_verbs) {
                return None;
            }
            // "improve patient's breathing": the patient acts, on "their breathing".
            let role_owned = self.role_owner().map(|(role, _)| role);
            let object_range = object_range.map(|r| match &role_owned {
                Some(role) if role.start == r.start && role.end < r.end => role.end..r.end,
                _ => r,
            });
            let object_clause_end = object_range.as_ref().map(|r| r.end);
            let object_range = match (&object_range, &purpose) {
                (Some(r), Some(p)) => Some(r.start..p.start),
                _ => object_range,
            };
            // "Maisie's communication will improve": what changes is hers.
            let possessed = object_range.is_none().then(|| self.possessed()).flatten();
            let object_words: Vec<String> = match (&object_range, &possessed) {
                (Some(r), _) => toks[r.clone()].iter().map(|t| t.lower.clone()).collect(),
                (None, Some(p)) => p.split_whitespace().map(str::to_lowercase).collect(),
                _ => Vec::new(),
            };
            let verb_matches = |phrase: &str| {
                let words: Vec<&str> = phrase.split_whitespace().collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
            };
            let repair = self
                .templates
                .verb_repair(verb_matches, &object_words)
                .filter(|r| {
                    !for_object_only || !r.object_words.is_empty() || !r.object_heads.is_empty()
                });
            if let Some(repair) = repair {
                // A writer's own goal brings in no worker it did not name.
                let repair_action = repair.action_for(self.the_writer_acts());
                let object_end = object_clause_end.or(object_range.as_ref().map(|r| r.end));
                // "get better at maths" -> "improve my maths", not "improve maths".
                // "check patient's fluid intake" -> "check the patient's ...".
                let owner = object_range.clone().and_then(|r| {
                    if role_owned.as_ref().is_some_and(|role| role.end == r.start) {
                        Some("their")
                    } else if self.bare_role_owns(r.start) {
                        Some("the")
                    } else if repair_action.starts_with("improve {object}") {
                        self.owner_of_bare_object(r, head)
                    } else if repair_action.contains("[which one of {object}]")
                        && self.bare_noun_phrase(r.start)
                    {
                        // "use [which one of their coping skills]", not "of coping skills".
                        Some(self.possessive_of_subject())
                    } else {
                        None
                    }
                });
                let object_range_bytes = object_range.clone().map(|r| self.x.analysis.byte_span(r));
                let object = object_range_bytes
                    .as_ref()
                    .map(|r| object_form(&self.quote_inside(r)))
                    .or(possessed);
                if !repair_action.contains("{object}") || object.is_some() {
                    let verb = base_form(&toks[head]);
                    let object_text = object.as_deref().unwrap_or("");
                    let owned_object = match owner {
                        Some(owner) => format!("{owner} {object_text}"),
                        None => object_text.to_string(),
                    };
                    let action = self.fill_verb_repair(
                        repair_action,
                        &owned_object,
                        &verb,
                        object_range.clone(),
                    );
                    // The object is the writer's own words: keep them marked as kept,
                    // asking which one exactly when it is a general category.
                    // ... except when the repair reads it on a named measure, which
                    // says what is counted ("improve behaviour ... on [which measure]"),
                    // or already asks which one ("use [which one of ...]") or what
                    // is done ("build his relationship ... on [which agreed activity]").
                    let which = self.which_insertion().filter(|_| {
                        !repair_action.contains("[which measure]")
                            && !repair_action.contains("[which one")
                            && !repair_action.contains("[which agreed activity]")
                    });
                    let object_start = object_range_bytes.as_ref().map(|r| r.start);
                    let mut pieces = split_kept(
                        &action,
                        object.as_deref(),
                        which
                            .zip(object_start)
                            .map(|(w, o)| w.start.saturating_sub(o)..w.end.saturating_sub(o)),
                    );
                    if let Some(p) = &purpose {
                        pieces.push(Piece::kept(
                            self.quote(&self.x.analysis.byte_span(p.clone())),
                        ));
                    }
                    if let Some(rest) = object_end.and_then(|end| self.second_action(end)) {
                        pieces.push(Piece::added(","));
                        pieces.push(Piece::kept(rest));
                    }
                    return Some((
                        pieces,
                        vec![Change::new(letter, format!("'{what}' {why}"))],
                        Source::VerbRepair,
                        VERB_REPAIR_PRIOR,
                    ));
                }
            }
        }
        None
    }

    /// A provision written as a noun phrase ("access to an educational
    /// psychologist", "regular opportunities for movement breaks"): the action that
    /// gives it, from `[[provision]]` in `data/rewrite.toml`, when nobody is named.
    fn provision_action(&self) -> Option<Action> {
        let toks = &self.x.analysis.tokens;
        if self.x.frame.subject.is_some() {
            return None;
        }
        let vague = &self.templates.kinds.vague_frequency_adverbs;
        // "the", "regular", "appropriate": nothing said about amount or which.
        let start = toks.iter().position(|t| {
            !(t.pos == "DT"
                || matches!(
                    t.lower.as_str(),
                    "regular" | "appropriate" | "ongoing" | "frequent"
                )
                || vague.contains(&t.lower))
        })?;
        let (provision, len) = self.templates.provisions.iter().find_map(|p| {
            p.opens.iter().find_map(|o| {
                let words: Vec<&str> = o.split_whitespace().collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(start + k).is_some_and(|t| t.lower == *w))
                    .then_some((p, words.len()))
            })
        })?;
        let from = start + len;
        let end = self.clause_end(from);
        if end <= from {
            return None;
        }
        let rest = self.quote(&self.x.analysis.byte_span(from..end));
        let action = provision.action.replace("{rest}", &rest);
        let what = self.quote(&self.x.analysis.byte_span(start..end));
        Some(keeping(
            &action,
            &rest,
            Change::new(
                Criterion::S,
                format!("'{what}' is a provision with no action: wrote the action that gives it, and to whom"),
            ),
            Source::Provision,
            VERB_REPAIR_PRIOR,
        ))
    }

    /// True when the objective says how often with a share of occasions
    /// ("4 of 5 lessons", "80% of the time").
    pub(super) fn says_how_often(&self) -> bool {
        self.x
            .indicators
            .iter()
            .any(|i| i.counts_occasions(self.text()))
    }

    /// The nearest exemplars' actions that address the same thing.
    pub(super) fn exemplar_actions(&self) -> Vec<Action> {
        let what = self.action_text();
        let why = self.why_replaced();
        let mut out = Vec::new();
        let pronouns = self.pronouns();
        let subject_nouns = self.subject_nouns();
        for &(i, similarity) in self.nearest {
            let e = &self.bank.exemplars[i];
            // Offered only when it addresses the same thing: near enough in
            // meaning, and sharing a content word with the objective.
            let same_thing = similarity >= self.min_similarity
                && self
                    .intent
                    .share_a_content_word(self.text(), &format!("{} {}", e.vague, e.action));
            if !same_thing {
                continue;
            }
            if e.actor == Actor::Person && self.a_professional_acts() {
                continue;
            }
            let action = pronouns.apply(&e.action);
            // "... 80% of the time", "in 4 of 5 lessons": the writer already
            // says how often, so an action that brings its own count of
            // occasions ("in [N of M] lessons each day") would say it twice.
            if self.says_how_often() && action.contains("[N of M]") {
                continue;
            }
            // An exemplar written for someone acting on the subject ("keep the
            // children away from ...") would have the subject act on itself.
            let acts_on_subject = action
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| subject_nouns.iter().any(|n| n.eq_ignore_ascii_case(w)));
            // An exemplar about a risk nobody raised would read as an allegation.
            if acts_on_subject
                || self.keeps_the_given_up_habit(&e.vague, &action)
                || !self.intent.fits_the_setting(&action, self.text())
                || !self
                    .intent
                    .safe_to_offer(&action, self.text(), self.concern)
            {
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

    /// "and report any concerns" after the object: a second action the writer
    /// asked for, kept as written (without the times and methods the tail carries).
    fn second_action(&self, from: usize) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let first = toks.get(from)?;
        let next = toks.get(from + 1)?;
        if !matches!(first.lower.as_str(), "and" | "or")
            || !matches!(next.pos, "VB" | "VBP" | "VBZ")
        {
            return None;
        }
        // To the end of the sentence or the first time (the tail carries times).
        let in_time = |k: usize| {
            self.x.times.iter().any(|t| {
                t.kind.is_concrete()
                    && t.span.start <= toks[k].span.start
                    && toks[k].span.start < t.span.end
            })
        };
        let end = (from + 2..toks.len())
            .find(|&k| {
                (toks[k].is_punct() && toks[k].pos != "POS" && toks[k].lower != "'") || in_time(k)
            })
            .unwrap_or(toks.len());
        let text = self.quote(&(first.span.start..toks[end - 1].span.end));
        (text.split_whitespace().count() > 1).then_some(text)
    }

    /// The possessed part of a possessive subject with the owner's pronoun:
    /// "Maisie's communication" gives "their communication".
    pub(super) fn possessed(&self) -> Option<String> {
        let toks = &self.x.analysis.tokens;
        let subject = self.x.frame.subject.clone()?;
        let pos = subject.clone().rev().find(|&k| toks[k].is_possessive())?;
        if pos + 1 >= subject.end {
            return None;
        }
        let words = self.quote(&self.x.analysis.byte_span(pos + 1..subject.end));
        Some(format!("{} {words}", self.pronouns().possessive()))
    }

    /// "Mum will make sure Leah goes to school": the person named is taken
    /// there, which is in Mum's control ("Mum will take Leah to school").
    fn taken_action(&self) -> Option<Action> {
        if !self.x.failed(RuleId::OutsideControl) {
            return None;
        }
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        let (_, control) = self.phrase_at_head(&self.lexicon.control_verbs)?;
        // The person, then "go", "attend" or "get" to the place.
        let verb = (control.end..toks.len().min(control.end + 6)).find(|&k| {
            toks[k].is_verb() && ["go", "attend", "get"].iter().any(|v| toks[k].is(v))
        })?;
        // "make sure that Leah goes": the "that" is not part of the person.
        let from =
            control.end + usize::from(toks.get(control.end).is_some_and(|t| t.lower == "that"));
        let person = from..verb;
        if person.is_empty()
            || !toks[person.clone()]
                .iter()
                .any(|t| t.is_noun() || t.pos.starts_with("PRP"))
        {
            return None;
        }
        let person = self.quote(&self.x.analysis.byte_span(person));
        let rest_start = toks.get(verb + 1)?.span.start;
        // The times go to the tail, which carries them.
        let times: Vec<std::ops::Range<usize>> = self
            .x
            .times
            .iter()
            .filter(|t| t.kind.is_concrete())
            .map(|t| t.span.clone())
            .collect();
        let rest: Vec<String> = subtract(rest_start..self.text().len(), &times)
            .into_iter()
            .map(|r| self.text()[r].to_string())
            .collect();
        let rest = tidy(&rest.join(" "));
        let to = if toks[verb].is("attend") { "to " } else { "" };
        let habit = toks[verb + 1..]
            .iter()
            .any(|t| self.templates.kinds.habit_places.contains(&t.lower));
        let recurs =
            crate::core::time::any_of_kind(&self.x.times, crate::core::time::TimeKind::Recurrence);
        let _ = head;
        let mut pieces = vec![
            Piece::added("take"),
            Piece::kept(decapitalise(&person)),
            Piece::kept(format!("{to}{rest}")),
        ];
        if habit && !recurs {
            pieces.extend(crate::rewrite::draft::template(
                &self.templates.assembly.quantity,
            ));
        }
        Some((
            pieces,
            vec![Change::new(
                Criterion::A,
                format!("'{}' makes the person answerable for someone else: said what they will do themselves (take {person} there)", self.action_text()),
            )],
            Source::Taken(habit),
            VERB_REPAIR_PRIOR,
        ))
    }

    /// The longest phrase of `list` (lemmas) at the head, with its token range.
    fn phrase_at_head(&self, list: &[String]) -> Option<(String, std::ops::Range<usize>)> {
        let toks = &self.x.analysis.tokens;
        let head = self.x.frame.head?;
        list.iter()
            .filter_map(|p| {
                let words: Vec<&str> = p.split_whitespace().collect();
                words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks.get(head + k).is_some_and(|t| t.is(w)))
                    .then(|| (p.clone(), head..head + words.len()))
            })
            .max_by_key(|(_, r)| r.len())
    }
}

/// An action whose `kept` words are the writer's own, with its one change.
pub(super) fn keeping(
    action: &str,
    kept: &str,
    change: Change,
    source: Source,
    prior: f32,
) -> Action {
    (
        split_kept(action, Some(kept), None),
        vec![change],
        source,
        prior,
    )
}

/// A candidate action: its pieces, what changed, where it came from, its prior.
pub(super) type Action = (Vec<Piece>, Vec<Change>, Source, f32);

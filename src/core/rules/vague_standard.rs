//! `vague-standard` (M): a standard nobody has defined ("appropriate behaviour",
//! "adequate hydration", "a normal bowel pattern", "supervise the children
//! properly"), so nobody can say when it has been met.

use super::{Context, Examples, Hit, Rule, RuleId};
use crate::core::finding::{Criterion, Edit, Repair};
use crate::core::lexicon::contains;
use std::ops::Range;

pub struct VagueStandard;

/// Words after the standard that go on to define it: "appropriate behaviour
/// (raise hand, wait her turn)", "normal lung sounds as evidenced by ...".
const DEFINED_BY: &[&str] = &[
    "(",
    ":",
    "such as",
    "e.g.",
    "i.e.",
    "for example",
    "as evidenced by",
    "evidenced by",
    "as shown by",
    "as measured by",
    "as defined",
    "defined as",
    "which means",
    "meaning",
];

/// True when an amount says how much the standard is ("an adequate intake of
/// 1.5 litres a day"); a share of occasions ("80% of the time", "in 4 of 5
/// lessons") only says how often an undefined standard is met.
fn defines_by_amount(cx: &Context<'_>) -> bool {
    cx.indicators.iter().any(|i| {
        crate::core::analysis::QUANTITY_KINDS.contains(&i.kind) && !i.counts_occasions(cx.text())
    })
}

impl Rule for VagueStandard {
    fn id(&self) -> RuleId {
        RuleId::VagueStandard
    }
    fn criterion(&self) -> Criterion {
        Criterion::M
    }
    fn summary(&self) -> &'static str {
        "A standard nobody has defined ('appropriate behaviour', 'adequate hydration', 'a normal pattern')"
    }
    fn guidance(&self) -> &'static str {
        "M = Measurable: what does success look like, and how will we know? Ask: how many? How much? How do I know if I have reached my goal?"
    }
    fn examples(&self) -> Examples {
        Examples {
            flags: &[
                "Mum will provide appropriate supervision when the children play outside",
                "Dad will keep the home to an adequate standard by 1 June",
                "Client will have a normal bowel pattern by 3 March",
                "Leah will demonstrate age-appropriate play skills",
                "Grandad will supervise the children properly at bath time from this week",
                // How often an undefined standard is met does not define it.
                "Noah will use appropriate language with staff 90% of the time",
            ],
            allows: &[
                "Mum will make sure an adult watches the children whenever they play outside, checked at each visit",
                "Client will open her bowels at least every 3 days, recorded on the stool chart, by 3 March",
                "When he wants attention, Sam will appropriately get an adult's attention (raise his hand, say their name) in 4 of 5 chances",
                "Client will have normal lung sounds as evidenced by no wheeze on auscultation at the end of each shift",
                "Mum will use the speech and language therapy service as appropriate",
            ],
        }
    }
    fn check(&self, cx: &Context<'_>) -> Vec<Hit> {
        if defines_by_amount(cx) || !cx.methods.is_empty() {
            return Vec::new();
        }
        let toks = &cx.a.tokens;
        // The action and what it acts on: an adverb just before the verb
        // ("properly supervise") up to a few words past the object ("keep the
        // home to an adequate standard").
        let (from, to) = match cx.frame.head {
            Some(h) => (
                h.saturating_sub(1),
                cx.frame.object.as_ref().map_or(h + 4, |o| o.end + 4),
            ),
            None => (0, toks.len()),
        };
        let to = to.min(toks.len());
        let text = cx.text();
        (from..to)
            .filter(|&k| contains(&cx.lexicon.vague_standards, &toks[k].lower))
            // "as appropriate", "where appropriate": when, not how well.
            .filter(|&k| {
                k == 0
                    || !matches!(
                        toks[k - 1].lower.as_str(),
                        "as" | "where" | "when" | "if" | "whenever"
                    )
            })
            .find(|&k| {
                let after = text[toks[k].span.end..].trim_start().to_lowercase();
                !DEFINED_BY.iter().any(|d| after.contains(d))
            })
            .map(|k| {
                let word = toks[k].lower.clone();
                // "an adequate amount of fluid", "appropriate supervision": the
                // phrase whose standard the team must spell out.
                let repair = noun_phrase(cx, k).map(|phrase| {
                    let span = toks[phrase.start].span.start..toks[phrase.end - 1].span.end;
                    let quoted = cx.text()[span.clone()].to_lowercase();
                    Repair {
                        edits: vec![Edit::Placeholder {
                            span,
                            label: format!("what counts as {quoted}"),
                        }],
                        note: format!("'{quoted}' was not defined: asked what counts as it"),
                    }
                });
                vec![Hit {
                    span: toks[k].span.clone(),
                    message: format!(
                        "'{word}' sets a standard nobody has defined, so nobody can say when it has been met"
                    ),
                    suggestion: format!(
                        "Say what '{word}' looks like in a way anyone can check, e.g. 'an adult in the room whenever the children are in the bath', 'bowels open at least every 3 days, recorded on the stool chart'"
                    ),
                    repair,
                }]
            })
            .unwrap_or_default()
    }
}

/// The noun phrase an adjective at `k` stands in, as a token range: its
/// determiner, modifiers and noun, continued through "of" ("an adequate amount
/// of food"). None when the word modifies a verb ("supervise properly").
fn noun_phrase(cx: &Context<'_>, k: usize) -> Option<Range<usize>> {
    let toks = &cx.a.tokens;
    // "age-appropriate vocabulary": the tagger knows no hyphenated standard,
    // which before a noun is an adjective.
    let unknown_compound = toks[k].pos == "UNKNOWN"
        && toks[k].lower.contains('-')
        && toks.get(k + 1).is_some_and(|t| t.pos.starts_with("NN"));
    // "a normal bowel pattern": the tagger may prefer a noun reading of the
    // standard before a noun; its adjective reading is the one meant.
    let adjective_before_noun =
        toks[k].has_tag("JJ") && toks.get(k + 1).is_some_and(|t| t.pos.starts_with("NN"));
    if !toks[k].pos.starts_with("JJ")
        && toks[k].pos != "VBN"
        && !unknown_compound
        && !adjective_before_noun
    {
        return None;
    }
    let mut start = k;
    while start > 0 && matches!(toks[start - 1].pos, "DT" | "PRP$" | "JJ" | "RB") {
        start -= 1;
    }
    let noun = |t: &crate::core::nlp::Token| t.pos.starts_with("NN") || t.pos.starts_with("JJ");
    let mut end = k + 1;
    while end < toks.len() && noun(&toks[end]) {
        end += 1;
    }
    if end == k + 1 || !toks[end - 1].pos.starts_with("NN") {
        return None;
    }
    // "... amount of food": the thing measured goes with it.
    if toks.get(end).is_some_and(|t| t.lower == "of") {
        let mut after = end + 1;
        while toks
            .get(after)
            .is_some_and(|t| matches!(t.pos, "DT" | "PRP$" | "JJ"))
        {
            after += 1;
        }
        let nouns = (after..toks.len())
            .take_while(|&j| toks[j].pos.starts_with("NN"))
            .count();
        if nouns > 0 {
            end = after + nouns;
        }
    }
    Some(start..end)
}

crate::rule_examples_test!(super::VagueStandard);

//! The edits the failing findings' repairs ask for (drops, placeholders, an
//! amount or a comparative's figure), and the vague times and emphatic asides
//! every candidate drops.

use super::{text, Change, Repairer};
use crate::core::finding::{Edit, Severity};
use crate::core::measure::phrase_spans;
use crate::rewrite::draft::Piece;
use crate::rewrite::templates::Templates;
use std::ops::Range;

/// The edits the findings' repairs ask for, gathered for the candidates.
#[derive(Default)]
pub(super) struct Edits {
    /// Spans of the writer's text to drop.
    pub(super) deletions: Vec<Range<usize>>,
    /// Pieces to put at byte offsets of the writer's text.
    pub(super) insertions: Vec<(usize, Vec<Piece>)>,
    pub(super) changes: Vec<Change>,
    /// The action needs an amount or a frequency.
    pub(super) need_quantity: bool,
    /// A comparative was given its figure: no other quantity is needed.
    pub(super) compared: bool,
    /// Spans a rule's placeholder replaces.
    pub(super) placeholder_spans: Vec<Range<usize>>,
}

impl Repairer<'_> {
    /// The emphatic asides to drop (see [`emphatic_asides`]).
    pub(super) fn emphatic_asides(&self) -> Vec<Range<usize>> {
        emphatic_asides(&self.x.analysis, self.templates)
    }

    /// The vague times and emphatic asides to drop, then the repairs of every
    /// failing finding, in the order of the findings.
    pub(super) fn edits(&self) -> Edits {
        let mut edits = Edits::default();
        // "at all times" is what a condition held at all times is about: it
        // stays; other vague times go.
        let held = self.holds_at_all_times();
        for t in &self.x.times {
            // ("always" is no time span: only the vague "at all times" is one.)
            let all_times = self.text()[t.span.clone()]
                .to_lowercase()
                .contains("at all times");
            if !(t.kind.is_concrete() || held && all_times) {
                edits.deletions.push(t.span.clone());
            }
        }
        edits.deletions.extend(self.emphatic_asides());
        for f in &self.x.judgment.findings {
            let Some(repair) = f.repair.as_ref().filter(|_| f.severity == Severity::Error) else {
                continue;
            };
            // Two rules that ask for one placeholder over the same words ("out
            // of reach" and "an end point") give it once, with the first note.
            if repair.edits.iter().any(|e| {
                matches!(e, Edit::Placeholder { span, .. }
                    if edits.placeholder_spans.iter().any(|p| text::overlaps(p, span)))
            }) {
                continue;
            }
            for edit in &repair.edits {
                match edit {
                    Edit::Delete(span) => edits.deletions.push(span.clone()),
                    Edit::Placeholder { span, label } => {
                        edits.deletions.push(span.clone());
                        edits.placeholder_spans.push(span.clone());
                        edits
                            .insertions
                            .push((span.start, vec![Piece::placeholder(label.clone())]));
                    }
                    Edit::NeedQuantity => edits.need_quantity = true,
                    // "lose some weight": an amount word asks how much.
                    Edit::Compare(span)
                        if self
                            .templates
                            .kinds
                            .amount_words
                            .contains(&self.text()[span.clone()].trim().to_lowercase()) =>
                    {
                        edits.deletions.push(span.clone());
                        let mut slot = vec![Piece::placeholder("how much")];
                        slot.extend(self.amount_linker(span.end).map(Piece::added));
                        edits.insertions.push((span.start, slot));
                        edits.compared = true;
                    }
                    // "lose weight so I can be healthier": the comparative of
                    // a purpose, a means or a relative clause is not the aim's.
                    Edit::Compare(span) if self.in_a_subordinate_clause(span.start) => {}
                    Edit::Compare(span) => {
                        if let Some((at, slot)) = self.comparative_slot(span) {
                            edits.insertions.push((at, slot));
                            edits.compared = true;
                        }
                    }
                }
            }
            edits
                .changes
                .push(Change::new(f.criterion, repair.note.clone()));
        }
        edits
    }
}

impl Repairer<'_> {
    /// True when byte `at` lies in a clause that follows the action and
    /// serves it: a purpose ("so I can be healthier", "so that", "in order
    /// to"), a reason ("because"), a means ("by eating better") or a relative
    /// clause ("a job that makes the world better").
    fn in_a_subordinate_clause(&self, at: usize) -> bool {
        let toks = &self.x.analysis.tokens;
        let Some(head) = self.action_head() else {
            return false;
        };
        toks.iter()
            .enumerate()
            .skip(head + 1)
            .take_while(|(_, t)| t.span.start < at)
            .any(|(k, t)| {
                t.lower == "because"
                    || t.lower == "so"
                        && toks
                            .get(k + 1)
                            .is_some_and(|n| n.pos == "PRP" || n.lower == "that")
                    || t.lower == "in" && toks.get(k + 1).is_some_and(|n| n.lower == "order")
                    || t.lower == "by" && toks.get(k + 1).is_some_and(|n| n.pos == "VBG")
                    || matches!(t.pos, "WDT" | "WP")
            })
    }
}

/// Emphatic asides ("..., no matter what"), each with the dash or comma that
/// sets it off: the rewrite drops them, and they are not part of the goal.
pub fn emphatic_asides(a: &crate::core::nlp::Analysis, templates: &Templates) -> Vec<Range<usize>> {
    phrase_spans(a, &templates.kinds.emphatic_asides)
        .into_iter()
        .map(|aside| {
            let lead = a.text[..aside.start]
                .trim_end()
                .trim_end_matches(['-', '–', '—', ','])
                .trim_end()
                .len();
            lead..aside.end
        })
        .collect()
}

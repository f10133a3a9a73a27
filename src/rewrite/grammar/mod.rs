//! The grammar gate: a small rule set, run on the tagger's reading of a
//! candidate rewrite with its placeholders filled, that drops any candidate a
//! family could not read as a plain English sentence. nlprule's bundled grammar
//! rules catch none of the broken forms a glued-together rewrite produces ("will
//! needs", "will attending", "I' will"), so each form has its own rule here,
//! with examples that run as its tests, like the SMART rules.

mod dangling_word;
mod doubled_word;
mod modal_base_form;
mod pronoun_case;
mod split_contraction;
mod to_after_modal;
mod verb_as_subject;
mod verbless_fragment;

use crate::core::nlp::{Analysis, Token};
use serde::Serialize;
use std::ops::Range;

/// Which grammar rule a problem breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GrammarId {
    /// After a modal comes a verb in its base form ("will attend", not "will attending").
    ModalBaseForm,
    /// No "to" between the modal and its verb ("will to improve").
    ToAfterModal,
    /// Who acts is a noun phrase, not a verb form or a preposition.
    VerbAsSubject,
    /// No word is doubled ("will will").
    DoubledWord,
    /// No contraction is split ("I' will").
    SplitContraction,
    /// No preposition or article is left hanging ("towards.", "the,").
    DanglingWord,
    /// Every sentence has a verb.
    VerblessFragment,
    /// A pronoun after a verb or a preposition is in its object form ("help me", not "help I").
    PronounCase,
}

impl GrammarId {
    pub fn as_str(self) -> &'static str {
        match self {
            GrammarId::ModalBaseForm => "modal-base-form",
            GrammarId::ToAfterModal => "to-after-modal",
            GrammarId::VerbAsSubject => "verb-as-subject",
            GrammarId::DoubledWord => "doubled-word",
            GrammarId::SplitContraction => "split-contraction",
            GrammarId::DanglingWord => "dangling-word",
            GrammarId::VerblessFragment => "verbless-fragment",
            GrammarId::PronounCase => "pronoun-case",
        }
    }
}

impl std::fmt::Display for GrammarId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One grammar problem in a candidate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GrammarProblem {
    pub rule: GrammarId,
    /// Byte span in the text the gate read (placeholders filled).
    pub start: usize,
    pub end: usize,
    /// The words at fault, quoted.
    pub quote: String,
}

/// Sentences that document a grammar rule and run as its tests: each `broken`
/// sentence must break the rule, each `sound` one must not. Placeholders are
/// already filled, as the gate reads them.
pub struct GrammarExamples {
    pub broken: &'static [&'static str],
    pub sound: &'static [&'static str],
}

/// A grammar rule: reads the tagged candidate, returns the spans at fault.
pub trait GrammarRule: Send + Sync {
    fn id(&self) -> GrammarId;
    /// One line: what the rule requires.
    fn summary(&self) -> &'static str;
    fn examples(&self) -> GrammarExamples;
    /// Token ranges at fault.
    fn check(&self, a: &Analysis) -> Vec<Range<usize>>;
}

/// Every grammar rule.
pub fn all() -> Vec<Box<dyn GrammarRule>> {
    vec![
        Box::new(modal_base_form::ModalBaseForm),
        Box::new(to_after_modal::ToAfterModal),
        Box::new(verb_as_subject::VerbAsSubject),
        Box::new(doubled_word::DoubledWord),
        Box::new(split_contraction::SplitContraction),
        Box::new(dangling_word::DanglingWord),
        Box::new(verbless_fragment::VerblessFragment),
        Box::new(pronoun_case::PronounCase),
    ]
}

/// The grammar gate: every rule, run over one analysis.
pub struct GrammarGate {
    rules: Vec<Box<dyn GrammarRule>>,
}

impl Default for GrammarGate {
    fn default() -> Self {
        GrammarGate { rules: all() }
    }
}

impl GrammarGate {
    /// Every problem in `a`, in rule order.
    pub fn problems(&self, a: &Analysis) -> Vec<GrammarProblem> {
        let mut out = Vec::new();
        for rule in &self.rules {
            for r in rule.check(a) {
                if r.is_empty() || r.end > a.tokens.len() {
                    continue;
                }
                let span = a.byte_span(r);
                out.push(GrammarProblem {
                    rule: rule.id(),
                    quote: a.text[span.clone()].to_string(),
                    start: span.start,
                    end: span.end,
                });
            }
        }
        out
    }

    pub fn rules(&self) -> impl Iterator<Item = &dyn GrammarRule> {
        self.rules.iter().map(|r| r.as_ref())
    }
}

/// Modals after which a verb in its base form must come.
pub(crate) fn is_modal(t: &Token) -> bool {
    t.pos == "MD"
        && matches!(
            t.lower.as_str(),
            "will" | "shall" | "can" | "must" | "should" | "would" | "could" | "may" | "might"
        )
}

/// Adverbs that may stand between a modal and its verb ("will not", "will also",
/// "will independently").
pub(crate) fn is_adverb(t: &Token) -> bool {
    t.pos.starts_with("RB") && !matches!(t.lower.as_str(), "to")
}

/// True for a token that can be a verb in its base form.
pub(crate) fn is_base_verb(t: &Token) -> bool {
    t.tags.contains(&"VB")
        // Hyphenated verbs the dictionary does not know: "co-operate", "re-engage".
        || (t.pos == "UNKNOWN"
            && t.lower.contains('-')
            && t.lower.chars().all(|c| c.is_alphabetic() || c == '-'))
}

/// The token ranges of each sentence (nlprule's split, and also at semicolons).
pub(crate) fn sentences(a: &Analysis) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, t) in a.tokens.iter().enumerate() {
        let ends = t.lower == ";"
            || a.tokens
                .get(i + 1)
                .is_none_or(|next| next.sentence != t.sentence);
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    out
}

/// Declares the examples test for a grammar rule inside its file.
macro_rules! grammar_examples_test {
    ($rule:expr) => {
        #[cfg(test)]
        mod examples {
            #[test]
            fn grammar_examples_hold() {
                crate::rewrite::grammar::harness::run_examples(&$rule);
            }
        }
    };
}
pub(crate) use grammar_examples_test;

#[cfg(test)]
pub(crate) mod harness {
    use super::GrammarRule;
    use crate::core::nlp::Analysis;

    /// Runs a grammar rule's examples.
    pub fn run_examples(rule: &dyn GrammarRule) {
        let tokenizer = crate::testing::checker().tokenizer();
        let examples = rule.examples();
        assert!(!examples.broken.is_empty() && !examples.sound.is_empty());
        let mut failures = Vec::new();
        for (text, broken) in examples
            .broken
            .iter()
            .map(|e| (e, true))
            .chain(examples.sound.iter().map(|e| (e, false)))
        {
            let a = Analysis::new(tokenizer, text);
            let found = !rule.check(&a).is_empty();
            if found != broken {
                let tags: Vec<String> = a
                    .tokens
                    .iter()
                    .map(|t| format!("{}/{}", t.lower, t.pos))
                    .collect();
                failures.push(format!(
                    "{} {} {text:?} ({})",
                    rule.id(),
                    if broken { "should find" } else { "should pass" },
                    tags.join(" ")
                ));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}

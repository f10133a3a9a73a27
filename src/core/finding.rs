//! The judgment types: the SMART criteria, a finding (one rule's complaint about a
//! span of text) and the per-criterion verdicts that make up the JSON contract.

pub use super::rules::RuleId;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

/// One letter of SMART.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Criterion {
    S,
    M,
    A,
    R,
    T,
}

impl Criterion {
    pub const ALL: [Criterion; 5] = [
        Criterion::S,
        Criterion::M,
        Criterion::A,
        Criterion::R,
        Criterion::T,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Criterion::S => "Specific",
            Criterion::M => "Measurable",
            Criterion::A => "Achievable",
            Criterion::R => "Relevant",
            Criterion::T => "Time-bound",
        }
    }

    /// What the letter asks, in the guidance's words.
    pub fn guidance(self) -> &'static str {
        match self {
            Criterion::S => "Specific: what exactly will be done, by whom, for whom",
            Criterion::M => "Measurable: what does success look like, and how will we know?",
            Criterion::A => "Achievable: realistic in the time and with the resources, in the control of the person named, and agreed",
            Criterion::R => "Relevant: it must address the need, risk or issue identified in the assessment",
            Criterion::T => "Time-bound: by when, with deadlines for each stage",
        }
    }

    pub fn letter(self) -> char {
        match self {
            Criterion::S => 'S',
            Criterion::M => 'M',
            Criterion::A => 'A',
            Criterion::R => 'R',
            Criterion::T => 'T',
        }
    }

    pub fn from_letter(c: char) -> Option<Self> {
        Criterion::ALL
            .into_iter()
            .find(|k| k.letter() == c.to_ascii_uppercase())
    }
}

impl fmt::Display for Criterion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.letter())
    }
}

/// How much a finding counts: an `error` fails its criterion, a `warning` advises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

/// The level a rule runs at: its severity, or switched off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Warning,
    Error,
}

/// One rule's complaint about a span of the objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub rule: RuleId,
    pub criterion: Criterion,
    /// Byte offsets into the objective's text.
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    pub message: String,
    pub suggestion: String,
    /// How the rewriter can mend it, when the rule knows (not in the JSON contract).
    #[serde(skip)]
    pub repair: Option<Repair>,
}

/// How a finding can be mended: edits to the objective's text, and a note for
/// the rewrite's list of changes. The rewriter applies repairs without knowing
/// which rule made them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Repair {
    pub edits: Vec<Edit>,
    /// What the repair changes, in plain words ("'always' is a perfectionist
    /// target: replaced with a figure the team agrees").
    pub note: String,
}

/// One edit of a [`Repair`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// Drop these bytes.
    Delete(Range<usize>),
    /// Replace these bytes with a `[label]` for the team to fill in.
    Placeholder { span: Range<usize>, label: String },
    /// The action needs an amount or a frequency ("[how much or how often]").
    NeedQuantity,
    /// A comparative with no baseline ("fewer arguments", "calmer"): keep the
    /// word and add the figure to reach and where it starts.
    Compare(Range<usize>),
}

impl Finding {
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// A criterion's outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
    Unknown,
}

/// A criterion's verdict with the reasons behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub verdict: Verdict,
    pub reasons: Vec<String>,
}

/// The five criteria, keyed `S`, `M`, `A`, `R`, `T` in JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Criteria {
    #[serde(rename = "S")]
    pub s: CriterionResult,
    #[serde(rename = "M")]
    pub m: CriterionResult,
    #[serde(rename = "A")]
    pub a: CriterionResult,
    #[serde(rename = "R")]
    pub r: CriterionResult,
    #[serde(rename = "T")]
    pub t: CriterionResult,
}

impl Criteria {
    pub fn get(&self, c: Criterion) -> &CriterionResult {
        match c {
            Criterion::S => &self.s,
            Criterion::M => &self.m,
            Criterion::A => &self.a,
            Criterion::R => &self.r,
            Criterion::T => &self.t,
        }
    }

    pub fn get_mut(&mut self, c: Criterion) -> &mut CriterionResult {
        match c {
            Criterion::S => &mut self.s,
            Criterion::M => &mut self.m,
            Criterion::A => &mut self.a,
            Criterion::R => &mut self.r,
            Criterion::T => &mut self.t,
        }
    }

    /// Letters whose verdict is `fail`.
    pub fn failing(&self) -> Vec<Criterion> {
        Criterion::ALL
            .into_iter()
            .filter(|c| self.get(*c).verdict == Verdict::Fail)
            .collect()
    }
}

/// The checker's judgment of one objective: the JSON contract of `smarten check`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgment {
    pub text: String,
    /// True exactly when no criterion is `fail`.
    pub smart: bool,
    pub criteria: Criteria,
    pub findings: Vec<Finding>,
}

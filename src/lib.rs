//! smarten: checks the objectives in care and action plans against SMART
//! (Specific, Measurable, Achievable, Relevant, Time-bound) and says which
//! criteria fail, where and why. This crate is the pure core: text in,
//! judgments out. Reading files and printing live in the binary.

pub mod check;
pub mod config;
pub mod embed;
pub mod eval;
pub mod finding;
pub mod frame;
pub mod lexicon;
pub mod mark;
pub mod measure;
pub mod memo;
pub mod models;
pub mod nlp;
pub mod plan;
pub mod rewrite;
pub mod rules;
pub mod table;
pub mod time;
pub mod xlsx;

#[cfg(test)]
pub(crate) mod testing;

pub use check::{Checker, Objective, MAX_OBJECTIVE_BYTES};
pub use finding::{
    Criteria, Criterion, CriterionResult, Finding, Judgment, Level, Severity, Verdict,
};

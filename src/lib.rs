//! smarten: checks the objectives in care and action plans against SMART
//! (Specific, Measurable, Achievable, Relevant, Time-bound), says which criteria
//! fail, where and why, and proposes SMART rewrites.
//!
//! The crate is built in layers that import downward only (`tests/layers.rs`
//! checks this):
//!
//! - [`core`]: text in, judgments out. No I/O, no libtorch.
//! - [`rewrite`]: SMART rewrites, over the core and the [`core::similarity::Embed`] trait.
//! - [`io`]: tables, XLSX, DOCX, plan files, text input and the ledger.
//! - [`models`]: where the model files are, the nlprule tagger, and (feature
//!   `minilm`) the rust-bert encoder and seq2seq generator.
//! - [`audit`], [`mark`], [`eval`]: the three jobs, as library functions.
//! - [`report`]: the HTML reports.
//! - [`fuzzing`]: the properties the fuzz targets check, and their text generator.
//! - [`serve`]: the local web server (JSON API, LanguageTool-compatible endpoint).
//!
//! The command line (`src/main.rs`, `src/cli/`) wires these together.

pub mod audit;
pub mod core;
pub mod eval;
pub mod fuzzing;
pub mod io;
pub mod mark;
pub mod models;
pub mod report;
pub mod rewrite;
pub mod serve;

#[cfg(test)]
pub(crate) mod testing;

pub use crate::core::check::{Checker, Objective, MAX_OBJECTIVE_BYTES};
pub use crate::core::finding::{
    Criteria, Criterion, CriterionResult, Finding, Judgment, Level, Severity, Verdict,
};

//! The command line's parts: reading input, rendering human output, the eval report.

pub mod audit;
pub mod eval;
pub mod human;
pub mod input;
pub mod mark;
pub mod rewrite;

//! The self-contained HTML reports: the audit report for managers and the class
//! report for trainers.

pub mod audit;
pub mod class;

//! The pure core: text in, judgments out. It tags an objective (nlprule), finds
//! its times, indicators and clause frame, runs every rule over one shared
//! analysis and turns the findings into verdicts per letter. Nothing here reads
//! a file, opens a socket or links libtorch: the lexicon's data is embedded and
//! callers pass config text in.

pub mod analysis;
pub mod calibration;
pub mod check;
pub mod config;
mod contractions;
pub mod dates;
pub mod finding;
pub mod frame;
pub mod lexicon;
pub mod measure;
pub mod memo;
pub mod nlp;
pub mod owner;
pub mod patterns;
pub mod plan_kind;
pub mod rules;
pub mod similarity;
pub mod time;

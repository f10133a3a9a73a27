//! Running the smarten binary from integration tests: a run, what it said,
//! and an audit with its records.

use std::path::Path;
use std::process::{Command, Output};

/// Runs `smarten` with `args`.
pub fn smarten(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run smarten: {e}"))
}

/// What a run said, standard output then standard error, for messages.
pub fn said(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The records of a JSONL records file (none when it is missing).
pub fn records(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

/// Audits `path` model-free with no rewrites and `extra` arguments, records
/// to a JSONL file beside it; the run and its records.
pub fn audit(path: &Path, extra: &[&str]) -> (Output, Vec<serde_json::Value>) {
    let out = path.with_extension("records.jsonl");
    let _ = std::fs::remove_file(&out);
    let mut args = vec![
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        path.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ];
    args.extend(extra);
    let run = smarten(&args);
    (run, records(&out))
}

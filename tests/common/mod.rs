//! Helpers shared by the integration tests: the models, loaded once per test
//! binary, and the dev statements.

#![allow(dead_code)]

use smarten::Checker;
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let tokenizer = smarten::models::load_tokenizer()
            .unwrap_or_else(|e| panic!("tests need the nlprule model: {e}"));
        Checker::new(Arc::new(tokenizer), &Default::default())
    })
}

#[cfg(feature = "minilm")]
pub fn encoder() -> &'static smarten::models::minilm::SentenceEncoder {
    static ENCODER: OnceLock<smarten::models::minilm::SentenceEncoder> = OnceLock::new();
    ENCODER.get_or_init(|| {
        smarten::models::load_encoder()
            .unwrap_or_else(|e| panic!("tests need the MiniLM model (make models): {e}"))
    })
}

/// Every row of the dev set, as JSON.
pub fn dev_rows() -> Vec<serde_json::Value> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eval/statements-dev.jsonl");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("the dev set is expected at {}: {e}", path.display()));
    text.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .collect()
}

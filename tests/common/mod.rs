//! Helpers shared by the integration tests: the models, loaded once per test
//! binary, and the dev statements.

#![allow(dead_code)]

pub mod cli;
pub mod http;

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

/// The objective rewritten with the bundled checker and MiniLM.
#[cfg(feature = "minilm")]
pub fn rewrite(text: &str) -> smarten::rewrite::Rewrite {
    smarten::rewrite::Rewriter::new(checker(), Some(encoder()))
        .rewrite(&smarten::Objective::new(text))
}

/// Rewrites `text` and asserts its rewrite holds each of `present` and none
/// of `absent`.
#[cfg(feature = "minilm")]
pub fn rewrite_reads(text: &str, present: &[&str], absent: &[&str]) {
    let r = rewrite(text);
    for p in present {
        assert!(
            r.rewrite.contains(p),
            "{text}: wanted '{p}' in {}",
            r.rewrite
        );
    }
    for a in absent {
        assert!(
            !r.rewrite.contains(a),
            "{text}: did not want '{a}' in {}",
            r.rewrite
        );
    }
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

/// A model-free `smarten serve` on 127.0.0.1 at a free port, running on its
/// own thread for the rest of the test binary; returns its address.
pub fn server_on_loopback() -> std::net::SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Runtime::new().expect("a tokio runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
            tx.send(listener.local_addr().unwrap()).unwrap();
            let options = smarten::serve::Options::for_host("127.0.0.1");
            let engine = Arc::new(smarten::serve::Engine::new(
                checker(),
                smarten::rewrite::Rewriter::new(checker(), None),
                2,
            ));
            let app = smarten::serve::router(engine, &options);
            smarten::serve::serve(listener, app).await.unwrap();
        });
    });
    rx.recv().expect("the server starts")
}

/// Every rewrite offered: the chosen one first, then the alternatives. The
/// writer's own words rebuilt may come after an exemplar written for the same
/// goal.
pub fn offered(r: &smarten::rewrite::Rewrite) -> Vec<String> {
    std::iter::once(r.rewrite.clone())
        .chain(r.alternatives.iter().map(|a| a.rewrite.clone()))
        .collect()
}

//! Test support: one shared checker per test process (loading nlprule takes a while).

use crate::core::check::Checker;
use std::sync::OnceLock;

/// The checker with the bundled lexicon and default rule levels, loaded once.
pub fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let tokenizer = crate::models::load_tokenizer()
            .unwrap_or_else(|e| panic!("tests need the nlprule model: {e}"));
        Checker::new(
            std::sync::Arc::new(tokenizer),
            &crate::core::config::Config::default(),
        )
    })
}

/// The MiniLM sentence encoder, loaded once. `make test` installs it, so its
/// absence is a set-up error, not a reason to skip.
#[cfg(feature = "minilm")]
pub fn encoder() -> &'static crate::models::minilm::SentenceEncoder {
    static ENCODER: OnceLock<crate::models::minilm::SentenceEncoder> = OnceLock::new();
    ENCODER.get_or_init(|| {
        crate::models::load_encoder()
            .unwrap_or_else(|e| panic!("tests need the MiniLM model (make models): {e}"))
    })
}

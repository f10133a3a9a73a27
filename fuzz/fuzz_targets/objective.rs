//! The fuzz target over the analyser and the rewriter: any text in, no panic,
//! and every property of `smarten::fuzzing::check_properties` kept. Half the
//! inputs are the fuzzer's bytes read as text; half are objective-like texts
//! that `smarten::fuzzing::objective` builds from them. Run with
//! `cargo +nightly fuzz run objective` (see fuzz/README.md).

#![no_main]

use libfuzzer_sys::fuzz_target;
use smarten::fuzzing::{check_properties, objective};
use smarten::rewrite::Rewriter;
use std::sync::OnceLock;

fn checker() -> &'static smarten::Checker {
    static CHECKER: OnceLock<smarten::Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let tokenizer = smarten::models::load_tokenizer()
            .unwrap_or_else(|e| panic!("the fuzz target needs the nlprule model (make models): {e}"));
        smarten::Checker::new(std::sync::Arc::new(tokenizer), &Default::default())
    })
}

/// The rewriter `rewrite` uses, and the one bulk audits use.
fn rewriters() -> &'static (Rewriter<'static>, Rewriter<'static>) {
    static REWRITERS: OnceLock<(Rewriter<'static>, Rewriter<'static>)> = OnceLock::new();
    REWRITERS.get_or_init(|| {
        let full = Rewriter::new(checker(), None);
        let bulk = Rewriter::new(checker(), None)
            .with_nearest(1)
            .best_only()
            .recheck_in_pieces();
        (full, bulk)
    })
}

fuzz_target!(|data: &[u8]| {
    let checker = checker();
    let (full, bulk) = rewriters();
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let text = if first % 2 == 0 {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        match objective(&mut arbitrary::Unstructured::new(rest)) {
            Ok(t) => t,
            Err(_) => return,
        }
    };
    let rewriter = if first & 2 == 0 { full } else { bulk };
    if let Err(why) = check_properties(checker, rewriter, &text) {
        panic!("{why}\ninput: {text:?}");
    }
});

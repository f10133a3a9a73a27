//! A short run of the fuzz target on stable: every text of the seed corpus
//! (`fuzz/corpus/objective/`, which holds each input a fuzzer ever broke the
//! target with, and the dev statements), then some thousands of texts made by
//! `smarten::fuzzing::objective` from seeded random bytes. The long run is
//! `fuzz/` (cargo-fuzz); both check `smarten::fuzzing::check_properties`.

mod common;

use smarten::fuzzing::{check_properties, objective};
use smarten::rewrite::Rewriter;
use std::path::Path;

/// Generated texts per run; `SMARTEN_FUZZ_INPUTS` sets another number.
const GENERATED: usize = 3000;

/// Checks one text, turning a panic or a broken property into a failure that
/// shows the text (as a Rust string, so it can be pasted into the corpus).
fn check(rewriter: &Rewriter<'_>, text: &str) -> Result<(), String> {
    let checker = common::checker();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        check_properties(checker, rewriter, text)
    }));
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(why)) => Err(format!("{why}\n  input: {text:?}")),
        Err(_) => Err(format!("panicked\n  input: {text:?}")),
    }
}

fn seed_corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/objective");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .collect();
    files.sort();
    let mut texts: Vec<String> = files
        .iter()
        .map(|p| String::from_utf8_lossy(&std::fs::read(p).unwrap_or_default()).into_owned())
        .collect();
    texts.extend(
        common::dev_rows()
            .iter()
            .filter_map(|r| r["text"].as_str().map(str::to_string)),
    );
    texts
}

#[test]
fn the_seed_corpus_and_generated_texts_keep_every_property() {
    let checker = common::checker();
    let rewriter = Rewriter::new(checker, None);
    let mut failures = Vec::new();
    let seeds = seed_corpus();
    assert!(seeds.len() > 80, "the seed corpus is {} texts", seeds.len());
    for text in &seeds {
        failures.extend(check(&rewriter, text).err());
    }
    let count: usize = std::env::var("SMARTEN_FUZZ_INPUTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(GENERATED);
    let seed: u64 = std::env::var("SMARTEN_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x5eed_0b1e);
    // Blocks of inputs, each from its own seed, checked in parallel.
    use rayon::prelude::*;
    const BLOCK: usize = 1000;
    let found = std::sync::Mutex::new(failures);
    let checked = std::sync::atomic::AtomicUsize::new(0);
    (0..count.div_ceil(BLOCK))
        .into_par_iter()
        .for_each(|block| {
            let mut rng = fastrand::Rng::with_seed(seed.wrapping_add(block as u64));
            let mut bytes = vec![0u8; 512];
            for _ in 0..BLOCK.min(count - block * BLOCK) {
                if found.lock().map_or(true, |f| f.len() >= 5) {
                    return;
                }
                rng.fill(&mut bytes);
                let Ok(text) = objective(&mut arbitrary::Unstructured::new(&bytes)) else {
                    continue;
                };
                checked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                if let Err(why) = check(&rewriter, &text) {
                    if let Ok(mut f) = found.lock() {
                        f.push(why);
                    }
                }
            }
        });
    let failures = found.into_inner().unwrap_or_default();
    eprintln!(
        "fuzz: {} seed texts and {} generated texts checked (seed {seed})",
        seeds.len(),
        checked.into_inner()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

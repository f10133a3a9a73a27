//! Throughput of `check` over the dev statements, next to bare nlprule tagging of
//! the same text. The target is at least 0.8 times the bare tagging throughput:
//! the analysis on top of the tagger should cost little.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use smarten::core::config::Config;
use smarten::Checker;
use std::sync::Arc;

fn objectives() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = root.join("data/eval/statements-dev.jsonl");
    if let Ok(text) = std::fs::read_to_string(&dev) {
        return text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_string))
            .collect();
    }
    std::fs::read_to_string(root.join("data/examples/objectives.txt"))
        .expect("bundled examples")
        .lines()
        .map(str::to_string)
        .collect()
}

fn bench(c: &mut Criterion) {
    let tokenizer =
        Arc::new(smarten::models::load_tokenizer().expect("nlprule model (run `make models`)"));
    let checker = Checker::new(tokenizer.clone(), &Config::default());
    let texts = objectives();
    let mut group = c.benchmark_group("objectives");
    group.throughput(Throughput::Elements(texts.len() as u64));
    group.bench_function("nlprule_tagging", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(tokenizer.pipe(t).count());
            }
        })
    });
    // The analysis alone (tagging, chunking and smarten's token view), so the
    // gap between tagging and `check` splits into reading and judging.
    group.bench_function("smarten_analysis", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(smarten::core::nlp::Analysis::new(&tokenizer, t));
            }
        })
    });
    group.bench_function("smarten_check", |b| {
        b.iter(|| {
            for t in &texts {
                std::hint::black_box(checker.check_text(t));
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

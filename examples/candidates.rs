//! Prints every rewrite candidate for an objective, with the letters it still
//! fails and any invented facts: `cargo run --example candidates -- "TEXT"`.

use smarten::rewrite::Rewriter;
use smarten::{Checker, Objective};
use std::sync::Arc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = std::env::args()
        .nth(1)
        .ok_or("usage: candidates \"OBJECTIVE\" [CONCERN]")?;
    let concern = std::env::args().nth(2);
    let checker = Checker::new(
        Arc::new(smarten::models::load_tokenizer()?),
        &Default::default(),
    );
    let encoder = smarten::models::load_embedder().ok();
    let rewriter = Rewriter::new(&checker, encoder.as_deref());
    // The exemplars nearest to the whole text, as retrieval sees them (the
    // rewriter itself compares from the main verb on).
    let bank = smarten::rewrite::exemplars::ExemplarBank::bundled();
    for (i, similarity) in bank.nearest(&text, 5, encoder.as_deref()) {
        println!("nearest     {similarity:.3} {}", bank.exemplars[i].vague);
    }
    for c in rewriter.candidate_reports(&Objective::new(text).with_concern(concern)) {
        println!(
            "{:<11} fails {:?} invented {:?} lost {:?} risks {:?} grammar {:?}\n    {}",
            c.source, c.failing, c.invented, c.lost, c.risks, c.grammar, c.rewrite
        );
    }
    Ok(())
}

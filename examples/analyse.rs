//! Prints what the checker sees in each objective given on the command line: tokens
//! with tags and chunks, time expressions, indicators, the clause frame and findings.
//! Run: `cargo run --example analyse -- "John will stop disrupting the class"`.

use smarten::core::frame::Frame;
use smarten::core::measure::MeasureRecogniser;
use smarten::core::nlp::Analysis;
use smarten::core::time::TimeRecogniser;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let tokenizer = std::sync::Arc::new(smarten::models::load_tokenizer()?);
    let config = smarten::core::config::Config::default();
    let checker = smarten::Checker::new(tokenizer.clone(), &config);
    let lexicon = checker.lexicon();
    let times = TimeRecogniser::new(lexicon);
    let measures = MeasureRecogniser::new(lexicon);
    for text in std::env::args().skip(1) {
        let a = Analysis::new(&tokenizer, &text);
        println!("== {text}");
        for (i, t) in a.tokens.iter().enumerate() {
            print!(
                "{i}:{}/{}[{}]/{:?}{} ",
                t.lower,
                t.pos,
                t.tags.join(","),
                t.chunk,
                if t.chunk_start { "*" } else { "" }
            );
        }
        println!();
        let found = times.recognise(&text);
        for t in &found {
            println!("  time {:?}: {:?}", t.kind, &text[t.span.clone()]);
        }
        for i in measures.indicators(&a, &found) {
            println!("  indicator {:?}: {:?}", i.kind, &text[i.span.clone()]);
        }
        println!("  {:?}", Frame::new(&a, &found, lexicon));
        let j = checker.check_text(&text);
        for f in &j.findings {
            println!(
                "  {} {} {:?}: {}",
                f.criterion,
                f.rule,
                &text[f.start..f.end],
                f.message
            );
        }
        println!("  smart: {}", j.smart);
    }
    Ok(())
}

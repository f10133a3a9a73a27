//! Times MiniLM on one sentence and on a batch of six, to size the rewriter's
//! embedding work: `cargo run --release --example embed_timing`.

use smarten::core::similarity::Embed;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let encoder = smarten::models::load_encoder()?;
    let one = ["Mum will attend 4 of 5 planned appointments with the health visitor by July"];
    let six = [one[0]; 6];
    for threads in [1, 2] {
        tch::set_num_threads(threads);
        for (name, batch) in [("1 sentence", &one[..]), ("6 sentences", &six[..])] {
            encoder.embed_all(batch)?;
            let start = Instant::now();
            for _ in 0..20 {
                encoder.embed_all(batch)?;
            }
            println!(
                "{threads} thread(s), {name}: {:.1} ms",
                start.elapsed().as_secs_f64() * 1000.0 / 20.0
            );
        }
    }
    Ok(())
}

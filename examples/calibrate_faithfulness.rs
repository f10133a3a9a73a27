//! Calibrates the faithfulness threshold of `smarten mark` on the exemplar bank:
//! a vague objective and its own replacement action should score above it, a
//! vague objective and an action from another domain below.
//! `cargo run --release --example calibrate_faithfulness`

use smarten::rewrite::exemplars::ExemplarBank;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let encoder = smarten::models::load_encoder()?;
    let bank = ExemplarBank::bundled();
    let n = bank.exemplars.len();
    let (same, other) = smarten::mark::faithfulness_pairs(&bank, &encoder)?;
    let mut best = (0.0, 0.0);
    for k in 0..60 {
        let t = k as f32 * 0.01;
        let tpr = same.iter().filter(|&&s| s >= t).count() as f32 / n as f32;
        let tnr = other.iter().filter(|&&s| s < t).count() as f32 / n as f32;
        let ba = (tpr + tnr) / 2.0;
        if ba > best.1 {
            best = (t, ba);
        }
        if k % 5 == 0 {
            println!("threshold {t:.2}: faithful kept {tpr:.2}, unrelated caught {tnr:.2}, balanced {ba:.3}");
        }
    }
    println!(
        "best threshold {:.2} (balanced accuracy {:.3})",
        best.0, best.1
    );
    Ok(())
}

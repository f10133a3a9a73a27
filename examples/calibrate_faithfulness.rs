//! Calibrates the faithfulness threshold of `smarten mark` on the exemplar bank:
//! a vague objective and its own replacement action should score above it, a
//! vague objective and an action from another domain below.
//! `cargo run --release --example calibrate_faithfulness`

use smarten::rewrite::exemplars::ExemplarBank;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let encoder = smarten::models::load_encoder()?;
    let bank = ExemplarBank::bundled();
    let n = bank.exemplars.len();
    let vague: Vec<&str> = (0..n).map(|i| bank.vague_action(i)).collect();
    let actions: Vec<String> = bank
        .exemplars
        .iter()
        .map(|e| smarten::rewrite::draft::Pronouns::They.apply(&e.action))
        .collect();
    let va = encoder.embed(&vague)?;
    let aa = encoder.embed(&actions.iter().map(String::as_str).collect::<Vec<_>>())?;
    let mut same = Vec::new();
    let mut other = Vec::new();
    for i in 0..n {
        same.push(smarten::embed::cosine(&va[i], &aa[i]));
        // The action of an exemplar from another domain, a fixed stride away.
        let mut j = (i + 37) % n;
        while bank.exemplars[j].domain == bank.exemplars[i].domain {
            j = (j + 1) % n;
        }
        other.push(smarten::embed::cosine(&va[i], &aa[j]));
    }
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

//! Quality gates measured with `smarten eval` on the dev statements (kept beside
//! the project in ../shared): balanced accuracy >= 0.90 and >= 95% of the letters
//! a source names as missing caught.

use std::path::Path;
use std::process::Command;

#[test]
fn dev_statements_meet_the_quality_targets() {
    let dev = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eval/statements-dev.jsonl");
    assert!(
        dev.is_file(),
        "the dev set is expected at {}",
        dev.display()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["eval", "--format", "json", dev.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let report = &v[0]["report"];
    let ba = report["balanced_accuracy"].as_f64().unwrap();
    let caught = v[0]["catch_rate"].as_f64().unwrap();
    assert!(ba >= 0.90, "balanced accuracy {ba}");
    assert!(caught >= 0.95, "named missing letters caught {caught}");
}

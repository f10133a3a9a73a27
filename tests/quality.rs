//! Quality gates measured with `smarten eval`. The figure that counts is the
//! corpus's check part: statements from sources no rule was tuned on, scored
//! in aggregate only (data/corpus/README.md). The dev set and SMARTSpan, which
//! the rules were tuned near, are further sources. The gates hold what has been
//! reached, so a change that loses generality fails here.

use std::path::Path;
use std::process::Command;

fn eval(args: &[&str]) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .arg("eval")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn data(path: &str) -> String {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    assert!(p.is_file(), "expected at {}", p.display());
    p.to_str().unwrap().to_string()
}

#[test]
fn the_check_part_meets_its_gates() {
    let v = eval(&[&data("data/corpus/statements.jsonl")]);
    let check = v
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["part"] == "check")
        .expect("the corpus has a check part");
    let report = &check["report"];
    let ba = report["balanced_accuracy"].as_f64().unwrap();
    let smart = report["true_smart_rate"].as_f64().unwrap();
    let not_smart = report["true_not_smart_rate"].as_f64().unwrap();
    let cross = check["cross_source"]["balanced_accuracy"].as_f64().unwrap();
    let caught = check["catch_rate"].as_f64().unwrap();
    let summary = format!(
        "check part: balanced accuracy {ba:.3}, across sources {cross:.3}, SMART judged SMART {smart:.3}, not SMART judged not SMART {not_smart:.3}, named letters caught {caught:.3}"
    );
    // 0.831, 0.844 and 0.780 on the 320-row check part (fourth round); 0.829,
    // 0.821 and 0.753 on the 377-row check part (fifth round), where 'vague-verb'
    // measured 0.86 and so fails its letter again; 0.853, 0.846 and 0.809 on
    // the 525-row check part (eighth round).
    assert!(ba >= 0.84, "{summary}");
    assert!(cross >= 0.83, "{summary}");
    assert!(smart >= 0.78, "{summary}");
    assert!(not_smart >= 0.85, "{summary}");
    // 0.81 on the first 178 rows; 0.75 once the third round's 101 rows from
    // new sources joined the check part: the letters sources name are caught
    // less often on text from new sources.
    assert!(caught >= 0.74, "{summary}");
    // Aggregates only: the check part's rows are never listed.
    assert!(report.get("misjudged").is_none() && report.get("missed_letters").is_none());
    assert!(check["cross_source"].get("per_source").is_none());
}

#[test]
fn the_dev_set_and_smartspan_still_hold() {
    let v = eval(&[&data("data/eval/statements-dev.jsonl")]);
    let ba = v[0]["report"]["balanced_accuracy"].as_f64().unwrap();
    let caught = v[0]["catch_rate"].as_f64().unwrap();
    assert!(ba >= 0.90, "dev balanced accuracy {ba}");
    assert!(caught >= 0.95, "dev named missing letters caught {caught}");
    let v = eval(&[&data("data/eval/smartspan/split_1/test_classify.jsonl")]);
    let f1 = |letter: &str| {
        v[0]["report"]["letters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["letter"] == letter)
            .and_then(|l| l["macro_f1"].as_f64())
            .unwrap()
    };
    assert!(f1("S") >= 0.80, "SMARTSpan split 1 S macro-F1 {}", f1("S"));
    assert!(f1("M") >= 0.75, "SMARTSpan split 1 M macro-F1 {}", f1("M"));
}

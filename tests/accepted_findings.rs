//! Findings a team accepts: a baseline written today and read later (only new
//! findings count), an "accepted" column per row, `--ignore RULE` per run,
//! and `--exit-zero`.

mod common;

use common::cli::{records, said, smarten};

use std::process::Output;

const PLAN: &str = "Action,Who,When\nEngage with services,Mum,ongoing\nWalk Amy to school by 8.45am every school day,Dad,until 31 July 2027\n";

#[test]
fn a_baseline_accepts_todays_findings_and_later_audits_report_only_new_ones() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = dir.path().join("plan.csv");
    std::fs::write(&plan, PLAN).unwrap_or_else(|e| panic!("{e}"));
    let (plan_s, base) = (
        plan.to_str().unwrap_or_default(),
        dir.path().join("smarten-baseline.json"),
    );
    let base_s = base.to_str().unwrap_or_default();
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan_s,
        "--write-baseline",
        base_s,
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", said(&run));
    let text = std::fs::read_to_string(&base).unwrap_or_default();
    let baseline: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let keys = baseline["findings"].as_array().cloned().unwrap_or_default();
    assert!(!keys.is_empty());
    assert!(keys
        .iter()
        .all(|k| k["file"] == plan_s && k["objective"].as_str().is_some_and(|h| h.len() == 16)));
    assert!(
        !text.contains("engage"),
        "the baseline keeps no objective text"
    );

    // The same archive against its baseline: nothing new, exit 0.
    let out = dir.path().join("records.jsonl");
    let out_s = out.to_str().unwrap_or_default();
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan_s,
        "--baseline",
        base_s,
        "--out",
        out_s,
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", said(&run));
    assert!(
        said(&run).contains("accepted: 1 rows not SMART only for findings accepted before"),
        "{}",
        said(&run)
    );
    let recs = records(&out);
    assert!(recs[0]["findings"].as_array().is_some_and(Vec::is_empty));
    assert!(recs[0]["accepted"][0]
        .as_str()
        .is_some_and(|a| a.ends_with("(baseline)")));

    // A new vague row is reported, the old one is not.
    std::fs::write(&plan, format!("{PLAN}Stop drinking,Dad,\n")).unwrap_or_else(|e| panic!("{e}"));
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan_s,
        "--baseline",
        base_s,
        "--out",
        out_s,
    ]);
    assert_eq!(run.status.code(), Some(1), "{}", said(&run));
    let recs = records(&out);
    assert!(recs[0]["findings"].as_array().is_some_and(Vec::is_empty));
    assert!(recs[2]["findings"]
        .as_array()
        .is_some_and(|f| !f.is_empty()));
}

#[test]
fn an_accepted_column_accepts_findings_for_its_row_and_names_typos() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = dir.path().join("plan.csv");
    std::fs::write(
        &plan,
        "Action,Who,When,Accepted\nEngage with services,Dad,ongoing,\"Accepted: vague-timeframe, vague-verb\"\nEngage with services,Mum,ongoing,vage-timeframe\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("records.jsonl");
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    let recs = records(&out);
    assert_eq!(recs.len(), 2, "{}", said(&run));
    let rules = |r: &serde_json::Value| -> Vec<String> {
        r["findings"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|f| f["rule"].as_str().map(str::to_string))
            .collect()
    };
    let first = rules(&recs[0]);
    let second = rules(&recs[1]);
    assert!(
        !first
            .iter()
            .any(|r| r == "vague-timeframe" || r == "vague-verb"),
        "{first:?}"
    );
    assert!(second.iter().any(|r| r == "vague-timeframe"), "{second:?}");
    assert!(recs[0]["accepted"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
    let typo = recs[1]["field_findings"].to_string();
    assert!(typo.contains("did you mean 'vague-timeframe'"), "{typo}");
}

#[test]
fn ignore_turns_a_rule_off_for_a_run_and_exit_zero_keeps_errors() {
    let ids = |o: &Output| -> Vec<String> {
        let v: serde_json::Value =
            serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}"));
        v[0]["findings"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter_map(|f| f["rule"].as_str().map(str::to_string))
            .collect()
    };
    let plain = smarten(&[
        "check",
        "Mum to engage with services ongoing",
        "--format",
        "json",
    ]);
    let rule = ids(&plain)
        .first()
        .cloned()
        .unwrap_or_else(|| panic!("no findings: {}", said(&plain)));
    let ignored = smarten(&[
        "check",
        "Mum to engage with services ongoing",
        "--format",
        "json",
        "--ignore",
        &rule,
    ]);
    assert!(!ids(&ignored).contains(&rule), "{}", said(&ignored));
    let typo = smarten(&["check", "x", "--ignore", "vague-timefram"]);
    assert_eq!(typo.status.code(), Some(2));
    assert!(
        said(&typo).contains("did you mean 'vague-timeframe'?"),
        "{}",
        said(&typo)
    );

    assert_eq!(plain.status.code(), Some(1));
    let zero = smarten(&[
        "check",
        "Mum to engage with services ongoing",
        "--exit-zero",
    ]);
    assert_eq!(zero.status.code(), Some(0), "{}", said(&zero));
    let missing = smarten(&["check", "--file", "/no/such/file.txt", "--exit-zero"]);
    assert_eq!(missing.status.code(), Some(2), "{}", said(&missing));
}

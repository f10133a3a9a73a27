//! `check` and `audit` in the formats CI tools read: SARIF 2.1.0 (checked
//! against the OASIS schema, `tests/sarif/`, as shipped in the serde-sarif
//! crate), reviewdog's rdjsonl and GitHub Actions annotations.

mod common;

use common::cli::smarten;

use std::path::Path;
use std::process::Output;

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Checks `log` against the SARIF 2.1.0 schema, listing every violation.
fn assert_valid_sarif(log: &serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sarif/sarif-schema-2.1.0.json");
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::draft7::new(&schema).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "not valid SARIF 2.1.0:\n{}",
        errors.join("\n")
    );
}

fn objectives(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let path = dir.path().join("objectives.txt");
    std::fs::write(
        &path,
        "Mum to engage with services\nJohn will raise his hand when he wants to ask a question in every lesson until half term\nDad to stop drinking ongoing\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn check_gives_valid_sarif_pointing_at_each_finding() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = objectives(&dir);
    let run = smarten(&[
        "check",
        "--file",
        file.to_str().unwrap_or_default(),
        "--format",
        "sarif",
    ]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let log: serde_json::Value =
        serde_json::from_str(&stdout(&run)).unwrap_or_else(|e| panic!("{e}"));
    assert_valid_sarif(&log);
    let run0 = &log["runs"][0];
    let rules = run0["tool"]["driver"]["rules"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let results = run0["results"].as_array().cloned().unwrap_or_default();
    assert!(!results.is_empty());
    let lines: Vec<u64> = results
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"].as_u64())
        .collect();
    assert!(lines.contains(&1) && lines.contains(&3), "{lines:?}");
    for r in &results {
        let index = r["ruleIndex"].as_u64().unwrap_or(u64::MAX) as usize;
        assert_eq!(rules[index]["id"], r["ruleId"], "{r}");
        let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap_or_default();
        assert!(uri.ends_with("objectives.txt"), "{uri}");
    }
    // "ongoing" on line 3 is found where it is.
    let ongoing = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
                && r["properties"]["letter"] == "T"
        })
        .unwrap_or_else(|| panic!("no T finding on line 3: {results:?}"));
    let region = &ongoing["locations"][0]["physicalLocation"]["region"];
    let (start, end) = (region["startColumn"].as_u64(), region["endColumn"].as_u64());
    let text: Vec<char> = "Dad to stop drinking ongoing".chars().collect();
    if let (Some(s), Some(e)) = (start, end) {
        let found: String = text[s as usize - 1..e as usize - 1].iter().collect();
        assert!(found.contains("ongoing"), "{found:?}");
    }
}

#[test]
fn check_gives_rdjsonl_and_github_annotations() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let file = objectives(&dir);
    let file = file.to_str().unwrap_or_default();
    let run = smarten(&["check", "--file", file, "--format", "rdjsonl"]);
    let lines: Vec<serde_json::Value> = stdout(&run)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(!lines.is_empty());
    for d in &lines {
        assert_eq!(d["location"]["path"], file, "{d}");
        assert!(
            d["location"]["range"]["start"]["line"].as_u64().is_some(),
            "{d}"
        );
        assert!(["ERROR", "WARNING"].contains(&d["severity"].as_str().unwrap_or_default()));
        assert!(d["code"]["value"].as_str().is_some_and(|c| !c.is_empty()));
    }
    let run = smarten(&["check", "--file", file, "--format", "github"]);
    let text = stdout(&run);
    assert!(!text.is_empty());
    for line in text.lines() {
        assert!(
            line.starts_with(&format!("::error file={file},line="))
                || line.starts_with(&format!("::warning file={file},line=")),
            "{line}"
        );
        assert!(line.contains(",title=smarten "), "{line}");
    }
}

#[test]
fn audit_gives_valid_sarif_with_rows_and_sheets_and_unreadable_rows() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let plan = dir.path().join("plan.csv");
    std::fs::write(
        &plan,
        "Action,Who,When\nEngage with services,Mum,ongoing\nWalk Amy to school by 8.45am every school day,Dad,until 31 July 2027\n\"Call the GP,Dad\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan.to_str().unwrap_or_default(),
        "--format",
        "sarif",
    ]);
    assert_eq!(
        run.status.code(),
        Some(2),
        "an unreadable row: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stderr).contains("audited 1 files"),
        "the summary goes to standard error"
    );
    let log: serde_json::Value =
        serde_json::from_str(&stdout(&run)).unwrap_or_else(|e| panic!("{e}"));
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let at = |row: u64| -> Vec<String> {
        results
            .iter()
            .filter(|r| r["locations"][0]["physicalLocation"]["region"]["startLine"] == row)
            .filter_map(|r| r["ruleId"].as_str().map(str::to_string))
            .collect()
    };
    assert!(!at(2).is_empty(), "row 2 is not SMART: {results:?}");
    assert_eq!(at(4), vec!["unreadable-row".to_string()]);
    // rdjsonl: one line per finding, the same ones.
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        "--no-rewrite",
        plan.to_str().unwrap_or_default(),
        "--format",
        "rdjsonl",
    ]);
    assert_eq!(stdout(&run).lines().count(), results.len());
}

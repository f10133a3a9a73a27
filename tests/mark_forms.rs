//! `smarten mark` on answers as online forms export them: one row per
//! participant, a tick column and a re-wording column per statement.

use std::process::Command;

#[test]
fn a_forms_export_is_marked_answer_by_answer() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let answers = dir.path().join("responses.csv");
    std::fs::write(
        &answers,
        "Timestamp,Email address,Your name,S1: Is it SMART?,S1: Re-word it,S3: Is it SMART?,S3: Re-word it\n\
         2026/11/20 10:02,asha@example.org,Asha Patel,No,John will raise his hand when he wants to ask a question in every lesson until half term,Yes,\n\
         2026/11/20 10:03,ben@example.org,Ben Okafor,Yes,,No,\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("marks.csv");
    let exercise = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/exercises/is-it-smart.toml"
    );
    let run = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["mark", "--no-model", "--exercise", exercise, "--answers"])
        .arg(&answers)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(said.contains("4 answer rows, 4 marked"), "{said}");
    let marks = smarten::io::read_table(&out).unwrap_or_else(|e| panic!("{e}"));
    let who = marks.column(&["participant"]).unwrap_or_default();
    let statement = marks.column(&["statement"]).unwrap_or_default();
    let got: Vec<(String, String)> = marks
        .rows
        .iter()
        .map(|r| {
            (
                marks.cell(r, who).to_string(),
                marks.cell(r, statement).to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Asha Patel", "S1"),
            ("Asha Patel", "S3"),
            ("Ben Okafor", "S1"),
            ("Ben Okafor", "S3")
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .to_vec()
    );
}

//! Bad and odd input: clear messages naming the source and line, exit code 2, and
//! never a panic; good lines next to bad ones are still checked.

use std::process::{Command, Output, Stdio};

fn run_with_file(name: &str, bytes: &[u8], extra: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let mut args = vec!["check", "--file", path.to_str().unwrap()];
    args.extend(extra);
    Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(&args)
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn assert_no_panic(o: &Output) {
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

#[test]
fn empty_and_whitespace_input_are_refused() {
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", &b"   \n\t\n"[..])] {
        let o = run_with_file(name, bytes, &[]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(stderr(&o).contains("no objectives found"), "{}", stderr(&o));
        assert_no_panic(&o);
    }
    let o = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["check", "   "])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("argument 1: the objective is empty"),
        "{}",
        stderr(&o)
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .arg("check")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdin.take());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn non_utf8_is_reported_by_line_and_other_lines_are_checked() {
    let o = run_with_file(
        "plan.txt",
        b"Mum to engage with services ongoing\nJohn \xff\xfe will attend\n",
        &["--format", "jsonl"],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("plan.txt:2: not valid UTF-8"),
        "{}",
        stderr(&o)
    );
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(
        out.lines().count(),
        2,
        "one judgment and one error record: {out}"
    );
    assert!(out.contains("engage with services"));
    assert_no_panic(&o);
}

#[test]
fn invalid_json_lines_are_reported_and_the_rest_checked() {
    let o = run_with_file(
        "rows.jsonl",
        b"{\"text\": \"John will stop disrupting the class\"}\n{not json\n{\"objective\": \"no text field\"}\n",
        &["--format", "jsonl"],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("rows.jsonl:2: not valid JSON"), "{err}");
    assert!(
        err.contains("rows.jsonl:3: the JSON object has no string field `text`"),
        "{err}"
    );
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(out.lines().count(), 3, "{out}");
    assert!(out.lines().next().unwrap().contains("\"smart\":false"));
}

#[test]
fn a_one_megabyte_line_is_refused_with_the_documented_limit() {
    let mut line = "Mum will attend the group every week ".repeat(30_000);
    line.push('\n');
    assert!(line.len() > 1_000_000);
    let o = run_with_file("huge.txt", line.as_bytes(), &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("huge.txt:1: the objective is"),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains(&format!(
        "the limit is {} bytes",
        smarten::MAX_OBJECTIVE_BYTES
    )));
    assert_no_panic(&o);
}

#[test]
fn emoji_and_other_languages_are_analysed_without_panic() {
    for text in [
        "John 😀 will raise his hand 🙋 when he wants to ask a question",
        "Jean va assister à l'école tous les jours",
        "ジョンは毎日学校に行きます",
        "Мама будет водить Джона в школу",
        "👍👍👍",
        "«»—–…",
    ] {
        let o = Command::new(env!("CARGO_BIN_EXE_smarten"))
            .args(["check", "--format", "json", text])
            .output()
            .unwrap();
        assert!(
            matches!(o.status.code(), Some(0) | Some(1)),
            "{text}: {}",
            stderr(&o)
        );
        assert_no_panic(&o);
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        for f in v[0]["findings"].as_array().unwrap() {
            let (s, e) = (
                f["start"].as_u64().unwrap() as usize,
                f["end"].as_u64().unwrap() as usize,
            );
            assert!(
                text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e,
                "{text}: {f}"
            );
        }
    }
}

#[test]
fn a_missing_file_is_named() {
    let o = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["check", "--file", "/no/such/plan.txt"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/no/such/plan.txt: cannot read"),
        "{}",
        stderr(&o)
    );
}

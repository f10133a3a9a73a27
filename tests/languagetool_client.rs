//! A real LanguageTool client (language_tool_python from PyPI, installed under
//! target/ by scripts/install-lt-client.sh) pointed at `smarten serve` on
//! loopback gets smarten's findings back, at the right words, through text
//! with emoji and accents.

mod common;

use serde_json::Value;
use std::path::Path;
use std::process::Command;

#[test]
fn language_tool_python_shows_smartens_findings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let python = root.join("target/lt-venv/bin/python");
    assert!(
        python.is_file(),
        "the LanguageTool client is missing: run `bash scripts/install-lt-client.sh` (make test does)"
    );
    let addr = common::server_on_loopback();
    let dir = tempfile::tempdir().unwrap();
    let text = "Plan for Zoë 😀 and her brother\nMum to engage with services ongoing\nKai will attend school on 9 of 10 days each fortnight until 31 March 2027\n";
    let path = dir.path().join("plan.txt");
    std::fs::write(&path, text).unwrap();
    let out = Command::new(&python)
        .arg(root.join("tests/languagetool/client.py"))
        .arg(format!("http://{addr}"))
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let matches: Vec<Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let vague = matches
        .iter()
        .find(|m| m["rule"] == "vague-verb")
        .unwrap_or_else(|| panic!("{matches:#?}"));
    assert_eq!(vague["matched"], "engage with");
    assert_eq!(vague["category"], "S");
    let rewrite = matches
        .iter()
        .find(|m| {
            m["rule"] == "SMART_REWRITE" && m["matched"] == "Mum to engage with services ongoing"
        })
        .unwrap_or_else(|| panic!("{matches:#?}"));
    let replacement = rewrite["replacement"].as_str().unwrap();
    assert!(replacement.starts_with("Mum will "), "{replacement}");
    assert!(!replacement.contains("ongoing"), "{replacement}");
    // The SMART objective gets no rewrite.
    assert!(
        !matches
            .iter()
            .any(|m| m["rule"] == "SMART_REWRITE"
                && m["matched"].as_str().unwrap().starts_with("Kai")),
        "{matches:#?}"
    );
}

//! Side-by-side before-and-after pairs, read by a person: every dev statement,
//! every sixth not-SMART statement of the corpus's tune part, the child
//! protection and TAC objectives in `tests/rewrites/child-protection-tac.txt`
//! (judged as a child protection plan's, `--plan-kind child-protection`) and
//! the patterns in `tests/rewrites/objectives.txt` are rewritten, and the
//! result is compared with `tests/rewrites/side-by-side.md`.
//!
//! Each pair carries the reader's verdict from `tests/rewrites/judgments.toml`,
//! keyed by the input and the exact rewrite: a changed rewrite is unread until
//! someone reads it again. The five questions a pair is read against:
//! 1. Is it grammatical plain English a family could read?
//! 2. Does it keep the writer's intent?
//! 3. Does it invent no facts?
//! 4. Would it be SMART once the placeholders are filled?
//! 5. Is it better in a way a practitioner would accept?
//!
//! After an intended change: `SMARTEN_BLESS=1 cargo test --test rewrite_snapshots`
//! regenerates the file; `SMARTEN_UNREAD=FILE` writes the unread pairs as TOML
//! entries to read and add to `judgments.toml`.

use serde::Deserialize;
use smarten::core::plan_kind::PlanKind;
use smarten::rewrite::{Rewrite, Rewriter};
use smarten::{Checker, Objective};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

const QUESTIONS: [&str; 5] = [
    "grammatical plain English",
    "keeps the writer's intent",
    "invents no facts",
    "SMART once filled",
    "better in a way a practitioner would accept",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Judgment {
    input: String,
    rewrite: String,
    /// "accepted", "fails" (with `fails`) or "as-written" (already SMART, left alone).
    verdict: String,
    #[serde(default)]
    fails: Vec<usize>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
struct JudgmentFile {
    pair: Vec<Judgment>,
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rewrites")
}

/// The sets read side by side, each with its inputs.
fn sets() -> Vec<(&'static str, Vec<String>)> {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let jsonl = |path: &Path| -> Vec<serde_json::Value> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let text = |v: &serde_json::Value| v["text"].as_str().unwrap().replace('\n', " ");
    let dev: Vec<String> = jsonl(&manifest.join("data/eval/statements-dev.jsonl"))
        .iter()
        .map(text)
        .collect();
    let corpus: Vec<String> = jsonl(&manifest.join("data/corpus/statements.jsonl"))
        .iter()
        .filter(|v| v["part"] == "tune" && v["label_smart"] == false)
        .map(text)
        .step_by(6)
        .collect();
    let lines = |name: &str| -> Vec<String> {
        std::fs::read_to_string(root().join(name))
            .unwrap()
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect()
    };
    vec![
        ("The dev set, every statement", dev),
        (
            "The corpus's tune part: every sixth statement labelled not SMART",
            corpus,
        ),
        (
            "Child protection and TAC objectives written for the test",
            lines("child-protection-tac.txt"),
        ),
        ("Patterns from the issues", lines("objectives.txt")),
    ]
}

/// Every pair, rewritten once per test process.
fn pairs() -> &'static Vec<(usize, String, Rewrite)> {
    static PAIRS: OnceLock<Vec<(usize, String, Rewrite)>> = OnceLock::new();
    PAIRS.get_or_init(|| {
        let tokenizer = smarten::models::load_tokenizer().expect("tests need the nlprule model");
        let checker = Checker::new(Arc::new(tokenizer), &Default::default());
        let encoder = smarten::models::load_encoder().expect("tests need the MiniLM model");
        let rewriter = Rewriter::new(&checker, Some(&encoder));
        let mut out = Vec::new();
        let child_protection = PlanKind::parse("child-protection").ok();
        for (set, (name, inputs)) in sets().into_iter().enumerate() {
            let kind = name
                .starts_with("Child protection")
                .then(|| child_protection.clone())
                .flatten();
            for input in inputs {
                let r =
                    rewriter.rewrite(&Objective::new(input.as_str()).with_plan_kind(kind.clone()));
                out.push((set, input, r));
            }
        }
        out
    })
}

fn judgments() -> BTreeMap<(String, String), Judgment> {
    let text = std::fs::read_to_string(root().join("judgments.toml")).unwrap_or_default();
    let file: JudgmentFile = toml::from_str(&text).unwrap_or(JudgmentFile { pair: vec![] });
    file.pair
        .into_iter()
        .map(|j| ((j.input.clone(), j.rewrite.clone()), j))
        .collect()
}

fn verdicts(c: &smarten::Criteria) -> String {
    smarten::Criterion::ALL
        .iter()
        .map(|&k| {
            let mark = match c.get(k).verdict {
                smarten::Verdict::Pass => "✓",
                smarten::Verdict::Fail => "✗",
                smarten::Verdict::Unknown => "?",
            };
            format!("{k}{mark}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn judged_line(j: Option<&Judgment>) -> String {
    match j {
        None => "NOT READ (the rewrite is new or changed)".to_string(),
        Some(j) if j.verdict == "accepted" => "accepted".to_string(),
        Some(j) if j.verdict == "as-written" => "already SMART: left as written".to_string(),
        Some(j) => {
            let failed: Vec<String> = j
                .fails
                .iter()
                .map(|&q| format!("{q} ({})", QUESTIONS[q - 1]))
                .collect();
            format!("fails {}", failed.join(", "))
        }
    }
}

#[test]
fn rewrites_match_the_side_by_side_file() {
    let judged = judgments();
    let names: Vec<&str> = sets().iter().map(|(n, _)| *n).collect();
    let mut body = String::new();
    // Per set: pairs, read, accepted, and failures per question.
    let mut tally = vec![(0usize, 0usize, 0usize, 0usize, [0usize; 5]); names.len()];
    let mut n = 0;
    let mut current_set = usize::MAX;
    for (set, input, r) in pairs() {
        if *set != current_set {
            current_set = *set;
            let _ = writeln!(body, "# {}\n", names[*set]);
        }
        n += 1;
        let j = judged.get(&(input.clone(), r.rewrite.clone()));
        let t = &mut tally[*set];
        t.0 += 1;
        match j {
            Some(j) if j.verdict == "as-written" => t.3 += 1,
            Some(j) => {
                t.1 += 1;
                if j.verdict == "accepted" {
                    t.2 += 1;
                }
                for &q in &j.fails {
                    t.4[q - 1] += 1;
                }
            }
            None => {}
        }
        // Italicise suggested spans.
        let mut shown = String::new();
        let mut at = 0;
        for s in &r.suggested {
            shown.push_str(&r.rewrite[at..s.start]);
            let _ = write!(shown, "*{}*", &r.rewrite[s.start..s.end]);
            at = s.end;
        }
        shown.push_str(&r.rewrite[at..]);
        let _ = writeln!(body, "## {n}. {input}\n");
        let _ = writeln!(body, "- before: {}", verdicts(&r.before));
        let _ = writeln!(body, "- after:  {}", verdicts(&r.after));
        let _ = writeln!(body, "- rewrite: {shown}");
        for c in &r.changes {
            let _ = writeln!(body, "  - {}: {}", c.criterion, c.what);
        }
        let _ = writeln!(body, "- read: {}", judged_line(j));
        if let Some(j) = j.filter(|j| !j.note.is_empty()) {
            let _ = writeln!(body, "  - {}", j.note);
        }
        body.push('\n');
    }
    assert!(n >= 120, "only {n} pairs");

    let mut out = String::from(
        "# Rewrites, side by side\n\n\
         Generated by `tests/rewrite_snapshots.rs` (model: minilm); each pair is read against\n\
         five questions (1 grammatical plain English, 2 keeps the writer's intent, 3 invents no\n\
         facts, 4 SMART once the placeholders are filled, 5 better in a way a practitioner would\n\
         accept), and the verdicts live in `judgments.toml`. `[...]` is a placeholder for the\n\
         team; *italics* come from the exemplar bank and need the team's confirmation. Letters\n\
         are the checker's verdicts before → after.\n\n\
         | set | pairs | already SMART | read | accepted | fails 1 | 2 | 3 | 4 | 5 |\n\
         |---|---|---|---|---|---|---|---|---|---|\n",
    );
    let mut total = (0, 0, 0, 0, [0usize; 5]);
    for (name, t) in names.iter().zip(&tally) {
        let _ = writeln!(
            out,
            "| {name} | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} |",
            t.0,
            t.3,
            t.1,
            t.2,
            share(t.2, t.1),
            t.4[0],
            t.4[1],
            t.4[2],
            t.4[3],
            t.4[4]
        );
        total.0 += t.0;
        total.1 += t.1;
        total.2 += t.2;
        total.3 += t.3;
        for q in 0..5 {
            total.4[q] += t.4[q];
        }
    }
    let _ = writeln!(
        out,
        "| all | {} | {} | {} | {} ({}) | {} | {} | {} | {} | {} |\n",
        total.0,
        total.3,
        total.1,
        total.2,
        share(total.2, total.1),
        total.4[0],
        total.4[1],
        total.4[2],
        total.4[3],
        total.4[4]
    );
    out.push_str(&body);

    let path = root().join("side-by-side.md");
    if std::env::var_os("SMARTEN_BLESS").is_some() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != out {
        let first = expected
            .lines()
            .zip(out.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        panic!(
            "rewrites differ from {} from line {} (SMARTEN_BLESS=1 regenerates it):\n  expected: {}\n  actual:   {}",
            path.display(),
            first + 1,
            expected.lines().nth(first).unwrap_or(""),
            out.lines().nth(first).unwrap_or("")
        );
    }
}

fn share(a: usize, b: usize) -> String {
    if b == 0 {
        "n/a".to_string()
    } else {
        format!("{:.0}%", 100.0 * a as f64 / b as f64)
    }
}

/// Every pair has been read as it now reads, and every verdict on file belongs
/// to a pair that still exists.
#[test]
fn every_rewrite_has_been_read() {
    let judged = judgments();
    let mut unread = String::new();
    let mut current = std::collections::HashSet::new();
    for (_, input, r) in pairs() {
        current.insert((input.clone(), r.rewrite.clone()));
        if !judged.contains_key(&(input.clone(), r.rewrite.clone())) {
            let _ = writeln!(
                unread,
                "[[pair]]\ninput = {}\nrewrite = {}\nverdict = \"\"\nfails = []\nnote = \"\"\n",
                toml_string(input),
                toml_string(&r.rewrite)
            );
        }
    }
    if let Some(path) = std::env::var_os("SMARTEN_UNREAD") {
        std::fs::write(path, &unread).unwrap();
    }
    let stale: Vec<&(String, String)> = judged.keys().filter(|k| !current.contains(*k)).collect();
    assert!(
        unread.is_empty(),
        "{} rewrites are unread (SMARTEN_UNREAD=FILE writes them out):\n{unread}",
        unread.matches("[[pair]]").count()
    );
    assert!(
        stale.is_empty(),
        "verdicts on rewrites that no longer exist: {stale:#?}"
    );
    for j in judged.values() {
        assert!(
            matches!(j.verdict.as_str(), "accepted" | "fails" | "as-written"),
            "{j:?}"
        );
        assert_eq!(j.verdict == "fails", !j.fails.is_empty(), "{j:?}");
        assert!(j.fails.iter().all(|q| (1..=5).contains(q)), "{j:?}");
    }
}

fn toml_string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

//! Marking a class: the sample class in `data/exercises/sample-class/` (CSV, and
//! the same answers written to XLSX by the test), malformed answer files, the
//! HTML report, the confidence comparison, and the faithfulness calibration.

use smarten::io::read_table;
use smarten::io::table::parse_delimited;
use smarten::mark::answers::read_answers;
use smarten::mark::exercise::Exercise;
use smarten::mark::{summarise, Mark, Marker, FAITHFUL_THRESHOLD};
use smarten::rewrite::Rewriter;
use smarten::{Checker, Criterion};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, OnceLock};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| {
        let tokenizer = smarten::models::load_tokenizer().expect("tests need the nlprule model");
        Checker::new(Arc::new(tokenizer), &Default::default())
    })
}

fn encoder() -> &'static smarten::models::minilm::SentenceEncoder {
    static ENCODER: OnceLock<smarten::models::minilm::SentenceEncoder> = OnceLock::new();
    ENCODER.get_or_init(|| smarten::models::load_encoder().expect("tests need the MiniLM model"))
}

fn exercise() -> Exercise {
    let path = root().join("data/exercises/is-it-smart.toml");
    Exercise::from_toml("is-it-smart.toml", &std::fs::read_to_string(path).unwrap()).unwrap()
}

fn mark_table(table: &smarten::io::table::Table) -> Vec<Mark> {
    let rewriter = Rewriter::new(checker(), Some(encoder()));
    let marker = Marker {
        checker: checker(),
        rewriter: &rewriter,
        encoder: Some(encoder()),
    };
    marker.mark(&exercise(), &read_answers(table).unwrap())
}

fn sample_marks() -> Vec<Mark> {
    mark_table(&read_table(&root().join("data/exercises/sample-class/answers.csv")).unwrap())
}

fn find<'a>(marks: &'a [Mark], who: &str, statement: &str) -> &'a Mark {
    marks
        .iter()
        .find(|m| m.counts() && m.participant == who && m.statement == statement)
        .unwrap_or_else(|| panic!("no mark for {who} {statement}"))
}

fn score(m: &Mark, c: Criterion) -> Option<u8> {
    m.scores.get(&c).copied()
}

#[test]
fn the_sample_class_is_marked_row_for_row_with_ticks_scores_and_feedback() {
    let marks = sample_marks();
    assert_eq!(marks.len(), 19, "one mark per answer row");
    assert!(
        marks.iter().all(|m| !m.feedback.trim().is_empty()),
        "every answer gets feedback"
    );

    // Ticks against the trainer's key.
    assert_eq!(find(&marks, "Ben Okafor", "S1").tick_correct, Some(false));
    assert_eq!(find(&marks, "Dan Wright", "S11").tick_correct, Some(false));
    assert_eq!(find(&marks, "Asha Patel", "S3").tick_correct, Some(true));
    assert_eq!(find(&marks, "Ben Okafor", "S6").tick_correct, Some(true));

    // A full SMART re-wording scores 2 on every letter.
    let asha_s4 = find(&marks, "Asha Patel", "S4");
    assert!(
        Criterion::ALL.iter().all(|&c| score(asha_s4, c) == Some(2)),
        "{asha_s4:#?}"
    );
    assert_eq!((asha_s4.total, asha_s4.max), (10, 10));
    // "by review": a time that is there but is not a date scores 1 for T.
    assert_eq!(
        score(find(&marks, "Asha Patel", "S7"), Criterion::T),
        Some(1)
    );
    // A measure with no method scores 1 for M.
    assert_eq!(
        score(find(&marks, "Asha Patel", "S1"), Criterion::M),
        Some(1)
    );
    // No time at all scores 0 for T ("Kyle will go to school more")...
    assert_eq!(
        score(find(&marks, "Carla Reid", "S4"), Criterion::T),
        Some(0)
    );
    // ...while a recurring setting is when the behaviour is due, as in the
    // guidance's own "... when he wants to ask a question".
    assert_eq!(
        score(find(&marks, "Carla Reid", "S1"), Criterion::T),
        Some(2)
    );
    // "Mum will make sure Jack never gets angry": outside Mum's control, 0 for A.
    assert_eq!(
        score(find(&marks, "Carla Reid", "S12"), Criterion::A),
        Some(0)
    );

    // A re-wording about something else entirely is flagged and scores 0 for R.
    let shed = find(&marks, "Ben Okafor", "S5");
    assert!(!shed.faithful, "{shed:#?}");
    assert_eq!(score(shed, Criterion::R), Some(0));
    assert!(shed.feedback.contains("trainer"), "{}", shed.feedback);

    // A statement judged not SMART with no re-wording: zeros, and an example.
    let ben_s1 = find(&marks, "Ben Okafor", "S1");
    assert_eq!(ben_s1.total, 0);
    assert!(
        ben_s1.feedback.contains("For example"),
        "{}",
        ben_s1.feedback
    );

    // Duplicate submissions: the last wins and the earlier is reported, not dropped.
    let replaced = marks.iter().find(|m| m.row == 19).unwrap();
    assert_eq!(replaced.superseded_by, Some(20));

    // Feedback quotes the guidance for what is missing.
    let carla_s4 = find(&marks, "Carla Reid", "S4");
    assert!(
        carla_s4.feedback.contains(Criterion::T.guidance()),
        "{}",
        carla_s4.feedback
    );
    let carla_s1 = find(&marks, "Carla Reid", "S1");
    assert!(
        carla_s1.feedback.contains(Criterion::M.guidance()),
        "{}",
        carla_s1.feedback
    );

    let summary = summarise(&exercise(), &marks);
    assert_eq!(summary.marked, 18);
    assert_eq!(summary.superseded, 1);
    assert_eq!(summary.participants.len(), 4);
}

#[test]
fn answers_in_xlsx_mark_the_same_as_in_csv() {
    let csv = read_table(&root().join("data/exercises/sample-class/answers.csv")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in csv.headers.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, row) in csv.rows.iter().enumerate() {
        for (c, cell) in row.cells.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, cell).unwrap();
        }
    }
    book.save(&path).unwrap();
    let xlsx = read_table(&path).unwrap();
    let from_xlsx = mark_table(&xlsx);
    let from_csv = mark_table(&csv);
    assert_eq!(from_xlsx.len(), from_csv.len());
    for (a, b) in from_xlsx.iter().zip(&from_csv) {
        assert_eq!(
            (a.row, &a.participant, a.tick_correct, &a.scores),
            (b.row, &b.participant, b.tick_correct, &b.scores)
        );
    }
}

#[test]
fn a_truncated_xlsx_is_a_clear_error_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .write_string(0, 0, "Participant")
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    let err = read_table(&path).unwrap_err().to_string();
    assert!(
        err.contains("answers.xlsx") && err.contains("XLSX"),
        "{err}"
    );
}

#[test]
fn malformed_rows_are_named_and_still_output() {
    let table = parse_delimited(
        "answers.csv",
        "Participant,Statement,Tick,Reworded\n\
         Asha,S1,no,John will put his hand up in 4 of 5 lessons by July\n\
         Asha,S99,no,\n\
         ,S2,yes,\n\
         Ben,S3,perhaps,\n",
    )
    .unwrap();
    let marks = mark_table(&table);
    assert_eq!(marks.len(), 4, "marks are never dropped");
    assert!(marks[0].error.is_none());
    assert_eq!(marks[1].row, 3);
    assert!(marks[1]
        .error
        .as_deref()
        .unwrap()
        .contains("unknown statement id 'S99'"));
    assert_eq!(marks[2].row, 4);
    assert!(marks[2].error.as_deref().unwrap().contains("participant"));
    assert_eq!(marks[3].row, 5);
    assert!(marks[3].error.as_deref().unwrap().contains("perhaps"));
}

fn smarten(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smarten"))
        .current_dir(root())
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn the_cli_writes_marks_csv_and_the_html_report_and_exits_2_on_bad_rows() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("marks.csv");
    let report = dir.path().join("class.html");
    let run = smarten(&[
        "mark",
        "--exercise",
        "data/exercises/is-it-smart.toml",
        "--answers",
        "data/exercises/sample-class/answers.csv",
        "--before",
        "data/exercises/sample-class/confidence-before.csv",
        "--after",
        "data/exercises/sample-class/confidence-after.csv",
        "--out",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("hardest statements:"), "{stdout}");
    assert!(
        stdout.contains("confidence fell for: Dan Wright"),
        "{stdout}"
    );
    let marks = read_table(&out).unwrap();
    assert_eq!(marks.rows.len(), 19);
    assert!(marks.column(&["feedback"]).is_some());
    let html = std::fs::read_to_string(&report).unwrap();
    for needle in [
        "<svg",
        "Heat map",
        "Asha Patel",
        "Measure of Confidence",
        "Confidence fell for: Dan Wright",
        "flagged for the trainer",
    ] {
        assert!(html.contains(needle), "report lacks {needle}");
    }
    // Self-contained: no scripts, stylesheets or images fetched from anywhere.
    assert_eq!(
        html.matches("http").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "the report refers to an external address"
    );
    assert!(!html.contains("<script") && !html.contains("<link") && !html.contains("<img"));
    // Each person's feedback quotes the guidance for a letter once, however
    // many of their answers miss it; the marks file keeps it on every row.
    let quote = "The guidance asks: &quot;Measurable:";
    let people: Vec<&str> = html.split("<section class=\"person\">").skip(1).collect();
    assert!(
        people.iter().any(|p| p.contains(quote)),
        "no guidance quoted"
    );
    for p in &people {
        assert!(p.matches(quote).count() <= 1, "quoted twice: {p}");
    }
    let feedback = marks.column(&["feedback"]).unwrap();
    let quoted_rows = marks
        .rows
        .iter()
        .filter(|r| {
            marks
                .cell(r, feedback)
                .contains("The guidance asks: \"Measurable:")
        })
        .count();
    assert!(quoted_rows > people.len(), "{quoted_rows}");

    let bad = dir.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Participant,Statement,Tick\nAsha,S1,no\nAsha,S42,yes\n",
    )
    .unwrap();
    let bad_out = dir.path().join("bad-marks.csv");
    let run = smarten(&[
        "mark",
        "--no-model",
        "--exercise",
        "data/exercises/is-it-smart.toml",
        "--answers",
        bad.to_str().unwrap(),
        "--out",
        bad_out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("bad.csv: row 3") && stderr.contains("S42"),
        "{stderr}"
    );
    assert_eq!(read_table(&bad_out).unwrap().rows.len(), 2);
}

#[test]
fn the_confidence_subcommand_reports_the_mean_change_with_its_interval() {
    let run = smarten(&[
        "mark",
        "confidence",
        "--before",
        "data/exercises/sample-class/confidence-before.csv",
        "--after",
        "data/exercises/sample-class/confidence-after.csv",
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    // Changes +1.67, +1.00, +0.67, -0.67: mean +0.67, t(3) interval -0.89 to +2.23.
    assert!(
        stdout.contains("mean change +0.67 on a 1 to 5 scale (95% CI -0.89 to +2.23)"),
        "{stdout}"
    );
}

/// Balanced accuracy of flagging unfaithful re-wordings on labelled pairs.
fn balanced(results: &[(bool, bool)]) -> f64 {
    let faithful: Vec<bool> = results.iter().filter(|r| r.1).map(|r| r.0).collect();
    let unrelated: Vec<bool> = results.iter().filter(|r| !r.1).map(|r| r.0).collect();
    let kept = faithful.iter().filter(|&&f| f).count() as f64 / faithful.len() as f64;
    let caught = unrelated.iter().filter(|&&f| !f).count() as f64 / unrelated.len() as f64;
    (kept + caught) / 2.0
}

#[test]
fn re_wordings_that_swap_the_person_or_the_goal_are_flagged() {
    let text = std::fs::read_to_string(root().join("tests/mark/rewording-pairs.tsv")).unwrap();
    let mut pairs = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 3, "{line}");
        let statement = checker().analyse(&smarten::Objective::new(cols[0]));
        let reworded = checker().analyse(&smarten::Objective::new(cols[1]));
        let f = smarten::mark::faithful::judge(
            &reworded,
            &statement,
            None,
            Some(encoder()),
            checker().lexicon(),
        );
        pairs.push((f, cols[2] == "1", cols[0].to_string(), cols[1].to_string()));
    }
    assert!(pairs.len() >= 100, "{} pairs", pairs.len());
    let at = |t: f32| -> Vec<(bool, bool)> {
        pairs
            .iter()
            .map(|(f, label, ..)| {
                (
                    f.same_person && (f.similarity >= t || f.shares_a_word),
                    *label,
                )
            })
            .collect()
    };
    let configured = balanced(&at(FAITHFUL_THRESHOLD));
    let (best, best_t) = (10..80)
        .map(|k| k as f32 / 100.0)
        .map(|t| (balanced(&at(t)), t))
        .fold((0.0, 0.0), |a, b| if b.0 > a.0 { b } else { a });
    // Before: similarity alone, at the bank-calibrated 0.20.
    let before = balanced(
        &pairs
            .iter()
            .map(|(f, label, ..)| (f.similarity >= 0.20, *label))
            .collect::<Vec<_>>(),
    );
    let wrong: Vec<String> = pairs
        .iter()
        .zip(at(FAITHFUL_THRESHOLD))
        .filter(|(_, (flag, label))| flag != label)
        .map(|((f, label, s, r), _)| format!("{label} {:.2} '{s}' -> '{r}'", f.similarity))
        .collect();
    let results = at(FAITHFUL_THRESHOLD);
    let unrelated = results.iter().filter(|r| !r.1).count();
    let caught = results.iter().filter(|r| !r.1 && !r.0).count();
    let faithful = results.iter().filter(|r| r.1).count();
    let kept = results.iter().filter(|r| r.1 && r.0).count();
    println!(
        "faithfulness on {} pairs: balanced accuracy {configured:.3} at {FAITHFUL_THRESHOLD:.2} (unrelated flagged {caught}/{unrelated}, faithful kept {kept}/{faithful}; optimum {best:.3} at {best_t:.2}); similarity alone at the old 0.20: {before:.3}\n{}",
        pairs.len(),
        wrong.join("\n")
    );
    assert!(
        configured + 0.01 >= best,
        "the threshold is off the optimum {best_t}"
    );
    assert!(configured >= 0.9, "balanced accuracy {configured:.3}");
    assert!(
        configured > before + 0.05,
        "no better than similarity alone ({before:.3})"
    );
    // The issue's own pair, and a faithful but vague re-wording.
    let flagged = |s: &str, r: &str| {
        let f = smarten::mark::faithful::judge(
            &checker().analyse(&smarten::Objective::new(r)),
            &checker().analyse(&smarten::Objective::new(s)),
            None,
            Some(encoder()),
            checker().lexicon(),
        );
        !f.faithful
    };
    assert!(flagged(
        "Mum to reduce her drinking",
        "Mum will take the children to the park every Saturday"
    ));
    assert!(!flagged(
        "Mum will reduce her drinking",
        "Mum to drink less"
    ));
}

#[test]
fn a_vague_re_wording_scores_low_on_the_letters_it_misses() {
    let x = checker().analyse(&smarten::Objective::new(
        "Social worker to keep an eye on the baby's feeding ongoing",
    ));
    assert!(
        smarten::mark::letter_score(Criterion::S, &x) < 2,
        "{:?}",
        x.judgment.findings
    );
    assert_eq!(smarten::mark::letter_score(Criterion::T, &x), 0);
    let x = checker().analyse(&smarten::Objective::new(
        "The health visitor will weigh the baby at the clinic every two weeks until 1 June 2027, recorded in the red book",
    ));
    assert_eq!(smarten::mark::letter_score(Criterion::T, &x), 2);
}

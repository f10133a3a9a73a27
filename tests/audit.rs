//! `smarten audit` over every plan format, built by the tests themselves: CSV,
//! TSV, XLSX (two sheets), DOCX (a plan table, and one with no tables), JSONL and
//! TXT, in a folder with a file that is not a plan. Records out equal rows in;
//! malformed files are named and the rest are still audited.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

const HEADER: [&str; 6] = ["Plan ID", "Need", "Lead", "Action", "Timescale", "Evidence"];
const ROWS: [[&str; 6]; 4] = [
    [
        "P1",
        "Amy is late for school",
        "Mum",
        "Walk Amy to school by 8.45am every school day",
        "for 6 weeks",
        "school register",
    ],
    [
        "P1",
        "Missed health appointments",
        "Children's Services",
        "Mum to engage with services",
        "ongoing",
        "by review",
    ],
    ["", "", "", "", "", ""],
    [
        "P1",
        "John disrupts lessons",
        "John",
        "John will stop disrupting the class",
        "",
        "",
    ],
];

fn smarten(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(args)
        .output()
        .unwrap()
}

fn write_csv(path: &Path, delimiter: char) {
    let mut text = HEADER.join(&delimiter.to_string());
    text.push('\n');
    for r in ROWS {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains(delimiter) {
                    format!("\"{c}\"")
                } else {
                    c.to_string()
                }
            })
            .collect();
        text.push_str(&cells.join(&delimiter.to_string()));
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

fn write_xlsx(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for name in ["Plan", "Old plan"] {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (c, h) in HEADER.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
        for (r, row) in ROWS.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if !cell.is_empty() {
                    sheet.write_string(r as u32 + 1, c as u16, *cell).unwrap();
                }
            }
        }
    }
    book.save(path).unwrap();
}

fn docx(path: &Path, body: &str) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("[Content_Types].xml", opts).unwrap();
    zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#).unwrap();
    zip.start_file("word/document.xml", opts).unwrap();
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes()).unwrap();
    zip.finish().unwrap();
}

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn table(rows: &[Vec<&str>]) -> String {
    let mut t = String::from("<w:tbl>");
    for r in rows {
        t.push_str("<w:tr>");
        for c in r {
            t.push_str(&format!("<w:tc>{}</w:tc>", para(c)));
        }
        t.push_str("</w:tr>");
    }
    t.push_str("</w:tbl>");
    t
}

fn plan_folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(plans.join("2026")).unwrap();
    write_csv(&plans.join("a.csv"), ',');
    write_csv(&plans.join("b.tsv"), '\t');
    write_xlsx(&plans.join("2026/c.xlsx"));
    let rows: Vec<Vec<&str>> = std::iter::once(HEADER.to_vec())
        .chain(ROWS.iter().map(|r| r.to_vec()))
        .collect();
    docx(
        &plans.join("d.docx"),
        &format!("{}{}", para("Child's plan"), table(&rows)),
    );
    docx(
        &plans.join("e.docx"),
        &format!(
            "{}{}",
            para("Mum to engage with services"),
            para("Dad will attend the parenting course every Tuesday for 6 weeks")
        ),
    );
    std::fs::write(
        plans.join("f.jsonl"),
        "{\"text\": \"Mum to engage with services ongoing\", \"concern\": \"missed appointments\"}\n{\"text\": \"John will stop disrupting the class\"}\n",
    )
    .unwrap();
    std::fs::write(
        plans.join("g.txt"),
        "Mum to engage with services\n\nto understand the importance of school\n",
    )
    .unwrap();
    std::fs::write(plans.join("notes.pdf"), b"%PDF-1.4 not a plan").unwrap();
    (dir, plans)
}

fn records(path: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_format_is_read_and_records_out_equal_rows_in() {
    let (dir, plans) = plan_folder();
    let out = dir.path().join("audit.jsonl");
    let run = smarten(&[
        "audit",
        "--quiet",
        "--no-model",
        plans.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{stdout}\n{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let recs = records(&out);
    // 4 rows each in CSV, TSV, the DOCX table and the two XLSX sheets; 2 DOCX
    // paragraphs (the title is a third); 2 JSONL lines; 2 TXT lines.
    let per_file = |name: &str| {
        recs.iter()
            .filter(|r| r["file"].as_str().unwrap().ends_with(name))
            .count()
    };
    assert_eq!(per_file("a.csv"), 4);
    assert_eq!(per_file("b.tsv"), 4);
    assert_eq!(per_file("c.xlsx"), 8);
    assert_eq!(per_file("d.docx"), 4);
    assert_eq!(per_file("e.docx"), 2);
    assert_eq!(per_file("f.jsonl"), 2);
    assert_eq!(per_file("g.txt"), 2);
    assert_eq!(recs.len(), 26);
    assert!(
        stdout.contains("skipped:") && stdout.contains("notes.pdf"),
        "{stdout}"
    );

    // The blank row is output, marked, not judged.
    let csv: Vec<&serde_json::Value> = recs
        .iter()
        .filter(|r| r["file"].as_str().unwrap().ends_with("a.csv"))
        .collect();
    assert_eq!(csv[2]["skipped"], "empty");
    assert_eq!(
        csv.iter()
            .map(|r| r["row"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        vec![2, 3, 4, 5]
    );
    // The original fields come back unchanged, in column order.
    let keys: Vec<&String> = csv[0]["fields"].as_object().unwrap().keys().collect();
    assert_eq!(keys, HEADER.iter().collect::<Vec<_>>());
    assert_eq!(csv[0]["fields"]["Action"], ROWS[0][3]);
    // Judgments and per-field findings.
    assert_eq!(csv[0]["smart"], true, "{}", csv[0]);
    assert_eq!(csv[1]["smart"], false);
    let fields: Vec<&str> = csv[1]["field_findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["who", "when", "measure"], "{}", csv[1]);
    assert!(
        csv[1]["rewrite"].as_str().unwrap().contains("[by when]"),
        "{}",
        csv[1]
    );
    // The same rows judge the same in every format.
    let xlsx: Vec<&serde_json::Value> = recs
        .iter()
        .filter(|r| r["file"].as_str().unwrap().ends_with("c.xlsx"))
        .collect();
    assert_eq!(xlsx[0]["sheet"], "Plan");
    assert_eq!(xlsx[4]["sheet"], "Old plan");
    for (a, b) in csv.iter().zip(&xlsx) {
        assert_eq!(a["smart"], b["smart"]);
        assert_eq!(a["objective"], b["objective"]);
    }
}

#[test]
fn csv_output_has_one_row_per_input_row() {
    let (dir, plans) = plan_folder();
    let out = dir.path().join("audit.csv");
    let run = smarten(&[
        "audit",
        "-q",
        "--no-rewrite",
        plans.join("a.csv").to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(1));
    let t = smarten::io::read_table(&out).unwrap();
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.headers[0], "file");
    // No temporary file is left beside the output.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".tmp"))
        .collect();
    assert!(left.is_empty());
}

#[test]
fn malformed_files_are_named_and_the_rest_still_audited() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    std::fs::create_dir_all(&plans).unwrap();
    write_csv(&plans.join("good.csv"), ',');
    std::fs::write(
        plans.join("broken.csv"),
        "Action,Lead\n\"Mum to engage,Mum\n",
    )
    .unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Action").unwrap();
    let bytes = book.save_to_buffer().unwrap();
    std::fs::write(plans.join("truncated.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(
        plans.join("noheader.csv"),
        "Colour,Size\nred,big\nblue,small\n",
    )
    .unwrap();
    std::fs::write(
        plans.join("bad.jsonl"),
        "{\"text\": \"Mum to engage\"}\nnot json\n",
    )
    .unwrap();
    std::fs::write(
        plans.join("latin1.csv"),
        b"Action,Lead\nWalk Amy to school by 8.45am every day for 6 weeks,Mum\nCall the GP by Friday,D\xe9borah\n".as_slice(),
    )
    .unwrap();
    let out = dir.path().join("audit.jsonl");
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        plans.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("broken.csv: row 2"), "{stdout}");
    assert!(stdout.contains("truncated.xlsx"), "{stdout}");
    assert!(
        stdout.contains("noheader.csv") && stdout.contains("--columns"),
        "{stdout}"
    );
    let recs = records(&out);
    let per_file = |name: &str| {
        recs.iter()
            .filter(|r| r["file"].as_str().unwrap().ends_with(name))
            .collect::<Vec<_>>()
    };
    assert_eq!(per_file("good.csv").len(), 4);
    // A table with no action column: every row is still output, with the reason.
    let nh = per_file("noheader.csv");
    assert_eq!(nh.len(), 2);
    assert!(nh
        .iter()
        .all(|r| r["error"].as_str().unwrap().contains("no action column")));
    // A bad JSONL line keeps its place.
    let bad = per_file("bad.jsonl");
    assert_eq!(bad.len(), 2);
    assert_eq!(bad[1]["row"], 2);
    assert!(bad[1]["error"].as_str().unwrap().contains("invalid JSON"));
    // A file saved in Windows-1252 is read in it, and the summary says so.
    let latin = per_file("latin1.csv");
    assert_eq!(latin.len(), 2);
    assert!(latin.iter().all(|r| r["error"].is_null()), "{latin:?}");
    assert!(
        serde_json::to_string(latin[1]).unwrap().contains('é'),
        "{}",
        latin[1]
    );
    assert!(
        stdout.contains("latin1.csv: not UTF-8, read as windows-1252"),
        "{stdout}"
    );

    // --columns names the action column.
    let run = smarten(&[
        "audit",
        "-q",
        "--no-rewrite",
        plans.join("noheader.csv").to_str().unwrap(),
        "--columns",
        "what=Colour",
    ]);
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
}

#[test]
fn the_bundled_example_shows_every_plan_finding_and_drift_in_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("audit.html");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/plans");
    let out = dir.path().join("audit.jsonl");
    let run = smarten(&[
        "audit",
        "-q",
        examples.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    // The carried-over row is flagged in its own record too.
    let drifted: Vec<serde_json::Value> = records(&out)
        .into_iter()
        .filter(|r| r.get("drift").is_some())
        .collect();
    assert_eq!(drifted.len(), 1, "{drifted:?}");
    assert!(drifted[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("hughes-2026-03-09.xlsx"));
    assert_eq!(
        drifted[0]["drift"],
        "carried over unchanged since 2026-01-12 and still not SMART"
    );
    for finding in [
        "has no action addressing it",
        "relates to none of the plan's concerns",
        "Kayleigh Hughes owns no action",
        "no review date is stated",
        "carried over unchanged since 2026-01-12 and still not SMART",
    ] {
        assert!(
            stdout.contains(finding),
            "summary lacks '{finding}':\n{stdout}"
        );
    }
    let html = std::fs::read_to_string(&report).unwrap();
    for needle in [
        "<svg",
        "Failures per letter",
        "HUG-01",
        "suggested rewrite",
        "carried over unchanged",
        "[by when]",
        // Header: what was audited, by which version, when.
        "data/examples/plans &middot; smarten ",
        " UTC</p>",
        // Findings in plain words, each action's reasons beside it.
        "<th>why</th>",
        "T: ",
    ] {
        assert!(html.contains(needle), "report lacks {needle}");
    }
    // The most frequent findings lead with plain words, not rule ids.
    let findings = html
        .split("Most frequent findings")
        .nth(1)
        .and_then(|t| t.split("<td>").nth(1))
        .unwrap_or_default();
    assert!(
        findings.starts_with(|c: char| c.is_uppercase())
            && findings.contains("<small class=\"id\">"),
        "{findings}"
    );
    assert_eq!(
        html.matches("http").count(),
        html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count(),
        "the report refers to an external address"
    );
}

#[test]
fn a_plan_whose_actions_belong_only_to_agencies_lacks_family_owners() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plan.csv");
    std::fs::write(
        &plan,
        "Plan ID,Child,Need,Lead,Action,By when,Evidence,Review date\n\
         P9,Leo Grant,Leo misses school,School,Phone home by 9.30am on each day Leo is absent,from 1 March 2026,school register,1 June 2026\n",
    )
    .unwrap();
    let run = smarten(&["audit", "-q", "--no-rewrite", plan.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("Leo Grant owns no action"), "{stdout}");
    assert!(
        stdout.contains("no parent or carer owns an action"),
        "{stdout}"
    );
    assert!(!stdout.contains("no review date"), "{stdout}");
}

#[test]
fn relevance_to_the_plans_concerns_separates_clear_pairs() {
    let tokenizer = smarten::models::load_tokenizer().unwrap();
    let checker = smarten::Checker::new(std::sync::Arc::new(tokenizer), &Default::default());
    // With the model (when built with it), and by word overlap.
    let model = smarten::models::load_embedder().ok();
    #[cfg(feature = "minilm")]
    assert!(model.is_some(), "tests need the MiniLM model (make models)");
    for encoder in [model.as_deref(), None] {
        let auditor = smarten::audit::Auditor::new(&checker, None, encoder);
        let concerns = vec![
            "Amy's attendance at school is 72% this term".to_string(),
            "The kitchen is dirty and the bins overflow".to_string(),
        ];
        for related in [
            "walk Amy to school by 8.45am every school day",
            "wash up after tea and take the bins out every evening",
        ] {
            let (s, _) = auditor.relevance(related, &concerns);
            assert!(
                s >= smarten::audit::RELEVANCE_THRESHOLD,
                "{related}: {s} (model: {})",
                encoder.is_some()
            );
        }
        for unrelated in [
            "sell the old sofa on Facebook Marketplace",
            "learn to play the guitar",
        ] {
            let (s, _) = auditor.relevance(unrelated, &concerns);
            assert!(
                s < smarten::audit::RELEVANCE_THRESHOLD,
                "{unrelated}: {s} (model: {})",
                encoder.is_some()
            );
        }
    }
}

#[test]
fn many_plans_the_terminal_lists_the_worst_and_the_report_lists_every_action() {
    let dir = tempfile::tempdir().unwrap();
    let plan = dir.path().join("plans.csv");
    let mut text = String::from("Plan ID,Child,Need,Lead,Action,By when,Evidence\n");
    for p in 1..=30 {
        text.push_str(&format!(
            "P{p},Amy Jones,Amy is late for school,Mum,Walk Amy to school by 8.45am every school day,for 6 weeks,school register\n\
             P{p},Amy Jones,Amy is late for school,Amy,Amy to understand the importance of school,ongoing,by review\n"
        ));
    }
    std::fs::write(&plan, text).unwrap();
    let report = dir.path().join("audit.html");
    let run = smarten(&[
        "audit",
        "-q",
        plan.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(run.status.code(), Some(1), "{stdout}");
    // Every plan lacks a review date: ten are listed, the other twenty counted.
    assert_eq!(
        stdout.matches("no review date is stated").count(),
        10,
        "{stdout}"
    );
    assert!(
        stdout.contains("and findings on 20 more plan versions"),
        "{stdout}"
    );
    // The report holds every plan, each with its vague action beside a rewrite.
    let html = std::fs::read_to_string(&report).unwrap();
    assert_eq!(html.matches("<h3>").count(), 30);
    assert_eq!(
        html.matches("<td>Amy to understand the importance of school")
            .count(),
        30,
        "{html}"
    );
    assert!(
        !html.contains("<td>Walk Amy to school"),
        "a SMART action is listed as not SMART"
    );
    assert_eq!(html.matches("no review date is stated").count(), 30);
}

#[test]
fn a_plan_kind_column_sets_each_rows_conventions_and_an_unknown_kind_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("plans.csv");
    std::fs::write(
        &csv,
        "Plan kind,Action\n\
         child protection,Attend 6 of the 8 parenting group sessions on Tuesday mornings\n\
         IEP,Attend 6 of the 8 parenting group sessions on Tuesday mornings\n\
         horoscope,Attend 6 of the 8 parenting group sessions on Tuesday mornings\n",
    )
    .unwrap();
    let tokenizer = smarten::models::load_tokenizer().unwrap();
    let checker = smarten::Checker::new(std::sync::Arc::new(tokenizer), &Default::default());
    let auditor = smarten::audit::Auditor::new(&checker, None, None);
    let mut records: Vec<smarten::audit::RowRecord> = Vec::new();
    smarten::audit::run(
        &auditor,
        &[csv],
        &Default::default(),
        &mut records,
        &smarten::audit::NoProgress,
    )
    .unwrap();
    assert_eq!(records.len(), 3);
    // A child protection action names who acts; an IEP goal may leave it to the plan.
    assert_eq!(records[0].smart, Some(false), "{:?}", records[0]);
    assert_eq!(records[1].smart, Some(true), "{:?}", records[1]);
    // An unknown kind is named in the record, and the row judged by default.
    assert!(
        records[2]
            .field_findings
            .iter()
            .any(|f| f.field == "kind" && f.message.contains("unknown plan kind `horoscope`")),
        "{:?}",
        records[2].field_findings
    );
    assert_eq!(records[2].smart, Some(true));
}

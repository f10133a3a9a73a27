//! Plan files read as a person would expect, each from a file the test
//! builds: Excel date cells as dates in the plan's locale, a header found
//! below title rows, sheets that are not plans passed over with the reason,
//! and the `--sheet` and `--header-row` overrides.

mod common;

use common::cli::{audit, said};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet};
use std::path::{Path, PathBuf};

fn put(sheet: &mut Worksheet, row: u32, cells: &[&str]) {
    for (c, text) in cells.iter().enumerate() {
        if !text.is_empty() {
            sheet
                .write_string(row, c as u16, *text)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
}

/// A workbook as a case management system exports it: a title row and a
/// blank row above the header, a "By when" column of date cells, a time
/// cell, and a Notes sheet that is not a plan.
fn exported_workbook(dir: &Path) -> PathBuf {
    let path = dir.join("export.xlsx");
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let time = Format::new().set_num_format("hh:mm");
    let plan = book.add_worksheet();
    plan.set_name("Plan").unwrap_or_else(|e| panic!("{e}"));
    put(
        plan,
        0,
        &["Child Protection Plan – Leo Nowak (DOB 02/03/2015)"],
    );
    put(plan, 2, &["Action", "Who", "By when", "Start time"]);
    put(
        plan,
        3,
        &["Walk Leo to school by 8.45am every school day", "Mum"],
    );
    let by = ExcelDateTime::from_ymd(2027, 3, 31).unwrap_or_else(|e| panic!("{e}"));
    plan.write_datetime_with_format(3, 2, &by, &date)
        .unwrap_or_else(|e| panic!("{e}"));
    let at = ExcelDateTime::from_hms(8, 45, 0).unwrap_or_else(|e| panic!("{e}"));
    plan.write_datetime_with_format(3, 3, &at, &time)
        .unwrap_or_else(|e| panic!("{e}"));
    put(plan, 4, &["Attend every health appointment", "Dad"]);
    let by = ExcelDateTime::from_ymd(2027, 7, 1).unwrap_or_else(|e| panic!("{e}"));
    plan.write_datetime_with_format(4, 2, &by, &date)
        .unwrap_or_else(|e| panic!("{e}"));
    let notes = book.add_worksheet();
    notes.set_name("Notes").unwrap_or_else(|e| panic!("{e}"));
    put(notes, 0, &["Guidance for workers"]);
    put(
        notes,
        1,
        &["Fill in one row per action. Review every 3 months."],
    );
    book.save(&path).unwrap_or_else(|e| panic!("{e}"));
    path
}

#[test]
fn date_cells_are_dates_in_the_plans_locale_and_judged_as_dates() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = exported_workbook(dir.path());
    let (run, records) = audit(&book, &[]);
    assert_eq!(records.len(), 2, "{}", said(&run));
    assert_eq!(records[0]["fields"]["By when"], "31/03/2027");
    assert_eq!(records[0]["fields"]["Start time"], "08:45");
    assert_eq!(records[1]["fields"]["By when"], "01/07/2027");
    let objective = records[0]["objective"].as_str().unwrap_or_default();
    assert!(objective.contains("31/03/2027"), "{objective}");
    assert_eq!(
        records[0]["criteria"]["T"]["verdict"], "pass",
        "{}",
        records[0]
    );
    // The locale is a setting.
    let config = dir.path().join("smarten.toml");
    std::fs::write(&config, "[read]\ndates = \"iso\"\n").unwrap_or_else(|e| panic!("{e}"));
    let (_, records) = audit(&book, &["--config", config.to_str().unwrap_or_default()]);
    assert_eq!(records[0]["fields"]["By when"], "2027-03-31");
}

#[test]
fn the_header_is_found_below_title_rows_and_other_sheets_are_passed_over() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = exported_workbook(dir.path());
    let (run, records) = audit(&book, &[]);
    let text = said(&run);
    assert_eq!(
        records
            .iter()
            .map(|r| r["row"].as_u64())
            .collect::<Vec<_>>(),
        vec![Some(4), Some(5)],
        "{text}"
    );
    assert!(records.iter().all(|r| r["sheet"] == "Plan"));
    assert!(
        text.contains("export.xlsx [Plan]: the header is row 3; the rows above it are titles"),
        "{text}"
    );
    assert!(
        text.contains("skipped: ")
            && text.contains("export.xlsx [Notes]: not a plan: none of its first 20 rows"),
        "{text}"
    );
}

#[test]
fn sheet_and_header_row_can_be_named() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let book = exported_workbook(dir.path());
    // The Notes sheet's first row as its header: its one row is an objective.
    let (run, records) = audit(&book, &["--sheet", "Notes", "--header-row", "1"]);
    assert_eq!(records.len(), 1, "{}", said(&run));
    assert_eq!(records[0]["sheet"], "Notes");
    assert_eq!(records[0]["row"], 2);
    // A sheet that is not there is named, with the sheets that are.
    let (run, records) = audit(&book, &["--sheet", "Actions"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(
        said(&run)
            .contains("no sheet is named 'Actions' (--sheet); its sheets with tables are: Plan"),
        "{}",
        said(&run)
    );
    assert!(records.is_empty());
}

/// The plan findings the terminal lists for a CSV plan.
fn plan_findings(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap_or_else(|e| panic!("{e}"));
    let (run, _) = audit(&path, &[]);
    said(&run)
}

#[test]
fn a_named_parent_or_carer_owns_an_action_as_mum_or_dad_would() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let missing = "no parent or carer owns an action";
    // The concern says Mrs Patel is the mother.
    let said = plan_findings(
        dir.path(),
        "named.csv",
        "Child,Concern,Who,Action\nLeo Nowak,Mrs Patel (mother) struggles to get Leo up in the mornings,Mrs Patel,Set an alarm for 7am every school day\nLeo Nowak,Leo is late for school,Leo,Be at the school gate by 8.45am every school day\n",
    );
    assert!(!said.contains(missing), "{said}");
    // A titled name that the plan does not call a parent is not one.
    let said = plan_findings(
        dir.path(),
        "teacher.csv",
        "Child,Concern,Who,Action\nLeo Nowak,Leo is late for school,Mrs Jones,Phone home by 9.15am on each day Leo is late\nLeo Nowak,Leo is late for school,Leo,Be at the school gate by 8.45am every school day\n",
    );
    assert!(said.contains(missing), "{said}");
    // A carer column names the carer; a grandparent and a foster carer count too.
    let said = plan_findings(
        dir.path(),
        "carer.csv",
        "Child,Parent/carer,Concern,Who,Action\nLeo Nowak,Anita Okafor,Leo is late for school,Ms Okafor,Walk Leo to school by 8.45am every school day\nLeo Nowak,Anita Okafor,Leo is late for school,Leo,Pack his bag by 8pm every school night\n",
    );
    assert!(!said.contains(missing), "{said}");
    for who in ["Grandma", "His foster carer"] {
        let said = plan_findings(
            dir.path(),
            "family.csv",
            &format!("Child,Concern,Who,Action\nLeo Nowak,Leo is late for school,{who},Walk Leo to school by 8.45am every school day\nLeo Nowak,Leo is late for school,Leo,Pack his bag by 8pm every school night\n"),
        );
        assert!(!said.contains(missing), "{who}: {said}");
    }
}

#[test]
fn dates_are_checked_on_the_calendar_against_the_plans_own_date_and_review() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("dated.csv");
    std::fs::write(
        &path,
        "Plan date,Review date,Who,Action,When\n\
         15/06/2026,30/09/2026,Mum,Walk Amy to school by 8.45am every school day,by 01/03/2026\n\
         15/06/2026,30/09/2026,Mum,Walk Amy to school by 8.45am every school day,by next review\n\
         15/06/2026,30/09/2026,Mum,Walk Amy to school by 8.45am every school day,by 31/02/2027\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (run, records) = audit(&path, &[]);
    assert_eq!(records.len(), 3, "{}", said(&run));
    let field = |r: &serde_json::Value| r["field_findings"].to_string();
    assert!(
        field(&records[0]).contains("01/03/2026 is before the plan's own date (15/06/2026)"),
        "{}",
        field(&records[0])
    );
    let objective = records[1]["objective"].as_str().unwrap_or_default();
    assert!(objective.ends_with("by 30/09/2026"), "{objective}");
    assert!(
        !field(&records[1]).contains("when"),
        "{}",
        field(&records[1])
    );
    let rules: Vec<&str> = records[2]["findings"]
        .as_array()
        .map(|f| f.iter().filter_map(|x| x["rule"].as_str()).collect())
        .unwrap_or_default();
    assert!(rules.contains(&"impossible-date"), "{rules:?}");
    assert_eq!(records[2]["criteria"]["T"]["verdict"], "fail");
}

/// A DOCX holding `body` (WordprocessingML inside w:body).
fn docx(dir: &Path, name: &str, body: &str) -> PathBuf {
    use std::io::Write;
    let path = dir.join(name);
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipWriter::new(file);
    let opts = zip::write::SimpleFileOptions::default();
    zip.start_file("word/document.xml", opts)
        .unwrap_or_else(|e| panic!("{e}"));
    let xml = format!(
        r#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
    );
    zip.write_all(xml.as_bytes())
        .unwrap_or_else(|e| panic!("{e}"));
    zip.finish().unwrap_or_else(|e| panic!("{e}"));
    path
}

fn para(text: &str, listed: bool) -> String {
    let numbering = if listed {
        r#"<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>"#
    } else {
        ""
    };
    format!("<w:p>{numbering}<w:r><w:t>{text}</w:t></w:r></w:p>")
}

#[test]
fn docx_list_items_are_judged_without_a_table_and_named_beside_one() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let items = format!(
        "{}{}{}",
        para("Child's plan for Leo: actions agreed at conference", false),
        para(
            "Mum will walk Leo to school by 8.45am every school day",
            true
        ),
        para("Dad to engage with services", true),
    );
    let (run, records) = audit(&docx(dir.path(), "list.docx", &items), &[]);
    let objectives: Vec<&str> = records
        .iter()
        .filter_map(|r| r["objective"].as_str())
        .collect();
    assert_eq!(
        objectives,
        vec![
            "Mum will walk Leo to school by 8.45am every school day",
            "Dad to engage with services"
        ],
        "{}",
        said(&run)
    );
    let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
    let table = format!(
        "<w:tbl><w:tr>{}{}</w:tr><w:tr>{}{}</w:tr></w:tbl>{items}",
        cell("Who"),
        cell("Action"),
        cell("Mum"),
        cell("Attend every health appointment until July 2027"),
    );
    let (run, records) = audit(&docx(dir.path(), "both.docx", &table), &[]);
    assert_eq!(records.len(), 1, "{}", said(&run));
    assert!(
        said(&run).contains("both.docx: 2 numbered or bulleted items outside its action tables were not judged ('Mum will walk Leo"),
        "{}",
        said(&run)
    );
}

#[test]
fn a_csv_header_below_title_rows_is_found() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("titled.csv");
    std::fs::write(
        &path,
        "Child Protection Plan – Leo Nowak (DOB 02/03/2015),,\nConference 01/06/2026,,\n,,\nAction,Who,By when\nWalk Leo to school by 8.45am every school day,Mum,until 31/07/2027\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let (run, records) = audit(&path, &[]);
    assert_eq!(records.len(), 1, "{}", said(&run));
    assert_eq!(records[0]["row"], 5);
    assert_eq!(records[0]["smart"], true, "{}", records[0]);
    assert!(
        said(&run).contains("titled.csv: the header is row 4; the rows above it are titles"),
        "{}",
        said(&run)
    );
}

#[test]
fn the_report_shows_each_plans_smart_share_per_version_in_date_order() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let path = dir.path().join("reviews.csv");
    // Three reviews of one plan, listed newest first; as text "02/..." sorts
    // before "14/..." though it is later. Shares: 0 of 2, then 1 of 2, then 2 of 2.
    let smart = "Walk Amy to school by 8.45am every school day for 6 weeks";
    let vague = "Mum to engage with services";
    let mut csv = String::from("Plan ID,Plan date,Child,Who,Action\n");
    for (date, actions) in [
        ("02/06/2026", [smart, smart]),
        ("14/03/2026", [smart, vague]),
        ("20/01/2026", [vague, vague]),
    ] {
        for a in actions {
            csv.push_str(&format!("AH-7,{date},Amy Hill,Mum,{a}\n"));
        }
    }
    // A plan with one version has no trend.
    csv.push_str(&format!("LN-1,01/02/2026,Leo Nowak,Mum,{smart}\n"));
    std::fs::write(&path, csv).unwrap_or_else(|e| panic!("{e}"));
    let report = dir.path().join("report.html");
    let (run, records) = audit(&path, &["--report", report.to_str().unwrap_or_default()]);
    assert_eq!(records.len(), 7, "{}", said(&run));
    let html = std::fs::read_to_string(&report).unwrap_or_else(|e| panic!("{e}"));
    let section = html
        .split("<h2>Trend across reviews</h2>")
        .nth(1)
        .and_then(|s| s.split("<h2>Plans</h2>").next())
        .unwrap_or_else(|| panic!("no trend section:\n{html}"));
    assert!(section.contains("AH-7: Amy Hill"), "{section}");
    assert!(!section.contains("LN-1"), "{section}");
    assert!(
        section.contains("20/01/2026 to 02/06/2026 (3)"),
        "{section}"
    );
    assert!(section.contains("0% to 100%"), "{section}");
    // The line's points, oldest first, rise from the 0% line to the 100% line.
    let titles: Vec<&str> = section
        .split("<title>")
        .skip(1)
        .filter_map(|s| s.split("</title>").next())
        .collect();
    assert_eq!(
        titles,
        [
            "20/01/2026: 0 of 2 actions SMART (0%)",
            "14/03/2026: 1 of 2 actions SMART (50%)",
            "02/06/2026: 2 of 2 actions SMART (100%)"
        ]
    );
    let ys: Vec<f64> = section
        .split("cy=\"")
        .skip(1)
        .filter_map(|s| s.split('"').next()?.parse().ok())
        .collect();
    assert_eq!(ys.len(), 3, "{section}");
    assert!(ys[0] > ys[1] && ys[1] > ys[2], "{ys:?}");
}

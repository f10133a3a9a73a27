//! The bad-input matrix: one case per kind of bad or odd plan file, each built
//! by the test. Each must end in a clear message naming the file (and the row
//! and column where there is one), exit code 2, no panic, and nothing else
//! lost: every physical row still has a record.

mod common;

use common::cli::{audit, said, smarten};

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A folder for one case, kept until the case ends.
fn folder() -> tempfile::TempDir {
    tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"))
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    path
}

fn assert_refused(o: &Output) {
    let text = said(o);
    assert!(!text.contains("panicked"), "{text}");
    assert_eq!(o.status.code(), Some(2), "{text}");
}

/// Each record's (row, error), in order.
fn rows(records: &[serde_json::Value]) -> Vec<(u64, Option<String>)> {
    records
        .iter()
        .map(|r| {
            (
                r["row"].as_u64().unwrap_or_default(),
                r["error"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn a_quote_that_runs_past_its_row_loses_no_row() {
    let dir = folder();
    // Closed rows later: the file parses, and the rows between would vanish.
    let even = write(
        &dir,
        "even.csv",
        b"Action,Who\n\"Walk Amy to school every day,Mum\nCall the GP by Friday,Dad\nRead with Amy daily\",Sam\nTidy the room each Sunday,Amy\n",
    );
    let (run, records) = audit(&even, &[]);
    assert_refused(&run);
    let got = rows(&records);
    assert_eq!(
        got.iter().map(|r| (r.0, r.1.is_some())).collect::<Vec<_>>(),
        vec![(2, true), (3, true), (4, true), (5, false)]
    );
    assert!(
        said(&run).contains("even.csv: row 2: a quote (\") opened on this row runs on to row 4"),
        "{}",
        said(&run)
    );
    // Never closed: every row after it would go.
    let odd = write(
        &dir,
        "odd.csv",
        b"Action,Who\nWalk Amy to school every day,Mum\n\"Call the GP by Friday,Dad\nRead with Amy daily,Sam\n",
    );
    let (run, records) = audit(&odd, &[]);
    assert_refused(&run);
    assert_eq!(
        rows(&records)
            .iter()
            .map(|r| (r.0, r.1.is_some()))
            .collect::<Vec<_>>(),
        vec![(2, false), (3, true), (4, true)]
    );
    assert!(
        said(&run).contains("odd.csv: row 3: a quote (\") opened on this row is never closed"),
        "{}",
        said(&run)
    );
}

#[test]
fn mark_names_the_row_a_runaway_quote_starts_on() {
    let dir = folder();
    let answers = write(
        &dir,
        "answers.csv",
        b"Participant,Statement ID,Is it SMART?,Re-worded statement\nAsha,S1,no,\"John will raise his hand\nBen,S2,no,Mum will call\",\nCal,S3,yes,\n",
    );
    let exercise = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/exercises/is-it-smart.toml"
    );
    let run = smarten(&[
        "mark",
        "--no-model",
        "--exercise",
        exercise,
        "--answers",
        answers.to_str().unwrap_or_default(),
    ]);
    assert_refused(&run);
    assert!(
        said(&run).contains("answers.csv: row 2: a quote"),
        "{}",
        said(&run)
    );
}

#[test]
fn an_oversized_cell_is_refused_by_its_row_and_column_at_once() {
    let dir = folder();
    let mut text = b"Action,Who\n".to_vec();
    text.extend(b"Walk Amy to school ");
    text.extend(b"every day ".repeat(1_000_000)); // 10 MB in one cell
    text.extend(b",Mum\nCall the GP by Friday 3 March 2027,Dad\n");
    let path = write(&dir, "big.csv", &text);
    let (run, records) = audit(&path, &[]);
    assert_refused(&run);
    let got = rows(&records);
    assert_eq!(got.len(), 2);
    let why = got[0].1.as_deref().unwrap_or_default();
    assert!(
        why.starts_with("row 2, column 1 ('Action'): the cell is 10000018 bytes long; one objective may be at most 4096 bytes"),
        "{why}"
    );
    assert_eq!(got[1], (3, None));
}

#[test]
fn a_byte_order_mark_is_not_part_of_the_first_objective() {
    let dir = folder();
    for (name, bytes) in [
        (
            "bom.txt",
            "\u{feff}Mum will walk Amy to school by 8.45am every day\n".to_string(),
        ),
        (
            "bom.jsonl",
            "\u{feff}{\"text\":\"Mum will walk Amy to school by 8.45am every day\"}\n".to_string(),
        ),
        (
            "bom.csv",
            "\u{feff}Action,Who\r\nWalk Amy to school by 8.45am every day,Mum\r\n".to_string(),
        ),
    ] {
        let path = write(&dir, name, bytes.as_bytes());
        let (run, records) = audit(&path, &[]);
        assert!(run.status.code() != Some(2), "{name}: {}", said(&run));
        assert_eq!(records.len(), 1, "{name}");
        assert_eq!(
            records[0]["objective"], "Mum will walk Amy to school by 8.45am every day",
            "{name}"
        );
        assert_eq!(records[0]["criteria"]["S"]["verdict"], "pass", "{name}");
    }
}

#[test]
fn empty_and_blank_files_are_refused_by_name() {
    let dir = folder();
    for (name, bytes, why) in [
        ("empty.txt", "", "empty.txt: the file is empty"),
        (
            "blank.txt",
            "  \n\t\n",
            "blank.txt: the file holds only blank lines",
        ),
        (
            "empty.jsonl",
            "\n",
            "empty.jsonl: the file has no JSON lines",
        ),
        ("empty.csv", "", "empty.csv: the file has no header row"),
    ] {
        let path = write(&dir, name, bytes.as_bytes());
        let (run, records) = audit(&path, &[]);
        assert_refused(&run);
        assert!(said(&run).contains(why), "{name}: {}", said(&run));
        assert!(records.is_empty());
    }
}

#[test]
fn repeated_column_names_are_warned_of_and_kept_apart() {
    let dir = folder();
    let path = write(
        &dir,
        "dup.csv",
        b"Action,Who,Action\nWalk Amy to school by 8.45am every day,Mum,Old wording\n",
    );
    let (run, records) = audit(&path, &[]);
    assert!(
        said(&run).contains("warning: ")
            && said(&run).contains("more than one column is headed 'Action'"),
        "{}",
        said(&run)
    );
    assert_eq!(
        records[0]["fields"]["Action"],
        "Walk Amy to school by 8.45am every day"
    );
    assert_eq!(records[0]["fields"]["Action (2)"], "Old wording");
    assert_eq!(
        records[0]["objective"],
        "Mum will walk Amy to school by 8.45am every day"
    );
}

#[test]
fn a_jsonl_text_that_is_not_a_string_is_not_an_objective() {
    let dir = folder();
    let path = write(
        &dir,
        "n.jsonl",
        b"{\"text\":42}\n{\"text\":\"Mum will walk Amy to school by 8.45am every day\"}\n",
    );
    let (run, records) = audit(&path, &[]);
    assert_refused(&run);
    let got = rows(&records);
    assert_eq!(got.len(), 2);
    assert!(got[0]
        .1
        .as_deref()
        .unwrap_or_default()
        .contains("line 1: \"text\" is 42, not a string"));
    assert_eq!(got[1], (2, None));
}

#[test]
fn text_in_another_encoding_is_read_and_binary_is_refused() {
    let dir = folder();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252
        .encode("Action,Who\r\nCall Déborah at the café every Monday until 1 March 2027,Mum\r\n");
    let path = write(&dir, "cp1252.csv", &cp1252);
    let (run, records) = audit(&path, &[]);
    assert!(
        said(&run).contains("cp1252.csv: not UTF-8, read as windows-1252"),
        "{}",
        said(&run)
    );
    assert_eq!(
        records[0]["fields"]["Action"],
        "Call Déborah at the café every Monday until 1 March 2027"
    );
    // Named as UTF-8, the row that is not names its row and column.
    let (run, records) = audit(&path, &["--encoding", "utf-8"]);
    assert_refused(&run);
    assert!(rows(&records)[0]
        .1
        .as_deref()
        .unwrap_or_default()
        .contains("row 2, column 1"));
    // UTF-16 with its mark.
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        "Action,Who\nWalk Amy to school by 8.45am every day,Mum\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let path = write(&dir, "utf16.csv", &utf16);
    let (_, records) = audit(&path, &[]);
    assert_eq!(
        records[0]["objective"],
        "Mum will walk Amy to school by 8.45am every day"
    );
    // Binary, and NUL bytes in text.
    for (name, bytes) in [
        ("zip.csv", b"PK\x03\x04\x14\x00\x00\x00".as_slice()),
        ("nul.txt", b"Mum will walk Amy\x00 to school\n".as_slice()),
    ] {
        let path = write(&dir, name, bytes);
        let (run, records) = audit(&path, &[]);
        assert_refused(&run);
        assert!(
            said(&run).contains(&format!("{name}: not a text file: it holds a NUL byte")),
            "{}",
            said(&run)
        );
        assert!(records.is_empty());
    }
}

#[test]
fn a_header_with_none_of_the_plan_columns_keeps_every_row_with_the_reason() {
    let dir = folder();
    let path = write(&dir, "colours.csv", b"Colour,Size\nred,large\nblue,small\n");
    let (run, records) = audit(&path, &[]);
    assert_refused(&run);
    assert!(
        said(&run).contains("colours.csv: no action column"),
        "{}",
        said(&run)
    );
    assert_eq!(records.len(), 2);
}

#[test]
fn mark_reads_latin1_answers_and_refuses_oversized_text_without_repeating_it() {
    let dir = folder();
    let exercise = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/exercises/is-it-smart.toml"
    );
    let mark = |answers: &Path| {
        smarten(&[
            "mark",
            "--no-model",
            "--exercise",
            exercise,
            "--answers",
            answers.to_str().unwrap_or_default(),
        ])
    };
    let latin1 = write(
        &dir,
        "latin1.csv",
        b"Participant,Statement ID,Is it SMART?,Re-worded statement\nRen\xe9e,S3,yes,\n",
    );
    let run = mark(&latin1);
    assert_eq!(run.status.code(), Some(0), "{}", said(&run));
    assert!(said(&run).contains("1 marked"), "{}", said(&run));
    let mut long =
        b"Participant,Statement ID,Is it SMART?,Re-worded statement\nAsha,S1,no,".to_vec();
    long.extend(b"John will raise his hand ".repeat(400_000));
    long.push(b'\n');
    let run = mark(&write(&dir, "long.csv", &long));
    assert_refused(&run);
    assert!(
        said(&run).contains("row 2: the re-wording is 9999999 bytes long"),
        "{}",
        said(&run)
    );
    let mut header = b"Participant,".to_vec();
    header.extend(b"x".repeat(2_000_000));
    header.extend(b"\nAsha,S1\n");
    let run = mark(&write(&dir, "header.csv", &header));
    assert_refused(&run);
    assert!(said(&run).len() < 2_000, "{} bytes said", said(&run).len());
    assert!(
        said(&run).contains("header.csv: no statement column"),
        "{}",
        said(&run)
    );
}

#[cfg(unix)]
#[test]
fn links_that_loop_or_lead_nowhere_are_named_and_each_file_audited_once() {
    let dir = folder();
    let plans = dir.path().join("plans");
    std::fs::create_dir(&plans).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(
        plans.join("plan.csv"),
        "Action,Who\nWalk Amy to school by 8.45am every day,Mum\nCall the GP by Friday,Dad\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    for (to, at) in [("..", "up"), (".", "here"), ("self.csv", "self.csv")] {
        std::os::unix::fs::symlink(to, plans.join(at)).unwrap_or_else(|e| panic!("{e}"));
    }
    let (run, records) = audit(&plans, &[]);
    assert_refused(&run);
    assert_eq!(records.len(), 2, "each row once");
    let text = said(&run);
    assert!(
        text.contains("self.csv: a link that loops (to self.csv)"),
        "{text}"
    );
    assert!(text.contains("up: a link that loops back to"), "{text}");
    // A path that is not there is named as missing.
    let (run, _) = audit(&dir.path().join("gone.csv"), &[]);
    assert_refused(&run);
    assert!(
        said(&run).contains("gone.csv: no such file or folder"),
        "{}",
        said(&run)
    );
}

#[test]
fn output_paths_are_checked_before_any_work() {
    let dir = folder();
    let plan = write(
        &dir,
        "plan.csv",
        b"Action,Who\nWalk Amy to school by 8.45am every day,Mum\n",
    );
    let missing = dir.path().join("no/such/folder/out.jsonl");
    for (out, why) in [
        (
            dir.path().to_path_buf(),
            "is a folder; name a file to write",
        ),
        (missing, "does not exist"),
    ] {
        for flag in ["--out", "--report"] {
            let run = smarten(&[
                "audit",
                "-q",
                "--no-model",
                plan.to_str().unwrap_or_default(),
                flag,
                out.to_str().unwrap_or_default(),
            ]);
            assert_refused(&run);
            let text = said(&run);
            assert!(text.contains(why), "{flag}: {text}");
            assert!(
                !text.contains("audited"),
                "refused before the audit ran: {text}"
            );
        }
    }
}

/// A plan of `rows` rows, long enough that an audit of it can be interrupted.
#[cfg(unix)]
fn long_plan(dir: &tempfile::TempDir, rows: usize) -> PathBuf {
    let mut text = String::from("Plan ID,Action,Who,When\n");
    for i in 0..rows {
        text.push_str(&format!(
            "P{},Walk Amy to school by 8.45am on {} days in 10,Mum,by 31 July 2027\n",
            i % 500,
            i % 10 + 1
        ));
    }
    write(dir, "long.csv", text.as_bytes())
}

/// The partial files beside `out`.
#[cfg(unix)]
fn temps_beside(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

/// Starts an audit of `plan` writing `out` and `report`, and waits until it
/// is writing its records.
#[cfg(unix)]
fn start_long_audit(plan: &Path, out: &Path, report: &Path) -> std::process::Child {
    let child = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(["audit", "-q", "--no-model", "--no-rewrite"])
        .arg(plan)
        .arg("--out")
        .arg(out)
        .arg("--report")
        .arg(report)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{e}"));
    let dir = out.parent().unwrap_or(Path::new("."));
    let waited = std::time::Instant::now();
    while temps_beside(dir).is_empty() {
        assert!(
            waited.elapsed().as_secs() < 120,
            "the audit never started writing"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // Some records written, well before the end.
    std::thread::sleep(std::time::Duration::from_millis(300));
    child
}

#[cfg(unix)]
#[test]
fn an_interrupted_audit_leaves_nothing_at_its_output_paths() {
    let dir = folder();
    let plan = long_plan(&dir, 200_000);
    let out = dir.path().join("records.jsonl");
    let report = dir.path().join("report.html");

    // Ctrl-C (SIGINT): the partial file is removed and the exit code is 130.
    let child = start_long_audit(&plan, &out, &report);
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(killed.success());
    let done = child.wait_with_output().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(done.status.code(), Some(130), "{}", said(&done));
    assert!(!out.exists() && !report.exists());
    assert_eq!(temps_beside(dir.path()), Vec::<String>::new());

    // SIGKILL cannot be caught: nothing at the paths named, and the partial
    // file it leaves is removed by the next run.
    let mut child = start_long_audit(&plan, &out, &report);
    child.kill().unwrap_or_else(|e| panic!("{e}"));
    let _ = child.wait();
    assert!(!out.exists() && !report.exists());
    let left = temps_beside(dir.path());
    assert_eq!(left.len(), 1, "{left:?}");
    let small = write(
        &dir,
        "small.csv",
        b"Action,Who\nWalk Amy to school by 8.45am every day,Mum\n",
    );
    let run = smarten(&[
        "audit",
        "-q",
        "--no-model",
        small.to_str().unwrap_or_default(),
        "--out",
        out.to_str().unwrap_or_default(),
    ]);
    assert!(
        said(&run).contains("a partial file left by an interrupted run"),
        "{}",
        said(&run)
    );
    assert!(said(&run).contains(&left[0]), "{}", said(&run));
    assert_eq!(temps_beside(dir.path()), Vec::<String>::new());
    assert!(out.exists());
}

/// A zip holding one XML part of `size` bytes (a repeated element), written
/// compressed: a few hundred KB on disk. With `claim`, its headers claim that
/// many bytes instead, as a hand-made bomb's may.
fn bomb(
    dir: &tempfile::TempDir,
    name: &str,
    part: &str,
    size: usize,
    claim: Option<u32>,
) -> PathBuf {
    use std::io::Write;
    let path = dir.path().join(name);
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("{e}"));
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6));
    zip.start_file(part, options)
        .unwrap_or_else(|e| panic!("{e}"));
    let chunk = b"<w:t>x</w:t>".repeat(1 << 16);
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap_or_else(|e| panic!("{e}"));
        left -= n;
    }
    zip.finish().unwrap_or_else(|e| panic!("{e}"));
    if let Some(claim) = claim {
        // Each header's uncompressed size: local (offset 22) and central (offset 24).
        let mut bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{e}"));
        for (signature, offset) in [(0x04034b50u32, 22), (0x02014b50u32, 24)] {
            let at = bytes
                .windows(4)
                .position(|w| w == signature.to_le_bytes())
                .unwrap_or_else(|| panic!("no header {signature:x}"));
            bytes[at + offset..at + offset + 4].copy_from_slice(&claim.to_le_bytes());
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
    }
    path
}

/// Audits `path` under GNU time: the run, and its peak memory in MB.
fn audit_measured(path: &Path) -> (Output, u64) {
    let run = Command::new("/usr/bin/time")
        .args(["-f", "peak-kb %M"])
        .arg(env!("CARGO_BIN_EXE_smarten"))
        .args(["audit", "-q", "--no-model", "--no-rewrite"])
        .arg(path)
        .output()
        .unwrap_or_else(|e| panic!("GNU time is installed by make system-deps: {e}"));
    let stderr = String::from_utf8_lossy(&run.stderr);
    let kb: u64 = stderr
        .lines()
        .filter_map(|l| l.strip_prefix("peak-kb "))
        .next_back()
        .and_then(|k| k.trim().parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in: {stderr}"));
    (run, kb / 1024)
}

#[test]
fn a_decompression_bomb_is_refused_by_the_size_cap_in_bounded_memory() {
    let dir = folder();
    let cases = [
        // 1 GB of sheet XML in a small XLSX, its size stated honestly.
        (
            bomb(&dir, "bomb.xlsx", "xl/worksheets/sheet1.xml", 1 << 30, None),
            "xl/worksheets/sheet1.xml unpacks to 1024 MB, more than 256 MB",
        ),
        // 300 MB of document XML whose headers claim 4 KB.
        (
            bomb(
                &dir,
                "liar.docx",
                "word/document.xml",
                300 << 20,
                Some(4096),
            ),
            "word/document.xml unpacks to more than 256 MB",
        ),
    ];
    for (path, why) in cases {
        let on_disk = std::fs::metadata(&path)
            .map(|m| m.len())
            .unwrap_or_default();
        assert!(
            on_disk < 8 << 20,
            "{} is {on_disk} bytes on disk",
            path.display()
        );
        let (run, peak_mb) = audit_measured(&path);
        assert_refused(&run);
        let text = said(&run);
        assert!(text.contains(why), "{text}");
        assert!(
            peak_mb < 700,
            "{}: peak memory {peak_mb} MB",
            path.display()
        );
    }
}

#[test]
fn broken_workbooks_and_documents_are_named_with_what_is_wrong() {
    let dir = folder();
    // A real workbook, then cut in half.
    let whole = dir.path().join("whole.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in [
        ["Action", "Who"],
        ["Walk Amy to school by 8.45am every day", "Mum"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            sheet
                .write(r as u32, c as u16, *cell)
                .unwrap_or_else(|e| panic!("{e}"));
        }
    }
    book.save(&whole).unwrap_or_else(|e| panic!("{e}"));
    let bytes = std::fs::read(&whole).unwrap_or_else(|e| panic!("{e}"));
    let truncated = write(&dir, "truncated.xlsx", &bytes[..bytes.len() / 2]);
    let corrupt = write(
        &dir,
        "corrupt.xlsx",
        b"this is not a workbook at all, just text",
    );
    let corrupt_docx = write(&dir, "corrupt.docx", &bytes[bytes.len() / 3..]);
    // An encrypted Office file is an OLE compound file, not a zip.
    let mut ole = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    ole.resize(4096, 0);
    let protected = write(&dir, "protected.xlsx", &ole);
    for (path, why) in [
        (
            &truncated,
            "truncated.xlsx: not a readable XLSX or DOCX (zip) file",
        ),
        (
            &corrupt,
            "corrupt.xlsx: not a readable XLSX or DOCX (zip) file",
        ),
        (
            &corrupt_docx,
            "corrupt.docx: not a readable XLSX or DOCX (zip) file",
        ),
        (&protected, "protected.xlsx: is password-protected"),
    ] {
        let (run, records) = audit(path, &[]);
        assert_refused(&run);
        assert!(said(&run).contains(why), "{}", said(&run));
        assert!(records.is_empty());
    }
    // The whole workbook, beside them in a folder, is still audited.
    let (run, records) = audit(dir.path(), &[]);
    assert_refused(&run);
    assert_eq!(records.len(), 1, "{}", said(&run));
}

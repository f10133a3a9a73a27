//! Audits a generated CSV of 100,000 plan rows, built from the dev statements
//! and varied (who, when, measure, concern and plan id drawn from pools), with the
//! release binary, and reports wall time, rows per second and peak RSS.
//! Targets: <= 60 s on 2 cores and <= 600 MB. `cargo bench --bench audit_scale`
//! (SMARTEN_AUDIT_ROWS changes the row count, SMARTEN_AUDIT_ROWS_PER_PLAN the rows
//! per plan id, 8 by default, SMARTEN_AUDIT_FORMAT=jsonl or xlsx writes JSONL or
//! XLSX instead of CSV; extra arguments after `--` are passed to audit).

#[path = "support/plan_rows.rs"]
mod plan_rows;

use std::io::Write;
use std::process::Command;
use std::time::{Duration, Instant};

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

fn main() {
    // `cargo bench` passes --bench; under `cargo test --all-targets` this runs as a
    // quick smoke test of the same path on a few rows.
    let bench = std::env::args().any(|a| a == "--bench");
    let rows: usize = std::env::var("SMARTEN_AUDIT_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(if bench { 100_000 } else { 200 });
    // Rows per plan id (8 by default): memory grows with the number of plans.
    let per_plan: usize = std::env::var("SMARTEN_AUDIT_ROWS_PER_PLAN")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(8);
    let extra: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let whats = plan_rows::statements();
    let dir = tempfile::tempdir().unwrap();
    // SMARTEN_AUDIT_FORMAT=jsonl or xlsx writes the same rows as JSON objects
    // or as one worksheet.
    let format = std::env::var("SMARTEN_AUDIT_FORMAT").unwrap_or_else(|_| "csv".into());
    let jsonl = format == "jsonl";
    let csv = dir.path().join(format!("plans.{format}"));
    let header = plan_rows::HEADER;
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    // (For XLSX this file is replaced by the saved workbook.)
    let mut w = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    if format == "csv" {
        writeln!(w, "{}", header.join(",")).unwrap();
    }
    if format == "xlsx" {
        for (c, h) in header.iter().enumerate() {
            sheet.write_string(0, c as u16, *h).unwrap();
        }
    }
    for i in 0..rows {
        let cells = plan_rows::row(&whats, i, per_plan);
        if format == "xlsx" {
            for (c, cell) in cells.iter().enumerate() {
                sheet.write_string(i as u32 + 1, c as u16, cell).unwrap();
            }
        } else if jsonl {
            let object: serde_json::Map<String, serde_json::Value> = header
                .iter()
                .zip(cells)
                .map(|(h, c)| (h.to_string(), serde_json::Value::from(c)))
                .collect();
            writeln!(w, "{}", serde_json::Value::Object(object)).unwrap();
        } else {
            writeln!(w, "{}", plan_rows::csv_line(&cells)).unwrap();
        }
    }
    drop(w);
    if format == "xlsx" {
        book.save(&csv).unwrap();
    }
    let out = dir.path().join("audit.jsonl");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args([
            "audit",
            "-q",
            csv.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ])
        .args(&extra)
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("the smarten binary runs");
    let mut peak = 0;
    let status = loop {
        if let Some(kb) = peak_rss_kb(child.id()) {
            peak = peak.max(kb);
        }
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let secs = start.elapsed().as_secs_f64();
    let records = std::fs::read_to_string(&out)
        .map(|t| t.lines().count())
        .unwrap_or(0);
    println!(
        "audit of {rows} {} rows, {per_plan} per plan ({} extra args {:?}): exit {:?}, {records} records, {secs:.1} s ({:.0} rows/s), peak RSS {} MB (targets: <= 60 s, <= 600 MB)",
        format.to_uppercase(),
        extra.len(),
        extra,
        status.code(),
        rows as f64 / secs,
        peak / 1024
    );
}

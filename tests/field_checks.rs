//! The audit's field checks agree with the checker on the same words: every
//! time phrase the checker finds concrete in a corpus statement passes as a
//! "when" cell, and every method or indicator it finds passes as a "measure"
//! cell, so an audit record never calls a cell vague whose words pass the letter.

mod common;

use common::checker;
use smarten::audit::Auditor;
use smarten::io::columns::Mapping;
use smarten::io::table::{Table, TableRow};
use smarten::Objective;
use std::path::Path;

fn corpus_texts() -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus/statements.jsonl");
    std::fs::read_to_string(path)
        .expect("the corpus is in data/corpus")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn time_and_measure_phrases_pass_as_cells() {
    let checker = checker();
    let mut whens = Vec::new();
    let mut measures = Vec::new();
    for text in corpus_texts() {
        let x = checker.analyse(&Objective::new(text.clone()));
        for t in x.times.iter().filter(|t| t.kind.is_concrete()) {
            whens.push(text[t.span.clone()].to_string());
        }
        for m in &x.methods {
            measures.push(text[m.clone()].to_string());
        }
        for i in &x.indicators {
            measures.push(text[i.span.clone()].to_string());
        }
    }
    whens.sort();
    whens.dedup();
    measures.sort();
    measures.dedup();
    assert!(
        whens.len() > 100 && measures.len() > 100,
        "{} {}",
        whens.len(),
        measures.len()
    );
    let headers: Vec<String> = ["Who", "Action", "By when", "Measure"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    let mapping = Mapping::from_headers(&headers, &Default::default()).unwrap();
    let auditor = Auditor::new(checker, None, None);
    let rows: Vec<TableRow> = whens
        .iter()
        .map(|w| (w.as_str(), "attendance register"))
        .chain(measures.iter().map(|m| ("by 31 March 2027", m.as_str())))
        .enumerate()
        .map(|(i, (when, measure))| TableRow {
            number: i + 2,
            cells: vec![
                "Mum".into(),
                "take Amy to the dentist".into(),
                when.into(),
                measure.into(),
            ],
        })
        .collect();
    let table = Table {
        file: "phrases.csv".into(),
        sheet: None,
        headers,
        rows,
    };
    let mut disagreements = Vec::new();
    for i in 0..table.rows.len() {
        let record = auditor.audit_row(&table, &mapping, i, &[]);
        for f in &record.field_findings {
            if f.field == "when" || f.field == "measure" {
                disagreements.push(format!("{}: {}", f.field, f.message));
            }
        }
    }
    assert!(
        disagreements.is_empty(),
        "{} of {} cells disagree with the checker:\n{}",
        disagreements.len(),
        table.rows.len(),
        disagreements.join("\n")
    );
}

//! Readers for plan files: CSV/TSV, XLSX (every sheet), DOCX (action-plan
//! tables, else paragraphs), JSONL and TXT, and folders read recursively. Each
//! returns tables of rows with their row numbers; a row that cannot be read is
//! kept as a bad row so that rows in and records out stay equal.

use super::fields::{Field, Mapping};
use super::PlanTable;
use crate::table::TableRow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File extensions read as plan files.
pub const PLAN_EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "docx", "jsonl", "txt"];

/// A plan file's tables, and rows that could not be read (row number, reason).
#[derive(Debug, Clone, Default)]
pub struct PlanFile {
    pub tables: Vec<PlanTable>,
    pub bad_rows: Vec<(usize, String)>,
}

/// Every plan file under `paths` (folders recursively, in name order), and the
/// files skipped because they are not plan files.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for p in paths {
        walk(p, &mut files, &mut skipped, true);
    }
    (files, skipped)
}

fn walk(path: &Path, files: &mut Vec<PathBuf>, skipped: &mut Vec<(PathBuf, String)>, named: bool) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                skipped.push((path.to_path_buf(), format!("folder cannot be read: {e}")));
                return;
            }
        };
        entries.sort();
        for e in entries {
            let hidden = e
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.') || n.starts_with("~$"));
            if !hidden {
                walk(&e, files, skipped, false);
            }
        }
        return;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if PLAN_EXTENSIONS.contains(&ext.as_str()) || (named && path.exists()) {
        files.push(path.to_path_buf());
    } else if !path.exists() {
        skipped.push((path.to_path_buf(), "no such file or folder".into()));
    } else {
        skipped.push((path.to_path_buf(), format!("not a plan file ('.{ext}')")));
    }
}

/// Reads one plan file by its extension.
pub fn read_plan_file(path: &Path) -> Result<PlanFile, String> {
    let name = path.display().to_string();
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let read_text = || -> Result<String, String> {
        let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
        String::from_utf8(bytes).map_err(|e| {
            format!(
                "{name}: not UTF-8 text (invalid byte at offset {}); save it as UTF-8",
                e.utf8_error().valid_up_to()
            )
        })
    };
    match ext.as_str() {
        "csv" | "tsv" => {
            let bytes = std::fs::read(path).map_err(|e| format!("{name}: {e}"))?;
            let (t, bad_rows) = crate::table::parse_delimited_bytes(&name, &bytes, true)
                .map_err(|e| e.to_string())?;
            Ok(PlanFile {
                tables: vec![PlanTable {
                    file: name,
                    sheet: None,
                    headers: t.headers,
                    rows: t.rows,
                }],
                bad_rows,
            })
        }
        "xlsx" | "xlsm" => read_xlsx(path, &name),
        "docx" => read_docx(path, &name),
        "jsonl" => Ok(read_jsonl(&name, &read_text()?)),
        "txt" => Ok(read_lines(&name, &read_text()?)),
        other => Err(format!(
            "{name}: '.{other}' is not a plan format (csv, tsv, xlsx, docx, jsonl, txt)"
        )),
    }
}

fn read_xlsx(path: &Path, name: &str) -> Result<PlanFile, String> {
    let sheets = crate::table::read_xlsx_sheets(path, true).map_err(|e| e.to_string())?;
    Ok(PlanFile {
        tables: sheets
            .into_iter()
            .map(|(sheet, t)| PlanTable {
                file: name.to_string(),
                sheet: Some(sheet),
                headers: t.headers,
                rows: t.rows,
            })
            .collect(),
        bad_rows: Vec::new(),
    })
}

fn read_jsonl(name: &str, text: &str) -> PlanFile {
    let mut headers: Vec<String> = Vec::new();
    let mut objects = Vec::new();
    let mut bad_rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<serde_json::Value>(line) {
            Ok(serde_json::Value::Object(o)) => {
                for k in o.keys() {
                    if !headers.contains(k) {
                        headers.push(k.clone());
                    }
                }
                objects.push((i + 1, o));
            }
            Ok(_) => bad_rows.push((i + 1, format!("line {}: not a JSON object", i + 1))),
            Err(e) => bad_rows.push((i + 1, format!("line {}: invalid JSON: {e}", i + 1))),
        }
    }
    let rows = objects
        .into_iter()
        .map(|(number, o)| TableRow {
            number,
            cells: headers
                .iter()
                .map(|h| match o.get(h) {
                    None | Some(serde_json::Value::Null) => String::new(),
                    Some(serde_json::Value::String(s)) => s.clone(),
                    Some(v) => v.to_string(),
                })
                .collect(),
        })
        .collect();
    // Objects with only a "text" field are objectives.
    let headers = headers
        .into_iter()
        .map(|h| {
            if h == "text" {
                "objective".to_string()
            } else {
                h
            }
        })
        .collect();
    PlanFile {
        tables: vec![PlanTable {
            file: name.to_string(),
            sheet: None,
            headers,
            rows,
        }],
        bad_rows,
    }
}

fn read_lines(name: &str, text: &str) -> PlanFile {
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| TableRow {
            number: i + 1,
            cells: vec![l.trim().to_string()],
        })
        .collect();
    PlanFile {
        tables: vec![PlanTable {
            file: name.to_string(),
            sheet: None,
            headers: vec!["objective".into()],
            rows,
        }],
        bad_rows: Vec::new(),
    }
}

/// A DOCX's action-plan tables (those whose header row maps a `what` column);
/// without any, each non-empty paragraph or list item is a candidate objective.
fn read_docx(path: &Path, name: &str) -> Result<PlanFile, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{name}: {e}"))?;
    let mut zip = zip::ZipArchive::new(file)
        .map_err(|e| format!("{name}: not a readable DOCX (zip) file: {e}"))?;
    let mut xml = String::new();
    {
        use std::io::Read;
        let mut doc = zip
            .by_name("word/document.xml")
            .map_err(|_| format!("{name}: not a Word document (no word/document.xml)"))?;
        doc.read_to_string(&mut xml)
            .map_err(|e| format!("{name}: word/document.xml cannot be read: {e}"))?;
    }
    let (tables, paragraphs) = parse_document_xml(&xml).map_err(|e| format!("{name}: {e}"))?;
    let mut out = Vec::new();
    for (k, t) in tables.iter().enumerate() {
        let Some((header, body)) = t.split_first() else {
            continue;
        };
        let mapping = Mapping::from_headers(header, &BTreeMap::new()).unwrap_or_default();
        if mapping.get(Field::What).is_none() {
            continue;
        }
        out.push(PlanTable {
            file: name.to_string(),
            sheet: Some(format!("table {}", k + 1)),
            headers: header.clone(),
            rows: body
                .iter()
                .enumerate()
                .map(|(i, cells)| TableRow {
                    number: i + 2,
                    cells: cells.clone(),
                })
                .collect(),
        });
    }
    if out.is_empty() {
        out.push(PlanTable {
            file: name.to_string(),
            sheet: Some("paragraphs".into()),
            headers: vec!["objective".into()],
            rows: paragraphs
                .into_iter()
                .enumerate()
                .filter(|(_, p)| !p.trim().is_empty())
                .map(|(i, p)| TableRow {
                    number: i + 1,
                    cells: vec![p],
                })
                .collect(),
        });
    }
    Ok(PlanFile {
        tables: out,
        bad_rows: Vec::new(),
    })
}

type Rows = Vec<Vec<String>>;

/// Tables (rows of cell texts) and the paragraphs outside tables, from document.xml.
pub fn parse_document_xml(xml: &str) -> Result<(Vec<Rows>, Vec<String>), String> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut tables: Vec<Rows> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut depth = 0usize; // table nesting
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut para = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match e.name().as_ref() {
                b"w:tbl" => {
                    depth += 1;
                    if depth == 1 {
                        tables.push(Vec::new());
                    }
                }
                b"w:tr" if depth == 1 => row.clear(),
                b"w:tc" if depth == 1 => cell.clear(),
                b"w:t" => in_text = true,
                _ => {}
            },
            Ok(Event::Empty(e)) => match e.name().as_ref() {
                b"w:tab" => para.push(' '),
                b"w:br" => para.push(' '),
                _ => {}
            },
            Ok(Event::End(e)) => match e.name().as_ref() {
                b"w:t" => in_text = false,
                b"w:p" => {
                    let text = std::mem::take(&mut para);
                    if depth == 0 {
                        paragraphs.push(text.trim().to_string());
                    } else {
                        if !cell.is_empty() && !text.is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(text.trim());
                    }
                }
                b"w:tc" if depth == 1 => row.push(std::mem::take(&mut cell)),
                b"w:tr" if depth == 1 => {
                    if let Some(t) = tables.last_mut() {
                        t.push(std::mem::take(&mut row));
                    }
                }
                b"w:tbl" => depth = depth.saturating_sub(1),
                _ => {}
            },
            Ok(Event::Text(t)) if in_text => {
                let text = t.unescape().map_err(|e| format!("document.xml: {e}"))?;
                para.push_str(&text);
            }
            Ok(Event::Eof) => break,
            Err(e) => {
                return Err(format!(
                    "word/document.xml is not well-formed at byte {}: {e}",
                    reader.buffer_position()
                ))
            }
            _ => {}
        }
    }
    Ok((tables, paragraphs))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_xml_tables_and_paragraphs() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>Child's plan for A.</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Action</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Who</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Attend </w:t></w:r><w:r><w:t>school</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Amy</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Mum to engage &amp; attend.</w:t></w:r></w:p>
            </w:body></w:document>"#;
        let (tables, paragraphs) = parse_document_xml(xml).unwrap();
        assert_eq!(
            tables,
            vec![vec![
                vec!["Action".to_string(), "Who".into()],
                vec!["Attend school".into(), "Amy".into()]
            ]]
        );
        assert_eq!(
            paragraphs,
            vec!["Child's plan for A.", "Mum to engage & attend."]
        );
        assert!(parse_document_xml("<w:p><w:t>broken</w:p>").is_err());
    }

    #[test]
    fn jsonl_rows_keep_their_line_numbers_and_bad_lines() {
        let f = read_jsonl(
            "a.jsonl",
            "{\"text\":\"Mum to engage\"}\n\nnot json\n{\"text\":\"x\",\"who\":\"Dad\"}\n[1]\n",
        );
        assert_eq!(f.tables[0].headers, vec!["objective", "who"]);
        assert_eq!(
            f.tables[0]
                .rows
                .iter()
                .map(|r| r.number)
                .collect::<Vec<_>>(),
            vec![1, 4]
        );
        assert_eq!(
            f.bad_rows.iter().map(|b| b.0).collect::<Vec<_>>(),
            vec![3, 5]
        );
    }
}

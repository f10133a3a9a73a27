//! Readers for plan files: CSV/TSV, XLSX (every sheet), DOCX (action-plan
//! tables, else paragraphs), JSONL and TXT, and folders read recursively. Each
//! returns tables of rows with their row numbers; a row that cannot be read is
//! kept as a bad row so that rows in and records out stay equal.

use super::columns::{Field, Mapping};
use super::table::{Table, TableRow};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File extensions read as plan files.
pub const PLAN_EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "docx", "jsonl", "txt"];

/// A plan file's tables, and rows that could not be read (row number, reason).
#[derive(Debug, Clone, Default)]
pub struct PlanFile {
    pub tables: Vec<Table>,
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
    let ext = extension(path);
    if let Some(stream) = RowStream::open(path) {
        return read_stream(&name, stream?);
    }
    match ext.as_str() {
        "xlsx" | "xlsm" => read_xlsx(path),
        "docx" => read_docx(path, &name),
        other => Err(format!(
            "{name}: '.{other}' is not a plan format (csv, tsv, xlsx, docx, jsonl, txt)"
        )),
    }
}

fn read_xlsx(path: &Path) -> Result<PlanFile, String> {
    Ok(PlanFile {
        tables: super::xlsx::read_sheets(path, true).map_err(|e| e.to_string())?,
        bad_rows: Vec::new(),
    })
}

/// A row read from a streamed plan file: the row, or (row number, reason) for
/// a row that cannot be judged. An `Err` ends the file: it cannot be read on.
pub type StreamedRow = Result<Result<TableRow, (usize, String)>, String>;

/// A plan file read a row at a time: CSV/TSV, JSONL or TXT. Only the current
/// row is held, so a file of any length is audited in flat memory. Opening a
/// JSONL file reads it once to learn its columns (the keys of its objects).
pub enum RowStream {
    Delimited(crate::io::table::DelimitedRows<std::fs::File>),
    Jsonl(JsonlRows<std::io::BufReader<std::fs::File>>),
    Lines(LineRows<std::io::BufReader<std::fs::File>>),
}

/// The formats read a row at a time.
const STREAMED_EXTENSIONS: [&str; 4] = ["csv", "tsv", "jsonl", "txt"];

fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

impl RowStream {
    /// Whether `path`'s format is read a row at a time.
    pub fn reads(path: &Path) -> bool {
        STREAMED_EXTENSIONS.contains(&extension(path).as_str())
    }

    /// Opens `path` as a stream, if its format streams (csv, tsv, jsonl, txt).
    pub fn open(path: &Path) -> Option<Result<RowStream, String>> {
        let name = path.display().to_string();
        let ext = extension(path);
        let file = || std::fs::File::open(path).map_err(|e| format!("{name}: {e}"));
        let reader = || file().map(std::io::BufReader::new);
        Some(match ext.as_str() {
            "csv" | "tsv" => file().and_then(|f| {
                crate::io::table::DelimitedRows::new(&name, f, true)
                    .map(RowStream::Delimited)
                    .map_err(|e| e.to_string())
            }),
            "jsonl" => reader()
                .and_then(|r| jsonl_keys(&name, r))
                .and_then(|keys| Ok(RowStream::Jsonl(JsonlRows::new(&name, reader()?, keys)))),
            "txt" => reader().map(|r| RowStream::Lines(LineRows::new(r))),
            _ => return None,
        })
    }

    /// The column headers.
    pub fn headers(&self) -> Vec<String> {
        match self {
            RowStream::Delimited(d) => d.headers.clone(),
            RowStream::Jsonl(j) => j.headers(),
            RowStream::Lines(_) => vec!["objective".into()],
        }
    }
}

impl Iterator for RowStream {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        match self {
            RowStream::Delimited(d) => d.next().map(|r| r.map_err(|e| e.to_string())),
            RowStream::Jsonl(j) => j.next(),
            RowStream::Lines(l) => l.next(),
        }
    }
}

/// One table of a plan file that can be read a row at a time, as often as
/// needed: a CSV, TSV, JSONL or TXT file, or one sheet of an XLSX workbook.
pub enum TableSource {
    File(PathBuf),
    Sheet(crate::io::xlsx::XlsxSheet),
}

/// A table being read: its headers, and its rows still to come.
pub struct OpenTable<'a> {
    pub headers: Vec<String>,
    rows: OpenRows<'a>,
}

enum OpenRows<'a> {
    Stream(Box<RowStream>),
    Sheet(&'a crate::io::xlsx::XlsxSheet),
}

impl TableSource {
    /// The tables of `path` that are read a row at a time: the file itself, or
    /// each sheet of a workbook that has a header row (found in one pass).
    /// `None` for a format read whole (DOCX).
    pub fn of(path: &Path) -> Option<Result<Vec<TableSource>, String>> {
        if RowStream::reads(path) {
            return Some(Ok(vec![TableSource::File(path.to_path_buf())]));
        }
        matches!(extension(path).as_str(), "xlsx" | "xlsm").then(|| {
            crate::io::xlsx::sheets(path)
                .map(|sheets| sheets.into_iter().map(TableSource::Sheet).collect())
                .map_err(|e| e.to_string())
        })
    }

    /// The sheet's name, for a workbook.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            TableSource::File(_) => None,
            TableSource::Sheet(s) => Some(&s.name),
        }
    }

    /// Opens the table for one reading of its rows.
    pub fn open(&self) -> Result<OpenTable<'_>, String> {
        match self {
            TableSource::File(path) => {
                let stream = RowStream::open(path).unwrap_or_else(|| {
                    Err(format!(
                        "{}: not a format that is read a row at a time",
                        path.display()
                    ))
                })?;
                Ok(OpenTable {
                    headers: stream.headers(),
                    rows: OpenRows::Stream(Box::new(stream)),
                })
            }
            TableSource::Sheet(sheet) => Ok(OpenTable {
                headers: sheet.headers.clone(),
                rows: OpenRows::Sheet(sheet),
            }),
        }
    }
}

impl OpenTable<'_> {
    /// Hands `each` every row, in order: a row, or (row number, reason) for
    /// one that cannot be judged. Stops at the first error, whether the file's
    /// or one `each` returns.
    pub fn for_each(
        self,
        each: &mut dyn FnMut(Result<TableRow, (usize, String)>) -> Result<(), String>,
    ) -> Result<(), String> {
        match self.rows {
            OpenRows::Stream(stream) => {
                for row in *stream {
                    each(row?)?;
                }
                Ok(())
            }
            OpenRows::Sheet(sheet) => sheet
                .for_each_row(true, &mut |row| {
                    each(Ok(row)).map_err(crate::io::table::TableError::Stopped)
                })
                .map_err(|e| e.to_string()),
        }
    }
}

/// Lines of a reader, numbered from 1, with the trailing "\r" of CRLF removed.
struct NumberedLines<R> {
    lines: std::io::Split<R>,
    number: usize,
}

impl<R: std::io::BufRead> NumberedLines<R> {
    fn new(reader: R) -> Self {
        NumberedLines {
            lines: reader.split(b'\n'),
            number: 0,
        }
    }

    /// The next line that is not blank: its number and its text, or why its
    /// bytes are not text.
    fn next_line(&mut self) -> Option<std::io::Result<(usize, Result<String, String>)>> {
        loop {
            let mut line = match self.lines.next()? {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            self.number += 1;
            if line.last() == Some(&b'\r') {
                line.pop();
            }
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let n = self.number;
            let text = String::from_utf8(line).map_err(|e| {
                format!(
                    "line {n} is not UTF-8 text (invalid byte at column {}); save the file as UTF-8",
                    e.utf8_error().valid_up_to() + 1
                )
            });
            return Some(Ok((n, text)));
        }
    }
}

/// The keys of a JSONL file's objects, in order of first appearance: its
/// columns. Lines that are not JSON objects are left to the row pass.
fn jsonl_keys(name: &str, reader: impl std::io::BufRead) -> Result<Vec<String>, String> {
    let mut keys: Vec<String> = Vec::new();
    let mut lines = NumberedLines::new(reader);
    while let Some(line) = lines.next_line() {
        let (_, text) = line.map_err(|e| format!("{name}: {e}"))?;
        if let Ok(serde_json::Value::Object(o)) =
            serde_json::from_str::<serde_json::Value>(&text.unwrap_or_default())
        {
            for k in o.keys() {
                if !keys.contains(k) {
                    keys.push(k.clone());
                }
            }
        }
    }
    Ok(keys)
}

/// The objects of a JSONL file as rows, one cell per key; a line that is not a
/// JSON object is a bad row.
pub struct JsonlRows<R> {
    name: String,
    lines: NumberedLines<R>,
    keys: Vec<String>,
}

impl<R: std::io::BufRead> JsonlRows<R> {
    fn new(name: &str, reader: R, keys: Vec<String>) -> Self {
        JsonlRows {
            name: name.to_string(),
            lines: NumberedLines::new(reader),
            keys,
        }
    }

    /// The keys, with "text" read as the objective (objects with only a "text"
    /// field are objectives).
    fn headers(&self) -> Vec<String> {
        self.keys
            .iter()
            .map(|k| if k == "text" { "objective" } else { k }.to_string())
            .collect()
    }
}

impl<R: std::io::BufRead> Iterator for JsonlRows<R> {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        let (n, text) = match self.lines.next_line()? {
            Ok(l) => l,
            Err(e) => return Some(Err(format!("{}: {e}", self.name))),
        };
        let text = match text {
            Ok(t) => t,
            Err(why) => return Some(Ok(Err((n, why)))),
        };
        Some(Ok(match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(o)) => Ok(TableRow {
                number: n,
                cells: self
                    .keys
                    .iter()
                    .map(|k| match o.get(k) {
                        None | Some(serde_json::Value::Null) => String::new(),
                        Some(serde_json::Value::String(s)) => s.clone(),
                        Some(v) => v.to_string(),
                    })
                    .collect(),
            }),
            Ok(_) => Err((n, format!("line {n}: not a JSON object"))),
            Err(e) => Err((n, format!("line {n}: invalid JSON: {e}"))),
        }))
    }
}

/// The lines of a TXT file as rows of one cell, the objective; blank lines are
/// not rows.
pub struct LineRows<R> {
    lines: NumberedLines<R>,
}

impl<R: std::io::BufRead> LineRows<R> {
    fn new(reader: R) -> Self {
        LineRows {
            lines: NumberedLines::new(reader),
        }
    }
}

impl<R: std::io::BufRead> Iterator for LineRows<R> {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        let (n, text) = match self.lines.next_line()? {
            Ok(l) => l,
            Err(e) => return Some(Err(e.to_string())),
        };
        Some(Ok(match text {
            Ok(t) => Ok(TableRow {
                number: n,
                cells: vec![t.trim().to_string()],
            }),
            Err(why) => Err((n, why)),
        }))
    }
}

/// Reads a streamed file whole, as one table.
fn read_stream(name: &str, stream: RowStream) -> Result<PlanFile, String> {
    let headers = stream.headers();
    let mut rows = Vec::new();
    let mut bad_rows = Vec::new();
    for row in stream {
        match row? {
            Ok(r) => rows.push(r),
            Err(b) => bad_rows.push(b),
        }
    }
    Ok(PlanFile {
        tables: vec![Table {
            file: name.to_string(),
            sheet: None,
            headers,
            rows,
        }],
        bad_rows,
    })
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
        out.push(Table {
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
        out.push(Table {
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
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "{\"text\":\"Mum to engage\"}\r\n\nnot json\n{\"text\":\"x\",\"who\":\"Dad\"}\n[1]\n",
        )
        .unwrap();
        let f = read_plan_file(&path).unwrap();
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

    #[test]
    fn txt_lines_are_rows_and_a_line_that_is_not_utf8_is_a_bad_row() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("objectives.txt");
        std::fs::write(
            &path,
            b"Mum to engage with services\r\n\n  \nDad will call D\xe9borah\nJohn will raise his hand\n",
        )
        .unwrap();
        let f = read_plan_file(&path).unwrap();
        let rows: Vec<(usize, &str)> = f.tables[0]
            .rows
            .iter()
            .map(|r| (r.number, r.cells[0].as_str()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (1, "Mum to engage with services"),
                (5, "John will raise his hand")
            ]
        );
        assert_eq!(f.bad_rows.len(), 1);
        assert_eq!(f.bad_rows[0].0, 4);
        assert!(f.bad_rows[0].1.contains("not UTF-8"), "{}", f.bad_rows[0].1);
    }
}

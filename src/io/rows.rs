//! Plan files read a row at a time: CSV/TSV ([`super::delimited::DelimitedRows`]), JSONL and
//! TXT. Only the current row is held, so a file of any length is read in flat
//! memory. A row that cannot be read is handed on as (row number, reason), so
//! that rows in and records out stay equal.

use super::delimited::DelimitedRows;
use super::encoding::{self, TextEncoding, TextReader};
use super::table::{TableError, TableRow};
use std::path::Path;

/// A row of a table: the row, or (row number, reason) for a row that cannot be judged.
pub type RowResult = Result<TableRow, (usize, String)>;

/// A row read from a stream. An `Err` ends the file: it cannot be read on.
pub type StreamedRow = Result<RowResult, TableError>;

/// A plan file read a row at a time: CSV/TSV, JSONL or TXT. Opening a JSONL
/// file reads it once to learn its columns (the keys of its objects).
pub enum RowStream {
    /// With the header's row when title rows are above it.
    Delimited(Box<DelimitedRows<TextReader>>, TextEncoding, Option<usize>),
    Jsonl(JsonlRows<std::io::BufReader<TextReader>>, TextEncoding),
    Lines(LineRows<std::io::BufReader<TextReader>>, TextEncoding),
}

/// The formats read a row at a time.
const STREAMED_EXTENSIONS: [&str; 4] = ["csv", "tsv", "jsonl", "txt"];

/// A path's extension, lower case ("" when it has none).
pub fn extension(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default()
}

fn unreadable(name: &str, e: impl std::fmt::Display) -> TableError {
    TableError::Unreadable {
        path: name.to_string(),
        reason: e.to_string(),
    }
}

impl RowStream {
    /// Whether `path`'s format is read a row at a time.
    pub fn reads(path: &Path) -> bool {
        STREAMED_EXTENSIONS.contains(&extension(path).as_str())
    }

    /// Opens `path` as a stream, if its format streams (csv, tsv, jsonl, txt),
    /// decoded from the encoding `named`, or else the one detected.
    pub fn open(
        path: &Path,
        named: Option<&'static encoding_rs::Encoding>,
    ) -> Option<Result<RowStream, TableError>> {
        if !Self::reads(path) {
            return None;
        }
        Some(encoding::detect(path, named).and_then(|found| Self::decoded(path, found)))
    }

    /// Opens `path`, a format that streams, decoded from `found`, an encoding
    /// already detected (so a table read twice is detected once).
    pub fn decoded(path: &Path, found: TextEncoding) -> Result<RowStream, TableError> {
        let name = path.display().to_string();
        let text = || encoding::open_as(path, found);
        let lines = || text().map(std::io::BufReader::new);
        Ok(match extension(path).as_str() {
            "jsonl" => {
                let keys = jsonl_keys(&name, lines()?)?;
                RowStream::Jsonl(JsonlRows::new(&name, lines()?, keys), found)
            }
            "txt" => RowStream::Lines(LineRows::new(&name, lines()?), found),
            _ => {
                let mut rows = DelimitedRows::new(&name, text()?, true)?;
                let header = rows.find_header(super::columns::names_plan_questions);
                RowStream::Delimited(Box::new(rows), found, header)
            }
        })
    }

    /// The column headers.
    pub fn headers(&self) -> Vec<String> {
        match self {
            RowStream::Delimited(d, ..) => d.headers.clone(),
            RowStream::Jsonl(j, _) => j.headers(),
            RowStream::Lines(..) => vec!["objective".into()],
        }
    }

    /// How the file was decoded.
    pub fn encoding(&self) -> TextEncoding {
        match self {
            RowStream::Delimited(_, e, _) | RowStream::Jsonl(_, e) | RowStream::Lines(_, e) => *e,
        }
    }

    /// The header's row, when title rows are above it.
    pub fn header_row(&self) -> Option<usize> {
        match self {
            RowStream::Delimited(_, _, row) => *row,
            _ => None,
        }
    }
}

impl Iterator for RowStream {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        match self {
            RowStream::Delimited(d, ..) => d.next(),
            RowStream::Jsonl(j, _) => j.next(),
            RowStream::Lines(l, _) => l.next(),
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
            if self.number == 1 && line.starts_with("\u{feff}".as_bytes()) {
                line.drain(..3);
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
fn jsonl_keys(name: &str, reader: impl std::io::BufRead) -> Result<Vec<String>, TableError> {
    let mut keys: Vec<String> = Vec::new();
    let mut lines = NumberedLines::new(reader);
    let mut any = false;
    while let Some(line) = lines.next_line() {
        any = true;
        let (_, text) = line.map_err(|e| unreadable(name, e))?;
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
    if !any {
        return Err(unreadable(
            name,
            "the file has no JSON lines: there is no objective to audit",
        ));
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
            Err(e) => return Some(Err(unreadable(&self.name, e))),
        };
        let text = match text {
            Ok(t) => t,
            Err(why) => return Some(Ok(Err((n, why)))),
        };
        Some(Ok(match serde_json::from_str::<serde_json::Value>(&text) {
            Ok(serde_json::Value::Object(o))
                if o.get("text")
                    .is_some_and(|t| !t.is_string() && !t.is_null()) =>
            {
                Err((
                    n,
                    format!(
                        "line {n}: \"text\" is {}, not a string; an objective is text",
                        o["text"]
                    ),
                ))
            }
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
/// not rows. A file with no line that is not blank is an error: there is
/// nothing in it to audit.
pub struct LineRows<R> {
    name: String,
    lines: NumberedLines<R>,
    any: bool,
}

impl<R: std::io::BufRead> LineRows<R> {
    fn new(name: &str, reader: R) -> Self {
        LineRows {
            name: name.to_string(),
            lines: NumberedLines::new(reader),
            any: false,
        }
    }
}

impl<R: std::io::BufRead> Iterator for LineRows<R> {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        let (n, text) = match self.lines.next_line() {
            Some(Ok(l)) => l,
            Some(Err(e)) => return Some(Err(unreadable(&self.name, e))),
            None if !self.any => {
                self.any = true;
                let why = match self.lines.number {
                    0 => "the file is empty: there is no objective to audit",
                    _ => "the file holds only blank lines: there is no objective to audit",
                };
                return Some(Err(unreadable(&self.name, why)));
            }
            None => return None,
        };
        self.any = true;
        Some(Ok(match text {
            Ok(t) => Ok(TableRow {
                number: n,
                cells: vec![t.trim().to_string()],
            }),
            Err(why) => Err((n, why)),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::super::plan_files::read_plan_file;
    use super::RowStream;

    #[test]
    fn jsonl_rows_keep_their_line_numbers_and_bad_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            "{\"text\":\"Mum to engage\"}\r\n\nnot json\n{\"text\":\"x\",\"who\":\"Dad\"}\n[1]\n",
        )
        .unwrap();
        let f = read_plan_file(&path).unwrap().remove(0);
        assert_eq!(f.table.headers, vec!["objective", "who"]);
        assert_eq!(
            f.table.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
            vec![1, 4]
        );
        assert_eq!(
            f.bad_rows.iter().map(|b| b.0).collect::<Vec<_>>(),
            vec![3, 5]
        );
    }

    #[test]
    fn txt_lines_are_rows_read_in_their_encoding_or_named_as_bad() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("objectives.txt");
        let text = b"Mum to engage with services\r\n\n  \nDad will call D\xe9borah\nJohn will raise his hand\n";
        let lines = |bytes: &[u8], named| -> Vec<Result<(usize, String), (usize, String)>> {
            std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{e}"));
            RowStream::open(&path, named)
                .unwrap()
                .unwrap()
                .map(|r| r.unwrap().map(|r| (r.number, r.cells[0].clone())))
                .collect()
        };
        // Not UTF-8 as a whole: read as the Windows-1252 it most likely is.
        assert_eq!(
            lines(text, None),
            vec![
                Ok((1, "Mum to engage with services".into())),
                Ok((4, "Dad will call Déborah".into())),
                Ok((5, "John will raise his hand".into())),
            ]
        );
        // Named as UTF-8, or marked so by a byte-order mark (which is not part
        // of the first objective), the line that is not is a bad row of its own.
        let marked = [b"\xef\xbb\xbf".as_slice(), text].concat();
        for named in [lines(text, Some(encoding_rs::UTF_8)), lines(&marked, None)] {
            assert_eq!(named.len(), 3);
            assert_eq!(named[0], Ok((1, "Mum to engage with services".into())));
            let bad = named[1].as_ref().unwrap_err();
            assert_eq!(bad.0, 4);
            assert!(bad.1.contains("not UTF-8"), "{}", bad.1);
            assert_eq!(named[2], Ok((5, "John will raise his hand".into())));
        }
    }
}

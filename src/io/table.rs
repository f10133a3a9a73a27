//! Tables of text with a header row (CSV, TSV; XLSX sheets come from `xlsx`),
//! keeping each cell's row number so that every later error can name its file,
//! row and column. Delimited text is read a row at a time ([`super::delimited::DelimitedRows`]).

use super::delimited::DelimitedRows;

/// A table read from a file: a header row and the data rows below it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    /// The file it came from, for messages and records.
    pub file: String,
    /// The sheet or table within the file ("Sheet1", "table 2"), when there are several.
    pub sheet: Option<String>,
    pub headers: Vec<String>,
    pub rows: Vec<TableRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// 1-based row number in the file, counting the header row as row 1.
    pub number: usize,
    pub cells: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("{path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{origin}: row {row}: {reason}")]
    BadRow {
        origin: String,
        row: usize,
        reason: String,
    },
    #[error("{origin}: the file has no header row")]
    NoHeader { origin: String },
    /// Whatever the rows were handed to failed (writing an output, say); the
    /// message names what failed.
    #[error("{0}")]
    Stopped(String),
}

impl Table {
    /// The file, and the sheet in brackets when there is one: "plan.xlsx [Actions]".
    pub fn origin(&self) -> String {
        origin_of(&self.file, self.sheet.as_deref())
    }

    /// The index of the first header that matches one of `names` (case-, space-
    /// and punctuation-insensitive).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        let wanted: Vec<String> = names.iter().map(|n| normalise_header(n)).collect();
        self.headers
            .iter()
            .position(|h| wanted.contains(&normalise_header(h)))
    }

    /// The first header containing one of `fragments` ("Re-worded statement"
    /// contains "reword"), for columns whose titles vary from form to form.
    pub fn column_containing(&self, fragments: &[&str]) -> Option<usize> {
        self.headers.iter().position(|h| {
            let h = normalise_header(h);
            fragments.iter().any(|f| h.contains(&normalise_header(f)))
        })
    }

    /// The cell of `row` in column `col`, trimmed ("" when the row is short).
    pub fn cell<'a>(&self, row: &'a TableRow, col: usize) -> &'a str {
        row.cells.get(col).map_or("", |c| c.trim())
    }
}

/// At most `max` characters of `text` for a message to quote, with "…" and the
/// full length in bytes when it was cut: a message must not repeat a 200 MB cell.
pub fn clip(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text.to_string(),
        Some((end, _)) => format!("{}… ({} bytes)", &text[..end], text.len()),
    }
}

/// Headers as a message lists them: each clipped, and the list too.
pub fn header_list(headers: &[String]) -> String {
    clip(
        &headers
            .iter()
            .map(|h| clip(h, 60))
            .collect::<Vec<_>>()
            .join(", "),
        400,
    )
}

/// Makes repeated headers distinct, as a spreadsheet user reads them: the
/// second "Action" becomes "Action (2)". Returns the headers that repeated,
/// each once, so the reader can say so.
pub fn distinct_headers(headers: &mut [String]) -> Vec<String> {
    let mut repeated = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for i in 0..headers.len() {
        let key = normalise_header(&headers[i]);
        if key.is_empty() {
            continue;
        }
        let count = seen.iter().filter(|k| **k == key).count();
        seen.push(key);
        if count > 0 {
            if !repeated.contains(&headers[i]) {
                repeated.push(headers[i].clone());
            }
            let mut n = count + 1;
            let mut name = format!("{} ({n})", headers[i]);
            while headers
                .iter()
                .any(|h| normalise_header(h) == normalise_header(&name))
            {
                n += 1;
                name = format!("{} ({n})", headers[i]);
            }
            headers[i] = name;
        }
    }
    repeated
}

/// A file, and a sheet in brackets when there is one: "plan.xlsx [Actions]".
pub fn origin_of(file: &str, sheet: Option<&str>) -> String {
    match sheet {
        Some(sheet) => format!("{file} [{sheet}]"),
        None => file.to_string(),
    }
}

/// Lower-cases and drops everything but letters and digits: "Statement ID " → "statementid".
pub fn normalise_header(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses delimited text, detecting tab, semicolon or comma from the header line.
/// Rows whose cells are all empty are skipped.
pub fn parse_delimited(origin: &str, text: &str) -> Result<Table, TableError> {
    parse_delimited_rows(origin, text, false)
}

/// As [`parse_delimited`], keeping rows whose cells are all empty (an audit
/// outputs them as skipped, so that rows in and records out stay equal).
pub fn parse_delimited_all(origin: &str, text: &str) -> Result<Table, TableError> {
    parse_delimited_rows(origin, text, true)
}

fn parse_delimited_rows(origin: &str, text: &str, keep_empty: bool) -> Result<Table, TableError> {
    let (table, bad) = parse_delimited_bytes(origin, text.as_bytes(), keep_empty)?;
    match bad.into_iter().next() {
        // The reasons of rows read a row at a time already name their row.
        Some((_, reason)) => Err(TableError::Unreadable {
            path: origin.to_string(),
            reason,
        }),
        None => Ok(table),
    }
}

/// Parses delimited bytes, keeping empty rows when `keep_empty`. A row with a
/// cell that is not UTF-8 is returned apart, as (row number, reason), so that
/// the rest of the file is still read.
pub fn parse_delimited_bytes(
    origin: &str,
    bytes: &[u8],
    keep_empty: bool,
) -> Result<(Table, Vec<(usize, String)>), TableError> {
    let mut stream = DelimitedRows::new(origin, bytes, keep_empty)?;
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for row in stream.by_ref() {
        match row? {
            Ok(r) => rows.push(r),
            Err(b) => bad.push(b),
        }
    }
    Ok((
        Table {
            file: origin.to_string(),
            sheet: None,
            headers: stream.headers,
            rows,
        },
        bad,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiter_is_detected_and_rows_keep_their_numbers() {
        let t = parse_delimited("a.tsv", "Name\tStatement\n\nAsha\t1\nBen\t2\n").unwrap();
        assert_eq!(t.headers, vec!["Name", "Statement"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].number, 3);
        assert_eq!(t.rows[1].cells, vec!["Ben", "2"]);
        let t = parse_delimited("b.csv", "x;y\n1;\"a;b\"\n").unwrap();
        assert_eq!(t.rows[0].cells, vec!["1", "a;b"]);
    }

    #[test]
    fn messages_quote_at_most_a_clip_of_a_long_cell() {
        assert_eq!(clip("Mum", 5), "Mum");
        assert_eq!(clip("Déborah will", 3), "Déb… (13 bytes)");
        let huge = vec!["x".repeat(1 << 20), "Action".into()];
        let list = header_list(&huge);
        assert!(list.len() < 200, "{}", list.len());
        assert!(list.ends_with(", Action"), "{list}");
    }

    #[test]
    fn repeated_headers_are_made_distinct_and_named() {
        let mut h: Vec<String> = ["Action", "Who", "action", "Action (2)", "", ""]
            .map(String::from)
            .to_vec();
        let repeated = distinct_headers(&mut h);
        assert_eq!(repeated, vec!["action"]);
        assert_eq!(h, ["Action", "Who", "action (3)", "Action (2)", "", ""]);
    }

    #[test]
    fn headers_match_loosely() {
        let t = parse_delimited("c.csv", "Participant Name, Statement ID ,Tick\n").unwrap();
        assert_eq!(t.column(&["statement id"]), Some(1));
        assert_eq!(t.column(&["participant name", "name"]), Some(0));
        assert_eq!(t.column(&["rewording"]), None);
    }

    #[test]
    fn broken_quoting_names_the_row() {
        let err = parse_delimited("bad.csv", "a,b\n1,2\n\"3,4\n").unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with("bad.csv: row"), "{text}");
    }

    #[test]
    fn a_cell_that_is_not_utf8_is_a_bad_row_and_the_rest_is_read() {
        let bytes = b"Action,Lead\nAttend school,Mum\nCall the GP,D\xe9borah\nRead daily,Sam\n";
        let (t, bad) = parse_delimited_bytes("plan.csv", bytes, true).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(bad.len(), 1);
        assert_eq!(bad[0].0, 3);
        assert!(bad[0].1.contains("column 2"), "{}", bad[0].1);
        let err = parse_delimited_rows("plan.csv", &String::from_utf8_lossy(bytes), false);
        assert!(err.is_ok(), "lossy text has no bad bytes left");
    }

    #[test]
    fn an_empty_file_has_no_header() {
        let err = parse_delimited("empty.csv", "\n\n").unwrap_err();
        assert!(err.to_string().contains("no header"), "{err}");
    }
}

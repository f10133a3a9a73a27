//! Tables of text with a header row (CSV, TSV; XLSX sheets come from `xlsx`),
//! keeping each cell's row number so that every later error can name its file,
//! row and column. Delimited text is read a row at a time ([`DelimitedRows`]).

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
        match &self.sheet {
            Some(sheet) => format!("{} [{sheet}]", self.file),
            None => self.file.clone(),
        }
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
        Some((row, reason)) => Err(TableError::BadRow {
            origin: origin.to_string(),
            row,
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

/// The rows of delimited text, one at a time, after the header row: each is
/// a row, or (row number, reason) for a row with a cell that is not UTF-8.
/// It reads from any reader (a file, or bytes in memory) and holds one row at
/// a time, never the whole table.
pub struct DelimitedRows<R: std::io::Read> {
    origin: String,
    records: csv::ByteRecordsIntoIter<Counted<std::io::BufReader<R>>>,
    /// What the reader has passed on: line ends and quotes.
    seen: std::rc::Rc<std::cell::RefCell<Seen>>,
    /// Lines counted up to the last record's start.
    line: usize,
    index: usize,
    /// The last record's row, and the last whose cells span lines: where a
    /// quote that is never closed is reported.
    last: usize,
    multiline: Option<usize>,
    /// Set once the end, or an error, has been handed out.
    done: bool,
    keep_empty: bool,
    pub headers: Vec<String>,
}

/// Line ends not yet counted (their byte offsets, and '\n' or '\r') and the
/// number of quotes, of everything read so far.
#[derive(Default)]
struct Seen {
    read: u64,
    line_ends: std::collections::VecDeque<(u64, u8)>,
    quotes: u64,
}

/// A reader that notes line ends and quotes as bytes pass through it. The csv
/// reader reports where a record starts (a byte offset) but does not count
/// blank lines, so row numbers are counted here; only the line ends the csv
/// reader has read ahead of the current record are held.
struct Counted<R> {
    inner: R,
    seen: std::rc::Rc<std::cell::RefCell<Seen>>,
}

impl<R: std::io::Read> std::io::Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut seen = self.seen.borrow_mut();
        let start = seen.read;
        for (i, &b) in buf[..n].iter().enumerate() {
            match b {
                b'\n' | b'\r' => seen.line_ends.push_back((start + i as u64, b)),
                b'"' => seen.quotes += 1,
                _ => {}
            }
        }
        seen.read += n as u64;
        Ok(n)
    }
}

type StreamedRow = Result<Result<TableRow, (usize, String)>, TableError>;

impl<R: std::io::Read> DelimitedRows<R> {
    /// Detects the delimiter (tab, semicolon or comma, from the header line)
    /// and reads the header row. A quote that is never closed is reported, with
    /// the row it starts on, in place of the end of the rows.
    pub fn new(origin: &str, reader: R, keep_empty: bool) -> Result<Self, TableError> {
        use std::io::BufRead;
        let io_error = |e: std::io::Error| TableError::Unreadable {
            path: origin.to_string(),
            reason: e.to_string(),
        };
        let mut reader = std::io::BufReader::with_capacity(64 * 1024, reader);
        if reader
            .fill_buf()
            .map_err(io_error)?
            .starts_with("\u{feff}".as_bytes())
        {
            reader.consume(3);
        }
        let head = reader.fill_buf().map_err(io_error)?;
        let first_line = head.split(|&b| b == b'\n').next().unwrap_or(&[]);
        let delimiter = [b'\t', b';', b',']
            .into_iter()
            .max_by_key(|d| first_line.iter().filter(|b| *b == d).count())
            .filter(|d| first_line.contains(d))
            .unwrap_or(b',');
        let seen = std::rc::Rc::new(std::cell::RefCell::new(Seen::default()));
        let counted = Counted {
            inner: reader,
            seen: seen.clone(),
        };
        let records = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(counted)
            .into_byte_records();
        let mut stream = DelimitedRows {
            origin: origin.to_string(),
            records,
            seen,
            line: 1,
            index: 0,
            last: 1,
            multiline: None,
            done: false,
            keep_empty,
            headers: Vec::new(),
        };
        loop {
            let Some((number, cells, not_utf8)) = stream.next_record()? else {
                return Err(stream.unclosed_quote().unwrap_or(TableError::NoHeader {
                    origin: origin.to_string(),
                }));
            };
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if let Some(col) = not_utf8 {
                return Err(TableError::BadRow {
                    origin: origin.to_string(),
                    row: number,
                    reason: format!("column {col} of the header row is not UTF-8 text"),
                });
            }
            stream.headers = cells.iter().map(|c| c.trim().to_string()).collect();
            return Ok(stream);
        }
    }

    /// At the end of the rows: the csv reader accepts a quote that is never
    /// closed and swallows the rest of the file into one cell, so an odd number
    /// of quotes is refused here, naming the row where the cell began.
    fn unclosed_quote(&self) -> Option<TableError> {
        (self.seen.borrow().quotes % 2 == 1).then(|| TableError::BadRow {
            origin: self.origin.clone(),
            row: self.multiline.unwrap_or(self.last),
            reason: "a quote (\") opened on this row is never closed".to_string(),
        })
    }

    /// The line a record starts on, from its byte offset: the line ends before
    /// it, and those of blank lines it begins with, are counted.
    fn line_of(&mut self, byte: u64) -> usize {
        let mut seen = self.seen.borrow_mut();
        let mut start = byte;
        while let Some(&(at, b)) = seen.line_ends.front() {
            if at > start {
                break;
            }
            if at == start {
                start += 1;
            }
            self.line += usize::from(b == b'\n');
            seen.line_ends.pop_front();
        }
        self.line
    }

    /// The next record: its line, its cells, and the first column that is not UTF-8.
    #[allow(clippy::type_complexity)]
    fn next_record(&mut self) -> Result<Option<(usize, Vec<String>, Option<usize>)>, TableError> {
        let Some(record) = self.records.next() else {
            return Ok(None);
        };
        self.index += 1;
        let i = self.index;
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let row = match e.position() {
                    Some(p) => self.line_of(p.byte()),
                    None => i,
                };
                let reason = match e.kind() {
                    csv::ErrorKind::Io(io) => format!("cannot be read: {io}"),
                    _ => format!("cannot be parsed as CSV: {e}"),
                };
                return Err(TableError::BadRow {
                    origin: self.origin.clone(),
                    row,
                    reason,
                });
            }
        };
        let number = match record.position() {
            Some(p) => self.line_of(p.byte()),
            None => i,
        };
        let mut cells = Vec::with_capacity(record.len());
        let mut not_utf8 = None;
        for (c, field) in record.iter().enumerate() {
            match std::str::from_utf8(field) {
                Ok(s) => cells.push(s.to_string()),
                Err(_) => {
                    not_utf8.get_or_insert(c + 1);
                    cells.push(String::from_utf8_lossy(field).into_owned());
                }
            }
        }
        self.last = number;
        if cells.iter().any(|c| c.contains('\n')) {
            self.multiline = Some(number);
        }
        Ok(Some((number, cells, not_utf8)))
    }
}

impl<R: std::io::Read> Iterator for DelimitedRows<R> {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        if self.done {
            return None;
        }
        loop {
            let (number, cells, not_utf8) = match self.next_record() {
                Ok(Some(r)) => r,
                Ok(None) => {
                    self.done = true;
                    return self.unclosed_quote().map(Err);
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            if let Some(col) = not_utf8 {
                return Some(Ok(Err((
                    number,
                    format!("row {number}, column {col}: the cell is not UTF-8 text; save the file as UTF-8"),
                ))));
            }
            if !self.keep_empty && cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            return Some(Ok(Ok(TableRow { number, cells })));
        }
    }
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

    /// Hands out a byte at a time, as a slow pipe or file might.
    struct Trickle<'a>(&'a [u8]);

    impl std::io::Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((b, rest)), Some(slot)) => {
                    *slot = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    fn streamed_numbers(bytes: &[u8]) -> Vec<(usize, Vec<String>)> {
        let whole: Vec<_> = DelimitedRows::new("p.csv", bytes, true)
            .unwrap()
            .map(|r| r.unwrap().unwrap())
            .map(|r| (r.number, r.cells))
            .collect();
        let trickled: Vec<_> = DelimitedRows::new("p.csv", Trickle(bytes), true)
            .unwrap()
            .map(|r| r.unwrap().unwrap())
            .map(|r| (r.number, r.cells))
            .collect();
        assert_eq!(
            whole, trickled,
            "row numbers do not depend on how reads are split"
        );
        whole
    }

    #[test]
    fn streamed_rows_keep_their_line_numbers() {
        // A byte-order mark, CRLF line ends, blank lines, and a cell over two lines.
        let text = "\u{feff}Action,Lead\r\n\r\nAttend school,Mum\r\n\"Call the GP\r\nabout sleep\",Dad\r\n\r\n\r\nRead daily,Sam\r\n";
        let rows = streamed_numbers(text.as_bytes());
        let numbers: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![3, 4, 8]);
        assert_eq!(rows[0].1, vec!["Attend school", "Mum"]);
        assert_eq!(rows[1].1, vec!["Call the GP\r\nabout sleep", "Dad"]);
        assert_eq!(rows[2].1, vec!["Read daily", "Sam"]);
    }

    #[test]
    fn an_unclosed_quote_ends_the_stream_naming_its_row() {
        let text = "Action,Lead\nAttend school,Mum\n\"Call the GP,Dad\nRead daily,Sam\n";
        let rows: Vec<_> = DelimitedRows::new("q.csv", Trickle(text.as_bytes()), true)
            .unwrap()
            .collect();
        // The rows before it, then the row that swallowed the rest, then the error.
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].as_ref().unwrap().as_ref().unwrap().number, 2);
        let err = rows[2].as_ref().unwrap_err().to_string();
        assert_eq!(
            err,
            "q.csv: row 3: a quote (\") opened on this row is never closed"
        );
    }
}

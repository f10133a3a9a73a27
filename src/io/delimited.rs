//! Delimited text (CSV, TSV, semicolons) read a row at a time, keeping each
//! row's line number, and refusing the quote that runs on and swallows rows.

use super::table::{TableError, TableRow};

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
    delimiter: u8,
    /// The record after the current one, read ahead: a quote left open runs to
    /// the end of the file, so only the last record can hold one.
    ahead: Option<Result<Option<Record>, TableError>>,
    /// Records read while looking for the header, handed out before any other.
    buffered: std::collections::VecDeque<Record>,
    /// Rows already known to be unreadable (those a runaway quote took in),
    /// handed out before anything else is read.
    pending: std::collections::VecDeque<(usize, String)>,
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

/// A record as read: its first line, its cells, and its first column that is not UTF-8.
type Record = (usize, Vec<String>, Option<usize>);

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
            delimiter,
            ahead: None,
            buffered: Default::default(),
            pending: Default::default(),
            done: false,
            keep_empty,
            headers: Vec::new(),
        };
        loop {
            let Some((number, cells, not_utf8)) = stream.next_record()? else {
                return Err(TableError::NoHeader {
                    origin: origin.to_string(),
                });
            };
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            if stream.left_open(&cells) {
                return Err(TableError::BadRow {
                    origin: origin.to_string(),
                    row: number,
                    reason: "a quote (\") opened in the header row is never closed, so the whole file was read as its header; close the quote and run again".into(),
                });
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

    /// Whether `cells`, the record just read, holds a quote that is never
    /// closed. The csv reader takes such a quote's cell on to the end of the
    /// file, line ends and all; so it is the last record, the file's quotes are
    /// odd in number, and a cell ends in a line end or carries what should have
    /// been its row's other cells. (A quote in the middle of a cell, as in
    /// `a 5" screen`, is text: it makes the count odd, but leaves no such cell.)
    fn left_open(&mut self, cells: &[String]) -> bool {
        if self.seen.borrow().quotes % 2 == 0 || !self.at_end() {
            return false;
        }
        let d = char::from(self.delimiter);
        cells.iter().any(|c| c.contains('\n'))
            || (cells.len() < self.headers.len() && cells.iter().any(|c| c.contains(d)))
    }

    /// Whether a record's cells hold lines that look like rows of their own:
    /// a quote opened at one row and closed rows later (`"Attend school,Mum` …
    /// `Read daily",Sam`) parses, but takes the rows between into one cell. A
    /// line looks like a row when it has as many delimiters as the header row,
    /// less those between the cells that share it (before the cell, on its
    /// first line; after it, on its last).
    fn swallows_rows(&self, cells: &[String]) -> bool {
        let columns = self.headers.len();
        if columns < 2 {
            return false;
        }
        let d = char::from(self.delimiter);
        let multiline = cells.iter().any(|c| c.contains('\n'));
        // More cells than the header has, over several lines: quoting went wrong.
        if multiline && cells.len() > columns {
            return true;
        }
        cells.iter().enumerate().any(|(i, cell)| {
            let lines: Vec<&str> = cell.split('\n').collect();
            let last = lines.len() - 1;
            last > 0
                && lines.iter().enumerate().any(|(l, line)| {
                    let delimiters = line.matches(d).count();
                    // The cells before it share the first line; those after, the last.
                    let others = match l {
                        0 => i,
                        l if l == last => cells.len() - 1 - i,
                        _ => 0,
                    };
                    delimiters > 0 && delimiters + others == columns - 1
                })
        })
    }

    /// Whether the record just read is the last, reading the next one ahead.
    /// (An error reading ahead is not the end: it is handed out in its turn.)
    fn at_end(&mut self) -> bool {
        if !self.buffered.is_empty() {
            return false;
        }
        if self.ahead.is_none() {
            let next = self.next_record();
            self.ahead = Some(next);
        }
        matches!(self.ahead, Some(Ok(None)))
    }

    /// The next record, the one read ahead if there is one.
    fn take(&mut self) -> Result<Option<Record>, TableError> {
        if let Some(r) = self.buffered.pop_front() {
            return Ok(Some(r));
        }
        self.ahead.take().unwrap_or_else(|| self.next_record())
    }

    /// For a plan file: when the header row does not name the plan's
    /// questions (`names`), the first of the next rows, up to the 20th, that
    /// does becomes the header, and the rows above it are titles. Returns the
    /// header's row number when it moved; otherwise every row read is still
    /// handed out in order.
    pub fn find_header(&mut self, names: impl Fn(&[String]) -> bool) -> Option<usize> {
        let trimmed = |cells: &[String]| {
            cells
                .iter()
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        };
        if names(&self.headers) {
            return None;
        }
        let mut seen: Vec<Record> = Vec::new();
        let mut filled = 1;
        while filled < 20 {
            match self.next_record() {
                Ok(Some(r)) => {
                    filled += usize::from(r.1.iter().any(|c| !c.trim().is_empty()));
                    seen.push(r);
                }
                Ok(None) => break,
                Err(e) => {
                    self.ahead = Some(Err(e));
                    break;
                }
            }
        }
        match seen.iter().position(|(_, cells, _)| names(&trimmed(cells))) {
            Some(k) => {
                let rest = seen.split_off(k + 1);
                let (row, cells, _) = seen.pop()?;
                self.headers = trimmed(&cells);
                self.buffered = rest.into();
                Some(row)
            }
            None => {
                self.buffered = seen.into();
                None
            }
        }
    }

    /// Every line a runaway quote's record covers, as unreadable rows: the
    /// row the quote opened on says why, and each later non-blank line is named.
    fn runaway(&mut self, number: usize, cells: &[String], never_closed: bool) {
        let text = cells.join(&char::from(self.delimiter).to_string());
        let lines: Vec<&str> = text.split('\n').collect();
        let end = number
            + lines
                .iter()
                .rposition(|l| !l.trim().is_empty())
                .unwrap_or(0);
        let how = if never_closed {
            format!("is never closed, so every row from here to the end of the file (row {end}) was read as one cell")
        } else {
            format!("runs on to row {end}, so rows {number} to {end} were read as one")
        };
        self.pending.push_back((
            number,
            format!("row {number}: a quote (\") opened on this row {how}; close the quote (write a quote inside a cell as \"\") and run again"),
        ));
        for (k, line) in lines.iter().enumerate().skip(1) {
            if !line.trim().is_empty() {
                let row = number + k;
                self.pending.push_back((
                    row,
                    format!("row {row}: taken into the cell of a quote opened on row {number}; close that quote and run again"),
                ));
            }
        }
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

    /// The next record from the reader: its line, its cells, and the first column that is not UTF-8.
    fn next_record(&mut self) -> Result<Option<Record>, TableError> {
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
        Ok(Some((number, cells, not_utf8)))
    }
}

impl<R: std::io::Read> Iterator for DelimitedRows<R> {
    type Item = StreamedRow;

    fn next(&mut self) -> Option<StreamedRow> {
        loop {
            if let Some(bad) = self.pending.pop_front() {
                return Some(Ok(Err(bad)));
            }
            if self.done {
                return None;
            }
            let (number, cells, not_utf8) = match self.take() {
                Ok(Some(r)) => r,
                Ok(None) => {
                    self.done = true;
                    return None;
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(e));
                }
            };
            let never_closed = self.left_open(&cells);
            if never_closed || self.swallows_rows(&cells) {
                self.runaway(number, &cells, never_closed);
                continue;
            }
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

    /// Each row streamed, as (row number, Ok(cells) or Err(reason)).
    fn outcomes(text: &str) -> Vec<(usize, Result<Vec<String>, String>)> {
        DelimitedRows::new("q.csv", Trickle(text.as_bytes()), true)
            .unwrap()
            .map(|r| match r.unwrap() {
                Ok(row) => (row.number, Ok(row.cells)),
                Err((n, why)) => (n, Err(why)),
            })
            .collect()
    }

    #[test]
    fn a_quote_never_closed_leaves_a_bad_row_for_every_line_it_took() {
        let text = "Action,Lead\nAttend school,Mum\n\"Call the GP,Dad\nRead daily,Sam\n";
        let rows = outcomes(text);
        assert_eq!(rows.iter().map(|r| r.0).collect::<Vec<_>>(), vec![2, 3, 4]);
        assert_eq!(rows[0].1, Ok(vec!["Attend school".into(), "Mum".into()]));
        let why = rows[1].1.as_ref().unwrap_err();
        assert!(
            why.starts_with("row 3: a quote (\") opened on this row is never closed"),
            "{why}"
        );
        assert!(why.contains("(row 4)"), "{why}");
        let why = rows[2].1.as_ref().unwrap_err();
        assert!(why.contains("quote opened on row 3"), "{why}");
    }

    #[test]
    fn a_quote_closed_rows_later_is_caught_though_it_parses() {
        // Four quotes, so the file parses: rows 3 to 5 become one record.
        let text = "Action,Lead\nAttend school,Mum\n\"Call the GP,Dad\nBook a visit,Sam\nRead daily\",Sam\nWalk to school,Dad\n";
        let rows = outcomes(text);
        assert_eq!(
            rows.iter().map(|r| (r.0, r.1.is_ok())).collect::<Vec<_>>(),
            vec![(2, true), (3, false), (4, false), (5, false), (6, true)]
        );
        let why = rows[1].1.as_ref().unwrap_err();
        assert!(why.contains("runs on to row 5"), "{why}");
        // Opened in a later column: its first line carries no delimiter, a middle line does.
        let rows = outcomes(
            "Action,Lead,When\nAttend school,\"Mum,weekly\nCall the GP,Dad,May\nRead\",Sam,daily\n",
        );
        assert_eq!(
            rows.iter().map(|r| (r.0, r.1.is_ok())).collect::<Vec<_>>(),
            vec![(2, false), (3, false), (4, false)]
        );
    }

    #[test]
    fn cells_over_several_lines_and_quotes_inside_cells_are_still_read() {
        // A note typed over two lines (Alt+Enter in Excel) is a real cell.
        let rows = outcomes("Action,Lead,When\n\"Call the GP, then\nbook a visit\",Dad,May\n");
        assert_eq!(rows.len(), 1);
        assert!(rows[0].1.is_ok(), "{:?}", rows[0]);
        // A quote in the middle of a cell is a character: an odd count, nothing left open.
        let rows = outcomes("Action,Lead\nBuy a 5\" frame,Mum\nRead daily,Sam\n");
        assert_eq!(
            rows.iter().map(|r| (r.0, r.1.is_ok())).collect::<Vec<_>>(),
            vec![(2, true), (3, true)]
        );
    }

    #[test]
    fn a_header_below_title_rows_is_found_and_otherwise_nothing_moves() {
        let names = |h: &[String]| h.iter().any(|c| c == "Action");
        let text = "Child Protection Plan - Leo Nowak (DOB 02/03/2015)\n\nAction,Who\nWalk Leo to school,Mum\n";
        let mut rows =
            DelimitedRows::new("t.csv", text.as_bytes(), true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.find_header(names), Some(3));
        assert_eq!(rows.headers, vec!["Action", "Who"]);
        let got: Vec<usize> = rows
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")).map_or(0, |r| r.number))
            .collect();
        assert_eq!(got, vec![4]);
        let text = "Colour,Size\nred,large\nblue,small\n";
        let mut rows =
            DelimitedRows::new("c.csv", text.as_bytes(), true).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.find_header(names), None);
        let got: Vec<usize> = rows
            .map(|r| r.unwrap_or_else(|e| panic!("{e}")).map_or(0, |r| r.number))
            .collect();
        assert_eq!(got, vec![2, 3]);
    }

    #[test]
    fn a_header_with_a_quote_never_closed_is_refused() {
        let err = DelimitedRows::new("h.csv", &b"\"Action,Lead\nAttend school,Mum\n"[..], true)
            .err()
            .unwrap()
            .to_string();
        assert!(err.starts_with("h.csv: row 1: a quote"), "{err}");
    }
}

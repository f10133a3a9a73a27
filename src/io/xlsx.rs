//! XLSX sheets read a row at a time with calamine's cell reader, so that a
//! large workbook is never held as a grid of cells: a first pass finds each
//! sheet's used columns, header row and last row with text, and every later
//! pass hands out its rows in order, with the row numbers Excel shows.

use super::zip_limits::ZipLimits;
use crate::io::table::{Table, TableError, TableRow};
use calamine::{open_workbook, Data, DataRef, Reader, Xlsx};
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

type Workbook = Xlsx<BufReader<File>>;

pub use crate::core::config::DateStyle;

/// A date cell's text, as `style` writes dates: the date, a time of day when
/// it has one, and only the time for a cell that holds a time alone; `None`
/// for a duration.
fn write_date(style: DateStyle, value: &calamine::ExcelDateTime) -> Option<String> {
    if value.is_duration() {
        return None;
    }
    let at = value.as_datetime()?;
    let time = at.time();
    let has_time = time != chrono::NaiveTime::MIN;
    Some(if value.as_f64() < 1.0 && has_time {
        time.format("%H:%M").to_string()
    } else if has_time {
        format!(
            "{} {}",
            at.format(style.date_format()),
            time.format("%H:%M")
        )
    } else {
        at.format(style.date_format()).to_string()
    })
}

/// One sheet of a workbook that has a header row.
#[derive(Debug, Clone)]
pub struct XlsxSheet {
    path: PathBuf,
    dates: DateStyle,
    pub name: String,
    pub headers: Vec<String>,
    /// Used columns, first and last (0-based), as calamine's `Range` spans them.
    columns: (u32, u32),
    /// The header row and the last row with text in a cell (0-based).
    header_row: u32,
    last_row: u32,
    /// The sheet's cells are not in row order (allowed, but rare): its rows
    /// are then read through a whole `Range`.
    out_of_order: bool,
}

fn open(path: &Path) -> Result<Workbook, TableError> {
    open_workbook(path).map_err(|e| TableError::Unreadable {
        path: path.display().to_string(),
        reason: format!("not a readable XLSX workbook: {e}"),
    })
}

fn sheet_error(path: &Path, sheet: &str, e: impl std::fmt::Display) -> TableError {
    TableError::Unreadable {
        path: path.display().to_string(),
        reason: format!("sheet '{sheet}' cannot be read: {e}"),
    }
}

/// The text of a cell as `cell_text` gives it for the same cell in a `Range`.
fn text(cell: &DataRef<'_>, dates: DateStyle) -> String {
    match cell {
        DataRef::SharedString(s) => s.to_string(),
        DataRef::String(s) => s.clone(),
        other => cell_text(&Data::from(other.clone()), dates),
    }
}

/// Rows searched for a header: title rows above it are common in exports.
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Which row of a sheet is its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderRow {
    /// The first row with text (exercise and answer tables).
    First,
    /// The first of the first 20 rows with text whose cells name the
    /// action-plan questions (what will be done, by whom, by when...), so that
    /// title rows above it are passed over; a sheet with none is not a plan.
    PlanQuestions,
    /// This row (1-based, as Excel numbers it), whatever it holds (`--header-row`).
    At(u32),
}

/// The sheets of a workbook that are tables, and those passed over, with why.
#[derive(Debug, Default)]
pub struct Sheets {
    pub tables: Vec<XlsxSheet>,
    pub skipped: Vec<(String, String)>,
}

/// Every sheet of the workbook at `path` that has a header row, in order,
/// found in one pass over each sheet's cells (after the zip is checked
/// against `limits`).
pub fn sheets(
    path: &Path,
    limits: &ZipLimits,
    dates: DateStyle,
    header: HeaderRow,
) -> Result<Sheets, TableError> {
    super::zip_limits::check(limits, path)?;
    let mut workbook = open(path)?;
    let mut out = Sheets::default();
    for name in workbook.sheet_names().to_vec() {
        let mut reader = match workbook.worksheet_cells_reader(&name) {
            Ok(r) => r,
            // A chart sheet holds no cells.
            Err(calamine::XlsxError::NotAWorksheet(_)) => continue,
            Err(e) => return Err(sheet_error(path, &name, e)),
        };
        let search = match header {
            HeaderRow::At(n) => n as usize,
            _ => HEADER_SEARCH_ROWS,
        };
        let mut columns = (u32::MAX, 0);
        // The first rows with text, as (row, [(column, text)]).
        let mut top: Vec<(u32, Vec<(u32, String)>)> = Vec::new();
        let mut last_row = 0;
        let mut previous = (0, 0);
        let mut out_of_order = false;
        while let Some(cell) = reader
            .next_cell()
            .map_err(|e| sheet_error(path, &name, e))?
        {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            let (row, col) = cell.get_position();
            out_of_order |= (row, col) < previous;
            previous = (row, col);
            columns = (columns.0.min(col), columns.1.max(col));
            let value = text(cell.get_value(), dates);
            if value.trim().is_empty() {
                continue;
            }
            last_row = last_row.max(row);
            if let Some((_, cells)) = top.last_mut().filter(|(r, _)| *r == row) {
                cells.push((col, value));
            } else if top.len() < search {
                top.push((row, vec![(col, value)]));
            }
        }
        drop(reader);
        if top.is_empty() {
            continue;
        }
        let mut sheet = XlsxSheet {
            path: path.to_path_buf(),
            dates,
            name,
            headers: Vec::new(),
            columns,
            header_row: 0,
            last_row,
            out_of_order,
        };
        let width = (columns.1 - columns.0 + 1) as usize;
        let rows: Vec<(u32, Vec<String>)> = if out_of_order {
            // Cells stored out of order: take the first rows from the sheet in order.
            let mut rows = Vec::new();
            sheet.for_each_cells(&mut workbook, &mut |row, cells| {
                if rows.len() < search && cells.iter().any(|c| !c.trim().is_empty()) {
                    rows.push((row, cells));
                }
                Ok(())
            })?;
            rows
        } else {
            top.into_iter()
                .map(|(row, cells)| {
                    let mut line = vec![String::new(); width];
                    for (col, value) in cells {
                        line[(col - columns.0) as usize] = value;
                    }
                    (row, line)
                })
                .collect()
        };
        let trimmed = |cells: &[String]| {
            cells
                .iter()
                .map(|c| c.trim().to_string())
                .collect::<Vec<_>>()
        };
        let chosen = match header {
            HeaderRow::First => rows.first(),
            HeaderRow::PlanQuestions => rows
                .iter()
                .find(|(_, c)| super::columns::names_plan_questions(&trimmed(c))),
            HeaderRow::At(n) => rows.iter().find(|(r, _)| *r + 1 == n),
        };
        let Some((row, cells)) = chosen else {
            let why = match header {
                HeaderRow::At(n) => format!("row {n} (--header-row) has no text"),
                _ => format!(
                    "not a plan: none of its first {HEADER_SEARCH_ROWS} rows with text names the plan's questions (what will be done, who, by when); name the header with --header-row"
                ),
            };
            out.skipped.push((sheet.name, why));
            continue;
        };
        sheet.header_row = *row;
        sheet.headers = trimmed(cells);
        out.tables.push(sheet);
    }
    Ok(out)
}

impl XlsxSheet {
    /// The header's row, as Excel numbers it.
    pub fn header_row_number(&self) -> u32 {
        self.header_row + 1
    }

    /// Hands `each` every row below the header, up to the last row with text,
    /// in order; rows whose cells are all empty only when `keep_empty`. The
    /// workbook is opened anew, so this can run any number of times.
    pub fn for_each_row<E: From<TableError>>(
        &self,
        keep_empty: bool,
        each: &mut dyn FnMut(TableRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut workbook = open(&self.path)?;
        let (header_row, last_row) = (self.header_row, self.last_row);
        self.for_each_cells(&mut workbook, &mut |row, cells| {
            if row <= header_row || row > last_row {
                return Ok(());
            }
            if !keep_empty && cells.iter().all(|c| c.trim().is_empty()) {
                return Ok(());
            }
            each(TableRow {
                number: row as usize + 1,
                cells,
            })
        })
    }

    /// Every row of the used area, in order, gaps included, as (row, cells).
    fn for_each_cells<E: From<TableError>>(
        &self,
        workbook: &mut Workbook,
        each: &mut dyn FnMut(u32, Vec<String>) -> Result<(), E>,
    ) -> Result<(), E> {
        let unreadable = |e: calamine::XlsxError| sheet_error(&self.path, &self.name, e);
        let (first_col, last_col) = self.columns;
        let width = (last_col - first_col + 1) as usize;
        if self.out_of_order {
            let range = workbook.worksheet_range(&self.name).map_err(unreadable)?;
            let first_row = range.start().map_or(0, |(r, _)| r);
            for (i, row) in range.rows().enumerate() {
                let cells = row.iter().map(|c| cell_text(c, self.dates)).collect();
                each(first_row + i as u32, cells)?;
            }
            return Ok(());
        }
        let mut reader = workbook
            .worksheet_cells_reader(&self.name)
            .map_err(unreadable)?;
        let mut current: Option<(u32, Vec<String>)> = None;
        while let Some(cell) = reader.next_cell().map_err(unreadable)? {
            if matches!(cell.get_value(), DataRef::Empty) {
                continue;
            }
            let (row, col) = cell.get_position();
            if let Some((r, cells)) = &mut current {
                if *r == row {
                    cells[(col - first_col) as usize] = text(cell.get_value(), self.dates);
                    continue;
                }
            }
            if let Some((done, cells)) = current.take() {
                each(done, cells)?;
                // Rows with no cells between two that have some.
                for gap in done + 1..row {
                    each(gap, vec![String::new(); width])?;
                }
            }
            let mut cells = vec![String::new(); width];
            cells[(col - first_col) as usize] = text(cell.get_value(), self.dates);
            current = Some((row, cells));
        }
        if let Some((row, cells)) = current {
            each(row, cells)?;
        }
        Ok(())
    }
}

/// Every sheet of an XLSX workbook that has a header row, read whole. Rows
/// whose cells are all empty are kept when `keep_empty` (but never trailing
/// ones, which are the sheet's formatting).
pub fn read_sheets(path: &Path, keep_empty: bool) -> Result<Vec<Table>, TableError> {
    let mut tables = Vec::new();
    for sheet in sheets(
        path,
        &ZipLimits::default(),
        DateStyle::default(),
        HeaderRow::First,
    )?
    .tables
    {
        let mut rows = Vec::new();
        sheet.for_each_row(keep_empty, &mut |row| {
            rows.push(row);
            Ok(())
        })?;
        tables.push(Table {
            file: path.display().to_string(),
            sheet: Some(sheet.name),
            headers: sheet.headers,
            rows,
        });
    }
    Ok(tables)
}

/// The text of a spreadsheet cell; whole numbers without a decimal point,
/// and dates as `dates` writes them (not as Excel's day numbers).
pub fn cell_text(cell: &Data, dates: DateStyle) -> String {
    match cell {
        Data::DateTime(d) => write_date(dates, d).unwrap_or_else(|| d.to_string()),
        Data::Empty => String::new(),
        Data::String(s) => s.clone(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rows as the whole-sheet reader (`worksheet_range`) gives them, from
    /// the header on, without trailing blank rows: what streaming must match.
    fn rows_from_range(path: &Path, sheet: &str) -> (Vec<String>, Vec<(usize, Vec<String>)>) {
        let mut workbook = open(path).unwrap();
        let range = workbook.worksheet_range(sheet).unwrap();
        let first_row = range.start().map_or(0, |(r, _)| r as usize);
        let mut headers = None;
        let mut rows = Vec::new();
        for (i, row) in range.rows().enumerate() {
            let cells: Vec<String> = row.iter().map(|c| cell_text(c, DateStyle::Uk)).collect();
            let empty = cells.iter().all(|c| c.trim().is_empty());
            match headers {
                None if empty => {}
                None => headers = Some(cells.iter().map(|c| c.trim().to_string()).collect()),
                Some(_) => rows.push((first_row + i + 1, cells)),
            }
        }
        while rows
            .last()
            .is_some_and(|r| r.1.iter().all(|c| c.trim().is_empty()))
        {
            rows.pop();
        }
        (headers.unwrap(), rows)
    }

    fn streamed(sheet: &XlsxSheet) -> Vec<(usize, Vec<String>)> {
        let mut rows = Vec::new();
        sheet
            .for_each_row(true, &mut |r| -> Result<(), TableError> {
                rows.push((r.number, r.cells));
                Ok(())
            })
            .unwrap();
        rows
    }

    #[test]
    fn streamed_rows_match_the_whole_sheet() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.xlsx");
        let mut book = rust_xlsxwriter::Workbook::new();
        let plan = book.add_worksheet();
        plan.set_name("Plan").unwrap();
        // The table starts at B3; row 6 is missing; row 8 holds only spaces.
        for (c, h) in ["Lead", "Action", "Weeks"].iter().enumerate() {
            plan.write_string(2, c as u16 + 1, *h).unwrap();
        }
        plan.write_string(3, 1, "Mum").unwrap();
        plan.write_string(3, 2, "Walk Amy to school by 8.45am")
            .unwrap();
        plan.write_number(3, 3, 6.0).unwrap();
        plan.write_string(4, 2, "Call the GP").unwrap();
        plan.write_string(6, 1, "Dad").unwrap();
        plan.write_number(6, 3, 2.5).unwrap();
        plan.write_string(7, 2, "   ").unwrap();
        book.add_worksheet().set_name("Empty").unwrap();
        book.save(&path).unwrap();

        let sheets = first_row_sheets(&path);
        assert_eq!(sheets.len(), 1, "a sheet with no header is not a table");
        let (headers, rows) = rows_from_range(&path, "Plan");
        assert_eq!(sheets[0].headers, headers);
        assert_eq!(headers, vec!["Lead", "Action", "Weeks"]);
        assert_eq!(streamed(&sheets[0]), rows);
        let numbers: Vec<usize> = rows.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![4, 5, 6, 7]);
        assert_eq!(rows[0].1, vec!["Mum", "Walk Amy to school by 8.45am", "6"]);
        assert_eq!(rows[2].1, vec!["", "", ""]);
        assert_eq!(rows[3].1, vec!["Dad", "", "2.5"]);
    }

    /// A workbook written by hand, its rows stored out of order (3 before 2).
    fn scrambled_workbook(path: &Path) {
        use std::io::Write;
        let cell =
            |r: &str, t: &str| format!("<c r=\"{r}\" t=\"inlineStr\"><is><t>{t}</t></is></c>");
        let sheet = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>\
             <row r=\"1\">{}{}</row><row r=\"3\">{}{}</row><row r=\"2\">{}{}</row></sheetData></worksheet>",
            cell("A1", "Lead"),
            cell("B1", "Action"),
            cell("A3", "Dad"),
            cell("B3", "Call the GP"),
            cell("A2", "Mum"),
            cell("B2", "Walk Amy to school"),
        );
        let files = [
            ("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_string()),
            ("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_string()),
            ("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>".to_string()),
            ("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        let mut zip = zip::ZipWriter::new(File::create(path).unwrap());
        for (name, body) in files {
            zip.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }

    /// The workbook's tables, each headed by its first row with text.
    fn first_row_sheets(path: &Path) -> Vec<XlsxSheet> {
        sheets(path, &ZipLimits::default(), DateStyle::Uk, HeaderRow::First)
            .unwrap_or_else(|e| panic!("{e}"))
            .tables
    }

    #[test]
    fn rows_stored_out_of_order_come_out_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scrambled.xlsx");
        scrambled_workbook(&path);
        let sheets = first_row_sheets(&path);
        assert!(sheets[0].out_of_order);
        assert_eq!(sheets[0].headers, vec!["Lead", "Action"]);
        let rows = streamed(&sheets[0]);
        assert_eq!(rows, rows_from_range(&path, "Plan").1);
        assert_eq!(
            rows,
            vec![
                (2, vec!["Mum".to_string(), "Walk Amy to school".into()]),
                (3, vec!["Dad".to_string(), "Call the GP".into()]),
            ]
        );
    }
}

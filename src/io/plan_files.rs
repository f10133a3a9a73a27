//! Plan files as tables: which files under the given paths are plans, and each
//! plan file's tables as sources that can be read a row at a time, as often as
//! needed (a CSV, TSV, JSONL or TXT file; a sheet of a workbook; a DOCX table).

use super::rows::{extension, RowResult, RowStream};
use super::table::{Table, TableError};
use super::xlsx::XlsxSheet;
use std::path::{Path, PathBuf};

/// File extensions read as plan files.
pub const PLAN_EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "docx", "jsonl", "txt"];

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

/// How plan files are read, where the user says.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding of text files (`--encoding`); detected when `None`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

/// One table of a plan file that can be read a row at a time, as often as
/// needed: a CSV, TSV, JSONL or TXT file, one sheet of an XLSX workbook, or a
/// table of a DOCX (held whole: a document's tables are small).
pub enum TableSource {
    File(PathBuf, ReadOptions),
    Sheet(XlsxSheet),
    Loaded(Table),
}

/// A table being read: its headers (made distinct), the headers that were
/// repeated, and its rows still to come.
pub struct OpenTable<'a> {
    pub headers: Vec<String>,
    pub repeated: Vec<String>,
    /// How a text file was decoded, when it is worth saying (not plain UTF-8).
    pub read_as: Option<String>,
    rows: OpenRows<'a>,
}

enum OpenRows<'a> {
    Stream(Box<RowStream>),
    Sheet(&'a XlsxSheet),
    Loaded(&'a Table),
}

impl TableSource {
    /// The tables of the plan file at `path`: the file itself (read a row at
    /// a time), each sheet of a workbook that has a header row (found in one
    /// pass), or each table of a DOCX.
    pub fn of(path: &Path, options: &ReadOptions) -> Result<Vec<TableSource>, TableError> {
        if RowStream::reads(path) {
            return Ok(vec![TableSource::File(path.to_path_buf(), *options)]);
        }
        match extension(path).as_str() {
            "xlsx" | "xlsm" => Ok(super::xlsx::sheets(path)?
                .into_iter()
                .map(TableSource::Sheet)
                .collect()),
            "docx" => Ok(super::docx::read_docx(path)?
                .into_iter()
                .map(TableSource::Loaded)
                .collect()),
            other => Err(TableError::Unreadable {
                path: path.display().to_string(),
                reason: format!(
                    "'.{other}' is not a plan format (csv, tsv, xlsx, docx, jsonl, txt)"
                ),
            }),
        }
    }

    /// The sheet's or table's name, when the file has several.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            TableSource::File(..) => None,
            TableSource::Sheet(s) => Some(&s.name),
            TableSource::Loaded(t) => t.sheet.as_deref(),
        }
    }

    /// Opens the table for one reading of its rows. Repeated headers are
    /// made distinct ("Action", "Action (2)") so that each column stays its own.
    pub fn open(&self) -> Result<OpenTable<'_>, TableError> {
        let mut open = self.open_as_read()?;
        open.repeated = super::table::distinct_headers(&mut open.headers);
        Ok(open)
    }

    fn open_as_read(&self) -> Result<OpenTable<'_>, TableError> {
        match self {
            TableSource::File(path, options) => {
                let stream = RowStream::open(path, options.encoding).unwrap_or_else(|| {
                    Err(TableError::Unreadable {
                        path: path.display().to_string(),
                        reason: "not a format that is read a row at a time".into(),
                    })
                })?;
                Ok(OpenTable {
                    headers: stream.headers(),
                    repeated: Vec::new(),
                    read_as: stream.encoding().note(&path.display().to_string()),
                    rows: OpenRows::Stream(Box::new(stream)),
                })
            }
            TableSource::Sheet(sheet) => Ok(OpenTable {
                headers: sheet.headers.clone(),
                repeated: Vec::new(),
                read_as: None,
                rows: OpenRows::Sheet(sheet),
            }),
            TableSource::Loaded(table) => Ok(OpenTable {
                headers: table.headers.clone(),
                repeated: Vec::new(),
                read_as: None,
                rows: OpenRows::Loaded(table),
            }),
        }
    }
}

impl OpenTable<'_> {
    /// Hands `each` every row, in order: a row, or (row number, reason) for
    /// one that cannot be judged. Stops at the first error, whether the file's
    /// or one `each` returns.
    pub fn for_each<E: From<TableError>>(
        self,
        mut each: impl FnMut(RowResult) -> Result<(), E>,
    ) -> Result<(), E> {
        match self.rows {
            OpenRows::Stream(stream) => {
                for row in *stream {
                    each(row?)?;
                }
                Ok(())
            }
            OpenRows::Sheet(sheet) => sheet.for_each_row(true, &mut |row| each(Ok(row))),
            OpenRows::Loaded(table) => {
                for row in &table.rows {
                    each(Ok(row.clone()))?;
                }
                Ok(())
            }
        }
    }
}

/// A table read whole, with the rows that could not be read (number, reason).
#[derive(Debug, Clone, Default)]
pub struct LoadedTable {
    pub table: Table,
    pub bad_rows: Vec<(usize, String)>,
}

/// Reads every table of a plan file whole (for tests and small files; the
/// audit reads [`TableSource`]s a row at a time).
pub fn read_plan_file(path: &Path) -> Result<Vec<LoadedTable>, TableError> {
    let mut out = Vec::new();
    for source in TableSource::of(path, &ReadOptions::default())? {
        let open = source.open()?;
        let mut loaded = LoadedTable {
            table: Table {
                file: path.display().to_string(),
                sheet: source.sheet().map(str::to_string),
                headers: open.headers.clone(),
                rows: Vec::new(),
            },
            bad_rows: Vec::new(),
        };
        open.for_each(|row| -> Result<(), TableError> {
            match row {
                Ok(r) => loaded.table.rows.push(r),
                Err(bad) => loaded.bad_rows.push(bad),
            }
            Ok(())
        })?;
        out.push(loaded);
    }
    Ok(out)
}

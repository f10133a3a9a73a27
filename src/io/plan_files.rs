//! Plan files as tables: which files under the given paths are plans, and each
//! plan file's tables as sources that can be read a row at a time, as often as
//! needed (a CSV, TSV, JSONL or TXT file; a sheet of a workbook; a DOCX table).

use super::rows::{extension, RowResult, RowStream};
use super::table::{Table, TableError};
use super::xlsx::XlsxSheet;
use std::path::{Path, PathBuf};

/// File extensions read as plan files.
pub const PLAN_EXTENSIONS: &[&str] = &["csv", "tsv", "xlsx", "xlsm", "docx", "jsonl", "txt"];

/// The files under the paths given: plan files to audit, files skipped (not
/// plans, or a file reached again through a link) and paths that could not
/// be followed (missing, a link that leads nowhere, a link that loops back).
#[derive(Debug, Default)]
pub struct Collected {
    pub files: Vec<PathBuf>,
    pub skipped: Vec<(PathBuf, String)>,
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Every plan file under `paths` (folders recursively, in name order). Links
/// are followed, each file and folder once (by its canonical path), so a link
/// that loops back audits nothing twice.
pub fn collect_files(paths: &[PathBuf]) -> Collected {
    let mut walk = Walk::default();
    for p in paths {
        walk.visit(p, true);
    }
    walk.found
}

#[derive(Default)]
struct Walk {
    found: Collected,
    /// Each file and folder reached, by canonical path, with the path it was first reached by.
    seen: std::collections::HashMap<PathBuf, PathBuf>,
}

impl Walk {
    fn visit(&mut self, path: &Path, named: bool) {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        let canonical = match std::fs::canonicalize(path) {
            Ok(c) => c,
            Err(e) => {
                let target = std::fs::read_link(path)
                    .map(|t| t.display().to_string())
                    .unwrap_or_default();
                let why = match (is_link, e.raw_os_error()) {
                    (true, Some(40)) => {
                        format!("a link that loops (to {target}), so it leads to no file")
                    }
                    (true, _) => format!("a link to {target}, which does not exist"),
                    (false, _) => "no such file or folder".into(),
                };
                self.found.unreadable.push((path.to_path_buf(), why));
                return;
            }
        };
        // A link to a folder it is in loops: following it would walk that
        // folder again from inside itself.
        let loops = is_link
            && canonical.is_dir()
            && path
                .parent()
                .and_then(|p| std::fs::canonicalize(p).ok())
                .is_some_and(|p| p.starts_with(&canonical));
        if loops {
            let target = std::fs::read_link(path).unwrap_or_default();
            let why = format!(
                "a link that loops back to {} (a folder it is in), so it is not followed",
                target.display()
            );
            self.found.unreadable.push((path.to_path_buf(), why));
            return;
        }
        if let Some(first) = self.seen.get(&canonical) {
            // Reached again through a link: a file is audited once, and the
            // second path says so; a folder is walked once.
            if !canonical.is_dir() {
                let why = format!("the same file as {}, audited once", first.display());
                self.found.skipped.push((path.to_path_buf(), why));
            }
            return;
        }
        self.seen.insert(canonical.clone(), path.to_path_buf());
        if canonical.is_dir() {
            self.folder(path);
            return;
        }
        let ext = extension(path);
        if PLAN_EXTENSIONS.contains(&ext.as_str()) || named {
            self.found.files.push(path.to_path_buf());
        } else {
            self.found
                .skipped
                .push((path.to_path_buf(), format!("not a plan file ('.{ext}')")));
        }
    }

    fn folder(&mut self, path: &Path) {
        let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
            Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
            Err(e) => {
                self.found
                    .unreadable
                    .push((path.to_path_buf(), format!("folder cannot be read: {e}")));
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
                self.visit(&e, false);
            }
        }
    }
}

/// How plan files are read, where the user says.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// The encoding of text files (`--encoding`); detected when `None`.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// What an XLSX or DOCX may unpack to (`[read.zip]` in smarten.toml).
    pub zip: super::zip_limits::ZipLimits,
    /// How date cells are written (`[read] dates` in smarten.toml).
    pub dates: super::xlsx::DateStyle,
    /// The header's row in every sheet (`--header-row`); else it is found.
    pub header_row: Option<u32>,
    /// The only sheet of each workbook to read (`--sheet`).
    pub sheet: Option<String>,
}

/// The tables of a plan file, and what was passed over in it, with why
/// ("plan.xlsx [Notes]: not a plan: ...").
#[derive(Default)]
pub struct Sources {
    pub tables: Vec<TableSource>,
    pub skipped: Vec<String>,
    /// How the tables were read, where it is worth saying (a header below title rows).
    pub notes: Vec<String>,
}

/// One table of a plan file that can be read a row at a time, as often as
/// needed: a CSV, TSV, JSONL or TXT file, one sheet of an XLSX workbook, or a
/// table of a DOCX (held whole: a document's tables are small).
pub enum TableSource {
    /// A text file, the encoding named for it (`--encoding`), and the one
    /// found when it was first opened (kept, so later readings do not detect again).
    File(
        PathBuf,
        Option<&'static encoding_rs::Encoding>,
        std::sync::OnceLock<super::encoding::TextEncoding>,
    ),
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
    pub fn of(path: &Path, options: &ReadOptions) -> Result<Sources, TableError> {
        if RowStream::reads(path) {
            return Ok(Sources {
                tables: vec![TableSource::File(
                    path.to_path_buf(),
                    options.encoding,
                    Default::default(),
                )],
                ..Default::default()
            });
        }
        let name = path.display().to_string();
        match extension(path).as_str() {
            "xlsx" | "xlsm" => {
                use super::xlsx::HeaderRow;
                let header = options
                    .header_row
                    .map_or(HeaderRow::PlanQuestions, HeaderRow::At);
                let found = super::xlsx::sheets(path, &options.zip, options.dates, header)?;
                let mut out = Sources::default();
                for (sheet, why) in found.skipped {
                    if options.sheet.as_ref().is_none_or(|s| *s == sheet) {
                        out.skipped.push(format!("{name} [{sheet}]: {why}"));
                    }
                }
                let names: Vec<String> = found.tables.iter().map(|s| s.name.clone()).collect();
                for sheet in found.tables {
                    if options.sheet.as_ref().is_some_and(|s| *s != sheet.name) {
                        continue;
                    }
                    let row = sheet.header_row_number();
                    if row > 1 && options.header_row.is_none() {
                        out.notes.push(format!(
                            "{name} [{}]: the header is row {row}; the rows above it are titles (--header-row N to choose another)",
                            sheet.name
                        ));
                    }
                    out.tables.push(TableSource::Sheet(sheet));
                }
                if let Some(wanted) = &options.sheet {
                    if out.tables.is_empty() && out.skipped.is_empty() {
                        return Err(TableError::Unreadable {
                            path: name,
                            reason: format!(
                                "no sheet is named '{wanted}' (--sheet); its sheets with tables are: {}",
                                names.join(", ")
                            ),
                        });
                    }
                }
                Ok(out)
            }
            "docx" => {
                let (tables, notes) = super::docx::read_docx(path, &options.zip)?;
                Ok(Sources {
                    tables: tables.into_iter().map(TableSource::Loaded).collect(),
                    notes,
                    ..Default::default()
                })
            }
            other => Err(TableError::Unreadable {
                path: name,
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
            TableSource::File(path, named, found) => {
                let stream = match found.get() {
                    Some(f) => RowStream::decoded(path, *f)?,
                    None => RowStream::open(path, *named).unwrap_or_else(|| {
                        Err(TableError::Unreadable {
                            path: path.display().to_string(),
                            reason: "not a format that is read a row at a time".into(),
                        })
                    })?,
                };
                let _ = found.set(stream.encoding());
                Ok(OpenTable {
                    headers: stream.headers(),
                    repeated: Vec::new(),
                    read_as: {
                        let name = path.display().to_string();
                        let titles = stream.header_row().map(|row| {
                            format!("{name}: the header is row {row}; the rows above it are titles")
                        });
                        match (stream.encoding().note(&name), titles) {
                            (Some(a), Some(b)) => Some(format!("{a}; {b}")),
                            (a, b) => a.or(b),
                        }
                    },
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
    for source in TableSource::of(path, &ReadOptions::default())?.tables {
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

#[cfg(all(test, unix))]
mod tests {
    use super::collect_files;

    #[test]
    fn links_that_loop_audit_each_file_once_and_dead_links_are_named() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let root = dir.path();
        std::fs::create_dir(root.join("plans")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(root.join("plans/a.csv"), "Action\nWalk\n")
            .unwrap_or_else(|e| panic!("{e}"));
        let link = |to: &str, at: &str| {
            std::os::unix::fs::symlink(to, root.join(at)).unwrap_or_else(|e| panic!("{e}"))
        };
        link("..", "plans/up");
        link(".", "plans/here");
        link("a.csv", "plans/again.csv");
        link("self.csv", "plans/self.csv");
        link("gone.csv", "plans/dead.csv");
        let found = collect_files(&[root.to_path_buf()]);
        assert_eq!(found.files, vec![root.join("plans/a.csv")]);
        let plans = root.join("plans").display().to_string();
        let named = |list: &[(std::path::PathBuf, String)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(p, why)| {
                    let name = p.file_name().unwrap_or_default().to_string_lossy();
                    (name.into_owned(), why.replace(&plans, "PLANS"))
                })
                .collect()
        };
        let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
            list.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        assert_eq!(
            named(&found.skipped),
            pairs(&[("again.csv", "the same file as PLANS/a.csv, audited once")])
        );
        assert_eq!(
            named(&found.unreadable),
            pairs(&[
                ("dead.csv", "a link to gone.csv, which does not exist"),
                (
                    "here",
                    "a link that loops back to . (a folder it is in), so it is not followed"
                ),
                (
                    "self.csv",
                    "a link that loops (to self.csv), so it leads to no file"
                ),
                (
                    "up",
                    "a link that loops back to .. (a folder it is in), so it is not followed"
                ),
            ])
        );
    }
}

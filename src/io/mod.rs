//! The input and output edge: tables (CSV, TSV, XLSX), plan files (CSV, TSV,
//! XLSX, DOCX, JSONL, TXT and folders of them), objectives from files or
//! standard input, and the temporary ledger the audit spills actions to.

use crate::core::config::{Config, ConfigError};
use std::path::Path;
use table::{parse_delimited, Table, TableError};

pub mod columns;
pub mod config_file;
pub mod delimited;
pub mod docx;
pub mod encoding;
pub mod ledger;
pub mod objectives;
pub mod output;
pub mod plan_files;
pub mod rows;
pub mod table;
pub mod xlsx;
pub mod zip_limits;

/// Reads a CSV, TSV or XLSX file by its extension. For XLSX the first sheet
/// with a header row is read. Rows whose cells are all empty are skipped; their
/// numbers are kept. Text is decoded from the encoding detected.
pub fn read_table(path: &Path) -> Result<Table, TableError> {
    read_table_in(path, None)
}

/// [`read_table`], with text decoded from the encoding `named` (`--encoding`)
/// when it is given.
pub fn read_table_in(
    path: &Path,
    named: Option<&'static encoding_rs::Encoding>,
) -> Result<Table, TableError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    let unreadable = |reason: String| TableError::Unreadable {
        path: path.display().to_string(),
        reason,
    };
    match ext.as_str() {
        "xlsx" | "xlsm" => xlsx::read_sheets(path, false)?
            .into_iter()
            .next()
            .ok_or_else(|| unreadable("the workbook has no sheet with a header row".into())),
        "csv" | "tsv" | "txt" => {
            let (text, _) = encoding::read_to_string(path, named)?;
            parse_delimited(&path.display().to_string(), &text)
        }
        other => Err(unreadable(format!(
            "'.{other}' is not a table format smarten reads (use .csv, .tsv or .xlsx)"
        ))),
    }
}

/// Reads and validates a `smarten.toml`.
pub fn read_config(path: &Path) -> Result<Config, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Invalid {
        path: path.display().to_string(),
        reason: e.to_string(),
    })?;
    Config::parse(&text, &path.display().to_string())
}

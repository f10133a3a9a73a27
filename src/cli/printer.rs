//! The one printer for commands that answer per objective (`check`, `rewrite`):
//! human text as each item comes, a JSON array at the end, a JSON line per
//! item, or the findings in a linter's format (SARIF at the end, an rdjsonl
//! line or GitHub annotation per finding); unreadable inputs named on standard
//! error (and in JSON, in their place); a summary line; and the exit code.

use super::args::Format;
use anyhow::Result;
use smarten::report::lint::{self, Diagnostic, RuleInfo};
use std::io::Write;
use std::process::ExitCode;

pub struct Printer {
    format: Format,
    out: std::io::StdoutLock<'static>,
    items: Vec<serde_json::Value>,
    /// For SARIF, written at the end: the findings, and the rules to list.
    diagnostics: Vec<Diagnostic>,
    rules: Vec<RuleInfo>,
    any_error: bool,
    total: usize,
    /// Items that are not SMART (check) or were rewritten (rewrite).
    flagged: usize,
}

impl Printer {
    pub fn new(format: Format) -> Self {
        Printer {
            format,
            out: std::io::stdout().lock(),
            items: Vec::new(),
            diagnostics: Vec::new(),
            rules: Vec::new(),
            any_error: false,
            total: 0,
            flagged: 0,
        }
    }

    /// The rules SARIF output lists (its results point into the list).
    pub fn with_rules(mut self, rules: Vec<RuleInfo>) -> Self {
        self.rules = rules;
        self
    }

    /// An input that could not be read: on standard error, and in JSON output
    /// as `{ "origin", "error" }` in its place (in a linter's format, as an
    /// `unreadable-input` error).
    pub fn error(&mut self, origin: &str, message: &str) -> Result<()> {
        self.any_error = true;
        eprintln!("error: {origin}: {message}");
        let item = serde_json::json!({ "origin": origin, "error": message });
        match self.format {
            Format::Jsonl => writeln!(self.out, "{item}")?,
            Format::Json => self.items.push(item),
            Format::Human => {}
            Format::Sarif | Format::Rdjsonl | Format::Github => {
                let (path, line) = lint::split_origin(origin);
                self.lint(vec![Diagnostic {
                    path: path.to_string(),
                    line,
                    columns: None,
                    sheet: None,
                    rule: "unreadable-input".into(),
                    letter: None,
                    error: true,
                    message: message.to_string(),
                    suggestion: None,
                }])?;
            }
        }
        Ok(())
    }

    /// Findings in a linter's format: SARIF keeps them for the end.
    fn lint(&mut self, diagnostics: Vec<Diagnostic>) -> Result<()> {
        for d in diagnostics {
            match self.format {
                Format::Rdjsonl => writeln!(self.out, "{}", lint::rdjson(&d))?,
                Format::Github => writeln!(self.out, "{}", lint::github(&d))?,
                _ => self.diagnostics.push(d),
            }
        }
        Ok(())
    }

    /// One answer: `human` is rendered only for human output, `findings` only
    /// for a linter's format.
    pub fn item(
        &mut self,
        flagged: bool,
        human: impl FnOnce() -> String,
        json: serde_json::Value,
        findings: impl FnOnce() -> Vec<Diagnostic>,
    ) -> Result<()> {
        self.total += 1;
        self.flagged += usize::from(flagged);
        match self.format {
            Format::Human => write!(self.out, "{}", human())?,
            Format::Jsonl => writeln!(self.out, "{json}")?,
            Format::Json => self.items.push(json),
            Format::Sarif | Format::Rdjsonl | Format::Github => self.lint(findings())?,
        }
        Ok(())
    }

    /// Ends the output: the JSON array, or for human output with more than one
    /// item the summary line `summary(flagged, total)`. Exit code: 2 when some
    /// input could not be read, 1 when some item was flagged, else 0.
    pub fn finish(mut self, summary: impl FnOnce(usize, usize) -> String) -> Result<ExitCode> {
        match self.format {
            Format::Json => writeln!(self.out, "{}", serde_json::to_string_pretty(&self.items)?)?,
            Format::Sarif => {
                let log = lint::sarif(&self.diagnostics, &self.rules);
                writeln!(self.out, "{}", serde_json::to_string_pretty(&log)?)?
            }
            Format::Human if self.total > 1 => {
                writeln!(self.out, "{}", summary(self.flagged, self.total))?
            }
            _ => {}
        }
        Ok(if self.any_error {
            ExitCode::from(2)
        } else if self.flagged > 0 {
            ExitCode::from(1)
        } else {
            ExitCode::SUCCESS
        })
    }
}

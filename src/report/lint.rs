//! Findings in the formats other linters' users already read: SARIF 2.1.0 (code
//! scanning dashboards), reviewdog's rdjsonl, and GitHub Actions workflow
//! annotations. `check` and `audit` both turn their findings into
//! [`Diagnostic`]s; this module only formats them.

use crate::audit::RowRecord;
use crate::core::finding::{Criterion, Finding, Severity};
use serde_json::{json, Value};

/// One finding at a place in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The file ("plans/leo.csv"), or where the text came from ("argument 1").
    pub path: String,
    /// The line (a text file) or row (a table), 1-based.
    pub line: usize,
    /// The characters the finding covers in that line, 1-based, end exclusive;
    /// `None` when it concerns the whole row.
    pub columns: Option<(usize, usize)>,
    /// The sheet or table within the file, when there are several.
    pub sheet: Option<String>,
    pub rule: String,
    pub letter: Option<Criterion>,
    pub error: bool,
    pub message: String,
    pub suggestion: Option<String>,
}

impl Diagnostic {
    /// A checker finding on line `line` of `path`, whose text is `text`.
    pub fn of_finding(path: &str, line: usize, text: &str, f: &Finding) -> Self {
        let column = |byte: usize| text[..byte.min(text.len())].chars().count() + 1;
        Diagnostic {
            path: path.to_string(),
            line,
            columns: Some((column(f.start), column(f.end).max(column(f.start) + 1))),
            sheet: None,
            rule: f.rule.to_string(),
            letter: Some(f.criterion),
            error: f.severity == Severity::Error,
            message: f.message.clone(),
            suggestion: (!f.suggestion.is_empty()).then(|| f.suggestion.clone()),
        }
    }

    /// An audit record's findings, or its reason for not being judged, at its
    /// file and row (a row is judged whole: no columns).
    pub fn of_record(r: &RowRecord) -> Vec<Self> {
        let at = |rule: String, letter, message: String, suggestion: Option<String>| Diagnostic {
            path: r.file.clone(),
            line: r.row,
            columns: None,
            sheet: r.sheet.clone(),
            rule,
            letter,
            error: true,
            message,
            suggestion,
        };
        if let Some(e) = &r.error {
            return vec![at("unreadable-row".into(), None, e.clone(), None)];
        }
        r.findings
            .iter()
            .map(|f| {
                let rewrite = r.rewrite.as_ref().map(|w| format!("a SMART rewrite: {w}"));
                at(
                    f.rule.to_string(),
                    Some(f.criterion),
                    f.message.clone(),
                    rewrite,
                )
            })
            .collect()
    }

    /// The message with its letter and the sheet, for formats with one text field.
    fn text(&self) -> String {
        let mut text = match self.letter {
            Some(letter) => format!("{letter}: {}", self.message),
            None => self.message.clone(),
        };
        if let Some(sheet) = &self.sheet {
            text = format!("[{sheet}] {text}");
        }
        if let Some(s) = &self.suggestion {
            text.push_str(&format!(" Suggestion: {s}"));
        }
        text
    }
}

/// The findings on one objective read from `origin` ("plans.txt:14"), each
/// with the suggestion `suggest` gives it.
pub fn of_findings(
    origin: &str,
    text: &str,
    findings: &[Finding],
    suggest: impl Fn(&Finding) -> Option<String>,
) -> Vec<Diagnostic> {
    let (path, line) = split_origin(origin);
    findings
        .iter()
        .map(|f| {
            let mut d = Diagnostic::of_finding(path, line, text, f);
            if let Some(s) = suggest(f) {
                d.suggestion = Some(s);
            }
            d
        })
        .collect()
}

/// The checker's rules, as SARIF lists them.
pub fn rule_infos(checker: &crate::core::check::Checker) -> Vec<RuleInfo> {
    checker
        .rules(None)
        .map(|(r, _)| RuleInfo {
            id: r.id().to_string(),
            summary: r.summary().to_string(),
        })
        .collect()
}

/// "plans.txt:14" → ("plans.txt", 14); an origin without a line is line 1.
pub fn split_origin(origin: &str) -> (&str, usize) {
    match origin.rsplit_once(':') {
        Some((path, line)) if !path.is_empty() => match line.parse() {
            Ok(n) => (path, n),
            Err(_) => (origin, 1),
        },
        _ => (origin, 1),
    }
}

/// A path as a URI reference: relative paths stay relative; characters that
/// may not appear in one are percent-encoded.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.replace('\\', "/").bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// One reviewdog diagnostic (rdjsonl: one JSON object per line).
pub fn rdjson(d: &Diagnostic) -> Value {
    let mut range = json!({ "start": { "line": d.line } });
    if let Some((start, end)) = d.columns {
        range = json!({
            "start": { "line": d.line, "column": start },
            "end": { "line": d.line, "column": end },
        });
    }
    let mut value = json!({
        "message": d.text(),
        "location": { "path": d.path, "range": range },
        "severity": if d.error { "ERROR" } else { "WARNING" },
        "source": { "name": "smarten" },
        "code": { "value": d.rule },
    });
    if let (Some(s), Some((start, end))) = (&d.suggestion, d.columns) {
        // A suggestion is advice, not replacement text: kept out of `suggestions`.
        value["original_output"] = json!(format!("{}:{}:{start}-{end}: {s}", d.path, d.line));
    }
    value
}

/// One GitHub Actions workflow command (`::error file=…,line=…::message`).
pub fn github(d: &Diagnostic) -> String {
    // Property values and the message are escaped as the runner expects.
    let property = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
            .replace(':', "%3A")
            .replace(',', "%2C")
    };
    let message = d
        .text()
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    let mut props = format!("file={},line={}", property(&d.path), d.line);
    if let Some((start, end)) = d.columns {
        props.push_str(&format!(",col={start},endColumn={end}"));
    }
    props.push_str(&format!(
        ",title={}",
        property(&format!("smarten {}", d.rule))
    ));
    let level = if d.error { "error" } else { "warning" };
    format!("::{level} {props}::{message}")
}

/// A rule as SARIF's `tool.driver.rules` lists it.
#[derive(Debug, Clone)]
pub struct RuleInfo {
    pub id: String,
    pub summary: String,
}

/// A SARIF 2.1.0 log of one run: the tool, its rules, and one result per
/// diagnostic. Columns are counted in Unicode code points.
pub fn sarif(diagnostics: &[Diagnostic], rules: &[RuleInfo]) -> Value {
    // Rules a diagnostic names that the list lacks (an unreadable row) are added.
    let mut listed: Vec<RuleInfo> = rules.to_vec();
    for d in diagnostics {
        if !listed.iter().any(|r| r.id == d.rule) {
            listed.push(RuleInfo {
                id: d.rule.clone(),
                summary: d.rule.replace('-', " "),
            });
        }
    }
    let index = |id: &str| listed.iter().position(|r| r.id == id).unwrap_or(0);
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut region = json!({ "startLine": d.line });
            if let Some((start, end)) = d.columns {
                region["startColumn"] = json!(start);
                region["endColumn"] = json!(end);
            }
            let mut location = json!({
                "physicalLocation": {
                    "artifactLocation": { "uri": uri(&d.path) },
                    "region": region,
                }
            });
            if let Some(sheet) = &d.sheet {
                location["logicalLocations"] = json!([{ "name": sheet, "kind": "module" }]);
            }
            let mut result = json!({
                "ruleId": d.rule,
                "ruleIndex": index(&d.rule),
                "level": if d.error { "error" } else { "warning" },
                "message": { "text": d.text() },
                "locations": [location],
            });
            if let Some(letter) = d.letter {
                result["properties"] = json!({ "letter": letter.to_string() });
            }
            result
        })
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "smarten",
                    "version": env!("CARGO_PKG_VERSION"),
                    "rules": listed.iter().map(|r| json!({
                        "id": r.id,
                        "shortDescription": { "text": r.summary },
                    })).collect::<Vec<_>>(),
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diagnostic() -> Diagnostic {
        Diagnostic {
            path: "plans/leo nowak.txt".into(),
            line: 3,
            columns: Some((5, 12)),
            sheet: None,
            rule: "vague-timeframe".into(),
            letter: Some(Criterion::T),
            error: true,
            message: "'ongoing' is not a date: say by when".into(),
            suggestion: Some("by 31 March 2027".into()),
        }
    }

    #[test]
    fn origins_split_into_path_and_line() {
        assert_eq!(split_origin("plans.txt:14"), ("plans.txt", 14));
        assert_eq!(split_origin("argument 2"), ("argument 2", 1));
        assert_eq!(split_origin("C:plan"), ("C:plan", 1));
    }

    #[test]
    fn github_annotations_escape_what_the_runner_reads() {
        let mut d = diagnostic();
        d.message = "50% of days, then\nmore".into();
        assert_eq!(
            github(&d),
            "::error file=plans/leo nowak.txt,line=3,col=5,endColumn=12,title=smarten vague-timeframe::T: 50%25 of days, then%0Amore Suggestion: by 31 March 2027"
        );
    }

    #[test]
    fn rdjson_names_the_range_and_the_rule() {
        let v = rdjson(&diagnostic());
        assert_eq!(v["location"]["range"]["start"]["column"], 5);
        assert_eq!(v["code"]["value"], "vague-timeframe");
        assert_eq!(v["severity"], "ERROR");
    }

    #[test]
    fn sarif_results_point_at_their_rules() {
        let rules = [RuleInfo {
            id: "no-owner".into(),
            summary: "no one owns the action".into(),
        }];
        let v = sarif(&[diagnostic()], &rules);
        let run = &v["runs"][0];
        assert_eq!(run["tool"]["driver"]["rules"][1]["id"], "vague-timeframe");
        assert_eq!(run["results"][0]["ruleIndex"], 1);
        assert_eq!(
            run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
            "plans/leo%20nowak.txt"
        );
    }
}

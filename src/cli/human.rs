//! Human output: each objective with its findings underlined, in the style of
//! compiler diagnostics, and a one-line verdict per letter.

use annotate_snippets::{Level, Renderer, Snippet};
use smarten::{Criterion, Judgment, Severity, Verdict};
use std::fmt::Write;

pub fn render(judgment: &Judgment, origin: &str, color: bool) -> String {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    let verdicts: Vec<String> = Criterion::ALL
        .iter()
        .map(|c| {
            let mark = match judgment.criteria.get(*c).verdict {
                Verdict::Pass => "✓",
                Verdict::Fail => "✗",
                Verdict::Unknown => "?",
            };
            format!("{c}{mark}")
        })
        .collect();
    let headline = if judgment.smart { "SMART" } else { "not SMART" };
    let _ = writeln!(out, "{origin}: {headline}  [{}]", verdicts.join(" "));
    let text = judgment.text.as_str();
    // "plans.txt:14" shows as "plans.txt:14:COL" rather than restarting at line 1.
    let (name, line) = match origin.rsplit_once(':') {
        Some((name, n)) => n.parse::<usize>().map_or((origin, 1), |n| (name, n)),
        None => (origin, 1),
    };
    for f in &judgment.findings {
        let level = match f.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let title = format!("{} ({}): {}", f.criterion, f.criterion.name(), f.message);
        let message = level
            .title(&title)
            .id(f.rule.as_str())
            .snippet(
                Snippet::source(text)
                    .origin(name)
                    .line_start(line)
                    .annotation(level.span(f.start..f.end.max(f.start))),
            )
            .footer(Level::Help.title(&f.suggestion));
        let _ = writeln!(out, "{}", renderer.render(message));
    }
    if judgment.criteria.r.verdict == Verdict::Unknown && !judgment.findings.is_empty() {
        let _ = writeln!(
            out,
            "note: R (Relevant) not judged: give the concern with --concern"
        );
    }
    out
}

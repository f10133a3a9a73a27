//! Human output for rewrites: the rewrite with its placeholders and suggestions
//! marked, what changed per letter, and the alternatives.

use anstream::adapter::strip_str;
use smarten::rewrite::Rewrite;
use std::fmt::Write;

const PLACEHOLDER: &str = "\x1b[1;33m";
const SUGGESTED: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// The rewrite block shown under an objective's findings.
pub fn render(r: &Rewrite, color: bool) -> String {
    let mut out = String::new();
    if r.changes.is_empty() && r.rewrite == r.text {
        let why = if r.before.failing().is_empty() {
            "none needed: it is already SMART"
        } else {
            // Every candidate was dropped (it invented a fact, lost the goal,
            // named a new risk or read badly): better none than a wrong one.
            "none offered: no rewrite kept the goal without inventing or breaking it; reword it by hand"
        };
        let _ = writeln!(out, "  rewrite: {why}");
        return out;
    }
    let _ = writeln!(out, "  rewrite: {}", highlight(r, color));
    if !color && (!r.placeholders.is_empty() || !r.suggested.is_empty()) {
        let _ = writeln!(out, "           {}", markers(r));
    }
    if !r.placeholders.is_empty() {
        let _ = writeln!(
            out,
            "           ^ placeholder: a fact only the team can supply"
        );
    }
    if !r.suggested.is_empty() {
        let _ = writeln!(
            out,
            "           ~ suggested from the exemplar bank: confirm it with the team"
        );
    }
    for p in r.placeholders.iter().filter(|p| !p.options.is_empty()) {
        let _ = writeln!(out, "  [{}] could be: {}", p.label, p.options.join("; "));
    }
    if !r.changes.is_empty() {
        let _ = writeln!(out, "  changes:");
        for c in &r.changes {
            let _ = writeln!(out, "    {} {}", c.criterion, c.what);
        }
    }
    let failing = r.after.failing();
    if !failing.is_empty() {
        let letters: Vec<String> = failing.iter().map(|c| c.to_string()).collect();
        let _ = writeln!(
            out,
            "  note: the rewrite still fails {}; the team needs to supply more",
            letters.join(", ")
        );
    }
    if !r.alternatives.is_empty() {
        let _ = writeln!(out, "  alternatives:");
        for (i, a) in r.alternatives.iter().enumerate() {
            let _ = writeln!(out, "    {}. {}", i + 1, a.rewrite);
        }
    }
    out
}

/// The one-line suggestion shown by `check --suggest`.
pub fn render_brief(r: &Rewrite, color: bool) -> String {
    let mut out = format!("  suggested rewrite: {}\n", highlight(r, color));
    if !color && (!r.placeholders.is_empty() || !r.suggested.is_empty()) {
        out.push_str(&format!("                     {}\n", markers(r)));
    }
    out
}

/// The rewrite with placeholders (bold yellow) and suggestions (cyan) coloured.
fn highlight(r: &Rewrite, color: bool) -> String {
    if !color {
        return r.rewrite.clone();
    }
    let mut marks: Vec<(usize, usize, &str)> = r
        .placeholders
        .iter()
        .map(|p| (p.start, p.end, PLACEHOLDER))
        .chain(r.suggested.iter().map(|s| (s.start, s.end, SUGGESTED)))
        .collect();
    marks.sort();
    let mut out = String::new();
    let mut at = 0;
    for (start, end, style) in marks {
        if start < at {
            continue;
        }
        out.push_str(&r.rewrite[at..start]);
        out.push_str(style);
        out.push_str(&r.rewrite[start..end]);
        out.push_str(RESET);
        at = end;
    }
    out.push_str(&r.rewrite[at..]);
    out
}

/// A line of `^` under placeholders and `~` under suggestions, aligned by character.
fn markers(r: &Rewrite) -> String {
    let mut line: Vec<char> = vec![' '; r.rewrite.chars().count()];
    let col = |byte: usize| r.rewrite[..byte].chars().count();
    for s in &r.suggested {
        for c in line.iter_mut().take(col(s.end)).skip(col(s.start)) {
            *c = '~';
        }
    }
    for p in &r.placeholders {
        for c in line.iter_mut().take(col(p.end)).skip(col(p.start)) {
            *c = '^';
        }
    }
    let s: String = line.into_iter().collect();
    strip_str(s.trim_end()).to_string()
}

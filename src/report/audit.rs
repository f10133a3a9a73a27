//! The audit report: one self-contained HTML page for a manager, with the
//! summary figures, a bar chart of failures per letter (inline SVG), the most
//! frequent findings, and per plan its score, findings, drift and each action
//! that is not SMART beside its suggested rewrite.

use crate::audit::plans::{PlanAction, PlanReport};
pub use crate::audit::summary::Figures;
use crate::core::finding::Criterion;
use crate::report::class::escape;
use std::fmt::Write;

/// Writes the report to `out` a plan at a time: `plans` are the plan versions'
/// reports in the order shown, and `not_smart` gives a plan's actions that are
/// not SMART (read back from disk, one plan at a time).
pub fn write_html(
    out: &mut impl std::io::Write,
    f: &Figures,
    plans: impl IntoIterator<Item = std::io::Result<PlanReport>>,
    mut not_smart: impl FnMut(&PlanReport) -> std::io::Result<Vec<PlanAction>>,
) -> std::io::Result<()> {
    let pct = |n: usize, d: usize| {
        if d == 0 {
            0.0
        } else {
            100.0 * n as f64 / d as f64
        }
    };
    let mut h = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SMART audit of plans</title><style>\
         body{font-family:system-ui,sans-serif;max-width:64rem;margin:2rem auto;padding:0 1rem;color:#222}\
         table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}\
         th{background:#eee}.num{text-align:right}.bad{color:#a00}.ph{background:#fff3bf}\
         </style></head><body>\n<h1>SMART audit of plans</h1>\n",
    );
    let _ = writeln!(
        h,
        "<p>{} files, {} plans, {} rows: {} judged, {} empty rows skipped, {} rows with errors. \
         <b>{:.0}%</b> of judged actions are SMART ({} of {}).</p>",
        f.files,
        f.plans,
        f.rows,
        f.judged,
        f.skipped,
        f.errors,
        pct(f.smart, f.judged),
        f.smart,
        f.judged
    );
    h.push_str("<h2>Failures per letter</h2>\n");
    h.push_str(&bar_chart(&f.fails));
    if !f.top_findings.is_empty() {
        h.push_str(
            "<h2>Most frequent findings</h2>\n<table><tr><th>finding</th><th>rows</th></tr>\n",
        );
        for (rule, n) in &f.top_findings {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{n}</td></tr>",
                escape(rule)
            );
        }
        h.push_str("</table>\n");
    }
    h.push_str("<h2>Plans</h2>\n");
    for p in plans {
        let p = &p?;
        out.write_all(h.as_bytes())?;
        h.clear();
        let _ = writeln!(
            h,
            "<h3>{}{} (version {})</h3>\n<p>{} of {} actions SMART (<b>{:.0}%</b>).</p>",
            escape(&p.plan),
            if p.person.is_empty() {
                String::new()
            } else {
                format!(": {}", escape(&p.person))
            },
            escape(&p.version),
            p.smart,
            p.actions,
            p.score * 100.0
        );
        if !p.findings.is_empty() {
            h.push_str("<ul>\n");
            for finding in &p.findings {
                let _ = writeln!(h, "<li class=\"bad\">{}</li>", escape(finding));
            }
            h.push_str("</ul>\n");
        }
        let not_smart = not_smart(p)?;
        if !not_smart.is_empty() {
            h.push_str("<table><tr><th>row</th><th>action as written</th><th>fails</th><th>suggested rewrite</th></tr>\n");
            for a in not_smart {
                let fails: Vec<String> = a.failing.iter().map(|c| c.to_string()).collect();
                let _ = writeln!(
                    h,
                    "<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    a.row,
                    escape(&a.objective),
                    fails.join(" "),
                    a.rewrite
                        .as_deref()
                        .map_or(String::from("-"), highlight_placeholders)
                );
            }
            h.push_str("</table>\n");
        }
    }
    if !f.unreadable.is_empty() || !f.not_plans.is_empty() {
        h.push_str("<h2>Files not audited</h2>\n<ul>\n");
        for u in f.unreadable.iter().chain(&f.not_plans) {
            let _ = writeln!(h, "<li>{}</li>", escape(u));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("</body></html>\n");
    out.write_all(h.as_bytes())
}

/// "[by when]" placeholders marked for the reader.
fn highlight_placeholders(text: &str) -> String {
    let escaped = escape(text);
    let mut out = String::new();
    let mut rest = escaped.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let _ = write!(out, "<span class=\"ph\">{}</span>", &rest[open..=close]);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn bar_chart(fails: &[(Criterion, usize)]) -> String {
    let max = fails.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (bar_h, gap, label_w, width) = (26, 8, 140, 420);
    let height = fails.len() * (bar_h + gap) + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{height}\" role=\"img\" aria-label=\"failures per letter\" font-family=\"sans-serif\" font-size=\"13\">\n",
        label_w + width + 60
    );
    for (i, (c, n)) in fails.iter().enumerate() {
        let y = i * (bar_h + gap) + 5;
        let w = (width as f64 * *n as f64 / max as f64).round() as usize;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{c} {}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{bar_h}\" fill=\"#c0504d\"/><text x=\"{}\" y=\"{}\">{n}</text>",
            label_w - 8,
            y + bar_h / 2 + 5,
            c.name(),
            label_w + w + 6,
            y + bar_h / 2 + 5
        );
    }
    svg.push_str("</svg>\n");
    svg
}

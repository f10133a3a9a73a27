//! The class report as one self-contained HTML page: per-statement results,
//! per-participant totals, a heat map of participants against letters (inline
//! SVG), each participant's feedback ready to print, and the confidence change.

use crate::core::finding::Criterion;
use crate::mark::confidence::ConfidenceReport;
use crate::mark::exercise::Exercise;
use crate::mark::{ClassSummary, Mark};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The whole report. `marks` and `summary` may be absent when only confidence is reported.
pub fn html(
    exercise: Option<&Exercise>,
    marks: &[Mark],
    summary: Option<&ClassSummary>,
    confidence: Option<&ConfidenceReport>,
) -> String {
    let title = exercise.map_or("Measure of Confidence".to_string(), |e| e.title.clone());
    let mut h = String::new();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <title>{t}: class report</title><style>\
         body{{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
         table{{border-collapse:collapse;margin:1rem 0}}td,th{{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}}\
         th{{background:#eee}}.num{{text-align:right}}.flag{{color:#a00;font-weight:bold}}\
         .person{{page-break-before:always}}@media print{{.noprint{{display:none}}}}\
         </style></head><body>\n<h1>{t}: class report</h1>\n",
        t = escape(&title)
    );
    if let (Some(ex), Some(s)) = (exercise, summary) {
        let _ = writeln!(
            h,
            "<p>{} answer rows: {} marked, {} replaced by a later submission, {} not marked because of an error. \
             Ticks right: <b>{}</b>.</p>",
            s.answers,
            s.marked,
            s.superseded,
            s.errors,
            pct(s.tick_accuracy)
        );
        let letters: Vec<String> = s
            .letter_means
            .iter()
            .map(|(c, v)| format!("{c} {}", pct(*v)))
            .collect();
        let _ = writeln!(
            h,
            "<p>Mean re-wording score per letter: {}.</p>",
            escape(&letters.join(", "))
        );
        let _ = writeln!(h, "<h2>Statements</h2>\n<table><tr><th>id</th><th>statement</th><th>key</th><th>answers</th><th>ticks right</th><th>most common missing letter</th></tr>");
        for st in &s.statements {
            let key = ex.statement(&st.id).and_then(|x| x.key.as_ref()).map_or(
                "smarten's check".to_string(),
                |k| {
                    if k.smart {
                        "SMART".into()
                    } else {
                        "not SMART".into()
                    }
                },
            );
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
                escape(&st.id),
                escape(&st.text),
                escape(&key),
                st.answers,
                pct(st.correct_ticks),
                st.most_missing.map_or("-".into(), |c| format!("{c} ({})", c.name()))
            );
        }
        h.push_str("</table>\n<h2>Participants</h2>\n<table><tr><th>participant</th><th>answers</th><th>ticks right</th><th>re-wording score</th><th>flagged</th></tr>\n");
        for p in &s.participants {
            let _ = writeln!(
                h,
                "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{} / {}</td><td class=\"num\">{}</td></tr>",
                escape(&p.participant),
                p.answers,
                p.correct_ticks,
                p.total,
                p.max,
                p.flagged
            );
        }
        h.push_str("</table>\n<h2>Heat map: participants against letters</h2>\n");
        h.push_str(&heat_map(s));
        if marks
            .iter()
            .any(|m| m.not_judged.iter().any(|n| n.starts_with("R:")))
        {
            h.push_str("<p>R (Relevant) is left out of the totals for statements with no concern: it cannot be judged without one.</p>\n");
        }
        let errors: Vec<&Mark> = marks.iter().filter(|m| m.error.is_some()).collect();
        if !errors.is_empty() {
            h.push_str("<h2>Rows not marked</h2>\n<ul>\n");
            for m in errors {
                let _ = writeln!(
                    h,
                    "<li>row {}: {}</li>",
                    m.row,
                    escape(m.error.as_deref().unwrap_or(""))
                );
            }
            h.push_str("</ul>\n");
        }
        h.push_str("<h2>Feedback</h2>\n");
        for p in &s.participants {
            let _ = writeln!(
                h,
                "<section class=\"person\"><h3>{}</h3>",
                escape(&p.participant)
            );
            for m in marks
                .iter()
                .filter(|m| m.counts() && m.participant.eq_ignore_ascii_case(&p.participant))
            {
                let flag = if m.faithful {
                    String::new()
                } else {
                    " <span class=\"flag\">(flagged for the trainer)</span>".into()
                };
                let _ = writeln!(
                    h,
                    "<p><b>Statement {}</b>{}: {}</p>",
                    escape(&m.statement),
                    flag,
                    escape(&m.feedback)
                );
            }
            h.push_str("</section>\n");
        }
    }
    if let Some(c) = confidence {
        h.push_str(&confidence_html(c));
    }
    h.push_str("</body></html>\n");
    h
}

/// Participants as rows, letters as columns; darker green is a higher mean score.
fn heat_map(s: &ClassSummary) -> String {
    let (cell, label_w, top) = (48, 180, 28);
    let width = label_w + cell * 5 + 10;
    let height = top + cell * s.participants.len().max(1) + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"heat map of scores by participant and letter\" font-family=\"sans-serif\" font-size=\"13\">\n"
    );
    for (j, c) in Criterion::ALL.iter().enumerate() {
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{c}</text>",
            label_w + j * cell + cell / 2,
            top - 8
        );
    }
    for (i, p) in s.participants.iter().enumerate() {
        let y = top + i * cell;
        let _ = writeln!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            label_w - 8,
            y + cell / 2 + 4,
            escape(&p.participant)
        );
        for (j, c) in Criterion::ALL.iter().enumerate() {
            let x = label_w + j * cell;
            let (fill, label) = match p.letters.get(c) {
                Some(v) => {
                    // From pale red (0) through yellow to green (1).
                    let r = (220.0 - 170.0 * v) as u8;
                    let g = (90.0 + 110.0 * v) as u8;
                    (format!("rgb({r},{g},90)"), pct(*v))
                }
                None => ("#ddd".to_string(), "n/a".to_string()),
            };
            let _ = writeln!(
                svg,
                "<rect x=\"{x}\" y=\"{y}\" width=\"{cell}\" height=\"{cell}\" fill=\"{fill}\" stroke=\"#fff\"><title>{}: {c} {label}</title></rect>\
                 <text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{label}</text>",
                escape(&p.participant),
                x + cell / 2,
                y + cell / 2 + 4
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn confidence_html(c: &ConfidenceReport) -> String {
    let mut h = String::from("<h2>Measure of Confidence: before and after</h2>\n");
    let ci = c.ci95.map_or(
        "not enough pairs for an interval".to_string(),
        |(lo, hi)| format!("95% confidence interval {lo:+.2} to {hi:+.2}"),
    );
    let _ = writeln!(
        h,
        "<p>{} participants paired, on a 1 to {} scale. Mean change <b>{:+.2}</b> ({ci}).</p>",
        c.pairs, c.scale_max, c.mean_change
    );
    h.push_str(
        "<table><tr><th>participant</th><th>before</th><th>after</th><th>change</th></tr>\n",
    );
    for p in &c.participants {
        let cls = if p.change < 0.0 {
            " class=\"flag\""
        } else {
            ""
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{:.2}</td><td class=\"num\">{:.2}</td><td class=\"num\"{cls}>{:+.2}</td></tr>",
            escape(&p.participant),
            p.before,
            p.after,
            p.change
        );
    }
    h.push_str("</table>\n<table><tr><th>question</th><th>pairs</th><th>mean change</th></tr>\n");
    for q in &c.questions {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{:+.2}</td></tr>",
            escape(&q.question),
            q.pairs,
            q.mean_change
        );
    }
    h.push_str("</table>\n");
    if !c.fell.is_empty() {
        let _ = writeln!(
            h,
            "<p class=\"flag\">Confidence fell for: {}.</p>",
            escape(&c.fell.join(", "))
        );
    }
    if !c.unpaired.is_empty() {
        let _ = writeln!(h, "<p>Not paired: {}.</p>", escape(&c.unpaired.join("; ")));
    }
    h
}

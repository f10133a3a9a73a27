//! The audit report: one self-contained HTML page for a manager, with the
//! summary figures, a bar chart of failures per letter (inline SVG), the most
//! frequent findings, and per plan its score, findings, drift and each action
//! that is not SMART beside its suggested rewrite. Written a plan at a time,
//! from the templates `audit-head`, `audit-plan` and `audit-tail`.

use super::{escape, render, safe};
use crate::audit::plans::{PlanAction, PlanReport};
pub use crate::audit::summary::Figures;
use crate::audit::versions::Trend;
use crate::core::finding::Criterion;
use minijinja::context;
use serde::Serialize;

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
    let head = render(
        "audit-head.html",
        context! {
            f => context! {
                files => f.files,
                plans => f.plans,
                rows => f.rows,
                judged => f.judged,
                skipped => f.skipped,
                errors => f.errors,
                smart => f.smart,
            },
            smart_pct => format!("{:.0}", pct(f.smart, f.judged)),
            chart => safe(bar_chart(&f.fails)),
            top_findings => plain_findings(&f.top_findings),
            version => env!("CARGO_PKG_VERSION"),
            generated => generated_at(),
            inputs => f.inputs.join(", "),
            trends => f.trends.iter().map(|t| {
                let (first, last) = (&t.points[0], &t.points[t.points.len() - 1]);
                context! {
                    plan => &t.plan,
                    person => &t.person,
                    first => &first.version,
                    last => &last.version,
                    count => t.points.len(),
                    line => safe(trend_line(t)),
                    from_pct => format!("{:.0}", first.share() * 100.0),
                    to_pct => format!("{:.0}", last.share() * 100.0),
                }
            }).collect::<Vec<_>>(),
        },
    );
    out.write_all(head.as_bytes())?;
    for p in plans {
        let p = &p?;
        let actions: Vec<ActionRow> = not_smart(p)?
            .into_iter()
            .map(|a| ActionRow {
                row: a.row,
                fails: a
                    .failing
                    .iter()
                    .map(|c| c.to_string())
                    .collect::<Vec<_>>()
                    .join(" "),
                rewrite: a
                    .rewrite
                    .as_deref()
                    .map_or(String::from("-"), highlight_placeholders),
                objective: a.objective.to_string(),
                reasons: a.reasons.clone(),
            })
            .collect();
        let html = render(
            "audit-plan.html",
            context! {
                p => context! {
                    plan => &p.plan,
                    person => &p.person,
                    version => &p.version,
                    smart => p.smart,
                    actions => p.actions,
                    findings => &p.findings,
                },
                score_pct => format!("{:.0}", p.score * 100.0),
                actions => actions
                    .iter()
                    .map(|a| context! {
                        row => a.row,
                        objective => &a.objective,
                        fails => &a.fails,
                        reasons => &a.reasons,
                        rewrite => safe(a.rewrite.clone()),
                    })
                    .collect::<Vec<_>>(),
            },
        );
        out.write_all(html.as_bytes())?;
    }
    let not_audited: Vec<&String> = f.unreadable.iter().chain(&f.not_plans).collect();
    let tail = render("audit-tail.html", context! { not_audited });
    out.write_all(tail.as_bytes())
}

/// The most frequent findings in plain words: each rule's summary, its id
/// kept small beside it for whoever looks it up, and its count.
fn plain_findings(top: &[(String, usize)]) -> Vec<(String, String, usize)> {
    let rules = crate::core::rules::all();
    top.iter()
        .map(|(id, n)| {
            let plain = rules
                .iter()
                .find(|r| r.id().as_str() == id)
                .map_or_else(|| id.clone(), |r| r.summary().to_string());
            (plain, id.clone(), *n)
        })
        .collect()
}

/// When the report was written, in UTC ("30/11/2026 18:10 UTC").
fn generated_at() -> String {
    let now: chrono::DateTime<chrono::Utc> = std::time::SystemTime::now().into();
    now.format("%d/%m/%Y %H:%M UTC").to_string()
}

/// An action that is not SMART, as its table row shows it.
#[derive(Serialize)]
struct ActionRow {
    row: usize,
    objective: String,
    fails: String,
    reasons: Vec<String>,
    /// HTML: the rewrite escaped, its placeholders highlighted.
    rewrite: String,
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
        out.push_str("<span class=\"ph\">");
        out.push_str(&rest[open..=close]);
        out.push_str("</span>");
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// One bar of the chart, with its coordinates.
#[derive(Serialize)]
struct Bar {
    letter: String,
    name: &'static str,
    n: usize,
    label_x: usize,
    text_y: usize,
    x: usize,
    y: usize,
    w: usize,
    h: usize,
    value_x: usize,
}

/// Failures per letter as horizontal bars (inline SVG).
fn bar_chart(fails: &[(Criterion, usize)]) -> String {
    let max = fails.iter().map(|(_, n)| *n).max().unwrap_or(0).max(1);
    let (bar_h, gap, label_w, width) = (26, 8, 140, 420);
    let bars: Vec<Bar> = fails
        .iter()
        .enumerate()
        .map(|(i, (c, n))| {
            let y = i * (bar_h + gap) + 5;
            let w = (width as f64 * *n as f64 / max as f64).round() as usize;
            Bar {
                letter: c.to_string(),
                name: c.name(),
                n: *n,
                label_x: label_w - 8,
                text_y: y + bar_h / 2 + 5,
                x: label_w,
                y,
                w,
                h: bar_h,
                value_x: label_w + w + 6,
            }
        })
        .collect();
    render(
        "bar-chart.html",
        context! {
            width => label_w + width + 60,
            height => fails.len() * (bar_h + gap) + 10,
            bars,
        },
    )
}

/// One point of a trend line, with its tooltip.
#[derive(Serialize)]
struct Dot {
    x: f64,
    y: f64,
    title: String,
}

/// A plan's SMART share per version as a small line (inline SVG): 0% at the
/// bottom, 100% at the top, a dot per version whose tooltip gives its figures.
fn trend_line(t: &Trend) -> String {
    let (left, step, top, bottom) = (34.0, 36.0, 8.0, 48.0);
    let n = t.points.len();
    let dots: Vec<Dot> = t
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| Dot {
            x: left + 6.0 + step * i as f64,
            y: bottom - (bottom - top) * p.share(),
            title: format!(
                "{}: {} of {} actions SMART ({:.0}%)",
                p.version,
                p.smart,
                p.actions,
                p.share() * 100.0
            ),
        })
        .collect();
    let points: Vec<String> = dots
        .iter()
        .map(|d| format!("{:.1},{:.1}", d.x, d.y))
        .collect();
    let right = left + 12.0 + step * (n - 1) as f64;
    render(
        "trend-line.html",
        context! {
            width => right + 4.0,
            height => bottom + 6.0,
            left, right, top, bottom,
            points => points.join(" "),
            dots,
            label => format!(
                "SMART share over {n} versions: {}",
                t.points
                    .iter()
                    .map(|p| format!("{:.0}%", p.share() * 100.0))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    )
}

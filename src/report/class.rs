//! The class report for a trainer: per statement and per participant tables,
//! a heat map of scores by participant and letter (inline SVG), per-participant
//! feedback, and the confidence comparison, from the templates `class`,
//! `heat-map` and `confidence`.

use super::{render, safe};
use crate::core::finding::Criterion;
use crate::mark::confidence::ConfidenceReport;
use crate::mark::exercise::Exercise;
use crate::mark::{ClassSummary, Mark};
use minijinja::{context, Value};

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
    let s = match (exercise, summary) {
        (Some(ex), Some(s)) => class_context(ex, marks, s),
        _ => Value::from(false),
    };
    render(
        "class.html",
        context! {
            title,
            s,
            confidence => safe(confidence.map(confidence_html).unwrap_or_default()),
        },
    )
}

/// What the class part of the report shows.
fn class_context(ex: &Exercise, marks: &[Mark], s: &ClassSummary) -> Value {
    let letters: Vec<String> = s
        .letter_means
        .iter()
        .map(|(c, v)| format!("{c} {}", pct(*v)))
        .collect();
    let statements: Vec<Value> = s
        .statements
        .iter()
        .map(|st| {
            let key =
                ex.statement(&st.id)
                    .and_then(|x| x.key.as_ref())
                    .map_or("smarten's check", |k| {
                        if k.smart {
                            "SMART"
                        } else {
                            "not SMART"
                        }
                    });
            context! {
                id => &st.id,
                text => &st.text,
                key,
                answers => st.answers,
                correct_ticks => pct(st.correct_ticks),
                most_missing => st
                    .most_missing
                    .map_or("-".into(), |c| format!("{c} ({})", c.name())),
            }
        })
        .collect();
    let participants: Vec<Value> = s
        .participants
        .iter()
        .map(|p| {
            context! {
                participant => &p.participant,
                answers => p.answers,
                correct_ticks => p.correct_ticks,
                total => p.total,
                max => p.max,
                flagged => p.flagged,
            }
        })
        .collect();
    let errors_list: Vec<Value> = marks
        .iter()
        .filter(|m| m.error.is_some())
        .map(|m| context! { row => m.row, error => m.error.as_deref().unwrap_or("") })
        .collect();
    let feedback: Vec<Value> = s
        .participants
        .iter()
        .map(|p| {
            let marks: Vec<Value> = marks
                .iter()
                .filter(|m| m.counts() && m.participant.eq_ignore_ascii_case(&p.participant))
                .map(|m| {
                    context! {
                        statement => &m.statement,
                        flagged => !m.faithful,
                        feedback => &m.feedback,
                    }
                })
                .collect();
            context! { participant => &p.participant, marks }
        })
        .collect();
    context! {
        answers => s.answers,
        marked => s.marked,
        superseded => s.superseded,
        errors => s.errors,
        tick_accuracy => pct(s.tick_accuracy),
        letters => letters.join(", "),
        statements,
        participants,
        heat_map => safe(heat_map(s)),
        r_left_out => marks
            .iter()
            .any(|m| m.not_judged.iter().any(|n| n.starts_with("R:"))),
        errors_list,
        feedback,
    }
}

/// Participants as rows, letters as columns; darker green is a higher mean score.
fn heat_map(s: &ClassSummary) -> String {
    let (cell, label_w, top) = (48, 180, 28);
    let columns: Vec<Value> = Criterion::ALL
        .iter()
        .enumerate()
        .map(|(j, c)| {
            context! {
                x => label_w + j * cell + cell / 2,
                y => top - 8,
                letter => c.to_string(),
            }
        })
        .collect();
    let rows: Vec<Value> = s
        .participants
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let y = top + i * cell;
            let cells: Vec<Value> = Criterion::ALL
                .iter()
                .enumerate()
                .map(|(j, c)| {
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
                    context! { x, text_x => x + cell / 2, fill, label, letter => c.to_string() }
                })
                .collect();
            context! {
                participant => &p.participant,
                y,
                label_x => label_w - 8,
                label_y => y + cell / 2 + 4,
                cells,
            }
        })
        .collect();
    render(
        "heat-map.html",
        context! {
            width => label_w + cell * 5 + 10,
            height => top + cell * s.participants.len().max(1) + 10,
            size => cell,
            columns,
            rows,
        },
    )
}

fn confidence_html(c: &ConfidenceReport) -> String {
    let ci = c.ci95.map_or(
        "not enough pairs for an interval".to_string(),
        |(lo, hi)| format!("95% confidence interval {lo:+.2} to {hi:+.2}"),
    );
    let participants: Vec<Value> = c
        .participants
        .iter()
        .map(|p| {
            context! {
                participant => &p.participant,
                before => format!("{:.2}", p.before),
                after => format!("{:.2}", p.after),
                change => format!("{:+.2}", p.change),
                fell => p.change < 0.0,
            }
        })
        .collect();
    let questions: Vec<Value> = c
        .questions
        .iter()
        .map(|q| {
            context! {
                question => &q.question,
                pairs => q.pairs,
                mean_change => format!("{:+.2}", q.mean_change),
            }
        })
        .collect();
    render(
        "confidence.html",
        context! {
            c => context! {
                pairs => c.pairs,
                scale_max => c.scale_max,
                mean_change => format!("{:+.2}", c.mean_change),
                ci,
                participants,
                questions,
                fell => c.fell.join(", "),
                unpaired => c.unpaired.join("; "),
            },
        },
    )
}

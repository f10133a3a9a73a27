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
            // Each guidance quote once per person: the first feedback that
            // gives it keeps it, later ones drop it.
            let mut quoted = std::collections::BTreeSet::new();
            let marks: Vec<Value> = marks
                .iter()
                .filter(|m| m.counts() && m.participant.eq_ignore_ascii_case(&p.participant))
                .map(|m| {
                    let mut feedback = m.feedback.clone();
                    for c in Criterion::ALL {
                        let quote = crate::mark::guidance_quote(c);
                        if feedback.contains(&quote) && !quoted.insert(c) {
                            feedback = feedback.replace(&quote, "");
                        }
                    }
                    context! {
                        statement => &m.statement,
                        flagged => !m.faithful,
                        feedback,
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
                    let (fill, ink, label) = match p.letters.get(c) {
                        Some(v) => (viridis(*v), ink_on(*v), pct(*v)),
                        None => ("#d9d9d9".to_string(), "#222", "n/a".to_string()),
                    };
                    context! { x, text_x => x + cell / 2, fill, ink, label, letter => c.to_string() }
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
    let legend_y = top + cell * s.participants.len().max(1) + 16;
    let legend: Vec<Value> = [0.0, 0.25, 0.5, 0.75, 1.0]
        .iter()
        .enumerate()
        .map(|(k, v)| {
            context! {
                x => label_w + k * cell,
                fill => viridis(*v),
                ink => ink_on(*v),
                label => pct(*v),
            }
        })
        .collect();
    render(
        "heat-map.html",
        context! {
            width => label_w + cell * 6 + 10,
            height => legend_y + cell / 2 + 28,
            size => cell,
            columns,
            rows,
            legend,
            legend_y,
            legend_label_x => label_w - 8,
            na_x => label_w + 5 * cell,
        },
    )
}

/// A score from 0 to 1 as a colour of viridis, the palette readers with any
/// common colour-vision deficiency tell apart, dark purple (0) to yellow (1).
fn viridis(v: f64) -> String {
    const STOPS: [(u8, u8, u8); 5] = [
        (0x44, 0x01, 0x54),
        (0x3b, 0x52, 0x8b),
        (0x21, 0x91, 0x8c),
        (0x5e, 0xc9, 0x62),
        (0xfd, 0xe7, 0x25),
    ];
    let at = v.clamp(0.0, 1.0) * (STOPS.len() - 1) as f64;
    let k = (at.floor() as usize).min(STOPS.len() - 2);
    let t = at - k as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * t).round() as u8;
    let (a, b) = (STOPS[k], STOPS[k + 1]);
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(a.0, b.0),
        mix(a.1, b.1),
        mix(a.2, b.2)
    )
}

/// Text that reads on a viridis cell: white on the dark end, black on the light.
fn ink_on(v: f64) -> &'static str {
    if v < 0.6 {
        "#fff"
    } else {
        "#000"
    }
}

fn confidence_html(c: &ConfidenceReport) -> String {
    let ci = match c.ci95 {
        None => "too few people to say how sure this is".to_string(),
        Some((lo, hi)) => {
            let range = format!("the change could be anywhere from {lo:+.1} to {hi:+.1}");
            let people = c.pairs;
            if lo > 0.0 {
                format!("{range}: clear evidence that confidence rose, with {people} people")
            } else if hi < 0.0 {
                format!("{range}: clear evidence that confidence fell, with {people} people")
            } else {
                format!("{range}: not clear evidence of a change with {people} people")
            }
        }
    };
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

#[cfg(test)]
mod tests {
    use super::{ink_on, viridis};

    #[test]
    fn scores_take_viridis_colours_with_readable_ink() {
        assert_eq!(viridis(0.0), "#440154");
        assert_eq!(viridis(0.5), "#21918c");
        assert_eq!(viridis(1.0), "#fde725");
        assert_eq!(viridis(7.0), "#fde725");
        assert_eq!((ink_on(0.0), ink_on(1.0)), ("#fff", "#000"));
    }
}

//! A goal stated with its means ("be healthier by losing weight"): the means
//! is the action someone can take, so it is rewritten as the objective and the
//! goal kept as its purpose ("lose [how much] weight by [by when], to be
//! healthier").

use crate::core::check::{Analysed, Objective};
use crate::core::finding::Verdict;

/// The means and the purpose of a goal stated with its means: the objective
/// rebuilt on the means ("I will lose weight") and the purpose clause ("to be
/// healthier"). None when the objective has no "by" + "-ing" after its verb,
/// or when what it is about is already specific.
pub fn split(objective: &Objective, x: &Analysed) -> Option<(Objective, String)> {
    let toks = &x.analysis.tokens;
    let text = objective.text.as_str();
    let head = x.frame.head?;
    if x.judgment.criteria.s.verdict != Verdict::Fail {
        return None;
    }
    // Not the agent of a participle: "accidents caused by texting".
    let by = (head + 1..toks.len().saturating_sub(1)).find(|&k| {
        toks[k].lower == "by"
            && toks[k + 1].pos == "VBG"
            && !(toks[k - 1].has_tag("VBN") || toks[k - 1].has_tag("VBD"))
    })?;
    // The means: each "-ing" verb in its base form, the rest as written.
    let end = x.analysis.words_end();
    let mut means = String::new();
    let mut at = toks[by + 1].span.start;
    for t in toks[by + 1..].iter().filter(|t| t.span.end <= end) {
        if t.pos == "VBG" {
            means.push_str(&text[at..t.span.start]);
            means.push_str(t.lemma());
            at = t.span.end;
        }
    }
    means.push_str(&text[at..end]);
    let goal = text[toks[head].span.start..toks[by].span.start].trim();
    if goal.is_empty() || means.trim().is_empty() {
        return None;
    }
    // The goal that opened the objective ("Increase ...") is now mid-sentence.
    let goal = if head == 0 && toks[head].lower != "i" {
        super::repair::lower_first(goal)
    } else {
        goal.to_string()
    };
    let subject = x
        .frame
        .subject
        .as_ref()
        .map(|s| text[x.analysis.byte_span(s.clone())].trim().to_string());
    let rebuilt = match subject {
        Some(s) => format!("{s} will {}", means.trim()),
        None => means.trim().to_string(),
    };
    // The goal runs from its verb, so it never starts with "to" itself.
    let purpose = format!("to {goal}");
    Some((
        Objective {
            text: rebuilt,
            concern: objective.concern.clone(),
            plan_kind: objective.plan_kind.clone(),
        },
        purpose,
    ))
}

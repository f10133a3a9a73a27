//! A plan row's cells as one objective ("Mum will attend the group every
//! Tuesday, measured by the attendance register"), with the offsets of its
//! pieces so each can be analysed once; and which plan a row belongs to, with
//! the concerns of each plan.

use crate::io::columns::{Field, Mapping};
use crate::io::table::Table;
use std::collections::HashMap;

/// The plan a row belongs to: its plan id, else its file (and sheet).
pub fn plan_key(table: &Table, mapping: &Mapping, row: &crate::io::table::TableRow) -> String {
    let id = mapping
        .get(Field::PlanId)
        .and_then(|c| row.cells.get(c))
        .map_or("", |s| s.trim());
    match (id, &table.sheet) {
        ("", Some(s)) => format!("{} [{s}]", table.file),
        ("", None) => table.file.clone(),
        (id, _) => id.to_string(),
    }
}

/// The concerns of each plan in a table, in order of first appearance.
pub fn plan_concerns(table: &Table, mapping: &Mapping) -> HashMap<String, Vec<String>> {
    let mut out = std::collections::HashMap::new();
    for row in &table.rows {
        add_plan_concern(&mut out, table, mapping, row);
    }
    out
}

/// Adds `row`'s concern, if it has one, to its plan's list in `concerns`
/// (for reading a table a row at a time; `table` gives the file and sheet).
pub fn add_plan_concern(
    concerns: &mut HashMap<String, Vec<String>>,
    table: &Table,
    mapping: &Mapping,
    row: &crate::io::table::TableRow,
) {
    let Some(col) = mapping.get(Field::Concern) else {
        return;
    };
    let c = row.cells.get(col).map_or("", |s| s.trim());
    // A cell over the size limit is an error of its row, not a concern to compare with.
    if !c.is_empty() && c.len() <= crate::MAX_OBJECTIVE_BYTES {
        let list = concerns.entry(plan_key(table, mapping, row)).or_default();
        if !list.iter().any(|x| x == c) {
            list.push(c.to_string());
        }
    }
}

/// Puts a row's cells into one objective: "Mum will attend the group every
/// Tuesday, measured by the attendance register". A `what` that is already a
/// whole sentence is used as it is.
pub fn compose(who: &str, what: &str, when: &str, measure: &str) -> String {
    compose_pieces(who, what, when, measure).0
}

/// [`compose`], with the byte offsets where the `when` and `measure` pieces
/// start, so each piece can be analysed once and reused across rows.
pub fn compose_pieces(who: &str, what: &str, when: &str, measure: &str) -> (String, Vec<usize>) {
    let mut cuts = Vec::new();
    let what = what.trim().trim_end_matches('.');
    let mut text = String::new();
    let lower = what.to_lowercase();
    let names_who = !who.is_empty() && lower.starts_with(&who.to_lowercase());
    // "Mum to engage with services" names its own owner within its first words.
    let words: Vec<&str> = lower.split_whitespace().take(3).collect();
    let joins = |w: Option<&&str>| matches!(w, Some(&"to" | &"will" | &"must" | &"should"));
    let capitalised = what.chars().next().is_some_and(char::is_uppercase);
    let own_subject = joins(words.get(1)) || (capitalised && joins(words.get(2)));
    if who.is_empty() || names_who || own_subject || what.is_empty() {
        text.push_str(what);
    } else if let Some(rest) = lower.strip_prefix("to ") {
        text.push_str(&format!("{who} will {}", &what[what.len() - rest.len()..]));
    } else if lower.starts_with("will ") {
        text.push_str(&format!("{who} {what}"));
    } else {
        text.push_str(&format!("{who} will {}", lower_first(what)));
    }
    if !when.is_empty() && !lower.contains(&when.to_lowercase()) {
        cuts.push(text.len());
        text.push_str(&when_clause(when));
    }
    if !measure.is_empty() {
        cuts.push(text.len());
        text.push_str(&measure_clause(measure));
    }
    // Only an empty `what` leaves leading space; then there is nothing to reuse.
    if what.is_empty() {
        return (text.trim().to_string(), Vec::new());
    }
    let end = text.trim_end().len();
    text.truncate(end);
    cuts.retain(|&c| c > 0 && c < text.len());
    (text, cuts)
}

/// A measure cell as the clause it adds to an objective: ", measured by the
/// attendance register", or the cell itself when it says how ("recorded in ...").
pub fn measure_clause(measure: &str) -> String {
    let m = lower_function_word(measure.trim().trim_end_matches('.'));
    let ml = m.to_lowercase();
    let joined = [
        "measured",
        "recorded",
        "by ",
        "as ",
        "evidenced",
        "monitored",
        "using",
        "through",
    ]
    .iter()
    .any(|p| ml.starts_with(p));
    if joined {
        format!(", {m}")
    } else {
        format!(", measured by {}", lower_first(&m))
    }
}

/// A "by when" cell as it reads after an action: "ongoing", "by review", "January 2026".
pub fn when_clause(when: &str) -> String {
    format!(
        " {}",
        lower_function_word(when.trim().trim_end_matches('.'))
    )
}

/// "Ongoing" and "By review" read mid-sentence as "ongoing" and "by review";
/// "January 2026" and "Mr Evans' log" keep their capitals.
fn lower_function_word(text: &str) -> String {
    const WORDS: &[&str] = &[
        "by",
        "ongoing",
        "at",
        "in",
        "within",
        "before",
        "after",
        "every",
        "each",
        "weekly",
        "daily",
        "monthly",
        "fortnightly",
        "as",
        "from",
        "until",
        "till",
        "when",
        "during",
        "on",
        "over",
        "for",
        "starting",
        "review",
        "home",
        "health",
        "school",
        "observation",
        "attendance",
        "the",
        "a",
        "asap",
        "tbc",
        "next",
        "end",
        "termly",
        "measured",
        "recorded",
        "evidenced",
        "monitored",
    ];
    let first = text.split_whitespace().next().unwrap_or("");
    if WORDS.contains(&first.to_lowercase().as_str())
        && !first.chars().skip(1).any(char::is_uppercase)
    {
        let mut chars = text.chars();
        chars
            .next()
            .map(|c| c.to_lowercase().chain(chars).collect())
            .unwrap_or_default()
    } else {
        text.to_string()
    }
}

/// Lower-cases a first letter that only starts a sentence ("Attend" → "attend"),
/// leaving names and acronyms ("John", "GP") alone.
fn lower_first(text: &str) -> String {
    let first = text.split_whitespace().next().unwrap_or("");
    let keep = first.len() <= 1 || first.chars().skip(1).any(char::is_uppercase);
    let common = [
        "Attend",
        "Take",
        "Walk",
        "Meet",
        "Complete",
        "Go",
        "Make",
        "Keep",
        "Use",
        "Call",
        "Visit",
        "Read",
        "The",
        "A",
        "An",
        "Observation",
        "Attendance",
        "School",
        "Weekly",
        "Monthly",
        "Daily",
        "Home",
        "Parent",
        "Self-report",
    ];
    if keep || !common.contains(&first) {
        return text.to_string();
    }
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_row_split_across_columns_becomes_one_objective() {
        assert_eq!(
            compose("Mum", "Attend the parenting group", "every Tuesday for 6 weeks", "Attendance register"),
            "Mum will attend the parenting group every Tuesday for 6 weeks, measured by attendance register"
        );
        assert_eq!(
            compose("Dad", "to engage with services", "Ongoing", "By review"),
            "Dad will engage with services ongoing, by review"
        );
        assert_eq!(
            compose(
                "Children's Services",
                "Mum to engage with services",
                "By 1 May 2026",
                ""
            ),
            "Mum to engage with services by 1 May 2026"
        );
        assert_eq!(
            compose("Mum", "Mum will walk Amy to school", "", ""),
            "Mum will walk Amy to school"
        );
        assert_eq!(
            compose("", "John will stop disrupting the class", "", ""),
            "John will stop disrupting the class"
        );
        assert_eq!(compose("Sam", "", "", ""), "");
    }
}

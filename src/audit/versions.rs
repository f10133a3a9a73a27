//! Versions of a plan in the order they were written: dates as dates
//! ("09/03/2026" before "14/01/2027", whatever their strings say), then
//! other labels with their numbers compared as numbers ("review 2" before
//! "review 10"), and each plan's SMART share per version, for the trend.

use crate::core::dates::first_date;
use serde::Serialize;
use std::cmp::Ordering;

/// Orders two version labels of one plan: labels holding a date by that date
/// (and before labels holding none), the rest in natural order, and equal ones
/// by their text, so the order is total.
pub fn cmp_versions(a: &str, b: &str) -> Ordering {
    let by_date = match (first_date(a), first_date(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => natural(a, b),
    };
    by_date.then_with(|| a.cmp(b))
}

/// Compares text with each run of digits read as a number, ignoring case.
fn natural(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (a.peek().copied(), b.peek().copied()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let number = |it: &mut std::iter::Peekable<std::str::Chars<'_>>| {
                    let mut digits = String::new();
                    while let Some(c) = it.next_if(char::is_ascii_digit) {
                        digits.push(c);
                    }
                    digits.trim_start_matches('0').to_string()
                };
                let (m, n) = (number(&mut a), number(&mut b));
                let order = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                if order != Ordering::Equal {
                    return order;
                }
            }
            (Some(x), Some(y)) => {
                let order = x.to_lowercase().cmp(y.to_lowercase());
                if order != Ordering::Equal {
                    return order;
                }
                a.next();
                b.next();
            }
        }
    }
}

/// A date written in a file name: "plans/hughes-2026-03-09.csv" → "2026-03-09".
pub fn file_date(file: &str) -> Option<String> {
    let stem = std::path::Path::new(file).file_stem()?.to_str()?;
    let bytes = stem.as_bytes();
    (0..bytes.len().saturating_sub(9)).find_map(|i| {
        let s = stem.get(i..i + 10)?;
        let ok = s.chars().enumerate().all(|(k, c)| {
            if k == 4 || k == 7 {
                c == '-' || c == '_'
            } else {
                c.is_ascii_digit()
            }
        });
        ok.then(|| s.replace('_', "-"))
    })
}

/// One plan's SMART share at each of its versions, oldest first.
#[derive(Debug, Clone, Serialize)]
pub struct Trend {
    pub plan: String,
    pub person: String,
    pub points: Vec<TrendPoint>,
}

/// A plan version's SMART actions out of all its actions.
#[derive(Debug, Clone, Serialize)]
pub struct TrendPoint {
    pub version: String,
    pub smart: usize,
    pub actions: usize,
}

impl TrendPoint {
    /// The share of actions that are SMART, from 0 to 1.
    pub fn share(&self) -> f64 {
        if self.actions == 0 {
            0.0
        } else {
            self.smart as f64 / self.actions as f64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(labels: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = labels.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| cmp_versions(a, b));
        v
    }

    #[test]
    fn uk_dates_are_ordered_as_dates_not_as_text() {
        assert_eq!(
            sorted(&["14/01/2027", "09/03/2026", "20/11/2026"]),
            ["09/03/2026", "20/11/2026", "14/01/2027"]
        );
        assert_eq!(
            sorted(&["2027-01-14", "9 March 2026"]),
            ["9 March 2026", "2027-01-14"]
        );
    }

    #[test]
    fn numbered_reviews_are_ordered_by_their_numbers() {
        assert_eq!(
            sorted(&["Review 10", "review 2", "Review 1"]),
            ["Review 1", "review 2", "Review 10"]
        );
        assert_eq!(sorted(&["v2", "v007", "v10"]), ["v2", "v007", "v10"]);
    }

    #[test]
    fn dated_versions_come_before_undated_ones() {
        assert_eq!(
            sorted(&["initial", "01/02/2026"]),
            ["01/02/2026", "initial"]
        );
    }

    #[test]
    fn dates_in_file_names() {
        assert_eq!(
            file_date("plans/hughes-2026-03-09.csv").as_deref(),
            Some("2026-03-09")
        );
        assert_eq!(
            file_date("cp_plan_2025_11_30.xlsx").as_deref(),
            Some("2025-11-30")
        );
        assert_eq!(file_date("plan.csv"), None);
        assert_eq!(file_date("é-plan-2026-0.csv"), None);
    }
}

//! Whether a date written in an objective exists: "31/02/2027" and "45/13/2027"
//! look like dates but are none. Checked with a calendar (chrono), not patterns:
//! a numeric date is real when it is a day of the year read day-first (UK) or
//! month-first (US); a written one ("30th February") when its month has that day.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2}|\d{2}[Xx]{2}|[Xx]{2,4})\b")
        .expect("pattern")
});

/// A month's name or its usual short form.
const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH})\b\.?(?:,?\s+(\d{{4}}))?|\b({MONTH})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?"
    ))
    .expect("pattern")
});

/// The month a word names, 1 to 12 ("Sept", "february").
fn month(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .filter(|&i| {
            // "mar" must not be "married"; the full names and their short forms only.
            const FULL: [&str; 12] = [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ];
            FULL[i].starts_with(w.as_str()) || w == "sept"
        })
        .map(|i| i as u32 + 1)
}

/// A year as written: four digits, two digits (20xx), or a placeholder ("20XX")
/// read as a leap year so that 29 February is allowed.
fn year(text: Option<&str>) -> i32 {
    match text {
        Some(y) if y.chars().all(|c| c.is_ascii_digit()) && y.len() == 4 => {
            y.parse().unwrap_or(2024)
        }
        Some(y) if y.chars().all(|c| c.is_ascii_digit()) && y.len() == 2 => {
            2000 + y.parse::<i32>().unwrap_or(24)
        }
        _ => 2024,
    }
}

fn exists(y: i32, m: u32, d: u32) -> bool {
    NaiveDate::from_ymd_opt(y, m, d).is_some()
}

/// The byte ranges within `text` of dates that cannot exist.
pub fn impossible_dates(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    for c in NUMERIC.captures_iter(text) {
        let (a, b) = (
            c[1].parse::<u32>().unwrap_or(0),
            c[2].parse::<u32>().unwrap_or(0),
        );
        let y = year(c.get(3).map(|m| m.as_str()));
        if !exists(y, b, a) && !exists(y, a, b) {
            out.push(c.get(0).map_or(0..0, |m| m.range()));
        }
    }
    for c in WRITTEN.captures_iter(text) {
        let (day, name, y) = match (c.get(1), c.get(2), c.get(4), c.get(5)) {
            (Some(d), Some(m), _, _) => (d.as_str(), m.as_str(), c.get(3)),
            (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str(), c.get(6)),
            _ => continue,
        };
        let Some(m) = month(name) else { continue };
        let d = day.parse::<u32>().unwrap_or(0);
        if !exists(year(y.map(|y| y.as_str())), m, d) {
            out.push(c.get(0).map_or(0..0, |m| m.range()));
        }
    }
    out
}

/// The first whole date written in `text` with its year ("31/03/2027" read
/// day first, as UK plans write it; "2027-03-31"; "31 March 2027"; "March 31,
/// 2027"), or `None`. A date with no year is no single day, so it gives none.
pub fn first_date(text: &str) -> Option<NaiveDate> {
    static ISO: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b").expect("pattern"));
    let iso = ISO.captures(text).and_then(|c| {
        let at = c.get(0)?.start();
        let d =
            NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)?;
        Some((at, d))
    });
    let numeric = NUMERIC.captures_iter(text).find_map(|c| {
        let y = c.get(3)?.as_str();
        if y.len() != 4 || !y.chars().all(|ch| ch.is_ascii_digit()) {
            return None;
        }
        let d = NaiveDate::from_ymd_opt(y.parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    let written = WRITTEN.captures_iter(text).find_map(|c| {
        let (day, name, y) = match (c.get(1), c.get(2), c.get(4), c.get(5)) {
            (Some(d), Some(m), _, _) => (d.as_str(), m.as_str(), c.get(3)?),
            (_, _, Some(m), Some(d)) => (d.as_str(), m.as_str(), c.get(6)?),
            _ => return None,
        };
        let d = NaiveDate::from_ymd_opt(y.as_str().parse().ok()?, month(name)?, day.parse().ok()?)?;
        Some((c.get(0)?.start(), d))
    });
    [iso, numeric, written]
        .into_iter()
        .flatten()
        .min_by_key(|(at, _)| *at)
        .map(|(_, d)| d)
}

#[cfg(test)]
mod tests {
    use super::{first_date, impossible_dates};
    use chrono::NaiveDate;

    #[test]
    fn whole_dates_are_read_day_first_and_in_words() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(first_date("by 31/03/2027"), d(2027, 3, 31));
        assert_eq!(first_date("2027-03-31"), d(2027, 3, 31));
        assert_eq!(
            first_date("by the 1st of July 2027 at the latest"),
            d(2027, 7, 1)
        );
        assert_eq!(first_date("March 31, 2027"), d(2027, 3, 31));
        assert_eq!(first_date("by 31/02/2027"), None);
        assert_eq!(first_date("by 31 March"), None);
        assert_eq!(first_date("ongoing"), None);
    }

    #[test]
    fn dates_that_cannot_exist_are_found() {
        for text in [
            "by 31/02/2027",
            "by 45/13/2027",
            "on the 30th of February",
            "by February 30, 2027",
            "by 29/02/2027",
            "by 32nd March",
        ] {
            assert_eq!(impossible_dates(text).len(), 1, "{text}");
        }
    }

    #[test]
    fn real_dates_in_either_order_and_placeholders_are_kept() {
        for text in [
            "by 12/03/2025",
            "by 03/12/2025",
            "by 13/02/2027",
            "by 02/13/2027",
            "by 29/02/2028",
            "by 03/05/20XX",
            "by 29th February",
            "by 1st July",
            "by June 1st, 2024",
            "by March 2026",
            "Mum married in May",
            "at 3 may be late",
        ] {
            assert!(
                impossible_dates(text).is_empty(),
                "{text}: {:?}",
                impossible_dates(text)
            );
        }
    }
}

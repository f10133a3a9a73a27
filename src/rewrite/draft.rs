//! A rewrite under construction: text kept from the input, connecting words the
//! template adds, placeholders for facts only the team can supply, and actions
//! suggested by the exemplar bank. Renders to text with the spans of each kind.

use serde::Serialize;
use std::collections::BTreeMap;
use std::ops::Range;

/// One part of a rewrite.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// Words the writer wrote, unchanged.
    Kept(String),
    /// Connecting words from a template ("will", "by", "measured by").
    Added(String),
    /// A fact only the team can supply, shown as `[label]`.
    Placeholder { label: String, options: Vec<String> },
    /// Words taken from the exemplar bank: a suggestion for the team to confirm.
    Suggested { text: String, exemplar: String },
}

impl Piece {
    pub fn kept(text: impl Into<String>) -> Piece {
        Piece::Kept(text.into())
    }
    pub fn added(text: impl Into<String>) -> Piece {
        Piece::Added(text.into())
    }
    pub fn placeholder(label: impl Into<String>) -> Piece {
        Piece::Placeholder {
            label: label.into(),
            options: Vec::new(),
        }
    }
}

/// A placeholder as it appears in the rendered rewrite.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceholderSpan {
    /// What the team must supply, e.g. "by when".
    pub label: String,
    /// Byte span of `[label]` in the rewrite.
    pub start: usize,
    pub end: usize,
    /// Values the team might choose from (e.g. recognised methods of measurement).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
}

/// A span of the rewrite taken from the exemplar bank.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SuggestedSpan {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The vague objective of the exemplar it came from.
    pub exemplar: String,
}

/// A rendered rewrite.
#[derive(Debug, Clone, PartialEq)]
pub struct Rendered {
    pub text: String,
    pub placeholders: Vec<PlaceholderSpan>,
    pub suggested: Vec<SuggestedSpan>,
}

impl Rendered {
    /// Byte spans the golden rule does not apply to: placeholders and suggestions.
    pub fn exempt_spans(&self) -> Vec<Range<usize>> {
        self.placeholders
            .iter()
            .map(|p| p.start..p.end)
            .chain(self.suggested.iter().map(|s| s.start..s.end))
            .collect()
    }
}

/// Joins pieces into a sentence: one space between pieces, none before
/// punctuation or a per cent sign ("[target]%"), a capital first letter and a
/// closing full stop.
pub fn render(pieces: &[Piece]) -> Rendered {
    let mut text = String::new();
    let mut placeholders = Vec::new();
    let mut suggested = Vec::new();
    for piece in pieces {
        let body = match piece {
            Piece::Kept(t) | Piece::Added(t) => t.trim().to_string(),
            Piece::Placeholder { label, .. } => format!("[{label}]"),
            Piece::Suggested { text, .. } => text.trim().to_string(),
        };
        // A comma after a piece that already closed with one.
        if body.is_empty() || body == "," && text.ends_with(',') {
            continue;
        }
        // ... nor before a possessive ending ("[named person]'s rash").
        let glued = body.starts_with([',', '.', ';', ':', ')', '%'])
            || body.starts_with("'s ")
            || body.starts_with("’s ");
        if !text.is_empty() && !glued {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&body);
        let end = text.len();
        match piece {
            Piece::Placeholder { label, options } => placeholders.push(PlaceholderSpan {
                label: label.clone(),
                start,
                end,
                options: options.clone(),
            }),
            Piece::Suggested { exemplar, .. } => suggested.push(SuggestedSpan {
                text: body,
                start,
                end,
                exemplar: exemplar.clone(),
            }),
            _ => {}
        }
    }
    // A closing full stop, unless the writer's own text already ends a sentence.
    while text.ends_with([',', ';', ' ']) {
        text.pop();
    }
    if !text.is_empty() && !text.ends_with(['.', '!', '?']) {
        text.push('.');
    }
    if let Some(first) = text.chars().next() {
        if first.is_lowercase() {
            let upper: String = first.to_uppercase().collect();
            let shift = upper.len() as isize - first.len_utf8() as isize;
            text.replace_range(..first.len_utf8(), &upper);
            if shift != 0 {
                for p in &mut placeholders {
                    p.start = (p.start as isize + shift) as usize;
                    p.end = (p.end as isize + shift) as usize;
                }
                for s in &mut suggested {
                    s.start = (s.start as isize + shift) as usize;
                    s.end = (s.end as isize + shift) as usize;
                }
            }
        }
    }
    Rendered {
        text,
        placeholders,
        suggested,
    }
}

/// A rewrite's text as pieces again: its placeholders and suggestions as
/// such, the rest as written.
pub fn pieces_of(rendered: &Rendered) -> Vec<Piece> {
    let mut marks: Vec<(usize, usize, Piece)> = rendered
        .placeholders
        .iter()
        .map(|p| {
            let piece = Piece::Placeholder {
                label: p.label.clone(),
                options: p.options.clone(),
            };
            (p.start, p.end, piece)
        })
        .chain(rendered.suggested.iter().map(|s| {
            let piece = Piece::Suggested {
                text: s.text.clone(),
                exemplar: s.exemplar.clone(),
            };
            (s.start, s.end, piece)
        }))
        .collect();
    marks.sort_by_key(|m| m.0);
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, piece) in marks {
        if start < at {
            continue;
        }
        let between = rendered.text[at..start].trim();
        if !between.is_empty() {
            pieces.push(Piece::kept(between));
        }
        pieces.push(piece);
        at = end;
    }
    let rest = rendered.text[at..].trim();
    if !rest.is_empty() {
        pieces.push(Piece::kept(rest));
    }
    pieces
}

/// The stand-ins that placeholders take when a rewrite is re-checked.
#[derive(Debug, Clone, Default)]
pub struct Fills {
    by_label: BTreeMap<String, String>,
}

impl Fills {
    pub fn new(by_label: BTreeMap<String, String>) -> Self {
        Fills { by_label }
    }

    /// The stand-in for `label`: its own entry, or that of the longest label it starts with.
    pub fn get(&self, label: &str) -> Option<&str> {
        if let Some(v) = self.by_label.get(label) {
            return Some(v);
        }
        self.by_label
            .iter()
            .filter(|(k, _)| {
                label.starts_with(k.as_str())
                    && label[k.len()..].starts_with(|c: char| !c.is_alphanumeric())
            })
            .max_by_key(|(k, _)| k.len())
            .map(|(_, v)| v.as_str())
    }

    /// The rendered text with every placeholder replaced by its stand-in. An unknown
    /// label falls back to the "N" stand-in, so that a placeholder always counts as filled.
    pub fn fill(&self, rendered: &Rendered) -> String {
        let mut out = String::with_capacity(rendered.text.len() + 32);
        let mut at = 0;
        for p in &rendered.placeholders {
            out.push_str(&rendered.text[at..p.start]);
            let value = self.get(&p.label).or_else(|| self.get("N")).unwrap_or("3");
            out.push_str(value);
            at = p.end;
        }
        out.push_str(&rendered.text[at..]);
        out
    }
}

/// Splits a template such as "attend [N of M] sessions of {object}" into pieces:
/// bracketed labels become placeholders and the rest becomes pieces made by `text`.
pub fn parse_template(template: &str, text: impl Fn(&str) -> Piece) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        let before = rest[..open].trim();
        if !before.is_empty() {
            pieces.push(text(before));
        }
        pieces.push(Piece::placeholder(rest[open + 1..close].trim()));
        rest = &rest[close + 1..];
    }
    let rest = rest.trim();
    if !rest.is_empty() {
        pieces.push(text(rest));
    }
    pieces
}

/// A template whose text parts are connecting words (`Piece::Added`).
pub fn template(text: &str) -> Vec<Piece> {
    parse_template(text, |t| Piece::added(t))
}

/// Which pronouns stand for the owner of the action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronouns {
    He,
    She,
    They,
    I,
}

impl Pronouns {
    /// The possessive: "his", "her", "their", "my".
    pub fn possessive(self) -> &'static str {
        match self {
            Pronouns::He => "his",
            Pronouns::She => "her",
            Pronouns::They => "their",
            Pronouns::I => "my",
        }
    }

    /// Replaces `{they}`, `{their}`, `{them}` and `{themselves}` in an exemplar action.
    pub fn apply(self, text: &str) -> String {
        let (they, their, them, themselves) = match self {
            Pronouns::He => ("he", "his", "him", "himself"),
            Pronouns::She => ("she", "her", "her", "herself"),
            Pronouns::They => ("they", "their", "them", "themselves"),
            Pronouns::I => ("I", "my", "me", "myself"),
        };
        text.replace("{themselves}", themselves)
            .replace("{their}", their)
            .replace("{them}", them)
            .replace("{they}", they)
    }
}

/// `text` with each whole-word occurrence of `value` replaced by `with`.
pub(crate) fn replace_whole_words(text: &str, value: &str, with: &str) -> String {
    if value.is_empty() {
        return text.to_string();
    }
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::new();
    let mut at = 0;
    while let Some(i) = text[at..].find(value).map(|i| at + i) {
        let end = i + value.len();
        if word(text[..i].chars().next_back()) || word(text[end..].chars().next()) {
            let step = text[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&text[at..i + step]);
            at = i + step;
            continue;
        }
        out.push_str(&text[at..i]);
        out.push_str(with);
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stand_in_is_replaced_only_as_a_whole_word() {
        let quoted = "time: 'by 31 March 2027', scoring 2 on it";
        let once = replace_whole_words(quoted, "31 March 2027", "[by when]");
        assert_eq!(
            replace_whole_words(&once, "2", "[baseline]"),
            "time: 'by [by when]', scoring [baseline] on it"
        );
        assert_eq!(replace_whole_words("22 and 2", "2", "[N]"), "22 and [N]");
    }

    #[test]
    fn a_possessive_ending_is_glued_to_the_placeholder_before_it() {
        let r = render(&[
            Piece::placeholder("named person"),
            Piece::kept("'s rash"),
            Piece::added("will clear"),
        ]);
        assert_eq!(r.text, "[named person]'s rash will clear.");
        assert_eq!((r.placeholders[0].start, r.placeholders[0].end), (0, 14));
    }

    #[test]
    fn render_spaces_pieces_and_records_spans() {
        let r = render(&[
            Piece::kept("mum"),
            Piece::added("will"),
            Piece::Suggested {
                text: "attend".into(),
                exemplar: "x".into(),
            },
            Piece::placeholder("N of M"),
            Piece::added("appointments,"),
            // A comma after a piece that closed with one is dropped.
            Piece::added(","),
            Piece::added("by"),
            Piece::placeholder("by when"),
        ]);
        assert_eq!(
            r.text,
            "Mum will attend [N of M] appointments, by [by when]."
        );
        assert_eq!(
            &r.text[r.placeholders[0].start..r.placeholders[0].end],
            "[N of M]"
        );
        assert_eq!(
            &r.text[r.placeholders[1].start..r.placeholders[1].end],
            "[by when]"
        );
        assert_eq!(&r.text[r.suggested[0].start..r.suggested[0].end], "attend");
    }

    #[test]
    fn a_per_cent_sign_follows_its_placeholder_with_no_space() {
        let r = render(&template("keep it at or above [target]% on each check"));
        assert_eq!(r.text, "Keep it at or above [target]% on each check.");
    }

    #[test]
    fn fills_match_the_longest_label_prefix() {
        let fills = Fills::new(BTreeMap::from([
            ("named".to_string(), "Sam Taylor".to_string()),
            ("N".to_string(), "3".to_string()),
            ("N of M".to_string(), "4 of 5".to_string()),
        ]));
        assert_eq!(fills.get("named person at the school"), Some("Sam Taylor"));
        assert_eq!(fills.get("N of M"), Some("4 of 5"));
        assert_eq!(fills.get("Nowhere"), None);
        let r = render(&[
            Piece::placeholder("named worker"),
            Piece::added("will call"),
            Piece::placeholder("N of M"),
            Piece::added("times"),
        ]);
        assert_eq!(fills.fill(&r), "Sam Taylor will call 4 of 5 times.");
    }

    #[test]
    fn templates_split_into_text_and_placeholders() {
        let pieces = template("attend [N of M] sessions of {object}");
        assert_eq!(
            pieces,
            vec![
                Piece::added("attend"),
                Piece::placeholder("N of M"),
                Piece::added("sessions of {object}"),
            ]
        );
    }

    #[test]
    fn pronouns_follow_the_owner() {
        let action = "use {their} calm-down plan and keep {their} feet to {themselves}";
        assert_eq!(
            Pronouns::She.apply(action),
            "use her calm-down plan and keep her feet to herself"
        );
        assert_eq!(
            Pronouns::They.apply(action),
            "use their calm-down plan and keep their feet to themselves"
        );
    }
}

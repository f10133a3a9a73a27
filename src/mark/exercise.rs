//! An "Is it SMART?" exercise: statements with ids, and optionally the trainer's
//! key, a model answer and the concern each belongs to. Read from TOML or from a
//! table (CSV/XLSX).

use super::MarkError;
use crate::core::finding::Criterion;
use crate::io::table::Table;
use serde::Deserialize;

/// The trainer's key for one statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    pub smart: bool,
    /// The letters the trainer says fail (may be empty even when not SMART).
    pub failing: Vec<Criterion>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    pub id: String,
    pub text: String,
    pub key: Option<Key>,
    pub model_answer: Option<String>,
    pub concern: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    pub title: String,
    pub statements: Vec<Statement>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ExerciseFile {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    scenario: Option<String>,
    #[serde(rename = "statement")]
    statements: Vec<StatementEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementEntry {
    id: String,
    text: String,
    #[serde(default)]
    smart: Option<bool>,
    #[serde(default)]
    failing: Vec<String>,
    #[serde(default)]
    model_answer: Option<String>,
    #[serde(default)]
    concern: Option<String>,
}

impl Exercise {
    /// Parses the TOML form; `origin` names the file in errors.
    pub fn from_toml(origin: &str, text: &str) -> Result<Self, MarkError> {
        let file: ExerciseFile = toml::from_str(text).map_err(|e| invalid!(origin, "{e}"))?;
        let _ = file.scenario;
        let mut statements = Vec::new();
        for (i, e) in file.statements.into_iter().enumerate() {
            let failing = parse_letters(&e.failing.join(",")).map_err(|bad| {
                invalid!(
                    origin,
                    "statement {} ('{}'): unknown letter '{bad}' in failing",
                    i + 1,
                    e.id
                )
            })?;
            let key = match (e.smart, failing.is_empty()) {
                (Some(smart), _) => Some(Key { smart, failing }),
                (None, false) => Some(Key {
                    smart: false,
                    failing,
                }),
                (None, true) => None,
            };
            statements.push(Statement {
                id: e.id.trim().to_string(),
                text: e.text.trim().to_string(),
                key,
                model_answer: e.model_answer.filter(|m| !m.trim().is_empty()),
                concern: e.concern.filter(|c| !c.trim().is_empty()),
            });
        }
        Self::validated(
            origin,
            file.title.unwrap_or_else(|| "Is it SMART?".into()),
            statements,
        )
    }

    /// Reads the table form: columns `id`, `text` (or `statement`), and optionally
    /// `smart` (yes/no), `failing` ("S, T"), `model answer` and `concern`.
    pub fn from_table(table: &Table) -> Result<Self, MarkError> {
        let origin = &table.origin();
        let id = table
            .column(&["id", "statement id", "number", "no"])
            .ok_or_else(|| {
                invalid!(
                    origin,
                    "no 'id' column (headers: {})",
                    crate::io::table::header_list(&table.headers)
                )
            })?;
        let text = table
            .column(&["text", "statement", "objective"])
            .ok_or_else(|| {
                invalid!(
                    origin,
                    "no 'text' column (headers: {})",
                    crate::io::table::header_list(&table.headers)
                )
            })?;
        let smart = table.column(&["smart", "is it smart", "key", "answer"]);
        let failing = table.column(&["failing", "failing letters", "missing", "letters"]);
        let model = table.column(&["model answer", "model", "suggested answer"]);
        let concern = table.column(&["concern", "scenario", "issue"]);
        let mut statements = Vec::new();
        for row in &table.rows {
            let at = |col: Option<usize>| col.map(|c| table.cell(row, c)).unwrap_or("");
            let key_smart = match at(smart) {
                "" => None,
                v => Some(super::answers::parse_tick(v).ok_or_else(|| {
                    invalid!(
                        origin,
                        "row {}: '{v}' in the smart column is not yes or no",
                        row.number
                    )
                })?),
            };
            let letters = parse_letters(at(failing)).map_err(|bad| {
                invalid!(
                    origin,
                    "row {}: unknown letter '{bad}' in failing",
                    row.number
                )
            })?;
            let key = match (key_smart, letters.is_empty()) {
                (Some(s), _) => Some(Key {
                    smart: s,
                    failing: letters,
                }),
                (None, false) => Some(Key {
                    smart: false,
                    failing: letters,
                }),
                (None, true) => None,
            };
            let non_empty = |v: &str| (!v.is_empty()).then(|| v.to_string());
            statements.push(Statement {
                id: table.cell(row, id).to_string(),
                text: table.cell(row, text).to_string(),
                key,
                model_answer: non_empty(at(model)),
                concern: non_empty(at(concern)),
            });
        }
        Self::validated(origin, "Is it SMART?".into(), statements)
    }

    fn validated(
        origin: &str,
        title: String,
        statements: Vec<Statement>,
    ) -> Result<Self, MarkError> {
        if statements.is_empty() {
            return Err(invalid!(origin, "the exercise has no statements"));
        }
        let mut seen = std::collections::HashSet::new();
        for s in &statements {
            if s.id.is_empty() || s.text.is_empty() {
                return Err(invalid!(
                    origin,
                    "every statement needs an id and a text (statement '{}')",
                    s.id
                ));
            }
            if !seen.insert(normalise_id(&s.id)) {
                return Err(invalid!(origin, "statement id '{}' appears twice", s.id));
            }
        }
        Ok(Exercise { title, statements })
    }

    /// The statement with id `id`, matched without regard to case or spaces.
    pub fn statement(&self, id: &str) -> Option<&Statement> {
        let wanted = normalise_id(id);
        self.statements
            .iter()
            .find(|s| normalise_id(&s.id) == wanted)
    }
}

/// "s1", " S1 ", "S 1" are the same id.
pub fn normalise_id(id: &str) -> String {
    id.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Parses "S, T" / "ST" / "s;m" into letters; returns the offending text on error.
fn parse_letters(text: &str) -> Result<Vec<Criterion>, String> {
    let mut out = Vec::new();
    for part in text
        .split([',', ';', ' ', '/'])
        .filter(|p| !p.trim().is_empty())
    {
        for c in part.trim().chars() {
            let letter =
                Criterion::from_letter(c.to_ascii_uppercase()).ok_or_else(|| part.to_string())?;
            if !out.contains(&letter) {
                out.push(letter);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_exercise_parses_with_a_key_for_every_statement() {
        let text = include_str!("../../data/exercises/is-it-smart.toml");
        let ex = Exercise::from_toml("is-it-smart.toml", text).unwrap();
        assert!(
            (10..=15).contains(&ex.statements.len()),
            "{}",
            ex.statements.len()
        );
        assert!(ex.statements.iter().all(|s| s.key.is_some()));
        assert!(ex.statement(" s1 ").is_some());
    }

    #[test]
    fn the_table_form_reads_ids_texts_and_keys() {
        let t = crate::io::table::parse_delimited(
            "ex.csv",
            "ID,Statement,SMART?,Failing,Concern\nS1,Mum to engage with services,no,\"S, T\",Missed appointments\nS2,Liam will read for 10 minutes each evening this term,yes,,\nS3,Dad will cook tea,,,\n",
        )
        .unwrap();
        let ex = Exercise::from_table(&t).unwrap();
        assert_eq!(ex.statements.len(), 3);
        let s1 = &ex.statements[0];
        assert_eq!(
            s1.key,
            Some(Key {
                smart: false,
                failing: vec![Criterion::S, Criterion::T]
            })
        );
        assert_eq!(s1.concern.as_deref(), Some("Missed appointments"));
        assert_eq!(ex.statements[1].key.as_ref().map(|k| k.smart), Some(true));
        assert_eq!(
            ex.statements[2].key, None,
            "no key: smarten's own verdict is used"
        );
        let bad =
            crate::io::table::parse_delimited("ex.csv", "ID,Statement,SMART?\nS1,x,perhaps\n")
                .unwrap();
        assert!(Exercise::from_table(&bad)
            .unwrap_err()
            .to_string()
            .contains("row 2"));
    }

    #[test]
    fn letters_and_duplicates_are_checked() {
        assert_eq!(
            parse_letters("S, t").unwrap(),
            vec![Criterion::S, Criterion::T]
        );
        assert_eq!(
            parse_letters("SM").unwrap(),
            vec![Criterion::S, Criterion::M]
        );
        assert!(parse_letters("S, X").is_err());
        let dup =
            "[[statement]]\nid = \"a\"\ntext = \"x\"\n[[statement]]\nid = \"A\"\ntext = \"y\"\n";
        assert!(Exercise::from_toml("d.toml", dup)
            .unwrap_err()
            .to_string()
            .contains("twice"));
    }
}

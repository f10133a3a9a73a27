//! A LanguageTool-compatible endpoint: `POST /v2/check` (form-encoded `text`
//! or `data`, and `language`; also as a GET query) and `GET /v2/languages`,
//! answered in LanguageTool's shape so its clients (browser add-ons, LTeX,
//! language-tool-python) show smarten's findings. Each non-empty line is one
//! objective. Offsets and lengths are in UTF-16 code units, as the clients
//! expect. A rule is `enabledRules`/`disabledRules` by its smarten id, written
//! either way (`vague-verb` or `VAGUE_VERB`); a category is a SMART letter.

use super::memo::Judged;
use super::{ApiError, Engine};
use crate::core::check::{Objective, MAX_OBJECTIVE_BYTES};
use crate::core::finding::{Criterion, Finding, Severity};
use crate::rewrite::Rewrite;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::{Form, Json};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// The id of the match that offers a whole objective's SMART rewrite.
pub const REWRITE_RULE: &str = "SMART_REWRITE";
/// How many characters of context each side of a match.
const CONTEXT_CHARS: usize = 40;

/// `GET /v2/languages`.
pub async fn languages() -> Json<Value> {
    Json(json!([
        { "name": "English", "code": "en", "longCode": "en" },
        { "name": "English (British)", "code": "en", "longCode": "en-GB" },
        { "name": "English (US)", "code": "en", "longCode": "en-US" },
    ]))
}

pub async fn check_form(
    State(engine): State<Arc<Engine>>,
    headers: HeaderMap,
    form: Result<Form<HashMap<String, String>>, axum::extract::rejection::FormRejection>,
) -> Result<Json<Value>, ApiError> {
    let Form(params) = form.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    answer(engine, &headers, params).await
}

pub async fn check_query(
    State(engine): State<Arc<Engine>>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Result<Json<Value>, ApiError> {
    answer(engine, &headers, params).await
}

/// Which rules a request asks for.
struct Selection {
    enabled: Vec<String>,
    disabled: Vec<String>,
    enabled_only: bool,
    disabled_categories: Vec<String>,
}

impl Selection {
    fn from(params: &HashMap<String, String>) -> Self {
        let list = |key: &str| -> Vec<String> {
            params
                .get(key)
                .map(|v| {
                    v.split(',')
                        .map(normalise_id)
                        .filter(|s| !s.is_empty())
                        .collect()
                })
                .unwrap_or_default()
        };
        Selection {
            enabled: list("enabledRules"),
            disabled: list("disabledRules"),
            enabled_only: params.get("enabledOnly").is_some_and(|v| v == "true"),
            disabled_categories: list("disabledCategories"),
        }
    }

    fn allows(&self, id: &str, letter: &str) -> bool {
        let id = normalise_id(id);
        let letter = normalise_id(letter);
        if self.enabled_only {
            return self.enabled.contains(&id);
        }
        !self.disabled.contains(&id) && !self.disabled_categories.contains(&letter)
    }
}

/// `VAGUE_VERB`, `vague-verb` and `Vague_Verb` are one rule id.
fn normalise_id(id: &str) -> String {
    id.trim().to_ascii_lowercase().replace('_', "-")
}

/// The text to check: `text`, or the text parts of `data` (LanguageTool's
/// annotated text) with a map from positions in it back to positions in the
/// document the client sent.
fn text_of(params: &HashMap<String, String>) -> Result<(String, Vec<(usize, usize)>), ApiError> {
    if let Some(text) = params.get("text") {
        return Ok((text.clone(), Vec::new()));
    }
    let Some(data) = params.get("data") else {
        return Err(ApiError::bad_request("missing 'text' or 'data' parameter"));
    };
    let value: Value = serde_json::from_str(data)
        .map_err(|e| ApiError::bad_request(format!("'data' is not JSON: {e}")))?;
    let parts = value
        .get("annotation")
        .and_then(Value::as_array)
        .ok_or_else(|| ApiError::bad_request("'data' has no 'annotation' list"))?;
    // (byte in the checked text, UTF-16 unit in the document) at each part's start.
    let mut text = String::new();
    let mut map = Vec::new();
    let mut document_units = 0usize;
    for part in parts {
        if let Some(t) = part.get("text").and_then(Value::as_str) {
            map.push((text.len(), document_units));
            text.push_str(t);
            document_units += t.encode_utf16().count();
        } else if let Some(m) = part.get("markup").and_then(Value::as_str) {
            let interpret = part
                .get("interpretAs")
                .and_then(Value::as_str)
                .unwrap_or("");
            map.push((text.len(), document_units));
            text.push_str(interpret);
            document_units += m.encode_utf16().count();
            // The markup's interpretation has no place of its own in the document.
            map.push((text.len(), document_units));
        } else {
            return Err(ApiError::bad_request(
                "each 'annotation' item needs 'text' or 'markup'",
            ));
        }
    }
    Ok((text, map))
}

/// The lines of `text` that hold an objective, as byte ranges.
fn objective_lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(s..s + trimmed.len());
        }
        start += line.len();
    }
    out
}

async fn answer(
    engine: Arc<Engine>,
    headers: &HeaderMap,
    params: HashMap<String, String>,
) -> Result<Json<Value>, ApiError> {
    let language = params.get("language").map_or("en-GB", String::as_str);
    let code = match language.to_ascii_lowercase().as_str() {
        "auto" | "en" | "en-gb" => "en-GB",
        "en-us" => "en-US",
        l if l.starts_with("en") => "en-GB",
        _ => {
            return Err(ApiError::bad_request(format!(
                "'{language}' is not a language smarten checks: it reads English objectives (en, en-GB, en-US)"
            )))
        }
    };
    let (text, map) = text_of(&params)?;
    let selection = Selection::from(&params);
    let lines = objective_lines(&text);
    if let Some(long) = lines.iter().find(|r| r.len() > MAX_OBJECTIVE_BYTES) {
        return Err(ApiError::new(
            axum::http::StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "a line is {} bytes; one objective may be at most {MAX_OBJECTIVE_BYTES}",
                long.len()
            ),
        ));
    }
    let host = headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1")
        .to_string();
    let want_rewrites = selection.allows(REWRITE_RULE, "SMART");
    // Lines judged before come from the memo; only the rest are judged.
    let mut judged: Vec<Option<Judged>> = lines
        .iter()
        .map(|r| engine.memo.get(&text[r.clone()], want_rewrites))
        .collect();
    let unseen: Vec<(usize, String)> = judged
        .iter()
        .zip(&lines)
        .enumerate()
        .filter(|(_, (j, _))| j.is_none())
        .map(|(i, (_, r))| (i, text[r.clone()].to_string()))
        .collect();
    if !unseen.is_empty() {
        let fresh = engine
            .run(move |e| {
                unseen
                    .into_iter()
                    .map(|(i, line)| {
                        let o = Objective::new(&line);
                        let j = e.check(&o);
                        let r = (want_rewrites && !j.smart).then(|| e.rewrite(&o));
                        let judged: Judged = Arc::new((j, r));
                        e.memo.put(&line, want_rewrites, judged.clone());
                        (i, judged)
                    })
                    .collect::<Vec<_>>()
            })
            .await?;
        for (i, j) in fresh {
            judged[i] = Some(j);
        }
    }
    let mut matches = Vec::new();
    for (line, j) in lines.iter().zip(&judged) {
        // Every line was found in the memo or judged just now.
        let Some(j) = j else { continue };
        let (judgment, rewrite) = &**j;
        for f in &judgment.findings {
            if !selection.allows(f.rule.as_str(), &f.criterion.to_string()) {
                continue;
            }
            let span = line.start + f.start..line.start + f.end;
            matches.push(finding_match(&text, &map, line, span, f, &host));
        }
        if let Some(r) = rewrite.as_ref().filter(|r| r.rewrite != r.text) {
            matches.push(rewrite_match(&text, &map, line, r, &host));
        }
    }
    Ok(Json(json!({
        "software": {
            "name": "smarten",
            "version": env!("CARGO_PKG_VERSION"),
            "buildDate": "",
            "apiVersion": 1,
            "premium": false,
            "status": "",
        },
        "warnings": { "incompleteResults": false },
        "language": {
            "name": "English",
            "code": code,
            "detectedLanguage": { "name": "English", "code": code, "confidence": 1.0 },
        },
        "matches": matches,
    })))
}

/// UTF-16 units of `text[..byte]`, moved to the client's document through `map`.
fn units(text: &str, map: &[(usize, usize)], byte: usize) -> usize {
    let here = text[..byte].encode_utf16().count();
    match map.iter().rev().find(|(b, _)| *b <= byte) {
        Some((b, doc)) => doc + (here - text[..*b].encode_utf16().count()),
        None => here,
    }
}

/// The match's place: offset and length in the document, the context around
/// it and the sentence (the objective's line).
fn place(text: &str, map: &[(usize, usize)], line: &Range<usize>, span: Range<usize>) -> Value {
    let offset = units(text, map, span.start);
    let length = units(text, map, span.end) - offset;
    // Context: up to CONTEXT_CHARS characters each side, on the same line.
    let before: usize = text[line.start..span.start]
        .chars()
        .rev()
        .take(CONTEXT_CHARS)
        .map(char::len_utf8)
        .sum();
    let after: usize = text[span.end..line.end]
        .chars()
        .take(CONTEXT_CHARS)
        .map(char::len_utf8)
        .sum();
    let context = &text[span.start - before..span.end + after];
    json!({
        "offset": offset,
        "length": length,
        "context": {
            "text": context,
            "offset": text[span.start - before..span.start].encode_utf16().count(),
            "length": text[span.clone()].encode_utf16().count(),
        },
        "sentence": &text[line.clone()],
    })
}

/// A match's rule; its category is the finding's letter, or "SMART" for the
/// whole-objective rewrite.
fn rule_value(
    id: &str,
    description: &str,
    letter: Option<Criterion>,
    issue: &str,
    host: &str,
) -> Value {
    let (category, name) = match letter {
        Some(c) => (c.to_string(), c.name()),
        None => ("SMART".to_string(), "SMART"),
    };
    json!({
        "id": id,
        "description": description,
        "issueType": issue,
        "category": { "id": category, "name": name },
        "urls": [ { "value": format!("http://{host}/rules/{id}") } ],
    })
}

fn finding_match(
    text: &str,
    map: &[(usize, usize)],
    line: &Range<usize>,
    span: Range<usize>,
    f: &Finding,
    host: &str,
) -> Value {
    let mut m = place(text, map, line, span);
    let short = format!("Not {}", f.criterion.name().to_lowercase());
    let message = if f.suggestion.is_empty() {
        f.message.clone()
    } else if f.message.ends_with(['.', '!', '?']) {
        format!("{} {}", f.message, f.suggestion)
    } else {
        format!("{}. {}", f.message, f.suggestion)
    };
    let issue = match f.severity {
        Severity::Error => "grammar",
        Severity::Warning => "style",
    };
    let obj = m.as_object_mut().expect("place is an object");
    obj.insert("message".into(), json!(message));
    obj.insert("shortMessage".into(), json!(short));
    obj.insert("replacements".into(), json!([]));
    obj.insert("type".into(), json!({ "typeName": "Other" }));
    obj.insert(
        "rule".into(),
        rule_value(
            f.rule.as_str(),
            summary(f.rule),
            Some(f.criterion),
            issue,
            host,
        ),
    );
    m
}

/// What a rule catches, in one line (its description in LanguageTool's terms).
fn summary(id: crate::core::finding::RuleId) -> &'static str {
    static SUMMARIES: std::sync::LazyLock<Vec<(crate::core::finding::RuleId, &'static str)>> =
        std::sync::LazyLock::new(|| {
            crate::core::rules::all()
                .iter()
                .map(|r| (r.id(), r.summary()))
                .collect()
        });
    SUMMARIES
        .iter()
        .find(|(r, _)| *r == id)
        .map_or("", |(_, s)| s)
}

/// The whole objective, with its SMART rewrite as the replacement.
fn rewrite_match(
    text: &str,
    map: &[(usize, usize)],
    line: &Range<usize>,
    r: &Rewrite,
    host: &str,
) -> Value {
    let mut m = place(text, map, line, line.clone());
    let obj = m.as_object_mut().expect("place is an object");
    obj.insert(
        "message".into(),
        json!("This objective is not SMART. A SMART rewrite: fill in each [placeholder] with the team."),
    );
    obj.insert("shortMessage".into(), json!("SMART rewrite"));
    obj.insert("replacements".into(), json!([{ "value": r.rewrite }]));
    obj.insert("type".into(), json!({ "typeName": "Other" }));
    obj.insert(
        "rule".into(),
        rule_value(
            REWRITE_RULE,
            "A SMART rewrite of the whole objective",
            None,
            "style",
            host,
        ),
    );
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_utf16_units_and_lines_are_objectives() {
        let text = "😀 Mum to engage\n\n  Dad – café ongoing";
        let lines = objective_lines(text);
        assert_eq!(&text[lines[0].clone()], "😀 Mum to engage");
        assert_eq!(&text[lines[1].clone()], "Dad – café ongoing");
        let at = text.find("Mum").unwrap();
        // The emoji is 2 UTF-16 units, then a space.
        assert_eq!(units(text, &[], at), 3);
        let ongoing = text.find("ongoing").unwrap();
        assert_eq!(
            units(text, &[], ongoing),
            text[..ongoing].encode_utf16().count()
        );
    }

    #[test]
    fn annotated_text_maps_back_to_the_document() {
        let mut params = HashMap::new();
        params.insert(
            "data".to_string(),
            r#"{"annotation":[{"markup":"<p>"},{"text":"Mum to engage"},{"markup":"</p>","interpretAs":"\n"}]}"#
                .to_string(),
        );
        let (text, map) = text_of(&params).unwrap();
        assert_eq!(text, "Mum to engage\n");
        // "engage" is at 7 in the text and at 10 in the document (after "<p>").
        assert_eq!(units(&text, &map, 7), 10);
    }

    #[test]
    fn rule_ids_match_in_either_spelling() {
        let mut params = HashMap::new();
        params.insert("disabledRules".to_string(), "VAGUE_VERB".to_string());
        let s = Selection::from(&params);
        assert!(!s.allows("vague-verb", "S"));
        assert!(s.allows("no-timeframe", "T"));
    }
}

//! The JSON API: `POST /api/check` and `POST /api/rewrite` (one objective or
//! many, or a plan row of who, what, when and measure, with an optional
//! concern and plan kind), `GET /api/rules` and
//! `GET /healthz`. The answers are the CLI's JSON contract.

use super::{ApiError, Engine};
use crate::core::check::{Objective, MAX_OBJECTIVE_BYTES};
use crate::core::plan_kind::PlanKind;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use std::sync::Arc;

/// One objective or several.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// A plan row's cells, composed into one objective as `smarten audit` composes
/// a row ("Mum will attend the group every Tuesday, measured by ...").
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    #[serde(default)]
    pub who: String,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub when: String,
    #[serde(default)]
    pub measure: String,
}

/// The body of `/api/check` and `/api/rewrite`: `text`, or a plan `row`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Request {
    #[serde(default)]
    pub text: Option<OneOrMany>,
    #[serde(default)]
    pub row: Option<Row>,
    #[serde(default)]
    pub concern: Option<String>,
    #[serde(default)]
    pub plan_kind: Option<String>,
    /// `/api/check` only: add the top rewrite of each objective that is not SMART.
    #[serde(default)]
    pub suggest: bool,
}

/// The objectives a request asks about, checked for size and kind.
fn objectives(request: &Request) -> Result<(Vec<Objective>, bool), ApiError> {
    let plan_kind = match request
        .plan_kind
        .as_deref()
        .filter(|k| !k.trim().is_empty())
    {
        Some(k) => Some(PlanKind::parse(k).map_err(|e| ApiError::bad_request(e.to_string()))?),
        None => None,
    };
    let (texts, many) = match (&request.text, &request.row) {
        (Some(_), Some(_)) => {
            return Err(ApiError::bad_request("give `text` or `row`, not both"));
        }
        (Some(OneOrMany::One(t)), None) => (vec![t.clone()], false),
        (Some(OneOrMany::Many(ts)), None) => (ts.clone(), true),
        (None, Some(row)) => {
            if row.what.trim().is_empty() {
                return Err(ApiError::bad_request(
                    "row.what is empty: a plan row needs the action",
                ));
            }
            let text = crate::audit::compose::compose(&row.who, &row.what, &row.when, &row.measure);
            (vec![text], false)
        }
        (None, None) => {
            return Err(ApiError::bad_request(
                "give `text` (an objective or a list) or `row` (who, what, when, measure)",
            ));
        }
    };
    if texts.is_empty() {
        return Err(ApiError::bad_request(
            "`text` is an empty list: give at least one objective",
        ));
    }
    let mut out = Vec::with_capacity(texts.len());
    for (i, text) in texts.into_iter().enumerate() {
        let at = if many {
            format!("text[{i}]")
        } else {
            "text".to_string()
        };
        if text.trim().is_empty() {
            return Err(ApiError::bad_request(format!(
                "{at} is empty: give an objective"
            )));
        }
        if text.len() > MAX_OBJECTIVE_BYTES {
            return Err(ApiError::new(
                axum::http::StatusCode::PAYLOAD_TOO_LARGE,
                format!(
                    "{at} is {} bytes; one objective may be at most {MAX_OBJECTIVE_BYTES}",
                    text.len()
                ),
            ));
        }
        out.push(Objective {
            text,
            concern: request.concern.clone().filter(|c| !c.trim().is_empty()),
            plan_kind: plan_kind.clone(),
        });
    }
    Ok((out, many))
}

/// The request's JSON, or a 400/415/422 that says what is wrong with it.
fn body(request: Result<Json<Request>, JsonRejection>) -> Result<Request, ApiError> {
    request
        .map(|Json(r)| r)
        .map_err(|e| ApiError::new(e.status(), e.body_text()))
}

fn answer(items: Vec<Value>, many: bool) -> Json<Value> {
    Json(if many {
        Value::Array(items)
    } else {
        items.into_iter().next().unwrap_or(Value::Null)
    })
}

/// `POST /api/check`: each objective's judgment, as `smarten check --format json`.
pub async fn check(
    State(engine): State<Arc<Engine>>,
    request: Result<Json<Request>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let request = body(request)?;
    let (objectives, many) = objectives(&request)?;
    let suggest = request.suggest;
    let items = engine
        .run(move |e| {
            objectives
                .iter()
                .map(|o| {
                    let j = e.check(o);
                    let suggestion = (suggest && !j.smart).then(|| e.rewrite(o));
                    crate::rewrite::judgment_json(&j, suggestion.as_ref())
                })
                .collect::<Vec<_>>()
        })
        .await?;
    Ok(answer(items, many))
}

/// `POST /api/rewrite`: each objective's rewrite, as `smarten rewrite --format json`.
pub async fn rewrite(
    State(engine): State<Arc<Engine>>,
    request: Result<Json<Request>, JsonRejection>,
) -> Result<Json<Value>, ApiError> {
    let request = body(request)?;
    let (objectives, many) = objectives(&request)?;
    let items = engine
        .run(move |e| {
            objectives
                .iter()
                .map(|o| serde_json::to_value(e.rewrite(o)).unwrap_or(Value::Null))
                .collect::<Vec<_>>()
        })
        .await?;
    Ok(answer(items, many))
}

/// `GET /api/rules`: every rule with its id, letter, summary and guidance.
pub async fn rules() -> Json<Value> {
    let rules: Vec<Value> = crate::core::rules::all()
        .iter()
        .map(|r| {
            json!({
                "id": r.id(),
                "criterion": r.criterion(),
                "name": r.criterion().name(),
                "summary": r.summary(),
                "guidance": r.guidance(),
            })
        })
        .collect();
    Json(Value::Array(rules))
}

/// `GET /healthz`: the server is up and its models are loaded.
pub async fn healthz(State(engine): State<Arc<Engine>>) -> Json<Value> {
    Json(json!({ "status": "ok", "model": engine.rewriter.model_name() }))
}

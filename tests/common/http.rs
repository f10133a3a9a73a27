//! Requests to the server's router in process, for the server's tests.

use super::checker;
use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use serde_json::Value;
use smarten::rewrite::Rewriter;
use smarten::serve::{router, Engine, Options};
use std::sync::Arc;
use tower::ServiceExt;

pub fn app() -> Router {
    let options = Options::for_host("127.0.0.1");
    app_with(&options)
}

pub fn app_with(options: &Options) -> Router {
    app_remembering(options, smarten::serve::DEFAULT_MEMO_ENTRIES)
}

/// A router whose `/v2/check` remembers this many lines (0: none).
pub fn app_remembering(options: &Options, lines: usize) -> Router {
    let engine =
        Arc::new(Engine::new(checker(), Rewriter::new(checker(), None), 2).with_memo(lines));
    router(engine, options)
}

/// Sends `request` and returns the status, the headers and the body as JSON
/// (or as a string when it is not JSON).
pub async fn send(app: Router, request: Request<Body>) -> (StatusCode, header::HeaderMap, Value) {
    let response = app.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    let body = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&bytes).to_string()));
    (status, headers, body)
}

pub fn post(path: &str, content_type: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(path)
        .header(header::HOST, "127.0.0.1:8675")
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .unwrap()
}

pub fn post_json(path: &str, body: Value) -> Request<Body> {
    post(path, "application/json", body.to_string())
}

pub fn get(path: &str) -> Request<Body> {
    Request::get(path)
        .header(header::HOST, "localhost:8675")
        .body(Body::empty())
        .unwrap()
}

pub fn error_message(body: &Value) -> &str {
    body["error"]["message"].as_str().unwrap_or_default()
}

/// The status and the body as text.
pub async fn body_text(app: Router, request: Request<Body>) -> (StatusCode, String) {
    let response = app.oneshot(request).await.unwrap();
    let status = response.status();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    (status, String::from_utf8_lossy(&bytes).to_string())
}

//! The server's pages: `/` (the checker page, with its CSS and JavaScript
//! built into the binary) and `/rules/<id>`, which explains a rule (the page
//! the LanguageTool matches link to).

use super::ApiError;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};

/// `GET /rules/<id>`.
pub async fn rule(Path(id): Path<String>) -> Result<Html<String>, ApiError> {
    let id = id.trim().to_ascii_lowercase().replace('_', "-");
    crate::report::rule::page(&id)
        .map(Html)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no rule '{id}'")))
}

/// The page's files, built into the binary: nothing is fetched from elsewhere.
const INDEX: &str = include_str!("assets/index.html");
const CSS: &str = include_str!("assets/page.css");
const JS: &str = include_str!("assets/page.js");

/// Only this server's own files may load, and the page may not be framed.
const POLICY: &str =
    "default-src 'self'; connect-src 'self' blob:; frame-ancestors 'none'; form-action 'self'";

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_SECURITY_POLICY, POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

/// `GET /`: the page.
pub async fn index() -> Response {
    asset("text/html; charset=utf-8", INDEX)
}

/// `GET /assets/page.css`.
pub async fn css() -> Response {
    asset("text/css; charset=utf-8", CSS)
}

/// `GET /assets/page.js`.
pub async fn js() -> Response {
    asset("text/javascript; charset=utf-8", JS)
}

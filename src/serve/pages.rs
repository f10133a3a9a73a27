//! The server's HTML pages: `/rules/<id>` explains a rule (the page the
//! LanguageTool matches link to).

use super::ApiError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Html;

/// `GET /rules/<id>`.
pub async fn rule(Path(id): Path<String>) -> Result<Html<String>, ApiError> {
    let id = id.trim().to_ascii_lowercase().replace('_', "-");
    crate::report::rule::page(&id)
        .map(Html)
        .ok_or_else(|| ApiError::new(StatusCode::NOT_FOUND, format!("no rule '{id}'")))
}

//! `POST /api/mark`: marks a training exercise ("Is it SMART? Tick it, or
//! re-word it") from uploaded files, as `smarten mark` does.

use super::audit::safe_name;
use super::{ApiError, Engine};
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::StatusCode;
use serde_json::json;
use std::sync::Arc;

/// `POST /api/mark`: a training exercise (`exercise`: TOML, CSV or XLSX) and
/// a class's answers (`answers`: CSV, XLSX or JSONL) as multipart form data.
/// The answer is the class summary as `smarten mark` prints it, every mark,
/// and the class report.
pub async fn mark(
    State(engine): State<Arc<Engine>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    let mut multipart = multipart.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let dir = tempfile::tempdir()
        .map_err(|e| ApiError::internal(format!("no room for the upload: {e}")))?;
    let (mut exercise, mut answers) = (None, None);
    while let Some(field) = multipart.next_field().await.map_err(|e| {
        ApiError::new(
            e.status(),
            format!("the upload is malformed: {}", e.body_text()),
        )
    })? {
        let role = field.name().unwrap_or_default().to_string();
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        let allowed: &[&str] = match role.as_str() {
            "exercise" => &["toml", "csv", "tsv", "xlsx"],
            "answers" => &["csv", "tsv", "xlsx", "jsonl"],
            _ => continue,
        };
        // Each in a folder of its own, under the user's own (cleaned) name.
        let safe = safe_name(&name, "", allowed)?;
        let bytes = field.bytes().await.map_err(|e| {
            ApiError::new(
                e.status(),
                format!("'{name}' did not arrive whole: {}", e.body_text()),
            )
        })?;
        let folder = dir.path().join(&role);
        tokio::fs::create_dir_all(&folder)
            .await
            .map_err(|e| ApiError::internal(format!("no room for '{name}': {e}")))?;
        let path = folder.join(safe);
        tokio::fs::write(&path, &bytes)
            .await
            .map_err(|e| ApiError::internal(format!("could not keep '{name}': {e}")))?;
        if role == "exercise" {
            exercise = Some(path);
        } else {
            answers = Some(path);
        }
    }
    let (Some(exercise), Some(answers)) = (exercise, answers) else {
        return Err(ApiError::bad_request(
            "give two files: 'exercise' (TOML, CSV or XLSX) and 'answers' (CSV, XLSX or JSONL)",
        ));
    };
    let folder = dir.path().display().to_string();
    let value = engine
        .run(move |e| {
            let _dir = dir;
            let unprocessable = |err: crate::mark::MarkError| {
                ApiError::new(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    user_names(&folder, err.to_string()),
                )
            };
            let exercise = crate::mark::files::read_exercise(&exercise).map_err(unprocessable)?;
            let marker = crate::mark::Marker {
                checker: e.checker,
                rewriter: &e.rewriter,
                encoder: e.encoder,
            };
            let class = crate::mark::files::mark_answers(&marker, &exercise, &answers, None)
                .map_err(unprocessable)?;
            let report = crate::report::class::html(
                Some(&exercise),
                &class.marks,
                Some(&class.summary),
                None,
            );
            let value = json!({
                "summary": crate::mark::files::summary_text(&class.summary, &class.origin),
                "marks": class.marks,
                "report": report,
            });
            serde_json::from_str(&user_names(&folder, value.to_string()))
                .map_err(|e| ApiError::internal(e.to_string()))
        })
        .await??;
    Ok(axum::Json(value))
}

/// `text` with the server's folder taken out of every file name: names in an
/// answer are the user's.
fn user_names(folder: &str, text: String) -> String {
    text.replace(&format!("{folder}/answers/"), "")
        .replace(&format!("{folder}/exercise/"), "")
}

//! `POST /api/audit`: plan files uploaded as multipart form data (CSV, TSV,
//! XLSX, DOCX, JSONL or TXT) are audited as `smarten audit` audits them. The
//! answer is a stream of Server-Sent Events: `progress` events
//! (`{"done", "total", "file"}`), then one `result` event with the summary
//! (as the CLI prints it), the records and the HTML report; an `error` event
//! if the audit stops. Uploads live in a temporary folder only this request
//! knows, named by the server, and are gone when the request ends.

use super::{ApiError, Engine};
use crate::audit::{Auditor, Progress, RowRecord};
use crate::rewrite::Rewriter;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::sse::{Event, KeepAlive, Sse};
use serde_json::json;
use std::convert::Infallible;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tokio::sync::mpsc;
use tokio_stream::wrappers::UnboundedReceiverStream;

/// The default cap on an upload's size.
pub const DEFAULT_MAX_UPLOAD: usize = 50 * 1024 * 1024;
/// The kinds of file an audit reads, by extension.
const PLAN_FILES: &[&str] = &["csv", "tsv", "xlsx", "docx", "jsonl", "txt"];

/// A safe file name for an upload: `prefix`, then its base name with only
/// letters, digits, dots, dashes and underscores; its extension must be one of
/// `allowed`.
pub(super) fn safe_name(name: &str, prefix: &str, allowed: &[&str]) -> Result<String, ApiError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let clean: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let extension = Path::new(&clean)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !allowed.contains(&extension.as_str()) {
        return Err(ApiError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            format!(
                "'{base}' is not a file smarten reads here: give {}",
                allowed.join(", ")
            ),
        ));
    }
    Ok(format!("{prefix}{}", clean.trim_start_matches('.')))
}

/// Progress sent as events, every few rows.
struct Events {
    tx: mpsc::UnboundedSender<Result<Event, Infallible>>,
    done: AtomicU64,
    total: AtomicU64,
}

impl Events {
    fn send(&self, file: Option<&str>) {
        let data = json!({
            "done": self.done.load(Ordering::Relaxed),
            "total": self.total.load(Ordering::Relaxed),
            "file": file,
        });
        let _ = self.tx.send(Ok(Event::default()
            .event("progress")
            .data(data.to_string())));
    }
}

impl Progress for Events {
    fn file(&self, path: &Path) {
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        // The server's "NN-" prefix is not the user's file name.
        self.send(Some(name.get(3..).unwrap_or(name)));
    }
    fn rows_found(&self, rows: u64) {
        self.total.fetch_add(rows, Ordering::Relaxed);
    }
    fn row_done(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if done % 25 == 0 || done == self.total.load(Ordering::Relaxed) {
            self.send(None);
        }
    }
}

/// Saves every uploaded file into `dir`; returns their paths.
async fn save_uploads(mut multipart: Multipart, dir: &Path) -> Result<Vec<PathBuf>, ApiError> {
    let mut paths = Vec::new();
    loop {
        let field = multipart.next_field().await.map_err(|e| {
            ApiError::new(
                e.status(),
                format!("the upload is malformed: {}", e.body_text()),
            )
        })?;
        let Some(field) = field else { break };
        let Some(name) = field.file_name().map(str::to_string) else {
            continue;
        };
        let safe = safe_name(&name, &format!("{:02}-", paths.len()), PLAN_FILES)?;
        let bytes = field.bytes().await.map_err(|e| {
            ApiError::new(
                e.status(),
                format!("'{name}' did not arrive whole: {}", e.body_text()),
            )
        })?;
        let path = dir.join(safe);
        tokio::fs::write(&path, &bytes).await.map_err(|e| {
            ApiError::internal(format!("could not keep '{name}' for the audit: {e}"))
        })?;
        paths.push(path);
    }
    if paths.is_empty() {
        return Err(ApiError::bad_request(
            "no plan file in the upload: send files as multipart form data",
        ));
    }
    Ok(paths)
}

pub async fn audit(
    State(engine): State<Arc<Engine>>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<impl axum::response::IntoResponse, ApiError> {
    let multipart = multipart.map_err(|e| ApiError::new(e.status(), e.body_text()))?;
    let dir = tempfile::tempdir()
        .map_err(|e| ApiError::internal(format!("no room for the upload: {e}")))?;
    let paths = save_uploads(multipart, dir.path()).await?;
    let (tx, rx) = mpsc::unbounded_channel();
    let events = Events {
        tx: tx.clone(),
        done: AtomicU64::new(0),
        total: AtomicU64::new(0),
    };
    let job = engine.clone();
    tokio::spawn(async move {
        let result = job
            .run(move |e| {
                // The folder lives until the audit is done, then goes.
                let _dir = dir;
                audit_files(e, &paths, &events)
            })
            .await;
        let event = match result {
            Ok(Ok(value)) => Event::default().event("result").data(value.to_string()),
            Ok(Err(message)) | Err(ApiError { message, .. }) => Event::default()
                .event("error")
                .data(json!({ "message": message }).to_string()),
        };
        let _ = tx.send(Ok(event));
    });
    Ok(Sse::new(UnboundedReceiverStream::new(rx)).keep_alive(KeepAlive::default()))
}

/// The audit of `paths`: the summary, the records and the report, as JSON.
fn audit_files(
    engine: &Engine,
    paths: &[PathBuf],
    events: &Events,
) -> Result<serde_json::Value, String> {
    let checker = engine.checker;
    // Bulk rewrites, as `smarten audit` makes them.
    let rewriter = Rewriter::new(checker, None)
        .with_nearest(1)
        .best_only()
        .recheck_in_pieces();
    let auditor = Auditor::new(checker, Some(&rewriter), engine.encoder);
    let options = crate::audit::Options {
        columns: Default::default(),
        keep_rewrites: true,
        read: Default::default(),
        baseline: Default::default(),
    };
    let mut records: Vec<RowRecord> = Vec::new();
    let summary = crate::audit::run(&auditor, paths, &options, &mut records, events)
        .map_err(|e| e.to_string())?;
    let mut report = Vec::new();
    crate::report::audit::write_html(
        &mut report,
        &summary.report_data(),
        summary.book.reports(checker.lexicon()),
        |p| summary.book.not_smart_actions(p),
    )
    .map_err(|e| e.to_string())?;
    // File names in the answer are the user's, not the server's folder.
    let dir = paths
        .first()
        .and_then(|p| p.parent())
        .map(|d| format!("{}/", d.display()))
        .unwrap_or_default();
    let unprefix = |text: String| {
        let mut out = text.replace(&dir, "");
        for name in paths
            .iter()
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()))
        {
            out = out.replace(name, name.get(3..).unwrap_or(name));
        }
        out
    };
    let records: Vec<serde_json::Value> = records
        .iter()
        .map(|r| {
            let text = serde_json::to_string(r).unwrap_or_default();
            serde_json::from_str(&unprefix(text)).unwrap_or(serde_json::Value::Null)
        })
        .collect();
    Ok(json!({
        "summary": unprefix(summary.text()),
        "any_not_smart": summary.any_not_smart(),
        "failed": summary.failed(),
        "records": records,
        "report": unprefix(String::from_utf8_lossy(&report).to_string()),
    }))
}

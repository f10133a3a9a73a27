//! `smarten serve`'s uploads: plan files audited with progress as Server-Sent
//! Events, and training exercises marked, with their errors.

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::http::{app, app_with, body_text, error_message, post, post_json, send};
use serde_json::{json, Value};
use smarten::serve::Options;
use tower::ServiceExt;

fn events(body: &str) -> Vec<(String, Value)> {
    let mut out = Vec::new();
    let mut event = String::new();
    for line in body.lines() {
        if let Some(e) = line.strip_prefix("event:") {
            event = e.trim().to_string();
        } else if let Some(d) = line.strip_prefix("data:") {
            out.push((event.clone(), serde_json::from_str(d.trim()).unwrap()));
        }
    }
    out
}

fn multipart(files: &[(&str, &[u8])]) -> Request<Body> {
    let boundary = "smarten-test-boundary";
    let mut body = Vec::new();
    for (name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    post(
        "/api/audit",
        &format!("multipart/form-data; boundary={boundary}"),
        body,
    )
}

#[tokio::test]
async fn the_audit_event_stream_is_never_compressed() {
    let mut request = multipart(&[(
        "plan.csv",
        b"Who,Action\nMum,Walk Amy to school by 8.45am every school day\n",
    )]);
    request
        .headers_mut()
        .insert(header::ACCEPT_ENCODING, "gzip".parse().unwrap());
    let response = app().oneshot(request).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[header::CONTENT_TYPE],
        "text/event-stream"
    );
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
}

#[tokio::test]
async fn an_uploaded_plan_is_audited_with_progress_records_and_report() {
    let csv = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("data/examples/plans/hughes-2026-01-12.csv"),
    )
    .unwrap();
    let rows = String::from_utf8_lossy(&csv)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    let (status, body) = body_text(
        app(),
        multipart(&[("../../etc/hughes-2026-01-12.csv", &csv)]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let sent = events(&body);
    let (last, result) = sent.last().unwrap();
    assert_eq!(last, "result", "{body}");
    assert!(sent
        .iter()
        .any(|(e, d)| e == "progress" && d["done"] == d["total"] && d["total"].as_u64() > Some(0)));
    let summary = result["summary"].as_str().unwrap();
    assert!(summary.starts_with("audited 1 file"), "{summary}");
    // Names are the user's base name, never the server's folder.
    assert!(
        !body.contains("/tmp") && !body.contains("etc/"),
        "{summary}"
    );
    assert_eq!(
        result["records"].as_array().unwrap().len(),
        rows,
        "{summary}"
    );
    assert!(result["report"].as_str().unwrap().contains("<html"));
    assert_eq!(result["any_not_smart"], true);

    // A corrupt workbook is named in the result; the rest of the upload is audited.
    let (status, body) = body_text(
        app(),
        multipart(&[("broken.xlsx", b"not a zip at all"), ("plan.csv", &csv)]),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let result = events(&body).pop().unwrap().1;
    assert!(
        result["summary"]
            .as_str()
            .unwrap()
            .contains("could not read: broken.xlsx"),
        "{result}"
    );
    assert_eq!(result["failed"], true);
    assert_eq!(result["records"].as_array().unwrap().len(), rows);
}

#[tokio::test]
async fn bad_uploads_get_a_json_error() {
    let (status, body) = body_text(app(), multipart(&[("notes.pdf", b"%PDF")])).await;
    assert_eq!(status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{body}");
    let truncated = post(
        "/api/audit",
        "multipart/form-data; boundary=xyz",
        "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nabc",
    );
    let (status, body) = body_text(app(), truncated).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _) = body_text(app(), post_json("/api/audit", json!({ "text": "x" }))).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, body) = body_text(app(), multipart(&[])).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let mut options = Options::for_host("127.0.0.1");
    options.max_upload = 1000;
    let (status, body) =
        body_text(app_with(&options), multipart(&[("big.csv", &[b'a'; 5000])])).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(body.contains("\"status\":413"), "{body}");
}

fn multipart_named(files: &[(&str, &str, &[u8])]) -> Request<Body> {
    let boundary = "smarten-test-boundary";
    let mut body = Vec::new();
    for (field, name, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\n\r\n").as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    post(
        "/api/mark",
        &format!("multipart/form-data; boundary={boundary}"),
        body,
    )
}

#[tokio::test]
async fn an_exercise_is_marked_as_the_cli_marks_it() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let exercise = std::fs::read(root.join("data/exercises/is-it-smart.toml")).unwrap();
    let answers = std::fs::read(root.join("data/exercises/sample-class/answers.csv")).unwrap();
    let (status, _, body) = send(
        app(),
        multipart_named(&[
            ("exercise", "is-it-smart.toml", &exercise),
            ("answers", "answers.csv", &answers),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rows = String::from_utf8_lossy(&answers)
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(body["marks"].as_array().unwrap().len(), rows);
    let summary = body["summary"].as_str().unwrap();
    assert!(
        summary.starts_with(&format!("answers.csv: {rows} answer rows")),
        "{summary}"
    );
    assert!(summary.contains("ticks right:"), "{summary}");
    assert!(
        !body.to_string().contains("/tmp"),
        "the server's folder leaks"
    );
    assert!(body["report"].as_str().unwrap().contains("Is it SMART?"));

    // One file only, or an exercise that is not one: a JSON error.
    let (status, _, body) = send(
        app(),
        multipart_named(&[("answers", "answers.csv", &answers)]),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
    let (status, _, body) = send(
        app(),
        multipart_named(&[
            ("exercise", "ex.toml", b"title = [broken"),
            ("answers", "answers.csv", &answers),
        ]),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert!(error_message(&body).contains("ex.toml"), "{body}");
    assert!(!error_message(&body).contains("/tmp"), "{body}");
}

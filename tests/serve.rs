//! `smarten serve` on real requests: the JSON API's contract and errors, the
//! Host check, the body limits, CORS, the LanguageTool-compatible endpoint
//! with UTF-16 offsets, the rule pages, and a real server on loopback that
//! keeps serving after bad requests. Model-free (rewrites ranked by overlap).

mod common;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use common::checker;
use common::http::{app, app_remembering, app_with, error_message, get, post, post_json, send};
use http_body_util::BodyExt;
use serde_json::{json, Value};
use smarten::serve::Options;
use smarten::Objective;
use tower::ServiceExt;

#[tokio::test]
async fn check_answers_as_the_cli_does() {
    let text = "Mum to engage with services ongoing";
    let (status, _, body) = send(app(), post_json("/api/check", json!({ "text": text }))).await;
    assert_eq!(status, StatusCode::OK);
    let expected = smarten::rewrite::judgment_json(&checker().check(&Objective::new(text)), None);
    assert_eq!(body, expected);
    for letter in ["S", "M", "T"] {
        assert_eq!(
            body["criteria"][letter]["verdict"], "fail",
            "{letter}: {body}"
        );
    }
    // Many objectives: an array, in order; with suggest, a rewrite for each that is not SMART.
    let texts = [
        text,
        "Sam will attend school on 9 of 10 days each fortnight until 31 March 2027",
    ];
    let (status, _, body) = send(
        app(),
        post_json("/api/check", json!({ "text": texts, "suggest": true })),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let items = body.as_array().expect("an array for a list");
    assert_eq!(items.len(), 2);
    assert!(items[0]["suggestion"]["rewrite"]
        .as_str()
        .unwrap()
        .contains("[by when]"));
    assert_eq!(items[1]["smart"], true, "{}", items[1]);
    assert!(items[1].get("suggestion").is_none());
}

#[tokio::test]
async fn rewrite_concern_and_plan_kind_are_used() {
    let (status, _, body) = send(
        app(),
        post_json(
            "/api/rewrite",
            json!({ "text": "Mum to engage with services ongoing", "concern": "school attendance", "plan_kind": "child-protection" }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let rewrite = body["rewrite"].as_str().unwrap();
    assert!(rewrite.starts_with("Mum will "), "{rewrite}");
    assert!(!body["placeholders"].as_array().unwrap().is_empty());
    assert_eq!(body["before"]["S"]["verdict"], "fail");

    let (status, _, body) = send(
        app(),
        post_json(
            "/api/check",
            json!({ "text": "Mum to engage", "plan_kind": "tea-party" }),
        ),
    )
    .await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(error_message(&body).contains("tea-party"), "{body}");
}

#[tokio::test]
async fn bad_requests_get_a_json_error_with_a_status() {
    let cases: Vec<(Request<Body>, StatusCode)> = vec![
        (
            post("/api/check", "text/plain", "Mum to engage"),
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ),
        (
            post("/api/check", "application/json", "{\"text\": "),
            StatusCode::BAD_REQUEST,
        ),
        (
            post(
                "/api/check",
                "application/json",
                vec![0x7b, 0xff, 0xfe, 0x7d],
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            post("/api/check", "application/json", ""),
            StatusCode::BAD_REQUEST,
        ),
        (
            post_json("/api/check", json!({ "words": "Mum" })),
            StatusCode::UNPROCESSABLE_ENTITY,
        ),
        (
            post_json("/api/check", json!({ "text": "   " })),
            StatusCode::BAD_REQUEST,
        ),
        (
            post_json("/api/check", json!({ "text": [] })),
            StatusCode::BAD_REQUEST,
        ),
        (
            post_json("/api/check", json!({ "text": "x".repeat(5000) })),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (
            post_json("/api/check", json!({ "text": "a ".repeat(40_000) })),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
        (get("/api/check"), StatusCode::METHOD_NOT_ALLOWED),
        (get("/no/such/page"), StatusCode::NOT_FOUND),
        (
            post(
                "/v2/check",
                "application/x-www-form-urlencoded",
                "language=en-GB",
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            post(
                "/v2/check",
                "application/x-www-form-urlencoded",
                "text=Hallo&language=de-DE",
            ),
            StatusCode::BAD_REQUEST,
        ),
        (
            post(
                "/v2/check",
                "application/x-www-form-urlencoded",
                "data=%7Bnot%20json",
            ),
            StatusCode::BAD_REQUEST,
        ),
    ];
    for (request, expected) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let (status, headers, body) = send(app(), request).await;
        assert_eq!(status, expected, "{what}: {body}");
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with("application/json"),
            "{what}: {headers:?}"
        );
        assert_eq!(body["error"]["status"], expected.as_u16(), "{what}: {body}");
        assert!(!error_message(&body).is_empty(), "{what}: {body}");
    }
}

#[tokio::test]
async fn a_host_that_is_not_this_server_gets_403() {
    for host in [
        "evil.example",
        "evil.example:8675",
        "127.0.0.1.evil.example",
    ] {
        let request = Request::get("/healthz")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        let (status, _, body) = send(app(), request).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{host}: {body}");
    }
    let no_host = Request::get("/healthz").body(Body::empty()).unwrap();
    assert_eq!(send(app(), no_host).await.0, StatusCode::FORBIDDEN);
    for host in ["localhost", "127.0.0.1:9", "[::1]:8675"] {
        let request = Request::get("/healthz")
            .header(header::HOST, host)
            .body(Body::empty())
            .unwrap();
        assert_eq!(send(app(), request).await.0, StatusCode::OK, "{host}");
    }
    // A server bound to a name answers to it.
    let options = Options::for_host("smarten.lan");
    let request = Request::get("/healthz")
        .header(header::HOST, "smarten.lan:8675")
        .body(Body::empty())
        .unwrap();
    assert_eq!(send(app_with(&options), request).await.0, StatusCode::OK);
}

#[tokio::test]
async fn the_body_limit_can_be_set() {
    let mut options = Options::for_host("127.0.0.1");
    options.max_body = 50;
    let (status, _, body) = send(
        app_with(&options),
        post_json("/api/check", json!({ "text": "Mum will attend the weekly parenting group every Tuesday until 31 March" })),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE, "{body}");
    assert!(error_message(&body).contains("limit"), "{body}");
}

#[tokio::test]
async fn cors_is_open_for_languagetool_and_closed_for_the_api() {
    let with_origin = |path: &str| {
        Request::get(path)
            .header(header::HOST, "127.0.0.1:8675")
            .header(header::ORIGIN, "https://forms.example")
            .body(Body::empty())
            .unwrap()
    };
    let (_, headers, _) = send(app(), with_origin("/v2/languages")).await;
    assert_eq!(headers[header::ACCESS_CONTROL_ALLOW_ORIGIN], "*");
    let (_, headers, _) = send(app(), with_origin("/api/rules")).await;
    assert!(headers.get(header::ACCESS_CONTROL_ALLOW_ORIGIN).is_none());
}

/// The text a LanguageTool match covers, read the way its clients read it: in
/// UTF-16 code units.
fn covered(text: &str, m: &Value) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let offset = m["offset"].as_u64().unwrap() as usize;
    let length = m["length"].as_u64().unwrap() as usize;
    String::from_utf16(&units[offset..offset + length]).unwrap()
}

#[tokio::test]
async fn languagetool_matches_cover_the_finding_in_utf16_units() {
    let text = "Plan for Zoë 😀🎉:\nMum to engage with services ongoing\n\nZoë’s dad – to be more positive";
    let answer = languagetool(&[("language", "en-GB"), ("text", text)]).await;
    assert_eq!(answer["software"]["name"], "smarten");
    assert_eq!(answer["language"]["code"], "en-GB");
    let matches = answer["matches"].as_array().unwrap();
    let rules = rule_ids(&answer);
    assert!(rules.contains(&"vague-verb".to_string()), "{rules:?}");
    assert!(rules.contains(&"SMART_REWRITE".to_string()), "{rules:?}");
    for m in matches {
        let id = m["rule"]["id"].as_str().unwrap();
        let line = m["sentence"].as_str().unwrap();
        assert!(text.contains(line), "{line}");
        // Every match covers words of its own line, and its context agrees.
        let words = covered(text, m);
        assert!(line.contains(&words), "{id}: '{words}' not in '{line}'");
        let ctx = &m["context"];
        assert_eq!(covered(ctx["text"].as_str().unwrap(), ctx), words, "{id}");
        assert!(
            ["S", "M", "A", "R", "T", "SMART"]
                .contains(&m["rule"]["category"]["id"].as_str().unwrap()),
            "{m}"
        );
        let url = m["rule"]["urls"][0]["value"].as_str().unwrap();
        assert!(url.starts_with("http://127.0.0.1:8675/rules/"), "{url}");
    }
    let engage = matches
        .iter()
        .find(|m| m["rule"]["id"] == "vague-verb")
        .unwrap();
    assert_eq!(covered(text, engage), "engage with");
    let rewrite = matches
        .iter()
        .find(|m| {
            m["rule"]["id"] == "SMART_REWRITE" && m["sentence"].as_str().unwrap().starts_with("Mum")
        })
        .unwrap();
    assert_eq!(
        covered(text, rewrite),
        "Mum to engage with services ongoing"
    );
    assert!(rewrite["replacements"][0]["value"]
        .as_str()
        .unwrap()
        .starts_with("Mum will "));

    // Rules switched off by id (either spelling) or by letter.
    let answer = languagetool(&[
        ("language", "en-GB"),
        ("disabledRules", "VAGUE_VERB,SMART_REWRITE"),
        ("disabledCategories", "T"),
        ("text", text),
    ])
    .await;
    let ids = rule_ids(&answer);
    assert!(
        !ids.contains(&"vague-verb".to_string()) && !ids.contains(&"SMART_REWRITE".to_string()),
        "{ids:?}"
    );
    assert!(answer["matches"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["rule"]["category"]["id"] != "T"));
    let answer = languagetool(&[
        ("language", "en"),
        ("enabledOnly", "true"),
        ("enabledRules", "no-timeframe"),
        ("text", "Mum to engage with services"),
    ])
    .await;
    assert_eq!(rule_ids(&answer), ["no-timeframe"]);
}

#[tokio::test]
async fn remembered_lines_answer_as_fresh_ones_where_they_now_stand() {
    let remembering = app();
    let forgetting = app_remembering(&Options::for_host("127.0.0.1"), 0);
    let before = "Mum to engage with services\nLeo will read for 10 minutes every evening this term\nDad to attend meetings";
    // The middle line edited shorter: the last line's matches move left.
    let after = "Mum to engage with services\nLeo will read\nDad to attend meetings";
    let text = |t| [("language", "en-GB"), ("text", t)];
    let first = languagetool_on(remembering.clone(), &text(before)).await;
    let again = languagetool_on(remembering.clone(), &text(before)).await;
    assert_eq!(first["matches"], again["matches"]);
    let edited = languagetool_on(remembering, &text(after)).await;
    let fresh = languagetool_on(forgetting, &text(after)).await;
    assert_eq!(edited["matches"], fresh["matches"]);
    let last_offset = |a: &Value| {
        a["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["offset"].as_u64().unwrap())
            .max()
            .unwrap()
    };
    assert!(last_offset(&edited) < last_offset(&first), "{edited}");
}

#[tokio::test]
async fn answers_are_gzipped_for_clients_that_ask() {
    use std::io::Read;
    let page = |encoding: Option<&str>| {
        let mut r = Request::get("/").header(header::HOST, "127.0.0.1:8675");
        if let Some(e) = encoding {
            r = r.header(header::ACCEPT_ENCODING, e);
        }
        r.body(Body::empty()).unwrap()
    };
    let response = app().oneshot(page(Some("gzip"))).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[header::CONTENT_ENCODING], "gzip");
    let zipped = response.into_body().collect().await.unwrap().to_bytes();
    let mut html = String::new();
    flate2::read::GzDecoder::new(&zipped[..])
        .read_to_string(&mut html)
        .unwrap();
    assert!(
        html.contains("<html") && html.len() > zipped.len(),
        "{}",
        html.len()
    );
    // A client that does not ask gets the page as it is.
    let response = app().oneshot(page(None)).await.unwrap();
    assert!(response.headers().get(header::CONTENT_ENCODING).is_none());
    let plain = response.into_body().collect().await.unwrap().to_bytes();
    assert_eq!(plain, html.as_bytes());
}

/// `/v2/check`'s answer to a form with these pairs.
async fn languagetool(pairs: &[(&str, &str)]) -> Value {
    languagetool_on(app(), pairs).await
}

/// `/v2/check`'s answer from `app` to a form with these pairs.
async fn languagetool_on(app: axum::Router, pairs: &[(&str, &str)]) -> Value {
    let request = post(
        "/v2/check",
        "application/x-www-form-urlencoded",
        form(pairs),
    );
    let (status, _, answer) = send(app, request).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer
}

/// The rule id of each match.
fn rule_ids(answer: &Value) -> Vec<String> {
    answer["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["rule"]["id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn annotated_data_offsets_count_the_markup() {
    let data = json!({ "annotation": [
        { "markup": "<p>" },
        { "text": "Mum to engage with services ongoing" },
        { "markup": "</p>", "interpretAs": "\n\n" },
    ]});
    let body = form(&[("language", "en-US"), ("data", &data.to_string())]);
    let (status, _, answer) = send(
        app(),
        post("/v2/check", "application/x-www-form-urlencoded", body),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let document = "<p>Mum to engage with services ongoing</p>";
    let engage = answer["matches"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["rule"]["id"] == "vague-verb")
        .unwrap();
    assert_eq!(covered(document, engage), "engage with");
}

#[tokio::test]
async fn rules_are_listed_and_explained() {
    let (status, _, body) = send(app(), get("/api/rules")).await;
    assert_eq!(status, StatusCode::OK);
    let rules = body.as_array().unwrap();
    assert_eq!(rules.len(), smarten::core::rules::all().len());
    assert!(rules
        .iter()
        .any(|r| r["id"] == "vague-verb" && r["criterion"] == "S"));
    let response = app().oneshot(get("/rules/VAGUE_VERB")).await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let html = String::from_utf8(
        response
            .into_body()
            .collect()
            .await
            .unwrap()
            .to_bytes()
            .to_vec(),
    )
    .unwrap();
    assert!(
        html.contains("vague-verb") && html.contains("Specific"),
        "{html}"
    );
    // Examples are escaped: no raw quote from an example breaks the markup.
    assert!(!html.contains("<li>'"), "{html}");
    assert_eq!(
        send(app(), get("/rules/no-such-rule")).await.0,
        StatusCode::NOT_FOUND
    );
}

#[test]
fn a_real_server_on_loopback_keeps_serving_after_bad_requests() {
    use std::io::{Read, Write};
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(smarten::serve::serve(listener, app()));
    let exchange = |request: &[u8]| -> String {
        let mut stream = std::net::TcpStream::connect(addr).unwrap();
        stream.write_all(request).unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).unwrap();
        answer
    };
    let broken = "{\"text\": \u{1}";
    let bad = exchange(
        format!(
            "POST /api/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{broken}",
            broken.len()
        )
        .as_bytes(),
    );
    assert!(bad.starts_with("HTTP/1.1 400"), "{bad}");
    let garbage = exchange(b"\x00\xff not http at all\r\n\r\n");
    assert!(!garbage.starts_with("HTTP/1.1 2"), "{garbage}");
    let body = json!({ "text": "Mum to engage with services ongoing" }).to_string();
    let good = exchange(
        format!(
            "POST /api/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .as_bytes(),
    );
    assert!(good.starts_with("HTTP/1.1 200"), "{good}");
    assert!(good.contains("\"smart\":false"), "{good}");
}

/// A form body from its pairs, as LanguageTool clients send it.
fn form(pairs: &[(&str, &str)]) -> String {
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

#[tokio::test]
async fn the_page_and_its_files_come_from_this_server_only() {
    for (path, kind) in [
        ("/", "text/html"),
        ("/assets/page.css", "text/css"),
        ("/assets/page.js", "text/javascript"),
    ] {
        let response = app().oneshot(get(path)).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers().clone();
        assert!(
            headers[header::CONTENT_TYPE]
                .to_str()
                .unwrap()
                .starts_with(kind),
            "{path}: {headers:?}"
        );
        assert!(headers[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap()
            .starts_with("default-src 'self'"));
        let body = response.into_body().collect().await.unwrap().to_bytes();
        let text = String::from_utf8(body.to_vec()).unwrap();
        // Nothing from elsewhere: no address outside this server.
        assert!(
            !text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"),
            "{path} names an outside address"
        );
    }
    let response = app().oneshot(get("/")).await.unwrap();
    let body = response.into_body().collect().await.unwrap().to_bytes();
    let html = String::from_utf8(body.to_vec()).unwrap();
    for needle in [
        "<label for=\"objective\">",
        "<textarea id=\"objective\"",
        "/assets/page.js",
        "lang=\"en\"",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
}

/// The events of a Server-Sent Events body: (event, data as JSON).
#[tokio::test]
async fn a_plan_row_is_checked_as_the_audit_composes_it() {
    let row =
        json!({ "who": "Mum", "what": "engage with services", "when": "ongoing", "measure": "" });
    let (status, _, body) = send(app(), post_json("/api/check", json!({ "row": row }))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let composed = smarten::audit::compose::compose("Mum", "engage with services", "ongoing", "");
    assert_eq!(body["text"], composed.as_str());
    assert_eq!(body["criteria"]["T"]["verdict"], "fail", "{body}");
    let (status, _, body) = send(app(), post_json("/api/rewrite", json!({ "row": row }))).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(
        body["rewrite"].as_str().unwrap().starts_with("Mum will "),
        "{body}"
    );
    for bad in [
        json!({ "row": { "who": "Mum" } }),
        json!({ "row": row, "text": "Mum to engage" }),
        json!({}),
    ] {
        let (status, _, body) = send(app(), post_json("/api/check", bad.clone())).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{bad}: {body}");
    }
}

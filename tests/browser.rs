//! The page in a real browser: Debian's chromium through chromium-driver
//! (installed by scripts/install-browser.sh, which `make test` runs). It
//! pastes a vague objective and sees S, M and T fail with the findings
//! underlined, fills each placeholder of the rewrite and sees every letter
//! pass, uploads the example plan and sees the summary and the report, marks
//! the sample class, checks a plan row at 360 px, opens the audit and class
//! reports the CLI writes, audits a plan file dropped onto the page, runs axe-core (from the npm registry) for serious or critical
//! accessibility violations, and saves screenshots under target/screenshots/.

mod common;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// chromedriver on a free loopback port, stopped when dropped.
struct Driver {
    child: Child,
    addr: SocketAddr,
}

impl Driver {
    /// Starts chromedriver and waits until it answers `/status` as ready. The
    /// free port is only reserved for a moment, so a server of a test running
    /// alongside may take it first: then chromedriver exits, and it is started
    /// again on another port.
    fn start() -> Self {
        for _ in 0..5 {
            if let Some(driver) = Self::try_start() {
                return driver;
            }
        }
        panic!("chromedriver did not start on any of 5 free ports");
    }

    fn try_start() -> Option<Self> {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect(
                "chromedriver is missing: run `bash scripts/install-browser.sh` (make test does)",
            );
        let addr: SocketAddr = format!("127.0.0.1:{port}").parse().unwrap();
        let mut driver = Driver { child, addr };
        let started = Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            if driver.child.try_wait().ok().flatten().is_some() {
                return None;
            }
            if chromedriver_ready(addr) {
                return Some(driver);
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        None
    }
}

/// True when chromedriver itself, not another listener, answers `/status`
/// at `addr` and says it is ready.
fn chromedriver_ready(addr: SocketAddr) -> bool {
    use std::io::{Read, Write};
    let Ok(mut stream) = TcpStream::connect(addr) else {
        return false;
    };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let request = format!("GET /status HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply.contains("\"ready\":true") || reply.contains("\"ready\": true")
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A server on loopback, chromedriver, and Chromium showing the page.
async fn page_on_loopback() -> (SocketAddr, Driver, Client) {
    let server = common::server_on_loopback();
    let driver = Driver::start();
    let c = browser(&driver, 1100).await;
    c.goto(&format!("http://{server}/")).await.unwrap();
    (server, driver, c)
}

async fn browser(driver: &Driver, width: u32) -> Client {
    browser_sized(driver, width, 1000).await
}

async fn browser_sized(driver: &Driver, width: u32, height: u32) -> Client {
    let mut caps = serde_json::map::Map::new();
    caps.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     format!("--window-size={width},{height}")],
        }),
    );
    ClientBuilder::rustls()
        .expect("a TLS configuration")
        .capabilities(caps)
        .connect(&format!("http://{}", driver.addr))
        .await
        .expect("chromium starts under chromedriver")
}

/// The text of each letter's badge in `scope` ("S: fail", ...).
async fn badges(c: &Client, scope: &str) -> Vec<String> {
    let mut out = Vec::new();
    for b in c
        .find_all(Locator::Css(&format!("{scope} .badge")))
        .await
        .unwrap()
    {
        out.push(b.text().await.unwrap());
    }
    out
}

/// Types `value` into the element at `css`.
async fn type_into(c: &Client, css: &str, value: &str) {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .send_keys(value)
        .await
        .unwrap();
}

/// Waits up to `seconds` for the element at `css`; `what` says what failed.
async fn wait_for(c: &Client, css: &str, seconds: u64, what: &str) {
    c.wait()
        .at_most(Duration::from_secs(seconds))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("{what}: {e}"));
}

/// The text of the element at `css`.
async fn text_of(c: &Client, css: &str) -> String {
    c.find(Locator::Css(css))
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

/// What to type into each placeholder, by its label.
fn fill_for(label: &str) -> &'static str {
    match label {
        "N of M" => "4 of 5",
        "by when" => "31 March 2027",
        "which" => "health visiting",
        "N" => "3",
        "how often" => "every week",
        "how measured" => "the attendance register",
        _ => "Sam Taylor",
    }
}

/// Saves a screenshot under target/screenshots/, and with SMARTEN_BLESS=1
/// also over the README's copy in tests/browser/.
fn screenshot(name: &str, png: &[u8]) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(name), png).unwrap();
    if std::env::var_os("SMARTEN_BLESS").is_some() {
        std::fs::write(root.join("tests/browser").join(name), png).unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_vague_objective_is_checked_rewritten_and_filled_in_a_real_browser() {
    let (server, driver, c) = page_on_loopback().await;
    type_into(&c, "#objective", "Mum to engage with services ongoing").await;
    type_into(
        &c,
        "#concern",
        "Mum does not take the children to their health appointments",
    )
    .await;
    c.find(Locator::Id("check"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "#o0-after", 20, "the result appears").await;

    // S, M and T fail; the findings are underlined and explained on focus.
    let before = badges(&c, "#results .result > ul.badges").await;
    for expected in ["S: fail", "M: fail", "T: fail", "A: pass", "R: pass"] {
        assert!(before.contains(&expected.to_string()), "{before:?}");
    }
    let marks = c
        .find_all(Locator::Css("#results .text mark"))
        .await
        .unwrap();
    assert!(!marks.is_empty(), "no finding is underlined");
    let mut underlined = Vec::new();
    for m in &marks {
        underlined.push(m.text().await.unwrap());
        assert!(m
            .attr("title")
            .await
            .unwrap()
            .is_some_and(|t| !t.is_empty()));
        assert_eq!(m.attr("tabindex").await.unwrap().as_deref(), Some("0"));
    }
    assert!(
        underlined.iter().any(|u| u.contains("engage")),
        "{underlined:?}"
    );
    screenshot("page-checked.png", &c.screenshot().await.unwrap());

    // Fill every placeholder: every letter turns to pass.
    let inputs = c
        .find_all(Locator::Css("#results input[data-placeholder]"))
        .await
        .unwrap();
    assert!(!inputs.is_empty(), "the rewrite has no placeholder to fill");
    for input in &inputs {
        let label = input.attr("data-placeholder").await.unwrap().unwrap();
        input.send_keys(fill_for(&label)).await.unwrap();
    }
    let started = Instant::now();
    let after = loop {
        let after = badges(&c, "#o0-after").await;
        if after.iter().all(|b| b.ends_with("pass")) && after.len() == 5 {
            break after;
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "the filled rewrite does not pass: {after:?}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    assert_eq!(after.len(), 5);
    screenshot("page-filled.png", &c.screenshot().await.unwrap());

    // Upload the example plan: the summary, then the report and the records.
    let plan =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/plans/hughes-2026-01-12.csv");
    type_into(&c, "#plan-files", plan.to_str().unwrap()).await;
    c.find(Locator::Id("audit"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let summary = one_file_audited(&c, "the audit finishes with a report").await;
    assert!(summary.contains("SMART:"), "{summary}");
    let report: Value = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; fetch(document.getElementById('open-report').href).then(r => r.text()).then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    assert!(
        report.as_str().unwrap().contains("SMART audit of plans")
            && report
                .as_str()
                .unwrap()
                .contains("Hughes (version 2026-01-12)"),
        "the report names the plan"
    );
    let progress: Value = c
        .execute(
            "const p = document.getElementById('audit-progress'); return [p.value, p.max];",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(progress[0], progress[1], "{progress}");
    screenshot_from(&c, "//*[@id='audit-h']", "page-audit.png").await;

    // Mark the sample class: the summary and the class report.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for (input, file) in [
        ("#exercise-file", "data/exercises/is-it-smart.toml"),
        ("#answers-file", "data/exercises/sample-class/answers.csv"),
    ] {
        type_into(&c, input, root.join(file).to_str().unwrap()).await;
    }
    c.find(Locator::Id("mark"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(
        &c,
        "#open-class-report",
        30,
        "the marking finishes with a class report",
    )
    .await;
    let marked = text_of(&c, "#mark-summary").await;
    assert!(marked.starts_with("answers.csv:"), "{marked}");
    assert!(marked.contains("ticks right:"), "{marked}");

    // axe-core: no serious or critical violation.
    let axe = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("target/axe/node_modules/axe-core/axe.min.js"),
    )
    .expect("axe-core is missing: run `bash scripts/install-browser.sh` (make test does)");
    c.execute(&axe, vec![]).await.unwrap();
    let result: Value = c
        .execute_async(
            "const done = arguments[arguments.length - 1]; axe.run(document).then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length}))));",
            vec![],
        )
        .await
        .unwrap();
    let serious: Vec<&Value> = result
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| matches!(v["impact"].as_str(), Some("serious" | "critical")))
        .collect();
    assert!(serious.is_empty(), "axe-core: {serious:#?}");
    c.close().await.unwrap();

    // A small screen: 360 px wide, no sideways scrolling.
    let c = browser(&driver, 360).await;
    c.goto(&format!("http://{server}/")).await.unwrap();
    let overflow: Value = c
        .execute(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth;",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(
        overflow,
        Value::Bool(false),
        "the page scrolls sideways at 360 px"
    );

    // A plan row instead of a sentence: composed, checked and rewritten.
    c.find(Locator::Css("#row-fields summary"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    for (id, value) in [
        ("#row-who", "Mum"),
        ("#row-what", "engage with services"),
        ("#row-when", "ongoing"),
    ] {
        type_into(&c, id, value).await;
    }
    c.find(Locator::Id("check"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for(&c, "#o0-after", 20, "the row's result appears").await;
    let text = text_of(&c, "#results .text").await;
    assert!(
        text.starts_with("Mum") && text.contains("engage with services"),
        "{text}"
    );
    let row_badges = badges(&c, "#results .result > ul.badges").await;
    assert!(
        row_badges.contains(&"T: fail".to_string()),
        "{row_badges:?}"
    );
    screenshot("page-360px.png", &c.screenshot().await.unwrap());
    c.close().await.unwrap();
}

/// Waits for the page's audit of one plan file to end with a report, and
/// returns its summary.
async fn one_file_audited(c: &Client, what: &str) -> String {
    wait_for(c, "#open-report", 60, what).await;
    let summary = text_of(c, "#audit-summary").await;
    assert!(summary.starts_with("audited 1 file"), "{summary}");
    summary
}

/// Scrolls the element at `xpath` to the top of the window and saves a
/// screenshot from there.
async fn screenshot_from(c: &Client, xpath: &str, name: &str) {
    let e = c.find(Locator::XPath(xpath)).await.unwrap();
    c.execute(
        "arguments[0].scrollIntoView();",
        vec![serde_json::to_value(e).unwrap()],
    )
    .await
    .unwrap();
    screenshot(name, &c.screenshot().await.unwrap());
}

/// Runs the smarten binary in the repository's folder (so reports name its
/// example files as a user there would), which must succeed or merely find
/// objectives that are not SMART (exit 1).
fn smarten_ok(args: &[&str]) {
    let out = Command::new(env!("CARGO_BIN_EXE_smarten"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "smarten {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// How many elements match `css`.
async fn count(c: &Client, css: &str) -> usize {
    c.find_all(Locator::Css(css)).await.unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_and_class_reports_render_in_a_real_browser() {
    let dir = tempfile::tempdir().unwrap();
    let path = |p: &str| p.to_string();
    let audit = dir.path().join("audit.html");
    let class = dir.path().join("class.html");
    smarten_ok(&[
        "audit",
        "-q",
        "--no-model",
        &path("data/examples/plans"),
        "--report",
        audit.to_str().unwrap(),
    ]);
    smarten_ok(&[
        "mark",
        "--no-model",
        "--exercise",
        &path("data/exercises/is-it-smart.toml"),
        "--answers",
        &path("data/exercises/sample-class/answers.csv"),
        "--before",
        &path("data/exercises/sample-class/confidence-before.csv"),
        "--after",
        &path("data/exercises/sample-class/confidence-after.csv"),
        "--report",
        class.to_str().unwrap(),
    ]);
    let driver = Driver::start();
    let c = browser_sized(&driver, 1100, 1500).await;

    // The audit report: the chart of failures per letter, the trend of the
    // plan reviewed twice (a dot per version), the rewrites' placeholders.
    c.goto(&format!("file://{}", audit.display()))
        .await
        .unwrap();
    assert_eq!(text_of(&c, "h1").await, "SMART audit of plans");
    assert_eq!(
        count(&c, "svg[aria-label='failures per letter'] rect").await,
        5
    );
    let trend = c
        .find(Locator::XPath(
            "//h2[.='Trend across reviews']/following-sibling::table[1]",
        ))
        .await
        .unwrap();
    assert!(trend
        .text()
        .await
        .unwrap()
        .contains("2026-01-12 to 2026-03-09 (2)"));
    let dots = trend.find_all(Locator::Css("svg circle")).await.unwrap();
    assert_eq!(dots.len(), 2);
    let dot_box = dots[0].rectangle().await.unwrap();
    assert!(
        dot_box.2 > 4.0 && dot_box.3 > 4.0,
        "the dots are drawn: {dot_box:?}"
    );
    assert!(
        count(&c, "span.ph").await > 0,
        "placeholders are highlighted"
    );
    screenshot("report-audit.png", &c.screenshot().await.unwrap());

    // The class report: the heat map with its legend, and the change in
    // confidence in plain words.
    c.goto(&format!("file://{}", class.display()))
        .await
        .unwrap();
    let body = text_of(&c, "body").await;
    for needle in ["Dan Wright", "could be anywhere from"] {
        assert!(body.contains(needle), "class report lacks '{needle}'");
    }
    let heat = c
        .find(Locator::Css("svg[aria-label^='heat map']"))
        .await
        .unwrap();
    let heat_text = heat.text().await.unwrap();
    for needle in ["score", "n/a", "Dan Wright"] {
        assert!(
            heat_text.contains(needle),
            "the heat map lacks '{needle}': {heat_text}"
        );
    }
    assert!(
        heat.rectangle().await.unwrap().2 > 200.0,
        "the heat map is drawn wide enough to read"
    );
    screenshot_from(&c, "//h2[starts-with(., 'Heat map')]", "report-class.png").await;
    c.close().await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_plan_file_dropped_on_the_page_is_audited() {
    let (_server, _driver, c) = page_on_loopback().await;
    let csv = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples/plans/hughes-2026-01-12.csv"),
    )
    .unwrap();
    // What a browser does when a file is dropped: a drop event whose
    // DataTransfer holds the file.
    c.execute(
        "const file = new File([arguments[0]], 'hughes-2026-01-12.csv', { type: 'text/csv' });
         const data = new DataTransfer();
         data.items.add(file);
         const section = document.getElementById('audit-h').closest('section');
         section.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
         window.seenDropping = section.classList.contains('dropping');
         section.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));",
        vec![json!(csv)],
    )
    .await
    .unwrap();
    let highlighted: Value = c
        .execute("return window.seenDropping;", vec![])
        .await
        .unwrap();
    assert_eq!(
        highlighted,
        Value::Bool(true),
        "the section shows where to drop"
    );
    one_file_audited(&c, "the dropped plan is audited").await;
    let chosen: Value = c
        .execute(
            "return [...document.getElementById('plan-files').files].map(f => f.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(chosen, json!(["hughes-2026-01-12.csv"]));
    c.close().await.unwrap();
}

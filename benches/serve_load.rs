//! Load on `smarten serve`'s LanguageTool endpoint: 50 concurrent clients
//! (SMARTEN_LOAD_CLIENTS changes it), each
//! on a kept-alive connection, post varied objectives (the dev statements) to
//! `/v2/check` on loopback for 20 seconds (SMARTEN_LOAD_SECONDS changes it).
//! It prints requests, errors, throughput and p50/p90/p99 latency. Target: no
//! errors, and p50 <= 30 ms warm on the project's 2-core machine. The server
//! remembers the lines it judged (as `smarten serve --cache-size`); with
//! SMARTEN_LOAD_CACHE=0 it remembers none, and every request is judged. The
//! MiniLM model ranks rewrites when it is installed, as in `smarten serve`.

use smarten::rewrite::Rewriter;
use smarten::serve::{router, Engine, Options};
use smarten::Checker;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Clients at once (SMARTEN_LOAD_CLIENTS changes it: 1 gives the unloaded latency).
fn clients() -> usize {
    std::env::var("SMARTEN_LOAD_CLIENTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(50)
}

fn objectives() -> Vec<String> {
    let dev =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/eval/statements-dev.jsonl");
    std::fs::read_to_string(dev)
        .expect("the dev statements")
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .collect()
}

/// The form body LanguageTool clients send.
fn form_body(text: &str) -> String {
    form_urlencoded::Serializer::new(String::new())
        .append_pair("language", "en-GB")
        .append_pair("text", text)
        .finish()
}

/// Sends one request on `stream` and reads its answer; returns the status.
fn exchange(
    reader: &mut BufReader<TcpStream>,
    addr: SocketAddr,
    body: &str,
) -> std::io::Result<u16> {
    let request = format!(
        "POST /v2/check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    reader.get_mut().write_all(request.as_bytes())?;
    let mut status_line = String::new();
    reader.read_line(&mut status_line)?;
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        reader.read_line(&mut line)?;
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body)?;
    Ok(status)
}

fn main() {
    // `cargo test --benches` runs benches as tests: only a real `cargo bench` loads the server.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let seconds: u64 = std::env::var("SMARTEN_LOAD_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
    let tokenizer =
        Arc::new(smarten::models::load_tokenizer().expect("nlprule model (run `make models`)"));
    let checker: &'static Checker =
        Box::leak(Box::new(Checker::new(tokenizer, &Default::default())));
    let encoder = smarten::models::load_embedder().ok();
    let model = if encoder.is_some() {
        "minilm"
    } else {
        "none (word overlap)"
    };
    let encoder: Option<&'static dyn smarten::core::similarity::Embed> =
        encoder.map(|e| &*Box::leak(e));
    smarten::models::single_threaded_blas();
    let options = Options::for_host("127.0.0.1");
    let memo = std::env::var("SMARTEN_LOAD_CACHE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(smarten::serve::DEFAULT_MEMO_ENTRIES);
    let engine = Arc::new(
        Engine::new(checker, Rewriter::new(checker, encoder), options.workers).with_memo(memo),
    );
    let app = router(engine, &options);
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    runtime.spawn(smarten::serve::serve(listener, app));

    let texts = Arc::new(objectives());
    // Warm up: every objective once.
    {
        let mut reader = BufReader::new(TcpStream::connect(addr).unwrap());
        for t in texts.iter() {
            exchange(&mut reader, addr, &form_body(t)).unwrap();
        }
    }
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let started = Instant::now();
    let clients = clients();
    let handles: Vec<_> = (0..clients)
        .map(|client| {
            let texts = Arc::clone(&texts);
            std::thread::spawn(move || {
                let mut latencies = Vec::new();
                let mut errors = 0usize;
                let mut reader = BufReader::new(TcpStream::connect(addr).unwrap());
                let mut i = client;
                while Instant::now() < deadline {
                    let text = &texts[i % texts.len()];
                    i += clients;
                    let body = form_body(text);
                    let t0 = Instant::now();
                    match exchange(&mut reader, addr, &body) {
                        Ok(200) => latencies.push(t0.elapsed()),
                        Ok(_) => errors += 1,
                        Err(_) => {
                            errors += 1;
                            reader = BufReader::new(TcpStream::connect(addr).unwrap());
                        }
                    }
                }
                (latencies, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for h in handles {
        let (l, e) = h.join().unwrap();
        latencies.extend(l);
        errors += e;
    }
    let elapsed = started.elapsed().as_secs_f64();
    latencies.sort();
    let at = |q: f64| {
        latencies[((latencies.len() as f64 - 1.0) * q).round() as usize].as_secs_f64() * 1000.0
    };
    println!(
        "serve_load: {clients} clients, {seconds} s on /v2/check (model: {model}; remembers {memo} lines): {} requests, {errors} errors, {:.0} requests/s; latency p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms",
        latencies.len(),
        latencies.len() as f64 / elapsed,
        at(0.5),
        at(0.9),
        at(0.99)
    );
}

//! `smarten serve`: a local web server over the same library calls as the CLI.
//! A JSON API (`api.rs`), file audits streamed as Server-Sent Events
//! (`audit.rs`), marking (`mark.rs`), a LanguageTool-compatible endpoint
//! (`languagetool.rs`) and the rule pages (`pages.rs`), behind a Host check
//! against DNS rebinding, body limits, a timeout and JSON errors (`guard.rs`).
//! The models are loaded once by the caller and shared; judging runs on the
//! blocking pool, at most one request per core at a time, the rest queue.

mod api;
mod audit;
mod guard;
mod languagetool;
mod mark;
mod memo;
mod pages;

use crate::core::check::{Checker, Objective};
use crate::core::finding::Judgment;
use crate::core::similarity::Embed;
use crate::rewrite::{Rewrite, Rewriter};
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

pub use audit::DEFAULT_MAX_UPLOAD;
pub use guard::ApiError;
pub use memo::DEFAULT_ENTRIES as DEFAULT_MEMO_ENTRIES;

/// The port `smarten serve` listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 8675;
/// The largest body `/api/check`, `/api/rewrite` and `/v2/check` accept.
pub const DEFAULT_MAX_BODY: usize = 64 * 1024;
/// How long one request may take before it gets 408.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Options {
    /// Host names the `Host` header may carry (with or without the port):
    /// always `127.0.0.1`, `localhost` and `[::1]`, plus the bound host.
    pub allowed_hosts: Vec<String>,
    pub max_body: usize,
    /// The largest upload `/api/audit` accepts.
    pub max_upload: usize,
    pub timeout: Duration,
    /// How many requests are judged at once; the rest queue.
    pub workers: usize,
}

impl Options {
    /// The options for a server bound to `host`.
    pub fn for_host(host: &str) -> Self {
        let mut allowed_hosts: Vec<String> = ["127.0.0.1", "localhost", "[::1]"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        if !allowed_hosts.iter().any(|h| h == host) {
            allowed_hosts.push(host.to_string());
        }
        Options {
            allowed_hosts,
            max_body: DEFAULT_MAX_BODY,
            max_upload: DEFAULT_MAX_UPLOAD,
            timeout: DEFAULT_TIMEOUT,
            workers: std::thread::available_parallelism().map_or(2, |n| n.get()),
        }
    }
}

/// What the handlers share: the checker and rewriter, loaded once.
pub struct Engine {
    checker: &'static Checker,
    rewriter: Rewriter<'static>,
    /// The sentence model, for relevance in audits and faithfulness in marking.
    encoder: Option<&'static dyn Embed>,
    permits: Semaphore,
    /// The LanguageTool endpoint's judgments of lines seen before.
    memo: memo::Memo,
}

impl Engine {
    pub fn new(checker: &'static Checker, rewriter: Rewriter<'static>, workers: usize) -> Self {
        Engine {
            checker,
            rewriter,
            encoder: None,
            permits: Semaphore::new(workers.max(1)),
            memo: memo::Memo::new(memo::DEFAULT_ENTRIES),
        }
    }

    /// Remembers the judgments of this many lines for `/v2/check` (0: none).
    pub fn with_memo(mut self, entries: usize) -> Self {
        self.memo = memo::Memo::new(entries);
        self
    }

    /// The sentence model for audits' relevance and marking's faithfulness.
    pub fn with_encoder(mut self, encoder: Option<&'static dyn Embed>) -> Self {
        self.encoder = encoder;
        self
    }

    /// Runs `job` on the blocking pool once a worker is free.
    async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        job: impl FnOnce(&Engine) -> T + Send + 'static,
    ) -> Result<T, ApiError> {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::unavailable("the server is shutting down"))?;
        let engine = Arc::clone(self);
        tokio::task::spawn_blocking(move || job(&engine))
            .await
            .map_err(|e| ApiError::internal(format!("the check stopped: {e}")))
    }

    fn check(&self, objective: &Objective) -> Judgment {
        self.checker.check(objective)
    }

    fn rewrite(&self, objective: &Objective) -> Rewrite {
        self.rewriter.rewrite(objective)
    }
}

/// The whole application: every route with its guards.
pub fn router(engine: Arc<Engine>, options: &Options) -> Router {
    let api = Router::new()
        .route("/api/check", post(api::check))
        .route("/api/rewrite", post(api::rewrite))
        .route("/api/rules", get(api::rules))
        .route("/healthz", get(api::healthz))
        .route("/", get(pages::index))
        .route("/assets/page.css", get(pages::css))
        .route("/assets/page.js", get(pages::js))
        .route("/rules/{id}", get(pages::rule))
        .route(
            "/api/audit",
            post(audit::audit).layer(DefaultBodyLimit::max(options.max_upload)),
        )
        .route(
            "/api/mark",
            post(mark::mark).layer(DefaultBodyLimit::max(options.max_upload)),
        );
    let languagetool = Router::new()
        .route(
            "/v2/check",
            post(languagetool::check_form).get(languagetool::check_query),
        )
        .route("/v2/languages", get(languagetool::languages))
        .layer(guard::any_origin());
    api.merge(languagetool)
        .fallback(guard::not_found)
        .with_state(engine)
        .layer(DefaultBodyLimit::max(options.max_body))
        .layer(axum::middleware::from_fn(guard::json_errors))
        .layer(guard::timeout(options.timeout))
        // gzip for clients that ask (never for the audit's event stream, which
        // must reach the page as it is written).
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(options.allowed_hosts.clone()),
            guard::check_host,
        ))
}

/// Serves `router` on `listener` until interrupted (Ctrl-C).
pub async fn serve(listener: tokio::net::TcpListener, app: Router) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

//! `smarten serve`: loads the checker and the model once, binds the address
//! and serves until Ctrl-C.

use anyhow::{Context, Result};
use smarten::core::config::Config;
use smarten::rewrite::Rewriter;
use smarten::Checker;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

pub struct Options {
    pub host: String,
    pub port: u16,
    pub max_body: usize,
    pub max_upload: usize,
    pub timeout: Duration,
    /// Lines /v2/check remembers.
    pub cache_size: usize,
    pub no_model: bool,
}

pub fn run(config: &Config, opts: Options) -> Result<ExitCode> {
    // Loaded once and kept for the life of the process; every request shares them.
    let checker: &'static Checker = Box::leak(Box::new(Checker::new(
        Arc::new(smarten::models::load_tokenizer()?),
        config,
    )));
    let encoder = if opts.no_model {
        None
    } else {
        super::encoder_or_note()
    };
    let encoder: Option<&'static dyn smarten::core::similarity::Embed> =
        encoder.map(|e| &*Box::leak(e));
    smarten::models::single_threaded_blas();
    let rewriter = Rewriter::new(checker, encoder);
    let mut options = smarten::serve::Options::for_host(&opts.host);
    options.max_body = opts.max_body;
    options.max_upload = opts.max_upload;
    options.timeout = opts.timeout;
    let engine = Arc::new(
        smarten::serve::Engine::new(checker, rewriter, options.workers)
            .with_encoder(encoder)
            .with_memo(opts.cache_size),
    );
    let app = smarten::serve::router(engine, &options);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("could not start the server's runtime")?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind((opts.host.as_str(), opts.port))
            .await
            .with_context(|| format!("could not listen on {}:{}", opts.host, opts.port))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() {
            eprintln!(
                "warning: listening on {addr}, which other machines may reach; plans hold data about children: serve on 127.0.0.1 unless you mean it"
            );
        }
        println!("smarten is serving on http://{addr}/ (Ctrl-C stops it)");
        smarten::serve::serve(listener, app).await?;
        anyhow::Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

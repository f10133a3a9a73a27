//! The command line's arguments, as clap definitions.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "smarten",
    version,
    about = "Checks the objectives in care and action plans against SMART, and says why"
)]
pub struct Cli {
    /// A smarten.toml with extra word lists and rule levels (default: ./smarten.toml if present).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The kind of plan, whose conventions apply: child-protection, early-help,
    /// ehcp, iep, adult-support, care-plan or personal (for eval, `row` uses each
    /// row's own kind).
    #[arg(long, global = true, value_name = "KIND")]
    pub plan_kind: Option<String>,
    /// Turn a rule off for this run (repeatable): --ignore acronym.
    #[arg(long, global = true, value_name = "RULE")]
    pub ignore: Vec<String>,
    /// Exit 0 even when some objective is not SMART (2 still means an error).
    #[arg(long, global = true)]
    pub exit_zero: bool,
    /// Use no config file: neither a smarten.toml found here or above, nor the user's.
    #[arg(long, global = true, conflicts_with = "config")]
    pub isolated: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
    Jsonl,
    /// SARIF 2.1.0, for code scanning dashboards (check and audit).
    Sarif,
    /// reviewdog's rdjsonl, one diagnostic per line (check and audit).
    Rdjsonl,
    /// GitHub Actions annotations (check and audit).
    Github,
}

impl Format {
    /// The formats of linters, which carry findings rather than judgments.
    pub fn is_lint(self) -> bool {
        matches!(self, Format::Sarif | Format::Rdjsonl | Format::Github)
    }
}

#[derive(Subcommand)]
pub enum Command {
    /// Check objectives: from arguments, --file (txt or jsonl), or standard input (also `-`).
    Check {
        /// Objectives to check.
        objectives: Vec<String>,
        /// A .txt file (one objective per line) or .jsonl file (objects with `text`); `-` reads standard input (JSON lines when its first line is a JSON object).
        #[arg(long, short, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The concern the objectives should address (needed to judge R).
        #[arg(long, value_name = "TEXT")]
        concern: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Colour in human output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// Show the top rewrite under each objective that is not SMART.
        #[arg(long)]
        suggest: bool,
        /// With --suggest: rank rewrites by word overlap, without loading the MiniLM model.
        #[arg(long)]
        no_model: bool,
    },
    /// Propose a SMART rewrite: from arguments, --file (txt or jsonl), or standard input (also `-`).
    Rewrite {
        /// Objectives to rewrite.
        objectives: Vec<String>,
        /// A .txt file (one objective per line) or .jsonl file (objects with `text`); `-` reads standard input (JSON lines when its first line is a JSON object).
        #[arg(long, short, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The concern the objectives should address (needed to judge R).
        #[arg(long, value_name = "TEXT")]
        concern: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Colour in human output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
        color: ColorChoice,
        /// A seq2seq model folder (BART or T5, rust-bert format) that also proposes rewrites.
        #[arg(long, value_name = "DIR")]
        generator: Option<PathBuf>,
        /// Rank rewrites by word overlap, without loading the MiniLM model.
        #[arg(long)]
        no_model: bool,
    },
    /// Serve a local web page, a JSON API and a LanguageTool-compatible endpoint.
    Serve {
        /// The address to listen on. Anything but a loopback address exposes the
        /// server to the network: it warns on start-up.
        #[arg(long, default_value = "127.0.0.1", value_name = "HOST")]
        host: String,
        #[arg(long, default_value_t = smarten::serve::DEFAULT_PORT, value_name = "PORT")]
        port: u16,
        /// The largest request body for check, rewrite and /v2/check, in bytes.
        #[arg(long, default_value_t = smarten::serve::DEFAULT_MAX_BODY, value_name = "BYTES")]
        max_body: usize,
        /// The largest upload /api/audit accepts, in bytes.
        #[arg(long, default_value_t = smarten::serve::DEFAULT_MAX_UPLOAD, value_name = "BYTES")]
        max_upload: usize,
        /// Seconds a request may take before it gets 408.
        #[arg(long, default_value_t = smarten::serve::DEFAULT_TIMEOUT.as_secs(), value_name = "SECONDS")]
        timeout: u64,
        /// How many objectives /v2/check remembers, so a LanguageTool client
        /// re-sending a document gets its unchanged lines at once (0: none).
        #[arg(long, default_value_t = smarten::serve::DEFAULT_MEMO_ENTRIES, value_name = "LINES")]
        cache_size: usize,
        /// Rank rewrites by word overlap, without loading the MiniLM model.
        #[arg(long)]
        no_model: bool,
    },
    /// List every rule with its id, letter, level and summary.
    Rules {
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
    },
    /// Say which config file applies here, and why.
    Config,
    /// Print a shell completion script: smarten completions bash > /etc/bash_completion.d/smarten
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): smarten manpage > smarten.1
    #[command(hide = true)]
    Manpage,
    /// Explain a rule: its rationale in the guidance's words, with examples.
    Explain {
        /// A rule id, as listed by `smarten rules`.
        rule: String,
    },
    /// Score the checker against labelled JSONL (dev statements or SMARTSpan rows).
    Eval {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// List every objective judged differently from its label (never a check part's).
        #[arg(long, short)]
        verbose: bool,
        /// Score each source apart and across sources (every source counts once).
        #[arg(long)]
        by_source: bool,
        /// Show each rule's measured precision: how often a hit agrees with the source.
        #[arg(long)]
        rules: bool,
        /// Write the rules' precision on the check part to FILE (data/rule-precision.toml).
        #[arg(long, value_name = "FILE")]
        write_precision: Option<PathBuf>,
        /// Train the combination layer on the tune part only and write it to FILE
        /// (data/verdict-layer.toml).
        #[arg(long, value_name = "FILE")]
        train_layer: Option<PathBuf>,
        /// Also rewrite every statement labelled not SMART and report the share
        /// whose rewrite passes the re-check, the grammar gate and the intent gate.
        #[arg(long)]
        rewrites: bool,
        /// With --rewrites: rank without the sentence model (word overlap).
        #[arg(long)]
        no_model: bool,
    },
    /// Audit archived plans: CSV/TSV, XLSX, DOCX, JSONL and TXT files, or folders of them.
    Audit {
        /// Plan files or folders (read recursively).
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Write one record per input row, in input order, to FILE.jsonl or FILE.csv.
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Write a self-contained HTML report for managers.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// Say which column is which: what=Action,who=Lead,when=By when,measure=Evidence,concern=Need.
        #[arg(long, value_name = "MAP")]
        columns: Option<String>,
        /// Report only findings not in this baseline (written by --write-baseline).
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
        /// Record today's findings as accepted, in this file, for later --baseline runs.
        #[arg(long, value_name = "FILE")]
        write_baseline: Option<PathBuf>,
        /// Also print each row's findings on standard output in a linter's
        /// format (sarif, rdjsonl or github); the summary then goes to standard error.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// The encoding of CSV, TSV, JSONL and TXT files (utf-8, windows-1252,
        /// latin1, utf-16le…); by default a byte-order mark, valid UTF-8, or a
        /// guess from the bytes decides.
        #[arg(long, value_name = "NAME", value_parser = smarten::io::encoding::parse_label)]
        encoding: Option<&'static encoding_rs::Encoding>,
        /// The header's row in XLSX sheets (1 is the first row); by default the
        /// first of the top 20 rows that names the plan's questions.
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
        header_row: Option<u32>,
        /// Read only this sheet of each workbook.
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// No progress bar and no column mappings on standard error.
        #[arg(long, short)]
        quiet: bool,
        /// Do not propose rewrites (faster).
        #[arg(long)]
        no_rewrite: bool,
        /// Do not load the MiniLM model: relevance and drift by word overlap.
        #[arg(long)]
        no_model: bool,
        /// Rank each rewrite with MiniLM too (better choices, about 4 times slower);
        /// by default bulk rewrites are ranked by word overlap.
        #[arg(long)]
        rich_rewrites: bool,
    },
    /// Mark "Is it SMART?" exercise answers (or compare confidence questionnaires).
    Mark(MarkArgs),
    /// Show where the model files are, or convert downloaded weights.
    Models {
        #[command(subcommand)]
        action: Option<ModelsAction>,
    },
}

#[derive(clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct MarkArgs {
    #[command(subcommand)]
    pub command: Option<MarkCommand>,
    /// The exercise: TOML, or a CSV/XLSX with id and text (and optionally smart, failing, model answer, concern).
    #[arg(long, value_name = "FILE")]
    pub exercise: Option<PathBuf>,
    /// The answers: CSV or XLSX with participant, statement id, tick and re-worded text.
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Write one row per answer (tick verdict, letter scores, total, feedback) to this CSV.
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Write the self-contained HTML class report here.
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// The confidence questionnaire from before the session (with --after).
    #[arg(long, value_name = "FILE", requires = "after")]
    pub before: Option<PathBuf>,
    /// The confidence questionnaire from after the session (with --before).
    #[arg(long, value_name = "FILE", requires = "before")]
    pub after: Option<PathBuf>,
    /// Judge faithfulness and rank improvements by word overlap, without the MiniLM model.
    #[arg(long)]
    pub no_model: bool,
    /// The encoding of CSV files (utf-8, windows-1252, latin1, utf-16le…);
    /// detected by default.
    #[arg(long, value_name = "NAME", value_parser = smarten::io::encoding::parse_label)]
    pub encoding: Option<&'static encoding_rs::Encoding>,
}

#[derive(Subcommand)]
pub enum MarkCommand {
    /// Compare the before and after Measure of Confidence questionnaires.
    Confidence {
        #[arg(long, value_name = "FILE")]
        before: PathBuf,
        #[arg(long, value_name = "FILE")]
        after: PathBuf,
        /// Write the HTML report here.
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
pub enum ModelsAction {
    /// List each model smarten uses and where it was found (the default).
    Status,
    /// Convert a safetensors file into the .ot weights tch loads (used by `make models`).
    Convert {
        /// The published weights, e.g. model.safetensors.
        source: PathBuf,
        /// Where to write the converted weights, e.g. models/minilm/rust_model.ot.
        target: PathBuf,
    },
}

/// When human output is coloured.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output. `auto` honours NO_COLOR (any
    /// non-empty value turns colour off) and then CLICOLOR_FORCE (any value
    /// but 0 turns it on when output is not a terminal).
    pub fn enabled(self) -> bool {
        let set = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto if set("NO_COLOR").is_some() => false,
            ColorChoice::Auto if set("CLICOLOR_FORCE").is_some_and(|v| v != "0") => true,
            ColorChoice::Auto => std::io::IsTerminal::is_terminal(&std::io::stdout()),
        }
    }
}

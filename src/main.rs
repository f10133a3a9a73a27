//! The `smarten` command line: reads objectives, runs the checker, prints the
//! judgments. Exit codes: 0 every objective is SMART, 1 some objective is not,
//! 2 a usage, input or model error.

mod cli;

use clap::{Parser, Subcommand, ValueEnum};
use smarten::core::config::Config;
use smarten::core::similarity::Embed;
use smarten::rewrite::{Rewrite, Rewriter};
use smarten::{Checker, Judgment};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use cli::input::{self, Record};

#[derive(Parser)]
#[command(
    name = "smarten",
    version,
    about = "Checks the objectives in care and action plans against SMART, and says why"
)]
struct Cli {
    /// A smarten.toml with extra word lists and rule levels (default: ./smarten.toml if present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Human,
    Json,
    Jsonl,
}

#[derive(Subcommand)]
enum Command {
    /// Check objectives: from arguments, --file (txt or jsonl), or standard input.
    Check {
        /// Objectives to check.
        objectives: Vec<String>,
        /// A .txt file (one objective per line) or .jsonl file (objects with `text`).
        #[arg(long, short, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The concern the objectives should address (needed to judge R).
        #[arg(long, value_name = "TEXT")]
        concern: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Colour in human output: auto, always or never.
        #[arg(long, default_value = "auto", value_name = "WHEN")]
        color: String,
        /// Show the top rewrite under each objective that is not SMART.
        #[arg(long)]
        suggest: bool,
        /// With --suggest: rank rewrites by word overlap, without loading the MiniLM model.
        #[arg(long)]
        no_model: bool,
    },
    /// Propose a SMART rewrite: from arguments, --file (txt or jsonl), or standard input.
    Rewrite {
        /// Objectives to rewrite.
        objectives: Vec<String>,
        /// A .txt file (one objective per line) or .jsonl file (objects with `text`).
        #[arg(long, short, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The concern the objectives should address (needed to judge R).
        #[arg(long, value_name = "TEXT")]
        concern: Option<String>,
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Colour in human output: auto, always or never.
        #[arg(long, default_value = "auto", value_name = "WHEN")]
        color: String,
        /// A seq2seq model folder (BART or T5, rust-bert format) that also proposes rewrites.
        #[arg(long, value_name = "DIR")]
        generator: Option<PathBuf>,
        /// Rank rewrites by word overlap, without loading the MiniLM model.
        #[arg(long)]
        no_model: bool,
    },
    /// List every rule with its id, letter, level and summary.
    Rules,
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
        /// List every objective judged differently from its label.
        #[arg(long, short)]
        verbose: bool,
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
struct MarkArgs {
    #[command(subcommand)]
    command: Option<MarkCommand>,
    /// The exercise: TOML, or a CSV/XLSX with id and text (and optionally smart, failing, model answer, concern).
    #[arg(long, value_name = "FILE")]
    exercise: Option<PathBuf>,
    /// The answers: CSV or XLSX with participant, statement id, tick and re-worded text.
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// Write one row per answer (tick verdict, letter scores, total, feedback) to this CSV.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Write the self-contained HTML class report here.
    #[arg(long, value_name = "FILE")]
    report: Option<PathBuf>,
    /// The confidence questionnaire from before the session (with --after).
    #[arg(long, value_name = "FILE", requires = "after")]
    before: Option<PathBuf>,
    /// The confidence questionnaire from after the session (with --before).
    #[arg(long, value_name = "FILE", requires = "before")]
    after: Option<PathBuf>,
    /// Judge faithfulness and rank improvements by word overlap, without the MiniLM model.
    #[arg(long)]
    no_model: bool,
}

#[derive(Subcommand)]
enum MarkCommand {
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
enum ModelsAction {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn load_config(path: Option<&PathBuf>) -> Result<Config, String> {
    match path {
        Some(p) => smarten::io::read_config(p).map_err(|e| e.to_string()),
        None if std::path::Path::new("smarten.toml").is_file() => {
            smarten::io::read_config(std::path::Path::new("smarten.toml"))
                .map_err(|e| e.to_string())
        }
        None => Ok(Config::default()),
    }
}

fn load_tokenizer() -> Result<Arc<nlprule::Tokenizer>, String> {
    smarten::models::load_tokenizer()
        .map(Arc::new)
        .map_err(|e| e.to_string())
}

fn run(cli: Cli) -> Result<ExitCode, String> {
    let config = load_config(cli.config.as_ref())?;
    match cli.command {
        Command::Rules => {
            let checker_rules = smarten::core::rules::all();
            for rule in &checker_rules {
                let level = config
                    .rules
                    .get(&rule.id())
                    .copied()
                    .unwrap_or(rule.default_level());
                println!(
                    "{:<22} {}  {:<7}  {}",
                    rule.id(),
                    rule.criterion(),
                    level_name(level),
                    rule.summary()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => {
            let rules = smarten::core::rules::all();
            let Some(r) = rules.iter().find(|r| r.id().as_str() == rule) else {
                return Err(format!("unknown rule `{rule}`; `smarten rules` lists them"));
            };
            println!("{} ({}: {})\n", r.id(), r.criterion(), r.criterion().name());
            println!("{}\n", r.summary());
            println!("The guidance says:\n  \"{}\"\n", r.guidance());
            let ex = r.examples();
            println!("Flags:");
            for e in ex.flags {
                println!("  ✗ {e}");
            }
            println!("Allows:");
            for e in ex.allows {
                println!("  ✓ {e}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Mark(args) => run_mark(&config, args),
        Command::Audit {
            paths,
            out,
            report,
            columns,
            quiet,
            no_rewrite,
            no_model,
            rich_rewrites,
        } => {
            let tokenizer = load_tokenizer()?;
            let checker = Checker::new(tokenizer, &config);
            let encoder = if no_model {
                None
            } else {
                load_encoder_or_note()
            };
            // Rows run in parallel: OpenBLAS must not add spinning threads of its own.
            smarten::models::single_threaded_blas();
            // Bulk rewrites: word-overlap ranking and the single nearest exemplar,
            // unless --rich-rewrites asks for what `rewrite` does.
            let rewriter = Rewriter::new(&checker, encoder.as_deref().filter(|_| rich_rewrites))
                .with_nearest(if rich_rewrites {
                    smarten::rewrite::NEAREST_EXEMPLARS
                } else {
                    1
                })
                .best_only()
                .recheck_in_pieces();
            let auditor = smarten::audit::Auditor::new(
                &checker,
                (!no_rewrite).then_some(&rewriter),
                encoder.as_deref(),
            );
            let opts = cli::audit::Options {
                paths,
                out: out.clone(),
                report: report.clone(),
                columns,
                quiet,
            };
            let (summary, failed) = cli::audit::run(&auditor, &opts)?;
            print!("{}", summary.text());
            if let Some(p) = out {
                println!("records written to {}", p.display());
            }
            if let Some(p) = report {
                println!("report written to {}", p.display());
            }
            Ok(if failed {
                ExitCode::from(2)
            } else if summary.any_not_smart() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Command::Models { action } => match action.unwrap_or(ModelsAction::Status) {
            ModelsAction::Status => Ok(models_status()),
            ModelsAction::Convert { source, target } => {
                let count = smarten::models::convert_safetensors(&source, &target)
                    .map_err(|e| e.to_string())?;
                println!(
                    "converted {count} tensors from {} to {}",
                    source.display(),
                    target.display()
                );
                Ok(ExitCode::SUCCESS)
            }
        },
        Command::Eval {
            files,
            format,
            verbose,
        } => {
            let tokenizer = load_tokenizer()?;
            let reports = cli::eval::run(tokenizer, &config, &files)?;
            match format {
                Format::Human => print!("{}", cli::eval::human(&reports, verbose)),
                _ => println!(
                    "{}",
                    serde_json::to_string_pretty(&cli::eval::json(&reports))
                        .map_err(|e| e.to_string())?
                ),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            objectives,
            file,
            concern,
            format,
            color,
            suggest,
            no_model,
        } => {
            let records = read_records(&objectives, file.as_ref(), concern.as_deref())?;
            let tokenizer = load_tokenizer()?;
            let checker = Checker::new(tokenizer, &config);
            let color = use_color(&color);
            let encoder = if suggest && !no_model {
                load_encoder_or_note()
            } else {
                None
            };
            let rewriter = suggest.then(|| Rewriter::new(&checker, encoder.as_deref()));
            check(&checker, rewriter.as_ref(), &records, format, color)
        }
        Command::Rewrite {
            objectives,
            file,
            concern,
            format,
            color,
            generator,
            no_model,
        } => {
            let records = read_records(&objectives, file.as_ref(), concern.as_deref())?;
            let tokenizer = load_tokenizer()?;
            let checker = Checker::new(tokenizer, &config);
            let encoder = if no_model {
                None
            } else {
                load_encoder_or_note()
            };
            let generator_dir = generator.or(config.rewrite.generator.clone());
            let generator = match &generator_dir {
                Some(dir) => Some(smarten::models::load_generator(dir).map_err(|e| e.to_string())?),
                None => None,
            };
            let mut rewriter = Rewriter::new(&checker, encoder.as_deref());
            if let Some(g) = &generator {
                rewriter = rewriter.with_generator(g.as_ref());
            }
            rewrite(&rewriter, &records, format, use_color(&color))
        }
    }
}

/// `smarten mark`: exit 0 when every answer row was marked, 2 when some could not be.
fn run_mark(config: &Config, args: MarkArgs) -> Result<ExitCode, String> {
    if let Some(MarkCommand::Confidence {
        before,
        after,
        report,
    }) = args.command
    {
        let c = cli::mark::confidence(&before, &after)?;
        print!("{}", cli::mark::confidence_text(&c));
        if let Some(path) = report {
            cli::mark::write_atomically(
                &path,
                smarten::report::class::html(None, &[], None, Some(&c)).as_bytes(),
            )?;
            println!("report written to {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(exercise_path), Some(answers_path)) = (&args.exercise, &args.answers) else {
        return Err(
            "mark needs --exercise FILE and --answers FILE (or the `confidence` subcommand)".into(),
        );
    };
    let exercise = cli::mark::read_exercise(exercise_path)?;
    let confidence = match (&args.before, &args.after) {
        (Some(b), Some(a)) => Some(cli::mark::confidence(b, a)?),
        _ => None,
    };
    let tokenizer = load_tokenizer()?;
    let checker = Checker::new(tokenizer, config);
    let encoder = if args.no_model {
        None
    } else {
        load_encoder_or_note()
    };
    let rewriter = Rewriter::new(&checker, encoder.as_deref());
    let marker = smarten::mark::Marker {
        checker: &checker,
        rewriter: &rewriter,
        encoder: encoder.as_deref(),
    };
    let (marks, summary, origin) = cli::mark::mark(&marker, &exercise, answers_path)?;
    for m in marks.iter().filter(|m| m.error.is_some()) {
        eprintln!(
            "error: {origin}: row {}: {}",
            m.row,
            m.error.as_deref().unwrap_or("")
        );
    }
    for m in marks.iter().filter(|m| m.superseded_by.is_some()) {
        eprintln!(
            "note: {origin}: row {} ({}, {}) is replaced by the later row {}",
            m.row,
            m.participant,
            m.statement,
            m.superseded_by.unwrap_or(0)
        );
    }
    if let Some(path) = &args.out {
        cli::mark::write_atomically(path, &cli::mark::marks_csv(&marks)?)?;
    }
    if let Some(path) = &args.report {
        let html = smarten::report::class::html(
            Some(&exercise),
            &marks,
            Some(&summary),
            confidence.as_ref(),
        );
        cli::mark::write_atomically(path, html.as_bytes())?;
    }
    print!("{}", cli::mark::summary_text(&summary, &origin));
    if let Some(c) = &confidence {
        print!("{}", cli::mark::confidence_text(c));
    }
    if let Some(path) = &args.out {
        println!("marks written to {}", path.display());
    }
    if let Some(path) = &args.report {
        println!("report written to {}", path.display());
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reads objectives from arguments, a file or standard input; an empty source is an error.
fn read_records(
    objectives: &[String],
    file: Option<&PathBuf>,
    concern: Option<&str>,
) -> Result<Vec<Record>, String> {
    let records = if let Some(f) = file {
        if !objectives.is_empty() {
            return Err("give objectives as arguments or with --file, not both".to_string());
        }
        input::from_file(f, concern)?
    } else if !objectives.is_empty() {
        input::from_args(objectives, concern)
    } else if !std::io::stdin().is_terminal() {
        input::from_stdin(concern)?
    } else {
        return Err(
            "no objectives: give them as arguments, with --file FILE, or on standard input"
                .to_string(),
        );
    };
    if records.is_empty() {
        let source = file.map_or("standard input".to_string(), |f| f.display().to_string());
        return Err(format!(
            "no objectives found in {source} (it is empty or only blank lines)"
        ));
    }
    Ok(records)
}

fn use_color(when: &str) -> bool {
    match when {
        "always" => true,
        "never" => false,
        _ => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// The sentence encoder, or `None` with a note (once per run) saying how to install it.
fn load_encoder_or_note() -> Option<Box<dyn Embed>> {
    match smarten::models::load_embedder() {
        Ok(e) => Some(e),
        Err(e) => {
            eprintln!(
                "note: the MiniLM sentence model is not available, so rewrites are ranked by word overlap ({e})"
            );
            None
        }
    }
}

/// Prints where each model was found; exit 2 when the required tagger is missing.
fn models_status() -> ExitCode {
    let mut code = ExitCode::SUCCESS;
    let tagger = smarten::models::locate("nlprule/en_tokenizer.bin");
    match &tagger {
        Ok(path) => println!("nlprule tagger (required):      {}", path.display()),
        Err(e) => {
            println!("nlprule tagger (required):      missing: {e}");
            code = ExitCode::from(2);
        }
    }
    match smarten::models::locate(&format!("{}/rust_model.ot", smarten::models::MINILM_DIR)) {
        Ok(path) => println!(
            "all-MiniLM-L6-v2 (optional):    {}",
            path.parent().unwrap_or(&path).display()
        ),
        Err(_) => println!(
            "all-MiniLM-L6-v2 (optional):    not installed; rewrites rank by word overlap (install with `{}`)",
            smarten::models::INSTALL_COMMAND
        ),
    }
    code
}

fn level_name(level: smarten::Level) -> &'static str {
    match level {
        smarten::Level::Off => "off",
        smarten::Level::Warning => "warning",
        smarten::Level::Error => "error",
    }
}

fn judgment_json(j: &Judgment, input: Option<&serde_json::Value>) -> serde_json::Value {
    let mut value = serde_json::to_value(j).expect("a judgment serialises");
    if let (Some(obj), Some(input)) = (value.as_object_mut(), input) {
        obj.insert("input".to_string(), input.clone());
    }
    value
}

fn check(
    checker: &Checker,
    rewriter: Option<&Rewriter>,
    records: &[Record],
    format: Format,
    color: bool,
) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut any_not_smart = false;
    let mut json_items = Vec::new();
    let (mut smart_count, mut total) = (0, 0);
    for record in records {
        match record {
            Record::Error { origin, message } => {
                any_error = true;
                eprintln!("error: {origin}: {message}");
                if format != Format::Human {
                    let item = serde_json::json!({ "origin": origin, "error": message });
                    if format == Format::Jsonl {
                        writeln!(out, "{item}").map_err(|e| e.to_string())?;
                    } else {
                        json_items.push(item);
                    }
                }
            }
            Record::Objective {
                origin,
                objective,
                input,
            } => {
                let j = checker.check(objective);
                total += 1;
                if j.smart {
                    smart_count += 1;
                } else {
                    any_not_smart = true;
                }
                let suggestion = rewriter.filter(|_| !j.smart).map(|r| r.rewrite(objective));
                let mut value = judgment_json(&j, input.as_ref());
                if let (Some(s), Some(obj)) = (&suggestion, value.as_object_mut()) {
                    obj.insert(
                        "suggestion".to_string(),
                        serde_json::json!({
                            "rewrite": s.rewrite,
                            "placeholders": s.placeholders,
                            "suggested": s.suggested,
                            "changes": s.changes,
                            "model": s.model,
                        }),
                    );
                }
                match format {
                    Format::Human => {
                        write!(out, "{}", cli::human::render(&j, origin, color))
                            .map_err(|e| e.to_string())?;
                        if let Some(s) = &suggestion {
                            write!(out, "{}", cli::rewrite::render_brief(s, color))
                                .map_err(|e| e.to_string())?;
                        }
                    }
                    Format::Jsonl => writeln!(out, "{value}").map_err(|e| e.to_string())?,
                    Format::Json => json_items.push(value),
                }
            }
        }
    }
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json_items).map_err(|e| e.to_string())?
        )
        .map_err(|e| e.to_string())?,
        Format::Human if total > 1 => {
            writeln!(out, "{smart_count} of {total} objectives are SMART")
                .map_err(|e| e.to_string())?
        }
        _ => {}
    }
    Ok(if any_error {
        ExitCode::from(2)
    } else if any_not_smart {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Rewrites each objective and prints the result; exit 1 when some objective
/// needed rewriting, 2 when some input could not be read.
fn rewrite(
    rewriter: &Rewriter,
    records: &[Record],
    format: Format,
    color: bool,
) -> Result<ExitCode, String> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut any_error = false;
    let mut any_rewritten = false;
    let mut json_items = Vec::new();
    let (mut rewritten, mut total) = (0, 0);
    for record in records {
        match record {
            Record::Error { origin, message } => {
                any_error = true;
                eprintln!("error: {origin}: {message}");
                let item = serde_json::json!({ "origin": origin, "error": message });
                match format {
                    Format::Jsonl => writeln!(out, "{item}").map_err(|e| e.to_string())?,
                    Format::Json => json_items.push(item),
                    Format::Human => {}
                }
            }
            Record::Objective {
                origin,
                objective,
                input,
            } => {
                let r: Rewrite = rewriter.rewrite(objective);
                total += 1;
                if !r.changes.is_empty() || r.rewrite != r.text {
                    rewritten += 1;
                    any_rewritten = true;
                }
                let mut value = serde_json::to_value(&r).map_err(|e| e.to_string())?;
                if let (Some(obj), Some(input)) = (value.as_object_mut(), input) {
                    obj.insert("input".to_string(), input.clone());
                }
                match format {
                    Format::Human => {
                        let judgment = Judgment {
                            text: r.text.clone(),
                            smart: r.before.failing().is_empty(),
                            criteria: r.before.clone(),
                            findings: r.findings.clone(),
                        };
                        write!(out, "{}", cli::human::render(&judgment, origin, color))
                            .map_err(|e| e.to_string())?;
                        writeln!(out, "{}", cli::rewrite::render(&r, color))
                            .map_err(|e| e.to_string())?;
                    }
                    Format::Jsonl => writeln!(out, "{value}").map_err(|e| e.to_string())?,
                    Format::Json => json_items.push(value),
                }
            }
        }
    }
    match format {
        Format::Json => writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&json_items).map_err(|e| e.to_string())?
        )
        .map_err(|e| e.to_string())?,
        Format::Human if total > 1 => writeln!(
            out,
            "{rewritten} of {total} objectives rewritten (model: {})",
            rewriter.model_name()
        )
        .map_err(|e| e.to_string())?,
        _ => {}
    }
    Ok(if any_error {
        ExitCode::from(2)
    } else if any_rewritten {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

//! The command line: parses the arguments, loads what each command needs, runs
//! it through the library and prints the result. Every command's work is a
//! library call; this layer only reads arguments, chooses outputs and prints.

pub mod args;
pub mod audit;
pub mod eval;
pub mod human;
pub mod mark;
pub mod printer;
pub mod rewrite;
pub mod rules;
pub mod serve;

use anyhow::{bail, Result};
use args::{Cli, ColorChoice, Command, Format};
use clap::Parser;
use printer::Printer;
use smarten::core::config::Config;
use smarten::core::similarity::Embed;
use smarten::io::objectives::{self, Record};
use smarten::rewrite::Rewriter;
use smarten::Checker;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// Runs the command line; errors are printed with their causes and exit 2.
/// Ctrl-C or SIGTERM removes any output still being written and exits 130
/// (`serve` stops gracefully instead).
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let exit_zero = cli.exit_zero;
    if !matches!(cli.command, Command::Serve { .. }) {
        let _ = ctrlc::set_handler(|| {
            smarten::io::output::remove_in_progress();
            eprintln!("interrupted: no output was written");
            std::process::exit(130);
        });
    }
    match run(cli) {
        Ok(code) if exit_zero && code == ExitCode::from(1) => ExitCode::SUCCESS,
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let here = std::env::current_dir().unwrap_or_default();
    let source = smarten::io::config_file::discover(cli.config.as_deref(), &here, cli.isolated);
    let mut config = match source.path() {
        Some(p) => smarten::io::read_config(p)?,
        None => Config::default(),
    };
    for id in &cli.ignore {
        let rule = smarten::core::finding::RuleId::parse_or_suggest(id)
            .map_err(|e| anyhow::anyhow!("--ignore: {e}"))?;
        config.rules.insert(rule, smarten::Level::Off);
    }
    let per_row_kind = cli.plan_kind.as_deref() == Some("row");
    if let Some(kind) = cli.plan_kind.as_deref().filter(|_| !per_row_kind) {
        config.check.plan_kind = Some(smarten::core::plan_kind::PlanKind::parse(kind)?);
    }
    match cli.command {
        Command::Rules { format } => rules::list(&config, format),
        Command::Config => {
            println!("config: {}", source.describe());
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "smarten", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
        }
        Command::Manpage => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(&mut std::io::stdout())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            host,
            port,
            max_body,
            max_upload,
            timeout,
            cache_size,
            no_model,
        } => serve::run(
            &config,
            serve::Options {
                host,
                port,
                max_body,
                max_upload,
                timeout: std::time::Duration::from_secs(timeout),
                cache_size,
                no_model,
            },
        ),
        Command::Explain { rule } => rules::explain(&rule),
        Command::Models { action } => rules::models(action),
        Command::Mark(args) => mark::run(&config, args),
        Command::Eval {
            files,
            format,
            verbose,
            by_source,
            rules,
            write_precision,
            train_layer,
            rewrites,
            no_model,
        } => {
            let reports = eval::run(load_tokenizer()?, &config, &files, per_row_kind)?;
            let opts = eval::Options {
                verbose,
                by_source,
                rules,
            };
            if format.is_lint() {
                bail!("--format sarif, rdjsonl and github are for check, rewrite and audit; eval gives human or json");
            }
            match format {
                Format::Human => print!("{}", eval::human(&reports, &opts)),
                _ => println!("{}", serde_json::to_string_pretty(&eval::json(&reports))?),
            }
            if rewrites {
                let checker = Checker::new(load_tokenizer()?, &config);
                let encoder = if no_model { None } else { encoder_or_note() };
                let rewriter = Rewriter::new(&checker, encoder.as_deref());
                print!("{}", eval::rewrites(&rewriter, &files, per_row_kind)?);
            }
            if let Some(path) = write_precision {
                eval::write_precision(&reports, &path)?;
                println!("rule precision written to {}", path.display());
            }
            if let Some(path) = train_layer {
                let rows = eval::train_layer(load_tokenizer()?, &config, &files, &path)?;
                println!(
                    "combination layer trained on {rows} tune-part rows, written to {}",
                    path.display()
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Audit {
            paths,
            out,
            report,
            columns,
            baseline,
            write_baseline,
            format,
            encoding,
            header_row,
            sheet,
            quiet,
            no_rewrite,
            no_model,
            rich_rewrites,
        } => {
            let checker = Checker::new(load_tokenizer()?, &config);
            let encoder = if no_model { None } else { encoder_or_note() };
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
            let opts = audit::Options {
                paths,
                out: out.clone(),
                report: report.clone(),
                columns,
                encoding,
                header_row,
                sheet,
                read: config.read,
                baseline,
                write_baseline: write_baseline.clone(),
                format,
                rules: smarten::report::lint::rule_infos(&checker),
                quiet,
            };
            let (summary, failed) = audit::run(&auditor, &opts)?;
            // With findings on standard output, the summary goes to standard error.
            let mut said = summary.text();
            if let Some(p) = out {
                said.push_str(&format!("records written to {}\n", p.display()));
            }
            if let Some(p) = report {
                said.push_str(&format!("report written to {}\n", p.display()));
            }
            if let Some(p) = write_baseline {
                said.push_str(&format!("baseline written to {}\n", p.display()));
            }
            if format.is_lint() {
                eprint!("{said}");
            } else {
                print!("{said}");
            }
            Ok(if failed {
                ExitCode::from(2)
            } else if summary.any_not_smart() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
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
            let records = read_records(&objectives, file.as_deref(), concern.as_deref())?;
            let checker = Checker::new(load_tokenizer()?, &config);
            let encoder = if suggest && !no_model {
                encoder_or_note()
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
            let records = read_records(&objectives, file.as_deref(), concern.as_deref())?;
            let checker = Checker::new(load_tokenizer()?, &config);
            let encoder = if no_model { None } else { encoder_or_note() };
            let generator = match generator.or(config.rewrite.generator.clone()) {
                Some(dir) => Some(smarten::models::load_generator(&dir)?),
                None => None,
            };
            let mut rewriter = Rewriter::new(&checker, encoder.as_deref());
            if let Some(g) = &generator {
                rewriter = rewriter.with_generator(g.as_ref());
            }
            rewrite(&rewriter, &records, format, color)
        }
    }
}

/// `--config FILE`, else `./smarten.toml` when there is one, else the defaults.
fn load_tokenizer() -> Result<Arc<nlprule::Tokenizer>> {
    Ok(Arc::new(smarten::models::load_tokenizer()?))
}

/// The sentence encoder, or `None` with a note (once per run) saying why.
pub fn encoder_or_note() -> Option<Box<dyn Embed>> {
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

/// Reads objectives from arguments, a file or standard input; an empty source is an error.
fn read_records(
    objectives: &[String],
    file: Option<&Path>,
    concern: Option<&str>,
) -> Result<Vec<Record>> {
    // `-`, as an argument or as the file, means standard input (as in cat and rg).
    let stdin_named = file.is_some_and(|f| f == Path::new("-"))
        || (file.is_none() && objectives.len() == 1 && objectives[0] == "-");
    let records = if stdin_named {
        if file.is_some() && !objectives.is_empty() {
            bail!("give objectives as arguments or with --file, not both");
        }
        objectives::from_stdin(concern)?
    } else if let Some(f) = file {
        if !objectives.is_empty() {
            bail!("give objectives as arguments or with --file, not both");
        }
        objectives::from_file(f, concern)?
    } else if !objectives.is_empty() {
        objectives::from_args(objectives, concern)
    } else if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        objectives::from_stdin(concern)?
    } else {
        bail!("no objectives: give them as arguments, with --file FILE, or on standard input");
    };
    if records.is_empty() {
        let source = file.map_or("standard input".to_string(), |f| f.display().to_string());
        bail!("no objectives found in {source} (it is empty or only blank lines)");
    }
    Ok(records)
}

/// `smarten check`: each objective's judgment (and with `--suggest`, its top
/// rewrite when it is not SMART).
fn check(
    checker: &Checker,
    rewriter: Option<&Rewriter<'_>>,
    records: &[Record],
    format: Format,
    color: ColorChoice,
) -> Result<ExitCode> {
    let color = color.enabled();
    let rules = smarten::report::lint::rule_infos(checker);
    let mut printer = Printer::new(format).with_rules(rules);
    for record in records {
        let (origin, objective, input) = match record {
            Record::Error { origin, message } => {
                printer.error(origin, message)?;
                continue;
            }
            Record::Objective {
                origin,
                objective,
                input,
            } => (origin, objective, input),
        };
        let j = checker.check(objective);
        let suggestion = rewriter.filter(|_| !j.smart).map(|r| r.rewrite(objective));
        let value = with_input(
            smarten::rewrite::judgment_json(&j, suggestion.as_ref()),
            input.as_ref(),
        );
        let human = || {
            let mut text = human::render(&j, origin, color);
            if let Some(s) = &suggestion {
                text.push_str(&rewrite::render_brief(s, color));
            }
            text
        };
        let findings = || {
            smarten::report::lint::of_findings(origin, &j.text, &j.findings, |f| {
                let s = suggestion.as_ref()?;
                Some(format!("{} (a SMART rewrite: {})", f.suggestion, s.rewrite))
            })
        };
        printer.item(!j.smart, human, value, findings)?;
    }
    printer
        .finish(|not_smart, total| format!("{} of {total} objectives are SMART", total - not_smart))
}

/// `smarten rewrite`: each objective's rewrite; exit 1 when some objective
/// needed rewriting.
fn rewrite(
    rewriter: &Rewriter<'_>,
    records: &[Record],
    format: Format,
    color: ColorChoice,
) -> Result<ExitCode> {
    let color = color.enabled();
    let mut printer = Printer::new(format);
    for record in records {
        let (origin, objective, input) = match record {
            Record::Error { origin, message } => {
                printer.error(origin, message)?;
                continue;
            }
            Record::Objective {
                origin,
                objective,
                input,
            } => (origin, objective, input),
        };
        let r = rewriter.rewrite(objective);
        let rewritten = !r.changes.is_empty() || r.rewrite != r.text;
        let value = with_input(serde_json::to_value(&r)?, input.as_ref());
        let human = || {
            let judgment = smarten::Judgment {
                text: r.text.clone(),
                smart: r.before.failing().is_empty(),
                criteria: r.before.clone(),
                findings: r.findings.clone(),
            };
            format!(
                "{}{}\n",
                human::render(&judgment, origin, color),
                rewrite::render(&r, color)
            )
        };
        let findings = || {
            smarten::report::lint::of_findings(origin, &r.text, &r.findings, |_| {
                Some(format!("a SMART rewrite: {}", r.rewrite))
            })
        };
        printer.item(rewritten, human, value, findings)?;
    }
    printer.finish(|rewritten, total| {
        format!(
            "{rewritten} of {total} objectives rewritten (model: {})",
            rewriter.model_name()
        )
    })
}

/// The JSON object with the input record it came from, passed through as `input`.
fn with_input(
    mut value: serde_json::Value,
    input: Option<&serde_json::Value>,
) -> serde_json::Value {
    if let (Some(obj), Some(input)) = (value.as_object_mut(), input) {
        obj.insert("input".to_string(), input.clone());
    }
    value
}

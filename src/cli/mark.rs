//! `smarten mark` at the command line: marks a class through
//! `smarten::mark::files`, writes marks.csv and the class report atomically,
//! and prints the summary. Exit 0 when every answer row was marked, 2 when
//! some could not be.

use super::args::{MarkArgs, MarkCommand};
use anyhow::{bail, Result};
use smarten::core::config::Config;
use smarten::io::output::write_atomically;
use smarten::mark::files::{
    confidence, confidence_text, mark_answers, marks_csv, read_exercise, summary_text,
};
use smarten::rewrite::Rewriter;
use smarten::Checker;
use std::process::ExitCode;

pub fn run(config: &Config, args: MarkArgs) -> Result<ExitCode> {
    if let Some(MarkCommand::Confidence {
        before,
        after,
        report,
    }) = args.command
    {
        let c = confidence(&before, &after)?;
        print!("{}", confidence_text(&c));
        if let Some(path) = report {
            let html = smarten::report::class::html(None, &[], None, Some(&c));
            write_atomically(&path, html.as_bytes())?;
            println!("report written to {}", path.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let (Some(exercise_path), Some(answers_path)) = (&args.exercise, &args.answers) else {
        bail!("mark needs --exercise FILE and --answers FILE (or the `confidence` subcommand)");
    };
    super::audit::prepare_outputs(args.out.iter().chain(&args.report))?;
    let exercise = read_exercise(exercise_path)?;
    let confidence = match (&args.before, &args.after) {
        (Some(b), Some(a)) => Some(confidence(b, a)?),
        _ => None,
    };
    let checker = Checker::new(super::load_tokenizer()?, config);
    let encoder = if args.no_model {
        None
    } else {
        super::encoder_or_note()
    };
    let rewriter = Rewriter::new(&checker, encoder.as_deref());
    let marker = smarten::mark::Marker {
        checker: &checker,
        rewriter: &rewriter,
        encoder: encoder.as_deref(),
    };
    let class = mark_answers(&marker, &exercise, answers_path, args.encoding)?;
    let origin = &class.origin;
    for m in class.marks.iter().filter(|m| m.error.is_some()) {
        eprintln!(
            "error: {origin}: row {}: {}",
            m.row,
            m.error.as_deref().unwrap_or("")
        );
    }
    for m in class.marks.iter().filter(|m| m.superseded_by.is_some()) {
        eprintln!(
            "note: {origin}: row {} ({}, {}) is replaced by the later row {}",
            m.row,
            m.participant,
            m.statement,
            m.superseded_by.unwrap_or(0)
        );
    }
    if let Some(path) = &args.out {
        write_atomically(path, &marks_csv(&class.marks)?)?;
    }
    if let Some(path) = &args.report {
        let html = smarten::report::class::html(
            Some(&exercise),
            &class.marks,
            Some(&class.summary),
            confidence.as_ref(),
        );
        write_atomically(path, html.as_bytes())?;
    }
    print!("{}", summary_text(&class.summary, origin));
    if let Some(c) = &confidence {
        print!("{}", confidence_text(c));
    }
    if let Some(path) = &args.out {
        println!("marks written to {}", path.display());
    }
    if let Some(path) = &args.report {
        println!("report written to {}", path.display());
    }
    Ok(if class.summary.errors > 0 {
        ExitCode::from(2)
    } else {
        ExitCode::SUCCESS
    })
}

//! `smarten rules`, `smarten explain` and `smarten models`: what the checker
//! knows, and where its models are.

use super::args::{Format, ModelsAction};
use anyhow::{anyhow, Result};
use smarten::core::config::Config;
use std::process::ExitCode;

/// Every rule with its id, letter, level and summary.
pub fn list(config: &Config, format: Format) -> Result<ExitCode> {
    if format != Format::Human {
        let rules: Vec<serde_json::Value> = smarten::core::rules::all()
            .iter()
            .map(|rule| {
                let measured = smarten::core::calibration::measured(rule.id());
                serde_json::json!({
                    "id": rule.id(),
                    "letter": rule.criterion(),
                    "level": level_name(config.level_of(rule.as_ref())),
                    "precision": measured.map(|m| serde_json::json!({
                        "right": m.right,
                        "wrong": m.wrong,
                    })),
                    "summary": rule.summary(),
                    "guidance": rule.guidance(),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rules)?);
        return Ok(ExitCode::SUCCESS);
    }
    for rule in smarten::core::rules::all() {
        let level = config.level_of(rule.as_ref());
        println!(
            "{:<22} {}  {:<7}  {:<22}  {}",
            rule.id(),
            rule.criterion(),
            level_name(level),
            precision_text(rule.id()),
            rule.summary()
        );
    }
    println!(
        "\nPrecision: how often a rule's finding agrees with the source's own verdict, on \
         labelled statements the rules were not tuned on (data/rule-precision.toml). An error \
         rule below 0.85 runs as a warning; it still fails its letter when, with the \
         objective's other findings, the combination layer reads the objective as not SMART."
    );
    Ok(ExitCode::SUCCESS)
}

/// A rule's rationale in the guidance's words, with its examples.
pub fn explain(id: &str) -> Result<ExitCode> {
    let rules = smarten::core::rules::all();
    let r = rules
        .iter()
        .find(|r| r.id().as_str() == id)
        .ok_or_else(|| {
            anyhow!(smarten::core::finding::RuleId::parse_or_suggest(id)
                .err()
                .unwrap_or_default())
        })?;
    println!("{} ({}: {})\n", r.id(), r.criterion(), r.criterion().name());
    println!("{}\n", r.summary());
    match smarten::core::calibration::measured(r.id()) {
        Some(m) => println!(
            "Measured on statements it was not tuned on: {} of {} judged hits agree with the source ({}){}.\n",
            m.right,
            m.right + m.wrong,
            precision_text(r.id()).trim(),
            if smarten::core::calibration::calibrated_level(r.id(), r.default_level()) != r.default_level() {
                "; below 0.85, so it is a warning by default, and fails its letter only when the objective's other findings make it read as not SMART"
            } else {
                ""
            }
        ),
        None => println!("Not yet measured: it did not fire on the labelled statements it was checked on.\n"),
    }
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

/// `smarten models`: where each model is, or convert downloaded weights.
pub fn models(action: Option<ModelsAction>) -> Result<ExitCode> {
    match action.unwrap_or(ModelsAction::Status) {
        ModelsAction::Status => Ok(models_status()),
        ModelsAction::Convert { source, target } => {
            let count = smarten::models::convert_safetensors(&source, &target)?;
            println!(
                "converted {count} tensors from {} to {}",
                source.display(),
                target.display()
            );
            Ok(ExitCode::SUCCESS)
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

/// "precision 0.92 (n=24)", or "not measured".
fn precision_text(rule: smarten::core::rules::RuleId) -> String {
    match smarten::core::calibration::measured(rule) {
        Some(m) => match m.precision() {
            Some(p) => format!("precision {p:.2} (n={})", m.right + m.wrong),
            None => "no judged hits".to_string(),
        },
        None => "not measured".to_string(),
    }
}

fn level_name(level: smarten::Level) -> &'static str {
    match level {
        smarten::Level::Off => "off",
        smarten::Level::Warning => "warning",
        smarten::Level::Error => "error",
    }
}

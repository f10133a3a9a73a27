//! Seq2seq generation of rewrite candidates, when the user supplies a model in
//! rust-bert's format: BART (`rust_model.ot`, `config.json`, `vocab.json`,
//! `merges.txt`) or T5 (`rust_model.ot`, `config.json`, `spiece.model`).
//! Its output is only ever a candidate: it goes through the same re-check and
//! the same golden-rule filter as every template rewrite.

use super::ModelError;
use crate::rewrite::{Generate, GenerateError};
use rust_bert::bart::BartGenerator;
use rust_bert::pipelines::generation_utils::{GenerateConfig, LanguageGenerator};
use rust_bert::resources::LocalResource;
use rust_bert::t5::T5Generator;
use std::path::Path;
use std::sync::Mutex;

/// How many candidates the model returns per objective.
pub const CANDIDATES: i64 = 3;

/// The instruction given to T5-family models (Flan-T5 follows instructions).
pub const T5_PROMPT: &str =
    "Rewrite this objective so that it says who will do what, how often, by when and how it will be measured: ";

enum Model {
    Bart(Box<BartGenerator>),
    T5(Box<T5Generator>),
}

/// A loaded seq2seq model.
pub struct Seq2SeqGenerator {
    model: Mutex<Model>,
    kind: &'static str,
}

impl Seq2SeqGenerator {
    /// Loads the model in `dir`; its `config.json` says whether it is BART or T5.
    pub fn load(dir: &Path) -> Result<Self, ModelError> {
        let fail = |reason: String| ModelError::Generator {
            dir: dir.display().to_string(),
            reason,
        };
        let config_path = dir.join("config.json");
        let config_text = std::fs::read_to_string(&config_path)
            .map_err(|e| fail(format!("cannot read config.json: {e}")))?;
        let config: serde_json::Value = serde_json::from_str(&config_text)
            .map_err(|e| fail(format!("config.json is not JSON: {e}")))?;
        let model_type = config
            .get("model_type")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_lowercase();
        let need = |file: &str| -> Result<Box<LocalResource>, ModelError> {
            let path = dir.join(file);
            if path.is_file() {
                Ok(Box::new(LocalResource::from(path)))
            } else {
                Err(fail(format!("{file} is missing")))
            }
        };
        let (kind, vocab, merges) = match model_type.as_str() {
            "bart" => ("bart", need("vocab.json")?, Some(need("merges.txt")?)),
            "t5" => ("t5", need("spiece.model")?, None),
            other => {
                return Err(fail(format!(
                    "model_type '{other}' is not supported (use a BART or T5 model)"
                )))
            }
        };
        let max_length = config
            .get("max_position_embeddings")
            .and_then(|v| v.as_i64())
            .unwrap_or(128)
            .min(96);
        tch::set_num_threads(1);
        let generate_config = GenerateConfig {
            model_resource: need("rust_model.ot")?,
            config_resource: need("config.json")?,
            vocab_resource: vocab,
            merges_resource: merges.map(|m| m as Box<_>),
            min_length: 0,
            max_length: Some(max_length),
            do_sample: false,
            early_stopping: true,
            num_beams: CANDIDATES,
            temperature: 1.0,
            top_k: 0,
            top_p: 1.0,
            repetition_penalty: 1.0,
            length_penalty: 1.0,
            no_repeat_ngram_size: 3,
            num_return_sequences: CANDIDATES,
            num_beam_groups: None,
            diversity_penalty: None,
            device: tch::Device::Cpu,
        };
        let model = match kind {
            "bart" => Model::Bart(Box::new(
                BartGenerator::new(generate_config).map_err(|e| fail(e.to_string()))?,
            )),
            _ => Model::T5(Box::new(
                T5Generator::new(generate_config).map_err(|e| fail(e.to_string()))?,
            )),
        };
        Ok(Seq2SeqGenerator {
            model: Mutex::new(model),
            kind,
        })
    }

    /// "bart" or "t5".
    pub fn kind(&self) -> &'static str {
        self.kind
    }
}

impl Generate for Seq2SeqGenerator {
    fn generate(&self, objective: &str) -> Result<Vec<String>, GenerateError> {
        let model = self
            .model
            .lock()
            .map_err(|_| GenerateError("the generator panicked earlier".to_string()))?;
        let outputs = match &*model {
            Model::Bart(m) => m.generate(Some(&[objective]), None),
            Model::T5(m) => m.generate(Some(&[format!("{T5_PROMPT}{objective}")]), None),
        };
        Ok(outputs
            .into_iter()
            .map(|o| o.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|t| !t.is_empty())
            .collect())
    }
}

//! The models at the edge: finds the model files on disk (`$SMARTEN_MODELS`,
//! then `models/` beside the project or the executable, then the user data
//! directory) and loads them. A missing file is an error that names the file and
//! the command that installs it. The nlprule tagger is always built; the
//! rust-bert MiniLM encoder and seq2seq generator need the `minilm` feature (on
//! by default), which links libtorch.

#[cfg(feature = "minilm")]
pub mod generator;
#[cfg(feature = "minilm")]
pub mod minilm;

use crate::core::similarity::Embed;
use crate::rewrite::Generate;

use std::path::{Path, PathBuf};

/// The command that installs every model file.
pub const INSTALL_COMMAND: &str = "make models";

#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    #[error(
        "model file {file} is missing (looked in: {searched}); install it with `{INSTALL_COMMAND}`"
    )]
    Missing { file: String, searched: String },
    #[error(
        "model file {path} could not be loaded: {reason}; reinstall it with `{INSTALL_COMMAND}`"
    )]
    Unreadable { path: String, reason: String },
    #[error("generator model {dir}: {reason}")]
    Generator { dir: String, reason: String },
    #[error("{0}")]
    Convert(String),
    #[error("this smarten was built without the `minilm` feature, so it cannot load {what} (rebuild with default features)")]
    NotBuilt { what: &'static str },
}

/// The folder, under a models directory, that holds the converted MiniLM files.
pub const MINILM_DIR: &str = "minilm";

/// The folders searched for models, in order.
pub fn search_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(dir) = std::env::var_os("SMARTEN_MODELS") {
        dirs.push(PathBuf::from(dir));
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("models"));
    if let Ok(exe) = std::env::current_exe() {
        for ancestor in exe.ancestors().skip(1).take(4) {
            dirs.push(ancestor.join("models"));
        }
    }
    if let Some(data) = dirs::data_dir() {
        dirs.push(data.join("smarten").join("models"));
    }
    dirs.dedup();
    dirs
}

/// Path of `relative` (e.g. `nlprule/en_tokenizer.bin`) in the first folder that has it.
pub fn locate(relative: &str) -> Result<PathBuf, ModelError> {
    let dirs = search_dirs();
    dirs.iter()
        .map(|d| d.join(relative))
        .find(|p| p.is_file())
        .ok_or_else(|| ModelError::Missing {
            file: relative.to_string(),
            searched: dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
        })
}

/// Loads nlprule's English tokenizer.
pub fn load_tokenizer() -> Result<nlprule::Tokenizer, ModelError> {
    let path = locate("nlprule/en_tokenizer.bin")?;
    nlprule::Tokenizer::new(&path).map_err(|e| ModelError::Unreadable {
        path: path.display().to_string(),
        reason: e.to_string(),
    })
}

/// Loads the all-MiniLM-L6-v2 sentence encoder from `minilm/` in the first models
/// folder that has its weights.
#[cfg(feature = "minilm")]
pub fn load_encoder() -> Result<minilm::SentenceEncoder, ModelError> {
    let weights = locate(&format!("{MINILM_DIR}/rust_model.ot"))?;
    let dir = weights.parent().unwrap_or(Path::new("."));
    minilm::SentenceEncoder::load(dir).map_err(|e| ModelError::Unreadable {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })
}

/// The sentence model as the rest of smarten uses it: MiniLM when this build
/// has the `minilm` feature and the model is installed.
pub fn load_embedder() -> Result<Box<dyn Embed>, ModelError> {
    #[cfg(feature = "minilm")]
    {
        load_encoder().map(|e| Box::new(e) as Box<dyn Embed>)
    }
    #[cfg(not(feature = "minilm"))]
    {
        Err(ModelError::NotBuilt {
            what: "the MiniLM sentence model",
        })
    }
}

/// Keeps the linear algebra library to one thread while rows run in parallel
/// (see [`minilm::single_threaded_blas`]); nothing to do without the model.
pub fn single_threaded_blas() {
    #[cfg(feature = "minilm")]
    minilm::single_threaded_blas();
}

/// Loads a seq2seq model (BART or T5 in rust-bert's format) that proposes rewrites.
pub fn load_generator(dir: &Path) -> Result<Box<dyn Generate>, ModelError> {
    #[cfg(feature = "minilm")]
    {
        generator::Seq2SeqGenerator::load(dir).map(|g| Box::new(g) as Box<dyn Generate>)
    }
    #[cfg(not(feature = "minilm"))]
    {
        let _ = dir;
        Err(ModelError::NotBuilt {
            what: "a seq2seq generator",
        })
    }
}

/// Converts published safetensors weights into the `.ot` file tch loads;
/// returns the number of tensors written.
pub fn convert_safetensors(source: &Path, target: &Path) -> Result<usize, ModelError> {
    #[cfg(feature = "minilm")]
    {
        minilm::convert_safetensors(source, target).map_err(|e| ModelError::Convert(e.to_string()))
    }
    #[cfg(not(feature = "minilm"))]
    {
        let _ = (source, target);
        Err(ModelError::NotBuilt {
            what: "tch to convert weights",
        })
    }
}

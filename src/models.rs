//! Finds the model files on disk: `$SMARTEN_MODELS`, then `models/` beside the
//! project or the executable, then the user data directory. A missing file is an
//! error that names the file and the command that installs it.

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
}

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
pub fn load_encoder() -> Result<crate::embed::SentenceEncoder, ModelError> {
    let weights = locate(&format!("{}/rust_model.ot", crate::embed::MINILM_DIR))?;
    let dir = weights.parent().unwrap_or(Path::new("."));
    crate::embed::SentenceEncoder::load(dir).map_err(|e| ModelError::Unreadable {
        path: dir.display().to_string(),
        reason: e.to_string(),
    })
}

//! Output files written atomically: into a temporary file beside the target,
//! renamed into place only when complete, so a failed or interrupted run never
//! leaves a half-written file at the path the user named.

use std::io::Write;
use std::path::Path;
use tempfile::NamedTempFile;

/// An output file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct OutputError {
    pub path: String,
    pub reason: String,
}

impl OutputError {
    pub fn new(path: &Path, reason: impl std::fmt::Display) -> Self {
        OutputError {
            path: path.display().to_string(),
            reason: reason.to_string(),
        }
    }
}

/// A temporary file in the folder of `path`, so that renaming it into place is atomic.
pub fn temp_beside(path: &Path) -> Result<NamedTempFile, OutputError> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    NamedTempFile::new_in(dir).map_err(|e| OutputError::new(path, e))
}

/// Moves a finished temporary file to `path`, readable by others.
pub fn persist(tmp: NamedTempFile, path: &Path) -> Result<(), OutputError> {
    tmp.persist(path).map_err(|e| OutputError::new(path, e))?;
    readable_by_others(path);
    Ok(())
}

/// Writes `contents` to `path` atomically: a temporary file beside it, then a rename.
pub fn write_atomically(path: &Path, contents: &[u8]) -> Result<(), OutputError> {
    let mut tmp = temp_beside(path)?;
    tmp.write_all(contents)
        .and_then(|_| tmp.flush())
        .map_err(|e| OutputError::new(path, e))?;
    persist(tmp, path)
}

/// Temporary files are created private (0600); a finished report is an ordinary file.
fn readable_by_others(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644));
    }
}

//! Output files written atomically: into a temporary file beside the target,
//! renamed into place only when complete, so a failed or interrupted run never
//! leaves a half-written file at the path the user named. Temporary files are
//! named for their target and process, removed on Ctrl-C or SIGTERM, and those
//! left by a process killed outright are removed by the next run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use tempfile::NamedTempFile;

/// The temporary files this process is writing, to remove if it is interrupted.
static IN_PROGRESS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

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

/// The folder `path` is in ("." for a bare file name).
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The start of the names of temporary files for `path`: ".records.jsonl.smarten-".
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(|| "output".into(), |n| n.to_string_lossy());
    format!(".{name}.smarten-")
}

/// Refuses an output path before any work is done: one that is a folder, or
/// whose folder does not exist.
pub fn check_output_path(path: &Path) -> Result<(), OutputError> {
    if path.is_dir() {
        return Err(OutputError::new(
            path,
            "is a folder; name a file to write (for example records.jsonl inside it)",
        ));
    }
    let dir = folder_of(path);
    if !dir.is_dir() {
        return Err(OutputError::new(
            path,
            format!("the folder {} does not exist", dir.display()),
        ));
    }
    Ok(())
}

/// A temporary file in the folder of `path`, so that renaming it into place is
/// atomic, named `.NAME.smarten-PID-XXXXXX.tmp`.
pub fn temp_beside(path: &Path) -> Result<NamedTempFile, OutputError> {
    check_output_path(path)?;
    let tmp = tempfile::Builder::new()
        .prefix(&format!("{}{}-", temp_prefix(path), std::process::id()))
        .suffix(".tmp")
        .tempfile_in(folder_of(path))
        .map_err(|e| OutputError::new(path, e))?;
    if let Ok(mut list) = IN_PROGRESS.lock() {
        list.push(tmp.path().to_path_buf());
    }
    Ok(tmp)
}

/// Removes every temporary file this process is writing (on Ctrl-C or SIGTERM).
pub fn remove_in_progress() {
    if let Ok(list) = IN_PROGRESS.lock() {
        for p in list.iter() {
            let _ = std::fs::remove_file(p);
        }
    }
}

/// Removes the temporary files for `path` left by a smarten process that no
/// longer runs (killed outright, so it could not clean up); returns them.
/// Where processes cannot be looked up (no `/proc`), nothing is removed.
pub fn remove_stale_temps(path: &Path) -> Vec<PathBuf> {
    let proc = Path::new("/proc/self");
    if !proc.exists() {
        return Vec::new();
    }
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(folder_of(path)) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else {
            continue;
        };
        let pid = rest.split('-').next().and_then(|p| p.parse::<u32>().ok());
        let alive = pid.is_some_and(|p| Path::new(&format!("/proc/{p}")).exists());
        if pid.is_some()
            && !alive
            && name.ends_with(".tmp")
            && std::fs::remove_file(entry.path()).is_ok()
        {
            removed.push(entry.path());
        }
    }
    removed
}

/// Moves a finished temporary file to `path`, readable by others.
pub fn persist(tmp: NamedTempFile, path: &Path) -> Result<(), OutputError> {
    let from = tmp.path().to_path_buf();
    tmp.persist(path).map_err(|e| OutputError::new(path, e))?;
    if let Ok(mut list) = IN_PROGRESS.lock() {
        list.retain(|p| *p != from);
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_output_path_that_cannot_be_written_is_refused_first() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let err = check_output_path(dir.path()).unwrap_err().to_string();
        assert!(
            err.ends_with(
                "is a folder; name a file to write (for example records.jsonl inside it)"
            ),
            "{err}"
        );
        let missing = dir.path().join("no/such/out.jsonl");
        let err = check_output_path(&missing).unwrap_err().to_string();
        assert!(err.contains("no/such does not exist"), "{err}");
        assert!(check_output_path(&dir.path().join("out.jsonl")).is_ok());
    }

    #[test]
    fn temporary_files_of_dead_processes_are_removed_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let out = dir.path().join("records.jsonl");
        let live = temp_beside(&out).unwrap_or_else(|e| panic!("{e}"));
        // No process has this number (Linux pids stop well below it).
        let dead = dir.path().join(".records.jsonl.smarten-4294967-abc123.tmp");
        let other = dir.path().join(".report.html.smarten-4294967-abc123.tmp");
        for p in [&dead, &other] {
            std::fs::write(p, "partial").unwrap_or_else(|e| panic!("{e}"));
        }
        let removed = remove_stale_temps(&out);
        if Path::new("/proc/self").exists() {
            assert_eq!(removed, vec![dead.clone()]);
        }
        assert!(live.path().exists() && other.exists());
        persist(live, &out).unwrap_or_else(|e| panic!("{e}"));
        assert!(out.exists());
    }
}

//! Which `smarten.toml` applies, found as linters find theirs: `--config`, or
//! the nearest `smarten.toml` (or `.smarten.toml`) in the working folder or a
//! folder above it, or the user's own (`~/.config/smarten/smarten.toml` on
//! Linux); `--isolated` uses none.

use std::path::{Path, PathBuf};

/// Where the settings came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// Named with `--config`.
    Named(PathBuf),
    /// Found in `start` or a folder above it.
    Project(PathBuf),
    /// The user's config folder.
    User(PathBuf),
    /// No file: the built-in defaults (`isolated` when `--isolated` said so).
    Defaults { isolated: bool },
}

impl ConfigSource {
    pub fn path(&self) -> Option<&Path> {
        match self {
            ConfigSource::Named(p) | ConfigSource::Project(p) | ConfigSource::User(p) => Some(p),
            ConfigSource::Defaults { .. } => None,
        }
    }

    /// A line for `smarten config`.
    pub fn describe(&self) -> String {
        match self {
            ConfigSource::Named(p) => format!("{} (named with --config)", p.display()),
            ConfigSource::Project(p) => format!("{} (the nearest in this folder or above)", p.display()),
            ConfigSource::User(p) => format!("{} (the user's config)", p.display()),
            ConfigSource::Defaults { isolated: true } => "none: --isolated, so the built-in defaults".into(),
            ConfigSource::Defaults { isolated: false } => {
                "none found: the built-in defaults (looked for smarten.toml or .smarten.toml here and in every folder above, then in the user's config folder)".into()
            }
        }
    }
}

/// The names a project's config may have, in the order they are tried.
const NAMES: [&str; 2] = ["smarten.toml", ".smarten.toml"];

/// Finds the config that applies to a run started in `start`.
pub fn discover(named: Option<&Path>, start: &Path, isolated: bool) -> ConfigSource {
    if let Some(p) = named {
        return ConfigSource::Named(p.to_path_buf());
    }
    if isolated {
        return ConfigSource::Defaults { isolated: true };
    }
    for folder in start.ancestors() {
        for name in NAMES {
            let candidate = folder.join(name);
            if candidate.is_file() {
                return ConfigSource::Project(candidate);
            }
        }
    }
    if let Some(user) = dirs::config_dir().map(|d| d.join("smarten").join("smarten.toml")) {
        if user.is_file() {
            return ConfigSource::User(user);
        }
    }
    ConfigSource::Defaults { isolated: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nearest_config_above_wins_and_isolated_uses_none() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let deep = dir.path().join("a/b/c");
        std::fs::create_dir_all(&deep).unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("smarten.toml"), "").unwrap_or_else(|e| panic!("{e}"));
        std::fs::write(dir.path().join("a/.smarten.toml"), "").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            discover(None, &deep, false),
            ConfigSource::Project(dir.path().join("a/.smarten.toml"))
        );
        assert_eq!(
            discover(None, dir.path(), false),
            ConfigSource::Project(dir.path().join("smarten.toml"))
        );
        assert_eq!(
            discover(None, &deep, true),
            ConfigSource::Defaults { isolated: true }
        );
        let named = dir.path().join("other.toml");
        assert_eq!(
            discover(Some(&named), &deep, true),
            ConfigSource::Named(named)
        );
    }
}

//! The conventions of command-line linters: config discovery (`smarten
//! config`, `--isolated`), shell completions, a man page, `rules --format
//! json`, "did you mean" for rule ids, and colour that honours NO_COLOR and
//! CLICOLOR_FORCE.

use std::path::Path;
use std::process::{Command, Output};

fn smarten_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_smarten"));
    cmd.args(args).current_dir(dir);
    // No user config from the machine running the tests.
    cmd.env("XDG_CONFIG_HOME", dir.join("no-user-config"));
    cmd.env_remove("NO_COLOR").env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output()
        .unwrap_or_else(|e| panic!("cannot run smarten: {e}"))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn the_config_found_is_the_nearest_above_then_the_users_and_isolated_uses_none() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let deep = dir.path().join("plans/2027/q1");
    std::fs::create_dir_all(&deep).unwrap_or_else(|e| panic!("{e}"));
    let said = |args: &[&str]| stdout(&smarten_in(&deep, args, &[]));
    assert!(said(&["config"]).contains("none found: the built-in defaults"));
    // The user's config, then a project's nearer one.
    let user = deep.join("no-user-config/smarten");
    std::fs::create_dir_all(&user).unwrap_or_else(|e| panic!("{e}"));
    std::fs::write(user.join("smarten.toml"), "[rules]\nacronym = 'off'\n")
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(
        said(&["config"]).contains("smarten/smarten.toml (the user's config)"),
        "{}",
        said(&["config"])
    );
    std::fs::write(
        dir.path().join("plans/.smarten.toml"),
        "[rules]\nacronym = 'error'\n",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let found = said(&["config"]);
    assert!(
        found.contains("plans/.smarten.toml (the nearest in this folder or above)"),
        "{found}"
    );
    // The project's config is the one applied.
    let rules = said(&["rules"]);
    let acronym = rules
        .lines()
        .find(|l| l.starts_with("acronym"))
        .unwrap_or_default();
    assert!(acronym.contains("error"), "{acronym}");
    assert!(said(&["config", "--isolated"]).contains("none: --isolated"));
    let isolated = said(&["rules", "--isolated"]);
    let acronym = isolated
        .lines()
        .find(|l| l.starts_with("acronym"))
        .unwrap_or_default();
    assert!(acronym.contains("warning"), "{acronym}");
}

#[test]
fn completions_and_a_man_page_are_generated() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    for (shell, mark) in [
        ("bash", "_smarten()"),
        ("zsh", "#compdef smarten"),
        ("fish", "complete -c smarten"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = smarten_in(dir.path(), &["completions", shell], &[]);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(
            text.contains(mark),
            "{shell}: {}",
            &text[..text.len().min(300)]
        );
        assert!(
            text.contains("audit") && text.contains("--baseline"),
            "{shell}"
        );
    }
    let man = stdout(&smarten_in(dir.path(), &["manpage"], &[]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH smarten"),
        "{}",
        &man[..man.len().min(300)]
    );
    assert!(man.contains("audit"));
}

#[test]
fn rules_list_as_json_and_unknown_ids_get_a_suggestion() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let out = smarten_in(dir.path(), &["rules", "--format", "json"], &[]);
    let rules: Vec<serde_json::Value> =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}"));
    assert!(rules.len() > 20);
    for r in &rules {
        assert!(r["id"].as_str().is_some_and(|s| !s.is_empty()));
        assert!(
            ["S", "M", "A", "R", "T"].contains(&r["letter"].as_str().unwrap_or_default()),
            "{r}"
        );
        assert!(
            ["error", "warning", "off"].contains(&r["level"].as_str().unwrap_or_default()),
            "{r}"
        );
    }
    let out = smarten_in(dir.path(), &["explain", "vauge-verb"], &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean 'vague-verb'?"));
}

#[test]
fn colour_follows_no_color_and_clicolor_force() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let check = |env: &[(&str, &str)], color: &str| {
        stdout(&smarten_in(
            dir.path(),
            &["check", "Mum to engage with services", "--color", color],
            env,
        ))
    };
    let escape = '\u{1b}';
    assert!(
        !check(&[], "auto").contains(escape),
        "not a terminal: no colour"
    );
    assert!(check(&[("CLICOLOR_FORCE", "1")], "auto").contains(escape));
    assert!(!check(&[("CLICOLOR_FORCE", "0")], "auto").contains(escape));
    assert!(!check(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], "auto").contains(escape));
    assert!(check(&[("NO_COLOR", "1")], "always").contains(escape));
    let bad = smarten_in(dir.path(), &["check", "x", "--color", "sometimes"], &[]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("possible values: auto, always, never"));
}

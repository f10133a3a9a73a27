//! The crate's layers import downward only, and the pure core does no I/O.
//! Reads every file under `src/` (leaving out its `#[cfg(test)]` module, which
//! may load models to test with) and checks each `crate::<layer>` path and each
//! external crate it names against what its layer may use.

use std::path::{Path, PathBuf};

/// A layer: the folder (or file) under `src/`, the layers it may import, and
/// the external crates and `std` modules it must not name.
struct Layer {
    name: &'static str,
    may_import: &'static [&'static str],
    forbidden: &'static [&'static str],
}

/// Everything that reaches outside the process or links libtorch.
const IO_AND_MODELS: &[&str] = &[
    "std::fs",
    "std::net",
    "std::process",
    "std::env",
    "tch::",
    "rust_bert",
    "calamine",
    "csv::",
    "zip::",
    "quick_xml",
    "tempfile",
    "indicatif",
];

const LAYERS: &[Layer] = &[
    Layer {
        name: "core",
        may_import: &["core"],
        forbidden: IO_AND_MODELS,
    },
    Layer {
        name: "rewrite",
        may_import: &["core", "rewrite"],
        forbidden: IO_AND_MODELS,
    },
    Layer {
        name: "eval",
        may_import: &["core", "rewrite", "eval"],
        forbidden: IO_AND_MODELS,
    },
    Layer {
        name: "io",
        may_import: &["core", "io"],
        forbidden: &["tch::", "rust_bert", "indicatif"],
    },
    Layer {
        name: "models",
        may_import: &["core", "rewrite", "models"],
        forbidden: &["indicatif"],
    },
    Layer {
        name: "audit",
        may_import: &["core", "rewrite", "io", "audit"],
        forbidden: &["tch::", "rust_bert", "indicatif"],
    },
    Layer {
        name: "mark",
        may_import: &["core", "rewrite", "io", "mark"],
        forbidden: &["tch::", "rust_bert", "indicatif"],
    },
    Layer {
        name: "report",
        may_import: &["core", "rewrite", "io", "audit", "mark", "report"],
        forbidden: &["tch::", "rust_bert", "indicatif"],
    },
    Layer {
        name: "serve",
        may_import: &["core", "rewrite", "io", "audit", "mark", "report", "serve"],
        forbidden: &["tch::", "rust_bert", "indicatif", "std::fs", "std::process"],
    },
];

/// Every layer name a `crate::` path can start with.
const ALL: &[&str] = &[
    "core", "rewrite", "eval", "io", "models", "audit", "mark", "report", "serve", "cli",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The file's code without its test module and without comments.
fn code(text: &str) -> String {
    let mut out = String::new();
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let t = line.trim_start();
        if t.starts_with("#[cfg(test)]")
            && lines
                .peek()
                .is_some_and(|n| n.trim_start().starts_with("mod ") || n.contains(" mod "))
        {
            break;
        }
        if t.starts_with("//") {
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// The layers named by `crate::<layer>` paths in `code`.
fn imported_layers(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        if i > 0 && code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `smarten::crate::` never occurs; this skips `$crate::`-like paths
        }
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if ALL.contains(&name.as_str()) && !found.contains(&name) {
            found.push(name);
        }
    }
    found
}

#[test]
fn layers_import_downward_only() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut problems = Vec::new();
    let mut checked = 0;
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.components().next().unwrap().as_os_str();
        let first = first.to_str().unwrap().trim_end_matches(".rs");
        let Some(layer) = LAYERS.iter().find(|l| l.name == first) else {
            continue; // lib.rs, main.rs, cli/ and testing.rs may use every layer
        };
        checked += 1;
        let code = code(&std::fs::read_to_string(file).unwrap());
        for imported in imported_layers(&code) {
            if !layer.may_import.contains(&imported.as_str()) {
                problems.push(format!(
                    "{}: the {} layer imports crate::{imported}",
                    relative.display(),
                    layer.name
                ));
            }
        }
        for name in layer.forbidden {
            if code.contains(name) {
                problems.push(format!(
                    "{}: the {} layer uses {name}",
                    relative.display(),
                    layer.name
                ));
            }
        }
    }
    assert!(checked > 50, "only {checked} files were checked");
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn the_checker_sees_an_upward_import() {
    // The scan itself: a core file that named the audit layer would be caught.
    assert_eq!(
        imported_layers("use crate::audit::Auditor;\nuse crate::core::nlp::Analysis;"),
        vec!["audit".to_string(), "core".to_string()]
    );
    assert_eq!(
        code("use crate::core::x;\n#[cfg(test)]\nmod tests {\n use crate::models::y;\n}\n"),
        "use crate::core::x;\n"
    );
}

//! Golden tests: each `tests/filetests/ast/NAME.py` of the workspace is parsed
//! and compared with `NAME.ast` (the dump) or, for programs that must be
//! rejected, `NAME.err` (`line:col: error: message`).
//!
//! `UPDATE_EXPECT=1 cargo test -p syntax --test filetests` rewrites the
//! expected files from the current output instead; review the diff.

use std::path::{Path, PathBuf};

fn filetests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/ast")
}

/// The expected file's extension and contents for one input.
fn actual_output(path: &Path) -> (&'static str, String) {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {}", path.display(), e));
    let text = syntax::decode_source(&bytes);
    match syntax::parse_module(&text, diag::FileId(0)) {
        Ok(module) => ("ast", syntax::dump_module(&module)),
        Err(e) => ("err", format!("{}\n", e)),
    }
}

#[test]
fn golden_files() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some_and(|v| v == "1");
    let dir = filetests_dir();
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .map(|entry| entry.map(|e| e.path()).unwrap_or_default())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no .py files in {}", dir.display());

    let mut failures = Vec::new();
    for input in &inputs {
        let (kind, actual) = actual_output(input);
        let expected_path = input.with_extension(kind);
        let other_path = input.with_extension(if kind == "ast" { "err" } else { "ast" });
        if update {
            std::fs::write(&expected_path, &actual).unwrap_or_else(|e| panic!("{}: {}", expected_path.display(), e));
            let _ = std::fs::remove_file(&other_path);
            continue;
        }
        let name = input.file_name().unwrap_or_default().to_string_lossy();
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}: {} differs\n--- expected\n{}--- actual\n{}",
                name, kind, expected, actual
            )),
            Err(_) if other_path.exists() => failures.push(format!(
                "{}: expected the .{} outcome, got .{}:\n{}",
                name,
                if kind == "ast" { "err" } else { "ast" },
                kind,
                actual
            )),
            Err(_) => failures.push(format!("{}: no expected .{} file (run with UPDATE_EXPECT=1)", name, kind)),
        }
    }
    println!("{} golden files checked", inputs.len());
    assert!(failures.is_empty(), "{} golden tests failed:\n\n{}", failures.len(), failures.join("\n"));
}

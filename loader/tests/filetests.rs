//! Golden tests: each folder of tests/filetests/loader holds a `target.py`
//! (and the modules it imports), optionally `args` (the target arguments,
//! whitespace-separated), and `expected.dump`: the `dump_program` text, or
//! the rendered diagnostic when loading fails.
//!
//! `UPDATE_EXPECT=1 cargo test -p loader --test filetests` rewrites the
//! expected files; review the diff before committing it.

use std::path::{Path, PathBuf};

use diag::SourceMap;
use loader::{dump_program, load_target, LoadOptions};

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/loader");
    let mut dirs: Vec<PathBuf> = match std::fs::read_dir(&root) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.join("target.py").is_file()).collect(),
        Err(_) => Vec::new(),
    };
    dirs.sort();
    dirs
}

/// The text a case produces: the dump, or the diagnostic with paths relative to the case folder.
fn run_case(dir: &Path) -> String {
    let args = std::fs::read_to_string(dir.join("args")).unwrap_or_default();
    let options = LoadOptions {
        search_path: vec![],
        target_args: args.split_whitespace().map(|s| s.to_string()).collect(),
    };
    let mut sources = SourceMap::new();
    match load_target(&dir.join("target.py"), &options, &mut sources) {
        Ok(program) => dump_program(&program),
        Err(d) => d.render(&sources).replace(&format!("{}/", dir.display()), ""),
    }
}

#[test]
fn filetests() {
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let cases = cases();
    assert!(!cases.is_empty(), "no loader filetests found");
    let mut failures = Vec::new();
    for dir in &cases {
        let got = run_case(dir);
        let expected_path = dir.join("expected.dump");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got == expected {
            continue;
        }
        if update {
            std::fs::write(&expected_path, &got).expect("cannot write expected.dump");
        } else {
            failures.push(format!("--- {}\n--- expected:\n{}\n--- got:\n{}", dir.display(), expected, got));
        }
    }
    assert!(failures.is_empty(), "{} loader filetest(s) failed:\n{}", failures.len(), failures.join("\n"));
}

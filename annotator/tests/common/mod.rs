//! Shared by the golden tests of the annotator, the rtyper and transforms (they
//! include this file by path): loads a test program with the real loader
//! and runs a folder of `NAME.py` files against their expected outputs.

use std::path::{Path, PathBuf};

use diag::{Diagnostic, SourceMap};
use hostobj::{Heap, ObjId};

/// A loaded test program.
pub struct TestProgram {
    pub heap: Heap,
    pub entry: ObjId,
    #[allow(dead_code)] // for tests that render diagnostics with source lines
    pub sources: SourceMap,
}

/// Loads the target file `path` and returns its entry point.
pub fn load(path: &Path) -> Result<TestProgram, Diagnostic> {
    let mut sources = SourceMap::new();
    let program = loader::load_target(path, &loader::LoadOptions::default(), &mut sources)?;
    Ok(TestProgram { heap: program.heap, entry: program.entry_point, sources })
}

/// Runs every `NAME.py` of `dir` that defines `entry_point` through `run`,
/// comparing its text with `NAME.<ext>`, or its error (`line:col: error:
/// message`) with `NAME.err`. With `UPDATE_EXPECT=1` the expected files are
/// rewritten instead (review the diff).
pub fn run_folder(dir: &Path, ext: &str, run: &dyn Fn(&TestProgram) -> Result<String, Diagnostic>) {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.contains("def entry_point(") {
            continue; // a module imported by other tests
        }
        count += 1;
        let result = load(&path).and_then(|p| run(&p));
        let (actual, expected_path, other) = match result {
            Ok(dump) => (dump, path.with_extension(ext), path.with_extension("err")),
            Err(d) => (format!("{}\n", d), path.with_extension("err"), path.with_extension(ext)),
        };
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            let _ = std::fs::remove_file(other);
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}: differs from {}\n--- expected\n{}--- actual\n{}",
                path.display(),
                expected_path.display(),
                expected,
                actual
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (run with UPDATE_EXPECT=1 to create it); actual output:\n{}",
                path.display(),
                expected_path.display(),
                actual
            )),
        }
    }
    assert!(count > 0, "no tests in {}", dir.display());
    assert!(failures.is_empty(), "{} of {} golden tests failed:\n\n{}", failures.len(), count, failures.join("\n"));
}

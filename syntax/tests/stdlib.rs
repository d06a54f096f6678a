//! Parses every `.py` file of CPython 2.7's standard library (from pyenv).
//!
//! All must parse except the files listed below, which must fail: those
//! CPython's own `compile()` rejects.

use std::path::{Path, PathBuf};
use std::time::Instant;

/// Files CPython 2.7.18's `compile()` rejects too (checked with
/// `python2.7 -c "compile(open(f).read(), f, 'exec')"`), with the reason.
/// (`test/bad_coding.py` and `test/bad_coding2.py` are rejected by CPython
/// for their coding declarations, which this parser ignores: they parse.)
const INVALID_IN_CPYTHON: &[(&str, &str)] = &[
    // Python 3 grammar test data for lib2to3 (`x = ...` outside a subscript).
    ("lib2to3/tests/data/py3_test_grammar.py", "invalid syntax"),
    // Encoded with the `string-escape` codec, so it is not Python as written.
    ("test/bad_coding3.py", "unexpected character after line continuation character"),
    // Deliberately misplaced or unknown `__future__` imports.
    ("test/badsyntax_future3.py", "future feature rested_snopes is not defined"),
    ("test/badsyntax_future4.py", "must occur at the beginning of the file"),
    ("test/badsyntax_future5.py", "must occur at the beginning of the file"),
    ("test/badsyntax_future6.py", "must occur at the beginning of the file"),
    ("test/badsyntax_future7.py", "must occur at the beginning of the file"),
    ("test/badsyntax_future8.py", "future feature * is not defined"),
    ("test/badsyntax_future9.py", "not a chance"),
    // `[x for x in x] = x`
    ("test/badsyntax_nocaret.py", "can't assign to list comprehension"),
];

fn stdlib_dir() -> Option<PathBuf> {
    let root = match std::env::var_os("PYENV_ROOT") {
        Some(root) => PathBuf::from(root),
        None => PathBuf::from(std::env::var_os("HOME")?).join(".pyenv"),
    };
    let dir = root.join("versions/2.7.18/lib/python2.7");
    dir.is_dir().then_some(dir)
}

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            python_files(&path, out);
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

/// Parses the files; returns `(relative path, Err(message))` for each failure.
fn parse_all(root: &Path, files: &[PathBuf]) -> Vec<(String, String)> {
    let mut failures = Vec::new();
    for path in files {
        let relative = path.strip_prefix(root).unwrap_or(path).to_string_lossy().into_owned();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                failures.push((relative, e.to_string()));
                continue;
            }
        };
        let text = syntax::decode_source(&bytes);
        if let Err(e) = syntax::parse_module(&text, diag::FileId(0)) {
            failures.push((relative, e.to_string()));
        }
    }
    failures
}

#[test]
fn parses_the_whole_standard_library() {
    let Some(root) = stdlib_dir() else {
        println!("note: CPython 2.7.18 not found under $PYENV_ROOT or ~/.pyenv; skipping");
        return;
    };
    let mut files = Vec::new();
    python_files(&root, &mut files);
    files.sort();
    let start = Instant::now();
    // Two halves on two threads: the machine has two cores.
    let (first, second) = files.split_at(files.len() / 2);
    let mut failures = std::thread::scope(|s| {
        let other = s.spawn(|| parse_all(&root, second));
        let mut failures = parse_all(&root, first);
        failures.extend(other.join().unwrap_or_default());
        failures
    });
    let elapsed = start.elapsed();
    failures.sort();

    let mut problems = Vec::new();
    for &(path, reason) in INVALID_IN_CPYTHON {
        match failures.iter().position(|(p, _)| p == path) {
            Some(i) => {
                let (_, message) = failures.remove(i);
                if !message.contains(reason) {
                    problems.push(format!("{}: expected an error about {:?}, got {}", path, reason, message));
                }
            }
            None if root.join(path).exists() => problems.push(format!("{}: parsed, but should fail ({})", path, reason)),
            None => {}
        }
    }
    for (path, message) in &failures {
        problems.push(format!("{}: {}", path, message));
    }
    println!(
        "parsed {} standard library files ({} rejected as expected) in {:.2?}",
        files.len() - INVALID_IN_CPYTHON.len(),
        INVALID_IN_CPYTHON.len(),
        elapsed
    );
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

//! The bundled `rpython` package (pylib/rpython): its own tests on CPython
//! 2.7 when that is installed, and the translator's loader evaluating every
//! module of it (pylib/test/import_all_target.py imports them all and checks
//! at import time that they compute what CPython computes).

use std::path::PathBuf;
use std::process::Command;

use tests::{repo_root, translate};

/// CPython 2.7.18 from pyenv, if installed.
fn python27() -> Option<PathBuf> {
    let mut candidates = Vec::new();
    if let Some(root) = std::env::var_os("PYENV_ROOT") {
        candidates.push(PathBuf::from(root).join("versions/2.7.18/bin/python"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".pyenv/versions/2.7.18/bin/python"));
    }
    candidates.into_iter().find(|p| p.is_file())
}

#[test]
fn pylib_tests_pass_on_cpython() {
    let Some(python) = python27() else {
        eprintln!("note: CPython 2.7.18 not found under $PYENV_ROOT or ~/.pyenv: pylib's own tests skipped");
        return;
    };
    let root = repo_root();
    let out = Command::new(&python)
        .arg("pylib/test/run_all.py")
        .current_dir(&root)
        .output()
        .expect("run python2.7 pylib/test/run_all.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or("");
    assert!(
        out.status.success() && last.ends_with(" passed, 0 failed"),
        "pylib tests failed ({}):\n{}\n{}",
        out.status,
        stdout,
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn import_all_target_runs_untranslated() {
    let Some(python) = python27() else {
        eprintln!("note: CPython 2.7.18 not found: untranslated run of import_all_target skipped");
        return;
    };
    let root = repo_root();
    let out = Command::new(&python)
        .args(["-u", "tools/run_untranslated.py", "pylib/test/import_all_target.py"])
        .current_dir(&root)
        .output()
        .expect("run tools/run_untranslated.py");
    assert!(
        out.status.success(),
        "import_all_target.py failed untranslated ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "3 4 True\n");
}

#[test]
fn loader_evaluates_every_pylib_module() {
    let root = repo_root();
    let target = root.join("pylib/test/import_all_target.py");
    let out = translate(&["--batch", "--dump=modules", target.to_str().unwrap()], &root);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "the loader rejected the bundled rpython package ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // Every module of the package was imported (from the bundled folder).
    let modules = [
        "rpython.rlib.jit",
        "rpython.rlib.objectmodel",
        "rpython.rlib.rarithmetic",
        "rpython.rlib.rstring",
        "rpython.rlib.unroll",
        "rpython.rlib.debug",
        "rpython.rlib.rbigint",
        "rpython.rlib.streamio",
        "rpython.rlib.rfile",
        "rpython.rlib.listsort",
        "rpython.rlib.rfloat",
        "rpython.rlib.rrandom",
        "rpython.rlib.rgc",
        "rpython.rlib.nonconst",
        "rpython.jit.codewriter.policy",
        "rpython.tool.sourcetools",
    ];
    for m in modules {
        assert!(stdout.contains(&format!("module {} (bundled)", m)), "{} not in the dump:\n{}", m, stdout);
    }
    // A prebuilt unrolling_iterable has the tuple the flow graph builder reads.
    assert!(stdout.contains("unrolling_iterable instance _items=('add', 'sub', 'mul')"), "{}", stdout);
}

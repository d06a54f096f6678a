//! End to end: every tests/programs/NAME.py is translated at each opt level,
//! run, and its stdout and exit status compared with CPython 2.7's.

use tests::{check_program, programs, repo_root, run_all, scratch_dir};

fn check_level(level: &str) {
    let all = programs(&repo_root().join("tests/programs"));
    assert!(all.len() >= 25, "expected at least 25 programs, found {}", all.len());
    let dir = scratch_dir(&format!("programs-O{}", level));
    let opt = format!("--opt={}", level);
    run_all(&all, |p| check_program(p, &[opt.as_str()], &dir));
}

#[test]
fn programs_at_opt_0() {
    check_level("0");
}

#[test]
fn programs_at_opt_2() {
    check_level("2");
}

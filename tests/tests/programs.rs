//! End to end: every tests/programs/NAME.py is translated at each opt level,
//! run, and its stdout and exit status compared with CPython 2.7's: with
//! the generational collector (the default) as it runs normally and in its
//! stress mode (`RPY_GC_STRESS=1`: a collection at every allocation), and
//! with the allocator that never frees (`--gc=none`).

use tests::{check_program, programs, repo_root, run_all, scratch_dir};

fn check(name: &str, args: &[&str], env: &[(&str, &str)]) {
    let all = programs(&repo_root().join("tests/programs"));
    assert!(all.len() >= 25, "expected at least 25 programs, found {}", all.len());
    let dir = scratch_dir(name);
    run_all(&all, |p| check_program(p, args, env, &dir));
}

#[test]
fn programs_at_opt_0() {
    check("programs-O0", &["--opt=0"], &[]);
}

#[test]
fn programs_at_opt_2() {
    check("programs-O2", &["--opt=2"], &[]);
}

#[test]
fn programs_at_opt_0_gc_stress() {
    check("programs-O0-stress", &["--opt=0"], &[("RPY_GC_STRESS", "1")]);
}

#[test]
fn programs_at_opt_2_gc_stress() {
    check("programs-O2-stress", &["--opt=2"], &[("RPY_GC_STRESS", "1")]);
}

#[test]
fn programs_at_opt_2_without_gc() {
    check("programs-O2-nogc", &["--opt=2", "--gc=none"], &[]);
}

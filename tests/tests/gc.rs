//! The collector as the program sees it: the heap limit gives a catchable
//! MemoryError (never a crash), statistics on request, and the trivial
//! allocator still available with `--gc=none`.

use std::process::Command;

use tests::{repo_root, scratch_dir, translate};

fn build(name: &str, extra: &[&str]) -> std::path::PathBuf {
    let dir = scratch_dir(name);
    let exe = dir.join(name);
    let source = repo_root().join("tests/gc/memory_error.py");
    let output = format!("--output={}", exe.display());
    let mut args = vec!["--batch", output.as_str()];
    args.extend_from_slice(extra);
    args.push(source.to_str().unwrap());
    let out = translate(&args, &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    exe
}

#[test]
fn heap_limit_raises_memory_error() {
    for opt in ["--opt=0", "--opt=2"] {
        let exe = build(&format!("gc-memory-error{}", &opt[6..]), &[opt]);
        let run = Command::new(&exe).env("RPY_GC_MAX_HEAP", "16M").output().unwrap();
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            "MemoryError caught\nafter: 10000\n",
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        assert_eq!(run.status.code(), Some(0));
    }
}

#[test]
fn statistics_on_request() {
    let exe = build("gc-stats", &["--opt=2"]);
    let run = Command::new(&exe).env("RPY_GC_MAX_HEAP", "16M").env("RPY_GC_STATS", "1").output().unwrap();
    let err = String::from_utf8_lossy(&run.stderr);
    for line in ["[gc] minor collections:", "[gc] major collections:", "longest pause", "[gc] heap:"] {
        assert!(err.contains(line), "no `{}` in:\n{}", line, err);
    }
    let quiet = Command::new(&exe).env("RPY_GC_MAX_HEAP", "16M").output().unwrap();
    assert!(!String::from_utf8_lossy(&quiet.stderr).contains("[gc]"));
}

#[test]
fn unknown_collector_is_a_usage_error() {
    let out = translate(&["--gc=boehm", "x.py"], &repo_root());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown garbage collector `boehm`"));
}

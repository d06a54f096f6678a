//! Debug info: gdb stops at a breakpoint set on a .py line of a translated
//! program and shows the .py file and line in the backtrace.

use std::process::Command;

use tests::{repo_root, scratch_dir, translate};

#[test]
fn gdb_sees_python_source_lines() {
    if Command::new("gdb").arg("--version").output().is_err() {
        eprintln!("gdb is not installed: skipping");
        return;
    }
    let dir = scratch_dir("gdb");
    let target = repo_root().join("tests/programs/fib.py");
    let exe = dir.join("fib-c");
    let out_arg = format!("--output={}", exe.display());
    let out = translate(&["--batch", "--opt=0", &out_arg, target.to_str().unwrap()], &dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Line 4 of fib.py is `if n < 2:` inside fib().
    let gdb = Command::new("gdb")
        .args(["-batch", "-nx", "-ex", "break fib.py:4", "-ex", "run", "-ex", "bt", "-ex", "kill"])
        .arg(&exe)
        .arg("3")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&gdb.stdout).into_owned() + &String::from_utf8_lossy(&gdb.stderr);
    assert!(text.contains("Breakpoint 1, "), "breakpoint not hit:\n{}", text);
    assert!(text.contains("fib.py:4"), "no fib.py:4 in gdb output:\n{}", text);
}

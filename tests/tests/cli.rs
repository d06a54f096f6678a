//! The command line: help, bad options, stage dumps, the default output name.

use tests::{repo_root, scratch_dir, translate};

fn stderr(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn help_lists_options() {
    let out = translate(&["--help"], &repo_root());
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for option in ["--opt", "--output", "--batch", "--dump"] {
        assert!(text.contains(option), "help lacks {}", option);
    }
}

#[test]
fn bad_usage_exits_2() {
    let root = repo_root();
    for args in [&["--opt=7", "x.py"][..], &["--frobnicate", "x.py"], &[], &["--dump=nothing", "x.py"]] {
        let out = translate(args, &root);
        assert_eq!(out.status.code(), Some(2), "{:?}: {}", args, stderr(&out));
        assert!(stderr(&out).contains("error:"), "{:?}", args);
    }
}

#[test]
fn missing_target_file_is_an_error() {
    let out = translate(&["--batch", "no/such/file.py"], &repo_root());
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no/such/file.py"), "{}", stderr(&out));
}

#[test]
fn jit_is_refused_honestly() {
    let dir = scratch_dir("cli-jit");
    let target = repo_root().join("tests/programs/hello.py");
    let out = translate(&["--batch", "--opt=jit", target.to_str().unwrap()], &dir);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("JIT is not built yet"), "{}", stderr(&out));
}

#[test]
fn default_output_and_stage_lines() {
    let dir = scratch_dir("cli-default-output");
    let target = repo_root().join("tests/programs/hello.py");
    let out = translate(&[target.to_str().unwrap()], &dir);
    assert!(out.status.success(), "{}", stderr(&out));
    let exe = dir.join("hello-c");
    assert!(exe.exists(), "default output hello-c was not written");
    let text = stderr(&out);
    for stage in ["load", "annotate", "rtype", "codegen", "link", "total"] {
        assert!(text.contains(stage), "no `{}` line in:\n{}", stage, text);
    }
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello world\n");
}

#[test]
fn every_stage_dumps_text() {
    let dir = scratch_dir("cli-dumps");
    let target = repo_root().join("tests/programs/fib.py");
    let t = target.to_str().unwrap();
    for (stage, needle) in [
        ("ast", "fib"),
        ("modules", "fib"),
        ("flow", "simple_call"),
        ("annotate", "SomeInteger"),
        ("rtype", "int_lt"),
        ("backendopt", "int_lt"),
        ("asm", "ret"),
    ] {
        let arg = format!("--dump={}", stage);
        let out = translate(&["--batch", &arg, t], &dir);
        assert!(out.status.success(), "--dump={}: {}", stage, stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(needle), "--dump={} output lacks `{}`:\n{}", stage, needle, text);
    }
}

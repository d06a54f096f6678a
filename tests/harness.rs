//! Shared helpers of the end-to-end tests: find the `translate` binary built
//! beside the tests, translate a program, run it, compare with expectations.
//!
//! The tests expect the workspace to be built with the same profile first
//! (`cargo build --release` before `cargo test --release`), so that
//! `translate` and `librpyruntime.a` exist next to the test executables.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository's top folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// `target/<profile>/translate`, next to `target/<profile>/deps/<test>`.
pub fn translate_exe() -> PathBuf {
    let exe = std::env::current_exe().expect("current test executable");
    let profile_dir = exe.parent().and_then(|d| d.parent()).expect("target/<profile>/deps");
    let translate = profile_dir.join("translate");
    assert!(
        translate.exists(),
        "{} does not exist: build the workspace first with the same profile (cargo build --release)",
        translate.display()
    );
    translate
}

/// A fresh scratch folder under the target directory for one test's files.
pub fn scratch_dir(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("current test executable");
    let dir = exe.parent().unwrap().join("e2e-scratch").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

pub fn translate(args: &[&str], cwd: &Path) -> Output {
    Command::new(translate_exe()).args(args).current_dir(cwd).output().expect("run translate")
}

/// An end-to-end program: `NAME.py` with `NAME.out`, optional `NAME.args`
/// (one line of arguments) and `NAME.rc` (exit status, default 0).
#[derive(Debug, Clone)]
pub struct Program {
    pub name: String,
    pub source: PathBuf,
    pub args: Vec<String>,
    pub expected_stdout: Vec<u8>,
    pub expected_status: i32,
}

/// Every program of a folder (files with a `.out` beside them), sorted by name.
pub fn programs(folder: &Path) -> Vec<Program> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).expect("read programs folder").flatten() {
        let path = entry.path();
        if path.extension().and_then(|e| e.to_str()) != Some("py") {
            continue;
        }
        let out = path.with_extension("out");
        if !out.exists() {
            continue; // a helper module imported by other programs
        }
        let read = |ext: &str| std::fs::read_to_string(path.with_extension(ext)).ok();
        found.push(Program {
            name: path.file_stem().unwrap().to_string_lossy().into_owned(),
            args: read("args").map(|a| a.split_whitespace().map(String::from).collect()).unwrap_or_default(),
            expected_stdout: std::fs::read(&out).unwrap(),
            expected_status: read("rc").map(|s| s.trim().parse().expect("NAME.rc holds a number")).unwrap_or(0),
            source: path,
        });
    }
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

/// Translates `program` with `extra` options into `dir`, runs it with the
/// extra environment variables `env`, and returns
/// a description of every difference from the expectations (empty if none).
pub fn check_program(program: &Program, extra: &[&str], env: &[(&str, &str)], dir: &Path) -> Result<(), String> {
    let exe = dir.join(format!("{}-{}", program.name, extra.join("").replace(['-', '='], "")));
    let source = program.source.to_string_lossy().into_owned();
    let output_arg = format!("--output={}", exe.display());
    let mut args = vec!["--batch", output_arg.as_str()];
    args.extend_from_slice(extra);
    args.push(&source);
    let translated = translate(&args, dir);
    if !translated.status.success() {
        return Err(format!(
            "{} {:?}: translation failed ({}):\n{}",
            program.name,
            extra,
            translated.status,
            String::from_utf8_lossy(&translated.stderr)
        ));
    }
    let run = Command::new(&exe).args(&program.args).envs(env.iter().copied()).output().map_err(|e| format!("{}: cannot run: {}", program.name, e))?;
    let mut problems = Vec::new();
    if run.stdout != program.expected_stdout {
        problems.push(format!(
            "stdout differs\n--- expected\n{}--- got\n{}",
            String::from_utf8_lossy(&program.expected_stdout),
            String::from_utf8_lossy(&run.stdout)
        ));
    }
    match run.status.code() {
        Some(code) if code == program.expected_status => {}
        other => problems.push(format!(
            "exit status {:?}, expected {} (stderr: {})",
            other,
            program.expected_status,
            String::from_utf8_lossy(&run.stderr)
        )),
    }
    let _ = std::fs::remove_file(&exe);
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{} {:?}: {}", program.name, extra, problems.join("\n")))
    }
}

/// Runs `check` over `items` on two threads (the machines have two cores) and
/// panics with every failure at once.
pub fn run_all<T: Sync>(items: &[T], check: impl Fn(&T) -> Result<(), String> + Sync) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let failures = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some(item) = items.get(i) else { break };
                if let Err(e) = check(item) {
                    failures.lock().unwrap().push(e);
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    if !failures.is_empty() {
        panic!("{} of {} failed:\n\n{}", failures.len(), items.len(), failures.join("\n\n"));
    }
    eprintln!("{} passed", items.len());
}

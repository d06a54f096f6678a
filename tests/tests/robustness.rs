//! The translator never panics: every Python file of the test folders
//! (golden-test inputs, diagnostics, helper modules, most of which are not
//! valid targets) is given to `translate` as a target. Each must either
//! translate (exit 0) or be reported as an error in the program (exit 1);
//! an internal error, a crash or a hang is a bug.

use std::path::{Path, PathBuf};

use tests::{repo_root, run_all, scratch_dir, translate};

fn python_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            python_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            out.push(path);
        }
    }
}

#[test]
fn no_input_crashes_the_translator() {
    let mut files = Vec::new();
    python_files(&repo_root().join("tests/filetests"), &mut files);
    python_files(&repo_root().join("tests/diagnostics"), &mut files);
    files.sort();
    let dir = scratch_dir("robustness");
    run_all(&files, |path| {
        // One output per input: the two worker threads must not share files.
        let name = path.strip_prefix(repo_root()).unwrap_or(path).to_string_lossy().replace('/', "_");
        let output = format!("--output={}", dir.join(format!("{}-c", name)).display());
        let out = translate(&["--batch", "--opt=0", &output, path.to_str().unwrap()], &dir);
        let _ = std::fs::remove_file(dir.join(format!("{}-c", name)));
        match out.status.code() {
            Some(0) | Some(1) => {
                let stderr = String::from_utf8_lossy(&out.stderr);
                if stderr.contains("internal error") {
                    return Err(format!("{}: {}", path.display(), stderr));
                }
                Ok(())
            }
            other => Err(format!(
                "{}: exit status {:?}\n{}",
                path.display(),
                other,
                String::from_utf8_lossy(&out.stderr)
            )),
        }
    });
}

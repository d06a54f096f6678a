//! Non-RPython programs: tests/diagnostics/NAME.py must fail to translate with
//! exit status 1 and exactly the error text in NAME.err (paths relative to
//! tests/diagnostics, where translate runs).

use tests::{repo_root, run_all, translate};

#[test]
fn diagnostics_match() {
    let folder = repo_root().join("tests/diagnostics");
    let mut cases: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().and_then(|e| e.to_str()) == Some("py") && p.with_extension("err").exists())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no diagnostics tests found");
    run_all(&cases, |path| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(path.with_extension("err")).unwrap();
        let out = translate(&["--batch", "--output=/dev/null", &name], &folder);
        let stderr = String::from_utf8_lossy(&out.stderr);
        if out.status.code() != Some(1) {
            return Err(format!("{}: exit status {:?}, expected 1; stderr:\n{}", name, out.status.code(), stderr));
        }
        if stderr != expected {
            return Err(format!("{}: error text differs\n--- expected\n{}--- got\n{}", name, expected, stderr));
        }
        Ok(())
    });
}

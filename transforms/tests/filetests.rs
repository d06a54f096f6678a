//! Golden tests: `tests/filetests/transforms/NAME.py` is loaded, annotated,
//! rtyped, optimized at level 2 and transformed for the generational
//! collector; the low-level program's dump must equal
//! `NAME.gc`. `UPDATE_EXPECT=1` rewrites the expected files (review the diff).

use std::path::Path;

#[test]
fn transforms_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/transforms");
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty());
    let mut failures = Vec::new();
    for path in &paths {
        let mut sources = diag::SourceMap::new();
        let program = loader::load_target(path, &loader::LoadOptions::default(), &mut sources)
            .unwrap_or_else(|d| panic!("{}", d.render(&sources)));
        let ann = annotator::annotate(&program.heap, program.entry_point).unwrap_or_else(|d| panic!("{}", d));
        let mut ll = rtyper::rtype(&program.heap, &ann).unwrap_or_else(|d| panic!("{}", d));
        backendopt::optimize(&mut ll, 2);
        transforms::transform(&mut ll, true);
        let actual = ll.dump();
        let expected_path = path.with_extension("gc");
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}\n--- expected\n{}--- actual\n{}",
                path.display(),
                expected,
                actual
            )),
            Err(_) => failures.push(format!("{}: no {}", path.display(), expected_path.display())),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

//! Every end-to-end test program (`tests/programs/*.py`) must get through
//! the annotator and the rtyper.

#[path = "../../annotator/tests/common/mod.rs"]
mod common;

use std::path::Path;

#[test]
fn end_to_end_programs_rtype() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/programs");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    for path in paths {
        if !std::fs::read_to_string(&path).unwrap().contains("def entry_point(") {
            continue;
        }
        let result = common::load(&path).and_then(|p| {
            let ann = annotator::annotate(&p.heap, p.entry)?;
            rtyper::rtype(&p.heap, &ann).map(|_| ())
        });
        if let Err(d) = result {
            failures.push(format!("{}: {}", path.display(), d));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

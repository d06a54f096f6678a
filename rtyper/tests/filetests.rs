//! Golden tests: `tests/filetests/rtyper/NAME.py` -> `NAME.ll` (the
//! low-level program's dump) or `NAME.err` (the expected error).
//! `UPDATE_EXPECT=1` rewrites the expected files.

#[path = "../../annotator/tests/common/mod.rs"]
mod common;

use std::path::Path;

#[test]
fn rtyper_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/rtyper");
    common::run_folder(&dir, "ll", &|p| {
        let ann = annotator::annotate(&p.heap, p.entry)?;
        Ok(rtyper::rtype(&p.heap, &ann)?.dump())
    });
}

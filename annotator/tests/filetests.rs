//! Golden tests: `tests/filetests/annotator/NAME.py` -> `NAME.ann` (the
//! annotator's dump) or `NAME.err` (the expected error). `UPDATE_EXPECT=1`
//! rewrites the expected files.

mod common;

use std::path::Path;

#[test]
fn annotator_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/annotator");
    common::run_folder(&dir, "ann", &|p| {
        let ann = annotator::annotate(&p.heap, p.entry)?;
        Ok(annotator::dump(&p.heap, &ann))
    });
}

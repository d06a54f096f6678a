//! Golden tests: `tests/filetests/transforms/NAME.py` is annotated, rtyped,
//! optimized at level 2 and transformed for the generational collector; the
//! low-level program's dump must equal `NAME.gc`. `UPDATE_EXPECT=1` rewrites
//! the expected files (review the diff).

#[path = "../../annotator/tests/common/mod.rs"]
mod common;

use std::path::Path;

#[test]
fn transforms_filetests() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/transforms");
    common::run_folder(&dir, "gc", &|p| {
        let ann = annotator::annotate(&p.heap, p.entry)?;
        let mut ll = rtyper::rtype(&p.heap, &ann)?;
        backendopt::optimize(&mut ll, 2);
        transforms::transform(&mut ll, true);
        Ok(ll.dump())
    });
}

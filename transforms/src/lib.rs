//! Low-level graphs -> machine-ready graphs (exception checks, GC roots,
//! write barriers, stack checks).
//!
//! Entry point: [`transform`]. For now the backend implements the exception
//! contract of `lltype` directly and the GC never moves objects, so there is
//! nothing to rewrite yet.

use lltype::LlProgram;

pub fn transform(program: &mut LlProgram) {
    let _ = program;
}

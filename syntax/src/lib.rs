//! Python 2.7 source text -> AST with spans.
//!
//! Entry point: [`parse_module`]. The parser accepts the whole Python 2.7
//! grammar; deciding what is RPython is the later stages' job.

pub mod ast;

use diag::{Diagnostic, FileId};

/// Parses one file. `file` is only recorded in the spans.
pub fn parse_module(source: &str, file: FileId) -> Result<ast::Module, Diagnostic> {
    let _ = (source, file);
    unimplemented!("parser")
}

/// The text form of a tree, as printed by `translate --dump=ast`.
pub fn dump_module(module: &ast::Module) -> String {
    format!("{:#?}", module)
}

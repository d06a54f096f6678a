//! Python 2.7 source text -> AST with spans.
//!
//! Entry point: [`parse_module`]. The parser accepts the whole Python 2.7
//! grammar; deciding what is RPython is the later stages' job.
//!
//! Stages: `lexer` turns the text into tokens (indentation included),
//! `parser` and `expr` build the tree, decoding literals with `literals`
//! under the file's `from __future__` flags; `dump` prints a tree.

pub mod ast;
mod dump;
mod expr;
mod lexer;
mod literals;
mod parser;
pub mod walk;

use diag::{Diagnostic, FileId};

/// Parses one file. `file` is only recorded in the spans.
///
/// Nesting is bounded (brackets and other expression nesting to 200 levels,
/// indentation to 100, statement and expression trees to 500 levels), so
/// that neither this parser nor recursive passes over the tree can overflow
/// the stack on hostile input.
pub fn parse_module(source: &str, file: FileId) -> Result<ast::Module, Diagnostic> {
    // The parser recurses once per nesting level, and an unoptimized build
    // needs over 20 KiB of stack per level, so it runs on a thread of its
    // own with a stack sized for the limits, whatever the caller's stack.
    std::thread::scope(|scope| {
        let parser = std::thread::Builder::new()
            .name("syntax::parse_module".to_string())
            .stack_size(PARSER_STACK_SIZE)
            .spawn_scoped(scope, || parse_on_this_thread(source, file));
        match parser {
            Ok(handle) => handle.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            Err(_) => parse_on_this_thread(source, file),
        }
    })
}

const PARSER_STACK_SIZE: usize = 32 << 20;

fn parse_on_this_thread(source: &str, file: FileId) -> Result<ast::Module, Diagnostic> {
    // A UTF-8 byte order mark is not part of the program.
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    // CPython reads source with universal newlines.
    let normalized;
    let text = if source.contains('\r') {
        normalized = source.replace("\r\n", "\n").replace('\r', "\n");
        &normalized
    } else {
        source
    };
    let tokens = lexer::tokenize(text, file);
    let mut parser = parser::Parser::new(text, tokens, file);
    parser.latin1_source = declared_encoding(text.as_bytes()).is_some_and(|e| !is_utf8_compatible(&e));
    parser.module()
}

/// Source bytes as text. A file declaring a one-byte encoding (`# -*-
/// coding: latin-1 -*-`) is read as Latin-1, every byte one character; any
/// other file as UTF-8, falling back to Latin-1 when it is not valid UTF-8,
/// so that files in legacy encodings still parse. (Byte string literals of a
/// Latin-1 read file keep their original bytes; unicode literals in
/// encodings other than Latin-1 and UTF-8 are not decoded faithfully.)
pub fn decode_source(bytes: &[u8]) -> String {
    let latin1 = || bytes.iter().map(|&b| b as char).collect();
    // A byte order mark means UTF-8, whatever a coding comment says.
    let has_bom = bytes.starts_with(b"\xef\xbb\xbf");
    if !has_bom && declared_encoding(bytes).is_some_and(|e| !is_utf8_compatible(&e)) {
        return latin1();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => latin1(),
    }
}

/// The encoding named by a PEP 263 comment in the first two lines, lowercased.
fn declared_encoding(source: &[u8]) -> Option<String> {
    for line in source.split(|&b| b == b'\n').take(2) {
        let start = line.iter().position(|&b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
        if line[start] != b'#' {
            continue;
        }
        let line = String::from_utf8_lossy(line);
        for (i, _) in line.match_indices("coding") {
            let rest = &line[i + "coding".len()..];
            let Some(rest) = rest.strip_prefix([':', '=']) else { continue };
            let name: String = rest
                .trim_start_matches([' ', '\t'])
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
                .collect();
            if !name.is_empty() {
                return Some(name.to_ascii_lowercase());
            }
        }
    }
    None
}

/// Encodings whose text we read as UTF-8 (ASCII is a subset).
fn is_utf8_compatible(encoding: &str) -> bool {
    let name = encoding.replace('_', "-");
    name == "utf-8" || name.starts_with("utf-8-") || name == "utf8" || name == "ascii" || name == "us-ascii"
}

/// The text form of a tree, as printed by `translate --dump=ast`.
pub fn dump_module(module: &ast::Module) -> String {
    dump::module(module)
}

/// The text form of one expression, in the notation of [`dump_module`].
pub fn dump_expr(expr: &ast::Expr) -> String {
    let mut out = String::new();
    dump::expr(&mut out, expr);
    out
}

#[cfg(test)]
mod tests;

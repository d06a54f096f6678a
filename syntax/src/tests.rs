//! Tricky parses, spans, per-file flags and robustness.

use crate::ast::*;
use crate::{decode_source, dump_expr, dump_module, parse_module};
use diag::FileId;

fn parse(source: &str) -> Module {
    parse_module(source, FileId(7)).unwrap_or_else(|e| panic!("{:?} failed: {}", source, e))
}

fn error(source: &str) -> String {
    match parse_module(source, FileId(0)) {
        Ok(m) => panic!("{:?} parsed:\n{}", source, dump_module(&m)),
        Err(e) => e.to_string(),
    }
}

/// The dump of the expression of a one-expression-statement program.
fn expr(source: &str) -> String {
    let module = parse(source);
    match module.body.last().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => dump_expr(e),
        _ => panic!("{:?} is not an expression statement", source),
    }
}

#[test]
fn operator_precedence_and_associativity() {
    assert_eq!(expr("a + b * c - d"), "(- (+ a (* b c)) d)");
    assert_eq!(expr("a - b - c"), "(- (- a b) c)");
    assert_eq!(expr("2 ** 3 ** 2"), "(** 2 (** 3 2))");
    assert_eq!(expr("-2 ** 2"), "(- (** 2 2))");
    assert_eq!(expr("2 ** -1"), "(** 2 -1)");
    assert_eq!(expr("a | b ^ c & d << e + f"), "(| a (^ b (& c (<< d (+ e f)))))");
    assert_eq!(expr("not a == b"), "(not (cmp a == b))");
    assert_eq!(expr("not a and b or c"), "(or (and (not a) b) c)");
    assert_eq!(expr("a < b < c"), "(cmp a < b < c)");
    assert_eq!(expr("a is not b not in c"), "(cmp a is not b not in c)");
    assert_eq!(expr("a if b else c if d else e"), "(if b a (if d c e))");
    assert_eq!(expr("lambda: a if b else c"), "(lambda () (if b a c))");
    assert_eq!(expr("(lambda: a) if b else c"), "(if b (lambda () a) c)");
    // List comprehension conditions and their lambdas take no conditional expression.
    assert_eq!(expr("[x for x in y if lambda: a if b]"), "(listcomp x (for x in y if (lambda () a) if b))");
    assert!(error("[x for x in y if lambda: a if b else c]").starts_with("1:33: error: invalid syntax"));
    assert_eq!(expr("~-+a"), "(~ (- (+ a)))");
    assert_eq!(expr("a.b(c)[d].e"), "(. (sub (call (. a b) c) d) e)");
    assert_eq!(expr("`a` + `b, c`"), "(+ (repr a) (repr (tuple b c)))");
}

#[test]
fn minus_folds_into_number_literals() {
    assert_eq!(expr("-1"), "-1");
    assert_eq!(expr("- 1.5"), "-1.5");
    assert_eq!(expr("-9223372036854775808"), "-9223372036854775808");
    assert_eq!(expr("-9223372036854775809"), "-9223372036854775809L");
    assert_eq!(expr("--1"), "(- -1)");
    assert_eq!(expr("-(1)"), "(- 1)");
    assert_eq!(expr("-1 .real"), "(- (. 1 real))");
    assert_eq!(expr("-1[0]"), "(- (sub 1 0))");
    assert_eq!(expr("-1j"), "-1.0j");
    assert_eq!(expr("a-1"), "(- a 1)");
}

#[test]
fn statement_level_forms() {
    let dump = dump_module(&parse("print >>f, x,\nexec 'x' in d\nexec('y', g, l)\nx = y = yield_ = 1\n"));
    assert_eq!(dump, "1:1 Print >>f x ,\n2:1 Exec 'x' in d\n3:1 Exec 'y' in g l\n4:1 Assign x = y = yield_ = 1\n");
    let dump = dump_module(&parse("def f():\n    x = yield\n    y = yield a, b\n"));
    assert!(dump.contains("Assign x = (yield)\n") && dump.contains("Assign y = (yield (tuple a b))\n"), "{}", dump);
}

#[test]
fn print_function_is_per_file() {
    let with = parse("from __future__ import print_function\nprint(1, end='')\n");
    assert!(matches!(&with.body[1].kind, StmtKind::Expr(Expr { kind: ExprKind::Call { .. }, .. })));
    let without = parse("print(1)\n");
    assert!(matches!(&without.body[0].kind, StmtKind::Print { .. }));
    assert!(error("print(1, end='')\n").contains("invalid syntax"));
}

#[test]
fn division_and_unicode_literals_are_per_file() {
    assert_eq!(expr("from __future__ import division\na / b"), "(truediv a b)");
    assert_eq!(expr("a / b"), "(/ a b)");
    assert_eq!(expr("from __future__ import unicode_literals\n'x'"), "u'x'");
    assert_eq!(expr("'x'"), "'x'");
    assert_eq!(expr("'a' u'b' 'c'"), "u'abc'");
}

#[test]
fn spans_are_first_tokens() {
    let module = parse("x = (a +\n     b)\nif c:\n  f(y)[0]\n");
    assert_eq!((module.body[0].span.line, module.body[0].span.col), (1, 1));
    assert_eq!(module.body[0].span.file, FileId(7));
    let StmtKind::Assign { value, .. } = &module.body[0].kind else { panic!() };
    assert_eq!((value.span.line, value.span.col), (1, 6));
    let ExprKind::BinOp { right, .. } = &value.kind else { panic!() };
    assert_eq!((right.span.line, right.span.col), (2, 6));
    let StmtKind::If { body, .. } = &module.body[1].kind else { panic!() };
    let StmtKind::Expr(e) = &body[0].kind else { panic!() };
    assert_eq!((e.span.line, e.span.col), (4, 3));
    // A folded negative number starts at its minus sign.
    assert_eq!(parse("(  -1)").body[0].span.col, 1);
    let StmtKind::Expr(e) = &parse("(  -1)").body[0].kind else { panic!() };
    assert_eq!(e.span.col, 4);
}

#[test]
fn slices() {
    assert_eq!(expr("a[1:2, 3]"), "(sub a (ext (slice 1 2) 3))");
    assert_eq!(expr("a[1, 2]"), "(sub a (tuple 1 2))");
    assert_eq!(expr("a[::]"), "(sub a (slice _ _ None))");
    assert_eq!(expr("a[...]"), "(sub a ...)");
}

#[test]
fn calls() {
    assert_eq!(expr("f(x for x in y)"), "(call f (genexp x (for x in y)))");
    assert_eq!(expr("f(a, k=1, *b, **c)"), "(call f a k=1 *b **c)");
    assert_eq!(expr("f(*b, k=1)"), "(call f k=1 *b)");
    assert!(error("f(x for x in y, 1)").contains("Generator expression must be parenthesized"));
}

#[test]
fn errors_have_positions_and_messages() {
    assert_eq!(error("if x\n    pass\n"), "1:5: error: invalid syntax: expected ':' after the 'if' condition");
    assert_eq!(error("if x:\npass\n"), "2:1: error: expected an indented block");
    assert_eq!(error("x = 1\n  y = 2\n"), "2:3: error: unexpected indent");
    assert_eq!(error("f() = 1"), "1:1: error: can't assign to function call");
    assert_eq!(error("return"), "1:1: error: 'return' outside function");
    assert_eq!(error("x = 1 + # é\n"), "1:12: error: invalid syntax: unexpected end of line");
    // The first error in the file wins, even when the tokenizer finds a later one.
    assert_eq!(error("1 +\nx = 'open"), "1:4: error: invalid syntax: unexpected end of line");
}

#[test]
fn decode_source_falls_back_to_latin1() {
    assert_eq!(decode_source("é".as_bytes()), "é");
    assert_eq!(decode_source(b"caf\xe9"), "caf\u{e9}");
    // A declared one-byte encoding wins even over valid UTF-8.
    assert_eq!(decode_source(b"# coding: latin-1\n\xc3\xa9"), "# coding: latin-1\n\u{c3}\u{a9}");
    assert_eq!(decode_source(b"# -*- coding: utf-8 -*-\n\xc3\xa9"), "# -*- coding: utf-8 -*-\n\u{e9}");
    let latin1 = decode_source(b"#!/usr/bin/env python\n# vim: set fileencoding=iso-8859-15 :\n'\xe9'\n");
    assert_eq!(expr(&latin1).as_str(), "'\\xe9'");
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = |open: &str, close: &str, n: usize| format!("x = {}1{}\n", open.repeat(n), close.repeat(n));
    assert!(parse_module(&deep("(", ")", 150), FileId(0)).is_ok());
    assert!(error(&deep("(", ")", 300)).contains("too many nested parentheses"));
    assert!(error(&deep("-", "", 100_000)).contains("nested too deeply"));
    assert!(error(&deep("not ", "", 100_000)).contains("nested too deeply"));
    assert!(error(&deep("lambda: ", "", 100_000)).contains("nested too deeply"));
    assert!(error(&deep("a if b else ", "", 100_000)).contains("nested too deeply"));
    assert!(error(&deep("a ** ", "", 100_000)).contains("nested too deeply"));
    assert!(error(&deep("a + ", "", 100_000)).contains("nested too deeply"));
    assert!(error(&format!("x = a{}\n", ".b".repeat(100_000))).contains("nested too deeply"));
    assert!(error(&format!("x = a{}\n", "(1)".repeat(100_000))).contains("nested too deeply"));
    let elifs = format!("if a: pass\n{}", "elif b: pass\n".repeat(2000));
    assert!(error(&elifs).contains("statements nested too deeply"));
    let indents: String = (0..150).map(|i| format!("{}if a:\n", " ".repeat(i))).collect();
    assert!(error(&(indents + &" ".repeat(150) + "pass\n")).contains("too many levels of indentation"));
    // Long but shallow expressions are fine.
    let flat = format!("x = [{}]\n", "(a + b),".repeat(100_000));
    assert!(parse_module(&flat, FileId(0)).is_ok());
}

/// Every prefix of a program, and the program with any one character
/// removed, parses or fails cleanly.
#[test]
fn mangled_programs_never_panic() {
    let program = "@d(1)\ndef f(a, (b, c)=1, *d, **e):\n    '''doc'''\n    x = [i for i in a if i] + {k: v for k, v in b}\n    \
                   print >>f, x[1:2, ...], `y`,\n    try:\n        yield -1L ** 2j\n    except E, e:\n        exec u'\\u00e9' in g\n    \
                   finally:\n        pass\n    with a as b, c: return\nclass C(B): x = lambda: (yield)\n";
    let chars: Vec<(usize, char)> = program.char_indices().collect();
    for &(i, c) in &chars {
        let _ = parse_module(&program[..i], FileId(0));
        let removed = format!("{}{}", &program[..i], &program[i + c.len_utf8()..]);
        let _ = parse_module(&removed, FileId(0));
    }
}

/// Long lines, long literals and many keywords stay fast (no quadratic work).
#[test]
fn long_inputs_stay_linear() {
    let line = format!("x = [u'é', {}]\n", "a, ".repeat(200_000));
    assert!(parse_module(&line, FileId(0)).is_ok());
    let digits = format!("x = {}\n", "9".repeat(200_000));
    assert!(parse_module(&digits, FileId(0)).is_ok());
    let keywords: String = (0..50_000).map(|i| format!("k{}=1, ", i)).collect();
    assert!(parse_module(&format!("f({})\n", keywords), FileId(0)).is_ok());
    let params: String = (0..50_000).map(|i| format!("p{}, ", i)).collect();
    assert!(parse_module(&format!("def f({}): pass\n", params), FileId(0)).is_ok());
}

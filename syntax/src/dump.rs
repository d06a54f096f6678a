//! The human-readable text form of a tree (golden tests, `--dump=ast`).
//!
//! One statement per line, `line:col Kind fields`, its nested blocks indented
//! by two spaces; secondary blocks (`else:`, `finally:`) and `except`
//! clauses are labeled lines at the body's indentation. Decorators are
//! `@ expr` lines right after their `FunctionDef`/`ClassDef` line.
//!
//! Expressions are compact S-expressions. Names and numbers are bare (`x`,
//! `1`, `2L`, `1.5`, `3.0j`), strings Python-style with ASCII escapes (`'a\n'`,
//! `u'\xe9'`); everything else is `(head operands...)`:
//! `(+ a b)` (and every binary operator by its symbol; true division is
//! `truediv`), `(- a)` `(not a)`, `(and a b)`, `(cmp a < b not in c)`,
//! `(if test body orelse)`, `(lambda (params) body)`, `(call f a k=v *s **kw)`,
//! `(. value attr)`, `(sub value index)` with `(slice lower upper [step])`
//! (`_` for a missing bound), `...` and `(ext ...)`, `(tuple ...)`,
//! `(list ...)`, `(set ...)`, `(dict k: v ...)`, `(listcomp elt (for t in it
//! if c))` (also `setcomp`, `genexp`, `dictcomp k: v`), `(yield x)`,
//! `(repr x)`, `(unicode-unsupported 'reason')`. Parameters are
//! `(a (tuple b c) d=default *args **kwargs)`.

use crate::ast::*;
use std::fmt::Write;

pub fn module(m: &Module) -> String {
    let mut out = String::new();
    block(&mut out, &m.body, 0);
    out
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

fn block(out: &mut String, body: &[Stmt], indent: usize) {
    for s in body {
        stmt(out, s, indent);
    }
}

/// A secondary block (`else:`, `finally:`), omitted when empty.
fn labeled_block(out: &mut String, label: &str, body: &[Stmt], indent: usize) {
    if body.is_empty() {
        return;
    }
    pad(out, indent + 1);
    out.push_str(label);
    out.push('\n');
    block(out, body, indent + 2);
}

/// A statement's line, then its nested blocks. The line is written by a
/// separate function so that the recursion through nested blocks goes
/// through small stack frames only.
fn stmt(out: &mut String, s: &Stmt, indent: usize) {
    pad(out, indent);
    let _ = write!(out, "{}:{} ", s.span.line, s.span.col);
    header(out, &s.kind);
    out.push('\n');
    match &s.kind {
        StmtKind::FunctionDef(FunctionDef { decorators: decos, body, .. })
        | StmtKind::ClassDef(ClassDef { decorators: decos, body, .. }) => {
            decorators(out, decos, indent);
            block(out, body, indent + 1);
        }
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } | StmtKind::If { body, orelse, .. } => {
            block(out, body, indent + 1);
            labeled_block(out, "else:", orelse, indent);
        }
        StmtKind::With { body, .. } => block(out, body, indent + 1),
        StmtKind::TryExcept { body, handlers, orelse } => {
            block(out, body, indent + 1);
            for h in handlers {
                pad(out, indent + 1);
                handler_line(out, h);
                block(out, &h.body, indent + 2);
            }
            labeled_block(out, "else:", orelse, indent);
        }
        StmtKind::TryFinally { body, finalbody } => {
            block(out, body, indent + 1);
            labeled_block(out, "finally:", finalbody, indent);
        }
        _ => {}
    }
}

fn handler_line(out: &mut String, h: &ExceptHandler) {
    let _ = write!(out, "{}:{} except", h.span.line, h.span.col);
    opt_expr(out, h.type_.as_ref());
    if let Some(name) = &h.name {
        out.push_str(" as ");
        expr(out, name);
    }
    out.push_str(":\n");
}

/// The statement's own line, without the trailing newline.
fn header(out: &mut String, kind: &StmtKind) {
    match kind {
        StmtKind::FunctionDef(f) => {
            let _ = write!(out, "FunctionDef {} ", f.name);
            arguments(out, &f.args);
        }
        StmtKind::ClassDef(c) => {
            let _ = write!(out, "ClassDef {}", c.name);
            if !c.bases.is_empty() {
                out.push_str(" (");
                exprs(out, &c.bases);
                out.push(')');
            }
        }
        StmtKind::Return(value) => {
            out.push_str("Return");
            opt_expr(out, value.as_ref());
        }
        StmtKind::Delete(targets) => {
            out.push_str("Delete ");
            exprs(out, targets);
        }
        StmtKind::Assign { targets, value } => {
            out.push_str("Assign ");
            for t in targets {
                expr(out, t);
                out.push_str(" = ");
            }
            expr(out, value);
        }
        StmtKind::AugAssign { target, op, value } => {
            out.push_str("AugAssign ");
            expr(out, target);
            let _ = write!(out, " {}= ", binop(*op));
            expr(out, value);
        }
        StmtKind::Print { dest, values, newline } => {
            out.push_str("Print");
            if let Some(d) = dest {
                out.push_str(" >>");
                expr(out, d);
            }
            for v in values {
                out.push(' ');
                expr(out, v);
            }
            if !newline {
                out.push_str(" ,");
            }
        }
        StmtKind::For { target, iter, .. } => {
            out.push_str("For ");
            expr(out, target);
            out.push_str(" in ");
            expr(out, iter);
        }
        StmtKind::While { test, .. } => {
            out.push_str("While ");
            expr(out, test);
        }
        StmtKind::If { test, .. } => {
            out.push_str("If ");
            expr(out, test);
        }
        StmtKind::With { context, vars, .. } => {
            out.push_str("With ");
            expr(out, context);
            if let Some(v) = vars {
                out.push_str(" as ");
                expr(out, v);
            }
        }
        StmtKind::Raise { type_, inst, tback } => {
            out.push_str("Raise");
            for part in [type_, inst, tback].into_iter().flatten() {
                out.push(' ');
                expr(out, part);
            }
        }
        StmtKind::TryExcept { .. } => out.push_str("TryExcept"),
        StmtKind::TryFinally { .. } => out.push_str("TryFinally"),
        StmtKind::Assert { test, msg } => {
            out.push_str("Assert ");
            expr(out, test);
            opt_expr(out, msg.as_ref());
        }
        StmtKind::Import(names) => {
            out.push_str("Import ");
            aliases(out, names);
        }
        StmtKind::ImportFrom { module, names, level } => {
            out.push_str("ImportFrom ");
            for _ in 0..*level {
                out.push('.');
            }
            out.push_str(module.as_deref().unwrap_or(""));
            out.push_str(" import ");
            aliases(out, names);
        }
        StmtKind::Exec { body, globals, locals } => {
            out.push_str("Exec ");
            expr(out, body);
            if let Some(g) = globals {
                out.push_str(" in ");
                expr(out, g);
                opt_expr(out, locals.as_ref());
            }
        }
        StmtKind::Global(names) => {
            let _ = write!(out, "Global {}", names.join(" "));
        }
        StmtKind::Expr(e) => {
            out.push_str("Expr ");
            expr(out, e);
        }
        StmtKind::Pass => out.push_str("Pass"),
        StmtKind::Break => out.push_str("Break"),
        StmtKind::Continue => out.push_str("Continue"),
    }
}

fn decorators(out: &mut String, decorators: &[Expr], indent: usize) {
    for d in decorators {
        pad(out, indent + 1);
        out.push_str("@ ");
        expr(out, d);
        out.push('\n');
    }
}

fn aliases(out: &mut String, names: &[Alias]) {
    for (i, a) in names.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&a.name);
        if let Some(asname) = &a.asname {
            let _ = write!(out, " as {}", asname);
        }
    }
}

/// `(a (tuple b c) d=1 *args **kw)`
fn arguments(out: &mut String, args: &Arguments) {
    out.push('(');
    let first_default = args.args.len().saturating_sub(args.defaults.len());
    let mut sep = "";
    for (i, a) in args.args.iter().enumerate() {
        out.push_str(sep);
        sep = " ";
        expr(out, a);
        if let Some(d) = i.checked_sub(first_default).and_then(|j| args.defaults.get(j)) {
            out.push('=');
            expr(out, d);
        }
    }
    if let Some(v) = &args.vararg {
        let _ = write!(out, "{}*{}", sep, v);
        sep = " ";
    }
    if let Some(k) = &args.kwarg {
        let _ = write!(out, "{}**{}", sep, k);
    }
    out.push(')');
}

fn opt_expr(out: &mut String, e: Option<&Expr>) {
    if let Some(e) = e {
        out.push(' ');
        expr(out, e);
    }
}

/// Expressions separated by spaces.
fn exprs(out: &mut String, es: &[Expr]) {
    for (i, e) in es.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        expr(out, e);
    }
}

/// `(head operands...)`
fn form(out: &mut String, head: &str, es: &[Expr]) {
    out.push('(');
    out.push_str(head);
    for e in es {
        out.push(' ');
        expr(out, e);
    }
    out.push(')');
}

fn binop(op: BinOp) -> &'static str {
    match op {
        BinOp::TrueDiv => "truediv",
        _ => op.symbol(),
    }
}

fn generators(out: &mut String, generators: &[Comprehension]) {
    for g in generators {
        out.push_str(" (for ");
        expr(out, &g.target);
        out.push_str(" in ");
        expr(out, &g.iter);
        for cond in &g.ifs {
            out.push_str(" if ");
            expr(out, cond);
        }
        out.push(')');
    }
}

pub fn expr(out: &mut String, e: &Expr) {
    match &e.kind {
        ExprKind::BoolOp { op, values } => {
            form(out, if *op == BoolOpKind::And { "and" } else { "or" }, values);
        }
        ExprKind::BinOp { left, op, right } => {
            let _ = write!(out, "({} ", binop(*op));
            expr(out, left);
            out.push(' ');
            expr(out, right);
            out.push(')');
        }
        ExprKind::UnaryOp { op, operand } => {
            let head = match op {
                UnaryOp::Invert => "~",
                UnaryOp::Not => "not",
                UnaryOp::UAdd => "+",
                UnaryOp::USub => "-",
            };
            form(out, head, std::slice::from_ref(operand));
        }
        ExprKind::Lambda { args, body } => {
            out.push_str("(lambda ");
            arguments(out, args);
            out.push(' ');
            expr(out, body);
            out.push(')');
        }
        ExprKind::IfExp { test, body, orelse } => {
            out.push_str("(if ");
            expr(out, test);
            out.push(' ');
            expr(out, body);
            out.push(' ');
            expr(out, orelse);
            out.push(')');
        }
        ExprKind::Dict { keys, values } => {
            out.push_str("(dict");
            for (k, v) in keys.iter().zip(values) {
                out.push(' ');
                expr(out, k);
                out.push_str(": ");
                expr(out, v);
            }
            out.push(')');
        }
        ExprKind::Set(elts) => form(out, "set", elts),
        ExprKind::ListComp { elt, generators: gens } => comprehension(out, "listcomp", elt, gens),
        ExprKind::SetComp { elt, generators: gens } => comprehension(out, "setcomp", elt, gens),
        ExprKind::GeneratorExp { elt, generators: gens } => comprehension(out, "genexp", elt, gens),
        ExprKind::DictComp { key, value, generators: gens } => {
            out.push_str("(dictcomp ");
            expr(out, key);
            out.push_str(": ");
            expr(out, value);
            generators(out, gens);
            out.push(')');
        }
        ExprKind::Yield(value) => {
            out.push_str("(yield");
            opt_expr(out, value.as_deref());
            out.push(')');
        }
        ExprKind::Compare { left, ops, comparators } => {
            out.push_str("(cmp ");
            expr(out, left);
            for (op, c) in ops.iter().zip(comparators) {
                let _ = write!(out, " {} ", op.symbol());
                expr(out, c);
            }
            out.push(')');
        }
        ExprKind::Call { func, args, keywords, starargs, kwargs } => {
            out.push_str("(call ");
            expr(out, func);
            for a in args {
                out.push(' ');
                expr(out, a);
            }
            for k in keywords {
                let _ = write!(out, " {}=", k.arg);
                expr(out, &k.value);
            }
            if let Some(s) = starargs {
                out.push_str(" *");
                expr(out, s);
            }
            if let Some(k) = kwargs {
                out.push_str(" **");
                expr(out, k);
            }
            out.push(')');
        }
        ExprKind::Repr(value) => form(out, "repr", std::slice::from_ref(value)),
        ExprKind::Int(v) => {
            let _ = write!(out, "{}", v);
        }
        ExprKind::Long(digits) => {
            let _ = write!(out, "{}L", digits);
        }
        ExprKind::Float(f) => {
            let _ = write!(out, "{:?}", f);
        }
        ExprKind::Complex(f) => {
            let _ = write!(out, "{:?}j", f);
        }
        ExprKind::Str(bytes) => {
            out.push('\'');
            for &b in bytes {
                escape_char(out, b as u32);
            }
            out.push('\'');
        }
        ExprKind::Unicode(text) => {
            out.push_str("u'");
            for c in text.chars() {
                escape_char(out, c as u32);
            }
            out.push('\'');
        }
        ExprKind::UnicodeUnsupported(why) => {
            out.push_str("(unicode-unsupported '");
            for c in why.chars() {
                escape_char(out, c as u32);
            }
            out.push_str("')");
        }
        ExprKind::Attribute { value, attr } => {
            out.push_str("(. ");
            expr(out, value);
            let _ = write!(out, " {})", attr);
        }
        ExprKind::Subscript { value, slice: s } => {
            out.push_str("(sub ");
            expr(out, value);
            out.push(' ');
            slice(out, s);
            out.push(')');
        }
        ExprKind::Name(name) => out.push_str(name),
        ExprKind::List(elts) => form(out, "list", elts),
        ExprKind::Tuple(elts) => form(out, "tuple", elts),
    }
}

fn comprehension(out: &mut String, head: &str, elt: &Expr, gens: &[Comprehension]) {
    let _ = write!(out, "({} ", head);
    expr(out, elt);
    generators(out, gens);
    out.push(')');
}

/// `i`, `(slice lo hi)`, `(slice lo hi step)` with `_` for a missing bound,
/// `...`, `(ext ...)`.
fn slice(out: &mut String, s: &Slice) {
    match s {
        Slice::Ellipsis => out.push_str("..."),
        Slice::Index(e) => expr(out, e),
        Slice::Slice { lower, upper, step } => {
            out.push_str("(slice");
            let parts = [Some(lower), Some(upper), step.as_ref().map(|_| step)];
            for part in parts.into_iter().flatten() {
                out.push(' ');
                match part {
                    Some(e) => expr(out, e),
                    None => out.push('_'),
                }
            }
            out.push(')');
        }
        Slice::ExtSlice(items) => {
            out.push_str("(ext");
            for item in items {
                out.push(' ');
                slice(out, item);
            }
            out.push(')');
        }
    }
}

/// Python-style escaping inside single quotes; the output stays ASCII.
fn escape_char(out: &mut String, c: u32) {
    match c {
        0x5c => out.push_str("\\\\"),
        0x27 => out.push_str("\\'"),
        0x0a => out.push_str("\\n"),
        0x0d => out.push_str("\\r"),
        0x09 => out.push_str("\\t"),
        0x20..=0x7e => out.push(c as u8 as char),
        0..=0xff => {
            let _ = write!(out, "\\x{:02x}", c);
        }
        0x100..=0xffff => {
            let _ = write!(out, "\\u{:04x}", c);
        }
        _ => {
            let _ = write!(out, "\\U{:08x}", c);
        }
    }
}

//! Visiting the statements and expressions of one scope, for the scans
//! later stages make over function bodies (locals, nested functions...).

use crate::ast::{Comprehension, Expr, ExprKind, Slice, Stmt, StmtKind};

/// One visited node.
pub enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// Visits statements and expressions of one scope (not the bodies of nested
/// functions, classes or lambdas).
pub fn walk_stmts<'a>(body: &'a [Stmt], f: &mut dyn FnMut(Node<'a>)) {
    for s in body {
        walk_stmt(s, f);
    }
}

pub fn walk_opt<'a>(e: &'a Option<Expr>, f: &mut dyn FnMut(Node<'a>)) {
    if let Some(e) = e {
        walk_expr(e, f);
    }
}

pub fn walk_stmt<'a>(s: &'a Stmt, f: &mut dyn FnMut(Node<'a>)) {
    f(Node::Stmt(s));
    match &s.kind {
        StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => {}
        StmtKind::Return(e) => walk_opt(e, f),
        StmtKind::Delete(ts) => ts.iter().for_each(|t| walk_expr(t, f)),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| walk_expr(t, f));
            walk_expr(value, f);
        }
        StmtKind::AugAssign { target, value, .. } => {
            walk_expr(target, f);
            walk_expr(value, f);
        }
        StmtKind::Print { dest, values, .. } => {
            walk_opt(dest, f);
            values.iter().for_each(|v| walk_expr(v, f));
        }
        StmtKind::For { target, iter, body, orelse } => {
            walk_expr(target, f);
            walk_expr(iter, f);
            walk_stmts(body, f);
            walk_stmts(orelse, f);
        }
        StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
            walk_expr(test, f);
            walk_stmts(body, f);
            walk_stmts(orelse, f);
        }
        StmtKind::With { context, vars, body } => {
            walk_expr(context, f);
            walk_opt(vars, f);
            walk_stmts(body, f);
        }
        StmtKind::Raise { type_, inst, tback } => {
            walk_opt(type_, f);
            walk_opt(inst, f);
            walk_opt(tback, f);
        }
        StmtKind::TryExcept { body, handlers, orelse } => {
            walk_stmts(body, f);
            for h in handlers {
                walk_opt(&h.type_, f);
                walk_opt(&h.name, f);
                walk_stmts(&h.body, f);
            }
            walk_stmts(orelse, f);
        }
        StmtKind::TryFinally { body, finalbody } => {
            walk_stmts(body, f);
            walk_stmts(finalbody, f);
        }
        StmtKind::Assert { test, msg } => {
            walk_expr(test, f);
            walk_opt(msg, f);
        }
        StmtKind::Exec { body, globals, locals } => {
            walk_expr(body, f);
            walk_opt(globals, f);
            walk_opt(locals, f);
        }
        StmtKind::Expr(e) => walk_expr(e, f),
        StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue => {}
    }
}

pub fn walk_comprehensions<'a>(gens: &'a [Comprehension], f: &mut dyn FnMut(Node<'a>)) {
    for g in gens {
        walk_expr(&g.target, f);
        walk_expr(&g.iter, f);
        g.ifs.iter().for_each(|c| walk_expr(c, f));
    }
}

pub fn walk_slice<'a>(s: &'a Slice, f: &mut dyn FnMut(Node<'a>)) {
    match s {
        Slice::Ellipsis => {}
        Slice::Slice { lower, upper, step } => {
            walk_opt(lower, f);
            walk_opt(upper, f);
            walk_opt(step, f);
        }
        Slice::ExtSlice(v) => v.iter().for_each(|x| walk_slice(x, f)),
        Slice::Index(e) => walk_expr(e, f),
    }
}

pub fn walk_expr<'a>(e: &'a Expr, f: &mut dyn FnMut(Node<'a>)) {
    f(Node::Expr(e));
    match &e.kind {
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| walk_expr(v, f)),
        ExprKind::BinOp { left, right, .. } => {
            walk_expr(left, f);
            walk_expr(right, f);
        }
        ExprKind::UnaryOp { operand, .. } => walk_expr(operand, f),
        ExprKind::Lambda { args, .. } => args.defaults.iter().for_each(|d| walk_expr(d, f)),
        ExprKind::IfExp { test, body, orelse } => {
            walk_expr(test, f);
            walk_expr(body, f);
            walk_expr(orelse, f);
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().for_each(|k| walk_expr(k, f));
            values.iter().for_each(|v| walk_expr(v, f));
        }
        ExprKind::Set(v) | ExprKind::List(v) | ExprKind::Tuple(v) => v.iter().for_each(|x| walk_expr(x, f)),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            walk_comprehensions(generators, f);
            walk_expr(elt, f);
        }
        ExprKind::DictComp { key, value, generators } => {
            walk_comprehensions(generators, f);
            walk_expr(key, f);
            walk_expr(value, f);
        }
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                walk_expr(v, f);
            }
        }
        ExprKind::Compare { left, comparators, .. } => {
            walk_expr(left, f);
            comparators.iter().for_each(|c| walk_expr(c, f));
        }
        ExprKind::Call { func, args, keywords, starargs, kwargs } => {
            walk_expr(func, f);
            args.iter().for_each(|a| walk_expr(a, f));
            keywords.iter().for_each(|k| walk_expr(&k.value, f));
            if let Some(s) = starargs {
                walk_expr(s, f);
            }
            if let Some(k) = kwargs {
                walk_expr(k, f);
            }
        }
        ExprKind::Repr(x) => walk_expr(x, f),
        ExprKind::Attribute { value, .. } => walk_expr(value, f),
        ExprKind::Subscript { value, slice } => {
            walk_expr(value, f);
            walk_slice(slice, f);
        }
        ExprKind::Int(_)
        | ExprKind::Long(_)
        | ExprKind::Float(_)
        | ExprKind::Complex(_)
        | ExprKind::Str(_)
        | ExprKind::Unicode(_)
        | ExprKind::UnicodeUnsupported(_)
        | ExprKind::Name(_) => {}
    }
}


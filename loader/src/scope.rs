//! Static scope analysis of function and class bodies (what CPython's compiler
//! does in symtable.c): which names are locals, which are declared global,
//! which locals must live in cells because nested functions capture them, and
//! which names a scope needs from its enclosing function scopes.

use std::collections::HashSet;

use syntax::ast::{Arguments, Comprehension, Expr, ExprKind, Slice, Stmt, StmtKind};

#[derive(Debug, Default)]
pub struct Scope {
    /// Names bound in this scope (parameters, assignment targets, defs, imports...).
    pub bound: HashSet<String>,
    /// Names declared `global`.
    pub globals: HashSet<String>,
    /// Locals that nested scopes capture: they live in cells.
    pub cellvars: HashSet<String>,
    /// Names this scope (or a scope nested in it) reads but does not bind: they
    /// come from an enclosing function's cells if it has them, else from globals.
    pub free: HashSet<String>,
    /// The body contains `yield`.
    pub is_generator: bool,
    /// The parameter names in order (tuple parameters flattened).
    pub params: Vec<String>,
}

/// Scope of a function: its parameters and body.
pub fn function_scope(args: &Arguments, body: &[Stmt]) -> Scope {
    params_scope(args, body, None)
}

/// Scope of a function given by parameters and either statements or a lambda's expression.
fn params_scope(args: &Arguments, body: &[Stmt], lambda_body: Option<&Expr>) -> Scope {
    let mut w = Walker::default();
    for a in &args.args {
        w.bind_target(a);
    }
    let mut params: Vec<String> = Vec::new();
    for a in &args.args {
        flatten_params(a, &mut params);
    }
    if let Some(v) = &args.vararg {
        w.bound.insert(v.clone());
        params.push(v.clone());
    }
    if let Some(k) = &args.kwarg {
        w.bound.insert(k.clone());
        params.push(k.clone());
    }
    w.stmts(body);
    if let Some(e) = lambda_body {
        w.expr(e);
    }
    let mut s = w.finish(false);
    s.params = params;
    s
}

/// Scope of a class body.
pub fn class_scope(body: &[Stmt]) -> Scope {
    let mut w = Walker::default();
    w.stmts(body);
    w.finish(true)
}

fn flatten_params(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                flatten_params(i, out)
            }
        }
        _ => {}
    }
}

#[derive(Default)]
struct Walker {
    bound: HashSet<String>,
    globals: HashSet<String>,
    uses: HashSet<String>,
    /// Free names of nested scopes.
    child_free: HashSet<String>,
    is_generator: bool,
}

impl Walker {
    fn finish(self, is_class: bool) -> Scope {
        let mut free = HashSet::new();
        for u in &self.uses {
            if !self.bound.contains(u) && !self.globals.contains(u) {
                free.insert(u.clone());
            }
        }
        let mut cellvars = HashSet::new();
        for c in &self.child_free {
            if self.globals.contains(c) {
                continue;
            }
            // Nested functions never see a class body's names: they pass through.
            if !is_class && self.bound.contains(c) {
                cellvars.insert(c.clone());
            } else {
                free.insert(c.clone());
            }
        }
        let bound = self.bound.difference(&self.globals).cloned().collect();
        Scope { bound, globals: self.globals, cellvars, free, is_generator: self.is_generator, params: Vec::new() }
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn bind_target(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::Name(n) => {
                self.bound.insert(n.clone());
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.bind_target(i);
                }
            }
            // `a.b = ...`, `a[i] = ...` read `a`.
            _ => self.expr(e),
        }
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    self.expr(d);
                }
                for d in &f.args.defaults {
                    self.expr(d);
                }
                self.bound.insert(f.name.clone());
                let child = function_scope(&f.args, &f.body);
                self.child_free.extend(child.free);
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    self.expr(d);
                }
                for b in &c.bases {
                    self.expr(b);
                }
                self.bound.insert(c.name.clone());
                let child = class_scope(&c.body);
                self.child_free.extend(child.free);
            }
            StmtKind::Return(v) => {
                if let Some(v) = v {
                    self.expr(v)
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.bind_target(t)
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value);
                for t in targets {
                    self.bind_target(t);
                }
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value);
                self.expr(target);
                self.bind_target(target);
            }
            StmtKind::Print { dest, values, .. } => {
                if let Some(d) = dest {
                    self.expr(d)
                }
                for v in values {
                    self.expr(v)
                }
            }
            StmtKind::For { target, iter, body, orelse } => {
                self.expr(iter);
                self.bind_target(target);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::While { test, body, orelse } | StmtKind::If { test, body, orelse } => {
                self.expr(test);
                self.stmts(body);
                self.stmts(orelse);
            }
            StmtKind::With { context, vars, body } => {
                self.expr(context);
                if let Some(v) = vars {
                    self.bind_target(v)
                }
                self.stmts(body);
            }
            StmtKind::Raise { type_, inst, tback } => {
                for e in [type_, inst, tback].into_iter().flatten() {
                    self.expr(e)
                }
            }
            StmtKind::TryExcept { body, handlers, orelse } => {
                self.stmts(body);
                for h in handlers {
                    if let Some(t) = &h.type_ {
                        self.expr(t)
                    }
                    if let Some(n) = &h.name {
                        self.bind_target(n)
                    }
                    self.stmts(&h.body);
                }
                self.stmts(orelse);
            }
            StmtKind::TryFinally { body, finalbody } => {
                self.stmts(body);
                self.stmts(finalbody);
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test);
                if let Some(m) = msg {
                    self.expr(m)
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let name = match &a.asname {
                        Some(n) => n.clone(),
                        None => a.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bound.insert(name);
                }
            }
            StmtKind::ImportFrom { module, names, .. } => {
                if module.as_deref() == Some("__future__") {
                    return;
                }
                for a in names {
                    if a.name != "*" {
                        self.bound.insert(a.asname.clone().unwrap_or_else(|| a.name.clone()));
                    }
                }
            }
            StmtKind::Exec { body, globals, locals } => {
                self.expr(body);
                for e in [globals, locals].into_iter().flatten() {
                    self.expr(e)
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    self.globals.insert(n.clone());
                }
            }
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
        }
    }

    fn comprehension(&mut self, gens: &[Comprehension]) {
        // Python 2 list comprehension variables belong to the enclosing scope;
        // the evaluator restores them for the other comprehension kinds.
        for g in gens {
            self.expr(&g.iter);
            self.bind_target(&g.target);
            for i in &g.ifs {
                self.expr(i)
            }
        }
    }

    fn slice(&mut self, s: &Slice) {
        match s {
            Slice::Ellipsis => {}
            Slice::Slice { lower, upper, step } => {
                for e in [lower, upper, step].into_iter().flatten() {
                    self.expr(e)
                }
            }
            Slice::ExtSlice(items) => {
                for i in items {
                    self.slice(i)
                }
            }
            Slice::Index(e) => self.expr(e),
        }
    }

    fn expr(&mut self, e: &Expr) {
        match &e.kind {
            ExprKind::BoolOp { values, .. } => {
                for v in values {
                    self.expr(v)
                }
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left);
                self.expr(right);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::Lambda { args, body } => {
                for d in &args.defaults {
                    self.expr(d);
                }
                let child = params_scope(args, &[], Some(body));
                self.child_free.extend(child.free);
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test);
                self.expr(body);
                self.expr(orelse);
            }
            ExprKind::Dict { keys, values } => {
                for k in keys {
                    self.expr(k)
                }
                for v in values {
                    self.expr(v)
                }
            }
            ExprKind::Set(items) | ExprKind::List(items) | ExprKind::Tuple(items) => {
                for i in items {
                    self.expr(i)
                }
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(generators);
                self.expr(elt);
            }
            ExprKind::DictComp { key, value, generators } => {
                self.comprehension(generators);
                self.expr(key);
                self.expr(value);
            }
            ExprKind::Yield(v) => {
                self.is_generator = true;
                if let Some(v) = v {
                    self.expr(v)
                }
            }
            ExprKind::Compare { left, comparators, .. } => {
                self.expr(left);
                for c in comparators {
                    self.expr(c)
                }
            }
            ExprKind::Call { func, args, keywords, starargs, kwargs } => {
                self.expr(func);
                for a in args {
                    self.expr(a)
                }
                for k in keywords {
                    self.expr(&k.value)
                }
                if let Some(s) = starargs {
                    self.expr(s)
                }
                if let Some(k) = kwargs {
                    self.expr(k)
                }
            }
            ExprKind::Repr(v) => self.expr(v),
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, slice } => {
                self.expr(value);
                self.slice(slice);
            }
            ExprKind::Name(n) => {
                self.uses.insert(n.clone());
            }
            ExprKind::Int(_)
            | ExprKind::Long(_)
            | ExprKind::Float(_)
            | ExprKind::Complex(_)
            | ExprKind::Str(_)
            | ExprKind::Unicode(_)
            | ExprKind::UnicodeUnsupported(_) => {}
        }
    }
}

//! Shared by the annotator's and the rtyper's golden tests (the rtyper
//! includes this file by path): builds a host heap from Python source
//! without the loader, and runs a folder of `NAME.py` files against their
//! expected outputs.
//!
//! The heap builder understands what the test programs use at import time:
//! `def` (defaults that are literals), module constants that are literals
//! (or simple arithmetic on them), `import os` / `import sys`, and imports of
//! sibling modules (`import m`, `from m import a, b`).

#![allow(dead_code)]

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use diag::{Diagnostic, SourceMap, Span};
use hostobj::{Function, Heap, Module, ObjId, Object, OrderedDict, Value};
use syntax::ast::{self, ExprKind, StmtKind};

/// A loaded test program.
pub struct TestProgram {
    pub heap: Heap,
    pub entry: ObjId,
    pub sources: SourceMap,
}

struct Loader {
    heap: Heap,
    sources: SourceMap,
    dir: PathBuf,
    modules: HashMap<String, ObjId>,
    builtins: ObjId,
}

const BUILTIN_NAMES: &[&str] = &["len", "str", "int", "bool", "abs", "min", "max", "range", "chr", "ord", "float"];

/// Loads `path` and returns its `entry_point` function.
pub fn load(path: &Path) -> Result<TestProgram, Diagnostic> {
    let mut heap = Heap::new();
    let mut globals = OrderedDict::new();
    for name in BUILTIN_NAMES {
        let b = heap.alloc(Object::Builtin(name.to_string()));
        globals.insert_str(name, Value::Obj(b));
    }
    let builtins = heap.alloc(Object::Module(Module { name: "__builtin__".into(), file: None, globals }));
    // The built-in exception classes, as real classes.
    let mut classes: HashMap<&str, ObjId> = HashMap::new();
    let hierarchy = [
        ("BaseException", ""),
        ("Exception", "BaseException"),
        ("StopIteration", "Exception"),
        ("StandardError", "Exception"),
        ("ValueError", "StandardError"),
        ("LookupError", "StandardError"),
        ("IndexError", "LookupError"),
        ("KeyError", "LookupError"),
        ("ArithmeticError", "StandardError"),
        ("ZeroDivisionError", "ArithmeticError"),
        ("OverflowError", "ArithmeticError"),
        ("EnvironmentError", "StandardError"),
        ("OSError", "EnvironmentError"),
        ("RuntimeError", "StandardError"),
        ("MemoryError", "StandardError"),
        ("AssertionError", "StandardError"),
        ("TypeError", "StandardError"),
    ];
    for (name, base) in hierarchy {
        let bases = classes.get(base).map(|b| vec![*b]).unwrap_or_default();
        let c = heap.alloc(Object::Class(hostobj::Class {
            name: name.into(),
            module: builtins,
            bases,
            dict: OrderedDict::new(),
            span: Span::default(),
        }));
        classes.insert(name, c);
        if let Object::Module(m) = heap.get_mut(builtins) {
            m.globals.insert_str(name, Value::Obj(c));
        }
    }
    let mut loader = Loader {
        heap,
        sources: SourceMap::new(),
        dir: path.parent().unwrap().to_path_buf(),
        modules: HashMap::new(),
        builtins,
    };
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let module = loader.import(&name, Span::default())?;
    let entry = match loader.heap.module(module).unwrap().globals.get_str("entry_point") {
        Some(Value::Obj(f)) => *f,
        _ => return Err(Diagnostic::error(Span::default(), "no entry_point in the test file")),
    };
    Ok(TestProgram { heap: loader.heap, entry, sources: loader.sources })
}

impl Loader {
    fn import(&mut self, name: &str, span: Span) -> Result<ObjId, Diagnostic> {
        if let Some(&m) = self.modules.get(name) {
            return Ok(m);
        }
        let mut globals = OrderedDict::new();
        match name {
            "os" => {
                let w = self.heap.alloc(Object::Builtin("os.write".into()));
                globals.insert_str("write", Value::Obj(w));
            }
            "sys" => {}
            _ => {
                let path = self.dir.join(format!("{}.py", name));
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| Diagnostic::error(span, format!("cannot import {}: {}", name, e)))?;
                let file = self.sources.add(path, text.clone());
                let tree = syntax::parse_module(&text, file)?;
                globals.insert_str("__name__", Value::str(name));
                globals.insert_str("__builtins__", Value::Obj(self.builtins));
                let m = self.heap.alloc(Object::Module(Module { name: name.into(), file: Some(file), globals }));
                self.modules.insert(name.into(), m);
                for stmt in &tree.body {
                    self.exec(m, stmt)?;
                }
                return Ok(m);
            }
        }
        let m = self.heap.alloc(Object::Module(Module { name: name.into(), file: None, globals }));
        self.modules.insert(name.into(), m);
        Ok(m)
    }

    fn set_global(&mut self, m: ObjId, name: &str, v: Value) {
        if let Object::Module(module) = self.heap.get_mut(m) {
            module.globals.insert_str(name, v);
        }
    }

    fn exec(&mut self, m: ObjId, stmt: &ast::Stmt) -> Result<(), Diagnostic> {
        match &stmt.kind {
            StmtKind::FunctionDef(def) => {
                let mut defaults = Vec::new();
                for d in &def.args.defaults {
                    defaults.push(self.eval(m, d)?);
                }
                let f = self.heap.alloc(Object::Function(Function {
                    name: def.name.clone(),
                    module: m,
                    def: Rc::new(def.clone()),
                    defaults,
                    closure: Vec::new(),
                    attrs: OrderedDict::new(),
                    span: stmt.span,
                }));
                self.set_global(m, &def.name, Value::Obj(f));
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(m, value)?;
                for t in targets {
                    if let ExprKind::Name(n) = &t.kind {
                        self.set_global(m, n, v.clone());
                    }
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let module = self.import(&a.name, stmt.span)?;
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.set_global(m, &bound, Value::Obj(module));
                }
            }
            StmtKind::ImportFrom { module: Some(from), names, .. } => {
                let module = self.import(from, stmt.span)?;
                for a in names {
                    let v = self.heap.module(module).unwrap().globals.get_str(&a.name).cloned().ok_or_else(|| {
                        Diagnostic::error(stmt.span, format!("cannot import {} from {}", a.name, from))
                    })?;
                    let bound = a.asname.clone().unwrap_or_else(|| a.name.clone());
                    self.set_global(m, &bound, v);
                }
            }
            // Docstrings, `pass`, classes and anything else: not needed by the tests.
            _ => {}
        }
        Ok(())
    }

    /// Literals, names of globals and simple arithmetic on them.
    fn eval(&mut self, m: ObjId, e: &ast::Expr) -> Result<Value, Diagnostic> {
        let bad = || Err(Diagnostic::error(e.span, "test loader: unsupported import-time expression"));
        Ok(match &e.kind {
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Str(s) => Value::Str(Rc::from(&s[..])),
            ExprKind::Float(x) => Value::Float(*x),
            ExprKind::Name(n) => match n.as_str() {
                "None" => Value::None,
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                _ => match self.heap.module(m).unwrap().globals.get_str(n) {
                    Some(v) => v.clone(),
                    None => return bad(),
                },
            },
            ExprKind::UnaryOp { op: ast::UnaryOp::USub, operand } => match self.eval(m, operand)? {
                Value::Int(i) => Value::Int(i.wrapping_neg()),
                _ => return bad(),
            },
            ExprKind::BinOp { left, op, right } => {
                let (l, r) = (self.eval(m, left)?, self.eval(m, right)?);
                match (l, op, r) {
                    (Value::Int(a), ast::BinOp::Add, Value::Int(b)) => Value::Int(a.wrapping_add(b)),
                    (Value::Int(a), ast::BinOp::Sub, Value::Int(b)) => Value::Int(a.wrapping_sub(b)),
                    (Value::Int(a), ast::BinOp::Mult, Value::Int(b)) => Value::Int(a.wrapping_mul(b)),
                    (Value::Int(a), ast::BinOp::LShift, Value::Int(b)) => Value::Int(a << b),
                    (Value::Str(a), ast::BinOp::Mult, Value::Int(b)) => Value::Str(Rc::from(a.repeat(b as usize))),
                    (Value::Str(a), ast::BinOp::Add, Value::Str(b)) => Value::Str(Rc::from([&a[..], &b[..]].concat())),
                    _ => return bad(),
                }
            }
            _ => return bad(),
        })
    }
}

/// Runs every `NAME.py` of `dir` that defines `entry_point` through `run`,
/// comparing its text with `NAME.<ext>`, or its error (`line:col: error:
/// message`) with `NAME.err`. With `UPDATE_EXPECT=1` the expected files are
/// rewritten instead (review the diff).
pub fn run_folder(dir: &Path, ext: &str, run: &dyn Fn(&TestProgram) -> Result<String, Diagnostic>) {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {}", dir.display(), e))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut failures = Vec::new();
    let mut count = 0;
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.contains("def entry_point(") {
            continue; // a module imported by other tests
        }
        count += 1;
        let result = load(&path).and_then(|p| run(&p));
        let (actual, expected_path, other) = match result {
            Ok(dump) => (dump, path.with_extension(ext), path.with_extension("err")),
            Err(d) => (format!("{}\n", d), path.with_extension("err"), path.with_extension(ext)),
        };
        if update {
            std::fs::write(&expected_path, &actual).unwrap();
            let _ = std::fs::remove_file(other);
            continue;
        }
        match std::fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures.push(format!(
                "{}: differs from {}\n--- expected\n{}--- actual\n{}",
                path.display(),
                expected_path.display(),
                expected,
                actual
            )),
            Err(_) => failures.push(format!(
                "{}: no {} (run with UPDATE_EXPECT=1 to create it); actual output:\n{}",
                path.display(),
                expected_path.display(),
                actual
            )),
        }
    }
    assert!(count > 0, "no tests in {}", dir.display());
    assert!(failures.is_empty(), "{} of {} golden tests failed:\n\n{}", failures.len(), count, failures.join("\n"));
}

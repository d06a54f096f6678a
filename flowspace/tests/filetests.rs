//! Golden tests: `tests/filetests/flow/NAME.py` is parsed, its top-level
//! functions and methods become host objects (a tiny stand-in for the
//! loader, see `TestProgram`), and the dump of every function's flow graph
//! (or its error, as `name: line:col: error: message`) is compared with
//! `NAME.flow`. `UPDATE_EXPECT=1` rewrites the expected files: review the
//! diff, it is the spec.
//!
//! Every graph built is also checked with `check_flow_graph`.

use std::path::{Path, PathBuf};
use std::rc::Rc;

use diag::{FileId, Span};
use flowspace::{build_flow_graph, check_flow_graph, dump_flow_graph};
use hostobj::{Class, Function, Heap, Instance, Module, ObjId, Object, OrderedDict, Value};
use syntax::ast::{self, ExprKind, StmtKind};

/// A heap holding one parsed module, its functions and classes, the
/// `__builtin__` module and the built-in modules `os`, `math`, `sys`.
struct TestProgram {
    heap: Heap,
    /// Every function to build, with the label used in dumps.
    functions: Vec<(String, ObjId)>,
}

const BUILTIN_FUNCTIONS: &[&str] = &[
    "len",
    "range",
    "xrange",
    "int",
    "str",
    "float",
    "bool",
    "chr",
    "ord",
    "unichr",
    "abs",
    "min",
    "max",
    "isinstance",
    "hasattr",
    "list",
    "tuple",
    "dict",
    "enumerate",
    "reversed",
    "zip",
    "repr",
    "hex",
    "oct",
    "object",
    "type",
    "getattr",
    "setattr",
    "iter",
    "next",
    "sorted",
    "sum",
    "id",
    "hash",
    "print",
];

/// Built-in exception classes and their base.
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", ""),
    ("Exception", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("StopIteration", "Exception"),
    ("StandardError", "Exception"),
    ("ArithmeticError", "StandardError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("LookupError", "StandardError"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("ValueError", "StandardError"),
    ("TypeError", "StandardError"),
    ("AssertionError", "StandardError"),
    ("AttributeError", "StandardError"),
    ("RuntimeError", "StandardError"),
    ("NotImplementedError", "RuntimeError"),
    ("EnvironmentError", "StandardError"),
    ("OSError", "EnvironmentError"),
    ("IOError", "EnvironmentError"),
    ("MemoryError", "StandardError"),
];

fn module(heap: &mut Heap, name: &str, file: Option<FileId>) -> ObjId {
    heap.alloc(Object::Module(Module { name: name.into(), file, globals: OrderedDict::new() }))
}

fn globals(heap: &mut Heap, m: ObjId) -> &mut OrderedDict {
    match heap.get_mut(m) {
        Object::Module(m) => &mut m.globals,
        _ => unreachable!(),
    }
}

fn builtin_module(heap: &mut Heap, name: &str, functions: &[&str], consts: &[(&str, Value)]) -> ObjId {
    let m = module(heap, name, None);
    for f in functions {
        let b = heap.alloc(Object::Builtin(format!("{}.{}", name, f)));
        globals(heap, m).insert_str(f, Value::Obj(b));
    }
    for (n, v) in consts {
        globals(heap, m).insert_str(n, v.clone());
    }
    m
}

impl TestProgram {
    fn new(source: &str, modname: &str) -> Result<TestProgram, String> {
        let tree = syntax::parse_module(source, FileId(0)).map_err(|d| format!("parse error: {}", d))?;
        let mut heap = Heap::new();
        let builtins = module(&mut heap, "__builtin__", None);
        for f in BUILTIN_FUNCTIONS {
            let b = heap.alloc(Object::Builtin(f.to_string()));
            globals(&mut heap, builtins).insert_str(f, Value::Obj(b));
        }
        for (name, base) in EXCEPTIONS {
            let bases = match globals(&mut heap, builtins).get_str(base) {
                Some(Value::Obj(b)) => vec![*b],
                _ => vec![],
            };
            let c = heap.alloc(Object::Class(Class {
                name: name.to_string(),
                module: builtins,
                bases,
                dict: OrderedDict::new(),
                span: Span::default(),
            }));
            globals(&mut heap, builtins).insert_str(name, Value::Obj(c));
        }
        let os = builtin_module(&mut heap, "os", &["write", "read", "open", "close", "lseek", "getenv"], &[]);
        let math = builtin_module(
            &mut heap,
            "math",
            &["sqrt", "floor", "fabs"],
            &[("pi", Value::Float(std::f64::consts::PI))],
        );
        let sys = builtin_module(&mut heap, "sys", &["exit"], &[("maxint", Value::Int(i64::MAX))]);

        let m = module(&mut heap, modname, Some(FileId(0)));
        globals(&mut heap, m).insert_str("__name__", Value::str(modname));
        globals(&mut heap, m).insert_str("__builtins__", Value::Obj(builtins));
        let mut prog = TestProgram { heap, functions: Vec::new() };
        for s in &tree.body {
            match &s.kind {
                StmtKind::FunctionDef(def) => {
                    let f = prog.function(def, m, s.span);
                    globals(&mut prog.heap, m).insert_str(&def.name, Value::Obj(f));
                    prog.functions.push((def.name.clone(), f));
                }
                StmtKind::ClassDef(cd) => {
                    let c = prog.class(cd, m, s.span);
                    globals(&mut prog.heap, m).insert_str(&cd.name, Value::Obj(c));
                }
                StmtKind::Import(aliases) => {
                    for a in aliases {
                        let target = match a.name.as_str() {
                            "os" => os,
                            "math" => math,
                            "sys" => sys,
                            _ => continue,
                        };
                        let name = a.asname.clone().unwrap_or(a.name.clone());
                        globals(&mut prog.heap, m).insert_str(&name, Value::Obj(target));
                    }
                }
                StmtKind::Assign { targets, value } => {
                    if let (Some(v), [ast::Expr { kind: ExprKind::Name(n), .. }]) =
                        (prog.literal(value, m), &targets[..])
                    {
                        globals(&mut prog.heap, m).insert_str(n, v);
                    }
                }
                _ => {}
            }
        }
        Ok(prog)
    }

    fn function(&mut self, def: &ast::FunctionDef, m: ObjId, span: Span) -> ObjId {
        let defaults = def.args.defaults.iter().map(|d| self.literal(d, m).unwrap_or(Value::None)).collect();
        self.heap.alloc(Object::Function(Function {
            name: def.name.clone(),
            module: m,
            def: Rc::new(def.clone()),
            defaults,
            closure: Vec::new(),
            attrs: OrderedDict::new(),
            span,
        }))
    }

    fn class(&mut self, cd: &ast::ClassDef, m: ObjId, span: Span) -> ObjId {
        let bases = cd
            .bases
            .iter()
            .filter_map(|b| match self.literal(b, m) {
                Some(Value::Obj(id)) if self.heap.class(id).is_some() => Some(id),
                _ => None,
            })
            .collect();
        let mut dict = OrderedDict::new();
        for s in &cd.body {
            match &s.kind {
                StmtKind::FunctionDef(def) => {
                    let f = self.function(def, m, s.span);
                    let v =
                        if def.decorators.iter().any(|d| matches!(&d.kind, ExprKind::Name(n) if n == "staticmethod")) {
                            Value::Obj(self.heap.alloc(Object::StaticMethod(Value::Obj(f))))
                        } else {
                            Value::Obj(f)
                        };
                    dict.insert_str(&def.name, v);
                    self.functions.push((format!("{}.{}", cd.name, def.name), f));
                }
                StmtKind::Assign { targets, value } => {
                    if let (Some(v), [ast::Expr { kind: ExprKind::Name(n), .. }]) =
                        (self.literal(value, m), &targets[..])
                    {
                        dict.insert_str(n, v);
                    }
                }
                _ => {}
            }
        }
        self.heap.alloc(Object::Class(Class { name: cd.name.clone(), module: m, bases, dict, span }))
    }

    /// Values of the few module-level expressions tests use.
    fn literal(&mut self, e: &ast::Expr, m: ObjId) -> Option<Value> {
        Some(match &e.kind {
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Float(f) => Value::Float(*f),
            ExprKind::Str(s) => Value::Str(Rc::from(&s[..])),
            ExprKind::Name(n) => match n.as_str() {
                "None" => Value::None,
                "True" => Value::Bool(true),
                "False" => Value::Bool(false),
                _ => {
                    let g = self.heap.module(m)?.globals.get_str(n).cloned();
                    let builtins = match self.heap.module(m)?.globals.get_str("__builtins__") {
                        Some(Value::Obj(b)) => *b,
                        _ => return g,
                    };
                    g.or_else(|| self.heap.module(builtins)?.globals.get_str(n).cloned())?
                }
            },
            ExprKind::Tuple(elts) => {
                let items = elts.iter().map(|x| self.literal(x, m)).collect::<Option<Vec<_>>>()?;
                Value::Obj(self.heap.alloc(Object::Tuple(items)))
            }
            ExprKind::List(elts) => {
                let items = elts.iter().map(|x| self.literal(x, m)).collect::<Option<Vec<_>>>()?;
                Value::Obj(self.heap.alloc(Object::List(items)))
            }
            // `unrolling_iterable(items)`, as rpython.rlib.unroll builds it.
            ExprKind::Call { func, args, .. } if matches!(&func.kind, ExprKind::Name(n) if n == "unrolling_iterable") =>
            {
                let items = match self.literal(args.first()?, m)? {
                    Value::Obj(id) => match self.heap.get(id) {
                        Object::List(v) | Object::Tuple(v) => v.clone(),
                        _ => return None,
                    },
                    _ => return None,
                };
                let tuple = self.heap.alloc(Object::Tuple(items));
                let class = self.heap.alloc(Object::Class(Class {
                    name: "unrolling_iterable".into(),
                    module: m,
                    bases: vec![],
                    dict: OrderedDict::new(),
                    span: Span::default(),
                }));
                let mut attrs = OrderedDict::new();
                attrs.insert_str("_items", Value::Obj(tuple));
                Value::Obj(self.heap.alloc(Object::Instance(Instance { class, attrs })))
            }
            _ => return None,
        })
    }

    /// The dumps (or errors) of every function, each graph checked.
    fn dump_all(&self) -> String {
        let mut out = String::new();
        for (label, f) in &self.functions {
            match build_flow_graph(&self.heap, *f) {
                Ok(g) => {
                    let text = dump_flow_graph(&self.heap, &g);
                    if let Err(e) = check_flow_graph(&g) {
                        panic!("invalid graph for {}: {}\n{}", label, e, text);
                    }
                    let mut live = g.reachable_blocks();
                    live.extend([g.returnblock, g.exceptblock]);
                    live.sort();
                    live.dedup();
                    assert_eq!(live.len(), g.blocks.len(), "dead blocks left in {}\n{}", label, text);
                    out.push_str(&text);
                }
                Err(d) => out.push_str(&format!("{}: {}\n", label, d)),
            }
            out.push('\n');
        }
        out
    }
}

fn flow_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/filetests/flow")
}

fn py_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
        Ok(rd) => {
            rd.filter_map(|e| e.ok()).map(|e| e.path()).filter(|p| p.extension().is_some_and(|x| x == "py")).collect()
        }
        Err(_) => Vec::new(),
    };
    files.sort();
    files
}

#[test]
fn golden_flow_graphs() {
    let update = std::env::var("UPDATE_EXPECT").is_ok_and(|v| v == "1");
    let files = py_files(&flow_dir());
    assert!(!files.is_empty(), "no test files in {}", flow_dir().display());
    let mut failures = Vec::new();
    for py in &files {
        let source = std::fs::read_to_string(py).unwrap();
        let stem = py.file_stem().unwrap().to_string_lossy().into_owned();
        let actual = match TestProgram::new(&source, &stem) {
            Ok(p) => p.dump_all(),
            Err(e) => format!("{}\n", e),
        };
        let expected_path = py.with_extension("flow");
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if actual != expected {
            if update {
                std::fs::write(&expected_path, &actual).unwrap();
            } else {
                let line = actual.lines().zip(expected.lines()).position(|(a, e)| a != e).unwrap_or(0);
                failures.push(format!(
                    "{}: differs from {} at line {}:\n  expected: {:?}\n  actual:   {:?}",
                    py.display(),
                    expected_path.display(),
                    line + 1,
                    expected.lines().nth(line).unwrap_or("<end>"),
                    actual.lines().nth(line).unwrap_or("<end>"),
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}\n(UPDATE_EXPECT=1 rewrites the expected files)", failures.join("\n"));
}

/// The builder must never panic: run it over every Python file the other
/// test suites hold (most functions there use names this stand-in heap
/// lacks, which is fine: errors are values) and check each graph built.
#[test]
fn other_test_programs_never_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests");
    let mut dirs = vec![root];
    let mut count = 0;
    let verbose = std::env::var("FLOW_VERBOSE").is_ok_and(|v| v == "1");
    while let Some(d) = dirs.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else { continue };
        let mut entries: Vec<PathBuf> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
        entries.sort();
        for p in entries {
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "py") {
                let Ok(source) = std::fs::read_to_string(&p) else { continue };
                let Ok(prog) = TestProgram::new(&source, "m") else { continue };
                for (label, f) in &prog.functions {
                    match build_flow_graph(&prog.heap, *f) {
                        Ok(g) => {
                            if let Err(e) = check_flow_graph(&g) {
                                panic!(
                                    "{}: invalid graph for {}: {}\n{}",
                                    p.display(),
                                    label,
                                    e,
                                    dump_flow_graph(&prog.heap, &g)
                                );
                            }
                            count += 1;
                        }
                        // FLOW_VERBOSE=1 lists the errors, to spot constructs worth supporting.
                        Err(d) if verbose => eprintln!("{}: {}: {}", p.display(), label, d),
                        Err(_) => {}
                    }
                }
            }
        }
    }
    eprintln!("built {} graphs from other test programs", count);
}

/// Robustness: every golden input with one line removed, or dedented by
/// one level (odd programs: names used before assignment, statements moved
/// out of loops and try bodies), must give a valid graph or an error, never
/// a panic.
#[test]
fn mutated_golden_inputs_never_panic() {
    let mut graphs = 0;
    for py in py_files(&flow_dir()) {
        let source = std::fs::read_to_string(&py).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        for i in 0..lines.len() {
            for dedent in [false, true] {
                let mut mutated: Vec<&str> = lines.clone();
                if dedent {
                    match lines[i].strip_prefix("    ") {
                        Some(rest) => mutated[i] = rest,
                        None => continue,
                    }
                } else {
                    mutated.remove(i);
                }
                let Ok(prog) = TestProgram::new(&mutated.join("\n"), "m") else { continue };
                for (label, f) in &prog.functions {
                    if let Ok(g) = build_flow_graph(&prog.heap, *f) {
                        if let Err(e) = check_flow_graph(&g) {
                            panic!("{} mutated at line {}: invalid graph for {}: {}", py.display(), i + 1, label, e);
                        }
                        graphs += 1;
                    }
                }
            }
        }
    }
    eprintln!("built {} graphs from mutated inputs", graphs);
}

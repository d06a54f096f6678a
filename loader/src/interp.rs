//! The import-time evaluator: a tree-walking interpreter of the AST with
//! Python 2.7 semantics, building host objects in the `Heap`.
//!
//! Control flow: statements return a `Flow` (normal, return, break, continue);
//! Python exceptions and fatal problems travel as the `Err` side (`Unwind`),
//! so `?` propagates both. Each Python frame is a Rust `Frame` value on the
//! Rust stack; the call depth is counted (limit `MAX_DEPTH`) and the whole
//! evaluator runs on a thread with a big stack (see `lib.rs`), so deep Python
//! recursion becomes a RuntimeError, never a Rust stack overflow.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

use diag::{Diagnostic, SourceMap, Span};
use hostobj::{Class, Function, Heap, Instance, ObjId, Object, OrderedDict, Value};
use syntax::ast::{self, Expr, ExprKind, Stmt, StmtKind};

use crate::scope::{self, Scope};

/// Python's default recursion limit.
pub const MAX_DEPTH: usize = 1000;
/// Most items a generator may yield (it is run eagerly, see `call_function`).
pub const MAX_YIELDS: usize = 10_000_000;
/// The most `sys.setrecursionlimit` may ask for: what the evaluator thread's
/// stack holds with room to spare.
pub const DEPTH_CAP: usize = 5000;

/// A Python exception on its way up.
#[derive(Debug, Clone)]
pub struct PyErr {
    /// The exception instance.
    pub exc: Value,
    /// Where it was raised.
    pub span: Span,
    /// The first module whose body it escaped (for the final message).
    pub module: Option<String>,
    /// Call sites and import statements it went through, innermost first.
    pub trace: Vec<(Span, TraceKind)>,
    pub omitted: usize,
}

#[derive(Debug)]
pub enum Unwind {
    Raise(Box<PyErr>),
    /// Something the import-time evaluator cannot do: not catchable.
    Fatal(Box<Diagnostic>),
}

pub type R<T> = Result<T, Unwind>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TraceKind {
    Call,
    Import,
}

/// How many trace entries are kept at each end (innermost and outermost).
pub const TRACE_KEPT: usize = 100;

impl PyErr {
    /// Records a frame the exception passed through. Bounded: the innermost
    /// and the outermost `TRACE_KEPT` entries are kept, the middle of a deep
    /// recursion is only counted (`omitted`, after index `TRACE_KEPT`).
    pub fn add_trace(&mut self, span: Span, kind: TraceKind) {
        if self.trace.len() >= 2 * TRACE_KEPT {
            self.trace.remove(TRACE_KEPT);
            self.omitted += 1;
        }
        self.trace.push((span, kind));
    }
}

pub enum Flow {
    Normal,
    Return(Value),
    Break,
    Continue,
}

pub struct Frame {
    /// The module whose globals this code sees.
    pub module: ObjId,
    pub kind: FrameKind,
}

pub enum FrameKind {
    Module,
    Function(Box<FuncFrame>),
    /// A class body: `ns` is a heap dict (so `locals()` can hand it out).
    Class { ns: ObjId, cells: HashMap<String, ObjId>, scope: Rc<Scope> },
}

pub struct FuncFrame {
    /// This frame's entry in `Interp::frames`, which holds its locals and
    /// cells (so `sys._getframe` can read them from a callee).
    pub slot: usize,
    pub scope: Rc<Scope>,
    /// Values yielded so far, for a generator function (run eagerly).
    pub yields: Option<Vec<Value>>,
}

impl Frame {
    pub fn module(module: ObjId) -> Frame {
        Frame { module, kind: FrameKind::Module }
    }
}

/// What a running Python frame shows to `sys._getframe`: one per frame, in
/// `Interp::frames` (outermost first). A function frame's variables live
/// here rather than in its `Frame`, so frames below the innermost stay readable.
pub struct FrameRec {
    pub module: ObjId,
    pub what: FrameWhat,
    /// A function frame's plain locals.
    pub locals: HashMap<String, Value>,
    /// A function frame's cells: captured locals and free variables.
    pub cells: HashMap<String, ObjId>,
    /// Where the calling frame was when this one started (its `f_lineno`).
    pub call_site: Span,
}

pub enum FrameWhat {
    Module,
    Class { ns: ObjId, name: String },
    Function(ObjId),
}

/// What the loader knows about a module loaded from a file.
#[derive(Debug, Clone)]
pub struct ModuleFile {
    pub module: ObjId,
    pub path: PathBuf,
    /// The folder of a package's `__init__.py`; None for plain modules.
    pub package_dir: Option<PathBuf>,
    /// Found in the bundled library folder.
    pub bundled: bool,
    /// `from __future__ import absolute_import` (no implicit relative imports).
    pub absolute_import: bool,
}

pub struct Interp {
    pub heap: Heap,
    pub sources: SourceMap,
    /// `sys.modules`: every imported module by dotted name.
    pub modules: HashMap<String, ObjId>,
    /// File modules in the order their import started.
    pub files: Vec<ModuleFile>,
    /// Folders searched for top-level modules, in order.
    pub roots: Vec<PathBuf>,
    /// The bundled library folder (holding `rpython/`), if found.
    pub pylib: Option<PathBuf>,
    pub builtins: ObjId,
    /// The class `object` and the exception classes, by name.
    pub classes: HashMap<&'static str, ObjId>,
    /// One heap object per `Builtin` name, so `type(x) is int` works.
    pub(crate) builtin_objs: HashMap<String, ObjId>,
    /// Marks an empty closure cell.
    pub unbound: Value,
    pub depth: usize,
    pub max_depth: usize,
    /// The most `sys.setrecursionlimit` may set (what the thread's stack holds).
    pub depth_cap: usize,
    /// Where evaluation is: the span of the current statement or operation.
    pub span: Span,
    /// Exceptions being handled (innermost last), for bare `raise`.
    pub handling: Vec<PyErr>,
    /// `print` output: written to stdout, or kept here when capturing (tests).
    pub captured: Option<Vec<u8>>,
    /// `print` puts a space before the next item.
    pub softspace: bool,
    /// Shared function definitions, by the address of their AST node.
    pub(crate) defs: HashMap<usize, Rc<ast::FunctionDef>>,
    pub(crate) scopes: HashMap<usize, Rc<Scope>>,
    /// Parsed modules, kept alive so AST addresses stay valid keys.
    pub asts: Vec<Rc<ast::Module>>,
    /// Canonical tuple per structure, so equal tuples are equal dict keys.
    pub(crate) tuple_intern: HashMap<Vec<Value>, ObjId>,
    pub(crate) mro_cache: HashMap<ObjId, Rc<Vec<ObjId>>>,
    /// For `time.clock()`.
    pub started: std::time::Instant,
    /// Dicts handed out as an instance's or function's `__dict__`: writes to
    /// them are copied back to the owner's attributes.
    pub(crate) dict_owners: HashMap<ObjId, ObjId>,
    /// The running Python frames, outermost first (see `FrameRec`).
    pub frames: Vec<FrameRec>,
}

impl Interp {
    pub fn new(sources: SourceMap) -> Interp {
        let mut heap = Heap::new();
        let unbound = Value::Obj(heap.alloc(Object::Builtin("<unbound>".into())));
        let builtins = heap.alloc(Object::Module(hostobj::Module {
            name: "__builtin__".into(),
            file: None,
            globals: OrderedDict::new(),
        }));
        let mut it = Interp {
            heap,
            sources,
            modules: HashMap::new(),
            files: Vec::new(),
            roots: Vec::new(),
            pylib: None,
            builtins,
            classes: HashMap::new(),
            builtin_objs: HashMap::new(),
            unbound,
            depth: 0,
            max_depth: MAX_DEPTH,
            depth_cap: DEPTH_CAP,
            span: Span::default(),
            handling: Vec::new(),
            captured: None,
            softspace: false,
            defs: HashMap::new(),
            scopes: HashMap::new(),
            asts: Vec::new(),
            tuple_intern: HashMap::new(),
            mro_cache: HashMap::new(),
            started: std::time::Instant::now(),
            dict_owners: HashMap::new(),
            frames: Vec::new(),
        };
        it.modules.insert("__builtin__".into(), builtins);
        crate::builtins::setup(&mut it);
        it
    }

    // ----- small constructors -------------------------------------------

    pub fn alloc(&mut self, o: Object) -> Value {
        Value::Obj(self.heap.alloc(o))
    }
    pub fn new_list(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Object::List(items))
    }
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        self.alloc(Object::Tuple(items))
    }
    pub fn new_dict(&mut self, d: OrderedDict) -> Value {
        self.alloc(Object::Dict(d))
    }
    pub fn bytes(b: impl Into<Vec<u8>>) -> Value {
        Value::Str(Rc::from(b.into()))
    }

    /// The one heap object for built-in `name` (`"len"`, `"str.join"`, `"int"`).
    pub fn builtin(&mut self, name: &str) -> Value {
        if let Some(&id) = self.builtin_objs.get(name) {
            return Value::Obj(id);
        }
        let id = self.heap.alloc(Object::Builtin(name.to_string()));
        self.builtin_objs.insert(name.to_string(), id);
        Value::Obj(id)
    }

    pub fn class_named(&self, name: &str) -> ObjId {
        // Every name asked for is created in `builtins::setup`.
        self.classes.get(name).copied().unwrap_or(ObjId(0))
    }

    pub fn obj(&self, v: &Value) -> Option<&Object> {
        match v {
            Value::Obj(id) => Some(self.heap.get(*id)),
            _ => None,
        }
    }

    pub fn mro(&mut self, class: ObjId) -> Rc<Vec<ObjId>> {
        if let Some(m) = self.mro_cache.get(&class) {
            return m.clone();
        }
        let m = Rc::new(self.heap.mro(class));
        self.mro_cache.insert(class, m.clone());
        m
    }

    /// Class attribute lookup along the MRO.
    pub fn class_lookup(&mut self, class: ObjId, name: &str) -> Option<Value> {
        let mro = self.mro(class);
        let key = Value::str(name);
        for &c in mro.iter() {
            if let Some(v) = self.heap.class(c).and_then(|cl| cl.dict.get(&key)) {
                return Some(v.clone());
            }
        }
        None
    }

    pub fn is_subclass(&mut self, sub: ObjId, sup: ObjId) -> bool {
        sub == sup || self.mro(sub).contains(&sup)
    }

    /// Whether a class is new-style (derives from `object`).
    pub fn is_new_style(&mut self, class: ObjId) -> bool {
        let object = self.class_named("object");
        self.is_subclass(class, object)
    }

    // ----- errors ---------------------------------------------------------

    /// An instance of the built-in exception class `cls` with `args`.
    pub fn new_exc(&mut self, cls: &str, args: Vec<Value>) -> Value {
        let class = self.class_named(cls);
        let t = self.new_tuple(args);
        let mut attrs = OrderedDict::new();
        attrs.insert_str("args", t);
        self.alloc(Object::Instance(Instance { class, attrs }))
    }

    pub fn raise_value(&self, exc: Value) -> Unwind {
        Unwind::Raise(Box::new(PyErr { exc, span: self.span, module: None, trace: Vec::new(), omitted: 0 }))
    }

    /// A Python exception of built-in class `cls` with one message argument.
    pub fn exc(&mut self, cls: &str, msg: impl AsRef<str>) -> Unwind {
        let v = self.new_exc(cls, vec![Value::str(msg.as_ref())]);
        self.raise_value(v)
    }

    pub fn err<T>(&mut self, cls: &str, msg: impl AsRef<str>) -> R<T> {
        Err(self.exc(cls, msg))
    }

    /// Something the evaluator cannot do, reported at the current position.
    pub fn unsupported<T>(&self, what: impl AsRef<str>) -> R<T> {
        Err(self.fatal(format!("import-time evaluation: {} is not supported", what.as_ref())))
    }

    pub fn fatal(&self, msg: impl Into<String>) -> Unwind {
        Unwind::Fatal(Box::new(Diagnostic::error(self.span, msg)))
    }

    /// A unicode literal the parser accepts but whose value cannot be
    /// represented yet (`ExprKind::UnicodeUnsupported`), at its span.
    pub fn unicode_unsupported(span: Span, why: &str) -> Unwind {
        Unwind::Fatal(Box::new(Diagnostic::error(span, format!("unicode literal not supported yet: {}", why))))
    }

    /// Whether a raised exception is an instance of built-in exception `cls`.
    pub fn exc_is(&mut self, e: &PyErr, cls: &str) -> bool {
        let c = self.class_named(cls);
        match self.obj(&e.exc) {
            Some(Object::Instance(i)) => {
                let ic = i.class;
                self.is_subclass(ic, c)
            }
            _ => false,
        }
    }

    // ----- frames and names -----------------------------------------------

    /// Records a frame that starts now; its slot in `frames`. End it with `pop_frame`.
    pub fn push_frame(&mut self, module: ObjId, what: FrameWhat, cells: HashMap<String, ObjId>) -> usize {
        self.frames.push(FrameRec { module, what, locals: HashMap::new(), cells, call_site: self.span });
        self.frames.len() - 1
    }

    /// Ends the frame in `slot` (and any left above it).
    pub fn pop_frame(&mut self, slot: usize) {
        self.frames.truncate(slot);
    }

    /// The cells a nested def or class may capture from `fr`.
    fn cells_of<'a>(&'a self, fr: &'a Frame) -> Option<&'a HashMap<String, ObjId>> {
        match &fr.kind {
            FrameKind::Module => None,
            FrameKind::Function(f) => self.frames.get(f.slot).map(|r| &r.cells),
            FrameKind::Class { cells, .. } => Some(cells),
        }
    }

    fn local_cell(&self, f: &FuncFrame, name: &str) -> Option<ObjId> {
        self.frames.get(f.slot).and_then(|r| r.cells.get(name)).copied()
    }

    fn read_cell(&mut self, cell: ObjId, name: &str, local: bool) -> R<Value> {
        let v = match self.heap.get(cell) {
            Object::Cell(v) => v.clone(),
            _ => Value::None,
        };
        if v == self.unbound {
            if local {
                return self.err("UnboundLocalError", format!("local variable '{}' referenced before assignment", name));
            }
            return self.err(
                "NameError",
                format!("free variable '{}' referenced before assignment in enclosing scope", name),
            );
        }
        Ok(v)
    }

    pub fn global_lookup(&self, module: ObjId, name: &str) -> Option<Value> {
        let key = Value::str(name);
        if let Some(m) = self.heap.module(module) {
            if let Some(v) = m.globals.get(&key) {
                return Some(v.clone());
            }
        }
        self.heap.module(self.builtins).and_then(|m| m.globals.get(&key)).cloned()
    }

    pub fn load_name(&mut self, fr: &Frame, name: &str) -> R<Value> {
        let mut in_function = false;
        match &fr.kind {
            FrameKind::Module => {}
            FrameKind::Function(f) => {
                in_function = true;
                if !f.scope.globals.contains(name) {
                    if let Some(cell) = self.local_cell(f, name) {
                        return self.read_cell(cell, name, f.scope.cellvars.contains(name));
                    }
                    if f.scope.bound.contains(name) {
                        return match self.frames.get(f.slot).and_then(|r| r.locals.get(name)) {
                            Some(v) => Ok(v.clone()),
                            None => self.err(
                                "UnboundLocalError",
                                format!("local variable '{}' referenced before assignment", name),
                            ),
                        };
                    }
                }
            }
            FrameKind::Class { ns, cells, scope } => {
                if !scope.globals.contains(name) {
                    if let Object::Dict(d) = self.heap.get(*ns) {
                        if let Some(v) = d.get_str(name) {
                            return Ok(v.clone());
                        }
                    }
                    if let Some(&cell) = cells.get(name) {
                        return self.read_cell(cell, name, false);
                    }
                    // CPython starts each class namespace with `__module__`; we
                    // answer it without storing it (Class::module says it).
                    if name == "__module__" {
                        let m = self.heap.module(fr.module).map(|m| m.name.clone()).unwrap_or_default();
                        return Ok(Value::str(&m));
                    }
                }
            }
        }
        match self.global_lookup(fr.module, name) {
            Some(v) => Ok(v),
            None if in_function => self.err("NameError", format!("global name '{}' is not defined", name)),
            None => self.err("NameError", format!("name '{}' is not defined", name)),
        }
    }

    pub fn set_global(&mut self, module: ObjId, name: &str, v: Value) {
        if let Object::Module(m) = self.heap.get_mut(module) {
            m.globals.insert_str(name, v);
        }
    }

    pub fn store_name(&mut self, fr: &mut Frame, name: &str, v: Value) {
        match &mut fr.kind {
            FrameKind::Module => {}
            FrameKind::Function(f) => {
                if !f.scope.globals.contains(name) {
                    if let Some(cell) = self.local_cell(f, name) {
                        *self.heap.get_mut(cell) = Object::Cell(v);
                    } else if let Some(r) = self.frames.get_mut(f.slot) {
                        r.locals.insert(name.to_string(), v);
                    }
                    return;
                }
            }
            FrameKind::Class { ns, scope, .. } => {
                if !scope.globals.contains(name) {
                    if let Object::Dict(d) = self.heap.get_mut(*ns) {
                        d.insert_str(name, v);
                    }
                    return;
                }
            }
        }
        self.set_global(fr.module, name, v);
    }

    fn delete_name(&mut self, fr: &mut Frame, name: &str) -> R<()> {
        let key = Value::str(name);
        let found = match &mut fr.kind {
            FrameKind::Function(f) if !f.scope.globals.contains(name) => {
                if let Some(cell) = self.local_cell(f, name) {
                    let unbound = self.unbound.clone();
                    *self.heap.get_mut(cell) = Object::Cell(unbound);
                    true
                } else {
                    self.frames.get_mut(f.slot).is_some_and(|r| r.locals.remove(name).is_some())
                }
            }
            FrameKind::Class { ns, scope, .. } if !scope.globals.contains(name) => match self.heap.get_mut(*ns) {
                Object::Dict(d) => d.remove(&key).is_some(),
                _ => false,
            },
            _ => match self.heap.get_mut(fr.module) {
                Object::Module(m) => m.globals.remove(&key).is_some(),
                _ => false,
            },
        };
        if found {
            Ok(())
        } else {
            self.err("NameError", format!("name '{}' is not defined", name))
        }
    }

    // ----- statements -----------------------------------------------------

    pub fn exec_block(&mut self, fr: &mut Frame, body: &[Stmt]) -> R<Flow> {
        for s in body {
            match self.exec_stmt(fr, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    fn exec_stmt(&mut self, fr: &mut Frame, s: &Stmt) -> R<Flow> {
        self.span = s.span;
        // Grouped into separate functions so that each Rust frame stays small:
        // deep Python recursion goes through here at every level.
        match &s.kind {
            StmtKind::Assign { targets, value } => {
                let v = self.eval(fr, value)?;
                for t in targets {
                    self.assign(fr, t, v.clone())?;
                }
                Ok(Flow::Normal)
            }
            // CPython compiles a string statement (a docstring) to nothing, so
            // an unsupported unicode literal there is never evaluated.
            StmtKind::Expr(Expr { kind: ExprKind::UnicodeUnsupported(_), .. }) => Ok(Flow::Normal),
            StmtKind::Expr(e) => {
                self.eval(fr, e)?;
                Ok(Flow::Normal)
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(fr, e)?,
                    None => Value::None,
                };
                Ok(Flow::Return(v))
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(fr, test)?;
                if self.truthy(&t)? {
                    self.exec_block(fr, body)
                } else {
                    self.exec_block(fr, orelse)
                }
            }
            StmtKind::For { target, iter, body, orelse } => self.exec_for(fr, target, iter, body, orelse),
            StmtKind::While { test, body, orelse } => self.exec_while(fr, test, body, orelse),
            StmtKind::TryExcept { body, handlers, orelse } => match self.exec_block(fr, body) {
                Ok(Flow::Normal) => self.exec_block(fr, orelse),
                Ok(flow) => Ok(flow),
                Err(Unwind::Raise(e)) => self.handle_exception(fr, e, handlers),
                Err(fatal) => Err(fatal),
            },
            StmtKind::TryFinally { body, finalbody } => {
                let r = self.exec_block(fr, body);
                if let Err(Unwind::Fatal(_)) = r {
                    return r;
                }
                match self.exec_block(fr, finalbody)? {
                    Flow::Normal => r,
                    flow => Ok(flow),
                }
            }
            StmtKind::Pass | StmtKind::Global(_) => Ok(Flow::Normal),
            StmtKind::Break => Ok(Flow::Break),
            StmtKind::Continue => Ok(Flow::Continue),
            _ => self.exec_other(fr, s),
        }
    }

    #[inline(never)]
    fn exec_for(&mut self, fr: &mut Frame, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt]) -> R<Flow> {
        let seq = self.eval(fr, iter)?;
        let mut it = self.get_iter(seq)?;
        loop {
            let item = match self.iter_next(&mut it)? {
                Some(v) => v,
                None => return self.exec_block(fr, orelse),
            };
            self.assign(fr, target, item)?;
            match self.exec_block(fr, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Normal | Flow::Continue => {}
                ret @ Flow::Return(_) => return Ok(ret),
            }
        }
    }

    #[inline(never)]
    fn exec_while(&mut self, fr: &mut Frame, test: &Expr, body: &[Stmt], orelse: &[Stmt]) -> R<Flow> {
        loop {
            let t = self.eval(fr, test)?;
            if !self.truthy(&t)? {
                return self.exec_block(fr, orelse);
            }
            match self.exec_block(fr, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Normal | Flow::Continue => {}
                ret @ Flow::Return(_) => return Ok(ret),
            }
        }
    }

    #[inline(never)]
    fn exec_other(&mut self, fr: &mut Frame, s: &Stmt) -> R<Flow> {
        match &s.kind {
            StmtKind::FunctionDef(def) => {
                let f = self.make_function(fr, def, s.span)?;
                self.store_name(fr, &def.name, f);
            }
            StmtKind::ClassDef(cdef) => {
                let c = self.make_class(fr, cdef, s.span)?;
                self.store_name(fr, &cdef.name, c);
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(fr, t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(fr, target, *op, value)?,
            StmtKind::Print { dest, values, newline } => self.exec_print(fr, dest.as_ref(), values, *newline)?,
            StmtKind::With { context, vars, body } => return self.exec_with(fr, context, vars.as_ref(), body),
            StmtKind::Raise { type_, inst, tback: _ } => {
                return Err(self.exec_raise(fr, type_.as_ref(), inst.as_ref(), s.span)?)
            }
            StmtKind::Assert { test, msg } => {
                let t = self.eval(fr, test)?;
                if !self.truthy(&t)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(fr, m)?],
                        None => vec![],
                    };
                    self.span = s.span;
                    let e = self.new_exc("AssertionError", args);
                    return Err(self.raise_value(e));
                }
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.exec_import(fr, a)?;
                }
            }
            StmtKind::ImportFrom { module, names, level } => {
                self.span = s.span;
                if names.iter().any(|a| a.name == "*") && module.as_deref() != Some("__future__") {
                    let dots = ".".repeat(*level as usize);
                    return Err(self.fatal(format!(
                        "from {}{} import * is not RPython: import the names you use",
                        dots,
                        module.as_deref().unwrap_or("")
                    )));
                }
                self.exec_import_from(fr, module.as_deref(), names, *level)?;
            }
            StmtKind::Exec { .. } => return self.unsupported("exec"),
            _ => return self.exec_stmt(fr, s),
        }
        Ok(Flow::Normal)
    }

    fn handle_exception(&mut self, fr: &mut Frame, e: Box<PyErr>, handlers: &[ast::ExceptHandler]) -> R<Flow> {
        for h in handlers {
            let matches = match &h.type_ {
                None => true,
                Some(t) => {
                    self.span = h.span;
                    let t = self.eval(fr, t)?;
                    self.exc_matches(&e.exc, &t)
                }
            };
            if matches {
                if let Some(n) = &h.name {
                    self.assign(fr, n, e.exc.clone())?;
                }
                self.handling.push((*e).clone());
                let r = self.exec_block(fr, &h.body);
                self.handling.pop();
                return r;
            }
        }
        Err(Unwind::Raise(e))
    }

    /// `except T:` matching: T is a class or a tuple of them.
    pub fn exc_matches(&mut self, exc: &Value, t: &Value) -> bool {
        match self.obj(t) {
            Some(Object::Tuple(items)) => {
                let items = items.clone();
                items.iter().any(|i| self.exc_matches(exc, i))
            }
            Some(Object::Class(_)) => {
                let Value::Obj(tid) = t else { return false };
                let tid = *tid;
                match self.obj(exc) {
                    Some(Object::Instance(i)) => {
                        let c = i.class;
                        self.is_subclass(c, tid)
                    }
                    _ => false,
                }
            }
            _ => false,
        }
    }

    fn exec_raise(&mut self, fr: &mut Frame, type_: Option<&Expr>, inst: Option<&Expr>, span: Span) -> R<Unwind> {
        let Some(type_) = type_ else {
            return match self.handling.last() {
                Some(e) => Ok(Unwind::Raise(Box::new(e.clone()))),
                None => {
                    self.span = span;
                    Ok(self.exc("TypeError", "exceptions must be old-style classes or derived from BaseException, not NoneType"))
                }
            };
        };
        let t = self.eval(fr, type_)?;
        let v = match inst {
            Some(e) => Some(self.eval(fr, e)?),
            None => None,
        };
        self.span = span;
        let exc = self.make_exception(t, v)?;
        self.span = span;
        Ok(self.raise_value(exc))
    }

    /// The instance `raise t, v` raises.
    pub fn make_exception(&mut self, t: Value, v: Option<Value>) -> R<Value> {
        match self.obj(&t) {
            Some(Object::Class(_)) => {
                let Value::Obj(cls) = t else { return Ok(t) };
                let args = match v {
                    None | Some(Value::None) => vec![],
                    Some(v) => {
                        if let Some(Object::Instance(i)) = self.obj(&v) {
                            let c = i.class;
                            if self.is_subclass(c, cls) {
                                return Ok(v);
                            }
                        }
                        match self.obj(&v) {
                            Some(Object::Tuple(items)) => items.clone(),
                            _ => vec![v],
                        }
                    }
                };
                self.instantiate(cls, args, vec![])
            }
            Some(Object::Instance(_)) => {
                if v.is_some() && v != Some(Value::None) {
                    return self.err("TypeError", "instance exception may not have a separate value");
                }
                Ok(t)
            }
            _ => {
                let tn = self.type_name(&t);
                self.err(
                    "TypeError",
                    format!("exceptions must be old-style classes or derived from BaseException, not {}", tn),
                )
            }
        }
    }

    fn exec_with(&mut self, fr: &mut Frame, context: &Expr, vars: Option<&Expr>, body: &[Stmt]) -> R<Flow> {
        let ctx = self.eval(fr, context)?;
        let exit = self.getattr(&ctx, "__exit__")?;
        let entered = self.call_method(ctx, "__enter__", vec![], vec![])?;
        if let Some(v) = vars {
            self.assign(fr, v, entered)?;
        }
        match self.exec_block(fr, body) {
            Err(Unwind::Raise(e)) => {
                let cls = self.type_of(&e.exc);
                let suppress = self.call(exit, vec![cls, e.exc.clone(), Value::None], vec![])?;
                if self.truthy(&suppress)? {
                    Ok(Flow::Normal)
                } else {
                    Err(Unwind::Raise(e))
                }
            }
            Err(fatal) => Err(fatal),
            Ok(flow) => {
                self.call(exit, vec![Value::None, Value::None, Value::None], vec![])?;
                Ok(flow)
            }
        }
    }

    fn exec_print(&mut self, fr: &mut Frame, dest: Option<&Expr>, values: &[Expr], newline: bool) -> R<()> {
        let dest = match dest {
            Some(d) => Some(self.eval(fr, d)?),
            None => None,
        };
        let dest = match dest {
            Some(Value::None) | None => None,
            Some(d) => Some(d),
        };
        for v in values {
            let v = self.eval(fr, v)?;
            let text = self.py_str(&v)?;
            if self.softspace {
                self.write_to(dest.as_ref(), b" ")?;
            }
            self.write_to(dest.as_ref(), &text)?;
            // CPython's softspace rule: no space after an item ending in whitespace other than ' '.
            self.softspace = !matches!(text.last(), Some(c) if c.is_ascii_whitespace() && *c != b' ');
        }
        if newline {
            self.write_to(dest.as_ref(), b"\n")?;
            self.softspace = false;
        }
        Ok(())
    }

    /// Writes to `dest` (a file-like object) or stdout.
    pub fn write_to(&mut self, dest: Option<&Value>, text: &[u8]) -> R<()> {
        match dest {
            None => {
                self.write_stdout(text);
                Ok(())
            }
            Some(d) => {
                let s = Interp::bytes(text);
                self.call_method(d.clone(), "write", vec![s], vec![])?;
                Ok(())
            }
        }
    }

    pub fn write_stdout(&mut self, text: &[u8]) {
        use std::io::Write;
        match &mut self.captured {
            Some(buf) => buf.extend_from_slice(text),
            None => {
                let _ = std::io::stdout().write_all(text);
            }
        }
    }

    // ----- assignment -----------------------------------------------------

    pub fn assign(&mut self, fr: &mut Frame, target: &Expr, v: Value) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                self.store_name(fr, n, v);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let values = self.iterate(v)?;
                if values.len() != items.len() {
                    self.span = target.span;
                    if values.len() > items.len() {
                        return self.err("ValueError", "too many values to unpack");
                    }
                    let msg = format!(
                        "need more than {} value{} to unpack",
                        values.len(),
                        if values.len() == 1 { "" } else { "s" }
                    );
                    return self.err("ValueError", msg);
                }
                for (t, v) in items.iter().zip(values) {
                    self.assign(fr, t, v)?;
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(fr, value)?;
                self.span = target.span;
                self.setattr(&obj, attr, v)
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(fr, value)?;
                let key = self.eval_slice(fr, slice)?;
                self.span = target.span;
                self.setitem(&obj, key, v)
            }
            _ => {
                self.span = target.span;
                self.unsupported("this assignment target")
            }
        }
    }

    fn delete(&mut self, fr: &mut Frame, target: &Expr) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => self.delete_name(fr, n),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for t in items {
                    self.delete(fr, t)?;
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(fr, value)?;
                self.span = target.span;
                self.delattr(&obj, attr)
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(fr, value)?;
                let key = self.eval_slice(fr, slice)?;
                self.span = target.span;
                self.delitem(&obj, key)
            }
            _ => self.unsupported("this del target"),
        }
    }

    fn aug_assign(&mut self, fr: &mut Frame, target: &Expr, op: ast::BinOp, value: &Expr) -> R<()> {
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self.load_name(fr, n)?;
                let v = self.eval(fr, value)?;
                self.span = target.span;
                let r = self.inplace_op(op, cur, v)?;
                self.store_name(fr, n, r);
                Ok(())
            }
            ExprKind::Attribute { value: obj_e, attr } => {
                let obj = self.eval(fr, obj_e)?;
                self.span = target.span;
                let cur = self.getattr(&obj, attr)?;
                let v = self.eval(fr, value)?;
                self.span = target.span;
                let r = self.inplace_op(op, cur, v)?;
                self.setattr(&obj, attr, r)
            }
            ExprKind::Subscript { value: obj_e, slice } => {
                let obj = self.eval(fr, obj_e)?;
                let key = self.eval_slice(fr, slice)?;
                self.span = target.span;
                let cur = self.getitem(&obj, key.clone())?;
                let v = self.eval(fr, value)?;
                self.span = target.span;
                let r = self.inplace_op(op, cur, v)?;
                self.setitem(&obj, key, r)
            }
            _ => self.unsupported("this augmented assignment target"),
        }
    }

    // ----- expressions ----------------------------------------------------

    pub fn eval(&mut self, fr: &mut Frame, e: &Expr) -> R<Value> {
        // The common cases first; the rest in separate functions (small frames).
        match &e.kind {
            ExprKind::Name(n) => {
                self.span = e.span;
                self.load_name(fr, n)
            }
            ExprKind::Int(i) => Ok(Value::Int(*i)),
            ExprKind::Str(s) => Ok(Interp::bytes(s.clone())),
            ExprKind::Call { .. } => self.eval_call(fr, e),
            ExprKind::Attribute { value, attr } => {
                let v = self.eval(fr, value)?;
                self.span = e.span;
                self.getattr(&v, attr)
            }
            ExprKind::BinOp { left, op, right } => {
                let a = self.eval(fr, left)?;
                let b = self.eval(fr, right)?;
                self.span = e.span;
                self.binop(*op, a, b)
            }
            ExprKind::Compare { left, ops, comparators } => {
                let mut a = self.eval(fr, left)?;
                for (op, c) in ops.iter().zip(comparators) {
                    let b = self.eval(fr, c)?;
                    self.span = e.span;
                    if !self.compare(*op, &a, &b)? {
                        return Ok(Value::Bool(false));
                    }
                    a = b;
                }
                Ok(Value::Bool(true))
            }
            _ => self.eval_other(fr, e),
        }
    }

    #[inline(never)]
    fn eval_other(&mut self, fr: &mut Frame, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Long(digits) => match digits.parse::<i128>() {
                Ok(v) => Ok(Value::Long(v)),
                Err(_) => {
                    self.span = e.span;
                    self.unsupported("an integer literal beyond 128 bits")
                }
            },
            ExprKind::Float(f) => Ok(Value::Float(*f)),
            ExprKind::Complex(_) => {
                self.span = e.span;
                self.unsupported("a complex number")
            }
            ExprKind::Unicode(s) => Ok(Value::Unicode(Rc::from(s.as_str()))),
            ExprKind::UnicodeUnsupported(why) => Err(Interp::unicode_unsupported(e.span, why)),
            ExprKind::Subscript { value, slice } => {
                let v = self.eval(fr, value)?;
                let key = self.eval_slice(fr, slice)?;
                self.span = e.span;
                self.getitem(&v, key)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(fr, operand)?;
                self.span = e.span;
                self.unaryop(*op, v)
            }
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for v in values {
                    last = self.eval(fr, v)?;
                    let t = self.truthy(&last)?;
                    match op {
                        ast::BoolOpKind::And if !t => return Ok(last),
                        ast::BoolOpKind::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(fr, test)?;
                if self.truthy(&t)? {
                    self.eval(fr, body)
                } else {
                    self.eval(fr, orelse)
                }
            }
            ExprKind::Lambda { .. } => self.make_lambda(fr, e),
            ExprKind::List(items) => {
                let vs = self.eval_all(fr, items)?;
                Ok(self.new_list(vs))
            }
            ExprKind::Tuple(items) => {
                let vs = self.eval_all(fr, items)?;
                Ok(self.new_tuple(vs))
            }
            ExprKind::Set(items) => {
                let vs = self.eval_all(fr, items)?;
                self.new_set(vs)
            }
            ExprKind::Dict { keys, values } => {
                let d = self.new_dict(OrderedDict::new());
                for (k, v) in keys.iter().zip(values) {
                    // Python 2.7 evaluates each value before its key.
                    let v = self.eval(fr, v)?;
                    let k = self.eval(fr, k)?;
                    self.span = e.span;
                    self.setitem(&d, crate::ops::Key::Index(k), v)?;
                }
                Ok(d)
            }
            ExprKind::ListComp { elt, generators } => {
                let mut out = Vec::new();
                self.comprehension(fr, generators, 0, &mut |it, fr| {
                    let v = it.eval(fr, elt)?;
                    out.push(v);
                    Ok(())
                })?;
                Ok(self.new_list(out))
            }
            ExprKind::GeneratorExp { elt, generators } => {
                let mut out = Vec::new();
                self.scoped_comprehension(fr, generators, &mut |it, fr| {
                    let v = it.eval(fr, elt)?;
                    out.push(v);
                    Ok(())
                })?;
                Ok(self.alloc(Object::Iterator { items: out, pos: 0 }))
            }
            ExprKind::SetComp { elt, generators } => {
                let mut out = Vec::new();
                self.scoped_comprehension(fr, generators, &mut |it, fr| {
                    let v = it.eval(fr, elt)?;
                    out.push(v);
                    Ok(())
                })?;
                self.new_set(out)
            }
            ExprKind::DictComp { key, value, generators } => {
                let d = self.new_dict(OrderedDict::new());
                self.scoped_comprehension(fr, generators, &mut |it, fr| {
                    // Python 2.7 evaluates the value before the key here too.
                    let v = it.eval(fr, value)?;
                    let k = it.eval(fr, key)?;
                    it.setitem(&d, crate::ops::Key::Index(k), v)
                })?;
                Ok(d)
            }
            ExprKind::Yield(v) => {
                let v = match v {
                    Some(x) => self.eval(fr, x)?,
                    None => Value::None,
                };
                match &mut fr.kind {
                    FrameKind::Function(f) if f.yields.is_some() => {
                        let len = f.yields.as_ref().map_or(0, |y| y.len());
                        // Generators run to completion at once: an endless one must stop somewhere.
                        if len >= MAX_YIELDS {
                            self.span = e.span;
                            return self.unsupported("a generator yielding this many items (generators run eagerly at import time)");
                        }
                        if let Some(y) = &mut f.yields {
                            y.push(v);
                        }
                        Ok(Value::None)
                    }
                    _ => {
                        self.span = e.span;
                        self.unsupported("'yield' outside a function")
                    }
                }
            }
            ExprKind::Repr(v) => {
                let v = self.eval(fr, v)?;
                self.span = e.span;
                let r = self.py_repr(&v)?;
                Ok(Interp::bytes(r))
            }
            _ => self.eval(fr, e),
        }
    }

    fn eval_all(&mut self, fr: &mut Frame, items: &[Expr]) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for i in items {
            out.push(self.eval(fr, i)?);
        }
        Ok(out)
    }

    /// Runs `body` once per combination of the comprehension's loops.
    fn comprehension(
        &mut self,
        fr: &mut Frame,
        gens: &[ast::Comprehension],
        i: usize,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> R<()>,
    ) -> R<()> {
        let Some(g) = gens.get(i) else { return body(self, fr) };
        let seq = self.eval(fr, &g.iter)?;
        let mut it = self.get_iter(seq)?;
        'items: while let Some(v) = self.iter_next(&mut it)? {
            self.assign(fr, &g.target, v)?;
            for cond in &g.ifs {
                let c = self.eval(fr, cond)?;
                if !self.truthy(&c)? {
                    continue 'items;
                }
            }
            self.comprehension(fr, gens, i + 1, body)?;
        }
        Ok(())
    }

    /// A comprehension with its own scope (generator expressions, set and dict
    /// comprehensions): the loop variables are restored afterwards.
    fn scoped_comprehension(
        &mut self,
        fr: &mut Frame,
        gens: &[ast::Comprehension],
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> R<()>,
    ) -> R<()> {
        let mut names = Vec::new();
        for g in gens {
            target_names(&g.target, &mut names);
        }
        let saved: Vec<(String, Option<Value>)> = names
            .iter()
            .map(|n| {
                let old = self.peek_name(fr, n);
                (n.clone(), old)
            })
            .collect();
        let r = self.comprehension(fr, gens, 0, body);
        for (n, old) in saved {
            match old {
                Some(v) => self.store_name(fr, &n, v),
                None => {
                    let _ = self.delete_name(fr, &n);
                }
            }
        }
        r
    }

    /// The value of a function frame's variable, without raising.
    fn peek_local(&self, slot: usize, name: &str) -> Option<Value> {
        let r = self.frames.get(slot)?;
        match r.cells.get(name) {
            Some(&c) => match self.heap.get(c) {
                Object::Cell(v) if *v != self.unbound => Some(v.clone()),
                _ => None,
            },
            None => r.locals.get(name).cloned(),
        }
    }

    /// The value a name has in this frame's own scope, without raising.
    fn peek_name(&self, fr: &Frame, name: &str) -> Option<Value> {
        match &fr.kind {
            FrameKind::Function(f) => self.peek_local(f.slot, name),
            FrameKind::Class { ns, .. } => match self.heap.get(*ns) {
                Object::Dict(d) => d.get_str(name).cloned(),
                _ => None,
            },
            FrameKind::Module => self.heap.module(fr.module).and_then(|m| m.globals.get_str(name).cloned()),
        }
    }

    fn eval_slice(&mut self, fr: &mut Frame, s: &ast::Slice) -> R<crate::ops::Key> {
        use crate::ops::Key;
        match s {
            ast::Slice::Index(e) => Ok(Key::Index(self.eval(fr, e)?)),
            ast::Slice::Slice { lower, upper, step } => {
                let mut part = |it: &mut Interp, e: &Option<Expr>| -> R<Option<Value>> {
                    match e {
                        Some(e) => match it.eval(fr, e)? {
                            Value::None => Ok(None),
                            v => Ok(Some(v)),
                        },
                        None => Ok(None),
                    }
                };
                let lo = part(self, lower)?;
                let hi = part(self, upper)?;
                let st = part(self, step)?;
                Ok(Key::Slice(lo, hi, st))
            }
            ast::Slice::Ellipsis | ast::Slice::ExtSlice(_) => self.unsupported("extended slicing"),
        }
    }

    #[inline(never)]
    fn eval_call(&mut self, fr: &mut Frame, e: &Expr) -> R<Value> {
        let ExprKind::Call { func, args, keywords, starargs, kwargs } = &e.kind else { return Ok(Value::None) };
        let span = e.span;
        // `obj.name(...)` calls the method without building a bound method object.
        let (receiver, callee) = match &func.kind {
            ExprKind::Attribute { value, .. } => (Some(self.eval(fr, value)?), None),
            _ => (None, Some(self.eval(fr, func)?)),
        };
        let mut argv = self.eval_all(fr, args)?;
        let mut kw = Vec::with_capacity(keywords.len());
        for k in keywords {
            let v = self.eval(fr, &k.value)?;
            kw.push((k.arg.clone(), v));
        }
        if let Some(s) = starargs {
            let v = self.eval(fr, s)?;
            argv.extend(self.iterate(v)?);
        }
        if let Some(k) = kwargs {
            let v = self.eval(fr, k)?;
            self.span = span;
            let items = match self.obj(&v) {
                Some(Object::Dict(d)) => d.iter().map(|(k, v)| (k.clone(), v.clone())).collect::<Vec<_>>(),
                _ => return self.err("TypeError", "argument after ** must be a mapping"),
            };
            for (k, v) in items {
                match k {
                    Value::Str(s) => kw.push((String::from_utf8_lossy(&s).into_owned(), v)),
                    _ => return self.err("TypeError", "keywords must be strings"),
                }
            }
        }
        self.span = span;
        match (receiver, callee) {
            (Some(recv), _) => {
                match &func.kind {
                    ExprKind::Attribute { attr, .. } => self.call_method(recv, attr, argv, kw),
                    _ => Ok(Value::None),
                }
            }
            (None, Some(f)) => {
                // The few builtins that look at the calling frame.
                if let Some(Object::Builtin(name)) = self.obj(&f) {
                    match name.as_str() {
                        "globals" if argv.is_empty() => return Ok(Value::Obj(fr.module)),
                        "locals" | "vars" if argv.is_empty() => return Ok(self.frame_locals(fr)),
                        "super" if argv.is_empty() => return self.unsupported("super() without arguments"),
                        _ => {}
                    }
                }
                self.call(f, argv, kw)
            }
            (None, None) => Ok(Value::None),
        }
    }

    /// `locals()`: the module (as its globals mapping), the class namespace, or
    /// a snapshot dict of a function's locals.
    fn frame_locals(&mut self, fr: &Frame) -> Value {
        match &fr.kind {
            FrameKind::Module => Value::Obj(fr.module),
            FrameKind::Class { ns, .. } => Value::Obj(*ns),
            FrameKind::Function(f) => self.function_locals(f.slot),
        }
    }

    /// A snapshot dict of the variables of the function frame in `slot`.
    pub fn function_locals(&mut self, slot: usize) -> Value {
        let mut names: Vec<String> = match self.frames.get(slot) {
            Some(r) => r.locals.keys().chain(r.cells.keys()).cloned().collect(),
            None => Vec::new(),
        };
        names.sort();
        let mut d = OrderedDict::new();
        for n in names {
            if let Some(v) = self.peek_local(slot, &n) {
                d.insert_str(&n, v);
            }
        }
        self.new_dict(d)
    }

    // ----- functions and classes -----------------------------------------

    /// The shared `Rc` of a def node: each node is cloned out of the tree once.
    fn shared_def(&mut self, def: &ast::FunctionDef) -> Rc<ast::FunctionDef> {
        let key = def as *const ast::FunctionDef as usize;
        self.defs.entry(key).or_insert_with(|| Rc::new(def.clone())).clone()
    }

    pub fn function_scope(&mut self, def: &Rc<ast::FunctionDef>) -> Rc<Scope> {
        let key = Rc::as_ptr(def) as usize;
        if let Some(s) = self.scopes.get(&key) {
            return s.clone();
        }
        let s = Rc::new(scope::function_scope(&def.args, &def.body));
        self.scopes.insert(key, s.clone());
        s
    }

    fn make_function(&mut self, fr: &mut Frame, def: &ast::FunctionDef, span: Span) -> R<Value> {
        let mut decorators = Vec::new();
        for d in &def.decorators {
            decorators.push(self.eval(fr, d)?);
        }
        let defaults = self.eval_all(fr, &def.args.defaults)?;
        let shared = self.shared_def(def);
        let mut f = self.new_function(fr, shared, defaults, span);
        self.span = span;
        for d in decorators.into_iter().rev() {
            f = self.call(d, vec![f], vec![])?;
        }
        Ok(f)
    }

    fn make_lambda(&mut self, fr: &mut Frame, e: &Expr) -> R<Value> {
        let ExprKind::Lambda { args, .. } = &e.kind else { return Ok(Value::None) };
        let defaults = self.eval_all(fr, &args.defaults)?;
        let shared = self.lambda_def(e);
        Ok(self.new_function(fr, shared, defaults, e.span))
    }

    /// The function definition a lambda stands for (one per lambda).
    fn lambda_def(&mut self, e: &Expr) -> Rc<ast::FunctionDef> {
        let key = e as *const Expr as usize;
        if let Some(d) = self.defs.get(&key) {
            return d.clone();
        }
        let ExprKind::Lambda { args, body } = &e.kind else { unreachable!("lambda_def of a non-lambda") };
        let d = Rc::new(ast::FunctionDef {
            name: "<lambda>".into(),
            args: (**args).clone(),
            body: vec![Stmt { span: body.span, kind: StmtKind::Return(Some((**body).clone())) }],
            decorators: vec![],
        });
        self.defs.insert(key, d.clone());
        d
    }

    /// Creates, once, the functions nested in `def` (`def` statements and
    /// lambdas) that use no variable of the enclosing functions (whose
    /// names are `enclosing`): the flow graph builder makes them constants.
    /// The others would be closures, which RPython does not have.
    fn prebuild_nested(&mut self, module: ObjId, def: &ast::FunctionDef, enclosing: &HashSet<String>) {
        let mut defs: Vec<(Span, &ast::FunctionDef)> = Vec::new();
        let mut lambdas: Vec<&Expr> = Vec::new();
        syntax::walk::walk_stmts(&def.body, &mut |n| match n {
            syntax::walk::Node::Stmt(Stmt { kind: StmtKind::FunctionDef(d), span }) => defs.push((*span, d)),
            syntax::walk::Node::Expr(e) if matches!(e.kind, ExprKind::Lambda { .. }) => lambdas.push(e),
            _ => {}
        });
        for (span, d) in defs {
            if d.decorators.is_empty() {
                let shared = self.shared_def(d);
                self.prebuild_one(module, span, shared, enclosing);
            }
        }
        for e in lambdas {
            let shared = self.lambda_def(e);
            self.prebuild_one(module, e.span, shared, enclosing);
        }
    }

    fn prebuild_one(&mut self, module: ObjId, span: Span, def: Rc<ast::FunctionDef>, enclosing: &HashSet<String>) {
        if self.heap.nested_function(span).is_some() {
            return;
        }
        let scope = self.function_scope(&def);
        if scope.free.iter().any(|n| enclosing.contains(n)) {
            return;
        }
        let mut defaults = Vec::new();
        for d in &def.args.defaults {
            match literal_value(d) {
                Some(v) => defaults.push(v),
                None => return,
            }
        }
        let Value::Obj(id) = self.alloc(Object::Function(Function {
            name: def.name.clone(),
            module,
            def: def.clone(),
            defaults,
            closure: Vec::new(),
            attrs: OrderedDict::new(),
            span,
        })) else {
            return;
        };
        self.heap.add_nested_function(span, id);
        let mut inner = enclosing.clone();
        inner.extend(scope.bound.iter().cloned());
        self.prebuild_nested(module, &def, &inner);
    }

    fn new_function(&mut self, fr: &Frame, def: Rc<ast::FunctionDef>, defaults: Vec<Value>, span: Span) -> Value {
        let scope = self.function_scope(&def);
        let mut closure: Vec<(String, ObjId)> = Vec::new();
        if let Some(cells) = self.cells_of(fr) {
            for name in &scope.free {
                if let Some(&c) = cells.get(name) {
                    closure.push((name.clone(), c));
                }
            }
        }
        closure.sort();
        let mut enclosing = scope.bound.clone();
        enclosing.extend(closure.iter().map(|(n, _)| n.clone()));
        self.prebuild_nested(fr.module, &def, &enclosing);
        self.alloc(Object::Function(Function {
            name: def.name.clone(),
            module: fr.module,
            def,
            defaults,
            closure,
            attrs: OrderedDict::new(),
            span,
        }))
    }

    fn make_class(&mut self, fr: &mut Frame, cdef: &ast::ClassDef, span: Span) -> R<Value> {
        let mut decorators = Vec::new();
        for d in &cdef.decorators {
            decorators.push(self.eval(fr, d)?);
        }
        let mut bases = Vec::new();
        for b in &cdef.bases {
            let v = self.eval(fr, b)?;
            self.span = span;
            match self.obj(&v) {
                Some(Object::Class(_)) => {
                    if let Value::Obj(id) = v {
                        bases.push(id)
                    }
                }
                // A metaclass (`class Meta(type)`) is only ever used as a
                // `__metaclass__`, which is ignored: make it a plain class.
                Some(Object::Builtin(name)) if name == "type" => bases.push(self.class_named("object")),
                Some(Object::Builtin(name)) => {
                    let msg = format!("subclassing the built-in type '{}'", name);
                    return self.unsupported(msg);
                }
                _ => {
                    let tn = self.type_name(&v);
                    return self.err("TypeError", format!("Error when calling the metaclass bases: cannot inherit from '{}'", tn));
                }
            }
        }
        let key = cdef as *const ast::ClassDef as usize;
        let scope = match self.scopes.get(&key) {
            Some(s) => s.clone(),
            None => {
                let s = Rc::new(scope::class_scope(&cdef.body));
                self.scopes.insert(key, s.clone());
                s
            }
        };
        let mut cells = HashMap::new();
        if let Some(outer) = self.cells_of(fr) {
            for name in &scope.free {
                if let Some(&c) = outer.get(name) {
                    cells.insert(name.clone(), c);
                }
            }
        }
        let ns = self.heap.alloc(Object::Dict(OrderedDict::new()));
        let mut body_frame = Frame { module: fr.module, kind: FrameKind::Class { ns, cells, scope } };
        self.enter()?;
        let slot = self.push_frame(fr.module, FrameWhat::Class { ns, name: cdef.name.clone() }, HashMap::new());
        let r = self.exec_block(&mut body_frame, &cdef.body);
        self.pop_frame(slot);
        self.depth -= 1;
        r?;
        let dict = match std::mem::replace(self.heap.get_mut(ns), Object::Dict(OrderedDict::new())) {
            Object::Dict(d) => d,
            _ => OrderedDict::new(),
        };
        self.span = span;
        let mut c = self.alloc(Object::Class(Class { name: cdef.name.clone(), module: fr.module, bases, dict, span }));
        for d in decorators.into_iter().rev() {
            c = self.call(d, vec![c], vec![])?;
        }
        Ok(c)
    }

    /// Counts one more Python frame; raises past the recursion limit.
    pub fn enter(&mut self) -> R<()> {
        if self.depth >= self.max_depth {
            return self.err("RuntimeError", "maximum recursion depth exceeded");
        }
        self.depth += 1;
        Ok(())
    }

    /// Calls any callable value.
    pub fn call(&mut self, f: Value, mut args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
        let Value::Obj(id) = f else {
            let tn = self.type_name(&f);
            return self.err("TypeError", format!("'{}' object is not callable", tn));
        };
        match self.heap.get(id) {
            Object::Function(_) => self.call_function(id, args, kw),
            Object::Class(_) => self.instantiate(id, args, kw),
            Object::Builtin(name) => {
                let name = name.clone();
                crate::builtins::call_builtin(self, &name, args, kw)
            }
            Object::BoundMethod { receiver, func } => {
                let (receiver, func) = (receiver.clone(), func.clone());
                args.insert(0, receiver);
                self.call(func, args, kw)
            }
            Object::Instance(i) => {
                let cls = i.class;
                match self.class_lookup(cls, "__call__") {
                    Some(m) => {
                        let bound = self.bind(m, f.clone(), cls)?;
                        self.call(bound, args, kw)
                    }
                    None => {
                        let tn = self.type_name(&f);
                        self.err("TypeError", format!("'{}' object is not callable", tn))
                    }
                }
            }
            _ => {
                let tn = self.type_name(&f);
                self.err("TypeError", format!("'{}' object is not callable", tn))
            }
        }
    }

    #[inline(never)]
    pub fn call_function(&mut self, fid: ObjId, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
        let Some(func) = self.heap.function(fid) else { return Ok(Value::None) };
        let def = func.def.clone();
        let module = func.module;
        let defaults = func.defaults.clone();
        let closure = func.closure.clone();
        let name = func.name.clone();
        let scope = self.function_scope(&def);
        let call_site = self.span;

        let mut cells: HashMap<String, ObjId> = closure.into_iter().collect();
        for c in &scope.cellvars {
            let cell = self.heap.alloc(Object::Cell(self.unbound.clone()));
            cells.insert(c.clone(), cell);
        }
        let yields = if scope.is_generator { Some(Vec::new()) } else { None };
        let slot = self.push_frame(module, FrameWhat::Function(fid), cells);
        let mut frame = Frame { module, kind: FrameKind::Function(Box::new(FuncFrame { slot, scope, yields })) };
        let r = self.bind_args(&mut frame, &name, &def.args, defaults, args, kw).and_then(|_| self.enter());
        if let Err(e) = r {
            self.pop_frame(slot);
            return Err(e);
        }
        let r = self.exec_block(&mut frame, &def.body);
        self.pop_frame(slot);
        self.depth -= 1;
        self.span = call_site;
        let result = match r {
            Ok(Flow::Return(v)) => v,
            Ok(_) => Value::None,
            Err(Unwind::Raise(mut e)) => {
                e.add_trace(call_site, TraceKind::Call);
                return Err(Unwind::Raise(e));
            }
            Err(fatal) => return Err(fatal),
        };
        if let FrameKind::Function(f) = &mut frame.kind {
            if let Some(items) = f.yields.take() {
                return Ok(self.alloc(Object::Iterator { items, pos: 0 }));
            }
        }
        Ok(result)
    }

    /// Binds call arguments to parameters, with CPython's error messages.
    fn bind_args(
        &mut self,
        frame: &mut Frame,
        fname: &str,
        params: &ast::Arguments,
        defaults: Vec<Value>,
        args: Vec<Value>,
        kw: Vec<(String, Value)>,
    ) -> R<()> {
        let n = params.args.len();
        let ndef = defaults.len().min(n);
        let given = args.len() + kw.len();
        let mut slots: Vec<Option<Value>> = vec![None; n];
        let mut extra = Vec::new();
        for (i, a) in args.into_iter().enumerate() {
            if i < n {
                slots[i] = Some(a);
            } else {
                extra.push(a);
            }
        }
        let arity_error = |it: &mut Interp, given: usize| -> Unwind {
            let (kind, count) = if params.vararg.is_some() || (ndef > 0 && given < n) {
                ("at least", n - ndef)
            } else if ndef > 0 {
                ("at most", n)
            } else {
                ("exactly", n)
            };
            let msg = format!(
                "{}() takes {} {} argument{} ({} given)",
                fname,
                kind,
                count,
                if count == 1 { "" } else { "s" },
                given
            );
            it.exc("TypeError", msg)
        };
        if !extra.is_empty() && params.vararg.is_none() {
            return Err(arity_error(self, given));
        }
        let mut kwdict = OrderedDict::new();
        for (k, v) in kw {
            let pos = params.args.iter().position(|p| matches!(&p.kind, ExprKind::Name(name) if *name == k));
            match pos {
                Some(i) => {
                    if slots[i].is_some() {
                        return self.err(
                            "TypeError",
                            format!("{}() got multiple values for keyword argument '{}'", fname, k),
                        );
                    }
                    slots[i] = Some(v);
                }
                None if params.kwarg.is_some() => {
                    if kwdict.get_str(&k).is_some() {
                        return self.err(
                            "TypeError",
                            format!("{}() got multiple values for keyword argument '{}'", fname, k),
                        );
                    }
                    kwdict.insert_str(&k, v)
                }
                None => {
                    return self.err("TypeError", format!("{}() got an unexpected keyword argument '{}'", fname, k));
                }
            }
        }
        let mut values = Vec::with_capacity(n);
        for (i, slot) in slots.into_iter().enumerate() {
            values.push(match slot {
                Some(v) => v,
                None if i >= n - ndef => defaults[i - (n - ndef)].clone(),
                None => return Err(arity_error(self, given)),
            });
        }
        for (p, v) in params.args.iter().zip(values) {
            self.assign(frame, p, v)?;
        }
        if let Some(va) = &params.vararg {
            let t = self.new_tuple(extra);
            self.store_name(frame, va, t);
        }
        if let Some(k) = &params.kwarg {
            let d = self.new_dict(kwdict);
            self.store_name(frame, k, d);
        }
        Ok(())
    }

    /// `cls(*args, **kw)`: a new instance, initialized by `__init__`.
    pub fn instantiate(&mut self, cls: ObjId, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
        let mut attrs = OrderedDict::new();
        let base_exc = self.class_named("BaseException");
        if self.is_subclass(cls, base_exc) {
            // BaseException.__new__ records the arguments even if __init__ is overridden.
            let t = self.new_tuple(args.clone());
            attrs.insert_str("args", t);
        }
        let inst = self.alloc(Object::Instance(Instance { class: cls, attrs }));
        match self.class_lookup(cls, "__init__") {
            Some(init) => {
                if let Some(Object::Builtin(n)) = self.obj(&init) {
                    if n == "object.__init__" {
                        if !args.is_empty() || !kw.is_empty() {
                            return self.err("TypeError", "object() takes no parameters");
                        }
                        return Ok(inst);
                    }
                }
                let bound = self.bind(init, inst.clone(), cls)?;
                let r = self.call(bound, args, kw)?;
                if r != Value::None {
                    let tn = self.type_name(&r);
                    return self.err("TypeError", format!("__init__() should return None, not '{}'", tn));
                }
            }
            None => {
                if !args.is_empty() || !kw.is_empty() {
                    return self.err("TypeError", "this constructor takes no arguments");
                }
            }
        }
        Ok(inst)
    }
}

/// The names bound by an assignment target.
fn target_names(e: &Expr, out: &mut Vec<String>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.clone()),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            for i in items {
                target_names(i, out)
            }
        }
        _ => {}
    }
}

/// The value of a literal default argument (`0`, `-1`, `"x"`, `None`...).
fn literal_value(e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(Value::Int(*i)),
        ExprKind::Float(x) => Some(Value::Float(*x)),
        ExprKind::Str(s) => Some(Value::Str(Rc::from(&s[..]))),
        ExprKind::Name(n) if n == "None" => Some(Value::None),
        ExprKind::Name(n) if n == "True" => Some(Value::Bool(true)),
        ExprKind::Name(n) if n == "False" => Some(Value::Bool(false)),
        ExprKind::UnaryOp { op: ast::UnaryOp::USub, operand } => match literal_value(operand)? {
            Value::Int(i) => i.checked_neg().map(Value::Int),
            Value::Float(x) => Some(Value::Float(-x)),
            _ => None,
        },
        _ => None,
    }
}

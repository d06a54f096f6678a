//! Module name -> evaluated module: finds the target's modules, runs their
//! import-time code in a small full-Python evaluator that builds host objects
//! (see `hostobj`), and calls the target's `target(driver, args)`.
//!
//! Entry point: [`load_target`].
//!
//! Code map: `import.rs` finds and imports modules; `interp.rs` runs
//! statements and expressions (frames, calls, classes; `Interp::frames`
//! records the running frames, and holds function locals, for
//! `sys._getframe`); `scope.rs` is the static scope analysis (locals, cells,
//! free variables); `ops.rs`, `attrs.rs`, `strmeth.rs` and `format.rs` are
//! the semantics of values; `builtins.rs` holds the built-in modules and
//! functions; `dump.rs` is the text form.
//!
//! Architecture invariants: the evaluator never panics on user input and
//! never overflows the Rust stack: Python calls are counted (RuntimeError past
//! the recursion limit, 1000 as in CPython, `sys.setrecursionlimit` up to
//! 5000) and the evaluator runs on its own thread with a 256 MiB stack (an
//! unoptimized build needs about 15-30 KiB per Python call). Runtime code is
//! never run here: only module bodies, class bodies, what they call, and
//! `target()`. Python exceptions raised at import time are Python values
//! (instances of the real exception classes), catchable by the program; what
//! the evaluator cannot do is a `Diagnostic` that no `except` catches.
//!
//! Where import-time evaluation differs from CPython 2.7 (deliberately, to
//! stay small): dicts and sets keep insertion order; generators and generator
//! expressions run to completion when called (an iterator over the results);
//! `xrange` returns a list; ints beyond 128 bits, `exec`/`eval`, complex
//! numbers and subclassing built-in types (other than `type`, for
//! metaclasses) are reported as unsupported; `__metaclass__`,
//! `__getattribute__`, `__setattr__` and `__slots__` have no effect; dict keys
//! compare instances by identity even when their class defines `__eq__`;
//! files can only be opened for reading; `sys._getframe(n)` gives a minimal
//! frame object (`f_locals`, `f_globals`, `f_back`, `f_code`, `f_lineno`)
//! whose `f_locals` is the live namespace for a module or class body (so
//! `import_from_mixin` can define class attributes) but, for a function, a
//! snapshot taken by the `_getframe` call, and whose `f_code` for a function
//! is the function itself (as `func_code` is).
//!
//! Host objects the later stages see, beyond the obvious: module globals hold
//! `__name__`, `__file__`, `__doc__`, `__package__`, `__builtins__` (the
//! `__builtin__` module) and `__path__` for packages; `object` and the
//! exception classes are `Object::Class`es (`object`'s dict holds
//! `Builtin("object.__init__")` and `Builtin("object.__new__")`,
//! `BaseException`'s `__init__`, `__str__` and `__repr__` builtins); a closure
//! cell never assigned holds `Builtin("<unbound>")`.

mod attrs;
mod builtins;
mod dump;
mod format;
mod import;
mod interp;
mod ops;
mod scope;
mod strmeth;

use std::path::{Path, PathBuf};

use diag::{Diagnostic, SourceMap, Span};
use hostobj::{Heap, Instance, ObjId, Object, OrderedDict, Value};

use interp::{Interp, Unwind};

/// What the loader hands to the flow graph builder.
#[derive(Debug)]
pub struct LoadedProgram {
    pub heap: Heap,
    /// The target module.
    pub target_module: ObjId,
    /// The entry point function returned by `target()`.
    pub entry_point: ObjId,
    /// The `jitpolicy(driver)` result, if the target defines one.
    pub jitpolicy: Option<hostobj::Value>,
    /// The modules loaded from files, in the order their import started
    /// (the target first).
    pub modules: Vec<LoadedModule>,
    /// The `driver` instance passed to `target()` (its `exe_name` attribute
    /// is None unless the target set it).
    pub driver: Value,
}

/// A module loaded from a file.
#[derive(Debug, Clone)]
pub struct LoadedModule {
    pub module: ObjId,
    pub path: PathBuf,
    /// Found in the bundled library folder (the `rpython` package).
    pub bundled: bool,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Extra folders to search for modules (`--path`), after the target's folder
    /// and before the bundled `rpython` package.
    pub search_path: Vec<PathBuf>,
    /// The arguments after the target file on the command line (`args` of `target()`).
    pub target_args: Vec<String>,
}

/// Stack size of the evaluator's thread: deep enough for the recursion limit
/// (reserved address space; pages are only touched as the stack grows).
const EVALUATOR_STACK: usize = 256 << 20;

/// Imports the target file (and everything it imports), then calls its
/// `target(driver, args)`. Every file read is added to `sources`.
pub fn load_target(path: &Path, options: &LoadOptions, sources: &mut SourceMap) -> Result<LoadedProgram, Diagnostic> {
    load_impl(path, options, sources, false).0
}

/// `load_target`, optionally keeping what import-time `print`s write (tests).
fn load_impl(
    path: &Path,
    options: &LoadOptions,
    sources: &mut SourceMap,
    capture: bool,
) -> (Result<LoadedProgram, Diagnostic>, Vec<u8>) {
    let backup = sources.clone();
    // If the system refuses a thread with the big stack, a smaller one with a
    // lower recursion limit still works.
    let mut last_error = String::new();
    for (stack, depth_cap) in [(EVALUATOR_STACK, interp::DEPTH_CAP), (EVALUATOR_STACK / 4, interp::MAX_DEPTH)] {
        let path = path.to_path_buf();
        let options = options.clone();
        let taken = backup.clone();
        let result = run_on_thread(stack, move || {
            let mut it = Interp::new(taken);
            it.depth_cap = depth_cap;
            if capture {
                it.captured = Some(Vec::new());
            }
            let r = load_in(&mut it, &path, &options);
            (r, std::mem::take(&mut it.sources), it.captured.take().unwrap_or_default())
        });
        match result {
            Ok((r, srcs, out)) => {
                *sources = srcs;
                return (r, out);
            }
            Err(ThreadError::Spawn(msg)) => last_error = msg,
            Err(ThreadError::Panic(msg)) => {
                last_error = msg;
                break;
            }
        }
    }
    *sources = backup;
    (Err(Diagnostic::error(Span::default(), format!("internal error in the loader: {}", last_error))), Vec::new())
}

enum ThreadError {
    /// The thread could not be started.
    Spawn(String),
    /// The evaluator panicked (a bug).
    Panic(String),
}

/// Hands a value from the evaluator thread back to the caller.
struct FromWorker<T>(T);

// SAFETY: the values inside hold `Rc`s (host strings, ASTs), which are not
// Send. Every one of them was created on the worker thread, and that thread
// has finished when its result is taken out (after `join`): no clone of any of
// those `Rc`s remains on another thread, so moving them is sound.
unsafe impl<T> Send for FromWorker<T> {}

/// Runs `f` on a thread with a `stack`-byte stack.
fn run_on_thread<T>(stack: usize, f: impl FnOnce() -> T + Send) -> Result<T, ThreadError> {
    std::thread::scope(|s| {
        let handle =
            std::thread::Builder::new().name("loader".into()).stack_size(stack).spawn_scoped(s, move || FromWorker(f()));
        match handle {
            Ok(h) => h.join().map(|r| r.0).map_err(|p| {
                ThreadError::Panic(
                    p.downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| p.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "panic".into()),
                )
            }),
            Err(e) => Err(ThreadError::Spawn(format!("cannot start the evaluator thread: {}", e))),
        }
    })
}

fn load_in(it: &mut Interp, path: &Path, options: &LoadOptions) -> Result<LoadedProgram, Diagnostic> {
    it.pylib = import::find_pylib();
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    it.roots.push(dir);
    it.roots.extend(options.search_path.iter().cloned());
    if let Some(p) = &it.pylib {
        it.roots.push(p.clone());
    }
    let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "target".into());
    let text = match std::fs::read(path) {
        Ok(b) => syntax::decode_source(&b),
        Err(e) => {
            let f = it.sources.add(path.to_path_buf(), String::new());
            return Err(Diagnostic::error(Span::new(f, 1, 1), format!("cannot read the target file: {}", e)));
        }
    };
    let target_module = match it.load_source(&name, path.to_path_buf(), text, None, false) {
        Ok(m) => m,
        Err(u) => return Err(to_diagnostic(it, u, &format!("import of module {} failed", name))),
    };
    let file_span = match it.heap.module(target_module).and_then(|m| m.file) {
        Some(f) => Span::new(f, 1, 1),
        None => Span::default(),
    };
    let target = it.heap.module(target_module).and_then(|m| m.globals.get_str("target")).cloned();
    let target = match target {
        Some(t) if matches!(it.obj(&t), Some(Object::Function(_))) => t,
        _ => {
            return Err(Diagnostic::error(file_span, "the target file defines no function `target(driver, args)`"));
        }
    };
    let target_span = match &target {
        Value::Obj(id) => it.heap.function(*id).map(|f| f.span).unwrap_or(file_span),
        _ => file_span,
    };

    let driver_class = it.class_named("TranslationDriver");
    let mut attrs = OrderedDict::new();
    attrs.insert_str("exe_name", Value::None);
    let driver = it.alloc(Object::Instance(Instance { class: driver_class, attrs }));
    let args: Vec<Value> = options.target_args.iter().map(|a| Value::str(a)).collect();
    let args = it.new_list(args);

    it.span = target_span;
    let result = match it.call(target, vec![driver.clone(), args], vec![]) {
        Ok(r) => r,
        Err(u) => return Err(to_diagnostic(it, drop_outermost_call(u), "calling target() failed")),
    };
    let entry = match it.obj(&result) {
        Some(Object::Function(_)) => Some(result.clone()),
        Some(Object::Tuple(items)) => items.first().filter(|f| matches!(it.obj(f), Some(Object::Function(_)))).cloned(),
        _ => None,
    };
    let entry_point = match entry {
        Some(Value::Obj(id)) => id,
        _ => {
            let what = describe_briefly(it, &result);
            return Err(Diagnostic::error(
                target_span,
                format!("target() must return the entry point function (or a tuple whose first item is it), but it returned {}", what),
            ));
        }
    };

    let jitpolicy = match it.heap.module(target_module).and_then(|m| m.globals.get_str("jitpolicy")).cloned() {
        Some(f) => {
            it.span = file_span;
            match it.call(f, vec![driver.clone()], vec![]) {
                Ok(v) => Some(v),
                Err(u) => return Err(to_diagnostic(it, drop_outermost_call(u), "calling jitpolicy() failed")),
            }
        }
        None => None,
    };

    let modules = it
        .files
        .iter()
        .filter(|f| it.modules.values().any(|&m| m == f.module))
        .map(|f| LoadedModule { module: f.module, path: f.path.clone(), bundled: f.bundled })
        .collect();
    Ok(LoadedProgram { heap: std::mem::take(&mut it.heap), target_module, entry_point, jitpolicy, modules, driver })
}

/// "a function", "None", "an int (3)"...: what target() returned, for the error.
fn describe_briefly(it: &mut Interp, v: &Value) -> String {
    let tn = it.type_name(v);
    let r = it.py_repr(v).map(|r| String::from_utf8_lossy(&r).into_owned()).unwrap_or_default();
    let r: String = r.chars().take(60).collect();
    match v {
        Value::None => "None".into(),
        _ => format!("{} of type '{}'", r, tn),
    }
}

/// Forgets the loader's own call of target()/jitpolicy() in a trace: it has no place in the source.
fn drop_outermost_call(u: Unwind) -> Unwind {
    match u {
        Unwind::Raise(mut e) => {
            if e.trace.last().is_some_and(|(_, k)| *k == interp::TraceKind::Call) {
                e.trace.pop();
            }
            Unwind::Raise(e)
        }
        other => other,
    }
}

/// A Python exception or fatal problem as a diagnostic.
fn to_diagnostic(it: &mut Interp, u: Unwind, context: &str) -> Diagnostic {
    match u {
        Unwind::Fatal(d) => *d,
        Unwind::Raise(e) => {
            let context = match &e.module {
                Some(m) => format!("import of module {} failed", m),
                None => context.to_string(),
            };
            let summary = exception_summary(it, &e.exc);
            let mut d = Diagnostic::error(e.span, format!("{}: {}", context, summary));
            // Consecutive repeats (recursion) collapse into one note.
            let mut i = 0;
            while i < e.trace.len() {
                let (span, kind) = e.trace[i];
                let mut n = 1;
                while i + n < e.trace.len() && e.trace[i + n] == (span, kind) {
                    n += 1;
                }
                let mut times = n;
                if e.omitted > 0 && i < interp::TRACE_KEPT && i + n > interp::TRACE_KEPT {
                    times += e.omitted;
                }
                let what = match kind {
                    interp::TraceKind::Call => "called from here",
                    interp::TraceKind::Import => "imported from here",
                };
                d = if times > 1 {
                    d.with_note(Some(span), format!("{} ({} times)", what, times))
                } else {
                    d.with_note(Some(span), what)
                };
                i += n;
            }
            d
        }
    }
}

/// `NameError: name 'foo' is not defined`, as CPython's last traceback line.
fn exception_summary(it: &mut Interp, exc: &Value) -> String {
    let name = match it.obj(exc) {
        Some(Object::Instance(i)) => it.heap.class(i.class).map(|c| c.name.clone()).unwrap_or_default(),
        _ => it.type_name(exc),
    };
    // A failing __str__ must not hide the original error.
    let saved = it.span;
    let msg = match it.py_str(exc) {
        Ok(m) => String::from_utf8_lossy(&m).into_owned(),
        Err(_) => String::new(),
    };
    it.span = saved;
    if msg.is_empty() {
        name
    } else {
        format!("{}: {}", name, msg)
    }
}

/// The text form of the loaded program (`--dump=modules`): each user module's
/// globals with their values.
pub fn dump_program(program: &LoadedProgram) -> String {
    dump::dump(program)
}

#[cfg(test)]
mod tests;

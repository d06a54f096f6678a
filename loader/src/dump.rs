//! The text form of a loaded program: each file module's globals, in import
//! order; functions with their parameters, classes with their bases and
//! namespace. Deterministic (no addresses, insertion order everywhere): the
//! golden tests compare it.

use hostobj::{Function, Heap, ObjId, Object, Value};
use syntax::ast::{Expr, ExprKind};

use crate::format::{float_repr, str_repr, unicode_repr};
use crate::LoadedProgram;

/// Module metadata that every module has: not listed.
const HIDDEN: &[&str] = &["__name__", "__file__", "__doc__", "__builtins__", "__package__", "__path__"];

/// Longest container listing before eliding the rest.
const MAX_ITEMS: usize = 12;

pub fn dump(p: &LoadedProgram) -> String {
    let heap = &p.heap;
    let mut out = String::new();
    let target_dir = p.modules.first().and_then(|m| m.path.parent().map(|d| d.to_path_buf()));
    for lm in &p.modules {
        let Some(m) = heap.module(lm.module) else { continue };
        if lm.bundled {
            out.push_str(&format!("module {} (bundled)\n", m.name));
            continue;
        }
        let shown = match &target_dir {
            Some(d) => lm.path.strip_prefix(d).unwrap_or(&lm.path).display().to_string(),
            None => lm.path.display().to_string(),
        };
        out.push_str(&format!("module {} ({})\n", m.name, shown));
        for (k, v) in m.globals.iter() {
            let Value::Str(k) = k else { continue };
            let k = String::from_utf8_lossy(k);
            if HIDDEN.contains(&k.as_ref()) {
                continue;
            }
            global_line(heap, lm.module, &k, v, 1, &mut out);
        }
        out.push('\n');
    }
    out.push_str(&format!("entry_point = {}\n", describe(heap, &Value::Obj(p.entry_point), 2)));
    if let Some(j) = &p.jitpolicy {
        out.push_str(&format!("jitpolicy = {}\n", describe(heap, j, 2)));
    }
    out
}

fn indent(level: usize) -> String {
    "    ".repeat(level.saturating_sub(1)) + if level > 0 { "  " } else { "" }
}

/// One `name = value` entry of a module or class namespace; functions and
/// classes defined right there under their own name are shown as definitions.
fn global_line(heap: &Heap, module: ObjId, name: &str, v: &Value, level: usize, out: &mut String) {
    let pad = indent(level);
    if let Value::Obj(id) = v {
        match heap.get(*id) {
            Object::Function(f) if f.name == name && f.module == module => {
                out.push_str(&format!("{}def {}\n", pad, signature(heap, f)));
                function_details(heap, f, level + 1, out);
                return;
            }
            Object::Class(c) if c.name == name && c.module == module && level < 3 => {
                let bases: Vec<String> = c.bases.iter().map(|&b| class_name(heap, b)).collect();
                if bases.is_empty() {
                    out.push_str(&format!("{}class {}:\n", pad, c.name));
                } else {
                    out.push_str(&format!("{}class {}({}):\n", pad, c.name, bases.join(", ")));
                }
                if c.dict.is_empty() {
                    out.push_str(&format!("{}pass\n", indent(level + 1)));
                }
                for (k, v) in c.dict.iter() {
                    let Value::Str(k) = k else { continue };
                    global_line(heap, module, &String::from_utf8_lossy(k), v, level + 1, out);
                }
                return;
            }
            _ => {}
        }
    }
    out.push_str(&format!("{}{} = {}\n", pad, name, describe(heap, v, 3)));
    if let Some(f) = match v {
        Value::Obj(id) => heap.function(*id),
        _ => None,
    } {
        function_details(heap, f, level + 1, out);
    }
}

/// Function attributes and closure cells, one per line.
fn function_details(heap: &Heap, f: &Function, level: usize, out: &mut String) {
    let pad = indent(level);
    for (k, v) in f.attrs.iter() {
        if let Value::Str(k) = k {
            out.push_str(&format!("{}.{} = {}\n", pad, String::from_utf8_lossy(k), describe(heap, v, 2)));
        }
    }
    for (name, cell) in &f.closure {
        let v = match heap.get(*cell) {
            Object::Cell(v) => describe(heap, v, 2),
            _ => "?".into(),
        };
        out.push_str(&format!("{}closure {} = {}\n", pad, name, v));
    }
}

fn class_name(heap: &Heap, c: ObjId) -> String {
    match heap.class(c) {
        Some(cl) => {
            let m = heap.module(cl.module).map(|m| m.name.as_str()).unwrap_or("?");
            if m == "__builtin__" || m == "exceptions" {
                cl.name.clone()
            } else {
                format!("{}.{}", m, cl.name)
            }
        }
        None => "?".into(),
    }
}

fn param(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.clone(),
        ExprKind::Tuple(items) | ExprKind::List(items) => {
            let inner: Vec<String> = items.iter().map(param).collect();
            if inner.len() == 1 {
                format!("({},)", inner[0])
            } else {
                format!("({})", inner.join(", "))
            }
        }
        _ => "?".into(),
    }
}

/// `name(a, b=1, *args, **kw)`.
fn signature(heap: &Heap, f: &Function) -> String {
    let args = &f.def.args;
    let n = args.args.len();
    let first_default = n.saturating_sub(f.defaults.len());
    let mut parts = Vec::new();
    for (i, a) in args.args.iter().enumerate() {
        if i >= first_default {
            parts.push(format!("{}={}", param(a), describe(heap, &f.defaults[i - first_default], 1)));
        } else {
            parts.push(param(a));
        }
    }
    if let Some(v) = &args.vararg {
        parts.push(format!("*{}", v));
    }
    if let Some(k) = &args.kwarg {
        parts.push(format!("**{}", k));
    }
    format!("{}({})", f.name, parts.join(", "))
}

fn qualified_function(heap: &Heap, f: &Function) -> String {
    let m = heap.module(f.module).map(|m| m.name.as_str()).unwrap_or("?");
    format!("{}.{}", m, signature(heap, f))
}

/// A value as text; `depth` bounds how far containers and instances are opened.
pub fn describe(heap: &Heap, v: &Value, depth: usize) -> String {
    match v {
        Value::None => "None".into(),
        Value::Bool(b) => if *b { "True".into() } else { "False".into() },
        Value::Int(i) => i.to_string(),
        Value::Long(i) => format!("{}L", i),
        Value::Float(f) => float_repr(*f),
        Value::Str(s) => str_repr(s),
        Value::Unicode(s) => unicode_repr(s),
        Value::Obj(id) => describe_obj(heap, *id, depth),
    }
}

fn items(heap: &Heap, items: &mut dyn Iterator<Item = String>, total: usize) -> String {
    let mut parts: Vec<String> = items.take(MAX_ITEMS).collect();
    if total > MAX_ITEMS {
        parts.push(format!("... ({} items)", total));
    }
    let _ = heap;
    parts.join(", ")
}

fn describe_obj(heap: &Heap, id: ObjId, depth: usize) -> String {
    let d = depth.saturating_sub(1);
    match heap.get(id) {
        Object::Tuple(t) => {
            if depth == 0 {
                return "(...)".into();
            }
            let inner = items(heap, &mut t.iter().map(|v| describe(heap, v, d)), t.len());
            if t.len() == 1 {
                format!("({},)", inner)
            } else {
                format!("({})", inner)
            }
        }
        Object::List(l) => {
            if depth == 0 {
                return "[...]".into();
            }
            format!("[{}]", items(heap, &mut l.iter().map(|v| describe(heap, v, d)), l.len()))
        }
        Object::Dict(m) => {
            if depth == 0 {
                return "{...}".into();
            }
            let mut it = m.iter().map(|(k, v)| format!("{}: {}", describe(heap, k, d), describe(heap, v, d)));
            format!("{{{}}}", items(heap, &mut it, m.len()))
        }
        Object::Set(m) => {
            if depth == 0 {
                return "set([...])".into();
            }
            format!("set([{}])", items(heap, &mut m.keys().map(|v| describe(heap, v, d)), m.len()))
        }
        Object::Function(f) => format!("<function {}>", qualified_function(heap, f)),
        Object::Class(_) => format!("<class {}>", class_name(heap, id)),
        Object::Instance(i) => {
            let cname = class_name(heap, i.class);
            if depth == 0 || i.attrs.is_empty() {
                return format!("<{} instance>", cname);
            }
            let mut it = i.attrs.iter().map(|(k, v)| {
                let k = match k {
                    Value::Str(s) => String::from_utf8_lossy(s).into_owned(),
                    other => describe(heap, other, 0),
                };
                format!("{}={}", k, describe(heap, v, d))
            });
            format!("<{} instance {}>", cname, items(heap, &mut it, i.attrs.len()))
        }
        Object::Module(m) => format!("<module {}>", m.name),
        Object::Builtin(n) => format!("<builtin {}>", n),
        Object::BoundMethod { receiver, func } => {
            format!("<bound method {} of {}>", describe(heap, func, d), describe(heap, receiver, d.min(1)))
        }
        Object::StaticMethod(f) => format!("staticmethod({})", describe(heap, f, d)),
        Object::ClassMethod(f) => format!("classmethod({})", describe(heap, f, d)),
        Object::Property { fget, fset } => {
            format!("property(fget={}, fset={})", describe(heap, fget, d), describe(heap, fset, d))
        }
        Object::Cell(v) => format!("<cell {}>", describe(heap, v, d)),
        Object::Iterator { items: its, pos } => {
            let rest = &its[(*pos).min(its.len())..];
            format!("<iterator [{}]>", items(heap, &mut rest.iter().map(|v| describe(heap, v, d)), rest.len()))
        }
        Object::Super { class, .. } => format!("<super {}>", class_name(heap, *class)),
    }
}

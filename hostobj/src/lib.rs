//! Host objects: the Python values that exist once the program's modules have
//! been imported (by the loader's evaluator).
//!
//! Everything lives in one `Heap` arena and is referred to by `ObjId`. Immutable
//! scalars (None, bools, ints, floats, strings) are `Value`s held inline; all
//! objects with identity (lists, dicts, functions, classes, instances, modules)
//! are heap entries. Later stages read the heap: module globals are constants
//! in RPython, so the flow graph builder and the annotator look values up here.

use std::rc::Rc;

use diag::{FileId, Span};
use syntax::ast;

/// Index of an object in the `Heap`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjId(pub u32);

/// A host value. Strings are byte strings (Python 2 `str`).
#[derive(Clone, Debug)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    /// A Python `long`, or an int computed at import time that left the i64 range.
    Long(i128),
    Float(f64),
    Str(Rc<[u8]>),
    Unicode(Rc<str>),
    Obj(ObjId),
}

impl PartialEq for Value {
    /// Identity-or-value equality as used for dict keys and constants
    /// (floats compare by bits so that `Value` can be a hash key).
    fn eq(&self, other: &Value) -> bool {
        use Value::*;
        match (self, other) {
            (None, None) => true,
            (Bool(a), Bool(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Long(a), Long(b)) => a == b,
            (Float(a), Float(b)) => a.to_bits() == b.to_bits(),
            (Str(a), Str(b)) => a == b,
            (Unicode(a), Unicode(b)) => a == b,
            (Obj(a), Obj(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for Value {}

impl std::hash::Hash for Value {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        std::mem::discriminant(self).hash(h);
        match self {
            Value::None => {}
            Value::Bool(b) => b.hash(h),
            Value::Int(i) => i.hash(h),
            Value::Long(i) => i.hash(h),
            Value::Float(f) => f.to_bits().hash(h),
            Value::Str(s) => s.hash(h),
            Value::Unicode(s) => s.hash(h),
            Value::Obj(o) => o.hash(h),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s.as_bytes()))
    }
}

/// A dict that keeps insertion order (module globals, class dicts, Python dicts).
#[derive(Clone, Debug, Default)]
pub struct OrderedDict {
    entries: Vec<(Value, Value)>,
    index: std::collections::HashMap<Value, usize>,
}

impl OrderedDict {
    pub fn new() -> OrderedDict {
        OrderedDict::default()
    }
    pub fn get(&self, key: &Value) -> Option<&Value> {
        self.index.get(key).map(|&i| &self.entries[i].1)
    }
    pub fn get_str(&self, key: &str) -> Option<&Value> {
        self.get(&Value::str(key))
    }
    pub fn insert(&mut self, key: Value, value: Value) {
        match self.index.get(&key) {
            Some(&i) => self.entries[i].1 = value,
            None => {
                self.index.insert(key.clone(), self.entries.len());
                self.entries.push((key, value));
            }
        }
    }
    pub fn insert_str(&mut self, key: &str, value: Value) {
        self.insert(Value::str(key), value)
    }
    pub fn remove(&mut self, key: &Value) -> Option<Value> {
        let i = self.index.remove(key)?;
        let (_, v) = self.entries.remove(i);
        for slot in self.index.values_mut() {
            if *slot > i {
                *slot -= 1;
            }
        }
        Some(v)
    }
    pub fn len(&self) -> usize {
        self.entries.len()
    }
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
    pub fn iter(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

#[derive(Clone, Debug)]
pub enum Object {
    Tuple(Vec<Value>),
    List(Vec<Value>),
    Dict(OrderedDict),
    Function(Function),
    Class(Class),
    Instance(Instance),
    Module(Module),
    /// A function or type implemented by the toolchain (`len`, `os.write`, `int`,
    /// `ValueError`, ...), named by its dotted name.
    Builtin(String),
    BoundMethod { receiver: Value, func: Value },
    StaticMethod(Value),
    /// A closure cell of a function defined at import time.
    Cell(Value),
}

#[derive(Clone, Debug)]
pub struct Function {
    pub name: String,
    /// The module whose globals the function sees.
    pub module: ObjId,
    pub def: Rc<ast::FunctionDef>,
    /// Evaluated default values, for the last `defaults.len()` parameters.
    pub defaults: Vec<Value>,
    /// Free variables bound to cells of enclosing functions that ran at import time.
    pub closure: Vec<(String, ObjId)>,
    /// Attributes set on the function object (`f._annspecialcase_ = ...`, `f._jit_look_inside_ = ...`).
    pub attrs: OrderedDict,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Class {
    pub name: String,
    pub module: ObjId,
    pub bases: Vec<ObjId>,
    /// The class body's namespace, in definition order.
    pub dict: OrderedDict,
    pub span: Span,
}

#[derive(Clone, Debug)]
pub struct Instance {
    pub class: ObjId,
    pub attrs: OrderedDict,
}

#[derive(Clone, Debug)]
pub struct Module {
    pub name: String,
    /// None for built-in modules (`os`, `sys`, `math`, ...).
    pub file: Option<FileId>,
    pub globals: OrderedDict,
}

/// The arena of all host objects.
#[derive(Clone, Debug, Default)]
pub struct Heap {
    objects: Vec<Object>,
}

impl Heap {
    pub fn new() -> Heap {
        Heap::default()
    }
    pub fn alloc(&mut self, obj: Object) -> ObjId {
        self.objects.push(obj);
        ObjId(self.objects.len() as u32 - 1)
    }
    pub fn get(&self, id: ObjId) -> &Object {
        &self.objects[id.0 as usize]
    }
    pub fn get_mut(&mut self, id: ObjId) -> &mut Object {
        &mut self.objects[id.0 as usize]
    }
    pub fn len(&self) -> usize {
        self.objects.len()
    }
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// The function object behind `id`, if it is one.
    pub fn function(&self, id: ObjId) -> Option<&Function> {
        match self.get(id) {
            Object::Function(f) => Some(f),
            _ => None,
        }
    }
    pub fn module(&self, id: ObjId) -> Option<&Module> {
        match self.get(id) {
            Object::Module(m) => Some(m),
            _ => None,
        }
    }
    pub fn class(&self, id: ObjId) -> Option<&Class> {
        match self.get(id) {
            Object::Class(c) => Some(c),
            _ => None,
        }
    }

    /// A short human-readable description, used in dumps and error messages.
    pub fn describe(&self, v: &Value) -> String {
        match v {
            Value::None => "None".into(),
            Value::Bool(b) => if *b { "True".into() } else { "False".into() },
            Value::Int(i) => i.to_string(),
            Value::Long(i) => format!("{}L", i),
            Value::Float(f) => format!("{:?}", f),
            Value::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
            Value::Unicode(s) => format!("u{:?}", s),
            Value::Obj(id) => match self.get(*id) {
                Object::Tuple(_) => format!("<tuple #{}>", id.0),
                Object::List(_) => format!("<list #{}>", id.0),
                Object::Dict(_) => format!("<dict #{}>", id.0),
                Object::Function(f) => format!("<function {}>", f.name),
                Object::Class(c) => format!("<class {}>", c.name),
                Object::Instance(i) => {
                    let cls = self.class(i.class).map(|c| c.name.as_str()).unwrap_or("?");
                    format!("<{} instance #{}>", cls, id.0)
                }
                Object::Module(m) => format!("<module {}>", m.name),
                Object::Builtin(n) => format!("<builtin {}>", n),
                Object::BoundMethod { .. } => format!("<bound method #{}>", id.0),
                Object::StaticMethod(_) => format!("<staticmethod #{}>", id.0),
                Object::Cell(_) => format!("<cell #{}>", id.0),
            },
        }
    }
}

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
    pub fn contains_key(&self, key: &Value) -> bool {
        self.index.contains_key(key)
    }
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(k, _)| k)
    }
    pub fn values(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().map(|(_, v)| v)
    }
    /// The `i`-th entry in insertion order.
    pub fn entry_at(&self, i: usize) -> Option<(&Value, &Value)> {
        self.entries.get(i).map(|(k, v)| (k, v))
    }
    /// Removes and returns the most recently inserted entry (`dict.popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        let (k, v) = self.entries.pop()?;
        self.index.remove(&k);
        Some((k, v))
    }
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
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
    /// A `set` or `frozenset`: its elements are the keys (values are None).
    Set(OrderedDict),
    /// An iterator made at import time (`iter(x)`, a generator call, `enumerate`,
    /// ...): the import-time evaluator runs generators eagerly, so it is a
    /// snapshot of the remaining items.
    Iterator { items: Vec<Value>, pos: usize },
    /// `property(fget, fset)`; a missing accessor is None.
    Property { fget: Value, fset: Value },
    ClassMethod(Value),
    /// `super(class, receiver)`: attribute lookups start after `class` in the receiver's MRO.
    Super { class: ObjId, receiver: Value },
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
    /// Functions defined inside functions (`def` statements and lambdas)
    /// that use no variable of an enclosing function, created once at
    /// import time, by the span of their definition: translated code sees
    /// them as constants.
    nested_functions: std::collections::HashMap<Span, ObjId>,
}

impl Heap {
    pub fn new() -> Heap {
        Heap::default()
    }
    pub fn alloc(&mut self, obj: Object) -> ObjId {
        self.objects.push(obj);
        ObjId(self.objects.len() as u32 - 1)
    }
    pub fn nested_function(&self, span: Span) -> Option<ObjId> {
        self.nested_functions.get(&span).copied()
    }
    pub fn add_nested_function(&mut self, span: Span, f: ObjId) {
        self.nested_functions.insert(span, f);
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

    /// The loaded module called `name` (`"__builtin__"`, `"os"`, `"pkg.mod"`), if any.
    /// A linear scan: meant for occasional lookups, not inner loops.
    pub fn find_module(&self, name: &str) -> Option<ObjId> {
        (0..self.objects.len() as u32).map(ObjId).find(|&id| matches!(self.get(id), Object::Module(m) if m.name == name))
    }

    /// The `__builtin__` module (where names that are neither local nor global are looked up).
    pub fn builtins_module(&self) -> Option<ObjId> {
        self.find_module("__builtin__")
    }

    /// The method resolution order of a class, starting with the class itself:
    /// C3 linearization (new-style classes), falling back to depth-first
    /// left-to-right order when C3 has no solution (old-style hierarchies).
    pub fn mro(&self, class: ObjId) -> Vec<ObjId> {
        self.c3(class, 0).unwrap_or_else(|| {
            let mut out = Vec::new();
            self.dfs_order(class, &mut out, 0);
            out
        })
    }

    fn c3(&self, class: ObjId, depth: usize) -> Option<Vec<ObjId>> {
        // The depth bound guards against a (malformed) cyclic base chain.
        if depth > 200 {
            return None;
        }
        let bases = &self.class(class)?.bases;
        let mut seqs: Vec<Vec<ObjId>> = Vec::new();
        for &b in bases {
            if self.class(b).is_some() {
                seqs.push(self.c3(b, depth + 1)?);
            }
        }
        seqs.push(bases.iter().copied().filter(|&b| self.class(b).is_some()).collect());
        let mut out = vec![class];
        loop {
            seqs.retain(|s| !s.is_empty());
            if seqs.is_empty() {
                return Some(out);
            }
            // The first head that appears in no other sequence's tail.
            let head = seqs.iter().map(|s| s[0]).find(|h| seqs.iter().all(|s| !s[1..].contains(h)))?;
            out.push(head);
            for s in seqs.iter_mut() {
                if s[0] == head {
                    s.remove(0);
                }
            }
        }
    }

    fn dfs_order(&self, class: ObjId, out: &mut Vec<ObjId>, depth: usize) {
        if depth > 200 || out.contains(&class) {
            return;
        }
        out.push(class);
        if let Some(c) = self.class(class) {
            for &b in &c.bases {
                self.dfs_order(b, out, depth + 1);
            }
        }
    }

    /// `issubclass(sub, sup)` for two classes (a class is a subclass of itself).
    pub fn is_subclass(&self, sub: ObjId, sup: ObjId) -> bool {
        sub == sup || self.mro(sub).contains(&sup)
    }

    /// Looks `name` up along the class's MRO: the class that defines it and the value.
    pub fn lookup_class_attr(&self, class: ObjId, name: &str) -> Option<(ObjId, &Value)> {
        for c in self.mro(class) {
            if let Some(v) = self.class(c).and_then(|cl| cl.dict.get_str(name)) {
                return Some((c, v));
            }
        }
        None
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
                Object::Set(_) => format!("<set #{}>", id.0),
                Object::Iterator { .. } => format!("<iterator #{}>", id.0),
                Object::Property { .. } => format!("<property #{}>", id.0),
                Object::ClassMethod(_) => format!("<classmethod #{}>", id.0),
                Object::Super { .. } => format!("<super #{}>", id.0),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(heap: &mut Heap, name: &str, bases: Vec<ObjId>, attrs: &[(&str, i64)]) -> ObjId {
        let mut dict = OrderedDict::new();
        for (k, v) in attrs {
            dict.insert_str(k, Value::Int(*v));
        }
        heap.alloc(Object::Class(Class { name: name.into(), module: ObjId(0), bases, dict, span: Span::default() }))
    }

    #[test]
    fn mro_is_c3_with_diamonds() {
        let mut h = Heap::new();
        let o = class(&mut h, "object", vec![], &[]);
        let a = class(&mut h, "A", vec![o], &[("x", 1)]);
        let b = class(&mut h, "B", vec![a], &[]);
        let c = class(&mut h, "C", vec![a], &[("x", 3)]);
        let d = class(&mut h, "D", vec![b, c], &[]);
        assert_eq!(h.mro(d), vec![d, b, c, a, o]);
        assert!(h.is_subclass(d, a) && h.is_subclass(d, d) && !h.is_subclass(a, d));
        // C comes before A in D's MRO, so C's `x` wins.
        assert_eq!(h.lookup_class_attr(d, "x").map(|(c, v)| (c, v.clone())), Some((c, Value::Int(3))));
        assert!(h.lookup_class_attr(d, "y").is_none());
    }

    #[test]
    fn mro_falls_back_to_depth_first() {
        let mut h = Heap::new();
        let a = class(&mut h, "A", vec![], &[]);
        let b = class(&mut h, "B", vec![a], &[]);
        // No C3 order exists for (A, B): old-style classes accept it.
        let c = class(&mut h, "C", vec![a, b], &[]);
        assert_eq!(h.mro(c), vec![c, a, b]);
    }

    #[test]
    fn ordered_dict_keeps_order() {
        let mut d = OrderedDict::new();
        d.insert_str("b", Value::Int(1));
        d.insert_str("a", Value::Int(2));
        d.insert_str("b", Value::Int(3));
        assert_eq!(d.keys().cloned().collect::<Vec<_>>(), vec![Value::str("b"), Value::str("a")]);
        assert_eq!(d.entry_at(0).map(|(_, v)| v.clone()), Some(Value::Int(3)));
        assert_eq!(d.pop_last(), Some((Value::str("a"), Value::Int(2))));
        assert!(d.contains_key(&Value::str("b")) && !d.contains_key(&Value::str("a")));
        d.clear();
        assert!(d.is_empty());
    }

    #[test]
    fn find_module_by_name() {
        let mut h = Heap::new();
        let m = h.alloc(Object::Module(Module { name: "__builtin__".into(), file: None, globals: OrderedDict::new() }));
        assert_eq!(h.builtins_module(), Some(m));
        assert_eq!(h.find_module("os"), None);
    }
}

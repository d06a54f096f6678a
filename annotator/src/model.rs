//! The annotation lattice: what the annotator knows about a value.
//!
//! `SomeValue::Impossible` is the bottom (no value reached this place yet);
//! `union` moves up the lattice. There is no top: values that cannot be
//! merged (an int and a str) are an error in RPython, reported by the caller
//! of `union` with the places both sides came from.
//!
//! Mutable containers do not carry their item annotation inline: a
//! `SomeList` names a `ListDef` (owned by the annotator) so that every
//! variable holding the same list sees the item type generalize at once.
//!
//! Instances name their class; the annotator keeps one `ClassDef` per class
//! (see `classdef.rs`) whose attribute annotations generalize and re-flow
//! their readers. The union of two instances is the instance of their
//! nearest common base classdef (`Annotator::union`).
//!
//! Where the rest of RPython's lattice goes, in the same style: `Dict {
//! dictdef }` (a `DictDef` with key and value annotations, like `ListDef`);
//! `Iterator(item)`. The union rules stay in `union_simple` (and
//! `Annotator::union` for the ones that merge defs or need classdefs).

use std::collections::BTreeSet;

use hostobj::{Heap, Object, ObjId};

/// What the annotator knows about one user class ("ClassDef" in RPython):
/// its place in the single-inheritance tree and its instance attributes.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub class: ObjId,
    /// The classdef of the first base class (None for a root: a class whose
    /// base is `object` or that has no base).
    pub parent: Option<ObjId>,
    /// Instance attributes owned by this class (declared here, not in a
    /// base), by name. An attribute lives on the highest class that reads
    /// or writes it, so that every subclass shares the field.
    pub attrs: std::collections::BTreeMap<String, Attr>,
    /// Prebuilt instances of exactly this class.
    pub prebuilt: Vec<ObjId>,
}

/// One instance attribute of a classdef.
#[derive(Clone, Debug, PartialEq)]
pub struct Attr {
    pub s: SomeValue,
    /// Blocks that read it, re-flowed when it generalizes.
    pub(crate) readers: BTreeSet<(u32, u32)>,
}

/// Index of a `ListDef` in `Annotations::listdefs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListDefId(pub u32);

/// A host object that is a compile-time constant of the program ("a
/// description" in RPython's bookkeeper): what a `SomePbc` may hold.
/// Identified by the host object, so descs are stable and ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Desc {
    /// A Python function (`Object::Function`): calls go to its flow graph(s).
    Function(ObjId),
    /// A function or type implemented by the toolchain (`Object::Builtin`).
    Builtin(ObjId),
    /// A user class (`Object::Class`).
    Class(ObjId),
    /// A module: a frozen namespace whose attributes are constants.
    Module(ObjId),
}

impl Desc {
    pub fn obj(self) -> ObjId {
        match self {
            Desc::Function(o) | Desc::Builtin(o) | Desc::Class(o) | Desc::Module(o) => o,
        }
    }
}

/// A set of prebuilt constants (functions, classes, modules...).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct SomePbc {
    pub descs: BTreeSet<Desc>,
    pub can_be_none: bool,
}

impl SomePbc {
    /// The only desc, when the value is a single known constant.
    pub fn single(&self) -> Option<Desc> {
        if self.descs.len() == 1 && !self.can_be_none {
            self.descs.iter().next().copied()
        } else {
            None
        }
    }
}

/// An annotation.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SomeValue {
    /// Bottom: no value has reached this place (yet).
    Impossible,
    /// A machine-word integer. `nonneg` is known-non-negative (lets the
    /// rtyper skip negative-index fixes); `unsigned` is for r_uint later.
    Integer { nonneg: bool, unsigned: bool },
    /// A bool; merges with integers into an integer, as in Python.
    Bool,
    Float,
    /// A byte string, possibly None.
    String { can_be_none: bool },
    /// A string of length one (what indexing a str gives).
    Char,
    Unicode { can_be_none: bool },
    /// A tuple of fixed length.
    Tuple(Vec<SomeValue>),
    List { listdef: ListDefId, can_be_none: bool },
    /// Prebuilt constants: functions, builtins, classes, modules.
    Pbc(SomePbc),
    /// An instance of the user class `class` or of one of its subclasses
    /// (the class names its `ClassDef`: one classdef per class).
    Instance { class: ObjId, can_be_none: bool },
    /// A method `name` bound to an instance of `class` (or a subclass): the
    /// result of `x.name` before the call. Which function runs is decided
    /// by the receiver's class at run time (the vtable).
    Method { class: ObjId, name: String },
    /// A dict: its keys and values are the items of two listdefs, so they
    /// generalize (and merge) like list items.
    Dict { keys: ListDefId, values: ListDefId, can_be_none: bool },
    /// A method of a built-in type bound to its receiver (`lst.append`).
    BuiltinMethod { receiver: Box<SomeValue>, name: String },
    /// What `range()` and `xrange()` return: an immutable arithmetic
    /// sequence of ints (`nonneg`: every item is >= 0).
    Range { nonneg: bool },
    /// An iterator over a list, str or range (`iter(x)`, `enumerate(x)`,
    /// `reversed(x)`); `enumerate` iterators give (index, item) tuples.
    Iterator { container: Box<SomeValue>, reversed: bool, enumerate: bool },
    /// A class object known to be `class` or one of its subclasses (what
    /// `type(x)` gives, and the type half of a caught exception).
    ClassRef { class: ObjId, can_be_none: bool },
    /// A generator: what calling a generator function gives. `graph` is
    /// the function's graph (its `GraphId`); the items it yields are the
    /// items of listdef `item`.
    Generator { graph: u32, item: ListDefId },
    /// What os.stat() gives: its `st_*` attributes (or items by index).
    StatResult,
    /// An `r_singlefloat`: a C float, only converted with float() (held
    /// as the double it rounds to).
    SingleFloat,
    /// A bytearray: mutable bytes whose items read and write as ints
    /// (represented as a list of chars).
    ByteArray,
    /// `os.environ`: the environment of the running program, read with
    /// `[k]`, `get()` and `in`.
    Environ,
    /// The constant None.
    None,
}

pub const S_INT: SomeValue = SomeValue::Integer { nonneg: false, unsigned: false };
pub const S_NONNEG: SomeValue = SomeValue::Integer { nonneg: true, unsigned: false };
pub const S_STR: SomeValue = SomeValue::String { can_be_none: false };

/// The items of a list and who reads them.
#[derive(Clone, Debug, PartialEq)]
pub struct ListDef {
    pub item: SomeValue,
    /// Set when this listdef was merged into another: follow it (union-find).
    pub merged_into: Option<ListDefId>,
    /// Blocks that read items, re-flowed when the item annotation generalizes.
    pub(crate) readers: BTreeSet<(u32, u32)>,
    /// Where the first item came from (for error messages); the default
    /// span when unknown.
    pub(crate) origin: diag::Span,
    /// For the keys of an `r_dict`: its key_eq and key_hash functions.
    pub key_funcs: Option<(ObjId, ObjId)>,
    /// Some operation may change the length of these lists (append, pop,
    /// del, +=...). Lists that are never resized become fixed-size arrays.
    pub resized: bool,
}

impl SomeValue {
    pub fn pbc(desc: Desc) -> SomeValue {
        SomeValue::Pbc(SomePbc { descs: [desc].into_iter().collect(), can_be_none: false })
    }

    /// Integers and bools: anything usable in integer arithmetic.
    pub fn is_int_like(&self) -> bool {
        matches!(self, SomeValue::Integer { .. } | SomeValue::Bool)
    }

    pub fn is_nonneg(&self) -> bool {
        matches!(self, SomeValue::Integer { nonneg: true, .. } | SomeValue::Bool)
    }

    pub fn is_string_like(&self) -> bool {
        matches!(self, SomeValue::String { .. } | SomeValue::Char)
    }

    pub fn can_be_none(&self) -> bool {
        match self {
            SomeValue::String { can_be_none }
            | SomeValue::Unicode { can_be_none }
            | SomeValue::List { can_be_none, .. }
            | SomeValue::Instance { can_be_none, .. }
            | SomeValue::Dict { can_be_none, .. } => *can_be_none,
            SomeValue::Pbc(p) => p.can_be_none,
            SomeValue::ClassRef { can_be_none, .. } => *can_be_none,
            SomeValue::None => true,
            _ => false,
        }
    }

    /// The same values without None (what `x` is where `x is not None`).
    pub fn without_none(&self) -> SomeValue {
        let mut s = self.clone();
        match &mut s {
            SomeValue::String { can_be_none }
            | SomeValue::Unicode { can_be_none }
            | SomeValue::List { can_be_none, .. }
            | SomeValue::Instance { can_be_none, .. }
            | SomeValue::Dict { can_be_none, .. } => *can_be_none = false,
            SomeValue::Pbc(p) => p.can_be_none = false,
            SomeValue::ClassRef { can_be_none, .. } => *can_be_none = false,
            _ => {}
        }
        s
    }

    /// A phrase for error messages: "an int", "a str or None", "the function f".
    pub fn describe(&self, heap: &Heap, listdefs: &[ListDef]) -> String {
        let or_none = |base: &str, n: bool| if n { format!("{} or None", base) } else { base.to_string() };
        match self {
            SomeValue::Impossible => "nothing".into(),
            SomeValue::Integer { unsigned: true, .. } => "an unsigned int".into(),
            SomeValue::Integer { .. } => "an int".into(),
            SomeValue::Bool => "a bool".into(),
            SomeValue::Float => "a float".into(),
            SomeValue::String { can_be_none } => or_none("a str", *can_be_none),
            SomeValue::Char => "a str".into(),
            SomeValue::Unicode { can_be_none } => or_none("a unicode", *can_be_none),
            SomeValue::Tuple(items) => format!("a tuple of length {}", items.len()),
            SomeValue::List { listdef, can_be_none } => {
                let item = &listdefs[find_listdef(listdefs, *listdef).0 as usize].item;
                let item = item.describe(heap, listdefs);
                let item = item.trim_start_matches("an ").trim_start_matches("a ");
                or_none(&format!("a list of {}", item), *can_be_none)
            }
            SomeValue::Pbc(p) => {
                let names: Vec<String> = p.descs.iter().map(|d| describe_desc(heap, *d)).collect();
                or_none(&names.join(" or "), p.can_be_none)
            }
            SomeValue::Instance { class, can_be_none } => {
                or_none(&format!("an instance of {}", class_name(heap, *class)), *can_be_none)
            }
            SomeValue::Method { class, name } => format!("the method {}.{}", class_name(heap, *class), name),
            SomeValue::ClassRef { class, can_be_none } => {
                or_none(&format!("the class {} or a subclass", class_name(heap, *class)), *can_be_none)
            }
            SomeValue::Range { .. } => "a range".into(),
            SomeValue::Generator { .. } => "a generator".into(),
            SomeValue::Environ => "os.environ".into(),
            SomeValue::ByteArray => "a bytearray".into(),
            SomeValue::SingleFloat => "an r_singlefloat".into(),
            SomeValue::StatResult => "a stat result".into(),
            SomeValue::Dict { keys, values, can_be_none } => {
                let k = listdefs[find_listdef(listdefs, *keys).0 as usize].item.describe(heap, listdefs);
                let v = listdefs[find_listdef(listdefs, *values).0 as usize].item.describe(heap, listdefs);
                let strip = |t: &str| t.trim_start_matches("an ").trim_start_matches("a ").to_string();
                or_none(&format!("a dict of {} to {}", strip(&k), strip(&v)), *can_be_none)
            }
            SomeValue::BuiltinMethod { receiver, name } => {
                let r = receiver.describe(heap, listdefs);
                format!("the method {} of {}", name, r.trim_start_matches("an ").trim_start_matches("a "))
            }
            SomeValue::Iterator { container, .. } => {
                let c = container.describe(heap, listdefs);
                format!("an iterator over {}", c.trim_start_matches("an ").trim_start_matches("a "))
            }
            SomeValue::None => "None".into(),
        }
    }

    /// The text form used in dumps: `SomeInteger(nonneg)`, `SomeString`...
    pub fn dump(&self, heap: &Heap, listdefs: &[ListDef]) -> String {
        let flags = |name: &str, fl: &[(&str, bool)]| {
            let set: Vec<&str> = fl.iter().filter(|(_, on)| *on).map(|(n, _)| *n).collect();
            if set.is_empty() { name.to_string() } else { format!("{}({})", name, set.join(", ")) }
        };
        match self {
            SomeValue::Impossible => "SomeImpossibleValue".into(),
            SomeValue::Integer { nonneg, unsigned } => {
                flags("SomeInteger", &[("nonneg", *nonneg), ("unsigned", *unsigned)])
            }
            SomeValue::Bool => "SomeBool".into(),
            SomeValue::Float => "SomeFloat".into(),
            SomeValue::String { can_be_none } => flags("SomeString", &[("can_be_none", *can_be_none)]),
            SomeValue::Char => "SomeChar".into(),
            SomeValue::Unicode { can_be_none } => flags("SomeUnicode", &[("can_be_none", *can_be_none)]),
            SomeValue::Tuple(items) => {
                let items: Vec<String> = items.iter().map(|s| s.dump(heap, listdefs)).collect();
                format!("SomeTuple({})", items.join(", "))
            }
            SomeValue::List { listdef, can_be_none } => {
                let root = find_listdef(listdefs, *listdef);
                let def = &listdefs[root.0 as usize];
                let item = def.item.dump(heap, listdefs);
                let resized = if def.resized { ", resized" } else { "" };
                let none = if *can_be_none { ", can_be_none" } else { "" };
                format!("SomeList(listdef{}: {}{}{})", root.0, item, resized, none)
            }
            SomeValue::Pbc(p) => {
                let mut names: Vec<String> = p.descs.iter().map(|d| heap.describe(&hostobj::Value::Obj(d.obj()))).collect();
                if p.can_be_none {
                    names.push("None".into());
                }
                format!("SomePBC({})", names.join(", "))
            }
            SomeValue::Instance { class, can_be_none } => {
                let none = if *can_be_none { ", can_be_none" } else { "" };
                format!("SomeInstance({}{})", class_name(heap, *class), none)
            }
            SomeValue::Method { class, name } => format!("SomeMethod({}.{})", class_name(heap, *class), name),
            SomeValue::ClassRef { class, .. } => format!("SomeType({})", class_name(heap, *class)),
            SomeValue::Range { nonneg } => flags("SomeRange", &[("nonneg", *nonneg)]),
            SomeValue::Generator { graph, item } => format!("SomeGenerator(graph {}, items {})", graph, item.0),
            SomeValue::Environ => "SomeEnviron".into(),
            SomeValue::ByteArray => "SomeByteArray".into(),
            SomeValue::SingleFloat => "SomeSingleFloat".into(),
            SomeValue::StatResult => "SomeStatResult".into(),
            SomeValue::Dict { keys, values, can_be_none } => {
                let k = listdefs[find_listdef(listdefs, *keys).0 as usize].item.dump(heap, listdefs);
                let v = listdefs[find_listdef(listdefs, *values).0 as usize].item.dump(heap, listdefs);
                let none = if *can_be_none { ", can_be_none" } else { "" };
                format!("SomeDict({} -> {}{})", k, v, none)
            }
            SomeValue::BuiltinMethod { receiver, name } => {
                format!("SomeBuiltinMethod({}.{})", receiver.dump(heap, listdefs), name)
            }
            SomeValue::Iterator { container, reversed, enumerate } => {
                let mut text = format!("SomeIterator({}", container.dump(heap, listdefs));
                if *reversed {
                    text.push_str(", reversed");
                }
                if *enumerate {
                    text.push_str(", enumerate");
                }
                text + ")"
            }
            SomeValue::None => "SomeNone".into(),
        }
    }
}

/// The listdef `id` stands for now (after merges).
pub fn find_listdef(listdefs: &[ListDef], mut id: ListDefId) -> ListDefId {
    while let Some(next) = listdefs[id.0 as usize].merged_into {
        id = next;
    }
    id
}

/// The name of a class object.
pub fn class_name(heap: &Heap, class: ObjId) -> String {
    heap.class(class).map(|c| c.name.clone()).unwrap_or_else(|| "?".into())
}

pub fn describe_desc(heap: &Heap, desc: Desc) -> String {
    match heap.get(desc.obj()) {
        Object::Function(f) => format!("the function {}", f.name),
        Object::Builtin(name) => format!("the builtin {}", name),
        Object::Class(c) => format!("the class {}", c.name),
        Object::Module(m) => format!("the module {}", m.name),
        _ => heap.describe(&hostobj::Value::Obj(desc.obj())),
    }
}

/// Union of two annotations that need no listdef merging, or `None` when
/// they cannot be merged. Lists are handled by the annotator (`Annotator::union`),
/// which owns the listdefs; here two lists merge only if they are the same.
pub fn union_simple(a: &SomeValue, b: &SomeValue) -> Option<SomeValue> {
    use SomeValue::*;
    if a == b {
        return Some(a.clone());
    }
    Some(match (a, b) {
        (Impossible, x) | (x, Impossible) => x.clone(),
        (Integer { nonneg: n1, unsigned: u1 }, Integer { nonneg: n2, unsigned: u2 }) => {
            if u1 != u2 {
                return Option::None;
            }
            Integer { nonneg: *n1 && *n2, unsigned: *u1 }
        }
        (Bool, Integer { unsigned, .. }) | (Integer { unsigned, .. }, Bool) => {
            Integer { nonneg: a.is_nonneg() && b.is_nonneg(), unsigned: *unsigned }
        }
        (Float, Integer { .. } | Bool | Float) | (Integer { .. } | Bool, Float) => Float,
        (String { can_be_none: n1 }, String { can_be_none: n2 }) => String { can_be_none: *n1 || *n2 },
        (String { can_be_none }, Char) | (Char, String { can_be_none }) => String { can_be_none: *can_be_none },
        (String { .. } | Char, None) | (None, String { .. } | Char) => String { can_be_none: true },
        (Unicode { can_be_none: n1 }, Unicode { can_be_none: n2 }) => Unicode { can_be_none: *n1 || *n2 },
        (Unicode { .. }, None) | (None, Unicode { .. }) => Unicode { can_be_none: true },
        (List { listdef, .. }, None) | (None, List { listdef, .. }) => List { listdef: *listdef, can_be_none: true },
        (Dict { keys, values, .. }, None) | (None, Dict { keys, values, .. }) => {
            Dict { keys: *keys, values: *values, can_be_none: true }
        }
        (Instance { class, .. }, None) | (None, Instance { class, .. }) => Instance { class: *class, can_be_none: true },
        (Pbc(p), None) | (None, Pbc(p)) => Pbc(SomePbc { descs: p.descs.clone(), can_be_none: true }),
        (ClassRef { class, .. }, None) | (None, ClassRef { class, .. }) => ClassRef { class: *class, can_be_none: true },
        (Pbc(p1), Pbc(p2)) => Pbc(SomePbc {
            descs: p1.descs.union(&p2.descs).copied().collect(),
            can_be_none: p1.can_be_none || p2.can_be_none,
        }),
        (Range { nonneg: n1 }, Range { nonneg: n2 }) => Range { nonneg: *n1 && *n2 },
        (Tuple(x), Tuple(y)) if x.len() == y.len() => {
            let mut items = Vec::new();
            for (s1, s2) in x.iter().zip(y) {
                items.push(union_simple(s1, s2)?);
            }
            Tuple(items)
        }
        _ => return Option::None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lattice_unions() {
        assert_eq!(union_simple(&SomeValue::Impossible, &S_INT), Some(S_INT));
        assert_eq!(union_simple(&S_NONNEG, &S_INT), Some(S_INT));
        assert_eq!(union_simple(&SomeValue::Bool, &S_NONNEG), Some(S_NONNEG));
        assert_eq!(union_simple(&SomeValue::Bool, &S_INT), Some(S_INT));
        assert_eq!(union_simple(&S_STR, &SomeValue::None), Some(SomeValue::String { can_be_none: true }));
        assert_eq!(union_simple(&SomeValue::Char, &S_STR), Some(S_STR));
        assert_eq!(union_simple(&S_INT, &S_STR), None);
        assert_eq!(union_simple(&S_INT, &SomeValue::None), None);
        assert_eq!(union_simple(&S_INT, &SomeValue::Float), Some(SomeValue::Float));
    }
}

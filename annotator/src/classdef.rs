//! Classdefs: the annotator's view of user classes.
//!
//! There is one `ClassDef` per class that the program instantiates (or
//! whose prebuilt instances it uses), plus all their base classes up to a
//! root (a class whose base is `object`, or that has none). Only single
//! inheritance is modelled: the first base is the parent; other bases only
//! contribute methods and class attributes through the MRO (mixins).
//!
//! Instance attributes live on the highest classdef that reads or writes
//! them: an attribute first set on two subclasses and later read through
//! the base moves up to the base, its annotations merged (as RPython's
//! ClassDef generalizes). A class attribute that is not a function (`k =
//! 5` in a class body) read through an instance is an attribute like the
//! others, its default the class's value (per class, so subclasses may
//! override it); the rtyper stores it when allocating.
//!
//! Creating a classdef re-flows every block that looked up a method or
//! attribute on one of its bases (`class_readers`): a new subclass may
//! add an implementation of a method called through its base.

use std::collections::BTreeSet;

use diag::{Diagnostic, Span};
use hostobj::{Object, ObjId, Value};

use crate::annotator::{Annotator, BlockKey};
use crate::model::{class_name, Attr, ClassDef, SomeValue};

/// What `x.name` finds on instances of a class, besides instance attributes.
pub enum ClassMember {
    /// A method: a function in the class body of `class` or a base.
    Method,
    /// A staticmethod's function.
    Static(ObjId),
    /// A constant class attribute.
    Value(Value),
    Nothing,
}

/// Whether `class` is the built-in `object`.
pub fn is_object_class(heap: &hostobj::Heap, class: ObjId) -> bool {
    match heap.class(class) {
        Some(c) => c.name == "object" && c.bases.is_empty() && heap.module(c.module).is_some_and(|m| m.name == "__builtin__"),
        None => false,
    }
}

/// What looking `name` up on `class` (through its MRO) gives.
pub fn class_member(heap: &hostobj::Heap, class: ObjId, name: &str) -> ClassMember {
    let Some((_, v)) = heap.lookup_class_attr(class, name) else { return ClassMember::Nothing };
    match v {
        Value::Obj(o) => match heap.get(*o) {
            Object::Function(_) => ClassMember::Method,
            Object::StaticMethod(Value::Obj(f)) if heap.function(*f).is_some() => ClassMember::Static(*f),
            // Methods of `object` and `BaseException` (`__init__`...) are
            // the toolchain's business, not instance attributes.
            Object::Builtin(_) => ClassMember::Nothing,
            _ => ClassMember::Value(v.clone()),
        },
        _ => ClassMember::Value(v.clone()),
    }
}

impl Annotator<'_, '_> {
    /// The classdef of `class`, created (with its bases) on first use.
    pub fn classdef(&mut self, class: ObjId, span: Span) -> Result<ObjId, Diagnostic> {
        if self.classdefs.contains_key(&class) {
            return Ok(class);
        }
        let Some(cls) = self.heap.class(class) else {
            return Err(Diagnostic::error(span, "internal error: classdef of a non-class"));
        };
        let bases: Vec<ObjId> = cls.bases.iter().copied().filter(|&b| !is_object_class(self.heap, b)).collect();
        for &extra in bases.iter().skip(1) {
            let mixin = self.heap.class(extra).and_then(|c| c.dict.get_str("_mixin_")).is_some_and(|v| *v == Value::Bool(true));
            if !mixin {
                return Err(Diagnostic::error(
                    span,
                    format!(
                        "class {} has several base classes: multiple inheritance is not RPython (only _mixin_ classes)",
                        cls.name
                    ),
                ));
            }
        }
        let parent = match bases.first() {
            Some(&b) => Some(self.classdef(b, span)?),
            None => None,
        };
        self.classdefs.insert(class, ClassDef { class, parent, attrs: Default::default(), prebuilt: Vec::new() });
        // Attributes of the bases get this class's defaults.
        let mut names = Vec::new();
        let mut a = parent;
        while let Some(c) = a {
            names.extend(self.classdefs[&c].attrs.keys().map(|n| (c, n.clone())));
            a = self.classdefs[&c].parent;
        }
        for (owner, name) in names {
            if let ClassMember::Value(v) = class_member(self.heap, class, &name) {
                let s = self.constant(&v, span)?;
                self.generalize_attr(owner, &name, s, span)?;
            }
        }
        // Only blocks that looked something up on a base of the new class
        // can see a difference.
        let mut readers = BTreeSet::new();
        for c in self.ancestors(class) {
            readers.extend(self.class_readers.get(&c).into_iter().flatten().copied());
        }
        self.schedule_all(readers);
        Ok(class)
    }

    /// The classdef chain from `class` up to its root.
    pub fn ancestors(&self, class: ObjId) -> Vec<ObjId> {
        let mut out = vec![class];
        let mut c = class;
        while let Some(p) = self.classdefs.get(&c).and_then(|d| d.parent) {
            out.push(p);
            c = p;
        }
        out
    }

    /// Whether classdef `sub` is `sup` or derives from it.
    pub fn is_subclassdef(&self, sub: ObjId, sup: ObjId) -> bool {
        self.ancestors(sub).contains(&sup)
    }

    /// Every classdef that is `class` or derives from it.
    pub fn descendants(&self, class: ObjId) -> Vec<ObjId> {
        self.classdefs.keys().copied().filter(|&c| self.is_subclassdef(c, class)).collect()
    }

    /// The nearest classdef both derive from.
    pub fn common_base(&self, a: ObjId, b: ObjId) -> Option<ObjId> {
        let up = self.ancestors(b);
        self.ancestors(a).into_iter().find(|c| up.contains(c))
    }

    /// The classdef that owns attribute `name` for instances of `class`:
    /// a base that has it, else `class` itself (taking it over from
    /// subclasses that had it, and seeding it with class defaults and
    /// prebuilt instances' values).
    fn attr_owner(&mut self, class: ObjId, name: &str, span: Span) -> Result<ObjId, Diagnostic> {
        for c in self.ancestors(class) {
            if self.classdefs[&c].attrs.contains_key(name) {
                return Ok(c);
            }
        }
        let mut attr = Attr { s: SomeValue::Impossible, readers: BTreeSet::new() };
        let mut moved = Vec::new();
        for d in self.descendants(class) {
            if let Some(a) = self.classdefs.get_mut(&d).and_then(|cd| cd.attrs.remove(name)) {
                moved.push(a.s);
                attr.readers.extend(a.readers);
            }
        }
        self.classdefs.get_mut(&class).expect("classdef").attrs.insert(name.to_string(), attr);
        for s in moved {
            self.generalize_attr(class, name, s, span)?;
        }
        let readers = self.classdefs[&class].attrs[name].readers.clone();
        self.schedule_all(readers);
        for d in self.descendants(class) {
            if let ClassMember::Value(v) = class_member(self.heap, d, name) {
                let s = self.constant(&v, span)?;
                self.generalize_attr(class, name, s, span)?;
            }
            for inst in self.classdefs[&d].prebuilt.clone() {
                let v = match self.heap.get(inst) {
                    Object::Instance(i) => i.attrs.get_str(name).cloned(),
                    _ => None,
                };
                if let Some(v) = v {
                    let s = self.constant(&v, span)?;
                    self.generalize_attr(class, name, s, span)?;
                }
            }
        }
        Ok(class)
    }

    /// Merges `s` into the attribute `name` owned by `owner`.
    fn generalize_attr(&mut self, owner: ObjId, name: &str, s: SomeValue, span: Span) -> Result<(), Diagnostic> {
        let old = self.classdefs[&owner].attrs[name].s.clone();
        let new = self.union(&old, &s).ok_or_else(|| {
            Diagnostic::error(
                span,
                format!(
                    "attribute '{}' of {} instances is {} and {}",
                    name,
                    class_name(self.heap, owner),
                    self.describe(&old),
                    self.describe(&s)
                ),
            )
        })?;
        if new != old {
            let attr = self.classdefs.get_mut(&owner).expect("classdef").attrs.get_mut(name).expect("attr");
            attr.s = new;
            let readers = attr.readers.clone();
            self.schedule_all(readers);
        }
        Ok(())
    }

    /// `x.name` for an instance of `class`, read by block `reader`.
    pub fn read_attr(&mut self, class: ObjId, name: &str, reader: BlockKey, span: Span) -> Result<SomeValue, Diagnostic> {
        let owner = self.attr_owner(class, name, span)?;
        let attr = self.classdefs.get_mut(&owner).expect("classdef").attrs.get_mut(name).expect("attr");
        attr.readers.insert(reader);
        Ok(attr.s.clone())
    }

    /// `x.name = s` for an instance of `class`.
    pub fn write_attr(&mut self, class: ObjId, name: &str, s: SomeValue, span: Span) -> Result<(), Diagnostic> {
        let owner = self.attr_owner(class, name, span)?;
        self.generalize_attr(owner, name, s, span)
    }

    /// Where a prebuilt instance's attributes meet its classdef: once per instance.
    fn register_prebuilt(&mut self, inst: ObjId, span: Span) -> Result<(), Diagnostic> {
        if !self.prebuilt_seen.insert(inst) {
            return Ok(());
        }
        let Object::Instance(i) = self.heap.get(inst) else { return Ok(()) };
        let (class, attrs) = (i.class, i.attrs.clone());
        self.classdef(class, span)?;
        self.classdefs.get_mut(&class).expect("classdef").prebuilt.push(inst);
        for (k, v) in attrs.iter() {
            let Value::Str(name) = k else { continue };
            let name = String::from_utf8_lossy(name).into_owned();
            let s = self.constant(v, span)?;
            self.write_attr(class, &name, s, span)?;
        }
        Ok(())
    }

    /// The annotation of a constant; prebuilt instances reached through it
    /// get their classdef and attributes.
    pub fn constant(&mut self, c: &Value, span: Span) -> Result<SomeValue, Diagnostic> {
        if let Value::Obj(o) = c {
            match self.heap.get(*o) {
                Object::Instance(_) => self.register_prebuilt(*o, span)?,
                Object::Tuple(items) => {
                    for v in items.clone() {
                        self.constant(&v, span)?;
                    }
                }
                Object::List(items) if !self.prebuilt_lists.contains_key(o) => {
                    // One listdef per prebuilt list, its items merged in.
                    let listdef = self.new_listdef(SomeValue::Impossible);
                    self.prebuilt_lists.insert(*o, listdef);
                    for v in items.clone() {
                        let s = self.constant(&v, span)?;
                        self.generalize_list_item(listdef, s, span)?;
                    }
                }
                // Not the translating process's environment: the program's own.
                Object::Dict(_) if crate::rules::is_os_environ(self.heap, *o) => return Ok(SomeValue::Environ),
                Object::Dict(entries) if !self.prebuilt_lists.contains_key(o) => {
                    // A prebuilt dict: a listdef for its keys and one for its values.
                    let keys = self.new_listdef(SomeValue::Impossible);
                    let values = self.new_listdef(SomeValue::Impossible);
                    self.prebuilt_lists.insert(*o, keys);
                    self.prebuilt_dict_values.insert(*o, values);
                    let entries: Vec<(Value, Value)> = entries.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    for (k, v) in entries {
                        let sk = self.constant(&k, span)?;
                        self.generalize_list_item(keys, sk, span)?;
                        let sv = self.constant(&v, span)?;
                        self.generalize_list_item(values, sv, span)?;
                    }
                }
                _ => {}
            }
        }
        let (lists, dict_values) = (&self.prebuilt_lists, &self.prebuilt_dict_values);
        let lookup = |o: ObjId| crate::annotator::prebuilt_annotation(self.heap, lists, dict_values, o);
        crate::rules::annotation_of_constant_with(self.heap, c, &lookup).map_err(|m| Diagnostic::error(span, m))
    }
}

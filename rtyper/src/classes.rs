//! Classes and instances: one `ClassRepr` per classdef.
//!
//! - The instance struct `C` holds `typeptr` (the address of the class's
//!   vtable, `abi::instance_layout`), then the fields of every base from the
//!   root down, then the class's own attributes: a base's struct is a prefix
//!   of its subclasses', so upcasts and downcasts are `cast_pointer`.
//! - The vtable struct `vtable_C` holds the subclass range and the name
//!   (`abi::vtable_layout`), then one slot per method that some call site
//!   dispatches dynamically (a method with several implementations among
//!   the receiver's possible classes), again with the base's slots as a
//!   prefix. Each class has one prebuilt vtable.
//! - Classes are numbered in preorder of the classdef tree, so
//!   `isinstance(x, C)` is `C.min <= x.typeptr.min <= C.max`.
//! - Prebuilt instances become prebuilt objects; attributes a prebuilt
//!   instance does not have take the class's default (or zero).

use std::collections::{BTreeMap, BTreeSet, HashMap};

use annotator::{class_member, ClassMember, SomeValue};
use diag::{Diagnostic, Span};
use hostobj::{ObjId, Object, Value};
use lltype::{Field, LlConst, LlType, Prebuilt, PrebuiltData, PrebuiltId, TypeDefKind, TypeId};

use crate::Rtyper;

/// The low-level shape of one class.
#[derive(Clone, Debug)]
pub struct ClassRepr {
    pub inst: TypeId,
    pub vtable_type: TypeId,
    pub vtable: PrebuiltId,
    /// Every field of the instance struct, inherited ones first; field 0 is
    /// `typeptr`. Attributes whose representation is Void have no field.
    pub fields: Vec<(String, LlType)>,
    /// Method slots of the vtable, inherited ones first (slot `i` is vtable
    /// field `VTABLE_FIXED + i`).
    pub slots: Vec<String>,
    pub min: i64,
    pub max: i64,
    pub root: ObjId,
}

/// Fixed vtable fields before the method slots: min, max, name.
pub const VTABLE_FIXED: usize = 3;

impl ClassRepr {
    pub fn field(&self, name: &str) -> Option<(u32, LlType)> {
        self.fields.iter().position(|(n, _)| n == name).map(|i| (i as u32, self.fields[i].1))
    }
    pub fn slot(&self, name: &str) -> Option<u32> {
        self.slots.iter().position(|n| n == name).map(|i| (VTABLE_FIXED + i) as u32)
    }
}

/// Builds every class's types and vtable (before any graph is rtyped).
pub fn setup(rt: &mut Rtyper) -> Result<(), Diagnostic> {
    let ann = rt.ann;
    let heap = rt.heap;
    let order = ann.classdefs_preorder();
    if order.is_empty() {
        return Ok(());
    }
    let name_of = |c: ObjId| heap.class(c).map(|k| k.name.clone()).unwrap_or_default();

    // Which methods are dispatched through a vtable, and from which class.
    let mut dispatched: BTreeMap<String, BTreeSet<ObjId>> = BTreeMap::new();
    for ag in &ann.graphs {
        for s in &ag.bindings {
            if let SomeValue::Method { class, name } = s {
                if ann.method_impls(heap, *class, name).len() > 1 {
                    dispatched.entry(name.clone()).or_default().insert(*class);
                }
            }
        }
    }
    let mut own_slots: HashMap<ObjId, Vec<String>> = HashMap::new();
    for (name, classes) in &dispatched {
        for &c in classes {
            // The slot lives on the highest class that needs it.
            if !ann.ancestors(c)[1..].iter().any(|a| classes.contains(a)) {
                own_slots.entry(c).or_default().push(name.clone());
            }
        }
    }

    // Pass 1: type ids (fields come later: attributes may point to any class).
    for (i, &c) in order.iter().enumerate() {
        let mut max = i;
        while max + 1 < order.len() && ann.ancestors(order[max + 1]).contains(&c) {
            max += 1;
        }
        let empty = TypeDefKind::Struct { fields: Vec::new(), varsize: None };
        let vtable_type = rt.types.add(format!("vtable_{}", name_of(c)), empty.clone());
        let inst = rt.types.add(name_of(c), empty);
        let root = *ann.ancestors(c).last().expect("ancestors");
        let repr = ClassRepr {
            inst,
            vtable_type,
            vtable: PrebuiltId(0),
            fields: Vec::new(),
            slots: Vec::new(),
            min: i as i64,
            max: max as i64,
            root,
        };
        rt.classes.insert(c, repr);
    }

    // Pass 2: fields and slots, bases first (preorder).
    for &c in &order {
        let cd = &ann.classdefs[&c];
        let (mut fields, mut slots) = match cd.parent {
            Some(p) => (rt.classes[&p].fields.clone(), rt.classes[&p].slots.clone()),
            None => {
                let root_vt = rt.classes[&c].vtable_type;
                (vec![("typeptr".to_string(), LlType::Ptr(root_vt))], Vec::new())
            }
        };
        for (name, attr) in &cd.attrs {
            let ty = rt.lltype_of(&attr.s, heap.class(c).map_or(Span::default(), |k| k.span))?;
            if ty != LlType::Void {
                fields.push((name.clone(), ty));
            }
        }
        slots.extend(own_slots.get(&c).cloned().unwrap_or_default());
        let repr = rt.classes.get_mut(&c).expect("repr");
        repr.fields = fields.clone();
        repr.slots = slots.clone();
        let (inst, vt) = (repr.inst, repr.vtable_type);
        rt.types.get_mut(inst).kind = TypeDefKind::Struct {
            fields: fields.into_iter().map(|(name, ty)| Field { name, ty }).collect(),
            varsize: None,
        };
        let mut vt_fields = vec![
            Field { name: "subclassrange_min".into(), ty: LlType::Signed },
            Field { name: "subclassrange_max".into(), ty: LlType::Signed },
            Field { name: "name".into(), ty: LlType::Ptr(lltype::STR) },
        ];
        vt_fields.extend(slots.iter().map(|s| Field { name: s.clone(), ty: LlType::Signed }));
        rt.types.get_mut(vt).kind = TypeDefKind::Struct { fields: vt_fields, varsize: None };
        debug_assert_eq!(rt.types.layout(inst).field_offsets[0], abi::instance_layout::TYPEPTR);
        debug_assert_eq!(rt.types.layout(vt).field_offsets[2], abi::vtable_layout::NAME);
    }

    // Pass 3: the vtables.
    for &c in &order {
        let name = rt.prebuilt_str(name_of(c).as_bytes());
        let repr = rt.classes[&c].clone();
        let mut values = vec![LlConst::Int(repr.min), LlConst::Int(repr.max), LlConst::Prebuilt(name)];
        for slot in &repr.slots {
            let f = match heap.lookup_class_attr(c, slot) {
                Some((_, Value::Obj(f))) if heap.function(*f).is_some() => ann.graph_for(*f, ""),
                _ => None,
            };
            values.push(match f {
                Some(g) => LlConst::Func(lltype::FuncId(g.0)),
                None => LlConst::Int(0),
            });
        }
        let id = PrebuiltId(rt.prebuilt.len() as u32);
        rt.prebuilt.push(Prebuilt { ty: repr.vtable_type, data: PrebuiltData::Struct { fields: values, items: Vec::new() } });
        rt.classes.get_mut(&c).expect("repr").vtable = id;
    }
    Ok(())
}

impl Rtyper<'_> {
    /// The repr of a class the annotator has a classdef for.
    pub fn class_repr(&self, class: ObjId, span: Span) -> Result<&ClassRepr, Diagnostic> {
        self.classes.get(&class).ok_or_else(|| {
            Diagnostic::error(span, format!("internal error: no classdef for {}", self.heap.describe(&Value::Obj(class))))
        })
    }

    /// The prebuilt object of a prebuilt instance (built once; cycles are fine).
    pub fn prebuilt_instance(&mut self, inst: ObjId, span: Span) -> Result<PrebuiltId, Diagnostic> {
        if let Some(&id) = self.prebuilt_instances.get(&inst) {
            return Ok(id);
        }
        let Object::Instance(i) = self.heap.get(inst) else {
            return Err(Diagnostic::error(span, "internal error: not an instance"));
        };
        let (class, attrs) = (i.class, i.attrs.clone());
        let repr = self.class_repr(class, span)?.clone();
        let id = PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(Prebuilt { ty: repr.inst, data: PrebuiltData::Struct { fields: Vec::new(), items: Vec::new() } });
        self.prebuilt_instances.insert(inst, id);
        let mut values = vec![LlConst::Prebuilt(repr.vtable)];
        for (name, ty) in &repr.fields[1..] {
            let v = match attrs.get_str(name) {
                Some(v) => Some(v.clone()),
                None => match class_member(self.heap, class, name) {
                    ClassMember::Value(v) => Some(v),
                    _ => None,
                },
            };
            values.push(match v {
                Some(v) => self.const_to_ll(&v, *ty, span)?,
                None => zero(*ty),
            });
        }
        self.prebuilt[id.0 as usize].data = PrebuiltData::Struct { fields: values, items: Vec::new() };
        Ok(id)
    }
}

impl Rtyper<'_> {
    /// A built-in exception class by name (from the `exceptions` module).
    pub fn builtin_exception(&self, name: &str) -> Option<ObjId> {
        let m = self.heap.find_module("exceptions")?;
        match self.heap.module(m)?.globals.get_str(name) {
            Some(Value::Obj(c)) => Some(*c),
            _ => None,
        }
    }

    /// Whether `class` is BaseException (a handler for it catches everything).
    pub fn is_base_exception(&self, class: ObjId) -> bool {
        self.builtin_exception("BaseException") == Some(class)
    }

    /// A prebuilt instance of `class` with every field zero (what the runtime
    /// raises for built-in exceptions).
    fn blank_instance(&mut self, class: ObjId) -> Result<PrebuiltId, Diagnostic> {
        let repr = self.class_repr(class, Span::default())?.clone();
        let mut fields = vec![LlConst::Prebuilt(repr.vtable)];
        fields.extend(repr.fields[1..].iter().map(|(_, ty)| zero(*ty)));
        let id = PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(Prebuilt { ty: repr.inst, data: PrebuiltData::Struct { fields, items: Vec::new() } });
        Ok(id)
    }
}

/// The table the runtime finds built-in exception classes in
/// (`abi::generated::BUILTIN_EXCEPTIONS_TABLE`): vtable and prebuilt
/// instance per name, for the classes the program has.
pub fn builtin_exceptions_table(rt: &mut Rtyper) -> Result<(), Diagnostic> {
    let mut items = Vec::new();
    for name in abi::BUILTIN_EXCEPTIONS {
        match rt.builtin_exception(name).filter(|c| rt.classes.contains_key(c)) {
            Some(c) => {
                let inst = rt.blank_instance(c)?;
                items.push(LlConst::Prebuilt(rt.classes[&c].vtable));
                items.push(LlConst::Prebuilt(inst));
            }
            None => items.extend([LlConst::Null, LlConst::Null]),
        }
    }
    if items.iter().all(|c| *c == LlConst::Null) {
        // The backend emits an empty table.
        return Ok(());
    }
    let ty = rt.types.add("builtin_exceptions", TypeDefKind::Array { item: LlType::Signed });
    let id = PrebuiltId(rt.prebuilt.len() as u32);
    rt.prebuilt.push(Prebuilt { ty, data: PrebuiltData::Array(items) });
    rt.exported.push((abi::generated::BUILTIN_EXCEPTIONS_TABLE.to_string(), id));
    Ok(())
}

/// Exports the OSError instance layout when the program's OSError has
/// `errno` and `strerror` fields (`abi::generated::OSERROR_LAYOUT`).
pub fn oserror_layout(rt: &mut Rtyper) -> Result<(), Diagnostic> {
    let Some(c) = rt.builtin_exception("OSError").filter(|c| rt.classes.contains_key(c)) else { return Ok(()) };
    let repr = rt.classes[&c].clone();
    let Some((e, LlType::Signed)) = repr.field("errno") else { return Ok(()) };
    let layout = rt.types.layout(repr.inst);
    // strerror may have no field (never read): offset 0 then.
    let strerror = match repr.field("strerror") {
        Some((s, t)) if t == LlType::Ptr(lltype::STR) => layout.field_offsets[s as usize] as i64,
        _ => 0,
    };
    let items = vec![
        LlConst::Int(rt.types.get(repr.inst).tid as i64),
        LlConst::Int(layout.fixed_size as i64),
        LlConst::Int(layout.field_offsets[e as usize] as i64),
        LlConst::Int(strerror),
    ];
    let ty = rt.types.add("oserror_layout", TypeDefKind::Array { item: LlType::Signed });
    let id = PrebuiltId(rt.prebuilt.len() as u32);
    rt.prebuilt.push(Prebuilt { ty, data: PrebuiltData::Array(items) });
    rt.exported.push((abi::generated::OSERROR_LAYOUT.to_string(), id));
    Ok(())
}

/// The zero value of a type (what a fresh `malloc` holds).
pub fn zero(ty: LlType) -> LlConst {
    match ty {
        LlType::Ptr(_) => LlConst::Null,
        LlType::Float => LlConst::Float(0.0),
        LlType::Void => LlConst::Void,
        _ => LlConst::Int(0),
    }
}

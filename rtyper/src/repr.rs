//! Representations: the low-level type of each annotation, and constants.

use annotator::{SomeValue, Desc};
use diag::{Diagnostic, Span};
use hostobj::{Object, Value};
use lltype::{LlConst, LlType};

use crate::Rtyper;

impl Rtyper<'_> {
    /// The low-level type values of this annotation are represented by.
    pub fn lltype_of(&mut self, s: &SomeValue, span: Span) -> Result<LlType, Diagnostic> {
        let unsupported = |what: &str| Err(Diagnostic::error(span, format!("{} is not supported yet", what)));
        Ok(match s {
            SomeValue::Impossible | SomeValue::None | SomeValue::Environ => LlType::Void,
            SomeValue::Integer { unsigned: false, .. } => LlType::Signed,
            SomeValue::Integer { unsigned: true, .. } => LlType::Unsigned,
            SomeValue::Bool => LlType::Bool,
            SomeValue::Float | SomeValue::SingleFloat => LlType::Float,
            SomeValue::String { .. } => LlType::Ptr(lltype::STR),
            SomeValue::Char => LlType::Char,
            SomeValue::Pbc(p) => match p.single() {
                Some(_) => LlType::Void,
                // Several functions: the address of the one held.
                None if p.descs.iter().all(|d| matches!(d, Desc::Function(_))) => LlType::Signed,
                // Several classes: the vtable of the one held (typed as their base's).
                None if !p.can_be_none && p.descs.iter().all(|d| matches!(d, Desc::Class(c) if self.classes.contains_key(c))) => {
                    let base = self.class_pbc_base(p).ok_or_else(|| Diagnostic::error(span, "classes without a common base"))?;
                    LlType::Ptr(self.class_repr(base, span)?.vtable_type)
                }
                None => {
                    let what = self.ann.describe(self.heap, s);
                    return unsupported(&format!("a variable that may be {}", what));
                }
            },
            SomeValue::List { listdef, .. } => self.list_repr(*listdef, span)?.ty(),
            SomeValue::Instance { class, .. } | SomeValue::Method { class, .. } => {
                LlType::Ptr(self.class_repr(*class, span)?.inst)
            }
            SomeValue::ClassRef { class, .. } => LlType::Ptr(self.class_repr(*class, span)?.vtable_type),
            SomeValue::Range { .. } => LlType::Ptr(self.range_type()),
            SomeValue::ByteArray => LlType::Ptr(self.list_type(LlType::Char).0),
            SomeValue::StatResult => LlType::Ptr(self.stat_type()),
            SomeValue::Generator { graph, .. } => LlType::Ptr(self.generator_frame(annotator::GraphId(*graph), span)?.frame),
            SomeValue::Dict { .. } => LlType::Ptr(self.dict_type()),
            SomeValue::BuiltinMethod { receiver, .. } => self.lltype_of(receiver, span)?,
            SomeValue::Iterator { container, reversed, .. } => LlType::Ptr(self.iter_type(container, *reversed, span)?),
            SomeValue::Unicode { .. } => LlType::Ptr(self.unicode_type()),
            SomeValue::Tuple(items) => {
                let types = self.tuple_item_types(items, span)?;
                // A tuple of constants (classes for isinstance) is a constant.
                if types.iter().all(|t| *t == LlType::Void) {
                    LlType::Void
                } else {
                    LlType::Ptr(self.tuple_type(&types))
                }
            }
        })
    }

    /// The constant `c` in the representation `ty`.
    pub fn const_to_ll(&mut self, c: &Value, ty: LlType, span: Span) -> Result<LlConst, Diagnostic> {
        let bad = || {
            Err(Diagnostic::error(
                span,
                format!("internal error: constant {} as {:?}", self.heap.describe(c), ty),
            ))
        };
        Ok(match (c, ty) {
            (_, LlType::Void) => LlConst::Void,
            (Value::Int(i), LlType::Signed | LlType::Unsigned) => LlConst::Int(*i),
            (Value::Int(i), LlType::Bool) => LlConst::Int((*i != 0) as i64),
            (Value::Int(i), LlType::Float) => LlConst::Float(*i as f64),
            (Value::Bool(b), LlType::Signed | LlType::Unsigned | LlType::Bool) => LlConst::Int(*b as i64),
            (Value::Float(x), LlType::Float) => LlConst::Float(*x),
            (Value::Str(s), LlType::Ptr(t)) if t == lltype::STR => LlConst::Prebuilt(self.prebuilt_str(s)),
            (Value::Str(s), LlType::Char) if s.len() == 1 => LlConst::Int(s[0] as i64),
            (Value::Unicode(u), LlType::Ptr(_)) => LlConst::Prebuilt(self.prebuilt_unicode(u)),
            (Value::None, LlType::Ptr(_)) => LlConst::Null,
            (Value::Obj(o), LlType::Signed | LlType::Unsigned) if annotator::intrinsics::sized_int_value(self.heap, *o).is_some() => {
                LlConst::Int(annotator::intrinsics::sized_int_value(self.heap, *o).expect("sized int").0)
            }
            (Value::Long(i), LlType::Signed | LlType::Unsigned) if *i >= -(1i128 << 63) && *i < (1i128 << 64) => {
                LlConst::Int(*i as u64 as i64)
            }
            // A function among several in a variable: its address (None is 0).
            (Value::None, LlType::Signed) => LlConst::Int(0),
            (Value::Obj(o), LlType::Signed) if matches!(self.heap.get(*o), Object::Function(_)) => {
                match self.ann.graph_for(*o, "") {
                    Some(g) => LlConst::Func(lltype::FuncId(g.0)),
                    // Never called anywhere: only its identity matters.
                    None => LlConst::Int(-1 - o.0 as i64),
                }
            }
            (Value::Obj(o), LlType::Ptr(_)) if matches!(self.heap.get(*o), Object::Instance(_)) => {
                LlConst::Prebuilt(self.prebuilt_instance(*o, span)?)
            }
            (Value::Obj(o), LlType::Ptr(_)) if matches!(self.heap.get(*o), Object::Dict(_)) => {
                LlConst::Prebuilt(self.prebuilt_dict(*o, span)?)
            }
            (Value::Obj(o), LlType::Ptr(t)) if matches!(self.heap.get(*o), Object::List(_)) => {
                LlConst::Prebuilt(self.prebuilt_list(*o, t, span)?)
            }
            (Value::Obj(o), LlType::Ptr(t)) if matches!(self.heap.get(*o), Object::Tuple(_)) => {
                LlConst::Prebuilt(self.prebuilt_tuple(*o, t, span)?)
            }
            (Value::Obj(o), LlType::Ptr(_)) if self.classes.contains_key(o) => {
                LlConst::Prebuilt(self.classes[o].vtable)
            }
            _ => return bad(),
        })
    }

    /// A prebuilt list: its list struct and items array, built once.
    pub fn prebuilt_list(&mut self, list: hostobj::ObjId, t: lltype::TypeId, span: Span) -> Result<lltype::PrebuiltId, Diagnostic> {
        if let Some(&id) = self.prebuilt_lists.get(&list) {
            return Ok(id);
        }
        let Object::List(values) = self.heap.get(list) else {
            return Err(Diagnostic::error(span, "internal error: not a list"));
        };
        let values = values.clone();
        let info = self.list_info_of_type(LlType::Ptr(t)).ok_or_else(|| Diagnostic::error(span, "internal error: not a list type"))?;
        // Registered before its items are converted: they may refer back to it.
        let id = lltype::PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(lltype::Prebuilt { ty: t, data: lltype::PrebuiltData::Array(Vec::new()) });
        self.prebuilt_lists.insert(list, id);
        let mut items = Vec::new();
        for v in &values {
            items.push(self.const_to_ll(v, info.item, span)?);
        }
        if info.fixed {
            self.prebuilt[id.0 as usize].data = lltype::PrebuiltData::Array(items);
            return Ok(id);
        }
        let array = lltype::PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(lltype::Prebuilt { ty: info.array, data: lltype::PrebuiltData::Array(items) });
        self.prebuilt[id.0 as usize].data = lltype::PrebuiltData::Struct {
            fields: vec![LlConst::Int(values.len() as i64), LlConst::Prebuilt(array)],
            items: Vec::new(),
        };
        Ok(id)
    }

    /// The host value of a constant annotation (a module's attribute...),
    /// when the annotation is a single prebuilt object.
    pub fn single_desc(&self, s: &SomeValue) -> Option<Desc> {
        match s {
            SomeValue::Pbc(p) => p.single(),
            _ => None,
        }
    }

    /// The nearest class all classes of `p` derive from.
    pub fn class_pbc_base(&self, p: &annotator::SomePbc) -> Option<hostobj::ObjId> {
        let mut base: Option<hostobj::ObjId> = None;
        for d in &p.descs {
            let c = d.obj();
            base = Some(match base {
                None => c,
                Some(b) => {
                    let up = self.ann.ancestors(c);
                    self.ann.ancestors(b).into_iter().find(|x| up.contains(x))?
                }
            });
        }
        base
    }

    /// The dotted name of a builtin desc (`len`, `os.write`).
    pub fn builtin_name(&self, d: Desc) -> Option<String> {
        match (d, self.heap.get(d.obj())) {
            (Desc::Builtin(_), Object::Builtin(name)) => Some(name.clone()),
            _ => None,
        }
    }
}

//! Dicts: one `DICT` type (`abi::dict_layout`, type id `abi::TID_DICT`)
//! whose keys and values are words, managed by the runtime's dict helpers
//! (`abi::runtime::DICT_*`). Keys and values are widened to a word when
//! stored (bools and chars) and read back in their own representation; str
//! keys compare by contents (`kind` 1), the others as words.

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::FlowOperand;
use lltype::{Field, LlConst, LlOp, LlOperand, LlType, TypeDefKind, TypeId};

use crate::graph::GraphRtyper;
use crate::Rtyper;

type Produced = Option<(LlOperand, LlType)>;

fn int(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}

impl Rtyper<'_> {
    /// The DICT struct type.
    pub fn dict_type(&mut self) -> TypeId {
        if let Some(t) = self.dict_type {
            return t;
        }
        let words = |n: &str| Field { name: n.into(), ty: LlType::Signed };
        // The entries arrays of all dicts share this one lltype (the runtime
        // allocates them with the dict's own `entries_tid`).
        let entry = vec![words("key"), words("value"), words("live")];
        let entries = self.types.add_with_tid("DICT_ENTRIES", abi::TID_DICT_ENTRIES, TypeDefKind::StructArray { fields: entry });
        let index = self.word_array_type();
        let fields = vec![
            words("length"),
            words("used"),
            Field { name: "entries".into(), ty: LlType::Ptr(entries) },
            Field { name: "index".into(), ty: LlType::Ptr(index) },
            words("entries_tid"),
        ];
        let t = self.types.add_with_tid("DICT", abi::TID_DICT, TypeDefKind::Struct { fields, varsize: None });
        debug_assert_eq!(self.types.layout(t).fixed_size, abi::dict_layout::SIZE);
        self.dict_type = Some(t);
        t
    }

    /// The array of words (a dict's index).
    fn word_array_type(&mut self) -> TypeId {
        match self.word_array_type {
            Some(t) => t,
            None => {
                let t = self.types.add_with_tid("WORDS", abi::TID_WORD_ARRAY, TypeDefKind::Array { item: LlType::Signed });
                self.word_array_type = Some(t);
                t
            }
        }
    }

    /// The type of a dict's entries arrays, by whether keys and values are GC pointers.
    pub fn dict_entries_type(&mut self, key: LlType, value: LlType) -> TypeId {
        let tid = abi::dict_entries_tid(key.is_gc_ptr(), value.is_gc_ptr());
        if let Some((t, _)) = self.types.iter().find(|(_, d)| d.tid == tid && matches!(d.kind, TypeDefKind::StructArray { .. })) {
            return t;
        }
        let words = |n: &str| Field { name: n.into(), ty: LlType::Signed };
        let ptr_or_word = |n: &str, ty: LlType| Field { name: n.into(), ty: if ty.is_gc_ptr() { ty } else { LlType::Signed } };
        let fields = vec![ptr_or_word("key", key), ptr_or_word("value", value), words("live")];
        self.types.add_with_tid(format!("DICT_ENTRIES_{}", tid), tid, TypeDefKind::StructArray { fields })
    }
}

impl Rtyper<'_> {
    /// The struct of a dict's key functions (`abi::key_funcs_layout`).
    pub fn key_funcs_type(&mut self) -> TypeId {
        if let Some(t) = self.types.iter().find(|(_, d)| d.name == "KEYFUNCS").map(|(t, _)| t) {
            return t;
        }
        let words = |n: &str| Field { name: n.into(), ty: LlType::Signed };
        let t = self.types.add("KEYFUNCS", TypeDefKind::Struct { fields: vec![words("eq"), words("hash")], varsize: None });
        debug_assert_eq!(self.types.layout(t).field_offsets, vec![abi::key_funcs_layout::EQ, abi::key_funcs_layout::HASH]);
        t
    }

    /// A prebuilt dict: its entries as a prebuilt word array (the runtime
    /// builds the index on the first lookup).
    pub fn prebuilt_dict(&mut self, dict: hostobj::ObjId, span: diag::Span) -> Result<lltype::PrebuiltId, Diagnostic> {
        if let Some(&id) = self.prebuilt_lists.get(&dict) {
            return Ok(id);
        }
        let hostobj::Object::Dict(entries) = self.heap.get(dict) else {
            return Err(Diagnostic::error(span, "internal error: not a dict"));
        };
        let entries: Vec<(hostobj::Value, hostobj::Value)> = entries.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let s = self.ann.constant_annotation(self.heap, &hostobj::Value::Obj(dict)).map_err(|m| Diagnostic::error(span, m))?;
        let SomeValue::Dict { keys, values, .. } = s else { return Err(Diagnostic::error(span, "internal error: dict annotation")) };
        let mut ty = |l: annotator::ListDefId| -> Result<LlType, Diagnostic> {
            match self.ann.listdef(l).item.clone() {
                SomeValue::Impossible => Ok(LlType::Signed),
                s => self.lltype_of(&s, span),
            }
        };
        let (kt, vt) = (ty(keys)?, ty(values)?);
        let dt = self.dict_type();
        let id = lltype::PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(lltype::Prebuilt { ty: dt, data: lltype::PrebuiltData::Struct { fields: Vec::new(), items: Vec::new() } });
        self.prebuilt_lists.insert(dict, id);
        let mut words = Vec::new();
        for (k, v) in &entries {
            words.push(self.const_to_ll(k, kt, span)?);
            words.push(self.const_to_ll(v, vt, span)?);
            words.push(LlConst::Int(1));
        }
        let et = self.dict_entries_type(kt, vt);
        let arr = lltype::PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(lltype::Prebuilt { ty: et, data: lltype::PrebuiltData::Array(words) });
        let n = LlConst::Int(entries.len() as i64);
        let tid = LlConst::Int(self.types.get(et).tid as i64);
        self.prebuilt[id.0 as usize].data = lltype::PrebuiltData::Struct {
            fields: vec![n.clone(), n, LlConst::Prebuilt(arr), LlConst::Null, tid],
            items: Vec::new(),
        };
        Ok(id)
    }
}

impl GraphRtyper<'_, '_> {
    /// Key and value types of a dict annotation, and the key kind (0 words,
    /// 1 strs, or the key functions of tuple keys).
    fn dict_info(&mut self, s: &SomeValue) -> Result<(LlType, LlType, LlOperand), Diagnostic> {
        let SomeValue::Dict { keys, values, .. } = s else { return Err(self.internal("not a dict")) };
        let mut ty = |l: annotator::ListDefId| -> Result<LlType, Diagnostic> {
            match self.rt.ann.listdef(l).item.clone() {
                SomeValue::Impossible => Ok(LlType::Signed),
                s => self.rt.lltype_of(&s, self.span),
            }
        };
        let (k, v) = (ty(*keys)?, ty(*values)?);
        let key_s = self.rt.ann.listdef(*keys).item.clone();
        if k == LlType::Float || v == LlType::Float {
            return Err(Diagnostic::error(
                self.span,
                format!("{} is not supported yet", self.rt.ann.describe(self.rt.heap, s)),
            ));
        }
        if let Some((eq, hash)) = self.rt.ann.listdef(*keys).key_funcs {
            let funcs = self.r_dict_key_funcs(eq, hash)?;
            return Ok((k, v, Operand::Const(LlConst::Prebuilt(funcs))));
        }
        if let (SomeValue::Tuple(_), LlType::Ptr(t)) = (&key_s, k) {
            let funcs = self.tuple_key_funcs(t)?;
            return Ok((k, v, Operand::Const(LlConst::Prebuilt(funcs))));
        }
        // Str keys compare by contents, other pointers (instances) by
        // identity, chars (bytes) and the rest as words.
        let kind = if k == LlType::Ptr(lltype::STR) {
            1
        } else if k.is_gc_ptr() {
            2
        } else {
            0
        };
        Ok((k, v, int(kind)))
    }

    /// A new empty dict of annotation `s`.
    pub fn new_dict(&mut self, s: &SomeValue) -> Result<LlOperand, Diagnostic> {
        let (k, v, _) = self.dict_info(s)?;
        let et = self.rt.dict_entries_type(k, v);
        let tid = int(self.rt.types.get(et).tid as i64);
        let t = LlType::Ptr(self.rt.dict_type());
        Ok(self.call_extern(rt_sym::DICT_NEW, vec![tid], t))
    }

    /// The key functions of tuple keys of type `t` (a prebuilt
    /// `abi::key_funcs_layout` struct): item-wise equality and a hash
    /// combining the items' hashes.
    fn tuple_key_funcs(&mut self, t: TypeId) -> Result<lltype::PrebuiltId, Diagnostic> {
        let items = self.rt.tuple_items(t).ok_or_else(|| self.internal("tuple keys of a non-tuple"))?;
        for item in &items {
            if !matches!(item, LlType::Signed | LlType::Bool | LlType::Char | LlType::Void) && *item != LlType::Ptr(lltype::STR) {
                return Err(Diagnostic::error(self.span, "dict keys that are tuples of other than ints, chars and strs are not supported yet"));
            }
        }
        let name = self.rt.types.get(t).name.clone();
        let ty = LlType::Ptr(t);
        let eq = self.rt.helper(&format!("ll_key_eq__{}", name), |rt, fname| {
            let (mut h, args) = crate::helpers::Helper::new(fname, &[("a", ty), ("b", ty)], LlType::Bool);
            let start = h.g.startblock;
            let r = crate::lists::item_eq(rt, &mut h, start, ty, Operand::Var(args[0]), Operand::Var(args[1]));
            h.ret(start, Operand::Var(r));
            h.g
        });
        let hash = self.rt.helper(&format!("ll_key_hash__{}", name), |_rt, fname| {
            let (mut h, args) = crate::helpers::Helper::new(fname, &[("a", ty)], LlType::Signed);
            let start = h.g.startblock;
            let mut acc = int(0x345678);
            let mut field = 0u32;
            for item in items.iter().filter(|t| **t != LlType::Void) {
                let x = h.op(start, LlOp::GetField, vec![Operand::Var(args[0]), Operand::Const(LlConst::Field(field))], *item);
                field += 1;
                let x = match *item {
                    LlType::Bool => h.op(start, LlOp::CastBoolToInt, vec![Operand::Var(x)], LlType::Signed),
                    LlType::Char => h.op(start, LlOp::CastCharToInt, vec![Operand::Var(x)], LlType::Signed),
                    LlType::Signed => x,
                    _ => {
                        let f = Operand::Const(LlConst::Extern(rt_sym::STR_HASH.to_string()));
                        h.op(start, LlOp::DirectCall, vec![f, Operand::Var(x)], LlType::Signed)
                    }
                };
                let m = h.op(start, LlOp::IntMul, vec![acc, int(1000003)], LlType::Signed);
                acc = Operand::Var(h.op(start, LlOp::IntXor, vec![Operand::Var(m), Operand::Var(x)], LlType::Signed));
            }
            h.ret(start, acc);
            h.g
        });
        let funcs_t = self.rt.key_funcs_type();
        let id = lltype::PrebuiltId(self.rt.prebuilt.len() as u32);
        self.rt.prebuilt.push(lltype::Prebuilt {
            ty: funcs_t,
            data: lltype::PrebuiltData::Struct { fields: vec![LlConst::Func(eq), LlConst::Func(hash)], items: Vec::new() },
        });
        Ok(id)
    }

    /// The key functions of an r_dict: its key_eq and key_hash graphs.
    fn r_dict_key_funcs(&mut self, eq: hostobj::ObjId, hash: hostobj::ObjId) -> Result<lltype::PrebuiltId, Diagnostic> {
        let graph = |me: &Self, f| me.rt.ann.graph_for(f, "").ok_or_else(|| me.internal("r_dict key function never annotated"));
        let (ge, gh) = (graph(self, eq)?, graph(self, hash)?);
        let funcs_t = self.rt.key_funcs_type();
        let id = lltype::PrebuiltId(self.rt.prebuilt.len() as u32);
        self.rt.prebuilt.push(lltype::Prebuilt {
            ty: funcs_t,
            data: lltype::PrebuiltData::Struct {
                fields: vec![LlConst::Func(lltype::FuncId(ge.0)), LlConst::Func(lltype::FuncId(gh.0))],
                items: Vec::new(),
            },
        });
        Ok(id)
    }

    /// A value as a word for the runtime.
    fn word(&mut self, o: &FlowOperand, ty: LlType) -> Result<LlOperand, Diagnostic> {
        let x = self.operand(o, ty)?;
        Ok(match ty {
            LlType::Bool => self.emit(LlOp::CastBoolToInt, vec![x], LlType::Signed),
            LlType::Char => self.emit(LlOp::CastCharToInt, vec![x], LlType::Signed),
            _ => x,
        })
    }

    fn dict_operand(&mut self, o: &FlowOperand) -> Result<LlOperand, Diagnostic> {
        let t = LlType::Ptr(self.rt.dict_type());
        self.operand(o, t)
    }

    /// `{k: v, ...}`
    pub fn newdict(&mut self, op: &flowspace::FlowOp) -> Result<Produced, Diagnostic> {
        let s = self.ag.binding(op.result).clone();
        let (k, v, kind) = self.dict_info(&s)?;
        let t = LlType::Ptr(self.rt.dict_type());
        let d = self.new_dict(&s)?;
        for pair in op.args.chunks(2) {
            let kw = self.word(&pair[0], k)?;
            let vw = self.word(&pair[1], v)?;
            self.call_extern(rt_sym::DICT_SETITEM, vec![d.clone(), kw, vw, kind.clone()], LlType::Void);
        }
        Ok(Some((d, t)))
    }

    /// `d[k]`, `d[k] = v`, `del d[k]`, `k in d`.
    pub fn dict_item_op(&mut self, op: flowspace::HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let (k, v, kind) = self.dict_info(&s[0])?;
        let d = self.dict_operand(&a[0])?;
        let kw = self.word(&a[1], k)?;
        Ok(match op {
            flowspace::HlOp::GetItem => Some((self.call_extern(rt_sym::DICT_GETITEM, vec![d, kw, kind.clone()], v), v)),
            flowspace::HlOp::SetItem => {
                let vw = self.word(&a[2], v)?;
                self.call_extern(rt_sym::DICT_SETITEM, vec![d, kw, vw, kind.clone()], LlType::Void);
                None
            }
            flowspace::HlOp::DelItem => {
                self.call_extern(rt_sym::DICT_DELITEM, vec![d, kw, kind.clone()], LlType::Void);
                None
            }
            _ => {
                let e = self.call_extern(rt_sym::DICT_LOOKUP, vec![d, kw, kind.clone()], LlType::Signed);
                Some((self.emit(LlOp::IntGe, vec![e, int(0)], LlType::Bool), LlType::Bool))
            }
        })
    }

    /// A new list of the keys (or values) of the dict `d`, typed `want`.
    pub fn dict_list(&mut self, d: LlOperand, keys: bool, want: &SomeValue) -> Result<(LlOperand, LlType), Diagnostic> {
        let info = self.list_info(want)?;
        let ltid = info.ltid(self.rt);
        let atid = info.atid(self.rt);
        let args = vec![d, int(if keys { 0 } else { 1 }), ltid, atid, int(info.item.size() as i64)];
        Ok((self.call_extern(rt_sym::DICT_LIST, args, info.ty()), info.ty()))
    }

    pub fn dict_len(&mut self, a: &FlowOperand) -> Result<LlOperand, Diagnostic> {
        let d = self.dict_operand(a)?;
        Ok(self.emit(LlOp::GetField, vec![d, Operand::Const(LlConst::Field(0))], LlType::Signed))
    }

    /// `d.name(args)`.
    pub fn dict_method(&mut self, op: &flowspace::FlowOp, receiver: &FlowOperand, s: &SomeValue, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let SomeValue::BuiltinMethod { receiver: s_dict, .. } = s else { return Err(self.internal("not a dict method")) };
        let (k, v, kind) = self.dict_info(s_dict)?;
        let d = self.dict_operand(receiver)?;
        let dty = LlType::Ptr(self.rt.dict_type());
        match name {
            "get" | "setdefault" | "pop" => {
                let kw = self.word(&a[0], k)?;
                let (default, has) = match a.get(1) {
                    Some(x) => (self.word(x, v)?, 1),
                    None => (int(0), 0),
                };
                let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
                // `get` without a default may give None: a null pointer.
                let ty = if name == "get" && has == 0 { want } else { v };
                if name == "get" && has == 0 && !matches!(ty, LlType::Ptr(_)) {
                    return Err(Diagnostic::error(self.span, "dict.get() without a default on non-pointer values is not supported yet"));
                }
                let r = match name {
                    "get" => self.call_extern(rt_sym::DICT_GET, vec![d, kw, default, kind.clone()], ty),
                    "setdefault" => self.call_extern(rt_sym::DICT_SETDEFAULT, vec![d, kw, default, kind.clone()], ty),
                    _ => self.call_extern(rt_sym::DICT_POP, vec![d, kw, default, int(has), kind.clone()], ty),
                };
                Ok(Some((r, ty)))
            }
            "keys" | "values" | "iterkeys" | "itervalues" => {
                let want = self.ag.binding(op.result).clone();
                Ok(Some(self.dict_list(d, name.ends_with("keys"), &want)?))
            }
            "items" | "iteritems" => {
                let want = self.ag.binding(op.result).clone();
                let info = self.list_info(&want)?;
                let LlType::Ptr(tuple) = info.item else { return Err(self.internal("items of a non-tuple list")) };
                let layout = self.rt.types.layout(tuple);
                let items = self.rt.tuple_items(tuple).ok_or_else(|| self.internal("not a tuple type"))?;
                let mut offs = Vec::new();
                let mut f = 0;
                for t in &items {
                    if *t == LlType::Void {
                        offs.push((0, 0));
                    } else {
                        offs.push((layout.field_offsets[f] as i64, t.size() as i64));
                        f += 1;
                    }
                }
                let args = vec![
                    d,
                    info.ltid(self.rt),
                    info.atid(self.rt),
                    int(self.rt.types.get(tuple).tid as i64),
                    int(layout.fixed_size as i64),
                    int(offs[0].0),
                    int(offs[0].1),
                    int(offs[1].0),
                    int(offs[1].1),
                ];
                Ok(Some((self.call_extern(rt_sym::DICT_ITEMS, args, info.ty()), info.ty())))
            }
            "clear" => {
                self.call_extern(rt_sym::DICT_CLEAR, vec![d], LlType::Void);
                Ok(None)
            }
            "copy" => Ok(Some((self.call_extern(rt_sym::DICT_COPY, vec![d, kind.clone()], dty), dty))),
            "update" => {
                let other = self.dict_operand(&a[0])?;
                self.call_extern(rt_sym::DICT_UPDATE, vec![d, other, kind.clone()], LlType::Void);
                Ok(None)
            }
            "popitem" => {
                // The last entry, as RPython's ordered dicts do.
                let e = self.call_extern(rt_sym::DICT_LAST, vec![d.clone()], LlType::Signed);
                // Words are stored widened, so they read back as their own type.
                let kx = self.call_extern(rt_sym::DICT_KEY_AT, vec![d.clone(), e.clone()], k);
                let vx = self.call_extern(rt_sym::DICT_VALUE_AT, vec![d.clone(), e.clone()], v);
                let kw = self.call_extern(rt_sym::DICT_KEY_AT, vec![d.clone(), e.clone()], LlType::Signed);
                self.call_extern(rt_sym::DICT_DELITEM, vec![d, kw, kind], LlType::Void);
                Ok(Some(self.make_tuple(&[(kx, k), (vx, v)])))
            }
            _ => Err(Diagnostic::error(self.span, format!("dict.{}() is not supported yet", name))),
        }
    }
}

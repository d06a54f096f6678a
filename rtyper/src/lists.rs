//! List operations beyond indexing: methods, item and slice assignment,
//! `del`, `+`, `*`, `==`, `in`; and str indexing and slicing.
//!
//! Operations that move or allocate items call the runtime's list helpers
//! (`abi::runtime::LIST_*`), passing the list's and array's type ids and the
//! item size so that one set of helpers serves every item type. Operations
//! that compare items (`in`, `index`, `remove`, `count`, `==`) call small
//! loop helpers built here per list type.

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::{FlowOp, FlowOperand};
use hostobj::Value;
use lltype::{FuncId, LlConst, LlOp, LlOperand, LlType, TypeId};

use crate::graph::GraphRtyper;
use crate::helpers::{self, Helper};
use crate::Rtyper;

type Produced = Option<(LlOperand, LlType)>;

const STR: LlType = LlType::Ptr(lltype::STR);

fn int(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}

fn field(i: u32) -> LlOperand {
    Operand::Const(LlConst::Field(i))
}

fn var(v: flowmodel::VarId) -> LlOperand {
    Operand::Var(v)
}

/// The low-level facts of one list type. A resizable list is a `list`
/// struct `{length, items: *array}`; a fixed-size list (one the program
/// never resizes) is the `array` alone, and then `list == array`.
#[derive(Clone, Copy)]
pub struct ListInfo {
    pub list: TypeId,
    pub array: TypeId,
    pub item: LlType,
    pub fixed: bool,
}

impl ListInfo {
    pub fn ty(&self) -> LlType {
        LlType::Ptr(self.list)
    }
    /// The list type id the runtime's list builders take: 0 for fixed-size.
    pub(crate) fn ltid(&self, rt: &Rtyper) -> LlOperand {
        int(if self.fixed { 0 } else { rt.types.get(self.list).tid as i64 })
    }
    pub(crate) fn atid(&self, rt: &Rtyper) -> LlOperand {
        int(rt.types.get(self.array).tid as i64)
    }
    pub(crate) fn isz(&self) -> LlOperand {
        int(self.item.size() as i64)
    }
    /// Emits the length of list `l` into block `b` of a helper.
    pub(crate) fn h_len(&self, h: &mut Helper, b: flowmodel::BlockId, l: LlOperand) -> flowmodel::VarId {
        if self.fixed {
            h.op(b, LlOp::GetArraySize, vec![l], LlType::Signed)
        } else {
            h.op(b, LlOp::GetField, vec![l, field(0)], LlType::Signed)
        }
    }
    /// Emits the items array of list `l` into block `b` of a helper.
    pub(crate) fn h_items(&self, h: &mut Helper, b: flowmodel::BlockId, l: LlOperand) -> LlOperand {
        if self.fixed {
            l
        } else {
            var(h.op(b, LlOp::GetField, vec![l, field(1)], LlType::Ptr(self.array)))
        }
    }
}

/// Emits `x == y` for two items of type `ty` into block `b` of a helper
/// (lists compare by their items, other objects by identity).
pub(crate) fn item_eq(rt: &mut Rtyper, h: &mut Helper, b: flowmodel::BlockId, ty: LlType, x: LlOperand, y: LlOperand) -> flowmodel::VarId {
    if let Some(info) = rt.list_info_of_type(ty) {
        let f = list_eq(rt, info, info);
        return h.op(b, LlOp::DirectCall, vec![Operand::Const(LlConst::Func(f)), x, y], LlType::Bool);
    }
    if let Some(items) = ty_tuple(rt, ty) {
        // Tuples compare item by item.
        let mut all: Option<flowmodel::VarId> = None;
        let mut k = 0u32;
        for t in items.into_iter().filter(|t| *t != LlType::Void) {
            let xi = h.op(b, LlOp::GetField, vec![x.clone(), field(k)], t);
            let yi = h.op(b, LlOp::GetField, vec![y.clone(), field(k)], t);
            let e = item_eq(rt, h, b, t, var(xi), var(yi));
            let e = h.op(b, LlOp::CastBoolToInt, vec![var(e)], LlType::Signed);
            all = Some(match all {
                None => e,
                Some(prev) => h.op(b, LlOp::IntAnd, vec![var(prev), var(e)], LlType::Signed),
            });
            k += 1;
        }
        return match all {
            Some(v) => h.op(b, LlOp::IntIsTrue, vec![var(v)], LlType::Bool),
            None => h.op(b, LlOp::SameAs, vec![int(1)], LlType::Bool),
        };
    }
    match ty {
        STR => {
            let callee = Operand::Const(LlConst::Extern(rt_sym::STR_EQ.to_string()));
            let r = h.op(b, LlOp::DirectCall, vec![callee, x, y], LlType::Signed);
            h.op(b, LlOp::IntNe, vec![var(r), int(0)], LlType::Bool)
        }
        LlType::Ptr(_) => h.op(b, LlOp::PtrEq, vec![x, y], LlType::Bool),
        LlType::Float => h.op(b, LlOp::FloatEq, vec![x, y], LlType::Bool),
        _ => h.op(b, LlOp::IntEq, vec![x, y], LlType::Bool),
    }
}

/// The item types of a tuple struct type.
fn ty_tuple(rt: &Rtyper, ty: LlType) -> Option<Vec<LlType>> {
    match ty {
        LlType::Ptr(t) => rt.tuple_items(t),
        _ => None,
    }
}

/// `ll_list_find__LIST(l, x, count)`: with count 0, the index of the first
/// item equal to `x` or -1; with count 1, how many items equal `x`.
fn list_find(rt: &mut Rtyper, info: ListInfo) -> FuncId {
    let name = rt.types.get(info.list).name.clone();
    rt.helper(&format!("ll_list_find__{}", name), |rt, name| {
        let (lp, it, s) = (info.ty(), info.item, LlType::Signed);
        let (mut h, args) = Helper::new(name, &[("l", lp), ("x", it), ("count", LlType::Bool)], s);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let state = [("l", lp), ("x", it), ("count", LlType::Bool), ("i", s), ("found", s)];
        let (head, hv) = h.block(&state);
        let (body, bv) = h.block(&state);
        let (hit, tv) = h.block(&state);
        let (next, nv) = h.block(&state);
        let (done, dv) = h.block(&[("count", LlType::Bool), ("found", s)]);
        let pass = |v: &[flowmodel::VarId]| v.iter().map(|&x| var(x)).collect::<Vec<_>>();
        h.goto(start, head, vec![var(args[0]), var(args[1]), var(args[2]), int(0), int(0)]);
        let n = info.h_len(&mut h, head, var(hv[0]));
        let more = h.op(head, LlOp::IntLt, vec![var(hv[3]), var(n)], LlType::Bool);
        h.branch(head, more, (done, vec![var(hv[2]), var(hv[4])]), (body, pass(&hv)));
        let items = info.h_items(&mut h, body, var(bv[0]));
        let y = h.op(body, LlOp::GetArrayItem, vec![items, var(bv[3])], it);
        let eq = item_eq(rt, &mut h, body, it, var(y), var(bv[1]));
        h.branch(body, eq, (next, pass(&bv)), (hit, pass(&bv)));
        // A hit: return the index, or count it and go on.
        let (count_hit, cv) = h.block(&state);
        h.branch(hit, tv[2], (ret, vec![var(tv[3])]), (count_hit, pass(&tv)));
        let found = h.op(count_hit, LlOp::IntAdd, vec![var(cv[4]), int(1)], s);
        h.goto(count_hit, next, vec![var(cv[0]), var(cv[1]), var(cv[2]), var(cv[3]), var(found)]);
        let i = h.op(next, LlOp::IntAdd, vec![var(nv[3]), int(1)], s);
        h.goto(next, head, vec![var(nv[0]), var(nv[1]), var(nv[2]), var(i), var(nv[4])]);
        h.branch(done, dv[0], (ret, vec![int(-1)]), (ret, vec![var(dv[1])]));
        h.g
    })
}

/// `ll_list_index__LIST(l, x)`: the index of `x`, or ValueError.
fn list_index(rt: &mut Rtyper, info: ListInfo) -> FuncId {
    let find = list_find(rt, info);
    let name = rt.types.get(info.list).name.clone();
    rt.helper(&format!("ll_list_index__{}", name), |_rt, name| {
        let s = LlType::Signed;
        let (mut h, args) = Helper::new(name, &[("l", info.ty()), ("x", info.item)], s);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let i = h.op(start, LlOp::DirectCall, vec![Operand::Const(LlConst::Func(find)), var(args[0]), var(args[1]), int(0)], s);
        let missing = h.op(start, LlOp::IntLt, vec![var(i), int(0)], LlType::Bool);
        let (error, _) = h.block(&[]);
        h.branch(start, missing, (ret, vec![var(i)]), (error, vec![]));
        helpers::raise(&mut h, error, "ValueError", s);
        h.g
    })
}

/// `ll_list_eq__A__B(a, b)`: same length and equal items (the two lists
/// may have different representations: fixed-size and resizable).
fn list_eq(rt: &mut Rtyper, ia: ListInfo, ib: ListInfo) -> FuncId {
    let (na, nb) = (rt.types.get(ia.list).name.clone(), rt.types.get(ib.list).name.clone());
    let name = if ia.list == ib.list { format!("ll_list_eq__{}", na) } else { format!("ll_list_eq__{}__{}", na, nb) };
    rt.helper(&name, |rt, name| {
        let (pa, pb, it, s) = (ia.ty(), ib.ty(), ia.item, LlType::Signed);
        let (mut h, args) = Helper::new(name, &[("a", pa), ("b", pb)], LlType::Bool);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let (check, cv) = h.block(&[("a", pa), ("b", pb)]);
        if ia.list == ib.list {
            let same = h.op(start, LlOp::PtrEq, vec![var(args[0]), var(args[1])], LlType::Bool);
            h.branch(start, same, (check, vec![var(args[0]), var(args[1])]), (ret, vec![int(1)]));
        } else {
            h.goto(start, check, vec![var(args[0]), var(args[1])]);
        }
        let la = ia.h_len(&mut h, check, var(cv[0]));
        let lb = ib.h_len(&mut h, check, var(cv[1]));
        let eqlen = h.op(check, LlOp::IntEq, vec![var(la), var(lb)], LlType::Bool);
        let state = [("a", pa), ("b", pb), ("n", s), ("i", s)];
        let (head, hv) = h.block(&state);
        let (body, bv) = h.block(&state);
        h.branch(check, eqlen, (ret, vec![int(0)]), (head, vec![var(cv[0]), var(cv[1]), var(la), int(0)]));
        let more = h.op(head, LlOp::IntLt, vec![var(hv[3]), var(hv[2])], LlType::Bool);
        h.branch(head, more, (ret, vec![int(1)]), (body, hv.iter().map(|&x| var(x)).collect()));
        let xa = ia.h_items(&mut h, body, var(bv[0]));
        let xb = ib.h_items(&mut h, body, var(bv[1]));
        let x = h.op(body, LlOp::GetArrayItem, vec![xa, var(bv[3])], it);
        let y = h.op(body, LlOp::GetArrayItem, vec![xb, var(bv[3])], it);
        let eq = item_eq(rt, &mut h, body, it, var(x), var(y));
        let (next, nv) = h.block(&state);
        h.branch(body, eq, (ret, vec![int(0)]), (next, bv.iter().map(|&x| var(x)).collect()));
        let i = h.op(next, LlOp::IntAdd, vec![var(nv[3]), int(1)], s);
        h.goto(next, head, vec![var(nv[0]), var(nv[1]), var(nv[2]), var(i)]);
        h.g
    })
}

impl GraphRtyper<'_, '_> {
    /// The list type of a list annotation.
    pub fn list_info(&mut self, s: &SomeValue) -> Result<ListInfo, Diagnostic> {
        let SomeValue::List { listdef, .. } = s else {
            return Err(self.internal("not a list"));
        };
        self.rt.list_repr(*listdef, self.span)
    }

    /// The list representation of the current operation's result.
    pub(crate) fn result_list(&mut self) -> Result<ListInfo, Diagnostic> {
        let want = self.ag.binding(self.current_result).clone();
        self.list_info(&want)
    }

    /// The length of list `l`.
    pub(crate) fn list_len(&mut self, info: ListInfo, l: LlOperand) -> LlOperand {
        if info.fixed {
            self.emit(LlOp::GetArraySize, vec![l], LlType::Signed)
        } else {
            self.emit(LlOp::GetField, vec![l, field(0)], LlType::Signed)
        }
    }

    /// The items array of list `l`.
    pub(crate) fn list_items(&mut self, info: ListInfo, l: LlOperand) -> LlOperand {
        if info.fixed {
            l
        } else {
            self.emit(LlOp::GetField, vec![l, field(1)], LlType::Ptr(info.array))
        }
    }

    fn extern_call(&mut self, name: &str, args: Vec<LlOperand>, ty: LlType) -> LlOperand {
        self.call_extern(name, args, ty)
    }

    /// A slice bound: an int, or the default when None.
    pub(crate) fn bound(&mut self, o: &FlowOperand, s: &SomeValue, default: i64) -> Result<LlOperand, Diagnostic> {
        if *s == SomeValue::None || matches!(o, Operand::Const(Value::None)) {
            return Ok(int(default));
        }
        self.operand(o, LlType::Signed)
    }

    /// `l[i] = x`
    pub fn list_setitem(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let info = self.list_info(&s[0])?;
        let l = self.operand(&a[0], info.ty())?;
        let i = self.operand(&a[1], LlType::Signed)?;
        let x = self.operand(&a[2], info.item)?;
        let f = crate::helpers::list_setitem(self.rt, info);
        self.call_func(f, vec![l, i, x], LlType::Void);
        Ok(None)
    }

    /// `b[i]` and `b[i] = x` of a bytearray (a list of chars read and
    /// written as ints).
    pub fn bytearray_item(&mut self, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let (list, array) = self.rt.list_type(LlType::Char);
        let l = self.operand(&a[0], LlType::Ptr(list))?;
        let i = self.operand(&a[1], LlType::Signed)?;
        let j = self.extern_call(rt_sym::LIST_CHECK_INDEX, vec![l.clone(), i], LlType::Signed);
        let items = self.emit(LlOp::GetField, vec![l, field(1)], LlType::Ptr(array));
        match a.get(2) {
            None => {
                let c = self.emit(LlOp::GetArrayItem, vec![items, j], LlType::Char);
                Ok(Some((self.emit(LlOp::CastCharToInt, vec![c], LlType::Signed), LlType::Signed)))
            }
            Some(x) => {
                // ValueError unless 0 <= x < 256 (one unsigned compare).
                let v = self.operand(x, LlType::Signed)?;
                let ok = self.emit(LlOp::UintLt, vec![v.clone(), Operand::Const(LlConst::Int(256))], LlType::Bool);
                let check = self.check_helper();
                self.call_func(check, vec![ok], LlType::Void);
                let c = self.emit(LlOp::CastIntToChar, vec![v], LlType::Char);
                self.emit(LlOp::SetArrayItem, vec![items, j, c], LlType::Void);
                Ok(None)
            }
        }
    }

    /// `del l[i]`
    pub fn list_delitem(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let info = self.list_info(&s[0])?;
        let l = self.operand(&a[0], info.ty())?;
        let i = self.operand(&a[1], LlType::Signed)?;
        let j = self.extern_call(rt_sym::LIST_CHECK_INDEX, vec![l.clone(), i], LlType::Signed);
        self.extern_call(rt_sym::LIST_DELETE, vec![l, j, info.isz()], LlType::Void);
        Ok(None)
    }

    /// `s[i]` of a str.
    pub fn str_getitem(&mut self, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let x = self.operand(&a[0], STR)?;
        let i = self.operand(&a[1], LlType::Signed)?;
        let j = self.extern_call(rt_sym::STR_CHECK_INDEX, vec![x.clone(), i], LlType::Signed);
        Ok((self.emit(LlOp::GetArrayItem, vec![x, j], LlType::Char), LlType::Char))
    }

    /// `x[a:b]`, `x[a:b] = y`, `del x[a:b]`.
    pub fn slice_op(&mut self, op: &FlowOp, s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let a = &op.args;
        let start = self.bound(&a[1], &s[1], 0)?;
        let stop = self.bound(&a[2], &s[2], i64::MAX)?;
        if let SomeValue::String { .. } | SomeValue::Char = &s[0] {
            let x = self.operand(&a[0], STR)?;
            return Ok(Some((self.extern_call(rt_sym::STR_SLICE, vec![x, start, stop], STR), STR)));
        }
        let info = self.list_info(&s[0])?;
        let l = self.operand(&a[0], info.ty())?;
        match op.op {
            flowspace::HlOp::GetSlice => {
                let args = vec![l, start, stop, info.ltid(self.rt), info.atid(self.rt), info.isz()];
                Ok(Some((self.extern_call(rt_sym::LIST_SLICE, args, info.ty()), info.ty())))
            }
            flowspace::HlOp::SetSlice => {
                let other = self.operand(&a[3], info.ty())?;
                self.extern_call(rt_sym::LIST_SETSLICE, vec![l, start, stop, other, info.isz()], LlType::Void);
                Ok(None)
            }
            _ => {
                self.extern_call(rt_sym::LIST_DELSLICE, vec![l, start, stop, info.isz()], LlType::Void);
                Ok(None)
            }
        }
    }

    /// `x in l`
    pub fn list_contains(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let info = self.list_info(&s[0])?;
        let l = self.operand(&a[0], info.ty())?;
        let x = self.operand(&a[1], info.item)?;
        let f = list_find(self.rt, info);
        let i = self.call_func(f, vec![l, x, int(0)], LlType::Signed);
        Ok((self.emit(LlOp::IntGe, vec![i, int(0)], LlType::Bool), LlType::Bool))
    }

    /// `a + b` and `a * n` of lists.
    pub fn list_binary(&mut self, op: flowspace::HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let from = self.list_info(&s[0])?;
        let x = self.operand(&a[0], from.ty())?;
        let info = self.result_list()?;
        let (ltid, atid) = (info.ltid(self.rt), info.atid(self.rt));
        let r = if op == flowspace::HlOp::Add {
            let s_other = self.list_info(&s[1])?;
            let y = self.operand(&a[1], s_other.ty())?;
            self.extern_call(rt_sym::LIST_CONCAT, vec![x, y, ltid, atid, info.isz()], info.ty())
        } else {
            let n = self.operand(&a[1], LlType::Signed)?;
            self.extern_call(rt_sym::LIST_REPEAT, vec![x, n, ltid, atid, info.isz()], info.ty())
        };
        Ok((r, info.ty()))
    }

    /// `a == b` of lists (`!=` negates it).
    pub fn list_eq(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<LlOperand, Diagnostic> {
        let (ia, ib) = (self.list_info(&s[0])?, self.list_info(&s[1])?);
        if ia.item != ib.item {
            return Err(Diagnostic::error(self.span, format!("comparing {} with {} is not supported yet", self.describe(&s[0]), self.describe(&s[1]))));
        }
        let x = self.operand(&a[0], ia.ty())?;
        let y = self.operand(&a[1], ib.ty())?;
        let f = list_eq(self.rt, ia, ib);
        Ok(self.call_func(f, vec![x, y], LlType::Bool))
    }

    /// `l.name(args)`.
    pub fn list_method(&mut self, receiver: &FlowOperand, s: &SomeValue, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let SomeValue::BuiltinMethod { receiver: s_list, .. } = s else {
            return Err(self.internal("not a list method"));
        };
        let info = self.list_info(s_list)?;
        let l = self.operand(receiver, info.ty())?;
        let items = |me: &mut Self, l: LlOperand| me.list_items(info, l);
        let (atid, isz) = (info.atid(self.rt), info.isz());
        match (name, a.len()) {
            ("append", 1) => {
                let x = self.operand(&a[0], info.item)?;
                let f = crate::helpers::list_append(self.rt, info);
                self.call_func(f, vec![l, x], LlType::Void);
                Ok(None)
            }
            ("insert", 2) => {
                let i = self.operand(&a[0], LlType::Signed)?;
                let x = self.operand(&a[1], info.item)?;
                let j = self.extern_call(rt_sym::LIST_INSERT_ROOM, vec![l.clone(), i, atid, isz], LlType::Signed);
                let arr = items(self, l);
                self.emit(LlOp::SetArrayItem, vec![arr, j, x], LlType::Void);
                Ok(None)
            }
            ("extend", 1) => {
                let s_other = self.annotation(&a[0])?;
                let from = self.list_info(&s_other)?;
                let other = self.operand(&a[0], from.ty())?;
                self.extern_call(rt_sym::LIST_EXTEND, vec![l, other, atid, isz], LlType::Void);
                Ok(None)
            }
            ("reverse", 0) => {
                self.extern_call(rt_sym::LIST_REVERSE, vec![l, isz], LlType::Void);
                Ok(None)
            }
            ("pop", 0 | 1) => {
                let i = match a.first() {
                    Some(i) => self.operand(i, LlType::Signed)?,
                    None => int(-1),
                };
                let j = self.extern_call(rt_sym::LIST_CHECK_INDEX, vec![l.clone(), i], LlType::Signed);
                let arr = items(self, l.clone());
                let x = self.emit(LlOp::GetArrayItem, vec![arr, j.clone()], info.item);
                self.extern_call(rt_sym::LIST_DELETE, vec![l, j, isz], LlType::Void);
                Ok(Some((x, info.item)))
            }
            ("index", 1) | ("remove", 1) => {
                let x = self.operand(&a[0], info.item)?;
                let f = list_index(self.rt, info);
                let j = self.call_func(f, vec![l.clone(), x], LlType::Signed);
                if name == "index" {
                    return Ok(Some((j, LlType::Signed)));
                }
                self.extern_call(rt_sym::LIST_DELETE, vec![l, j, isz], LlType::Void);
                Ok(None)
            }
            ("count", 1) => {
                let x = self.operand(&a[0], info.item)?;
                let f = list_find(self.rt, info);
                Ok(Some((self.call_func(f, vec![l, x, int(1)], LlType::Signed), LlType::Signed)))
            }
            _ => Err(Diagnostic::error(self.span, format!("list.{}() with {} arguments is not supported yet", name, a.len()))),
        }
    }
}

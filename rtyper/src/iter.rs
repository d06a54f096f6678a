//! Ranges and iterators (`for` loops).
//!
//! - A range (`range()` / `xrange()`) is a `RANGE { start, stop, step }`
//!   struct, built by `ll_newrange` (which raises ValueError for a zero step).
//! - An iterator is a small struct per kind: over a list `{ list, index }`,
//!   over a str `{ s, index }` (both also for `enumerate`, whose item is the
//!   tuple (index, item)), over a list backwards `{ list, index }` counting
//!   down, over a range `{ next, stop, step }`.
//! - `next(it)` calls `ll_next__<iterator type>`, which returns the item or
//!   raises StopIteration; the loop header's `LastException` switch catches
//!   it like any other exception.

use annotator::SomeValue;
use diag::{Diagnostic, Span};
use flowmodel::Operand;
use lltype::{Field, FuncId, LlConst, LlOp, LlType, TypeDefKind, TypeId};

use crate::graph::GraphRtyper;
use crate::helpers::{self, Helper};
use crate::Rtyper;

fn int(i: i64) -> lltype::LlOperand {
    Operand::Const(LlConst::Int(i))
}

fn field(i: u32) -> lltype::LlOperand {
    Operand::Const(LlConst::Field(i))
}

fn var(v: flowmodel::VarId) -> lltype::LlOperand {
    Operand::Var(v)
}

fn struct_kind(fields: &[(&str, LlType)]) -> TypeDefKind {
    TypeDefKind::Struct {
        fields: fields.iter().map(|(n, t)| Field { name: n.to_string(), ty: *t }).collect(),
        varsize: None,
    }
}

impl Rtyper<'_> {
    /// The RANGE struct type.
    pub fn range_type(&mut self) -> TypeId {
        if let Some(t) = self.range_type {
            return t;
        }
        let t = self.types.add("RANGE", struct_kind(&[("start", LlType::Signed), ("stop", LlType::Signed), ("step", LlType::Signed)]));
        self.range_type = Some(t);
        t
    }

    /// The struct of an iterator over `container` (a list, str or range).
    pub fn iter_type(&mut self, container: &SomeValue, reversed: bool, span: Span) -> Result<TypeId, Diagnostic> {
        let cty = self.lltype_of(container, span)?;
        let key = (cty, reversed);
        if let Some(&t) = self.iter_types.get(&key) {
            return Ok(t);
        }
        let kind = match container {
            SomeValue::Range { .. } => {
                struct_kind(&[("next", LlType::Signed), ("stop", LlType::Signed), ("step", LlType::Signed)])
            }
            _ => struct_kind(&[("seq", cty), ("index", LlType::Signed)]),
        };
        let LlType::Ptr(ct) = cty else {
            return Err(Diagnostic::error(span, "internal error: iterator over a non-pointer"));
        };
        let name = format!("{}ITER_{}", if reversed { "REV" } else { "" }, self.types.get(ct).name);
        let t = self.types.add(name, kind);
        self.iter_types.insert(key, t);
        Ok(t)
    }
}

/// `ll_newrange(start, stop, step)`: a RANGE; ValueError for a zero step.
fn newrange(rt: &mut Rtyper) -> FuncId {
    let range = rt.range_type();
    rt.helper("ll_newrange", |_rt, name| {
        let rp = LlType::Ptr(range);
        let s = LlType::Signed;
        let (mut h, args) = Helper::new(name, &[("start", s), ("stop", s), ("step", s)], rp);
        let start = h.g.startblock;
        let zero = h.op(start, LlOp::IntEq, vec![var(args[2]), int(0)], LlType::Bool);
        let (ok, a) = h.block(&[("start", s), ("stop", s), ("step", s)]);
        let (error, _) = h.block(&[]);
        h.branch(start, zero, (ok, args.iter().map(|&v| var(v)).collect()), (error, vec![]));
        let r = h.op(ok, LlOp::Malloc, vec![Operand::Const(LlConst::Type(range))], rp);
        for i in 0..3 {
            h.op(ok, LlOp::SetField, vec![var(r), field(i), var(a[i as usize])], LlType::Void);
        }
        h.ret(ok, var(r));
        helpers::raise(&mut h, error, "ValueError", rp);
        h.g
    })
}

/// `ll_range_len(r)`: the number of items of a range.
fn range_len(rt: &mut Rtyper) -> FuncId {
    let range = rt.range_type();
    rt.helper("ll_range_len", |_rt, name| {
        let s = LlType::Signed;
        let (mut h, args) = Helper::new(name, &[("r", LlType::Ptr(range))], s);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let lo = h.op(start, LlOp::GetField, vec![var(args[0]), field(0)], s);
        let hi = h.op(start, LlOp::GetField, vec![var(args[0]), field(1)], s);
        let step = h.op(start, LlOp::GetField, vec![var(args[0]), field(2)], s);
        let up = h.op(start, LlOp::IntGt, vec![var(step), int(0)], LlType::Bool);
        // Counting down is counting up from -start to -stop by -step.
        let (down, d) = h.block(&[("lo", s), ("hi", s), ("step", s)]);
        let (count, c) = h.block(&[("lo", s), ("hi", s), ("step", s)]);
        h.branch(start, up, (down, vec![var(lo), var(hi), var(step)]), (count, vec![var(lo), var(hi), var(step)]));
        let nlo = h.op(down, LlOp::IntNeg, vec![var(d[0])], s);
        let nhi = h.op(down, LlOp::IntNeg, vec![var(d[1])], s);
        let nstep = h.op(down, LlOp::IntNeg, vec![var(d[2])], s);
        h.goto(down, count, vec![var(nlo), var(nhi), var(nstep)]);
        // n = (hi - lo + step - 1) // step, at least 0.
        let diff = h.op(count, LlOp::IntSub, vec![var(c[1]), var(c[0])], s);
        let empty = h.op(count, LlOp::IntLe, vec![var(diff), int(0)], LlType::Bool);
        let (some, sa) = h.block(&[("diff", s), ("step", s)]);
        h.branch(count, empty, (some, vec![var(diff), var(c[2])]), (ret, vec![int(0)]));
        let t = h.op(some, LlOp::IntAdd, vec![var(sa[0]), var(sa[1])], s);
        let t = h.op(some, LlOp::IntSub, vec![var(t), int(1)], s);
        let n = h.op(some, LlOp::IntFloorDiv, vec![var(t), var(sa[1])], s);
        h.ret(some, var(n));
        h.g
    })
}

/// `ll_next__ITER(it)`: the next item, or StopIteration.
fn next_helper(rt: &mut Rtyper, it: TypeId, container: &SomeValue, reversed: bool, item: LlType) -> FuncId {
    let it_name = rt.types.get(it).name.clone();
    let seq_ty = match &rt.types.get(it).kind {
        TypeDefKind::Struct { fields, .. } => fields[0].ty,
        _ => LlType::Void,
    };
    let is_range = matches!(container, SomeValue::Range { .. });
    let is_dict = matches!(container, SomeValue::Dict { .. });
    let is_str = matches!(container, SomeValue::String { .. });
    let is_unicode = matches!(container, SomeValue::Unicode { .. });
    let list = if is_str || is_unicode || is_range || is_dict { None } else { rt.list_info_of_type(seq_ty) };
    // Dict iterators share one struct: the helper also depends on the key type.
    let helper_name = if is_dict {
        format!("ll_next__{}_{}", it_name, rt.types.type_name(item).trim_start_matches('*'))
    } else {
        format!("ll_next__{}", it_name)
    };
    rt.helper(&helper_name, move |_rt, name| {
        let s = LlType::Signed;
        let itp = LlType::Ptr(it);
        let (mut h, args) = Helper::new(name, &[("it", itp)], item);
        let start = h.g.startblock;
        let (stop, _) = h.block(&[]);
        helpers::raise(&mut h, stop, "StopIteration", item);
        if is_range {
            let cur = h.op(start, LlOp::GetField, vec![var(args[0]), field(0)], s);
            let end = h.op(start, LlOp::GetField, vec![var(args[0]), field(1)], s);
            let step = h.op(start, LlOp::GetField, vec![var(args[0]), field(2)], s);
            let up = h.op(start, LlOp::IntGt, vec![var(step), int(0)], LlType::Bool);
            let four = [("it", itp), ("cur", s), ("end", s), ("step", s)];
            let (b_up, u) = h.block(&four);
            let (b_down, d) = h.block(&four);
            let (more, m) = h.block(&[("it", itp), ("cur", s), ("step", s)]);
            let all = vec![var(args[0]), var(cur), var(end), var(step)];
            h.branch(start, up, (b_down, all.clone()), (b_up, all));
            let lt = h.op(b_up, LlOp::IntLt, vec![var(u[1]), var(u[2])], LlType::Bool);
            h.branch(b_up, lt, (stop, vec![]), (more, vec![var(u[0]), var(u[1]), var(u[3])]));
            let gt = h.op(b_down, LlOp::IntGt, vec![var(d[1]), var(d[2])], LlType::Bool);
            h.branch(b_down, gt, (stop, vec![]), (more, vec![var(d[0]), var(d[1]), var(d[3])]));
            let nxt = h.op(more, LlOp::IntAdd, vec![var(m[1]), var(m[2])], s);
            h.op(more, LlOp::SetField, vec![var(m[0]), field(0), var(nxt)], LlType::Void);
            h.ret(more, var(m[1]));
            return h.g;
        }
        let seq = h.op(start, LlOp::GetField, vec![var(args[0]), field(0)], seq_ty);
        let i = h.op(start, LlOp::GetField, vec![var(args[0]), field(1)], s);
        if is_dict {
            // The next live entry at or after the index; its key.
            let ext = |name: &str| Operand::Const(LlConst::Extern(name.to_string()));
            let e = h.op(start, LlOp::DirectCall, vec![ext(abi::runtime::DICT_NEXT), var(seq), var(i)], s);
            let found = h.op(start, LlOp::IntGe, vec![var(e), int(0)], LlType::Bool);
            let (load, l) = h.block(&[("it", itp), ("d", seq_ty), ("e", s)]);
            h.branch(start, found, (stop, vec![]), (load, vec![var(args[0]), var(seq), var(e)]));
            let nxt = h.op(load, LlOp::IntAdd, vec![var(l[2]), int(1)], s);
            h.op(load, LlOp::SetField, vec![var(l[0]), field(1), var(nxt)], LlType::Void);
            let k = h.op(load, LlOp::DirectCall, vec![ext(abi::runtime::DICT_KEY_AT), var(l[1]), var(l[2])], item);
            h.ret(load, var(k));
            return h.g;
        }
        let len = match list {
            Some(info) => info.h_len(&mut h, start, var(seq)),
            None => h.op(start, LlOp::GetArraySize, vec![var(seq)], s),
        };
        let inside = if reversed {
            h.op(start, LlOp::IntGe, vec![var(i), int(0)], LlType::Bool)
        } else {
            h.op(start, LlOp::IntLt, vec![var(i), var(len)], LlType::Bool)
        };
        let (load, l) = h.block(&[("it", itp), ("seq", seq_ty), ("i", s)]);
        h.branch(start, inside, (stop, vec![]), (load, vec![var(args[0]), var(seq), var(i)]));
        let nxt = h.op(load, LlOp::IntAdd, vec![var(l[2]), int(if reversed { -1 } else { 1 })], s);
        h.op(load, LlOp::SetField, vec![var(l[0]), field(1), var(nxt)], LlType::Void);
        let x = if is_str {
            h.op(load, LlOp::GetArrayItem, vec![var(l[1]), var(l[2])], LlType::Char)
        } else if is_unicode {
            // A one-character unicode.
            let f = Operand::Const(LlConst::Extern(abi::runtime::UNICODE_GETITEM.to_string()));
            h.op(load, LlOp::DirectCall, vec![f, var(l[1]), var(l[2])], item)
        } else {
            let info = list.expect("an iterator over a list");
            let items = info.h_items(&mut h, load, var(l[1]));
            h.op(load, LlOp::GetArrayItem, vec![items, var(l[2])], item)
        };
        h.ret(load, var(x));
        h.g
    })
}

type Produced = Option<(lltype::LlOperand, LlType)>;

impl GraphRtyper<'_, '_> {
    /// `range(...)` / `xrange(...)`.
    pub fn newrange(&mut self, a: &[flowspace::FlowOperand]) -> Result<Produced, Diagnostic> {
        let mut ops = Vec::new();
        for x in a {
            ops.push(self.operand(x, LlType::Signed)?);
        }
        let (start, stop, step) = match ops.len() {
            1 => (int(0), ops[0].clone(), int(1)),
            2 => (ops[0].clone(), ops[1].clone(), int(1)),
            _ => (ops[0].clone(), ops[1].clone(), ops[2].clone()),
        };
        let f = newrange(self.rt);
        let ty = LlType::Ptr(self.rt.range_type());
        Ok(Some((self.call_func(f, vec![start, stop, step], ty), ty)))
    }

    pub fn range_len(&mut self, a: &flowspace::FlowOperand) -> Result<Produced, Diagnostic> {
        let ty = LlType::Ptr(self.rt.range_type());
        let r = self.operand(a, ty)?;
        let f = range_len(self.rt);
        Ok(Some((self.call_func(f, vec![r], LlType::Signed), LlType::Signed)))
    }

    /// A new iterator over `a` (`iter(x)`, `reversed(x)`, `enumerate(x)`).
    pub fn new_iter(&mut self, a: &flowspace::FlowOperand, s: &SomeValue, reversed: bool) -> Result<Produced, Diagnostic> {
        let container = match s {
            SomeValue::Char => {
                return Err(Diagnostic::error(self.span, "iterating over a single character is not supported yet"))
            }
            SomeValue::Iterator { .. } => {
                let ty = self.operand_type(a)?;
                return Ok(Some((self.operand(a, ty)?, ty)));
            }
            other => other.clone(),
        };
        let it = self.rt.iter_type(&container, reversed, self.span)?;
        let ity = LlType::Ptr(it);
        let cty = self.rt.lltype_of(&container, self.span)?;
        let c = self.operand(a, cty)?;
        let p = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(it))], ity);
        if let SomeValue::Range { .. } = container {
            for i in 0..3 {
                let x = self.emit(LlOp::GetField, vec![c.clone(), field(i)], LlType::Signed);
                self.emit(LlOp::SetField, vec![p.clone(), field(i), x], LlType::Void);
            }
            return Ok(Some((p, ity)));
        }
        self.emit(LlOp::SetField, vec![p.clone(), field(0), c.clone()], LlType::Void);
        if reversed {
            let info = self.rt.list_info_of_type(cty).ok_or_else(|| self.internal("reversed() of a non-list"))?;
            let n = self.list_len(info, c);
            let last = self.emit(LlOp::IntSub, vec![n, int(1)], LlType::Signed);
            self.emit(LlOp::SetField, vec![p.clone(), field(1), last], LlType::Void);
        }
        Ok(Some((p, ity)))
    }

    /// `next(it)`.
    pub fn next(&mut self, op: &flowspace::FlowOp, a: &flowspace::FlowOperand, s: &SomeValue) -> Result<Produced, Diagnostic> {
        let SomeValue::Iterator { container, reversed, enumerate } = s else {
            return Err(Diagnostic::error(self.span, "internal error: next() of a non-iterator"));
        };
        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        let item = match &**container {
            SomeValue::String { .. } => LlType::Char,
            SomeValue::Range { .. } => LlType::Signed,
            SomeValue::Dict { keys, .. } => match self.rt.ann.listdef(*keys).item.clone() {
                SomeValue::Impossible => LlType::Signed,
                k => self.rt.lltype_of(&k, self.span)?,
            },
            list @ SomeValue::List { .. } => self.list_info(list)?.item,
            _ => want,
        };
        let it = self.rt.iter_type(container, *reversed, self.span)?;
        let cty = self.rt.lltype_of(container, self.span)?;
        if matches!(**container, SomeValue::List { .. } | SomeValue::ByteArray) && self.rt.list_info_of_type(cty).is_none() {
            return Err(self.internal("an iterator over a list of no list type"));
        }
        let f = next_helper(self.rt, it, container, *reversed, item);
        let x = self.operand(a, LlType::Ptr(it))?;
        if *enumerate {
            // The index before the step, then the item.
            let i = self.emit(LlOp::GetField, vec![x.clone(), field(1)], LlType::Signed);
            let v = self.call_func(f, vec![x], item);
            return Ok(Some(self.make_tuple(&[(i, LlType::Signed), (v, item)])));
        }
        Ok(Some((self.call_func(f, vec![x], item), item)))
    }
}

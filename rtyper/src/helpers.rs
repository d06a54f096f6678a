//! Low-level helper graphs the rtyper writes itself ("ll helpers"), for
//! operations that need control flow: bounds checks, choosing between two
//! constants. Each is built once per program (and per type) and called with
//! `direct_call`; a later inlining pass may inline them.

use diag::Span;
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, VarId};
use lltype::{FuncId, LlConst, LlGraph, LlOp, LlOperand, LlOperation, LlType, TypeId};

use crate::lists::ListInfo;
use crate::Rtyper;

/// A small builder for hand-written low-level graphs.
pub(crate) struct Helper {
    pub g: LlGraph,
}

impl Helper {
    /// A graph with typed parameters and return type; returns the parameters.
    pub fn new(name: String, params: &[(&str, LlType)], ret: LlType) -> (Helper, Vec<VarId>) {
        let mut g = LlGraph::new(name, Span::default(), &[]);
        let r = g.block(g.returnblock).inputargs[0];
        g.var_mut(r).ty = ret;
        let mut h = Helper { g };
        let args: Vec<VarId> = params.iter().map(|(n, t)| h.var(n, *t)).collect();
        let start = h.g.startblock;
        h.g.block_mut(start).inputargs = args.clone();
        (h, args)
    }

    pub fn var(&mut self, name: &str, ty: LlType) -> VarId {
        let v = self.g.new_var(name);
        self.g.var_mut(v).ty = ty;
        v
    }

    /// A new block with typed input variables.
    pub fn block(&mut self, params: &[(&str, LlType)]) -> (BlockId, Vec<VarId>) {
        let args: Vec<VarId> = params.iter().map(|(n, t)| self.var(n, *t)).collect();
        (self.g.add_block(Block::new(args.clone())), args)
    }

    pub fn op(&mut self, b: BlockId, op: LlOp, args: Vec<LlOperand>, ty: LlType) -> VarId {
        let result = self.var("", ty);
        self.g.block_mut(b).operations.push(LlOperation { op, args, result, span: Span::default() });
        result
    }

    pub fn goto(&mut self, b: BlockId, target: BlockId, args: Vec<LlOperand>) {
        self.g.block_mut(b).exits = vec![Link { target, args, exitcase: None, exc_vars: None }];
    }

    pub fn ret(&mut self, b: BlockId, value: LlOperand) {
        let r = self.g.returnblock;
        self.goto(b, r, vec![value]);
    }

    /// Ends `b` with a two-way branch on the Bool `cond`.
    pub fn branch(&mut self, b: BlockId, cond: VarId, if_false: (BlockId, Vec<LlOperand>), if_true: (BlockId, Vec<LlOperand>)) {
        let block = self.g.block_mut(b);
        block.exitswitch = ExitSwitch::Value(Operand::Var(cond));
        block.exits = vec![
            Link { target: if_false.0, args: if_false.1, exitcase: Some(LlConst::Int(0)), exc_vars: None },
            Link { target: if_true.0, args: if_true.1, exitcase: Some(LlConst::Int(1)), exc_vars: None },
        ];
    }
}

fn var(v: VarId) -> LlOperand {
    Operand::Var(v)
}

fn int(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}

/// A placeholder value of a type, returned on paths that raise.
fn dummy(ty: LlType) -> LlOperand {
    Operand::Const(match ty {
        LlType::Ptr(_) => LlConst::Null,
        LlType::Void => LlConst::Void,
        LlType::Float => LlConst::Float(0.0),
        _ => LlConst::Int(0),
    })
}

/// Raises the built-in exception `name` from block `b` and returns a dummy.
pub(crate) fn raise(h: &mut Helper, b: BlockId, name: &str, ret: LlType) {
    let args = vec![
        Operand::Const(LlConst::Extern(abi::runtime::RAISE.to_string())),
        Operand::Const(LlConst::CString(name.as_bytes().to_vec())),
    ];
    h.op(b, LlOp::DirectCall, args, LlType::Void);
    h.ret(b, dummy(ret));
}

/// `ll_bool_to_str(b)`: the prebuilt "True" or "False".
pub fn bool_to_str(rt: &mut Rtyper) -> FuncId {
    rt.helper("ll_bool_to_str", |rt, name| {
        let str_ty = LlType::Ptr(lltype::STR);
        let (t, f) = (rt.prebuilt_str(b"True"), rt.prebuilt_str(b"False"));
        let (mut h, args) = Helper::new(name, &[("b", LlType::Bool)], str_ty);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        h.branch(
            start,
            args[0],
            (ret, vec![Operand::Const(LlConst::Prebuilt(f))]),
            (ret, vec![Operand::Const(LlConst::Prebuilt(t))]),
        );
        h.g
    })
}

/// `ll_str_is_true(s)`: s is not None and not empty.
pub fn str_is_true(rt: &mut Rtyper) -> FuncId {
    rt.helper("ll_str_is_true", |_rt, name| {
        let str_ty = LlType::Ptr(lltype::STR);
        let (mut h, args) = Helper::new(name, &[("s", str_ty)], LlType::Bool);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let nonnull = h.op(start, LlOp::PtrNonZero, vec![var(args[0])], LlType::Bool);
        let (b1, b1_args) = h.block(&[("s", str_ty)]);
        h.branch(start, nonnull, (ret, vec![int(0)]), (b1, vec![var(args[0])]));
        let n = h.op(b1, LlOp::GetArraySize, vec![var(b1_args[0])], LlType::Signed);
        let r = h.op(b1, LlOp::IntIsTrue, vec![var(n)], LlType::Bool);
        h.ret(b1, var(r));
        h.g
    })
}

/// `ll_str_or_none(s)`: s, or the prebuilt "None" when s is None (null).
pub fn str_or_none(rt: &mut Rtyper) -> FuncId {
    rt.helper("ll_str_or_none", |rt, name| {
        let str_ty = LlType::Ptr(lltype::STR);
        let none = rt.prebuilt_str(b"None");
        let (mut h, args) = Helper::new(name, &[("s", str_ty)], str_ty);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let null = h.op(start, LlOp::PtrIsZero, vec![var(args[0])], LlType::Bool);
        h.branch(start, null, (ret, vec![var(args[0])]), (ret, vec![Operand::Const(LlConst::Prebuilt(none))]));
        h.g
    })
}

/// `ll_getitem__LIST_x(l, i)`: `l[i]` with Python's negative indexes and an
/// IndexError out of range.
pub fn list_getitem(rt: &mut Rtyper, info: ListInfo) -> FuncId {
    list_item_helper(rt, info, false)
}

/// `ll_setitem__LIST_x(l, i, x)`: `l[i] = x`, indexes as for getitem.
pub fn list_setitem(rt: &mut Rtyper, info: ListInfo) -> FuncId {
    list_item_helper(rt, info, true)
}

/// The item access helpers: the index made non-negative, then one
/// unsigned comparison with the length (a negative index that stays
/// negative compares as huge), then the load or store.
/// `ll_append__L(l, x)`: `l.append(x)`. When the items array has room the
/// length grows in place; otherwise the runtime's `rpy_list_resize` grows
/// the array (by about 1/8) first.
pub fn list_append(rt: &mut Rtyper, info: ListInfo) -> FuncId {
    let (list, array, item) = (info.list, info.array, info.item);
    let name = format!("ll_append__{}", rt.types.get(list).name);
    let (atid, isz) = (rt.types.get(array).tid as i64, item.size() as i64);
    rt.helper(&name, |_rt, name| {
        let (lp, ap) = (LlType::Ptr(list), LlType::Ptr(array));
        let field = |i: u32| Operand::Const(LlConst::Field(i));
        let s = LlType::Signed;
        let (mut h, args) = Helper::new(name, &[("l", lp), ("x", item)], LlType::Void);
        let start = h.g.startblock;
        let n = h.op(start, LlOp::GetField, vec![var(args[0]), field(0)], s);
        let items = h.op(start, LlOp::GetField, vec![var(args[0]), field(1)], ap);
        let (has_items, hi) = h.block(&[("l", lp), ("x", item), ("n", s), ("items", ap)]);
        let (fast, fa) = h.block(&[("l", lp), ("x", item), ("n", s), ("items", ap)]);
        let (slow, sa) = h.block(&[("l", lp), ("x", item), ("n", s)]);
        let none = h.op(start, LlOp::PtrIsZero, vec![var(items)], LlType::Bool);
        h.branch(
            start,
            none,
            (has_items, vec![var(args[0]), var(args[1]), var(n), var(items)]),
            (slow, vec![var(args[0]), var(args[1]), var(n)]),
        );
        let cap = h.op(has_items, LlOp::GetArraySize, vec![var(hi[3])], s);
        let room = h.op(has_items, LlOp::IntLt, vec![var(hi[2]), var(cap)], LlType::Bool);
        h.branch(
            has_items,
            room,
            (slow, vec![var(hi[0]), var(hi[1]), var(hi[2])]),
            (fast, vec![var(hi[0]), var(hi[1]), var(hi[2]), var(hi[3])]),
        );
        let n1 = h.op(fast, LlOp::IntAdd, vec![var(fa[2]), int(1)], s);
        h.op(fast, LlOp::SetField, vec![var(fa[0]), field(0), var(n1)], LlType::Void);
        h.op(fast, LlOp::SetArrayItem, vec![var(fa[3]), var(fa[2]), var(fa[1])], LlType::Void);
        h.ret(fast, Operand::Const(LlConst::Void));
        let n1 = h.op(slow, LlOp::IntAdd, vec![var(sa[2]), int(1)], s);
        let resize = Operand::Const(LlConst::Extern(abi::runtime::LIST_RESIZE.to_string()));
        h.op(slow, LlOp::DirectCall, vec![resize, var(sa[0]), var(n1), int(atid), int(isz)], LlType::Void);
        let items = h.op(slow, LlOp::GetField, vec![var(sa[0]), field(1)], ap);
        h.op(slow, LlOp::SetArrayItem, vec![var(items), var(sa[2]), var(sa[1])], LlType::Void);
        h.ret(slow, Operand::Const(LlConst::Void));
        h.g
    })
}

fn list_item_helper(rt: &mut Rtyper, info: ListInfo, store: bool) -> FuncId {
    let list_name = rt.types.get(info.list).name.clone();
    let name = format!("ll_{}item__{}", if store { "set" } else { "get" }, list_name);
    let (lp, item) = (info.ty(), info.item);
    rt.helper(&name, |_rt, name| {
        let mut params = vec![("l", lp), ("i", LlType::Signed)];
        if store {
            params.push(("x", item));
        }
        let ret = if store { LlType::Void } else { item };
        let (mut h, args) = Helper::new(name, &params, ret);
        let start = h.g.startblock;
        let n = info.h_len(&mut h, start, var(args[0]));
        let neg = h.op(start, LlOp::IntLt, vec![var(args[1]), int(0)], LlType::Bool);
        let mut carried: Vec<(&str, LlType)> = vec![("l", lp), ("i", LlType::Signed), ("n", LlType::Signed)];
        if store {
            carried.push(("x", item));
        }
        let (fix, fa) = h.block(&carried);
        let (check, ca) = h.block(&carried);
        let (error, _) = h.block(&[]);
        let mut pass = vec![var(args[0]), var(args[1]), var(n)];
        if store {
            pass.push(var(args[2]));
        }
        h.branch(start, neg, (check, pass.clone()), (fix, pass));
        // A negative index counts from the end.
        let j = h.op(fix, LlOp::IntAdd, vec![var(fa[1]), var(fa[2])], LlType::Signed);
        let mut fixed = vec![var(fa[0]), var(j), var(fa[2])];
        if store {
            fixed.push(var(fa[3]));
        }
        h.goto(fix, check, fixed);
        let inside = h.op(check, LlOp::UintLt, vec![var(ca[1]), var(ca[2])], LlType::Bool);
        let (access, aa) = h.block(&carried);
        let mut pass = vec![var(ca[0]), var(ca[1]), var(ca[2])];
        if store {
            pass.push(var(ca[3]));
        }
        h.branch(check, inside, (error, vec![]), (access, pass));
        let items = info.h_items(&mut h, access, var(aa[0]));
        if store {
            h.op(access, LlOp::SetArrayItem, vec![items, var(aa[1]), var(aa[3])], LlType::Void);
            h.ret(access, Operand::Const(LlConst::Void));
        } else {
            let x = h.op(access, LlOp::GetArrayItem, vec![items, var(aa[1])], item);
            h.ret(access, var(x));
        }
        raise(&mut h, error, "IndexError", ret);
        h.g
    })
}

/// `ll_int_floordiv(x, y)` / `ll_int_mod(x, y)`: Python's `//` and `%` on
/// words: ZeroDivisionError for 0; -1 handled apart (the machine division
/// would trap on the smallest int); the rest one machine operation. Small
/// enough to be inlined.
pub fn int_divmod(rt: &mut Rtyper, modulo: bool) -> FuncId {
    let name = if modulo { "ll_int_mod" } else { "ll_int_floordiv" };
    rt.helper(name, |_rt, name| {
        let s = LlType::Signed;
        let (mut h, args) = Helper::new(name, &[("x", s), ("y", s)], s);
        let start = h.g.startblock;
        let (zero, _) = h.block(&[]);
        let (not_zero, nz) = h.block(&[("x", s), ("y", s)]);
        let (minus_one, mo) = h.block(&[("x", s)]);
        let (divide, dv) = h.block(&[("x", s), ("y", s)]);
        let is_zero = h.op(start, LlOp::IntEq, vec![var(args[1]), int(0)], LlType::Bool);
        h.branch(start, is_zero, (not_zero, vec![var(args[0]), var(args[1])]), (zero, vec![]));
        let is_m1 = h.op(not_zero, LlOp::IntEq, vec![var(nz[1]), int(-1)], LlType::Bool);
        h.branch(not_zero, is_m1, (divide, vec![var(nz[0]), var(nz[1])]), (minus_one, vec![var(nz[0])]));
        if modulo {
            h.ret(minus_one, int(0));
        } else {
            let neg = h.op(minus_one, LlOp::IntNeg, vec![var(mo[0])], s);
            h.ret(minus_one, var(neg));
        }
        let r = h.op(divide, if modulo { LlOp::IntMod } else { LlOp::IntFloorDiv }, vec![var(dv[0]), var(dv[1])], s);
        h.ret(divide, var(r));
        raise(&mut h, zero, "ZeroDivisionError", s);
        h.g
    })
}

/// `ll_isinstance__C(p, min, max)`: `p` is not null and its class id (its
/// vtable's `subclassrange_min`) lies in `min..=max`. `C` is the root class
/// of the hierarchy; `inst` and `vtable` are its struct types.
pub fn isinstance(rt: &mut Rtyper, inst: TypeId, vtable: TypeId) -> FuncId {
    let name = rt.types.get(inst).name.clone();
    rt.helper(&format!("ll_isinstance__{}", name), |_rt, name| {
        let (ip, vp) = (LlType::Ptr(inst), LlType::Ptr(vtable));
        let field = |i: u32| Operand::Const(LlConst::Field(i));
        let (mut h, args) = Helper::new(name, &[("p", ip), ("min", LlType::Signed), ("max", LlType::Signed)], LlType::Bool);
        let (start, ret) = (h.g.startblock, h.g.returnblock);
        let nonnull = h.op(start, LlOp::PtrNonZero, vec![var(args[0])], LlType::Bool);
        let (b1, a1) = h.block(&[("p", ip), ("min", LlType::Signed), ("max", LlType::Signed)]);
        h.branch(start, nonnull, (ret, vec![int(0)]), (b1, vec![var(args[0]), var(args[1]), var(args[2])]));
        let vt = h.op(b1, LlOp::GetField, vec![var(a1[0]), field(0)], vp);
        let id = h.op(b1, LlOp::GetField, vec![var(vt), field(0)], LlType::Signed);
        let ge = h.op(b1, LlOp::IntGe, vec![var(id), var(a1[1])], LlType::Bool);
        let (b2, a2) = h.block(&[("id", LlType::Signed), ("max", LlType::Signed)]);
        h.branch(b1, ge, (ret, vec![int(0)]), (b2, vec![var(id), var(a1[2])]));
        let le = h.op(b2, LlOp::IntLe, vec![var(a2[0]), var(a2[1])], LlType::Bool);
        h.ret(b2, var(le));
        h.g
    })
}

//! High-level operations -> low-level operations, by the annotations of
//! their arguments.

use abi::runtime as rt_sym;
use annotator::{ArgSource, Desc, SomeValue};
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::{FlowOp, FlowOperand, HlOp};
use hostobj::Value;
use lltype::{FuncId, LlConst, LlOp, LlOperand, LlType};

use crate::graph::{return_type, GraphRtyper};
use crate::helpers;

const STR: LlType = LlType::Ptr(lltype::STR);

/// What an operation produced: a value and its type, or nothing (Void).
type Produced = Option<(LlOperand, LlType)>;

impl GraphRtyper<'_, '_> {
    pub(crate) fn unsupported(&self, what: String) -> Diagnostic {
        Diagnostic::error(self.span, format!("{} is not supported yet", what))
    }

    pub(crate) fn describe(&self, s: &SomeValue) -> String {
        self.rt.ann.describe(self.rt.heap, s)
    }

    pub fn translate_op(&mut self, op: &FlowOp) -> Result<Produced, Diagnostic> {
        let mut s_args = Vec::new();
        for a in &op.args {
            s_args.push(self.annotation(a)?);
        }
        if let Some(Operand::Var(_)) = op.args.first() {
            if let Some((call, rest)) = annotator::special::special_call(self.rt.heap, op, &s_args[..1]) {
                return self.special_call(op, &s_args[0], call, rest);
            }
        }
        if annotator::container_op(op.op) && matches!(s_args[0], SomeValue::List { .. } | SomeValue::Dict { .. }) {
            s_args[0] = s_args[0].without_none();
        }
        let a = &op.args;
        Ok(match op.op.base_op() {
            HlOp::IsTrue => Some((self.is_true(&a[0], &s_args[0])?, LlType::Bool)),
            HlOp::Not => {
                let t = self.is_true(&a[0], &s_args[0])?;
                Some((self.emit(LlOp::BoolNot, vec![t], LlType::Bool), LlType::Bool))
            }
            HlOp::Neg | HlOp::Pos if crate::floats::is_float(&s_args[0]) => Some(self.float_unary(op.op, &a[0])?),
            HlOp::Neg | HlOp::Pos | HlOp::Invert if s_args[0].is_int_like() => {
                let x = self.operand(&a[0], LlType::Signed)?;
                Some(match op.op {
                    HlOp::Neg => (self.emit(LlOp::IntNeg, vec![x], LlType::Signed), LlType::Signed),
                    HlOp::Invert => (self.emit(LlOp::IntInvert, vec![x], LlType::Signed), LlType::Signed),
                    _ => (x, LlType::Signed),
                })
            }
            HlOp::Add
            | HlOp::Sub
            | HlOp::Mul
            | HlOp::Div
            | HlOp::FloorDiv
            | HlOp::Mod
            | HlOp::LShift
            | HlOp::RShift
            | HlOp::And
            | HlOp::Or
            | HlOp::Xor => {
                if op.op == HlOp::InplaceAdd && matches!(s_args[0], SomeValue::List { .. }) {
                    // `l += other` extends `l` in place.
                    let info = self.list_info(&s_args[0])?;
                    let l = self.operand(&a[0], info.ty())?;
                    let from = self.list_info(&s_args[1])?;
                    let other = self.operand(&a[1], from.ty())?;
                    let atid = info.atid(self.rt);
                    let isz = info.isz();
                    self.call_extern(rt_sym::LIST_EXTEND, vec![l.clone(), other, atid, isz], LlType::Void);
                    Some((l, info.ty()))
                } else {
                    Some(self.binary(op.op.base_op(), a, &s_args)?)
                }
            }
            HlOp::Lt | HlOp::Le | HlOp::Eq | HlOp::Ne | HlOp::Gt | HlOp::Ge => Some(self.compare(op.op, a, &s_args)?),
            HlOp::Is => Some(self.is_(a, &s_args)?),
            o if o.is_ovf() => Some(self.ovf_op(op.op, a)?),
            HlOp::GetItem | HlOp::SetItem if s_args[0] == SomeValue::ByteArray => self.bytearray_item(a)?,
            HlOp::GetItem if s_args[0] == SomeValue::StatResult => {
                let Operand::Const(Value::Int(i)) = &a[1] else { return Err(self.internal("stat index")) };
                let t = LlType::Ptr(self.rt.stat_type());
                let st = self.operand(&a[0], t)?;
                let (i, ty) = (*i as u32, if *i >= 7 { LlType::Float } else { LlType::Signed });
                let v = self.emit(LlOp::GetField, vec![st, Operand::Const(LlConst::Field(i))], ty);
                let v = if ty == LlType::Float { self.call_extern(rt_sym::FLOAT_TO_INT, vec![v], LlType::Signed) } else { v };
                Some((v, LlType::Signed))
            }
            HlOp::GetItem | HlOp::GetSlice | HlOp::Contains if crate::unicode::is_unicode(&s_args[0]) => {
                self.unicode_item(op.op, a, &s_args)?
            }
            HlOp::GetItem | HlOp::Contains if s_args[0] == SomeValue::Environ => {
                let k = self.as_str(&a[1], &s_args[1])?;
                if op.op == HlOp::GetItem {
                    Some((self.call_extern(rt_sym::OS_ENVIRON_GETITEM, vec![k], STR), STR))
                } else {
                    let v = self.call_extern(rt_sym::OS_GETENV, vec![k, Operand::Const(LlConst::Null)], STR);
                    Some((self.emit(LlOp::PtrNonZero, vec![v], LlType::Bool), LlType::Bool))
                }
            }
            HlOp::GetItem | HlOp::SetItem | HlOp::DelItem | HlOp::Contains if matches!(s_args[0], SomeValue::Dict { .. }) => {
                self.dict_item_op(op.op, a, &s_args)?
            }
            HlOp::GetItem if matches!(s_args[0], SomeValue::Tuple(_)) => self.tuple_getitem(a, &s_args)?,
            HlOp::GetItem => Some(self.getitem(a, &s_args)?),
            HlOp::SimpleCall | HlOp::CallArgs => self.call(op)?,
            HlOp::GetAttr => self.getattr(op, &s_args)?,
            HlOp::SetAttr => self.setattr(op, &s_args)?,
            HlOp::ExceptionMatch => Some(self.exception_match(a, &s_args)?),
            HlOp::Iter if matches!(s_args[0], SomeValue::Generator { .. }) => {
                let ty = self.operand_type(&a[0])?;
                Some((self.operand(&a[0], ty)?, ty))
            }
            HlOp::Next if matches!(s_args[0], SomeValue::Generator { .. }) => self.generator_next(&a[0], &s_args[0])?,
            HlOp::Iter => self.new_iter(&a[0], &s_args[0], false)?,
            HlOp::NewDict => self.newdict(op)?,
            HlOp::SetItem if matches!(s_args[0], SomeValue::List { .. }) => self.list_setitem(a, &s_args)?,
            HlOp::DelItem if matches!(s_args[0], SomeValue::List { .. }) => self.list_delitem(a, &s_args)?,
            HlOp::GetSlice | HlOp::SetSlice | HlOp::DelSlice => self.slice_op(op, &s_args)?,
            HlOp::Contains if matches!(s_args[0], SomeValue::List { .. }) => Some(self.list_contains(a, &s_args)?),
            HlOp::Contains if s_args[0].is_string_like() => Some(self.str_contains(a)?),
            HlOp::Contains if matches!(s_args[0], SomeValue::Tuple(_)) => Some(self.const_tuple_contains(a, &s_args)?),
            HlOp::Next => self.next(op, &a[0], &s_args[0])?,
            HlOp::Type => self.type_of(&a[0], &s_args[0])?,
            HlOp::PrintItem => {
                let s = self.str_of(&a[0], &s_args[0], "printing")?;
                self.call_extern(rt_sym::PRINT_ITEM, vec![s], LlType::Void);
                None
            }
            HlOp::PrintNewline => {
                self.call_extern(rt_sym::PRINT_NEWLINE, vec![], LlType::Void);
                None
            }
            HlOp::NewList => Some(self.newlist(op)?),
            HlOp::NewTuple => self.newtuple(op)?,
            HlOp::Yield => {
                let ty = return_type(self.rt, self.gid)?;
                self.yielded = Some(if ty == LlType::Void { Operand::Const(LlConst::Void) } else { self.operand(&a[0], ty)? });
                None
            }
            HlOp::Repr if s_args[0].is_int_like() => Some((self.str_of(&a[0], &s_args[0], "repr() of")?, STR)),
            HlOp::Repr => self.call_builtin("repr", a, &s_args)?,
            _ => {
                let args: Vec<String> = s_args.iter().map(|s| self.describe(s)).collect();
                return Err(self.unsupported(format!("the operation {} on {}", op.op, args.join(" and "))));
            }
        })
    }

    /// The truth value of a value, as a `Bool`.
    pub fn is_true(&mut self, o: &FlowOperand, s: &SomeValue) -> Result<LlOperand, Diagnostic> {
        Ok(match s {
            SomeValue::Bool => self.operand(o, LlType::Bool)?,
            SomeValue::Integer { .. } => {
                let x = self.operand(o, LlType::Signed)?;
                self.emit(LlOp::IntIsTrue, vec![x], LlType::Bool)
            }
            SomeValue::Float => {
                let x = self.operand(o, LlType::Float)?;
                self.emit(LlOp::FloatIsTrue, vec![x], LlType::Bool)
            }
            SomeValue::Unicode { can_be_none: false } => {
                let t = self.operand_type(o)?;
                let x = self.operand(o, t)?;
                let n = self.emit(LlOp::GetArraySize, vec![x], LlType::Signed);
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::String { can_be_none: false } => {
                let x = self.operand(o, STR)?;
                let n = self.emit(LlOp::GetArraySize, vec![x], LlType::Signed);
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::String { can_be_none: true } => {
                let x = self.operand(o, STR)?;
                let f = helpers::str_is_true(self.rt);
                self.call_func(f, vec![x], LlType::Bool)
            }
            l @ SomeValue::List { can_be_none: false, .. } => {
                let info = self.list_info(l)?;
                let x = self.operand(o, info.ty())?;
                let n = self.list_len(info, x);
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::None => Operand::Const(LlConst::Int(0)),
            SomeValue::Pbc(p) if !p.can_be_none => Operand::Const(LlConst::Int(1)),
            SomeValue::Char => Operand::Const(LlConst::Int(1)),
            SomeValue::Dict { can_be_none: false, .. } => {
                let n = self.dict_len(o)?;
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::Range { .. } => {
                let (n, _) = self.range_len(o)?.expect("length");
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::Instance { .. } => {
                let ty = self.operand_type(o)?;
                let x = self.operand(o, ty)?;
                self.emit(LlOp::PtrNonZero, vec![x], LlType::Bool)
            }
            SomeValue::ClassRef { .. } | SomeValue::Method { .. } => Operand::Const(LlConst::Int(1)),
            other => return Err(self.unsupported(format!("the truth value of {}", self.describe(other)))),
        })
    }

    /// `str(x)` as a STR, for `str()` and `print`.
    pub fn str_of(&mut self, o: &FlowOperand, s: &SomeValue, context: &str) -> Result<LlOperand, Diagnostic> {
        if let SomeValue::None = s {
            return Ok(Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"None"))));
        }
        let ty = match s {
            SomeValue::Integer { unsigned: false, .. } => LlType::Signed,
            _ => self.rt.lltype_of(s, self.span)?,
        };
        if ty == LlType::Void {
            return Err(self.unsupported(format!("{} {}", context, self.describe(s))));
        }
        let x = self.operand(o, ty)?;
        self.ll_str_of(x, s, context)
    }

    /// `str(x)` of an already translated value `x` annotated `s`.
    pub fn ll_str_of(&mut self, x: LlOperand, s: &SomeValue, context: &str) -> Result<LlOperand, Diagnostic> {
        Ok(match s {
            SomeValue::String { can_be_none: false } => x,
            SomeValue::Integer { unsigned: false, .. } => self.call_extern(rt_sym::INT_TO_STR, vec![x], STR),
            SomeValue::Integer { unsigned: true, .. } => self.call_extern(rt_sym::UINT_TO_STR, vec![x], STR),
            SomeValue::Float => self.call_extern(rt_sym::FLOAT_TO_STR, vec![x], STR),
            SomeValue::Unicode { can_be_none: false } => self.unicode_to_str(x),
            SomeValue::ByteArray => {
                let empty = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"")));
                self.call_extern(rt_sym::STR_JOIN, vec![empty, x, Operand::Const(LlConst::Int(1))], STR)
            }
            // `<Name object at 0x...>` (exceptions print their message in
            // Python, which we do not keep yet).
            SomeValue::Instance { class, .. } if !self.rt.builtin_exception("BaseException").is_some_and(|b| self.rt.heap.is_subclass(*class, b)) => {
                self.call_extern(rt_sym::INSTANCE_STR, vec![x], STR)
            }
            SomeValue::Bool => {
                let f = helpers::bool_to_str(self.rt);
                self.call_func(f, vec![x], STR)
            }
            SomeValue::String { can_be_none: true } => {
                let f = helpers::str_or_none(self.rt);
                self.call_func(f, vec![x], STR)
            }
            SomeValue::None => Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"None"))),
            SomeValue::Char => {
                let c = self.emit(LlOp::CastCharToInt, vec![x], LlType::Signed);
                self.call_extern(rt_sym::CHAR_TO_STR, vec![c], STR)
            }
            SomeValue::List { .. } => {
                let kind = self.list_repr_kind(s).ok_or_else(|| self.unsupported(format!("{} {}", context, self.describe(s))))?;
                self.call_extern(rt_sym::LIST_REPR, vec![x, Operand::Const(LlConst::Int(kind))], STR)
            }
            other => return Err(self.unsupported(format!("{} {}", context, self.describe(other)))),
        })
    }

    /// The `kind` argument of `rpy_list_repr` for a list annotation: the
    /// innermost item kind, plus 4 per level of nested lists.
    fn list_repr_kind(&mut self, s: &SomeValue) -> Option<i64> {
        let SomeValue::List { listdef, .. } = s else { return None };
        let item = self.rt.ann.listdef(*listdef).item.clone();
        match item {
            SomeValue::List { .. } => Some(4 + self.list_repr_kind(&item)?),
            SomeValue::Integer { unsigned: false, .. } | SomeValue::Impossible => Some(0),
            SomeValue::Bool => Some(1),
            SomeValue::Char => Some(2),
            SomeValue::String { .. } | SomeValue::None => Some(3),
            _ => None,
        }
    }

    /// A str or char operand as a STR (a char becomes a one-character str).
    pub(crate) fn as_str(&mut self, o: &FlowOperand, s: &SomeValue) -> Result<LlOperand, Diagnostic> {
        if let (SomeValue::Char, Operand::Var(_)) = (s, o) {
            let c = self.operand(o, LlType::Char)?;
            let c = self.emit(LlOp::CastCharToInt, vec![c], LlType::Signed);
            return Ok(self.call_extern(rt_sym::CHAR_TO_STR, vec![c], STR));
        }
        self.operand(o, STR)
    }

    fn binary(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        if s.iter().any(crate::floats::is_float) && s.iter().all(|x| x.is_int_like() || crate::floats::is_float(x)) {
            return self.float_binary(op, a);
        }
        if s.iter().any(crate::unicode::is_unicode) {
            return self.unicode_binary(op, a, s);
        }
        if s.iter().any(crate::rarith::is_unsigned) {
            return self.unsigned_binary(op, a, s);
        }
        if s[0].is_int_like() && s[1].is_int_like() {
            let x = self.operand(&a[0], LlType::Signed)?;
            let y = self.operand(&a[1], LlType::Signed)?;
            let llop = match (op, crate::rarith::word_op(op)) {
                (HlOp::RShift, _) => LlOp::IntRShift,
                (_, Some(llop)) => llop,
                (HlOp::Div | HlOp::FloorDiv | HlOp::Mod, _) => {
                    let pure = if op == HlOp::Mod { LlOp::IntMod } else { LlOp::IntFloorDiv };
                    // A constant divisor other than 0 (raises) and -1 (overflows
                    // on the smallest int) needs no check.
                    let safe = matches!(&a[1], Operand::Const(Value::Int(c)) if *c != 0 && *c != -1)
                        || matches!(&a[1], Operand::Const(Value::Bool(true)));
                    let r = if safe {
                        self.emit(pure, vec![x, y], LlType::Signed)
                    } else {
                        let f = helpers::int_divmod(self.rt, op == HlOp::Mod);
                        self.call_func(f, vec![x, y], LlType::Signed)
                    };
                    return Ok((r, LlType::Signed));
                }
                _ => return Err(self.unsupported(format!("the operation {}", op))),
            };
            return Ok((self.emit(llop, vec![x, y], LlType::Signed), LlType::Signed));
        }
        if s[0].is_string_like() && op == HlOp::Mod {
            return self.format(a, s);
        }
        if s[0].is_string_like() && s[1].is_int_like() && op == HlOp::Mul {
            return self.str_mul(a);
        }
        if s[0].is_int_like() && (s[1].is_string_like() || matches!(s[1], SomeValue::List { .. })) && op == HlOp::Mul {
            // `n * x` is `x * n`.
            let swapped = [a[1].clone(), a[0].clone()];
            let ss = [s[1].clone(), s[0].clone()];
            return self.binary(op, &swapped, &ss);
        }
        if matches!(s[0], SomeValue::List { .. }) && matches!(op, HlOp::Add | HlOp::Mul) {
            return self.list_binary(op, a, s);
        }
        if op == HlOp::Add && s[0].is_string_like() && s[1].is_string_like() {
            let x = self.as_str(&a[0], &s[0])?;
            let y = self.as_str(&a[1], &s[1])?;
            return Ok((self.call_extern(rt_sym::STR_CONCAT, vec![x, y], STR), STR));
        }
        Err(self.unsupported(format!(
            "{} of {} and {}",
            annotator::op_symbol(op),
            self.describe(&s[0]),
            self.describe(&s[1])
        )))
    }

    fn compare(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let is_str = |s: &SomeValue| matches!(s, SomeValue::String { .. } | SomeValue::None | SomeValue::Char);
        // Two chars (or a char and a one-character constant) compare as bytes.
        let char_like = |s: &SomeValue, o: &FlowOperand| {
            *s == SomeValue::Char || matches!(o, Operand::Const(Value::Str(c)) if c.len() == 1)
        };
        if (s[0] == SomeValue::Char || s[1] == SomeValue::Char) && char_like(&s[0], &a[0]) && char_like(&s[1], &a[1]) {
            let x = self.operand(&a[0], LlType::Char)?;
            let y = self.operand(&a[1], LlType::Char)?;
            let x = self.emit(LlOp::CastCharToInt, vec![x], LlType::Signed);
            let y = self.emit(LlOp::CastCharToInt, vec![y], LlType::Signed);
            let llop = match op {
                HlOp::Lt => LlOp::IntLt,
                HlOp::Le => LlOp::IntLe,
                HlOp::Eq => LlOp::IntEq,
                HlOp::Ne => LlOp::IntNe,
                HlOp::Gt => LlOp::IntGt,
                _ => LlOp::IntGe,
            };
            return Ok((self.emit(llop, vec![x, y], LlType::Bool), LlType::Bool));
        }
        if s.iter().any(crate::floats::is_float) && s.iter().all(|x| x.is_int_like() || crate::floats::is_float(x)) {
            return self.float_compare(op, a);
        }
        if s.iter().all(crate::unicode::is_unicode) {
            return self.unicode_compare(op, a);
        }
        if s[0].is_int_like() && s[1].is_int_like() && s.iter().any(crate::rarith::is_unsigned) {
            return self.unsigned_compare(op, a);
        }
        if s[0].is_int_like() && s[1].is_int_like() {
            let x = self.operand(&a[0], LlType::Signed)?;
            let y = self.operand(&a[1], LlType::Signed)?;
            let llop = match op {
                HlOp::Lt => LlOp::IntLt,
                HlOp::Le => LlOp::IntLe,
                HlOp::Eq => LlOp::IntEq,
                HlOp::Ne => LlOp::IntNe,
                HlOp::Gt => LlOp::IntGt,
                _ => LlOp::IntGe,
            };
            return Ok((self.emit(llop, vec![x, y], LlType::Bool), LlType::Bool));
        }
        if matches!(op, HlOp::Eq | HlOp::Ne) && matches!(s[0], SomeValue::List { .. }) && matches!(s[1], SomeValue::List { .. }) {
            let r = self.list_eq(a, s)?;
            let r = if op == HlOp::Ne { self.emit(LlOp::BoolNot, vec![r], LlType::Bool) } else { r };
            return Ok((r, LlType::Bool));
        }
        if matches!(op, HlOp::Eq | HlOp::Ne) && matches!(s[0], SomeValue::Tuple(_)) && matches!(s[1], SomeValue::Tuple(_)) {
            let r = self.tuple_eq(a, s)?;
            let r = if op == HlOp::Ne { self.emit(LlOp::BoolNot, vec![r], LlType::Bool) } else { r };
            return Ok((r, LlType::Bool));
        }
        if matches!(s[0], SomeValue::Tuple(_)) && matches!(s[1], SomeValue::Tuple(_)) {
            return Ok((self.tuple_order(op, a, s)?, LlType::Bool));
        }
        let is_inst = |s: &SomeValue| matches!(s, SomeValue::Instance { .. } | SomeValue::None);
        if matches!(op, HlOp::Eq | HlOp::Ne) && is_inst(&s[0]) && is_inst(&s[1]) && !(s[0] == SomeValue::None && s[1] == SomeValue::None) {
            let (r, ty) = self.is_(a, s)?;
            let r = if op == HlOp::Ne { self.emit(LlOp::BoolNot, vec![r], LlType::Bool) } else { r };
            return Ok((r, ty));
        }
        if s[0] == SomeValue::None && s[1] == SomeValue::None {
            return Ok((Operand::Const(LlConst::Int((op == HlOp::Eq) as i64)), LlType::Bool));
        }
        if is_str(&s[0]) && is_str(&s[1]) {
            let x = self.as_str(&a[0], &s[0])?;
            let y = self.as_str(&a[1], &s[1])?;
            let zero = Operand::Const(LlConst::Int(0));
            let r = match op {
                HlOp::Eq | HlOp::Ne => {
                    let eq = self.call_extern(rt_sym::STR_EQ, vec![x, y], LlType::Signed);
                    let llop = if op == HlOp::Eq { LlOp::IntNe } else { LlOp::IntEq };
                    self.emit(llop, vec![eq, zero], LlType::Bool)
                }
                _ => {
                    let c = self.call_extern(rt_sym::STR_CMP, vec![x, y], LlType::Signed);
                    let llop = match op {
                        HlOp::Lt => LlOp::IntLt,
                        HlOp::Le => LlOp::IntLe,
                        HlOp::Gt => LlOp::IntGt,
                        _ => LlOp::IntGe,
                    };
                    self.emit(llop, vec![c, zero], LlType::Bool)
                }
            };
            return Ok((r, LlType::Bool));
        }
        Err(self.unsupported(format!(
            "comparing {} with {}",
            self.describe(&s[0]),
            self.describe(&s[1])
        )))
    }

    /// `a is b`: pointer identity; constants (None, functions) compare now.
    fn is_(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let (t0, t1) = (self.operand_type(&a[0])?, self.operand_type(&a[1])?);
        // `x is None` where x can never be None (the annotator decided the branch).
        if (s[0] == SomeValue::None && !s[1].can_be_none()) || (s[1] == SomeValue::None && !s[0].can_be_none()) {
            return Ok((Operand::Const(LlConst::Int(0)), LlType::Bool));
        }
        let r = match (t0, t1) {
            (LlType::Void, LlType::Void) => {
                let same = s[0] == s[1] && (s[0] == SomeValue::None || self.rt.single_desc(&s[0]).is_some());
                Operand::Const(LlConst::Int(same as i64))
            }
            (LlType::Ptr(_), LlType::Void) | (LlType::Void, LlType::Ptr(_))
                if s[0] == SomeValue::None || s[1] == SomeValue::None =>
            {
                let (p, ty) = if t0 == LlType::Void { (&a[1], t1) } else { (&a[0], t0) };
                let x = self.operand(p, ty)?;
                self.emit(LlOp::PtrIsZero, vec![x], LlType::Bool)
            }
            (LlType::Ptr(_), LlType::Void) | (LlType::Void, LlType::Ptr(_))
                if matches!(s[0], SomeValue::ClassRef { .. }) || matches!(s[1], SomeValue::ClassRef { .. }) =>
            {
                let (p, ty, k) = if t0 == LlType::Void { (&a[1], t1, &s[0]) } else { (&a[0], t0, &s[1]) };
                match self.rt.single_desc(k) {
                    Some(Desc::Class(c)) if self.rt.classes.contains_key(&c) => {
                        let x = self.operand(p, ty)?;
                        let vt = Operand::Const(LlConst::Prebuilt(self.rt.classes[&c].vtable));
                        self.emit(LlOp::PtrEq, vec![x, vt], LlType::Bool)
                    }
                    // A class never instantiated: no object has it as its type.
                    Some(Desc::Class(_)) => Operand::Const(LlConst::Int(0)),
                    _ => return Err(self.unsupported(format!("`is` between {} and {}", self.describe(&s[0]), self.describe(&s[1])))),
                }
            }
            (LlType::Ptr(_), LlType::Ptr(_)) => {
                let x = self.operand(&a[0], t0)?;
                let y = self.operand(&a[1], t1)?;
                self.emit(LlOp::PtrEq, vec![x, y], LlType::Bool)
            }
            _ if (s[0].is_int_like() && s[1].is_int_like()) || (is_function_pbc(&s[0]) && is_function_pbc(&s[1])) => {
                let x = self.operand(&a[0], LlType::Signed)?;
                let y = self.operand(&a[1], LlType::Signed)?;
                self.emit(LlOp::IntEq, vec![x, y], LlType::Bool)
            }
            _ => {
                return Err(self.unsupported(format!(
                    "`is` between {} and {}",
                    self.describe(&s[0]),
                    self.describe(&s[1])
                )))
            }
        };
        Ok((r, LlType::Bool))
    }

    fn getitem(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        if let SomeValue::List { can_be_none: false, .. } = &s[0] {
            if s[1].is_int_like() {
                let info = self.list_info(&s[0])?;
                let item_ty = info.item;
                let f = helpers::list_getitem(self.rt, info);
                let l = self.operand(&a[0], info.ty())?;
                let i = self.operand(&a[1], LlType::Signed)?;
                return Ok((self.call_func(f, vec![l, i], item_ty), item_ty));
            }
        }
        if matches!(s[0], SomeValue::String { can_be_none: false } | SomeValue::Char) && s[1].is_int_like() {
            return self.str_getitem(a);
        }
        Err(self.unsupported(format!("indexing {} with {}", self.describe(&s[0]), self.describe(&s[1]))))
    }

    fn getattr(&mut self, op: &FlowOp, s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        if want == LlType::Void {
            return Ok(None);
        }
        if let (SomeValue::StatResult, Operand::Const(Value::Str(name))) = (&s[0], &op.args[1]) {
            let name = String::from_utf8_lossy(name);
            let i = abi::STAT_FIELDS.iter().position(|f| *f == name).ok_or_else(|| self.internal("stat field"))?;
            let t = LlType::Ptr(self.rt.stat_type());
            let st = self.operand(&op.args[0], t)?;
            return Ok(Some((self.emit(LlOp::GetField, vec![st, Operand::Const(LlConst::Field(i as u32))], want), want)));
        }
        if let (SomeValue::Instance { .. }, Operand::Const(Value::Str(name))) = (&s[0], &op.args[1]) {
            if &name[..] == b"__class__" {
                return self.type_of(&op.args[0], &s[0]);
            }
        }
        // An attribute of a module is a constant.
        if let (Some(Desc::Module(m)), Operand::Const(Value::Str(name))) = (self.rt.single_desc(&s[0]), &op.args[1]) {
            let module = self.rt.heap.module(m).expect("Desc::Module of a module");
            if let Some(v) = module.globals.get(&Value::Str(name.clone())) {
                let c = self.rt.const_to_ll(&v.clone(), want, self.span)?;
                return Ok(Some((Operand::Const(c), want)));
            }
        }
        if let SomeValue::BuiltinMethod { .. } = self.ag.binding(op.result) {
            // A bound built-in method is represented by its receiver.
            return Ok(Some((self.operand(&op.args[0], want)?, want)));
        }
        if let (SomeValue::Instance { class, .. }, Operand::Const(Value::Str(name))) = (&s[0], &op.args[1]) {
            let name = String::from_utf8_lossy(name).into_owned();
            if let SomeValue::Method { .. } = self.ag.binding(op.result) {
                // A bound method is represented by its receiver.
                return Ok(Some((self.operand(&op.args[0], want)?, want)));
            }
            let repr = self.rt.class_repr(*class, self.span)?.clone();
            let (index, ty) = repr.field(&name).ok_or_else(|| self.internal(&format!("no field {}", name)))?;
            let x = self.operand(&op.args[0], LlType::Ptr(repr.inst))?;
            let v = self.emit(LlOp::GetField, vec![x, Operand::Const(LlConst::Field(index))], ty);
            return Ok(Some((v, ty)));
        }
        Err(self.unsupported(format!("reading an attribute of {}", self.describe(&s[0]))))
    }

    fn setattr(&mut self, op: &FlowOp, s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        if let (SomeValue::Instance { class, .. }, Operand::Const(Value::Str(name))) = (&s[0], &op.args[1]) {
            let name = String::from_utf8_lossy(name).into_owned();
            let repr = self.rt.class_repr(*class, self.span)?.clone();
            let Some((index, ty)) = repr.field(&name) else {
                // A Void attribute (always the same constant) has no field.
                return Ok(None);
            };
            let x = self.operand(&op.args[0], LlType::Ptr(repr.inst))?;
            let v = self.operand(&op.args[2], ty)?;
            self.emit(LlOp::SetField, vec![x, Operand::Const(LlConst::Field(index)), v], LlType::Void);
            return Ok(None);
        }
        Err(self.unsupported(format!("setting an attribute of {}", self.describe(&s[0]))))
    }

    fn newlist(&mut self, op: &FlowOp) -> Result<(LlOperand, LlType), Diagnostic> {
        let want = self.ag.binding(op.result).clone();
        let info = self.list_info(&want)?;
        let n = Operand::Const(LlConst::Int(op.args.len() as i64));
        let array_t = LlType::Ptr(info.array);
        let arr = self.emit(LlOp::MallocVarsize, vec![Operand::Const(LlConst::Type(info.array)), n.clone()], array_t);
        let l = if info.fixed {
            arr.clone()
        } else {
            let l = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(info.list))], info.ty());
            self.emit(LlOp::SetField, vec![l.clone(), Operand::Const(LlConst::Field(0)), n], LlType::Void);
            self.emit(LlOp::SetField, vec![l.clone(), Operand::Const(LlConst::Field(1)), arr.clone()], LlType::Void);
            l
        };
        for (i, item) in op.args.iter().enumerate() {
            let x = self.operand(item, info.item)?;
            let idx = Operand::Const(LlConst::Int(i as i64));
            self.emit(LlOp::SetArrayItem, vec![arr.clone(), idx, x], LlType::Void);
        }
        Ok((l, info.ty()))
    }

    fn call(&mut self, op: &FlowOp) -> Result<Produced, Diagnostic> {
        let annotator::CallSite { shape, callee, args: arg_ops } =
            annotator::call_operands(op).map_err(|m| Diagnostic::error(self.span, m))?;
        let s_callee = self.annotation(callee)?;
        if let SomeValue::Method { class, name } = &s_callee {
            return self.call_method(op, *class, name, &shape, callee, arg_ops);
        }
        if let SomeValue::Instance { class, .. } = &s_callee {
            return self.call_method(op, *class, "__call__", &shape, callee, arg_ops);
        }
        if let SomeValue::BuiltinMethod { name, receiver } = &s_callee {
            if **receiver == SomeValue::None && annotator::intrinsics::JITDRIVER_HINTS.contains(&name.as_str()) {
                // A JitDriver hint: no operations until the JIT exists.
                return Ok(None);
            }
            if let SomeValue::Dict { .. } = **receiver {
                return self.dict_method(op, callee, &s_callee, name, arg_ops);
            }
            if let SomeValue::String { .. } = **receiver {
                return self.str_method(callee, name, arg_ops);
            }
            if let SomeValue::Unicode { .. } = **receiver {
                let result = self.ag.binding(op.result).clone();
                return self.unicode_method(&result, callee, name, arg_ops);
            }
            if **receiver == SomeValue::Environ {
                let sk = self.annotation(&arg_ops[0])?;
                let k = self.as_str(&arg_ops[0], &sk)?;
                let d = match arg_ops.get(1) {
                    Some(x) => {
                        let sd = self.annotation(x)?;
                        if sd == SomeValue::None { Operand::Const(LlConst::Null) } else { self.as_str(x, &sd)? }
                    }
                    None => Operand::Const(LlConst::Null),
                };
                return Ok(Some((self.call_extern(rt_sym::OS_GETENV, vec![k, d], STR), STR)));
            }
            if let SomeValue::Generator { .. } = **receiver {
                return self.generator_next(callee, receiver);
            }
            if let Some(Desc::Builtin(stream)) = self.rt.single_desc(receiver) {
                if name == "flush" {
                    // Print output is flushed before any other write and at exit.
                    return Ok(None);
                }
                let s = self.annotation(&arg_ops[0])?;
                let text = self.as_str(&arg_ops[0], &s)?;
                if matches!(self.rt.heap.get(stream), hostobj::Object::Builtin(n) if n == "sys.stdout") {
                    self.call_extern(rt_sym::PRINT_TEXT, vec![text], LlType::Void);
                } else {
                    self.call_extern(rt_sym::OS_WRITE, vec![Operand::Const(LlConst::Int(2)), text], LlType::Signed);
                }
                return Ok(None);
            }
            return self.list_method(callee, &s_callee, name, arg_ops);
        }
        let Some(desc) = self.rt.single_desc(&s_callee) else {
            if let SomeValue::Pbc(p) = &s_callee {
                if p.descs.iter().all(|d| matches!(d, Desc::Function(_))) {
                    let funcs: Vec<_> = p.descs.iter().map(|d| d.obj()).collect();
                    return self.call_function_pbc(op, callee, &funcs, &shape, arg_ops);
                }
            }
            return Err(self.unsupported(format!("calling {}", self.describe(&s_callee))));
        };
        {
            if let Some(intrinsic) = annotator::intrinsics::intrinsic(self.rt.heap, desc.obj()) {
                return match intrinsic {
                    annotator::intrinsics::Intrinsic::FirstArg | annotator::intrinsics::Intrinsic::Widen => {
                        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
                        if want == LlType::Void {
                            return Ok(None);
                        }
                        let first = arg_ops.first().ok_or_else(|| self.internal("intrinsic without an argument"))?;
                        Ok(Some((self.operand(first, want)?, want)))
                    }
                    annotator::intrinsics::Intrinsic::ConstBool(x) => {
                        Ok(Some((Operand::Const(LlConst::Int(x as i64)), LlType::Bool)))
                    }
                    annotator::intrinsics::Intrinsic::NoOp => Ok(None),
                    annotator::intrinsics::Intrinsic::GcCollect => {
                        self.call_extern(rt_sym::GC_COLLECT, vec![], LlType::Void);
                        Ok(None)
                    }
                    annotator::intrinsics::Intrinsic::Instantiate => {
                        let s = self.annotation(&arg_ops[0])?;
                        if let Some(Desc::Class(c)) = self.rt.single_desc(&s) {
                            return self.new_instance(c).map(Some);
                        }
                        let SomeValue::Pbc(p) = &s else { return Err(self.internal("instantiate() of a non-class")) };
                        self.instantiate_any(p, &arg_ops[0]).map(Some)
                    }
                    annotator::intrinsics::Intrinsic::ToSingleFloat => {
                        let x = self.as_float(&arg_ops[0])?;
                        Ok(Some((self.call_extern(rt_sym::ROUND_TO_SINGLE, vec![x], LlType::Float), LlType::Float)))
                    }
                    annotator::intrinsics::Intrinsic::ComputeHash | annotator::intrinsics::Intrinsic::IdentityHash => {
                        let s = self.annotation(&arg_ops[0])?;
                        let ty = self.operand_type(&arg_ops[0])?;
                        let x = if ty == LlType::Void { Operand::Const(LlConst::Void) } else { self.operand(&arg_ops[0], ty)? };
                        Ok(Some((self.compute_hash(x, ty, &s)?, LlType::Signed)))
                    }
                    annotator::intrinsics::Intrinsic::DebugPrint => {
                        let mut line: Option<LlOperand> = None;
                        for x in arg_ops {
                            let sx = self.annotation(x)?;
                            let t = self.str_of(x, &sx, "debug_print() of")?;
                            line = Some(match line {
                                None => t,
                                Some(prev) => {
                                    let space = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b" ")));
                                    let p = self.call_extern(rt_sym::STR_CONCAT, vec![prev, space], STR);
                                    self.call_extern(rt_sym::STR_CONCAT, vec![p, t], STR)
                                }
                            });
                        }
                        let nl = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"\n")));
                        let text = match line {
                            None => nl,
                            Some(l) => self.call_extern(rt_sym::STR_CONCAT, vec![l, nl], STR),
                        };
                        self.call_extern(rt_sym::OS_WRITE, vec![Operand::Const(LlConst::Int(2)), text], LlType::Signed);
                        Ok(None)
                    }
                    annotator::intrinsics::Intrinsic::FloatHelper(h) => self.float_helper(h, arg_ops).map(Some),
                    annotator::intrinsics::Intrinsic::ToSigned | annotator::intrinsics::Intrinsic::ToUnsigned => {
                        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
                        let first = arg_ops.first().ok_or_else(|| self.internal("intrinsic without an argument"))?;
                        Ok(Some((self.as_word(first, want)?, want)))
                    }
                };
            }
        }
        let mut s_args = Vec::new();
        for a in arg_ops {
            s_args.push(self.annotation(a)?);
        }
        match desc {
            Desc::Function(f) => {
                let (callee_g, args) = self.function_args(f, None, &shape, arg_ops)?;
                if self.rt.ann.generators.contains_key(&callee_g) {
                    return Ok(Some(self.new_generator(callee_g, args)?));
                }
                let ret = return_type(self.rt, callee_g)?;
                let r = self.call_func(FuncId(callee_g.0), args, ret);
                Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
            }
            Desc::Class(c) if annotator::intrinsics::is_r_dict_class(self.rt.heap, c) => {
                // The key functions travel with the dict's type (its keys listdef).
                let t = LlType::Ptr(self.rt.dict_type());
                let s = self.ag.binding(self.current_result).clone();
                Ok(Some((self.new_dict(&s)?, t)))
            }
            Desc::Class(c) => self.instantiate(c, &shape, arg_ops),
            Desc::Builtin(_) => {
                let name = self.rt.builtin_name(desc).unwrap_or_default();
                if name == "print" {
                    return self.print_call(&shape, arg_ops, &s_args);
                }
                if name == "hasattr" {
                    let consts: Vec<Option<Value>> = arg_ops.iter().zip(&s_args).map(|(o, s)| annotator::constant_of(o, s)).collect();
                    let [Some(obj), Some(Value::Str(attr))] = consts.as_slice() else { return Err(self.internal("hasattr() of non-constants")) };
                    let has = annotator::static_hasattr(self.rt.heap, obj, &String::from_utf8_lossy(attr));
                    return Ok(Some((Operand::Const(LlConst::Int(has as i64)), LlType::Bool)));
                }
                if let (Some(method), [SomeValue::Instance { class, .. }]) = (annotator::special::builtin_method(&name), s_args.as_slice()) {
                    let none = annotator::CallShape { positional: 0, keywords: Vec::new(), star_arg: false };
                    return self.call_method(op, *class, method, &none, &arg_ops[0], &[]);
                }
                self.call_builtin(&name, arg_ops, &s_args)
            }
            _ => Err(self.unsupported(format!("calling {}", self.describe(&s_callee)))),
        }
    }

    /// The low-level arguments of a call of function `f`: `this` (an
    /// already translated receiver) first if given, then the call's
    /// arguments matched to the parameters as the annotator matched them
    /// (defaults filled in, `f(*t)` tuples spread, a `*args` tuple built),
    /// and the graph the annotator chose for this call.
    fn function_args(
        &mut self,
        f: hostobj::ObjId,
        this: Option<(LlOperand, LlType)>,
        shape: &annotator::CallShape,
        arg_ops: &[FlowOperand],
    ) -> Result<(annotator::GraphId, Vec<LlOperand>), Diagnostic> {
        let ann = self.rt.ann;
        let (callee_g, binding) = ann
            .call_target(self.gid, self.current_result, f)
            .cloned()
            .ok_or_else(|| self.internal("call of a function never annotated"))?;
        let extra = this.is_some() as usize;
        // The f(*t) tuple, translated once.
        let star = match shape.star_arg.then(|| arg_ops.last()).flatten() {
            Some(o) => {
                let SomeValue::Tuple(items) = self.annotation(o)? else { return Err(self.internal("f(*x) of a non-tuple")) };
                let ty = self.operand_type(o)?;
                Some((self.operand(o, ty)?, items))
            }
            None => None,
        };
        let cag = ann.graph(callee_g);
        let params = cag.graph.block(cag.graph.startblock).inputargs.clone();
        let value = |me: &mut Self, src: &ArgSource, want: LlType| -> Result<LlOperand, Diagnostic> {
            match src {
                ArgSource::Given(0) if extra == 1 => {
                    let (o, ty) = this.clone().expect("receiver");
                    me.convert(o, ty, want)
                }
                ArgSource::Given(k) => me.operand(&arg_ops[*k - extra], want),
                ArgSource::StarItem(j) => {
                    let (t, items) = star.clone().ok_or_else(|| me.internal("star item without a tuple"))?;
                    match me.tuple_item(t, &items, *j)? {
                        Some((x, ty)) => me.convert(x, ty, want),
                        None => Err(me.internal("a Void tuple item passed as a value")),
                    }
                }
                ArgSource::Default(v) => Ok(Operand::Const(me.rt.const_to_ll(v, want, me.span)?)),
            }
        };
        let mut args = Vec::new();
        for (i, src) in binding.params.iter().enumerate() {
            let want = self.rt.lltype_of(cag.binding(params[i]), self.span)?;
            if want != LlType::Void {
                args.push(value(self, src, want)?);
            }
        }
        if let Some(sources) = &binding.vararg {
            let s_tuple = cag.binding(params[binding.params.len()]);
            let SomeValue::Tuple(s_items) = s_tuple else { return Err(self.internal("*args is not a tuple")) };
            let types = self.rt.tuple_item_types(s_items, self.span)?;
            let mut items = Vec::new();
            for (src, want) in sources.iter().zip(types) {
                let x = if want == LlType::Void { Operand::Const(LlConst::Void) } else { value(self, src, want)? };
                items.push((x, want));
            }
            if self.rt.lltype_of(s_tuple, self.span)? != LlType::Void {
                args.push(self.make_tuple(&items).0);
            }
        }
        Ok((callee_g, args))
    }

    /// `print(x, ..., sep=" ", end="\n")`: the items' str() with `sep`
    /// between them and `end` after, as plain text.
    fn print_call(&mut self, shape: &annotator::CallShape, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let keyword = |me: &mut Self, name: &str, default: &[u8]| -> Result<LlOperand, Diagnostic> {
            match shape.keywords.iter().position(|k| k == name) {
                Some(k) => me.as_str(&a[shape.positional + k], &s[shape.positional + k]),
                None => Ok(Operand::Const(LlConst::Prebuilt(me.rt.prebuilt_str(default)))),
            }
        };
        let sep = keyword(self, "sep", b" ")?;
        let end = keyword(self, "end", b"\n")?;
        for i in 0..shape.positional {
            if i > 0 {
                self.call_extern(rt_sym::PRINT_TEXT, vec![sep.clone()], LlType::Void);
            }
            let x = self.str_of(&a[i], &s[i], "printing")?;
            self.call_extern(rt_sym::PRINT_TEXT, vec![x], LlType::Void);
        }
        self.call_extern(rt_sym::PRINT_TEXT, vec![end], LlType::Void);
        Ok(None)
    }

    /// A call of a function of `abi::call_builtins`: its runtime function,
    /// with omitted trailing arguments filled in.
    fn call_table_builtin(&mut self, b: &abi::call_builtins::CallBuiltin, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        use abi::call_builtins::Kind;
        let mut args = Vec::new();
        let first_default = b.params.len() - b.defaults.len();
        for (i, k) in b.params.iter().enumerate() {
            args.push(match (k, a.get(i)) {
                (Kind::Int, Some(x)) => self.operand(x, LlType::Signed)?,
                (Kind::Str, Some(x)) => self.as_str(x, &s[i])?,
                (Kind::StrOrNone, Some(x)) if s[i] == SomeValue::Char => self.as_str(x, &s[i])?,
                (Kind::StrOrNone, Some(x)) => self.operand(x, STR)?,
                (Kind::Float, Some(x)) => self.operand(x, LlType::Float)?,
                (Kind::Int, None) if i >= first_default => Operand::Const(LlConst::Int(b.defaults[i - first_default])),
                (Kind::StrOrNone, None) => Operand::Const(LlConst::Null),
                _ => return Err(self.internal(&format!("bad call of {}()", b.name))),
            });
        }
        let ty = match b.result {
            Kind::Int => LlType::Signed,
            Kind::Str | Kind::StrOrNone => STR,
            Kind::Bool => LlType::Bool,
            Kind::Float => LlType::Float,
            Kind::Void => LlType::Void,
            Kind::StrList => LlType::Ptr(self.rt.list_type(STR).0),
        };
        let r = self.call_extern(b.symbol, args, ty);
        Ok(if ty == LlType::Void { None } else { Some((r, ty)) })
    }

    /// objectmodel.compute_hash of a translated value (Python 2's hashes,
    /// the identity for instances).
    fn compute_hash(&mut self, x: LlOperand, ty: LlType, s: &SomeValue) -> Result<LlOperand, Diagnostic> {
        Ok(match s {
            SomeValue::None => Operand::Const(LlConst::Int(0)),
            SomeValue::String { .. } | SomeValue::Char => {
                let t = self.convert(x, ty, STR)?;
                self.call_extern(rt_sym::COMPUTE_HASH_STR, vec![t], LlType::Signed)
            }
            SomeValue::Float => self.call_extern(rt_sym::COMPUTE_HASH_FLOAT, vec![x], LlType::Signed),
            SomeValue::Instance { .. } => self.call_extern(rt_sym::IDENTITY_HASH, vec![x], LlType::Signed),
            SomeValue::Tuple(items) => {
                // Python 2's tuple hash over the items' hashes.
                let mut acc = Operand::Const(LlConst::Int(0x345678));
                for i in 0..items.len() {
                    let h = match self.tuple_item(x.clone(), items, i)? {
                        Some((v, vt)) => self.compute_hash(v, vt, &items[i])?,
                        None => self.compute_hash(Operand::Const(LlConst::Void), LlType::Void, &items[i])?,
                    };
                    let m = self.emit(LlOp::IntMul, vec![Operand::Const(LlConst::Int(1000003)), acc], LlType::Signed);
                    acc = self.emit(LlOp::IntXor, vec![m, h], LlType::Signed);
                }
                acc
            }
            i if i.is_int_like() => self.convert(x, ty, LlType::Signed)?,
            other => return Err(self.unsupported(format!("compute_hash() of {}", self.describe(other)))),
        })
    }

    /// `next(gen)`: a call of the generator function's graph on the frame.
    fn generator_next(&mut self, g: &FlowOperand, s: &SomeValue) -> Result<Produced, Diagnostic> {
        let SomeValue::Generator { graph, .. } = s else { return Err(self.internal("next() of a non-generator")) };
        let graph = annotator::GraphId(*graph);
        let ty = self.operand_type(g)?;
        let frame = self.operand(g, ty)?;
        let ret = return_type(self.rt, graph)?;
        let r = self.call_func(FuncId(graph.0), vec![frame], ret);
        Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
    }

    /// An operation that calls a method of its instance operand
    /// (`annotator::special`).
    fn special_call(
        &mut self,
        op: &FlowOp,
        recv: &SomeValue,
        call: annotator::special::SpecialCall,
        rest: &[FlowOperand],
    ) -> Result<Produced, Diagnostic> {
        let SomeValue::Instance { class, .. } = recv else { return Err(self.internal("special call on a non-instance")) };
        let shape = annotator::CallShape { positional: rest.len(), keywords: Vec::new(), star_arg: false };
        match call {
            annotator::special::SpecialCall::Method(name) => self.call_method(op, *class, name, &shape, &op.args[0], rest),
            annotator::special::SpecialCall::Function(f) => {
                let ty = LlType::Ptr(self.rt.class_repr(*class, self.span)?.inst);
                let this = self.operand(&op.args[0], ty)?;
                let (g, args) = self.function_args(f, Some((this, ty)), &shape, rest)?;
                let ret = return_type(self.rt, g)?;
                let r = self.call_func(FuncId(g.0), args, ret);
                Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
            }
        }
    }

    /// `x in (a, b, c)`: `x == a or x == b or x == c`.
    fn const_tuple_contains(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let SomeValue::Tuple(s_items) = &s[0] else { return Err(self.internal("not a tuple")) };
        let t_ty = self.operand_type(&a[0])?;
        let t = self.operand(&a[0], t_ty)?;
        let x_ty = self.operand_type(&a[1])?;
        let x = self.operand(&a[1], x_ty)?;
        let mut any: Option<LlOperand> = None;
        for i in 0..s_items.len() {
            let Some((item, item_ty)) = self.tuple_item(t.clone(), s_items, i)? else {
                return Err(self.unsupported(format!("`in` of a tuple holding {}", self.describe(&s_items[i]))));
            };
            let eq = self.values_eq(item, item_ty, &s_items[i], x.clone(), x_ty, &s[1])?;
            any = Some(match any {
                None => eq,
                Some(prev) => {
                    let p = self.emit(LlOp::CastBoolToInt, vec![prev], LlType::Signed);
                    let q = self.emit(LlOp::CastBoolToInt, vec![eq], LlType::Signed);
                    let either = self.emit(LlOp::IntOr, vec![p, q], LlType::Signed);
                    self.emit(LlOp::IntIsTrue, vec![either], LlType::Bool)
                }
            });
        }
        Ok((any.unwrap_or(Operand::Const(LlConst::Int(0))), LlType::Bool))
    }

    /// `f(args)` where `f` may be one of several functions: a call through
    /// the address `f` holds. Every function must take and return the same
    /// low-level types.
    fn call_function_pbc(
        &mut self,
        op: &FlowOp,
        callee: &FlowOperand,
        funcs: &[hostobj::ObjId],
        shape: &annotator::CallShape,
        arg_ops: &[FlowOperand],
    ) -> Result<Produced, Diagnostic> {
        let ann = self.rt.ann;
        let mut sig: Option<(Vec<LlType>, LlType)> = None;
        let mut args = Vec::new();
        for &f in funcs {
            let Some(&(g, _)) = ann.call_target(self.gid, self.current_result, f) else { continue };
            let ag = ann.graph(g);
            let mut params = Vec::new();
            for &v in &ag.graph.block(ag.graph.startblock).inputargs {
                params.push(self.rt.lltype_of(ag.binding(v), self.span)?);
            }
            let ret = if *ag.return_annotation() == SomeValue::Impossible { None } else { Some(return_type(self.rt, g)?) };
            match &mut sig {
                None => {
                    sig = Some((params, ret.unwrap_or(LlType::Void)));
                    args = self.function_args(f, None, shape, arg_ops)?.1;
                }
                Some((p, r)) => {
                    let same_ret = match ret {
                        None => true,
                        Some(t) if *r == LlType::Void && t != LlType::Void => {
                            *r = t;
                            true
                        }
                        Some(t) => t == *r,
                    };
                    if *p != params || !same_ret {
                        return Err(self.unsupported(format!(
                            "calling {} whose versions take or return different low-level types",
                            self.describe(&self.annotation(callee)?)
                        )));
                    }
                }
            }
        }
        let (_, ret) = sig.ok_or_else(|| self.internal("call of functions never annotated"))?;
        let fnaddr = self.operand(callee, LlType::Signed)?;
        let mut all = vec![fnaddr];
        all.extend(args);
        let r = self.emit(LlOp::IndirectCall, all, ret);
        let _ = op;
        Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
    }

    /// `C(args)`: a new instance with its vtable and class defaults, then `__init__`.
    fn instantiate(&mut self, c: hostobj::ObjId, shape: &annotator::CallShape, arg_ops: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let heap = self.rt.heap;
        let (p, ty) = self.new_instance(c)?;
        if let Some(names) = annotator::env_error_fields(heap, c, arg_ops.len()).filter(|_| shape.keywords.is_empty()) {
            // EnvironmentError(errno, strerror[, filename]) keeps its arguments.
            let repr = self.rt.class_repr(c, self.span)?.clone();
            for (name, x) in names.iter().zip(arg_ops) {
                if let Some((index, fty)) = repr.field(name) {
                    let v = self.operand(x, fty)?;
                    self.emit(LlOp::SetField, vec![p.clone(), Operand::Const(LlConst::Field(index)), v], LlType::Void);
                }
            }
        }
        if let Some((_, Value::Obj(f))) = heap.lookup_class_attr(c, "__init__") {
            if heap.function(*f).is_some() {
                let (g, args) = self.function_args(*f, Some((p.clone(), ty)), shape, arg_ops)?;
                let ret = return_type(self.rt, g)?;
                self.call_func(FuncId(g.0), args, ret);
            }
        }
        Ok(Some((p, ty)))
    }

    /// `instantiate(cls)` where `cls` is one of several classes: a helper
    /// that compares the vtable with each class's and builds that one.
    fn instantiate_any(&mut self, p: &annotator::SomePbc, cls: &FlowOperand) -> Result<(LlOperand, LlType), Diagnostic> {
        let base = self.rt.class_pbc_base(p).ok_or_else(|| self.internal("classes without a common base"))?;
        let base_repr = self.rt.class_repr(base, self.span)?.clone();
        let (vt_ty, inst_ty) = (LlType::Ptr(base_repr.vtable_type), LlType::Ptr(base_repr.inst));
        let classes: Vec<hostobj::ObjId> = p.descs.iter().map(|d| d.obj()).collect();
        let mut reprs = Vec::new();
        for &c in &classes {
            let r = self.rt.class_repr(c, self.span)?.clone();
            let mut defaults = Vec::new();
            for (i, (name, fty)) in r.fields.iter().enumerate().skip(1) {
                if let annotator::ClassMember::Value(v) = annotator::class_member(self.rt.heap, c, name) {
                    defaults.push((i as u32, self.rt.const_to_ll(&v, *fty, self.span)?));
                }
            }
            reprs.push((r, defaults));
        }
        let name = format!("ll_instantiate__{}", classes.iter().map(|c| c.0.to_string()).collect::<Vec<_>>().join("_"));
        let span = self.span;
        let f = self.rt.helper(&name, move |_rt, fname| {
            let (mut h, args) = crate::helpers::Helper::new(fname, &[("vt", vt_ty)], inst_ty);
            let mut test = h.g.startblock;
            let mut vt = args[0];
            for (k, (r, defaults)) in reprs.iter().enumerate() {
                let (make, _) = h.block(&[]);
                let is_last = k + 1 == reprs.len();
                let next = if is_last { None } else { Some(h.block(&[("vt", vt_ty)])) };
                if let Some((nb, nargs)) = &next {
                    let eq = h.op(test, LlOp::PtrEq, vec![Operand::Var(vt), Operand::Const(LlConst::Prebuilt(r.vtable))], LlType::Bool);
                    h.branch(test, eq, (*nb, vec![Operand::Var(vt)]), (make, vec![]));
                    test = *nb;
                    vt = nargs[0];
                } else {
                    h.goto(test, make, vec![]);
                }
                let ity = LlType::Ptr(r.inst);
                let p = h.op(make, LlOp::Malloc, vec![Operand::Const(LlConst::Type(r.inst))], ity);
                h.op(make, LlOp::SetField, vec![Operand::Var(p), Operand::Const(LlConst::Field(0)), Operand::Const(LlConst::Prebuilt(r.vtable))], LlType::Void);
                for (i, x) in defaults {
                    h.op(make, LlOp::SetField, vec![Operand::Var(p), Operand::Const(LlConst::Field(*i)), Operand::Const(x.clone())], LlType::Void);
                }
                let q = if ity == inst_ty { p } else { h.op(make, LlOp::CastPointer, vec![Operand::Var(p)], inst_ty) };
                h.ret(make, Operand::Var(q));
            }
            let _ = span;
            h.g
        });
        let vt = self.operand(cls, vt_ty)?;
        Ok((self.call_func(f, vec![vt], inst_ty), inst_ty))
    }

    /// A new instance of class `c`: its vtable and class defaults set.
    fn new_instance(&mut self, c: hostobj::ObjId) -> Result<(LlOperand, LlType), Diagnostic> {
        let heap = self.rt.heap;
        let repr = self.rt.class_repr(c, self.span)?.clone();
        let ty = LlType::Ptr(repr.inst);
        let p = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(repr.inst))], ty);
        let vt = Operand::Const(LlConst::Prebuilt(repr.vtable));
        self.emit(LlOp::SetField, vec![p.clone(), Operand::Const(LlConst::Field(0)), vt], LlType::Void);
        for (i, (name, fty)) in repr.fields.iter().enumerate().skip(1) {
            if let annotator::ClassMember::Value(v) = annotator::class_member(heap, c, name) {
                let x = Operand::Const(self.rt.const_to_ll(&v, *fty, self.span)?);
                self.emit(LlOp::SetField, vec![p.clone(), Operand::Const(LlConst::Field(i as u32)), x], LlType::Void);
            }
        }
        Ok((p, ty))
    }

    /// `x.name(args)`: a direct call when only one implementation can be
    /// selected, else a call through the method's vtable slot.
    fn call_method(
        &mut self,
        op: &FlowOp,
        class: hostobj::ObjId,
        name: &str,
        shape: &annotator::CallShape,
        recv: &FlowOperand,
        arg_ops: &[FlowOperand],
    ) -> Result<Produced, Diagnostic> {
        let heap = self.rt.heap;
        let ann = self.rt.ann;
        let impls = ann.method_impls(heap, class, name);
        let repr = self.rt.class_repr(class, self.span)?.clone();
        let recv_ty = LlType::Ptr(repr.inst);
        let this = self.operand(recv, recv_ty)?;
        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        if impls.len() == 1 {
            let (g, args) = self.function_args(impls[0].0, Some((this, recv_ty)), shape, arg_ops)?;
            let ret = return_type(self.rt, g)?;
            let r = self.call_func(FuncId(g.0), args, ret);
            return Ok(if ret == LlType::Void { None } else { Some((r, ret)) });
        }
        // Every implementation must take and return the same low-level types
        // (one that never returns, like a base that raises
        // NotImplementedError, returns nothing and fits any result).
        let mut params_sig: Option<Vec<LlType>> = None;
        let mut ret_sig: Option<LlType> = None;
        let mut args = Vec::new();
        let different = |me: &Self| {
            Err(me.unsupported(format!("calling method {}() whose implementations take or return different types", name)))
        };
        for (f, _) in &impls {
            let Some(&(g, _)) = ann.call_target(self.gid, self.current_result, *f) else { continue };
            let ag = ann.graph(g);
            let mut params = Vec::new();
            for &v in ag.graph.block(ag.graph.startblock).inputargs.iter().skip(1) {
                params.push(self.rt.lltype_of(ag.binding(v), self.span)?);
            }
            let never_returns = *ag.return_annotation() == SomeValue::Impossible;
            let ret = return_type(self.rt, g)?;
            match &params_sig {
                None => {
                    params_sig = Some(params);
                    args = self.function_args(*f, Some((this.clone(), recv_ty)), shape, arg_ops)?.1;
                }
                Some(sig) if *sig == params => {}
                Some(_) => return different(self),
            }
            if !never_returns {
                match ret_sig {
                    None => ret_sig = Some(ret),
                    Some(r) if r == ret => {}
                    Some(_) => return different(self),
                }
            }
        }
        if params_sig.is_none() {
            return Err(self.internal("method without implementations"));
        }
        let ret = ret_sig.unwrap_or(LlType::Void);
        let slot = repr.slot(name).ok_or_else(|| self.internal(&format!("no vtable slot for {}", name)))?;
        let root_vt = self.rt.class_repr(repr.root, self.span)?.vtable_type;
        let vt = self.emit(LlOp::GetField, vec![this, Operand::Const(LlConst::Field(0))], LlType::Ptr(root_vt));
        let vt = self.convert(vt, LlType::Ptr(root_vt), LlType::Ptr(repr.vtable_type))?;
        let fnaddr = self.emit(LlOp::GetField, vec![vt, Operand::Const(LlConst::Field(slot))], LlType::Signed);
        let mut all = vec![fnaddr];
        all.extend(args);
        let r = self.emit(LlOp::IndirectCall, all, ret);
        let _ = want;
        Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
    }

    /// `exception_match(etype, C)`: the class id of the vtable `etype` lies
    /// in C's subclass range.
    fn exception_match(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let (SomeValue::ClassRef { class, .. }, Some(Desc::Class(c))) = (&s[0], self.rt.single_desc(&s[1])) else {
            return Err(self.unsupported(format!("matching {} against {}", self.describe(&s[0]), self.describe(&s[1]))));
        };
        if self.rt.is_base_exception(c) {
            return Ok((Operand::Const(LlConst::Int(1)), LlType::Bool));
        }
        let vt_ty = LlType::Ptr(self.rt.class_repr(*class, self.span)?.vtable_type);
        let target = self.rt.class_repr(c, self.span)?.clone();
        let vt = self.operand(&a[0], vt_ty)?;
        let id = self.emit(LlOp::GetField, vec![vt, Operand::Const(LlConst::Field(0))], LlType::Signed);
        let ge = self.emit(LlOp::IntGe, vec![id.clone(), Operand::Const(LlConst::Int(target.min))], LlType::Bool);
        let le = self.emit(LlOp::IntLe, vec![id, Operand::Const(LlConst::Int(target.max))], LlType::Bool);
        let ge = self.emit(LlOp::CastBoolToInt, vec![ge], LlType::Signed);
        let le = self.emit(LlOp::CastBoolToInt, vec![le], LlType::Signed);
        let both = self.emit(LlOp::IntAnd, vec![ge, le], LlType::Signed);
        Ok((self.emit(LlOp::IntIsTrue, vec![both], LlType::Bool), LlType::Bool))
    }

    /// `type(x)` of an instance: its vtable.
    fn type_of(&mut self, a: &FlowOperand, s: &SomeValue) -> Result<Produced, Diagnostic> {
        let SomeValue::Instance { class, .. } = s else {
            return Err(self.unsupported(format!("type() of {}", self.describe(s))));
        };
        let repr = self.rt.class_repr(*class, self.span)?.clone();
        let root_vt = self.rt.class_repr(repr.root, self.span)?.vtable_type;
        let x = self.operand(a, LlType::Ptr(repr.inst))?;
        let vt = self.emit(LlOp::GetField, vec![x, Operand::Const(LlConst::Field(0))], LlType::Ptr(root_vt));
        Ok(Some((vt, LlType::Ptr(root_vt))))
    }

    /// `isinstance(x, C)` (or a tuple of classes): subclass-range checks.
    fn isinstance(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let false_ = Some((Operand::Const(LlConst::Int(0)), LlType::Bool));
        let classes_all: Vec<hostobj::ObjId> = match &s[1] {
            SomeValue::Tuple(items) => items.iter().filter_map(|i| self.rt.single_desc(i).map(|d| d.obj())).collect(),
            other => self.rt.single_desc(other).map(|d| d.obj()).into_iter().collect(),
        };
        let heap = self.rt.heap;
        if let Some(known) = annotator::static_isinstance(heap, &s[0], &classes_all, &|a, b| heap.is_subclass(a, b)) {
            return Ok(Some((Operand::Const(LlConst::Int(known as i64)), LlType::Bool)));
        }
        let SomeValue::Instance { class, .. } = &s[0] else { return Ok(false_) };
        let classes: Vec<hostobj::ObjId> = match &s[1] {
            SomeValue::Tuple(items) => items.iter().filter_map(|i| match self.rt.single_desc(i) {
                Some(Desc::Class(c)) => Some(c),
                _ => None,
            }).collect(),
            other => match self.rt.single_desc(other) {
                Some(Desc::Class(c)) => vec![c],
                _ => return Err(self.unsupported(format!("isinstance() with {}", self.describe(other)))),
            },
        };
        let repr = self.rt.class_repr(*class, self.span)?.clone();
        let root = self.rt.class_repr(repr.root, self.span)?.clone();
        let x = self.operand(&a[0], LlType::Ptr(repr.inst))?;
        let x = self.convert(x, LlType::Ptr(repr.inst), LlType::Ptr(root.inst))?;
        let mut result: Option<LlOperand> = None;
        for c in classes {
            let Some(target) = self.rt.classes.get(&c).cloned() else { continue };
            if target.root != repr.root {
                continue;
            }
            let f = helpers::isinstance(self.rt, root.inst, root.vtable_type);
            let args = vec![x.clone(), Operand::Const(LlConst::Int(target.min)), Operand::Const(LlConst::Int(target.max))];
            let r = self.call_func(f, args, LlType::Bool);
            result = Some(match result {
                None => r,
                Some(prev) => {
                    let p = self.emit(LlOp::CastBoolToInt, vec![prev], LlType::Signed);
                    let q = self.emit(LlOp::CastBoolToInt, vec![r], LlType::Signed);
                    let o = self.emit(LlOp::IntOr, vec![p, q], LlType::Signed);
                    self.emit(LlOp::IntIsTrue, vec![o], LlType::Bool)
                }
            });
        }
        Ok(match result {
            Some(r) => Some((r, LlType::Bool)),
            None => false_,
        })
    }

    fn call_builtin(&mut self, name: &str, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        if let Some(b) = abi::call_builtins::call_builtin_entry(name) {
            return self.call_table_builtin(b, a, s);
        }
        if let Some(r) = self.float_builtin(name, a, s)? {
            return Ok(r);
        }
        if let Some(r) = self.unicode_builtin(name, a, s)? {
            return Ok(r);
        }
        let bad = |me: &Self| {
            let args: Vec<String> = s.iter().map(|x| me.describe(x)).collect();
            Err(me.unsupported(format!("{}() of {}", name, args.join(", "))))
        };
        let signed = |o: LlOperand| Ok(Some((o, LlType::Signed)));
        match (name, s) {
            ("len", [l @ SomeValue::List { can_be_none: false, .. }]) => {
                let info = self.list_info(l)?;
                let l = self.operand(&a[0], info.ty())?;
                signed(self.list_len(info, l))
            }
            ("len", [SomeValue::Char]) => signed(Operand::Const(LlConst::Int(1))),
            ("len", [SomeValue::Dict { can_be_none: false, .. }]) => signed(self.dict_len(&a[0])?),
            ("len", [SomeValue::Tuple(items)]) => signed(Operand::Const(LlConst::Int(items.len() as i64))),
            ("len", [SomeValue::String { can_be_none: false }]) => {
                let x = self.operand(&a[0], STR)?;
                signed(self.emit(LlOp::GetArraySize, vec![x], LlType::Signed))
            }
            ("str", [arg]) => {
                let r = self.str_of(&a[0], arg, "str() of")?;
                Ok(Some((r, STR)))
            }
            ("int", [s @ (SomeValue::String { can_be_none: false } | SomeValue::Char)]) => {
                let x = self.as_str(&a[0], s)?;
                signed(self.call_extern(rt_sym::STR_TO_INT, vec![x], LlType::Signed))
            }
            ("int", [s @ (SomeValue::String { can_be_none: false } | SomeValue::Char), base]) if base.is_int_like() => {
                let x = self.as_str(&a[0], s)?;
                let b = self.operand(&a[1], LlType::Signed)?;
                signed(self.call_extern(rt_sym::STR_TO_INT_BASE, vec![x, b], LlType::Signed))
            }
            ("int", [x]) if x.is_int_like() => signed(self.operand(&a[0], LlType::Signed)?),
            ("bool", [x]) => Ok(Some((self.is_true(&a[0], x)?, LlType::Bool))),
            ("isinstance", [_, _]) => self.isinstance(a, s),
            ("ord" | "chr" | "abs" | "min" | "max", _) => self.small_builtin(name, a),
            ("id", [x]) => {
                let ty = self.operand_type(&a[0])?;
                let v = if ty == LlType::Void { Operand::Const(LlConst::Void) } else { self.operand(&a[0], ty)? };
                let x = x.clone();
                Ok(Some((self.compute_hash(v, ty, &x)?, LlType::Signed)))
            }
            ("hex" | "oct", [x]) if x.is_int_like() => {
                let i = self.operand(&a[0], LlType::Signed)?;
                let base = Operand::Const(LlConst::Int(if name == "hex" { 16 } else { 8 }));
                Ok(Some((self.call_extern(rt_sym::INT_PREFIXED, vec![i, base], STR), STR)))
            }
            ("range", _) if matches!(self.ag.binding(self.current_result), SomeValue::List { .. }) => {
                let info = self.result_list()?;
                let mut ops = Vec::new();
                for x in a {
                    ops.push(self.operand(x, LlType::Signed)?);
                }
                let k = |i: i64| Operand::Const(LlConst::Int(i));
                let (start, stop, step) = match ops.len() {
                    1 => (k(0), ops[0].clone(), k(1)),
                    2 => (ops[0].clone(), ops[1].clone(), k(1)),
                    _ => (ops[0].clone(), ops[1].clone(), ops[2].clone()),
                };
                let ltid = info.ltid(self.rt);
                let atid = info.atid(self.rt);
                let l = self.call_extern(rt_sym::LIST_RANGE, vec![start, stop, step, ltid, atid], info.ty());
                Ok(Some((l, info.ty())))
            }
            ("range" | "xrange", _) => self.newrange(a),
            ("list", [SomeValue::String { .. } | SomeValue::Char]) => {
                let info = self.result_list()?;
                let x = self.operand(&a[0], STR)?;
                let ltid = info.ltid(self.rt);
                let atid = info.atid(self.rt);
                Ok(Some((self.call_extern(rt_sym::STR_TO_LIST, vec![x, ltid, atid], info.ty()), info.ty())))
            }
            ("os.stat" | "os.lstat" | "os.fstat", [x]) => {
                let t = LlType::Ptr(self.rt.stat_type());
                let arg = if name == "os.fstat" { self.operand(&a[0], LlType::Signed)? } else { self.as_str(&a[0], x)? };
                let f = if name == "os.fstat" { rt_sym::OS_FSTAT } else { rt_sym::OS_STAT };
                Ok(Some((self.call_extern(f, vec![arg], t), t)))
            }
            ("bytearray", _) => {
                // A list of the chars of a str (of n NULs for an int).
                let (list, array) = self.rt.list_type(LlType::Char);
                let text = match (a.first(), s.first()) {
                    (None, _) => Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b""))),
                    (Some(x), Some(sx)) if sx.is_int_like() => {
                        let n = self.operand(x, LlType::Signed)?;
                        let nul = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"\0")));
                        self.call_extern(rt_sym::STR_MUL, vec![nul, n], STR)
                    }
                    (Some(x), Some(sx)) => self.as_str(x, sx)?,
                    _ => return Err(self.internal("bytearray() arguments")),
                };
                let k = |i: i64| Operand::Const(LlConst::Int(i));
                let ltid = k(self.rt.types.get(list).tid as i64);
                let atid = k(self.rt.types.get(array).tid as i64);
                Ok(Some((self.call_extern(rt_sym::STR_TO_LIST, vec![text, ltid, atid], LlType::Ptr(list)), LlType::Ptr(list))))
            }
            ("len", [SomeValue::ByteArray]) => {
                let (list, _) = self.rt.list_type(LlType::Char);
                let l = self.operand(&a[0], LlType::Ptr(list))?;
                signed(self.emit(LlOp::GetField, vec![l, Operand::Const(LlConst::Field(0))], LlType::Signed))
            }
            ("list", [SomeValue::Dict { .. }]) => {
                let t = LlType::Ptr(self.rt.dict_type());
                let d = self.operand(&a[0], t)?;
                let want = self.ag.binding(self.current_result).clone();
                Ok(Some(self.dict_list(d, true, &want)?))
            }
            ("list", [l @ SomeValue::List { .. }]) => {
                // A copy, in the representation of the result's listdef.
                let from = self.list_info(l)?;
                let x = self.operand(&a[0], from.ty())?;
                let info = self.result_list()?;
                let k = |i: i64| Operand::Const(LlConst::Int(i));
                let args = vec![x, k(0), k(i64::MAX), info.ltid(self.rt), info.atid(self.rt), info.isz()];
                Ok(Some((self.call_extern(rt_sym::LIST_SLICE, args, info.ty()), info.ty())))
            }
            ("len", [SomeValue::Range { .. }]) => self.range_len(&a[0]),
            ("reversed", [x]) => self.new_iter(&a[0], x, true),
            ("enumerate", [x]) => {
                let r = self.new_iter(&a[0], x, false)?;
                Ok(r)
            }
            ("type", [x]) => self.type_of(&a[0], x),
            ("os.write", [fd, data @ (SomeValue::String { can_be_none: false } | SomeValue::Char)]) if fd.is_int_like() => {
                let fd = self.operand(&a[0], LlType::Signed)?;
                let x = self.str_of(&a[1], data, "os.write() of")?;
                signed(self.call_extern(rt_sym::OS_WRITE, vec![fd, x], LlType::Signed))
            }
            _ => bad(self),
        }
    }
}

/// A value that is one of some functions (or None): a function address.
fn is_function_pbc(s: &SomeValue) -> bool {
    matches!(s, SomeValue::Pbc(p) if p.descs.iter().all(|d| matches!(d, Desc::Function(_))))
}

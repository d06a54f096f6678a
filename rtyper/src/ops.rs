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
    fn unsupported(&self, what: String) -> Diagnostic {
        Diagnostic::error(self.span, format!("{} is not supported yet", what))
    }

    fn describe(&self, s: &SomeValue) -> String {
        self.rt.ann.describe(self.rt.heap, s)
    }

    pub fn translate_op(&mut self, op: &FlowOp) -> Result<Produced, Diagnostic> {
        let mut s_args = Vec::new();
        for a in &op.args {
            s_args.push(self.annotation(a)?);
        }
        let a = &op.args;
        Ok(match op.op.base_op() {
            HlOp::IsTrue => Some((self.is_true(&a[0], &s_args[0])?, LlType::Bool)),
            HlOp::Not => {
                let t = self.is_true(&a[0], &s_args[0])?;
                Some((self.emit(LlOp::BoolNot, vec![t], LlType::Bool), LlType::Bool))
            }
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
            | HlOp::Xor => Some(self.binary(op.op.base_op(), a, &s_args)?),
            HlOp::Lt | HlOp::Le | HlOp::Eq | HlOp::Ne | HlOp::Gt | HlOp::Ge => Some(self.compare(op.op, a, &s_args)?),
            HlOp::Is => Some(self.is_(a, &s_args)?),
            HlOp::GetItem => Some(self.getitem(a, &s_args)?),
            HlOp::SimpleCall | HlOp::CallArgs => self.call(op)?,
            HlOp::GetAttr => self.getattr(op, &s_args)?,
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
            HlOp::Repr if s_args[0].is_int_like() => Some((self.str_of(&a[0], &s_args[0], "repr() of")?, STR)),
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
            SomeValue::List { can_be_none: false, .. } => {
                let ty = self.operand_type(o)?;
                let x = self.operand(o, ty)?;
                let n = self.emit(LlOp::GetField, vec![x, Operand::Const(LlConst::Field(0))], LlType::Signed);
                self.emit(LlOp::IntIsTrue, vec![n], LlType::Bool)
            }
            SomeValue::None => Operand::Const(LlConst::Int(0)),
            SomeValue::Pbc(p) if !p.can_be_none => Operand::Const(LlConst::Int(1)),
            other => return Err(self.unsupported(format!("the truth value of {}", self.describe(other)))),
        })
    }

    /// `str(x)` as a STR, for `str()` and `print`.
    fn str_of(&mut self, o: &FlowOperand, s: &SomeValue, context: &str) -> Result<LlOperand, Diagnostic> {
        Ok(match s {
            SomeValue::String { can_be_none: false } => self.operand(o, STR)?,
            SomeValue::Integer { unsigned: false, .. } => {
                let x = self.operand(o, LlType::Signed)?;
                self.call_extern(rt_sym::INT_TO_STR, vec![x], STR)
            }
            SomeValue::Bool => {
                let x = self.operand(o, LlType::Bool)?;
                let f = helpers::bool_to_str(self.rt);
                self.call_func(f, vec![x], STR)
            }
            SomeValue::String { can_be_none: true } => {
                let x = self.operand(o, STR)?;
                let f = helpers::str_or_none(self.rt);
                self.call_func(f, vec![x], STR)
            }
            SomeValue::None => Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"None"))),
            other => return Err(self.unsupported(format!("{} {}", context, self.describe(other)))),
        })
    }

    fn binary(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        if s[0].is_int_like() && s[1].is_int_like() && !matches!(s[0], SomeValue::Integer { unsigned: true, .. })
            && !matches!(s[1], SomeValue::Integer { unsigned: true, .. })
        {
            let x = self.operand(&a[0], LlType::Signed)?;
            let y = self.operand(&a[1], LlType::Signed)?;
            let llop = match op {
                HlOp::Add => LlOp::IntAdd,
                HlOp::Sub => LlOp::IntSub,
                HlOp::Mul => LlOp::IntMul,
                HlOp::And => LlOp::IntAnd,
                HlOp::Or => LlOp::IntOr,
                HlOp::Xor => LlOp::IntXor,
                HlOp::LShift => LlOp::IntLShift,
                HlOp::RShift => LlOp::IntRShift,
                HlOp::Div | HlOp::FloorDiv | HlOp::Mod => {
                    let (pure, helper) = if op == HlOp::Mod {
                        (LlOp::IntMod, rt_sym::INT_MOD)
                    } else {
                        (LlOp::IntFloorDiv, rt_sym::INT_FLOORDIV)
                    };
                    // A constant divisor other than 0 (raises) and -1 (overflows
                    // on the smallest int) needs no check.
                    let safe = matches!(&a[1], Operand::Const(Value::Int(c)) if *c != 0 && *c != -1)
                        || matches!(&a[1], Operand::Const(Value::Bool(true)));
                    let r = if safe {
                        self.emit(pure, vec![x, y], LlType::Signed)
                    } else {
                        self.call_extern(helper, vec![x, y], LlType::Signed)
                    };
                    return Ok((r, LlType::Signed));
                }
                _ => return Err(self.unsupported(format!("the operation {}", op))),
            };
            return Ok((self.emit(llop, vec![x, y], LlType::Signed), LlType::Signed));
        }
        if op == HlOp::Add && matches!(s[0], SomeValue::String { .. }) && matches!(s[1], SomeValue::String { .. }) {
            let x = self.operand(&a[0], STR)?;
            let y = self.operand(&a[1], STR)?;
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
        let is_str = |s: &SomeValue| matches!(s, SomeValue::String { .. } | SomeValue::None);
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
        if s[0] == SomeValue::None && s[1] == SomeValue::None {
            return Ok((Operand::Const(LlConst::Int((op == HlOp::Eq) as i64)), LlType::Bool));
        }
        if is_str(&s[0]) && is_str(&s[1]) {
            let x = self.operand(&a[0], STR)?;
            let y = self.operand(&a[1], STR)?;
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
            (LlType::Ptr(_), LlType::Ptr(_)) => {
                let x = self.operand(&a[0], t0)?;
                let y = self.operand(&a[1], t1)?;
                self.emit(LlOp::PtrEq, vec![x, y], LlType::Bool)
            }
            _ if s[0].is_int_like() && s[1].is_int_like() => {
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
        if let SomeValue::List { listdef, can_be_none: false } = &s[0] {
            if s[1].is_int_like() {
                let item = self.rt.ann.listdef(*listdef).item.clone();
                let item_ty = self.rt.lltype_of(&item, self.span)?;
                let (list_t, array_t) = self.rt.list_type(item_ty);
                let f = helpers::list_getitem(self.rt, list_t, array_t, item_ty);
                let l = self.operand(&a[0], LlType::Ptr(list_t))?;
                let i = self.operand(&a[1], LlType::Signed)?;
                return Ok((self.call_func(f, vec![l, i], item_ty), item_ty));
            }
        }
        Err(self.unsupported(format!("indexing {} with {}", self.describe(&s[0]), self.describe(&s[1]))))
    }

    fn getattr(&mut self, op: &FlowOp, s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let want = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        if want == LlType::Void {
            return Ok(None);
        }
        // An attribute of a module is a constant.
        if let (Some(Desc::Module(m)), Operand::Const(Value::Str(name))) = (self.rt.single_desc(&s[0]), &op.args[1]) {
            let module = self.rt.heap.module(m).expect("Desc::Module of a module");
            if let Some(v) = module.globals.get(&Value::Str(name.clone())) {
                let c = self.rt.const_to_ll(&v.clone(), want, self.span)?;
                return Ok(Some((Operand::Const(c), want)));
            }
        }
        Err(self.unsupported(format!("reading an attribute of {}", self.describe(&s[0]))))
    }

    fn newlist(&mut self, op: &FlowOp) -> Result<(LlOperand, LlType), Diagnostic> {
        let ty = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        let LlType::Ptr(list_t) = ty else { return Err(self.internal("newlist of a non-list")) };
        let array_ty = self.rt.types.get(list_t).kind.clone();
        let lltype::TypeDefKind::Struct { fields, .. } = array_ty else { return Err(self.internal("list type")) };
        let array_t = fields[1].ty;
        let LlType::Ptr(array_id) = array_t else { return Err(self.internal("list items type")) };
        let item_ty = self.rt.types.item_type(array_id).ok_or_else(|| self.internal("array item"))?;
        let n = Operand::Const(LlConst::Int(op.args.len() as i64));
        let l = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(list_t))], ty);
        let arr = self.emit(LlOp::MallocVarsize, vec![Operand::Const(LlConst::Type(array_id)), n.clone()], array_t);
        self.emit(LlOp::SetField, vec![l.clone(), Operand::Const(LlConst::Field(0)), n], LlType::Void);
        self.emit(LlOp::SetField, vec![l.clone(), Operand::Const(LlConst::Field(1)), arr.clone()], LlType::Void);
        for (i, item) in op.args.iter().enumerate() {
            let x = self.operand(item, item_ty)?;
            let idx = Operand::Const(LlConst::Int(i as i64));
            self.emit(LlOp::SetArrayItem, vec![arr.clone(), idx, x], LlType::Void);
        }
        Ok((l, ty))
    }

    fn call(&mut self, op: &FlowOp) -> Result<Produced, Diagnostic> {
        let annotator::CallSite { shape, callee, args: arg_ops } =
            annotator::call_operands(op).map_err(|m| Diagnostic::error(self.span, m))?;
        let s_callee = self.annotation(callee)?;
        let Some(desc) = self.rt.single_desc(&s_callee) else {
            return Err(self.unsupported(format!("calling {}", self.describe(&s_callee))));
        };
        let mut s_args = Vec::new();
        for a in arg_ops {
            s_args.push(self.annotation(a)?);
        }
        match desc {
            Desc::Function(f) => {
                let heap = self.rt.heap;
                let ann = self.rt.ann;
                let callee_g =
                    ann.graph_for_call(f, &s_args).ok_or_else(|| self.internal("call of a function never annotated"))?;
                let sources =
                    annotator::match_arguments(heap, f, &shape).map_err(|m| Diagnostic::error(self.span, m))?;
                let cag = ann.graph(callee_g);
                let params = cag.graph.block(cag.graph.startblock).inputargs.clone();
                let mut args = Vec::new();
                for (i, src) in sources.iter().enumerate() {
                    let want = self.rt.lltype_of(cag.binding(params[i]), self.span)?;
                    if want == LlType::Void {
                        continue;
                    }
                    args.push(match src {
                        ArgSource::Given(k) => self.operand(&arg_ops[*k], want)?,
                        ArgSource::Default(v) => Operand::Const(self.rt.const_to_ll(v, want, self.span)?),
                    });
                }
                let ret = return_type(self.rt, callee_g)?;
                let r = self.call_func(FuncId(callee_g.0), args, ret);
                Ok(if ret == LlType::Void { None } else { Some((r, ret)) })
            }
            Desc::Builtin(_) => {
                let name = self.rt.builtin_name(desc).unwrap_or_default();
                self.call_builtin(&name, arg_ops, &s_args)
            }
            _ => Err(self.unsupported(format!("calling {}", self.describe(&s_callee)))),
        }
    }

    fn call_builtin(&mut self, name: &str, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let bad = |me: &Self| {
            let args: Vec<String> = s.iter().map(|x| me.describe(x)).collect();
            Err(me.unsupported(format!("{}() of {}", name, args.join(", "))))
        };
        let signed = |o: LlOperand| Ok(Some((o, LlType::Signed)));
        match (name, s) {
            ("len", [SomeValue::List { can_be_none: false, .. }]) => {
                let ty = self.operand_type(&a[0])?;
                let l = self.operand(&a[0], ty)?;
                signed(self.emit(LlOp::GetField, vec![l, Operand::Const(LlConst::Field(0))], LlType::Signed))
            }
            ("len", [SomeValue::String { can_be_none: false }]) => {
                let x = self.operand(&a[0], STR)?;
                signed(self.emit(LlOp::GetArraySize, vec![x], LlType::Signed))
            }
            ("str", [arg]) => {
                let r = self.str_of(&a[0], arg, "str() of")?;
                Ok(Some((r, STR)))
            }
            ("int", [SomeValue::String { can_be_none: false }]) => {
                let x = self.operand(&a[0], STR)?;
                signed(self.call_extern(rt_sym::STR_TO_INT, vec![x], LlType::Signed))
            }
            ("int", [x]) if x.is_int_like() => signed(self.operand(&a[0], LlType::Signed)?),
            ("bool", [x]) => Ok(Some((self.is_true(&a[0], x)?, LlType::Bool))),
            ("os.write", [fd, SomeValue::String { can_be_none: false }]) if fd.is_int_like() => {
                let fd = self.operand(&a[0], LlType::Signed)?;
                let x = self.operand(&a[1], STR)?;
                signed(self.call_extern(rt_sym::OS_WRITE, vec![fd, x], LlType::Signed))
            }
            _ => bad(self),
        }
    }
}

//! Machine-word arithmetic of `rpython.rlib.rarithmetic`: r_uint values
//! (Unsigned: the same bits as Signed, with unsigned division, shifts and
//! comparisons), the conversions `intmask()`, `r_uint()` and `r_int()`, and
//! `ovfcheck(x OP y)` (runtime helpers that raise OverflowError).

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::HlOp;
use hostobj::Value;
use lltype::{LlConst, LlOp, LlType};

use flowspace::FlowOperand;
use lltype::LlOperand;

use crate::graph::GraphRtyper;

/// The operations that are the same on Signed and Unsigned words.
pub fn word_op(op: HlOp) -> Option<LlOp> {
    Some(match op {
        HlOp::Add => LlOp::IntAdd,
        HlOp::Sub => LlOp::IntSub,
        HlOp::Mul => LlOp::IntMul,
        HlOp::And => LlOp::IntAnd,
        HlOp::Or => LlOp::IntOr,
        HlOp::Xor => LlOp::IntXor,
        HlOp::LShift => LlOp::IntLShift,
        _ => return None,
    })
}

pub fn is_unsigned(s: &SomeValue) -> bool {
    matches!(s, SomeValue::Integer { unsigned: true, .. })
}

impl GraphRtyper<'_, '_> {
    /// An int-like operand as a word of type `want` (Signed or Unsigned),
    /// keeping its bits.
    pub fn as_word(&mut self, o: &FlowOperand, want: LlType) -> Result<LlOperand, Diagnostic> {
        match o {
            Operand::Const(Value::Int(i)) => return Ok(Operand::Const(LlConst::Int(*i))),
            Operand::Const(c @ Value::Long(_)) => return Ok(Operand::Const(self.rt.const_to_ll(c, want, self.span)?)),
            _ => {}
        }
        let have = self.operand_type(o)?;
        let x = self.operand(o, if have == LlType::Unsigned { LlType::Unsigned } else { LlType::Signed })?;
        self.convert(x, if have == LlType::Unsigned { LlType::Unsigned } else { LlType::Signed }, want)
    }

    /// `x OP y` where one side is an r_uint: the other is converted.
    pub fn unsigned_binary(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        if !(s[0].is_int_like() && s[1].is_int_like()) {
            return Err(self.unsupported(format!(
                "{} of {} and {}",
                annotator::op_symbol(op),
                self.describe(&s[0]),
                self.describe(&s[1])
            )));
        }
        let u = LlType::Unsigned;
        let x = self.as_word(&a[0], u)?;
        let y = self.as_word(&a[1], u)?;
        let llop = match (op, word_op(op)) {
            (HlOp::RShift, _) => LlOp::UintRShift,
            (_, Some(llop)) => llop,
            (HlOp::Div | HlOp::FloorDiv, _) => return Ok((self.call_extern(rt_sym::UINT_FLOORDIV, vec![x, y], u), u)),
            (HlOp::Mod, _) => return Ok((self.call_extern(rt_sym::UINT_MOD, vec![x, y], u), u)),
            _ => return Err(self.unsupported(format!("the operation {} on r_uint", op))),
        };
        Ok((self.emit(llop, vec![x, y], u), u))
    }

    /// A comparison where one side is an r_uint.
    pub fn unsigned_compare(&mut self, op: HlOp, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let x = self.as_word(&a[0], LlType::Unsigned)?;
        let y = self.as_word(&a[1], LlType::Unsigned)?;
        let llop = match op {
            HlOp::Lt => LlOp::UintLt,
            HlOp::Le => LlOp::UintLe,
            HlOp::Eq => LlOp::IntEq,
            HlOp::Ne => LlOp::IntNe,
            HlOp::Gt => LlOp::UintGt,
            _ => LlOp::UintGe,
        };
        Ok((self.emit(llop, vec![x, y], LlType::Bool), LlType::Bool))
    }

    /// `ovfcheck(x OP y)` (the flow graph has the `_ovf` operation).
    pub fn ovf_op(&mut self, op: HlOp, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let helper = match op {
            HlOp::AddOvf => rt_sym::INT_ADD_OVF,
            HlOp::SubOvf => rt_sym::INT_SUB_OVF,
            HlOp::MulOvf => rt_sym::INT_MUL_OVF,
            HlOp::FloorDivOvf => rt_sym::INT_FLOORDIV_OVF,
            HlOp::ModOvf => rt_sym::INT_MOD_OVF,
            HlOp::LShiftOvf => rt_sym::INT_LSHIFT_OVF,
            _ => rt_sym::INT_NEG_OVF,
        };
        let mut args = Vec::new();
        for x in a {
            args.push(self.operand(x, LlType::Signed)?);
        }
        Ok((self.call_extern(helper, args, LlType::Signed), LlType::Signed))
    }
}

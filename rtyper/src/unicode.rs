//! unicode values: pointers to UNICODE objects (`abi::unicode_layout`),
//! operated on by the runtime's `UNICODE_*` functions (`runtime/src/unicode.rs`).

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::{FlowOperand, HlOp};
use lltype::{LlConst, LlOp, LlOperand, LlType};

use crate::graph::GraphRtyper;

const STR: LlType = LlType::Ptr(lltype::STR);

type Produced = Option<(LlOperand, LlType)>;

pub fn is_unicode(s: &SomeValue) -> bool {
    matches!(s, SomeValue::Unicode { .. })
}

fn int(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}

impl GraphRtyper<'_, '_> {
    fn unicode_ty(&mut self) -> LlType {
        LlType::Ptr(self.rt.unicode_type())
    }

    fn unicode_operand(&mut self, o: &FlowOperand) -> Result<LlOperand, Diagnostic> {
        let t = self.unicode_ty();
        self.operand(o, t)
    }

    /// `a + b`, `u * n` (either order).
    pub fn unicode_binary(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let t = self.unicode_ty();
        match op {
            HlOp::Add if is_unicode(&s[0]) && is_unicode(&s[1]) => {
                let (x, y) = (self.unicode_operand(&a[0])?, self.unicode_operand(&a[1])?);
                Ok((self.call_extern(rt_sym::UNICODE_CONCAT, vec![x, y], t), t))
            }
            HlOp::Mul => {
                let (u, n) = if is_unicode(&s[0]) { (&a[0], &a[1]) } else { (&a[1], &a[0]) };
                let u = self.unicode_operand(u)?;
                let n = self.operand(n, LlType::Signed)?;
                Ok((self.call_extern(rt_sym::UNICODE_MUL, vec![u, n], t), t))
            }
            _ => Err(self.unsupported(format!("the operation {} on unicode", op))),
        }
    }

    /// A comparison of two unicodes.
    pub fn unicode_compare(&mut self, op: HlOp, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let (x, y) = (self.unicode_operand(&a[0])?, self.unicode_operand(&a[1])?);
        let (r, llop) = match op {
            HlOp::Eq | HlOp::Ne => {
                let r = self.call_extern(rt_sym::UNICODE_EQ, vec![x, y], LlType::Signed);
                (r, if op == HlOp::Eq { LlOp::IntNe } else { LlOp::IntEq })
            }
            _ => {
                let r = self.call_extern(rt_sym::UNICODE_CMP, vec![x, y], LlType::Signed);
                let llop = match op {
                    HlOp::Lt => LlOp::IntLt,
                    HlOp::Le => LlOp::IntLe,
                    HlOp::Gt => LlOp::IntGt,
                    _ => LlOp::IntGe,
                };
                (r, llop)
            }
        };
        Ok((self.emit(llop, vec![r, int(0)], LlType::Bool), LlType::Bool))
    }

    /// `u[i]` (a one-character unicode), `u[a:b]`, `sub in u`.
    pub fn unicode_item(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let t = self.unicode_ty();
        let u = self.unicode_operand(&a[0])?;
        Ok(Some(match op {
            HlOp::GetItem => {
                let i = self.operand(&a[1], LlType::Signed)?;
                (self.call_extern(rt_sym::UNICODE_GETITEM, vec![u, i], t), t)
            }
            HlOp::GetSlice => {
                let start = self.bound(&a[1], &s[1], 0)?;
                let stop = self.bound(&a[2], &s[2], i64::MAX)?;
                (self.call_extern(rt_sym::UNICODE_SLICE, vec![u, start, stop], t), t)
            }
            HlOp::Contains => {
                let sub = self.unicode_operand(&a[1])?;
                let r = self.call_extern(rt_sym::UNICODE_CONTAINS, vec![u, sub], LlType::Signed);
                (self.emit(LlOp::IntIsTrue, vec![r], LlType::Bool), LlType::Bool)
            }
            _ => return Err(self.unsupported(format!("the operation {} on unicode", op))),
        }))
    }

    /// `u.encode(e)`, `u.find(sub[, start[, end]])`, rfind, count.
    pub fn unicode_method(&mut self, receiver: &FlowOperand, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let u = self.unicode_operand(receiver)?;
        if name == "encode" {
            let s = self.annotation(&a[0])?;
            let e = self.as_str(&a[0], &s)?;
            return Ok(Some((self.call_extern(rt_sym::UNICODE_ENCODE, vec![u, e], STR), STR)));
        }
        let sub = self.unicode_operand(&a[0])?;
        let start = match a.get(1) {
            Some(x) => self.operand(x, LlType::Signed)?,
            None => int(0),
        };
        let end = match a.get(2) {
            Some(x) => self.operand(x, LlType::Signed)?,
            None => int(i64::MAX),
        };
        let r = match name {
            "count" => self.call_extern(rt_sym::UNICODE_COUNT, vec![u, sub, start, end], LlType::Signed),
            _ => self.call_extern(rt_sym::UNICODE_FIND, vec![u, sub, start, end, int((name == "rfind") as i64)], LlType::Signed),
        };
        Ok(Some((r, LlType::Signed)))
    }

    /// The builtins on unicode: len, ord, unichr, str (ascii, as print does
    /// on a pipe); None for other calls.
    pub fn unicode_builtin(&mut self, name: &str, a: &[FlowOperand], s: &[SomeValue]) -> Result<Option<Produced>, Diagnostic> {
        Ok(Some(match (name, s) {
            ("unichr", [x]) if x.is_int_like() => {
                let i = self.operand(&a[0], LlType::Signed)?;
                let t = self.unicode_ty();
                Some((self.call_extern(rt_sym::UNICHR, vec![i], t), t))
            }
            ("len", [x]) if is_unicode(x) => {
                let u = self.unicode_operand(&a[0])?;
                Some((self.emit(LlOp::GetArraySize, vec![u], LlType::Signed), LlType::Signed))
            }
            ("ord", [x]) if is_unicode(x) => {
                let u = self.unicode_operand(&a[0])?;
                Some((self.call_extern(rt_sym::UNICODE_ORD, vec![u], LlType::Signed), LlType::Signed))
            }
            _ => return Ok(None),
        }))
    }

    /// `str(u)`: ascii, UnicodeEncodeError otherwise (CPython's implicit encoding).
    pub fn unicode_to_str(&mut self, u: LlOperand) -> LlOperand {
        let ascii = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"ascii")));
        self.call_extern(rt_sym::UNICODE_ENCODE, vec![u, ascii], STR)
    }

    /// `s.decode(e)`.
    pub fn str_decode(&mut self, s: LlOperand, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let se = self.annotation(&a[0])?;
        let e = self.as_str(&a[0], &se)?;
        let t = self.unicode_ty();
        Ok(Some((self.call_extern(rt_sym::STR_DECODE, vec![s, e], t), t)))
    }
}

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

    /// `a + b`, `u * n` (either order), `fmt % values`.
    pub fn unicode_binary(&mut self, op: HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let t = self.unicode_ty();
        match op {
            HlOp::Mod if is_unicode(&s[0]) => self.unicode_format(a, s),
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

    /// An optional unicode argument: null when absent or None.
    fn opt_unicode_arg(&mut self, o: Option<&FlowOperand>) -> Result<LlOperand, Diagnostic> {
        match o {
            Some(o) if self.annotation(o)? != SomeValue::None => self.unicode_operand(o),
            _ => Ok(Operand::Const(LlConst::Null)),
        }
    }

    /// The unicode methods.
    pub fn unicode_method(&mut self, op_result: &SomeValue, receiver: &FlowOperand, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let t = self.unicode_ty();
        let u = self.unicode_operand(receiver)?;
        match name {
            "encode" => {
                let s = self.annotation(&a[0])?;
                let e = self.as_str(&a[0], &s)?;
                return Ok(Some((self.call_extern(rt_sym::UNICODE_ENCODE, vec![u, e], STR), STR)));
            }
            "startswith" | "endswith" => {
                let p = self.unicode_operand(&a[0])?;
                let r = self.call_extern(rt_sym::UNICODE_STARTSWITH, vec![u, p, int((name == "endswith") as i64)], LlType::Signed);
                return Ok(Some((self.emit(LlOp::IntIsTrue, vec![r], LlType::Bool), LlType::Bool)));
            }
            "replace" => {
                let (o, n) = (self.unicode_operand(&a[0])?, self.unicode_operand(&a[1])?);
                return Ok(Some((self.call_extern(rt_sym::UNICODE_REPLACE, vec![u, o, n], t), t)));
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = self.opt_unicode_arg(a.first())?;
                let which = match name {
                    "lstrip" => 1,
                    "rstrip" => 2,
                    _ => 3,
                };
                return Ok(Some((self.call_extern(rt_sym::UNICODE_STRIP, vec![u, chars, int(which)], t), t)));
            }
            "join" => {
                let ls = self.annotation(&a[0])?;
                let lt = self.operand_type(&a[0])?;
                let l = self.operand(&a[0], lt)?;
                let _ = ls;
                return Ok(Some((self.call_extern(rt_sym::UNICODE_JOIN, vec![u, l], t), t)));
            }
            "split" | "rsplit" => {
                let sep = self.opt_unicode_arg(a.first())?;
                let n = match a.get(1) {
                    Some(x) => self.operand(x, LlType::Signed)?,
                    None => int(-1),
                };
                let info = self.list_info(op_result)?;
                let ltid = info.ltid(self.rt);
                let atid = info.atid(self.rt);
                let args = vec![u, sep, n, int((name == "rsplit") as i64), ltid, atid];
                return Ok(Some((self.call_extern(rt_sym::UNICODE_SPLIT, args, info.ty()), info.ty())));
            }
            _ => {}
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

    /// `fmt % values` with a constant unicode format: `%s`, `%d`, `%i`, `%r`
    /// (no width or flags yet); str values are decoded as ascii.
    pub fn unicode_format(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let t = self.unicode_ty();
        let Operand::Const(hostobj::Value::Unicode(fmt)) = &a[0] else {
            return Err(self.unsupported("unicode formatting with a non-constant format".into()));
        };
        let pieces = crate::strs::parse_format(fmt.as_bytes()).map_err(|m| Diagnostic::error(self.span, format!("{} is not supported yet", m)))?;
        let mut values: Vec<(LlOperand, SomeValue)> = Vec::new();
        match &s[1] {
            SomeValue::Tuple(items) => {
                let tt = self.operand_type(&a[1])?;
                let tup = self.operand(&a[1], tt)?;
                for i in 0..items.len() {
                    let (x, _) = self.tuple_item(tup.clone(), items, i)?.ok_or_else(|| self.unsupported("formatting a constant object".into()))?;
                    values.push((x, items[i].clone()));
                }
            }
            other => {
                let ty = self.operand_type(&a[1])?;
                values.push((self.operand(&a[1], ty)?, other.clone()));
            }
        }
        let ascii = Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"ascii")));
        let mut values = values.into_iter();
        let mut result: Option<LlOperand> = None;
        for piece in pieces {
            let part = match piece {
                crate::strs::FmtPiece::Text(bytes) => {
                    let text = String::from_utf8_lossy(&bytes).into_owned();
                    Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_unicode(&text)))
                }
                crate::strs::FmtPiece::Spec { flags, width, precision, conv } => {
                    if flags != 0 || width != 0 || precision >= 0 || !matches!(conv, b's' | b'd' | b'i' | b'r') {
                        return Err(self.unsupported(format!("the unicode format %{} with width or flags", conv as char)));
                    }
                    let (x, sv) = values.next().ok_or_else(|| Diagnostic::error(self.span, "not enough values for the format"))?;
                    if is_unicode(&sv) {
                        x
                    } else {
                        let text = self.ll_str_of(x, &sv, "formatting")?;
                        self.call_extern(rt_sym::STR_DECODE, vec![text, ascii.clone()], t)
                    }
                }
            };
            result = Some(match result {
                None => part,
                Some(prev) => self.call_extern(rt_sym::UNICODE_CONCAT, vec![prev, part], t),
            });
        }
        if values.next().is_some() {
            return Err(Diagnostic::error(self.span, "more values than the format has conversions"));
        }
        Ok((result.unwrap_or_else(|| Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_unicode("")))), t))
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

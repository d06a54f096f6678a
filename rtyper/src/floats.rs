//! Floats: arithmetic and comparisons as `float_*` operations (an int
//! operand converted first), division, `//` and `%` through runtime helpers
//! that raise ZeroDivisionError, and the float builtins (float(), int(),
//! abs(), min()/max(), repr(), math.frexp/modf).

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::{FlowOperand, HlOp};
use hostobj::Value;
use lltype::{LlConst, LlOp, LlOperand, LlType};

const STR: LlType = LlType::Ptr(lltype::STR);

use crate::graph::GraphRtyper;

type Produced = Option<(LlOperand, LlType)>;

pub fn is_float(s: &SomeValue) -> bool {
    *s == SomeValue::Float
}

impl GraphRtyper<'_, '_> {
    /// A number operand as a Float.
    pub fn as_float(&mut self, o: &FlowOperand) -> Result<LlOperand, Diagnostic> {
        let ty = self.operand_type(o)?;
        if let Operand::Const(Value::Int(i)) = o {
            return Ok(Operand::Const(LlConst::Float(*i as f64)));
        }
        let x = self.operand(o, ty)?;
        self.convert(x, ty, LlType::Float)
    }

    /// `x OP y` where one side is a float.
    pub fn float_binary(&mut self, op: HlOp, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let f = LlType::Float;
        let x = self.as_float(&a[0])?;
        let y = self.as_float(&a[1])?;
        let nonzero_const = matches!(&y, Operand::Const(LlConst::Float(c)) if *c != 0.0);
        let r = match op {
            HlOp::Add => self.emit(LlOp::FloatAdd, vec![x, y], f),
            HlOp::Sub => self.emit(LlOp::FloatSub, vec![x, y], f),
            HlOp::Mul => self.emit(LlOp::FloatMul, vec![x, y], f),
            HlOp::Div | HlOp::TrueDiv if nonzero_const => self.emit(LlOp::FloatTrueDiv, vec![x, y], f),
            HlOp::Div | HlOp::TrueDiv => self.call_extern(rt_sym::FLOAT_TRUEDIV, vec![x, y], f),
            HlOp::FloorDiv => self.call_extern(rt_sym::FLOAT_FLOORDIV, vec![x, y], f),
            HlOp::Mod => self.call_extern(rt_sym::FLOAT_MOD, vec![x, y], f),
            _ => return Err(self.unsupported(format!("the operation {} on floats", op))),
        };
        Ok((r, f))
    }

    /// A comparison where one side is a float.
    pub fn float_compare(&mut self, op: HlOp, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let x = self.as_float(&a[0])?;
        let y = self.as_float(&a[1])?;
        let llop = match op {
            HlOp::Lt => LlOp::FloatLt,
            HlOp::Le => LlOp::FloatLe,
            HlOp::Eq => LlOp::FloatEq,
            HlOp::Ne => LlOp::FloatNe,
            HlOp::Gt => LlOp::FloatGt,
            _ => LlOp::FloatGe,
        };
        Ok((self.emit(llop, vec![x, y], LlType::Bool), LlType::Bool))
    }

    /// `-x`, `+x` of a float.
    pub fn float_unary(&mut self, op: HlOp, a: &FlowOperand) -> Result<(LlOperand, LlType), Diagnostic> {
        let x = self.as_float(a)?;
        Ok(match op {
            HlOp::Neg => (self.emit(LlOp::FloatNeg, vec![x], LlType::Float), LlType::Float),
            _ => (x, LlType::Float),
        })
    }

    /// The rfloat functions the runtime implements (`FloatHelper`).
    pub fn float_helper(&mut self, h: annotator::intrinsics::FloatHelper, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        use annotator::intrinsics::FloatHelper;
        let int_arg = |me: &mut Self, i: usize| -> Result<LlOperand, Diagnostic> {
            match a.get(i) {
                Some(o) => me.operand(o, LlType::Signed),
                None => Ok(Operand::Const(LlConst::Int(0))),
            }
        };
        let x = self.as_float(&a[0])?;
        if h == FloatHelper::RoundDouble {
            let n = int_arg(self, 1)?;
            let even = match a.get(2) {
                Some(o) => self.operand(o, LlType::Bool)?,
                None => Operand::Const(LlConst::Int(0)),
            };
            return Ok((self.call_extern(rt_sym::RFLOAT_ROUND_DOUBLE, vec![x, n, even], LlType::Float), LlType::Float));
        }
        // The format code: a character.
        let code = match a.get(1) {
            Some(Operand::Const(Value::Str(c))) if c.len() == 1 => Operand::Const(LlConst::Int(c[0] as i64)),
            Some(o) if self.annotation(o)? == SomeValue::Char => {
                let c = self.operand(o, LlType::Char)?;
                self.emit(LlOp::CastCharToInt, vec![c], LlType::Signed)
            }
            _ => return Err(self.unsupported("a format code that is not a single character".into())),
        };
        let precision = int_arg(self, 2)?;
        let flags = int_arg(self, 3)?;
        let text = self.call_extern(rt_sym::RFLOAT_FORMATD, vec![x.clone(), code, precision, flags], STR);
        if h == FloatHelper::Formatd {
            return Ok((text, STR));
        }
        let kind = self.call_extern(rt_sym::RFLOAT_DIST, vec![x], LlType::Signed);
        Ok(self.make_tuple(&[(text, STR), (kind, LlType::Signed)]))
    }

    /// The builtins that take or give floats; None when `name` is not one
    /// of them for these arguments.
    pub fn float_builtin(&mut self, name: &str, a: &[FlowOperand], s: &[SomeValue]) -> Result<Option<Produced>, Diagnostic> {
        let f = LlType::Float;
        Ok(Some(match (name, s) {
            ("float", [x]) if x.is_int_like() || is_float(x) => Some((self.as_float(&a[0])?, f)),
            ("float", [SomeValue::SingleFloat]) => Some((self.operand(&a[0], f)?, f)),
            ("float", [x]) if x.is_string_like() => {
                let t = self.as_str(&a[0], x)?;
                Some((self.call_extern(rt_sym::STR_TO_FLOAT, vec![t], f), f))
            }
            ("int", [x]) if is_float(x) => {
                let v = self.operand(&a[0], f)?;
                Some((self.call_extern(rt_sym::FLOAT_TO_INT, vec![v], LlType::Signed), LlType::Signed))
            }
            ("abs", [x]) if is_float(x) => {
                let v = self.operand(&a[0], f)?;
                Some((self.emit(LlOp::FloatAbs, vec![v], f), f))
            }
            ("min" | "max", [x, y]) if is_float(x) || is_float(y) => {
                let (xv, yv) = (self.as_float(&a[0])?, self.as_float(&a[1])?);
                let sym = if name == "min" { rt_sym::FLOAT_MIN } else { rt_sym::FLOAT_MAX };
                Some((self.call_extern(sym, vec![xv, yv], f), f))
            }
            ("repr", [x]) if is_float(x) => {
                let v = self.operand(&a[0], f)?;
                Some((self.call_extern(rt_sym::FLOAT_REPR, vec![v], STR), STR))
            }
            ("math.frexp" | "math.modf", [x]) if x.is_int_like() || is_float(x) => {
                let v = self.as_float(&a[0])?;
                let (first, second, second_ty) = if name == "math.frexp" {
                    (rt_sym::MATH_FREXP_MANTISSA, rt_sym::MATH_FREXP_EXPONENT, LlType::Signed)
                } else {
                    (rt_sym::MATH_MODF_FRAC, rt_sym::MATH_MODF_INT, f)
                };
                let p = self.call_extern(first, vec![v.clone()], f);
                let q = self.call_extern(second, vec![v], second_ty);
                Some(self.make_tuple(&[(p, f), (q, second_ty)]))
            }
            _ => return Ok(None),
        }))
    }
}

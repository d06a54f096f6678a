//! Str methods, `in` on strs, `s * n`, and the small int/char builtins
//! (`ord`, `chr`, `abs`, `min`, `max`): calls of the runtime's helpers
//! (`abi::runtime::STR_*`) or a few low-level operations.

use abi::runtime as rt_sym;
use annotator::SomeValue;
use diag::Diagnostic;
use flowmodel::Operand;
use flowspace::FlowOperand;
use lltype::{LlConst, LlOp, LlOperand, LlType};

use crate::graph::GraphRtyper;
use crate::helpers::Helper;

type Produced = Option<(LlOperand, LlType)>;

const STR: LlType = LlType::Ptr(lltype::STR);

fn int(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}

impl crate::Rtyper<'_> {
    /// The UNICODE type (`abi::unicode_layout`), registered on first use.
    pub fn unicode_type(&mut self) -> lltype::TypeId {
        if let Some(t) = self.types.iter().find(|(_, d)| d.tid == abi::TID_UNICODE).map(|(t, _)| t) {
            return t;
        }
        let kind = lltype::TypeDefKind::Struct {
            fields: vec![lltype::Field { name: "hash".into(), ty: LlType::Signed }],
            varsize: Some(LlType::UniChar),
        };
        self.types.add_with_tid("UNICODE", abi::TID_UNICODE, kind)
    }

    /// The STAT struct (`abi::stat_layout`), registered on first use.
    pub fn stat_type(&mut self) -> lltype::TypeId {
        if let Some(t) = self.types.iter().find(|(_, d)| d.tid == abi::TID_STAT).map(|(t, _)| t) {
            return t;
        }
        let fields = abi::STAT_FIELDS
            .iter()
            .enumerate()
            .map(|(i, n)| lltype::Field { name: n.to_string(), ty: if i >= 7 { LlType::Float } else { LlType::Signed } })
            .collect();
        let t = self.types.add_with_tid("STAT", abi::TID_STAT, lltype::TypeDefKind::Struct { fields, varsize: None });
        debug_assert_eq!(self.types.layout(t).fixed_size, abi::stat_layout::SIZE);
        t
    }

    /// A prebuilt UNICODE with these characters.
    pub fn prebuilt_unicode(&mut self, u: &str) -> lltype::PrebuiltId {
        let t = self.unicode_type();
        let id = lltype::PrebuiltId(self.prebuilt.len() as u32);
        let items = u.chars().map(|c| LlConst::Int(c as i64)).collect();
        self.prebuilt.push(lltype::Prebuilt { ty: t, data: lltype::PrebuiltData::Struct { fields: vec![LlConst::Int(0)], items } });
        id
    }
}

impl GraphRtyper<'_, '_> {
    /// A str argument (a char becomes a one-character str).
    fn str_arg(&mut self, o: &FlowOperand) -> Result<LlOperand, Diagnostic> {
        self.operand(o, STR)
    }

    /// An optional str argument: null when absent or None.
    fn opt_str_arg(&mut self, o: Option<&FlowOperand>) -> Result<LlOperand, Diagnostic> {
        match o {
            Some(o) if self.annotation(o)? != SomeValue::None => self.str_arg(o),
            _ => Ok(Operand::Const(LlConst::Null)),
        }
    }

    /// `s.name(args)`.
    pub fn str_method(&mut self, receiver: &FlowOperand, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        let s = self.str_arg(receiver)?;
        let r = match name {
            "join" => {
                let s_list = self.annotation(&a[0])?;
                let info = self.list_info(&s_list)?;
                let l = self.operand(&a[0], info.ty())?;
                (self.call_extern(rt_sym::STR_JOIN, vec![s, l, int(info.item.size() as i64)], STR), STR)
            }
            "split" | "rsplit" => {
                let sep = self.opt_str_arg(a.first())?;
                let n = match a.get(1) {
                    Some(n) => self.operand(n, LlType::Signed)?,
                    None => int(-1),
                };
                let rev = int((name == "rsplit") as i64);
                let info = self.result_list()?;
                (self.call_extern(rt_sym::STR_SPLIT, vec![s, sep, n, rev, info.ltid(self.rt)], info.ty()), info.ty())
            }
            "splitlines" => {
                let keep = match a.first() {
                    Some(k) => self.operand(k, LlType::Signed)?,
                    None => int(0),
                };
                let info = self.result_list()?;
                (self.call_extern(rt_sym::STR_SPLITLINES, vec![s, keep, info.ltid(self.rt)], info.ty()), info.ty())
            }
            "strip" | "lstrip" | "rstrip" => {
                let chars = self.opt_str_arg(a.first())?;
                let which = match name {
                    "lstrip" => 1,
                    "rstrip" => 2,
                    _ => 3,
                };
                (self.call_extern(rt_sym::STR_STRIP, vec![s, chars, int(which)], STR), STR)
            }
            "startswith" | "endswith" => {
                let p = self.str_arg(&a[0])?;
                let r = self.call_extern(rt_sym::STR_STARTSWITH, vec![s, p, int((name == "endswith") as i64)], LlType::Signed);
                (self.emit(LlOp::IntIsTrue, vec![r], LlType::Bool), LlType::Bool)
            }
            "find" | "rfind" => {
                let p = self.str_arg(&a[0])?;
                let (start, end) = self.bounds_args(&a[1..])?;
                let rev = int((name == "rfind") as i64);
                (self.call_extern(rt_sym::STR_FIND, vec![s, p, start, end, rev], LlType::Signed), LlType::Signed)
            }
            "count" => {
                let p = self.str_arg(&a[0])?;
                let (start, end) = self.bounds_args(&a[1..])?;
                (self.call_extern(rt_sym::STR_COUNT, vec![s, p, start, end], LlType::Signed), LlType::Signed)
            }
            "replace" => {
                let o = self.str_arg(&a[0])?;
                let n = self.str_arg(&a[1])?;
                (self.call_extern(rt_sym::STR_REPLACE, vec![s, o, n], STR), STR)
            }
            "upper" | "lower" => (self.call_extern(rt_sym::STR_CASE, vec![s, int((name == "upper") as i64)], STR), STR),
            "decode" => return self.str_decode(s, a),
            _ => {
                let what = match name {
                    "isdigit" => 0,
                    "isalpha" => 1,
                    "isalnum" => 2,
                    "isspace" => 3,
                    "isupper" => 4,
                    _ => 5,
                };
                let r = self.call_extern(rt_sym::STR_TEST, vec![s, int(what)], LlType::Signed);
                (self.emit(LlOp::IntIsTrue, vec![r], LlType::Bool), LlType::Bool)
            }
        };
        Ok(Some(r))
    }

    /// `sub in s`
    pub fn str_contains(&mut self, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let s = self.str_arg(&a[0])?;
        let sub = self.str_arg(&a[1])?;
        let i = self.call_extern(rt_sym::STR_FIND, vec![s, sub, int(0), int(i64::MAX), int(0)], LlType::Signed);
        Ok((self.emit(LlOp::IntGe, vec![i, int(0)], LlType::Bool), LlType::Bool))
    }

    /// `s * n`
    pub fn str_mul(&mut self, a: &[FlowOperand]) -> Result<(LlOperand, LlType), Diagnostic> {
        let s = self.str_arg(&a[0])?;
        let n = self.operand(&a[1], LlType::Signed)?;
        Ok((self.call_extern(rt_sym::STR_MUL, vec![s, n], STR), STR))
    }

    /// `ord`, `chr`, `abs`, `min`, `max`.
    pub fn small_builtin(&mut self, name: &str, a: &[FlowOperand]) -> Result<Produced, Diagnostic> {
        Ok(Some(match name {
            "ord" => {
                let s = self.annotation(&a[0])?;
                let c = if s == SomeValue::Char {
                    self.operand(&a[0], LlType::Char)?
                } else {
                    // A str of length one (checked by indexing it).
                    let x = self.str_arg(&a[0])?;
                    let n = self.emit(LlOp::GetArraySize, vec![x.clone()], LlType::Signed);
                    let one = self.emit(LlOp::IntEq, vec![n, int(1)], LlType::Bool);
                    let f = self.check_helper();
                    self.call_func(f, vec![one], LlType::Void);
                    self.emit(LlOp::GetArrayItem, vec![x, int(0)], LlType::Char)
                };
                (self.emit(LlOp::CastCharToInt, vec![c], LlType::Signed), LlType::Signed)
            }
            "chr" => {
                let i = self.operand(&a[0], LlType::Signed)?;
                // 0 <= i < 256 in one unsigned comparison.
                let ok = self.emit(LlOp::UintLt, vec![i.clone(), int(256)], LlType::Bool);
                let f = self.check_helper();
                self.call_func(f, vec![ok], LlType::Void);
                (self.emit(LlOp::CastIntToChar, vec![i], LlType::Char), LlType::Char)
            }
            "abs" => {
                // (x ^ (x >> 63)) - (x >> 63)
                let x = self.operand(&a[0], LlType::Signed)?;
                let m = self.emit(LlOp::IntRShift, vec![x.clone(), int(63)], LlType::Signed);
                let y = self.emit(LlOp::IntXor, vec![x, m.clone()], LlType::Signed);
                (self.emit(LlOp::IntSub, vec![y, m], LlType::Signed), LlType::Signed)
            }
            _ => {
                // min / max of two ints: y + ((x - y) & -(x < y)) style without branches.
                let x = self.operand(&a[0], LlType::Signed)?;
                let y = self.operand(&a[1], LlType::Signed)?;
                let lt = self.emit(LlOp::IntLt, vec![x.clone(), y.clone()], LlType::Bool);
                let lt = self.emit(LlOp::CastBoolToInt, vec![lt], LlType::Signed);
                let take_x = if name == "min" { lt } else { self.emit(LlOp::IntXor, vec![lt, int(1)], LlType::Signed) };
                let mask = self.emit(LlOp::IntNeg, vec![take_x], LlType::Signed);
                let d = self.emit(LlOp::IntXor, vec![x, y.clone()], LlType::Signed);
                let d = self.emit(LlOp::IntAnd, vec![d, mask], LlType::Signed);
                (self.emit(LlOp::IntXor, vec![y, d], LlType::Signed), LlType::Signed)
            }
        }))
    }

    /// The optional `start` and `end` arguments of find/count (0 and the
    /// end when absent).
    fn bounds_args(&mut self, a: &[FlowOperand]) -> Result<(LlOperand, LlOperand), Diagnostic> {
        let start = match a.first() {
            Some(x) => self.operand(x, LlType::Signed)?,
            None => int(0),
        };
        let end = match a.get(1) {
            Some(x) => self.operand(x, LlType::Signed)?,
            None => int(i64::MAX),
        };
        Ok((start, end))
    }

    /// `ll_check_value(ok)`: raises ValueError when `ok` is false.
    pub(crate) fn check_helper(&mut self) -> lltype::FuncId {
        self.rt.helper("ll_check_value", |_rt, name| {
            let (mut h, args) = Helper::new(name, &[("ok", LlType::Bool)], LlType::Void);
            let (start, ret) = (h.g.startblock, h.g.returnblock);
            let (error, _) = h.block(&[]);
            h.branch(start, args[0], (error, vec![]), (ret, vec![Operand::Const(LlConst::Void)]));
            crate::helpers::raise(&mut h, error, "ValueError", LlType::Void);
            h.g
        })
    }
}

/// One piece of a constant format string.
pub(crate) enum FmtPiece {
    Text(Vec<u8>),
    /// A conversion: flags (1 left-align, 2 zero-pad, 4 `+`, 8 ` `, 16
    /// `#`), width, precision (-1: none), conversion char.
    Spec { flags: i64, width: i64, precision: i64, conv: u8 },
}

/// Parses a `%` format string; None (with the reason) for what is not
/// supported.
pub(crate) fn parse_format(fmt: &[u8]) -> Result<Vec<FmtPiece>, String> {
    let mut out = Vec::new();
    let mut text = Vec::new();
    let mut i = 0;
    while i < fmt.len() {
        if fmt[i] != b'%' {
            text.push(fmt[i]);
            i += 1;
            continue;
        }
        i += 1;
        let mut flags = 0;
        while i < fmt.len() && matches!(fmt[i], b'-' | b'0' | b'+' | b' ' | b'#') {
            flags |= match fmt[i] {
                b'-' => 1,
                b'0' => 2,
                b'+' => 4,
                b' ' => 8,
                _ => 16,
            };
            i += 1;
        }
        let mut width = 0i64;
        while i < fmt.len() && fmt[i].is_ascii_digit() {
            width = (width * 10 + (fmt[i] - b'0') as i64).min(1 << 20);
            i += 1;
        }
        let mut precision = -1i64;
        if fmt.get(i) == Some(&b'.') {
            i += 1;
            precision = 0;
            while i < fmt.len() && fmt[i].is_ascii_digit() {
                precision = (precision * 10 + (fmt[i] - b'0') as i64).min(1 << 20);
                i += 1;
            }
        }
        let Some(&conv) = fmt.get(i) else { return Err("a format ending with %".into()) };
        i += 1;
        match conv {
            b'%' => text.push(b'%'),
            b's' | b'd' | b'i' | b'x' | b'X' | b'o' | b'r' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' => {
                if !text.is_empty() {
                    out.push(FmtPiece::Text(std::mem::take(&mut text)));
                }
                out.push(FmtPiece::Spec { flags, width, precision, conv });
            }
            other => return Err(format!("the format %{}", other as char)),
        }
    }
    if !text.is_empty() {
        out.push(FmtPiece::Text(text));
    }
    Ok(out)
}

impl GraphRtyper<'_, '_> {
    /// `fmt % args` with a constant format: each conversion becomes a str,
    /// padded if asked, and the pieces are concatenated.
    pub fn format(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<(LlOperand, LlType), Diagnostic> {
        let Operand::Const(hostobj::Value::Str(fmt)) = &a[0] else {
            return Err(Diagnostic::error(self.span, "string formatting with a non-constant format is not supported yet"));
        };
        let pieces = parse_format(fmt).map_err(|m| Diagnostic::error(self.span, format!("{} is not supported yet", m)))?;
        // The values: the items of a tuple, else the one value.
        let mut values: Vec<(LlOperand, SomeValue)> = Vec::new();
        match &s[1] {
            SomeValue::Tuple(items) => {
                let types = self.rt.tuple_item_types(items, self.span)?;
                let tty = self.operand_type(&a[1])?;
                let t = if tty == LlType::Void { None } else { Some(self.operand(&a[1], tty)?) };
                let consts = match &a[1] {
                    Operand::Const(hostobj::Value::Obj(o)) => match self.rt.heap.get(*o) {
                        hostobj::Object::Tuple(vs) => Some(vs.clone()),
                        _ => None,
                    },
                    _ => None,
                };
                let mut field = 0;
                for (i, item) in items.iter().enumerate() {
                    if types[i] == LlType::Void {
                        match (item, &consts) {
                            (SomeValue::None, _) => values.push((Operand::Const(LlConst::Void), SomeValue::None)),
                            _ => return Err(Diagnostic::error(self.span, "formatting a constant object is not supported yet")),
                        }
                        continue;
                    }
                    let x = match (&t, &consts) {
                        (_, Some(vs)) => Operand::Const(self.rt.const_to_ll(&vs[i], types[i], self.span)?),
                        (Some(t), None) => {
                            let v = self.emit(LlOp::GetField, vec![t.clone(), Operand::Const(LlConst::Field(field))], types[i]);
                            field += 1;
                            v
                        }
                        (None, None) => return Err(self.internal("tuple without a value")),
                    };
                    values.push((x, item.clone()));
                }
            }
            other => {
                let ty = match other {
                    SomeValue::None => LlType::Void,
                    SomeValue::Integer { .. } => LlType::Signed,
                    _ => self.rt.lltype_of(other, self.span)?,
                };
                let x = if ty == LlType::Void { Operand::Const(LlConst::Void) } else { self.operand(&a[1], ty)? };
                values.push((x, other.clone()));
            }
        }
        let nspecs = pieces.iter().filter(|p| matches!(p, FmtPiece::Spec { .. })).count();
        if nspecs != values.len() {
            return Err(Diagnostic::error(
                self.span,
                format!("the format has {} conversions for {} values", nspecs, values.len()),
            ));
        }
        let mut values = values.into_iter();
        let mut result: Option<LlOperand> = None;
        for piece in pieces {
            let part = match piece {
                FmtPiece::Text(t) => Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(&t))),
                FmtPiece::Spec { flags, width, precision, conv } => {
                    let (x, sv) = values.next().expect("counted");
                    let text = match conv {
                        b'e' | b'E' | b'f' | b'F' | b'g' | b'G' if sv.is_int_like() || sv == SomeValue::Float => {
                            let ty = self.rt.lltype_of(&sv, self.span)?;
                            let f = self.convert(x, ty, LlType::Float)?;
                            self.call_extern(rt_sym::FLOAT_FORMAT, vec![f, int(conv as i64), int(precision), int(flags)], STR)
                        }
                        b'd' | b'i' if sv == SomeValue::Float => {
                            let i = self.call_extern(rt_sym::FLOAT_TO_INT, vec![x], LlType::Signed);
                            self.call_extern(rt_sym::INT_TO_STR, vec![i], STR)
                        }
                        b'r' if sv == SomeValue::Float => self.call_extern(rt_sym::FLOAT_REPR, vec![x], STR),
                        b'x' | b'X' | b'o' | b'd' | b'i' | b'e' | b'E' | b'f' | b'F' | b'g' | b'G' if !sv.is_int_like() => {
                            return Err(Diagnostic::error(
                                self.span,
                                format!("%{} of {} is not supported yet", conv as char, self.rt.ann.describe(self.rt.heap, &sv)),
                            ))
                        }
                        b'x' | b'X' | b'o' => {
                            let ty = self.rt.lltype_of(&sv, self.span)?;
                            let i = self.convert(x, ty, LlType::Signed)?;
                            let base = if conv == b'o' { 8 } else { 16 };
                            self.call_extern(rt_sym::INT_FORMAT, vec![i, int(base), int((conv == b'X') as i64)], STR)
                        }
                        b'd' | b'i' => {
                            let ty = self.rt.lltype_of(&sv, self.span)?;
                            let i = self.convert(x, ty, LlType::Signed)?;
                            self.call_extern(rt_sym::INT_TO_STR, vec![i], STR)
                        }
                        b'r' if matches!(sv, SomeValue::String { can_be_none: false } | SomeValue::Char) => {
                            let sx = self.ll_str_of(x, &sv, "formatting")?;
                            self.call_extern(rt_sym::STR_REPR, vec![sx], STR)
                        }
                        _ => self.ll_str_of(x, &sv, "formatting")?,
                    };
                    if width > 0 {
                        self.call_extern(rt_sym::STR_PAD, vec![text, int(width), int(flags & 3)], STR)
                    } else {
                        text
                    }
                }
            };
            result = Some(match result {
                None => part,
                Some(prev) => self.call_extern(rt_sym::STR_CONCAT, vec![prev, part], STR),
            });
        }
        Ok((result.unwrap_or_else(|| Operand::Const(LlConst::Prebuilt(self.rt.prebuilt_str(b"")))), STR))
    }
}

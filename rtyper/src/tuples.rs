//! Tuples: an immutable GC struct `TUPLE_<item types>` with one field per
//! item whose representation is not Void (items that are constants, like
//! the classes of an `isinstance` tuple, take no room and read back as the
//! constant). A tuple of only constants is Void itself.
//!
//! Two tuple annotations with the same low-level item types share the
//! struct; a tuple flowing into a variable whose items are represented
//! differently (a bool item into an int slot) is rebuilt item by item.

use annotator::SomeValue;
use diag::{Diagnostic, Span};
use flowmodel::Operand;
use flowspace::{FlowOp, FlowOperand};
use hostobj::{Object, ObjId, Value};
use lltype::{Field, LlConst, LlOp, LlOperand, LlType, Prebuilt, PrebuiltData, PrebuiltId, TypeDefKind, TypeId};

use crate::graph::GraphRtyper;
use crate::Rtyper;

type Produced = Option<(LlOperand, LlType)>;

impl Rtyper<'_> {
    /// The struct of a tuple whose items have these low-level types (Void
    /// items included, they get no field).
    pub fn tuple_type(&mut self, items: &[LlType]) -> TypeId {
        if let Some(&t) = self.tuple_types.get(items) {
            return t;
        }
        let fields: Vec<Field> = items
            .iter()
            .enumerate()
            .filter(|(_, t)| **t != LlType::Void)
            .map(|(i, t)| Field { name: format!("item{}", i), ty: *t })
            .collect();
        let names: Vec<String> = items.iter().map(|t| self.types.type_name(*t).trim_start_matches('*').to_string()).collect();
        let t = self.types.add(format!("TUPLE_{}", names.join("_")), TypeDefKind::Struct { fields, varsize: None });
        self.tuple_types.insert(items.to_vec(), t);
        t
    }

    /// The item types of a tuple struct, if `t` is one.
    pub fn tuple_items(&self, t: TypeId) -> Option<Vec<LlType>> {
        self.tuple_types.iter().find(|(_, &id)| id == t).map(|(items, _)| items.clone())
    }

    /// The low-level item types of a tuple annotation.
    pub fn tuple_item_types(&mut self, items: &[SomeValue], span: Span) -> Result<Vec<LlType>, Diagnostic> {
        items.iter().map(|s| self.lltype_of(s, span)).collect()
    }

    /// A constant tuple as a prebuilt struct (one per host tuple and type).
    pub fn prebuilt_tuple(&mut self, tuple: ObjId, t: TypeId, span: Span) -> Result<PrebuiltId, Diagnostic> {
        if let Some(&id) = self.prebuilt_tuples.get(&(tuple, t)) {
            return Ok(id);
        }
        let Object::Tuple(values) = self.heap.get(tuple) else {
            return Err(Diagnostic::error(span, "internal error: not a tuple"));
        };
        let values = values.clone();
        let items = self.tuple_items(t).ok_or_else(|| Diagnostic::error(span, "internal error: not a tuple type"))?;
        let mut fields = Vec::new();
        for (v, ty) in values.iter().zip(&items) {
            if *ty != LlType::Void {
                fields.push(self.const_to_ll(v, *ty, span)?);
            }
        }
        let id = PrebuiltId(self.prebuilt.len() as u32);
        self.prebuilt.push(Prebuilt { ty: t, data: PrebuiltData::Struct { fields, items: Vec::new() } });
        self.prebuilt_tuples.insert((tuple, t), id);
        Ok(id)
    }
}

/// The field index of item `i` (None for a Void item).
fn field_of(items: &[LlType], i: usize) -> Option<u32> {
    if items[i] == LlType::Void {
        return None;
    }
    Some(items[..i].iter().filter(|t| **t != LlType::Void).count() as u32)
}

impl GraphRtyper<'_, '_> {
    /// `(a, b, ...)`
    pub fn newtuple(&mut self, op: &FlowOp) -> Result<Produced, Diagnostic> {
        let ty = self.rt.lltype_of(self.ag.binding(op.result), self.span)?;
        let LlType::Ptr(t) = ty else { return Ok(None) };
        let items = self.rt.tuple_items(t).ok_or_else(|| self.internal("newtuple of a non-tuple"))?;
        let p = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(t))], ty);
        for (i, a) in op.args.iter().enumerate() {
            if let Some(f) = field_of(&items, i) {
                let x = self.operand(a, items[i])?;
                self.emit(LlOp::SetField, vec![p.clone(), Operand::Const(LlConst::Field(f)), x], LlType::Void);
            }
        }
        Ok(Some((p, ty)))
    }

    /// A tuple built from already translated items.
    pub fn make_tuple(&mut self, items: &[(LlOperand, LlType)]) -> (LlOperand, LlType) {
        let types: Vec<LlType> = items.iter().map(|(_, t)| *t).collect();
        let t = self.rt.tuple_type(&types);
        let p = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(t))], LlType::Ptr(t));
        for (i, (x, _)) in items.iter().enumerate() {
            if let Some(f) = field_of(&types, i) {
                self.emit(LlOp::SetField, vec![p.clone(), Operand::Const(LlConst::Field(f)), x.clone()], LlType::Void);
            }
        }
        (p, LlType::Ptr(t))
    }

    /// Item `i` of the tuple `t` (annotated `items`), None when it is Void.
    pub fn tuple_item(&mut self, t: LlOperand, items: &[SomeValue], i: usize) -> Result<Option<(LlOperand, LlType)>, Diagnostic> {
        let types = self.rt.tuple_item_types(items, self.span)?;
        let Some(f) = field_of(&types, i) else { return Ok(None) };
        Ok(Some((self.emit(LlOp::GetField, vec![t, Operand::Const(LlConst::Field(f))], types[i]), types[i])))
    }

    /// `t[i]` with a constant index.
    pub fn tuple_getitem(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<Produced, Diagnostic> {
        let SomeValue::Tuple(items) = &s[0] else { return Err(self.internal("not a tuple")) };
        let i = match &a[1] {
            Operand::Const(Value::Int(i)) => *i,
            Operand::Const(Value::Bool(b)) => *b as i64,
            _ => return Err(Diagnostic::error(self.span, "tuple indexes must be constants")),
        };
        let n = items.len() as i64;
        let i = if i < 0 { i + n } else { i } as usize;
        let types = self.rt.tuple_item_types(items, self.span)?;
        let Some(f) = field_of(&types, i) else { return Ok(None) };
        let ty = self.operand_type(&a[0])?;
        let t = self.operand(&a[0], ty)?;
        Ok(Some((self.emit(LlOp::GetField, vec![t, Operand::Const(LlConst::Field(f))], types[i]), types[i])))
    }

    /// Rebuilds a tuple whose items are represented differently.
    pub fn convert_tuple(&mut self, o: LlOperand, from: TypeId, to: TypeId) -> Result<LlOperand, Diagnostic> {
        let (Some(fi), Some(ti)) = (self.rt.tuple_items(from), self.rt.tuple_items(to)) else {
            return Ok(self.emit(LlOp::CastPointer, vec![o], LlType::Ptr(to)));
        };
        if fi.len() != ti.len() {
            return Err(self.internal("converting tuples of different lengths"));
        }
        let mut items = Vec::new();
        for i in 0..fi.len() {
            let x = match field_of(&fi, i) {
                Some(f) => self.emit(LlOp::GetField, vec![o.clone(), Operand::Const(LlConst::Field(f))], fi[i]),
                None if ti[i] == LlType::Void => Operand::Const(LlConst::Void),
                None => return Err(self.internal("a constant tuple item into a variable one")),
            };
            let x = if ti[i] == LlType::Void { x } else { self.convert(x, fi[i], ti[i])? };
            items.push((x, ti[i]));
        }
        Ok(self.make_tuple(&items).0)
    }

    /// `a == b` of two tuples: item by item.
    pub fn tuple_eq(&mut self, a: &[FlowOperand], s: &[SomeValue]) -> Result<LlOperand, Diagnostic> {
        let (SomeValue::Tuple(x), SomeValue::Tuple(y)) = (&s[0], &s[1]) else { return Err(self.internal("not tuples")) };
        let (tx, ty) = (self.rt.tuple_item_types(x, self.span)?, self.rt.tuple_item_types(y, self.span)?);
        let (px, py) = (self.operand_type(&a[0])?, self.operand_type(&a[1])?);
        let ox = self.operand(&a[0], px)?;
        let oy = self.operand(&a[1], py)?;
        let mut result: Option<LlOperand> = None;
        for i in 0..x.len() {
            let (Some(fx), Some(fy)) = (field_of(&tx, i), field_of(&ty, i)) else {
                if tx[i] == LlType::Void && ty[i] == LlType::Void && x[i] == y[i] {
                    continue;
                }
                return Err(Diagnostic::error(self.span, "comparing tuples with constant items is not supported yet"));
            };
            let vx = self.emit(LlOp::GetField, vec![ox.clone(), Operand::Const(LlConst::Field(fx))], tx[i]);
            let vy = self.emit(LlOp::GetField, vec![oy.clone(), Operand::Const(LlConst::Field(fy))], ty[i]);
            let eq = self.values_eq(vx, tx[i], &x[i], vy, ty[i], &y[i])?;
            result = Some(match result {
                None => eq,
                Some(prev) => {
                    let p = self.emit(LlOp::CastBoolToInt, vec![prev], LlType::Signed);
                    let q = self.emit(LlOp::CastBoolToInt, vec![eq], LlType::Signed);
                    let both = self.emit(LlOp::IntAnd, vec![p, q], LlType::Signed);
                    self.emit(LlOp::IntIsTrue, vec![both], LlType::Bool)
                }
            });
        }
        Ok(result.unwrap_or(Operand::Const(LlConst::Int(1))))
    }

    /// `x < y` (`<=`, `>`, `>=`) of two tuples: lexicographic, the first
    /// unequal items deciding; items are ints, floats, chars or strs.
    pub fn tuple_order(&mut self, op: flowspace::HlOp, a: &[FlowOperand], s: &[SomeValue]) -> Result<LlOperand, Diagnostic> {
        use flowspace::HlOp;
        let (SomeValue::Tuple(x), SomeValue::Tuple(y)) = (&s[0], &s[1]) else { return Err(self.internal("not tuples")) };
        let (px, py) = (self.operand_type(&a[0])?, self.operand_type(&a[1])?);
        let (ox, oy) = (self.operand(&a[0], px)?, self.operand(&a[1], py)?);
        let greater = matches!(op, HlOp::Gt | HlOp::Ge);
        let mut items = Vec::new();
        for i in 0..x.len() {
            let (Some((vx, tx)), Some((vy, ty))) = (self.tuple_item(ox.clone(), x, i)?, self.tuple_item(oy.clone(), y, i)?) else {
                return Err(Diagnostic::error(self.span, "ordering tuples with constant items is not supported yet"));
            };
            // Strictly before (or after) on this item, and equal on it.
            let (l, r) = if greater { (vy.clone(), vx.clone()) } else { (vx.clone(), vy.clone()) };
            let (lt_l, lt_r) = if greater { (ty, tx) } else { (tx, ty) };
            let (sl, sr) = if greater { (&y[i], &x[i]) } else { (&x[i], &y[i]) };
            let before = self.values_lt(l, lt_l, sl, r, lt_r, sr)?;
            let same = self.values_eq(vx, tx, &x[i], vy, ty, &y[i])?;
            items.push((before, same));
        }
        // From the last item back: before_i or (same_i and rest); all equal
        // counts for <= and >=.
        let or_equal = matches!(op, HlOp::Le | HlOp::Ge) as i64;
        let mut rest = Operand::Const(LlConst::Int(or_equal));
        let word = |me: &mut Self, b: LlOperand| me.emit(LlOp::CastBoolToInt, vec![b], LlType::Signed);
        for (before, same) in items.into_iter().rev() {
            let (b, e) = (word(self, before), word(self, same));
            let tail = self.emit(LlOp::IntAnd, vec![e, rest], LlType::Signed);
            rest = self.emit(LlOp::IntOr, vec![b, tail], LlType::Signed);
        }
        Ok(self.emit(LlOp::IntIsTrue, vec![rest], LlType::Bool))
    }

    /// `x < y` of two translated values (ints, floats, chars, strs).
    fn values_lt(&mut self, x: LlOperand, tx: LlType, sx: &SomeValue, y: LlOperand, ty: LlType, sy: &SomeValue) -> Result<LlOperand, Diagnostic> {
        const STR: LlType = LlType::Ptr(lltype::STR);
        Ok(match (sx, sy) {
            (a, b) if a.is_int_like() && b.is_int_like() => {
                let x = self.convert(x, tx, LlType::Signed)?;
                let y = self.convert(y, ty, LlType::Signed)?;
                self.emit(LlOp::IntLt, vec![x, y], LlType::Bool)
            }
            (a, b) if (a.is_int_like() || *a == SomeValue::Float) && (b.is_int_like() || *b == SomeValue::Float) => {
                let x = self.convert(x, tx, LlType::Float)?;
                let y = self.convert(y, ty, LlType::Float)?;
                self.emit(LlOp::FloatLt, vec![x, y], LlType::Bool)
            }
            (SomeValue::Char, SomeValue::Char) => {
                let x = self.emit(LlOp::CastCharToInt, vec![x], LlType::Signed);
                let y = self.emit(LlOp::CastCharToInt, vec![y], LlType::Signed);
                self.emit(LlOp::IntLt, vec![x, y], LlType::Bool)
            }
            (a, b) if a.is_string_like() && b.is_string_like() => {
                let x = self.convert(x, tx, STR)?;
                let y = self.convert(y, ty, STR)?;
                let r = self.call_extern(abi::runtime::STR_CMP, vec![x, y], LlType::Signed);
                self.emit(LlOp::IntLt, vec![r, Operand::Const(LlConst::Int(0))], LlType::Bool)
            }
            (a, b) => {
                return Err(Diagnostic::error(
                    self.span,
                    format!(
                        "ordering tuple items {} and {} is not supported yet",
                        self.rt.ann.describe(self.rt.heap, a),
                        self.rt.ann.describe(self.rt.heap, b)
                    ),
                ))
            }
        })
    }

    /// `x == y` of two translated values.
    pub(crate) fn values_eq(&mut self, x: LlOperand, tx: LlType, sx: &SomeValue, y: LlOperand, ty: LlType, sy: &SomeValue) -> Result<LlOperand, Diagnostic> {
        const STR: LlType = LlType::Ptr(lltype::STR);
        Ok(match (sx, sy) {
            (a, b) if a.is_int_like() && b.is_int_like() => {
                let x = self.convert(x, tx, LlType::Signed)?;
                let y = self.convert(y, ty, LlType::Signed)?;
                self.emit(LlOp::IntEq, vec![x, y], LlType::Bool)
            }
            (SomeValue::Char, SomeValue::Char) => {
                let x = self.emit(LlOp::CastCharToInt, vec![x], LlType::Signed);
                let y = self.emit(LlOp::CastCharToInt, vec![y], LlType::Signed);
                self.emit(LlOp::IntEq, vec![x, y], LlType::Bool)
            }
            (SomeValue::String { .. } | SomeValue::Char, SomeValue::String { .. } | SomeValue::Char) => {
                let x = self.convert(x, tx, STR)?;
                let y = self.convert(y, ty, STR)?;
                let r = self.call_extern(abi::runtime::STR_EQ, vec![x, y], LlType::Signed);
                self.emit(LlOp::IntNe, vec![r, Operand::Const(LlConst::Int(0))], LlType::Bool)
            }
            (a, b) if (a.is_int_like() || *a == SomeValue::Float) && (b.is_int_like() || *b == SomeValue::Float) => {
                let x = self.convert(x, tx, LlType::Float)?;
                let y = self.convert(y, ty, LlType::Float)?;
                self.emit(LlOp::FloatEq, vec![x, y], LlType::Bool)
            }
            (SomeValue::Instance { .. }, SomeValue::Instance { .. }) => self.emit(LlOp::PtrEq, vec![x, y], LlType::Bool),
            (a, b) => {
                return Err(Diagnostic::error(
                    self.span,
                    format!(
                        "comparing tuple items {} and {} is not supported yet",
                        self.rt.ann.describe(self.rt.heap, a),
                        self.rt.ann.describe(self.rt.heap, b)
                    ),
                ))
            }
        })
    }
}

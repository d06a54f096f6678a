//! Representations: the low-level type of each annotation, and constants.

use annotator::{SomeValue, Desc};
use diag::{Diagnostic, Span};
use hostobj::{Object, Value};
use lltype::{LlConst, LlType};

use crate::Rtyper;

impl Rtyper<'_> {
    /// The low-level type values of this annotation are represented by.
    pub fn lltype_of(&mut self, s: &SomeValue, span: Span) -> Result<LlType, Diagnostic> {
        let unsupported = |what: &str| Err(Diagnostic::error(span, format!("{} is not supported yet", what)));
        Ok(match s {
            SomeValue::Impossible | SomeValue::None => LlType::Void,
            SomeValue::Integer { unsigned: false, .. } => LlType::Signed,
            SomeValue::Integer { unsigned: true, .. } => LlType::Unsigned,
            SomeValue::Bool => LlType::Bool,
            SomeValue::Float => LlType::Float,
            SomeValue::String { .. } => LlType::Ptr(lltype::STR),
            SomeValue::Char => LlType::Char,
            SomeValue::Pbc(p) => match p.single() {
                Some(_) => LlType::Void,
                None => {
                    let what = self.ann.describe(self.heap, s);
                    return unsupported(&format!("a variable that may be {}", what));
                }
            },
            SomeValue::List { listdef, .. } => {
                let item = self.ann.listdef(*listdef).item.clone();
                let item_ty = self.lltype_of(&item, span)?;
                if item_ty == LlType::Void {
                    return unsupported("a list of None or of constants");
                }
                LlType::Ptr(self.list_type(item_ty).0)
            }
            SomeValue::Unicode { .. } => return unsupported("unicode"),
            SomeValue::Tuple(_) => return unsupported("a tuple used as a value"),
        })
    }

    /// The constant `c` in the representation `ty`.
    pub fn const_to_ll(&mut self, c: &Value, ty: LlType, span: Span) -> Result<LlConst, Diagnostic> {
        let bad = || {
            Err(Diagnostic::error(
                span,
                format!("internal error: constant {} as {:?}", self.heap.describe(c), ty),
            ))
        };
        Ok(match (c, ty) {
            (_, LlType::Void) => LlConst::Void,
            (Value::Int(i), LlType::Signed | LlType::Unsigned) => LlConst::Int(*i),
            (Value::Int(i), LlType::Bool) => LlConst::Int((*i != 0) as i64),
            (Value::Int(i), LlType::Float) => LlConst::Float(*i as f64),
            (Value::Bool(b), LlType::Signed | LlType::Unsigned | LlType::Bool) => LlConst::Int(*b as i64),
            (Value::Float(x), LlType::Float) => LlConst::Float(*x),
            (Value::Str(s), LlType::Ptr(t)) if t == lltype::STR => LlConst::Prebuilt(self.prebuilt_str(s)),
            (Value::Str(s), LlType::Char) if s.len() == 1 => LlConst::Int(s[0] as i64),
            (Value::None, LlType::Ptr(_)) => LlConst::Null,
            _ => return bad(),
        })
    }

    /// The host value of a constant annotation (a module's attribute...),
    /// when the annotation is a single prebuilt object.
    pub fn single_desc(&self, s: &SomeValue) -> Option<Desc> {
        match s {
            SomeValue::Pbc(p) => p.single(),
            _ => None,
        }
    }

    /// The dotted name of a builtin desc (`len`, `os.write`).
    pub fn builtin_name(&self, d: Desc) -> Option<String> {
        match (d, self.heap.get(d.obj())) {
            (Desc::Builtin(_), Object::Builtin(name)) => Some(name.clone()),
            _ => None,
        }
    }
}

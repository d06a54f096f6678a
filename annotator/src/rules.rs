//! The annotation rules of each high-level operation and built-in function.
//!
//! Every rule takes the arguments' annotations and returns the result's, or
//! an error that says what is not supported (yet) or not RPython at all.

use diag::{Diagnostic, Span};
use flowmodel::{BlockId, Operand};
use flowspace::{Flow, FlowOp, HlOp};
use hostobj::{Heap, Object, Value};

use crate::annotator::Annotator;
use crate::model::{Desc, SomeValue, S_INT, S_NONNEG, S_STR};
use crate::GraphId;

/// The annotation of a constant host value.
pub fn annotation_of_constant(heap: &Heap, c: &Value) -> Result<SomeValue, String> {
    Ok(match c {
        Value::None => SomeValue::None,
        Value::Bool(_) => SomeValue::Bool,
        Value::Int(i) => SomeValue::Integer { nonneg: *i >= 0, unsigned: false },
        Value::Long(_) => return Err("long integers are not RPython".into()),
        Value::Float(_) => SomeValue::Float,
        Value::Str(_) => S_STR,
        Value::Unicode(_) => SomeValue::Unicode { can_be_none: false },
        Value::Obj(id) => match heap.get(*id) {
            Object::Function(_) => SomeValue::pbc(Desc::Function(*id)),
            Object::Builtin(_) => SomeValue::pbc(Desc::Builtin(*id)),
            Object::Class(_) => SomeValue::pbc(Desc::Class(*id)),
            Object::Module(_) => SomeValue::pbc(Desc::Module(*id)),
            Object::Tuple(items) => {
                let items: Result<Vec<_>, _> = items.iter().map(|v| annotation_of_constant(heap, v)).collect();
                SomeValue::Tuple(items?)
            }
            Object::List(_) => return Err("prebuilt lists are not supported yet".into()),
            Object::Dict(_) => return Err("dicts are not supported yet".into()),
            Object::Instance(_) => return Err("prebuilt instances are not supported yet".into()),
            Object::BoundMethod { .. } => return Err("bound methods are not supported yet".into()),
            Object::StaticMethod(_) => return Err("static methods are not supported yet".into()),
            Object::Cell(_) => return Err("closures are not supported yet".into()),
            Object::Set(_) => return Err("sets are not RPython".into()),
            Object::Iterator { .. } => return Err("prebuilt iterators are not RPython".into()),
            Object::Property { .. } => return Err("properties are not supported yet".into()),
            Object::ClassMethod(_) => return Err("classmethod is not RPython".into()),
            Object::Super { .. } => return Err("super() is not RPython".into()),
        },
    })
}

/// What an unsupported operation is, in words.
fn op_phrase(op: HlOp) -> String {
    let phrase = match op {
        HlOp::Iter | HlOp::Next => "iteration (for loops)",
        HlOp::Contains => "the `in` operator",
        HlOp::SetItem => "item assignment",
        HlOp::DelItem | HlOp::DelSlice => "`del` of items",
        HlOp::GetSlice | HlOp::SetSlice => "slicing",
        HlOp::SetAttr => "setting attributes",
        HlOp::DelAttr => "deleting attributes",
        HlOp::NewDict => "dicts",
        HlOp::Yield => "generators",
        HlOp::ExceptionMatch => "try/except",
        HlOp::TrueDiv | HlOp::InplaceTrueDiv => "true division",
        HlOp::Type => "type()",
        _ => return format!("the operation {}", op.name()),
    };
    phrase.to_string()
}

/// The Python spelling of a binary operator, for messages.
pub fn op_symbol(op: HlOp) -> &'static str {
    match op.base_op() {
        HlOp::Add => "+",
        HlOp::Sub => "-",
        HlOp::Mul => "*",
        HlOp::Div | HlOp::TrueDiv => "/",
        HlOp::FloorDiv => "//",
        HlOp::Mod => "%",
        HlOp::Pow => "**",
        HlOp::LShift => "<<",
        HlOp::RShift => ">>",
        HlOp::And => "&",
        HlOp::Or => "|",
        HlOp::Xor => "^",
        HlOp::Lt => "<",
        HlOp::Le => "<=",
        HlOp::Eq => "==",
        HlOp::Ne => "!=",
        HlOp::Gt => ">",
        HlOp::Ge => ">=",
        HlOp::Is => "is",
        HlOp::Neg => "unary -",
        HlOp::Pos => "unary +",
        HlOp::Invert => "~",
        other => other.name(),
    }
}

impl Annotator<'_, '_> {
    /// The annotation of an operand of graph `g`.
    pub fn operand(&self, g: GraphId, o: &Operand<Flow>, span: Span) -> Result<SomeValue, Diagnostic> {
        match o {
            Operand::Var(v) => Ok(self.graph(g).binding(*v).clone()),
            Operand::Const(c) => annotation_of_constant(self.heap, c).map_err(|m| Diagnostic::error(span, m)),
        }
    }

    /// The annotation of the result of operation number `index` of block `b`.
    pub fn annotate_op(&mut self, g: GraphId, b: BlockId, index: usize, op: &FlowOp) -> Result<SomeValue, Diagnostic> {
        let span = op.span;
        if let Some(n) = op.op.arity() {
            if op.args.len() != n {
                return Err(Diagnostic::error(span, format!("internal error: {} with {} arguments", op.op, op.args.len())));
            }
        }
        match op.op {
            HlOp::SimpleCall | HlOp::CallArgs => return self.annotate_call(g, b, op),
            HlOp::GetAttr => return self.annotate_getattr(g, op),
            HlOp::PrintNewline => return Ok(SomeValue::None),
            _ => {}
        }
        let mut args = Vec::new();
        for a in &op.args {
            let s = self.operand(g, a, span)?;
            if s == SomeValue::Impossible {
                return Ok(SomeValue::Impossible);
            }
            args.push(s);
        }
        let unsupported = |what: String| Err(Diagnostic::error(span, what));
        match op.op {
            HlOp::IsTrue | HlOp::Not => Ok(SomeValue::Bool),
            HlOp::Neg | HlOp::Pos | HlOp::Invert => self.unary_arith(op.op, &args[0], span),
            HlOp::Add
            | HlOp::Sub
            | HlOp::Mul
            | HlOp::Div
            | HlOp::FloorDiv
            | HlOp::Mod
            | HlOp::Pow
            | HlOp::LShift
            | HlOp::RShift
            | HlOp::And
            | HlOp::Or
            | HlOp::Xor
            | HlOp::InplaceAdd
            | HlOp::InplaceSub
            | HlOp::InplaceMul
            | HlOp::InplaceDiv
            | HlOp::InplaceFloorDiv
            | HlOp::InplaceMod
            | HlOp::InplacePow
            | HlOp::InplaceLShift
            | HlOp::InplaceRShift
            | HlOp::InplaceAnd
            | HlOp::InplaceOr
            | HlOp::InplaceXor => self.binary_arith(op.op.base_op(), &args[0], &args[1], span),
            HlOp::Lt | HlOp::Le | HlOp::Eq | HlOp::Ne | HlOp::Gt | HlOp::Ge => {
                self.compare(op.op, &args[0], &args[1], span)
            }
            HlOp::Is => Ok(SomeValue::Bool),
            HlOp::GetItem => self.annotate_getitem(g, b, &op.args[1], &args[0], &args[1], span),
            HlOp::PrintItem => match &args[0] {
                SomeValue::Integer { .. }
                | SomeValue::Bool
                | SomeValue::String { .. }
                | SomeValue::Char
                | SomeValue::None => Ok(SomeValue::None),
                other => unsupported(format!("printing {} is not supported yet", self.describe(other))),
            },
            HlOp::NewTuple => Ok(SomeValue::Tuple(args)),
            HlOp::NewList => {
                let key = (g.0, b.0, index as u32);
                let mut item = SomeValue::Impossible;
                for a in &args {
                    item = self.union(&item, a).ok_or_else(|| {
                        Diagnostic::error(
                            span,
                            format!("list items are {} and {}", self.describe(&item), self.describe(a)),
                        )
                    })?;
                }
                let listdef = match self.newlist_defs.get(&key) {
                    Some(&l) => l,
                    None => {
                        let l = self.new_listdef(SomeValue::Impossible);
                        self.newlist_defs.insert(key, l);
                        l
                    }
                };
                self.generalize_list_item(listdef, item, span)?;
                Ok(SomeValue::List { listdef, can_be_none: false })
            }
            HlOp::Repr => match &args[0] {
                s if s.is_int_like() => Ok(S_STR),
                other => unsupported(format!("repr() of {} is not supported yet", self.describe(other))),
            },
            other => unsupported(format!("{} is not supported yet", op_phrase(other))),
        }
    }

    /// Merges `item` into a list's item annotation, re-flowing its readers.
    fn generalize_list_item(&mut self, listdef: crate::ListDefId, item: SomeValue, span: Span) -> Result<(), Diagnostic> {
        let root = crate::model::find_listdef(&self.listdefs, listdef);
        let old = self.listdefs[root.0 as usize].item.clone();
        let new = self.union(&old, &item).ok_or_else(|| {
            Diagnostic::error(span, format!("list items are {} and {}", self.describe(&old), self.describe(&item)))
        })?;
        if new != old {
            let def = &mut self.listdefs[root.0 as usize];
            def.item = new;
            let readers = def.readers.clone();
            for (g, b) in readers {
                self.schedule(GraphId(g), BlockId(b));
            }
        }
        Ok(())
    }

    fn unary_arith(&self, op: HlOp, a: &SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
        match a {
            SomeValue::Integer { unsigned, nonneg } => {
                Ok(SomeValue::Integer { nonneg: op == HlOp::Pos && *nonneg, unsigned: *unsigned })
            }
            SomeValue::Bool => Ok(if op == HlOp::Pos { S_NONNEG } else { S_INT }),
            SomeValue::Float if op != HlOp::Invert => Ok(SomeValue::Float),
            other => Err(Diagnostic::error(
                span,
                format!("bad operand type for {}: {}", op_symbol(op), self.describe(other)),
            )),
        }
    }

    fn binary_arith(&self, op: HlOp, a: &SomeValue, b: &SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
        use SomeValue::*;
        if op == HlOp::Pow {
            return Err(Diagnostic::error(span, "the ** operator is not RPython"));
        }
        let bad = || {
            Err(Diagnostic::error(
                span,
                format!("unsupported operand types for {}: {} and {}", op_symbol(op), self.describe(a), self.describe(b)),
            ))
        };
        match (a, b) {
            (Bool, Bool) if matches!(op, HlOp::And | HlOp::Or | HlOp::Xor) => Ok(Bool),
            (x, y) if x.is_int_like() && y.is_int_like() => {
                let unsigned = matches!(x, Integer { unsigned: true, .. }) || matches!(y, Integer { unsigned: true, .. });
                let (n1, n2) = (x.is_nonneg(), y.is_nonneg());
                let nonneg = match op {
                    HlOp::Add | HlOp::Mul | HlOp::Div | HlOp::FloorDiv | HlOp::Or | HlOp::Xor => n1 && n2,
                    HlOp::Mod => n2,
                    HlOp::And => n1 || n2,
                    HlOp::RShift => n1,
                    _ => false,
                };
                Ok(Integer { nonneg: nonneg || unsigned, unsigned })
            }
            (Float, y) | (y, Float) if y.is_int_like() || *y == Float => match op {
                HlOp::Add | HlOp::Sub | HlOp::Mul | HlOp::Div | HlOp::FloorDiv | HlOp::Mod => Ok(Float),
                _ => bad(),
            },
            (x, y) if x.is_string_like() && y.is_string_like() && op == HlOp::Add => Ok(S_STR),
            (x, y) if x.is_string_like() && y.is_int_like() && op == HlOp::Mul => Ok(S_STR),
            (x, _) if x.is_string_like() && op == HlOp::Mod => {
                Err(Diagnostic::error(span, "string formatting with % is not supported yet"))
            }
            _ => bad(),
        }
    }

    fn compare(&self, op: HlOp, a: &SomeValue, b: &SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
        use SomeValue::*;
        let numeric = |s: &SomeValue| s.is_int_like() || *s == Float;
        let ok = match (a, b) {
            (x, y) if numeric(x) && numeric(y) => true,
            (x, y) if x.is_string_like() && y.is_string_like() => true,
            (String { .. }, None) | (None, String { .. }) | (None, None) => matches!(op, HlOp::Eq | HlOp::Ne),
            (Unicode { .. }, Unicode { .. }) => true,
            (Pbc(_), Pbc(_) | None) | (None, Pbc(_)) => matches!(op, HlOp::Eq | HlOp::Ne),
            (Tuple(x), Tuple(y)) => x.len() == y.len(),
            _ => false,
        };
        if ok {
            Ok(Bool)
        } else {
            Err(Diagnostic::error(
                span,
                format!("comparing {} with {} ({}) is not RPython", self.describe(a), self.describe(b), op_symbol(op)),
            ))
        }
    }

    fn annotate_getitem(
        &mut self,
        g: GraphId,
        b: BlockId,
        index_op: &Operand<Flow>,
        obj: &SomeValue,
        index: &SomeValue,
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        match obj {
            SomeValue::List { listdef, .. } if index.is_int_like() => Ok(self.read_list_item(*listdef, (g.0, b.0))),
            SomeValue::String { .. } | SomeValue::Char if index.is_int_like() => Ok(SomeValue::Char),
            SomeValue::Tuple(items) => {
                let i = match index_op {
                    Operand::Const(Value::Int(i)) => *i,
                    Operand::Const(Value::Bool(x)) => *x as i64,
                    _ => return Err(Diagnostic::error(span, "tuple indexes must be constants")),
                };
                let n = items.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(Diagnostic::error(span, format!("tuple index {} out of range", i)));
                }
                Ok(items[j as usize].clone())
            }
            _ => Err(Diagnostic::error(
                span,
                format!("indexing {} with {} is not supported yet", self.describe(obj), self.describe(index)),
            )),
        }
    }

    fn annotate_getattr(&mut self, g: GraphId, op: &FlowOp) -> Result<SomeValue, Diagnostic> {
        let span = op.span;
        let obj = self.operand(g, &op.args[0], span)?;
        if obj == SomeValue::Impossible {
            return Ok(SomeValue::Impossible);
        }
        let Operand::Const(Value::Str(name)) = &op.args[1] else {
            return Err(Diagnostic::error(span, "getattr() with a non-constant attribute name is not RPython"));
        };
        let name = String::from_utf8_lossy(name).into_owned();
        match &obj {
            SomeValue::Pbc(p) => match p.single() {
                Some(Desc::Module(m)) => {
                    let module = self.heap.module(m).expect("Desc::Module of a module");
                    match module.globals.get_str(&name) {
                        Some(v) => annotation_of_constant(self.heap, v).map_err(|m| Diagnostic::error(span, m)),
                        None if module.file.is_none() => Err(Diagnostic::error(
                            span,
                            format!("{}.{} is not supported yet", module.name, name),
                        )),
                        None => Err(Diagnostic::error(
                            span,
                            format!("module '{}' has no attribute '{}'", module.name, name),
                        )),
                    }
                }
                _ => Err(Diagnostic::error(
                    span,
                    format!("reading attribute '{}' of {} is not supported yet", name, self.describe(&obj)),
                )),
            },
            SomeValue::String { .. } | SomeValue::Char => {
                Err(Diagnostic::error(span, format!("the str method {}() is not supported yet", name)))
            }
            _ => Err(Diagnostic::error(
                span,
                format!("reading attribute '{}' of {} is not supported yet", name, self.describe(&obj)),
            )),
        }
    }

    /// A call of the built-in function `name` (`len`, `os.write`...).
    pub fn call_builtin(&mut self, name: &str, args: &[SomeValue], span: Span) -> Result<SomeValue, Diagnostic> {
        let arity = |n: usize| -> Result<(), Diagnostic> {
            if args.len() == n {
                Ok(())
            } else {
                let count = match n {
                    1 => "exactly one argument".to_string(),
                    n => format!("exactly {} arguments", n),
                };
                Err(Diagnostic::error(span, format!("{}() takes {} ({} given)", name, count, args.len())))
            }
        };
        let bad = |s: &SomeValue| {
            Err(Diagnostic::error(span, format!("{}() of {} is not supported yet", name, self.describe(s))))
        };
        match name {
            "len" => {
                arity(1)?;
                match &args[0] {
                    SomeValue::List { .. }
                    | SomeValue::String { .. }
                    | SomeValue::Char
                    | SomeValue::Unicode { .. }
                    | SomeValue::Tuple(_) => Ok(S_NONNEG),
                    other => bad(other),
                }
            }
            "str" => {
                arity(1)?;
                match &args[0] {
                    s if s.is_int_like() || s.is_string_like() || *s == SomeValue::None => Ok(S_STR),
                    other => bad(other),
                }
            }
            "int" => {
                if args.len() == 2 {
                    return Err(Diagnostic::error(span, "int() with a base is not supported yet"));
                }
                arity(1)?;
                match &args[0] {
                    s if s.is_int_like() => Ok(S_INT),
                    SomeValue::String { .. } | SomeValue::Char => Ok(S_INT),
                    other => bad(other),
                }
            }
            "bool" => {
                arity(1)?;
                Ok(SomeValue::Bool)
            }
            "os.write" => {
                arity(2)?;
                if !args[0].is_int_like() {
                    return Err(Diagnostic::error(
                        span,
                        format!("os.write() needs an int file descriptor, not {}", self.describe(&args[0])),
                    ));
                }
                match &args[1] {
                    SomeValue::String { can_be_none: false } | SomeValue::Char => Ok(S_INT),
                    other => Err(Diagnostic::error(
                        span,
                        format!("os.write() needs a str to write, not {}", self.describe(other)),
                    )),
                }
            }
            _ => Err(Diagnostic::error(span, format!("the builtin {}() is not supported yet", name))),
        }
    }
}

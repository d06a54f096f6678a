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
    annotation_of_constant_with(heap, c, &|_| None)
}

/// Like `annotation_of_constant`, with the listdef of each prebuilt list
/// (which the annotator gives out).
pub fn annotation_of_constant_with(
    heap: &Heap,
    c: &Value,
    prebuilt: &dyn Fn(hostobj::ObjId) -> Option<SomeValue>,
) -> Result<SomeValue, String> {
    Ok(match c {
        Value::None => SomeValue::None,
        Value::Bool(_) => SomeValue::Bool,
        Value::Int(i) => SomeValue::Integer { nonneg: *i >= 0, unsigned: false },
        Value::Long(_) => return Err("long integers are not RPython".into()),
        Value::Float(_) => SomeValue::Float,
        // As in RPython, a one-character constant is a char: variables that
        // only ever hold characters stay unboxed bytes.
        Value::Str(s) if s.len() == 1 => SomeValue::Char,
        Value::Str(_) => S_STR,
        Value::Unicode(_) => SomeValue::Unicode { can_be_none: false },
        Value::Obj(id) => match heap.get(*id) {
            Object::Function(_) => SomeValue::pbc(Desc::Function(*id)),
            Object::Builtin(_) => SomeValue::pbc(Desc::Builtin(*id)),
            Object::Class(_) => SomeValue::pbc(Desc::Class(*id)),
            Object::Module(_) => SomeValue::pbc(Desc::Module(*id)),
            Object::Tuple(items) => {
                let items: Result<Vec<_>, _> =
                    items.iter().map(|v| annotation_of_constant_with(heap, v, prebuilt)).collect();
                SomeValue::Tuple(items?)
            }
            Object::Dict(_) if is_os_environ(heap, *id) => SomeValue::Environ,
            Object::List(_) | Object::Dict(_) => match prebuilt(*id) {
                Some(s) => s,
                None => return Err("internal error: a prebuilt list or dict without a listdef".into()),
            },
            Object::Instance(_) if crate::intrinsics::sized_int_value(heap, *id).is_some() => {
                let (v, unsigned) = crate::intrinsics::sized_int_value(heap, *id).expect("sized int");
                SomeValue::Integer { nonneg: unsigned || v >= 0, unsigned }
            }
            Object::Instance(i) => SomeValue::Instance { class: i.class, can_be_none: false },
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

/// `hasattr(obj, name)` of a prebuilt object, decided at translation time
/// (RPython only has it for prebuilt objects and constant names).
pub fn static_hasattr(heap: &Heap, obj: &Value, name: &str) -> bool {
    let Value::Obj(o) = obj else { return false };
    match heap.get(*o) {
        Object::Instance(i) => i.attrs.get_str(name).is_some() || heap.lookup_class_attr(i.class, name).is_some(),
        Object::Class(_) => heap.lookup_class_attr(*o, name).is_some(),
        Object::Module(m) => m.globals.get_str(name).is_some(),
        Object::Function(f) => f.attrs.get_str(name).is_some(),
        _ => false,
    }
}

/// `isinstance(x, classes)` when the annotation of `x` decides it: built-in
/// types (`int`, `str`...) against what `x` is, and instances of a class
/// that derives from one of the (user) classes. None when only the run time
/// knows (an instance that may be of a subclass, or None).
pub fn static_isinstance(heap: &Heap, s: &SomeValue, classes: &[hostobj::ObjId], is_sub: &dyn Fn(hostobj::ObjId, hostobj::ObjId) -> bool) -> Option<bool> {
    let builtin = |c: hostobj::ObjId| match heap.get(c) {
        Object::Builtin(name) => Some(name.as_str()),
        _ => None,
    };
    let kind: &[&str] = match s {
        SomeValue::Bool => &["bool", "int", "long"],
        SomeValue::Integer { .. } => &["int", "long"],
        SomeValue::Float => &["float"],
        SomeValue::String { can_be_none: false } | SomeValue::Char => &["str", "basestring"],
        SomeValue::Unicode { can_be_none: false } => &["unicode", "basestring"],
        SomeValue::List { can_be_none: false, .. } => &["list"],
        SomeValue::Tuple(_) => &["tuple"],
        SomeValue::None => return Some(false),
        SomeValue::Instance { class, can_be_none } => {
            let user: Vec<hostobj::ObjId> = classes.iter().copied().filter(|&c| builtin(c).is_none()).collect();
            if !*can_be_none && user.iter().any(|&c| is_sub(*class, c)) {
                return Some(true);
            }
            return if user.is_empty() { Some(false) } else { None };
        }
        _ => return None,
    };
    Some(classes.iter().any(|&c| builtin(c).is_some_and(|n| kind.contains(&n))))
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

/// Whether `o` is the `os.environ` dict of the built-in `os` module.
pub fn is_os_environ(heap: &Heap, o: hostobj::ObjId) -> bool {
    let os = heap.find_module("os").and_then(|m| heap.module(m));
    os.is_some_and(|m| m.file.is_none() && m.globals.get_str("environ") == Some(&Value::Obj(o)))
}

/// Whether `o` is `sys.stdout` or `sys.stderr` (their write() and flush()
/// are supported).
pub fn is_std_stream(heap: &Heap, o: hostobj::ObjId) -> bool {
    matches!(heap.get(o), Object::Builtin(n) if n == "sys.stdout" || n == "sys.stderr")
}

/// Operations that use their first argument as a container.
pub fn container_op(op: HlOp) -> bool {
    matches!(
        op,
        HlOp::GetItem | HlOp::SetItem | HlOp::DelItem | HlOp::GetSlice | HlOp::SetSlice | HlOp::DelSlice | HlOp::Contains | HlOp::Iter
    )
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
    pub fn operand(&mut self, g: GraphId, o: &Operand<Flow>, span: Span) -> Result<SomeValue, Diagnostic> {
        match o {
            Operand::Var(v) => Ok(self.graph(g).binding(*v).clone()),
            Operand::Const(c) => self.constant(c, span),
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
        if let Some(r) = self.annotate_special(g, b, op)? {
            return Ok(r);
        }
        match op.op {
            HlOp::SimpleCall | HlOp::CallArgs => return self.annotate_call(g, b, op),
            HlOp::GetAttr => return self.annotate_getattr(g, b, op),
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
        if container_op(op.op) && matches!(args[0], SomeValue::List { .. } | SomeValue::Dict { .. }) {
            // A list or dict that may be None is used as a list or dict
            // (None there is a null pointer, as in RPython).
            args[0] = args[0].without_none();
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
            | HlOp::InplaceXor => match (op.op, &args[0], &args[1]) {
                // `l += other` extends l in place; as in RPython, the two
                // lists share a listdef from then on.
                (HlOp::InplaceAdd, SomeValue::List { listdef, can_be_none: false }, other @ SomeValue::List { can_be_none: false, .. }) => {
                    self.mark_resized(*listdef);
                    self.union(&args[0], other).ok_or_else(|| {
                        Diagnostic::error(span, format!("adding {} to {}", self.describe(other), self.describe(&args[0])))
                    })
                }
                _ => self.binary_arith(op.op.base_op(), &args[0], &args[1], span),
            },
            HlOp::Lt | HlOp::Le | HlOp::Eq | HlOp::Ne | HlOp::Gt | HlOp::Ge => {
                self.compare(op.op, &args[0], &args[1], span)
            }
            o if o.is_ovf() => {
                let signed_int = |s: &SomeValue| s.is_int_like() && !matches!(s, SomeValue::Integer { unsigned: true, .. });
                if args.iter().all(signed_int) {
                    Ok(crate::model::S_INT)
                } else {
                    let given: Vec<String> = args.iter().map(|a| self.describe(a)).collect();
                    Err(Diagnostic::error(span, format!("ovfcheck() needs an operation on ints, not on {}", given.join(" and "))))
                }
            }
            HlOp::Is => Ok(SomeValue::Bool),
            HlOp::NewDict => {
                let keys = self.site_listdef(1);
                let values = self.site_listdef(2);
                for pair in args.chunks(2) {
                    self.generalize_item(keys, pair[0].clone(), span, "dict keys")?;
                    self.generalize_item(values, pair[1].clone(), span, "dict values")?;
                }
                Ok(SomeValue::Dict { keys, values, can_be_none: false })
            }
            HlOp::GetItem if args[0] == SomeValue::ByteArray && args[1].is_int_like() => Ok(S_NONNEG),
            // st[i]: the fields as ints (the times truncated), as in Python 2.
            HlOp::GetItem if args[0] == SomeValue::StatResult && matches!(op.args[1], Operand::Const(Value::Int(0..=9))) => Ok(S_INT),
            HlOp::SetItem if args[0] == SomeValue::ByteArray && args[1].is_int_like() && args[2].is_int_like() => {
                Ok(SomeValue::None)
            }
            HlOp::GetItem | HlOp::Contains if args[0] == SomeValue::Environ => {
                if !matches!(args[1], SomeValue::String { can_be_none: false } | SomeValue::Char) {
                    return unsupported(format!("os.environ keys are strs, not {}", self.describe(&args[1])));
                }
                Ok(if op.op == HlOp::GetItem { S_STR } else { SomeValue::Bool })
            }
            HlOp::GetItem if matches!(args[0], SomeValue::Dict { .. }) => {
                let SomeValue::Dict { keys, values, .. } = args[0] else { unreachable!() };
                self.generalize_list_item(keys, args[1].clone(), span)?;
                self.annotate_key_funcs(g, b, keys, span)?;
                Ok(self.read_list_item(values, (g.0, b.0)))
            }
            HlOp::SetItem if matches!(args[0], SomeValue::Dict { .. }) => {
                let SomeValue::Dict { keys, values, .. } = args[0] else { unreachable!() };
                self.generalize_item(keys, args[1].clone(), span, "dict keys")?;
                self.generalize_item(values, args[2].clone(), span, "dict values")?;
                self.annotate_key_funcs(g, b, keys, span)?;
                Ok(SomeValue::None)
            }
            HlOp::DelItem | HlOp::Contains if matches!(args[0], SomeValue::Dict { .. }) => {
                let SomeValue::Dict { keys, .. } = args[0] else { unreachable!() };
                self.generalize_list_item(keys, args[1].clone(), span)?;
                self.annotate_key_funcs(g, b, keys, span)?;
                Ok(if op.op == HlOp::Contains { SomeValue::Bool } else { SomeValue::None })
            }
            HlOp::SetItem => match &args[0] {
                SomeValue::List { listdef, can_be_none: false } if args[1].is_int_like() => {
                    self.generalize_list_item(*listdef, args[2].clone(), span)?;
                    Ok(SomeValue::None)
                }
                other => unsupported(format!("item assignment on {} is not supported yet", self.describe(other))),
            },
            HlOp::DelItem => match &args[0] {
                SomeValue::List { listdef, can_be_none: false } if args[1].is_int_like() => {
                    self.mark_resized(*listdef);
                    Ok(SomeValue::None)
                }
                other => unsupported(format!("`del` of items of {} is not supported yet", self.describe(other))),
            },
            HlOp::GetSlice | HlOp::SetSlice | HlOp::DelSlice => {
                for bound in &args[1..3] {
                    if !bound.is_int_like() && *bound != SomeValue::None {
                        return unsupported(format!("slice bounds must be ints, not {}", self.describe(bound)));
                    }
                }
                match (op.op, &args[0]) {
                    (HlOp::GetSlice, SomeValue::List { listdef, can_be_none: false }) => {
                        Ok(SomeValue::List { listdef: *listdef, can_be_none: false })
                    }
                    (HlOp::GetSlice, SomeValue::String { can_be_none: false } | SomeValue::Char) => Ok(S_STR),
                    (HlOp::GetSlice, SomeValue::Unicode { can_be_none: false }) => Ok(SomeValue::Unicode { can_be_none: false }),
                    (HlOp::SetSlice, SomeValue::List { listdef, can_be_none: false }) => match &args[3] {
                        other @ SomeValue::List { .. } => {
                            self.union(&args[0], other).ok_or_else(|| {
                                Diagnostic::error(span, format!("slice assignment of {} to {}", self.describe(other), self.describe(&args[0])))
                            })?;
                            let _ = listdef;
                            Ok(SomeValue::None)
                        }
                        other => unsupported(format!("assigning {} to a list slice is not supported yet", self.describe(other))),
                    },
                    (HlOp::DelSlice, SomeValue::List { listdef, can_be_none: false }) => {
                        self.mark_resized(*listdef);
                        Ok(SomeValue::None)
                    }
                    (_, other) => unsupported(format!("slicing {} is not supported yet", self.describe(other))),
                }
            }
            HlOp::Contains => match (&args[0], &args[1]) {
                (SomeValue::Unicode { can_be_none: false }, SomeValue::Unicode { can_be_none: false }) => Ok(SomeValue::Bool),
                (SomeValue::List { listdef, can_be_none: false }, item) => {
                    let have = self.read_list_item(*listdef, (g.0, b.0));
                    if have != SomeValue::Impossible {
                        self.compare(HlOp::Eq, &have, item, span)?;
                    }
                    Ok(SomeValue::Bool)
                }
                (SomeValue::String { can_be_none: false } | SomeValue::Char, SomeValue::Char | SomeValue::String { can_be_none: false }) => {
                    Ok(SomeValue::Bool)
                }
                // `x in (a, b, c)`: x == a or x == b or x == c.
                (SomeValue::Tuple(items), x) => {
                    for item in items {
                        self.compare(HlOp::Eq, item, x, span)?;
                    }
                    Ok(SomeValue::Bool)
                }
                (c, _) => unsupported(format!("the `in` operator on {}", self.describe(c))),
            },
            HlOp::Iter => match &args[0] {
                SomeValue::List { can_be_none: false, .. }
                | SomeValue::String { can_be_none: false }
                | SomeValue::Char
                | SomeValue::Dict { can_be_none: false, .. }
                | SomeValue::Unicode { can_be_none: false }
                | SomeValue::Range { .. } => {
                    let container = match &args[0] {
                        SomeValue::Char => S_STR,
                        other => other.clone(),
                    };
                    Ok(SomeValue::Iterator { container: Box::new(container), reversed: false, enumerate: false })
                }
                it @ (SomeValue::Iterator { .. } | SomeValue::Generator { .. }) => Ok(it.clone()),
                other => unsupported(format!("iterating over {} is not supported yet", self.describe(other))),
            },
            HlOp::Next if matches!(args[0], SomeValue::Generator { .. }) => {
                let SomeValue::Generator { item, .. } = args[0] else { unreachable!() };
                Ok(self.read_list_item(item, (g.0, b.0)))
            }
            HlOp::Yield => {
                let Some(&item) = self.generators.get(&g) else {
                    return unsupported("yield outside a generator function".into());
                };
                self.generalize_item(item, args[0].clone(), span, "the values a generator yields")?;
                Ok(SomeValue::None)
            }
            HlOp::Next => match &args[0] {
                SomeValue::Iterator { container, enumerate, .. } => {
                    let item = match &**container {
                        SomeValue::List { listdef, .. } => self.read_list_item(*listdef, (g.0, b.0)),
                        SomeValue::String { .. } => SomeValue::Char,
                        SomeValue::Unicode { .. } => SomeValue::Unicode { can_be_none: false },
                        SomeValue::Range { nonneg } => SomeValue::Integer { nonneg: *nonneg, unsigned: false },
                        SomeValue::Dict { keys, .. } => self.read_list_item(*keys, (g.0, b.0)),
                        other => return unsupported(format!("iterating over {} is not supported yet", self.describe(other))),
                    };
                    if item == SomeValue::Impossible {
                        return Ok(item);
                    }
                    Ok(if *enumerate { SomeValue::Tuple(vec![S_NONNEG, item]) } else { item })
                }
                other => unsupported(format!("next() of {} is not supported yet", self.describe(other))),
            },
            HlOp::ExceptionMatch => match (&args[0], &args[1]) {
                (SomeValue::ClassRef { .. }, SomeValue::Pbc(p)) if matches!(p.single(), Some(Desc::Class(_))) => {
                    if let Some(Desc::Class(c)) = p.single() {
                        self.catch_class(c, span)?;
                    }
                    Ok(SomeValue::Bool)
                }
                (a, b) => unsupported(format!("matching {} against {} in an except clause is not supported yet", self.describe(a), self.describe(b))),
            },
            HlOp::SetAttr => {
                let Operand::Const(Value::Str(name)) = &op.args[1] else {
                    return unsupported("setattr() with a non-constant attribute name is not RPython".into());
                };
                let name = String::from_utf8_lossy(name).into_owned();
                match &args[0] {
                    SomeValue::Instance { class, .. } => {
                        self.write_attr(*class, &name, args[2].clone(), span)?;
                        Ok(SomeValue::None)
                    }
                    // Only None so far: wait until it generalizes (reported at
                    // the fixpoint if it never does).
                    SomeValue::None => Ok(SomeValue::Impossible),
                    other => unsupported(format!("setting attribute '{}' of {} is not supported yet", name, self.describe(other))),
                }
            }
            HlOp::Type => match &args[0] {
                SomeValue::Instance { class, .. } => Ok(SomeValue::ClassRef { class: *class, can_be_none: false }),
                other => unsupported(format!("type() of {} is not supported yet", self.describe(other))),
            },
            HlOp::GetItem => self.annotate_getitem(g, b, &op.args[1], &args[0], &args[1], span),
            HlOp::PrintItem => match &args[0] {
                SomeValue::Integer { .. }
                | SomeValue::Bool
                | SomeValue::String { .. }
                | SomeValue::Char
                | SomeValue::List { .. }
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
                            format!(
                                "list items are {} and {} in the same list literal ({})",
                                self.describe(&item),
                                self.describe(a),
                                self.location(span)
                            ),
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
            HlOp::Repr => self.call_builtin("repr", &args, span),
            other => unsupported(format!("{} is not supported yet", op_phrase(other))),
        }
    }

    /// Whether the result of the current operation is only used by an
    /// `iter` in its own block (as in `for i in range(n):`).
    fn only_iterated(&self) -> bool {
        let (g, b, i) = self.current_op;
        let block = self.graph(GraphId(g)).graph.block(BlockId(b));
        let Some(op) = block.operations.get(i as usize) else { return false };
        let v = Operand::Var(op.result);
        let uses: Vec<&FlowOp> = block.operations.iter().filter(|o| o.args.contains(&v)).collect();
        let in_links = block.exits.iter().any(|l| l.args.contains(&v)) || block.exitswitch == flowmodel::ExitSwitch::Value(v.clone());
        !in_links && uses.len() == 1 && uses[0].op == HlOp::Iter
    }

    /// The listdef made by the current operation for `tag` (the same one
    /// each time the operation is re-flowed).
    /// The result of `a + b` or `a * n`: a new list (its own listdef, so it
    /// may be resized while the operands stay fixed-size) whose items are
    /// those of the operands; the operands' items generalize to match, so
    /// that all share one item representation.
    fn list_offspring(&mut self, lists: &[crate::ListDefId], span: Span) -> Result<SomeValue, Diagnostic> {
        let (g, b, _) = self.current_op;
        let new = self.site_listdef(7);
        for &l in lists {
            let item = self.read_list_item(l, (g, b));
            self.generalize_list_item(new, item, span)?;
        }
        // Re-flowed when the new list's items generalize, to follow them.
        let item = self.read_list_item(new, (g, b));
        for &l in lists {
            self.generalize_list_item(l, item.clone(), span)?;
        }
        Ok(SomeValue::List { listdef: new, can_be_none: false })
    }

    pub(crate) fn site_listdef(&mut self, tag: u32) -> crate::ListDefId {
        let (g, b, i) = self.current_op;
        let key = (g, b, i + (tag << 24));
        match self.newlist_defs.get(&key) {
            Some(&l) => l,
            None => {
                let l = self.new_listdef(SomeValue::Impossible);
                self.newlist_defs.insert(key, l);
                l
            }
        }
    }

    /// Merges `item` into a list's item annotation, re-flowing its readers.
    pub(crate) fn generalize_list_item(&mut self, listdef: crate::ListDefId, item: SomeValue, span: Span) -> Result<(), Diagnostic> {
        self.generalize_item(listdef, item, span, "list items")
    }

    /// Like `generalize_list_item`, naming the items `what` in the error.
    pub(crate) fn generalize_item(&mut self, listdef: crate::ListDefId, item: SomeValue, span: Span, what: &str) -> Result<(), Diagnostic> {
        let root = crate::model::find_listdef(&self.listdefs, listdef);
        let old = self.listdefs[root.0 as usize].item.clone();
        let origin = self.listdefs[root.0 as usize].origin;
        let new = self.union(&old, &item).ok_or_else(|| {
            let first = if origin == Span::default() {
                self.describe(&old)
            } else {
                format!("{} here ({})", self.describe(&old), self.location(origin))
            };
            Diagnostic::error(span, format!("{} are {} and {} here ({})", what, first, self.describe(&item), self.location(span)))
        })?;
        if old == SomeValue::Impossible && item != SomeValue::Impossible {
            self.listdefs[root.0 as usize].origin = span;
        }
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

    fn binary_arith(&mut self, op: HlOp, a: &SomeValue, b: &SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
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
            (Unicode { can_be_none: false }, Unicode { can_be_none: false }) if op == HlOp::Add => Ok(Unicode { can_be_none: false }),
            // The format is checked by the rtyper (it must be a constant).
            (Unicode { can_be_none: false }, _) if op == HlOp::Mod => Ok(Unicode { can_be_none: false }),
            (Unicode { can_be_none: false }, y) | (y, Unicode { can_be_none: false }) if y.is_int_like() && op == HlOp::Mul => {
                Ok(Unicode { can_be_none: false })
            }
            (List { listdef, can_be_none: false }, y) if y.is_int_like() && op == HlOp::Mul => self.list_offspring(&[*listdef], span),
            (List { listdef: l1, can_be_none: false }, List { listdef: l2, can_be_none: false }) if op == HlOp::Add => {
                self.list_offspring(&[*l1, *l2], span)
            }
            (x, y) if x.is_string_like() && y.is_int_like() && op == HlOp::Mul => Ok(S_STR),
            (y, x) if x.is_string_like() && y.is_int_like() && op == HlOp::Mul => Ok(S_STR),
            (y, List { listdef, can_be_none: false }) if y.is_int_like() && op == HlOp::Mul => self.list_offspring(&[*listdef], span),
            // The format is checked by the rtyper (it must be a constant).
            (x, _) if x.is_string_like() && op == HlOp::Mod => Ok(S_STR),
            _ => bad(),
        }
    }

    pub(crate) fn compare(&self, op: HlOp, a: &SomeValue, b: &SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
        use SomeValue::*;
        let numeric = |s: &SomeValue| s.is_int_like() || *s == Float;
        let ok = match (a, b) {
            (x, y) if numeric(x) && numeric(y) => true,
            (x, y) if x.is_string_like() && y.is_string_like() => true,
            (String { .. }, None) | (None, String { .. }) | (None, None) => matches!(op, HlOp::Eq | HlOp::Ne),
            (Unicode { .. }, Unicode { .. }) => true,
            (Pbc(_), Pbc(_) | None) | (None, Pbc(_)) => matches!(op, HlOp::Eq | HlOp::Ne),
            (Tuple(x), Tuple(y)) => x.len() == y.len(),
            (List { .. }, List { .. }) => matches!(op, HlOp::Eq | HlOp::Ne),
            // Instances without __eq__ compare by identity.
            (Instance { .. }, Instance { .. } | None) | (None, Instance { .. }) => matches!(op, HlOp::Eq | HlOp::Ne),
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
            SomeValue::Unicode { .. } if index.is_int_like() => Ok(SomeValue::Unicode { can_be_none: false }),
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

    fn annotate_getattr(&mut self, g: GraphId, b: BlockId, op: &FlowOp) -> Result<SomeValue, Diagnostic> {
        let span = op.span;
        // `jitdriver.jit_merge_point` of a prebuilt JitDriver: an intrinsic,
        // a bound method with no receiver (the driver is never translated).
        if let (Operand::Const(Value::Obj(o)), Operand::Const(Value::Str(name))) = (&op.args[0], &op.args[1]) {
            let name = String::from_utf8_lossy(name);
            if crate::intrinsics::is_jitdriver(self.heap, *o) && crate::intrinsics::JITDRIVER_HINTS.contains(&&*name) {
                return Ok(SomeValue::BuiltinMethod { receiver: Box::new(SomeValue::None), name: name.into_owned() });
            }
        }
        let obj = self.operand(g, &op.args[0], span)?;
        // Only None so far (a parameter callers have passed only None yet):
        // wait until it generalizes, as for an unknown value. If it is still
        // None at the fixpoint, the read is reported then.
        if obj == SomeValue::Impossible || obj == SomeValue::None {
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
                        Some(v) => self.constant(&v.clone(), span),
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
                Some(Desc::Builtin(o)) if is_std_stream(self.heap, o) && matches!(name.as_str(), "write" | "flush") => {
                    Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name })
                }
                _ => Err(Diagnostic::error(
                    span,
                    format!("reading attribute '{}' of {} is not supported yet", name, self.describe(&obj)),
                )),
            },
            SomeValue::String { can_be_none: false } | SomeValue::Char => match name.as_str() {
                "join" | "split" | "rsplit" | "splitlines" | "strip" | "lstrip" | "rstrip" | "startswith" | "endswith"
                | "find" | "rfind" | "count" | "replace" | "upper" | "lower" | "isdigit" | "isalpha" | "isalnum"
                | "isspace" | "isupper" | "islower" | "decode" => Ok(SomeValue::BuiltinMethod { receiver: Box::new(S_STR), name }),
                "format" => Err(Diagnostic::error(span, "str.format() is not RPython: use % formatting with a constant format")),
                _ => Err(Diagnostic::error(span, format!("the str method {}() is not supported yet", name))),
            },
            SomeValue::Dict { can_be_none: false, .. } => match name.as_str() {
                "get" | "keys" | "values" | "items" | "iterkeys" | "itervalues" | "iteritems" | "pop" | "setdefault"
                | "clear" | "copy" | "update" | "popitem" => Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name }),
                _ => Err(Diagnostic::error(span, format!("the dict method {}() is not supported yet", name))),
            },
            SomeValue::Unicode { can_be_none: false } => match name.as_str() {
                "encode" | "find" | "rfind" | "count" | "startswith" | "endswith" | "split" | "rsplit" | "join" | "replace"
                | "strip" | "lstrip" | "rstrip" => Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name }),
                _ => Err(Diagnostic::error(span, format!("the unicode method {}() is not supported yet", name))),
            },
            SomeValue::StatResult => match abi::STAT_FIELDS.iter().position(|f| *f == name) {
                Some(i) if i >= 7 => Ok(SomeValue::Float),
                Some(_) => Ok(S_INT),
                None => Err(Diagnostic::error(span, format!("a stat result has no attribute '{}'", name))),
            },
            SomeValue::Environ if name == "get" => Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name }),
            SomeValue::Generator { .. } if name == "next" => Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name }),
            SomeValue::List { can_be_none: false, .. } => match name.as_str() {
                "append" | "insert" | "extend" | "reverse" | "pop" | "remove" | "index" | "count" => {
                    Ok(SomeValue::BuiltinMethod { receiver: Box::new(obj.clone()), name })
                }
                _ => Err(Diagnostic::error(span, format!("the list method {}() is not supported yet", name))),
            },
            SomeValue::Instance { class, .. } => {
                let class = *class;
                let reader = (g.0, b.0);
                self.class_readers.entry(class).or_default().insert(reader);
                let is_field = self.ancestors(class).iter().any(|c| self.classdefs[c].attrs.contains_key(&name));
                if is_field {
                    return self.read_attr(class, &name, reader, span);
                }
                if name == "__class__" {
                    return Ok(SomeValue::ClassRef { class, can_be_none: false });
                }
                match crate::classdef::class_member(self.heap, class, &name) {
                    crate::classdef::ClassMember::Method => Ok(SomeValue::Method { class, name }),
                    crate::classdef::ClassMember::Static(f) => Ok(SomeValue::pbc(Desc::Function(f))),
                    _ if name.starts_with("__") && name.ends_with("__") => Err(Diagnostic::error(
                        span,
                        format!("reading the special attribute '{}' of {} is not supported yet", name, self.describe(&obj)),
                    )),
                    _ => self.read_attr(class, &name, reader, span),
                }
            }
            _ => Err(Diagnostic::error(
                span,
                format!("reading attribute '{}' of {} is not supported yet", name, self.describe(&obj)),
            )),
        }
    }

    /// An operation that calls a method of its instance operand
    /// (`special.rs`): the method's result, or None for other operations.
    fn annotate_special(&mut self, g: GraphId, b: BlockId, op: &FlowOp) -> Result<Option<SomeValue>, Diagnostic> {
        let special_ops = [HlOp::GetItem, HlOp::SetItem, HlOp::Contains, HlOp::Iter, HlOp::Next, HlOp::GetAttr, HlOp::SetAttr];
        // (Prebuilt instances are left to the ordinary rules.)
        if !special_ops.contains(&op.op) || !matches!(op.args.first(), Some(Operand::Var(_))) {
            return Ok(None);
        }
        let recv = self.operand(g, &op.args[0], op.span)?;
        let Some((call, rest)) = crate::special::special_call(self.heap, op, std::slice::from_ref(&recv)) else { return Ok(None) };
        let mut args = Vec::new();
        for a in rest {
            args.push(self.operand(g, a, op.span)?);
        }
        let values = crate::calls::ArgValues {
            shape: flowspace::CallShape { positional: args.len(), keywords: Vec::new(), star_arg: false },
            consts: rest.iter().zip(&args).map(|(o, s)| crate::calls::constant_of(o, s)).collect(),
            args,
            star: None,
            result: op.result,
        };
        let SomeValue::Instance { class, .. } = recv else { return Ok(None) };
        Ok(Some(match call {
            crate::special::SpecialCall::Method(name) => self.call_method(g, b, class, name, &values, op.span)?,
            crate::special::SpecialCall::Function(f) => {
                // `self` is typed by the class that defines the property.
                let name = match &op.args[1] {
                    Operand::Const(Value::Str(n)) => String::from_utf8_lossy(n).into_owned(),
                    _ => String::new(),
                };
                let def = self.heap.lookup_class_attr(class, &name).map(|(d, _)| d).unwrap_or(class);
                let this = self.self_annotation(class, def);
                self.call_with_self(g, b, f, this, &values, op.span)?
            }
        }))
    }

    /// A call of a function of `abi::call_builtins` (one runtime call).
    fn call_table_builtin(&mut self, b: &abi::call_builtins::CallBuiltin, args: &[SomeValue], span: Span) -> Result<SomeValue, Diagnostic> {
        use abi::call_builtins::Kind;
        if !b.arity().contains(&args.len()) {
            let (lo, hi) = (b.arity().start().to_owned(), b.arity().end().to_owned());
            let count = if lo == hi { format!("{}", lo) } else { format!("{} to {}", lo, hi) };
            return Err(Diagnostic::error(span, format!("{}() takes {} arguments ({} given)", b.name, count, args.len())));
        }
        for (i, (a, k)) in args.iter().zip(b.params).enumerate() {
            let ok = match k {
                Kind::Int => a.is_int_like(),
                Kind::Str => matches!(a, SomeValue::String { can_be_none: false } | SomeValue::Char),
                Kind::StrOrNone => matches!(a, SomeValue::String { .. } | SomeValue::Char | SomeValue::None),
                Kind::Float => a.is_int_like() || *a == SomeValue::Float,
                Kind::Bool | Kind::StrList | Kind::Void => false,
            };
            if !ok {
                let want = match k {
                    Kind::Int => "an int",
                    Kind::Str => "a str",
                    Kind::StrOrNone => "a str or None",
                    _ => "a float",
                };
                return Err(Diagnostic::error(
                    span,
                    format!("argument {} of {}() must be {}, not {}", i + 1, b.name, want, self.describe(a)),
                ));
            }
        }
        Ok(match b.result {
            Kind::Int => S_INT,
            Kind::Str => S_STR,
            Kind::StrOrNone => SomeValue::String { can_be_none: true },
            Kind::Bool => SomeValue::Bool,
            Kind::Float => SomeValue::Float,
            Kind::Void => SomeValue::None,
            Kind::StrList => {
                let listdef = self.site_listdef(5);
                // The runtime builds these lists (os.listdir) resizable.
                self.mark_resized(listdef);
                self.generalize_list_item(listdef, S_STR, span)?;
                SomeValue::List { listdef, can_be_none: false }
            }
        })
    }

    /// The classes of the second argument of `isinstance`: a constant class
    /// or tuple of classes.
    pub fn isinstance_classes(&self, s: &SomeValue, span: Span) -> Result<Vec<hostobj::ObjId>, Diagnostic> {
        let mut out = Vec::new();
        let items: Vec<&SomeValue> = match s {
            SomeValue::Tuple(items) => items.iter().collect(),
            other => vec![other],
        };
        for item in items {
            match item {
                SomeValue::Pbc(p) => match p.single() {
                    Some(Desc::Class(c)) if !crate::classdef::is_object_class(self.heap, c) => out.push(c),
                    // Built-in types (int, str, ...): decided from the annotation.
                    Some(Desc::Builtin(b)) => out.push(b),
                    _ => return Err(Diagnostic::error(span, format!("isinstance() of {} is not supported yet", self.describe(item)))),
                },
                _ => return Err(Diagnostic::error(span, "isinstance() needs a constant class or tuple of classes")),
            }
        }
        Ok(out)
    }

    /// A call of the built-in function `name` (`len`, `os.write`...).
    pub fn call_builtin(&mut self, name: &str, args: &[SomeValue], span: Span) -> Result<SomeValue, Diagnostic> {
        if let Some(b) = abi::call_builtins::call_builtin_entry(name) {
            return self.call_table_builtin(b, args, span);
        }
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
                    | SomeValue::Tuple(_)
                    | SomeValue::Dict { .. }
                    | SomeValue::ByteArray
                    | SomeValue::Range { .. } => Ok(S_NONNEG),
                    other => bad(other),
                }
            }
            "str" => {
                arity(1)?;
                match &args[0] {
                    s if s.is_int_like() || s.is_string_like() || *s == SomeValue::None => Ok(S_STR),
                    SomeValue::List { .. } | SomeValue::Float | SomeValue::ByteArray => Ok(S_STR),
                    SomeValue::Instance { class, .. } if !self.heap.is_subclass(*class, self.base_exception()) => Ok(S_STR),
                    other => bad(other),
                }
            }
            "int" => {
                if let [text, base] = args {
                    return if matches!(text, SomeValue::String { can_be_none: false } | SomeValue::Char) && base.is_int_like() {
                        Ok(S_INT)
                    } else {
                        Err(Diagnostic::error(span, format!("int() with a base takes a str and an int, not {} and {}", self.describe(text), self.describe(base))))
                    };
                }
                arity(1)?;
                match &args[0] {
                    s if s.is_int_like() => Ok(S_INT),
                    SomeValue::Float => Ok(S_INT),
                    SomeValue::String { .. } | SomeValue::Char => Ok(S_INT),
                    other => bad(other),
                }
            }
            "bool" => {
                arity(1)?;
                Ok(SomeValue::Bool)
            }
            "type" => {
                arity(1)?;
                match &args[0] {
                    SomeValue::Instance { class, .. } => Ok(SomeValue::ClassRef { class: *class, can_be_none: false }),
                    other => bad(other),
                }
            }
            "range" | "xrange" => {
                if args.is_empty() || args.len() > 3 {
                    return Err(Diagnostic::error(span, format!("{}() takes 1 to 3 arguments ({} given)", name, args.len())));
                }
                if let Some(bad_arg) = args.iter().find(|a| !a.is_int_like()) {
                    return bad(bad_arg);
                }
                // Items are >= 0 when the start is and the step is positive.
                let nonneg = args.len() == 1 || (args[0].is_nonneg() && (args.len() == 2 || args[2].is_nonneg()));
                if name == "range" && !self.only_iterated() {
                    // A real list of ints (`for i in range(n)` needs none).
                    let listdef = self.site_listdef(5);
                    self.generalize_list_item(listdef, SomeValue::Integer { nonneg, unsigned: false }, span)?;
                    return Ok(SomeValue::List { listdef, can_be_none: false });
                }
                Ok(SomeValue::Range { nonneg })
            }
            "enumerate" | "reversed" => {
                arity(1)?;
                match &args[0] {
                    SomeValue::List { can_be_none: false, .. } => {}
                    SomeValue::String { can_be_none: false } | SomeValue::Char if name == "enumerate" => {}
                    other => return bad(other),
                }
                let container = match &args[0] {
                    SomeValue::Char => S_STR,
                    other => other.clone(),
                };
                Ok(SomeValue::Iterator {
                    container: Box::new(container),
                    reversed: name == "reversed",
                    enumerate: name == "enumerate",
                })
            }
            "unichr" => {
                arity(1)?;
                if args[0].is_int_like() { Ok(SomeValue::Unicode { can_be_none: false }) } else { bad(&args[0]) }
            }
            "ord" => {
                arity(1)?;
                match &args[0] {
                    SomeValue::Char | SomeValue::String { can_be_none: false } | SomeValue::Unicode { can_be_none: false } => Ok(S_NONNEG),
                    other => bad(other),
                }
            }
            "list" => {
                arity(1)?;
                match &args[0] {
                    // A copy: a new list with the same item type.
                    SomeValue::List { listdef, can_be_none: false } => {
                        let item = self.read_list_item(*listdef, (self.current_op.0, self.current_op.1));
                        let new = self.site_listdef(6);
                        self.generalize_list_item(new, item.clone(), span)?;
                        self.generalize_list_item(*listdef, self.listdefs[crate::model::find_listdef(&self.listdefs, new).0 as usize].item.clone(), span)?;
                        Ok(SomeValue::List { listdef: new, can_be_none: false })
                    }
                    // The keys, in their own representation (as d.keys()).
                    SomeValue::Dict { keys, can_be_none: false, .. } => {
                        self.read_list_item(*keys, (self.current_op.0, self.current_op.1));
                        Ok(SomeValue::List { listdef: *keys, can_be_none: false })
                    }
                    SomeValue::String { can_be_none: false } | SomeValue::Char => {
                        let new = self.site_listdef(6);
                        self.generalize_list_item(new, SomeValue::Char, span)?;
                        Ok(SomeValue::List { listdef: new, can_be_none: false })
                    }
                    other => bad(other),
                }
            }
            "hex" | "oct" => {
                arity(1)?;
                if args[0].is_int_like() { Ok(S_STR) } else { bad(&args[0]) }
            }
            "chr" => {
                arity(1)?;
                if args[0].is_int_like() { Ok(SomeValue::Char) } else { bad(&args[0]) }
            }
            "id" => {
                // The identity hash: stable although the collector moves objects.
                arity(1)?;
                match &args[0] {
                    SomeValue::Instance { .. } | SomeValue::None => Ok(S_INT),
                    other => bad(other),
                }
            }
            "abs" => {
                arity(1)?;
                match &args[0] {
                    x if x.is_int_like() => Ok(S_INT),
                    SomeValue::Float => Ok(SomeValue::Float),
                    other => bad(other),
                }
            }
            "os.stat" | "os.lstat" | "os.fstat" => {
                arity(1)?;
                let ok = if name == "os.fstat" { args[0].is_int_like() } else { matches!(args[0], SomeValue::String { can_be_none: false } | SomeValue::Char) };
                if ok { Ok(SomeValue::StatResult) } else { bad(&args[0]) }
            }
            "bytearray" => match args {
                [] => Ok(SomeValue::ByteArray),
                [x] if x.is_int_like() || matches!(x, SomeValue::String { can_be_none: false } | SomeValue::Char) => {
                    Ok(SomeValue::ByteArray)
                }
                [x] => bad(x),
                _ => arity(1).map(|_| SomeValue::ByteArray),
            },
            "repr" => {
                arity(1)?;
                match &args[0] {
                    s if s.is_int_like() || s.is_string_like() || *s == SomeValue::Float => Ok(S_STR),
                    other => bad(other),
                }
            }
            "float" => {
                arity(1)?;
                match &args[0] {
                    x if x.is_int_like() || *x == SomeValue::Float || *x == SomeValue::SingleFloat => Ok(SomeValue::Float),
                    SomeValue::String { can_be_none: false } | SomeValue::Char => Ok(SomeValue::Float),
                    other => bad(other),
                }
            }
            "math.frexp" => {
                arity(1)?;
                if args[0].is_int_like() || args[0] == SomeValue::Float {
                    Ok(SomeValue::Tuple(vec![SomeValue::Float, S_INT]))
                } else {
                    bad(&args[0])
                }
            }
            "math.modf" => {
                arity(1)?;
                if args[0].is_int_like() || args[0] == SomeValue::Float {
                    Ok(SomeValue::Tuple(vec![SomeValue::Float, SomeValue::Float]))
                } else {
                    bad(&args[0])
                }
            }
            "min" | "max" => {
                arity(2)?;
                let numeric = |s: &SomeValue| s.is_int_like() || *s == SomeValue::Float;
                if args[0].is_int_like() && args[1].is_int_like() {
                    Ok(SomeValue::Integer { nonneg: args[0].is_nonneg() && args[1].is_nonneg(), unsigned: false })
                } else if numeric(&args[0]) && numeric(&args[1]) {
                    Ok(SomeValue::Float)
                } else {
                    Err(Diagnostic::error(span, format!("{}() of {} and {} is not supported yet", name, self.describe(&args[0]), self.describe(&args[1]))))
                }
            }
            "isinstance" => {
                arity(2)?;
                for class in self.isinstance_classes(&args[1], span)? {
                    if self.heap.class(class).is_some() {
                        self.classdef(class, span)?;
                    }
                }
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
            "getattr" | "setattr" | "hasattr" if !self.current_call_arg_is_const(1) => Err(Diagnostic::error(
                span,
                format!("{}() with a name computed at run time is not RPython: use a constant attribute name", name),
            )),
            _ => match not_rpython_builtin_hint(name) {
                Some(hint) => Err(Diagnostic::error(span, format!("{}() is not RPython: {}", name, hint))),
                None => Err(Diagnostic::error(span, format!("the builtin {}() is not supported yet", name))),
            },
        }
    }

    /// Whether argument `i` (0-based, after the callee) of the current
    /// `simple_call` operation is a constant. Other call shapes answer true
    /// (not known to be computed at run time).
    fn current_call_arg_is_const(&self, i: usize) -> bool {
        let (g, b, o) = self.current_op;
        let block = self.graph(GraphId(g)).graph.block(BlockId(b));
        match block.operations.get(o as usize) {
            Some(op) if op.op == HlOp::SimpleCall => !matches!(op.args.get(i + 1), Some(Operand::Var(_))),
            _ => true,
        }
    }
}

/// For builtins that RPython rejects: why, and what to use instead.
fn not_rpython_builtin_hint(name: &str) -> Option<&'static str> {
    Some(match name {
        "sorted" => "sort a list in place with rpython.rlib.listsort",
        "sum" => "add the items up in a loop",
        "any" | "all" => "test the items in a loop",
        "map" => "build the list with a loop or a list comprehension",
        "filter" => "build the list with a loop or a list comprehension with an `if`",
        "zip" => "loop over the indices and index both lists",
        "reduce" => "combine the items in a loop",
        "hash" => "use compute_hash() from rpython.rlib.objectmodel",
        "super" => "call the parent class's method explicitly (Parent.method(self, ...))",
        _ => return None,
    })
}

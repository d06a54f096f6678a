//! Calls: the shape of a call site, matching its arguments to a function's
//! parameters (positional, keyword, defaults), and flowing into callees.
//!
//! `match_arguments` is public so the rtyper fills defaults and reorders
//! keyword arguments exactly as the annotator did.

use diag::{Diagnostic, Span};
use flowmodel::Operand;
use flowspace::{CallShape, Flow, FlowOp, HlOp};
use hostobj::{Heap, Object, ObjId, Value};
use syntax::ast::ExprKind;

use crate::annotator::{Annotator, Place};
use crate::model::{Desc, SomeValue};
use crate::GraphId;

/// The parts of a call operation.
pub struct CallSite<'a> {
    pub shape: CallShape,
    pub callee: &'a Operand<Flow>,
    /// The argument operands (after the callee and the shape), as `shape` says.
    pub args: &'a [Operand<Flow>],
}

/// The parts of a `simple_call` or `call_args` operation.
pub fn call_operands(op: &FlowOp) -> Result<CallSite<'_>, String> {
    match op.op {
        HlOp::SimpleCall => {
            let (callee, args) = op.args.split_first().ok_or("internal error: call without callee")?;
            let shape = CallShape { positional: args.len(), keywords: Vec::new(), star_arg: false };
            Ok(CallSite { shape, callee, args })
        }
        HlOp::CallArgs => {
            if op.args.len() < 2 {
                return Err("internal error: call_args without shape".into());
            }
            let shape = match &op.args[1] {
                Operand::Const(c) => CallShape::decode(c),
                Operand::Var(_) => None,
            }
            .ok_or("internal error: call_args shape is not a constant")?;
            let args = &op.args[2..];
            if shape.arg_count() != args.len() {
                return Err("internal error: call_args shape does not match its arguments".into());
            }
            Ok(CallSite { shape, callee: &op.args[0], args })
        }
        _ => Err(format!("internal error: {} is not a call", op.op)),
    }
}

/// Where the value of one parameter comes from at a call site.
#[derive(Clone, Debug, PartialEq)]
pub enum ArgSource {
    /// The call's argument operand number `i` (after the callee and the
    /// shape: positional ones, then keywords; the `*args` tuple is not
    /// counted here).
    Given(usize),
    /// Item `j` of the tuple passed as `f(*args)` (the call's last operand).
    StarItem(usize),
    /// The parameter's default value.
    Default(Value),
}

/// How a call's arguments bind to a function's parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct CallBinding {
    /// One source per named parameter, in order.
    pub params: Vec<ArgSource>,
    /// The items of the `*args` tuple, for a function that has one.
    pub vararg: Option<Vec<ArgSource>>,
}

impl CallBinding {
    /// Every source in the order of the callee's start block inputs (the
    /// `*args` items last, packed into one tuple there).
    pub fn all(&self) -> impl Iterator<Item = &ArgSource> {
        self.params.iter().chain(self.vararg.iter().flatten())
    }
}

/// The parameters of a host function: names in order, and the `*args` name.
pub struct Signature {
    pub params: Vec<String>,
    pub vararg: Option<String>,
}

pub fn signature(heap: &Heap, func: ObjId) -> Result<Signature, String> {
    let f = heap.function(func).ok_or("internal error: not a function")?;
    let args = &f.def.args;
    if args.kwarg.is_some() {
        return Err(format!("{}(): **kwargs parameters are not RPython", f.name));
    }
    let params = args
        .args
        .iter()
        .map(|a| match &a.kind {
            ExprKind::Name(n) => Ok(n.clone()),
            _ => Err(format!("{}(): tuple parameters are not supported yet", f.name)),
        })
        .collect::<Result<_, _>>()?;
    Ok(Signature { params, vararg: args.vararg.clone() })
}

/// Matches a call's arguments to the parameters of `func`, like Python does:
/// positional ones first (those of a `*args` tuple of `star_len` items
/// after the others), then keywords by name, then defaults; what is left of
/// the positional ones goes to the function's own `*args`.
pub fn match_arguments(heap: &Heap, func: ObjId, shape: &CallShape, star_len: Option<usize>) -> Result<CallBinding, String> {
    let f = heap.function(func).ok_or("internal error: not a function")?;
    let sig = signature(heap, func)?;
    let params = &sig.params;
    let mut positional: Vec<ArgSource> = (0..shape.positional).map(ArgSource::Given).collect();
    positional.extend((0..star_len.unwrap_or(0)).map(ArgSource::StarItem));
    let ndefaults = f.defaults.len().min(params.len());
    let nrequired = params.len() - ndefaults;
    let given = positional.len() + shape.keywords.len();
    let takes = |n: usize| {
        let how = if sig.vararg.is_some() || n <= nrequired {
            "at least"
        } else if ndefaults == 0 {
            "exactly"
        } else {
            "at most"
        };
        let how = if ndefaults == 0 && sig.vararg.is_none() { "exactly" } else { how };
        let count = if n <= nrequired { nrequired } else { params.len() };
        format!(
            "{}() takes {} {} argument{} ({} given)",
            f.name,
            how,
            count,
            if count == 1 { "" } else { "s" },
            given
        )
    };
    let extra = if positional.len() > params.len() {
        if sig.vararg.is_none() {
            return Err(takes(positional.len()));
        }
        positional.split_off(params.len())
    } else {
        Vec::new()
    };
    let mut sources: Vec<Option<ArgSource>> = vec![None; params.len()];
    for (slot, src) in sources.iter_mut().zip(positional) {
        *slot = Some(src);
    }
    for (k, name) in shape.keywords.iter().enumerate() {
        let Some(i) = params.iter().position(|p| p == name) else {
            return Err(format!("{}() got an unexpected keyword argument '{}'", f.name, name));
        };
        if sources[i].is_some() {
            return Err(format!("{}() got multiple values for keyword argument '{}'", f.name, name));
        }
        sources[i] = Some(ArgSource::Given(shape.positional + k));
    }
    let mut out = Vec::new();
    for (i, s) in sources.into_iter().enumerate() {
        match s {
            Some(s) => out.push(s),
            None if i >= nrequired => out.push(ArgSource::Default(f.defaults[i - nrequired].clone())),
            None => return Err(takes(given)),
        }
    }
    Ok(CallBinding { params: out, vararg: sig.vararg.map(|_| extra) })
}

/// The specialization key of a call of `func` (`""`: the one default
/// version). `args` gives, for each source of `binding.all()`, its
/// annotation and its value when it is a constant; `site` is the call's
/// place. The annotator and the rtyper both derive the callee's graph from
/// it, so a call site always reaches the version it was annotated with.
pub fn specialization_key(
    heap: &Heap,
    func: ObjId,
    binding: &CallBinding,
    args: &[(SomeValue, Option<Value>)],
    site: Span,
) -> Result<String, String> {
    let f = heap.function(func).ok_or("internal error: not a function")?;
    let mut parts = Vec::new();
    if let Some(extra) = &binding.vararg {
        // One version per number of `*args` items, as in RPython.
        parts.push(format!("*{}", extra.len()));
    }
    let tag = match f.attrs.get(&Value::str("_annspecialcase_")) {
        Some(Value::Str(s)) => String::from_utf8_lossy(s).into_owned(),
        _ => String::new(),
    };
    let Some(spec) = tag.strip_prefix("specialize:") else {
        return Ok(parts.join(","));
    };
    let (kind, numbers) = match spec.find('(') {
        Some(i) if spec.ends_with(')') => (&spec[..i], &spec[i + 1..spec.len() - 1]),
        _ => (spec, ""),
    };
    let mut indexes = Vec::new();
    for n in numbers.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        match n.parse::<usize>() {
            Ok(i) if i < args.len() => indexes.push(i),
            _ => return Err(format!("{}(): '{}' names argument {} that this call does not pass", f.name, tag, n)),
        }
    }
    match kind {
        "argtype" => {
            for i in indexes {
                parts.push(format!("{}:{}", i, type_key(heap, &args[i].0)));
            }
        }
        "arg" | "arg_or_var" | "ll_and_arg" => {
            for i in indexes {
                match &args[i].1 {
                    Some(v) => parts.push(format!("{}={}", i, const_key(v))),
                    None if kind == "arg_or_var" => parts.push(format!("{}=var", i)),
                    None => {
                        return Err(format!(
                            "{}() is specialized on argument {} ('{}'), which must be a constant here; it is {}",
                            f.name,
                            i,
                            tag,
                            type_key(heap, &args[i].0)
                        ))
                    }
                }
            }
        }
        "call_location" => parts.push(format!("@{:?}:{}:{}", site.file, site.line, site.col)),
        // memo: the function of prebuilt constants is evaluated as an
        // ordinary function (same result, computed at run time); ll: one
        // version is enough for our low-level types.
        "memo" | "ll" => {}
        "arglistitemtype" => {
            for i in indexes {
                parts.push(format!("{}:[{}]", i, type_key(heap, &args[i].0)));
            }
        }
        _ => return Err(format!("{}(): unknown specialization '{}'", f.name, tag)),
    }
    Ok(parts.join(","))
}

/// What `specialize:argtype` distinguishes: the Python type of a value.
fn type_key(heap: &Heap, s: &SomeValue) -> String {
    match s {
        SomeValue::Integer { unsigned: true, .. } => "r_uint".into(),
        SomeValue::Integer { .. } => "int".into(),
        SomeValue::Bool => "bool".into(),
        SomeValue::Float => "float".into(),
        SomeValue::String { .. } | SomeValue::Char => "str".into(),
        SomeValue::Unicode { .. } => "unicode".into(),
        SomeValue::Tuple(items) => format!("tuple{}", items.len()),
        SomeValue::List { .. } => "list".into(),
        SomeValue::Dict { .. } => "dict".into(),
        SomeValue::None => "None".into(),
        SomeValue::Instance { class, .. } | SomeValue::ClassRef { class, .. } => {
            format!("{}#{}", heap.class(*class).map(|c| c.name.as_str()).unwrap_or("?"), class.0)
        }
        SomeValue::Pbc(p) => format!("{:?}", p.descs),
        _ => "other".into(),
    }
}

/// A constant's identity, for `specialize:arg`.
fn const_key(v: &Value) -> String {
    match v {
        Value::Obj(o) => format!("#{}", o.0),
        Value::Str(s) => format!("{:?}", String::from_utf8_lossy(s)),
        other => format!("{:?}", other),
    }
}

/// What `compute_hash` takes: strs, ints, floats, None, instances and
/// tuples of those.
pub fn hashable(s: &SomeValue) -> bool {
    match s {
        SomeValue::Tuple(items) => items.iter().all(hashable),
        SomeValue::Instance { .. } | SomeValue::Float | SomeValue::None | SomeValue::Char | SomeValue::String { can_be_none: false } => true,
        other => other.is_int_like(),
    }
}

/// The attributes `EnvironmentError(errno, strerror[, filename])` sets when
/// class `c` derives from EnvironmentError and is given `n` arguments.
pub fn env_error_fields(heap: &Heap, c: ObjId, n: usize) -> Option<&'static [&'static str]> {
    let m = heap.find_module("exceptions").and_then(|m| heap.module(m))?;
    let Some(Value::Obj(env)) = m.globals.get_str("EnvironmentError") else { return None };
    if !heap.is_subclass(c, *env) {
        return None;
    }
    match n {
        2 => Some(&["errno", "strerror"]),
        3 => Some(&["errno", "strerror", "filename"]),
        _ => None,
    }
}

/// A call's argument annotations (see `Annotator::arg_values`).
#[derive(Clone, Debug)]
pub(crate) struct ArgValues {
    pub shape: CallShape,
    /// The positional and keyword arguments.
    pub args: Vec<SomeValue>,
    /// The value of each of `args` that is a constant.
    pub consts: Vec<Option<Value>>,
    /// The items of the `f(*args)` tuple.
    pub star: Option<Vec<SomeValue>>,
    /// The call operation's result variable (names the call site).
    pub result: flowmodel::VarId,
}

/// The value of an argument known at translation time: a constant operand,
/// or a single prebuilt object (a function, class, ...).
pub fn constant_of(o: &Operand<Flow>, s: &SomeValue) -> Option<Value> {
    match (o, s) {
        (Operand::Const(v), _) => Some(v.clone()),
        (_, SomeValue::Pbc(p)) => p.single().map(|d| Value::Obj(d.obj())),
        _ => None,
    }
}

impl Annotator<'_, '_> {
    /// Annotates a `simple_call` / `call_args` in block `b` of graph `g`.
    pub fn annotate_call(&mut self, g: GraphId, b: flowmodel::BlockId, op: &FlowOp) -> Result<SomeValue, Diagnostic> {
        let span = op.span;
        let CallSite { shape, callee, args: arg_ops } = call_operands(op).map_err(|m| Diagnostic::error(span, m))?;
        let callee = self.operand(g, callee, span)?;
        // Intrinsics: only the first argument of promote() and hint() is
        // annotated (the others may be a JitDriver, which is never translated).
        if let SomeValue::Pbc(pbc) = &callee {
            if let Some(d) = pbc.single() {
                if let Some(intrinsic) = crate::intrinsics::intrinsic(self.heap, d.obj()) {
                    let name = || crate::model::describe_desc(self.heap, d);
                    let first = match arg_ops.first() {
                        // The arguments of no-ops may be a JitDriver, never translated.
                        _ if matches!(
                            intrinsic,
                            crate::intrinsics::Intrinsic::NoOp | crate::intrinsics::Intrinsic::ConstBool(_) | crate::intrinsics::Intrinsic::GcCollect
                        ) => None,
                        Some(a) if intrinsic == crate::intrinsics::Intrinsic::Instantiate => {
                            // A class, or a variable holding one of several classes.
                            let s = self.operand(g, a, span)?;
                            let classes: Vec<ObjId> = match &s {
                                SomeValue::Pbc(p) if !p.can_be_none && p.descs.iter().all(|d| matches!(d, Desc::Class(_))) => {
                                    p.descs.iter().map(|d| d.obj()).collect()
                                }
                                _ => return Err(Diagnostic::error(span, "instantiate() needs a class or a variable holding classes")),
                            };
                            let mut base = None;
                            for &c in &classes {
                                self.classdef(c, span)?;
                                base = Some(match base {
                                    None => c,
                                    Some(b) => self.common_base(b, c).ok_or_else(|| {
                                        Diagnostic::error(span, "instantiate() of classes without a common base class")
                                    })?,
                                });
                            }
                            let Some(class) = base else { return Ok(SomeValue::Impossible) };
                            return Ok(SomeValue::Instance { class, can_be_none: false });
                        }
                        _ if intrinsic == crate::intrinsics::Intrinsic::DebugPrint => {
                            for a in arg_ops {
                                let s = self.operand(g, a, span)?;
                                self.call_builtin("str", std::slice::from_ref(&s), span)?;
                            }
                            return Ok(SomeValue::None);
                        }
                        // r_uint(0x8000000000000000): a long literal that fits in a word.
                        Some(Operand::Const(Value::Long(v))) if *v >= -(1i128 << 63) && *v < (1i128 << 64) => {
                            Some(crate::model::S_NONNEG)
                        }
                        Some(a) => Some(self.operand(g, a, span)?),
                        None => None,
                    };
                    use crate::intrinsics::Intrinsic;
                    return Ok(match (intrinsic, first) {
                        (Intrinsic::FirstArg, Some(x)) => x,
                        (Intrinsic::ConstBool(_), _) => SomeValue::Bool,
                        (Intrinsic::NoOp | Intrinsic::GcCollect, _) => SomeValue::None,
                        (Intrinsic::FloatHelper(h), Some(x)) if x.is_int_like() || x == SomeValue::Float => {
                            for a in &arg_ops[1..] {
                                self.operand(g, a, span)?;
                            }
                            match h {
                                crate::intrinsics::FloatHelper::Formatd => crate::model::S_STR,
                                crate::intrinsics::FloatHelper::DoubleToString => {
                                    SomeValue::Tuple(vec![crate::model::S_STR, crate::model::S_INT])
                                }
                                crate::intrinsics::FloatHelper::RoundDouble => SomeValue::Float,
                            }
                        }
                        (Intrinsic::ToSingleFloat, Some(x)) if x.is_int_like() || x == SomeValue::Float => SomeValue::SingleFloat,
                        (Intrinsic::ComputeHash, Some(x)) if hashable(&x) => crate::model::S_INT,
                        // None while the instance annotation is still growing.
                        (Intrinsic::IdentityHash, Some(SomeValue::Instance { .. } | SomeValue::None)) => crate::model::S_INT,
                        (Intrinsic::ComputeHash | Intrinsic::IdentityHash, Some(x)) => {
                            return Err(Diagnostic::error(span, format!("{} of {} is not supported yet", name(), self.describe(&x))))
                        }
                        (Intrinsic::Widen, Some(SomeValue::Bool)) => crate::model::S_INT,
                        (Intrinsic::Widen, Some(x)) if x.is_int_like() => x,
                        (Intrinsic::ToSigned | Intrinsic::ToUnsigned, Some(x)) if arg_ops.len() == 1 && x.is_int_like() => {
                            let unsigned = intrinsic == Intrinsic::ToUnsigned;
                            SomeValue::Integer { nonneg: unsigned, unsigned }
                        }
                        (Intrinsic::ToSigned | Intrinsic::ToUnsigned, Some(x)) if arg_ops.len() == 1 => {
                            return Err(Diagnostic::error(span, format!("{} of {} is not supported yet", name(), self.describe(&x))))
                        }
                        _ => return Err(Diagnostic::error(span, format!("{} needs one argument", name()))),
                    });
                }
            }
        }
        let mut args = Vec::new();
        for a in arg_ops {
            args.push(self.operand(g, a, span)?);
        }
        if let SomeValue::BuiltinMethod { receiver, name } = &callee {
            if **receiver == SomeValue::None && crate::intrinsics::JITDRIVER_HINTS.contains(&name.as_str()) {
                // A JitDriver hint: a no-op until the JIT exists.
                return Ok(SomeValue::None);
            }
            if !shape.keywords.is_empty() || shape.star_arg {
                return Err(Diagnostic::error(span, format!("keyword arguments to {}() are not supported yet", name)));
            }
            return self.call_list_method(g, b, receiver, name, &args, span);
        }
        let values = self.arg_values(shape, arg_ops, args, op.result, span)?;
        if let SomeValue::Method { class, name } = &callee {
            return self.call_method(g, b, *class, name, &values, span);
        }
        if let SomeValue::Instance { class, .. } = &callee {
            if matches!(crate::classdef::class_member(self.heap, *class, "__call__"), crate::classdef::ClassMember::Method) {
                return self.call_method(g, b, *class, "__call__", &values, span);
            }
        }
        let SomeValue::Pbc(pbc) = &callee else {
            return Err(Diagnostic::error(span, format!("{} is not callable", self.describe(&callee))));
        };
        if pbc.can_be_none {
            return Err(Diagnostic::error(span, format!("calling {} is not RPython (it may be None)", self.describe(&callee))));
        }
        let mut result = SomeValue::Impossible;
        let descs = pbc.descs.clone();
        for desc in descs.clone() {
            let r = self.call_desc(g, b, desc, &values, span)?;
            result = match self.union(&result, &r) {
                Some(u) => u,
                None => {
                    let (d1, d2) = (self.describe(&result), self.describe(&r));
                    return Err(Diagnostic::error(span, format!("the functions called here return {} and {}", d1, d2)));
                }
            };
        }
        if descs.len() > 1 {
            let funcs: Vec<ObjId> = descs.iter().filter(|d| matches!(d, Desc::Function(_))).map(|d| d.obj()).collect();
            self.unify_returns(g, values.result, &funcs, &result, span)?;
        }
        Ok(result)
    }

    fn call_desc(&mut self, g: GraphId, b: flowmodel::BlockId, desc: Desc, a: &ArgValues, span: Span) -> Result<SomeValue, Diagnostic> {
        match desc {
            Desc::Function(f) => {
                let binding = match_arguments(self.heap, f, &a.shape, a.star.as_ref().map(Vec::len))
                    .map_err(|m| Diagnostic::error(span, m))?;
                let sig = signature(self.heap, f).map_err(|m| Diagnostic::error(span, m))?;
                let mut values = Vec::new();
                for src in binding.all() {
                    values.push(match src {
                        ArgSource::Given(k) => (a.args[*k].clone(), a.consts[*k].clone()),
                        ArgSource::StarItem(j) => (a.star.as_ref().map(|s| s[*j].clone()).unwrap_or(SomeValue::Impossible), None),
                        ArgSource::Default(v) => (self.constant(v, span)?, Some(v.clone())),
                    });
                }
                let key = specialization_key(self.heap, f, &binding, &values, span).map_err(|m| Diagnostic::error(span, m))?;
                let callee = self.graph_for(f, &key, span)?;
                self.call_graphs.push(callee);
                self.call_targets.insert((g, a.result, f), (callee, binding.clone()));
                if callee != g {
                    self.first_caller.entry(callee).or_insert((g, span));
                }
                let start = self.graph(callee).graph.startblock;
                let inputs = self.graph(callee).graph.block(start).inputargs.clone();
                let mut changed = false;
                let nparams = binding.params.len();
                for (i, (s, _)) in values.iter().take(nparams).enumerate() {
                    let place = Place::Argument { param: sig.params[i].clone(), func: f };
                    changed |= self.merge_into(callee, inputs[i], s.clone(), span, place)?;
                }
                if let Some(name) = &sig.vararg {
                    let items = values[nparams..].iter().map(|(s, _)| s.clone()).collect();
                    let place = Place::Argument { param: name.clone(), func: f };
                    changed |= self.merge_into(callee, inputs[nparams], SomeValue::Tuple(items), span, place)?;
                }
                if changed || !self.graph(callee).is_reached(start) {
                    self.schedule(callee, start);
                }
                self.return_readers[callee.0 as usize].insert((g.0, b.0));
                // Calling a generator function runs nothing yet: it makes a generator.
                if let Some(&item) = self.generators.get(&callee) {
                    return Ok(SomeValue::Generator { graph: callee.0, item });
                }
                Ok(self.graph(callee).return_annotation().clone())
            }
            Desc::Builtin(o) => {
                let Object::Builtin(name) = self.heap.get(o) else { unreachable!("Desc::Builtin of a non-builtin") };
                let name = name.clone();
                if name == "print" && a.star.is_none() {
                    // print(x, ..., sep=" ", end="\n"): each item as str() takes it.
                    for (i, s) in a.args.iter().enumerate() {
                        match a.shape.keywords.get(i.wrapping_sub(a.shape.positional)) {
                            None => {
                                self.call_builtin("str", std::slice::from_ref(s), span)?;
                            }
                            Some(k) if (k == "sep" || k == "end") && matches!(s, SomeValue::String { can_be_none: false } | SomeValue::Char) => {}
                            Some(k) => {
                                return Err(Diagnostic::error(span, format!("print() takes sep= and end= strs, not {}={}", k, self.describe(s))))
                            }
                        }
                    }
                    return Ok(SomeValue::None);
                }
                if !a.shape.keywords.is_empty() || a.star.is_some() {
                    return Err(Diagnostic::error(span, format!("keyword or * arguments to {}() are not supported yet", name)));
                }
                if name == "hasattr" {
                    return match a.consts.as_slice() {
                        [Some(Value::Obj(_)), Some(Value::Str(_))] => Ok(SomeValue::Bool),
                        _ => Err(Diagnostic::error(
                            span,
                            "hasattr() needs a prebuilt object and a constant name in RPython (it is decided at translation time)",
                        )),
                    };
                }
                if let (Some(method), [SomeValue::Instance { class, .. }]) = (crate::special::builtin_method(&name), a.args.as_slice()) {
                    let none = ArgValues { shape: CallShape { positional: 0, keywords: Vec::new(), star_arg: false }, args: Vec::new(), consts: Vec::new(), star: None, result: a.result };
                    return self.call_method(g, b, *class, method, &none, span);
                }
                self.call_builtin(&name, &a.args, span)
            }
            Desc::Class(c) if crate::intrinsics::is_r_dict_class(self.heap, c) => {
                // r_dict(key_eq, key_hash): a dict whose keys listdef knows them.
                let (Some(Some(Value::Obj(eq))), Some(Some(Value::Obj(hash)))) = (a.consts.first(), a.consts.get(1)) else {
                    return Err(Diagnostic::error(span, "r_dict() needs two functions known at translation time (key_eq, key_hash)"));
                };
                let (keys, values) = (self.site_listdef(6), self.site_listdef(7));
                let root = crate::model::find_listdef(&self.listdefs, keys);
                self.listdefs[root.0 as usize].key_funcs = Some((*eq, *hash));
                Ok(SomeValue::Dict { keys, values, can_be_none: false })
            }
            Desc::Class(c) => {
                if crate::classdef::is_object_class(self.heap, c) {
                    return Err(Diagnostic::error(span, "creating instances of object is not supported yet"));
                }
                self.classdef(c, span)?;
                let inst = SomeValue::Instance { class: c, can_be_none: false };
                match self.heap.lookup_class_attr(c, "__init__") {
                    Some((def, Value::Obj(f))) if self.heap.function(*f).is_some() => {
                        let (def, f) = (def, *f);
                        let this = self.self_annotation(c, def);
                        let r = self.call_with_self(g, b, f, this, a, span)?;
                        if r == SomeValue::Impossible {
                            return Ok(SomeValue::Impossible);
                        }
                    }
                    Some((_, Value::Obj(o))) if matches!(self.heap.get(*o), Object::Builtin(n) if n == "BaseException.__init__") => {
                        // Exception arguments are accepted and not kept, except
                        // EnvironmentError(errno, strerror[, filename])'s.
                        if let Some(names) = env_error_fields(self.heap, c, a.args.len()) {
                            for (name, s) in names.iter().zip(&a.args) {
                                self.write_attr(c, name, s.clone(), span)?;
                            }
                        }
                    }
                    _ if a.shape.arg_count() > 0 => {
                        let name = self.heap.class(c).map(|c| c.name.clone()).unwrap_or_default();
                        return Err(Diagnostic::error(span, format!("{}() takes no arguments ({} given)", name, a.shape.arg_count())));
                    }
                    _ => {}
                }
                Ok(inst)
            }
            Desc::Module(m) => {
                let name = self.heap.module(m).map(|m| m.name.clone()).unwrap_or_default();
                Err(Diagnostic::error(span, format!("the module {} is not callable", name)))
            }
        }
    }
}

impl Annotator<'_, '_> {
    /// The annotation of `self` in a method defined in class `def` called on
    /// an instance of `class`: the highest classdef above `class` that still
    /// derives from `def` (`def` itself unless `def` is a mixin).
    pub fn self_annotation(&self, class: ObjId, def: ObjId) -> SomeValue {
        let mut this = class;
        for c in self.ancestors(class) {
            if self.heap.is_subclass(c, def) {
                this = c;
            }
        }
        SomeValue::Instance { class: this, can_be_none: false }
    }

    /// Calls function `f` with `this` prepended to the arguments.
    pub(crate) fn call_with_self(
        &mut self,
        g: GraphId,
        b: flowmodel::BlockId,
        f: ObjId,
        this: SomeValue,
        a: &ArgValues,
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        let mut all = a.clone();
        all.shape.positional += 1;
        all.args.insert(0, this);
        all.consts.insert(0, None);
        self.call_desc(g, b, Desc::Function(f), &all, span)
    }

    /// The annotations of a call's arguments, split as `match_arguments`
    /// numbers them: the `*args` tuple of `f(*args)` apart, its items known.
    fn arg_values(&self, shape: CallShape, ops: &[Operand<Flow>], mut args: Vec<SomeValue>, result: flowmodel::VarId, span: Span) -> Result<ArgValues, Diagnostic> {
        let mut consts: Vec<Option<Value>> = ops.iter().zip(&args).map(|(o, s)| constant_of(o, s)).collect();
        let star = if shape.star_arg {
            consts.pop();
            match args.pop() {
                Some(SomeValue::Tuple(items)) => Some(items),
                Some(other) => {
                    return Err(Diagnostic::error(span, format!("f(*args) needs a tuple in RPython, not {}", self.describe(&other))))
                }
                None => return Err(Diagnostic::error(span, "internal error: f(*args) without its argument")),
            }
        } else {
            None
        };
        Ok(ArgValues { shape, args, consts, star, result })
    }

    /// `lst.name(args)`: the list methods.
    fn call_list_method(
        &mut self,
        g: GraphId,
        b: flowmodel::BlockId,
        receiver: &SomeValue,
        name: &str,
        args: &[SomeValue],
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        if let SomeValue::Dict { keys, values, .. } = receiver {
            return self.call_dict_method(g, b, *keys, *values, name, args, span);
        }
        if let SomeValue::String { .. } = receiver {
            return self.call_str_method(name, args, span);
        }
        if let SomeValue::Unicode { .. } = receiver {
            let is_u = |s: &SomeValue| *s == SomeValue::Unicode { can_be_none: false };
            let is_str = |s: &SomeValue| matches!(s, SomeValue::String { can_be_none: false } | SomeValue::Char);
            let ints = |a: &[SomeValue]| a.iter().all(|x| x.is_int_like());
            return match (name, args) {
                ("encode", [e]) if is_str(e) => Ok(crate::model::S_STR),
                ("find" | "rfind", [p, rest @ ..]) if is_u(p) && rest.len() <= 2 && ints(rest) => Ok(crate::model::S_INT),
                ("count", [p, rest @ ..]) if is_u(p) && rest.len() <= 2 && ints(rest) => Ok(crate::model::S_NONNEG),
                ("startswith" | "endswith", [p]) if is_u(p) => Ok(SomeValue::Bool),
                ("replace", [o, n]) if is_u(o) && is_u(n) => Ok(SomeValue::Unicode { can_be_none: false }),
                ("strip" | "lstrip" | "rstrip", []) => Ok(SomeValue::Unicode { can_be_none: false }),
                ("strip" | "lstrip" | "rstrip", [c]) if is_u(c) => Ok(SomeValue::Unicode { can_be_none: false }),
                ("split" | "rsplit", rest) if rest.len() <= 2
                    && rest.first().is_none_or(|s| is_u(s) || *s == SomeValue::None)
                    && rest.get(1).is_none_or(|n| n.is_int_like()) =>
                {
                    let listdef = self.site_listdef(8);
                    self.generalize_list_item(listdef, SomeValue::Unicode { can_be_none: false }, span)?;
                    Ok(SomeValue::List { listdef, can_be_none: false })
                }
                ("join", [SomeValue::List { listdef, can_be_none: false }]) => {
                    let item = self.read_list_item(*listdef, (g.0, b.0));
                    if is_u(&item) || item == SomeValue::Impossible {
                        Ok(SomeValue::Unicode { can_be_none: false })
                    } else {
                        Err(Diagnostic::error(span, format!("unicode.join() of a list of {} is not supported yet", self.describe(&item))))
                    }
                }
                _ => Err(Diagnostic::error(span, format!("unicode.{}() of these arguments is not supported yet", name))),
            };
        }
        if *receiver == SomeValue::Environ {
            let is_str = |s: &SomeValue| matches!(s, SomeValue::String { can_be_none: false } | SomeValue::Char);
            return match args {
                [k] if is_str(k) => Ok(SomeValue::String { can_be_none: true }),
                [k, d] if is_str(k) && (d.is_string_like() || *d == SomeValue::None) => {
                    Ok(SomeValue::String { can_be_none: *d == SomeValue::None || d.can_be_none() })
                }
                _ => Err(Diagnostic::error(span, "os.environ.get() takes a str key and an optional str default")),
            };
        }
        if let SomeValue::Generator { item, .. } = receiver {
            return match (name, args) {
                ("next", []) => Ok(self.read_list_item(*item, (g.0, b.0))),
                _ => Err(Diagnostic::error(span, format!("generator.{}() is not supported yet", name))),
            };
        }
        if let SomeValue::Pbc(_) = receiver {
            // sys.stdout / sys.stderr: write(str) and flush().
            return match (name, args) {
                ("write", [SomeValue::String { can_be_none: false } | SomeValue::Char]) | ("flush", []) => Ok(SomeValue::None),
                _ => Err(Diagnostic::error(span, format!("{}() of the standard streams takes a str", name))),
            };
        }
        let SomeValue::List { listdef, .. } = receiver else {
            return Err(Diagnostic::error(span, format!("the method {}() is not supported yet", name)));
        };
        let listdef = *listdef;
        let arity = |n: &[usize]| -> Result<(), Diagnostic> {
            if n.contains(&args.len()) {
                Ok(())
            } else {
                Err(Diagnostic::error(span, format!("list.{}() takes {} argument(s) ({} given)", name, n[0], args.len())))
            }
        };
        let int_arg = |me: &Self, s: &SomeValue| -> Result<(), Diagnostic> {
            if s.is_int_like() {
                Ok(())
            } else {
                Err(Diagnostic::error(span, format!("list.{}() needs an int index, not {}", name, me.describe(s))))
            }
        };
        if matches!(name, "append" | "insert" | "extend" | "pop" | "remove") {
            self.mark_resized(listdef);
        }
        match name {
            "append" => {
                arity(&[1])?;
                self.generalize_list_item(listdef, args[0].clone(), span)?;
                Ok(SomeValue::None)
            }
            "insert" => {
                arity(&[2])?;
                int_arg(self, &args[0])?;
                self.generalize_list_item(listdef, args[1].clone(), span)?;
                Ok(SomeValue::None)
            }
            "extend" => {
                arity(&[1])?;
                match &args[0] {
                    SomeValue::List { listdef: other, can_be_none: false } => {
                        let item = self.read_list_item(*other, (g.0, b.0));
                        self.generalize_list_item(listdef, item, span)?;
                        // The items are copied as they are: same representation.
                        self.generalize_list_item(*other, self.listdefs[crate::model::find_listdef(&self.listdefs, listdef).0 as usize].item.clone(), span)?;
                        Ok(SomeValue::None)
                    }
                    other => Err(Diagnostic::error(span, format!("list.extend() of {} is not supported yet", self.describe(other)))),
                }
            }
            "reverse" => {
                arity(&[0])?;
                Ok(SomeValue::None)
            }
            "pop" => {
                arity(&[0, 1])?;
                if let Some(i) = args.first() {
                    int_arg(self, i)?;
                }
                Ok(self.read_list_item(listdef, (g.0, b.0)))
            }
            "remove" | "index" | "count" => {
                arity(&[1])?;
                let have = self.read_list_item(listdef, (g.0, b.0));
                if have != SomeValue::Impossible {
                    self.compare(HlOp::Eq, &have, &args[0], span)?;
                }
                Ok(if name == "remove" { SomeValue::None } else { crate::model::S_NONNEG })
            }
            _ => Err(Diagnostic::error(span, format!("the list method {}() is not supported yet", name))),
        }
    }

    /// `s.name(args)`: the str methods.
    fn call_str_method(&mut self, name: &str, args: &[SomeValue], span: Span) -> Result<SomeValue, Diagnostic> {
        let bad = |me: &Self, what: &str| {
            let given: Vec<String> = args.iter().map(|a| me.describe(a)).collect();
            Err(Diagnostic::error(span, format!("str.{}() takes {} (given: {})", name, what, given.join(", "))))
        };
        let is_str = |s: &SomeValue| matches!(s, SomeValue::String { can_be_none: false } | SomeValue::Char);
        let str_list = |me: &mut Self| -> Result<SomeValue, Diagnostic> {
            let listdef = me.site_listdef(4);
            me.generalize_list_item(listdef, crate::model::S_STR, span)?;
            Ok(SomeValue::List { listdef, can_be_none: false })
        };
        match name {
            "join" => match args {
                [SomeValue::List { listdef, can_be_none: false }] => {
                    let item = self.listdefs[crate::model::find_listdef(&self.listdefs, *listdef).0 as usize].item.clone();
                    if is_str(&item) || item == SomeValue::Impossible {
                        Ok(crate::model::S_STR)
                    } else {
                        bad(self, "a list of str")
                    }
                }
                _ => bad(self, "a list of str"),
            },
            "split" | "rsplit" => match args {
                [] => str_list(self),
                [sep] if is_str(sep) || *sep == SomeValue::None => str_list(self),
                [sep, n] if (is_str(sep) || *sep == SomeValue::None) && n.is_int_like() => str_list(self),
                _ => bad(self, "a separator and a count"),
            },
            "splitlines" => match args {
                [] => str_list(self),
                [k] if k.is_int_like() => str_list(self),
                _ => bad(self, "an optional keepends flag"),
            },
            "strip" | "lstrip" | "rstrip" => match args {
                [] => Ok(crate::model::S_STR),
                [c] if is_str(c) => Ok(crate::model::S_STR),
                _ => bad(self, "a str of characters"),
            },
            "startswith" | "endswith" => match args {
                [p] if is_str(p) => Ok(SomeValue::Bool),
                _ => bad(self, "a str"),
            },
            "find" | "rfind" => match args {
                [p] if is_str(p) => Ok(crate::model::S_INT),
                [p, a] if is_str(p) && a.is_int_like() => Ok(crate::model::S_INT),
                [p, a, e] if is_str(p) && a.is_int_like() && e.is_int_like() => Ok(crate::model::S_INT),
                _ => bad(self, "a str and optional bounds"),
            },
            "count" => match args {
                [p] if is_str(p) => Ok(crate::model::S_NONNEG),
                [p, a] if is_str(p) && a.is_int_like() => Ok(crate::model::S_NONNEG),
                [p, a, e] if is_str(p) && a.is_int_like() && e.is_int_like() => Ok(crate::model::S_NONNEG),
                _ => bad(self, "a str and optional bounds"),
            },
            "replace" => match args {
                [o, n] if is_str(o) && is_str(n) => Ok(crate::model::S_STR),
                _ => bad(self, "two strs"),
            },
            "upper" | "lower" if args.is_empty() => Ok(crate::model::S_STR),
            "decode" => match args {
                [e] if is_str(e) => Ok(SomeValue::Unicode { can_be_none: false }),
                _ => bad(self, "an encoding"),
            },
            "isdigit" | "isalpha" | "isalnum" | "isspace" | "isupper" | "islower" if args.is_empty() => Ok(SomeValue::Bool),
            _ => bad(self, "other arguments"),
        }
    }

    /// `d.name(args)`: the dict methods.
    #[allow(clippy::too_many_arguments)]
    fn call_dict_method(
        &mut self,
        g: GraphId,
        b: flowmodel::BlockId,
        keys: crate::ListDefId,
        values: crate::ListDefId,
        name: &str,
        args: &[SomeValue],
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        let arity = |n: &[usize]| -> Result<(), Diagnostic> {
            if n.contains(&args.len()) {
                Ok(())
            } else {
                Err(Diagnostic::error(span, format!("dict.{}() takes {} argument(s) ({} given)", name, n[0], args.len())))
            }
        };
        let reader = (g.0, b.0);
        self.annotate_key_funcs(g, b, keys, span)?;
        match name {
            "get" | "pop" | "setdefault" => {
                arity(if name == "setdefault" { &[2] } else { &[1, 2] })?;
                self.generalize_list_item(keys, args[0].clone(), span)?;
                if name == "setdefault" {
                    self.generalize_list_item(values, args[1].clone(), span)?;
                }
                let v = self.read_list_item(values, reader);
                match (name, args.get(1)) {
                    ("get", None) => Ok(self.union(&v, &SomeValue::None).unwrap_or(v)),
                    (_, Some(default)) => {
                        // The default is stored in the same representation as the values.
                        self.generalize_list_item(values, default.clone(), span)?;
                        Ok(self.read_list_item(values, reader))
                    }
                    _ => Ok(v),
                }
            }
            "keys" | "values" | "iterkeys" | "itervalues" => {
                arity(&[0])?;
                // The list shares the dict's listdef: its items have the
                // representation of the keys (or values) they are copied from,
                // and whatever the list later holds generalizes those too.
                let from = if name.ends_with("keys") { keys } else { values };
                self.read_list_item(from, reader);
                Ok(SomeValue::List { listdef: from, can_be_none: false })
            }
            "items" | "iteritems" => {
                arity(&[0])?;
                let k = self.read_list_item(keys, reader);
                let v = self.read_list_item(values, reader);
                if k == SomeValue::Impossible || v == SomeValue::Impossible {
                    return Ok(SomeValue::Impossible);
                }
                let listdef = self.site_listdef(3);
                self.generalize_list_item(listdef, SomeValue::Tuple(vec![k, v]), span)?;
                Ok(SomeValue::List { listdef, can_be_none: false })
            }
            "clear" => {
                arity(&[0])?;
                Ok(SomeValue::None)
            }
            "copy" => {
                arity(&[0])?;
                Ok(SomeValue::Dict { keys, values, can_be_none: false })
            }
            "popitem" => {
                arity(&[0])?;
                let k = self.read_list_item(keys, reader);
                let v = self.read_list_item(values, reader);
                if k == SomeValue::Impossible || v == SomeValue::Impossible {
                    return Ok(SomeValue::Impossible);
                }
                Ok(SomeValue::Tuple(vec![k, v]))
            }
            "update" => {
                arity(&[1])?;
                let me = SomeValue::Dict { keys, values, can_be_none: false };
                self.union(&me, &args[0]).ok_or_else(|| {
                    Diagnostic::error(span, format!("dict.update() of {} with {}", self.describe(&me), self.describe(&args[0])))
                })?;
                Ok(SomeValue::None)
            }
            _ => Err(Diagnostic::error(span, format!("the dict method {}() is not supported yet", name))),
        }
    }

    /// For an r_dict: its key_eq(k, k) and key_hash(k) on the key annotation
    /// (the runtime calls them on every lookup).
    pub(crate) fn annotate_key_funcs(&mut self, g: GraphId, b: flowmodel::BlockId, keys: crate::ListDefId, span: Span) -> Result<(), Diagnostic> {
        let root = crate::model::find_listdef(&self.listdefs, keys);
        let Some((eq, hash)) = self.listdefs[root.0 as usize].key_funcs else { return Ok(()) };
        let k = self.read_list_item(keys, (g.0, b.0));
        if k == SomeValue::Impossible {
            return Ok(());
        }
        // The calls are not operations of this graph: a key of their own.
        let result = flowmodel::VarId(u32::MAX);
        let shape = |n| CallShape { positional: n, keywords: Vec::new(), star_arg: false };
        let eq_args = ArgValues { shape: shape(2), args: vec![k.clone(), k.clone()], consts: vec![None, None], star: None, result };
        let r = self.call_desc(g, b, Desc::Function(eq), &eq_args, span)?;
        if !(r.is_int_like() || r == SomeValue::Impossible) {
            return Err(Diagnostic::error(span, format!("the key_eq function of an r_dict must return a bool, not {}", self.describe(&r))));
        }
        let hash_args = ArgValues { shape: shape(1), args: vec![k], consts: vec![None], star: None, result };
        let r = self.call_desc(g, b, Desc::Function(hash), &hash_args, span)?;
        if !(r.is_int_like() || r == SomeValue::Impossible) {
            return Err(Diagnostic::error(span, format!("the key_hash function of an r_dict must return an int, not {}", self.describe(&r))));
        }
        Ok(())
    }

    /// `x.name(args)` with `x` an instance of `class`: calls every
    /// implementation the receiver's class may select.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn call_method(
        &mut self,
        g: GraphId,
        b: flowmodel::BlockId,
        class: ObjId,
        name: &str,
        a: &ArgValues,
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        self.class_readers.entry(class).or_default().insert((g.0, b.0));
        // The union of what the implementations return so far: one that
        // never returns (a base raising NotImplementedError) adds nothing,
        // and this block is re-flowed when a result generalizes.
        let mut result = SomeValue::Impossible;
        let impls = self.method_impls(class, name);
        for (f, this) in impls.clone() {
            let r = self.call_with_self(g, b, f, this, a, span)?;
            result = match self.union(&result, &r) {
                Some(u) => u,
                None => {
                    let (d1, d2) = (self.describe(&result), self.describe(&r));
                    return Err(Diagnostic::error(
                        span,
                        format!("the implementations of method {}() called here return {} and {}", name, d1, d2),
                    ));
                }
            };
        }
        if impls.len() > 1 {
            let funcs: Vec<ObjId> = impls.iter().map(|(f, _)| *f).collect();
            self.unify_returns(g, a.result, &funcs, &result, span)?;
        }
        Ok(result)
    }

    /// Gives every graph a call may reach the same return annotation, so
    /// that a call through a vtable slot or a function address has one
    /// result type (RPython unifies a call family's return values too).
    pub(crate) fn unify_returns(&mut self, g: GraphId, result_var: flowmodel::VarId, funcs: &[ObjId], s: &SomeValue, span: Span) -> Result<(), Diagnostic> {
        if *s == SomeValue::Impossible {
            return Ok(());
        }
        for &f in funcs {
            let Some(&(callee, _)) = self.call_targets.get(&(g, result_var, f)) else { continue };
            let ret = self.graph(callee).graph.block(self.graph(callee).graph.returnblock).inputargs[0];
            if *self.graph(callee).binding(ret) == SomeValue::Impossible {
                // Never returns (raises): nothing to unify.
                continue;
            }
            if self.merge_into(callee, ret, s.clone(), span, Place::Return(f))? {
                let readers = self.return_readers[callee.0 as usize].clone();
                self.schedule_all(readers);
            }
        }
        Ok(())
    }

    /// The distinct functions `x.name` may be for an instance of `class`
    /// (one per implementation among `class` and its subclasses), with the
    /// annotation of `self` each expects.
    pub fn method_impls(&self, class: ObjId, name: &str) -> Vec<(ObjId, SomeValue)> {
        let mut out: Vec<(ObjId, SomeValue)> = Vec::new();
        for d in self.descendants(class) {
            if let Some((def, Value::Obj(f))) = self.heap.lookup_class_attr(d, name) {
                if self.heap.function(*f).is_some() && !out.iter().any(|(g, _)| g == f) {
                    out.push((*f, self.self_annotation(d, def)));
                }
            }
        }
        out
    }
}

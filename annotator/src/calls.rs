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
    /// The call's argument number `i` (in the call's argument operands,
    /// after the callee and the shape).
    Given(usize),
    /// The parameter's default value.
    Default(Value),
}

/// The parameter names of a host function, in order.
pub fn param_names(heap: &Heap, func: ObjId) -> Result<Vec<String>, String> {
    let f = heap.function(func).ok_or("internal error: not a function")?;
    let args = &f.def.args;
    if args.vararg.is_some() {
        return Err(format!("{}(): *args parameters are not supported yet", f.name));
    }
    if args.kwarg.is_some() {
        return Err(format!("{}(): **kwargs parameters are not RPython", f.name));
    }
    args.args
        .iter()
        .map(|a| match &a.kind {
            ExprKind::Name(n) => Ok(n.clone()),
            _ => Err(format!("{}(): tuple parameters are not supported yet", f.name)),
        })
        .collect()
}

/// Matches a call's arguments to the parameters of `func`, like Python does:
/// positional ones first, then keywords by name, then defaults.
pub fn match_arguments(heap: &Heap, func: ObjId, shape: &CallShape) -> Result<Vec<ArgSource>, String> {
    let f = heap.function(func).ok_or("internal error: not a function")?;
    let params = param_names(heap, func)?;
    if shape.star_arg {
        return Err("calls with *args are not supported yet".into());
    }
    let ndefaults = f.defaults.len().min(params.len());
    let nrequired = params.len() - ndefaults;
    let given = shape.positional + shape.keywords.len();
    let takes = |n: usize| {
        let how = if ndefaults == 0 {
            "exactly"
        } else if n <= nrequired {
            "at least"
        } else {
            "at most"
        };
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
    if shape.positional > params.len() {
        return Err(takes(shape.positional));
    }
    let mut sources: Vec<Option<ArgSource>> = vec![None; params.len()];
    for (i, slot) in sources.iter_mut().enumerate().take(shape.positional) {
        *slot = Some(ArgSource::Given(i));
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
    Ok(out)
}

impl Annotator<'_, '_> {
    /// Annotates a `simple_call` / `call_args` in block `b` of graph `g`.
    pub fn annotate_call(&mut self, g: GraphId, b: flowmodel::BlockId, op: &FlowOp) -> Result<SomeValue, Diagnostic> {
        let span = op.span;
        let CallSite { shape, callee, args: arg_ops } = call_operands(op).map_err(|m| Diagnostic::error(span, m))?;
        let callee = self.operand(g, callee, span)?;
        let mut args = Vec::new();
        for a in arg_ops {
            args.push(self.operand(g, a, span)?);
        }
        let SomeValue::Pbc(pbc) = &callee else {
            return Err(Diagnostic::error(span, format!("{} is not callable", self.describe(&callee))));
        };
        if pbc.can_be_none {
            return Err(Diagnostic::error(span, format!("calling {} is not RPython (it may be None)", self.describe(&callee))));
        }
        let mut result = SomeValue::Impossible;
        for desc in pbc.descs.clone() {
            let r = self.call_desc(g, b, desc, &shape, &args, span)?;
            result = match self.union(&result, &r) {
                Some(u) => u,
                None => {
                    let (d1, d2) = (self.describe(&result), self.describe(&r));
                    return Err(Diagnostic::error(span, format!("the functions called here return {} and {}", d1, d2)));
                }
            };
        }
        Ok(result)
    }

    fn call_desc(
        &mut self,
        g: GraphId,
        b: flowmodel::BlockId,
        desc: Desc,
        shape: &CallShape,
        args: &[SomeValue],
        span: Span,
    ) -> Result<SomeValue, Diagnostic> {
        match desc {
            Desc::Function(f) => {
                let sources = match_arguments(self.heap, f, shape).map_err(|m| Diagnostic::error(span, m))?;
                let params = param_names(self.heap, f).map_err(|m| Diagnostic::error(span, m))?;
                let callee = self.graph_for(f, span)?;
                let start = self.graph(callee).graph.startblock;
                let inputs = self.graph(callee).graph.block(start).inputargs.clone();
                let mut changed = false;
                for (i, src) in sources.into_iter().enumerate() {
                    let s = match src {
                        ArgSource::Given(k) => args[k].clone(),
                        ArgSource::Default(v) => {
                            crate::rules::annotation_of_constant(self.heap, &v).map_err(|m| Diagnostic::error(span, m))?
                        }
                    };
                    let place = Place::Argument { param: params[i].clone(), func: f };
                    changed |= self.merge_into(callee, inputs[i], s, span, place)?;
                }
                if changed || !self.graph(callee).is_reached(start) {
                    self.schedule(callee, start);
                }
                self.return_readers[callee.0 as usize].insert((g.0, b.0));
                Ok(self.graph(callee).return_annotation().clone())
            }
            Desc::Builtin(o) => {
                let Object::Builtin(name) = self.heap.get(o) else { unreachable!("Desc::Builtin of a non-builtin") };
                let name = name.clone();
                if !shape.keywords.is_empty() || shape.star_arg {
                    return Err(Diagnostic::error(span, format!("keyword arguments to {}() are not supported yet", name)));
                }
                self.call_builtin(&name, args, span)
            }
            Desc::Class(c) => {
                let name = self.heap.class(c).map(|c| c.name.clone()).unwrap_or_default();
                if self.is_exception_class(c) {
                    // `raise E(...)` instantiates E first.
                    return Err(Diagnostic::error(span, format!("raising or creating exceptions ({}) is not supported yet", name)));
                }
                Err(Diagnostic::error(span, format!("creating instances of {} is not supported yet", name)))
            }
            Desc::Module(m) => {
                let name = self.heap.module(m).map(|m| m.name.clone()).unwrap_or_default();
                Err(Diagnostic::error(span, format!("the module {} is not callable", name)))
            }
        }
    }
}

impl Annotator<'_, '_> {
    /// Whether `class` derives from BaseException.
    fn is_exception_class(&self, class: ObjId) -> bool {
        let mut todo = vec![class];
        while let Some(c) = todo.pop() {
            let Some(cls) = self.heap.class(c) else { continue };
            if cls.name == "BaseException" && cls.bases.is_empty() {
                return true;
            }
            todo.extend(cls.bases.iter().copied());
        }
        false
    }
}

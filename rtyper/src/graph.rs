//! One annotated flow graph -> one low-level graph with the same blocks.

use annotator::{AnnotatedGraph, GraphId, SomeValue};
use diag::{Diagnostic, Span};
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, VarId};
use flowspace::{FlowLink, FlowOperand};
use hostobj::Value;
use lltype::{FuncId, LlConst, LlGraph, LlOp, LlOperand, LlOperation, LlType};

use crate::Rtyper;

/// The low-level return type of a program graph (the entry point returns
/// the exit status as a `Signed` whatever int-like type it was annotated).
pub(crate) fn return_type(rt: &mut Rtyper, g: GraphId) -> Result<LlType, Diagnostic> {
    if g == rt.ann.entry {
        return Ok(LlType::Signed);
    }
    let ag = rt.ann.graph(g);
    // A generator's graph becomes its next(): it returns the items.
    if let Some(&item) = rt.ann.generators.get(&g) {
        return match rt.ann.listdef(item).item.clone() {
            SomeValue::Impossible => Ok(LlType::Void),
            s => rt.lltype_of(&s, ag.graph.span),
        };
    }
    rt.lltype_of(ag.return_annotation(), ag.graph.span)
}

/// The state of translating one graph.
pub(crate) struct GraphRtyper<'r, 'a> {
    pub rt: &'r mut Rtyper<'a>,
    pub ag: &'a AnnotatedGraph,
    pub ll: LlGraph,
    /// Flow variable -> low-level variable (None for Void values).
    var_map: Vec<Option<VarId>>,
    /// Operations of the block being translated.
    pub ops: Vec<LlOperation>,
    /// Span of the operation being translated.
    pub span: Span,
    /// The flow result variable of the operation being translated.
    pub current_result: VarId,
    /// The annotated graph being translated.
    pub gid: GraphId,
    /// The value of the `yield` just translated (generators only).
    pub yielded: Option<LlOperand>,
}

pub(crate) fn rtype_graph(rt: &mut Rtyper, gid: GraphId) -> Result<LlGraph, Diagnostic> {
    let ann = rt.ann;
    let ag = ann.graph(gid);
    let flow = &ag.graph;
    let name = rt.graph_names[gid.0 as usize].clone();
    let ret_ty = return_type(rt, gid)?;
    let mut gr = GraphRtyper {
        rt,
        ag,
        ll: LlGraph::new(name, flow.span, &[]),
        var_map: vec![None; flow.vars.len()],
        ops: Vec::new(),
        span: flow.span,
        current_result: VarId(0),
        gid,
        yielded: None,
    };
    let is_generator = ann.generators.contains_key(&gid);
    // Where a generator's returns go (it raises StopIteration there).
    let stop = if is_generator { Some(gr.ll.add_block(Block::new(Vec::new()))) } else { None };
    let mut yielded = Vec::new();

    // Blocks: same order as the flow graph's; unreached blocks are dropped.
    let mut block_map: Vec<Option<BlockId>> = vec![None; flow.blocks.len()];
    for (i, slot) in block_map.iter_mut().enumerate() {
        let b = BlockId(i as u32);
        *slot = if b == flow.startblock {
            Some(gr.ll.startblock)
        } else if b == flow.returnblock {
            Some(gr.ll.returnblock)
        } else if b == flow.exceptblock {
            Some(gr.ll.exceptblock)
        } else if ag.is_reached(b) {
            Some(gr.ll.add_block(Block::new(Vec::new())))
        } else {
            None
        };
    }

    // Input variables, without the Void ones.
    let flow_ret = flow.block(flow.returnblock).inputargs[0];
    let ll_ret = gr.ll.block(gr.ll.returnblock).inputargs[0];
    gr.ll.var_mut(ll_ret).ty = ret_ty;
    gr.var_map[flow_ret.0 as usize] = Some(ll_ret);
    // The except block's inputs: the raised class (vtable) and instance.
    let flow_exc = flow.block(flow.exceptblock).inputargs.clone();
    let ll_exc = gr.ll.block(gr.ll.exceptblock).inputargs.clone();
    for (fv, lv) in flow_exc.iter().zip(ll_exc) {
        let ty = match ag.binding(*fv) {
            SomeValue::Impossible => LlType::Void,
            s => gr.rt.lltype_of(s, flow.span)?,
        };
        gr.ll.var_mut(lv).ty = ty;
        if ty != LlType::Void {
            gr.var_map[fv.0 as usize] = Some(lv);
        }
    }
    for (i, target) in block_map.iter().enumerate() {
        let b = BlockId(i as u32);
        let Some(llb) = *target else { continue };
        if b == flow.returnblock || b == flow.exceptblock {
            continue;
        }
        let mut inputs = Vec::new();
        for &v in &flow.block(b).inputargs {
            let span = ag.origins[v.0 as usize];
            let ty = gr.rt.lltype_of(ag.binding(v), span)?;
            if ty != LlType::Void {
                let llv = gr.new_var(&flow.var(v).name, ty);
                gr.var_map[v.0 as usize] = Some(llv);
                inputs.push(llv);
            }
        }
        gr.ll.block_mut(llb).inputargs = inputs;
    }

    // Operations and exits.
    for (i, target) in block_map.iter().enumerate() {
        let b = BlockId(i as u32);
        let Some(llb) = *target else { continue };
        if b == flow.returnblock || b == flow.exceptblock || !ag.is_reached(b) {
            continue;
        }
        let block = flow.block(b);
        gr.ops.clear();
        let stopped = ag.stopped[b.0 as usize].map(|i| i as usize);
        let nops = stopped.map_or(block.operations.len(), |i| i + 1);
        for op in &block.operations[..nops] {
            gr.span = op.span;
            gr.current_result = op.result;
            let first_new = gr.ll.vars.len() as u32;
            let produced = gr.translate_op(op)?;
            gr.bind_result(op.result, produced, first_new)?;
        }
        if let Some(v) = gr.yielded.take() {
            yielded.push((b, v));
        }
        gr.span = block.operations.last().map_or(flow.span, |op| op.span);
        let (exitswitch, links) = match &block.exitswitch {
            ExitSwitch::None => (ExitSwitch::None, block.exits.iter().collect::<Vec<_>>()),
            ExitSwitch::Value(Operand::Const(c)) => {
                let taken: Vec<&FlowLink> =
                    block.exits.iter().filter(|l| l.exitcase.as_ref().is_none_or(|case| same_case(c, case))).take(1).collect();
                (ExitSwitch::None, taken)
            }
            ExitSwitch::Value(_) if ag.known_switch[b.0 as usize].is_some() => {
                // A test the annotations decide: the annotator followed one link.
                let known = Value::Bool(ag.known_switch[b.0 as usize] == Some(true));
                let taken: Vec<&FlowLink> =
                    block.exits.iter().filter(|l| l.exitcase.as_ref().is_none_or(|case| same_case(&known, case))).take(1).collect();
                (ExitSwitch::None, taken)
            }
            ExitSwitch::Value(sw) => {
                let s = gr.annotation(sw)?;
                let cond = gr.is_true(sw, &s)?;
                (ExitSwitch::Value(cond), block.exits.iter().collect())
            }
            ExitSwitch::LastException => (ExitSwitch::LastException, block.exits.iter().collect()),
        };
        let mut ll_links = Vec::new();
        if stopped.is_some() {
            // The call always raises: the exception is still pending when
            // the except block is reached with null arguments.
            let exc_inputs = gr.ll.block(gr.ll.exceptblock).inputargs.clone();
            let args = exc_inputs.iter().map(|&v| Operand::Const(crate::classes::zero(gr.ll.var(v).ty))).collect();
            ll_links.push(Link { target: gr.ll.exceptblock, args, exitcase: None, exc_vars: None });
        }
        let (exitswitch, links) = match (stopped, exitswitch) {
            (Some(i), ExitSwitch::LastException) if i + 1 == block.operations.len() => {
                (ExitSwitch::LastException, links.into_iter().skip(1).collect())
            }
            (Some(_), _) => (ExitSwitch::None, Vec::new()),
            (None, sw) => (sw, links),
        };
        for link in links {
            // A generator's returns go to its stop block, with no value.
            let to_stop = stop.is_some() && link.target == flow.returnblock;
            let Some(target) = (if to_stop { stop } else { block_map[link.target.0 as usize] }) else {
                return Err(Diagnostic::error(gr.span, "internal error: link to a block the annotator never reached"));
            };
            // The exception link's own variables (the caught class and instance).
            let exc_vars = match link.exc_vars {
                Some((t, v)) => {
                    let mut pair = Vec::new();
                    for fv in [t, v] {
                        let ty = gr.rt.lltype_of(ag.binding(fv), gr.span)?;
                        let lv = gr.new_var(&flow.var(fv).name, ty);
                        gr.var_map[fv.0 as usize] = Some(lv);
                        pair.push(lv);
                    }
                    Some((pair[0], pair[1]))
                }
                None => None,
            };
            let before = gr.ops.len();
            let mut args = if to_stop { Vec::new() } else { gr.link_args(link, ret_ty)? };
            let mut target = target;
            if exc_vars.is_some() && gr.ops.len() > before {
                // Converting the caught exception's values: the operations
                // must run on this link only, after the exception is caught,
                // so they go into a block of their own on the link.
                let convert: Vec<LlOperation> = gr.ops.drain(before..).collect();
                (target, args) = gr.link_block(convert, args, target);
            }
            let exitcase = match &link.exitcase {
                None => None,
                Some(Value::Obj(class)) if exc_vars.is_some() => {
                    if gr.rt.is_base_exception(*class) {
                        Some(LlConst::Null)
                    } else {
                        Some(LlConst::Prebuilt(gr.rt.class_repr(*class, gr.span)?.vtable))
                    }
                }
                Some(Value::Bool(b)) => Some(LlConst::Int(*b as i64)),
                Some(Value::Int(i)) => Some(LlConst::Int(*i)),
                Some(other) => {
                    return Err(Diagnostic::error(
                        gr.span,
                        format!("switching on {} is not supported yet", gr.rt.heap.describe(other)),
                    ))
                }
            };
            ll_links.push(Link { target, args, exitcase, exc_vars });
        }
        let llblock = gr.ll.block_mut(llb);
        llblock.operations = std::mem::take(&mut gr.ops);
        llblock.exitswitch = exitswitch;
        llblock.exits = ll_links;
    }
    if let Some(stop) = stop {
        gr.finish_generator(&block_map, &yielded, stop)?;
    }
    Ok(gr.ll)
}

/// Whether a switch on the constant `k` takes the link with case `case`.
fn same_case(k: &Value, case: &Value) -> bool {
    match (k, case) {
        (Value::Bool(a), Value::Bool(b)) => a == b,
        (Value::Int(i), Value::Bool(b)) => (*i != 0) == *b,
        (Value::None, Value::Bool(b)) => !*b,
        (Value::Str(s), Value::Bool(b)) => s.is_empty() != *b,
        _ => k == case,
    }
}

impl<'r, 'a> GraphRtyper<'r, 'a> {
    /// A new block that runs `ops` and goes to `target` with `args`: its
    /// inputs are the variables they use from outside (renamed inside).
    /// Returns the block and the arguments to pass to it.
    fn link_block(&mut self, ops: Vec<LlOperation>, args: Vec<LlOperand>, target: BlockId) -> (BlockId, Vec<LlOperand>) {
        let defined: Vec<VarId> = ops.iter().map(|op| op.result).collect();
        let mut outside: Vec<VarId> = Vec::new();
        for o in ops.iter().flat_map(|op| op.args.iter()).chain(args.iter()) {
            if let Operand::Var(v) = o {
                if !defined.contains(v) && !outside.contains(v) {
                    outside.push(*v);
                }
            }
        }
        let map: std::collections::HashMap<VarId, VarId> = outside
            .iter()
            .map(|&v| {
                let (name, ty) = (self.ll.var(v).name.clone(), self.ll.var(v).ty);
                (v, self.new_var(&name, ty))
            })
            .collect();
        let rename = |o: &LlOperand| match o {
            Operand::Var(v) => Operand::Var(*map.get(v).unwrap_or(v)),
            c => c.clone(),
        };
        let mut block = flowmodel::Block::new(outside.iter().map(|v| map[v]).collect());
        block.operations = ops
            .into_iter()
            .map(|mut op| {
                op.args = op.args.iter().map(rename).collect();
                op
            })
            .collect();
        block.exits = vec![Link { target, args: args.iter().map(rename).collect(), exitcase: None, exc_vars: None }];
        let b = self.ll.add_block(block);
        (b, outside.into_iter().map(Operand::Var).collect())
    }

    pub fn new_var(&mut self, name: &str, ty: LlType) -> VarId {
        let v = self.ll.new_var(name);
        self.ll.var_mut(v).ty = ty;
        v
    }

    /// The annotation of an operand of the flow graph.
    pub fn annotation(&self, o: &FlowOperand) -> Result<SomeValue, Diagnostic> {
        match o {
            Operand::Var(v) => Ok(self.ag.binding(*v).clone()),
            // Only the annotator's word-sized intrinsics (`r_uint(2**63)`) let a
            // long constant through.
            Operand::Const(hostobj::Value::Long(_)) => Ok(SomeValue::Integer { nonneg: true, unsigned: false }),
            Operand::Const(c) => {
                self.rt.ann.constant_annotation(self.rt.heap, c).map_err(|m| Diagnostic::error(self.span, m))
            }
        }
    }

    /// The low-level type of a flow operand's annotation.
    pub fn operand_type(&mut self, o: &FlowOperand) -> Result<LlType, Diagnostic> {
        let s = self.annotation(o)?;
        self.rt.lltype_of(&s, self.span)
    }

    /// A flow operand as a low-level operand of type `want`, converted if needed.
    pub fn operand(&mut self, o: &FlowOperand, want: LlType) -> Result<LlOperand, Diagnostic> {
        match o {
            Operand::Const(c) => Ok(Operand::Const(self.rt.const_to_ll(c, want, self.span)?)),
            Operand::Var(v) => {
                let have = self.operand_type(o)?;
                if have == LlType::Void {
                    return match want {
                        LlType::Void => Ok(Operand::Const(LlConst::Void)),
                        // None flowing into a nullable pointer.
                        LlType::Ptr(_) if *self.ag.binding(*v) == SomeValue::None => Ok(Operand::Const(LlConst::Null)),
                        // One prebuilt constant flowing where several may be.
                        _ if self.rt.single_desc(self.ag.binding(*v)).is_some() => {
                            let d = self.rt.single_desc(self.ag.binding(*v)).expect("single desc");
                            Ok(Operand::Const(self.rt.const_to_ll(&hostobj::Value::Obj(d.obj()), want, self.span)?))
                        }
                        _ => Err(self.internal(&format!("a Void value used as {:?}", want))),
                    };
                }
                let llv = self.var_map[v.0 as usize].ok_or_else(|| self.internal("use of an unmapped variable"))?;
                self.convert(Operand::Var(llv), have, want)
            }
        }
    }

    /// Converts between the representations of int-like values.
    pub fn convert(&mut self, o: LlOperand, from: LlType, to: LlType) -> Result<LlOperand, Diagnostic> {
        if from == to {
            return Ok(o);
        }
        match (from, to) {
            (LlType::Bool, LlType::Signed | LlType::Unsigned) => Ok(self.emit(LlOp::CastBoolToInt, vec![o], to)),
            (LlType::Signed | LlType::Unsigned, LlType::Bool) => Ok(self.emit(LlOp::IntIsTrue, vec![o], to)),
            (LlType::Char, LlType::Signed) => Ok(self.emit(LlOp::CastCharToInt, vec![o], to)),
            (LlType::Signed | LlType::Unsigned, LlType::Float) => Ok(self.emit(LlOp::CastIntToFloat, vec![o], to)),
            (LlType::Bool | LlType::Char, LlType::Float) => {
                let i = self.emit(if from == LlType::Bool { LlOp::CastBoolToInt } else { LlOp::CastCharToInt }, vec![o], LlType::Signed);
                Ok(self.emit(LlOp::CastIntToFloat, vec![i], to))
            }
            // r_uint <-> int: the same bits.
            (LlType::Signed, LlType::Unsigned) | (LlType::Unsigned, LlType::Signed) => Ok(self.emit(LlOp::SameAs, vec![o], to)),
            // A char where a str is expected: a one-character str.
            (LlType::Char, LlType::Ptr(t)) if t == lltype::STR => {
                let c = self.emit(LlOp::CastCharToInt, vec![o], LlType::Signed);
                Ok(self.call_extern(abi::runtime::CHAR_TO_STR, vec![c], to))
            }
            // Instances between a class and its base, vtables likewise.
            (LlType::Ptr(f), LlType::Ptr(t)) if self.rt.tuple_items(f).is_some() => self.convert_tuple(o, f, t),
            // Lists of two representations are never the same object.
            (LlType::Ptr(_), LlType::Ptr(_)) if self.rt.list_info_of_type(from).is_some() || self.rt.list_info_of_type(to).is_some() => {
                Err(self.internal(&format!("no conversion from {:?} to {:?}", from, to)))
            }
            (LlType::Ptr(_), LlType::Ptr(_)) => Ok(self.emit(LlOp::CastPointer, vec![o], to)),
            _ => Err(self.internal(&format!("no conversion from {:?} to {:?}", from, to))),
        }
    }

    pub fn internal(&self, what: &str) -> Diagnostic {
        Diagnostic::error(self.span, format!("internal error in the rtyper ({}): {}", self.ll.name, what))
    }

    /// Emits `op(args)` into a fresh variable of type `ty`.
    pub fn emit(&mut self, op: LlOp, args: Vec<LlOperand>, ty: LlType) -> LlOperand {
        let result = self.new_var("", ty);
        self.ops.push(LlOperation { op, args, result, span: self.span });
        Operand::Var(result)
    }

    /// A call of a runtime function (`abi::runtime`).
    pub fn call_extern(&mut self, name: &str, args: Vec<LlOperand>, ty: LlType) -> LlOperand {
        let mut all = vec![Operand::Const(LlConst::Extern(name.to_string()))];
        all.extend(args);
        self.emit(LlOp::DirectCall, all, ty)
    }

    /// A call of a function of the program (or a helper).
    pub fn call_func(&mut self, f: FuncId, args: Vec<LlOperand>, ty: LlType) -> LlOperand {
        let mut all = vec![Operand::Const(LlConst::Func(f))];
        all.extend(args);
        self.emit(LlOp::DirectCall, all, ty)
    }

    /// Binds the flow result variable to what the operation produced.
    fn bind_result(
        &mut self,
        result: VarId,
        produced: Option<(LlOperand, LlType)>,
        first_new: u32,
    ) -> Result<(), Diagnostic> {
        let want = self.rt.lltype_of(self.ag.binding(result), self.span)?;
        if want == LlType::Void {
            return Ok(());
        }
        let (o, have) = produced.ok_or_else(|| self.internal("an operation produced no value"))?;
        let o = self.convert(o, have, want)?;
        let llv = match o {
            // A variable this operation created: it becomes the result.
            Operand::Var(v) if v.0 >= first_new => {
                self.ll.var_mut(v).name = self.ag.graph.var(result).name.clone();
                v
            }
            // An existing variable (`is_true` of a bool): the result is an alias.
            Operand::Var(v) => v,
            other => match self.emit(LlOp::SameAs, vec![other], want) {
                Operand::Var(v) => v,
                Operand::Const(_) => unreachable!(),
            },
        };
        self.var_map[result.0 as usize] = Some(llv);
        Ok(())
    }

    /// The low-level arguments of a link, typed like its target's inputs.
    fn link_args(&mut self, link: &FlowLink, ret_ty: LlType) -> Result<Vec<LlOperand>, Diagnostic> {
        let flow = &self.ag.graph;
        let targets = &flow.block(link.target).inputargs;
        let mut args = Vec::new();
        for (k, (a, &tv)) in link.args.iter().zip(targets).enumerate() {
            if link.target == flow.returnblock {
                args.push(self.operand(a, ret_ty)?);
                continue;
            }
            if link.target == flow.exceptblock {
                let want = self.ll.var(self.ll.block(self.ll.exceptblock).inputargs[k]).ty;
                args.push(self.operand(a, want)?);
                continue;
            }
            let want = self.rt.lltype_of(self.ag.binding(tv), self.span)?;
            if want != LlType::Void {
                args.push(self.operand(a, want)?);
            }
        }
        Ok(args)
    }
}

//! Generators as resumable functions.
//!
//! Calling a generator function allocates its *frame*, a struct holding a
//! resume state and the values each entry point needs, and stores the
//! arguments there (state 0). The function's own graph becomes `next(frame)
//! -> item`: a new start block loads the state and jumps to the original
//! start block (state 0) or to the block after yield `k` (state `k`), with
//! that entry's values loaded from the frame. Each `yield` (the last
//! operation of its block, see flowspace) stores the values its link
//! carries into the frame, sets the state and returns the yielded value;
//! reaching the end sets the state to -1 and raises StopIteration, which
//! every later `next` raises again. The frame is threaded through every
//! block as an extra input.

use annotator::GraphId;
use diag::{Diagnostic, Span};
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand};
use flowspace::HlOp;
use lltype::{Field, LlConst, LlOp, LlOperand, LlOperation, LlType, TypeDefKind, TypeId};

use crate::graph::GraphRtyper;
use crate::Rtyper;

/// The frame of a generator function.
#[derive(Clone, Debug)]
pub struct GenFrame {
    pub frame: TypeId,
    /// Per entry point (0: the start; k: after the k-th yield, in block
    /// order): the flow block entered, and the frame field of each of its
    /// input variables (None for Void ones).
    pub entries: Vec<(BlockId, Vec<Option<u32>>)>,
    /// The flow blocks that end with a yield, with their entry number.
    pub yields: Vec<(BlockId, usize)>,
}

impl Rtyper<'_> {
    /// The frame layout of generator graph `g` (built once).
    pub fn generator_frame(&mut self, g: GraphId, span: Span) -> Result<GenFrame, Diagnostic> {
        if let Some(f) = self.generator_frames.get(&g) {
            return Ok(f.clone());
        }
        let ann = self.ann;
        let ag = ann.graph(g);
        let flow = &ag.graph;
        let mut blocks = vec![flow.startblock];
        let mut yields = Vec::new();
        for (i, b) in flow.blocks.iter().enumerate() {
            let id = BlockId(i as u32);
            if ag.is_reached(id) && b.operations.last().is_some_and(|op| op.op == HlOp::Yield) {
                let resume = b.exits.first().map(|l| l.target).ok_or_else(|| internal(span, "a yield without its resume link"))?;
                yields.push((id, blocks.len()));
                blocks.push(resume);
            }
        }
        let mut fields = vec![Field { name: "state".into(), ty: LlType::Signed }];
        let mut entries = Vec::new();
        for (k, &b) in blocks.iter().enumerate() {
            let mut slots = Vec::new();
            for (i, &v) in flow.block(b).inputargs.iter().enumerate() {
                let ty = self.lltype_of(ag.binding(v), span)?;
                if ty == LlType::Void {
                    slots.push(None);
                } else {
                    slots.push(Some(fields.len() as u32));
                    fields.push(Field { name: format!("e{}_{}", k, i), ty });
                }
            }
            entries.push((b, slots));
        }
        let name = format!("GENFRAME_{}", self.graph_names.get(g.0 as usize).cloned().unwrap_or_default());
        let frame = self.types.add(name, TypeDefKind::Struct { fields, varsize: None });
        let f = GenFrame { frame, entries, yields };
        self.generator_frames.insert(g, f.clone());
        Ok(f)
    }
}

fn internal(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(span, format!("internal error in the rtyper (generators): {}", what))
}

fn field(i: u32) -> LlOperand {
    Operand::Const(LlConst::Field(i))
}

impl GraphRtyper<'_, '_> {
    /// `f(args)` of a generator function: a new frame holding the arguments.
    pub fn new_generator(&mut self, g: GraphId, args: Vec<LlOperand>) -> Result<(LlOperand, LlType), Diagnostic> {
        let gf = self.rt.generator_frame(g, self.span)?;
        let ty = LlType::Ptr(gf.frame);
        let p = self.emit(LlOp::Malloc, vec![Operand::Const(LlConst::Type(gf.frame))], ty);
        let slots: Vec<u32> = gf.entries[0].1.iter().flatten().copied().collect();
        if slots.len() != args.len() {
            return Err(self.internal("generator arguments do not match its frame"));
        }
        for (f, a) in slots.into_iter().zip(args) {
            self.emit(LlOp::SetField, vec![p.clone(), field(f), a], LlType::Void);
        }
        Ok((p, ty))
    }

    /// Turns the translated graph of generator `g` into `next(frame)`
    /// (see the module doc). `block_map` maps flow blocks to low-level
    /// ones; `yielded` gives each yield block's value; `stop` is the block
    /// the generator's returns were sent to.
    pub fn finish_generator(&mut self, block_map: &[Option<BlockId>], yielded: &[(BlockId, LlOperand)], stop: BlockId) -> Result<(), Diagnostic> {
        let gf = self.rt.generator_frame(self.gid, self.span)?;
        let fty = LlType::Ptr(gf.frame);
        let (ret, exc) = (self.ll.returnblock, self.ll.exceptblock);
        let ll = |b: BlockId| block_map[b.0 as usize];

        // The old start block's contents move to a block of their own; the
        // start block becomes the dispatcher.
        let start = self.ll.startblock;
        let old = std::mem::replace(self.ll.block_mut(start), Block::new(Vec::new()));
        let entry0 = self.ll.add_block(old);
        for i in 0..self.ll.blocks.len() {
            for link in &mut self.ll.block_mut(BlockId(i as u32)).exits {
                if link.target == start {
                    link.target = entry0;
                }
            }
        }
        let map_block = |b: BlockId| if b == start { entry0 } else { b };

        // Thread the frame through every block.
        let mut frame_of = vec![None; self.ll.blocks.len()];
        for i in 0..self.ll.blocks.len() {
            let b = BlockId(i as u32);
            if b == ret || b == exc || b == start {
                continue;
            }
            let v = self.new_var("frame", fty);
            self.ll.block_mut(b).inputargs.push(v);
            frame_of[i] = Some(v);
        }
        for i in 0..self.ll.blocks.len() {
            let Some(f) = frame_of[i] else { continue };
            for link in &mut self.ll.block_mut(BlockId(i as u32)).exits {
                if link.target != ret && link.target != exc {
                    link.args.push(Operand::Var(f));
                }
            }
        }

        // Each yield: store what its link carries, set the state, return the value.
        for &(fb, k) in &gf.yields {
            let b = map_block(ll(fb).ok_or_else(|| internal(self.span, "an untranslated yield block"))?);
            let frame = Operand::Var(frame_of[b.0 as usize].ok_or_else(|| internal(self.span, "a yield block without frame"))?);
            let value = yielded.iter().find(|(y, _)| *y == fb).map(|(_, v)| v.clone()).ok_or_else(|| internal(self.span, "a yield without value"))?;
            let link = self.ll.block(b).exits.first().cloned().ok_or_else(|| internal(self.span, "a yield block without exit"))?;
            let mut ops = Vec::new();
            let mut args = link.args.iter();
            for slot in &gf.entries[k].1 {
                let Some(f) = slot else { continue };
                let a = args.next().cloned().ok_or_else(|| internal(self.span, "a yield link shorter than its entry"))?;
                ops.push(self.setfield(frame.clone(), *f, a));
            }
            ops.push(self.setfield(frame.clone(), 0, Operand::Const(LlConst::Int(k as i64))));
            let block = self.ll.block_mut(b);
            block.operations.extend(ops);
            block.exitswitch = ExitSwitch::None;
            block.exits = vec![Link { target: ret, args: vec![value], exitcase: None, exc_vars: None }];
        }

        // The end: state -1, then StopIteration (and again on every later next()).
        let frame = Operand::Var(frame_of[stop.0 as usize].ok_or_else(|| internal(self.span, "the stop block without frame"))?);
        let ret_ty = self.ll.var(self.ll.block(ret).inputargs[0]).ty;
        let mut ops = vec![self.setfield(frame, 0, Operand::Const(LlConst::Int(-1)))];
        let raise = vec![
            Operand::Const(LlConst::Extern(abi::runtime::RAISE.to_string())),
            Operand::Const(LlConst::CString(b"StopIteration".to_vec())),
        ];
        let r = self.new_var("", LlType::Void);
        ops.push(LlOperation { op: LlOp::DirectCall, args: raise, result: r, span: self.span });
        let block = self.ll.block_mut(stop);
        block.operations.extend(ops);
        block.exits = vec![Link { target: ret, args: vec![Operand::Const(crate::classes::zero(ret_ty))], exitcase: None, exc_vars: None }];

        // The dispatcher: load the state and every entry's values.
        let f = self.new_var("frame", fty);
        let mut ops = Vec::new();
        let state = self.new_var("state", LlType::Signed);
        ops.push(LlOperation { op: LlOp::GetField, args: vec![Operand::Var(f), field(0)], result: state, span: self.span });
        let mut exits = Vec::new();
        for (k, (fb, slots)) in gf.entries.iter().enumerate() {
            let Some(target) = ll(*fb).map(map_block) else { continue };
            let mut args = Vec::new();
            for slot in slots.iter().flatten() {
                let ty = self.rt.types.get(gf.frame).clone();
                let TypeDefKind::Struct { fields, .. } = &ty.kind else { return Err(internal(self.span, "frame type")) };
                let v = self.new_var("", fields[*slot as usize].ty);
                ops.push(LlOperation { op: LlOp::GetField, args: vec![Operand::Var(f), field(*slot)], result: v, span: self.span });
                args.push(Operand::Var(v));
            }
            args.push(Operand::Var(f));
            exits.push(Link { target, args, exitcase: Some(LlConst::Int(k as i64)), exc_vars: None });
        }
        exits.push(Link { target: stop, args: vec![Operand::Var(f)], exitcase: None, exc_vars: None });
        let block = self.ll.block_mut(start);
        block.inputargs = vec![f];
        block.operations = ops;
        block.exitswitch = ExitSwitch::Value(Operand::Var(state));
        block.exits = exits;
        Ok(())
    }

    fn setfield(&mut self, obj: LlOperand, f: u32, value: LlOperand) -> LlOperation {
        let r = self.new_var("", LlType::Void);
        LlOperation { op: LlOp::SetField, args: vec![obj, field(f), value], result: r, span: self.span }
    }
}


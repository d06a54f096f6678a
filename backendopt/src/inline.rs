//! Inlining of small functions (at `--opt=2` and above).
//!
//! A `direct_call` of a program function is replaced by a copy of the
//! callee's blocks when the callee is small (at most `MAX_OPS` operations),
//! has no exception handlers of its own and is not the caller itself, and
//! the call is not in a block with exception links (there, an exception
//! must reach the caller's handlers, which an inlined raise would bypass). The caller's block is split at the call: the operations
//! before it jump into the copy, whose returns go to a new block holding
//! the rest. Variables are block-local, so the values the rest needs are
//! passed through every copied block as extra inputs. Callees that raise
//! through their except block are not inlined; an exception from a runtime
//! call inside the copy propagates from the caller, as the call would have
//! propagated it.

use std::collections::HashMap;

use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, VarId};
use lltype::{LlConst, LlGraph, LlOp, LlProgram};

/// The largest callee inlined, in operations.
const MAX_OPS: usize = 12;
/// A limit on the growth of one caller, in inlined calls.
const MAX_INLINED_PER_CALLER: usize = 40;

type LlOperand = Operand<lltype::Ll>;

/// Whether function `f` may be inlined: small, no handlers, and no
/// explicit raise (its except block's inputs are typed for it alone;
/// runtime calls that raise are fine: the check after them propagates).
fn inlinable(g: &LlGraph) -> bool {
    let ops: usize = g.blocks.iter().map(|b| b.operations.len()).sum();
    ops <= MAX_OPS
        && g.blocks.iter().all(|b| {
            !matches!(b.exitswitch, ExitSwitch::LastException) && b.exits.iter().all(|l| l.target != g.exceptblock)
        })
}

pub fn inline_calls(p: &mut LlProgram) {
    let candidates: Vec<bool> = p.functions.iter().map(inlinable).collect();
    for caller in 0..p.functions.len() {
        let mut done = 0;
        while done < MAX_INLINED_PER_CALLER {
            let Some((b, k, callee)) = find_call(&p.functions[caller], caller, &candidates) else { break };
            let callee_graph = p.functions[callee].clone();
            inline_one(&mut p.functions[caller], b, k, &callee_graph);
            done += 1;
        }
    }
}

/// The next call (block, operation index, callee) to inline.
fn find_call(g: &LlGraph, me: usize, candidates: &[bool]) -> Option<(BlockId, usize, usize)> {
    for (bi, block) in g.blocks.iter().enumerate() {
        let b = BlockId(bi as u32);
        if b == g.returnblock || b == g.exceptblock {
            continue;
        }
        for (k, op) in block.operations.iter().enumerate() {
            if op.op != LlOp::DirectCall {
                continue;
            }
            let Some(Operand::Const(LlConst::Func(f))) = op.args.first() else { continue };
            let f = f.0 as usize;
            // In a block with exception links every raising operation goes
            // to the handlers: an inlined raise must not bypass them.
            let catches = matches!(block.exitswitch, ExitSwitch::LastException);
            if f != me && candidates.get(f) == Some(&true) && !catches {
                return Some((b, k, f));
            }
        }
    }
    None
}

/// The variables of `g` an operand list reads.
fn vars_of(args: &[LlOperand]) -> impl Iterator<Item = VarId> + '_ {
    args.iter().filter_map(Operand::as_var)
}

fn inline_one(g: &mut LlGraph, b: BlockId, k: usize, callee: &LlGraph) {
    let block = g.block(b).clone();
    let call = block.operations[k].clone();
    let rest: Vec<_> = block.operations[k + 1..].to_vec();

    // The values the rest of the block needs from before the call.
    let mut carried: Vec<VarId> = Vec::new();
    let note = |v: VarId, carried: &mut Vec<VarId>| {
        if v != call.result && !carried.contains(&v) {
            carried.push(v);
        }
    };
    let defined_after: Vec<VarId> = rest.iter().map(|op| op.result).collect();
    for op in &rest {
        for v in vars_of(&op.args) {
            if !defined_after.contains(&v) {
                note(v, &mut carried);
            }
        }
    }
    if let ExitSwitch::Value(Operand::Var(v)) = block.exitswitch {
        if !defined_after.contains(&v) {
            note(v, &mut carried);
        }
    }
    for link in &block.exits {
        for v in vars_of(&link.args) {
            if !defined_after.contains(&v) {
                note(v, &mut carried);
            }
        }
    }

    // The continuation: the call's result and the carried values, then the rest.
    let mut rename: HashMap<VarId, VarId> = HashMap::new();
    let result = fresh(g, call.result);
    rename.insert(call.result, result);
    let mut cont_inputs = vec![result];
    for &v in &carried {
        let nv = fresh(g, v);
        rename.insert(v, nv);
        cont_inputs.push(nv);
    }
    let sub = |o: &LlOperand, rename: &HashMap<VarId, VarId>| match o {
        Operand::Var(v) => Operand::Var(*rename.get(v).unwrap_or(v)),
        c => c.clone(),
    };
    let mut cont = Block::new(cont_inputs);
    for op in &rest {
        let mut op = op.clone();
        op.args = op.args.iter().map(|a| sub(a, &rename)).collect();
        cont.operations.push(op);
    }
    cont.exitswitch = match &block.exitswitch {
        ExitSwitch::Value(o) => ExitSwitch::Value(sub(o, &rename)),
        other => other.clone(),
    };
    cont.exits = block
        .exits
        .iter()
        .map(|l| Link { target: l.target, args: l.args.iter().map(|a| sub(a, &rename)).collect(), exitcase: l.exitcase.clone(), exc_vars: l.exc_vars })
        .collect();
    let cont_id = g.add_block(cont);

    // The callee's blocks, each also receiving the carried values.
    let mut block_map: HashMap<BlockId, BlockId> = HashMap::new();
    let mut var_map: HashMap<VarId, VarId> = HashMap::new();
    let mut carried_in: HashMap<BlockId, Vec<VarId>> = HashMap::new();
    let (cret, cexc) = (callee.returnblock, callee.exceptblock);
    // (inlinable() excludes links to the callee's except block.)
    for (i, cb) in callee.blocks.iter().enumerate() {
        let id = BlockId(i as u32);
        if id == cret || id == cexc {
            continue;
        }
        let mut inputs: Vec<VarId> = cb.inputargs.iter().map(|&v| copy_var(g, callee, v, &mut var_map)).collect();
        let extra: Vec<VarId> = carried.iter().map(|&v| fresh(g, v)).collect();
        inputs.extend(extra.iter().copied());
        let nb = g.add_block(Block::new(inputs));
        block_map.insert(id, nb);
        carried_in.insert(nb, extra);
    }
    for (i, cb) in callee.blocks.iter().enumerate() {
        let id = BlockId(i as u32);
        let Some(&nb) = block_map.get(&id) else { continue };
        let mut ops = Vec::new();
        for op in &cb.operations {
            let mut op = op.clone();
            op.args = op.args.iter().map(|a| copy_operand(g, callee, a, &mut var_map)).collect();
            op.result = copy_var(g, callee, op.result, &mut var_map);
            ops.push(op);
        }
        let extra = carried_in[&nb].clone();
        let exitswitch = match &cb.exitswitch {
            ExitSwitch::Value(o) => ExitSwitch::Value(copy_operand(g, callee, o, &mut var_map)),
            other => other.clone(),
        };
        let mut exits = Vec::new();
        for l in &cb.exits {
            let args: Vec<LlOperand> = l.args.iter().map(|a| copy_operand(g, callee, a, &mut var_map)).collect();
            let link = if l.target == cret {
                // The return value, then what the rest of the caller needs.
                let mut a = args;
                a.extend(extra.iter().map(|&v| Operand::Var(v)));
                Link { target: cont_id, args: a, exitcase: l.exitcase.clone(), exc_vars: None }
            } else {
                let mut a = args;
                a.extend(extra.iter().map(|&v| Operand::Var(v)));
                Link { target: block_map[&l.target], args: a, exitcase: l.exitcase.clone(), exc_vars: None }
            };
            exits.push(link);
        }
        let nblock = g.block_mut(nb);
        nblock.operations = ops;
        nblock.exitswitch = exitswitch;
        nblock.exits = exits;
    }

    // The caller's block: the operations before the call, then into the copy.
    let mut args: Vec<LlOperand> = call.args[1..].to_vec();
    args.extend(carried.iter().map(|&v| Operand::Var(v)));
    let start = block_map[&callee.startblock];
    let caller = g.block_mut(b);
    caller.operations.truncate(k);
    caller.exitswitch = ExitSwitch::None;
    caller.exits = vec![Link { target: start, args, exitcase: None, exc_vars: None }];
}

/// A new variable of the caller with the type of `v`.
fn fresh(g: &mut LlGraph, v: VarId) -> VarId {
    let ty = g.var(v).ty;
    let name = g.var(v).name.clone();
    let nv = g.new_var(&name);
    g.var_mut(nv).ty = ty;
    nv
}

/// The caller's copy of callee variable `v`.
fn copy_var(g: &mut LlGraph, callee: &LlGraph, v: VarId, map: &mut HashMap<VarId, VarId>) -> VarId {
    if let Some(&nv) = map.get(&v) {
        return nv;
    }
    let nv = g.new_var(&callee.var(v).name);
    g.var_mut(nv).ty = callee.var(v).ty;
    map.insert(v, nv);
    nv
}

fn copy_operand(g: &mut LlGraph, callee: &LlGraph, o: &LlOperand, map: &mut HashMap<VarId, VarId>) -> LlOperand {
    match o {
        Operand::Var(v) => Operand::Var(copy_var(g, callee, *v, map)),
        c => c.clone(),
    }
}


//! Low-level graphs -> machine-ready graphs: the generational GC's roots and
//! write barriers.
//!
//! Entry point: [`transform`]. Input: optimized low-level graphs. Output: the
//! same graphs where, if the program uses the generational collector (`gc`
//! crate, "The contract with generated code"):
//!
//! - every GC pointer that is live across an operation that can collect is
//!   stored to a slot of the function's shadow-stack frame before it
//!   (`gc_store_root(slot, v)`) and reloaded after it (`v' =
//!   gc_load_root(slot)`, the later uses renamed to `v'`): the object may
//!   have moved. The backend reserves and zeroes the frame's slots (as many
//!   as the largest slot number + 1) in the prologue and pops them in the
//!   epilogue. A value still in its slot from an earlier call is not stored
//!   again.
//! - before an operation that can collect, every slot that holds no value
//!   live across it and may still hold a dead one is cleared
//!   (`gc_store_root(slot, null)`): a dead pointer left in a slot would keep
//!   its objects alive as long as the function runs (an interpreter's main
//!   loop, say). A forward analysis finds the slots known to be null already.
//! - every store of a GC pointer into a field or item is preceded by
//!   `gc_write_barrier(obj)` / `gc_write_barrier_array(obj, index)`, except
//!   stores of constants (null and prebuilt objects are never young) and
//!   stores into an object allocated in the same block with nothing that
//!   can collect in between (it is young).
//!
//! Where the operation that can collect is the raising operation of a block
//! with exception links, the handlers are entered before the reloads after
//! it: each exception link that passes rooted pointers goes through a new
//! block that reloads them (the caught exception reaches it as inputs).
//!
//! Invariant (input): variables are local to their block (SSA per block, as
//! every stage produces); the transform keeps it.

use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, Operation, VarId};
use lltype::{FuncId, LlConst, LlGraph, LlOp, LlOperand, LlProgram};

use std::collections::HashMap;

/// Rewrites every graph for the collector: `generational` inserts roots and
/// barriers; otherwise (the allocator that never frees) nothing changes.
pub fn transform(program: &mut LlProgram, generational: bool) {
    if !generational {
        return;
    }
    let collects = functions_that_may_collect(program);
    for g in &mut program.functions {
        insert_roots(g, &collects);
        clear_dead_slots(g, &collects);
        insert_write_barriers(g, &collects);
    }
}

/// Runtime functions that neither allocate GC objects nor call back into
/// the program (`abi::runtime`): calls to them keep roots in registers.
const NON_COLLECTING_EXTERNS: &[&str] = &[
    "rpy_str_eq",
    "rpy_str_cmp",
    "rpy_str_hash",
    "rpy_str_check_index",
    "rpy_str_find",
    "rpy_str_count",
    "rpy_str_startswith",
    "rpy_str_test",
    "rpy_str_to_int",
    "rpy_str_to_int_base",
    "rpy_str_to_float",
    "rpy_os_write",
    "rpy_print_item",
    "rpy_print_newline",
    "rpy_print_text",
    "rpy_raise",
    "rpy_traceback_record",
    "rpy_list_check_index",
    "rpy_list_delete",
    "rpy_list_reverse",
    "rpy_uint_floordiv",
    "rpy_uint_mod",
    "rpy_float_to_int",
    "rpy_float_truediv",
    "rpy_float_floordiv",
    "rpy_float_mod",
    "rpy_float_min",
    "rpy_float_max",
    "rpy_round_to_single",
    "rpy_unicode_eq",
    "rpy_unicode_cmp",
    "rpy_unicode_find",
    "rpy_unicode_count",
    "rpy_unicode_contains",
    "rpy_unicode_startswith",
    "rpy_unicode_ord",
    "rpy_compute_hash_str",
    "rpy_compute_hash_float",
    "rpy_identity_hash",
    "rpy_int_add_ovf",
    "rpy_int_sub_ovf",
    "rpy_int_mul_ovf",
    "rpy_int_neg_ovf",
    "rpy_int_lshift_ovf",
    "rpy_int_floordiv_ovf",
    "rpy_int_mod_ovf",
];

/// Whether operation `op` can run the collector, given which functions can.
fn op_may_collect(op: &Operation<lltype::Ll>, collects: &[bool]) -> bool {
    match op.op {
        LlOp::Malloc | LlOp::MallocVarsize | LlOp::IndirectCall => true,
        LlOp::DirectCall => match op.args.first() {
            Some(Operand::Const(LlConst::Func(FuncId(f)))) => collects.get(*f as usize).copied().unwrap_or(true),
            Some(Operand::Const(LlConst::Extern(name))) => !NON_COLLECTING_EXTERNS.contains(&name.as_str()),
            _ => true,
        },
        _ => op.op.flags().cancollect,
    }
}

/// Per function: whether calling it may run the collector (a fixpoint over
/// the call graph, starting from "no function collects").
pub fn functions_that_may_collect(p: &LlProgram) -> Vec<bool> {
    let mut collects = vec![false; p.functions.len()];
    loop {
        let mut changed = false;
        for (f, g) in p.functions.iter().enumerate() {
            if collects[f] {
                continue;
            }
            if g.blocks.iter().flat_map(|b| &b.operations).any(|op| op_may_collect(op, &collects)) {
                collects[f] = true;
                changed = true;
            }
        }
        if !changed {
            return collects;
        }
    }
}

fn is_gc(g: &LlGraph, v: VarId) -> bool {
    g.var(v).ty.is_gc_ptr()
}

fn rename(o: &mut LlOperand, map: &HashMap<VarId, VarId>) {
    if let Operand::Var(v) = o {
        if let Some(&w) = map.get(v) {
            *v = w;
        }
    }
}

/// Where a block with exception links dispatches: the index of its raising
/// operation (the last that can raise; after it come only the pure
/// operations that compute exception-link arguments), or None.
fn raising_op(block: &Block<lltype::Ll>) -> Option<usize> {
    if block.exitswitch != ExitSwitch::LastException || block.exits.len() < 2 {
        return None;
    }
    block.operations.iter().rposition(|op| op.op.flags().canraise)
}

/// The GC pointers live after each operation of `block` (by index),
/// computed backwards from the block's exits; variables are block-local.
/// The exception links' arguments are live after the raising operation
/// `raising` (they are passed from there); the caught exception's variables
/// are never live in the block.
fn live_after_each(g: &LlGraph, block: &Block<lltype::Ll>, raising: Option<usize>, needed: &[Vec<bool>]) -> Vec<Vec<VarId>> {
    let exc_vars: Vec<VarId> = block.exits.iter().filter_map(|l| l.exc_vars).flat_map(|(t, v)| [t, v]).collect();
    let add = |live: &mut Vec<VarId>, o: &LlOperand| {
        if let Operand::Var(v) = o {
            if is_gc(g, *v) && !live.contains(v) && !exc_vars.contains(v) {
                live.push(*v);
            }
        }
    };
    let mut live: Vec<VarId> = Vec::new();
    let mut exc_live: Vec<VarId> = Vec::new();
    for (k, link) in block.exits.iter().enumerate() {
        let into = if raising.is_some() && k > 0 { &mut exc_live } else { &mut live };
        let target = &needed[link.target.0 as usize];
        for (i, a) in link.args.iter().enumerate() {
            if target.get(i).copied().unwrap_or(true) {
                add(into, a);
            }
        }
    }
    if let ExitSwitch::Value(o) = &block.exitswitch {
        add(&mut live, o);
    }
    // Values made after the raising operation do not reach the handlers.
    if let Some(k) = raising {
        exc_live.retain(|v| !block.operations[k + 1..].iter().any(|op| op.result == *v));
    }
    let mut out = vec![Vec::new(); block.operations.len()];
    for (i, op) in block.operations.iter().enumerate().rev() {
        live.retain(|&v| v != op.result);
        if raising == Some(i) {
            for v in &exc_live {
                if !live.contains(v) {
                    live.push(*v);
                }
            }
        }
        let mut sorted = live.clone();
        sorted.sort();
        out[i] = sorted;
        for a in &op.args {
            add(&mut live, a);
        }
    }
    out
}

/// For each block, which of its input variables are used: by its
/// operations or exit switch, or passed on to a used input of another block
/// (a fixpoint). Values passed to unused inputs need no root.
fn needed_inputs(g: &LlGraph) -> Vec<Vec<bool>> {
    let uses_locally = |b: &Block<lltype::Ll>, v: VarId| {
        b.operations.iter().any(|op| op.args.contains(&Operand::Var(v)))
            || matches!(&b.exitswitch, ExitSwitch::Value(Operand::Var(w)) if *w == v)
    };
    let mut needed: Vec<Vec<bool>> = g
        .blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let final_block = BlockId(i as u32) == g.returnblock || BlockId(i as u32) == g.exceptblock;
            b.inputargs.iter().map(|&v| final_block || uses_locally(b, v)).collect()
        })
        .collect();
    loop {
        let mut changed = false;
        for (bi, b) in g.blocks.iter().enumerate() {
            for (i, &v) in b.inputargs.iter().enumerate() {
                if needed[bi][i] {
                    continue;
                }
                let passed_on = b.exits.iter().any(|l| {
                    l.args.iter().enumerate().any(|(k, a)| *a == Operand::Var(v) && needed[l.target.0 as usize].get(k).copied().unwrap_or(true))
                });
                if passed_on {
                    needed[bi][i] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return needed;
        }
    }
}

fn insert_roots(g: &mut LlGraph, collects: &[bool]) {
    let needed = needed_inputs(g);
    let nblocks = g.blocks.len();
    for b in 0..nblocks {
        let b = BlockId(b as u32);
        if b == g.returnblock || b == g.exceptblock {
            continue;
        }
        let block = g.block(b).clone();
        if !block.operations.iter().any(|op| op_may_collect(op, collects)) {
            continue;
        }
        let raising = raising_op(&block);
        let live = live_after_each(g, &block, raising, &needed);
        // Which variable each slot holds now (the value is up to date in it).
        let mut slots: Vec<Option<VarId>> = Vec::new();
        let mut rename_map: HashMap<VarId, VarId> = HashMap::new();
        // The names at the raising operation, and the pointers it reloads.
        let mut at_raise: HashMap<VarId, VarId> = HashMap::new();
        let mut raise_reloads: Vec<(VarId, u32)> = Vec::new();
        let mut ops = Vec::with_capacity(block.operations.len());
        for (i, mut op) in block.operations.into_iter().enumerate() {
            op.args.iter_mut().for_each(|a| rename(a, &rename_map));
            if raising == Some(i) {
                at_raise = rename_map.clone();
            }
            if !op_may_collect(&op, collects) || live[i].is_empty() {
                ops.push(op);
                continue;
            }
            // The (renamed) pointers live after the call, each given a slot:
            // the one already holding it, else one no live value holds.
            let current: Vec<VarId> = live[i].iter().map(|v| *rename_map.get(v).unwrap_or(v)).collect();
            let mut stores = Vec::new();
            let mut assigned: Vec<(VarId, VarId, u32)> = Vec::new();
            for (&orig, &v) in live[i].iter().zip(&current) {
                let slot = match slots.iter().position(|s| *s == Some(v)) {
                    Some(s) => s,
                    None => {
                        let free = (0..slots.len()).find(|&s| match slots[s] {
                            None => true,
                            Some(w) => !current.contains(&w),
                        });
                        let s = free.unwrap_or_else(|| {
                            slots.push(None);
                            slots.len() - 1
                        });
                        slots[s] = Some(v);
                        stores.push((s, v));
                        s
                    }
                };
                assigned.push((orig, v, slot as u32));
            }
            let span = op.span;
            for (s, v) in stores {
                let r = g.new_var("");
                ops.push(Operation {
                    op: LlOp::GcStoreRoot,
                    args: vec![Operand::Const(LlConst::Int(s as i64)), Operand::Var(v)],
                    result: r,
                    span,
                });
            }
            ops.push(op);
            if raising == Some(i) {
                raise_reloads = assigned.iter().map(|&(_, v, s)| (v, s)).collect();
            }
            for (orig, v, s) in assigned {
                let (fresh, load) = load_root(g, v, s, span);
                ops.push(load);
                rename_map.insert(orig, fresh);
                slots[s as usize] = Some(fresh);
            }
        }
        let span = ops.last().map(|op: &Operation<lltype::Ll>| op.span).unwrap_or(g.span);
        let mut exits = Vec::new();
        for (k, mut link) in block.exits.into_iter().enumerate() {
            if raising.is_some() && k > 0 {
                // A handler is entered from the raising operation, before
                // its reloads: it reloads on its own link.
                link.args.iter_mut().for_each(|a| rename(a, &at_raise));
                if !raise_reloads.is_empty() {
                    link = reload_on_link(g, link, &raise_reloads, span);
                }
            } else {
                link.args.iter_mut().for_each(|a| rename(a, &rename_map));
            }
            exits.push(link);
        }
        let mut exitswitch = block.exitswitch;
        if let ExitSwitch::Value(o) = &mut exitswitch {
            rename(o, &rename_map);
        }
        let blk = g.block_mut(b);
        blk.operations = ops;
        blk.exits = exits;
        blk.exitswitch = exitswitch;
    }
}

/// The slots a collecting operation keeps live: those its reloads read.
fn reloaded_slots(ops: &[Operation<lltype::Ll>], i: usize) -> Vec<u32> {
    ops[i + 1..]
        .iter()
        .take_while(|op| op.op == LlOp::GcLoadRoot)
        .filter_map(|op| match op.args.first() {
            Some(Operand::Const(LlConst::Int(k))) => Some(*k as u32),
            _ => None,
        })
        .collect()
}

/// Clears, before each operation that can collect, the slots that may hold
/// a dead pointer (see the module documentation). `null[b]` is the set of
/// slots known to be null when block `b` starts (all of them at the start,
/// which the prologue zeroes), as a bit set of at most 64 slots: a frame
/// with more never clears the ones above.
fn clear_dead_slots(g: &mut LlGraph, collects: &[bool]) {
    let mut nslots = 0u32;
    for b in &g.blocks {
        for op in &b.operations {
            if let (LlOp::GcStoreRoot, Some(Operand::Const(LlConst::Int(k)))) = (op.op, op.args.first()) {
                nslots = nslots.max(*k as u32 + 1);
            }
        }
    }
    if nslots == 0 {
        return;
    }
    let all: u64 = if nslots >= 64 { u64::MAX } else { (1u64 << nslots) - 1 };
    // The effect of block `b` on the known-null set, clearing as it goes.
    let step = |ops: &[Operation<lltype::Ll>], mut null: u64, mut clear: Option<&mut Vec<(usize, u32)>>| {
        for (i, op) in ops.iter().enumerate() {
            match (op.op, op.args.first(), op.args.get(1)) {
                (LlOp::GcStoreRoot, Some(Operand::Const(LlConst::Int(k))), Some(v)) if *k < 64 => {
                    if matches!(v, Operand::Const(LlConst::Null)) {
                        null |= 1 << k;
                    } else {
                        null &= !(1 << k);
                    }
                }
                _ if op_may_collect(op, collects) => {
                    let live = reloaded_slots(ops, i).iter().filter(|&&k| k < 64).fold(0u64, |m, k| m | 1 << k);
                    let stale = all & !live & !null;
                    if let Some(c) = clear.as_deref_mut() {
                        (0..64).filter(|k| stale & 1 << k != 0).for_each(|k| c.push((i, k)));
                    }
                    null |= stale;
                }
                _ => {}
            }
        }
        null
    };
    // A must-analysis: start from "all null" everywhere (the prologue zeroes
    // the slots before the start block) and intersect along the links.
    let n = g.blocks.len();
    let mut null_in = vec![all; n];
    let mut changed = true;
    while changed {
        changed = false;
        for b in 0..n {
            let out = step(&g.blocks[b].operations, null_in[b], None);
            for link in &g.blocks[b].exits {
                let t = link.target.0 as usize;
                let met = null_in[t] & out;
                if met != null_in[t] {
                    null_in[t] = met;
                    changed = true;
                }
            }
        }
    }
    for (b, &null) in null_in.iter().enumerate() {
        let mut clears = Vec::new();
        step(&g.blocks[b].operations, null, Some(&mut clears));
        if clears.is_empty() {
            continue;
        }
        let old = std::mem::take(&mut g.blocks[b].operations);
        let mut ops = Vec::with_capacity(old.len() + clears.len());
        let mut next = clears.into_iter().peekable();
        for (i, op) in old.into_iter().enumerate() {
            // Right before the call (after its own stores, to other slots).
            while let Some(&(at, k)) = next.peek() {
                if at != i {
                    break;
                }
                let r = g.new_var("");
                let store = Operation {
                    op: LlOp::GcStoreRoot,
                    args: vec![Operand::Const(LlConst::Int(k as i64)), Operand::Const(LlConst::Null)],
                    result: r,
                    span: op.span,
                };
                ops.push(store);
                next.next();
            }
            ops.push(op);
        }
        g.blocks[b].operations = ops;
    }
}

/// `v' = gc_load_root(slot)`: a fresh variable like `v` for its reloaded value.
fn load_root(g: &mut LlGraph, v: VarId, slot: u32, span: diag::Span) -> (VarId, Operation<lltype::Ll>) {
    let fresh = g.new_var(&g.var(v).name.clone());
    g.var_mut(fresh).ty = g.var(v).ty;
    let op = Operation { op: LlOp::GcLoadRoot, args: vec![Operand::Const(LlConst::Int(slot as i64))], result: fresh, span };
    (fresh, op)
}

/// An exception link leaving a block whose raising operation can collect:
/// when it passes rooted pointers, it goes through a new block that reloads
/// them from their slots and passes everything on.
fn reload_on_link(g: &mut LlGraph, mut link: Link<lltype::Ll>, reloads: &[(VarId, u32)], span: diag::Span) -> Link<lltype::Ll> {
    let rooted = |o: &LlOperand| matches!(o, Operand::Var(v) if reloads.iter().any(|(r, _)| r == v));
    if !link.args.iter().any(rooted) {
        return link;
    }
    let mut inputs = Vec::new();
    let mut passed = Vec::new();
    let mut ops = Vec::new();
    let mut args = Vec::new();
    for a in &link.args {
        match a {
            Operand::Var(v) if rooted(a) => {
                let s = reloads.iter().find(|(r, _)| r == v).map(|(_, s)| *s).unwrap_or(0);
                let (fresh, load) = load_root(g, *v, s, span);
                ops.push(load);
                args.push(Operand::Var(fresh));
            }
            Operand::Var(v) => {
                let fresh = g.new_var(&g.var(*v).name.clone());
                g.var_mut(fresh).ty = g.var(*v).ty;
                inputs.push(fresh);
                passed.push(a.clone());
                args.push(Operand::Var(fresh));
            }
            Operand::Const(_) => args.push(a.clone()),
        }
    }
    let mut block = Block::new(inputs);
    block.operations = ops;
    block.exits = vec![Link { target: link.target, args, exitcase: None, exc_vars: None }];
    let nb = g.add_block(block);
    link.target = nb;
    link.args = passed;
    link
}

/// Inserts the write barriers before stores of GC pointers.
fn insert_write_barriers(g: &mut LlGraph, collects: &[bool]) {
    for b in 0..g.blocks.len() {
        let block = &g.blocks[b];
        let needs = block.operations.iter().any(|op| {
            matches!(op.op, LlOp::SetField | LlOp::SetArrayItem)
                && matches!(op.args.last(), Some(Operand::Var(v)) if is_gc(g, *v))
        });
        if !needs {
            continue;
        }
        let old = std::mem::take(&mut g.blocks[b].operations);
        let mut ops = Vec::with_capacity(old.len() + 4);
        // Objects allocated in this block since the last operation that can
        // collect: young, so stores into them need no barrier.
        let mut young: Vec<VarId> = Vec::new();
        for op in old {
            let stores_ptr = matches!(op.op, LlOp::SetField | LlOp::SetArrayItem)
                && matches!(op.args.last(), Some(Operand::Var(v)) if g.var(*v).ty.is_gc_ptr());
            let into_young = matches!(op.args.first(), Some(Operand::Var(v)) if young.contains(v));
            if stores_ptr && !into_young {
                let (barrier, args) = match op.op {
                    LlOp::SetField => (LlOp::GcWriteBarrier, vec![op.args[0].clone()]),
                    _ => (LlOp::GcWriteBarrierArray, vec![op.args[0].clone(), op.args[1].clone()]),
                };
                let r = g.new_var("");
                ops.push(Operation { op: barrier, args, result: r, span: op.span });
            }
            if op_may_collect(&op, collects) {
                young.clear();
            }
            if matches!(op.op, LlOp::Malloc | LlOp::MallocVarsize) {
                young.push(op.result);
            }
            ops.push(op);
        }
        g.blocks[b].operations = ops;
    }
}


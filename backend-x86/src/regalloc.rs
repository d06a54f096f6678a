//! Register allocation: where each SSA variable of a function lives.
//!
//! # Design
//!
//! Every variable gets one home for its whole life: a register, a stack slot
//! (rbp-relative), or nothing (void values, unused results, compares fused
//! into their branch). Code generation reads operands from their homes into
//! scratch registers when an instruction needs them there and writes results
//! to the result's home, so there is no spilling or splitting to reason about.
//!
//! - Opt level 0: every variable has its own stack slot. Simple to debug.
//! - Opt level >= 1: a priority-based allocator over live ranges with
//!   holes. Blocks are numbered in layout order: block `b` has the positions
//!   `start(b)` (its input variables), `start(b) + i + 1` (operation `i`) and
//!   `end(b)` (its exit: the switch, then the moves of its links). Each
//!   position has three slots: operands are read, then a call clobbers the
//!   caller-saved registers, then the result is written. A variable's live
//!   range is a list of slot ranges from backward dataflow liveness.
//!   Instruction selection reads all operands of an operation before it
//!   writes the result, and link moves are parallel, so a range that ends
//!   where another starts may share its register.
//!
//!   The moves of a link write the target's input variables on the path from
//!   the predecessor's exit to the target only. On that path the values that
//!   must survive are exactly those live into the target, which overlap the
//!   input variables at the target's start anyway; so an input variable's
//!   range starts at its block, and the input variables of two successors of
//!   a block may share a register.
//!
//!   Variables are grouped into copy classes (connected by links or
//!   `same_as`), and taken class by class, heaviest first (uses and
//!   definitions, times 8 per enclosing loop). Each variable gets the first
//!   register none of whose ranges overlap its own, trying first the
//!   registers of the variables it is copied from or to (so those moves
//!   disappear), then a hint (the argument register of the call it feeds),
//!   then caller-saved registers, or callee-saved ones first if any member of
//!   its class lives across a call. Caller-saved registers hold a one-slot
//!   range at every call, so a variable live across a call never gets one. A
//!   variable that fits no register gets a stack slot, shared the same way.
//!
//!   Registers: the callee-saved rbx, r12-r15 (saved in the prologue when
//!   used) and the caller-saved rsi, rdi, r8-r10. rax, rcx, rdx and r11 are
//!   never allocated: they are the scratch registers of instruction selection
//!   (division needs rax/rdx, shifts need cl, r11 breaks move cycles).
//!
//! # Frame
//!
//! ```text
//! [rbp+16..]  stack arguments          [rbp+8] return address
//! [rbp]       saved rbp                [rbp-8..] saved callee-saved registers
//! below:      stack slots, the scratch slot, padding to keep rsp 16-aligned
//! ```

use flowmodel::{BlockId, ExitSwitch, Operand};
use lltype::{LlGraph, LlOp};

use crate::x86::{Reg, R10, R12, R13, R14, R15, R8, R9, RBX, RDI, RSI};

/// Where a variable lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Loc {
    /// No storage: a void value, an unused result, or a fused compare.
    None,
    Reg(Reg),
    /// A stack slot at this rbp displacement.
    Stack(i32),
}

/// The result of allocation for one function.
#[derive(Clone, Debug)]
pub struct Frame {
    /// Home of each variable, indexed by `VarId`.
    pub locs: Vec<Loc>,
    /// Callee-saved registers the prologue pushes, in push order.
    pub saved: Vec<Reg>,
    /// Bytes the prologue subtracts from rsp after the pushes.
    pub frame_size: u32,
    /// rbp displacement of a slot instruction selection may use freely.
    pub scratch: i32,
}

pub const CALLEE_SAVED: [Reg; 5] = [RBX, R12, R13, R14, R15];
/// Allocatable caller-saved registers (the argument registers rdx and rcx
/// are scratch registers instead).
pub const CALLER_SAVED: [Reg; 5] = [RSI, RDI, R8, R9, R10];

/// What allocation needs to know about a function besides its graph.
pub struct AllocInput<'a> {
    pub graph: &'a LlGraph,
    /// Blocks in layout order (the return and except blocks excluded).
    pub order: &'a [BlockId],
    /// Per variable: whether it needs a home at all.
    pub needs_loc: &'a [bool],
    /// Per variable: a register it would like (e.g. the argument register of
    /// the call that uses it).
    pub hints: &'a [Option<Reg>],
    pub needs_scratch: bool,
}

/// Operations that call out and so clobber the caller-saved registers.
pub fn is_call(op: LlOp) -> bool {
    matches!(op, LlOp::DirectCall | LlOp::IndirectCall | LlOp::Malloc | LlOp::MallocVarsize)
}

/// Opt level 0: a stack slot for every variable that needs a home.
pub fn allocate_slots(input: &AllocInput) -> Frame {
    let mut homes = vec![Home::None; input.needs_loc.len()];
    let mut nslots = 0;
    for (v, &needed) in input.needs_loc.iter().enumerate() {
        if needed {
            homes[v] = Home::Slot(nslots);
            nslots += 1;
        }
    }
    layout_frame(&homes, nslots, input.needs_scratch)
}

/// Opt level >= 1: registers by priority over live ranges (see the module doc).
pub fn allocate_registers(input: &AllocInput) -> Frame {
    let nvars = input.needs_loc.len();
    let ranges = LiveRanges::compute(input);

    // Caller-saved registers are clobbered at every call.
    let mut taken: Vec<Vec<(u32, u32)>> = vec![Vec::new(); 16];
    for r in CALLER_SAVED {
        taken[r.0 as usize] = ranges
            .calls
            .iter()
            .map(|&p| (clobber(p), clobber(p)))
            .collect();
    }
    // Copy classes: variables connected by links (or same_as). Allocating a
    // class together, in one register when possible, removes its moves; a
    // class that lives across a call anywhere prefers callee-saved registers.
    let class = copy_classes(&ranges.partners);
    let mut class_weight = vec![0u64; nvars];
    let mut class_crosses = vec![false; nvars];
    let mut order: Vec<usize> = (0..nvars)
        .filter(|&v| input.needs_loc[v] && !ranges.segments[v].is_empty())
        .collect();
    for &v in &order {
        class_weight[class[v]] += ranges.weight[v];
        if crosses_call(&ranges.segments[v], &ranges.calls) {
            class_crosses[class[v]] = true;
        }
    }
    order.sort_by_key(|&v| {
        (
            std::cmp::Reverse(class_weight[class[v]]),
            class[v],
            std::cmp::Reverse(ranges.weight[v]),
            ranges.segments[v][0].0,
            v,
        )
    });

    let mut homes = vec![Home::None; nvars];
    let mut slots: Vec<Vec<(u32, u32)>> = Vec::new();
    for v in order {
        let segs = &ranges.segments[v];
        // Preferences: the registers of link partners (so the link moves
        // vanish), the hint, then caller-saved registers (free to use) or,
        // for a class that crosses calls, callee-saved ones (those already
        // saved first).
        let mut candidates: Vec<Reg> = Vec::new();
        for p in &ranges.partners[v] {
            if let Home::Reg(r) = homes[p.0 as usize] {
                candidates.push(r);
            }
        }
        if let Some(h) = input.hints.get(v).copied().flatten() {
            candidates.push(h);
        }
        let (used, unused): (Vec<Reg>, Vec<Reg>) = CALLEE_SAVED
            .iter()
            .partition(|r| !taken[r.0 as usize].is_empty());
        if class_crosses[class[v]] {
            candidates.extend(used);
            candidates.extend(unused);
            candidates.extend(CALLER_SAVED);
        } else {
            candidates.extend(CALLER_SAVED);
            candidates.extend(used);
            candidates.extend(unused);
        }
        let reg = candidates.into_iter().find(|r| {
            (CALLER_SAVED.contains(r) || CALLEE_SAVED.contains(r))
                && !overlaps(&taken[r.0 as usize], segs)
        });
        match reg {
            Some(r) => {
                insert_segments(&mut taken[r.0 as usize], segs);
                homes[v] = Home::Reg(r);
            }
            None => {
                // A stack slot, shared with variables whose ranges are disjoint.
                let slot = match slots.iter().position(|s| !overlaps(s, segs)) {
                    Some(i) => i,
                    None => {
                        slots.push(Vec::new());
                        slots.len() - 1
                    }
                };
                insert_segments(&mut slots[slot], segs);
                homes[v] = Home::Slot(slot as u32);
            }
        }
    }
    layout_frame(&homes, slots.len() as u32, input.needs_scratch)
}

/// The representative of each variable's copy class (union-find over partners).
fn copy_classes(partners: &[Vec<flowmodel::VarId>]) -> Vec<usize> {
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    let mut parent: Vec<usize> = (0..partners.len()).collect();
    for (v, ps) in partners.iter().enumerate() {
        for p in ps {
            let (a, b) = (find(&mut parent, v), find(&mut parent, p.0 as usize));
            parent[a.max(b)] = a.min(b);
        }
    }
    (0..partners.len()).map(|v| find(&mut parent, v)).collect()
}

/// Whether a live range contains a call's clobber slot.
fn crosses_call(segs: &[(u32, u32)], calls: &[u32]) -> bool {
    segs.iter().any(|&(s, e)| {
        let i = calls.partition_point(|&p| clobber(p) < s);
        i < calls.len() && clobber(calls[i]) <= e
    })
}

/// Whether any of `segs` intersects the sorted, disjoint `taken` ranges.
fn overlaps(taken: &[(u32, u32)], segs: &[(u32, u32)]) -> bool {
    segs.iter().any(|&(s, e)| {
        let i = taken.partition_point(|&(_, te)| te < s);
        i < taken.len() && taken[i].0 <= e
    })
}

/// Adds disjoint ranges to a sorted list of disjoint ranges.
fn insert_segments(taken: &mut Vec<(u32, u32)>, segs: &[(u32, u32)]) {
    for &seg in segs {
        let i = taken.partition_point(|&t| t < seg);
        taken.insert(i, seg);
    }
}

// Each program position `p` has three slots: operands are read at `use_slot`,
// calls clobber at `clobber`, the result is written at `def_slot`.
fn use_slot(p: u32) -> u32 {
    4 * p
}
fn clobber(p: u32) -> u32 {
    4 * p + 1
}
fn def_slot(p: u32) -> u32 {
    4 * p + 2
}

/// Where each variable is live, how much it matters, and who it is copied from/to.
struct LiveRanges {
    /// Sorted, disjoint, inclusive slot ranges per variable.
    segments: Vec<Vec<(u32, u32)>>,
    /// Uses and definitions, weighted by 8^loop depth.
    weight: Vec<u64>,
    /// Variables linked to this one by a link (argument <-> input variable).
    partners: Vec<Vec<flowmodel::VarId>>,
    /// Positions of the calls.
    calls: Vec<u32>,
}

impl LiveRanges {
    fn compute(input: &AllocInput) -> LiveRanges {
        let g = input.graph;
        let nvars = input.needs_loc.len();
        let order = input.order;
        let (starts, ends) = block_positions(g, order);
        let live = Liveness::compute(g, order, nvars);
        let depth = loop_depths(g, order);
        let mut segments: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nvars];
        let mut weight = vec![0u64; nvars];
        let mut partners = vec![Vec::new(); nvars];
        let mut calls = Vec::new();
        let mut open = vec![(u32::MAX, 0u32); nvars];
        let in_order: Vec<bool> = {
            let mut m = vec![false; g.blocks.len()];
            for &b in order {
                m[b.0 as usize] = true;
            }
            m
        };

        for (k, &b) in order.iter().enumerate() {
            let block = g.block(b);
            let (s, e) = (starts[b.0 as usize], ends[b.0 as usize]);
            let w = 8u64.pow(depth[k].min(6));
            // Ranges opened in this block: (from, last slot seen) per variable.
            let mut opened: Vec<usize> = Vec::new();
            let mut touch = |v: usize, slot: u32, is_def: bool| {
                if v >= nvars {
                    return;
                }
                if open[v].0 == u32::MAX {
                    open[v] = (if is_def { slot } else { use_slot(s) }, slot);
                    opened.push(v);
                } else {
                    open[v].1 = open[v].1.max(slot);
                }
            };
            for &v in &live.live_in[k] {
                touch(v, use_slot(s), false);
            }
            for &v in &block.inputargs {
                touch(v.0 as usize, use_slot(s), true);
                weight[v.0 as usize] += w;
            }
            for (i, op) in block.operations.iter().enumerate() {
                let p = s + i as u32 + 1;
                for a in &op.args {
                    if let Operand::Var(v) = a {
                        touch(v.0 as usize, use_slot(p), false);
                        weight[v.0 as usize] += w;
                    }
                }
                touch(op.result.0 as usize, def_slot(p), true);
                weight[op.result.0 as usize] += w;
                if is_call(op.op) {
                    calls.push(p);
                }
                if matches!(
                    op.op,
                    LlOp::SameAs | LlOp::CastPointer | LlOp::CastBoolToInt | LlOp::CastCharToInt
                ) {
                    if let Some(Operand::Var(a)) = op.args.first() {
                        if (a.0 as usize) < nvars && (op.result.0 as usize) < nvars {
                            partners[a.0 as usize].push(op.result);
                            partners[op.result.0 as usize].push(*a);
                        }
                    }
                }
            }
            if let ExitSwitch::Value(Operand::Var(v)) = &block.exitswitch {
                touch(v.0 as usize, use_slot(e), false);
                weight[v.0 as usize] += w;
            }
            for link in &block.exits {
                let target = g.block(link.target);
                let to_block = in_order[link.target.0 as usize];
                for (a, x) in link.args.iter().zip(&target.inputargs) {
                    if let Operand::Var(v) = a {
                        touch(v.0 as usize, use_slot(e), false);
                        weight[v.0 as usize] += w;
                        if to_block && (v.0 as usize) < nvars && (x.0 as usize) < nvars {
                            partners[v.0 as usize].push(*x);
                            partners[x.0 as usize].push(*v);
                        }
                    }
                }
            }
            for &v in &live.live_out[k] {
                touch(v, def_slot(e), false);
            }
            for v in opened {
                segments[v].push(open[v]);
                open[v] = (u32::MAX, 0);
            }
        }
        for segs in &mut segments {
            segs.sort_unstable();
            let mut merged: Vec<(u32, u32)> = Vec::with_capacity(segs.len());
            for &(s, e) in segs.iter() {
                match merged.last_mut() {
                    Some(last) if s <= last.1 + 1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            *segs = merged;
        }
        LiveRanges {
            segments,
            weight,
            partners,
            calls,
        }
    }
}

/// Loop nesting depth of each block of the order: the number of natural
/// loops (found from the back edges of a depth-first search) containing it.
fn loop_depths(g: &LlGraph, order: &[BlockId]) -> Vec<u32> {
    let n = order.len();
    let mut index = vec![usize::MAX; g.blocks.len()];
    for (k, &b) in order.iter().enumerate() {
        index[b.0 as usize] = k;
    }
    let succs: Vec<Vec<usize>> = order
        .iter()
        .map(|&b| {
            g.block(b)
                .exits
                .iter()
                .map(|l| index[l.target.0 as usize])
                .filter(|&k| k != usize::MAX)
                .collect()
        })
        .collect();
    let mut preds = vec![Vec::new(); n];
    for (k, ss) in succs.iter().enumerate() {
        for &t in ss {
            preds[t].push(k);
        }
    }
    // Iterative DFS: state 1 = on the stack, 2 = done.
    let mut state = vec![0u8; n];
    let mut back_edges = Vec::new();
    if n > 0 {
        let mut stack = vec![(0usize, 0usize)];
        state[0] = 1;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if *next < succs[node].len() {
                let t = succs[node][*next];
                *next += 1;
                match state[t] {
                    0 => {
                        state[t] = 1;
                        stack.push((t, 0));
                    }
                    1 => back_edges.push((node, t)),
                    _ => {}
                }
            } else {
                state[node] = 2;
                stack.pop();
            }
        }
    }
    let mut depth = vec![0u32; n];
    for (tail, head) in back_edges {
        // The loop: the head plus every block reaching the tail without the head.
        let mut in_loop = vec![false; n];
        in_loop[head] = true;
        let mut work = vec![tail];
        while let Some(b) = work.pop() {
            if !in_loop[b] {
                in_loop[b] = true;
                work.extend(preds[b].iter().copied());
            }
        }
        for (d, inside) in depth.iter_mut().zip(in_loop) {
            *d += inside as u32;
        }
    }
    depth
}

#[derive(Clone, Copy, Debug)]
enum Home {
    None,
    Reg(Reg),
    Slot(u32),
}

/// Turns homes into locations once the saved registers are known.
fn layout_frame(homes: &[Home], nslots: u32, needs_scratch: bool) -> Frame {
    let saved: Vec<Reg> = CALLEE_SAVED
        .iter()
        .copied()
        .filter(|r| homes.iter().any(|h| matches!(h, Home::Reg(x) if x == r)))
        .collect();
    let below_rbp = 8 * saved.len() as i32;
    let slot_disp = |i: u32| -(below_rbp + 8 * (i as i32 + 1));
    let locs = homes
        .iter()
        .map(|h| match *h {
            Home::None => Loc::None,
            Home::Reg(r) => Loc::Reg(r),
            Home::Slot(i) => Loc::Stack(slot_disp(i)),
        })
        .collect();
    let used_slots = nslots + needs_scratch as u32;
    let mut frame_size = 8 * used_slots;
    // rsp is 16-aligned after `push rbp`; keep it so after the other pushes.
    if !(below_rbp as u32 + frame_size).is_multiple_of(16) {
        frame_size += 8;
    }
    Frame {
        locs,
        saved,
        frame_size,
        scratch: slot_disp(nslots),
    }
}

/// First and last position of each block (indexed by block id; blocks not in
/// the order get 0).
fn block_positions(g: &LlGraph, order: &[BlockId]) -> (Vec<u32>, Vec<u32>) {
    let mut starts = vec![0; g.blocks.len()];
    let mut ends = vec![0; g.blocks.len()];
    let mut pos = 0u32;
    for &b in order {
        let n = g.block(b).operations.len() as u32;
        starts[b.0 as usize] = pos;
        ends[b.0 as usize] = pos + n + 1;
        pos = ends[b.0 as usize] + 1;
    }
    (starts, ends)
}

/// A fixed-size set of small indexes.
#[derive(Clone, PartialEq)]
struct BitSet(Vec<u64>);

impl BitSet {
    fn new(n: usize) -> BitSet {
        BitSet(vec![0; n.div_ceil(64)])
    }
    fn insert(&mut self, i: usize) {
        if let Some(w) = self.0.get_mut(i / 64) {
            *w |= 1 << (i % 64);
        }
    }
    fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().enumerate().flat_map(|(k, &w)| {
            (0..64)
                .filter(move |b| w & (1 << b) != 0)
                .map(move |b| k * 64 + b)
        })
    }
}

/// Variables live on entry to and exit from each block of the order (by
/// position in the order). Only variables used outside the block defining
/// them take part: in RPython graphs values travel along links, so there are
/// few or none, and the sets stay small.
struct Liveness {
    live_in: Vec<Vec<usize>>,
    live_out: Vec<Vec<usize>>,
}

impl Liveness {
    fn compute(g: &LlGraph, order: &[BlockId], nvars: usize) -> Liveness {
        let n = order.len();
        let mut index = vec![usize::MAX; g.blocks.len()];
        for (k, &b) in order.iter().enumerate() {
            index[b.0 as usize] = k;
        }
        let mut def_block = vec![usize::MAX; nvars];
        let mut define = |v: flowmodel::VarId, k: usize| {
            if let Some(d) = def_block.get_mut(v.0 as usize) {
                *d = k;
            }
        };
        for (k, &b) in order.iter().enumerate() {
            let block = g.block(b);
            block.inputargs.iter().for_each(|&v| define(v, k));
            block.operations.iter().for_each(|op| define(op.result, k));
            for link in &block.exits {
                if let Some((t, v)) = link.exc_vars {
                    define(t, k);
                    define(v, k);
                }
            }
        }
        // Uses in a block other than the defining one.
        let mut dense = vec![usize::MAX; nvars];
        let mut globals: Vec<usize> = Vec::new();
        let mut gen_lists: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (k, &b) in order.iter().enumerate() {
            let block = g.block(b);
            let mut uses: Vec<flowmodel::VarId> = Vec::new();
            for op in &block.operations {
                uses.extend(op.args.iter().filter_map(Operand::as_var));
            }
            if let ExitSwitch::Value(Operand::Var(v)) = &block.exitswitch {
                uses.push(*v);
            }
            for link in &block.exits {
                uses.extend(link.args.iter().filter_map(Operand::as_var));
            }
            for v in uses {
                let v = v.0 as usize;
                if v < nvars && def_block[v] != k {
                    if dense[v] == usize::MAX {
                        dense[v] = globals.len();
                        globals.push(v);
                    }
                    gen_lists[k].push(dense[v]);
                }
            }
        }
        if globals.is_empty() {
            return Liveness {
                live_in: vec![Vec::new(); n],
                live_out: vec![Vec::new(); n],
            };
        }
        let m = globals.len();
        let succs: Vec<Vec<usize>> = order
            .iter()
            .map(|&b| {
                g.block(b)
                    .exits
                    .iter()
                    .map(|l| index[l.target.0 as usize])
                    .filter(|&k| k != usize::MAX)
                    .collect()
            })
            .collect();
        let mut gen = vec![BitSet::new(m); n];
        let mut defs = vec![BitSet::new(m); n];
        for k in 0..n {
            gen_lists[k].iter().for_each(|&d| gen[k].insert(d));
        }
        for (d, &v) in globals.iter().enumerate() {
            if def_block[v] != usize::MAX {
                defs[def_block[v]].insert(d);
            }
        }
        let mut live_in: Vec<BitSet> = gen.clone();
        let mut live_out = vec![BitSet::new(m); n];
        let mut changed = true;
        while changed {
            changed = false;
            for k in (0..n).rev() {
                let mut out = BitSet::new(m);
                for &s in &succs[k] {
                    for (w, x) in out.0.iter_mut().zip(&live_in[s].0) {
                        *w |= x;
                    }
                }
                let mut inn = gen[k].clone();
                for ((w, o), d) in inn.0.iter_mut().zip(&out.0).zip(&defs[k].0) {
                    *w |= o & !d;
                }
                if inn != live_in[k] || out != live_out[k] {
                    live_in[k] = inn;
                    live_out[k] = out;
                    changed = true;
                }
            }
        }
        let to_vars = |sets: Vec<BitSet>| {
            sets.iter()
                .map(|s| s.iter().map(|d| globals[d]).collect())
                .collect()
        };
        Liveness {
            live_in: to_vars(live_in),
            live_out: to_vars(live_out),
        }
    }
}

//! Low-level graph optimizations.
//!
//! Entry point: [`optimize`]. At `--opt=1` and above it folds pure operations
//! on constants and algebraic identities (`x + 0`, `x * 1`, ...), forwards
//! `same_as` copies, turns block inputs that every incoming link sets to the
//! same constant into that constant, and removes pure operations whose result
//! is never used; each function is handled on its own. At `--opt=2` small
//! functions are first inlined into their callers (see `inline`), and goto
//! chains left behind are merged. Malloc removal comes later.
//!
//! Invariant: the program's observable behaviour is unchanged; only pure
//! operations (per the `LlOp` table) are folded or removed.

mod inline;

use std::collections::HashMap;

use flowmodel::{ExitSwitch, Operand, VarId};
use lltype::{LlConst, LlGraph, LlOp, LlProgram};

/// Optimizes the program in place for `opt_level` (0 does nothing).
pub fn optimize(program: &mut LlProgram, opt_level: u8) {
    if opt_level == 0 {
        return;
    }
    if opt_level >= 2 {
        inline::inline_calls(program);
        for graph in &mut program.functions {
            flowmodel::merge_goto_chains(graph, &|_| false);
            flowmodel::drop_unreachable_blocks(graph);
        }
    }
    for graph in &mut program.functions {
        fold_constants(graph);
        remove_dead_operations(graph);
    }
}

/// The value of a pure integer operation on constant arguments, if it is
/// defined (no division by zero, shift counts within the word).
fn fold(op: LlOp, args: &[i64]) -> Option<i64> {
    let b = |x: bool| x as i64;
    Some(match (op, args) {
        (LlOp::IntAdd, [x, y]) => x.wrapping_add(*y),
        (LlOp::IntSub, [x, y]) => x.wrapping_sub(*y),
        (LlOp::IntMul, [x, y]) => x.wrapping_mul(*y),
        (LlOp::IntFloorDiv, [x, y]) if *y != 0 => {
            let q = x.wrapping_div(*y);
            if (x % y != 0) && ((*x < 0) != (*y < 0)) { q - 1 } else { q }
        }
        (LlOp::IntMod, [x, y]) if *y != 0 => {
            let r = x.wrapping_rem(*y);
            if r != 0 && ((r < 0) != (*y < 0)) { r + y } else { r }
        }
        (LlOp::IntLShift, [x, y]) if (0..64).contains(y) => x.wrapping_shl(*y as u32),
        (LlOp::IntRShift, [x, y]) if (0..64).contains(y) => x >> y,
        (LlOp::IntAnd, [x, y]) => x & y,
        (LlOp::IntOr, [x, y]) => x | y,
        (LlOp::IntXor, [x, y]) => x ^ y,
        (LlOp::IntNeg, [x]) => x.wrapping_neg(),
        (LlOp::IntInvert, [x]) => !x,
        (LlOp::IntIsTrue, [x]) => b(*x != 0),
        (LlOp::IntLt, [x, y]) => b(x < y),
        (LlOp::IntLe, [x, y]) => b(x <= y),
        (LlOp::IntEq, [x, y]) => b(x == y),
        (LlOp::IntNe, [x, y]) => b(x != y),
        (LlOp::IntGt, [x, y]) => b(x > y),
        (LlOp::IntGe, [x, y]) => b(x >= y),
        (LlOp::BoolNot, [x]) => b(*x == 0),
        (LlOp::CastBoolToInt | LlOp::CastCharToInt, [x]) => *x,
        _ => return None,
    })
}

/// The operand an integer operation returns unchanged (`x + 0`, `0 + x`,
/// `x * 1`, `x - 0`, `x | 0`, `x ^ 0`, shifts by 0, `x // 1`), if any.
fn identity(op: LlOp, args: &[Operand<lltype::Ll>]) -> Option<Operand<lltype::Ll>> {
    let is = |o: &Operand<lltype::Ll>, v: i64| matches!(o, Operand::Const(LlConst::Int(i)) if *i == v);
    match (op, args) {
        (LlOp::IntAdd | LlOp::IntOr | LlOp::IntXor, [x, y]) if is(y, 0) => Some(x.clone()),
        (LlOp::IntAdd | LlOp::IntOr | LlOp::IntXor, [x, y]) if is(x, 0) => Some(y.clone()),
        (LlOp::IntSub | LlOp::IntLShift | LlOp::IntRShift, [x, y]) if is(y, 0) => Some(x.clone()),
        (LlOp::IntMul | LlOp::IntFloorDiv, [x, y]) if is(y, 1) => Some(x.clone()),
        (LlOp::IntMul, [x, y]) if is(x, 1) => Some(y.clone()),
        _ => None,
    }
}

/// Block input variables that every incoming link sets to the same constant.
fn constant_inputs(graph: &LlGraph) -> HashMap<VarId, Operand<lltype::Ll>> {
    let mut incoming: HashMap<usize, Vec<&flowmodel::Link<lltype::Ll>>> = HashMap::new();
    for block in &graph.blocks {
        for link in &block.exits {
            incoming.entry(link.target.0 as usize).or_default().push(link);
        }
    }
    let mut found = HashMap::new();
    for (b, links) in incoming {
        // The start block also receives the function's arguments.
        // The except block's two inputs are fixed by the backend contract.
        if b == graph.startblock.0 as usize || b == graph.returnblock.0 as usize || b == graph.exceptblock.0 as usize {
            continue;
        }
        for (i, &var) in graph.blocks[b].inputargs.iter().enumerate() {
            let first = links[0].args.get(i);
            // (A null stays a variable: the backend needs a typed pointer
            // for field accesses, even in code that never runs.)
            if let Some(c @ Operand::Const(c_val)) = first {
                if *c_val == LlConst::Null {
                    continue;
                }
                if links.iter().all(|l| l.args.get(i) == Some(c)) {
                    found.insert(var, c.clone());
                }
            }
        }
    }
    found
}

/// Replaces the results of foldable operations (and `same_as` copies) by
/// their values everywhere in the graph, repeating until nothing changes.
fn fold_constants(graph: &mut LlGraph) {
    loop {
        let mut known = constant_inputs(graph);
        for block in &graph.blocks {
            for op in &block.operations {
                if op.op == LlOp::SameAs {
                    known.insert(op.result, op.args[0].clone());
                    continue;
                }
                if !op.op.flags().pure {
                    continue;
                }
                let ints: Option<Vec<i64>> = op
                    .args
                    .iter()
                    .map(|a| match a {
                        Operand::Const(LlConst::Int(i)) => Some(*i),
                        _ => None,
                    })
                    .collect();
                if let Some(value) = ints.and_then(|ints| fold(op.op, &ints)) {
                    known.insert(op.result, Operand::Const(LlConst::Int(value)));
                } else if let Some(same) = identity(op.op, &op.args) {
                    known.insert(op.result, same);
                }
            }
        }
        if known.is_empty() {
            return;
        }
        // Resolve chains (a copy of a folded value) before substituting.
        let resolve = |mut o: Operand<lltype::Ll>| {
            for _ in 0..known.len() + 1 {
                match &o {
                    Operand::Var(v) if known.contains_key(v) => o = known[v].clone(),
                    _ => break,
                }
            }
            o
        };
        let mut changed = false;
        for block in &mut graph.blocks {
            block.operations.retain(|op| !known.contains_key(&op.result));
            for op in &mut block.operations {
                for a in &mut op.args {
                    let new = resolve(a.clone());
                    if new != *a {
                        *a = new;
                        changed = true;
                    }
                }
            }
            if let ExitSwitch::Value(v) = &mut block.exitswitch {
                *v = resolve(v.clone());
            }
            for link in &mut block.exits {
                for a in &mut link.args {
                    *a = resolve(a.clone());
                }
            }
        }
        // Block inputs that became constants are no longer passed.
        let dropped: Vec<Vec<usize>> = graph
            .blocks
            .iter()
            .map(|b| (0..b.inputargs.len()).filter(|&i| known.contains_key(&b.inputargs[i])).collect())
            .collect();
        for (b, drop) in dropped.iter().enumerate() {
            if !drop.is_empty() {
                let block = &mut graph.blocks[b];
                block.inputargs = (0..block.inputargs.len()).filter(|i| !drop.contains(i)).map(|i| block.inputargs[i]).collect();
                changed = true;
            }
        }
        for block in &mut graph.blocks {
            for link in &mut block.exits {
                let drop = &dropped[link.target.0 as usize];
                if !drop.is_empty() {
                    link.args = (0..link.args.len()).filter(|i| !drop.contains(i)).map(|i| link.args[i].clone()).collect();
                }
            }
        }
        // A switch on a constant keeps only the link it selects.
        for block in &mut graph.blocks {
            if let ExitSwitch::Value(Operand::Const(LlConst::Int(v))) = block.exitswitch {
                let chosen = block
                    .exits
                    .iter()
                    .position(|l| l.exitcase == Some(LlConst::Int(v)))
                    .or_else(|| block.exits.iter().position(|l| l.exitcase.is_none()));
                if let Some(i) = chosen {
                    let mut link = block.exits.swap_remove(i);
                    link.exitcase = None;
                    block.exits = vec![link];
                    block.exitswitch = ExitSwitch::None;
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// Removes pure operations whose results nothing uses.
fn remove_dead_operations(graph: &mut LlGraph) {
    loop {
        let mut used = vec![false; graph.vars.len()];
        let mut mark = |o: &Operand<lltype::Ll>| {
            if let Operand::Var(v) = o {
                used[v.0 as usize] = true;
            }
        };
        for block in &graph.blocks {
            block.operations.iter().flat_map(|op| op.args.iter()).for_each(&mut mark);
            if let ExitSwitch::Value(v) = &block.exitswitch {
                mark(v);
            }
            block.exits.iter().flat_map(|l| l.args.iter()).for_each(&mut mark);
        }
        let mut removed = false;
        for block in &mut graph.blocks {
            let before = block.operations.len();
            block.operations.retain(|op| !(op.op.flags().pure && !used[op.result.0 as usize]));
            removed |= block.operations.len() != before;
        }
        if !removed {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use diag::Span;
    use flowmodel::{Link, Operation};
    use lltype::{LlType, TypeTable};

    fn op(op: LlOp, args: Vec<Operand<lltype::Ll>>, result: VarId) -> Operation<lltype::Ll> {
        Operation { op, args, result, span: Span::default() }
    }

    #[test]
    fn folds_python_floor_division() {
        assert_eq!(fold(LlOp::IntFloorDiv, &[-7, 2]), Some(-4));
        assert_eq!(fold(LlOp::IntMod, &[-7, 2]), Some(1));
        assert_eq!(fold(LlOp::IntMod, &[7, -2]), Some(-1));
        assert_eq!(fold(LlOp::IntFloorDiv, &[1, 0]), None);
        assert_eq!(fold(LlOp::IntLShift, &[1, 64]), None);
    }

    #[test]
    fn folds_and_removes_dead_code() {
        // f(x): a = 2 * 3; b = a + x; c = x * 5 (unused); return b
        let mut g: LlGraph = LlGraph::new("f", Span::default(), &["x"]);
        let x = g.block(g.startblock).inputargs[0];
        let (a, b, c) = (g.new_var(""), g.new_var(""), g.new_var(""));
        for v in [x, a, b, c] {
            g.var_mut(v).ty = LlType::Signed;
        }
        let int = |i| Operand::Const(LlConst::Int(i));
        let ret = g.returnblock;
        let start = g.startblock;
        let blk = g.block_mut(start);
        blk.operations.push(op(LlOp::IntMul, vec![int(2), int(3)], a));
        blk.operations.push(op(LlOp::IntAdd, vec![Operand::Var(a), Operand::Var(x)], b));
        blk.operations.push(op(LlOp::IntMul, vec![Operand::Var(x), int(5)], c));
        blk.exits.push(Link { target: ret, args: vec![Operand::Var(b)], exitcase: None, exc_vars: None });
        let mut program = LlProgram {
            types: TypeTable::new(),
            functions: vec![g],
            prebuilt: vec![],
            entry: lltype::FuncId(0),
            sources: vec![],
            exported: vec![],
        };
        optimize(&mut program, 2);
        let ops = &program.functions[0].block(start).operations;
        assert_eq!(ops.len(), 1);
        assert_eq!(ops[0].op, LlOp::IntAdd);
        assert_eq!(ops[0].args[0], int(6));
    }
}

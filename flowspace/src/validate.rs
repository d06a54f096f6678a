//! A structural check of flow graphs: SSA and link shapes. Cheap enough to
//! run on every graph in tests; later stages may run it in debug builds.

use flowmodel::{BlockId, ExitSwitch, Operand, VarId};
use hostobj::Value;

use crate::FlowGraph;

/// Checks that `g` is well formed:
/// - every variable is defined once (inputarg, operation result, or a link's
///   `exc_vars`), and used only in the block that defines it (a link may use
///   its own `exc_vars`);
/// - every link targets an existing block with as many arguments as the
///   target has inputargs; the start block has no incoming links;
/// - exit switches have the documented shapes (one goto; a bool switch with
///   False then True; `LastException` after an operation, normal exit first,
///   exception exits with a class and `exc_vars`);
/// - operations have their table arity; the return and except blocks have
///   one and two inputargs, no operations and no exits.
pub fn check_flow_graph(g: &FlowGraph) -> Result<(), String> {
    let nblocks = g.blocks.len();
    let in_range = |b: BlockId| (b.0 as usize) < nblocks;
    for (what, b) in [("start", g.startblock), ("return", g.returnblock), ("except", g.exceptblock)] {
        if !in_range(b) {
            return Err(format!("{} block{} does not exist", what, b.0));
        }
    }
    let mut defined = vec![false; g.vars.len()];
    let mut define = |v: VarId, where_: &str| -> Result<(), String> {
        match defined.get_mut(v.0 as usize) {
            None => Err(format!("v{} ({}) is not in the variable table", v.0, where_)),
            Some(true) => Err(format!("v{} is defined twice (again in {})", v.0, where_)),
            Some(d) => {
                *d = true;
                Ok(())
            }
        }
    };

    // Reachable blocks, checking targets before following them.
    let mut seen = vec![false; nblocks];
    let mut todo = vec![g.startblock, g.returnblock, g.exceptblock];
    let mut order = Vec::new();
    while let Some(b) = todo.pop() {
        if std::mem::replace(&mut seen[b.0 as usize], true) {
            continue;
        }
        order.push(b);
        for (i, l) in g.block(b).exits.iter().enumerate() {
            if !in_range(l.target) {
                return Err(format!("block{} exit {} targets missing block{}", b.0, i, l.target.0));
            }
            if l.target == g.startblock {
                return Err(format!("block{} links to the start block", b.0));
            }
            todo.push(l.target);
        }
    }

    for b in order {
        let block = g.block(b);
        let name = format!("block{}", b.0);
        let mut local: Vec<VarId> = Vec::new();
        for &v in &block.inputargs {
            define(v, &name)?;
            local.push(v);
        }
        let uses_ok = |o: &Operand<crate::Flow>, local: &[VarId]| match o {
            Operand::Var(v) => local.contains(v),
            Operand::Const(_) => true,
        };
        for (i, op) in block.operations.iter().enumerate() {
            if let Some(n) = op.op.arity() {
                if op.args.len() != n {
                    return Err(format!("{} op {} ({}) has {} args, wants {}", name, i, op.op, op.args.len(), n));
                }
            }
            for a in &op.args {
                if !uses_ok(a, &local) {
                    return Err(format!("{} op {} ({}) uses {:?} not defined in the block", name, i, op.op, a));
                }
            }
            define(op.result, &name)?;
            local.push(op.result);
        }

        let is_final = b == g.returnblock || b == g.exceptblock;
        if is_final {
            let want = if b == g.returnblock { 1 } else { 2 };
            if block.inputargs.len() != want || !block.operations.is_empty() || !block.exits.is_empty() {
                return Err(format!("{} is a final block but has the wrong shape", name));
            }
            continue;
        }
        if block.exits.is_empty() {
            return Err(format!("{} has no exits", name));
        }
        match &block.exitswitch {
            ExitSwitch::None => {
                if block.exits.len() != 1 || block.exits[0].exitcase.is_some() || block.exits[0].exc_vars.is_some() {
                    return Err(format!("{} has no switch but not exactly one plain exit", name));
                }
            }
            ExitSwitch::Value(v) => {
                if !uses_ok(v, &local) {
                    return Err(format!("{} switches on {:?}, not defined in the block", name, v));
                }
                let cases: Vec<_> = block.exits.iter().map(|l| l.exitcase.clone()).collect();
                if cases != [Some(Value::Bool(false)), Some(Value::Bool(true))] {
                    return Err(format!("{} bool switch exits are not False, True", name));
                }
                if block.exits.iter().any(|l| l.exc_vars.is_some()) {
                    return Err(format!("{} bool switch exit has exc_vars", name));
                }
            }
            ExitSwitch::LastException => {
                if block.operations.is_empty() {
                    return Err(format!("{} catches exceptions but has no operation", name));
                }
                let first = &block.exits[0];
                if first.exitcase.is_some() || first.exc_vars.is_some() {
                    return Err(format!("{} first exit is not the normal one", name));
                }
                if block.exits[1..].iter().any(|l| l.exitcase.is_none() || l.exc_vars.is_none()) {
                    return Err(format!("{} exception exit without class or exc_vars", name));
                }
            }
        }
        let last_result = block.operations.last().map(|op| op.result);
        for (i, l) in block.exits.iter().enumerate() {
            let target = g.block(l.target);
            if l.args.len() != target.inputargs.len() {
                return Err(format!(
                    "{} exit {} passes {} args to block{} which takes {}",
                    name,
                    i,
                    l.args.len(),
                    l.target.0,
                    target.inputargs.len()
                ));
            }
            let mut avail = local.clone();
            if let Some((t, v)) = l.exc_vars {
                define(t, &name)?;
                define(v, &name)?;
                avail.push(t);
                avail.push(v);
                // The raising operation produced no result on this path.
                if let Some(r) = last_result {
                    avail.retain(|&x| x != r);
                }
            }
            for a in &l.args {
                if !uses_ok(a, &avail) {
                    return Err(format!("{} exit {} passes {:?}, not available there", name, i, a));
                }
            }
        }
    }
    Ok(())
}

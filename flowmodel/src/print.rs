//! The text form of graphs.
//!
//! ```text
//! graph mod.f(v0 x, v1 y) at mod.py:3
//! block0(v0, v1):
//!     v2 = add(v0, v1)            # line 4
//!     v3 = lt(v2, 10)
//!     switch v3: False -> block1(v2), True -> block2(v2)
//! ```

use std::fmt::{self, Write};

use crate::{ExitSwitch, Graph, Kind, Operand};

struct ConstText<'a, K: Kind>(&'a K::Const);

impl<K: Kind> fmt::Display for ConstText<'_, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        K::fmt_const(self.0, f)
    }
}

pub(crate) fn dump_graph<K: Kind>(g: &Graph<K>) -> String {
    dump_graph_with(g, &|c| ConstText::<K>(c).to_string())
}

/// Dumps a graph, printing constants with `const_text`.
pub fn dump_graph_with<K: Kind>(g: &Graph<K>, const_text: &dyn Fn(&K::Const) -> String) -> String {
    let var = |v: crate::VarId| {
        let info = g.var(v);
        match K::fmt_type(&info.ty) {
            Some(t) => format!("v{}:{}", v.0, t),
            None => format!("v{}", v.0),
        }
    };
    let operand = |o: &Operand<K>| match o {
        Operand::Var(v) => format!("v{}", v.0),
        Operand::Const(c) => const_text(c),
    };
    let mut out = String::new();
    let start = g.block(g.startblock);
    let params: Vec<String> = start
        .inputargs
        .iter()
        .map(|&v| {
            let n = &g.var(v).name;
            if n.is_empty() { var(v) } else { format!("{} {}", var(v), n) }
        })
        .collect();
    let _ = writeln!(out, "graph {}({}) at line {}", g.name, params.join(", "), g.span.line);
    let mut order = g.reachable_blocks();
    for special in [g.returnblock, g.exceptblock] {
        if !order.contains(&special) {
            order.push(special);
        }
    }
    for b in order {
        let block = g.block(b);
        let inputs: Vec<String> = block.inputargs.iter().map(|&v| var(v)).collect();
        let label = if b == g.returnblock {
            " (return)"
        } else if b == g.exceptblock {
            " (except)"
        } else {
            ""
        };
        let _ = writeln!(out, "block{}({}){}:", b.0, inputs.join(", "), label);
        let mut line = 0;
        for op in &block.operations {
            let args: Vec<String> = op.args.iter().map(operand).collect();
            let text = format!("    {} = {}({})", var(op.result), op.op, args.join(", "));
            if op.span.line != line {
                line = op.span.line;
                let _ = writeln!(out, "{:<40}  # line {}", text, line);
            } else {
                let _ = writeln!(out, "{}", text);
            }
        }
        let link_text = |l: &crate::Link<K>| {
            let args: Vec<String> = l.args.iter().map(operand).collect();
            let mut s = format!("block{}({})", l.target.0, args.join(", "));
            if let Some((t, v)) = l.exc_vars {
                s = format!("[v{}, v{}] {}", t.0, v.0, s);
            }
            s
        };
        let case_text = |l: &crate::Link<K>| match &l.exitcase {
            Some(c) => const_text(c),
            None => "default".to_string(),
        };
        match &block.exitswitch {
            ExitSwitch::None => {
                if let Some(l) = block.exits.first() {
                    let _ = writeln!(out, "    goto {}", link_text(l));
                }
            }
            ExitSwitch::Value(v) => {
                let cases: Vec<String> =
                    block.exits.iter().map(|l| format!("{} -> {}", case_text(l), link_text(l))).collect();
                let _ = writeln!(out, "    switch {}: {}", operand(v), cases.join(", "));
            }
            ExitSwitch::LastException => {
                let cases: Vec<String> = block
                    .exits
                    .iter()
                    .map(|l| match &l.exitcase {
                        None => format!("ok -> {}", link_text(l)),
                        Some(c) => format!("{} -> {}", const_text(c), link_text(l)),
                    })
                    .collect();
                let _ = writeln!(out, "    catch: {}", cases.join(", "));
            }
        }
    }
    out
}

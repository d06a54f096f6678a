//! The flow graph model shared by every stage from flowspace to the backend.
//!
//! A `Graph` is a set of basic blocks in SSA form, stored in arenas and linked
//! by indexes (`BlockId`, `VarId`). Each block has input variables; a `Link`
//! passes values to the input variables of its target block. A block ends in
//! an exit switch: no switch (one exit), a value (exits chosen by
//! `exitcase`), or the last exception (exits are exception handlers).
//!
//! Every graph has a distinguished return block (one input variable, no
//! operations, no exits) and except block (two input variables: exception
//! type and value).
//!
//! The same structure serves the high-level flow graphs of `flowspace`
//! (operations are `HlOp`, constants host values) and the low-level graphs of
//! `lltype` (low-level operations, typed variables): the `Kind` parameter says
//! which.

mod print;

pub use print::dump_graph_with;

use diag::Span;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct VarId(pub u32);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct BlockId(pub u32);

/// What a graph's operations, constants and variable types are.
pub trait Kind: Clone + fmt::Debug {
    type Op: Clone + fmt::Debug + fmt::Display + PartialEq;
    type Const: Clone + fmt::Debug + PartialEq;
    /// `()` for flow graphs; the low-level type for low-level graphs.
    type VarType: Clone + fmt::Debug + Default + PartialEq;
    /// Text of a constant in dumps.
    fn fmt_const(c: &Self::Const, f: &mut fmt::Formatter<'_>) -> fmt::Result;
    /// Text of a variable type in dumps; `None` prints nothing.
    fn fmt_type(_t: &Self::VarType) -> Option<String> {
        None
    }
}

/// An argument of an operation or link: a variable or a constant.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand<K: Kind> {
    Var(VarId),
    Const(K::Const),
}

impl<K: Kind> Operand<K> {
    pub fn as_var(&self) -> Option<VarId> {
        match self {
            Operand::Var(v) => Some(*v),
            Operand::Const(_) => None,
        }
    }
    pub fn as_const(&self) -> Option<&K::Const> {
        match self {
            Operand::Const(c) => Some(c),
            Operand::Var(_) => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Operation<K: Kind> {
    pub op: K::Op,
    pub args: Vec<Operand<K>>,
    pub result: VarId,
    /// Where in the source the operation comes from (for errors and debug info).
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum ExitSwitch<K: Kind> {
    /// Exactly one exit, taken unconditionally.
    None,
    /// Exits are chosen by comparing this value to each link's `exitcase`;
    /// a link with `exitcase == None` is the default.
    Value(Operand<K>),
    /// The block's last operation may raise: the first exit (exitcase None) is
    /// the normal path, the others catch the exception class in their
    /// `exitcase` (a class constant), in order.
    LastException,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Link<K: Kind> {
    pub target: BlockId,
    pub args: Vec<Operand<K>>,
    pub exitcase: Option<K::Const>,
    /// On an exception link: fresh variables bound to the caught exception's
    /// type and value, which may appear in `args`.
    pub exc_vars: Option<(VarId, VarId)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Block<K: Kind> {
    pub inputargs: Vec<VarId>,
    pub operations: Vec<Operation<K>>,
    pub exitswitch: ExitSwitch<K>,
    pub exits: Vec<Link<K>>,
}

impl<K: Kind> Block<K> {
    pub fn new(inputargs: Vec<VarId>) -> Block<K> {
        Block { inputargs, operations: Vec::new(), exitswitch: ExitSwitch::None, exits: Vec::new() }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct VarInfo<K: Kind> {
    /// The source variable name it holds, or "" for temporaries (dumps only).
    pub name: String,
    pub ty: K::VarType,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Graph<K: Kind> {
    /// A unique, readable name (e.g. `module.func` or `module.func__Signed`).
    pub name: String,
    pub blocks: Vec<Block<K>>,
    pub vars: Vec<VarInfo<K>>,
    pub startblock: BlockId,
    pub returnblock: BlockId,
    pub exceptblock: BlockId,
    /// Where the function is defined.
    pub span: Span,
}

impl<K: Kind> Graph<K> {
    /// A graph with a start block taking `nargs` arguments and the two final blocks.
    pub fn new(name: impl Into<String>, span: Span, argnames: &[&str]) -> Graph<K> {
        let mut g = Graph {
            name: name.into(),
            blocks: Vec::new(),
            vars: Vec::new(),
            startblock: BlockId(0),
            returnblock: BlockId(0),
            exceptblock: BlockId(0),
            span,
        };
        let args = argnames.iter().map(|n| g.new_var(n)).collect();
        g.startblock = g.add_block(Block::new(args));
        let r = g.new_var("");
        g.returnblock = g.add_block(Block::new(vec![r]));
        let (t, v) = (g.new_var("etype"), g.new_var("evalue"));
        g.exceptblock = g.add_block(Block::new(vec![t, v]));
        g
    }

    pub fn new_var(&mut self, name: &str) -> VarId {
        self.vars.push(VarInfo { name: name.to_string(), ty: K::VarType::default() });
        VarId(self.vars.len() as u32 - 1)
    }

    pub fn add_block(&mut self, block: Block<K>) -> BlockId {
        self.blocks.push(block);
        BlockId(self.blocks.len() as u32 - 1)
    }

    pub fn block(&self, id: BlockId) -> &Block<K> {
        &self.blocks[id.0 as usize]
    }
    pub fn block_mut(&mut self, id: BlockId) -> &mut Block<K> {
        &mut self.blocks[id.0 as usize]
    }
    pub fn var(&self, id: VarId) -> &VarInfo<K> {
        &self.vars[id.0 as usize]
    }
    pub fn var_mut(&mut self, id: VarId) -> &mut VarInfo<K> {
        &mut self.vars[id.0 as usize]
    }

    /// Block ids reachable from the start block, in depth-first preorder
    /// (the order dumps and backends use).
    pub fn reachable_blocks(&self) -> Vec<BlockId> {
        let mut seen = vec![false; self.blocks.len()];
        let mut order = Vec::new();
        let mut stack = vec![self.startblock];
        while let Some(b) = stack.pop() {
            if std::mem::replace(&mut seen[b.0 as usize], true) {
                continue;
            }
            order.push(b);
            for link in self.block(b).exits.iter().rev() {
                if !seen[link.target.0 as usize] {
                    stack.push(link.target);
                }
            }
        }
        order
    }

    /// The text form (`--dump=flow` and friends).
    pub fn dump(&self) -> String {
        print::dump_graph(self)
    }
}


/// Merges each block into its predecessor when that predecessor's only exit
/// is a plain goto to it and nothing else enters it (loop headers without a
/// back edge, joins with one incoming path), unless `keep_end` says the
/// predecessor must end where it does or the block has exception links.
/// The merged block's inputargs are replaced by the values the goto passed;
/// the emptied blocks are left unreachable (`drop_unreachable_blocks`).
pub fn merge_goto_chains<K: Kind>(g: &mut Graph<K>, keep_end: &dyn Fn(&Block<K>) -> bool) {
    let n = g.blocks.len();
    let mut preds = vec![0usize; n];
    for b in g.reachable_blocks() {
        for l in &g.block(b).exits {
            if let Some(p) = preds.get_mut(l.target.0 as usize) {
                *p += 1;
            }
        }
    }
    for a in g.reachable_blocks() {
        loop {
            let blk = g.block(a);
            if !matches!(blk.exitswitch, ExitSwitch::None) || blk.exits.len() != 1 || keep_end(blk) {
                break;
            }
            let target = blk.exits[0].target;
            if target == a
                || target == g.returnblock
                || target == g.exceptblock
                || target == g.startblock
                || preds.get(target.0 as usize) != Some(&1)
                // Every raising operation of a block with exception links
                // goes to them: the merged operations must not.
                || matches!(g.block(target).exitswitch, ExitSwitch::LastException)
            {
                break;
            }
            let Some(link) = g.block_mut(a).exits.pop() else { break };
            let b = std::mem::replace(g.block_mut(target), Block::new(Vec::new()));
            let subst: std::collections::HashMap<VarId, Operand<K>> = b.inputargs.iter().copied().zip(link.args).collect();
            let fix = |o: Operand<K>| match &o {
                Operand::Var(v) => subst.get(v).cloned().unwrap_or(o),
                Operand::Const(_) => o,
            };
            let blk = g.block_mut(a);
            for mut op in b.operations {
                op.args = op.args.into_iter().map(fix).collect();
                blk.operations.push(op);
            }
            blk.exitswitch = match b.exitswitch {
                ExitSwitch::Value(v) => ExitSwitch::Value(fix(v)),
                other => other,
            };
            blk.exits = b
                .exits
                .into_iter()
                .map(|mut l| {
                    l.args = l.args.into_iter().map(fix).collect();
                    l
                })
                .collect();
            preds[target.0 as usize] = 0;
        }
    }
}


/// Removes blocks nothing reaches (emptied by `merge_goto_chains`), keeping
/// the order of the others, so that every block of the graph is live.
pub fn drop_unreachable_blocks<K: Kind>(g: &mut Graph<K>) {
    let mut live = vec![false; g.blocks.len()];
    for b in g.reachable_blocks() {
        live[b.0 as usize] = true;
    }
    live[g.returnblock.0 as usize] = true;
    live[g.exceptblock.0 as usize] = true;
    let mut new_id = vec![BlockId(0); g.blocks.len()];
    let mut n = 0;
    for (i, &l) in live.iter().enumerate() {
        if l {
            new_id[i] = BlockId(n);
            n += 1;
        }
    }
    let old = std::mem::take(&mut g.blocks);
    for (i, mut blk) in old.into_iter().enumerate() {
        if live[i] {
            for l in &mut blk.exits {
                l.target = new_id[l.target.0 as usize];
            }
            g.blocks.push(blk);
        }
    }
    g.startblock = new_id[g.startblock.0 as usize];
    g.returnblock = new_id[g.returnblock.0 as usize];
    g.exceptblock = new_id[g.exceptblock.0 as usize];
}


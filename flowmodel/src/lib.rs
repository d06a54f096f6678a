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


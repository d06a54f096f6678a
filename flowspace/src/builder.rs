//! The flow graph builder: an abstract walk over one function's AST.
//!
//! The builder keeps the block being filled (`cur`), and a `State`: the value
//! of each local variable slot and a stack of expression temporaries. Every
//! value that must survive a block boundary lives in the state, because a
//! new block renames everything it receives (links pass the state, the block
//! gets fresh inputargs). Rust code therefore never holds an operand across
//! an operation that may split the block: it reads operands from the state
//! right before emitting, and pushes results back. (Operations that cannot
//! raise never split a block.)
//!
//! Control transfers that are not resolved yet are `Pending` links: a block,
//! the index of an exit whose target and arguments are filled in later, and
//! the state on that path. A join collects pending links and becomes one
//! block whose inputargs are the slots defined on every path.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use diag::{Diagnostic, Span};
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, Operation};
use hostobj::{Function, Heap, Module, ObjId, Object, Value};
use syntax::ast::{self, BinOp, CmpOp, ExceptHandler, Expr, ExprKind, Stmt, StmtKind, UnaryOp};
use syntax::walk::{walk_expr, walk_stmts, Node};

use crate::{CallShape, FlowGraph, FlowOperand, HlOp};

type Result<T> = std::result::Result<T, Diagnostic>;
type JoinId = usize;
/// Builds a loop once, without the given header slots; returns the header
/// slots a back edge lacks, if any (see `build_loop`).
type LoopAttempt<'a, 'h> = dyn FnMut(&mut Builder<'h>, &[usize]) -> Result<Option<Vec<usize>>> + 'a;

/// Target of a link whose target is not known yet.
const UNLINKED: BlockId = BlockId(u32::MAX);

fn err(span: Span, msg: impl Into<String>) -> Diagnostic {
    Diagnostic::error(span, msg)
}

fn internal(span: Span, what: &str) -> Diagnostic {
    Diagnostic::error(span, format!("internal error in the flow graph builder: {}", what))
}

/// Values of the local variable slots and the temporaries, on one path.
#[derive(Clone, Debug, Default)]
struct State {
    slots: Vec<Option<FlowOperand>>,
    stack: Vec<FlowOperand>,
}

impl State {
    fn get(&self, slot: usize) -> Option<&FlowOperand> {
        self.slots.get(slot).and_then(|s| s.as_ref())
    }
    fn set(&mut self, slot: usize, v: Option<FlowOperand>) {
        if self.slots.len() <= slot {
            self.slots.resize(slot + 1, None);
        }
        self.slots[slot] = v;
    }
}

/// An exit of a finished block whose target is decided later.
#[derive(Clone, Debug)]
struct Pending {
    block: BlockId,
    exit: usize,
    state: State,
}

/// What encloses the statement being built, innermost last.
#[derive(Clone, Debug)]
enum Frame {
    Loop {
        break_join: JoinId,
        continue_join: JoinId,
    },
    /// A `try` body with `except` clauses; `id` names its hidden slots.
    Except {
        id: u32,
        handlers: Vec<Handler>,
    },
    /// A `try` body with a `finally` clause: each way out is collected in its
    /// own join, so that the finally body is copied once per way.
    Finally {
        id: u32,
        exc_join: JoinId,
        return_join: JoinId,
        break_join: JoinId,
        continue_join: JoinId,
    },
}

#[derive(Clone, Debug)]
struct Handler {
    classes: Vec<Value>,
    catch_all: bool,
    join: JoinId,
}

/// Where an exception edge goes.
enum Dest {
    /// A handler or finally join; the exception goes in the hidden slots of construct `id`.
    Join(JoinId, u32),
    ExceptBlock,
}

/// The truth of a condition: known now, or a bool variable to switch on.
enum Cond {
    Known(bool),
    Var(FlowOperand),
}

/// A loop header: the block back edges go to, and what they must pass.
struct Header {
    block: BlockId,
    slots: Vec<usize>,
    depth: usize,
}

enum Sub<'a> {
    Index(&'a Expr),
    Range(Option<&'a Expr>, Option<&'a Expr>),
}

#[derive(Clone)]
struct Builder<'h> {
    heap: &'h Heap,
    func: &'h Function,
    module: &'h Module,
    builtins: Option<&'h Module>,
    graph: FlowGraph,
    cur: Option<BlockId>,
    state: State,
    /// Local variables (Python's rule) -> slot.
    locals: HashMap<String, usize>,
    /// Names declared `global`.
    globals: HashSet<String>,
    /// Hidden slots (iterators, caught exceptions, returns crossing a finally) -> slot.
    hidden: HashMap<String, usize>,
    slot_names: Vec<String>,
    /// Slots of finished constructs: never passed to new blocks again.
    dead: Vec<bool>,
    frames: Vec<Frame>,
    joins: Vec<Vec<Pending>>,
    /// Ids of the except clauses being built (for a bare `raise`).
    handler_stack: Vec<u32>,
    /// Variables known to hold a bool (results of comparisons, `not_`, `is_true`).
    bool_vars: HashSet<flowmodel::VarId>,
    next_id: u32,
}

pub(crate) fn build(heap: &Heap, func_id: ObjId) -> Result<FlowGraph> {
    let nowhere = Span::default();
    let func = match safe_get(heap, func_id) {
        Some(Object::Function(f)) => f,
        _ => return Err(internal(nowhere, "build_flow_graph called on a non-function")),
    };
    let module = match safe_get(heap, func.module) {
        Some(Object::Module(m)) => m,
        _ => return Err(internal(func.span, "the function's module is not a module")),
    };
    let def: &ast::FunctionDef = &func.def;
    if def.args.kwarg.is_some() {
        return Err(err(func.span, "**kwargs parameters are not RPython"));
    }
    let (local_names, globals) = scan_locals(def);
    let mut argnames: Vec<String> = Vec::new();
    for (i, a) in def.args.args.iter().enumerate() {
        argnames.push(match &a.kind {
            ExprKind::Name(n) => n.clone(),
            _ => format!(".{}", i),
        });
    }
    argnames.extend(def.args.vararg.iter().cloned());
    let names: Vec<&str> = argnames.iter().map(|s| s.as_str()).collect();
    let graph = FlowGraph::new(graph_name(heap, func_id, func, module), func.span, &names);

    let mut b = Builder {
        heap,
        func,
        module,
        builtins: find_builtins(heap, module),
        cur: Some(graph.startblock),
        graph,
        state: State::default(),
        locals: HashMap::new(),
        globals,
        hidden: HashMap::new(),
        slot_names: Vec::new(),
        dead: Vec::new(),
        frames: Vec::new(),
        joins: Vec::new(),
        handler_stack: Vec::new(),
        bool_vars: HashSet::new(),
        next_id: 0,
    };
    for n in local_names {
        b.locals.insert(n.clone(), b.slot_names.len());
        b.slot_names.push(n);
        b.dead.push(false);
    }
    b.start(def)?;
    b.stmts(&def.body)?;
    if b.cur.is_some() {
        b.do_return(Operand::Const(Value::None), func.span)?;
    }
    let mut graph = b.graph;
    skip_empty_blocks(&mut graph);
    // A yield ends its block: the generator resumes at the next one.
    flowmodel::merge_goto_chains(&mut graph, &|blk| blk.operations.last().is_some_and(|op| op.op == HlOp::Yield));
    flowmodel::drop_unreachable_blocks(&mut graph);
    Ok(graph)
}

/// Redirects links that enter a block with no operations and a single goto
/// (a join of joins, an empty branch) straight to where it goes, passing
/// the values it would have forwarded.
fn skip_empty_blocks(g: &mut FlowGraph) {
    let special = [g.startblock, g.returnblock, g.exceptblock];
    let forwards = |g: &FlowGraph, b: BlockId| {
        let blk = g.block(b);
        !special.contains(&b)
            && blk.operations.is_empty()
            && matches!(blk.exitswitch, ExitSwitch::None)
            && blk.exits.len() == 1
            && blk.exits[0].target != b
    };
    for a in g.reachable_blocks() {
        for i in 0..g.block(a).exits.len() {
            // Bounded: a cycle of empty blocks (`while 1: pass`) must not spin.
            for _ in 0..g.blocks.len() {
                let target = g.block(a).exits[i].target;
                if !forwards(g, target) {
                    break;
                }
                let fwd = &g.block(target).exits[0];
                let subst: HashMap<flowmodel::VarId, FlowOperand> =
                    g.block(target).inputargs.iter().copied().zip(g.block(a).exits[i].args.iter().cloned()).collect();
                let args: Vec<FlowOperand> = fwd
                    .args
                    .iter()
                    .map(|o| match o {
                        Operand::Var(v) => subst.get(v).cloned().unwrap_or_else(|| o.clone()),
                        Operand::Const(_) => o.clone(),
                    })
                    .collect();
                let next = fwd.target;
                let link = &mut g.block_mut(a).exits[i];
                link.target = next;
                link.args = args;
            }
        }
    }
}

/// `module.func`, or `module.Class.func` for a method of a class that is a
/// global of its module.
fn graph_name(heap: &Heap, func_id: ObjId, func: &Function, module: &Module) -> String {
    let is_func = |v: &Value| match v {
        Value::Obj(id) if *id == func_id => true,
        Value::Obj(id) => matches!(safe_get(heap, *id), Some(Object::StaticMethod(Value::Obj(f))) if *f == func_id),
        _ => false,
    };
    for (_, v) in module.globals.iter() {
        if let Value::Obj(id) = v {
            if let Some(Object::Class(c)) = safe_get(heap, *id) {
                if c.dict.iter().any(|(_, m)| is_func(m)) {
                    return format!("{}.{}.{}", module.name, c.name, func.name);
                }
            }
        }
    }
    format!("{}.{}", module.name, func.name)
}

fn safe_get(heap: &Heap, id: ObjId) -> Option<&Object> {
    if (id.0 as usize) < heap.len() {
        Some(heap.get(id))
    } else {
        None
    }
}

/// The `__builtin__` module: the module's `__builtins__` global, else the
/// heap's module of that name.
fn find_builtins<'h>(heap: &'h Heap, module: &'h Module) -> Option<&'h Module> {
    if let Some(Value::Obj(id)) = module.globals.get_str("__builtins__") {
        if let Some(Object::Module(m)) = safe_get(heap, *id) {
            return Some(m);
        }
    }
    heap.builtins_module().and_then(|id| heap.module(id))
}

impl<'h> Builder<'h> {
    // ---- small helpers ----

    fn obj(&self, id: ObjId) -> Option<&'h Object> {
        safe_get(self.heap, id)
    }

    fn open(&self, span: Span) -> Result<BlockId> {
        self.cur.ok_or_else(|| internal(span, "no current block"))
    }

    fn fresh_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    fn hidden_slot(&mut self, name: String) -> usize {
        if let Some(&s) = self.hidden.get(&name) {
            return s;
        }
        let s = self.slot_names.len();
        self.slot_names.push(name.clone());
        self.dead.push(false);
        self.hidden.insert(name, s);
        s
    }

    fn exc_slots(&mut self, id: u32) -> (usize, usize) {
        (self.hidden_slot(format!(".etype{}", id)), self.hidden_slot(format!(".evalue{}", id)))
    }

    fn push(&mut self, v: FlowOperand) {
        self.state.stack.push(v);
    }

    fn pop(&mut self, span: Span) -> Result<FlowOperand> {
        self.state.stack.pop().ok_or_else(|| internal(span, "empty value stack"))
    }

    fn top(&self, span: Span) -> Result<FlowOperand> {
        self.state.stack.last().cloned().ok_or_else(|| internal(span, "empty value stack"))
    }

    fn pop_n(&mut self, n: usize, span: Span) -> Result<Vec<FlowOperand>> {
        let len = self.state.stack.len();
        if n > len {
            return Err(internal(span, "value stack too short"));
        }
        Ok(self.state.stack.split_off(len - n))
    }

    /// Removes the entry just below the top of a state's stack.
    fn drop_below_top(st: &mut State, span: Span) -> Result<()> {
        let n = st.stack.len();
        if n < 2 {
            return Err(internal(span, "value stack too short"));
        }
        st.stack.remove(n - 2);
        Ok(())
    }

    fn builtin(&self, name: &str) -> Option<Value> {
        self.builtins.and_then(|m| m.globals.get_str(name).cloned())
    }

    fn builtin_class(&self, name: &str, span: Span) -> Result<Value> {
        self.builtin(name).ok_or_else(|| internal(span, &format!("the builtin class {} is missing", name)))
    }

    /// The class whose links catch every exception.
    fn catch_all(&self, span: Span) -> Result<Value> {
        self.builtin("BaseException")
            .or_else(|| self.builtin("Exception"))
            .ok_or_else(|| internal(span, "the builtin class BaseException is missing"))
    }

    fn is_class(&self, v: &Value) -> bool {
        matches!(v, Value::Obj(id) if matches!(self.obj(*id), Some(Object::Class(_))))
    }

    fn const_class(&self, v: &FlowOperand) -> Option<Value> {
        match v {
            Operand::Const(c) if self.is_class(c) => Some(c.clone()),
            _ => None,
        }
    }

    /// Whether an exception of type `etype` matches handler class `cls`, if known now.
    fn static_match(&self, etype: &FlowOperand, cls: &Value, catch_all: &Value) -> Option<bool> {
        if cls == catch_all {
            return Some(true);
        }
        match (etype, cls) {
            (Operand::Const(Value::Obj(a)), Value::Obj(b)) if self.is_class(&Value::Obj(*a)) => {
                Some(self.heap.is_subclass(*a, *b))
            }
            _ => None,
        }
    }

    /// The truth value of a constant, when it cannot change at run time.
    fn const_truth(&self, v: &Value) -> Option<bool> {
        Some(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Unicode(s) => !s.is_empty(),
            Value::Obj(id) => match self.obj(*id)? {
                Object::Tuple(items) => !items.is_empty(),
                Object::Function(_)
                | Object::Class(_)
                | Object::Module(_)
                | Object::Builtin(_)
                | Object::BoundMethod { .. }
                | Object::StaticMethod(_) => true,
                // Lists and dicts can be mutated, instances may define __len__.
                _ => return None,
            },
        })
    }

    // ---- blocks, links and joins ----

    fn new_join(&mut self) -> JoinId {
        self.joins.push(Vec::new());
        self.joins.len() - 1
    }

    fn add_exit(
        &mut self,
        b: BlockId,
        exitcase: Option<Value>,
        exc_vars: Option<(flowmodel::VarId, flowmodel::VarId)>,
    ) -> usize {
        let blk = self.graph.block_mut(b);
        blk.exits.push(Link { target: UNLINKED, args: Vec::new(), exitcase, exc_vars });
        blk.exits.len() - 1
    }

    /// Ends the current block with a goto to join `j`.
    fn jump(&mut self, j: JoinId, span: Span) -> Result<()> {
        let b = self.open(span)?;
        let exit = self.add_exit(b, None, None);
        let state = std::mem::take(&mut self.state);
        self.joins[j].push(Pending { block: b, exit, state });
        self.cur = None;
        Ok(())
    }

    fn jump_if_open(&mut self, j: JoinId, span: Span) -> Result<()> {
        if self.cur.is_some() {
            self.jump(j, span)?;
        }
        Ok(())
    }

    /// Ends the current block with a two-way switch on the bool `cond`;
    /// returns the (False, True) exits.
    fn switch(&mut self, cond: FlowOperand, span: Span) -> Result<(Pending, Pending)> {
        let b = self.open(span)?;
        self.graph.block_mut(b).exitswitch = ExitSwitch::Value(cond);
        let f = self.add_exit(b, Some(Value::Bool(false)), None);
        let t = self.add_exit(b, Some(Value::Bool(true)), None);
        let state = std::mem::take(&mut self.state);
        self.cur = None;
        Ok((Pending { block: b, exit: f, state: state.clone() }, Pending { block: b, exit: t, state }))
    }

    /// Continues building in a new block entered by all of `pend`; returns the
    /// block and the slots it receives, or None (and no current block) when
    /// nothing leads there. A slot or temporary that holds the same constant
    /// on every path stays that constant instead of becoming an inputarg,
    /// unless `all_vars` (loop headers: back edges may bring other values).
    fn finish_fresh(
        &mut self,
        pend: Vec<Pending>,
        all_vars: bool,
        span: Span,
    ) -> Result<Option<(BlockId, Vec<usize>)>> {
        if pend.is_empty() {
            self.cur = None;
            return Ok(None);
        }
        let depth = pend[0].state.stack.len();
        if pend.iter().any(|p| p.state.stack.len() != depth) {
            return Err(internal(span, "value stacks differ at a join"));
        }
        // The constant every path agrees on, if any.
        let same_const = |get: &dyn Fn(&State) -> Option<&FlowOperand>| -> Option<FlowOperand> {
            if all_vars {
                return None;
            }
            let first = get(&pend[0].state)?;
            match first {
                Operand::Const(_) if pend.iter().all(|p| get(&p.state) == Some(first)) => Some(first.clone()),
                _ => None,
            }
        };
        let mut st = State::default();
        let mut slots = Vec::new();
        for s in 0..self.slot_names.len() {
            if self.dead[s] || !pend.iter().all(|p| p.state.get(s).is_some()) {
                continue;
            }
            match same_const(&|st: &State| st.get(s)) {
                Some(c) => st.set(s, Some(c)),
                None => slots.push(s),
            }
        }
        let mut stack_pos = Vec::new();
        for i in 0..depth {
            match same_const(&|st: &State| st.stack.get(i)) {
                Some(c) => st.stack.push(c),
                None => {
                    stack_pos.push(i);
                    st.stack.push(Operand::Const(Value::None)); // replaced below
                }
            }
        }
        let mut inputs = Vec::new();
        for &s in &slots {
            let v = self.graph.new_var(&self.slot_names[s]);
            inputs.push(v);
            st.set(s, Some(Operand::Var(v)));
        }
        for &i in &stack_pos {
            let v = self.graph.new_var("");
            inputs.push(v);
            st.stack[i] = Operand::Var(v);
        }
        let b = self.graph.add_block(Block::new(inputs));
        self.link_pendings(b, &slots, &stack_pos, pend, span)?;
        self.cur = Some(b);
        self.state = st;
        Ok(Some((b, slots)))
    }

    /// Like `finish_fresh`, but a lone goto is undone instead: building
    /// continues at the end of the block it leaves (keeps dumps short).
    fn finish(&mut self, mut pend: Vec<Pending>, span: Span) -> Result<bool> {
        if pend.len() == 1 {
            let blk = self.graph.block(pend[0].block);
            let after_yield = blk.operations.last().is_some_and(|op| op.op == HlOp::Yield);
            if matches!(blk.exitswitch, ExitSwitch::None) && blk.exits.len() == 1 && !after_yield {
                let p = pend.pop().ok_or_else(|| internal(span, "lost pending link"))?;
                self.graph.block_mut(p.block).exits.clear();
                self.cur = Some(p.block);
                self.state = p.state;
                return Ok(true);
            }
        }
        Ok(self.finish_fresh(pend, false, span)?.is_some())
    }

    fn finish_join(&mut self, j: JoinId, span: Span) -> Result<bool> {
        let pend = std::mem::take(&mut self.joins[j]);
        self.finish(pend, span)
    }

    /// Points the pending links at `target`, passing `slots` then the
    /// temporaries at `stack_pos`.
    fn link_pendings(
        &mut self,
        target: BlockId,
        slots: &[usize],
        stack_pos: &[usize],
        pend: Vec<Pending>,
        span: Span,
    ) -> Result<()> {
        for p in pend {
            let mut args = Vec::new();
            for &s in slots {
                args.push(p.state.get(s).cloned().ok_or_else(|| internal(span, "undefined slot on a link"))?);
            }
            for &i in stack_pos {
                args.push(
                    p.state.stack.get(i).cloned().ok_or_else(|| internal(span, "value stack too short on a link"))?,
                );
            }
            let link = &mut self.graph.block_mut(p.block).exits[p.exit];
            link.target = target;
            link.args = args;
        }
        Ok(())
    }

    /// Starts a loop header block from the current state, without the
    /// `excluded` slots (see `while_loop`).
    fn enter_header(&mut self, excluded: &[usize], span: Span) -> Result<Header> {
        for &s in excluded {
            self.state.set(s, None);
        }
        let j = self.new_join();
        self.jump(j, span)?;
        let pend = std::mem::take(&mut self.joins[j]);
        let (block, slots) = self.finish_fresh(pend, true, span)?.ok_or_else(|| internal(span, "no loop entry"))?;
        Ok(Header { block, slots, depth: self.state.stack.len() })
    }

    /// Links back edges to a loop header. Returns the header slots some back
    /// edge lacks (then nothing is linked and the loop must be rebuilt).
    fn link_back(&mut self, h: &Header, back: Vec<Pending>, span: Span) -> Result<Vec<usize>> {
        let mut missing = Vec::new();
        for p in &back {
            if p.state.stack.len() != h.depth {
                return Err(internal(span, "value stack differs on a back edge"));
            }
            for &s in &h.slots {
                if p.state.get(s).is_none() && !missing.contains(&s) {
                    missing.push(s);
                }
            }
        }
        if missing.is_empty() {
            let stack_pos: Vec<usize> = (0..h.depth).collect();
            self.link_pendings(h.block, &h.slots, &stack_pos, back, span)?;
        }
        Ok(missing)
    }

    // ---- operations ----

    fn emit(&mut self, op: HlOp, args: Vec<FlowOperand>, span: Span) -> Result<FlowOperand> {
        self.emit_catching(op, args, span, None)
    }

    /// Appends an operation and returns its result. If it can raise inside a
    /// `try`, or `stop` asks to catch a class (a loop's StopIteration), the
    /// block ends with exception exits and building continues in a new block.
    fn emit_catching(
        &mut self,
        op: HlOp,
        args: Vec<FlowOperand>,
        span: Span,
        stop: Option<(Value, JoinId)>,
    ) -> Result<FlowOperand> {
        let dests = if op.can_raise() { self.exception_dests(span)? } else { Vec::new() };
        let mut args = args;
        let mut b = self.open(span)?;
        let caught = stop.is_some() || !dests.is_empty();
        if caught && self.graph.block(b).operations.iter().any(|o| o.op.can_raise()) {
            // A block with exception links holds one operation that may
            // raise, its last: what raises before it is not caught here.
            // The arguments cross into the new block on the value stack.
            let n = args.len();
            self.state.stack.extend(args.drain(..));
            let j = self.new_join();
            self.jump(j, span)?;
            let pend = std::mem::take(&mut self.joins[j]);
            self.finish_fresh(pend, false, span)?;
            args = self.pop_n(n, span)?;
            b = self.open(span)?;
        }
        let res = self.graph.new_var("");
        self.graph.block_mut(b).operations.push(Operation { op, args, result: res, span });
        if matches!(
            op,
            HlOp::Lt
                | HlOp::Le
                | HlOp::Eq
                | HlOp::Ne
                | HlOp::Gt
                | HlOp::Ge
                | HlOp::Is
                | HlOp::Contains
                | HlOp::Not
                | HlOp::IsTrue
                | HlOp::ExceptionMatch
        ) {
            self.bool_vars.insert(res);
        }
        if !caught {
            return Ok(Operand::Var(res));
        }
        self.graph.block_mut(b).exitswitch = ExitSwitch::LastException;
        let before = std::mem::take(&mut self.state);
        let mut after = before.clone();
        after.stack.push(Operand::Var(res));
        let ok_exit = self.add_exit(b, None, None);
        let ok = Pending { block: b, exit: ok_exit, state: after };
        self.cur = None;
        let mut seen: Vec<Value> = Vec::new();
        if let Some((cls, j)) = stop {
            let exc = (self.graph.new_var("etype"), self.graph.new_var("evalue"));
            let e = self.add_exit(b, Some(cls.clone()), Some(exc));
            self.joins[j].push(Pending { block: b, exit: e, state: before.clone() });
            seen.push(cls);
        }
        for (cls, dest) in dests {
            if seen.contains(&cls) {
                continue;
            }
            seen.push(cls.clone());
            let (t, v) = (self.graph.new_var("etype"), self.graph.new_var("evalue"));
            let e = self.add_exit(b, Some(cls), Some((t, v)));
            match dest {
                Dest::ExceptBlock => {
                    let target = self.graph.exceptblock;
                    let link = &mut self.graph.block_mut(b).exits[e];
                    link.target = target;
                    link.args = vec![Operand::Var(t), Operand::Var(v)];
                }
                Dest::Join(j, id) => {
                    // Handlers run at statement level: the temporaries are gone.
                    let mut st = before.clone();
                    st.stack.clear();
                    let (ts, vs) = self.exc_slots(id);
                    st.set(ts, Some(Operand::Var(t)));
                    st.set(vs, Some(Operand::Var(v)));
                    self.joins[j].push(Pending { block: b, exit: e, state: st });
                }
            }
        }
        self.finish_fresh(vec![ok], false, span)?;
        self.pop(span)
    }

    /// The exception exits of a raising operation at this point: empty
    /// outside any `try` (exceptions leave the function implicitly).
    fn exception_dests(&mut self, span: Span) -> Result<Vec<(Value, Dest)>> {
        if self.frames.iter().all(|f| matches!(f, Frame::Loop { .. })) {
            return Ok(Vec::new());
        }
        let catch_all = self.catch_all(span)?;
        let mut out: Vec<(Value, Dest)> = Vec::new();
        for f in self.frames.iter().rev() {
            match f {
                Frame::Loop { .. } => {}
                Frame::Except { id, handlers } => {
                    for h in handlers {
                        if h.catch_all {
                            out.push((catch_all, Dest::Join(h.join, *id)));
                            return Ok(out);
                        }
                        for c in &h.classes {
                            if !out.iter().any(|(x, _)| x == c) {
                                out.push((c.clone(), Dest::Join(h.join, *id)));
                            }
                            if *c == catch_all {
                                return Ok(out);
                            }
                        }
                    }
                }
                Frame::Finally { id, exc_join, .. } => {
                    out.push((catch_all, Dest::Join(*exc_join, *id)));
                    return Ok(out);
                }
            }
        }
        out.push((catch_all, Dest::ExceptBlock));
        Ok(out)
    }

    /// The truth of `v` as a switchable bool, emitting `is_true` if needed.
    fn truth(&mut self, v: FlowOperand, span: Span) -> Result<Cond> {
        match &v {
            Operand::Const(c) => {
                if let Some(t) = self.const_truth(c) {
                    return Ok(Cond::Known(t));
                }
            }
            Operand::Var(x) => {
                if self.bool_vars.contains(x) {
                    return Ok(Cond::Var(v));
                }
            }
        }
        Ok(Cond::Var(self.emit(HlOp::IsTrue, vec![v], span)?))
    }

    fn truth_of_top(&mut self, span: Span) -> Result<Cond> {
        let v = self.top(span)?;
        self.truth(v, span)
    }

    fn not_(&mut self, v: FlowOperand, span: Span) -> Result<FlowOperand> {
        if let Operand::Const(c) = &v {
            if let Some(t) = self.const_truth(c) {
                return Ok(Operand::Const(Value::Bool(!t)));
            }
        }
        self.emit(HlOp::Not, vec![v], span)
    }

    // ---- names ----

    fn load_name(&mut self, name: &str, span: Span) -> Result<FlowOperand> {
        match name {
            "None" => return Ok(Operand::Const(Value::None)),
            "True" => return Ok(Operand::Const(Value::Bool(true))),
            "False" => return Ok(Operand::Const(Value::Bool(false))),
            _ => {}
        }
        if let Some(&slot) = self.locals.get(name) {
            return self
                .state
                .get(slot)
                .cloned()
                .ok_or_else(|| err(span, format!("local variable '{}' referenced before assignment", name)));
        }
        Ok(Operand::Const(self.global_value(name, span)?))
    }

    /// A non-local name: closure cell, module global, builtin.
    fn global_value(&self, name: &str, span: Span) -> Result<Value> {
        for (n, cell) in &self.func.closure {
            if n == name {
                return match self.obj(*cell) {
                    Some(Object::Cell(v)) => Ok(v.clone()),
                    _ => Err(internal(span, "closure entry is not a cell")),
                };
            }
        }
        if let Some(v) = self.module.globals.get_str(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtin(name) {
            return Ok(v);
        }
        Err(err(span, format!("name '{}' is not defined", name)))
    }

    fn set_local(&mut self, name: &str, v: FlowOperand, span: Span) -> Result<()> {
        if matches!(name, "None" | "True" | "False") {
            return Err(err(span, format!("cannot assign to {}", name)));
        }
        if self.globals.contains(name) {
            return Err(err(span, "assigning to a global variable is not RPython (module globals are constants)"));
        }
        let slot = *self.locals.get(name).ok_or_else(|| internal(span, "assignment to a non-local name"))?;
        self.state.set(slot, Some(v));
        Ok(())
    }

    /// A side-effect-free flow-time value of `e` (a global, or an attribute
    /// of a constant module or class), if it has one.
    fn const_expr(&self, e: &Expr) -> Option<Value> {
        match &e.kind {
            ExprKind::Name(n) if !self.locals.contains_key(n) => match n.as_str() {
                "None" => Some(Value::None),
                _ => self.global_value(n, e.span).ok(),
            },
            ExprKind::Attribute { value, attr } => {
                let base = self.const_expr(value)?;
                self.const_attr(&base, attr, e.span).ok().flatten()
            }
            _ => None,
        }
    }

    /// `obj.attr` folded at flow time, when `obj` is a module or class.
    fn const_attr(&self, obj: &Value, attr: &str, span: Span) -> Result<Option<Value>> {
        let Value::Obj(id) = obj else { return Ok(None) };
        match self.obj(*id) {
            Some(Object::Module(m)) => match m.globals.get_str(attr) {
                Some(v) => Ok(Some(v.clone())),
                None => Err(err(span, format!("module '{}' has no attribute '{}'", m.name, attr))),
            },
            Some(Object::Class(c)) => match self.class_attr(*id, attr) {
                Some(v) => Ok(Some(v)),
                None => Err(err(span, format!("type object '{}' has no attribute '{}'", c.name, attr))),
            },
            _ => Ok(None),
        }
    }

    /// A class attribute, looked up along the MRO; a staticmethod gives its
    /// function.
    fn class_attr(&self, cls: ObjId, attr: &str) -> Option<Value> {
        if let Some((_, v)) = self.heap.lookup_class_attr(cls, attr) {
            if let Value::Obj(id) = v {
                if let Some(Object::StaticMethod(f)) = self.obj(*id) {
                    return Some(f.clone());
                }
            }
            return Some(v.clone());
        }
        match (attr, self.obj(cls)) {
            ("__name__", Some(Object::Class(k))) => Some(Value::str(&k.name)),
            _ => None,
        }
    }

    fn getattr(&mut self, obj: FlowOperand, attr: &str, span: Span) -> Result<FlowOperand> {
        if let Operand::Const(c) = &obj {
            if let Some(v) = self.const_attr(c, attr, span)? {
                return Ok(Operand::Const(v));
            }
        }
        self.emit(HlOp::GetAttr, vec![obj, Operand::Const(Value::str(attr))], span)
    }

    // ---- function entry ----

    fn start(&mut self, def: &ast::FunctionDef) -> Result<()> {
        let params = self.graph.block(self.graph.startblock).inputargs.clone();
        for (i, a) in def.args.args.iter().enumerate() {
            let v = Operand::Var(params[i]);
            match &a.kind {
                ExprKind::Name(n) => self.set_local(n, v, a.span)?,
                _ => {
                    self.push(v);
                    self.store(a)?;
                }
            }
        }
        if let Some(name) = &def.args.vararg {
            let v = Operand::Var(params[def.args.args.len()]);
            self.set_local(name, v, self.func.span)?;
        }
        Ok(())
    }

    // ---- statements ----

    fn stmts(&mut self, body: &[Stmt]) -> Result<()> {
        for s in body {
            if self.cur.is_none() {
                // The rest is unreachable: RPython never looks at it.
                break;
            }
            self.stmt(s)?;
        }
        Ok(())
    }

    fn stmt(&mut self, s: &Stmt) -> Result<()> {
        let span = s.span;
        match &s.kind {
            // Nested functions that use nothing of this function's variables
            // were created at import time (`Heap::nested_function`).
            StmtKind::FunctionDef(d) => match self.heap.nested_function(span) {
                Some(f) => self.set_local(&d.name, Operand::Const(Value::Obj(f)), span),
                None => Err(self.closure_error(&format!("nested function {}()", d.name), &d.args, span, &mut |f| {
                    walk_stmts(&d.body, f)
                })),
            },
            StmtKind::ClassDef(_) => Err(err(span, "class definitions inside functions are not RPython")),
            StmtKind::Return(value) => {
                let v = match value {
                    Some(e) => {
                        self.expr(e)?;
                        self.pop(span)?
                    }
                    None => Operand::Const(Value::None),
                };
                self.do_return(v, span)
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
                Ok(())
            }
            StmtKind::Assign { targets, value } => self.assign(targets, value, span),
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value, span),
            StmtKind::Print { dest, values, newline } => {
                if dest.is_some() {
                    return Err(err(span, "print >> is not supported yet"));
                }
                for v in values {
                    self.expr(v)?;
                    let x = self.pop(span)?;
                    self.emit(HlOp::PrintItem, vec![x], span)?;
                }
                if *newline {
                    self.emit(HlOp::PrintNewline, vec![], span)?;
                }
                Ok(())
            }
            StmtKind::For { target, iter, body, orelse } => self.for_loop(target, iter, body, orelse, span),
            StmtKind::While { test, body, orelse } => self.while_loop(test, body, orelse, span),
            StmtKind::If { test, body, orelse } => self.if_stmt(test, body, orelse, span),
            StmtKind::With { context, vars, body } => {
                let translated = with_translation(context, vars.as_ref(), body, span);
                self.stmts(&translated)
            }
            StmtKind::Raise { type_, inst, tback } => {
                self.raise_stmt(type_.as_ref(), inst.as_ref(), tback.is_some(), span)
            }
            StmtKind::TryExcept { body, handlers, orelse } => self.try_except(body, handlers, orelse, span),
            StmtKind::TryFinally { body, finalbody } => self.try_finally(body, finalbody, span),
            StmtKind::Assert { test, msg } => self.assert_stmt(test, msg.as_ref(), span),
            StmtKind::Import(_) | StmtKind::ImportFrom { .. } => {
                Err(err(span, "import statements inside functions are not RPython"))
            }
            StmtKind::Exec { .. } => Err(err(span, "exec is not RPython")),
            StmtKind::Global(_) | StmtKind::Pass => Ok(()),
            // CPython compiles a string statement (a docstring) to nothing, so
            // an unsupported unicode literal there is never evaluated.
            StmtKind::Expr(Expr { kind: ExprKind::UnicodeUnsupported(_), .. }) => Ok(()),
            StmtKind::Expr(e) => {
                self.expr(e)?;
                self.pop(span)?;
                Ok(())
            }
            StmtKind::Break => self.do_break(false, span),
            StmtKind::Continue => self.do_break(true, span),
        }
    }

    fn assign(&mut self, targets: &[Expr], value: &Expr, span: Span) -> Result<()> {
        // `a, b = x, y` assigns element by element: no tuple is built.
        if let [t] = targets {
            if let (Some(telts), Some(velts)) = (seq_elts(t), seq_elts(value)) {
                if telts.len() == velts.len() {
                    for v in velts {
                        self.expr(v)?;
                    }
                    let n = self.state.stack.len();
                    self.state.stack[n - velts.len()..].reverse();
                    for t in telts {
                        self.store(t)?;
                    }
                    return Ok(());
                }
            }
        }
        self.expr(value)?;
        for (i, t) in targets.iter().enumerate() {
            if i + 1 < targets.len() {
                let v = self.top(span)?;
                self.push(v);
            }
            self.store(t)?;
        }
        Ok(())
    }

    /// Assigns the value on top of the stack (popping it) to `target`.
    fn store(&mut self, target: &Expr) -> Result<()> {
        let span = target.span;
        match &target.kind {
            ExprKind::Name(n) => {
                let v = self.pop(span)?;
                self.set_local(n, v, span)
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                // A constant tuple unpacks into constants (items of unrolled loops).
                if let Operand::Const(Value::Obj(id)) = self.top(span)? {
                    if let Some(Object::Tuple(items)) = self.obj(id) {
                        if items.len() == elts.len() {
                            self.pop(span)?;
                            for (item, elt) in items.iter().zip(elts) {
                                self.push(Operand::Const(item.clone()));
                                self.store(elt)?;
                            }
                            return Ok(());
                        }
                    }
                }
                for (i, elt) in elts.iter().enumerate() {
                    let seq = self.top(span)?;
                    let item = self.emit(HlOp::GetItem, vec![seq, Operand::Const(Value::Int(i as i64))], span)?;
                    self.push(item);
                    self.store(elt)?;
                }
                self.pop(span)?;
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let obj = self.pop(span)?;
                let v = self.pop(span)?;
                self.emit(HlOp::SetAttr, vec![obj, Operand::Const(Value::str(attr)), v], span)?;
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                let sub = self.subscript(slice, span)?;
                self.expr(value)?;
                match sub {
                    Sub::Index(i) => {
                        self.expr(i)?;
                        let args = self.pop_n(3, span)?;
                        // stack was [v, obj, i]
                        self.emit(HlOp::SetItem, vec![args[1].clone(), args[2].clone(), args[0].clone()], span)?;
                    }
                    Sub::Range(lo, hi) => {
                        self.push_bound(lo)?;
                        self.push_bound(hi)?;
                        let a = self.pop_n(4, span)?;
                        self.emit(HlOp::SetSlice, vec![a[1].clone(), a[2].clone(), a[3].clone(), a[0].clone()], span)?;
                    }
                }
                Ok(())
            }
            _ => Err(err(span, "cannot assign to this expression")),
        }
    }

    fn delete(&mut self, t: &Expr) -> Result<()> {
        let span = t.span;
        match &t.kind {
            ExprKind::Name(n) => {
                if self.globals.contains(n) {
                    return Err(err(span, "deleting a global variable is not RPython (module globals are constants)"));
                }
                let slot = *self.locals.get(n).ok_or_else(|| internal(span, "del of a non-local name"))?;
                if self.state.get(slot).is_none() {
                    return Err(err(span, format!("local variable '{}' referenced before assignment", n)));
                }
                self.state.set(slot, None);
                Ok(())
            }
            ExprKind::Tuple(elts) | ExprKind::List(elts) => {
                for e in elts {
                    self.delete(e)?;
                }
                Ok(())
            }
            ExprKind::Attribute { .. } => Err(err(span, "deleting attributes is not RPython")),
            ExprKind::Subscript { value, slice } => {
                let sub = self.subscript(slice, span)?;
                self.expr(value)?;
                match sub {
                    Sub::Index(i) => {
                        self.expr(i)?;
                        let a = self.pop_n(2, span)?;
                        self.emit(HlOp::DelItem, a, span)?;
                    }
                    Sub::Range(lo, hi) => {
                        self.push_bound(lo)?;
                        self.push_bound(hi)?;
                        let a = self.pop_n(3, span)?;
                        self.emit(HlOp::DelSlice, a, span)?;
                    }
                }
                Ok(())
            }
            _ => Err(err(span, "cannot delete this expression")),
        }
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr, span: Span) -> Result<()> {
        let hop = inplace_op(op);
        match &target.kind {
            ExprKind::Name(n) => {
                let cur = self.load_name(n, target.span)?;
                self.push(cur);
                self.expr(value)?;
                let a = self.pop_n(2, span)?;
                let r = self.emit(hop, a, span)?;
                self.push(r);
                self.store(target)
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                let o = self.top(span)?;
                let cur = self.getattr(o, attr, target.span)?;
                self.push(cur);
                self.expr(value)?;
                let a = self.pop_n(2, span)?;
                let r = self.emit(hop, a, span)?;
                let o = self.pop(span)?;
                self.emit(HlOp::SetAttr, vec![o, Operand::Const(Value::str(attr)), r], span)?;
                Ok(())
            }
            ExprKind::Subscript { value: obj, slice } => {
                let sub = self.subscript(slice, span)?;
                self.expr(obj)?;
                match sub {
                    Sub::Index(i) => {
                        self.expr(i)?;
                        let n = self.state.stack.len();
                        let args = self.state.stack[n - 2..].to_vec();
                        let cur = self.emit(HlOp::GetItem, args, target.span)?;
                        self.push(cur);
                        self.expr(value)?;
                        let a = self.pop_n(2, span)?;
                        let r = self.emit(hop, a, span)?;
                        let oi = self.pop_n(2, span)?;
                        self.emit(HlOp::SetItem, vec![oi[0].clone(), oi[1].clone(), r], span)?;
                    }
                    Sub::Range(lo, hi) => {
                        self.push_bound(lo)?;
                        self.push_bound(hi)?;
                        let n = self.state.stack.len();
                        let args = self.state.stack[n - 3..].to_vec();
                        let cur = self.emit(HlOp::GetSlice, args, target.span)?;
                        self.push(cur);
                        self.expr(value)?;
                        let a = self.pop_n(2, span)?;
                        let r = self.emit(hop, a, span)?;
                        let olh = self.pop_n(3, span)?;
                        self.emit(HlOp::SetSlice, vec![olh[0].clone(), olh[1].clone(), olh[2].clone(), r], span)?;
                    }
                }
                Ok(())
            }
            _ => Err(err(span, "cannot assign to this expression")),
        }
    }

    fn if_stmt(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt], span: Span) -> Result<()> {
        let (pf, pt) = self.branches(test)?;
        let after = self.new_join();
        if !pt.is_empty() {
            self.finish(pt, span)?;
            self.stmts(body)?;
            self.jump_if_open(after, span)?;
        }
        if !pf.is_empty() {
            if orelse.is_empty() {
                self.joins[after].extend(pf);
            } else {
                self.finish(pf, span)?;
                self.stmts(orelse)?;
                self.jump_if_open(after, span)?;
            }
        }
        self.finish_join(after, span)?;
        Ok(())
    }

    /// Evaluates the condition `test` as branches: the exits where it is
    /// false and where it is true. `and`, `or` and `not` become branches
    /// themselves rather than a bool value tested afterwards, so each
    /// `isinstance(x, C)` or `x is None` test ends its own block (and the
    /// annotator can narrow `x` on its links).
    fn branches(&mut self, test: &Expr) -> Result<(Vec<Pending>, Vec<Pending>)> {
        let span = test.span;
        match &test.kind {
            ExprKind::UnaryOp { op: UnaryOp::Not, operand } => {
                let (f, t) = self.branches(operand)?;
                Ok((t, f))
            }
            ExprKind::BoolOp { op, values } if !values.is_empty() => {
                let is_and = matches!(op, ast::BoolOpKind::And);
                // The exits that decide the whole test early.
                let mut decided = Vec::new();
                let mut go = Vec::new();
                for (i, v) in values.iter().enumerate() {
                    if i > 0 {
                        if go.is_empty() {
                            break;
                        }
                        self.finish(std::mem::take(&mut go), span)?;
                    }
                    let (f, t) = self.branches(v)?;
                    let (stop, more) = if is_and { (f, t) } else { (t, f) };
                    decided.extend(stop);
                    go = more;
                }
                Ok(if is_and { (decided, go) } else { (go, decided) })
            }
            _ => {
                self.expr(test)?;
                let c = self.truth_of_top(span)?;
                self.pop(span)?;
                match c {
                    Cond::Known(k) => {
                        // The current path is one outcome, with no test.
                        let j = self.new_join();
                        self.jump(j, span)?;
                        let here = std::mem::take(&mut self.joins[j]);
                        Ok(if k { (Vec::new(), here) } else { (here, Vec::new()) })
                    }
                    Cond::Var(c) => {
                        let (pf, pt) = self.switch(c, span)?;
                        Ok((vec![pf], vec![pt]))
                    }
                }
            }
        }
    }

    /// Builds a loop with `attempt`. A loop whose body deletes a local may
    /// leave a header variable undefined on a back edge: then the loop is
    /// rebuilt from a snapshot with that variable dropped from the header.
    fn build_loop(&mut self, body: &[Stmt], span: Span, attempt: &mut LoopAttempt<'_, 'h>) -> Result<()> {
        let has_del = contains_local_del(body);
        let mut excluded: Vec<usize> = Vec::new();
        loop {
            let snapshot = if has_del { Some(self.clone()) } else { None };
            match attempt(self, &excluded)? {
                None => return Ok(()),
                Some(missing) => match snapshot {
                    Some(s) => {
                        *self = s;
                        excluded.extend(missing);
                    }
                    None => return Err(internal(span, "a loop variable is undefined on a back edge")),
                },
            }
        }
    }

    fn while_loop(&mut self, test: &Expr, body: &[Stmt], orelse: &[Stmt], span: Span) -> Result<()> {
        self.build_loop(body, span, &mut |b, excluded| b.while_attempt(test, body, orelse, excluded, span))
    }

    fn while_attempt(
        &mut self,
        test: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        excluded: &[usize],
        span: Span,
    ) -> Result<Option<Vec<usize>>> {
        let header = self.enter_header(excluded, span)?;
        let brk = self.new_join();
        let cont = self.new_join();
        let els = if orelse.is_empty() { brk } else { self.new_join() };
        self.expr(test)?;
        let c = self.truth_of_top(test.span)?;
        self.pop(span)?;
        match c {
            Cond::Known(true) => {}
            Cond::Known(false) => self.jump(els, span)?,
            Cond::Var(c) => {
                let (pf, pt) = self.switch(c, span)?;
                self.joins[els].push(pf);
                self.finish(vec![pt], span)?;
            }
        }
        if self.cur.is_some() {
            self.frames.push(Frame::Loop { break_join: brk, continue_join: cont });
            self.stmts(body)?;
            self.frames.pop();
            self.jump_if_open(cont, span)?;
        }
        let back = std::mem::take(&mut self.joins[cont]);
        let missing = self.link_back(&header, back, span)?;
        if !missing.is_empty() {
            return Ok(Some(missing));
        }
        if els != brk && self.finish_join(els, span)? {
            self.stmts(orelse)?;
            self.jump_if_open(brk, span)?;
        }
        self.finish_join(brk, span)?;
        Ok(None)
    }

    fn for_loop(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt], span: Span) -> Result<()> {
        self.expr(iter)?;
        let seq = self.pop(span)?;
        if let Some(items) = self.unrolling_items(&seq) {
            return self.unrolled_loop(target, items, body, orelse, span);
        }
        let it = self.emit(HlOp::Iter, vec![seq], iter.span)?;
        let id = self.fresh_id();
        let it_slot = self.hidden_slot(format!(".iter{}", id));
        self.state.set(it_slot, Some(it));
        self.build_loop(body, span, &mut |b, excluded| b.for_attempt(target, body, orelse, it_slot, excluded, span))
    }

    fn for_attempt(
        &mut self,
        target: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        it_slot: usize,
        excluded: &[usize],
        span: Span,
    ) -> Result<Option<Vec<usize>>> {
        let header = self.enter_header(excluded, span)?;
        let brk = self.new_join();
        let cont = self.new_join();
        let els = if orelse.is_empty() { brk } else { self.new_join() };
        let stop = self.builtin_class("StopIteration", span)?;
        let it = self.state.get(it_slot).cloned().ok_or_else(|| internal(span, "lost the loop iterator"))?;
        let item = self.emit_catching(HlOp::Next, vec![it], span, Some((stop, els)))?;
        self.push(item);
        self.store(target)?;
        self.frames.push(Frame::Loop { break_join: brk, continue_join: cont });
        self.stmts(body)?;
        self.frames.pop();
        self.jump_if_open(cont, span)?;
        let back = std::mem::take(&mut self.joins[cont]);
        let missing = self.link_back(&header, back, span)?;
        if !missing.is_empty() {
            return Ok(Some(missing));
        }
        self.dead[it_slot] = true;
        if els != brk && self.finish_join(els, span)? {
            self.stmts(orelse)?;
            self.jump_if_open(brk, span)?;
        }
        self.finish_join(brk, span)?;
        Ok(None)
    }

    /// The items of a constant `unrolling_iterable` (rlib/unroll.py): an
    /// instance of a class of that name whose `_items` is a tuple or list.
    fn unrolling_items(&self, seq: &FlowOperand) -> Option<Vec<Value>> {
        let Operand::Const(Value::Obj(id)) = seq else { return None };
        let Some(Object::Instance(inst)) = self.obj(*id) else { return None };
        let mut todo = vec![inst.class];
        let mut found = false;
        while let Some(c) = todo.pop() {
            if let Some(Object::Class(k)) = self.obj(c) {
                if k.name == "unrolling_iterable" {
                    found = true;
                    break;
                }
                todo.extend(k.bases.iter().copied());
            }
        }
        if !found {
            return None;
        }
        match inst.attrs.get_str("_items") {
            Some(Value::Obj(items)) => match self.obj(*items) {
                Some(Object::Tuple(v)) | Some(Object::List(v)) => Some(v.clone()),
                _ => None,
            },
            _ => None,
        }
    }

    /// `for x in <unrolling_iterable>`: the body is built once per item,
    /// with `x` the constant item.
    fn unrolled_loop(
        &mut self,
        target: &Expr,
        items: Vec<Value>,
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) -> Result<()> {
        let brk = self.new_join();
        for item in items {
            let cont = self.new_join();
            self.push(Operand::Const(item));
            self.store(target)?;
            self.frames.push(Frame::Loop { break_join: brk, continue_join: cont });
            self.stmts(body)?;
            self.frames.pop();
            self.jump_if_open(cont, span)?;
            if !self.finish_join(cont, span)? {
                break;
            }
        }
        if self.cur.is_some() {
            self.stmts(orelse)?;
            self.jump_if_open(brk, span)?;
        }
        self.finish_join(brk, span)?;
        Ok(())
    }

    fn do_return(&mut self, v: FlowOperand, span: Span) -> Result<()> {
        let fin = self.frames.iter().rev().find_map(|f| match f {
            Frame::Finally { id, return_join, .. } => Some((*id, *return_join)),
            _ => None,
        });
        match fin {
            Some((id, j)) => {
                let s = self.hidden_slot(format!(".ret{}", id));
                self.state.stack.clear();
                self.state.set(s, Some(v));
                self.jump(j, span)
            }
            None => {
                let b = self.open(span)?;
                let target = self.graph.returnblock;
                self.graph.block_mut(b).exits.push(Link { target, args: vec![v], exitcase: None, exc_vars: None });
                self.cur = None;
                Ok(())
            }
        }
    }

    fn do_break(&mut self, is_continue: bool, span: Span) -> Result<()> {
        if !self.frames.iter().any(|f| matches!(f, Frame::Loop { .. })) {
            return Err(err(
                span,
                if is_continue { "'continue' not properly in loop" } else { "'break' outside loop" },
            ));
        }
        for f in self.frames.iter().rev() {
            let (b, c) = match f {
                Frame::Loop { break_join, continue_join } => (*break_join, *continue_join),
                Frame::Finally { break_join, continue_join, .. } => (*break_join, *continue_join),
                Frame::Except { .. } => continue,
            };
            return self.jump(if is_continue { c } else { b }, span);
        }
        Err(internal(span, "no loop"))
    }

    fn raise_stmt(&mut self, type_: Option<&Expr>, inst: Option<&Expr>, tback: bool, span: Span) -> Result<()> {
        if tback {
            return Err(err(span, "raise with a traceback is not RPython"));
        }
        let Some(texpr) = type_ else { return self.reraise(span) };
        match inst {
            None => {
                self.expr(texpr)?;
                let x = self.pop(span)?;
                if let Some(cls) = self.const_class(&x) {
                    // `raise E`: instantiate the class.
                    let v = self.emit(HlOp::SimpleCall, vec![x], span)?;
                    self.push(Operand::Const(cls));
                    self.push(v);
                } else {
                    // `raise E(args)` has a known class; any other value's class is its type.
                    let known = match &texpr.kind {
                        ExprKind::Call { func, .. } => self.const_expr(func).filter(|c| self.is_class(c)),
                        _ => None,
                    };
                    let t = match known {
                        Some(c) => Operand::Const(c),
                        None => self.emit(HlOp::Type, vec![x.clone()], span)?,
                    };
                    self.push(t);
                    self.push(x);
                }
            }
            Some(v) => {
                // `raise E, v` is `raise E(v)`.
                self.expr(texpr)?;
                let e = self.top(span)?;
                let Some(cls) = self.const_class(&e) else {
                    return Err(err(texpr.span, "'raise E, v' needs a constant exception class"));
                };
                self.expr(v)?;
                let a = self.pop_n(2, span)?;
                let inst = self.emit(HlOp::SimpleCall, a, span)?;
                self.push(Operand::Const(cls));
                self.push(inst);
            }
        }
        self.raise_dispatch(span)
    }

    fn reraise(&mut self, span: Span) -> Result<()> {
        let Some(&id) = self.handler_stack.last() else {
            return Err(err(span, "a bare 'raise' outside an except clause is not RPython"));
        };
        let (ts, vs) = self.exc_slots(id);
        let t = self.state.get(ts).cloned().ok_or_else(|| internal(span, "lost the caught exception"))?;
        let v = self.state.get(vs).cloned().ok_or_else(|| internal(span, "lost the caught exception"))?;
        self.push(t);
        self.push(v);
        self.raise_dispatch(span)
    }

    /// Raises the exception (type, value) on top of the stack: goes to the
    /// first enclosing handler that matches (decided now when the type is a
    /// constant, else by `exception_match` branches), or to a finally
    /// clause, or out of the function.
    fn raise_dispatch(&mut self, span: Span) -> Result<()> {
        let catch_all = if self.frames.iter().all(|f| matches!(f, Frame::Loop { .. })) {
            Value::None
        } else {
            self.catch_all(span)?
        };
        let mut i = self.frames.len();
        while i > 0 {
            i -= 1;
            match self.frames[i].clone() {
                Frame::Loop { .. } => {}
                Frame::Finally { id, exc_join, .. } => return self.jump_exc(exc_join, id, span),
                Frame::Except { id, handlers } => {
                    for h in handlers {
                        if h.catch_all {
                            return self.jump_exc(h.join, id, span);
                        }
                        for c in &h.classes {
                            let n = self.state.stack.len();
                            let etype = self
                                .state
                                .stack
                                .get(n.wrapping_sub(2))
                                .cloned()
                                .ok_or_else(|| internal(span, "no exception to raise"))?;
                            match self.static_match(&etype, c, &catch_all) {
                                Some(true) => return self.jump_exc(h.join, id, span),
                                Some(false) => {}
                                None => {
                                    let m =
                                        self.emit(HlOp::ExceptionMatch, vec![etype, Operand::Const(c.clone())], span)?;
                                    let (pf, pt) = self.switch(m, span)?;
                                    self.finish(vec![pt], span)?;
                                    self.jump_exc(h.join, id, span)?;
                                    self.finish(vec![pf], span)?;
                                }
                            }
                        }
                    }
                }
            }
        }
        let v = self.pop(span)?;
        let t = self.pop(span)?;
        let b = self.open(span)?;
        let target = self.graph.exceptblock;
        self.graph.block_mut(b).exits.push(Link { target, args: vec![t, v], exitcase: None, exc_vars: None });
        self.cur = None;
        Ok(())
    }

    /// Goes to handler or finally join `j` with the exception on the stack.
    fn jump_exc(&mut self, j: JoinId, id: u32, span: Span) -> Result<()> {
        let v = self.pop(span)?;
        let t = self.pop(span)?;
        self.state.stack.clear();
        let (ts, vs) = self.exc_slots(id);
        self.state.set(ts, Some(t));
        self.state.set(vs, Some(v));
        self.jump(j, span)
    }

    /// The classes an except clause catches: a constant class or tuple of them.
    fn handler_classes(&self, e: &Expr) -> Result<Vec<Value>> {
        let bad = || err(e.span, "an except clause must name a constant class or tuple of classes");
        if let ExprKind::Tuple(elts) = &e.kind {
            let mut out = Vec::new();
            for x in elts {
                out.extend(self.handler_classes(x)?);
            }
            return Ok(out);
        }
        let v = self.const_expr(e).ok_or_else(bad)?;
        if self.is_class(&v) {
            return Ok(vec![v]);
        }
        if let Value::Obj(id) = &v {
            if let Some(Object::Tuple(items)) = self.obj(*id) {
                if items.iter().all(|c| self.is_class(c)) {
                    return Ok(items.clone());
                }
            }
        }
        Err(bad())
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ast::ExceptHandler],
        orelse: &[Stmt],
        span: Span,
    ) -> Result<()> {
        let id = self.fresh_id();
        let mut hs = Vec::new();
        for h in handlers {
            let (classes, catch_all) = match &h.type_ {
                None => (Vec::new(), true),
                Some(e) => (self.handler_classes(e)?, false),
            };
            let join = self.new_join();
            hs.push(Handler { classes, catch_all, join });
        }
        self.frames.push(Frame::Except { id, handlers: hs.clone() });
        self.stmts(body)?;
        self.frames.pop();
        let after = self.new_join();
        if self.cur.is_some() {
            self.stmts(orelse)?;
            self.jump_if_open(after, span)?;
        }
        let (ts, vs) = self.exc_slots(id);
        for (h, ast_h) in hs.iter().zip(handlers) {
            // A handler nothing can reach is not built.
            if !self.finish_join(h.join, ast_h.span)? {
                continue;
            }
            if let Some(name) = &ast_h.name {
                let v = self.state.get(vs).cloned().ok_or_else(|| internal(ast_h.span, "lost the caught exception"))?;
                self.push(v);
                self.store(name)?;
            }
            if !contains_bare_raise(&ast_h.body) {
                self.state.set(ts, None);
                self.state.set(vs, None);
            }
            self.handler_stack.push(id);
            self.stmts(&ast_h.body)?;
            self.handler_stack.pop();
            if self.cur.is_some() {
                self.state.set(ts, None);
                self.state.set(vs, None);
                self.jump(after, span)?;
            }
        }
        self.dead[ts] = true;
        self.dead[vs] = true;
        self.finish_join(after, span)?;
        Ok(())
    }

    fn try_finally(&mut self, body: &[Stmt], finalbody: &[Stmt], span: Span) -> Result<()> {
        let id = self.fresh_id();
        let (exc_join, return_join) = (self.new_join(), self.new_join());
        let (break_join, continue_join) = (self.new_join(), self.new_join());
        self.frames.push(Frame::Finally { id, exc_join, return_join, break_join, continue_join });
        self.stmts(body)?;
        self.frames.pop();
        // Normal exit: the copy continues into what follows.
        if self.cur.is_some() {
            self.stmts(finalbody)?;
        }
        let saved_cur = self.cur.take();
        let saved_state = std::mem::take(&mut self.state);
        // Exception: run the copy, then raise it again.
        if self.finish_join(exc_join, span)? {
            self.stmts(finalbody)?;
            if self.cur.is_some() {
                let (ts, vs) = self.exc_slots(id);
                let t = self.state.get(ts).cloned().ok_or_else(|| internal(span, "lost the exception"))?;
                let v = self.state.get(vs).cloned().ok_or_else(|| internal(span, "lost the exception"))?;
                self.state.set(ts, None);
                self.state.set(vs, None);
                self.push(t);
                self.push(v);
                self.raise_dispatch(span)?;
            }
        }
        if self.finish_join(return_join, span)? {
            self.stmts(finalbody)?;
            if self.cur.is_some() {
                let rs = self.hidden_slot(format!(".ret{}", id));
                let v = self.state.get(rs).cloned().ok_or_else(|| internal(span, "lost the return value"))?;
                self.state.set(rs, None);
                self.do_return(v, span)?;
            }
        }
        for (j, is_continue) in [(break_join, false), (continue_join, true)] {
            if self.finish_join(j, span)? {
                self.stmts(finalbody)?;
                if self.cur.is_some() {
                    self.do_break(is_continue, span)?;
                }
            }
        }
        let (ts, vs) = self.exc_slots(id);
        let rs = self.hidden_slot(format!(".ret{}", id));
        for s in [ts, vs, rs] {
            self.dead[s] = true;
        }
        self.cur = saved_cur;
        self.state = saved_state;
        Ok(())
    }

    fn assert_stmt(&mut self, test: &Expr, msg: Option<&Expr>, span: Span) -> Result<()> {
        self.expr(test)?;
        let c = self.truth_of_top(test.span)?;
        self.pop(span)?;
        match c {
            Cond::Known(true) => Ok(()),
            Cond::Known(false) => self.raise_assertion(msg, span),
            Cond::Var(c) => {
                let (pf, pt) = self.switch(c, span)?;
                let ok = self.new_join();
                self.joins[ok].push(pt);
                self.finish(vec![pf], span)?;
                self.raise_assertion(msg, span)?;
                self.finish_join(ok, span)?;
                Ok(())
            }
        }
    }

    fn raise_assertion(&mut self, msg: Option<&Expr>, span: Span) -> Result<()> {
        let cls = self.builtin_class("AssertionError", span)?;
        let mut args = vec![Operand::Const(cls.clone())];
        if let Some(m) = msg {
            self.expr(m)?;
            args.push(self.pop(span)?);
        }
        let v = self.emit(HlOp::SimpleCall, args, span)?;
        self.push(Operand::Const(cls));
        self.push(v);
        self.raise_dispatch(span)
    }

    // ---- expressions: each pushes exactly one value ----

    // Each kind of expression has its own small method: `expr` recurses
    // once per nesting level, and one big match would give every level a
    // huge stack frame in debug builds.
    fn expr(&mut self, e: &Expr) -> Result<()> {
        let span = e.span;
        match &e.kind {
            ExprKind::BoolOp { op, values } => self.bool_op(*op == ast::BoolOpKind::And, values, span),
            ExprKind::BinOp { left, op, right } => self.binop(left, *op, right, span),
            ExprKind::UnaryOp { op, operand } => self.unary(*op, operand, span),
            ExprKind::Lambda { args, body } => match self.heap.nested_function(span) {
                Some(f) => {
                    self.push(Operand::Const(Value::Obj(f)));
                    Ok(())
                }
                None => Err(self.closure_error("lambda", args, span, &mut |f| walk_expr(body, f))),
            },
            ExprKind::IfExp { test, body, orelse } => self.if_exp(test, body, orelse, span),
            ExprKind::Dict { keys, values } => self.dict(keys, values, span),
            ExprKind::Set(_) => Err(err(span, "sets are not RPython")),
            ExprKind::ListComp { elt, generators } => self.list_comp(elt, generators, span),
            ExprKind::SetComp { .. } => Err(err(span, "set comprehensions are not RPython")),
            ExprKind::DictComp { .. } => Err(err(span, "dict comprehensions are not RPython")),
            ExprKind::GeneratorExp { .. } => Err(err(span, "generator expressions are not RPython")),
            ExprKind::Yield(value) => {
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.push(Operand::Const(Value::None)),
                }
                let v = self.pop(span)?;
                self.emit(HlOp::Yield, vec![v], span)?;
                // The generator resumes in a block of its own.
                let resume = self.new_join();
                self.jump(resume, span)?;
                self.finish_join(resume, span)?;
                self.push(Operand::Const(Value::None));
                Ok(())
            }
            ExprKind::Compare { left, ops, comparators } => self.compare(left, ops, comparators, span),
            ExprKind::Call { func, args, keywords, starargs, kwargs } => {
                if kwargs.is_some() {
                    return Err(err(span, "calls with **kwargs are not RPython"));
                }
                self.call(func, args, keywords, starargs.as_deref(), span)
            }
            ExprKind::Repr(x) => self.unary_op(HlOp::Repr, x, span),
            ExprKind::Complex(_) => Err(err(span, "complex numbers are not RPython")),
            ExprKind::UnicodeUnsupported(why) => Err(err(span, format!("unicode literal not supported yet: {}", why))),
            ExprKind::Int(_)
            | ExprKind::Long(_)
            | ExprKind::Float(_)
            | ExprKind::Str(_)
            | ExprKind::Unicode(_)
            | ExprKind::Name(_) => self.atom(e),
            ExprKind::Attribute { value, attr } => self.attribute(value, attr, span),
            ExprKind::Subscript { value, slice } => self.subscript_load(value, slice, span),
            ExprKind::List(elts) => self.sequence(HlOp::NewList, elts, span),
            ExprKind::Tuple(elts) => self.sequence(HlOp::NewTuple, elts, span),
        }
    }

    fn atom(&mut self, e: &Expr) -> Result<()> {
        let v = match &e.kind {
            ExprKind::Int(i) => Operand::Const(Value::Int(*i)),
            ExprKind::Long(digits) => Operand::Const(long_literal(digits, false, e.span)?),
            ExprKind::Float(f) => Operand::Const(Value::Float(*f)),
            ExprKind::Str(s) => Operand::Const(Value::Str(Rc::from(&s[..]))),
            ExprKind::Unicode(s) => Operand::Const(Value::Unicode(Rc::from(s.as_str()))),
            ExprKind::Name(n) => self.load_name(n, e.span)?,
            _ => return Err(internal(e.span, "not an atom")),
        };
        self.push(v);
        Ok(())
    }

    fn binop(&mut self, left: &Expr, op: BinOp, right: &Expr, span: Span) -> Result<()> {
        self.expr(left)?;
        self.expr(right)?;
        let a = self.pop_n(2, span)?;
        let r = self.emit(binary_op(op), a, span)?;
        self.push(r);
        Ok(())
    }

    fn unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> Result<()> {
        match op {
            UnaryOp::Not => {
                self.expr(operand)?;
                let v = self.pop(span)?;
                let r = self.not_(v, span)?;
                self.push(r);
                Ok(())
            }
            UnaryOp::USub => {
                if let Some(v) = negative_literal(operand)? {
                    self.push(Operand::Const(v));
                    return Ok(());
                }
                self.unary_op(HlOp::Neg, operand, span)
            }
            UnaryOp::Invert => self.unary_op(HlOp::Invert, operand, span),
            UnaryOp::UAdd => self.unary_op(HlOp::Pos, operand, span),
        }
    }

    fn unary_op(&mut self, op: HlOp, operand: &Expr, span: Span) -> Result<()> {
        self.expr(operand)?;
        let v = self.pop(span)?;
        let r = self.emit(op, vec![v], span)?;
        self.push(r);
        Ok(())
    }

    fn dict(&mut self, keys: &[Expr], values: &[Expr], span: Span) -> Result<()> {
        // CPython 2.7 evaluates each value before its key.
        for (k, v) in keys.iter().zip(values) {
            self.expr(v)?;
            self.expr(k)?;
        }
        let mut a = self.pop_n(2 * keys.len().min(values.len()), span)?;
        for pair in a.chunks_mut(2) {
            pair.swap(0, 1);
        }
        let r = self.emit(HlOp::NewDict, a, span)?;
        self.push(r);
        Ok(())
    }

    fn call(
        &mut self,
        func: &Expr,
        args: &[Expr],
        keywords: &[ast::Keyword],
        starargs: Option<&Expr>,
        span: Span,
    ) -> Result<()> {
        self.expr(func)?;
        if let Some(Operand::Const(Value::Obj(f))) = self.state.stack.last() {
            if is_ovfcheck(self.heap, *f) {
                self.pop(span)?;
                return self.ovfcheck(args, keywords, starargs, span);
            }
        }
        for a in args {
            self.expr(a)?;
        }
        for k in keywords {
            self.expr(&k.value)?;
        }
        if let Some(s) = starargs {
            self.expr(s)?;
        }
        let n = 1 + args.len() + keywords.len() + starargs.is_some() as usize;
        let mut a = self.pop_n(n, span)?;
        let r = if keywords.is_empty() && starargs.is_none() {
            self.emit(HlOp::SimpleCall, a, span)?
        } else {
            let shape = CallShape {
                positional: args.len(),
                keywords: keywords.iter().map(|k| k.arg.clone()).collect(),
                star_arg: starargs.is_some(),
            };
            a.insert(1, Operand::Const(shape.encode()));
            self.emit(HlOp::CallArgs, a, span)?
        };
        self.push(r);
        Ok(())
    }

    /// `ovfcheck(x OP y)`: the operation itself, in its overflow-checking
    /// form (as RPython's flow space does).
    fn ovfcheck(&mut self, args: &[Expr], keywords: &[ast::Keyword], starargs: Option<&Expr>, span: Span) -> Result<()> {
        let usage = "ovfcheck() must wrap one int operation, as in ovfcheck(a + b) (+, -, *, //, %, << or unary -)";
        if args.len() != 1 || !keywords.is_empty() || starargs.is_some() {
            return Err(err(span, usage));
        }
        let (op, operands): (HlOp, Vec<&Expr>) = match &args[0].kind {
            ExprKind::BinOp { left, op, right } => {
                let op = match op {
                    BinOp::Add => HlOp::AddOvf,
                    BinOp::Sub => HlOp::SubOvf,
                    BinOp::Mult => HlOp::MulOvf,
                    BinOp::FloorDiv | BinOp::Div => HlOp::FloorDivOvf,
                    BinOp::Mod => HlOp::ModOvf,
                    BinOp::LShift => HlOp::LShiftOvf,
                    _ => return Err(err(args[0].span, usage)),
                };
                (op, vec![&**left, &**right])
            }
            ExprKind::UnaryOp { op: UnaryOp::USub, operand } => (HlOp::NegOvf, vec![&**operand]),
            _ => return Err(err(args[0].span, usage)),
        };
        for e in &operands {
            self.expr(e)?;
        }
        let a = self.pop_n(operands.len(), span)?;
        let r = self.emit(op, a, args[0].span)?;
        self.push(r);
        Ok(())
    }

    fn attribute(&mut self, value: &Expr, attr: &str, span: Span) -> Result<()> {
        self.expr(value)?;
        let o = self.pop(span)?;
        let r = self.getattr(o, attr, span)?;
        self.push(r);
        Ok(())
    }

    fn subscript_load(&mut self, value: &Expr, slice: &ast::Slice, span: Span) -> Result<()> {
        let sub = self.subscript(slice, span)?;
        self.expr(value)?;
        let r = match sub {
            Sub::Index(i) => {
                self.expr(i)?;
                let a = self.pop_n(2, span)?;
                self.emit(HlOp::GetItem, a, span)?
            }
            Sub::Range(lo, hi) => {
                self.push_bound(lo)?;
                self.push_bound(hi)?;
                let a = self.pop_n(3, span)?;
                self.emit(HlOp::GetSlice, a, span)?
            }
        };
        self.push(r);
        Ok(())
    }

    fn sequence(&mut self, op: HlOp, elts: &[Expr], span: Span) -> Result<()> {
        for x in elts {
            self.expr(x)?;
        }
        let a = self.pop_n(elts.len(), span)?;
        let r = self.emit(op, a, span)?;
        self.push(r);
        Ok(())
    }

    fn subscript<'a>(&self, s: &'a ast::Slice, span: Span) -> Result<Sub<'a>> {
        match s {
            ast::Slice::Index(e) => Ok(Sub::Index(e)),
            ast::Slice::Slice { lower, upper, step } => {
                if let Some(st) = step {
                    if !matches!(&st.kind, ExprKind::Name(n) if n == "None") {
                        return Err(err(span, "extended slices are not RPython"));
                    }
                }
                Ok(Sub::Range(lower.as_ref(), upper.as_ref()))
            }
            ast::Slice::Ellipsis | ast::Slice::ExtSlice(_) => Err(err(span, "extended slices are not RPython")),
        }
    }

    fn push_bound(&mut self, e: Option<&Expr>) -> Result<()> {
        match e {
            Some(e) => self.expr(e),
            None => {
                self.push(Operand::Const(Value::None));
                Ok(())
            }
        }
    }

    /// `a and b` / `a or b`: each operand but the last either short-circuits
    /// to the result join (with its own value) or is dropped.
    fn bool_op(&mut self, is_and: bool, values: &[Expr], span: Span) -> Result<()> {
        let join = self.new_join();
        for (i, v) in values.iter().enumerate() {
            self.expr(v)?;
            if i + 1 == values.len() {
                break;
            }
            match self.truth_of_top(v.span)? {
                Cond::Known(t) => {
                    if t != is_and {
                        // Short-circuits: the remaining operands are never evaluated.
                        self.jump(join, span)?;
                        return self.finish_join(join, span).map(|_| ());
                    }
                    self.pop(span)?;
                }
                Cond::Var(c) => {
                    let (pf, pt) = self.switch(c, span)?;
                    let (stop, mut go_on) = if is_and { (pf, pt) } else { (pt, pf) };
                    self.joins[join].push(stop);
                    go_on.state.stack.pop();
                    self.finish(vec![go_on], span)?;
                }
            }
        }
        self.jump(join, span)?;
        self.finish_join(join, span)?;
        Ok(())
    }

    fn if_exp(&mut self, test: &Expr, body: &Expr, orelse: &Expr, span: Span) -> Result<()> {
        self.expr(test)?;
        let c = self.truth_of_top(test.span)?;
        self.pop(span)?;
        match c {
            Cond::Known(true) => self.expr(body),
            Cond::Known(false) => self.expr(orelse),
            Cond::Var(c) => {
                let (pf, pt) = self.switch(c, span)?;
                let join = self.new_join();
                self.finish(vec![pt], span)?;
                self.expr(body)?;
                self.jump(join, span)?;
                self.finish(vec![pf], span)?;
                self.expr(orelse)?;
                self.jump(join, span)?;
                self.finish_join(join, span)?;
                Ok(())
            }
        }
    }

    /// `a < b < c`: each comparison but the last branches; a false result
    /// goes straight to the result join.
    fn compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr], span: Span) -> Result<()> {
        if ops.is_empty() || ops.len() != comparators.len() {
            return Err(internal(span, "malformed comparison"));
        }
        self.expr(left)?;
        let join = self.new_join();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 == ops.len() {
                let a = self.pop_n(2, span)?;
                let r = self.compare_op(*op, a[0].clone(), a[1].clone(), span)?;
                self.push(r);
                break;
            }
            // Keep the right operand: it is the next comparison's left one.
            let n = self.state.stack.len();
            let (a, b) = (self.state.stack[n - 2].clone(), self.state.stack[n - 1].clone());
            let r = self.compare_op(*op, a, b, span)?;
            Self::drop_below_top(&mut self.state, span)?;
            self.push(r.clone());
            match self.truth(r, span)? {
                Cond::Known(true) => {
                    self.pop(span)?;
                }
                Cond::Known(false) => {
                    Self::drop_below_top(&mut self.state, span)?;
                    self.jump(join, span)?;
                    self.finish_join(join, span)?;
                    return Ok(());
                }
                Cond::Var(c) => {
                    let (mut pf, mut pt) = self.switch(c, span)?;
                    Self::drop_below_top(&mut pf.state, span)?;
                    self.joins[join].push(pf);
                    pt.state.stack.pop();
                    self.finish(vec![pt], span)?;
                }
            }
        }
        if ops.len() > 1 {
            self.jump(join, span)?;
            self.finish_join(join, span)?;
        }
        Ok(())
    }

    fn compare_op(&mut self, op: CmpOp, a: FlowOperand, b: FlowOperand, span: Span) -> Result<FlowOperand> {
        let simple = |op| -> Option<HlOp> {
            Some(match op {
                CmpOp::Eq => HlOp::Eq,
                CmpOp::NotEq => HlOp::Ne,
                CmpOp::Lt => HlOp::Lt,
                CmpOp::LtE => HlOp::Le,
                CmpOp::Gt => HlOp::Gt,
                CmpOp::GtE => HlOp::Ge,
                CmpOp::Is => HlOp::Is,
                _ => return None,
            })
        };
        if let Some(h) = simple(op) {
            return self.emit(h, vec![a, b], span);
        }
        match op {
            CmpOp::IsNot => {
                let r = self.emit(HlOp::Is, vec![a, b], span)?;
                self.emit(HlOp::Not, vec![r], span)
            }
            CmpOp::In => self.emit(HlOp::Contains, vec![b, a], span),
            _ => {
                let r = self.emit(HlOp::Contains, vec![b, a], span)?;
                self.emit(HlOp::Not, vec![r], span)
            }
        }
    }

    /// `[elt for x in s if c ...]`: `newlist()`, then nested loops appending.
    fn list_comp(&mut self, elt: &Expr, gens: &[ast::Comprehension], span: Span) -> Result<()> {
        if gens.is_empty() {
            return Err(internal(span, "list comprehension without a for"));
        }
        let l = self.emit(HlOp::NewList, vec![], span)?;
        self.push(l);
        let lpos = self.state.stack.len() - 1;
        self.comp_loop(elt, gens, lpos, span)
    }

    fn comp_loop(&mut self, elt: &Expr, gens: &[ast::Comprehension], lpos: usize, span: Span) -> Result<()> {
        let g = &gens[0];
        self.expr(&g.iter)?;
        let seq = self.pop(span)?;
        let it = self.emit(HlOp::Iter, vec![seq], g.iter.span)?;
        self.push(it);
        let header = self.enter_header(&[], span)?;
        let exit = self.new_join();
        let cont = self.new_join();
        let stop = self.builtin_class("StopIteration", span)?;
        let it = self.top(span)?;
        let item = self.emit_catching(HlOp::Next, vec![it], span, Some((stop, exit)))?;
        self.push(item);
        self.store(&g.target)?;
        for cond in &g.ifs {
            self.expr(cond)?;
            let c = self.truth_of_top(cond.span)?;
            self.pop(span)?;
            match c {
                Cond::Known(true) => {}
                Cond::Known(false) => {
                    self.jump(cont, span)?;
                    break;
                }
                Cond::Var(c) => {
                    let (pf, pt) = self.switch(c, span)?;
                    self.joins[cont].push(pf);
                    self.finish(vec![pt], span)?;
                }
            }
        }
        if self.cur.is_some() {
            if gens.len() > 1 {
                self.comp_loop(elt, &gens[1..], lpos, span)?;
            } else {
                self.expr(elt)?;
                let l = self.state.stack.get(lpos).cloned().ok_or_else(|| internal(span, "lost the list"))?;
                let m = self.getattr(l, "append", span)?;
                let e = self.pop(span)?;
                self.emit(HlOp::SimpleCall, vec![m, e], span)?;
            }
            self.jump_if_open(cont, span)?;
        }
        let back = std::mem::take(&mut self.joins[cont]);
        if !self.link_back(&header, back, span)?.is_empty() {
            return Err(internal(span, "a variable is undefined on a comprehension's back edge"));
        }
        if !self.finish_join(exit, span)? {
            return Err(internal(span, "a comprehension loop has no exit"));
        }
        self.pop(span)?;
        Ok(())
    }

    /// Why a nested function (or lambda) was not created at import time:
    /// it uses a variable of this function (a closure), or its decorators
    /// or defaults need run-time values.
    fn closure_error<'b>(
        &self,
        what: &str,
        args: &'b ast::Arguments,
        span: Span,
        visit_body: &mut dyn FnMut(&mut dyn FnMut(Node<'b>)),
    ) -> Diagnostic {
        let mut params: Vec<String> = Vec::new();
        for a in &args.args {
            target_names(a, &mut params);
        }
        params.extend(args.vararg.iter().cloned());
        params.extend(args.kwarg.iter().cloned());
        let mut captured = None;
        visit_body(&mut |n| {
            if let Node::Expr(Expr { kind: ExprKind::Name(x), .. }) = n {
                if captured.is_none() && self.locals.contains_key(x) && !params.contains(x) {
                    captured = Some(x.clone());
                }
            }
        });
        match captured {
            Some(x) => err(
                span,
                format!("{} uses the local variable '{}' of {}(): closures are not RPython", what, x, self.func.name),
            ),
            None => err(span, format!("{} with decorators or non-constant default values is not supported yet", what)),
        }
    }
}

// ---- operator tables ----

/// The hidden locals of the `with` statement at `span`: the manager, the
/// "no exception" flag and the caught exception (not Python identifiers,
/// so they never clash with the program's names).
fn with_hidden_names(span: Span) -> [String; 3] {
    let at = format!("@{}:{}", span.line, span.col);
    [format!(".with_mgr{}", at), format!(".with_ok{}", at), format!(".with_exc{}", at)]
}

/// `with CONTEXT as VARS: BODY` as the statements PEP 343 gives for it:
///
/// ```text
/// mgr = CONTEXT; ok = True
/// try:
///     try:
///         VARS = mgr.__enter__()
///         BODY
///     except BaseException, exc:
///         ok = False
///         if not mgr.__exit__(type(exc), exc, None): raise
/// finally:
///     if ok: mgr.__exit__(None, None, None)
/// ```
fn with_translation(context: &Expr, vars: Option<&Expr>, body: &[Stmt], span: Span) -> Vec<Stmt> {
    let [mgr, ok, exc] = with_hidden_names(span);
    let e = |kind: ExprKind| Expr { span, kind };
    let st = |kind: StmtKind| Stmt { span, kind };
    let name = |n: &str| e(ExprKind::Name(n.to_string()));
    let call = |f: Expr, args: Vec<Expr>| {
        e(ExprKind::Call { func: Box::new(f), args, keywords: Vec::new(), starargs: None, kwargs: None })
    };
    let method = |m: &str| e(ExprKind::Attribute { value: Box::new(name(&mgr)), attr: m.to_string() });
    let assign = |target: Expr, value: Expr| st(StmtKind::Assign { targets: vec![target], value });
    let enter = call(method("__enter__"), Vec::new());
    let mut inner = vec![match vars {
        Some(v) => assign(v.clone(), enter),
        None => st(StmtKind::Expr(enter)),
    }];
    inner.extend(body.iter().cloned());
    let exit_with_exc = call(method("__exit__"), vec![call(name("type"), vec![name(&exc)]), name(&exc), name("None")]);
    let handler = ExceptHandler {
        span,
        type_: Some(name("BaseException")),
        name: Some(name(&exc)),
        body: vec![
            assign(name(&ok), name("False")),
            st(StmtKind::If {
                test: e(ExprKind::UnaryOp { op: UnaryOp::Not, operand: Box::new(exit_with_exc) }),
                body: vec![st(StmtKind::Raise { type_: None, inst: None, tback: None })],
                orelse: Vec::new(),
            }),
        ],
    };
    let exit_clean = call(method("__exit__"), vec![name("None"), name("None"), name("None")]);
    vec![
        assign(name(&mgr), context.clone()),
        assign(name(&ok), name("True")),
        st(StmtKind::TryFinally {
            body: vec![st(StmtKind::TryExcept { body: inner, handlers: vec![handler], orelse: Vec::new() })],
            finalbody: vec![st(StmtKind::If { test: name(&ok), body: vec![st(StmtKind::Expr(exit_clean))], orelse: Vec::new() })],
        }),
    ]
}

/// Whether `f` is `rpython.rlib.rarithmetic.ovfcheck`.
fn is_ovfcheck(heap: &Heap, f: ObjId) -> bool {
    match safe_get(heap, f) {
        Some(Object::Function(func)) => {
            func.name == "ovfcheck"
                && matches!(safe_get(heap, func.module), Some(Object::Module(m)) if m.name == "rpython.rlib.rarithmetic")
        }
        _ => false,
    }
}

fn binary_op(op: BinOp) -> HlOp {
    match op {
        BinOp::Add => HlOp::Add,
        BinOp::Sub => HlOp::Sub,
        BinOp::Mult => HlOp::Mul,
        BinOp::Div => HlOp::Div,
        BinOp::TrueDiv => HlOp::TrueDiv,
        BinOp::Mod => HlOp::Mod,
        BinOp::Pow => HlOp::Pow,
        BinOp::LShift => HlOp::LShift,
        BinOp::RShift => HlOp::RShift,
        BinOp::BitOr => HlOp::Or,
        BinOp::BitXor => HlOp::Xor,
        BinOp::BitAnd => HlOp::And,
        BinOp::FloorDiv => HlOp::FloorDiv,
    }
}

fn inplace_op(op: BinOp) -> HlOp {
    match op {
        BinOp::Add => HlOp::InplaceAdd,
        BinOp::Sub => HlOp::InplaceSub,
        BinOp::Mult => HlOp::InplaceMul,
        BinOp::Div => HlOp::InplaceDiv,
        BinOp::TrueDiv => HlOp::InplaceTrueDiv,
        BinOp::Mod => HlOp::InplaceMod,
        BinOp::Pow => HlOp::InplacePow,
        BinOp::LShift => HlOp::InplaceLShift,
        BinOp::RShift => HlOp::InplaceRShift,
        BinOp::BitOr => HlOp::InplaceOr,
        BinOp::BitXor => HlOp::InplaceXor,
        BinOp::BitAnd => HlOp::InplaceAnd,
        BinOp::FloorDiv => HlOp::InplaceFloorDiv,
    }
}

fn long_literal(digits: &str, negate: bool, span: Span) -> Result<Value> {
    // The parser gives decimal digits, with a `-` when it folded a minus.
    let n: i128 = digits.parse().map_err(|_| err(span, "integer literal is too large"))?;
    if !negate {
        return Ok(Value::Long(n));
    }
    // `-9223372036854775808` is an int (the digits alone are not).
    if n == 1i128 << 63 {
        return Ok(Value::Int(i64::MIN));
    }
    n.checked_neg().map(Value::Long).ok_or_else(|| err(span, "integer literal is too large"))
}

/// `-` applied directly to a number literal is a negative literal (as in
/// CPython's compiler), not a `neg` operation. (The parser already folds
/// most of them.)
fn negative_literal(e: &Expr) -> Result<Option<Value>> {
    Ok(match &e.kind {
        ExprKind::Int(i) => Some(match i.checked_neg() {
            Some(n) => Value::Int(n),
            None => Value::Long(-(*i as i128)),
        }),
        ExprKind::Float(f) => Some(Value::Float(-f)),
        ExprKind::Long(d) => Some(long_literal(d, true, e.span)?),
        _ => None,
    })
}

fn seq_elts(e: &Expr) -> Option<&[Expr]> {
    match &e.kind {
        ExprKind::Tuple(x) | ExprKind::List(x) => Some(x),
        _ => None,
    }
}

// ---- scans over the function body ----

/// Names bound by an assignment target.
fn target_names(t: &Expr, out: &mut Vec<String>) {
    match &t.kind {
        ExprKind::Name(n) if !out.contains(n) => out.push(n.clone()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => elts.iter().for_each(|e| target_names(e, out)),
        _ => {}
    }
}

/// The function's local variables in a fixed order (parameters first, then
/// by first binding), and the names it declares `global`.
fn scan_locals(def: &ast::FunctionDef) -> (Vec<String>, HashSet<String>) {
    let mut names = Vec::new();
    let mut globals = HashSet::new();
    for a in &def.args.args {
        target_names(a, &mut names);
    }
    if let Some(v) = &def.args.vararg {
        if !names.contains(v) {
            names.push(v.clone());
        }
    }
    walk_stmts(&def.body, &mut |n| match n {
        Node::Stmt(s) => match &s.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| target_names(t, &mut names)),
            StmtKind::AugAssign { target, .. } | StmtKind::For { target, .. } => target_names(target, &mut names),
            StmtKind::With { vars, .. } => {
                if let Some(v) = vars {
                    target_names(v, &mut names);
                }
                names.extend(with_hidden_names(s.span));
            }
            StmtKind::TryExcept { handlers, .. } => {
                for h in handlers {
                    if let Some(t) = &h.name {
                        target_names(t, &mut names);
                    }
                }
            }
            StmtKind::Delete(ts) => ts.iter().for_each(|t| target_names(t, &mut names)),
            StmtKind::Import(aliases) | StmtKind::ImportFrom { names: aliases, .. } => {
                for a in aliases {
                    let n = a.asname.clone().unwrap_or_else(|| a.name.split('.').next().unwrap_or("").to_string());
                    if n != "*" && !n.is_empty() && !names.contains(&n) {
                        names.push(n);
                    }
                }
            }
            StmtKind::FunctionDef(d) if !names.contains(&d.name) => names.push(d.name.clone()),
            StmtKind::ClassDef(c) if !names.contains(&c.name) => names.push(c.name.clone()),
            StmtKind::Global(g) => globals.extend(g.iter().cloned()),
            _ => {}
        },
        // Python 2 list comprehension variables belong to the function.
        Node::Expr(e) => {
            if let ExprKind::ListComp { generators, .. } = &e.kind {
                for g in generators {
                    target_names(&g.target, &mut names);
                }
            }
        }
    });
    names.retain(|n| !globals.contains(n));
    (names, globals)
}

fn contains_local_del(body: &[Stmt]) -> bool {
    let mut found = false;
    walk_stmts(body, &mut |n| {
        if let Node::Stmt(Stmt { kind: StmtKind::Delete(ts), .. }) = n {
            let mut names = Vec::new();
            ts.iter().for_each(|t| target_names(t, &mut names));
            found |= !names.is_empty();
        }
    });
    found
}

fn contains_bare_raise(body: &[Stmt]) -> bool {
    let mut found = false;
    walk_stmts(body, &mut |n| {
        if let Node::Stmt(Stmt { kind: StmtKind::Raise { type_: None, .. }, .. }) = n {
            found = true;
        }
    });
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use diag::FileId;
    use hostobj::OrderedDict;

    /// Builds the flow graph of `source`'s first statement, a function, in a
    /// module of its own.
    fn build_first(source: &str) -> Result<FlowGraph> {
        let tree = syntax::parse_module(source, FileId(0)).expect("parses");
        let Some(StmtKind::FunctionDef(def)) = tree.body.into_iter().next().map(|s| s.kind) else { panic!("not a def") };
        let mut heap = Heap::new();
        let globals = OrderedDict::new();
        let m = heap.alloc(Object::Module(Module { name: "m".into(), file: Some(FileId(0)), globals }));
        let f = heap.alloc(Object::Function(Function {
            name: def.name.clone(),
            module: m,
            def: Rc::new(def),
            defaults: Vec::new(),
            closure: Vec::new(),
            attrs: OrderedDict::new(),
            span: Span::new(FileId(0), 1, 1),
        }));
        build(&heap, f)
    }

    #[test]
    fn unsupported_unicode_literals() {
        let e = build_first("def f():\n    return u'a' u'\\udc80'\n").expect_err("an error");
        assert_eq!((e.span.line, e.span.col), (2, 12));
        assert_eq!(e.message, "unicode literal not supported yet: surrogate code point U+DC80");
        // A docstring is never evaluated.
        assert!(build_first("def f():\n    u'\\N{BULLET}'\n    return 1\n").is_ok());
    }
}

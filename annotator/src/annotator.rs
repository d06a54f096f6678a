//! The fixpoint engine: graphs, bindings, the worklist, unions and the
//! messages for conflicting unions.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};

use diag::{Diagnostic, FileId, Span};
use flowmodel::{BlockId, ExitSwitch, Operand, VarId};
use flowspace::{FlowGraph, FlowLink, HlOp};
use hostobj::{Heap, Object, ObjId, Value};
use syntax::ast;

use crate::model::{find_listdef, union_simple, ListDef, ListDefId, SomeValue, S_STR};
use crate::{AnnotatedGraph, Annotations, GraphId};

/// A block of a graph: the unit of (re)flowing.
pub(crate) type BlockKey = (u32, u32);

/// What a merged variable is, for the message of a conflicting union.
pub(crate) enum Place {
    Argument { param: String, func: ObjId },
    Variable(String),
    Return(ObjId),
    Result,
}

pub(crate) struct Annotator<'h, 'b> {
    pub heap: &'h Heap,
    build_graph: &'b mut dyn FnMut(&Heap, ObjId) -> Result<FlowGraph, Diagnostic>,
    pub graphs: Vec<AnnotatedGraph>,
    graph_index: HashMap<(ObjId, String), GraphId>,
    pub listdefs: Vec<ListDef>,
    /// The listdef of each `newlist` operation, so re-flows reuse it.
    pub newlist_defs: HashMap<(u32, u32, u32), ListDefId>,
    /// Per graph: the blocks that read its return value.
    pub return_readers: Vec<BTreeSet<BlockKey>>,
    /// Blocks stopped at an operation (by index) whose result is not known yet.
    blocked: BTreeMap<BlockKey, usize>,
    worklist: VecDeque<BlockKey>,
    queued: HashSet<BlockKey>,
    /// Short file names ("prog.py") for messages, from the modules' names.
    file_names: HashMap<FileId, String>,
    /// The entry point's graph.
    entry: Option<GraphId>,
    /// One classdef per class, by class object (`classdef.rs`).
    pub classdefs: BTreeMap<ObjId, crate::model::ClassDef>,
    /// Blocks that looked up methods or attributes, re-flowed when a new
    /// classdef appears.
    pub class_readers: HashMap<ObjId, BTreeSet<BlockKey>>,
    /// The graphs of generator functions, with the listdef of their items.
    pub generators: HashMap<GraphId, ListDefId>,
    /// The first call that reached each graph (caller, call span): the
    /// call chain noted under errors.
    pub first_caller: HashMap<GraphId, (GraphId, Span)>,
    /// Prebuilt instances already merged into their classdefs.
    pub prebuilt_seen: HashSet<ObjId>,
    /// The operation being annotated (graph, block, index).
    pub current_op: (u32, u32, u32),
    /// The listdef of each prebuilt list (of its keys, for a prebuilt dict).
    pub prebuilt_lists: HashMap<ObjId, ListDefId>,
    /// The listdef of the values of each prebuilt dict.
    pub prebuilt_dict_values: HashMap<ObjId, ListDefId>,
    /// The graph (and argument binding) each call reaches, per function.
    pub call_targets: HashMap<crate::CallSiteKey, (GraphId, crate::CallBinding)>,
    /// The graphs the call being annotated goes to.
    pub call_graphs: Vec<GraphId>,
    /// Blocks stopped at a call that does not return (yet), with its callees.
    /// (None: a `next` that never produces an item.)
    blocked_calls: BTreeMap<BlockKey, Option<Vec<GraphId>>>,
}

impl<'h, 'b> Annotator<'h, 'b> {
    pub fn new(
        heap: &'h Heap,
        build_graph: &'b mut dyn FnMut(&Heap, ObjId) -> Result<FlowGraph, Diagnostic>,
    ) -> Annotator<'h, 'b> {
        let mut file_names = HashMap::new();
        for i in 0..heap.len() {
            if let Object::Module(m) = heap.get(ObjId(i as u32)) {
                if let Some(file) = m.file {
                    let base = m.name.rsplit('.').next().unwrap_or(&m.name);
                    file_names.entry(file).or_insert_with(|| format!("{}.py", base));
                }
            }
        }
        Annotator {
            heap,
            build_graph,
            graphs: Vec::new(),
            graph_index: HashMap::new(),
            listdefs: Vec::new(),
            newlist_defs: HashMap::new(),
            return_readers: Vec::new(),
            blocked: BTreeMap::new(),
            worklist: VecDeque::new(),
            queued: HashSet::new(),
            file_names,
            entry: None,
            classdefs: BTreeMap::new(),
            class_readers: HashMap::new(),
            first_caller: HashMap::new(),
            generators: HashMap::new(),
            prebuilt_seen: HashSet::new(),
            call_graphs: Vec::new(),
            prebuilt_lists: HashMap::new(),
            prebuilt_dict_values: HashMap::new(),
            call_targets: HashMap::new(),
            current_op: (0, 0, 0),
            blocked_calls: BTreeMap::new(),
        }
    }

    pub fn run(mut self, entry: ObjId) -> Result<Annotations, Diagnostic> {
        let Some(func) = self.heap.function(entry) else {
            let what = self.heap.describe(&Value::Obj(entry));
            return Err(Diagnostic::error(Span::default(), format!("the entry point must be a function, not {}", what)));
        };
        let (fspan, fname) = (func.span, func.name.clone());
        let sig = crate::calls::signature(self.heap, entry).map_err(|m| Diagnostic::error(fspan, m))?;
        let params = sig.params;
        if params.len() != 1 || sig.vararg.is_some() {
            return Err(Diagnostic::error(
                fspan,
                format!("the entry point {}() must take exactly one argument (argv), not {}", fname, params.len()),
            ));
        }
        let g = self.graph_for(entry, "", fspan)?;
        self.entry = Some(g);
        let argv = self.new_listdef(S_STR);
        // The runtime builds argv as a resizable list.
        self.mark_resized(argv);
        let start = self.graph(g).graph.startblock;
        let arg0 = self.graph(g).graph.block(start).inputargs[0];
        let place = Place::Argument { param: params[0].clone(), func: entry };
        self.merge_into(g, arg0, SomeValue::List { listdef: argv, can_be_none: false }, fspan, place)?;
        self.schedule(g, start);

        while let Some(key) = self.worklist.pop_front() {
            self.queued.remove(&key);
            if let Err(d) = self.flow_block(GraphId(key.0), BlockId(key.1)) {
                return Err(self.with_call_chain(d, GraphId(key.0)));
            }
        }

        // A call that never returns is fine when its callee raises: it
        // reaches its except block, or stops at such a call itself.
        let mut raising: HashSet<u32> = (0..self.graphs.len() as u32)
            .filter(|&i| {
                let ag = &self.graphs[i as usize];
                ag.is_reached(ag.graph.exceptblock)
            })
            .collect();
        loop {
            let before = raising.len();
            for (&(g, _), callees) in &self.blocked_calls {
                if callees.as_ref().is_some_and(|callees| callees.iter().any(|c| raising.contains(&c.0))) {
                    raising.insert(g);
                }
            }
            if raising.len() == before {
                break;
            }
        }
        let fine: Vec<BlockKey> = self
            .blocked
            .keys()
            .filter(|k| match self.blocked_calls.get(k) {
                Some(Some(callees)) => callees.iter().any(|c| raising.contains(&c.0)),
                Some(None) => true,
                None => false,
            })
            .copied()
            .collect();
        for k in fine {
            self.blocked.remove(&k);
        }
        // A blocked call is usually the consequence of another blocked
        // operation in its callee: report that one first.
        let is_call = |(&(g, b), &index): (&BlockKey, &usize)| {
            let op = &self.graphs[g as usize].graph.block(BlockId(b)).operations[index];
            matches!(op.op, HlOp::SimpleCall | HlOp::CallArgs)
        };
        let first = self.blocked.iter().find(|&e| !is_call(e)).or_else(|| self.blocked.iter().next());
        if let Some((&(g, b), &index)) = first {
            let op = &self.graphs[g as usize].graph.block(BlockId(b)).operations[index];
            if matches!(op.op, HlOp::GetAttr | HlOp::SetAttr) {
                if let Some(Operand::Const(Value::Str(name))) = op.args.get(1) {
                    let name = String::from_utf8_lossy(name).into_owned();
                    let is_none = match op.args.first() {
                        Some(Operand::Var(v)) => self.graphs[g as usize].bindings[v.0 as usize] == SomeValue::None,
                        Some(Operand::Const(c)) => *c == Value::None,
                        None => false,
                    };
                    if is_none {
                        let what = if op.op == HlOp::GetAttr { "reading" } else { "setting" };
                        return Err(Diagnostic::error(
                            op.span,
                            format!("{} attribute '{}' of None: the value here is always None", what, name),
                        ));
                    }
                }
            }
            if op.op == HlOp::GetAttr {
                if let Some(Operand::Const(Value::Str(name))) = op.args.get(1) {
                    let name = String::from_utf8_lossy(name).into_owned();
                    let owner = match op.args.first() {
                        Some(Operand::Var(v)) => match &self.graphs[g as usize].bindings[v.0 as usize] {
                            SomeValue::Instance { class, .. } => crate::model::class_name(self.heap, *class),
                            other => self.describe(other),
                        },
                        _ => "this object".to_string(),
                    };
                    return Err(Diagnostic::error(
                        op.span,
                        format!("attribute '{}' of {} is never set, so reading it can never succeed", name, owner),
                    ));
                }
            }
            let why = match op.op {
                HlOp::SimpleCall | HlOp::CallArgs => "the function it calls never returns",
                HlOp::GetAttr => "the attribute is never set",
                _ => "its value is never known (an item of a list that is always empty?)",
            };
            return Err(Diagnostic::error(op.span, format!("this operation can never complete: {}", why)));
        }

        Ok(Annotations {
            graphs: self.graphs,
            entry: g,
            listdefs: self.listdefs,
            graph_index: self.graph_index,
            classdefs: self.classdefs,
            prebuilt_lists: self.prebuilt_lists,
            prebuilt_dict_values: self.prebuilt_dict_values,
            call_targets: self.call_targets,
            generators: self.generators,
        })
    }

    /// Notes how the entry point reached graph `g` (where `d` arose): each
    /// function's first caller, innermost first.
    fn with_call_chain(&self, mut d: Diagnostic, mut g: GraphId) -> Diagnostic {
        let name = |g: GraphId| self.heap.function(self.graphs[g.0 as usize].func).map_or("?".to_string(), |f| f.name.clone());
        let mut seen = HashSet::new();
        while let Some(&(caller, span)) = self.first_caller.get(&g) {
            if !seen.insert(g) || seen.len() > 8 {
                break;
            }
            d = d.with_note(Some(span), format!("{}() is called from {}() here", name(g), name(caller)));
            g = caller;
        }
        d
    }

    pub fn graph(&self, g: GraphId) -> &AnnotatedGraph {
        &self.graphs[g.0 as usize]
    }

    /// The graph of `func` for specialization `key` ("" by default), built
    /// on first use.
    pub fn graph_for(&mut self, func: ObjId, key: &str, span: Span) -> Result<GraphId, Diagnostic> {
        let key = (func, key.to_string());
        if let Some(&g) = self.graph_index.get(&key) {
            return Ok(g);
        }
        let graph = (self.build_graph)(self.heap, func)?;
        let sig = crate::calls::signature(self.heap, func).map_err(|m| Diagnostic::error(span, m))?;
        let nparams = sig.params.len() + sig.vararg.is_some() as usize;
        if graph.block(graph.startblock).inputargs.len() != nparams {
            return Err(Diagnostic::error(
                graph.span,
                format!("internal error: the flow graph of {} has the wrong number of arguments", graph.name),
            ));
        }
        let nvars = graph.vars.len();
        let nblocks = graph.blocks.len();
        let g = GraphId(self.graphs.len() as u32);
        self.graphs.push(AnnotatedGraph {
            graph,
            func,
            key: key.1.clone(),
            bindings: vec![SomeValue::Impossible; nvars],
            origins: vec![Span::default(); nvars],
            reached: vec![false; nblocks],
            stopped: vec![None; nblocks],
            known_switch: vec![None; nblocks],
        });
        self.return_readers.push(BTreeSet::new());
        self.graph_index.insert(key, g);
        let is_generator = self.graphs[g.0 as usize].graph.blocks.iter().any(|b| b.operations.iter().any(|op| op.op == HlOp::Yield));
        if is_generator {
            let item = self.new_listdef(SomeValue::Impossible);
            self.generators.insert(g, item);
        }
        Ok(g)
    }

    pub fn schedule(&mut self, g: GraphId, b: BlockId) {
        let key = (g.0, b.0);
        if self.queued.insert(key) {
            self.worklist.push_back(key);
        }
    }

    pub fn schedule_all(&mut self, blocks: BTreeSet<BlockKey>) {
        for (g, b) in blocks {
            self.schedule(GraphId(g), BlockId(b));
        }
    }

    pub fn new_listdef(&mut self, item: SomeValue) -> ListDefId {
        self.listdefs.push(ListDef { item, merged_into: None, readers: BTreeSet::new(), origin: Span::default(), key_funcs: None, resized: false });
        ListDefId(self.listdefs.len() as u32 - 1)
    }

    /// Records that some operation may change the length of list `id`.
    pub fn mark_resized(&mut self, id: ListDefId) {
        let root = find_listdef(&self.listdefs, id);
        self.listdefs[root.0 as usize].resized = true;
    }

    /// Records that block `reader` reads the items of list `id`.
    pub fn read_list_item(&mut self, id: ListDefId, reader: BlockKey) -> SomeValue {
        let root = find_listdef(&self.listdefs, id);
        let def = &mut self.listdefs[root.0 as usize];
        def.readers.insert(reader);
        def.item.clone()
    }

    pub fn describe(&self, s: &SomeValue) -> String {
        s.describe(self.heap, &self.listdefs)
    }

    /// `prog.py:12` for a span (the module's file name; the full path is the
    /// driver's business).
    pub fn location(&self, span: Span) -> String {
        match self.file_names.get(&span.file) {
            Some(name) => format!("{}:{}", name, span.line),
            None => format!("line {}", span.line),
        }
    }

    /// The least annotation above both, or `None` if they cannot be merged.
    /// Merging two lists merges their listdefs (their items must agree).
    pub fn union(&mut self, a: &SomeValue, b: &SomeValue) -> Option<SomeValue> {
        match (a, b) {
            (SomeValue::List { listdef: l1, can_be_none: n1 }, SomeValue::List { listdef: l2, can_be_none: n2 }) => {
                let root = self.merge_listdefs(*l1, *l2)?;
                Some(SomeValue::List { listdef: root, can_be_none: *n1 || *n2 })
            }
            (
                SomeValue::Instance { class: a, can_be_none: n1 },
                SomeValue::Instance { class: b, can_be_none: n2 },
            ) => {
                let class = self.common_base(*a, *b)?;
                Some(SomeValue::Instance { class, can_be_none: *n1 || *n2 })
            }
            (
                SomeValue::BuiltinMethod { receiver: r1, name: n1 },
                SomeValue::BuiltinMethod { receiver: r2, name: n2 },
            ) if n1 == n2 => {
                let receiver = Box::new(self.union(r1, r2)?);
                Some(SomeValue::BuiltinMethod { receiver, name: n1.clone() })
            }
            (
                SomeValue::Iterator { container: c1, reversed: r1, enumerate: e1 },
                SomeValue::Iterator { container: c2, reversed: r2, enumerate: e2 },
            ) if r1 == r2 && e1 == e2 => {
                let container = Box::new(self.union(c1, c2)?);
                Some(SomeValue::Iterator { container, reversed: *r1, enumerate: *e1 })
            }
            (SomeValue::ClassRef { class: a, can_be_none: n1 }, SomeValue::ClassRef { class: b, can_be_none: n2 }) => {
                Some(SomeValue::ClassRef { class: self.common_base(*a, *b)?, can_be_none: *n1 || *n2 })
            }
            // A constant class (`raise E` in one place) meets a class reference.
            (SomeValue::ClassRef { class: a, can_be_none: n }, SomeValue::Pbc(p)) | (SomeValue::Pbc(p), SomeValue::ClassRef { class: a, can_be_none: n })
                if matches!(p.single(), Some(crate::Desc::Class(c)) if self.classdefs.contains_key(&c)) =>
            {
                let Some(crate::Desc::Class(c)) = p.single() else { return None };
                Some(SomeValue::ClassRef { class: self.common_base(*a, c)?, can_be_none: *n || p.can_be_none })
            }
            (
                SomeValue::Dict { keys: k1, values: v1, can_be_none: n1 },
                SomeValue::Dict { keys: k2, values: v2, can_be_none: n2 },
            ) => {
                let keys = self.merge_listdefs(*k1, *k2)?;
                let values = self.merge_listdefs(*v1, *v2)?;
                Some(SomeValue::Dict { keys, values, can_be_none: *n1 || *n2 })
            }
            (SomeValue::Tuple(x), SomeValue::Tuple(y)) if x.len() == y.len() => {
                let mut items = Vec::new();
                for (s1, s2) in x.iter().zip(y) {
                    items.push(self.union(s1, s2)?);
                }
                Some(SomeValue::Tuple(items))
            }
            _ => union_simple(a, b),
        }
    }

    fn merge_listdefs(&mut self, a: ListDefId, b: ListDefId) -> Option<ListDefId> {
        let (ra, rb) = (find_listdef(&self.listdefs, a), find_listdef(&self.listdefs, b));
        if ra == rb {
            return Some(ra);
        }
        let (ia, ib) = (self.listdefs[ra.0 as usize].item.clone(), self.listdefs[rb.0 as usize].item.clone());
        // Keys compared by different functions cannot share a representation.
        let (fa, fb) = (self.listdefs[ra.0 as usize].key_funcs, self.listdefs[rb.0 as usize].key_funcs);
        if fa.is_some() && fb.is_some() && fa != fb || fa.is_some() != fb.is_some() && ia != SomeValue::Impossible && ib != SomeValue::Impossible {
            return None;
        }
        let item = self.union(&ia, &ib)?;
        self.listdefs[ra.0 as usize].key_funcs = fa.or(fb);
        self.listdefs[ra.0 as usize].resized |= self.listdefs[rb.0 as usize].resized;
        let readers_b = std::mem::take(&mut self.listdefs[rb.0 as usize].readers);
        self.listdefs[rb.0 as usize].merged_into = Some(ra);
        if ia == SomeValue::Impossible {
            self.listdefs[ra.0 as usize].origin = self.listdefs[rb.0 as usize].origin;
        }
        let def = &mut self.listdefs[ra.0 as usize];
        def.readers.extend(readers_b);
        if item != ia || item != ib {
            def.item = item;
            let readers = def.readers.clone();
            self.schedule_all(readers);
        }
        Some(ra)
    }

    /// Merges `s` (from `origin`) into the binding of `v` in graph `g`.
    /// Returns whether the binding changed.
    pub fn merge_into(&mut self, g: GraphId, v: VarId, s: SomeValue, origin: Span, place: Place) -> Result<bool, Diagnostic> {
        let (gi, vi) = (g.0 as usize, v.0 as usize);
        let old = self.graphs[gi].bindings[vi].clone();
        if old == SomeValue::Impossible {
            if s == SomeValue::Impossible {
                return Ok(false);
            }
            self.graphs[gi].bindings[vi] = s;
            self.graphs[gi].origins[vi] = origin;
            return Ok(true);
        }
        match self.union(&old, &s) {
            Some(u) if u == old => Ok(false),
            Some(u) => {
                self.graphs[gi].bindings[vi] = u;
                Ok(true)
            }
            None => {
                let what = match place {
                    Place::Argument { param, func } => format!("argument '{}' of {}()", param, self.func_name(func)),
                    Place::Variable(name) if !name.is_empty() => format!("variable '{}'", name),
                    Place::Variable(_) => "a value".to_string(),
                    Place::Return(func) => format!("the return value of {}()", self.func_name(func)),
                    Place::Result => "the result of this operation".to_string(),
                };
                let old_origin = self.graphs[gi].origins[vi];
                Err(Diagnostic::error(
                    origin,
                    format!(
                        "{} is {} here ({}) and {} here ({})",
                        what,
                        self.describe(&old),
                        self.location(old_origin),
                        self.describe(&s),
                        self.location(origin)
                    ),
                ))
            }
        }
    }

    pub fn func_name(&self, func: ObjId) -> String {
        self.heap.function(func).map(|f| f.name.clone()).unwrap_or_else(|| "?".into())
    }

    /// Where a value carried by a link out of block `b` comes from, for
    /// constants (links have no span of their own): the block's last
    /// operation, else where its first input came from, else the function.
    fn link_span(&self, g: GraphId, b: BlockId) -> Span {
        let ag = self.graph(g);
        let block = ag.graph.block(b);
        if let Some(op) = block.operations.last() {
            return op.span;
        }
        if let Some(v) = block.inputargs.first() {
            let s = ag.origins[v.0 as usize];
            if s != Span::default() {
                return s;
            }
        }
        ag.graph.span
    }

    /// The statement that produced the constant `c` carried by a link out of
    /// block `b` (links carry no spans, so this finds it in the function's
    /// source): `return c` when `var` is None, else `var = c`; the first such
    /// statement after the block's last operation.
    fn const_origin(&self, g: GraphId, b: BlockId, var: Option<&str>, c: &Value) -> Option<Span> {
        let func = self.heap.function(self.graph(g).func)?;
        let globals = &self.heap.module(func.module)?.globals;
        let literal_is = |e: Option<&ast::Expr>, c: &Value| match e.map(|e| &e.kind) {
            // A global name stands for its (constant) value.
            Some(ast::ExprKind::Name(n)) if globals.get_str(n) == Some(c) => true,
            _ => literal_is(e, c),
        };
        let mut stmts = Vec::new();
        collect_stmts(&func.def.body, &mut stmts);
        let after = self.graph(g).graph.block(b).operations.last().map_or(0, |op| op.span.line);
        let candidates: Vec<Span> = stmts
            .into_iter()
            .filter(|stmt| match (&stmt.kind, var) {
                (ast::StmtKind::Return(e), None) => literal_is(e.as_ref(), c),
                (ast::StmtKind::Assign { targets, value }, Some(name)) => {
                    targets.iter().any(|t| matches!(&t.kind, ast::ExprKind::Name(n) if n == name))
                        && literal_is(Some(value), c)
                }
                _ => false,
            })
            .map(|stmt| stmt.span)
            .collect();
        candidates.iter().find(|s| s.line >= after).or(candidates.first()).copied()
    }

    fn flow_block(&mut self, g: GraphId, b: BlockId) -> Result<(), Diagnostic> {
        let block = self.graph(g).graph.block(b).clone();
        self.graphs[g.0 as usize].reached[b.0 as usize] = true;
        self.blocked.remove(&(g.0, b.0));
        self.graphs[g.0 as usize].stopped[b.0 as usize] = None;
        self.blocked_calls.remove(&(g.0, b.0));
        for (i, op) in block.operations.iter().enumerate() {
            self.call_graphs.clear();
            self.current_op = (g.0, b.0, i as u32);
            let s = self.annotate_op(g, b, i, op)?;
            if s == SomeValue::Impossible {
                self.blocked.insert((g.0, b.0), i);
                self.graphs[g.0 as usize].stopped[b.0 as usize] = Some(i as u32);
                if matches!(op.op, HlOp::SimpleCall | HlOp::CallArgs | HlOp::Next) {
                    // Fine if the callee raises (checked at the end), or for
                    // `next` of an iterator over an always empty list; the
                    // exceptions may still be caught here.
                    let callees = std::mem::take(&mut self.call_graphs);
                    // No callee graph: a built-in reading an always empty list.
                    let callees = if op.op == HlOp::Next || callees.is_empty() { None } else { Some(callees) };
                    self.blocked_calls.insert((g.0, b.0), callees);
                    if i + 1 == block.operations.len() && block.exitswitch == ExitSwitch::LastException {
                        for link in block.exits.iter().skip(1) {
                            self.follow_exception_link(g, b, &block, link)?;
                        }
                    }
                }
                return Ok(());
            }
            self.merge_into(g, op.result, s, op.span, Place::Result)?;
        }
        let known_case = match &block.exitswitch {
            ExitSwitch::None => None,
            ExitSwitch::Value(Operand::Const(c)) => Some(c.clone()),
            ExitSwitch::Value(Operand::Var(_)) => {
                let known = self.static_switch(g, &block);
                self.graphs[g.0 as usize].known_switch[b.0 as usize] = known;
                known.map(Value::Bool)
            }
            ExitSwitch::LastException => None,
        };
        for link in &block.exits {
            if let (Some(k), Some(case)) = (&known_case, &link.exitcase) {
                if !same_case(k, case) {
                    continue;
                }
            }
            if link.exc_vars.is_some() {
                self.follow_exception_link(g, b, &block, link)?;
            } else {
                self.follow_link(g, b, link)?;
            }
        }
        Ok(())
    }

    /// An exception link: its variables hold the caught class and instance.
    fn follow_exception_link(&mut self, g: GraphId, b: BlockId, block: &flowspace::FlowBlock, link: &FlowLink) -> Result<(), Diagnostic> {
        if let (Some((t, v)), Some(Value::Obj(class))) = (link.exc_vars, &link.exitcase) {
            let span = block.operations.last().map(|op| op.span).unwrap_or(self.graph(g).graph.span);
            self.catch_class(*class, span)?;
            self.merge_into(g, t, SomeValue::ClassRef { class: *class, can_be_none: false }, span, Place::Result)?;
            self.merge_into(g, v, SomeValue::Instance { class: *class, can_be_none: false }, span, Place::Result)?;
        }
        self.follow_link(g, b, link)
    }

    /// A handler catches `class`: it and every built-in exception the
    /// runtime may raise that derives from it get classdefs, so their
    /// vtables exist for the handler to match.
    pub fn catch_class(&mut self, class: ObjId, span: Span) -> Result<(), Diagnostic> {
        self.classdef(class, span)?;
        let exceptions = self.heap.find_module("exceptions");
        for name in abi::BUILTIN_EXCEPTIONS {
            let found = exceptions.and_then(|m| self.heap.module(m)).and_then(|m| m.globals.get_str(name)).cloned();
            if let Some(Value::Obj(c)) = found {
                if self.heap.is_subclass(c, class) {
                    self.classdef(c, span)?;
                }
            }
        }
        Ok(())
    }

    fn follow_link(&mut self, g: GraphId, b: BlockId, link: &FlowLink) -> Result<(), Diagnostic> {
        let span = self.link_span(g, b);
        let graph = &self.graph(g).graph;
        let target = link.target;
        let is_raise = target == graph.exceptblock;
        let is_return = target == graph.returnblock;
        let targets: Vec<VarId> = graph.block(target).inputargs.clone();
        if targets.len() != link.args.len() {
            return Err(Diagnostic::error(span, format!("internal error: bad link arity in {}", graph.name)));
        }
        let func = self.graph(g).func;
        let narrowed = self.isinstance_narrowing(g, b, link);
        // `x` on the link where `x is None` is false.
        let not_none = match (self.is_none_test(g, self.graph(g).graph.block(b)), &link.exitcase) {
            (Some((x, pol)), Some(Value::Bool(case))) if *case != pol => Some(x),
            _ => None,
        };
        let mut changed = false;
        for (arg, &tv) in link.args.iter().zip(&targets) {
            let (s, origin) = match arg {
                Operand::Var(v) => {
                    let ag = self.graph(g);
                    let mut s = ag.bindings[v.0 as usize].clone();
                    if let (Some((x, class)), SomeValue::Instance { class: have, .. }) = (narrowed, &s) {
                        if x == *v && self.is_subclassdef(class, *have) {
                            s = SomeValue::Instance { class, can_be_none: false };
                        }
                    }
                    if not_none == Some(*v) {
                        s = s.without_none();
                    }
                    (s, ag.origins[v.0 as usize])
                }
                Operand::Const(c) => {
                    let s = self.constant(c, span)?;
                    // Finding the statement is only worth it when the origin is
                    // recorded (first binding) or reported (a conflict).
                    let old = self.graph(g).binding(tv);
                    let origin = if *old == SomeValue::Impossible || union_simple(old, &s).is_none() {
                        let name = if is_return { None } else { Some(self.graph(g).graph.var(tv).name.as_str()) };
                        self.const_origin(g, b, name, c).unwrap_or(span)
                    } else {
                        span
                    };
                    (s, origin)
                }
            };
            let s = if is_raise { self.raised(s, origin)? } else { s };
            if is_return && Some(g) == self.entry && !matches!(s, SomeValue::Integer { .. } | SomeValue::Bool) {
                return Err(Diagnostic::error(
                    origin,
                    format!("the entry point {}() must return an int, not {}", self.func_name(func), self.describe(&s)),
                ));
            }
            let place = if is_return {
                Place::Return(func)
            } else {
                Place::Variable(self.graph(g).graph.var(tv).name.clone())
            };
            changed |= self.merge_into(g, tv, s, origin, place)?;
        }
        let was_reached = std::mem::replace(&mut self.graphs[g.0 as usize].reached[target.0 as usize], true);
        if is_return {
            if changed {
                let readers = self.return_readers[g.0 as usize].clone();
                self.schedule_all(readers);
            }
        } else if is_raise {
            // The except block has no operations to flow.
        } else if changed || !was_reached {
            self.schedule(g, target);
        }
        Ok(())
    }
}

/// The annotation of a prebuilt list or dict, from the listdefs given out.
pub(crate) fn prebuilt_annotation(
    heap: &Heap,
    lists: &HashMap<ObjId, ListDefId>,
    dict_values: &HashMap<ObjId, ListDefId>,
    o: ObjId,
) -> Option<SomeValue> {
    match heap.get(o) {
        Object::List(_) => lists.get(&o).map(|&listdef| SomeValue::List { listdef, can_be_none: false }),
        Object::Dict(_) => Some(SomeValue::Dict { keys: *lists.get(&o)?, values: *dict_values.get(&o)?, can_be_none: false }),
        _ => None,
    }
}

impl Annotator<'_, '_> {
    /// A value passed to the except block (a raise): the class as a class
    /// reference, the instance as is; anything else is not an exception.
    fn raised(&mut self, s: SomeValue, span: Span) -> Result<SomeValue, Diagnostic> {
        match &s {
            SomeValue::Pbc(p) => match p.single() {
                Some(crate::Desc::Class(c)) => {
                    self.classdef(c, span)?;
                    Ok(SomeValue::ClassRef { class: c, can_be_none: false })
                }
                _ => Err(Diagnostic::error(span, format!("raising {} is not RPython", self.describe(&s)))),
            },
            SomeValue::ClassRef { .. } => Ok(s),
            SomeValue::Instance { class, .. } if self.heap.is_subclass(*class, self.base_exception()) => {
                Ok(SomeValue::Instance { class: *class, can_be_none: false })
            }
            _ => Err(Diagnostic::error(span, format!("raising {} is not RPython (only exception instances)", self.describe(&s)))),
        }
    }

    /// The built-in BaseException class.
    pub(crate) fn base_exception(&self) -> ObjId {
        let m = self.heap.find_module("exceptions").and_then(|m| self.heap.module(m));
        match m.and_then(|m| m.globals.get_str("BaseException")) {
            Some(Value::Obj(c)) => *c,
            _ => ObjId(u32::MAX),
        }
    }

    /// The value of a block's bool switch when it is an `isinstance` whose
    /// answer the annotations decide (so the other branch is not annotated,
    /// as `if isinstance(x, float):` in code shared by several types needs).
    fn static_switch(&mut self, g: GraphId, block: &flowspace::FlowBlock) -> Option<bool> {
        if let Some(x) = crate::intrinsics::static_switch_value(self.heap, block) {
            return Some(x);
        }
        let ExitSwitch::Value(Operand::Var(mut v)) = block.exitswitch else { return None };
        let producer = |v: VarId| block.operations.iter().find(|op| op.result == v);
        let mut op = producer(v)?;
        if op.op == HlOp::IsTrue {
            let Operand::Var(w) = op.args[0] else { return None };
            v = w;
            op = producer(v)?;
        }
        if let Some(x) = self.static_compare(g, block, op) {
            return Some(x);
        }
        if let Some((x, pol)) = self.is_none_test(g, block) {
            return match self.graph(g).binding(x) {
                SomeValue::None => Some(pol),
                s if !s.can_be_none() && *s != SomeValue::Impossible => Some(!pol),
                _ => None,
            };
        }
        if op.op != HlOp::SimpleCall || op.args.len() != 3 {
            return None;
        }
        match &op.args[0] {
            Operand::Const(Value::Obj(f)) if matches!(self.heap.get(*f), Object::Builtin(n) if n == "isinstance") => {}
            _ => return None,
        }
        let (x, cls) = (op.args[1].clone(), op.args[2].clone());
        let span = op.span;
        let s = self.operand(g, &x, span).ok()?;
        let c = self.operand(g, &cls, span).ok()?;
        let classes = self.isinstance_classes(&c, span).ok()?;
        let heap = self.heap;
        crate::rules::static_isinstance(heap, &s, &classes, &|a, b| heap.is_subclass(a, b))
    }

    /// The operation a block's bool switch tests, through `is_true` and
    /// `not_`, and whether the switch is True exactly when that operation's
    /// result is.
    fn switch_condition(block: &flowspace::FlowBlock) -> Option<(&flowspace::FlowOp, bool)> {
        let ExitSwitch::Value(Operand::Var(mut v)) = block.exitswitch else { return None };
        let mut polarity = true;
        loop {
            let op = block.operations.iter().find(|op| op.result == v)?;
            match (op.op, op.args.as_slice()) {
                (HlOp::IsTrue, [Operand::Var(w)]) => v = *w,
                (HlOp::Not, [Operand::Var(w)]) => {
                    polarity = !polarity;
                    v = *w;
                }
                _ => return Some((op, polarity)),
            }
        }
    }

    /// When a block's switch tests `x is None` (or `x is not None`): `x`,
    /// and whether the switch is True exactly when `x` is None.
    fn is_none_test(&self, g: GraphId, block: &flowspace::FlowBlock) -> Option<(VarId, bool)> {
        let _ = g;
        let (op, polarity) = Self::switch_condition(block)?;
        match (op.op, op.args.as_slice()) {
            (HlOp::Is, [Operand::Var(x), Operand::Const(Value::None)])
            | (HlOp::Is, [Operand::Const(Value::None), Operand::Var(x)]) => Some((*x, polarity)),
            _ => None,
        }
    }

    /// A comparison of two ints known at translation time: constants and the
    /// lengths of tuples (so `if len(args) > 1: args[1]` in a function with
    /// `*args` only annotates the branch that can run).
    fn static_compare(&mut self, g: GraphId, block: &flowspace::FlowBlock, op: &flowspace::FlowOp) -> Option<bool> {
        let (a, b) = (self.static_int(g, block, &op.args.first()?.clone())?, self.static_int(g, block, &op.args.get(1)?.clone())?);
        match op.op {
            HlOp::Lt => Some(a < b),
            HlOp::Le => Some(a <= b),
            HlOp::Eq => Some(a == b),
            HlOp::Ne => Some(a != b),
            HlOp::Gt => Some(a > b),
            HlOp::Ge => Some(a >= b),
            _ => None,
        }
    }

    fn static_int(&mut self, g: GraphId, block: &flowspace::FlowBlock, o: &Operand<flowspace::Flow>) -> Option<i64> {
        match o {
            Operand::Const(Value::Int(i)) => Some(*i),
            Operand::Const(_) => None,
            Operand::Var(v) => {
                let op = block.operations.iter().find(|op| op.result == *v)?;
                match (&op.op, op.args.as_slice()) {
                    (HlOp::SimpleCall, [Operand::Const(Value::Obj(f)), x])
                        if matches!(self.heap.get(*f), Object::Builtin(n) if n == "len") =>
                    {
                        match self.operand(g, x, op.span).ok()? {
                            SomeValue::Tuple(items) => Some(items.len() as i64),
                            _ => None,
                        }
                    }
                    _ => None,
                }
            }
        }
    }

    /// On the True link of `if isinstance(x, C):`, the variable `x` and the
    /// class C: the link passes `x` as an instance of C (RPython's
    /// "knowntypedata").
    fn isinstance_narrowing(&self, g: GraphId, b: BlockId, link: &FlowLink) -> Option<(VarId, ObjId)> {
        let block = self.graph(g).graph.block(b);
        let (op, polarity) = Self::switch_condition(block)?;
        // The link where the isinstance() is true.
        if link.exitcase != Some(Value::Bool(polarity)) {
            return None;
        }
        if op.op != HlOp::SimpleCall || op.args.len() != 3 {
            return None;
        }
        let (Operand::Const(Value::Obj(f)), Operand::Var(x), Operand::Const(Value::Obj(c))) =
            (&op.args[0], &op.args[1], &op.args[2])
        else {
            return None;
        };
        match (self.heap.get(*f), self.heap.get(*c)) {
            (Object::Builtin(name), Object::Class(_)) if name == "isinstance" && self.classdefs.contains_key(c) => {
                Some((*x, *c))
            }
            _ => None,
        }
    }
}

/// Whether a switch on the constant `k` takes the link with exit case `case`:
/// a bool case compares truth values (`if 1:` takes the True link).
fn same_case(k: &Value, case: &Value) -> bool {
    match case {
        Value::Bool(b) => {
            let truth = match k {
                Value::None => Some(false),
                Value::Bool(x) => Some(*x),
                Value::Int(i) => Some(*i != 0),
                Value::Str(s) => Some(!s.is_empty()),
                _ => None,
            };
            truth.is_none_or(|t| t == *b)
        }
        _ => k == case,
    }
}

/// Every statement of a function body, nested ones included, in source order.
fn collect_stmts<'a>(body: &'a [ast::Stmt], out: &mut Vec<&'a ast::Stmt>) {
    use ast::StmtKind::*;
    for stmt in body {
        out.push(stmt);
        match &stmt.kind {
            If { body, orelse, .. } | While { body, orelse, .. } | For { body, orelse, .. } => {
                collect_stmts(body, out);
                collect_stmts(orelse, out);
            }
            TryExcept { body, handlers, orelse } => {
                collect_stmts(body, out);
                for h in handlers {
                    collect_stmts(&h.body, out);
                }
                collect_stmts(orelse, out);
            }
            TryFinally { body, finalbody } => {
                collect_stmts(body, out);
                collect_stmts(finalbody, out);
            }
            With { body, .. } => collect_stmts(body, out),
            _ => {}
        }
    }
}

/// Whether the expression (None: a bare `return`) is a literal for `c`.
fn literal_is(e: Option<&ast::Expr>, c: &Value) -> bool {
    use ast::ExprKind;
    let Some(e) = e else { return *c == Value::None };
    match (&e.kind, c) {
        (ExprKind::Int(i), Value::Int(j)) => i == j,
        (ExprKind::UnaryOp { op: ast::UnaryOp::USub, operand }, Value::Int(j)) => {
            matches!(operand.kind, ExprKind::Int(i) if i.wrapping_neg() == *j)
        }
        (ExprKind::Str(s), Value::Str(t)) => s[..] == t[..],
        (ExprKind::Name(n), Value::None) => n == "None",
        (ExprKind::Name(n), Value::Bool(b)) => n == if *b { "True" } else { "False" },
        (ExprKind::Float(x), Value::Float(y)) => x.to_bits() == y.to_bits(),
        _ => false,
    }
}

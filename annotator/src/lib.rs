//! Flow graphs -> typed flow graphs: a whole-program type inference fixpoint.
//!
//! Entry point: [`annotate`]; text form: [`dump`].
//!
//! # How it works
//! Starting from the entry point (whose only argument is annotated "list of
//! str", the argv), the annotator builds the flow graph of every function it
//! reaches (`flowspace::build_flow_graph`, on demand, one graph per function
//! and specialization key) and infers an annotation (`SomeValue`) for every
//! variable. It is a worklist fixpoint over blocks:
//! - a block is (re)flowed when one of its input variables generalizes;
//!   flowing computes each operation's result annotation from its
//!   arguments' (rules in `rules.rs`) and merges the values carried by the
//!   exit links into the target blocks' input variables (`union`);
//! - a call merges the call's arguments into the callee's start block input
//!   variables (re-flowing the callee if they generalized) and reads the
//!   callee's return annotation; the caller's block is recorded as a reader
//!   of that return value and re-flowed when it generalizes;
//! - an operation whose result is still unknown (a callee whose return
//!   block was not reached yet) stops the flow of its block: the block is
//!   "blocked" until the value arrives. A block still blocked at the end is
//!   an error (an operation that can never succeed).
//!
//! - a call that never returns normally (its callee always raises, or it
//!   reads an always empty list) leaves its block stopped there
//!   (`AnnotatedGraph::stopped`); if it ends a `try` body only its exception
//!   links are followed. That is an error only when the callee can neither
//!   return nor raise.
//!
//! # What it knows about
//! - Classes (`classdef.rs`): one `ClassDef` per class that is instantiated
//!   or has prebuilt instances, plus its bases (single inheritance; extra
//!   bases must be `_mixin_`). Instance attributes live on the highest
//!   classdef that uses them and generalize (re-flowing their readers);
//!   non-function class attributes read through instances are attributes
//!   too, with the class value as default. `x.m` is a `SomeValue::Method`;
//!   calling it calls every implementation among the subclasses (with
//!   `self` typed by the class that defines each). The union of two
//!   instances is their nearest common base. `isinstance(x, C)` narrows `x`
//!   on the True branch, and when the annotations decide it (built-in types,
//!   a known subclass) the other branch is not followed.
//! - Exceptions: `raise` passes (class, instance) to the except block; an
//!   exception link binds its variables to the handler's class
//!   (`ClassRef`) and an instance of it. A handler for class C also creates
//!   classdefs for every built-in exception the runtime raises that derives
//!   from C (`abi::BUILTIN_EXCEPTIONS`), so their vtables exist.
//! - Iteration: `xrange()`, and `range()` whose result is only iterated
//!   (`for i in range(n)`), are `Range`s; any other `range()` is a list of
//!   ints. `iter`, `enumerate` and `reversed` give `Iterator`s over lists,
//!   strs, ranges and dicts (their keys).
//! - Lists: item annotations in `ListDef`s (prebuilt lists get one each);
//!   methods are `BuiltinMethod`s; `+` and slice assignment merge listdefs.
//! - Dicts: `SomeValue::Dict` names two listdefs (keys, values), so they
//!   generalize and merge like list items; dict and str methods are
//!   `BuiltinMethod`s too. `str % x` is a str (the rtyper requires a
//!   constant format).
//!
//! Bindings are per (graph, variable). Every binding remembers where its
//! first value came from, so that a union of incompatible types (an int and
//! a str in the same variable) is reported at the place where the conflict
//! arises, naming both types and both places.
//!
//! # Architecture invariants
//! - The annotator never changes the flow graphs: the rtyper reads the
//!   graphs and the bindings together.
//! - Errors are values: the first conflict or unsupported operation stops
//!   the annotation and is returned as a `Diagnostic` at the operation's span.
//! - Everything is deterministic: graphs are numbered in discovery order, the
//!   worklist is FIFO, sets are ordered.

mod annotator;
mod calls;
mod classdef;
pub mod intrinsics;
pub mod model;
mod rules;
pub mod special;

use std::collections::{BTreeMap, HashMap};

use diag::{Diagnostic, Span};
use flowmodel::{Operand, VarId};
use flowspace::{Flow, FlowGraph};
use hostobj::{Heap, ObjId};

pub use calls::{call_operands, constant_of, env_error_fields, match_arguments, signature, specialization_key, ArgSource, CallBinding, CallSite, Signature};
pub use flowspace::CallShape;
pub use classdef::{class_member, is_object_class, ClassMember};
pub use model::{Attr, ClassDef, Desc, ListDef, ListDefId, SomePbc, SomeValue};
pub use rules::{annotation_of_constant, container_op, is_std_stream, op_symbol, static_hasattr, static_isinstance};

/// Index of an annotated graph in `Annotations::graphs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GraphId(pub u32);

/// One flow graph with the annotation of each of its variables.
#[derive(Clone, Debug)]
pub struct AnnotatedGraph {
    pub graph: FlowGraph,
    /// The host function it was built from.
    pub func: ObjId,
    /// The specialization key: "" for the default version of a function,
    /// else what `calls::specialization_key` gives (`*2`, `0:int`, ...).
    pub key: String,
    /// Annotation of each variable, indexed by `VarId`; `Impossible` for
    /// variables of blocks that were never reached.
    pub bindings: Vec<SomeValue>,
    /// Where each variable's first value came from.
    pub origins: Vec<Span>,
    /// Blocks the annotator reached, indexed by `BlockId`.
    pub reached: Vec<bool>,
    /// Per block: the index of a call that never returns normally (its
    /// callee always raises); the block's later operations and normal exit
    /// are never reached.
    pub stopped: Vec<Option<u32>>,
    /// Per block: the value of its bool switch when the annotations decide
    /// it (`isinstance`, `x is None`, `we_are_jitted()`, `len(t) > 1` on a
    /// tuple); only that link was followed, and only it is translated.
    pub known_switch: Vec<Option<bool>>,
}

impl AnnotatedGraph {
    pub fn binding(&self, v: VarId) -> &SomeValue {
        &self.bindings[v.0 as usize]
    }
    /// The annotation of the value the function returns.
    pub fn return_annotation(&self) -> &SomeValue {
        self.binding(self.graph.block(self.graph.returnblock).inputargs[0])
    }
    pub fn is_reached(&self, b: flowmodel::BlockId) -> bool {
        self.reached[b.0 as usize]
    }
}

/// The annotator's result: every reached graph with its bindings.
#[derive(Clone, Debug)]
pub struct Annotations {
    /// In discovery order; the entry point's graph comes first.
    pub graphs: Vec<AnnotatedGraph>,
    pub entry: GraphId,
    /// Every list's item annotation (`SomeValue::List` names one).
    pub listdefs: Vec<ListDef>,
    graph_index: HashMap<(ObjId, String), GraphId>,
    /// One classdef per class the program uses, by class object.
    pub classdefs: BTreeMap<ObjId, ClassDef>,
    /// The listdef of each prebuilt list (a list built at import time), or
    /// of the keys of each prebuilt dict.
    pub prebuilt_lists: HashMap<ObjId, ListDefId>,
    /// The listdef of the values of each prebuilt dict.
    pub prebuilt_dict_values: HashMap<ObjId, ListDefId>,
    /// Which graph each call reaches (the version its specialization key
    /// selects) and how its arguments bind to the parameters.
    pub call_targets: HashMap<CallSiteKey, (GraphId, CallBinding)>,
    /// The graphs of generator functions, with the listdef of the items
    /// they yield.
    pub generators: HashMap<GraphId, ListDefId>,
}

/// A call of one function from one operation: (the calling graph, the
/// call's result variable, the function called).
pub type CallSiteKey = (GraphId, VarId, ObjId);

impl Annotations {
    pub fn graph(&self, id: GraphId) -> &AnnotatedGraph {
        &self.graphs[id.0 as usize]
    }

    /// The graph and binding of the call of `func` whose result is `result` in graph `g`.
    pub fn call_target(&self, g: GraphId, result: VarId, func: ObjId) -> Option<&(GraphId, CallBinding)> {
        self.call_targets.get(&(g, result, func))
    }

    /// The graph of `func` for the specialization key `key` ("" by default).
    pub fn graph_for(&self, func: ObjId, key: &str) -> Option<GraphId> {
        self.graph_index.get(&(func, key.to_string())).copied()
    }

    /// The listdef a list annotation stands for (after merges).
    pub fn listdef(&self, id: ListDefId) -> &ListDef {
        &self.listdefs[model::find_listdef(&self.listdefs, id).0 as usize]
    }

    /// The annotation of an operand of graph `g`: a variable's binding or a
    /// constant's annotation.
    pub fn operand_annotation(&self, heap: &Heap, g: GraphId, o: &Operand<Flow>) -> Result<SomeValue, String> {
        match o {
            Operand::Var(v) => Ok(self.graph(g).binding(*v).clone()),
            Operand::Const(c) => self.constant_annotation(heap, c),
        }
    }

    /// The annotation of a constant (prebuilt lists have their listdef).
    pub fn constant_annotation(&self, heap: &Heap, c: &hostobj::Value) -> Result<SomeValue, String> {
        let lookup = |o| annotator::prebuilt_annotation(heap, &self.prebuilt_lists, &self.prebuilt_dict_values, o);
        rules::annotation_of_constant_with(heap, c, &lookup)
    }

    /// The classdef chain from `class` up to its root.
    pub fn ancestors(&self, class: ObjId) -> Vec<ObjId> {
        let mut out = vec![class];
        let mut c = class;
        while let Some(p) = self.classdefs.get(&c).and_then(|d| d.parent) {
            out.push(p);
            c = p;
        }
        out
    }

    /// The classdefs in preorder of the inheritance tree (roots and
    /// children in class-object order): each class's subclasses follow it
    /// contiguously, which is what subclass-range ids need.
    pub fn classdefs_preorder(&self) -> Vec<ObjId> {
        fn visit(ann: &Annotations, c: ObjId, out: &mut Vec<ObjId>) {
            out.push(c);
            for (&k, d) in &ann.classdefs {
                if d.parent == Some(c) {
                    visit(ann, k, out);
                }
            }
        }
        let mut out = Vec::new();
        for (&k, d) in &self.classdefs {
            if d.parent.is_none() {
                visit(self, k, &mut out);
            }
        }
        out
    }

    /// The distinct functions `x.name(...)` may call for an instance of
    /// `class` or a subclass, each with the class whose method it is for
    /// each subclass: `(function, classes that select it)`.
    pub fn method_impls(&self, heap: &Heap, class: ObjId, name: &str) -> Vec<(ObjId, Vec<ObjId>)> {
        let mut out: Vec<(ObjId, Vec<ObjId>)> = Vec::new();
        for d in self.classdefs.keys().copied().filter(|&d| self.ancestors(d).contains(&class)) {
            if let Some((_, hostobj::Value::Obj(f))) = heap.lookup_class_attr(d, name) {
                if heap.function(*f).is_some() {
                    match out.iter_mut().find(|(g, _)| g == f) {
                        Some((_, users)) => users.push(d),
                        None => out.push((*f, vec![d])),
                    }
                }
            }
        }
        out
    }

    /// Text form of an annotation (`SomeInteger(nonneg)`).
    pub fn dump_annotation(&self, heap: &Heap, s: &SomeValue) -> String {
        s.dump(heap, &self.listdefs)
    }

    /// Phrase for messages ("an int", "a list of str").
    pub fn describe(&self, heap: &Heap, s: &SomeValue) -> String {
        s.describe(heap, &self.listdefs)
    }
}

/// Annotates the program reachable from `entry_point` (a host function
/// taking `argv`, a list of str, and returning an int).
pub fn annotate(heap: &Heap, entry_point: ObjId) -> Result<Annotations, Diagnostic> {
    annotate_with(heap, entry_point, &mut |heap, func| flowspace::build_flow_graph(heap, func))
}

/// Like [`annotate`], with the flow graph builder given (tests use
/// hand-built graphs).
pub fn annotate_with(
    heap: &Heap,
    entry_point: ObjId,
    build_graph: &mut dyn FnMut(&Heap, ObjId) -> Result<FlowGraph, Diagnostic>,
) -> Result<Annotations, Diagnostic> {
    annotator::Annotator::new(heap, build_graph).run(entry_point)
}

/// The text form (`--dump=annotator`): every graph, then the annotation of
/// each of its variables and of its return value.
pub fn dump(heap: &Heap, ann: &Annotations) -> String {
    let mut out = String::new();
    for (i, ag) in ann.graphs.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&flowspace::dump_flow_graph(heap, &ag.graph));
        out.push_str("annotations:\n");
        for (v, s) in ag.bindings.iter().enumerate() {
            if *s == SomeValue::Impossible {
                continue;
            }
            let name = &ag.graph.vars[v].name;
            let label = if name.is_empty() { format!("v{}", v) } else { format!("v{} {}", v, name) };
            out.push_str(&format!("    {}: {}\n", label, ann.dump_annotation(heap, s)));
        }
        out.push_str(&format!("    return: {}\n", ann.dump_annotation(heap, ag.return_annotation())));
    }
    out
}

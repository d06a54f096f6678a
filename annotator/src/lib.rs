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
pub mod model;
mod rules;

use std::collections::HashMap;

use diag::{Diagnostic, Span};
use flowmodel::{Operand, VarId};
use flowspace::{Flow, FlowGraph};
use hostobj::{Heap, ObjId};

pub use calls::{call_operands, match_arguments, param_names, ArgSource, CallSite};
pub use flowspace::CallShape;
pub use model::{Desc, ListDef, ListDefId, SomePbc, SomeValue};
pub use rules::{annotation_of_constant, op_symbol};

/// Index of an annotated graph in `Annotations::graphs`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct GraphId(pub u32);

/// One flow graph with the annotation of each of its variables.
#[derive(Clone, Debug)]
pub struct AnnotatedGraph {
    pub graph: FlowGraph,
    /// The host function it was built from.
    pub func: ObjId,
    /// The specialization key: "" for the one default version of a function
    /// (the place where `specialize:argtype` and friends will add more).
    pub key: String,
    /// Annotation of each variable, indexed by `VarId`; `Impossible` for
    /// variables of blocks that were never reached.
    pub bindings: Vec<SomeValue>,
    /// Where each variable's first value came from.
    pub origins: Vec<Span>,
    /// Blocks the annotator reached, indexed by `BlockId`.
    pub reached: Vec<bool>,
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
}

impl Annotations {
    pub fn graph(&self, id: GraphId) -> &AnnotatedGraph {
        &self.graphs[id.0 as usize]
    }

    /// The graph of `func` for the specialization key `key` ("" by default).
    pub fn graph_for(&self, func: ObjId, key: &str) -> Option<GraphId> {
        self.graph_index.get(&(func, key.to_string())).copied()
    }

    /// The graph a call of `func` with these argument annotations goes to.
    /// (With specialization the key will depend on the arguments.)
    pub fn graph_for_call(&self, func: ObjId, _args: &[SomeValue]) -> Option<GraphId> {
        self.graph_for(func, "")
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
            Operand::Const(c) => annotation_of_constant(heap, c),
        }
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

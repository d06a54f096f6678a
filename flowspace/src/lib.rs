//! Function (AST + host globals) -> flow graph.
//!
//! Entry point: [`build_flow_graph`]. Also defines the flow graph kind
//! (`Flow`): high-level operations (`HlOp`) on host-value constants.

mod hlop;

pub use hlop::HlOp;

use std::fmt;

use diag::Diagnostic;
use flowmodel::{Block, Graph, Kind, Link, Operand, Operation};
use hostobj::{Heap, ObjId, Value};

/// Flow graphs: high-level operations on host-value constants, untyped variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow;

impl Kind for Flow {
    type Op = HlOp;
    type Const = Value;
    type VarType = ();
    fn fmt_const(c: &Value, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Heap objects print by id; the dump's caller can resolve them.
        match c {
            Value::None => write!(f, "None"),
            Value::Bool(b) => write!(f, "{}", if *b { "True" } else { "False" }),
            Value::Int(i) => write!(f, "{}", i),
            Value::Long(i) => write!(f, "{}L", i),
            Value::Float(x) => write!(f, "{:?}", x),
            Value::Str(s) => write!(f, "{:?}", String::from_utf8_lossy(s)),
            Value::Unicode(s) => write!(f, "u{:?}", s),
            Value::Obj(id) => write!(f, "<obj #{}>", id.0),
        }
    }
}

pub type FlowGraph = Graph<Flow>;
pub type FlowBlock = Block<Flow>;
pub type FlowLink = Link<Flow>;
pub type FlowOp = Operation<Flow>;
pub type FlowOperand = Operand<Flow>;

/// Builds the flow graph of the host function `func` (an `Object::Function`).
///
/// Names that are not local variables are looked up in the function's
/// module globals (or closure cells, or builtins) now, and become constants:
/// in RPython, globals are constant once import is done.
pub fn build_flow_graph(heap: &Heap, func: ObjId) -> Result<FlowGraph, Diagnostic> {
    let _ = (heap, func);
    unimplemented!("flowspace")
}

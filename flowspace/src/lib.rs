//! Function (AST + host globals) -> flow graph.
//!
//! Entry point: [`build_flow_graph`]. Also defines the flow graph kind
//! (`Flow`): high-level operations (`HlOp`) on host-value constants, the text
//! form [`dump_flow_graph`] and a structural checker [`check_flow_graph`].
//!
//! The builder walks the function's AST once, abstractly: it keeps the block
//! being filled, the value of every local variable, and a stack of
//! temporaries (like a bytecode interpreter's value stack), and starts a new
//! block wherever control flow splits or joins. The conventions below are the
//! contract with the annotator.
//!
//! # Variables
//! - SSA: every variable is defined once, by a block's inputargs, an
//!   operation, or a link's `exc_vars`. An operation only uses variables of its
//!   own block (no cross-block references): every value that lives across a
//!   block boundary is passed by the links.
//! - A block's inputargs are, in a fixed order, the local variables defined
//!   at its entry (on every incoming path: a variable assigned on only some
//!   paths is dropped at the join, and reading it later is the error "local
//!   variable 'x' referenced before assignment"), then hidden slots (a `for`
//!   loop's iterator, a caught exception, a return value crossing a
//!   `finally`), then the temporaries of the expression being evaluated (only
//!   inside `and`/`or`, conditional expressions, chained comparisons, list
//!   comprehensions, and operations split by exception edges).
//! - Except at loop headers, a local (or temporary) that holds the same
//!   constant on every incoming path is not an inputarg: it stays that
//!   constant in the block (as in RPython, so `x = 0; if c: ...; f(x)` calls
//!   `f(0)`). A loop header takes every defined local as an inputarg.
//! - The start block's inputargs are the parameters in order; a tuple
//!   parameter is one argument unpacked with `getitem(arg, i)` operations; a
//!   `*args` parameter is one extra argument (a tuple).
//! - Names are resolved Python's way: local (assigned anywhere in the
//!   function, not declared `global`) -> closure cell of the function -> module
//!   globals -> the `__builtin__` module (found through the module's
//!   `__builtins__` global, else by name in the heap). Non-local names become
//!   constants now: globals are constant once import is done. `None`, `True`,
//!   `False` are always constants.
//! - `obj.attr` where `obj` is a constant module or class is folded into the
//!   constant attribute (class attributes are looked up through the bases;
//!   a staticmethod gives its function). Other attribute reads are
//!   `getattr(obj, "attr")`. `is_true`/`not_` of a constant whose truth is
//!   known are folded, which drops dead branches (`if DEBUG:`), and `-` applied
//!   to a number literal is the negative literal. Nothing else is folded.
//!
//! # Graph names
//! `module.func`, or `module.Class.func` for a function found in the dict of
//! a class that is a global of its module.
//!
//! # Operations
//! - Calls: `simple_call(f, args...)` when only positional arguments are
//!   given; else `call_args(f, shape, args...)` with a [`CallShape`] str
//!   constant. A method call is `getattr` then `simple_call`.
//! - Comparisons map to `lt`..`ge`, `is_`, `contains(container, item)`;
//!   `is not` and `not in` are `not_` of `is_` / `contains`.
//! - `print a, b` is `print_item(a); print_item(b); print_newline()`.
//! - `[e for x in s if c]` is `newlist()`, then a loop (as for `for`) calling
//!   `getattr(l, "append")` and `simple_call` on it.
//! - Unpacking assignment `a, b = v` is `getitem(v, 0)`, `getitem(v, 1)` (no
//!   length check); `a, b = x, y` assigns element by element; a constant
//!   tuple unpacks into its constant items.
//!
//! # Branches
//! A two-way branch ends a block with `ExitSwitch::Value(v)` where `v` is a
//! bool variable (the result of `is_true`, `not_`, a comparison or
//! `exception_match`), and two links with exitcase `False` then `True`.
//! `and`/`or`, `x if c else y` and `a < b < c` branch and join in a block
//! whose last inputarg is the result. Both exits may go to the same block
//! (with different arguments).
//!
//! Once built, the graph is tidied: links skip blocks that have no
//! operations and only forward their inputargs, a block entered only by its
//! predecessor's plain goto is merged into it, and unreachable blocks are
//! dropped (every block in `blocks` is reachable, or is the return or
//! except block).
//!
//! # Loops
//! A loop has a header block that only its entry and its back edges
//! (`continue` and the end of the body) link to. `while c:` evaluates `c` in
//! the header. `for x in s:` is `it = iter(s)` before the header; the header
//! does `next(it)` and ends with `LastException`: the normal exit (exitcase
//! None) goes to the body, the `StopIteration` exit to the `else` clause or
//! the code after the loop.
//!
//! `for x in U:` where `U` is a constant `unrolling_iterable` (an instance
//! of a class of that name whose `_items` attribute is a tuple or list, as
//! `rpython.rlib.unroll` defines it) is unrolled: the body is built once per
//! item, with `x` bound to the constant item; `break`, `continue` and `else`
//! keep their meaning.
//!
//! # Exceptions
//! - Outside any `try`, operations raise implicitly: their exceptions leave
//!   the function, and the block is not split.
//! - Inside a `try` body (`except` or `finally`), an operation that can raise
//!   ([`HlOp::can_raise`]) ends its block with `LastException`. Its exits are:
//!   first the normal one (exitcase None), then one link per handler class,
//!   innermost `try` first, in clause order (exitcase = the class constant,
//!   classes already listed are skipped), then a catch-all link whose exitcase
//!   is `BaseException`: to a `finally` clause or bare `except:` if one is
//!   met first, else to the graph's except block. Every exception link has
//!   `exc_vars` (type, value); the handler receives them as inputargs (the
//!   graph's except block as its two arguments).
//! - `raise E` / `raise E(args)` / `raise E, v` instantiate the class with
//!   `simple_call` and raise `(E, instance)`; `raise x` with `x` not a
//!   constant class raises `(type_(x), x)`. A raise goes to the first handler
//!   whose class matches: decided now when the class is a constant, else with
//!   a chain of `exception_match(etype, cls)` branches. Uncaught, it links to
//!   the graph's except block. A bare `raise` re-raises the exception being
//!   handled.
//! - Handler classes must be flow-time constants (a class or a tuple of
//!   classes).
//! - `finally` bodies are duplicated on each path through them: normal exit,
//!   exception (re-raised after the copy), `return`, `break`, `continue`.
//!
//! # Rejected
//! Errors (a `Diagnostic` at the construct) for: generators, lambdas, nested
//! `def` and `class`, generator expressions, set/dict comprehensions, sets,
//! `**kwargs` (calls and definitions), `exec`, `import` in functions,
//! `del x.attr`, extended slices, `with`, `print >>f`, assigning or deleting
//! a global, complex numbers, `raise` with a traceback.

mod builder;
mod hlop;
mod validate;

pub use hlop::{CallShape, HlOp};
pub use validate::check_flow_graph;

use std::fmt;

use diag::Diagnostic;
use flowmodel::{Block, Graph, Kind, Link, Operand, Operation};
use hostobj::{Heap, ObjId, Object, Value};

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
    builder::build(heap, func)
}

/// The text form of a flow graph, with host objects printed by their
/// description (`<function fib>`, `<builtin os.write>`, `<module os>`).
pub fn dump_flow_graph(heap: &Heap, g: &FlowGraph) -> String {
    flowmodel::dump_graph_with(g, &|c| const_text(heap, c, 0))
}

/// A constant as dumps show it: tuples by their items, other objects by
/// `Heap::describe`.
fn const_text(heap: &Heap, v: &Value, depth: usize) -> String {
    if let Value::Obj(id) = v {
        if (id.0 as usize) < heap.len() && depth < 3 {
            if let Object::Tuple(items) = heap.get(*id) {
                let parts: Vec<String> = items.iter().map(|x| const_text(heap, x, depth + 1)).collect();
                return if parts.len() == 1 { format!("({},)", parts[0]) } else { format!("({})", parts.join(", ")) };
            }
        } else if (id.0 as usize) >= heap.len() {
            return format!("<obj #{}>", id.0);
        }
    }
    heap.describe(v)
}

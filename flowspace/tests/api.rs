//! Tests of the entry points on hand-built heaps: closure cells, builtins
//! lookup, bad input, deep nesting, and the graph checker itself.

use std::rc::Rc;

use diag::{FileId, Span};
use flowmodel::{Block, Link, Operand, Operation};
use flowspace::{build_flow_graph, check_flow_graph, dump_flow_graph, FlowGraph, HlOp};
use hostobj::{Function, Heap, Module, ObjId, Object, OrderedDict, Value};
use syntax::ast::StmtKind;

/// A heap with a `__builtin__` module (holding `len`, found by name, not
/// through `__builtins__`) and a module `m` defining the first function of
/// `source`, with the given closure cells.
fn one_function(source: &str, closure: &[(&str, Value)]) -> (Heap, ObjId) {
    let tree = syntax::parse_module(source, FileId(0)).expect("parses");
    let mut heap = Heap::new();
    let len = heap.alloc(Object::Builtin("len".into()));
    let mut bglobals = OrderedDict::new();
    bglobals.insert_str("len", Value::Obj(len));
    heap.alloc(Object::Module(Module { name: "__builtin__".into(), file: None, globals: bglobals }));
    let m = heap.alloc(Object::Module(Module { name: "m".into(), file: Some(FileId(0)), globals: OrderedDict::new() }));
    let cells = closure.iter().map(|(n, v)| (n.to_string(), heap.alloc(Object::Cell(v.clone())))).collect();
    let def = tree
        .body
        .iter()
        .find_map(|s| match &s.kind {
            StmtKind::FunctionDef(d) => Some(d.clone()),
            _ => None,
        })
        .expect("a def");
    let f = heap.alloc(Object::Function(Function {
        name: def.name.clone(),
        module: m,
        def: Rc::new(def),
        defaults: Vec::new(),
        closure: cells,
        attrs: OrderedDict::new(),
        span: Span::new(FileId(0), 1, 1),
    }));
    (heap, f)
}

#[test]
fn closure_cells_become_constants() {
    let (heap, f) = one_function("def f(x):\n    return x + k\n", &[("k", Value::Int(42))]);
    let g = build_flow_graph(&heap, f).expect("builds");
    check_flow_graph(&g).expect("valid");
    assert!(dump_flow_graph(&heap, &g).contains("add(v0, 42)"), "{}", dump_flow_graph(&heap, &g));
}

#[test]
fn builtins_found_without_dunder_builtins() {
    let (heap, f) = one_function("def f(s):\n    return len(s)\n", &[]);
    let g = build_flow_graph(&heap, f).expect("builds");
    assert!(dump_flow_graph(&heap, &g).contains("simple_call(<builtin len>, v0)"));
}

#[test]
fn bad_object_ids_are_errors() {
    let (heap, f) = one_function("def f():\n    pass\n", &[]);
    let not_a_function = ObjId(0);
    assert!(build_flow_graph(&heap, not_a_function).is_err());
    assert!(build_flow_graph(&heap, ObjId(f.0 + 1000)).is_err());
}

fn build_deep(source: &str) {
    let (heap, f) = one_function(source, &[]);
    let g = build_flow_graph(&heap, f).expect("builds");
    check_flow_graph(&g).expect("valid");
}

#[test]
fn deep_expressions_do_not_overflow() {
    // Near the parser's nesting limit (500), on a test thread's small stack.
    let sum = vec!["x"; 480].join(" + ");
    build_deep(&format!("def f(x):\n    return {}\n", sum));
    let chain = vec!["x"; 480].join(" and ");
    build_deep(&format!("def f(x):\n    return {}\n", chain));
    let calls = format!("{}x{}", "g(".repeat(150), ")".repeat(150));
    build_deep(&format!("def f(x, g):\n    return {}\n", calls));
}

fn tiny_graph() -> FlowGraph {
    let mut g = FlowGraph::new("t", Span::default(), &["a"]);
    let a = g.block(g.startblock).inputargs[0];
    let r = g.new_var("");
    g.block_mut(g.startblock).operations.push(Operation {
        op: HlOp::Neg,
        args: vec![Operand::Var(a)],
        result: r,
        span: Span::default(),
    });
    let ret = g.returnblock;
    g.block_mut(g.startblock).exits.push(Link {
        target: ret,
        args: vec![Operand::Var(r)],
        exitcase: None,
        exc_vars: None,
    });
    g
}

#[test]
fn checker_accepts_and_rejects() {
    let g = tiny_graph();
    check_flow_graph(&g).expect("valid");

    // A variable used outside its block.
    let mut bad = tiny_graph();
    let other = bad.add_block(Block::new(vec![]));
    let a = bad.block(bad.startblock).inputargs[0];
    let ret = bad.returnblock;
    bad.block_mut(other).exits.push(Link { target: ret, args: vec![Operand::Var(a)], exitcase: None, exc_vars: None });
    bad.block_mut(bad.startblock).exits[0] = Link { target: other, args: vec![], exitcase: None, exc_vars: None };
    assert!(check_flow_graph(&bad).is_err());

    // Wrong number of link arguments.
    let mut bad = tiny_graph();
    bad.block_mut(bad.startblock).exits[0].args.push(Operand::Const(Value::None));
    assert!(check_flow_graph(&bad).is_err());

    // Wrong arity.
    let mut bad = tiny_graph();
    bad.block_mut(bad.startblock).operations[0].args.push(Operand::Const(Value::Int(1)));
    assert!(check_flow_graph(&bad).is_err());
}

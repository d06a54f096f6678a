//! Annotator + rtyper on flow graphs built by hand (no parser or flow space
//! involved), so these stages are tested on their own.

use std::collections::HashMap;
use std::rc::Rc;

use diag::{FileId, Span};
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, Operation, VarId};
use flowspace::{FlowGraph, HlOp};
use hostobj::{Function, Heap, Module, ObjId, Object, OrderedDict, Value};
use syntax::ast;

fn span(line: u32) -> Span {
    Span::new(FileId(0), line, 1)
}

/// A heap with one module `prog` (file 0) holding the given functions.
struct Program {
    heap: Heap,
    module: ObjId,
    graphs: HashMap<ObjId, FlowGraph>,
}

impl Program {
    fn new() -> Program {
        let mut heap = Heap::new();
        let module = heap.alloc(Object::Module(Module {
            name: "prog".into(),
            file: Some(FileId(0)),
            globals: OrderedDict::new(),
        }));
        Program { heap, module, graphs: HashMap::new() }
    }

    fn func(&mut self, name: &str, params: &[&str], defaults: Vec<Value>, line: u32) -> ObjId {
        let args = params
            .iter()
            .map(|p| ast::Expr { span: span(line), kind: ast::ExprKind::Name(p.to_string()) })
            .collect();
        let def = ast::FunctionDef {
            name: name.into(),
            args: ast::Arguments { args, vararg: None, kwarg: None, defaults: Vec::new() },
            body: Vec::new(),
            decorators: Vec::new(),
        };
        let id = self.heap.alloc(Object::Function(Function {
            name: name.into(),
            module: self.module,
            def: Rc::new(def),
            defaults,
            closure: Vec::new(),
            attrs: OrderedDict::new(),
            span: span(line),
        }));
        if let Object::Module(m) = self.heap.get_mut(self.module) {
            m.globals.insert_str(name, Value::Obj(id));
        }
        id
    }

    fn builtin(&mut self, name: &str) -> ObjId {
        self.heap.alloc(Object::Builtin(name.into()))
    }

    fn annotate(&self, entry: ObjId) -> Result<annotator::Annotations, diag::Diagnostic> {
        let graphs = self.graphs.clone();
        annotator::annotate_with(&self.heap, entry, &mut |_heap, f| Ok(graphs[&f].clone()))
    }
}

fn op(g: &mut FlowGraph, b: BlockId, op: HlOp, args: Vec<Operand<flowspace::Flow>>, line: u32) -> VarId {
    let result = g.new_var("");
    g.block_mut(b).operations.push(Operation { op, args, result, span: span(line) });
    result
}

fn goto(g: &mut FlowGraph, from: BlockId, to: BlockId, args: Vec<Operand<flowspace::Flow>>) {
    g.block_mut(from).exits.push(Link { target: to, args, exitcase: None, exc_vars: None });
}

fn var(v: VarId) -> Operand<flowspace::Flow> {
    Operand::Var(v)
}

fn int(i: i64) -> Operand<flowspace::Flow> {
    Operand::Const(Value::Int(i))
}

/// ```python
/// def inc(n, step=1):            # line 1
///     return n + step            # line 2
/// def entry(argv):               # line 3
///     x = inc(len(argv))         # line 4
///     if x > 2:                  # line 5
///         print argv[0]          # line 6
///     return x                   # line 7
/// ```
fn inc_program() -> (Program, ObjId) {
    let mut p = Program::new();
    let len = p.builtin("len");
    let inc = p.func("inc", &["n", "step"], vec![Value::Int(1)], 1);
    let entry = p.func("entry", &["argv"], vec![], 3);

    let mut g = FlowGraph::new("prog.inc", span(1), &["n", "step"]);
    let start = g.startblock;
    let [n, step] = g.block(start).inputargs[..] else { unreachable!() };
    let r = op(&mut g, start, HlOp::Add, vec![var(n), var(step)], 2);
    let ret = g.returnblock;
    goto(&mut g, start, ret, vec![var(r)]);
    p.graphs.insert(inc, g);

    let mut g = FlowGraph::new("prog.entry", span(3), &["argv"]);
    let start = g.startblock;
    let argv = g.block(start).inputargs[0];
    let n = op(&mut g, start, HlOp::SimpleCall, vec![Operand::Const(Value::Obj(len)), var(argv)], 4);
    let x = op(&mut g, start, HlOp::SimpleCall, vec![Operand::Const(Value::Obj(inc)), var(n)], 4);
    let c = op(&mut g, start, HlOp::Gt, vec![var(x), int(2)], 5);
    let (argv1, x1) = (g.new_var("argv"), g.new_var("x"));
    let then = g.add_block(Block::new(vec![argv1, x1]));
    let x2 = g.new_var("x");
    let join = g.add_block(Block::new(vec![x2]));
    g.block_mut(start).exitswitch = ExitSwitch::Value(var(c));
    g.block_mut(start).exits = vec![
        Link { target: join, args: vec![var(x)], exitcase: Some(Value::Bool(false)), exc_vars: None },
        Link { target: then, args: vec![var(argv), var(x)], exitcase: Some(Value::Bool(true)), exc_vars: None },
    ];
    let item = op(&mut g, then, HlOp::GetItem, vec![var(argv1), int(0)], 6);
    op(&mut g, then, HlOp::PrintItem, vec![var(item)], 6);
    op(&mut g, then, HlOp::PrintNewline, vec![], 6);
    goto(&mut g, then, join, vec![var(x1)]);
    let ret = g.returnblock;
    goto(&mut g, join, ret, vec![var(x2)]);
    p.graphs.insert(entry, g);
    (p, entry)
}

#[test]
fn annotates_calls_defaults_and_lists() {
    let (p, entry) = inc_program();
    let ann = p.annotate(entry).expect("annotates");
    let dump = annotator::dump(&p.heap, &ann);
    assert!(dump.contains("v0 argv: SomeList(listdef0: SomeString, resized)"), "{}", dump);
    assert!(dump.contains("v0 n: SomeInteger(nonneg)"), "{}", dump);
    assert!(dump.contains("v1 step: SomeInteger(nonneg)"), "{}", dump);
    assert_eq!(ann.graphs.len(), 2);
    assert_eq!(ann.graph(ann.entry).return_annotation(), &annotator::SomeValue::Integer { nonneg: true, unsigned: false });
}

#[test]
fn rtypes_to_low_level_graphs() {
    let (p, entry) = inc_program();
    let ann = p.annotate(entry).unwrap();
    let prog = rtyper::rtype(&p.heap, &ann).expect("rtypes");
    let dump = prog.dump();
    // The entry, inc, and the list indexing helper.
    assert_eq!(prog.functions.len(), 3, "{}", dump);
    assert!(dump.contains("direct_call(@func1, "), "{}", dump);
    assert!(dump.contains(", 1)"), "default argument passed as a constant: {}", dump);
    assert!(dump.contains("direct_call(@rpy_print_item"), "{}", dump);
    assert!(dump.contains("direct_call(@rpy_raise, c\"IndexError\")"), "{}", dump);
    let list = prog.types.iter().find(|(_, d)| d.name == "LIST_STR").expect("argv list type").1;
    assert_eq!(list.tid, abi::TID_PTR_LIST);
}

#[test]
fn conflicting_arguments_name_both_places() {
    let mut p = Program::new();
    let show = p.func("show", &["x"], vec![], 1);
    let entry = p.func("entry", &["argv"], vec![], 3);
    let mut g = FlowGraph::new("prog.show", span(1), &["x"]);
    let (start, ret) = (g.startblock, g.returnblock);
    let x = g.block(start).inputargs[0];
    op(&mut g, start, HlOp::PrintItem, vec![var(x)], 2);
    goto(&mut g, start, ret, vec![Operand::Const(Value::None)]);
    p.graphs.insert(show, g);
    let mut g = FlowGraph::new("prog.entry", span(3), &["argv"]);
    let (start, ret) = (g.startblock, g.returnblock);
    op(&mut g, start, HlOp::SimpleCall, vec![Operand::Const(Value::Obj(show)), int(1)], 4);
    op(&mut g, start, HlOp::SimpleCall, vec![Operand::Const(Value::Obj(show)), Operand::Const(Value::str("one"))], 5);
    goto(&mut g, start, ret, vec![int(0)]);
    p.graphs.insert(entry, g);
    let err = p.annotate(entry).unwrap_err();
    assert_eq!(err.to_string(), "5:1: error: argument 'x' of show() is an int here (prog.py:4) and a str here (prog.py:5)");
}


//! Unit tests: small programs evaluated at import time. Expected outputs are
//! what CPython 2.7 prints for the same code.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A scratch folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> TempDir {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::SeqCst);
        let dir = std::env::temp_dir().join(format!("loader-test-{}-{}", std::process::id(), n));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }
    fn write(&self, name: &str, text: &str) {
        let p = self.0.join(name);
        if let Some(d) = p.parent() {
            std::fs::create_dir_all(d).expect("folder");
        }
        std::fs::write(p, text).expect("write");
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Loads `files` (the first is the target) with extra target args; the
/// program and what it printed, or the rendered diagnostic (paths relative
/// to the scratch folder).
fn load_with_args(files: &[(&str, &str)], args: &[&str]) -> Result<(LoadedProgram, String), String> {
    let dir = TempDir::new();
    for (name, text) in files {
        dir.write(name, text);
    }
    let mut sources = SourceMap::new();
    let options = LoadOptions { search_path: vec![], target_args: args.iter().map(|s| s.to_string()).collect() };
    let (r, out) = load_impl(&dir.0.join(files[0].0), &options, &mut sources, true);
    let out = String::from_utf8_lossy(&out).into_owned();
    match r {
        Ok(p) => Ok((p, out)),
        Err(d) => {
            let prefix = format!("{}/", dir.0.display());
            Err(format!("{}{}", out, d.render(&sources).replace(&prefix, "")))
        }
    }
}

fn load(files: &[(&str, &str)]) -> Result<(LoadedProgram, String), String> {
    load_with_args(files, &[])
}

const TRIVIAL_TARGET: &str = "\n\ndef _entry(argv):\n    return 0\n\ndef target(driver, args):\n    return _entry, None\n";

/// Runs module-level code; what it printed, or the error.
fn run(src: &str) -> String {
    let full = format!("{}{}", src, TRIVIAL_TARGET);
    match load(&[("t.py", &full)]) {
        Ok((_, out)) => out,
        Err(e) => e,
    }
}

fn check(src: &str, expected: &str) {
    let got = run(src);
    assert_eq!(got, expected, "\n--- program:\n{}\n--- got:\n{}", src, got);
}

/// Dev helper: `LOADER_RUN=file.py [LOADER_OUT=out.txt] cargo test -p loader run_file -- --ignored --nocapture`
/// evaluates a file (with a trivial target appended) and prints its output.
#[test]
#[ignore]
fn run_file() {
    let Ok(path) = std::env::var("LOADER_RUN") else { return };
    let src = std::fs::read_to_string(path).expect("read");
    let out = run(&src);
    match std::env::var("LOADER_OUT") {
        Ok(o) => std::fs::write(o, out).expect("write"),
        Err(_) => print!("{}", out),
    }
}

#[test]
fn smoke() {
    check("x = 1 + 2\nprint x, 'a'\n", "3 a\n");
}

fn error_of(files: &[(&str, &str)]) -> String {
    match load(files) {
        Ok(_) => "no error".into(),
        Err(e) => e,
    }
}

/// The object a global of the target module refers to.
fn global(p: &LoadedProgram, name: &str) -> Value {
    p.heap.module(p.target_module).and_then(|m| m.globals.get_str(name)).cloned().unwrap_or(Value::None)
}

fn obj_id(v: &Value) -> ObjId {
    match v {
        Value::Obj(id) => *id,
        other => panic!("not an object: {:?}", other),
    }
}

#[test]
fn import_error_fallback() {
    check(
        "try:\n    from rpython.rlib.nonexistent_xyz import JitDriver\nexcept ImportError, e:\n    print 'fallback:', e\n    JitDriver = None\nprint JitDriver\n",
        // The bundled `rpython` package is found (as with pylib/ on CPython's path).
        "fallback: No module named nonexistent_xyz\nNone\n",
    );
    check(
        "try:\n    import os.nothere\nexcept ImportError as e:\n    print e\ntry:\n    from os import nothere\nexcept ImportError as e:\n    print e\n",
        "No module named nothere\ncannot import name nothere\n",
    );
}

#[test]
fn decorators() {
    check(
        "def tag(name):\n    def deco(f):\n        f.tag = name\n        return f\n    return deco\n\
         def twice(f):\n    def g(x):\n        return f(f(x))\n    return g\n\
         @twice\n@tag('inc')\ndef inc(x):\n    return x + 1\n\
         print inc(1), inc.__name__, hasattr(inc, 'tag')\n\
         @tag('plain')\ndef plain():\n    pass\nprint plain.tag, plain.__name__\n",
        "3 g False\nplain plain\n",
    );
}

#[test]
fn functions_generated_in_a_loop_and_attached_with_setattr() {
    let src = "class Ops(object):\n    pass\n\
               def make(name, k):\n    def op(self, x):\n        return x * k\n    op.func_name = 'op_' + name\n    return op\n\
               for name, k in [('double', 2), ('triple', 3)]:\n    setattr(Ops, 'op_' + name, make(name, k))\n\
               o = Ops()\nprint o.op_double(5), o.op_triple(5), Ops.op_double.__name__, getattr(o, 'op_triple')(1)\n";
    check(src, "10 15 op_double 3\n");
    let (p, _) = load(&[("t.py", &format!("{}{}", src, TRIVIAL_TARGET))]).unwrap();
    let ops = obj_id(&global(&p, "Ops"));
    let class = p.heap.class(ops).unwrap();
    let f = obj_id(class.dict.get_str("op_triple").unwrap());
    let func = p.heap.function(f).unwrap();
    assert_eq!(func.name, "op_triple");
    assert_eq!(func.closure.len(), 1);
    assert_eq!(func.closure[0].0, "k");
    assert!(matches!(p.heap.get(func.closure[0].1), Object::Cell(Value::Int(3))));
}

#[test]
fn class_attributes_and_inheritance() {
    check(
        "class Base(object):\n    kind = 'base'\n    count = 0\n    def __init__(self, v):\n        self.v = v\n        Base.count += 1\n    def describe(self):\n        return '%s:%s' % (self.kind, self.v)\n\
         class Child(Base):\n    kind = 'child'\n    def describe(self):\n        return 'child ' + Base.describe(self)\n\
         class Old:\n    x = 1\n\
         b, c = Base(1), Child(2)\nprint b.describe(), c.describe(), Base.count, Child.count, isinstance(c, Base), issubclass(Child, Base)\n\
         print Child.__bases__ == (Base,), Old.x, Old().x, [k.__name__ for k in Child.__mro__]\n",
        "base:1 child child:2 2 2 True True\nTrue 1 1 ['Child', 'Base', 'object']\n",
    );
}

#[test]
fn closures() {
    check(
        "def counter(start):\n    n = [start]\n    def inc(step=1):\n        n[0] += step\n        return n[0]\n    return inc\n\
         c = counter(10)\nc()\nprint c(5)\n\
         def outer():\n    x = 'early'\n    def get():\n        return x\n    x = 'late'\n    return get\nprint outer()()\n\
         def nested(a):\n    def mid(b):\n        def inner(c):\n            return a + b + c\n        return inner\n    return mid\nprint nested(1)(2)(3)\n\
         fs = [(lambda i=i: i) for i in range(3)]\nprint [f() for f in fs]\n",
        "16\nlate\n6\n[0, 1, 2]\n",
    );
}

#[test]
fn main_block_is_skipped() {
    check("print __name__\nif __name__ == '__main__':\n    print 'main ran'\n", "t\n");
}

#[test]
fn os_environ_is_read_at_import() {
    let path = std::env::var("PATH").unwrap_or_default();
    let expected = format!("True True\n{}\n", path);
    check(
        "import os\nprint 'PATH' in os.environ, os.environ.get('PATH') == os.getenv('PATH')\nprint os.environ['PATH']\n",
        &expected,
    );
    check("import os\nprint os.environ.get('SURELY_NOT_SET_XYZ_123', 'default')\n", "default\n");
}

#[test]
fn module_level_containers_built_by_loops() {
    let src = "OPCODES = {}\nNAMES = []\nfor i, name in enumerate(['PUSH', 'POP', 'ADD']):\n    OPCODES[name] = i\n    NAMES.append(name.lower())\n\
               while len(NAMES) < 5:\n    NAMES.append(None)\nprint OPCODES['ADD'], NAMES\n";
    check(src, "2 ['push', 'pop', 'add', None, None]\n");
    let (p, _) = load(&[("t.py", &format!("{}{}", src, TRIVIAL_TARGET))]).unwrap();
    match p.heap.get(obj_id(&global(&p, "OPCODES"))) {
        Object::Dict(d) => {
            assert_eq!(d.len(), 3);
            assert!(matches!(d.get_str("POP"), Some(Value::Int(1))));
        }
        other => panic!("not a dict: {:?}", other),
    }
}

#[test]
fn recursion_depth() {
    check(
        "def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RuntimeError as e:\n    print e\n",
        "maximum recursion depth exceeded\n",
    );
    let e = error_of(&[("t.py", &format!("def f(n):\n    return f(n + 1)\nf(0){}", TRIVIAL_TARGET))]);
    assert!(e.starts_with("t.py:2:12: error: import of module t failed: RuntimeError: maximum recursion depth exceeded\n"), "{}", e);
    // Mutual recursion through a class constructor and a builtin callback.
    check(
        "class N(object):\n    def __init__(self, k):\n        self.next = sorted([k], key=lambda x: N(x - 1))\ntry:\n    N(0)\nexcept RuntimeError as e:\n    print 'caught'\n",
        "caught\n",
    );
}

#[test]
fn target_results() {
    let ok = |ret: &str| load(&[("t.py", &format!("def main(argv):\n    return 0\ndef target(driver, args):\n    return {}\n", ret))]);
    let (p, _) = ok("main, None").unwrap();
    assert_eq!(p.heap.function(p.entry_point).unwrap().name, "main");
    let (p, _) = ok("main").unwrap();
    assert_eq!(p.heap.function(p.entry_point).unwrap().name, "main");
    assert!(p.jitpolicy.is_none());
    assert_eq!(
        ok("None").unwrap_err(),
        "t.py:3:1: error: target() must return the entry point function (or a tuple whose first item is it), but it returned None\n"
    );
    assert!(ok("(1, 2)").unwrap_err().contains("but it returned (1, 2) of type 'tuple'"));
    assert_eq!(
        error_of(&[("t.py", "x = 1\n")]),
        "t.py:1:1: error: the target file defines no function `target(driver, args)`\n"
    );
    assert_eq!(
        error_of(&[("t.py", "def target(driver, args):\n    return undefined\n")]),
        "t.py:2:12: error: calling target() failed: NameError: global name 'undefined' is not defined\n"
    );
}

#[test]
fn target_gets_driver_and_args() {
    let src = "SEEN = []\ndef main(argv):\n    return 0\n\
               def target(driver, args):\n    SEEN.extend(args)\n    driver.exe_name = 'prog-%(backend)s'\n    return main, None\n\
               class Policy(object):\n    pass\ndef jitpolicy(driver):\n    return Policy()\n";
    let (p, _) = load_with_args(&[("t.py", src)], &["-x", "5"]).unwrap();
    match p.heap.get(obj_id(&global(&p, "SEEN"))) {
        Object::List(items) => assert_eq!(items, &vec![Value::str("-x"), Value::str("5")]),
        other => panic!("{:?}", other),
    }
    match p.heap.get(obj_id(&p.driver)) {
        Object::Instance(i) => assert_eq!(i.attrs.get_str("exe_name"), Some(&Value::str("prog-%(backend)s"))),
        other => panic!("{:?}", other),
    }
    let policy = p.jitpolicy.clone().unwrap();
    assert!(matches!(p.heap.get(obj_id(&policy)), Object::Instance(_)));
}

#[test]
fn exception_classes_are_real_classes() {
    let src = "class MyError(ValueError):\n    pass\n";
    let (p, _) = load(&[("t.py", &format!("{}{}", src, TRIVIAL_TARGET))]).unwrap();
    let my = obj_id(&global(&p, "MyError"));
    let exc = p.heap.find_module("exceptions").unwrap();
    let class_of = |name: &str| obj_id(p.heap.module(exc).unwrap().globals.get_str(name).unwrap());
    assert!(p.heap.is_subclass(my, class_of("ValueError")));
    assert!(p.heap.is_subclass(my, class_of("StandardError")));
    assert!(p.heap.is_subclass(my, class_of("BaseException")));
    assert!(!p.heap.is_subclass(my, class_of("LookupError")));
    assert!(p.heap.is_subclass(class_of("KeyError"), class_of("LookupError")));
    assert!(p.heap.is_subclass(class_of("ZeroDivisionError"), class_of("ArithmeticError")));
    assert!(p.heap.is_subclass(class_of("IOError"), class_of("EnvironmentError")));
    // The same classes are the builtins.
    let b = p.heap.builtins_module().unwrap();
    assert_eq!(p.heap.module(b).unwrap().globals.get_str("KeyError"), Some(&Value::Obj(class_of("KeyError"))));
}

#[test]
fn exceptions_at_import_time() {
    check(
        "class E(Exception):\n    def __init__(self, code):\n        Exception.__init__(self, 'code %d' % code)\n        self.code = code\n\
         try:\n    raise E(3)\nexcept Exception, e:\n    print e, e.code, e.args\n\
         try:\n    {}['k']\nexcept LookupError as e:\n    print repr(e), e\n\
         def f():\n    try:\n        return 1\n    finally:\n        print 'finally'\nprint f()\n",
        "code 3 3 ('code 3',)\nKeyError('k',) 'k'\nfinally\n1\n",
    );
    let e = error_of(&[("t.py", &format!("import helper{}", TRIVIAL_TARGET)), ("helper.py", "x = 1\ny = x.nope\n")]);
    assert_eq!(
        e,
        "helper.py:2:5: error: import of module helper failed: AttributeError: 'int' object has no attribute 'nope'\nt.py:1:1: note: imported from here\n"
    );
}

#[test]
fn unsupported_things_are_diagnostics() {
    assert_eq!(
        error_of(&[("t.py", "exec 'x = 1'\n")]),
        "t.py:1:1: error: import-time evaluation: exec is not supported\n"
    );
    assert_eq!(
        error_of(&[("t.py", "x = 1\ny = 2j\n")]),
        "t.py:2:5: error: import-time evaluation: a complex number is not supported\n"
    );
    // Not catchable by the program.
    assert!(error_of(&[("t.py", "try:\n    exec 'x'\nexcept:\n    pass\n")]).contains("exec is not supported"));
}

#[test]
fn unsupported_unicode_literals_are_diagnostics_where_evaluated() {
    assert_eq!(
        error_of(&[("t.py", "x = 1\ny = u'a' u'\\udc80'\n")]),
        "t.py:2:5: error: unicode literal not supported yet: surrogate code point U+DC80\n"
    );
    // A module's docstring is its `__doc__`.
    assert_eq!(
        error_of(&[("t.py", "u'\\N{BULLET}'\n")]),
        "t.py:1:1: error: unicode literal not supported yet: named character escape \\N{BULLET}\n"
    );
    // Other string statements are never evaluated, nor is a function's
    // docstring until `__doc__` is read.
    let src = "x = 1\nu'\\ud800'\ndef f():\n    u'\\ud800'\n    return 2\nprint f()\n";
    check(src, "2\n");
    assert_eq!(
        error_of(&[("t.py", &format!("{}print f.__doc__\n", src))]),
        "2\nt.py:4:5: error: unicode literal not supported yet: surrogate code point U+D800\n"
    );
}

#[test]
fn print_statement() {
    check("print 1,\nprint 2\nprint 'a\\n',\nprint 'b'\nprint\nprint (1, 'x'), [None]\n", "1 2\na\nb\n\n(1, 'x') [None]\n");
}

#[test]
fn globals_and_locals_are_writable_at_module_and_class_level() {
    check(
        "for n in ['a', 'b']:\n    globals()['get_' + n] = n.upper()\nprint get_a, get_b\n\
         class C(object):\n    for n in range(2):\n        locals()['f%d' % n] = n * 10\n    del n\nprint C.f0, C.f1, hasattr(C, 'n')\n",
        "A B\n0 10 False\n",
    );
}

#[test]
fn sys_module() {
    check(
        "import sys\nprint sys.maxint, sys.platform, sys.byteorder, sys.argv\nprint sys.modules[__name__].__name__, 'sys' in sys.modules\n",
        "9223372036854775807 linux2 little []\nt True\n",
    );
}

#[test]
fn integers_overflow_into_longs() {
    check(
        "import sys\nx = sys.maxint\nprint x + 1, type(x + 1).__name__, type(x).__name__, -x - 2, 2 ** 100, 7 // -2, -7 % 3\n",
        "9223372036854775808 long int -9223372036854775809 1267650600228229401496703205376 -4 2\n",
    );
    assert!(error_of(&[("t.py", "x = 2 ** 200\n")]).contains("an integer beyond 128 bits is not supported"));
}

#[test]
fn dump_is_deterministic_and_lists_user_modules() {
    let files = [
        ("t.py", "import helper\nfrom helper import K\nX = [1, 2]\ndef main(argv):\n    return 0\ndef target(driver, args):\n    return main\n"),
        ("helper.py", "class K(object):\n    A = 1\n    def m(self, x=None):\n        pass\n"),
    ];
    let (p1, _) = load(&files).unwrap();
    let (p2, _) = load(&files).unwrap();
    let d = dump_program(&p1);
    assert_eq!(d, dump_program(&p2));
    assert_eq!(
        d,
        "module t (t.py)\n  helper = <module helper>\n  K = <class helper.K>\n  X = [1, 2]\n  def main(argv)\n  def target(driver, args)\n\n\
         module helper (helper.py)\n  class K(object):\n      A = 1\n      def m(self, x=None)\n\n\
         entry_point = <function t.main(argv)>\n"
    );
}

#[test]
fn circular_imports_see_partial_modules() {
    let files = [
        ("t.py", &*format!("import a\nprint a.A, a.b.B{}", TRIVIAL_TARGET)),
        ("a.py", "A = 1\nimport b\n"),
        ("b.py", "import a\nB = a.A + 1\n"),
    ];
    assert_eq!(load(&files).map(|r| r.1), Ok("1 2\n".to_string()));
}

#[test]
fn generators_run_eagerly() {
    check(
        "def gen(n):\n    for i in range(n):\n        yield i * 2\n    return\nprint list(gen(3)), sum(x for x in gen(4)), [x for x in gen(2)]\n",
        "[0, 2, 4] 12 [0, 2]\n",
    );
}

/// Dev helper: `LOADER_TARGETS="a.py b.py" cargo test -p loader load_targets -- --ignored --nocapture`
/// loads each target and prints the outcome.
#[test]
#[ignore]
fn load_targets() {
    let Ok(list) = std::env::var("LOADER_TARGETS") else { return };
    for t in list.split_whitespace() {
        let mut sources = SourceMap::new();
        match load_target(std::path::Path::new(t), &LoadOptions::default(), &mut sources) {
            Ok(p) => println!("OK   {} -> {}", t, p.heap.function(p.entry_point).map(|f| f.name.as_str()).unwrap_or("?")),
            Err(d) => print!("FAIL {}: {}", t, d.render(&sources)),
        }
    }
}

/// The programs in loader/tests/cpython: each `NAME.py` must print exactly
/// `NAME.out`, which is CPython 2.7's output with `pylib/` on its path
/// (`PYTHONPATH=pylib python2.7 NAME.py`, as `tools/run_untranslated.py` runs
/// programs; committed, so no Python 2 is needed to run the tests).
#[test]
fn programs_print_what_cpython_prints() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cpython");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("loader/tests/cpython")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "py"))
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    let mut failures = Vec::new();
    for case in cases {
        let src = std::fs::read_to_string(&case).expect("read");
        let expected = std::fs::read_to_string(case.with_extension("out")).unwrap_or_default();
        let got = run(&src);
        if got != expected {
            let diff: Vec<String> = expected
                .lines()
                .zip(got.lines().chain(std::iter::repeat("<missing>")))
                .filter(|(e, g)| e != g)
                .take(3)
                .map(|(e, g)| format!("  expected: {}\n  got:      {}", e, g))
                .collect();
            failures.push(format!("{}:\n{}", case.display(), diff.join("\n")));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn class_body_sees_module_name() {
    check("class A(object):\n    where = __module__ + '.A'\nprint A.where, A.__module__\n", "t.A t\n");
}

#[test]
fn getframe_writes_reach_the_class_being_built() {
    // Expected output from CPython 2.7.
    check(
        "import sys\ndef define(name, v):\n    sys._getframe(1).f_locals[name] = v\nclass A(object):\n    define('x', 3)\n    y = x + 1\nprint A.x, A.y, sys._getframe().f_code.co_name\n",
        "3 4 <module>\n",
    );
    check(
        "from rpython.rlib.objectmodel import import_from_mixin\nclass M(object):\n    k = 2\n    def f(self):\n        return self.k * 10\nclass A(object):\n    import_from_mixin(M)\nprint A().f(), 'f' in A.__dict__, A.__dict__['f'] is M.__dict__['f']\n",
        "20 True False\n",
    );
}

#[test]
fn split_replace_and_round_follow_cpython() {
    // Expected outputs from CPython 2.7.
    check("print 'a b  c  '.split(None, 1), '  a b  c'.rsplit(None, 1), 'a  '.split(None, 1)\n", "['a', 'b  c  '] ['  a b', 'c'] ['a']\n");
    check(
        "print repr('abc'.replace('', '-')), repr('abc'.replace('', '-', 2)), repr(''.replace('', 'X')), repr(''.replace('', 'X', 1))\n",
        "'-a-b-c-' '-a-bc' 'X' ''\n",
    );
    check(
        "print round(2.675, 2), round(0.5), round(-0.5), round(1.5), round(2.5), round(1234.5678, -2), round(-0.4)\n",
        "2.67 1.0 -1.0 2.0 3.0 1200.0 -0.0\n",
    );
}

#[test]
fn round_is_exact() {
    use crate::format::round_half_away as r;
    assert_eq!(r(2.675, 2), Some(2.67));
    assert_eq!(r(0.125, 2), Some(0.13));
    assert_eq!(r(-2.5, 0), Some(-3.0));
    assert_eq!(r(250.0, -2), Some(300.0));
    assert_eq!(r(5e22, -23), Some(0.0));
    assert_eq!(r(1.5e23, -23), Some(2e23));
    assert_eq!(r(1.7e308, -308), None);
    assert_eq!(r(5e-324, 400), Some(5e-324));
    assert!(r(-3.0, -400).is_some_and(|z| z == 0.0 && z.is_sign_negative()));
}

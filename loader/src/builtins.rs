//! Built-in modules (`__builtin__`, `exceptions`, `os`, `sys`, `math`, ...),
//! and what calling a built-in function or method does at import time.
//!
//! Built-ins are `Object::Builtin(dotted name)` values; methods of built-in
//! types are named `type.method` (`"str.join"`) and take the receiver as
//! their first argument.

use std::rc::Rc;

use hostobj::{Class, Instance, Module, ObjId, Object, OrderedDict, Value};

use crate::interp::{FrameWhat, Interp, Unwind, R};
use crate::ops::Key;

/// Built-in names that are types (callable, usable with isinstance).
const TYPE_NAMES: &[&str] = &[
    "int", "long", "float", "str", "unicode", "basestring", "bool", "list", "tuple", "dict", "set",
    "frozenset", "type", "NoneType", "function", "module", "builtin_function_or_method", "instancemethod",
    "staticmethod", "classmethod", "property", "super", "xrange", "iterator", "cell", "file",
];

pub fn is_type_name(n: &str) -> bool {
    TYPE_NAMES.contains(&n)
}

const STR_METHODS: &[&str] = &[
    "join", "split", "rsplit", "strip", "lstrip", "rstrip", "startswith", "endswith", "replace", "upper",
    "lower", "find", "rfind", "index", "rindex", "count", "isdigit", "isalpha", "isalnum", "isspace",
    "isupper", "islower", "splitlines", "encode", "decode", "format", "zfill", "ljust", "rjust", "center",
    "title", "capitalize", "swapcase", "partition", "rpartition", "expandtabs", "istitle",
];
const LIST_METHODS: &[&str] =
    &["append", "extend", "insert", "pop", "remove", "index", "count", "reverse", "sort"];
const TUPLE_METHODS: &[&str] = &["index", "count"];
const DICT_METHODS: &[&str] = &[
    "get", "keys", "values", "items", "iterkeys", "itervalues", "iteritems", "has_key", "setdefault", "pop",
    "popitem", "update", "copy", "clear",
];
const SET_METHODS: &[&str] = &[
    "add", "remove", "discard", "pop", "clear", "copy", "update", "union", "intersection", "difference",
    "symmetric_difference", "issubset", "issuperset", "isdisjoint", "difference_update", "intersection_update",
];

/// Whether built-in type `t` has method `m`.
pub fn has_method(t: &str, m: &str) -> bool {
    let table: &[&str] = match t {
        "str" | "unicode" => STR_METHODS,
        "list" => LIST_METHODS,
        "tuple" => TUPLE_METHODS,
        "dict" => DICT_METHODS,
        "set" | "frozenset" => SET_METHODS,
        // `open()` hands out an iterator over the file's lines: it also reads like a file.
        "iterator" => &["next", "__iter__", "read", "readline", "readlines", "close", "__enter__", "__exit__"],
        "property" => &["setter", "getter", "deleter"],
        "int" | "long" => &["bit_length", "conjugate"],
        "float" => &["is_integer", "conjugate"],
        _ => &[],
    };
    table.contains(&m)
}

/// The built-in type whose methods a value has.
pub fn method_type(it: &Interp, v: &Value) -> Option<&'static str> {
    Some(match v {
        Value::Str(_) => "str",
        Value::Unicode(_) => "unicode",
        Value::Int(_) | Value::Bool(_) => "int",
        Value::Long(_) => "long",
        Value::Float(_) => "float",
        Value::None => return None,
        Value::Obj(id) => match it.heap.get(*id) {
            Object::List(_) => "list",
            Object::Tuple(_) => "tuple",
            Object::Dict(_) => "dict",
            // `globals()` hands out the module: it answers the dict methods.
            Object::Module(_) => "dict",
            Object::Set(_) => "set",
            Object::Iterator { .. } => "iterator",
            Object::Property { .. } => "property",
            _ => return None,
        },
    })
}

const BUILTIN_FUNCTIONS: &[&str] = &[
    "len", "repr", "chr", "ord", "abs", "min", "max", "range", "xrange", "enumerate", "reversed", "isinstance",
    "issubclass", "hasattr", "getattr", "setattr", "delattr", "unichr", "hex", "oct", "bin", "hash", "id",
    "iter", "next", "sorted", "sum", "any", "all", "map", "filter", "zip", "reduce", "callable", "divmod",
    "pow", "round", "cmp", "globals", "locals", "vars", "dir", "intern", "format", "print", "open", "input",
    "raw_input", "eval", "execfile", "compile", "reload", "__import__", "bytearray", "buffer", "memoryview",
    "complex", "slice", "apply", "coerce", "exit", "quit",
];

/// The CPython 2.7 exception hierarchy: (name, base).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("BaseException", "object"),
    ("SystemExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("GeneratorExit", "BaseException"),
    ("Exception", "BaseException"),
    ("StopIteration", "Exception"),
    ("StandardError", "Exception"),
    ("BufferError", "StandardError"),
    ("ArithmeticError", "StandardError"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "StandardError"),
    ("AttributeError", "StandardError"),
    ("EnvironmentError", "StandardError"),
    ("IOError", "EnvironmentError"),
    ("OSError", "EnvironmentError"),
    ("EOFError", "StandardError"),
    ("ImportError", "StandardError"),
    ("LookupError", "StandardError"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "StandardError"),
    ("NameError", "StandardError"),
    ("UnboundLocalError", "NameError"),
    ("ReferenceError", "StandardError"),
    ("RuntimeError", "StandardError"),
    ("NotImplementedError", "RuntimeError"),
    ("SyntaxError", "StandardError"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "StandardError"),
    ("TypeError", "StandardError"),
    ("ValueError", "StandardError"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("UnicodeTranslateError", "UnicodeError"),
    ("Warning", "Exception"),
    ("DeprecationWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UserWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("BytesWarning", "Warning"),
];

fn new_module(it: &mut Interp, name: &str) -> ObjId {
    let mut globals = OrderedDict::new();
    globals.insert_str("__name__", Value::str(name));
    globals.insert_str("__doc__", Value::None);
    let id = it.heap.alloc(Object::Module(Module { name: name.into(), file: None, globals }));
    it.modules.insert(name.into(), id);
    id
}

/// Creates `__builtin__`'s contents, `object` and the exception classes.
pub fn setup(it: &mut Interp) {
    let b = it.builtins;
    let mut object_dict = OrderedDict::new();
    object_dict.insert_str("__init__", it.builtin("object.__init__"));
    object_dict.insert_str("__new__", it.builtin("object.__new__"));
    let object = it.heap.alloc(Object::Class(Class {
        name: "object".into(),
        module: b,
        bases: vec![],
        dict: object_dict,
        span: Default::default(),
    }));
    it.classes.insert("object", object);

    let exc_mod = new_module(it, "exceptions");
    for &(name, base) in EXCEPTIONS {
        let base = it.class_named(base);
        let mut dict = OrderedDict::new();
        if name == "BaseException" {
            for m in ["__init__", "__str__", "__repr__"] {
                let f = it.builtin(&format!("BaseException.{}", m));
                dict.insert_str(m, f);
            }
        }
        if name == "EnvironmentError" {
            // What EnvironmentError(errno, strerror[, filename]) sets, with
            // defaults translated code can read (errno is an int there).
            dict.insert_str("errno", Value::Int(0));
            dict.insert_str("strerror", Value::None);
            dict.insert_str("filename", Value::None);
        }
        let c = it.heap.alloc(Object::Class(Class {
            name: name.into(),
            module: exc_mod,
            bases: vec![base],
            dict,
            span: Default::default(),
        }));
        it.classes.insert(name, c);
        it.set_global(exc_mod, name, Value::Obj(c));
    }

    // The class of the `driver` argument of target().
    let driver = it.heap.alloc(Object::Class(Class {
        name: "TranslationDriver".into(),
        module: b,
        bases: vec![object],
        dict: OrderedDict::new(),
        span: Default::default(),
    }));
    it.classes.insert("TranslationDriver", driver);

    let mut g = OrderedDict::new();
    g.insert_str("__name__", Value::str("__builtin__"));
    g.insert_str("__doc__", Value::None);
    g.insert_str("None", Value::None);
    g.insert_str("True", Value::Bool(true));
    g.insert_str("False", Value::Bool(false));
    g.insert_str("__debug__", Value::Bool(true));
    g.insert_str("NotImplemented", it.builtin("NotImplemented"));
    g.insert_str("Ellipsis", it.builtin("Ellipsis"));
    g.insert_str("object", Value::Obj(object));
    for t in TYPE_NAMES {
        if matches!(*t, "NoneType" | "function" | "module" | "builtin_function_or_method" | "instancemethod" | "iterator" | "cell") {
            continue;
        }
        g.insert_str(t, it.builtin(t));
    }
    for f in BUILTIN_FUNCTIONS {
        g.insert_str(f, it.builtin(f));
    }
    for &(name, _) in EXCEPTIONS {
        g.insert_str(name, Value::Obj(it.class_named(name)));
    }
    if let Object::Module(m) = it.heap.get_mut(b) {
        m.globals = g;
    }
}

fn add_funcs(it: &mut Interp, m: ObjId, prefix: &str, names: &[&str]) {
    for n in names {
        let f = it.builtin(&format!("{}.{}", prefix, n));
        it.set_global(m, n, f);
    }
}

fn add_ints(it: &mut Interp, m: ObjId, consts: &[(&str, i64)]) {
    for (n, v) in consts {
        it.set_global(m, n, Value::Int(*v));
    }
}

/// The built-in module `name`, created on first import; None if there is none.
pub fn builtin_module(it: &mut Interp, name: &str) -> Option<ObjId> {
    if let Some(&m) = it.modules.get(name) {
        return Some(m);
    }
    let m = match name {
        "os" => {
            let m = new_module(it, "os");
            add_funcs(
                it,
                m,
                "os",
                &[
                    "write", "read", "open", "close", "lseek", "getenv", "putenv", "unlink", "remove", "rename",
                    "mkdir", "rmdir", "listdir", "getcwd", "chdir", "getpid", "_exit", "system", "isatty",
                    "fstat", "stat", "lstat", "access", "dup", "dup2", "pipe", "fork", "waitpid", "kill",
                    "strerror", "urandom", "times", "fsync", "ftruncate", "chmod", "utime", "execv", "execve",
                ],
            );
            add_ints(
                it,
                m,
                &[
                    ("O_RDONLY", 0),
                    ("O_WRONLY", 1),
                    ("O_RDWR", 2),
                    ("O_CREAT", 0o100),
                    ("O_EXCL", 0o200),
                    ("O_NOCTTY", 0o400),
                    ("O_TRUNC", 0o1000),
                    ("O_APPEND", 0o2000),
                    ("O_NONBLOCK", 0o4000),
                    ("O_NDELAY", 0o4000),
                    ("O_SYNC", 0o4010000),
                    ("O_DIRECTORY", 0o200000),
                    ("O_NOFOLLOW", 0o400000),
                    ("O_CLOEXEC", 0o2000000),
                    ("SEEK_SET", 0),
                    ("SEEK_CUR", 1),
                    ("SEEK_END", 2),
                    ("F_OK", 0),
                    ("R_OK", 4),
                    ("W_OK", 2),
                    ("X_OK", 1),
                    ("EX_OK", 0),
                ],
            );
            for (n, v) in [
                ("sep", "/"),
                ("linesep", "\n"),
                ("name", "posix"),
                ("curdir", "."),
                ("pardir", ".."),
                ("pathsep", ":"),
                ("devnull", "/dev/null"),
                ("extsep", "."),
            ] {
                it.set_global(m, n, Value::str(v));
            }
            // A snapshot of the real environment, taken at import time.
            let mut env = OrderedDict::new();
            let mut vars: Vec<(Vec<u8>, Vec<u8>)> = std::env::vars_os()
                .map(|(k, v)| {
                    use std::os::unix::ffi::OsStrExt;
                    (k.as_bytes().to_vec(), v.as_bytes().to_vec())
                })
                .collect();
            vars.sort();
            for (k, v) in vars {
                env.insert(Interp::bytes(k), Interp::bytes(v));
            }
            let env = it.new_dict(env);
            it.set_global(m, "environ", env);
            let error = Value::Obj(it.class_named("OSError"));
            it.set_global(m, "error", error);
            let path = builtin_module(it, "os.path")?;
            it.set_global(m, "path", Value::Obj(path));
            m
        }
        "os.path" | "posixpath" => {
            let m = new_module(it, name);
            add_funcs(
                it,
                m,
                "os.path",
                &[
                    "join", "exists", "isfile", "isdir", "dirname", "basename", "abspath", "split", "splitext",
                    "normpath", "isabs", "realpath", "getsize", "islink", "expanduser",
                ],
            );
            for (n, v) in [("sep", "/"), ("curdir", "."), ("pardir", ".."), ("pathsep", ":")] {
                it.set_global(m, n, Value::str(v));
            }
            m
        }
        "sys" => {
            let m = new_module(it, "sys");
            let argv = it.new_list(vec![]);
            it.set_global(m, "argv", argv);
            it.set_global(m, "maxint", Value::Int(i64::MAX));
            it.set_global(m, "maxsize", Value::Int(i64::MAX));
            it.set_global(m, "maxunicode", Value::Int(0x10ffff));
            it.set_global(m, "platform", Value::str("linux2"));
            it.set_global(m, "byteorder", Value::str("little"));
            it.set_global(m, "version", Value::str("2.7.18 (RPython toolchain import-time evaluator)"));
            let vi = vec![Value::Int(2), Value::Int(7), Value::Int(18), Value::str("final"), Value::Int(0)];
            let vi = it.new_tuple(vi);
            it.set_global(m, "version_info", vi);
            it.set_global(m, "hexversion", Value::Int(0x020712f0));
            it.set_global(m, "executable", Value::str(""));
            it.set_global(m, "prefix", Value::str(""));
            it.set_global(m, "dont_write_bytecode", Value::Bool(true));
            let f = it.builtin("sys.stdin");
            it.set_global(m, "stdin", f);
            let f = it.builtin("sys.stdout");
            it.set_global(m, "stdout", f);
            let f = it.builtin("sys.stderr");
            it.set_global(m, "stderr", f);
            let roots: Vec<Value> = it.roots.iter().map(|p| Value::str(&p.display().to_string())).collect();
            let path = it.new_list(roots);
            it.set_global(m, "path", path);
            // sys.modules is kept up to date as modules are imported (see `import.rs`).
            let mut mods: Vec<(String, ObjId)> = it.modules.iter().map(|(k, v)| (k.clone(), *v)).collect();
            mods.sort();
            let mut d = OrderedDict::new();
            for (k, v) in mods {
                d.insert_str(&k, Value::Obj(v));
            }
            d.insert_str("sys", Value::Obj(m));
            let d = it.new_dict(d);
            it.set_global(m, "modules", d);
            add_funcs(
                it,
                m,
                "sys",
                &[
                    "exit", "exc_info", "getrecursionlimit", "setrecursionlimit", "getdefaultencoding", "getsizeof",
                    "exc_clear", "getfilesystemencoding", "_getframe",
                ],
            );
            m
        }
        "math" => {
            let m = new_module(it, "math");
            add_funcs(
                it,
                m,
                "math",
                &[
                    "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "asinh",
                    "acosh", "atanh", "exp", "expm1", "log", "log10", "log1p", "pow", "fabs", "floor", "ceil",
                    "fmod", "hypot", "isnan", "isinf", "frexp", "ldexp", "modf", "degrees", "radians",
                    "copysign", "trunc", "factorial", "fsum", "erf", "erfc", "gamma", "lgamma",
                ],
            );
            it.set_global(m, "pi", Value::Float(std::f64::consts::PI));
            it.set_global(m, "e", Value::Float(std::f64::consts::E));
            m
        }
        "time" => {
            let m = new_module(it, "time");
            add_funcs(it, m, "time", &["time", "clock", "sleep"]);
            m
        }
        "errno" => {
            let m = new_module(it, "errno");
            add_ints(
                it,
                m,
                &[
                    ("EPERM", 1),
                    ("ENOENT", 2),
                    ("ESRCH", 3),
                    ("EINTR", 4),
                    ("EIO", 5),
                    ("EBADF", 9),
                    ("ECHILD", 10),
                    ("EAGAIN", 11),
                    ("EWOULDBLOCK", 11),
                    ("ENOMEM", 12),
                    ("EACCES", 13),
                    ("EEXIST", 17),
                    ("ENOTDIR", 20),
                    ("EISDIR", 21),
                    ("EINVAL", 22),
                    ("EMFILE", 24),
                    ("ENOSPC", 28),
                    ("ESPIPE", 29),
                    ("EPIPE", 32),
                    ("EDOM", 33),
                    ("ERANGE", 34),
                    ("ENOTEMPTY", 39),
                ],
            );
            m
        }
        "string" => {
            let m = new_module(it, "string");
            let lower = "abcdefghijklmnopqrstuvwxyz";
            let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (n, v) in [
                ("ascii_lowercase", lower.to_string()),
                ("ascii_uppercase", upper.to_string()),
                ("ascii_letters", format!("{}{}", lower, upper)),
                ("lowercase", lower.to_string()),
                ("uppercase", upper.to_string()),
                ("letters", format!("{}{}", lower, upper)),
                ("digits", "0123456789".to_string()),
                ("hexdigits", "0123456789abcdefABCDEF".to_string()),
                ("octdigits", "01234567".to_string()),
                ("punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".to_string()),
                ("whitespace", "\t\n\x0b\x0c\r ".to_string()),
            ] {
                it.set_global(m, n, Value::str(&v));
            }
            let printable = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c";
            it.set_global(m, "printable", Value::str(printable));
            m
        }
        "types" => {
            let m = new_module(it, "types");
            for (n, t) in [
                ("NoneType", "NoneType"),
                ("TypeType", "type"),
                ("ObjectType", "object"),
                ("IntType", "int"),
                ("LongType", "long"),
                ("FloatType", "float"),
                ("BooleanType", "bool"),
                ("StringType", "str"),
                ("UnicodeType", "unicode"),
                ("TupleType", "tuple"),
                ("ListType", "list"),
                ("DictType", "dict"),
                ("DictionaryType", "dict"),
                ("FunctionType", "function"),
                ("LambdaType", "function"),
                ("MethodType", "instancemethod"),
                ("UnboundMethodType", "instancemethod"),
                ("BuiltinFunctionType", "builtin_function_or_method"),
                ("BuiltinMethodType", "builtin_function_or_method"),
                ("ModuleType", "module"),
                ("ClassType", "type"),
                ("FileType", "file"),
                ("GeneratorType", "iterator"),
                ("XRangeType", "xrange"),
            ] {
                let v = if t == "object" { Value::Obj(it.class_named("object")) } else { it.builtin(t) };
                it.set_global(m, n, v);
            }
            let st = vec![it.builtin("str"), it.builtin("unicode")];
            let st = it.new_tuple(st);
            it.set_global(m, "StringTypes", st);
            m
        }
        "operator" => {
            let m = new_module(it, "operator");
            add_funcs(
                it,
                m,
                "operator",
                &[
                    "add", "sub", "mul", "div", "floordiv", "truediv", "mod", "pow", "neg", "pos", "not_", "truth",
                    "and_", "or_", "xor", "lshift", "rshift", "invert", "eq", "ne", "lt", "le", "gt", "ge",
                    "getitem", "setitem", "delitem", "contains", "is_", "is_not", "abs", "index",
                ],
            );
            m
        }
        _ => return None,
    };
    // Keep sys.modules in step.
    register_in_sys_modules(it, name, m);
    Some(m)
}

/// Adds a module to the `sys.modules` dict, if `sys` was imported.
pub fn register_in_sys_modules(it: &mut Interp, name: &str, m: ObjId) {
    let Some(&sys) = it.modules.get("sys") else { return };
    let Some(Value::Obj(d)) = it.heap.module(sys).and_then(|s| s.globals.get_str("modules")).cloned() else {
        return;
    };
    if let Object::Dict(d) = it.heap.get_mut(d) {
        d.insert_str(name, Value::Obj(m));
    }
}

pub fn unregister_in_sys_modules(it: &mut Interp, name: &str) {
    let Some(&sys) = it.modules.get("sys") else { return };
    let Some(Value::Obj(d)) = it.heap.module(sys).and_then(|s| s.globals.get_str("modules")).cloned() else {
        return;
    };
    if let Object::Dict(d) = it.heap.get_mut(d) {
        d.remove(&Value::str(name));
    }
}

// ----- argument helpers ----------------------------------------------------

fn short(name: &str) -> &str {
    name.rsplit('.').next().unwrap_or(name)
}

fn check_args(it: &mut Interp, name: &str, args: &[Value], min: usize, max: usize) -> R<()> {
    if args.len() >= min && args.len() <= max {
        return Ok(());
    }
    let n = short(name);
    let msg = if min == max {
        if min == 1 {
            format!("{}() takes exactly one argument ({} given)", n, args.len())
        } else {
            format!("{}() takes exactly {} arguments ({} given)", n, min, args.len())
        }
    } else if args.len() < min {
        format!("{} expected at least {} arguments, got {}", n, min, args.len())
    } else {
        format!("{} expected at most {} arguments, got {}", n, max, args.len())
    };
    it.err("TypeError", msg)
}

fn no_kw(it: &mut Interp, name: &str, kw: &[(String, Value)]) -> R<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        it.err("TypeError", format!("{}() takes no keyword arguments", short(name)))
    }
}

/// Takes keyword argument `k` out of `kw`.
fn take_kw(kw: &mut Vec<(String, Value)>, k: &str) -> Option<Value> {
    let i = kw.iter().position(|(n, _)| n == k)?;
    Some(kw.remove(i).1)
}

fn int_arg(it: &mut Interp, v: &Value) -> R<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::Long(l) if *l >= i64::MIN as i128 && *l <= i64::MAX as i128 => Ok(*l as i64),
        Value::Long(_) => it.err("OverflowError", "Python int too large to convert to C long"),
        _ => {
            let tn = it.type_name(v);
            it.err("TypeError", format!("an integer is required, got {}", tn))
        }
    }
}

fn float_arg(it: &mut Interp, v: &Value) -> R<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Long(l) => Ok(*l as f64),
        _ => {
            if let Some(r) = it.try_special(v, "__float__", vec![])? {
                return float_arg(it, &r);
            }
            it.err("TypeError", "a float is required")
        }
    }
}

fn str_arg(it: &mut Interp, v: &Value) -> R<Rc<[u8]>> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        Value::Unicode(s) if s.is_ascii() => Ok(Rc::from(s.as_bytes())),
        _ => {
            let tn = it.type_name(v);
            it.err("TypeError", format!("expected string, {} found", tn))
        }
    }
}

fn text_arg(it: &mut Interp, v: &Value) -> R<String> {
    let s = str_arg(it, v)?;
    Ok(String::from_utf8_lossy(&s).into_owned())
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::None)
}

// ----- dispatch ------------------------------------------------------------

/// Calls built-in `name` (a function, a type, or `type.method` with the receiver first).
pub fn call_builtin(it: &mut Interp, name: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    if let Some((prefix, meth)) = name.split_once('.') {
        return match prefix {
            "str" | "unicode" => crate::strmeth::string_method(it, prefix, meth, args, kw),
            "list" => list_method(it, meth, args, kw),
            "tuple" => tuple_method(it, meth, args, kw),
            "dict" => dict_method(it, meth, args, kw),
            "set" | "frozenset" => set_method(it, meth, args, kw),
            "iterator" => iterator_method(it, meth, args),
            "property" => {
                // `@x.setter`: a copy of the property with that accessor replaced.
                let (fget, fset) = match it.obj(&arg(&args, 0)) {
                    Some(Object::Property { fget, fset }) => (fget.clone(), fset.clone()),
                    _ => return it.err("TypeError", "descriptor requires a 'property' object"),
                };
                let f = arg(&args, 1);
                Ok(match meth {
                    "getter" => it.alloc(Object::Property { fget: f, fset }),
                    "setter" => it.alloc(Object::Property { fget, fset: f }),
                    _ => it.alloc(Object::Property { fget, fset }),
                })
            }
            "int" | "long" | "float" => number_method(it, meth, args),
            "object" => object_method(it, meth, args, kw),
            "BaseException" => exception_method(it, meth, args),
            "file" => file_method(it, meth, args),
            "os" => os_function(it, meth, args, kw),
            "math" => math_function(it, meth, args),
            "time" => time_function(it, meth, args),
            "sys" => sys_function(it, meth, args),
            "operator" => operator_function(it, meth, args),
            _ => it.unsupported(format!("calling {}", name)),
        };
    }
    builtin_function(it, name, args, kw)
}

fn builtin_function(it: &mut Interp, name: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    // Dispatched in groups so that no single Rust frame gets large.
    match name {
        "len" | "repr" | "str" | "unicode" | "int" | "long" | "float" | "bool" | "chr" | "unichr" | "ord" | "abs" | "hex" | "oct" | "bin" | "divmod" | "pow" | "round" | "cmp" | "intern" | "format" => builtin_conv(it, name, args, kw),
        "min" | "max" | "range" | "xrange" | "enumerate" | "reversed" | "zip" | "map" | "filter" | "reduce" | "sorted" | "sum" | "any" | "all" | "iter" | "next" | "list" | "tuple" | "dict" | "set" | "frozenset" => builtin_seq(it, name, args, kw),
        "isinstance" | "issubclass" | "hasattr" | "getattr" | "setattr" | "delattr" | "type" | "id" | "hash" | "staticmethod" | "classmethod" | "property" | "super" | "callable" | "vars" | "dir" => builtin_obj(it, name, args, kw),
        _ => builtin_misc(it, name, args, kw),
    }
}

#[inline(never)]
fn builtin_conv(it: &mut Interp, name: &str, mut args: Vec<Value>, mut kw: Vec<(String, Value)>) -> R<Value> {
    match name {
        "len" => {
            check_args(it, name, &args, 1, 1)?;
            Ok(Value::Int(it.len(&args[0])? as i64))
        }
        "repr" => {
            check_args(it, name, &args, 1, 1)?;
            let r = it.py_repr(&args[0])?;
            Ok(Interp::bytes(r))
        }
        "str" => {
            check_args(it, name, &args, 0, 1)?;
            if args.is_empty() {
                return Ok(Value::str(""));
            }
            let s = it.py_str(&args[0])?;
            Ok(Interp::bytes(s))
        }
        "unicode" => {
            check_args(it, name, &args, 0, 3)?;
            if args.is_empty() {
                return Ok(Value::Unicode(Rc::from("")));
            }
            if args.len() >= 2 {
                let enc = text_arg(it, &args[1])?;
                let s = str_arg(it, &args[0])?;
                return crate::strmeth::decode(it, &s, &enc);
            }
            let s = match &args[0] {
                Value::Unicode(_) => return Ok(args[0].clone()),
                Value::Str(_) => it.text_of(&args[0])?,
                v => {
                    if let Some(r) = it.try_special(v, "__unicode__", vec![])? {
                        return Ok(r);
                    }
                    let b = it.py_str(v)?;
                    String::from_utf8_lossy(&b).into_owned()
                }
            };
            Ok(Value::Unicode(Rc::from(s)))
        }
        "int" | "long" => {
            let long = name == "long";
            if let Some(b) = take_kw(&mut kw, "base") {
                args.push(b);
            }
            no_kw(it, name, &kw)?;
            check_args(it, name, &args, 0, 2)?;
            if args.is_empty() {
                return Ok(if long { Value::Long(0) } else { Value::Int(0) });
            }
            to_int(it, &args[0], args.get(1), long)
        }
        "float" => {
            check_args(it, name, &args, 0, 1)?;
            match args.first() {
                None => Ok(Value::Float(0.0)),
                Some(Value::Str(_)) | Some(Value::Unicode(_)) => {
                    let s = it.text_of(&args[0])?;
                    match parse_float(s.trim()) {
                        Some(f) => Ok(Value::Float(f)),
                        None => {
                            let r = it.py_repr(&args[0])?;
                            it.err("ValueError", format!("could not convert string to float: {}", String::from_utf8_lossy(&r).trim_matches('\'')))
                        }
                    }
                }
                Some(v) => {
                    let v = v.clone();
                    Ok(Value::Float(float_arg(it, &v)?))
                }
            }
        }
        "bool" => {
            check_args(it, name, &args, 0, 1)?;
            match args.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => {
                    let v = v.clone();
                    Ok(Value::Bool(it.truthy(&v)?))
                }
            }
        }
        "chr" => {
            check_args(it, name, &args, 1, 1)?;
            let i = int_arg(it, &args[0])?;
            if !(0..256).contains(&i) {
                return it.err("ValueError", "chr() arg not in range(256)");
            }
            Ok(Interp::bytes(vec![i as u8]))
        }
        "unichr" => {
            check_args(it, name, &args, 1, 1)?;
            let i = int_arg(it, &args[0])?;
            match u32::try_from(i).ok().and_then(char::from_u32) {
                Some(c) => Ok(Value::Unicode(Rc::from(c.to_string()))),
                None => it.err("ValueError", "unichr() arg not in range(0x110000)"),
            }
        }
        "ord" => {
            check_args(it, name, &args, 1, 1)?;
            match &args[0] {
                Value::Str(s) if s.len() == 1 => Ok(Value::Int(s[0] as i64)),
                Value::Unicode(s) if s.chars().count() == 1 => Ok(Value::Int(s.chars().next().map(|c| c as i64).unwrap_or(0))),
                Value::Str(s) => {
                    let n = s.len();
                    it.err("TypeError", format!("ord() expected a character, but string of length {} found", n))
                }
                Value::Unicode(s) => {
                    let n = s.chars().count();
                    it.err("TypeError", format!("ord() expected a character, but string of length {} found", n))
                }
                v => {
                    let tn = it.type_name(v);
                    it.err("TypeError", format!("ord() expected string of length 1, but {} found", tn))
                }
            }
        }
        "abs" => {
            check_args(it, name, &args, 1, 1)?;
            match &args[0] {
                Value::Int(i) => Ok(it.int_value((*i as i128).abs(), false)),
                Value::Bool(b) => Ok(Value::Int(*b as i64)),
                Value::Long(l) => Ok(Value::Long(l.abs())),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                v => {
                    let v = v.clone();
                    match it.try_special(&v, "__abs__", vec![])? {
                        Some(r) => Ok(r),
                        None => {
                            let tn = it.type_name(&v);
                            it.err("TypeError", format!("bad operand type for abs(): '{}'", tn))
                        }
                    }
                }
            }
        }
        "hex" | "oct" | "bin" => {
            check_args(it, name, &args, 1, 1)?;
            let (v, long) = match &args[0] {
                Value::Int(i) => (*i as i128, false),
                Value::Bool(b) => (*b as i128, false),
                Value::Long(l) => (*l, true),
                _ => return it.err("TypeError", format!("{}() argument can't be converted to {}", name, name)),
            };
            let mag = v.unsigned_abs();
            let body = match name {
                "hex" => format!("0x{:x}", mag),
                "oct" => {
                    if mag == 0 {
                        "0".to_string()
                    } else {
                        format!("0{:o}", mag)
                    }
                }
                _ => format!("0b{:b}", mag),
            };
            let sign = if v < 0 { "-" } else { "" };
            let suffix = if long && name != "bin" { "L" } else { "" };
            Ok(Value::str(&format!("{}{}{}", sign, body, suffix)))
        }
        "divmod" => {
            check_args(it, name, &args, 2, 2)?;
            let q = it.binop(syntax::ast::BinOp::FloorDiv, args[0].clone(), args[1].clone())?;
            let r = it.binop(syntax::ast::BinOp::Mod, args[0].clone(), args[1].clone())?;
            Ok(it.new_tuple(vec![q, r]))
        }
        "pow" => {
            check_args(it, name, &args, 2, 3)?;
            if let Some(m) = args.get(2) {
                let (b, e, m) = (int_arg(it, &args[0])? as i128, int_arg(it, &args[1])?, int_arg(it, m)? as i128);
                if m == 0 {
                    return it.err("ValueError", "pow() 3rd argument cannot be 0");
                }
                if e < 0 {
                    return it.err("TypeError", "pow() 2nd argument cannot be negative when 3rd argument specified");
                }
                let mut result: i128 = 1;
                let mut base = crate::ops::floor_mod(b, m);
                let mut e = e;
                while e > 0 {
                    if e & 1 == 1 {
                        result = crate::ops::floor_mod(result * base, m);
                    }
                    base = crate::ops::floor_mod(base * base, m);
                    e >>= 1;
                }
                return Ok(it.int_value(crate::ops::floor_mod(result, m), false));
            }
            it.binop(syntax::ast::BinOp::Pow, args[0].clone(), args[1].clone())
        }
        "round" => {
            if let Some(n) = take_kw(&mut kw, "ndigits") {
                args.push(n);
            }
            if let Some(x) = take_kw(&mut kw, "number") {
                args.insert(0, x);
            }
            no_kw(it, name, &kw)?;
            check_args(it, name, &args, 1, 2)?;
            let x = float_arg(it, &args[0])?;
            let n = match args.get(1) {
                Some(v) => int_arg(it, v)?,
                None => 0,
            };
            match crate::format::round_half_away(x, n) {
                Some(r) => Ok(Value::Float(r)),
                None => it.err("OverflowError", "rounded value too large to represent"),
            }
        }
        "cmp" => {
            check_args(it, name, &args, 2, 2)?;
            let o = it.py_cmp(&args[0], &args[1])?;
            Ok(Value::Int(o as i64))
        }
        "intern" => {
            check_args(it, name, &args, 1, 1)?;
            Ok(args[0].clone())
        }
        "format" => {
            check_args(it, name, &args, 1, 2)?;
            let spec = match args.get(1) {
                Some(s) => text_arg(it, s)?,
                None => String::new(),
            };
            let r = crate::format::format_value(it, &args[0], &spec)?;
            Ok(Value::str(&r))
        }
        _ => it.unsupported(format!("calling the built-in '{}'", name)),

    }
}

#[inline(never)]
fn builtin_seq(it: &mut Interp, name: &str, mut args: Vec<Value>, mut kw: Vec<(String, Value)>) -> R<Value> {
    match name {
        "min" | "max" => {
            let key = take_kw(&mut kw, "key");
            no_kw(it, name, &kw)?;
            if args.is_empty() {
                return it.err("TypeError", format!("{} expected 1 arguments, got 0", name));
            }
            let items = if args.len() == 1 { it.iterate(args[0].clone())? } else { args };
            let mut best: Option<(Value, Value)> = None;
            for v in items {
                let k = match &key {
                    Some(f) => it.call(f.clone(), vec![v.clone()], vec![])?,
                    None => v.clone(),
                };
                let better = match &best {
                    None => true,
                    Some((bk, _)) => {
                        let op = if name == "min" { syntax::ast::CmpOp::Lt } else { syntax::ast::CmpOp::Gt };
                        it.compare(op, &k, bk)?
                    }
                };
                if better {
                    best = Some((k, v));
                }
            }
            match best {
                Some((_, v)) => Ok(v),
                None => it.err("ValueError", format!("{}() arg is an empty sequence", name)),
            }
        }
        "range" | "xrange" => {
            check_args(it, name, &args, 1, 3)?;
            let mut n = Vec::new();
            for a in &args {
                match a {
                    Value::Float(_) => return it.err("TypeError", "range() integer end argument expected, got float."),
                    _ => n.push(int_arg(it, a)? as i128),
                }
            }
            let (start, stop, step) = match n.len() {
                1 => (0, n[0], 1),
                2 => (n[0], n[1], 1),
                _ => (n[0], n[1], n[2]),
            };
            if step == 0 {
                return it.err("ValueError", format!("{}() step argument must not be zero", name));
            }
            let count = if step > 0 { (stop - start + step - 1) / step } else { (start - stop - step - 1) / -step };
            if count > 50_000_000 {
                return it.unsupported("a range this large");
            }
            let items: Vec<Value> = (0..count.max(0)).map(|i| Value::Int((start + i * step) as i64)).collect();
            Ok(it.new_list(items))
        }
        "enumerate" => {
            let start = take_kw(&mut kw, "start");
            no_kw(it, name, &kw)?;
            check_args(it, name, &args, 1, 2)?;
            let start = match args.get(1).cloned().or(start) {
                Some(s) => int_arg(it, &s)?,
                None => 0,
            };
            let items = it.iterate(args[0].clone())?;
            let mut out = Vec::with_capacity(items.len());
            for (i, v) in items.into_iter().enumerate() {
                out.push(it.new_tuple(vec![Value::Int(start + i as i64), v]));
            }
            Ok(it.alloc(Object::Iterator { items: out, pos: 0 }))
        }
        "reversed" => {
            check_args(it, name, &args, 1, 1)?;
            if let Some(r) = it.try_special(&args[0], "__reversed__", vec![])? {
                return Ok(r);
            }
            if let Some(Object::Dict(_)) = it.obj(&args[0]) {
                return it.err("TypeError", "argument to reversed() must be a sequence");
            }
            let mut items = it.iterate(args[0].clone())?;
            items.reverse();
            Ok(it.alloc(Object::Iterator { items, pos: 0 }))
        }
        "zip" => {
            let mut seqs = Vec::new();
            for a in args {
                seqs.push(it.iterate(a)?);
            }
            let n = seqs.iter().map(|s| s.len()).min().unwrap_or(0);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let t: Vec<Value> = seqs.iter().map(|s| s[i].clone()).collect();
                out.push(it.new_tuple(t));
            }
            Ok(it.new_list(out))
        }
        "map" => {
            if args.len() < 2 {
                return it.err("TypeError", "map() requires at least two args");
            }
            let f = args.remove(0);
            let mut seqs = Vec::new();
            for a in args {
                seqs.push(it.iterate(a)?);
            }
            let n = seqs.iter().map(|s| s.len()).max().unwrap_or(0);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let call_args: Vec<Value> = seqs.iter().map(|s| s.get(i).cloned().unwrap_or(Value::None)).collect();
                out.push(if f == Value::None {
                    if call_args.len() == 1 {
                        call_args[0].clone()
                    } else {
                        it.new_tuple(call_args)
                    }
                } else {
                    it.call(f.clone(), call_args, vec![])?
                });
            }
            Ok(it.new_list(out))
        }
        "filter" => {
            check_args(it, name, &args, 2, 2)?;
            let f = args[0].clone();
            let items = it.iterate(args[1].clone())?;
            let mut out = Vec::new();
            for v in items {
                let keep = if f == Value::None { v.clone() } else { it.call(f.clone(), vec![v.clone()], vec![])? };
                if it.truthy(&keep)? {
                    out.push(v);
                }
            }
            match &args[1] {
                Value::Str(_) => {
                    let mut s = Vec::new();
                    for v in out {
                        if let Value::Str(b) = v {
                            s.extend_from_slice(&b);
                        }
                    }
                    Ok(Interp::bytes(s))
                }
                v if matches!(it.obj(v), Some(Object::Tuple(_))) => Ok(it.new_tuple(out)),
                _ => Ok(it.new_list(out)),
            }
        }
        "reduce" => {
            check_args(it, name, &args, 2, 3)?;
            let f = args[0].clone();
            let mut items = it.iterate(args[1].clone())?.into_iter();
            let mut acc = match args.get(2) {
                Some(v) => v.clone(),
                None => match items.next() {
                    Some(v) => v,
                    None => return it.err("TypeError", "reduce() of empty sequence with no initial value"),
                },
            };
            for v in items {
                acc = it.call(f.clone(), vec![acc, v], vec![])?;
            }
            Ok(acc)
        }
        "sorted" => {
            let cmp = take_kw(&mut kw, "cmp");
            let key = take_kw(&mut kw, "key");
            let reverse = take_kw(&mut kw, "reverse");
            no_kw(it, name, &kw)?;
            check_args(it, name, &args, 1, 4)?;
            let cmp = cmp.or_else(|| args.get(1).cloned()).filter(|v| *v != Value::None);
            let key = key.or_else(|| args.get(2).cloned()).filter(|v| *v != Value::None);
            let reverse = match reverse.or_else(|| args.get(3).cloned()) {
                Some(r) => it.truthy(&r)?,
                None => false,
            };
            let items = it.iterate(args[0].clone())?;
            let sorted = sort_values(it, items, key, cmp, reverse)?;
            Ok(it.new_list(sorted))
        }
        "sum" => {
            check_args(it, name, &args, 1, 2)?;
            let mut acc = args.get(1).cloned().unwrap_or(Value::Int(0));
            if matches!(acc, Value::Str(_)) {
                return it.err("TypeError", "sum() can't sum strings [use ''.join(seq) instead]");
            }
            for v in it.iterate(args[0].clone())? {
                acc = it.binop(syntax::ast::BinOp::Add, acc, v)?;
            }
            Ok(acc)
        }
        "any" | "all" => {
            check_args(it, name, &args, 1, 1)?;
            let mut iter = it.get_iter(args[0].clone())?;
            while let Some(v) = it.iter_next(&mut iter)? {
                let t = it.truthy(&v)?;
                if name == "any" && t {
                    return Ok(Value::Bool(true));
                }
                if name == "all" && !t {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(name == "all"))
        }
        "iter" => {
            check_args(it, name, &args, 1, 1)?;
            match it.get_iter(args[0].clone())? {
                crate::ops::PyIter::Host(id) => Ok(Value::Obj(id)),
                crate::ops::PyIter::Next(obj) => Ok(obj),
                mut other => {
                    let mut items = Vec::new();
                    while let Some(v) = it.iter_next(&mut other)? {
                        items.push(v);
                    }
                    Ok(it.alloc(Object::Iterator { items, pos: 0 }))
                }
            }
        }
        "next" => {
            check_args(it, name, &args, 1, 2)?;
            let r = it.call_method(args[0].clone(), "next", vec![], vec![]);
            match (r, args.get(1)) {
                (Err(Unwind::Raise(e)), Some(d)) if it.exc_is(&e, "StopIteration") => Ok(d.clone()),
                (r, _) => r,
            }
        }
        "list" => {
            check_args(it, name, &args, 0, 1)?;
            let items = match args.first() {
                Some(v) => it.iterate(v.clone())?,
                None => vec![],
            };
            Ok(it.new_list(items))
        }
        "tuple" => {
            check_args(it, name, &args, 0, 1)?;
            if let Some(v) = args.first() {
                if let Some(Object::Tuple(_)) = it.obj(v) {
                    return Ok(v.clone());
                }
            }
            let items = match args.first() {
                Some(v) => it.iterate(v.clone())?,
                None => vec![],
            };
            Ok(it.new_tuple(items))
        }
        "dict" => {
            check_args(it, name, &args, 0, 1)?;
            let d = it.new_dict(OrderedDict::new());
            let Value::Obj(did) = d else { return Ok(d) };
            if let Some(src) = args.first() {
                dict_update_from(it, did, src.clone())?;
            }
            for (k, v) in kw {
                it.dict_set(did, Value::str(&k), v)?;
            }
            Ok(d)
        }
        "set" | "frozenset" => {
            check_args(it, name, &args, 0, 1)?;
            let items = match args.first() {
                Some(v) => it.iterate(v.clone())?,
                None => vec![],
            };
            it.new_set(items)
        }
        _ => it.unsupported(format!("calling the built-in '{}'", name)),

    }
}

#[inline(never)]
fn builtin_obj(it: &mut Interp, name: &str, args: Vec<Value>, mut kw: Vec<(String, Value)>) -> R<Value> {
    match name {
        "isinstance" => {
            check_args(it, name, &args, 2, 2)?;
            Ok(Value::Bool(isinstance(it, &args[0], &args[1])?))
        }
        "issubclass" => {
            check_args(it, name, &args, 2, 2)?;
            Ok(Value::Bool(issubclass(it, &args[0], &args[1])?))
        }
        "hasattr" => {
            check_args(it, name, &args, 2, 2)?;
            let n = text_arg(it, &args[1])?;
            Ok(Value::Bool(it.hasattr(&args[0], &n)?))
        }
        "getattr" => {
            check_args(it, name, &args, 2, 3)?;
            let n = match &args[1] {
                Value::Str(_) | Value::Unicode(_) => text_arg(it, &args[1])?,
                _ => return it.err("TypeError", "getattr(): attribute name must be string"),
            };
            match args.get(2) {
                None => it.getattr(&args[0], &n),
                Some(default) => match it.getattr(&args[0], &n) {
                    Err(Unwind::Raise(e)) if it.exc_is(&e, "AttributeError") => Ok(default.clone()),
                    r => r,
                },
            }
        }
        "setattr" => {
            check_args(it, name, &args, 3, 3)?;
            let n = text_arg(it, &args[1])?;
            it.setattr(&args[0], &n, args[2].clone())?;
            Ok(Value::None)
        }
        "delattr" => {
            check_args(it, name, &args, 2, 2)?;
            let n = text_arg(it, &args[1])?;
            it.delattr(&args[0], &n)?;
            Ok(Value::None)
        }
        "type" => match args.len() {
            1 => Ok(it.type_of(&args[0])),
            3 => {
                let cname = text_arg(it, &args[0])?;
                let mut bases = Vec::new();
                for b in it.iterate(args[1].clone())? {
                    match b {
                        Value::Obj(id) if it.heap.class(id).is_some() => bases.push(id),
                        _ => return it.unsupported("type() with a base that is not a class"),
                    }
                }
                let dict = match it.obj(&args[2]) {
                    Some(Object::Dict(d)) => d.clone(),
                    _ => return it.err("TypeError", "type() argument 3 must be dict"),
                };
                let module = it
                    .global_lookup(it.builtins, "__name__")
                    .and_then(|_| dict.get_str("__module__").cloned())
                    .and_then(|m| match m {
                        Value::Str(s) => it.modules.get(&*String::from_utf8_lossy(&s)).copied(),
                        _ => None,
                    })
                    .unwrap_or(it.builtins);
                let span = it.span;
                Ok(it.alloc(Object::Class(Class { name: cname, module, bases, dict, span })))
            }
            _ => it.err("TypeError", "type() takes 1 or 3 arguments"),
        },
        "id" => {
            check_args(it, name, &args, 1, 1)?;
            let h = match &args[0] {
                Value::Obj(id) => crate::ops::fake_address(*id) as i64,
                v => {
                    let v = v.clone();
                    it.py_hash(&v).unwrap_or(0) & 0xffffff
                }
            };
            Ok(Value::Int(h))
        }
        "hash" => {
            check_args(it, name, &args, 1, 1)?;
            Ok(Value::Int(it.py_hash(&args[0])?))
        }
        "staticmethod" => {
            check_args(it, name, &args, 1, 1)?;
            Ok(it.alloc(Object::StaticMethod(args[0].clone())))
        }
        "classmethod" => {
            check_args(it, name, &args, 1, 1)?;
            Ok(it.alloc(Object::ClassMethod(args[0].clone())))
        }
        "property" => {
            let fget = take_kw(&mut kw, "fget").or_else(|| args.first().cloned()).unwrap_or(Value::None);
            let fset = take_kw(&mut kw, "fset").or_else(|| args.get(1).cloned()).unwrap_or(Value::None);
            Ok(it.alloc(Object::Property { fget, fset }))
        }
        "super" => {
            check_args(it, name, &args, 1, 2)?;
            let class = match &args[0] {
                Value::Obj(id) if it.heap.class(*id).is_some() => *id,
                _ => return it.err("TypeError", "super() argument 1 must be type"),
            };
            Ok(it.alloc(Object::Super { class, receiver: arg(&args, 1) }))
        }
        "callable" => {
            check_args(it, name, &args, 1, 1)?;
            let c = match it.obj(&args[0]) {
                Some(Object::Function(_) | Object::Class(_) | Object::Builtin(_) | Object::BoundMethod { .. }) => true,
                Some(Object::Instance(i)) => {
                    let c = i.class;
                    it.class_lookup(c, "__call__").is_some()
                }
                _ => false,
            };
            Ok(Value::Bool(c))
        }
        "vars" => {
            check_args(it, name, &args, 1, 1)?;
            it.getattr(&args[0], "__dict__")
        }
        "dir" => {
            check_args(it, name, &args, 1, 1)?;
            let mut names: Vec<Vec<u8>> = Vec::new();
            let mut add = |d: &OrderedDict| {
                for k in d.keys() {
                    if let Value::Str(s) = k {
                        if !names.contains(&s.to_vec()) {
                            names.push(s.to_vec());
                        }
                    }
                }
            };
            match it.obj(&args[0]) {
                Some(Object::Module(m)) => add(&m.globals),
                Some(Object::Instance(i)) => {
                    add(&i.attrs);
                    let c = i.class;
                    for cl in it.heap.mro(c) {
                        if let Some(c) = it.heap.class(cl) {
                            add(&c.dict);
                        }
                    }
                }
                Some(Object::Class(_)) => {
                    let Value::Obj(c) = args[0] else { return Ok(Value::None) };
                    for cl in it.heap.mro(c) {
                        if let Some(c) = it.heap.class(cl) {
                            add(&c.dict);
                        }
                    }
                }
                _ => {}
            }
            names.sort();
            let items = names.into_iter().map(Interp::bytes).collect();
            Ok(it.new_list(items))
        }
        _ => it.unsupported(format!("calling the built-in '{}'", name)),

    }
}

#[inline(never)]
fn builtin_misc(it: &mut Interp, name: &str, args: Vec<Value>, mut kw: Vec<(String, Value)>) -> R<Value> {
    match name {
        "print" => {
            let sep = take_kw(&mut kw, "sep").filter(|v| *v != Value::None).unwrap_or(Value::str(" "));
            let end = take_kw(&mut kw, "end").filter(|v| *v != Value::None).unwrap_or(Value::str("\n"));
            let file = take_kw(&mut kw, "file").filter(|v| *v != Value::None);
            no_kw(it, name, &kw)?;
            let sep = it.py_str(&sep)?;
            let end = it.py_str(&end)?;
            let mut out = Vec::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(&sep);
                }
                out.extend(it.py_str(a)?);
            }
            out.extend(end);
            it.write_to(file.as_ref(), &out)?;
            Ok(Value::None)
        }
        "__import__" => {
            check_args(it, name, &args, 1, 5)?;
            let n = text_arg(it, &args[0])?;
            let fromlist = match args.get(3) {
                Some(v) if *v != Value::None => it.truthy(v)?,
                _ => false,
            };
            let m = it.import_module(&n)?;
            if fromlist {
                return Ok(Value::Obj(m));
            }
            let top = n.split('.').next().unwrap_or(&n).to_string();
            Ok(Value::Obj(it.import_module(&top)?))
        }
        "open" | "file" => {
            check_args(it, name, &args, 1, 3)?;
            let path = text_arg(it, &args[0])?;
            let mode = match args.get(1) {
                Some(m) => text_arg(it, m)?,
                None => "r".into(),
            };
            if mode.contains(['w', 'a', '+']) {
                return it.unsupported("opening a file for writing");
            }
            match std::fs::read(&path) {
                Ok(data) => {
                    // Lines keep their newline, as file iteration does.
                    let mut items = Vec::new();
                    let mut start = 0;
                    for (i, &b) in data.iter().enumerate() {
                        if b == b'\n' {
                            items.push(Interp::bytes(data[start..=i].to_vec()));
                            start = i + 1;
                        }
                    }
                    if start < data.len() {
                        items.push(Interp::bytes(data[start..].to_vec()));
                    }
                    Ok(it.alloc(Object::Iterator { items, pos: 0 }))
                }
                Err(e) => {
                    let msg = e.to_string();
                    let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
                    let ex = it.new_exc("IOError", vec![]);
                    exception_method(it, "__init__", vec![ex.clone(), errno_of(&e), Value::str(&msg), args[0].clone()])?;
                    Err(it.raise_value(ex))
                }
            }
        }
        "function" => {
            // types.FunctionType(code, globals[, name[, argdefs[, closure]]]): `code`
            // is what `f.func_code` gives, the function itself, so this copies `f`.
            check_args(it, name, &args, 2, 5)?;
            let Some(mut f) = (match &args[0] {
                Value::Obj(id) => it.heap.function(*id).cloned(),
                _ => None,
            }) else {
                return it.err("TypeError", "function() argument 1 must be code");
            };
            if let Some(Value::Obj(m)) = args.get(1) {
                if it.heap.module(*m).is_some() {
                    f.module = *m;
                }
            }
            if let Some(n) = args.get(2).filter(|v| **v != Value::None) {
                f.name = text_arg(it, n)?;
            }
            if let Some(d) = args.get(3).filter(|v| **v != Value::None) {
                f.defaults = it.iterate(d.clone())?;
            }
            if let Some(c) = args.get(4).filter(|v| **v != Value::None) {
                let cells = it.iterate(c.clone())?;
                if cells.len() == f.closure.len() {
                    for (slot, cell) in f.closure.iter_mut().zip(cells) {
                        if let Value::Obj(cid) = cell {
                            slot.1 = cid;
                        }
                    }
                }
            }
            f.attrs = OrderedDict::new();
            Ok(it.alloc(Object::Function(f)))
        }
        "exit" | "quit" => {
            let e = it.new_exc("SystemExit", args);
            Err(it.raise_value(e))
        }
        "apply" => {
            check_args(it, name, &args, 1, 3)?;
            let pos = match args.get(1) {
                Some(v) => it.iterate(v.clone())?,
                None => vec![],
            };
            let mut kwargs = Vec::new();
            if let Some(Object::Dict(d)) = args.get(2).and_then(|v| it.obj(v)) {
                for (k, v) in d.iter() {
                    if let Value::Str(s) = k {
                        kwargs.push((String::from_utf8_lossy(s).into_owned(), v.clone()));
                    }
                }
            }
            it.call(args[0].clone(), pos, kwargs)
        }
        "NotImplemented" | "Ellipsis" => {
            let tn = if name == "Ellipsis" { "ellipsis" } else { "NotImplementedType" };
            it.err("TypeError", format!("'{}' object is not callable", tn))
        }
        _ => it.unsupported(format!("calling the built-in '{}'", name)),

    }
}

/// `int(x)` / `int(s, base)` / `long(...)`.
fn to_int(it: &mut Interp, v: &Value, base: Option<&Value>, long: bool) -> R<Value> {
    let r: i128 = match v {
        Value::Str(_) | Value::Unicode(_) => {
            let base = match base {
                Some(b) => int_arg(it, b)?,
                None => 10,
            };
            let s = it.text_of(v)?;
            match parse_int(s.trim(), base) {
                Some(i) => i,
                None => {
                    let r = it.py_repr(v)?;
                    let fname = if long { "long" } else { "int" };
                    return it.err(
                        "ValueError",
                        format!("invalid literal for {}() with base {}: {}", fname, base, String::from_utf8_lossy(&r)),
                    );
                }
            }
        }
        _ if base.is_some() => return it.err("TypeError", "int() can't convert non-string with explicit base"),
        Value::Int(i) => *i as i128,
        Value::Bool(b) => *b as i128,
        Value::Long(l) => *l,
        Value::Float(f) => {
            if f.is_nan() {
                return it.err("ValueError", "cannot convert float NaN to integer");
            }
            if f.is_infinite() {
                return it.err("OverflowError", "cannot convert float infinity to integer");
            }
            if f.abs() >= 1.7e38 {
                return it.unsupported("an integer beyond 128 bits");
            }
            f.trunc() as i128
        }
        _ => {
            let m = if long { "__long__" } else { "__int__" };
            if let Some(r) = it.try_special(v, m, vec![])? {
                return Ok(r);
            }
            let tn = it.type_name(v);
            return it.err(
                "TypeError",
                format!("{}() argument must be a string or a number, not '{}'", if long { "long" } else { "int" }, tn),
            );
        }
    };
    Ok(it.int_value(r, long))
}

/// Parses an integer literal the way `int(s, base)` does (base 0 = from the prefix).
pub fn parse_int(s: &str, base: i64) -> Option<i128> {
    let (neg, mut body) = match s.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let lower = body.to_ascii_lowercase();
    let mut base = base as u32;
    let prefixed = |p: &str| lower.starts_with(p);
    if (base == 16 || base == 0) && prefixed("0x") {
        body = &body[2..];
        base = 16;
    } else if (base == 8 || base == 0) && prefixed("0o") {
        body = &body[2..];
        base = 8;
    } else if (base == 2 || base == 0) && prefixed("0b") {
        body = &body[2..];
        base = 2;
    } else if base == 0 {
        base = if body.len() > 1 && body.starts_with('0') { 8 } else { 10 };
    }
    // A trailing L is accepted for longs written as literals.
    let body = body.strip_suffix(['l', 'L']).unwrap_or(body);
    if body.is_empty() || !(2..=36).contains(&base) {
        return None;
    }
    let v = i128::from_str_radix(body, base).ok()?;
    if body.starts_with(['+', '-']) {
        return None;
    }
    Some(if neg { -v } else { v })
}

pub fn parse_float(s: &str) -> Option<f64> {
    let l = s.to_ascii_lowercase();
    match l.as_str() {
        "inf" | "+inf" | "infinity" | "+infinity" => return Some(f64::INFINITY),
        "-inf" | "-infinity" => return Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => return Some(f64::NAN),
        _ => {}
    }
    if s.is_empty() || s.contains('_') || l.contains("inf") || l.contains("nan") {
        return None;
    }
    s.parse::<f64>().ok()
}

pub fn isinstance(it: &mut Interp, v: &Value, t: &Value) -> R<bool> {
    match it.obj(t) {
        Some(Object::Tuple(items)) => {
            let items = items.clone();
            for i in &items {
                if isinstance(it, v, i)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Some(Object::Class(_)) => {
            let Value::Obj(tid) = t else { return Ok(false) };
            let tid = *tid;
            if tid == it.class_named("object") {
                return Ok(true);
            }
            match it.obj(v) {
                Some(Object::Instance(i)) => {
                    let c = i.class;
                    Ok(it.is_subclass(c, tid))
                }
                _ => Ok(false),
            }
        }
        Some(Object::Builtin(n)) => {
            let n = n.clone();
            let tn = it.type_name(v);
            Ok(match n.as_str() {
                "int" => matches!(v, Value::Int(_) | Value::Bool(_)),
                "basestring" => matches!(v, Value::Str(_) | Value::Unicode(_)),
                "type" => matches!(it.obj(v), Some(Object::Class(_))) || tn == "type",
                "frozenset" => tn == "set",
                other => tn == other,
            })
        }
        _ => it.err("TypeError", "isinstance() arg 2 must be a class, type, or tuple of classes and types"),
    }
}

fn issubclass(it: &mut Interp, c: &Value, t: &Value) -> R<bool> {
    if let Some(Object::Tuple(items)) = it.obj(t) {
        let items = items.clone();
        for i in &items {
            if issubclass(it, c, i)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    match (it.obj(c), it.obj(t)) {
        (Some(Object::Class(_)), Some(Object::Class(_))) => {
            let (Value::Obj(a), Value::Obj(b)) = (c, t) else { return Ok(false) };
            let (a, b) = (*a, *b);
            Ok(it.is_subclass(a, b))
        }
        (Some(Object::Builtin(a)), Some(Object::Builtin(b))) => {
            Ok(a == b || (a == "bool" && b == "int") || (b == "basestring" && (a == "str" || a == "unicode")))
        }
        (Some(Object::Builtin(_)), Some(Object::Class(_))) => Ok(*t == Value::Obj(it.class_named("object"))),
        (Some(Object::Class(_)), Some(Object::Builtin(_))) => Ok(false),
        _ => it.err("TypeError", "issubclass() arg 1 must be a class"),
    }
}

/// A stable sort with Python comparisons (`key`, `cmp`, `reverse` as in `sorted`).
pub fn sort_values(it: &mut Interp, items: Vec<Value>, key: Option<Value>, cmp: Option<Value>, reverse: bool) -> R<Vec<Value>> {
    let mut pairs = Vec::with_capacity(items.len());
    for v in items {
        let k = match &key {
            Some(f) => it.call(f.clone(), vec![v.clone()], vec![])?,
            None => v.clone(),
        };
        pairs.push((k, v));
    }
    // Python keeps equal items in order even when reversing.
    if reverse {
        pairs.reverse();
    }
    let mut sorted = merge_sort(it, pairs, &cmp)?;
    if reverse {
        sorted.reverse();
    }
    Ok(sorted.into_iter().map(|(_, v)| v).collect())
}

fn merge_sort(it: &mut Interp, mut v: Vec<(Value, Value)>, cmp: &Option<Value>) -> R<Vec<(Value, Value)>> {
    if v.len() <= 1 {
        return Ok(v);
    }
    let right = v.split_off(v.len() / 2);
    let left = merge_sort(it, v, cmp)?;
    let right = merge_sort(it, right, cmp)?;
    let mut out = Vec::with_capacity(left.len() + right.len());
    let mut l = left.into_iter().peekable();
    let mut r = right.into_iter().peekable();
    loop {
        let take_right = match (l.peek(), r.peek()) {
            (Some(a), Some(b)) => less(it, &b.0, &a.0, cmp)?,
            (Some(_), None) => false,
            (None, Some(_)) => true,
            (None, None) => break,
        };
        let next = if take_right { r.next() } else { l.next() };
        if let Some(x) = next {
            out.push(x);
        }
    }
    Ok(out)
}

fn less(it: &mut Interp, a: &Value, b: &Value, cmp: &Option<Value>) -> R<bool> {
    match cmp {
        Some(f) => {
            let r = it.call(f.clone(), vec![a.clone(), b.clone()], vec![])?;
            Ok(int_arg(it, &r)? < 0)
        }
        None => it.compare(syntax::ast::CmpOp::Lt, a, b),
    }
}

// ----- methods of built-in types --------------------------------------------

fn recv_id(args: &[Value]) -> ObjId {
    match args.first() {
        Some(Value::Obj(id)) => *id,
        _ => ObjId(0),
    }
}

fn list_method(it: &mut Interp, meth: &str, mut args: Vec<Value>, mut kw: Vec<(String, Value)>) -> R<Value> {
    let name = format!("list.{}", meth);
    if !matches!(it.obj(&arg(&args, 0)), Some(Object::List(_))) {
        return it.err("TypeError", format!("descriptor '{}' requires a 'list' object", meth));
    }
    let id = recv_id(&args);
    let items = match it.heap.get(id) {
        Object::List(l) => l.clone(),
        _ => vec![],
    };
    let set = |it: &mut Interp, v: Vec<Value>| {
        if let Object::List(l) = it.heap.get_mut(id) {
            *l = v;
        }
    };
    if meth != "sort" {
        no_kw(it, &name, &kw)?;
    }
    match meth {
        "append" => {
            check_args(it, &name, &args, 2, 2)?;
            if let Object::List(l) = it.heap.get_mut(id) {
                l.push(args[1].clone());
            }
            Ok(Value::None)
        }
        "extend" => {
            check_args(it, &name, &args, 2, 2)?;
            let more = it.iterate(args[1].clone())?;
            if let Object::List(l) = it.heap.get_mut(id) {
                l.extend(more);
            }
            Ok(Value::None)
        }
        "insert" => {
            check_args(it, &name, &args, 3, 3)?;
            let mut i = int_arg(it, &args[1])?;
            let len = items.len() as i64;
            if i < 0 {
                i = (i + len).max(0);
            }
            let i = i.min(len) as usize;
            if let Object::List(l) = it.heap.get_mut(id) {
                l.insert(i, args[2].clone());
            }
            Ok(Value::None)
        }
        "pop" => {
            check_args(it, &name, &args, 1, 2)?;
            if items.is_empty() {
                return it.err("IndexError", "pop from empty list");
            }
            let len = items.len() as i64;
            let mut i = match args.get(1) {
                Some(v) => int_arg(it, v)?,
                None => len - 1,
            };
            if i < 0 {
                i += len;
            }
            if i < 0 || i >= len {
                return it.err("IndexError", "pop index out of range");
            }
            let mut items = items;
            let v = items.remove(i as usize);
            set(it, items);
            Ok(v)
        }
        "remove" => {
            check_args(it, &name, &args, 2, 2)?;
            for (i, v) in items.iter().enumerate() {
                if it.py_eq(v, &args[1])? {
                    let mut items = items.clone();
                    items.remove(i);
                    set(it, items);
                    return Ok(Value::None);
                }
            }
            it.err("ValueError", "list.remove(x): x not in list")
        }
        "index" => {
            check_args(it, &name, &args, 2, 4)?;
            let start = match args.get(2) {
                Some(v) => int_arg(it, v)?.max(0) as usize,
                None => 0,
            };
            for (i, v) in items.iter().enumerate().skip(start) {
                if it.py_eq(v, &args[1])? {
                    return Ok(Value::Int(i as i64));
                }
            }
            let r = it.py_repr(&args[1])?;
            it.err("ValueError", format!("{} is not in list", String::from_utf8_lossy(&r)))
        }
        "count" => {
            check_args(it, &name, &args, 2, 2)?;
            let mut n = 0;
            for v in &items {
                if it.py_eq(v, &args[1])? {
                    n += 1;
                }
            }
            Ok(Value::Int(n))
        }
        "reverse" => {
            check_args(it, &name, &args, 1, 1)?;
            let mut items = items;
            items.reverse();
            set(it, items);
            Ok(Value::None)
        }
        "sort" => {
            let cmp = take_kw(&mut kw, "cmp");
            let key = take_kw(&mut kw, "key");
            let reverse = take_kw(&mut kw, "reverse");
            no_kw(it, &name, &kw)?;
            check_args(it, &name, &args, 1, 4)?;
            let cmp = cmp.or_else(|| args.get(1).cloned()).filter(|v| *v != Value::None);
            let key = key.or_else(|| args.get(2).cloned()).filter(|v| *v != Value::None);
            let reverse = match reverse.or_else(|| args.get(3).cloned()) {
                Some(r) => it.truthy(&r)?,
                None => false,
            };
            args.truncate(1);
            let sorted = sort_values(it, items, key, cmp, reverse)?;
            set(it, sorted);
            Ok(Value::None)
        }
        _ => it.unsupported(format!("list.{}", meth)),
    }
}

fn tuple_method(it: &mut Interp, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    let name = format!("tuple.{}", meth);
    no_kw(it, &name, &kw)?;
    check_args(it, &name, &args, 2, 2)?;
    let items = match it.obj(&args[0]) {
        Some(Object::Tuple(t)) => t.clone(),
        _ => return it.err("TypeError", format!("descriptor '{}' requires a 'tuple' object", meth)),
    };
    let mut n = 0;
    for (i, v) in items.iter().enumerate() {
        if it.py_eq(v, &args[1])? {
            if meth == "index" {
                return Ok(Value::Int(i as i64));
            }
            n += 1;
        }
    }
    if meth == "index" {
        return it.err("ValueError", "tuple.index(x): x not in tuple");
    }
    Ok(Value::Int(n))
}

/// `d.update(src)` / `dict(src)`: from a mapping or from key-value pairs.
fn dict_update_from(it: &mut Interp, did: ObjId, src: Value) -> R<()> {
    if let Value::Obj(sid) = &src {
        if let Some(m) = it.mapping(*sid) {
            let pairs: Vec<(Value, Value)> = m.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
            for (k, v) in pairs {
                it.dict_set(did, k, v)?;
            }
            return Ok(());
        }
    }
    for item in it.iterate(src)? {
        let kv = it.iterate(item)?;
        if kv.len() != 2 {
            return it.err(
                "ValueError",
                format!("dictionary update sequence element has length {}; 2 is required", kv.len()),
            );
        }
        it.dict_set(did, kv[0].clone(), kv[1].clone())?;
    }
    Ok(())
}

fn dict_method(it: &mut Interp, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    let name = format!("dict.{}", meth);
    if meth == "fromkeys" {
        // `dict.fromkeys(keys, value)`: called through the type, no receiver.
        let (keys, value) = match args.len() {
            1 | 2 => (args[0].clone(), arg(&args, 1)),
            _ => return check_args(it, &name, &args, 1, 2).map(|_| Value::None),
        };
        let d = it.new_dict(OrderedDict::new());
        let Value::Obj(did) = d else { return Ok(d) };
        for k in it.iterate(keys)? {
            it.dict_set(did, k, value.clone())?;
        }
        return Ok(d);
    }
    let id = recv_id(&args);
    if it.mapping(id).is_none() || args.is_empty() {
        return it.err("TypeError", format!("descriptor '{}' requires a 'dict' object", meth));
    }
    if meth != "update" {
        no_kw(it, &name, &kw)?;
    }
    let snapshot = |it: &Interp| it.mapping(id).cloned().unwrap_or_default();
    match meth {
        "get" => {
            check_args(it, &name, &args, 2, 3)?;
            Ok(it.dict_get(id, &args[1])?.unwrap_or_else(|| arg(&args, 2)))
        }
        "has_key" => {
            check_args(it, &name, &args, 2, 2)?;
            Ok(Value::Bool(it.dict_get(id, &args[1])?.is_some()))
        }
        "keys" | "values" | "items" | "iterkeys" | "itervalues" | "iteritems" => {
            check_args(it, &name, &args, 1, 1)?;
            let d = snapshot(it);
            let items: Vec<Value> = match meth.trim_start_matches("iter") {
                "keys" => d.keys().cloned().collect(),
                "values" => d.values().cloned().collect(),
                _ => {
                    let pairs: Vec<(Value, Value)> = d.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
                    pairs.into_iter().map(|(k, v)| it.new_tuple(vec![k, v])).collect()
                }
            };
            if meth.starts_with("iter") {
                Ok(it.alloc(Object::Iterator { items, pos: 0 }))
            } else {
                Ok(it.new_list(items))
            }
        }
        "setdefault" => {
            check_args(it, &name, &args, 2, 3)?;
            match it.dict_get(id, &args[1])? {
                Some(v) => Ok(v),
                None => {
                    let v = arg(&args, 2);
                    it.dict_set(id, args[1].clone(), v.clone())?;
                    Ok(v)
                }
            }
        }
        "pop" => {
            check_args(it, &name, &args, 2, 3)?;
            match it.dict_remove(id, &args[1])? {
                Some(v) => Ok(v),
                None => match args.get(2) {
                    Some(d) => Ok(d.clone()),
                    None => {
                        let e = it.new_exc("KeyError", vec![args[1].clone()]);
                        Err(it.raise_value(e))
                    }
                },
            }
        }
        "popitem" => {
            check_args(it, &name, &args, 1, 1)?;
            let popped = it.mapping_mut(id).and_then(|d| d.pop_last());
            it.sync_dict_owner(id);
            match popped {
                Some((k, v)) => Ok(it.new_tuple(vec![k, v])),
                None => it.err("KeyError", "popitem(): dictionary is empty"),
            }
        }
        "update" => {
            check_args(it, &name, &args, 1, 2)?;
            if let Some(src) = args.get(1) {
                dict_update_from(it, id, src.clone())?;
            }
            for (k, v) in kw {
                it.dict_set(id, Value::str(&k), v)?;
            }
            Ok(Value::None)
        }
        "copy" => {
            check_args(it, &name, &args, 1, 1)?;
            let d = snapshot(it);
            Ok(it.new_dict(d))
        }
        "clear" => {
            check_args(it, &name, &args, 1, 1)?;
            if let Some(d) = it.mapping_mut(id) {
                d.clear();
            }
            it.sync_dict_owner(id);
            Ok(Value::None)
        }
        _ => it.unsupported(format!("dict.{}", meth)),
    }
}

fn set_method(it: &mut Interp, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    let name = format!("set.{}", meth);
    no_kw(it, &name, &kw)?;
    let id = recv_id(&args);
    let items: Vec<Value> = match it.heap.get(id) {
        Object::Set(d) if !args.is_empty() => d.keys().cloned().collect(),
        _ => return it.err("TypeError", format!("descriptor '{}' requires a 'set' object", meth)),
    };
    let other = |it: &mut Interp, i: usize| -> R<Vec<Value>> {
        match args.get(i) {
            Some(v) => it.iterate(v.clone()),
            None => Ok(vec![]),
        }
    };
    match meth {
        "add" => {
            check_args(it, &name, &args, 2, 2)?;
            it.set_add(id, args[1].clone())?;
            Ok(Value::None)
        }
        "remove" | "discard" => {
            check_args(it, &name, &args, 2, 2)?;
            let d = match it.heap.get(id) {
                Object::Set(d) => d.clone(),
                _ => OrderedDict::new(),
            };
            match it.dict_find(&d, &args[1])? {
                Some(k) => {
                    if let Object::Set(d) = it.heap.get_mut(id) {
                        d.remove(&k);
                    }
                    Ok(Value::None)
                }
                None if meth == "discard" => Ok(Value::None),
                None => {
                    let e = it.new_exc("KeyError", vec![args[1].clone()]);
                    Err(it.raise_value(e))
                }
            }
        }
        "pop" => match it.heap.get_mut(id) {
            Object::Set(d) => match d.pop_last() {
                Some((k, _)) => Ok(k),
                None => it.err("KeyError", "pop from an empty set"),
            },
            _ => Ok(Value::None),
        },
        "clear" => {
            if let Object::Set(d) = it.heap.get_mut(id) {
                d.clear();
            }
            Ok(Value::None)
        }
        "copy" => it.new_set(items),
        "update" => {
            for i in 1..args.len() {
                for v in other(it, i)? {
                    it.set_add(id, v)?;
                }
            }
            Ok(Value::None)
        }
        "union" => {
            let s = it.new_set(items)?;
            let Value::Obj(sid) = s else { return Ok(s) };
            for i in 1..args.len() {
                for v in other(it, i)? {
                    it.set_add(sid, v)?;
                }
            }
            Ok(s)
        }
        "intersection" | "difference" | "intersection_update" | "difference_update" | "issubset" | "isdisjoint" => {
            check_args(it, &name, &args, 2, 2)?;
            let o = other(it, 1)?;
            let os = it.new_set(o)?;
            let mut keep = Vec::new();
            for v in &items {
                let inside = it.contains(&os, v)?;
                let wanted = matches!(meth, "intersection" | "intersection_update");
                if meth == "issubset" && !inside {
                    return Ok(Value::Bool(false));
                }
                if meth == "isdisjoint" && inside {
                    return Ok(Value::Bool(false));
                }
                if inside == wanted {
                    keep.push(v.clone());
                }
            }
            if matches!(meth, "issubset" | "isdisjoint") {
                return Ok(Value::Bool(true));
            }
            if meth.ends_with("_update") {
                if let Object::Set(d) = it.heap.get_mut(id) {
                    d.clear();
                }
                for v in keep {
                    it.set_add(id, v)?;
                }
                return Ok(Value::None);
            }
            it.new_set(keep)
        }
        "issuperset" => {
            check_args(it, &name, &args, 2, 2)?;
            for v in other(it, 1)? {
                if !it.contains(&args[0], &v)? {
                    return Ok(Value::Bool(false));
                }
            }
            Ok(Value::Bool(true))
        }
        "symmetric_difference" => {
            check_args(it, &name, &args, 2, 2)?;
            let o = other(it, 1)?;
            let os = it.new_set(o.clone())?;
            let mut out = Vec::new();
            for v in &items {
                if !it.contains(&os, v)? {
                    out.push(v.clone());
                }
            }
            for v in o {
                if !it.contains(&args[0], &v)? {
                    out.push(v);
                }
            }
            it.new_set(out)
        }
        _ => it.unsupported(format!("set.{}", meth)),
    }
}

fn iterator_method(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    let id = recv_id(&args);
    let rest = |it: &mut Interp| -> Vec<Value> {
        match it.heap.get_mut(id) {
            Object::Iterator { items, pos } => {
                let r = items[(*pos).min(items.len())..].to_vec();
                *pos = items.len();
                r
            }
            _ => vec![],
        }
    };
    match meth {
        "__iter__" | "__enter__" => Ok(arg(&args, 0)),
        "close" | "__exit__" => Ok(Value::None),
        "read" => {
            let mut out = Vec::new();
            for v in rest(it) {
                out.extend(it.py_str(&v)?);
            }
            Ok(Interp::bytes(out))
        }
        "readlines" => {
            let items = rest(it);
            Ok(it.new_list(items))
        }
        "readline" => {
            let mut i = crate::ops::PyIter::Host(id);
            Ok(it.iter_next(&mut i)?.unwrap_or(Value::str("")))
        }
        _ => {
            let mut i = crate::ops::PyIter::Host(id);
            match it.iter_next(&mut i)? {
                Some(v) => Ok(v),
                None => {
                    let e = it.new_exc("StopIteration", vec![]);
                    Err(it.raise_value(e))
                }
            }
        }
    }
}

fn number_method(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    let v = arg(&args, 0);
    match (meth, &v) {
        ("bit_length", Value::Int(i)) => Ok(Value::Int(128 - (*i as i128).unsigned_abs().leading_zeros() as i64)),
        ("bit_length", Value::Bool(b)) => Ok(Value::Int(*b as i64)),
        ("bit_length", Value::Long(i)) => Ok(Value::Int(128 - i.unsigned_abs().leading_zeros() as i64)),
        ("is_integer", Value::Float(f)) => Ok(Value::Bool(f.fract() == 0.0)),
        ("conjugate", _) => Ok(v.clone()),
        _ => it.unsupported(format!("the number method {}", meth)),
    }
}

fn object_method(it: &mut Interp, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    match meth {
        // object.__init__(self): a no-op (extra arguments were checked at instantiation).
        "__init__" => {
            let _ = (args, kw);
            Ok(Value::None)
        }
        // `object.__new__(cls)`: an instance whose __init__ has not run.
        "__new__" => match args.first() {
            Some(Value::Obj(c)) if it.heap.class(*c).is_some() => {
                let class = *c;
                Ok(it.alloc(Object::Instance(hostobj::Instance { class, attrs: OrderedDict::new() })))
            }
            _ => it.err("TypeError", "object.__new__(X): X is not a type object"),
        },
        _ => it.unsupported(format!("object.{}", meth)),
    }
}

fn exception_method(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    let recv = arg(&args, 0);
    let Value::Obj(id) = recv else { return it.err("TypeError", "descriptor requires a 'BaseException' object") };
    if !matches!(it.heap.get(id), Object::Instance(_)) {
        return it.err("TypeError", "descriptor requires a 'BaseException' object");
    }
    match meth {
        "__init__" => {
            let rest = args[1..].to_vec();
            let env = it.class_named("EnvironmentError");
            let cls = match it.heap.get(id) {
                Object::Instance(i) => i.class,
                _ => env,
            };
            let is_env = it.is_subclass(cls, env);
            let t = it.new_tuple(rest.clone());
            let mut extra = Vec::new();
            if is_env && (rest.len() == 2 || rest.len() == 3) {
                extra.push(("errno", rest[0].clone()));
                extra.push(("strerror", rest[1].clone()));
                extra.push(("filename", arg(&rest, 2)));
            }
            if let Object::Instance(i) = it.heap.get_mut(id) {
                i.attrs.insert_str("args", t);
                for (k, v) in extra {
                    i.attrs.insert_str(k, v);
                }
            }
            Ok(Value::None)
        }
        "__str__" => {
            let s = exception_str(it, &recv)?;
            Ok(Interp::bytes(s))
        }
        "__repr__" => {
            let cls = match it.heap.get(id) {
                Object::Instance(i) => i.class,
                _ => id,
            };
            let cname = it.heap.class(cls).map(|c| c.name.clone()).unwrap_or_default();
            let args = it.getattr(&recv, "args")?;
            let r = it.py_repr(&args)?;
            let r = String::from_utf8_lossy(&r).into_owned();
            let inner = if r == "()" { "()".to_string() } else { r };
            Ok(Value::str(&format!("{}{}", cname, inner)))
        }
        _ => it.unsupported(format!("BaseException.{}", meth)),
    }
}

/// `str(exc)`: the message as CPython 2.7 prints it.
pub fn exception_str(it: &mut Interp, exc: &Value) -> R<Vec<u8>> {
    let args = it.getattr_opt(exc, "args")?.unwrap_or(Value::None);
    let items = match it.obj(&args) {
        Some(Object::Tuple(t)) => t.clone(),
        _ => vec![],
    };
    let cls = match it.obj(exc) {
        Some(Object::Instance(i)) => i.class,
        _ => return Ok(vec![]),
    };
    let env = it.class_named("EnvironmentError");
    if it.is_subclass(cls, env) && (items.len() == 2 || items.len() == 3) {
        let no = it.py_str(&items[0])?;
        let msg = it.py_str(&items[1])?;
        let mut s = format!("[Errno {}] {}", String::from_utf8_lossy(&no), String::from_utf8_lossy(&msg));
        if items.len() == 3 {
            let f = it.py_repr(&items[2])?;
            s.push_str(&format!(": {}", String::from_utf8_lossy(&f)));
        }
        return Ok(s.into_bytes());
    }
    let key_error = it.class_named("KeyError");
    match items.len() {
        0 => Ok(vec![]),
        1 if it.is_subclass(cls, key_error) => it.py_repr(&items[0]),
        1 => it.py_str(&items[0]),
        _ => it.py_str(&args),
    }
}

fn file_method(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    let to_stderr = matches!(it.obj(&arg(&args, 0)), Some(Object::Builtin(n)) if n == "sys.stderr");
    match meth {
        "write" | "writelines" => {
            let mut data = Vec::new();
            if meth == "write" {
                data = it.py_str(&arg(&args, 1))?;
            } else {
                for v in it.iterate(arg(&args, 1))? {
                    data.extend(it.py_str(&v)?);
                }
            }
            it.softspace = false;
            if to_stderr {
                use std::io::Write;
                let _ = std::io::stderr().write_all(&data);
            } else {
                it.write_stdout(&data);
            }
            Ok(Value::None)
        }
        _ => Ok(Value::None),
    }
}

fn os_function(it: &mut Interp, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    if meth.contains('.') {
        return path_function(it, meth.trim_start_matches("path."), args);
    }
    no_kw(it, meth, &kw)?;
    match meth {
        "write" => {
            check_args(it, meth, &args, 2, 2)?;
            let fd = int_arg(it, &args[0])?;
            let data = str_arg(it, &args[1])?;
            match fd {
                1 => it.write_stdout(&data),
                2 => {
                    use std::io::Write;
                    let _ = std::io::stderr().write_all(&data);
                }
                _ => return it.unsupported("os.write to a file descriptor other than 1 or 2"),
            }
            Ok(Value::Int(data.len() as i64))
        }
        "getenv" => {
            check_args(it, meth, &args, 1, 2)?;
            let k = text_arg(it, &args[0])?;
            Ok(match std::env::var_os(&k) {
                Some(v) => {
                    use std::os::unix::ffi::OsStrExt;
                    Interp::bytes(v.as_bytes().to_vec())
                }
                None => arg(&args, 1),
            })
        }
        "getcwd" => {
            let d = std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default();
            Ok(Value::str(&d))
        }
        "getpid" => Ok(Value::Int(std::process::id() as i64)),
        "listdir" => {
            check_args(it, meth, &args, 1, 1)?;
            let p = text_arg(it, &args[0])?;
            match std::fs::read_dir(&p) {
                Ok(rd) => {
                    let mut names: Vec<String> =
                        rd.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect();
                    names.sort();
                    let items = names.iter().map(|n| Value::str(n)).collect();
                    Ok(it.new_list(items))
                }
                Err(e) => {
                    let ex = it.new_exc("OSError", vec![]);
                    exception_method(it, "__init__", vec![ex.clone(), errno_of(&e), Value::str(&e.to_string()), Value::str(&p)])?;
                    Err(it.raise_value(ex))
                }
            }
        }
        "strerror" => {
            check_args(it, meth, &args, 1, 1)?;
            let n = int_arg(it, &args[0])?;
            let msg = std::io::Error::from_raw_os_error(n as i32).to_string();
            // Rust appends " (os error N)"; CPython prints the bare message.
            let msg = msg.split(" (os error").next().unwrap_or(&msg).to_string();
            Ok(Value::str(&msg))
        }
        "isatty" => Ok(Value::Bool(false)),
        _ => it.unsupported(format!("calling os.{}", meth)),
    }
}

fn errno_of(e: &std::io::Error) -> Value {
    Value::Int(e.raw_os_error().unwrap_or(0) as i64)
}

fn path_function(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    use std::path::Path;
    let mut strs = Vec::new();
    for a in &args {
        strs.push(text_arg(it, a)?);
    }
    let s0 = strs.first().cloned().unwrap_or_default();
    let p = Path::new(&s0);
    let b = |v: bool| Ok(Value::Bool(v));
    match meth {
        "join" => {
            let mut out = String::new();
            for s in &strs {
                if s.starts_with('/') {
                    out = s.clone();
                } else if out.is_empty() || out.ends_with('/') {
                    out.push_str(s);
                } else {
                    out.push('/');
                    out.push_str(s);
                }
            }
            Ok(Value::str(&out))
        }
        "exists" => b(p.exists()),
        "isfile" => b(p.is_file()),
        "isdir" => b(p.is_dir()),
        "islink" => b(p.is_symlink()),
        "isabs" => b(s0.starts_with('/')),
        "dirname" | "basename" | "split" => {
            let (head, tail) = match s0.rfind('/') {
                Some(i) => (&s0[..i + 1], &s0[i + 1..]),
                None => ("", s0.as_str()),
            };
            let head_clean = if head.chars().all(|c| c == '/') { head.to_string() } else { head.trim_end_matches('/').to_string() };
            match meth {
                "dirname" => Ok(Value::str(&head_clean)),
                "basename" => Ok(Value::str(tail)),
                _ => {
                    let t = vec![Value::str(&head_clean), Value::str(tail)];
                    Ok(it.new_tuple(t))
                }
            }
        }
        "splitext" => {
            let base_start = s0.rfind('/').map(|i| i + 1).unwrap_or(0);
            let base = &s0[base_start..];
            let dot = base.rfind('.').filter(|&i| base[..i].chars().any(|c| c != '.'));
            let (a, e) = match dot {
                Some(i) => (&s0[..base_start + i], &s0[base_start + i..]),
                None => (s0.as_str(), ""),
            };
            let t = vec![Value::str(a), Value::str(e)];
            Ok(it.new_tuple(t))
        }
        "abspath" | "realpath" | "normpath" => {
            let full = if meth != "normpath" && !s0.starts_with('/') {
                let cwd = std::env::current_dir().map(|p| p.display().to_string()).unwrap_or_default();
                format!("{}/{}", cwd, s0)
            } else {
                s0.clone()
            };
            let mut parts: Vec<&str> = Vec::new();
            for c in full.split('/') {
                match c {
                    "" | "." => {}
                    ".." => {
                        if parts.last().is_some_and(|l| *l != "..") {
                            parts.pop();
                        } else if !full.starts_with('/') {
                            parts.push("..");
                        }
                    }
                    c => parts.push(c),
                }
            }
            let joined = parts.join("/");
            let r = if full.starts_with('/') {
                format!("/{}", joined)
            } else if joined.is_empty() {
                ".".into()
            } else {
                joined
            };
            Ok(Value::str(&r))
        }
        "getsize" => match std::fs::metadata(p) {
            Ok(m) => Ok(Value::Int(m.len() as i64)),
            Err(e) => {
                let ex = it.new_exc("OSError", vec![]);
                exception_method(it, "__init__", vec![ex.clone(), errno_of(&e), Value::str(&e.to_string()), Value::str(&s0)])?;
                Err(it.raise_value(ex))
            }
        },
        "expanduser" => {
            let home = std::env::var("HOME").unwrap_or_default();
            let r = if s0 == "~" || s0.starts_with("~/") { format!("{}{}", home, &s0[1..]) } else { s0.clone() };
            Ok(Value::str(&r))
        }
        _ => it.unsupported(format!("calling os.path.{}", meth)),
    }
}

fn math_function(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    let one = |it: &mut Interp, args: &[Value]| -> R<f64> {
        check_args(it, meth, args, 1, 1)?;
        float_arg(it, &args[0])
    };
    let domain = |it: &mut Interp| -> R<Value> { it.err("ValueError", "math domain error") };
    let f = match meth {
        "sqrt" => {
            let x = one(it, &args)?;
            if x < 0.0 {
                return domain(it);
            }
            x.sqrt()
        }
        "log" => {
            check_args(it, meth, &args, 1, 2)?;
            let x = match &args[0] {
                Value::Long(l) => *l as f64,
                v => float_arg(it, v)?,
            };
            if x <= 0.0 {
                return domain(it);
            }
            match args.get(1) {
                Some(b) => {
                    let b = float_arg(it, b)?;
                    x.ln() / b.ln()
                }
                None => x.ln(),
            }
        }
        "log10" | "log1p" | "acos" | "asin" | "acosh" | "atanh" => {
            let x = one(it, &args)?;
            let r = match meth {
                "log10" => x.log10(),
                "log1p" => x.ln_1p(),
                "acos" => x.acos(),
                "asin" => x.asin(),
                "acosh" => x.acosh(),
                _ => x.atanh(),
            };
            if r.is_nan() && !x.is_nan() || (meth == "log10" && x <= 0.0) {
                return domain(it);
            }
            r
        }
        "sin" => one(it, &args)?.sin(),
        "cos" => one(it, &args)?.cos(),
        "tan" => one(it, &args)?.tan(),
        "atan" => one(it, &args)?.atan(),
        "sinh" => one(it, &args)?.sinh(),
        "cosh" => one(it, &args)?.cosh(),
        "tanh" => one(it, &args)?.tanh(),
        "asinh" => one(it, &args)?.asinh(),
        "exp" => one(it, &args)?.exp(),
        "expm1" => one(it, &args)?.exp_m1(),
        "fabs" => one(it, &args)?.abs(),
        "floor" => one(it, &args)?.floor(),
        "ceil" => one(it, &args)?.ceil(),
        "degrees" => one(it, &args)?.to_degrees(),
        "radians" => one(it, &args)?.to_radians(),
        "erf" | "erfc" | "gamma" | "lgamma" => return it.unsupported(format!("calling math.{}", meth)),
        "isnan" => return Ok(Value::Bool(one(it, &args)?.is_nan())),
        "isinf" => return Ok(Value::Bool(one(it, &args)?.is_infinite())),
        "trunc" => {
            check_args(it, meth, &args, 1, 1)?;
            return to_int(it, &args[0], None, false);
        }
        "atan2" | "pow" | "fmod" | "hypot" | "copysign" | "ldexp" => {
            check_args(it, meth, &args, 2, 2)?;
            let x = float_arg(it, &args[0])?;
            if meth == "ldexp" {
                let e = int_arg(it, &args[1])?;
                return Ok(Value::Float(x * 2f64.powi(e.clamp(-2000, 2000) as i32)));
            }
            let y = float_arg(it, &args[1])?;
            match meth {
                "atan2" => x.atan2(y),
                "pow" => {
                    if x < 0.0 && y.fract() != 0.0 {
                        return domain(it);
                    }
                    x.powf(y)
                }
                "fmod" => {
                    if y == 0.0 {
                        return domain(it);
                    }
                    x % y
                }
                "hypot" => x.hypot(y),
                _ => x.copysign(y),
            }
        }
        "frexp" => {
            let x = one(it, &args)?;
            let (m, e) = crate::ops::frexp(x);
            return Ok(it.new_tuple(vec![Value::Float(m), Value::Int(e as i64)]));
        }
        "modf" => {
            let x = one(it, &args)?;
            let t = vec![Value::Float(x.fract()), Value::Float(x.trunc())];
            return Ok(it.new_tuple(t));
        }
        "factorial" => {
            check_args(it, meth, &args, 1, 1)?;
            let n = int_arg(it, &args[0])?;
            if n < 0 {
                return it.err("ValueError", "factorial() not defined for negative values");
            }
            let mut r: i128 = 1;
            for i in 2..=n as i128 {
                r = match r.checked_mul(i) {
                    Some(r) => r,
                    None => return it.unsupported("an integer beyond 128 bits"),
                };
            }
            return Ok(it.int_value(r, false));
        }
        "fsum" => {
            check_args(it, meth, &args, 1, 1)?;
            let mut s = 0.0;
            for v in it.iterate(args[0].clone())? {
                s += float_arg(it, &v)?;
            }
            s
        }
        _ => return it.unsupported(format!("calling math.{}", meth)),
    };
    if f.is_infinite() && matches!(meth, "exp" | "pow" | "cosh" | "sinh" | "hypot") {
        return it.err("OverflowError", "math range error");
    }
    Ok(Value::Float(f))
}

fn time_function(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    match meth {
        "time" => {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs_f64())
                .unwrap_or(0.0);
            Ok(Value::Float(t))
        }
        "clock" => Ok(Value::Float(it.started.elapsed().as_secs_f64())),
        "sleep" => {
            check_args(it, meth, &args, 1, 1)?;
            let s = float_arg(it, &args[0])?;
            if s > 0.0 {
                std::thread::sleep(std::time::Duration::from_secs_f64(s.min(60.0)));
            }
            Ok(Value::None)
        }
        _ => it.unsupported(format!("calling time.{}", meth)),
    }
}

fn sys_function(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    match meth {
        "exit" => {
            let e = it.new_exc("SystemExit", args);
            Err(it.raise_value(e))
        }
        "exc_info" => {
            let items = match it.handling.last().cloned() {
                Some(e) => {
                    let t = it.type_of(&e.exc);
                    vec![t, e.exc, Value::None]
                }
                None => vec![Value::None, Value::None, Value::None],
            };
            Ok(it.new_tuple(items))
        }
        "exc_clear" => Ok(Value::None),
        "getrecursionlimit" => Ok(Value::Int(it.max_depth as i64)),
        "setrecursionlimit" => {
            check_args(it, meth, &args, 1, 1)?;
            let n = int_arg(it, &args[0])?;
            if n <= 0 {
                return it.err("ValueError", "recursion limit must be positive");
            }
            // Bounded by what the evaluator's own stack can hold.
            it.max_depth = (n as usize).min(it.depth_cap);
            Ok(Value::None)
        }
        "getdefaultencoding" => Ok(Value::str("ascii")),
        "getfilesystemencoding" => Ok(Value::str("UTF-8")),
        "_getframe" => getframe(it, &args),
        _ => it.unsupported(format!("calling sys.{}", meth)),
    }
}

/// A class of the interpreter's own objects (`frame`, `code`), made on first use.
fn internal_class(it: &mut Interp, name: &'static str) -> ObjId {
    if let Some(&c) = it.classes.get(name) {
        return c;
    }
    let object = it.class_named("object");
    let c = it.heap.alloc(Object::Class(Class {
        name: name.into(),
        module: it.builtins,
        bases: vec![object],
        dict: OrderedDict::new(),
        span: Default::default(),
    }));
    it.classes.insert(name, c);
    c
}

/// `sys._getframe([depth])`: the frame `depth` calls below the caller's, as
/// an instance of the class `frame` with `f_locals`, `f_globals`, `f_back`,
/// `f_code` and `f_lineno`. `f_locals` of a module or class body is the live
/// namespace (the module, as `globals()` gives it, or the class body's dict,
/// so writes define class attributes); of a function, a snapshot dict. A
/// function frame's `f_code` is the function (as `func_code` is); a module's
/// or class body's is a `code` instance with `co_name`, `co_filename` and
/// `co_firstlineno`.
fn getframe(it: &mut Interp, args: &[Value]) -> R<Value> {
    check_args(it, "_getframe", args, 0, 1)?;
    let depth = match args.first() {
        Some(d) => int_arg(it, d)?.max(0) as usize,
        None => 0,
    };
    if depth >= it.frames.len() {
        return it.err("ValueError", "call stack is not deep enough");
    }
    let target = it.frames.len() - 1 - depth;
    let frame_class = internal_class(it, "frame");
    let code_class = internal_class(it, "code");
    let mut back = Value::None;
    // Outermost first, so that each frame's f_back exists.
    for i in 0..=target {
        let (module, call_site) = (it.frames[i].module, it.frames[i].call_site);
        let line = match it.frames.get(i + 1) {
            Some(callee) => callee.call_site.line,
            None => it.span.line,
        };
        let filename = match it.heap.module(module).and_then(|m| m.file) {
            Some(f) => Value::str(&it.sources.path(f).display().to_string()),
            None => Value::str("?"),
        };
        let (locals, code) = match &it.frames[i].what {
            FrameWhat::Function(f) => {
                let f = *f;
                (it.function_locals(i), Value::Obj(f))
            }
            what => {
                let (locals, name, first) = match what {
                    FrameWhat::Class { ns, name } => (Value::Obj(*ns), name.clone(), call_site.line),
                    _ => (Value::Obj(module), "<module>".to_string(), 1),
                };
                let mut attrs = OrderedDict::new();
                attrs.insert_str("co_name", Value::str(&name));
                attrs.insert_str("co_filename", filename);
                attrs.insert_str("co_firstlineno", Value::Int(first as i64));
                (locals, it.alloc(Object::Instance(Instance { class: code_class, attrs })))
            }
        };
        let mut attrs = OrderedDict::new();
        attrs.insert_str("f_back", back);
        attrs.insert_str("f_code", code);
        attrs.insert_str("f_globals", Value::Obj(module));
        attrs.insert_str("f_lineno", Value::Int(line as i64));
        attrs.insert_str("f_locals", locals);
        back = it.alloc(Object::Instance(Instance { class: frame_class, attrs }));
    }
    Ok(back)
}

fn operator_function(it: &mut Interp, meth: &str, args: Vec<Value>) -> R<Value> {
    use syntax::ast::{BinOp, CmpOp, UnaryOp};
    let bin = match meth {
        "add" => Some(BinOp::Add),
        "sub" => Some(BinOp::Sub),
        "mul" => Some(BinOp::Mult),
        "div" => Some(BinOp::Div),
        "floordiv" => Some(BinOp::FloorDiv),
        "truediv" => Some(BinOp::TrueDiv),
        "mod" => Some(BinOp::Mod),
        "pow" => Some(BinOp::Pow),
        "and_" => Some(BinOp::BitAnd),
        "or_" => Some(BinOp::BitOr),
        "xor" => Some(BinOp::BitXor),
        "lshift" => Some(BinOp::LShift),
        "rshift" => Some(BinOp::RShift),
        _ => None,
    };
    if let Some(op) = bin {
        check_args(it, meth, &args, 2, 2)?;
        return it.binop(op, args[0].clone(), args[1].clone());
    }
    let cmp = match meth {
        "eq" => Some(CmpOp::Eq),
        "ne" => Some(CmpOp::NotEq),
        "lt" => Some(CmpOp::Lt),
        "le" => Some(CmpOp::LtE),
        "gt" => Some(CmpOp::Gt),
        "ge" => Some(CmpOp::GtE),
        "is_" => Some(CmpOp::Is),
        "is_not" => Some(CmpOp::IsNot),
        _ => None,
    };
    if let Some(op) = cmp {
        check_args(it, meth, &args, 2, 2)?;
        return Ok(Value::Bool(it.compare(op, &args[0], &args[1])?));
    }
    match meth {
        "neg" | "pos" | "invert" | "not_" => {
            check_args(it, meth, &args, 1, 1)?;
            let op = match meth {
                "neg" => UnaryOp::USub,
                "pos" => UnaryOp::UAdd,
                "invert" => UnaryOp::Invert,
                _ => UnaryOp::Not,
            };
            it.unaryop(op, args[0].clone())
        }
        "truth" => {
            check_args(it, meth, &args, 1, 1)?;
            Ok(Value::Bool(it.truthy(&args[0])?))
        }
        "abs" => builtin_function(it, "abs", args, vec![]),
        "index" => {
            check_args(it, meth, &args, 1, 1)?;
            Ok(Value::Int(it.index_of(&args[0])?))
        }
        "getitem" => {
            check_args(it, meth, &args, 2, 2)?;
            it.getitem(&args[0], Key::Index(args[1].clone()))
        }
        "setitem" => {
            check_args(it, meth, &args, 3, 3)?;
            it.setitem(&args[0], Key::Index(args[1].clone()), args[2].clone())?;
            Ok(Value::None)
        }
        "delitem" => {
            check_args(it, meth, &args, 2, 2)?;
            it.delitem(&args[0], Key::Index(args[1].clone()))?;
            Ok(Value::None)
        }
        "contains" => {
            check_args(it, meth, &args, 2, 2)?;
            Ok(Value::Bool(it.contains(&args[0], &args[1])?))
        }
        _ => it.unsupported(format!("calling operator.{}", meth)),
    }
}

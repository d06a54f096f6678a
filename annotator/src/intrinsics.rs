//! Functions of the bundled `rpython` package that are translated as
//! intrinsics instead of from their Python bodies (which only describe the
//! untranslated behaviour): the JIT hints, which are no-ops until the JIT
//! exists, and `we_are_translated`. They are recognized by the host
//! function's module and name, and the JitDriver methods by the class of a
//! prebuilt instance.

use hostobj::{Heap, ObjId, Object};

/// What a call of an intrinsic gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intrinsic {
    /// Its first argument (`promote(x)`, `hint(x, ...)`).
    FirstArg,
    /// A constant bool (`we_are_jitted()` is False, `we_are_translated()` True).
    ConstBool(bool),
    /// Nothing: the call gives None and produces no operations.
    NoOp,
    /// `intmask(x)`, `r_int(x)`: an int-like value as a signed word (same bits).
    ToSigned,
    /// `r_uint(x)`: an int-like value as an unsigned word (same bits).
    ToUnsigned,
    /// `widen(x)`: a bool as an int, any other word unchanged.
    Widen,
    /// `instantiate(C)`: a new instance of the constant class C, its
    /// `__init__` not called.
    Instantiate,
    /// `debug_print(*args)`: the args' str() joined by spaces, a newline,
    /// on stderr.
    DebugPrint,
    /// `r_singlefloat(x)`: x rounded to a C float.
    ToSingleFloat,
    /// `compute_hash(x)`: objectmodel's deterministic hash of a str, int,
    /// float, tuple of those, or an instance's identity hash.
    ComputeHash,
    /// `compute_identity_hash(x)`, `compute_unique_id(x)`: the instance's
    /// identity.
    IdentityHash,
    /// `rgc.collect()`: a full collection (nothing with `--gc=none`).
    GcCollect,
    /// A function of `rpython.rlib.rfloat` implemented in the runtime
    /// (its `_rpython_runtime_helper_` attribute names it).
    FloatHelper(FloatHelper),
}

/// The rfloat functions the runtime implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FloatHelper {
    /// `formatd(x, code, precision, flags=0)` -> str
    Formatd,
    /// `double_to_string(x, code, precision, flags)` -> (str, kind)
    DoubleToString,
    /// `round_double(x, ndigits, half_even=False)` -> float
    RoundDouble,
}

/// The JitDriver methods that are no-ops in translated code.
pub const JITDRIVER_HINTS: &[&str] = &["jit_merge_point", "can_enter_jit", "loop_header"];

/// The intrinsic the host function `f` is, if any.
pub fn function_intrinsic(heap: &Heap, f: ObjId) -> Option<Intrinsic> {
    let func = heap.function(f)?;
    if let Some(hostobj::Value::Str(name)) = func.attrs.get_str("_rpython_runtime_helper_") {
        return match &name[..] {
            b"formatd" => Some(Intrinsic::FloatHelper(FloatHelper::Formatd)),
            b"double_to_string" => Some(Intrinsic::FloatHelper(FloatHelper::DoubleToString)),
            b"round_double" => Some(Intrinsic::FloatHelper(FloatHelper::RoundDouble)),
            _ => None,
        };
    }
    let module = heap.module(func.module)?;
    match (module.name.as_str(), func.name.as_str()) {
        ("rpython.rlib.jit", "promote" | "promote_string" | "hint") => Some(Intrinsic::FirstArg),
        ("rpython.rlib.jit", "we_are_jitted" | "isconstant" | "isvirtual") => Some(Intrinsic::ConstBool(false)),
        ("rpython.rlib.jit", "set_param" | "set_user_param" | "record_exact_class" | "record_exact_value" | "record_known_result") => {
            Some(Intrinsic::NoOp)
        }
        ("rpython.rlib.objectmodel", "we_are_translated") => Some(Intrinsic::ConstBool(true)),
        ("rpython.rlib.rarithmetic", "intmask" | "longlongmask") => Some(Intrinsic::ToSigned),
        ("rpython.rlib.rgc", "collect") => Some(Intrinsic::GcCollect),
        // The collector sizes itself; these hooks are no-ops.
        ("rpython.rlib.rgc", "add_memory_pressure" | "enable" | "disable") => Some(Intrinsic::NoOp),
        ("rpython.rlib.objectmodel", "instantiate") => Some(Intrinsic::Instantiate),
        ("rpython.rlib.debug", "debug_print") => Some(Intrinsic::DebugPrint),
        ("rpython.rlib.objectmodel", "compute_hash") => Some(Intrinsic::ComputeHash),
        ("rpython.rlib.objectmodel", "compute_identity_hash" | "compute_unique_id" | "current_object_addr_as_int") => {
            Some(Intrinsic::IdentityHash)
        }
        ("rpython.rlib.rarithmetic", "widen") => Some(Intrinsic::Widen),
        // Every int of a translated program fits in a word.
        ("rpython.rlib.rarithmetic", "is_valid_int") => Some(Intrinsic::ConstBool(true)),
        _ => None,
    }
}

/// The word-sized integer classes of `rpython.rlib.rarithmetic` (`r_int` =
/// `r_longlong`, `r_uint` = `r_ulonglong`): calling one converts, and their
/// prebuilt instances are plain words. Some(true) for the unsigned one.
pub fn sized_int_class(heap: &Heap, c: ObjId) -> Option<bool> {
    let cls = heap.class(c)?;
    if heap.module(cls.module)?.name != "rpython.rlib.rarithmetic" {
        return None;
    }
    match cls.name.as_str() {
        "r_int" => Some(false),
        "r_uint" => Some(true),
        _ => None,
    }
}

/// Whether `c` is `rpython.rlib.objectmodel.r_dict` (or r_ordereddict):
/// creating one gives a dict with the program's key functions.
pub fn is_r_dict_class(heap: &Heap, c: ObjId) -> bool {
    let Some(cls) = heap.class(c) else { return false };
    matches!(cls.name.as_str(), "r_dict" | "r_ordereddict")
        && heap.module(cls.module).is_some_and(|m| m.name == "rpython.rlib.objectmodel")
}

/// The intrinsic a call of the prebuilt object `o` is (a function or class).
pub fn intrinsic(heap: &Heap, o: ObjId) -> Option<Intrinsic> {
    match heap.get(o) {
        Object::Function(_) => function_intrinsic(heap, o),
        Object::Class(c) if c.name == "r_singlefloat" && heap.module(c.module).is_some_and(|m| m.name == "rpython.rlib.rarithmetic") => {
            Some(Intrinsic::ToSingleFloat)
        }
        Object::Class(_) => sized_int_class(heap, o).map(|u| if u { Intrinsic::ToUnsigned } else { Intrinsic::ToSigned }),
        _ => None,
    }
}

/// The word a prebuilt instance of a sized integer class stands for (its
/// `_value`, wrapped to 64 bits), and whether it is unsigned.
pub fn sized_int_value(heap: &Heap, o: ObjId) -> Option<(i64, bool)> {
    let Object::Instance(i) = heap.get(o) else { return None };
    let unsigned = sized_int_class(heap, i.class)?;
    let v = match i.attrs.get_str("_value")? {
        hostobj::Value::Int(v) => *v,
        hostobj::Value::Long(v) => *v as u64 as i64,
        hostobj::Value::Bool(b) => *b as i64,
        _ => return None,
    };
    Some((v, unsigned))
}

/// Whether `o` is an instance of `rpython.rlib.jit.JitDriver` (or of a
/// subclass of it).
pub fn is_jitdriver(heap: &Heap, o: ObjId) -> bool {
    let Object::Instance(i) = heap.get(o) else { return false };
    is_jitdriver_class(heap, i.class)
}

/// Whether `class` is `rpython.rlib.jit.JitDriver` or derives from it.
pub fn is_jitdriver_class(heap: &Heap, class: ObjId) -> bool {
    let mut todo = vec![class];
    while let Some(c) = todo.pop() {
        let Some(cls) = heap.class(c) else { continue };
        if cls.name == "JitDriver" && heap.module(cls.module).is_some_and(|m| m.name == "rpython.rlib.jit") {
            return true;
        }
        todo.extend(cls.bases.iter().copied());
    }
    false
}

/// The value of a block's switch when it is a call of a constant-bool
/// intrinsic (`if we_are_jitted():`), possibly through `is_true`: the
/// annotator follows only that link and the rtyper keeps only it.
pub fn static_switch_value(heap: &Heap, block: &flowspace::FlowBlock) -> Option<bool> {
    use flowmodel::{ExitSwitch, Operand};
    use flowspace::HlOp;
    let ExitSwitch::Value(Operand::Var(mut v)) = block.exitswitch else { return None };
    let producer = |v: flowmodel::VarId| block.operations.iter().find(|op| op.result == v);
    let mut op = producer(v)?;
    if op.op == HlOp::IsTrue {
        let Operand::Var(w) = op.args[0] else { return None };
        v = w;
        op = producer(v)?;
    }
    if op.op != HlOp::SimpleCall {
        return None;
    }
    match op.args.first() {
        Some(Operand::Const(hostobj::Value::Obj(f))) => match function_intrinsic(heap, *f) {
            Some(Intrinsic::ConstBool(x)) => Some(x),
            _ => None,
        },
        _ => None,
    }
}

//! High-level operations: what flow graphs compute, before types are known.
//!
//! One table lists every operation with its arity (`None` = variadic) and
//! whether it can raise; the enum, the names used in dumps, and name lookup
//! are generated from it.
//!
//! "Can raise" decides where the flow graph builder puts exception edges:
//! inside a `try` body, an operation that can raise ends its block (exit
//! switch `LastException`). It follows RPython: integer arithmetic wraps and
//! attribute access, comparisons, `is_true`, `iter` and printing are taken
//! not to raise; division and modulo (ZeroDivisionError), item and slice
//! access (IndexError, KeyError), `next` (StopIteration) and calls can.

use hostobj::Value;

macro_rules! hl_operations {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $arity:expr, $raises:expr; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum HlOp { $( $(#[$doc])* $variant, )* }

        impl HlOp {
            pub const ALL: &'static [HlOp] = &[ $( HlOp::$variant, )* ];

            /// The name used in dumps (RPython's operation names).
            pub fn name(self) -> &'static str {
                match self { $( HlOp::$variant => $name, )* }
            }

            /// Number of arguments, or `None` for variadic operations.
            pub fn arity(self) -> Option<usize> {
                match self { $( HlOp::$variant => $arity, )* }
            }

            /// Whether the operation can raise an exception the program may catch.
            pub fn can_raise(self) -> bool {
                match self { $( HlOp::$variant => $raises, )* }
            }

            pub fn from_name(name: &str) -> Option<HlOp> {
                match name { $( $name => Some(HlOp::$variant), )* _ => None }
            }
        }
    };
}

hl_operations! {
    // Unary.
    IsTrue = "is_true", Some(1), false;
    Not = "not_", Some(1), false;
    Neg = "neg", Some(1), false;
    Pos = "pos", Some(1), false;
    Invert = "invert", Some(1), false;
    Repr = "repr", Some(1), false;
    /// `type_(x)`: the class of `x` (the type of an exception raised as a value).
    Type = "type_", Some(1), false;
    Iter = "iter", Some(1), false;
    /// Advances an iterator; raises StopIteration at the end.
    Next = "next", Some(1), true;
    // Binary arithmetic (`Div` is Python 2 `/`).
    Add = "add", Some(2), false;
    Sub = "sub", Some(2), false;
    Mul = "mul", Some(2), false;
    Div = "div", Some(2), true;
    TrueDiv = "truediv", Some(2), true;
    FloorDiv = "floordiv", Some(2), true;
    Mod = "mod", Some(2), true;
    Pow = "pow", Some(2), true;
    LShift = "lshift", Some(2), false;
    RShift = "rshift", Some(2), false;
    And = "and_", Some(2), false;
    Or = "or_", Some(2), false;
    Xor = "xor", Some(2), false;
    // In-place forms (`+=` extends a list in place).
    InplaceAdd = "inplace_add", Some(2), false;
    InplaceSub = "inplace_sub", Some(2), false;
    InplaceMul = "inplace_mul", Some(2), false;
    InplaceDiv = "inplace_div", Some(2), true;
    InplaceTrueDiv = "inplace_truediv", Some(2), true;
    InplaceFloorDiv = "inplace_floordiv", Some(2), true;
    InplaceMod = "inplace_mod", Some(2), true;
    InplacePow = "inplace_pow", Some(2), true;
    InplaceLShift = "inplace_lshift", Some(2), false;
    InplaceRShift = "inplace_rshift", Some(2), false;
    InplaceAnd = "inplace_and", Some(2), false;
    InplaceOr = "inplace_or", Some(2), false;
    InplaceXor = "inplace_xor", Some(2), false;
    // `ovfcheck(x OP y)`: the operation on ints, raising OverflowError when
    // the exact result does not fit in a signed word.
    AddOvf = "add_ovf", Some(2), true;
    SubOvf = "sub_ovf", Some(2), true;
    MulOvf = "mul_ovf", Some(2), true;
    FloorDivOvf = "floordiv_ovf", Some(2), true;
    ModOvf = "mod_ovf", Some(2), true;
    LShiftOvf = "lshift_ovf", Some(2), true;
    NegOvf = "neg_ovf", Some(1), true;
    // Comparisons (each yields a bool; `is not` is `not_(is_(a, b))`).
    Lt = "lt", Some(2), false;
    Le = "le", Some(2), false;
    Eq = "eq", Some(2), false;
    Ne = "ne", Some(2), false;
    Gt = "gt", Some(2), false;
    Ge = "ge", Some(2), false;
    Is = "is_", Some(2), false;
    /// `contains(container, item)`: `item in container`.
    Contains = "contains", Some(2), false;
    // Containers and attributes.
    GetItem = "getitem", Some(2), true;
    SetItem = "setitem", Some(3), true;
    DelItem = "delitem", Some(2), true;
    /// `getslice(obj, start, stop)`; absent bounds are the constant None.
    GetSlice = "getslice", Some(3), true;
    SetSlice = "setslice", Some(4), true;
    DelSlice = "delslice", Some(3), true;
    /// `getattr(obj, name)`, the name a constant str.
    GetAttr = "getattr", Some(2), false;
    SetAttr = "setattr", Some(3), false;
    DelAttr = "delattr", Some(2), false;
    NewTuple = "newtuple", None, false;
    NewList = "newlist", None, false;
    /// `newdict(k1, v1, k2, v2, ...)`.
    NewDict = "newdict", None, false;
    // Calls.
    /// `simple_call(f, args...)`: positional arguments only.
    SimpleCall = "simple_call", None, true;
    /// `call_args(f, shape, args...)`: `shape` is a constant str encoding a
    /// [`CallShape`] (`"2;x,y;*"`: 2 positional arguments, keywords `x` and `y`,
    /// a `*arg`); the args follow in that order: positional, keyword values, star arg.
    CallArgs = "call_args", None, true;
    // The print statement.
    /// `print_item(value)` writes `str(value)` with Python 2 soft-space rules.
    PrintItem = "print_item", Some(1), false;
    PrintNewline = "print_newline", Some(0), false;
    // Generators.
    /// `yield_(value)`: ends its block, whose one link goes to where the
    /// generator resumes (carrying every live variable). Its result is
    /// the None a `yield` expression gives.
    Yield = "yield_", Some(1), false;
    /// `exception_match(etype, cls)`: whether a caught exception matches a class.
    /// (Used when a `raise` of a value whose class is unknown at flow time
    /// meets an `except` clause.)
    ExceptionMatch = "exception_match", Some(2), false;
}

impl HlOp {
    /// The plain binary operation behind an in-place one (`+=` on ints is `+`);
    /// other operations are returned unchanged.
    /// Whether this is an `ovfcheck(x OP y)` operation.
    pub fn is_ovf(self) -> bool {
        matches!(
            self,
            HlOp::AddOvf | HlOp::SubOvf | HlOp::MulOvf | HlOp::FloorDivOvf | HlOp::ModOvf | HlOp::LShiftOvf | HlOp::NegOvf
        )
    }

    pub fn base_op(self) -> HlOp {
        match self {
            HlOp::InplaceAdd => HlOp::Add,
            HlOp::InplaceSub => HlOp::Sub,
            HlOp::InplaceMul => HlOp::Mul,
            HlOp::InplaceDiv => HlOp::Div,
            HlOp::InplaceTrueDiv => HlOp::TrueDiv,
            HlOp::InplaceFloorDiv => HlOp::FloorDiv,
            HlOp::InplaceMod => HlOp::Mod,
            HlOp::InplacePow => HlOp::Pow,
            HlOp::InplaceLShift => HlOp::LShift,
            HlOp::InplaceRShift => HlOp::RShift,
            HlOp::InplaceAnd => HlOp::And,
            HlOp::InplaceOr => HlOp::Or,
            HlOp::InplaceXor => HlOp::Xor,
            other => other,
        }
    }
}

impl std::fmt::Display for HlOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The argument shape of a `call_args` operation: how the arguments after the
/// shape constant are passed. Encoded as a host str so that the flow graph
/// builder needs no heap allocation: `"<positional>;<kw1>,<kw2>;<*>"`, e.g.
/// `"1;key;"` for `f(a, key=b)` and `"0;;*"` for `f(*t)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallShape {
    /// Number of positional arguments.
    pub positional: usize,
    /// Keyword argument names, in call order.
    pub keywords: Vec<String>,
    /// Whether a `*arg` tuple follows.
    pub star_arg: bool,
}

impl CallShape {
    pub fn encode(&self) -> Value {
        let star = if self.star_arg { "*" } else { "" };
        Value::str(&format!("{};{};{}", self.positional, self.keywords.join(","), star))
    }

    pub fn decode(v: &Value) -> Option<CallShape> {
        let Value::Str(s) = v else { return None };
        let s = std::str::from_utf8(s).ok()?;
        let mut parts = s.split(';');
        let positional = parts.next()?.parse().ok()?;
        let kw = parts.next()?;
        let keywords = if kw.is_empty() { Vec::new() } else { kw.split(',').map(str::to_string).collect() };
        let star_arg = match parts.next()? {
            "*" => true,
            "" => false,
            _ => return None,
        };
        if parts.next().is_some() {
            return None;
        }
        Some(CallShape { positional, keywords, star_arg })
    }

    /// Number of argument operands after the shape.
    pub fn arg_count(&self) -> usize {
        self.positional + self.keywords.len() + self.star_arg as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_shape_round_trip() {
        for s in [
            CallShape { positional: 2, keywords: vec!["x".into(), "y".into()], star_arg: true },
            CallShape { positional: 0, keywords: vec![], star_arg: true },
            CallShape { positional: 1, keywords: vec!["key".into()], star_arg: false },
        ] {
            assert_eq!(CallShape::decode(&s.encode()), Some(s));
        }
        assert_eq!(CallShape::decode(&Value::str("1;;")).map(|s| s.arg_count()), Some(1));
        assert_eq!(CallShape::decode(&Value::str("x")), None);
    }

    #[test]
    fn names_round_trip() {
        for &op in HlOp::ALL {
            assert_eq!(HlOp::from_name(op.name()), Some(op));
        }
    }
}

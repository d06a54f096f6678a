//! High-level operations: what flow graphs compute, before types are known.
//!
//! One table lists every operation with its arity (`None` = variadic); the
//! enum, the names used in dumps, and name lookup are generated from it.

macro_rules! hl_operations {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $arity:expr; )*) => {
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

            pub fn from_name(name: &str) -> Option<HlOp> {
                match name { $( $name => Some(HlOp::$variant), )* _ => None }
            }
        }
    };
}

hl_operations! {
    // Unary.
    IsTrue = "is_true", Some(1);
    Not = "not_", Some(1);
    Neg = "neg", Some(1);
    Pos = "pos", Some(1);
    Invert = "invert", Some(1);
    Repr = "repr", Some(1);
    Iter = "iter", Some(1);
    /// Advances an iterator; raises StopIteration at the end.
    Next = "next", Some(1);
    // Binary arithmetic (`Div` is Python 2 `/`).
    Add = "add", Some(2);
    Sub = "sub", Some(2);
    Mul = "mul", Some(2);
    Div = "div", Some(2);
    TrueDiv = "truediv", Some(2);
    FloorDiv = "floordiv", Some(2);
    Mod = "mod", Some(2);
    Pow = "pow", Some(2);
    LShift = "lshift", Some(2);
    RShift = "rshift", Some(2);
    And = "and_", Some(2);
    Or = "or_", Some(2);
    Xor = "xor", Some(2);
    // In-place forms (`+=` extends a list in place).
    InplaceAdd = "inplace_add", Some(2);
    InplaceSub = "inplace_sub", Some(2);
    InplaceMul = "inplace_mul", Some(2);
    InplaceDiv = "inplace_div", Some(2);
    InplaceTrueDiv = "inplace_truediv", Some(2);
    InplaceFloorDiv = "inplace_floordiv", Some(2);
    InplaceMod = "inplace_mod", Some(2);
    InplacePow = "inplace_pow", Some(2);
    InplaceLShift = "inplace_lshift", Some(2);
    InplaceRShift = "inplace_rshift", Some(2);
    InplaceAnd = "inplace_and", Some(2);
    InplaceOr = "inplace_or", Some(2);
    InplaceXor = "inplace_xor", Some(2);
    // Comparisons (each yields a bool; `is not` is `not_(is_(a, b))`).
    Lt = "lt", Some(2);
    Le = "le", Some(2);
    Eq = "eq", Some(2);
    Ne = "ne", Some(2);
    Gt = "gt", Some(2);
    Ge = "ge", Some(2);
    Is = "is_", Some(2);
    /// `contains(container, item)`: `item in container`.
    Contains = "contains", Some(2);
    // Containers and attributes.
    GetItem = "getitem", Some(2);
    SetItem = "setitem", Some(3);
    DelItem = "delitem", Some(2);
    /// `getslice(obj, start, stop)`; absent bounds are the constant None.
    GetSlice = "getslice", Some(3);
    SetSlice = "setslice", Some(4);
    DelSlice = "delslice", Some(3);
    /// `getattr(obj, name)`, the name a constant str.
    GetAttr = "getattr", Some(2);
    SetAttr = "setattr", Some(3);
    DelAttr = "delattr", Some(2);
    NewTuple = "newtuple", None;
    NewList = "newlist", None;
    /// `newdict(k1, v1, k2, v2, ...)`.
    NewDict = "newdict", None;
    // Calls.
    /// `simple_call(f, args...)`: positional arguments only.
    SimpleCall = "simple_call", None;
    /// `call_args(f, shape, args...)`: `shape` is a constant tuple
    /// `(n_positional, (keyword names...), has_star_arg)`; the args follow in that order.
    CallArgs = "call_args", None;
    // The print statement.
    /// `print_item(value)` writes `str(value)` with Python 2 soft-space rules.
    PrintItem = "print_item", Some(1);
    PrintNewline = "print_newline", Some(0);
    // Generators.
    Yield = "yield_", Some(1);
    /// `exception_match(etype, cls)`: whether a caught exception matches a class.
    ExceptionMatch = "exception_match", Some(2);
}

impl std::fmt::Display for HlOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

//! The low-level operations, defined once in one table.
//!
//! Each line gives the operation's name, its arity (`None` = variadic) and
//! its properties: `pure` (no side effects, may be folded or removed),
//! `canraise` (may set the pending exception), `cancollect` (may run the GC).
//! The enum, names, lookup and properties are generated from the table, so
//! adding an operation is a one-line change.

/// Properties of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct OpFlags {
    pub pure: bool,
    pub canraise: bool,
    pub cancollect: bool,
}

macro_rules! ll_operations {
    ($( $(#[$doc:meta])* $variant:ident = $name:literal, $arity:expr, [$($flag:ident),*]; )*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum LlOp { $( $(#[$doc])* $variant, )* }

        impl LlOp {
            pub const ALL: &'static [LlOp] = &[ $( LlOp::$variant, )* ];

            pub fn name(self) -> &'static str {
                match self { $( LlOp::$variant => $name, )* }
            }

            pub fn arity(self) -> Option<usize> {
                match self { $( LlOp::$variant => $arity, )* }
            }

            pub fn from_name(name: &str) -> Option<LlOp> {
                match name { $( $name => Some(LlOp::$variant), )* _ => None }
            }

            pub fn flags(self) -> OpFlags {
                match self {
                    $( LlOp::$variant => {
                        #[allow(unused_mut)]
                        let mut f = OpFlags::default();
                        $( f.$flag = true; )*
                        f
                    } )*
                }
            }
        }
    };
}

ll_operations! {
    // Signed integers: machine words, wrap-around.
    IntAdd = "int_add", Some(2), [pure];
    IntSub = "int_sub", Some(2), [pure];
    IntMul = "int_mul", Some(2), [pure];
    /// Python floor division; the divisor must not be zero (the rtyper checks).
    IntFloorDiv = "int_floordiv", Some(2), [pure];
    /// Python modulo (sign of the divisor); the divisor must not be zero.
    IntMod = "int_mod", Some(2), [pure];
    /// Shift counts outside 0..64 are the rtyper's concern.
    IntLShift = "int_lshift", Some(2), [pure];
    IntRShift = "int_rshift", Some(2), [pure];
    IntAnd = "int_and", Some(2), [pure];
    IntOr = "int_or", Some(2), [pure];
    IntXor = "int_xor", Some(2), [pure];
    IntNeg = "int_neg", Some(1), [pure];
    IntInvert = "int_invert", Some(1), [pure];
    IntIsTrue = "int_is_true", Some(1), [pure];
    IntLt = "int_lt", Some(2), [pure];
    IntLe = "int_le", Some(2), [pure];
    IntEq = "int_eq", Some(2), [pure];
    IntNe = "int_ne", Some(2), [pure];
    IntGt = "int_gt", Some(2), [pure];
    IntGe = "int_ge", Some(2), [pure];
    // Unsigned words: the same bits as Signed (add, sub, mul, and, or,
    // xor, lshift, eq and ne use the int_ operations); these differ.
    UintLt = "uint_lt", Some(2), [pure];
    UintLe = "uint_le", Some(2), [pure];
    UintGt = "uint_gt", Some(2), [pure];
    UintGe = "uint_ge", Some(2), [pure];
    /// Logical shift right (shift counts outside 0..64 are the rtyper's concern).
    UintRShift = "uint_rshift", Some(2), [pure];
    BoolNot = "bool_not", Some(1), [pure];
    // Floats (IEEE doubles). Division by zero is the rtyper's concern.
    FloatAdd = "float_add", Some(2), [pure];
    FloatSub = "float_sub", Some(2), [pure];
    FloatMul = "float_mul", Some(2), [pure];
    FloatTrueDiv = "float_truediv", Some(2), [pure];
    FloatNeg = "float_neg", Some(1), [pure];
    FloatAbs = "float_abs", Some(1), [pure];
    /// Comparisons are false when either side is NaN (`!=` is true).
    FloatLt = "float_lt", Some(2), [pure];
    FloatLe = "float_le", Some(2), [pure];
    FloatEq = "float_eq", Some(2), [pure];
    FloatNe = "float_ne", Some(2), [pure];
    FloatGt = "float_gt", Some(2), [pure];
    FloatGe = "float_ge", Some(2), [pure];
    FloatIsTrue = "float_is_true", Some(1), [pure];
    CastIntToFloat = "cast_int_to_float", Some(1), [pure];
    /// Truncates towards zero; the value must fit (the rtyper checks).
    CastFloatToInt = "cast_float_to_int", Some(1), [pure];
    /// Copies its argument (any type).
    SameAs = "same_as", Some(1), [pure];
    CastBoolToInt = "cast_bool_to_int", Some(1), [pure];
    CastCharToInt = "cast_char_to_int", Some(1), [pure];
    CastIntToChar = "cast_int_to_char", Some(1), [pure];
    /// Reinterprets a GC pointer as a pointer to another struct type: an
    /// instance as its base class's struct (a prefix) or back, a vtable as
    /// its class's vtable type.
    CastPointer = "cast_pointer", Some(1), [pure];
    // GC pointers.
    PtrEq = "ptr_eq", Some(2), [pure];
    PtrNe = "ptr_ne", Some(2), [pure];
    PtrIsZero = "ptr_iszero", Some(1), [pure];
    PtrNonZero = "ptr_nonzero", Some(1), [pure];
    // Memory. Field arguments are `LlConst::Field`, types `LlConst::Type`.
    /// `getfield(ptr, field)`
    GetField = "getfield", Some(2), [];
    /// `setfield(ptr, field, value)`
    SetField = "setfield", Some(3), [];
    /// `getarrayitem(ptr, index)` on an array or a struct's varsize part; no bounds check.
    GetArrayItem = "getarrayitem", Some(2), [];
    /// `setarrayitem(ptr, index, value)`; no bounds check.
    SetArrayItem = "setarrayitem", Some(3), [];
    /// `getarraysize(ptr)`: the length word of an array or varsize struct.
    GetArraySize = "getarraysize", Some(1), [];
    /// `malloc(type)`: a zeroed fixed-size object.
    Malloc = "malloc", Some(1), [cancollect];
    /// `malloc_varsize(type, length)`: a zeroed object with its length set.
    MallocVarsize = "malloc_varsize", Some(2), [cancollect];
    // Calls.
    /// `direct_call(callee, args...)`: callee is `LlConst::Func` or `LlConst::Extern`.
    DirectCall = "direct_call", None, [canraise, cancollect];
    /// `indirect_call(fnaddr, args...)`: calls the function whose address is
    /// the `Signed` value `fnaddr` (a method slot of a vtable).
    IndirectCall = "indirect_call", None, [canraise, cancollect];
    // The generational GC's contract, inserted by `transforms` only.
    /// `gc_store_root(slot, ptr)`: keeps `ptr` in shadow-stack slot `slot`
    /// (an Int constant) of the function's frame.
    GcStoreRoot = "gc_store_root", Some(2), [];
    /// `gc_load_root(slot)`: the reference kept in `slot`, where the
    /// collector may have moved it.
    GcLoadRoot = "gc_load_root", Some(1), [];
    /// `gc_write_barrier(obj)`: before storing a GC pointer into a field of `obj`.
    GcWriteBarrier = "gc_write_barrier", Some(1), [];
    /// `gc_write_barrier_array(obj, index)`: before storing a GC pointer
    /// into item `index` of `obj`.
    GcWriteBarrierArray = "gc_write_barrier_array", Some(2), [];
}

impl std::fmt::Display for LlOp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

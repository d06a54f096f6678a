//! The binary contract between generated code and the runtime.
//!
//! Both the translator (rtyper, backend) and the runtime depend on this crate
//! and on nothing else for the layout of objects and the names of runtime
//! entry points, so the two sides cannot disagree.
//!
//! # Objects
//! Every GC object starts with an 8-byte header: the type id (`u32`) in the
//! low half and GC flags (`u32`) in the high half. Fields follow, each aligned
//! to its own size. A variable-sized object stores its item count as a
//! `Signed` right before the items.
//!
//! # Calling convention
//! Generated functions use the System V AMD64 convention: integer and pointer
//! arguments in rdi, rsi, rdx, rcx, r8, r9 then on the stack, result in rax.
//! A function that raises sets the runtime's pending-exception word
//! (`RPY_EXC_TYPE`) to non-zero and returns; callers check it after every call
//! that can raise and propagate by returning in turn.

/// Size of the object header in bytes.
pub const HEADER_SIZE: usize = 8;

/// Header flag: the object is a prebuilt constant in the executable's data.
pub const FLAG_PREBUILT: u32 = 1;

/// Type ids fixed by the contract, because the runtime builds such objects itself.
/// The translator numbers the program's other types from `FIRST_PROGRAM_TID`.
pub const TID_STR: u32 = 1;
/// A GC array of GC pointers (the items of a resizable list of references).
pub const TID_PTR_ARRAY: u32 = 2;
/// A resizable list of GC pointers: { length, items: *PTR_ARRAY }.
pub const TID_PTR_LIST: u32 = 3;
pub const FIRST_PROGRAM_TID: u32 = 16;

/// STR: header | hash: Signed | length: Signed | chars: [u8; length].
/// The hash is 0 until computed. Chars are not NUL-terminated.
pub mod str_layout {
    pub const HASH: usize = 8;
    pub const LENGTH: usize = 16;
    pub const CHARS: usize = 24;
}

/// PTR_ARRAY: header | length: Signed | items: [ptr; length].
pub mod ptr_array_layout {
    pub const LENGTH: usize = 8;
    pub const ITEMS: usize = 16;
}

/// PTR_LIST: header | length: Signed | items: ptr to PTR_ARRAY (capacity = its length).
pub mod ptr_list_layout {
    pub const LENGTH: usize = 8;
    pub const ITEMS: usize = 16;
    pub const SIZE: usize = 24;
}

/// Symbols the generated object defines and the runtime uses.
pub mod generated {
    /// `extern "C" fn(argv: *PTR_LIST of STR) -> i64`: the translated entry point.
    pub const ENTRY_POINT: &str = "rpy_entry_point";
}

/// Symbols the runtime defines and generated code calls or reads.
/// Signatures are given in Rust terms; every pointer is a GC object pointer.
pub mod runtime {
    /// `fn(tid: u32 as i64, size: i64) -> *mut u8`: a zeroed object with its header set.
    /// The only allocation entry point, so a real GC slots in without changing callers.
    pub const MALLOC: &str = "rpy_malloc";
    /// `static mut RPY_EXC_TYPE: usize`: non-zero while an exception is pending.
    pub const EXC_TYPE: &str = "rpy_exc_type";
    /// `fn(i64) -> *STR`: `str(i)` of an int.
    pub const INT_TO_STR: &str = "rpy_int_to_str";
    /// `fn(*STR) -> i64`: `int(s)`; raises ValueError on bad input.
    pub const STR_TO_INT: &str = "rpy_str_to_int";
    /// `fn(*STR, *STR) -> *STR`: concatenation.
    pub const STR_CONCAT: &str = "rpy_str_concat";
    /// `fn(*STR, *STR) -> i64` (0 or 1): string equality.
    pub const STR_EQ: &str = "rpy_str_eq";
    /// `fn(*STR, *STR) -> i64` (<0, 0, >0): string comparison.
    pub const STR_CMP: &str = "rpy_str_cmp";
    /// `fn(fd: i64, *STR) -> i64`: os.write; raises OSError.
    pub const OS_WRITE: &str = "rpy_os_write";
    /// `fn(*STR)`: one item of a print statement (handles the soft space).
    pub const PRINT_ITEM: &str = "rpy_print_item";
    /// `fn()`: the end of a print statement.
    pub const PRINT_NEWLINE: &str = "rpy_print_newline";
    /// `fn(name: *const u8 (NUL-terminated))`: raise a built-in exception by name.
    pub const RAISE: &str = "rpy_raise";
    /// `fn(i64, i64) -> i64`: Python `//` on machine ints; raises ZeroDivisionError.
    pub const INT_FLOORDIV: &str = "rpy_int_floordiv";
    /// `fn(i64, i64) -> i64`: Python `%` on machine ints; raises ZeroDivisionError.
    pub const INT_MOD: &str = "rpy_int_mod";
}

/// Built-in exception names the runtime can raise (`rpy_raise` accepts these).
pub const BUILTIN_EXCEPTIONS: &[&str] = &[
    "Exception",
    "ValueError",
    "IndexError",
    "KeyError",
    "ZeroDivisionError",
    "OverflowError",
    "OSError",
    "RuntimeError",
    "MemoryError",
    "AssertionError",
    "TypeError",
];

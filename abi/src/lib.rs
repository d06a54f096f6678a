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
//! A function that raises sets the runtime's pending-exception words and
//! returns: `rpy_exc_type` holds the address of the exception's class vtable
//! (see `vtable_layout`), `rpy_exc_value` the exception instance. Callers
//! check `rpy_exc_type` after every call that can raise and propagate by
//! returning in turn; a handler compares the vtable's `subclassrange_min`
//! against the range of the class it catches, then reads both words and
//! clears them.
//!
//! Built-in exceptions the runtime raises (`rpy_raise`) use the program's
//! own classes, so `except IndexError:` catches them: the generated object
//! exports `rpy_builtin_exceptions` (see `generated`), which gives, for each
//! name of `BUILTIN_EXCEPTIONS`, the vtable and a prebuilt instance of that
//! class (null when the program never catches it). For the others the
//! runtime uses its own records: vtable-shaped, with an empty subclass range
//! (-1..-1, matching no handler) and a null name.

/// Size of the object header in bytes.
pub const HEADER_SIZE: usize = 8;

/// Header flag: the object is a prebuilt constant in the executable's data.
pub const FLAG_PREBUILT: u32 = 1;
/// Header flag of the generational GC: stores of GC pointers into the
/// object must call the write barrier's slow path (old and prebuilt objects).
pub const FLAG_TRACK_YOUNG_PTRS: u32 = 1 << 1;
/// Header flag of the generational GC, prebuilt objects only: no pointer was
/// stored into it at run time yet.
pub const FLAG_NO_HEAP_PTRS: u32 = 1 << 2;
/// The largest object generated code allocates with the inline nursery fast
/// path (the `gc` crate's `INLINE_ALLOC_MAX`: a quarter of the smallest nursery).
pub const GC_INLINE_ALLOC_MAX: usize = (64 << 10) / 4;
/// The flags of every prebuilt object's header.
pub const PREBUILT_FLAGS: u32 = FLAG_PREBUILT | FLAG_TRACK_YOUNG_PTRS | FLAG_NO_HEAP_PTRS;

/// Type ids fixed by the contract, because the runtime builds such objects itself.
/// The translator numbers the program's other types from `FIRST_PROGRAM_TID`.
pub const TID_STR: u32 = 1;
/// A GC array of GC pointers (the items of a resizable list of references).
pub const TID_PTR_ARRAY: u32 = 2;
/// A resizable list of GC pointers: { length, items: *PTR_ARRAY }.
pub const TID_PTR_LIST: u32 = 3;
/// A GC array of words (the runtime's dict tables).
pub const TID_WORD_ARRAY: u32 = 4;
/// A dict (`dict_layout`).
pub const TID_DICT: u32 = 5;
/// UNICODE (`unicode_layout`): like STR with 4-byte code points.
pub const TID_UNICODE: u32 = 6;
/// STAT (`stat_layout`): what os.stat() and os.fstat() give.
pub const TID_STAT: u32 = 7;
/// The entries arrays of dicts (`dict_entries_layout`), one type id per
/// (keys are GC pointers, values are GC pointers): `dict_entries_tid`.
pub const TID_DICT_ENTRIES: u32 = 8;

/// The type id of the entries array of a dict whose keys / values are GC pointers.
pub const fn dict_entries_tid(key_is_ptr: bool, value_is_ptr: bool) -> u32 {
    TID_DICT_ENTRIES + key_is_ptr as u32 + 2 * value_is_ptr as u32
}
pub const FIRST_PROGRAM_TID: u32 = 16;

/// DICT: header | length (live entries) | used (entry slots used) |
/// entries: *DICT_ENTRIES in insertion order | index: *WORD_ARRAY (open
/// addressing; entry number + 1, 0 empty, -1 deleted; null in a prebuilt
/// dict until the runtime's first lookup builds it) | entries_tid: the type
/// id to allocate entries arrays with (`dict_entries_tid`). Keys and values
/// are words: ints, bools and chars widened, pointers as addresses.
pub mod dict_layout {
    pub const LENGTH: usize = 8;
    pub const USED: usize = 16;
    pub const ENTRIES: usize = 24;
    pub const INDEX: usize = 32;
    pub const ENTRIES_TID: usize = 40;
    pub const SIZE: usize = 48;
}

/// DICT_ENTRIES: header | length: Signed (entries) | entries: [(key,
/// value, live); length], each a word.
pub mod dict_entries_layout {
    pub const LENGTH: usize = 8;
    pub const ITEMS: usize = 16;
    pub const ENTRY_SIZE: usize = 24;
    pub const KEY: usize = 0;
    pub const VALUE: usize = 8;
    pub const LIVE: usize = 16;
}

/// The key functions of a dict whose keys compare by a program's own rules
/// (tuples, r_dict): a prebuilt struct holding the addresses of
/// `eq(a, b) -> Bool` and `hash(a) -> Signed`, passed as the dict `kind`.
pub mod key_funcs_layout {
    pub const EQ: usize = 8;
    pub const HASH: usize = 16;
}

/// STR: header | hash: Signed | length: Signed | chars: [u8; length].
/// The hash is 0 until computed. Chars are not NUL-terminated.
pub mod str_layout {
    pub const HASH: usize = 8;
    pub const LENGTH: usize = 16;
    pub const CHARS: usize = 24;
}

/// UNICODE: header | hash: Signed | length: Signed | chars: [u32; length].
pub mod unicode_layout {
    pub const HASH: usize = 8;
    pub const LENGTH: usize = 16;
    pub const CHARS: usize = 24;
}

/// STAT: header | the `STAT_FIELDS` in order, each a word (the times are
/// doubles).
pub mod stat_layout {
    pub const SIZE: usize = 8 + 8 * super::STAT_FIELDS.len();
}

/// The fields of os.stat()'s result, in order; the last three are floats.
pub const STAT_FIELDS: &[&str] =
    &["st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", "st_atime", "st_mtime", "st_ctime"];

/// PTR_ARRAY: header | length: Signed | items: [ptr; length].
pub mod ptr_array_layout {
    pub const LENGTH: usize = 8;
    pub const ITEMS: usize = 16;
}

/// PTR_LIST: header | length: Signed | items: ptr to PTR_ARRAY (capacity = its length).
/// This is the layout of every resizable list (items of 1 or 8 bytes). A
/// list the program never resizes is a fixed-size list: the items array
/// alone (`ptr_array_layout`), its length word at the same offset. The
/// runtime tells the two apart by the type id (arrays are varsize in the
/// type table); its list helpers that build a list take a list type id of 0
/// to build a fixed-size one.
pub mod ptr_list_layout {
    pub const LENGTH: usize = 8;
    pub const ITEMS: usize = 16;
    pub const SIZE: usize = 24;
}

/// Instances of user classes: header | typeptr: *VTABLE | fields. A
/// subclass's struct starts with its base's fields (a prefix), so a
/// pointer to it is also a valid pointer to the base.
pub mod instance_layout {
    /// The instance's class: the address of its vtable.
    pub const TYPEPTR: usize = 8;
}

/// A class's vtable (a prebuilt object in the generated data): header |
/// subclassrange_min | subclassrange_max | name: *STR | method slots.
/// Classes are numbered in preorder of the inheritance tree, so `C` is an
/// instance of `B` iff `B.min <= C.min <= B.max`. A subclass's vtable starts
/// with its base's slots (a prefix).
pub mod vtable_layout {
    pub const SUBCLASSRANGE_MIN: usize = 8;
    pub const SUBCLASSRANGE_MAX: usize = 16;
    /// The class name (a STR), for error reports.
    pub const NAME: usize = 24;
    /// The first method slot (a function address).
    pub const FIRST_SLOT: usize = 32;
}

/// Symbols the generated object defines and the runtime uses.
pub mod generated {
    /// `extern "C" fn(argv: *PTR_LIST of STR) -> i64`: the translated entry point.
    pub const ENTRY_POINT: &str = "rpy_entry_point";
    /// A GC array of `Signed` (header | length | items): for each index `i`
    /// of `BUILTIN_EXCEPTIONS`, item `2i` is the address of the class's
    /// vtable and item `2i + 1` a prebuilt instance; null (or an index past
    /// the length) when the program does not have that class. The backend
    /// emits an empty table when the program exports none.
    pub const BUILTIN_EXCEPTIONS_TABLE: &str = "rpy_builtin_exceptions";
    /// A GC array of `Signed`: the OSError instance layout — its type id,
    /// size, and the offsets of its `errno` (Signed) and `strerror` (*STR,
    /// 0 when the program never reads it) fields — so the runtime raises
    /// OSErrors carrying them; empty when the program never reads errno
    /// (the backend emits an empty one).
    pub const OSERROR_LAYOUT: &str = "rpy_oserror_layout";
    /// A u64: the collector the program was translated for (`GC_NONE`,
    /// `GC_GENERATIONAL`); the runtime allocates accordingly.
    pub const GC_KIND: &str = "rpy_gc_kind";
    pub const GC_NONE: u64 = 0;
    pub const GC_GENERATIONAL: u64 = 1;
    /// The GC type table (`gc` crate docs: an array of 40-byte entries
    /// indexed by type id) and its entry count (a u64).
    pub const TYPE_INFO: &str = "rpy_type_info";
    pub const TYPE_INFO_COUNT: &str = "rpy_type_info_count";
}

/// The collector's symbols that generated code uses (the `gc` crate defines
/// them and documents the contract).
pub mod gc {
    /// The collector's state; its first words are the nursery's free
    /// pointer (`+0`), its top (`+8`) and the shadow stack's top (`+16`).
    pub const STATE: &str = "rpy_gc";
    pub const NURSERY_FREE: i32 = 0;
    pub const NURSERY_TOP: i32 = 8;
    pub const ROOT_STACK_TOP: i32 = 16;
    /// `fn(size) -> *mut u8`: the slow path of the inline allocation (null: MemoryError).
    pub const COLLECT_AND_RESERVE: &str = "rpy_gc_collect_and_reserve";
    /// `fn(tid, size) -> *mut u8`, header written (null: MemoryError).
    pub const MALLOC: &str = "rpy_gc_malloc";
    /// `fn(tid, length) -> *mut u8`, header and length written (null: MemoryError).
    pub const MALLOC_VARSIZE: &str = "rpy_gc_malloc_varsize";
    /// `fn(obj)`: the write barrier's slow path.
    pub const REMEMBER_YOUNG_POINTER: &str = "rpy_gc_remember_young_pointer";
    /// `fn(obj, index)`: the write barrier's slow path for an item store.
    pub const REMEMBER_YOUNG_POINTER_FROM_ARRAY: &str = "rpy_gc_remember_young_pointer_from_array";
}

/// Symbols the runtime defines and generated code calls or reads.
/// Signatures are given in Rust terms; every pointer is a GC object pointer.
pub mod runtime {
    /// `fn(tid: u32 as i64, size: i64) -> *mut u8`: a zeroed object with its header set.
    /// The only allocation entry point, so a real GC slots in without changing callers.
    pub const MALLOC: &str = "rpy_malloc";
    /// `static mut rpy_exc_type: usize`: non-zero while an exception is
    /// pending: the address of its class's vtable.
    pub const EXC_TYPE: &str = "rpy_exc_type";
    /// `static mut rpy_exc_value: usize`: the pending exception instance
    /// (null for the runtime's own records).
    pub const EXC_VALUE: &str = "rpy_exc_value";
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
    /// `fn(*const c_char)`: the function being left with a pending
    /// exception adds its traceback entry (`traceback_entry`).
    pub const TRACEBACK_RECORD: &str = "rpy_traceback_record";
    /// `usize` (static): the number of traceback entries; a handler that
    /// catches an exception sets it to 0.
    pub const TRACEBACK_LEN: &str = "rpy_tb_len";
    /// `fn(c: i64) -> *STR`: a one-character str.
    pub const CHAR_TO_STR: &str = "rpy_char_to_str";
    /// `fn(*STR, i64) -> i64`: a str index made non-negative; raises IndexError.
    pub const STR_CHECK_INDEX: &str = "rpy_str_check_index";
    /// `fn(*STR, start, stop) -> *STR`: `s[start:stop]` (no stop: `i64::MAX`).
    pub const STR_SLICE: &str = "rpy_str_slice";
    // Str methods (`strmeth` in the runtime).
    /// `fn(s, sub, start, end, reverse) -> i64`: find / rfind (-1 if absent).
    pub const STR_FIND: &str = "rpy_str_find";
    /// `fn(s, sub, start, end) -> i64`
    pub const STR_COUNT: &str = "rpy_str_count";
    /// `fn(s, affix, at_end) -> i64`: startswith / endswith.
    pub const STR_STARTSWITH: &str = "rpy_str_startswith";
    /// `fn(s, chars or null, which: 1 left, 2 right, 3 both) -> *STR`
    pub const STR_STRIP: &str = "rpy_str_strip";
    /// `fn(s, sep or null, maxsplit, reverse, ltid) -> *LIST of STR`; `ltid`
    /// is `TID_PTR_LIST`, or 0 for a fixed-size list.
    pub const STR_SPLIT: &str = "rpy_str_split";
    /// `fn(s, keepends, ltid) -> *LIST of STR`
    pub const STR_SPLITLINES: &str = "rpy_str_splitlines";
    /// `fn(sep, *LIST, isz) -> *STR`: items are STRs (8) or chars (1).
    pub const STR_JOIN: &str = "rpy_str_join";
    /// `fn(s, old, new) -> *STR`
    pub const STR_REPLACE: &str = "rpy_str_replace";
    /// `fn(s, upper) -> *STR`
    pub const STR_CASE: &str = "rpy_str_case";
    /// `fn(s, what) -> i64`: isdigit 0, isalpha 1, isalnum 2, isspace 3, isupper 4, islower 5.
    pub const STR_TEST: &str = "rpy_str_test";
    /// `fn(i, base (8 or 16), upper) -> *STR`: `%o`, `%x`, `%X`.
    pub const INT_FORMAT: &str = "rpy_int_format";
    /// `fn(i, base (8 or 16)) -> *STR`: `oct(i)` / `hex(i)`.
    pub const INT_PREFIXED: &str = "rpy_int_prefixed";
    /// `fn(s, width, flags: 1 left-align, 2 zero-pad) -> *STR`
    pub const STR_PAD: &str = "rpy_str_pad";
    /// `fn(s) -> *STR`: `repr()` of a str.
    pub const STR_REPR: &str = "rpy_str_repr";
    /// `fn(s, n) -> *STR`: `s * n`.
    pub const STR_MUL: &str = "rpy_str_mul";
    // Lists (`lists` in the runtime): every list has the layout of
    // `ptr_list_layout` and its items array that of `ptr_array_layout`, with
    // items of `isz` bytes; `ltid` / `atid` are the type ids to allocate the
    // list and array with.
    /// `fn(ltid, atid, len, isz) -> *LIST`: a list of `len` zeroed items
    /// (`ltid` 0: fixed-size, as for every helper below that builds a list).
    pub const LIST_NEW: &str = "rpy_list_new";
    /// `fn(*LIST, newlen, atid, isz)`: sets the length, growing the array.
    pub const LIST_RESIZE: &str = "rpy_list_resize";
    /// `fn(*LIST, i64) -> i64`: an index made non-negative; raises IndexError.
    pub const LIST_CHECK_INDEX: &str = "rpy_list_check_index";
    /// `fn(*LIST, i64, atid, isz) -> i64`: room for `list.insert(i, x)`; returns the slot.
    pub const LIST_INSERT_ROOM: &str = "rpy_list_insert_room";
    /// `fn(*LIST, i64, isz)`: removes the item at a checked index.
    pub const LIST_DELETE: &str = "rpy_list_delete";
    /// `fn(*LIST, *LIST, atid, isz)`: `l.extend(other)`.
    pub const LIST_EXTEND: &str = "rpy_list_extend";
    /// `fn(*LIST, *LIST, ltid, atid, isz) -> *LIST`: `a + b`.
    pub const LIST_CONCAT: &str = "rpy_list_concat";
    /// `fn(*LIST, i64, ltid, atid, isz) -> *LIST`: `a * n`.
    pub const LIST_REPEAT: &str = "rpy_list_repeat";
    /// `fn(*LIST, start, stop, ltid, atid, isz) -> *LIST`: `l[start:stop]`.
    pub const LIST_SLICE: &str = "rpy_list_slice";
    /// `fn(*LIST, start, stop, *LIST, isz)`: equal-length slice assignment; raises ValueError.
    pub const LIST_SETSLICE: &str = "rpy_list_setslice";
    /// `fn(*LIST, start, stop, isz)`: `del l[start:stop]`.
    pub const LIST_DELSLICE: &str = "rpy_list_delslice";
    /// `fn(*LIST, kind) -> *STR`: `str()` of a list of ints (kind 0), bools
    /// (1), chars (2) or strs (3).
    pub const LIST_REPR: &str = "rpy_list_repr";
    // Dicts (`dicts` in the runtime); `kind` is 1 for str keys (compared by
    // contents), 2 for other GC pointer keys (instances: by identity), 0 for
    // word keys (ints, chars, bools), or the address of a prebuilt
    // `key_funcs_layout` struct.
    /// `fn(entries_tid) -> *DICT` (`dict_entries_tid`)
    pub const DICT_NEW: &str = "rpy_dict_new";
    /// `fn(*DICT, key, kind) -> i64`: the entry number, or -1.
    pub const DICT_LOOKUP: &str = "rpy_dict_lookup";
    /// `fn(*DICT, key, kind) -> value`: raises KeyError.
    pub const DICT_GETITEM: &str = "rpy_dict_getitem";
    /// `fn(*DICT, key, value, kind)`
    pub const DICT_SETITEM: &str = "rpy_dict_setitem";
    /// `fn(*DICT, key, kind)`: raises KeyError.
    pub const DICT_DELITEM: &str = "rpy_dict_delitem";
    /// `fn(*DICT, i) -> i64`: the first live entry number >= i, or -1.
    pub const DICT_NEXT: &str = "rpy_dict_next";
    /// `fn(*DICT, e) -> key` and `-> value` of a live entry.
    pub const DICT_KEY_AT: &str = "rpy_dict_key_at";
    pub const DICT_VALUE_AT: &str = "rpy_dict_value_at";
    /// `fn(*DICT) -> i64`: the last live entry (what popitem() removes);
    /// raises KeyError for an empty dict.
    pub const DICT_LAST: &str = "rpy_dict_last";
    /// `fn(*STR) -> i64`: the hash str keys use (also for tuple keys' items).
    pub const STR_HASH: &str = "rpy_str_hash";
    /// `fn(*DICT)`
    pub const DICT_CLEAR: &str = "rpy_dict_clear";
    /// `fn(*DICT, key, default, kind) -> value`
    pub const DICT_GET: &str = "rpy_dict_get";
    /// `fn(*DICT, key, default, kind) -> value`
    pub const DICT_SETDEFAULT: &str = "rpy_dict_setdefault";
    /// `fn(*DICT, key, default, has_default, kind) -> value`: raises KeyError.
    pub const DICT_POP: &str = "rpy_dict_pop";
    /// `fn(*DICT, *DICT, kind)`
    pub const DICT_UPDATE: &str = "rpy_dict_update";
    /// `fn(*DICT, kind) -> *DICT`
    pub const DICT_COPY: &str = "rpy_dict_copy";
    /// `fn(*DICT, which (0 keys, 1 values), ltid, atid, isz) -> *LIST`
    pub const DICT_LIST: &str = "rpy_dict_list";
    /// `fn(*DICT, ltid, atid, ttid, tsize, koff, ksize, voff, vsize) -> *LIST`
    /// of (key, value) tuples.
    pub const DICT_ITEMS: &str = "rpy_dict_items";
    /// `fn(start, stop, step, ltid, atid) -> *LIST`: `range()` as a list of
    /// ints; raises ValueError for a zero step.
    pub const LIST_RANGE: &str = "rpy_list_range";
    /// `fn(*STR, ltid, atid) -> *LIST`: `list(s)`, a list of chars.
    pub const STR_TO_LIST: &str = "rpy_str_to_list";
    /// `fn(*LIST, isz)`: `l.reverse()`.
    pub const LIST_REVERSE: &str = "rpy_list_reverse";
    /// `fn(u64, u64) -> u64`: `//` and `%` on r_uint; raise ZeroDivisionError.
    pub const UINT_FLOORDIV: &str = "rpy_uint_floordiv";
    pub const UINT_MOD: &str = "rpy_uint_mod";
    /// Floats (`runtime/src/floats.rs`): `fn(f64) -> *STR` str() and repr(),
    /// `fn(*STR) -> f64` float(s) (ValueError), `fn(f64) -> i64` int(x)
    /// (ValueError, OverflowError), `fn(f64, f64) -> f64` / // %
    /// (ZeroDivisionError), `fn(f64, *STR spec) -> *STR` one `%` conversion.
    pub const FLOAT_TO_STR: &str = "rpy_float_to_str";
    pub const FLOAT_REPR: &str = "rpy_float_repr";
    pub const STR_TO_FLOAT: &str = "rpy_str_to_float";
    pub const FLOAT_TO_INT: &str = "rpy_float_to_int";
    pub const FLOAT_TRUEDIV: &str = "rpy_float_truediv";
    pub const FLOAT_FLOORDIV: &str = "rpy_float_floordiv";
    pub const FLOAT_MOD: &str = "rpy_float_mod";
    pub const FLOAT_FORMAT: &str = "rpy_float_format";
    /// `fn(f64, f64) -> f64`: min() and max() as Python's (NaN rules included).
    pub const FLOAT_MIN: &str = "rpy_float_min";
    /// `fn(f64) -> f64`: r_singlefloat(x), the nearest C float; OverflowError
    /// for a finite value beyond its range.
    pub const ROUND_TO_SINGLE: &str = "rpy_round_to_single";
    pub const FLOAT_MAX: &str = "rpy_float_max";
    /// rpython.rlib.rfloat: `fn(f64, code, precision, flags) -> *STR`
    /// formatd, `fn(f64) -> i64` the kind double_to_string returns,
    /// `fn(f64, ndigits, half_even) -> f64` round_double.
    pub const RFLOAT_FORMATD: &str = "rpy_rfloat_formatd";
    pub const RFLOAT_DIST: &str = "rpy_rfloat_dist";
    pub const RFLOAT_ROUND_DOUBLE: &str = "rpy_rfloat_round_double";
    /// `math.frexp` and `math.modf` give pairs: one function per half.
    pub const MATH_FREXP_MANTISSA: &str = "rpy_math_frexp_mantissa";
    pub const MATH_FREXP_EXPONENT: &str = "rpy_math_frexp_exponent";
    pub const MATH_MODF_FRAC: &str = "rpy_math_modf_frac";
    pub const MATH_MODF_INT: &str = "rpy_math_modf_int";
    /// unicode (`runtime/src/unicode.rs`), the str functions' counterparts:
    /// concat, eq (0/1), cmp (<0, 0, >0), slice, check_index (IndexError),
    /// getitem (a one-character unicode), mul, find, count, contains,
    /// encode (`*UNICODE, *STR encoding -> *STR`, UnicodeEncodeError),
    /// str decode (`*STR, *STR encoding -> *UNICODE`, UnicodeDecodeError),
    /// unichr (ValueError), ord (TypeError unless one character).
    pub const UNICODE_CONCAT: &str = "rpy_unicode_concat";
    pub const UNICODE_EQ: &str = "rpy_unicode_eq";
    pub const UNICODE_CMP: &str = "rpy_unicode_cmp";
    pub const UNICODE_SLICE: &str = "rpy_unicode_slice";
    pub const UNICODE_GETITEM: &str = "rpy_unicode_getitem";
    pub const UNICODE_MUL: &str = "rpy_unicode_mul";
    pub const UNICODE_FIND: &str = "rpy_unicode_find";
    pub const UNICODE_COUNT: &str = "rpy_unicode_count";
    pub const UNICODE_CONTAINS: &str = "rpy_unicode_contains";
    pub const UNICODE_ENCODE: &str = "rpy_unicode_encode";
    pub const STR_DECODE: &str = "rpy_str_decode";
    pub const UNICHR: &str = "rpy_unichr";
    /// `fn(u, p, end) -> i64`; `fn(u, sep|null, maxsplit, reverse, ltid, atid)
    /// -> *LIST`; `fn(sep, *LIST) -> u`; `fn(u, old, new) -> u`;
    /// `fn(u, chars|null, which) -> u` (1 left, 2 right, 3 both).
    pub const UNICODE_STARTSWITH: &str = "rpy_unicode_startswith";
    pub const UNICODE_SPLIT: &str = "rpy_unicode_split";
    pub const UNICODE_JOIN: &str = "rpy_unicode_join";
    pub const UNICODE_REPLACE: &str = "rpy_unicode_replace";
    pub const UNICODE_STRIP: &str = "rpy_unicode_strip";
    pub const UNICODE_ORD: &str = "rpy_unicode_ord";
    /// `fn(*STR, *STR default) -> *STR`: os.getenv, os.environ.get (null: None).
    pub const OS_GETENV: &str = "rpy_os_getenv";
    /// `fn(*STR) -> i64`, `fn(f64) -> i64`: objectmodel.compute_hash of a
    /// str (Python 2's string hash) and of a float; `fn(obj) -> i64`: the
    /// identity hash of an object (compute_identity_hash, compute_unique_id).
    pub const COMPUTE_HASH_STR: &str = "rpy_compute_hash_str";
    pub const COMPUTE_HASH_FLOAT: &str = "rpy_compute_hash_float";
    pub const IDENTITY_HASH: &str = "rpy_identity_hash";
    /// `fn()`: `rgc.collect()`, a full collection (nothing without a collector).
    pub const GC_COLLECT: &str = "rpy_collect";
    /// `fn(*STR) -> *STAT`, `fn(i64) -> *STAT`: os.stat, os.fstat (OSError).
    pub const OS_STAT: &str = "rpy_os_stat";
    pub const OS_FSTAT: &str = "rpy_os_fstat";
    /// `fn(*STR) -> *STR`: `os.environ[k]`; raises KeyError when unset.
    pub const OS_ENVIRON_GETITEM: &str = "rpy_os_environ_getitem";
    /// `fn(*STR)`: text of a `print()` call, written as is (clears the soft space).
    pub const PRINT_TEXT: &str = "rpy_print_text";
    /// `fn(*STR, i64) -> i64`: `int(s, base)`; raises ValueError on bad input.
    pub const STR_TO_INT_BASE: &str = "rpy_str_to_int_base";
    /// `fn(*INSTANCE) -> *STR`: `str()` of an instance, `<Name object at 0x...>`.
    pub const INSTANCE_STR: &str = "rpy_instance_str";
    /// `fn(u64) -> *STR`: `str()` of an r_uint.
    pub const UINT_TO_STR: &str = "rpy_uint_to_str";
    /// `fn(i64, i64) -> i64` (`fn(i64) -> i64` for neg): `ovfcheck(x OP y)`,
    /// raising OverflowError (ZeroDivisionError, ValueError) like Python.
    pub const INT_ADD_OVF: &str = "rpy_int_add_ovf";
    pub const INT_SUB_OVF: &str = "rpy_int_sub_ovf";
    pub const INT_MUL_OVF: &str = "rpy_int_mul_ovf";
    pub const INT_NEG_OVF: &str = "rpy_int_neg_ovf";
    pub const INT_LSHIFT_OVF: &str = "rpy_int_lshift_ovf";
    pub const INT_FLOORDIV_OVF: &str = "rpy_int_floordiv_ovf";
    pub const INT_MOD_OVF: &str = "rpy_int_mod_ovf";
}

/// Built-in exception names the runtime can raise (`rpy_raise` accepts
/// these); their order is the index in `rpy_builtin_exceptions`.
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
    "StopIteration",
    "NotImplementedError",
    "UnicodeEncodeError",
    "UnicodeDecodeError",
];

/// Built-in functions of `os`, `os.path`, `time` and `math` that translate
/// to one runtime call each: their Python name, runtime symbol, parameters and
/// result. The annotator types calls from this table and the rtyper emits
/// them, so adding one is a line here plus the runtime function.
pub mod call_builtins {
    /// How a parameter or result is passed: Int an i64, Str a `*STR`
    /// (StrOrNone may be null), Bool a byte, Float an f64, StrList a
    /// `*PTR_LIST` of STR, Void nothing.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Kind {
        Int,
        Str,
        StrOrNone,
        Bool,
        Float,
        StrList,
        Void,
    }

    pub struct CallBuiltin {
        pub name: &'static str,
        pub symbol: &'static str,
        pub params: &'static [Kind],
        /// Values of the last `defaults.len()` Int parameters when omitted
        /// (an omitted trailing StrOrNone parameter is None).
        pub defaults: &'static [i64],
        pub result: Kind,
    }

    use Kind::*;

    macro_rules! call_builtins {
        ($( $name:literal => $symbol:literal ( $($p:ident),* ) $([defaults $($d:expr),*])? -> $r:ident; )*) => {
            pub const CALL_BUILTINS: &[CallBuiltin] = &[
                $( CallBuiltin { name: $name, symbol: $symbol, params: &[$($p),*], defaults: &[$($($d),*)?], result: $r }, )*
            ];
        };
    }

    // Each raises OSError when the system call fails.
    call_builtins! {
        "os.open" => "rpy_os_open"(Str, Int, Int) [defaults 0o777] -> Int;
        "os.read" => "rpy_os_read"(Int, Int) -> Str;
        "os.close" => "rpy_os_close"(Int) -> Void;
        "os.lseek" => "rpy_os_lseek"(Int, Int, Int) -> Int;
        "os.getpid" => "rpy_os_getpid"() -> Int;
        "os.getcwd" => "rpy_os_getcwd"() -> Str;
        "os.chdir" => "rpy_os_chdir"(Str) -> Void;
        "os.mkdir" => "rpy_os_mkdir"(Str, Int) [defaults 0o777] -> Void;
        "os.rmdir" => "rpy_os_rmdir"(Str) -> Void;
        "os.unlink" => "rpy_os_unlink"(Str) -> Void;
        "os.remove" => "rpy_os_unlink"(Str) -> Void;
        "os.rename" => "rpy_os_rename"(Str, Str) -> Void;
        "os.listdir" => "rpy_os_listdir"(Str) -> StrList;
        "os.isatty" => "rpy_os_isatty"(Int) -> Bool;
        "os.dup" => "rpy_os_dup"(Int) -> Int;
        "os.ftruncate" => "rpy_os_ftruncate"(Int, Int) -> Void;
        "os.fsync" => "rpy_os_fsync"(Int) -> Void;
        "os.system" => "rpy_os_system"(Str) -> Int;
        "os.getenv" => "rpy_os_getenv"(Str, StrOrNone) -> StrOrNone;
        "os.path.exists" => "rpy_os_path_exists"(Str) -> Bool;
        "os.path.isdir" => "rpy_os_path_isdir"(Str) -> Bool;
        "os.path.isfile" => "rpy_os_path_isfile"(Str) -> Bool;
        "os.path.getsize" => "rpy_os_path_getsize"(Str) -> Int;
        "os.path.join" => "rpy_os_path_join"(Str, Str) -> Str;
        "time.time" => "rpy_time_time"() -> Float;
        "time.clock" => "rpy_time_clock"() -> Float;
        // math: ValueError for domain errors, OverflowError for overflows.
        "math.sqrt" => "rpy_math_sqrt"(Float) -> Float;
        "math.exp" => "rpy_math_exp"(Float) -> Float;
        "math.expm1" => "rpy_math_expm1"(Float) -> Float;
        "math.log" => "rpy_math_log"(Float) -> Float;
        "math.log10" => "rpy_math_log10"(Float) -> Float;
        "math.log1p" => "rpy_math_log1p"(Float) -> Float;
        "math.sin" => "rpy_math_sin"(Float) -> Float;
        "math.cos" => "rpy_math_cos"(Float) -> Float;
        "math.tan" => "rpy_math_tan"(Float) -> Float;
        "math.asin" => "rpy_math_asin"(Float) -> Float;
        "math.acos" => "rpy_math_acos"(Float) -> Float;
        "math.atan" => "rpy_math_atan"(Float) -> Float;
        "math.sinh" => "rpy_math_sinh"(Float) -> Float;
        "math.cosh" => "rpy_math_cosh"(Float) -> Float;
        "math.tanh" => "rpy_math_tanh"(Float) -> Float;
        "math.asinh" => "rpy_math_asinh"(Float) -> Float;
        "math.acosh" => "rpy_math_acosh"(Float) -> Float;
        "math.atanh" => "rpy_math_atanh"(Float) -> Float;
        "math.floor" => "rpy_math_floor"(Float) -> Float;
        "math.ceil" => "rpy_math_ceil"(Float) -> Float;
        "math.fabs" => "rpy_math_fabs"(Float) -> Float;
        "math.degrees" => "rpy_math_degrees"(Float) -> Float;
        "math.radians" => "rpy_math_radians"(Float) -> Float;
        "math.atan2" => "rpy_math_atan2"(Float, Float) -> Float;
        "math.hypot" => "rpy_math_hypot"(Float, Float) -> Float;
        "math.copysign" => "rpy_math_copysign"(Float, Float) -> Float;
        "math.pow" => "rpy_math_pow"(Float, Float) -> Float;
        "math.fmod" => "rpy_math_fmod"(Float, Float) -> Float;
        "math.ldexp" => "rpy_math_ldexp"(Float, Int) -> Float;
        "math.isinf" => "rpy_math_isinf"(Float) -> Bool;
        "math.isnan" => "rpy_math_isnan"(Float) -> Bool;
    }

    pub fn call_builtin_entry(name: &str) -> Option<&'static CallBuiltin> {
        CALL_BUILTINS.iter().find(|b| b.name == name)
    }

    impl CallBuiltin {
        /// How many arguments a call may give.
        pub fn arity(&self) -> std::ops::RangeInclusive<usize> {
            let optional = self.params.iter().rev().take_while(|k| **k == StrOrNone).count().max(self.defaults.len());
            self.params.len() - optional..=self.params.len()
        }
    }
}

/// The traceback line of a function the generated code leaves with an
/// exception pending (its name and the line of its `def`).
pub fn traceback_entry(function: &str, line: u32) -> String {
    format!("  in {} (line {})", function, line)
}

//! The object header: type id in the low `u32`, GC flags in the high `u32`
//! (little-endian, so the flags are the 4 bytes at offset 4).
//!
//! Safety of every accessor: `obj` points to an object header.
#![allow(clippy::missing_safety_doc)]

/// The object is a prebuilt constant in the executable's data (`abi::FLAG_PREBUILT`).
pub const PREBUILT: u32 = abi::FLAG_PREBUILT;
/// Set on old and prebuilt objects that the write barrier must watch: storing
/// a GC pointer into such an object calls the barrier's slow path. Clear on
/// young objects and on old objects already in the remembered set.
pub const TRACK_YOUNG_PTRS: u32 = abi::FLAG_TRACK_YOUNG_PTRS;
/// Prebuilt only: no GC pointer was ever stored into the object at run time,
/// so it points to prebuilt objects at most (it is not a root of major collections).
pub const NO_HEAP_PTRS: u32 = abi::FLAG_NO_HEAP_PTRS;
/// The object has a card table in the bytes just before its header.
pub const HAS_CARDS: u32 = 1 << 3;
/// At least one card is marked; the object is in the list of arrays with cards set.
pub const CARDS_SET: u32 = 1 << 4;
/// Major collection: the object was reached. Clear outside a major collection.
pub const MARKED: u32 = 1 << 5;
/// Minor collection: the nursery object was copied; word 1 holds the copy's address.
pub const FORWARDED: u32 = 1 << 6;
/// A nursery object whose identity hash was taken: its old-generation copy
/// (its "shadow", whose address is the hash) is reserved already.
pub const HAS_SHADOW: u32 = 1 << 7;
/// A large object allocated outside the nursery since the last minor
/// collection: young (no write barrier) but never moved.
pub const YOUNG_LARGE: u32 = 1 << 8;

/// The flags the backend writes into the header of every prebuilt object.
pub const PREBUILT_FLAGS: u32 = abi::PREBUILT_FLAGS;

#[inline(always)]
pub unsafe fn tid(obj: *const u8) -> u32 {
    (obj as *const u32).read()
}
#[inline(always)]
pub unsafe fn flags(obj: *const u8) -> u32 {
    (obj as *const u32).add(1).read()
}
#[inline(always)]
pub unsafe fn set_flags(obj: *mut u8, f: u32) {
    (obj as *mut u32).add(1).write(f)
}
#[inline(always)]
pub unsafe fn add_flags(obj: *mut u8, f: u32) {
    set_flags(obj, flags(obj) | f)
}
#[inline(always)]
pub unsafe fn clear_flags(obj: *mut u8, f: u32) {
    set_flags(obj, flags(obj) & !f)
}
/// The whole header word.
#[inline(always)]
pub unsafe fn word(obj: *const u8) -> u64 {
    (obj as *const u64).read()
}
#[inline(always)]
pub const fn make(tid: u32, flags: u32) -> u64 {
    tid as u64 | (flags as u64) << 32
}

//! Object allocation: the one entry point `rpy_malloc`, and what the
//! runtime's own code needs of the collector.
//!
//! The program says which collector it was translated for
//! (`abi::generated::GC_KIND`): the generational one of the `gc` crate, or a
//! bump allocator over large zeroed chunks that never frees (`--gc=none`).
//!
//! The rules for runtime code under the moving collector: any allocation
//! may move every young object, so a function that holds a GC pointer
//! across an allocation keeps it with `keep` (the shadow stack) and uses the
//! updated value afterwards; and a store of a GC pointer into an object that
//! was not allocated since the last allocation goes after `write_barrier`
//! (a bulk copy of pointers into an array too).

use crate::io;
use std::alloc::{alloc_zeroed, Layout};

/// Size of the chunks small objects are carved from.
const CHUNK_SIZE: usize = 4 << 20;
/// Objects bigger than this get a chunk of their own, so a big object does
/// not waste the rest of the current chunk.
const LARGE_OBJECT: usize = CHUNK_SIZE / 4;
/// Every object is 8-byte aligned, so the header and fields are too.
const ALIGN: usize = 8;

/// The free part of the current chunk: `[next, end)`.
struct Bump {
    next: usize,
    end: usize,
}

#[cfg(not(test))]
static mut BUMP: Bump = Bump { next: 0, end: 0 };

/// The allocator state. The program is single-threaded; the test harness is
/// not, so under test each thread gets its own bump region.
#[cfg(not(test))]
fn with_bump<R>(f: impl FnOnce(&mut Bump) -> R) -> R {
    f(unsafe { &mut *std::ptr::addr_of_mut!(BUMP) })
}

#[cfg(test)]
fn with_bump<R>(f: impl FnOnce(&mut Bump) -> R) -> R {
    thread_local!(static BUMP: std::cell::RefCell<Bump> = const { std::cell::RefCell::new(Bump { next: 0, end: 0 }) });
    BUMP.with(|b| f(&mut b.borrow_mut()))
}

/// Fresh zeroed memory from the system, or None.
fn system_zeroed(size: usize) -> Option<usize> {
    let layout = Layout::from_size_align(size, ALIGN).ok()?;
    let p = unsafe { alloc_zeroed(layout) };
    if p.is_null() {
        None
    } else {
        Some(p as usize)
    }
}

/// `size` bytes of zeroed, 8-aligned memory (size already rounded), or None.
fn allocate(size: usize) -> Option<usize> {
    if size > LARGE_OBJECT {
        return system_zeroed(size);
    }
    with_bump(|b| {
        if b.end - b.next < size {
            // The tail of the old chunk is abandoned: it is small by construction.
            let chunk = system_zeroed(CHUNK_SIZE)?;
            b.next = chunk;
            b.end = chunk + CHUNK_SIZE;
        }
        let p = b.next;
        b.next += size;
        Some(p)
    })
}

/// Object size rounded up to the alignment, at least a header; None if the
/// request is negative or absurdly large.
fn rounded_size(size: i64) -> Option<usize> {
    let size = usize::try_from(size).ok()?.max(abi::HEADER_SIZE);
    size.checked_add(ALIGN - 1).map(|s| s & !(ALIGN - 1))
}

/// Whether the generational collector is in use (set once by `init`).
static mut GC_ON: bool = false;

fn gc_on() -> bool {
    unsafe { GC_ON }
}

#[cfg(not(test))]
extern "C" {
    /// Defined by the generated object (`abi::generated`).
    static rpy_gc_kind: u64;
    static rpy_type_info: gc::typeinfo::TypeInfo;
    static rpy_type_info_count: u64;
}

/// Whether objects of type `tid` are arrays (a length and items), from the
/// program's type table. Unit tests have no table: there, odd type ids and
/// `TID_PTR_ARRAY` are arrays.
#[cfg(not(test))]
pub fn is_array(tid: u32) -> bool {
    unsafe {
        let types = std::ptr::addr_of!(rpy_type_info);
        (tid as u64) < rpy_type_info_count && (*types.add(tid as usize)).is_varsize()
    }
}

#[cfg(test)]
pub fn is_array(tid: u32) -> bool {
    tid == abi::TID_PTR_ARRAY || tid >= abi::FIRST_PROGRAM_TID && tid % 2 == 1
}

/// The type id in the header of object `p`.
pub unsafe fn tid_of(p: *const u8) -> u32 {
    *(p as *const u32)
}

/// Start-up: turns the collector on when the program was translated for it.
/// Its failure to start (a bad `RPY_GC_*` setting, no memory) is fatal.
#[cfg(not(test))]
pub fn init() {
    unsafe {
        if rpy_gc_kind != abi::generated::GC_GENERATIONAL {
            return;
        }
        let types = std::ptr::addr_of!(rpy_type_info);
        if gc::rpy_gc_init(types, rpy_type_info_count as usize) != 0 {
            io::fatal_error("MemoryError");
        }
        gc::rpy_gc_add_static_root(std::ptr::addr_of_mut!(crate::exc::rpy_exc_value) as *mut *mut u8);
        GC_ON = true;
    }
}

/// Runs `f` (which may allocate) with the GC pointers in `roots` kept on the
/// shadow stack; afterwards `roots` holds their current addresses.
pub fn keep<R>(roots: &mut [*mut u8], f: impl FnOnce() -> R) -> R {
    if !gc_on() {
        return f();
    }
    unsafe {
        let gc = gc::global();
        for &p in roots.iter() {
            gc.push_root(p);
        }
        let r = f();
        for p in roots.iter_mut().rev() {
            *p = gc.pop_root();
        }
        r
    }
}

/// Whether the object holding `p` may move at the next allocation (it is in
/// the nursery): copy what you need from it first.
pub fn movable(p: *const u8) -> bool {
    gc_on() && unsafe { gc::global().in_nursery(p) }
}

/// Whether stores of GC pointers into `obj` must be reported to the collector.
fn tracked(obj: *mut u8) -> bool {
    gc_on() && !obj.is_null() && unsafe { *obj.add(4) } as u32 & abi::FLAG_TRACK_YOUNG_PTRS != 0
}

/// Before storing a GC pointer into `obj` (or copying pointers into its items).
pub fn write_barrier(obj: *mut u8) {
    if tracked(obj) {
        unsafe { gc::rpy_gc_remember_young_pointer(obj) }
    }
}

/// Before storing a GC pointer into item `index` of the array `obj`.
pub fn write_barrier_item(obj: *mut u8, index: i64) {
    if tracked(obj) {
        unsafe { gc::rpy_gc_remember_young_pointer_from_array(obj, index) }
    }
}

/// `rpy_collect()`: `rgc.collect()`.
#[no_mangle]
pub extern "C" fn rpy_collect() {
    if gc_on() {
        unsafe { gc::rpy_gc_collect() }
    }
}

/// `rpy_identity_hash(p)`: the object's identity hash and `id()`: stable
/// for its life although the collector moves it, distinct from every other
/// live object's.
#[no_mangle]
pub extern "C" fn rpy_identity_hash(p: *mut u8) -> i64 {
    if gc_on() && !p.is_null() {
        unsafe { gc::rpy_gc_identityhash(p) }
    } else {
        p as i64
    }
}

/// `rpy_malloc(tid, size)`: a new object of `size` bytes (header included),
/// zeroed, 8-byte aligned, with the header's type id set to `tid` and flags 0.
/// Over the collector's heap limit it raises MemoryError but still returns
/// an object (the limit is lifted for it), so the runtime function calling
/// it finishes on valid memory and the program sees the exception when it
/// returns. The system out of memory (or a negative size) is fatal: prints
/// `Fatal RPython error: MemoryError` and exits with status 1.
#[no_mangle]
pub extern "C" fn rpy_malloc(tid: i64, size: i64) -> *mut u8 {
    if gc_on() {
        let mut p = unsafe { gc::rpy_gc_malloc(tid, size) };
        if p.is_null() && tid >= 0 && size >= 0 {
            crate::exc::raise("MemoryError");
            p = unsafe { gc::global().malloc_over_limit(tid as u32, size as usize) };
        }
        if p.is_null() {
            io::fatal_error("MemoryError");
        }
        return p;
    }
    let p = match rounded_size(size).and_then(allocate) {
        Some(p) => p as *mut u8,
        None => io::fatal_error("MemoryError"),
    };
    // Header: tid in the low u32, GC flags (0) in the high u32; little-endian.
    unsafe { (p as *mut u64).write(tid as u32 as u64) };
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_alignment_and_zeroing() {
        let a = rpy_malloc(5, 8 + 3);
        let b = rpy_malloc(7, 40);
        assert_eq!(a as usize % 8, 0);
        assert_eq!(b as usize % 8, 0);
        assert!(b as usize >= a as usize + 16 || (b as usize) < a as usize);
        unsafe {
            assert_eq!(*(a as *const u64), 5);
            assert_eq!(*(b as *const u64), 7);
            for i in 8..40 {
                assert_eq!(*b.add(i), 0);
            }
        }
    }

    #[test]
    fn large_and_many() {
        let big = rpy_malloc(9, (LARGE_OBJECT + 100) as i64);
        unsafe { assert_eq!(*(big as *const u64), 9) };
        // Crosses several chunk boundaries.
        for _ in 0..3 * (CHUNK_SIZE / 4096) {
            let p = rpy_malloc(1, 4000);
            unsafe { assert_eq!(*p.add(3999), 0) };
        }
    }

    #[test]
    fn sizes() {
        assert_eq!(rounded_size(0), Some(8));
        assert_eq!(rounded_size(9), Some(16));
        assert_eq!(rounded_size(24), Some(24));
        assert_eq!(rounded_size(-1), None);
        assert_eq!(rounded_size(i64::MAX), Some((i64::MAX as usize + 7) & !7));
    }
}

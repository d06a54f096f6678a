//! Object allocation: the one entry point `rpy_malloc`.
//!
//! For now a bump allocator over large zeroed chunks that never frees. A real
//! GC replaces this module later; callers only ever see `rpy_malloc`.

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

/// `rpy_malloc(tid, size)`: a new object of `size` bytes (header included),
/// zeroed, 8-byte aligned, with the header's type id set to `tid` and flags 0.
/// Out of memory (or a negative size) is fatal: prints
/// `Fatal RPython error: MemoryError` and exits with status 1.
#[no_mangle]
pub extern "C" fn rpy_malloc(tid: i64, size: i64) -> *mut u8 {
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

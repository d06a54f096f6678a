//! The few system calls the collector makes, declared by hand (no crates),
//! and the fatal-error exit.

use std::os::raw::{c_int, c_long, c_void};

extern "C" {
    fn mmap(addr: *mut c_void, len: usize, prot: c_int, flags: c_int, fd: c_int, off: c_long) -> *mut c_void;
    fn munmap(addr: *mut c_void, len: usize) -> c_int;
    fn madvise(addr: *mut c_void, len: usize, advice: c_int) -> c_int;
    fn mprotect(addr: *mut c_void, len: usize, prot: c_int) -> c_int;
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn clock_gettime(clock: c_int, ts: *mut Timespec) -> c_int;
    fn atexit(f: extern "C" fn()) -> c_int;
}

/// Runs `f` when the process exits normally.
pub fn at_exit(f: extern "C" fn()) {
    unsafe { atexit(f) };
}

#[repr(C)]
struct Timespec {
    sec: i64,
    nsec: i64,
}

const PROT_NONE: c_int = 0;
const PROT_READ: c_int = 1;
const PROT_WRITE: c_int = 2;
const MAP_PRIVATE: c_int = 0x02;
const MAP_ANONYMOUS: c_int = 0x20;
const MAP_NORESERVE: c_int = 0x4000;
const MADV_DONTNEED: c_int = 4;
const CLOCK_MONOTONIC: c_int = 1;

/// The operating system's page size (x86-64 Linux).
pub const OS_PAGE: usize = 4096;

pub fn round_up(x: usize, a: usize) -> Option<usize> {
    x.checked_add(a - 1).map(|v| v & !(a - 1))
}

/// `len` bytes of fresh zeroed memory, or null.
pub fn map(len: usize) -> *mut u8 {
    map_flags(len, 0)
}

/// Like `map`, but the memory is not reserved in swap: for big areas that
/// are mostly never touched (the shadow stack).
pub fn map_noreserve(len: usize) -> *mut u8 {
    map_flags(len, MAP_NORESERVE)
}

fn map_flags(len: usize, extra: c_int) -> *mut u8 {
    if len == 0 {
        return std::ptr::null_mut();
    }
    let p =
        unsafe { mmap(std::ptr::null_mut(), len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | extra, -1, 0) };
    if p as isize == -1 {
        std::ptr::null_mut()
    } else {
        p as *mut u8
    }
}

/// `len` bytes of fresh zeroed memory aligned to `align` (a power of two
/// multiple of the OS page), or null. Maps more and trims both ends.
pub fn map_aligned(len: usize, align: usize) -> *mut u8 {
    let Some(total) = len.checked_add(align) else { return std::ptr::null_mut() };
    let p = map(total);
    if p.is_null() {
        return p;
    }
    let start = (p as usize + align - 1) & !(align - 1);
    unsafe {
        if start > p as usize {
            unmap(p, start - p as usize);
        }
        let end = start + len;
        let map_end = p as usize + total;
        if map_end > end {
            unmap(end as *mut u8, map_end - end);
        }
    }
    start as *mut u8
}

/// Gives the pages back to the system.
///
/// # Safety
/// `[p, p+len)` is a whole mapping made by this module (or a page-aligned part of one).
pub unsafe fn unmap(p: *mut u8, len: usize) {
    if !p.is_null() && len > 0 {
        munmap(p as *mut c_void, len);
    }
}

/// Drops the contents of the pages (they read as zero afterwards) and lets the
/// system reclaim the physical memory; the address range stays mapped.
///
/// # Safety
/// page-aligned range inside a mapping made by this module.
pub unsafe fn discard(p: *mut u8, len: usize) {
    if len > 0 {
        madvise(p as *mut c_void, len, MADV_DONTNEED);
    }
}

/// Makes the page range inaccessible (a guard page). Returns false on failure.
///
/// # Safety
/// page-aligned range inside a mapping made by this module.
pub unsafe fn protect_none(p: *mut u8, len: usize) -> bool {
    mprotect(p as *mut c_void, len, PROT_NONE) == 0
}

/// Writes all of `bytes` to stderr, ignoring errors (there is nobody to report them to).
pub fn write_stderr(mut bytes: &[u8]) {
    while !bytes.is_empty() {
        let n = unsafe { write(2, bytes.as_ptr() as *const c_void, bytes.len()) };
        if n > 0 {
            bytes = &bytes[(n as usize).min(bytes.len())..];
        } else if n < 0 && std::io::Error::last_os_error().raw_os_error() == Some(4) {
            continue; // EINTR
        } else {
            return;
        }
    }
}

/// The collector cannot go on (heap corruption, a broken contract, or no
/// memory left in the middle of a collection): report and abort. Never unwinds.
#[cold]
pub fn fatal(msg: &str) -> ! {
    let mut s = String::with_capacity(64 + msg.len());
    s.push_str("Fatal RPython error: GC: ");
    s.push_str(msg);
    s.push('\n');
    write_stderr(s.as_bytes());
    std::process::abort()
}

/// Monotonic time in nanoseconds.
pub fn now_ns() -> u64 {
    let mut ts = Timespec { sec: 0, nsec: 0 };
    unsafe { clock_gettime(CLOCK_MONOTONIC, &mut ts) };
    (ts.sec as u64).wrapping_mul(1_000_000_000).wrapping_add(ts.nsec as u64)
}

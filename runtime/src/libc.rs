//! The few C library functions the runtime calls, declared by hand so the
//! runtime needs no crates.

use std::os::raw::{c_int, c_void};

extern "C" {
    pub fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
}

/// `errno` of the last failed call on this thread.
pub fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// EINTR on Linux: the call was interrupted by a signal and may be retried.
pub const EINTR: i32 = 4;

//! The `os`, `os.path` and `time` functions of `abi::call_builtins`: one
//! runtime function each, raising OSError where the system call fails.

use std::ffi::OsStr;
use std::os::raw::c_int;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use crate::exc::raise;
use crate::strings::{new_str, str_bytes};

extern "C" {
    fn open(path: *const u8, flags: c_int, mode: c_int) -> c_int;
    fn read(fd: c_int, buf: *mut u8, count: usize) -> isize;
    fn close(fd: c_int) -> c_int;
    fn lseek(fd: c_int, offset: i64, whence: c_int) -> i64;
    fn isatty(fd: c_int) -> c_int;
    fn dup(fd: c_int) -> c_int;
    fn ftruncate(fd: c_int, length: i64) -> c_int;
    fn fsync(fd: c_int) -> c_int;
    fn getpid() -> c_int;
    fn system(command: *const u8) -> c_int;
    #[link_name = "strerror"]
    fn c_strerror(errnum: c_int) -> *const std::os::raw::c_char;
}

/// The C library's message for `errno` (what CPython puts in strerror).
pub fn strerror(errno: i32) -> String {
    unsafe {
        let p = c_strerror(errno);
        if p.is_null() {
            return format!("Unknown error {}", errno);
        }
        std::ffi::CStr::from_ptr(p).to_string_lossy().into_owned()
    }
}

/// OSError with the last system call's errno.
fn os_error() {
    crate::exc::raise_os_error(crate::libc::errno());
}

unsafe fn path<'a>(s: *const u8) -> &'a Path {
    Path::new(OsStr::from_bytes(str_bytes(s)))
}

/// A NUL-terminated copy of a STR, for the C library.
unsafe fn c_string(s: *const u8) -> Vec<u8> {
    let mut v = str_bytes(s).to_vec();
    v.push(0);
    v
}

/// `r` as a result, or OSError (and `fallback`) when the call failed.
fn checked<T>(r: std::io::Result<T>, fallback: T) -> T {
    r.unwrap_or_else(|e| {
        crate::exc::raise_os_error(e.raw_os_error().unwrap_or(0));
        fallback
    })
}

fn fd(fd: i64) -> Option<c_int> {
    c_int::try_from(fd).ok()
}

/// A C call's result, raising OSError when it is negative.
fn c_result(r: i64) -> i64 {
    if r < 0 {
        os_error();
    }
    r
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_open(p: *const u8, flags: i64, mode: i64) -> i64 {
    let name = c_string(p);
    c_result(open(name.as_ptr(), flags as c_int, mode as c_int) as i64)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_read(f: i64, n: i64) -> *mut u8 {
    let (Some(f), Ok(n)) = (fd(f), usize::try_from(n)) else {
        raise("OSError");
        return new_str(b"");
    };
    let mut buf = vec![0u8; n];
    loop {
        let r = read(f, buf.as_mut_ptr(), n);
        if r >= 0 {
            return new_str(&buf[..r as usize]);
        }
        if crate::libc::errno() != crate::libc::EINTR {
            os_error();
            return new_str(b"");
        }
    }
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_close(f: i64) {
    c_result(fd(f).map_or(-1, |f| close(f) as i64));
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_lseek(f: i64, pos: i64, how: i64) -> i64 {
    c_result(fd(f).map_or(-1, |f| lseek(f, pos, how as c_int)))
}

#[no_mangle]
pub extern "C" fn rpy_os_getpid() -> i64 {
    unsafe { getpid() as i64 }
}

#[no_mangle]
pub extern "C" fn rpy_os_getcwd() -> *mut u8 {
    let cwd = checked(std::env::current_dir(), Default::default());
    new_str(cwd.as_os_str().as_bytes())
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_chdir(p: *const u8) {
    checked(std::env::set_current_dir(path(p)), ());
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_mkdir(p: *const u8, mode: i64) {
    use std::os::unix::fs::DirBuilderExt;
    checked(std::fs::DirBuilder::new().mode(mode as u32).create(path(p)), ());
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_rmdir(p: *const u8) {
    checked(std::fs::remove_dir(path(p)), ());
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_unlink(p: *const u8) {
    checked(std::fs::remove_file(path(p)), ());
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_rename(a: *const u8, b: *const u8) {
    checked(std::fs::rename(path(a), path(b)), ());
}

/// The entries of a directory, without `.` and `..`, in the order the
/// system gives them (as CPython's os.listdir).
#[no_mangle]
pub unsafe extern "C" fn rpy_os_listdir(p: *const u8) -> *mut u8 {
    let names: Vec<Vec<u8>> = match std::fs::read_dir(path(p)) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.file_name().as_bytes().to_vec()).collect(),
        Err(_) => {
            raise("OSError");
            Vec::new()
        }
    };
    let parts: Vec<&[u8]> = names.iter().map(|n| n.as_slice()).collect();
    crate::strmeth::str_list(&parts, abi::TID_PTR_LIST as i64)
}

#[no_mangle]
pub extern "C" fn rpy_os_isatty(f: i64) -> bool {
    fd(f).is_some_and(|f| unsafe { isatty(f) } == 1)
}

#[no_mangle]
pub extern "C" fn rpy_os_dup(f: i64) -> i64 {
    c_result(fd(f).map_or(-1, |f| unsafe { dup(f) } as i64))
}

#[no_mangle]
pub extern "C" fn rpy_os_ftruncate(f: i64, length: i64) {
    c_result(fd(f).map_or(-1, |f| unsafe { ftruncate(f, length) } as i64));
}

#[no_mangle]
pub extern "C" fn rpy_os_fsync(f: i64) {
    c_result(fd(f).map_or(-1, |f| unsafe { fsync(f) } as i64));
}

/// The command's wait status, as CPython's os.system returns it.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_system(cmd: *const u8) -> i64 {
    crate::io::flush_stdout();
    let c = c_string(cmd);
    system(c.as_ptr()) as i64
}

/// The variable's value, or `default` (a STR or null) when it is not set.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_getenv(name: *const u8, default: *mut u8) -> *mut u8 {
    match std::env::var_os(OsStr::from_bytes(str_bytes(name))) {
        Some(v) => new_str(v.as_bytes()),
        None => default,
    }
}

/// A STAT object (`abi::stat_layout`) from file metadata.
fn stat_object(m: &std::fs::Metadata) -> *mut u8 {
    use std::os::unix::fs::MetadataExt;
    let p = crate::alloc::rpy_malloc(abi::TID_STAT as i64, abi::stat_layout::SIZE as i64);
    let ints = [m.mode() as i64, m.ino() as i64, m.dev() as i64, m.nlink() as i64, m.uid() as i64, m.gid() as i64, m.size() as i64];
    let times = [
        m.atime() as f64 + m.atime_nsec() as f64 * 1e-9,
        m.mtime() as f64 + m.mtime_nsec() as f64 * 1e-9,
        m.ctime() as f64 + m.ctime_nsec() as f64 * 1e-9,
    ];
    unsafe {
        for (i, v) in ints.iter().enumerate() {
            *(p.add(8 + 8 * i) as *mut i64) = *v;
        }
        for (i, t) in times.iter().enumerate() {
            *(p.add(8 + 8 * (ints.len() + i)) as *mut f64) = *t;
        }
    }
    p
}

/// `os.stat(path)`: OSError when it fails.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_stat(p: *const u8) -> *mut u8 {
    match std::fs::metadata(path(p)) {
        Ok(m) => stat_object(&m),
        Err(e) => {
            crate::exc::raise_os_error(e.raw_os_error().unwrap_or(0));
            std::ptr::null_mut()
        }
    }
}

/// `os.fstat(fd)`: OSError when it fails.
#[no_mangle]
pub extern "C" fn rpy_os_fstat(f: i64) -> *mut u8 {
    use std::os::fd::FromRawFd;
    let Some(f) = fd(f) else {
        crate::exc::raise_os_error(9);
        return std::ptr::null_mut();
    };
    // Borrow the descriptor without closing it.
    let file = std::mem::ManuallyDrop::new(unsafe { std::fs::File::from_raw_fd(f) });
    match file.metadata() {
        Ok(m) => stat_object(&m),
        Err(e) => {
            crate::exc::raise_os_error(e.raw_os_error().unwrap_or(0));
            std::ptr::null_mut()
        }
    }
}

/// `os.environ[name]`: KeyError when the variable is not set.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_environ_getitem(name: *const u8) -> *mut u8 {
    let v = rpy_os_getenv(name, std::ptr::null_mut());
    if v.is_null() {
        raise("KeyError");
        return new_str(b"");
    }
    v
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_path_exists(p: *const u8) -> bool {
    path(p).exists()
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_path_isdir(p: *const u8) -> bool {
    path(p).is_dir()
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_path_isfile(p: *const u8) -> bool {
    path(p).is_file()
}

#[no_mangle]
pub unsafe extern "C" fn rpy_os_path_getsize(p: *const u8) -> i64 {
    checked(std::fs::metadata(path(p)).map(|m| m.len() as i64), 0)
}

/// `os.path.join(a, b)`: b if it is absolute, else a and b with one `/`.
#[no_mangle]
pub unsafe extern "C" fn rpy_os_path_join(a: *const u8, b: *const u8) -> *mut u8 {
    let (a, b) = (str_bytes(a), str_bytes(b));
    let mut out = Vec::new();
    if !b.starts_with(b"/") {
        out.extend_from_slice(a);
        if !a.is_empty() && !a.ends_with(b"/") {
            out.push(b'/');
        }
    }
    out.extend_from_slice(b);
    new_str(&out)
}

/// Seconds since the epoch.
#[no_mangle]
pub extern "C" fn rpy_time_time() -> f64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0.0, |d| d.as_secs_f64())
}

/// Seconds of processor time (CPython 2's time.clock on Linux).
#[no_mangle]
pub extern "C" fn rpy_time_clock() -> f64 {
    extern "C" {
        fn clock() -> i64;
    }
    unsafe { clock() as f64 / 1_000_000.0 }
}

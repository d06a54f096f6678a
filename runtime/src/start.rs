//! Process start-up: `main` turns argv into an RPython list of str, runs the
//! translated entry point and turns its outcome into the exit status.

use crate::alloc::{keep, rpy_malloc, write_barrier_item};
use crate::strings::new_str;
use abi::{ptr_array_layout, ptr_list_layout};
use std::ffi::CStr;
use std::os::raw::c_char;

/// A PTR_LIST of STR objects holding the C strings `argv[0..argc]`.
///
/// Safety: `argv` is null or points to `argc` valid C strings.
pub unsafe fn build_argv(argc: i32, argv: *const *const c_char) -> *mut u8 {
    let n = if argv.is_null() { 0 } else { argc.max(0) as usize };
    let mut items = [rpy_malloc(abi::TID_PTR_ARRAY as i64, (ptr_array_layout::ITEMS + 8 * n) as i64)];
    (items[0].add(ptr_array_layout::LENGTH) as *mut i64).write(n as i64);
    for i in 0..n {
        let arg = *argv.add(i);
        let bytes = if arg.is_null() { &[][..] } else { CStr::from_ptr(arg).to_bytes() };
        let s = keep(&mut items, || new_str(bytes));
        write_barrier_item(items[0], i as i64);
        (items[0].add(ptr_array_layout::ITEMS + 8 * i) as *mut *mut u8).write(s);
    }
    let list = keep(&mut items, || rpy_malloc(abi::TID_PTR_LIST as i64, ptr_list_layout::SIZE as i64));
    let [items] = items;
    (list.add(ptr_list_layout::LENGTH) as *mut i64).write(n as i64);
    (list.add(ptr_list_layout::ITEMS) as *mut *mut u8).write(items);
    list
}

#[cfg(not(test))]
extern "C" {
    /// Defined by the translated program (`abi::generated::ENTRY_POINT`).
    fn rpy_entry_point(argv: *mut u8) -> i64;
}

/// The process entry: runs the translated program. Returns the entry point's
/// result as the exit status (the OS keeps its low 8 bits); an uncaught
/// exception prints `Fatal RPython error: NAME` to stderr and returns 1.
/// Either way pending print output is written first, with a line left open
/// by a trailing-comma print closed, as CPython 2.7 does at exit.
#[cfg(not(test))]
#[no_mangle]
pub unsafe extern "C" fn main(argc: i32, argv: *const *const c_char) -> i32 {
    crate::alloc::init();
    let list = build_argv(argc, argv);
    let status = rpy_entry_point(list);
    if let Some(name) = crate::exc::pending_name() {
        crate::io::report_traceback(&crate::exc::traceback());
        crate::io::report_fatal(&name);
        return 1;
    }
    crate::io::finish_stdout();
    status as i32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::str_bytes;

    #[test]
    fn argv_list() {
        let args = [c"prog".as_ptr(), c"".as_ptr(), c"x y".as_ptr()];
        unsafe {
            let list = build_argv(3, args.as_ptr());
            assert_eq!(*(list as *const u32), abi::TID_PTR_LIST);
            assert_eq!(*(list.add(ptr_list_layout::LENGTH) as *const i64), 3);
            let items = *(list.add(ptr_list_layout::ITEMS) as *const *const u8);
            assert_eq!(*(items as *const u32), abi::TID_PTR_ARRAY);
            assert_eq!(*(items.add(ptr_array_layout::LENGTH) as *const i64), 3);
            let item = |i: usize| str_bytes(*(items.add(ptr_array_layout::ITEMS + 8 * i) as *const *const u8));
            assert_eq!(item(0), b"prog");
            assert_eq!(item(1), b"");
            assert_eq!(item(2), b"x y");
            let empty = build_argv(0, std::ptr::null());
            assert_eq!(*(empty.add(ptr_list_layout::LENGTH) as *const i64), 0);
        }
    }
}

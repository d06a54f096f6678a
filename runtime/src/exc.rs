//! The pending-exception words and raising built-in exceptions.
//!
//! Generated code checks `rpy_exc_type` after every call that can raise; a
//! raising function sets `rpy_exc_type` (the address of the exception's
//! class vtable, `abi::vtable_layout`) and `rpy_exc_value` (the instance)
//! and returns a dummy value.
//!
//! The runtime raises built-in exceptions with the program's own classes,
//! found in the table the generated object exports
//! (`abi::generated::BUILTIN_EXCEPTIONS_TABLE`), so the program's handlers
//! catch them. A built-in exception the program has no class for (it never
//! catches it) is raised with one of the runtime's own records below: shaped
//! like a vtable, with a subclass range no handler matches.

use abi::{vtable_layout, BUILTIN_EXCEPTIONS};
use std::os::raw::c_char;

/// A vtable-shaped stand-in for a built-in exception class the program does
/// not have: header, subclass range -1..-1 (no class id is negative, so no
/// handler matches), null name (the runtime names it by its index).
#[repr(C)]
pub struct ExcRecord {
    header: u64,
    min: i64,
    max: i64,
    name: usize,
}

const NUM_EXC: usize = BUILTIN_EXCEPTIONS.len();

static EXC_RECORDS: [ExcRecord; NUM_EXC] = [const { ExcRecord { header: 0, min: -1, max: -1, name: 0 } }; NUM_EXC];

/// Non-zero while an exception is pending: the address of its class's vtable.
#[no_mangle]
pub static mut rpy_exc_type: usize = 0;

/// The pending exception instance (0 for the runtime's own records).
#[no_mangle]
pub static mut rpy_exc_value: usize = 0;

/// How many frames the pending exception has left (`abi::runtime::TRACEBACK_LEN`).
#[no_mangle]
pub static mut rpy_tb_len: usize = 0;

/// The traceback entries (C strings) of the innermost frames left.
const TB_MAX: usize = 64;
static mut TB: [usize; TB_MAX] = [0; TB_MAX];

/// `rpy_traceback_record(entry)`: a frame left with an exception pending.
#[no_mangle]
pub unsafe extern "C" fn rpy_traceback_record(entry: *const c_char) {
    let n = rpy_tb_len;
    if n < TB_MAX {
        *std::ptr::addr_of_mut!(TB[n]) = entry as usize;
    }
    rpy_tb_len = n + 1;
}

/// The traceback of the pending exception, outermost frame first, as
/// printed before `Fatal RPython error`.
pub fn traceback() -> String {
    let n = unsafe { rpy_tb_len };
    let mut out = String::from("RPython traceback (most recent call last):\n");
    if n > TB_MAX {
        out.push_str(&format!("  ... {} more frames\n", n - TB_MAX));
    }
    for i in (0..n.min(TB_MAX)).rev() {
        let p = unsafe { *std::ptr::addr_of!(TB[i]) } as *const c_char;
        let entry = unsafe { std::ffi::CStr::from_ptr(p) }.to_string_lossy();
        out.push_str(&entry);
        out.push('\n');
    }
    out
}

#[cfg(not(test))]
extern "C" {
    /// Defined by the generated object (see `abi::generated`).
    static rpy_builtin_exceptions: [u64; 2];
    static rpy_oserror_layout: [u64; 2];
}

/// `raise OSError(errno, strerror)`: a new instance carrying them when the
/// program reads them (`abi::generated::OSERROR_LAYOUT`), else the plain one.
pub fn raise_os_error(errno: i32) {
    let i = exc_index(b"OSError");
    #[cfg(not(test))]
    unsafe {
        let layout = std::ptr::addr_of!(rpy_oserror_layout) as *const u64;
        if let (Some((vt, blank)), 4) = (program_class(i), *layout.add(1)) {
            let (tid, size, e_off, s_off) = (*layout.add(2), *layout.add(3) as usize, *layout.add(4) as usize, *layout.add(5) as usize);
            let text = crate::os::strerror(errno);
            let mut msg = [crate::strings::new_str(text.as_bytes())];
            let inst = crate::alloc::keep(&mut msg, || crate::alloc::rpy_malloc(tid as i64, size as i64));
            let [msg] = msg;
            // The blank instance's vtable and field values, then the two fields.
            std::ptr::copy_nonoverlapping((blank as *const u8).add(8), inst.add(8), size - 8);
            *(inst.add(e_off) as *mut i64) = errno as i64;
            if s_off != 0 {
                *(inst.add(s_off) as *mut *mut u8) = msg;
            }
            rpy_exc_type = vt;
            rpy_exc_value = inst as usize;
            return;
        }
    }
    let _ = errno;
    raise_index(i);
}

/// The (vtable, instance) of built-in exception `i` in the program's table, if any.
fn program_class(i: usize) -> Option<(usize, usize)> {
    #[cfg(not(test))]
    unsafe {
        // The table is a GC array of words: header | length | items.
        let base = std::ptr::addr_of!(rpy_builtin_exceptions) as *const u64;
        let len = *base.add(1) as usize;
        if 2 * i + 1 < len {
            let vt = *base.add(2 + 2 * i) as usize;
            let inst = *base.add(3 + 2 * i) as usize;
            if vt != 0 {
                return Some((vt, inst));
            }
        }
    }
    let _ = i;
    None
}

/// Index in `BUILTIN_EXCEPTIONS` of `name`; unknown names mean "Exception".
fn exc_index(name: &[u8]) -> usize {
    let found = BUILTIN_EXCEPTIONS.iter().position(|n| n.as_bytes() == name);
    let fallback = BUILTIN_EXCEPTIONS.iter().position(|n| *n == "Exception");
    found.or(fallback).unwrap_or(0)
}

#[cfg(test)]
/// Address of the runtime's own record for `name`.
pub fn exc_record_addr(name: &str) -> usize {
    &EXC_RECORDS[exc_index(name.as_bytes())] as *const ExcRecord as usize
}

/// Makes built-in exception number `i` pending.
fn raise_index(i: usize) {
    let (vt, inst) = program_class(i).unwrap_or((&EXC_RECORDS[i] as *const ExcRecord as usize, 0));
    unsafe {
        rpy_exc_type = vt;
        rpy_exc_value = inst;
    }
}

/// Sets the pending exception to the built-in `name` (unknown: Exception).
/// Callers then return a dummy value.
pub fn raise(name: &str) {
    raise_index(exc_index(name.as_bytes()));
}

/// `rpy_raise(name)`: raise the built-in exception named by the NUL-terminated
/// string `name` (one of `abi::BUILTIN_EXCEPTIONS`; anything else, including
/// null, raises Exception).
#[no_mangle]
pub unsafe extern "C" fn rpy_raise(name: *const u8) {
    let bytes: &[u8] = if name.is_null() {
        b""
    } else {
        std::ffi::CStr::from_ptr(name as *const c_char).to_bytes()
    };
    raise_index(exc_index(bytes));
}

/// The class name of a pending exception given the value of `rpy_exc_type`
/// (a program vtable or one of the runtime's records), or None if no
/// exception is pending.
pub fn exc_name(exc_type: usize) -> Option<String> {
    if exc_type == 0 {
        return None;
    }
    for (i, record) in EXC_RECORDS.iter().enumerate() {
        if record as *const ExcRecord as usize == exc_type {
            return Some(BUILTIN_EXCEPTIONS[i].to_string());
        }
    }
    // A program vtable: its name is a STR.
    let name = unsafe { *((exc_type + vtable_layout::NAME) as *const usize) };
    if name == 0 {
        return Some("<unknown>".into());
    }
    let len = unsafe { *((name + abi::str_layout::LENGTH) as *const usize) };
    let bytes = unsafe { std::slice::from_raw_parts((name + abi::str_layout::CHARS) as *const u8, len) };
    Some(String::from_utf8_lossy(bytes).into_owned())
}

/// The currently pending exception's name, if any.
pub fn pending_name() -> Option<String> {
    exc_name(unsafe { rpy_exc_type })
}

#[cfg(test)]
mod tests {
    use super::*;

    // These tests only compute record addresses: the global word is shared by
    // the test threads, so only `rpy_raise_sets_word` touches it.
    #[test]
    fn records_name_their_exception() {
        for name in BUILTIN_EXCEPTIONS {
            assert_eq!(exc_name(exc_record_addr(name)).as_deref(), Some(*name));
        }
        assert_eq!(exc_name(exc_record_addr("NoSuchError")).as_deref(), Some("Exception"));
        assert_eq!(exc_name(0), None);
    }

    #[test]
    fn records_match_no_handler() {
        let addr = exc_record_addr("ValueError");
        let min = unsafe { *((addr + vtable_layout::SUBCLASSRANGE_MIN) as *const i64) };
        assert_eq!(min, -1);
    }

    #[test]
    fn rpy_raise_sets_word() {
        unsafe {
            rpy_raise(c"KeyError".as_ptr().cast());
            assert_eq!(pending_name().as_deref(), Some("KeyError"));
            rpy_raise(c"Bogus".as_ptr().cast());
            assert_eq!(pending_name().as_deref(), Some("Exception"));
            rpy_raise(std::ptr::null());
            assert_eq!(pending_name().as_deref(), Some("Exception"));
            raise("ZeroDivisionError");
            assert_eq!(pending_name().as_deref(), Some("ZeroDivisionError"));
            rpy_exc_type = 0;
            rpy_exc_value = 0;
        }
    }
}

//! The pending-exception word and the built-in exception records.
//!
//! Generated code checks `rpy_exc_type` after every call that can raise; a
//! raising function sets it and returns a dummy value. For exceptions the
//! runtime raises, the word points to one of the static records below.

use abi::BUILTIN_EXCEPTIONS;
use std::os::raw::c_char;

/// A built-in exception as the runtime knows it: its name.
/// `name` points to the UTF-8 bytes of the name (not NUL-terminated).
#[repr(C)]
pub struct ExcRecord {
    pub name: *const u8,
    pub name_len: usize,
}

// The records are immutable and point to static strings.
unsafe impl Sync for ExcRecord {}

const NUM_EXC: usize = BUILTIN_EXCEPTIONS.len();

/// One record per name in the abi's list, built at compile time so the list
/// stays the single source of truth.
static EXC_RECORDS: [ExcRecord; NUM_EXC] = {
    let mut records = [const { ExcRecord { name: std::ptr::null(), name_len: 0 } }; NUM_EXC];
    let mut i = 0;
    while i < NUM_EXC {
        records[i] = ExcRecord { name: BUILTIN_EXCEPTIONS[i].as_ptr(), name_len: BUILTIN_EXCEPTIONS[i].len() };
        i += 1;
    }
    records
};

/// Non-zero while an exception is pending: the address of its `ExcRecord`.
#[no_mangle]
pub static mut rpy_exc_type: usize = 0;

/// Index in `BUILTIN_EXCEPTIONS` of `name`; unknown names mean "Exception".
fn exc_index(name: &[u8]) -> usize {
    let found = BUILTIN_EXCEPTIONS.iter().position(|n| n.as_bytes() == name);
    let fallback = BUILTIN_EXCEPTIONS.iter().position(|n| *n == "Exception");
    found.or(fallback).unwrap_or(0)
}

/// Address of the record for `name` (what `rpy_exc_type` holds once raised).
pub fn exc_record_addr(name: &str) -> usize {
    &EXC_RECORDS[exc_index(name.as_bytes())] as *const ExcRecord as usize
}

/// Sets the pending exception to the built-in `name` (unknown: Exception).
/// Callers then return a dummy value.
pub fn raise(name: &str) {
    let addr = exc_record_addr(name);
    unsafe { rpy_exc_type = addr };
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
    let addr = &EXC_RECORDS[exc_index(bytes)] as *const ExcRecord as usize;
    rpy_exc_type = addr;
}

/// The name of an exception given the value of `rpy_exc_type`, or None if no
/// exception is pending. A word that is not one of the runtime's records (the
/// contract does not define others yet) is reported as "<unknown>".
pub fn exc_name(exc_type: usize) -> Option<&'static str> {
    if exc_type == 0 {
        return None;
    }
    for (i, record) in EXC_RECORDS.iter().enumerate() {
        if record as *const ExcRecord as usize == exc_type {
            return Some(BUILTIN_EXCEPTIONS[i]);
        }
    }
    Some("<unknown>")
}

/// The currently pending exception's name, if any.
pub fn pending_name() -> Option<&'static str> {
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
            assert_eq!(exc_name(exc_record_addr(name)), Some(*name));
        }
        assert_eq!(exc_name(exc_record_addr("NoSuchError")), Some("Exception"));
        assert_eq!(exc_name(0), None);
        assert_eq!(exc_name(8), Some("<unknown>"));
    }

    #[test]
    fn record_layout_points_to_name() {
        let addr = exc_record_addr("ValueError");
        let rec = unsafe { &*(addr as *const ExcRecord) };
        let name = unsafe { std::slice::from_raw_parts(rec.name, rec.name_len) };
        assert_eq!(name, b"ValueError");
    }

    #[test]
    fn rpy_raise_sets_word() {
        unsafe {
            rpy_raise(c"KeyError".as_ptr().cast());
            assert_eq!(pending_name(), Some("KeyError"));
            rpy_raise(c"Bogus".as_ptr().cast());
            assert_eq!(pending_name(), Some("Exception"));
            rpy_raise(std::ptr::null());
            assert_eq!(pending_name(), Some("Exception"));
            raise("ZeroDivisionError");
            assert_eq!(pending_name(), Some("ZeroDivisionError"));
            rpy_exc_type = 0;
        }
    }
}

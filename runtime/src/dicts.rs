//! Dicts: insertion-ordered hash tables of word-sized keys and values
//! (`abi::dict_layout`).
//!
//! Entries live in insertion order in an array of (key, value, live)
//! words; an open-addressing index array maps hashes to entry numbers + 1
//! (0 = empty, -1 = a deleted slot). Keys compare as words (ints, bools,
//! chars, instances by identity: `kind` 0), as STR contents (`kind` 1), or
//! by the program's functions (any other `kind` is the address of a
//! prebuilt `abi::key_funcs_layout` struct: tuple keys, r_dict).
//! A prebuilt dict (in the program's data) has entries but no index yet;
//! the first lookup builds one.

use crate::alloc::rpy_malloc;
use crate::exc::raise;
use crate::strings::str_bytes;
use abi::dict_layout as dl;
use abi::ptr_array_layout as arr;

unsafe fn field(d: *mut u8, off: usize) -> *mut i64 {
    d.add(off) as *mut i64
}

unsafe fn array(d: *mut u8, off: usize) -> *mut u8 {
    *(d.add(off) as *mut *mut u8)
}

unsafe fn slot(a: *mut u8, i: i64) -> *mut i64 {
    a.add(arr::ITEMS + 8 * i as usize) as *mut i64
}

unsafe fn alen(a: *mut u8) -> i64 {
    if a.is_null() {
        0
    } else {
        *(a.add(arr::LENGTH) as *const i64)
    }
}

fn new_words(n: i64) -> *mut u8 {
    let a = rpy_malloc(abi::TID_WORD_ARRAY as i64, arr::ITEMS as i64 + 8 * n);
    unsafe { *(a.add(arr::LENGTH) as *mut i64) = n };
    a
}

type KeyEq = extern "C" fn(i64, i64) -> bool;
type KeyHash = extern "C" fn(i64) -> i64;

/// The program's key functions of a `kind` that is a key-funcs struct.
unsafe fn key_funcs(kind: i64) -> (KeyEq, KeyHash) {
    let p = kind as *const u8;
    let eq = *(p.add(abi::key_funcs_layout::EQ) as *const usize);
    let hash = *(p.add(abi::key_funcs_layout::HASH) as *const usize);
    (std::mem::transmute::<usize, KeyEq>(eq), std::mem::transmute::<usize, KeyHash>(hash))
}

/// FNV-1a over the chars of a STR.
pub unsafe fn str_hash(s: *const u8) -> u64 {
    let mut h: u64 = 0xcbf29ce484222325;
    for &b in str_bytes(s) {
        h = (h ^ b as u64).wrapping_mul(0x100000001b3);
    }
    h
}

/// `rpy_str_hash(s)`: the hash str keys use.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_hash(s: *const u8) -> i64 {
    if s.is_null() {
        0
    } else {
        str_hash(s) as i64
    }
}

unsafe fn hash(key: i64, kind: i64) -> u64 {
    match kind {
        0 => (key as u64).wrapping_mul(0x9e3779b97f4a7c15),
        1 => str_hash(key as *const u8),
        _ => (key_funcs(kind).1(key) as u64).wrapping_mul(0x9e3779b97f4a7c15),
    }
}

unsafe fn key_eq(a: i64, b: i64, kind: i64) -> bool {
    a == b
        || match kind {
            0 => false,
            1 => a != 0 && b != 0 && str_bytes(a as *const u8) == str_bytes(b as *const u8),
            _ => key_funcs(kind).0(a, b),
        }
}

/// `rpy_dict_new()`: an empty dict.
#[no_mangle]
pub extern "C" fn rpy_dict_new() -> *mut u8 {
    rpy_malloc(abi::TID_DICT as i64, dl::SIZE as i64)
}

/// The index slot for `key`: (slot number, entry number or -1).
unsafe fn find(d: *mut u8, key: i64, kind: i64) -> (i64, i64) {
    if array(d, dl::INDEX).is_null() && *field(d, dl::USED) > 0 {
        // A prebuilt dict comes with its entries only: index them now.
        rebuild(d, *field(d, dl::LENGTH), kind);
    }
    let index = array(d, dl::INDEX);
    let n = alen(index);
    if n == 0 {
        return (-1, -1);
    }
    let entries = array(d, dl::ENTRIES);
    let mask = n - 1;
    let mut i = (hash(key, kind) as i64) & mask;
    let mut free = -1;
    loop {
        let v = *slot(index, i);
        if v == 0 {
            return (if free >= 0 { free } else { i }, -1);
        }
        if v < 0 {
            if free < 0 {
                free = i;
            }
        } else if key_eq(*slot(entries, 3 * (v - 1)), key, kind) {
            return (i, v - 1);
        }
        i = (i + 1) & mask;
    }
}

/// Rebuilds the index and compacts the entries with room for `need` entries.
unsafe fn rebuild(d: *mut u8, need: i64, kind: i64) {
    let old = array(d, dl::ENTRIES);
    let used = *field(d, dl::USED);
    let cap = (need * 3 / 2).max(8);
    let entries = new_words(3 * cap);
    let mut k = 0;
    for i in 0..used {
        if *slot(old, 3 * i + 2) != 0 {
            for w in 0..3 {
                *slot(entries, 3 * k + w) = *slot(old, 3 * i + w);
            }
            k += 1;
        }
    }
    let mut size = 8;
    while size < 2 * cap {
        size *= 2;
    }
    *(d.add(dl::ENTRIES) as *mut *mut u8) = entries;
    *(d.add(dl::INDEX) as *mut *mut u8) = new_words(size);
    *field(d, dl::USED) = k;
    for e in 0..k {
        let (s, _) = find(d, *slot(entries, 3 * e), kind);
        *slot(array(d, dl::INDEX), s) = e + 1;
    }
}

/// `rpy_dict_lookup(d, key, kind)`: the entry number of `key`, or -1.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_lookup(d: *mut u8, key: i64, kind: i64) -> i64 {
    find(d, key, kind).1
}

/// `rpy_dict_getitem(d, key, kind)`: the value; raises KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_getitem(d: *mut u8, key: i64, kind: i64) -> i64 {
    match find(d, key, kind).1 {
        -1 => {
            raise("KeyError");
            0
        }
        e => *slot(array(d, dl::ENTRIES), 3 * e + 1),
    }
}

/// `rpy_dict_setitem(d, key, value, kind)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_setitem(d: *mut u8, key: i64, value: i64, kind: i64) {
    let (_, e) = find(d, key, kind);
    if e >= 0 {
        *slot(array(d, dl::ENTRIES), 3 * e + 1) = value;
        return;
    }
    let used = *field(d, dl::USED);
    if 3 * (used + 1) > alen(array(d, dl::ENTRIES)) || 2 * (used + 1) > alen(array(d, dl::INDEX)) {
        rebuild(d, *field(d, dl::LENGTH) + 1, kind);
    }
    let used = *field(d, dl::USED);
    let entries = array(d, dl::ENTRIES);
    *slot(entries, 3 * used) = key;
    *slot(entries, 3 * used + 1) = value;
    *slot(entries, 3 * used + 2) = 1;
    let (s, _) = find(d, key, kind);
    *slot(array(d, dl::INDEX), s) = used + 1;
    *field(d, dl::USED) = used + 1;
    *field(d, dl::LENGTH) += 1;
}

/// `rpy_dict_delitem(d, key, kind)`; raises KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_delitem(d: *mut u8, key: i64, kind: i64) {
    let (s, e) = find(d, key, kind);
    if e < 0 {
        raise("KeyError");
        return;
    }
    *slot(array(d, dl::INDEX), s) = -1;
    let entries = array(d, dl::ENTRIES);
    for w in 0..3 {
        *slot(entries, 3 * e + w) = 0;
    }
    *field(d, dl::LENGTH) -= 1;
}

/// `rpy_dict_next(d, i)`: the first live entry number `>= i`, or -1.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_next(d: *mut u8, i: i64) -> i64 {
    let entries = array(d, dl::ENTRIES);
    let used = *field(d, dl::USED);
    let mut i = i.max(0);
    while i < used {
        if *slot(entries, 3 * i + 2) != 0 {
            return i;
        }
        i += 1;
    }
    -1
}

/// `rpy_dict_key_at(d, e)` / `rpy_dict_value_at(d, e)`: entry `e`'s words.
/// `rpy_dict_last(d)`: the number of the last live entry, or KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_last(d: *mut u8) -> i64 {
    let entries = array(d, dl::ENTRIES);
    let mut i = *field(d, dl::USED) - 1;
    while i >= 0 {
        if *slot(entries, 3 * i + 2) != 0 {
            return i;
        }
        i -= 1;
    }
    raise("KeyError");
    0
}

#[no_mangle]
pub unsafe extern "C" fn rpy_dict_key_at(d: *mut u8, e: i64) -> i64 {
    *slot(array(d, dl::ENTRIES), 3 * e)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_dict_value_at(d: *mut u8, e: i64) -> i64 {
    *slot(array(d, dl::ENTRIES), 3 * e + 1)
}

/// `rpy_dict_clear(d)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_clear(d: *mut u8) {
    *(d.add(dl::ENTRIES) as *mut *mut u8) = std::ptr::null_mut();
    *(d.add(dl::INDEX) as *mut *mut u8) = std::ptr::null_mut();
    *field(d, dl::USED) = 0;
    *field(d, dl::LENGTH) = 0;
}

/// `rpy_dict_get(d, key, default, kind)`: the value, or `default`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_get(d: *mut u8, key: i64, default: i64, kind: i64) -> i64 {
    match find(d, key, kind).1 {
        -1 => default,
        e => *slot(array(d, dl::ENTRIES), 3 * e + 1),
    }
}

/// `rpy_dict_setdefault(d, key, default, kind)`: the value, after storing
/// `default` if the key was missing.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_setdefault(d: *mut u8, key: i64, default: i64, kind: i64) -> i64 {
    match find(d, key, kind).1 {
        -1 => {
            rpy_dict_setitem(d, key, default, kind);
            default
        }
        e => *slot(array(d, dl::ENTRIES), 3 * e + 1),
    }
}

/// `rpy_dict_pop(d, key, default, has_default, kind)`: removes the key and
/// returns its value; a missing key gives `default`, or KeyError without one.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_pop(d: *mut u8, key: i64, default: i64, has_default: i64, kind: i64) -> i64 {
    match find(d, key, kind).1 {
        -1 if has_default != 0 => default,
        -1 => {
            raise("KeyError");
            0
        }
        e => {
            let v = *slot(array(d, dl::ENTRIES), 3 * e + 1);
            rpy_dict_delitem(d, key, kind);
            v
        }
    }
}

/// `rpy_dict_update(d, other, kind)`: stores every entry of `other`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_update(d: *mut u8, other: *mut u8, kind: i64) {
    let mut e = rpy_dict_next(other, 0);
    while e >= 0 {
        rpy_dict_setitem(d, rpy_dict_key_at(other, e), rpy_dict_value_at(other, e), kind);
        e = rpy_dict_next(other, e + 1);
    }
}

/// `rpy_dict_copy(d, kind)`: a new dict with the same entries.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_copy(d: *mut u8, kind: i64) -> *mut u8 {
    let c = rpy_dict_new();
    rpy_dict_update(c, d, kind);
    c
}

/// Stores `word` in `size` bytes at `p`.
unsafe fn store(p: *mut u8, word: i64, size: i64) {
    if size == 1 {
        *p = word as u8;
    } else {
        *(p as *mut i64) = word;
    }
}

/// `rpy_dict_list(d, which, ltid, atid, isz)`: a new list of the keys
/// (`which` 0) or values (1), in insertion order, items of `isz` bytes.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_list(d: *mut u8, which: i64, ltid: i64, atid: i64, isz: i64) -> *mut u8 {
    let n = *field(d, dl::LENGTH);
    let l = crate::lists::rpy_list_new(ltid, atid, n, isz);
    let items = *(l.add(abi::ptr_list_layout::ITEMS) as *mut *mut u8);
    let (mut e, mut k) = (rpy_dict_next(d, 0), 0);
    while e >= 0 {
        let w = *slot(array(d, dl::ENTRIES), 3 * e + which);
        store(items.add(arr::ITEMS + (k * isz) as usize), w, isz);
        k += 1;
        e = rpy_dict_next(d, e + 1);
    }
    l
}

/// `rpy_dict_items(d, ltid, atid, ttid, tsize, koff, ksize, voff, vsize)`:
/// a new list of (key, value) tuples; a tuple has type id `ttid`, `tsize`
/// bytes, the key at `koff` (`ksize` bytes, 0 when not stored) and the value
/// at `voff`.
#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub unsafe extern "C" fn rpy_dict_items(
    d: *mut u8,
    ltid: i64,
    atid: i64,
    ttid: i64,
    tsize: i64,
    koff: i64,
    ksize: i64,
    voff: i64,
    vsize: i64,
) -> *mut u8 {
    let n = *field(d, dl::LENGTH);
    let l = crate::lists::rpy_list_new(ltid, atid, n, 8);
    let items = *(l.add(abi::ptr_list_layout::ITEMS) as *mut *mut u8);
    let (mut e, mut k) = (rpy_dict_next(d, 0), 0);
    while e >= 0 {
        let t = rpy_malloc(ttid, tsize);
        if ksize > 0 {
            store(t.add(koff as usize), rpy_dict_key_at(d, e), ksize);
        }
        if vsize > 0 {
            store(t.add(voff as usize), rpy_dict_value_at(d, e), vsize);
        }
        *(items.add(arr::ITEMS + 8 * k) as *mut *mut u8) = t;
        k += 1;
        e = rpy_dict_next(d, e + 1);
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_lookup_delete_in_order() {
        unsafe {
            let d = rpy_dict_new();
            for k in 0..100 {
                rpy_dict_setitem(d, k * 7, k, 0);
            }
            rpy_dict_setitem(d, 14, -2, 0);
            assert_eq!(rpy_dict_getitem(d, 14, 0), -2);
            rpy_dict_delitem(d, 0, 0);
            assert_eq!(rpy_dict_lookup(d, 0, 0), -1);
            assert_eq!(*field(d, dl::LENGTH), 99);
            let first = rpy_dict_next(d, 0);
            assert_eq!(rpy_dict_key_at(d, first), 7);
            let s = rpy_dict_new();
            let a = crate::strings::new_str(b"abc") as i64;
            let b = crate::strings::new_str(b"abc") as i64;
            rpy_dict_setitem(s, a, 5, 1);
            assert_eq!(rpy_dict_getitem(s, b, 1), 5);
        }
    }
}

//! Dicts: insertion-ordered hash tables of word-sized keys and values
//! (`abi::dict_layout`).
//!
//! Entries live in insertion order in an array of (key, value, live)
//! triples (`abi::dict_entries_layout`, allocated with the dict's
//! `entries_tid`, which tells the collector whether keys and values are GC
//! pointers); an open-addressing index array maps hashes to entry numbers +
//! 1 (0 = empty, -1 = a deleted slot). Keys compare as words (ints, bools,
//! chars: `kind` 0), as STR contents (`kind` 1), by identity (other GC
//! pointers, hashed by their identity hash: `kind` 2), or by the program's
//! functions (any other `kind` is the address of a prebuilt
//! `abi::key_funcs_layout` struct: tuple keys, r_dict). A prebuilt dict (in
//! the program's data) has entries but no index yet; the first lookup
//! builds one.
//!
//! Under the moving collector, the program's key functions and every
//! allocation may move the dict, its arrays and pointer keys and values: an
//! operation keeps them in an `Op` and runs such code through `Op::keep`,
//! re-reading the arrays from the dict afterwards.

use crate::alloc::{keep, rpy_malloc, write_barrier, write_barrier_item};
use crate::exc::raise;
use crate::strings::str_bytes;
use abi::dict_entries_layout as de;
use abi::dict_layout as dl;
use abi::ptr_array_layout as arr;

unsafe fn field(d: *mut u8, off: usize) -> *mut i64 {
    d.add(off) as *mut i64
}

unsafe fn array(d: *mut u8, off: usize) -> *mut u8 {
    *(d.add(off) as *mut *mut u8)
}

/// Word `i` of the index array `a`.
unsafe fn slot(a: *mut u8, i: i64) -> *mut i64 {
    a.add(arr::ITEMS + 8 * i as usize) as *mut i64
}

/// Word `w` (`de::KEY`, `de::VALUE`, `de::LIVE`) of entry `e` of dict `d`.
unsafe fn entry(d: *mut u8, e: i64, w: usize) -> *mut i64 {
    array(d, dl::ENTRIES).add(de::ITEMS + de::ENTRY_SIZE * e as usize + w) as *mut i64
}

unsafe fn alen(a: *mut u8) -> i64 {
    if a.is_null() {
        0
    } else {
        *(a.add(arr::LENGTH) as *const i64)
    }
}

fn new_array(tid: u32, n: i64, item_size: usize) -> *mut u8 {
    let a = rpy_malloc(tid as i64, arr::ITEMS as i64 + item_size as i64 * n);
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

/// A dict operation's GC pointers: the dict, and its key and value words
/// when they are pointers (the dict's `entries_tid` says).
struct Op {
    d: *mut u8,
    key: i64,
    value: i64,
    key_is_ptr: bool,
    value_is_ptr: bool,
}

impl Op {
    unsafe fn new(d: *mut u8, key: i64, value: i64) -> Op {
        let bits = (*field(d, dl::ENTRIES_TID) as u32).wrapping_sub(abi::TID_DICT_ENTRIES);
        Op { d, key, value, key_is_ptr: bits & 1 != 0, value_is_ptr: bits & 2 != 0 }
    }

    /// Runs `f`, which may collect, keeping the operation's pointers (and
    /// `extra`, a pointer or null) up to date.
    fn keep<R>(&mut self, extra: &mut *mut u8, f: impl FnOnce() -> R) -> R {
        let word = |w: i64, is_ptr: bool| if is_ptr { w as *mut u8 } else { std::ptr::null_mut() };
        let mut roots = [self.d, word(self.key, self.key_is_ptr), word(self.value, self.value_is_ptr), *extra];
        let r = keep(&mut roots, f);
        self.d = roots[0];
        if self.key_is_ptr {
            self.key = roots[1] as i64;
        }
        if self.value_is_ptr {
            self.value = roots[2] as i64;
        }
        *extra = roots[3];
        r
    }

    /// The hash of `key` (may call the program's hash function).
    unsafe fn hash(&mut self, key: i64, kind: i64) -> u64 {
        match kind {
            0 => (key as u64).wrapping_mul(0x9e3779b97f4a7c15),
            1 => str_hash(key as *const u8),
            2 => (crate::alloc::rpy_identity_hash(key as *mut u8) as u64).wrapping_mul(0x9e3779b97f4a7c15),
            _ => {
                let h = self.keep(&mut std::ptr::null_mut(), || key_funcs(kind).1(key));
                (h as u64).wrapping_mul(0x9e3779b97f4a7c15)
            }
        }
    }

    /// Whether the key of entry `e` equals the operation's key.
    unsafe fn key_eq(&mut self, e: i64, kind: i64) -> bool {
        let a = *entry(self.d, e, de::KEY);
        let b = self.key;
        a == b
            || match kind {
                0 | 2 => false,
                1 => a != 0 && b != 0 && str_bytes(a as *const u8) == str_bytes(b as *const u8),
                _ => self.keep(&mut std::ptr::null_mut(), || key_funcs(kind).0(a, b)),
            }
    }
}

/// `rpy_dict_new(entries_tid)`: an empty dict.
#[no_mangle]
pub extern "C" fn rpy_dict_new(entries_tid: i64) -> *mut u8 {
    let d = rpy_malloc(abi::TID_DICT as i64, dl::SIZE as i64);
    unsafe { *field(d, dl::ENTRIES_TID) = entries_tid };
    d
}

/// Where the operation's key is: (index slot, entry number or -1, hash).
/// The slot is where to insert the key when it is missing.
unsafe fn find(op: &mut Op, kind: i64) -> (i64, i64, u64) {
    if array(op.d, dl::INDEX).is_null() && *field(op.d, dl::USED) > 0 {
        // A prebuilt dict comes with its entries only: index them now.
        rebuild(op, *field(op.d, dl::LENGTH), kind);
    }
    let n = alen(array(op.d, dl::INDEX));
    if n == 0 {
        return (-1, -1, 0);
    }
    let h = op.hash(op.key, kind);
    let mask = n - 1;
    let mut i = (h as i64) & mask;
    let mut free = -1;
    loop {
        let v = *slot(array(op.d, dl::INDEX), i);
        if v == 0 {
            return (if free >= 0 { free } else { i }, -1, h);
        }
        if v < 0 {
            if free < 0 {
                free = i;
            }
        } else if op.key_eq(v - 1, kind) {
            return (i, v - 1, h);
        }
        i = (i + 1) & mask;
    }
}

/// The first empty index slot for hash `h` (the index has room).
unsafe fn empty_slot(d: *mut u8, h: u64) -> i64 {
    let index = array(d, dl::INDEX);
    let mask = alen(index) - 1;
    let mut i = (h as i64) & mask;
    while *slot(index, i) != 0 {
        i = (i + 1) & mask;
    }
    i
}

/// Rebuilds the index and compacts the entries with room for `need` entries.
unsafe fn rebuild(op: &mut Op, need: i64, kind: i64) {
    let cap = (need * 3 / 2).max(8);
    let tid = *field(op.d, dl::ENTRIES_TID) as u32;
    let mut size = 8;
    while size < 2 * cap {
        size *= 2;
    }
    let mut entries = op.keep(&mut std::ptr::null_mut(), || new_array(tid, cap, de::ENTRY_SIZE));
    let index = op.keep(&mut entries, || new_array(abi::TID_WORD_ARRAY, size, 8));
    // The index allocation may have made the entries old.
    write_barrier(entries);
    let used = *field(op.d, dl::USED);
    let mut k = 0;
    for i in 0..used {
        if *entry(op.d, i, de::LIVE) != 0 {
            let from = entry(op.d, i, 0);
            let to = entries.add(de::ITEMS + de::ENTRY_SIZE * k as usize) as *mut i64;
            std::ptr::copy_nonoverlapping(from, to, 3);
            k += 1;
        }
    }
    write_barrier(op.d);
    *(op.d.add(dl::ENTRIES) as *mut *mut u8) = entries;
    *(op.d.add(dl::INDEX) as *mut *mut u8) = index;
    *field(op.d, dl::USED) = k;
    for e in 0..k {
        let h = op.hash(*entry(op.d, e, de::KEY), kind);
        let s = empty_slot(op.d, h);
        *slot(array(op.d, dl::INDEX), s) = e + 1;
    }
}

/// `rpy_dict_lookup(d, key, kind)`: the entry number of `key`, or -1.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_lookup(d: *mut u8, key: i64, kind: i64) -> i64 {
    find(&mut Op::new(d, key, 0), kind).1
}

/// `rpy_dict_getitem(d, key, kind)`: the value; raises KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_getitem(d: *mut u8, key: i64, kind: i64) -> i64 {
    let mut op = Op::new(d, key, 0);
    match find(&mut op, kind).1 {
        -1 => {
            raise("KeyError");
            0
        }
        e => *entry(op.d, e, de::VALUE),
    }
}

/// Stores the operation's key and value.
unsafe fn setitem(op: &mut Op, kind: i64) {
    let (mut s, e, h) = find(op, kind);
    if e >= 0 {
        if op.value_is_ptr {
            write_barrier_item(array(op.d, dl::ENTRIES), e);
        }
        *entry(op.d, e, de::VALUE) = op.value;
        return;
    }
    let used = *field(op.d, dl::USED);
    if used + 1 > alen(array(op.d, dl::ENTRIES)) || 2 * (used + 1) > alen(array(op.d, dl::INDEX)) {
        rebuild(op, *field(op.d, dl::LENGTH) + 1, kind);
        let h = if s < 0 { op.hash(op.key, kind) } else { h };
        s = empty_slot(op.d, h);
    }
    let used = *field(op.d, dl::USED);
    if op.key_is_ptr || op.value_is_ptr {
        write_barrier_item(array(op.d, dl::ENTRIES), used);
    }
    *entry(op.d, used, de::KEY) = op.key;
    *entry(op.d, used, de::VALUE) = op.value;
    *entry(op.d, used, de::LIVE) = 1;
    *slot(array(op.d, dl::INDEX), s) = used + 1;
    *field(op.d, dl::USED) = used + 1;
    *field(op.d, dl::LENGTH) += 1;
}

/// `rpy_dict_setitem(d, key, value, kind)`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_setitem(d: *mut u8, key: i64, value: i64, kind: i64) {
    setitem(&mut Op::new(d, key, value), kind)
}

/// Removes entry `e`, found at index slot `s`.
unsafe fn remove(d: *mut u8, s: i64, e: i64) {
    *slot(array(d, dl::INDEX), s) = -1;
    std::ptr::write_bytes(entry(d, e, 0), 0, 3);
    *field(d, dl::LENGTH) -= 1;
}

/// `rpy_dict_delitem(d, key, kind)`; raises KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_delitem(d: *mut u8, key: i64, kind: i64) {
    let mut op = Op::new(d, key, 0);
    match find(&mut op, kind) {
        (_, -1, _) => raise("KeyError"),
        (s, e, _) => remove(op.d, s, e),
    }
}

/// `rpy_dict_next(d, i)`: the first live entry number `>= i`, or -1.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_next(d: *mut u8, i: i64) -> i64 {
    let used = *field(d, dl::USED);
    let mut i = i.max(0);
    while i < used {
        if *entry(d, i, de::LIVE) != 0 {
            return i;
        }
        i += 1;
    }
    -1
}

/// `rpy_dict_last(d)`: the number of the last live entry, or KeyError.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_last(d: *mut u8) -> i64 {
    let mut i = *field(d, dl::USED) - 1;
    while i >= 0 {
        if *entry(d, i, de::LIVE) != 0 {
            return i;
        }
        i -= 1;
    }
    raise("KeyError");
    0
}

/// `rpy_dict_key_at(d, e)` / `rpy_dict_value_at(d, e)`: entry `e`'s words.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_key_at(d: *mut u8, e: i64) -> i64 {
    *entry(d, e, de::KEY)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_dict_value_at(d: *mut u8, e: i64) -> i64 {
    *entry(d, e, de::VALUE)
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
    let mut op = Op::new(d, key, default);
    match find(&mut op, kind).1 {
        -1 => op.value,
        e => *entry(op.d, e, de::VALUE),
    }
}

/// `rpy_dict_setdefault(d, key, default, kind)`: the value, after storing
/// `default` if the key was missing.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_setdefault(d: *mut u8, key: i64, default: i64, kind: i64) -> i64 {
    let mut op = Op::new(d, key, default);
    match find(&mut op, kind).1 {
        -1 => {
            setitem(&mut op, kind);
            op.value
        }
        e => *entry(op.d, e, de::VALUE),
    }
}

/// `rpy_dict_pop(d, key, default, has_default, kind)`: removes the key and
/// returns its value; a missing key gives `default`, or KeyError without one.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_pop(d: *mut u8, key: i64, default: i64, has_default: i64, kind: i64) -> i64 {
    let mut op = Op::new(d, key, default);
    match find(&mut op, kind) {
        (_, -1, _) if has_default != 0 => op.value,
        (_, -1, _) => {
            raise("KeyError");
            0
        }
        (s, e, _) => {
            let v = *entry(op.d, e, de::VALUE);
            remove(op.d, s, e);
            v
        }
    }
}

/// `rpy_dict_update(d, other, kind)`: stores every entry of `other`.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_update(d: *mut u8, other: *mut u8, kind: i64) {
    update(d, other, kind);
}

/// Stores every entry of `other` into `d`; returns `d` (which may have moved).
unsafe fn update(d: *mut u8, other: *mut u8, kind: i64) -> *mut u8 {
    let (mut d, mut other) = (d, other);
    let mut e = rpy_dict_next(other, 0);
    while e >= 0 {
        let mut op = Op::new(d, rpy_dict_key_at(other, e), rpy_dict_value_at(other, e));
        // `setitem` may collect: keep `other` on the shadow stack meanwhile.
        let mut roots = [other];
        keep(&mut roots, || setitem(&mut op, kind));
        other = roots[0];
        d = op.d;
        e = rpy_dict_next(other, e + 1);
    }
    d
}

/// `rpy_dict_copy(d, kind)`: a new dict with the same entries.
#[no_mangle]
pub unsafe extern "C" fn rpy_dict_copy(d: *mut u8, kind: i64) -> *mut u8 {
    let tid = *field(d, dl::ENTRIES_TID);
    let mut roots = [d];
    let c = keep(&mut roots, || rpy_dict_new(tid));
    update(c, roots[0], kind)
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
    let mut roots = [d];
    let l = keep(&mut roots, || crate::lists::rpy_list_new(ltid, atid, n, isz));
    let d = roots[0];
    let items = crate::lists::items(l);
    write_barrier(items);
    let word = if which == 0 { de::KEY } else { de::VALUE };
    let (mut e, mut k) = (rpy_dict_next(d, 0), 0);
    while e >= 0 {
        store(items.add(arr::ITEMS + (k * isz) as usize), *entry(d, e, word), isz);
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
    let mut roots = [d, std::ptr::null_mut()];
    roots[1] = keep(&mut roots[..1], || crate::lists::rpy_list_new(ltid, atid, n, 8));
    let (mut e, mut k) = (rpy_dict_next(roots[0], 0), 0);
    while e >= 0 {
        let t = keep(&mut roots, || rpy_malloc(ttid, tsize));
        let [d, l] = roots;
        // The tuple is young; the list's items may be old by now.
        if ksize > 0 {
            store(t.add(koff as usize), rpy_dict_key_at(d, e), ksize);
        }
        if vsize > 0 {
            store(t.add(voff as usize), rpy_dict_value_at(d, e), vsize);
        }
        let items = crate::lists::items(l);
        write_barrier_item(items, k);
        *(items.add(arr::ITEMS + 8 * k as usize) as *mut *mut u8) = t;
        k += 1;
        e = rpy_dict_next(d, e + 1);
    }
    roots[1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_lookup_delete_in_order() {
        unsafe {
            let d = rpy_dict_new(abi::TID_DICT_ENTRIES as i64);
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
            let s = rpy_dict_new(abi::dict_entries_tid(true, false) as i64);
            let a = crate::strings::new_str(b"abc") as i64;
            let b = crate::strings::new_str(b"abc") as i64;
            rpy_dict_setitem(s, a, 5, 1);
            assert_eq!(rpy_dict_getitem(s, b, 1), 5);
        }
    }
}

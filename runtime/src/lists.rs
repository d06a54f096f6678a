//! Lists: the helpers generated code calls for list operations that move
//! or allocate items.
//!
//! A list has one of two layouts (`abi::ptr_list_layout`): a resizable list
//! is header | length | items: *ARRAY (the array's length being the
//! capacity); a fixed-size list (one the program never resizes) is the
//! ARRAY itself, header | length | items. Items are `item_size` bytes (1 or
//! 8). Functions that read lists accept both, told apart by the header's
//! type id (arrays are varsize in the type table); functions that build one
//! take the type ids to allocate with, a list type id of 0 asking for a
//! fixed-size list, so one set of helpers serves every item type. Functions
//! that change the length take resizable lists only. Indexes passed in are
//! already checked unless the function says otherwise.

//!
//! Under the moving collector a function keeps the lists it holds across an
//! allocation with `keep`, and calls `write_barrier` on an items array
//! before copying items into it (the items may be GC pointers).

use crate::alloc::{keep, rpy_malloc, write_barrier};
use crate::exc::raise;
use abi::{ptr_array_layout as arr, ptr_list_layout as lst};

unsafe fn word(p: *mut u8, off: usize) -> *mut i64 {
    p.add(off) as *mut i64
}

/// The length of a list of either layout (both keep it in the same word).
pub(crate) unsafe fn length(l: *mut u8) -> i64 {
    *word(l, lst::LENGTH)
}

/// Whether `l` is a fixed-size list (an array).
unsafe fn is_fixed(l: *mut u8) -> bool {
    crate::alloc::is_array(crate::alloc::tid_of(l))
}

/// The GC array holding the items of a list of either layout (null for a
/// resizable list without one).
pub(crate) unsafe fn items(l: *mut u8) -> *mut u8 {
    if is_fixed(l) {
        l
    } else {
        *(l.add(lst::ITEMS) as *mut *mut u8)
    }
}

unsafe fn capacity(l: *mut u8) -> i64 {
    let a = items(l);
    if a.is_null() {
        0
    } else {
        *word(a, arr::LENGTH)
    }
}

/// Address of item `i` of list `l` (either layout).
pub(crate) unsafe fn item_addr(l: *mut u8, i: i64, isz: i64) -> *mut u8 {
    items(l).add(arr::ITEMS + (i * isz) as usize)
}

fn new_array(array_tid: i64, cap: i64, isz: i64) -> *mut u8 {
    let a = rpy_malloc(array_tid, arr::ITEMS as i64 + cap * isz);
    unsafe { *word(a, arr::LENGTH) = cap };
    a
}

/// `rpy_list_new(list_tid, array_tid, len, item_size)`: a list of `len`
/// zeroed items; with `list_tid` 0, a fixed-size list.
#[no_mangle]
pub extern "C" fn rpy_list_new(list_tid: i64, array_tid: i64, len: i64, isz: i64) -> *mut u8 {
    let len = len.max(0);
    if list_tid == 0 {
        return new_array(array_tid, len, isz);
    }
    let mut a = [new_array(array_tid, len, isz)];
    // The list is the newer object: young, so no barrier.
    let l = keep(&mut a, || rpy_malloc(list_tid, lst::SIZE as i64));
    let [a] = a;
    unsafe {
        *word(l, lst::LENGTH) = len;
        *(l.add(lst::ITEMS) as *mut *mut u8) = a;
    }
    l
}

/// `rpy_str_to_list(s, list_tid, array_tid)`: `list(s)`, a list of chars.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_to_list(s: *const u8, list_tid: i64, array_tid: i64) -> *mut u8 {
    let n = crate::strings::str_bytes(s).len();
    let mut s = [s as *mut u8];
    let l = keep(&mut s, || rpy_list_new(list_tid, array_tid, n as i64, 1));
    let b = crate::strings::str_bytes(s[0]);
    std::ptr::copy_nonoverlapping(b.as_ptr(), item_addr(l, 0, 1), b.len());
    l
}

/// `rpy_list_range(start, stop, step, list_tid, array_tid)`: `range()` as
/// a list of ints; ValueError for a zero step.
#[no_mangle]
pub extern "C" fn rpy_list_range(start: i64, stop: i64, step: i64, list_tid: i64, array_tid: i64) -> *mut u8 {
    if step == 0 {
        raise("ValueError");
        return std::ptr::null_mut();
    }
    let n = if step > 0 {
        if stop > start { ((stop as i128 - start as i128 + step as i128 - 1) / step as i128) as i64 } else { 0 }
    } else if start > stop {
        ((start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))) as i64
    } else {
        0
    };
    let l = rpy_list_new(list_tid, array_tid, n, 8);
    let items = unsafe { item_addr(l, 0, 8) as *mut i64 };
    for i in 0..n {
        unsafe { *items.add(i as usize) = start.wrapping_add(i.wrapping_mul(step)) };
    }
    l
}

/// `rpy_list_resize(l, newlen, array_tid, item_size)`: sets the length,
/// growing the items array (by about 1/8 more than needed) when it is too
/// small; items past the length are zero.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_resize(l: *mut u8, newlen: i64, array_tid: i64, isz: i64) {
    resize(l, newlen, array_tid, isz);
}

/// `rpy_list_resize`, returning the list (which may have moved).
unsafe fn resize(l: *mut u8, newlen: i64, array_tid: i64, isz: i64) -> *mut u8 {
    let old = length(l);
    let newlen = newlen.max(0);
    if newlen > capacity(l) {
        let cap = newlen + (newlen >> 3) + if newlen < 9 { 3 } else { 6 };
        let mut roots = [l];
        let a = keep(&mut roots, || new_array(array_tid, cap, isz));
        let [l] = roots;
        // The new array is young: no barrier to fill it.
        std::ptr::copy_nonoverlapping(item_addr(l, 0, isz), a.add(arr::ITEMS), (old * isz) as usize);
        write_barrier(l);
        *(l.add(lst::ITEMS) as *mut *mut u8) = a;
        *word(l, lst::LENGTH) = newlen;
        return l;
    } else if newlen < old {
        std::ptr::write_bytes(item_addr(l, newlen, isz), 0, ((old - newlen) * isz) as usize);
    }
    *word(l, lst::LENGTH) = newlen;
    l
}

/// `rpy_list_check_index(l, i)`: `i` made non-negative Python's way; raises
/// IndexError (returning 0) when out of range.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_check_index(l: *mut u8, i: i64) -> i64 {
    let n = length(l);
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    if j < 0 || j >= n {
        raise("IndexError");
        return 0;
    }
    j
}

/// `rpy_list_insert_room(l, i, array_tid, item_size)`: makes room for one
/// item before index `i` (clamped as `list.insert` does) and returns where
/// to store it.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_insert_room(l: *mut u8, i: i64, array_tid: i64, isz: i64) -> i64 {
    let n = length(l);
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    let l = resize(l, n + 1, array_tid, isz);
    write_barrier(items(l));
    std::ptr::copy(item_addr(l, j, isz), item_addr(l, j + 1, isz), ((n - j) * isz) as usize);
    j
}

/// `rpy_list_delete(l, i, item_size)`: removes item `i` (in range).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_delete(l: *mut u8, i: i64, isz: i64) {
    let n = length(l);
    write_barrier(items(l));
    std::ptr::copy(item_addr(l, i + 1, isz), item_addr(l, i, isz), ((n - i - 1) * isz) as usize);
    std::ptr::write_bytes(item_addr(l, n - 1, isz), 0, isz as usize);
    *word(l, lst::LENGTH) = n - 1;
}

/// `rpy_list_extend(l, other, array_tid, item_size)`: appends the items of
/// `other` (which may be `l` itself).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_extend(l: *mut u8, other: *mut u8, array_tid: i64, isz: i64) {
    let (n, m) = (length(l), length(other));
    let mut roots = [other];
    let l = keep(&mut roots, || resize(l, n + m, array_tid, isz));
    let [other] = roots;
    write_barrier(items(l));
    std::ptr::copy(item_addr(other, 0, isz), item_addr(l, n, isz), (m * isz) as usize);
}

/// `rpy_list_concat(a, b, list_tid, array_tid, item_size)`: a new list `a + b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_concat(a: *mut u8, b: *mut u8, list_tid: i64, array_tid: i64, isz: i64) -> *mut u8 {
    let (n, m) = (length(a), length(b));
    let mut roots = [a, b];
    let l = keep(&mut roots, || rpy_list_new(list_tid, array_tid, n + m, isz));
    let [a, b] = roots;
    write_barrier(items(l));
    std::ptr::copy_nonoverlapping(item_addr(a, 0, isz), item_addr(l, 0, isz), (n * isz) as usize);
    std::ptr::copy_nonoverlapping(item_addr(b, 0, isz), item_addr(l, n, isz), (m * isz) as usize);
    l
}

/// `rpy_list_repeat(a, times, list_tid, array_tid, item_size)`: a new list
/// `a * times` (empty when `times <= 0`).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_repeat(a: *mut u8, times: i64, list_tid: i64, array_tid: i64, isz: i64) -> *mut u8 {
    let n = length(a);
    let times = times.max(0);
    let total = match n.checked_mul(times) {
        Some(t) => t,
        None => {
            raise("MemoryError");
            return std::ptr::null_mut();
        }
    };
    let mut roots = [a];
    let l = keep(&mut roots, || rpy_list_new(list_tid, array_tid, total, isz));
    let [a] = roots;
    write_barrier(items(l));
    let (from, to) = (item_addr(a, 0, isz), item_addr(l, 0, isz));
    for k in 0..times {
        std::ptr::copy_nonoverlapping(from, to.add((k * n * isz) as usize), (n * isz) as usize);
    }
    l
}

/// Python's clamping of slice bounds `[start:stop]` for a sequence of `n`.
pub fn slice_bounds(n: i64, start: i64, stop: i64) -> (i64, i64) {
    let fix = |i: i64| if i < 0 { (i.saturating_add(n)).max(0) } else { i.min(n) };
    let (a, b) = (fix(start), fix(stop));
    (a, b.max(a))
}

/// `rpy_list_slice(l, start, stop, list_tid, array_tid, item_size)`: a new
/// list `l[start:stop]` (a missing stop is passed as `i64::MAX`).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_slice(l: *mut u8, start: i64, stop: i64, list_tid: i64, array_tid: i64, isz: i64) -> *mut u8 {
    let (a, b) = slice_bounds(length(l), start, stop);
    let mut roots = [l];
    let r = keep(&mut roots, || rpy_list_new(list_tid, array_tid, b - a, isz));
    let [l] = roots;
    write_barrier(items(r));
    std::ptr::copy_nonoverlapping(item_addr(l, a, isz), item_addr(r, 0, isz), ((b - a) * isz) as usize);
    r
}

/// `rpy_list_setslice(l, start, stop, other, item_size)`: `l[start:stop] =
/// other` when both have the same length (ValueError otherwise: RPython
/// only allows slice assignment that keeps the length).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_setslice(l: *mut u8, start: i64, stop: i64, other: *mut u8, isz: i64) {
    let (a, b) = slice_bounds(length(l), start, stop);
    if b - a != length(other) {
        raise("ValueError");
        return;
    }
    write_barrier(items(l));
    std::ptr::copy(item_addr(other, 0, isz), item_addr(l, a, isz), ((b - a) * isz) as usize);
}

/// `rpy_list_delslice(l, start, stop, item_size)`: `del l[start:stop]`.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_delslice(l: *mut u8, start: i64, stop: i64, isz: i64) {
    let n = length(l);
    let (a, b) = slice_bounds(n, start, stop);
    write_barrier(items(l));
    std::ptr::copy(item_addr(l, b, isz), item_addr(l, a, isz), ((n - b) * isz) as usize);
    std::ptr::write_bytes(item_addr(l, n - (b - a), isz), 0, ((b - a) * isz) as usize);
    *word(l, lst::LENGTH) = n - (b - a);
}

/// `rpy_list_reverse(l, item_size)`: reverses the items in place.
#[no_mangle]
pub unsafe extern "C" fn rpy_list_reverse(l: *mut u8, isz: i64) {
    let n = length(l);
    write_barrier(items(l));
    let bytes = std::slice::from_raw_parts_mut(item_addr(l, 0, isz), (n * isz) as usize);
    if isz == 1 {
        bytes.reverse();
    } else {
        for (i, j) in (0..n as usize / 2).map(|i| (i, n as usize - 1 - i)) {
            for k in 0..isz as usize {
                bytes.swap(i * isz as usize + k, j * isz as usize + k);
            }
        }
    }
}

/// Python's `repr()` of a str: single quotes unless the text has a single
/// quote and no double quote; backslash escapes for the quote, `\\`,
/// `\t`, `\n`, `\r` and other non-printable bytes.
pub fn str_repr(bytes: &[u8], out: &mut Vec<u8>) {
    let quote = if bytes.contains(&b'\'') && !bytes.contains(&b'"') { b'"' } else { b'\'' };
    out.push(quote);
    for &c in bytes {
        match c {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            c if c == quote => {
                out.push(b'\\');
                out.push(c);
            }
            0x20..=0x7e => out.push(c),
            c => out.extend_from_slice(format!("\\x{:02x}", c).as_bytes()),
        }
    }
    out.push(quote);
}

/// `rpy_list_repr(l, kind)`: `str()` of a list (or None) as Python prints
/// it. `kind & 3` says what the innermost items are: 0 ints (8 bytes), 1
/// bools (1 byte), 2 chars (1 byte), 3 STRs (8-byte pointers, None printed
/// as such); `kind >> 2` is how many list levels lie between (a list of
/// lists of ints is 4).
#[no_mangle]
pub unsafe extern "C" fn rpy_list_repr(l: *mut u8, kind: i64) -> *mut u8 {
    let mut out = Vec::new();
    list_repr_into(l, kind, &mut out);
    crate::strings::new_str(&out)
}

unsafe fn list_repr_into(l: *mut u8, kind: i64, out: &mut Vec<u8>) {
    if l.is_null() {
        out.extend_from_slice(b"None");
        return;
    }
    out.push(b'[');
    let nested = kind >> 2 > 0;
    let isz = if !nested && (kind == 1 || kind == 2) { 1 } else { 8 };
    let items = item_addr(l, 0, isz);
    for i in 0..length(l) {
        if i > 0 {
            out.extend_from_slice(b", ");
        }
        let p = items.add((i * isz) as usize);
        if nested {
            list_repr_into(*(p as *const *mut u8), kind - 4, out);
            continue;
        }
        match kind {
            0 => out.extend_from_slice((*(p as *const i64)).to_string().as_bytes()),
            1 => out.extend_from_slice(if *p != 0 { b"True" } else { b"False" }),
            2 => str_repr(&[*p], out),
            _ => {
                let s = *(p as *const *const u8);
                if s.is_null() {
                    out.extend_from_slice(b"None");
                } else {
                    str_repr(crate::strings::str_bytes(s), out);
                }
            }
        }
    }
    out.push(b']');
}

#[cfg(test)]
mod tests {
    use super::*;

    unsafe fn ints(l: *mut u8) -> Vec<i64> {
        (0..length(l)).map(|i| *(item_addr(l, i, 8) as *mut i64)).collect()
    }

    unsafe fn from(v: &[i64]) -> *mut u8 {
        let l = rpy_list_new(40, 41, v.len() as i64, 8);
        for (i, x) in v.iter().enumerate() {
            *(item_addr(l, i as i64, 8) as *mut i64) = *x;
        }
        l
    }

    #[test]
    fn reprs() {
        let mut out = Vec::new();
        str_repr(b"it's", &mut out);
        str_repr(b"a\n'\"", &mut out);
        assert_eq!(out, b"\"it's\"'a\\n\\'\"'".to_vec());
        unsafe {
            let l = from(&[1, -2]);
            assert_eq!(crate::strings::str_bytes(rpy_list_repr(l, 0)), b"[1, -2]");
        }
    }

    #[test]
    fn grow_insert_delete() {
        unsafe {
            let l = from(&[1, 2, 3]);
            for k in 0..20 {
                let n = length(l);
                rpy_list_resize(l, n + 1, 41, 8);
                *(item_addr(l, n, 8) as *mut i64) = 10 + k;
            }
            assert_eq!(length(l), 23);
            let j = rpy_list_insert_room(l, -100, 41, 8);
            assert_eq!(j, 0);
            *(item_addr(l, 0, 8) as *mut i64) = 0;
            rpy_list_delete(l, 1, 8);
            assert_eq!(&ints(l)[..4], &[0, 2, 3, 10]);
            assert_eq!(rpy_list_check_index(l, -1), 22);
        }
    }

    #[test]
    fn fixed_size_lists() {
        unsafe {
            // ltid 0 builds the array itself; readers accept both layouts.
            let l = from(&[1, 2, 3]);
            let f = rpy_list_slice(l, 0, i64::MAX, 0, 41, 8);
            assert_eq!(crate::alloc::tid_of(f), 41);
            assert_eq!(ints(f), vec![1, 2, 3]);
            assert_eq!(ints(rpy_list_concat(f, l, 40, 41, 8)), vec![1, 2, 3, 1, 2, 3]);
            assert_eq!(ints(rpy_list_repeat(f, 2, 0, 41, 8)), vec![1, 2, 3, 1, 2, 3]);
            rpy_list_reverse(f, 8);
            rpy_list_setslice(f, 0, 1, from(&[7]), 8);
            assert_eq!(crate::strings::str_bytes(rpy_list_repr(f, 0)), b"[7, 2, 1]");
            assert_eq!(rpy_list_check_index(f, -3), 0);
            rpy_list_extend(l, f, 41, 8);
            assert_eq!(ints(l), vec![1, 2, 3, 7, 2, 1]);
        }
    }

    #[test]
    fn slices_concat_repeat_reverse() {
        unsafe {
            let l = from(&[1, 2, 3, 4, 5]);
            assert_eq!(ints(rpy_list_slice(l, 1, 3, 40, 41, 8)), vec![2, 3]);
            assert_eq!(ints(rpy_list_slice(l, -2, i64::MAX, 40, 41, 8)), vec![4, 5]);
            assert_eq!(ints(rpy_list_slice(l, 4, 2, 40, 41, 8)), Vec::<i64>::new());
            assert_eq!(ints(rpy_list_repeat(from(&[7, 8]), 2, 40, 41, 8)), vec![7, 8, 7, 8]);
            assert_eq!(ints(rpy_list_concat(from(&[1]), from(&[2, 3]), 40, 41, 8)), vec![1, 2, 3]);
            rpy_list_reverse(l, 8);
            assert_eq!(ints(l), vec![5, 4, 3, 2, 1]);
            rpy_list_setslice(l, 0, 2, from(&[9, 9]), 8);
            rpy_list_delslice(l, 1, 3, 8);
            assert_eq!(ints(l), vec![9, 2, 1]);
            rpy_list_extend(l, l, 41, 8);
            assert_eq!(ints(l), vec![9, 2, 1, 9, 2, 1]);
        }
    }
}

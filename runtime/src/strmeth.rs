//! The str methods generated code calls (`abi::runtime::STR_*`): searching,
//! splitting, joining, stripping, case and character tests. Lists of strs
//! are PTR_LISTs (`abi::TID_PTR_LIST`) or fixed-size PTR_ARRAYs.

use crate::lists::rpy_list_new;
use crate::strings::{new_str, str_bytes};
use abi::ptr_array_layout as arr;

unsafe fn bytes<'a>(s: *const u8) -> &'a [u8] {
    str_bytes(s)
}

/// A list of new STRs: resizable (`ltid` is `TID_PTR_LIST`) or fixed-size
/// (`ltid` 0).
pub(crate) fn str_list(parts: &[&[u8]], ltid: i64) -> *mut u8 {
    // The parts may lie in a string that the allocations below move.
    let parts: Vec<Vec<u8>> = parts.iter().map(|p| p.to_vec()).collect();
    let mut l = [rpy_list_new(ltid, abi::TID_PTR_ARRAY as i64, parts.len() as i64, 8)];
    for (i, p) in parts.iter().enumerate() {
        let s = crate::alloc::keep(&mut l, || new_str(p));
        unsafe {
            let items = crate::lists::items(l[0]);
            crate::alloc::write_barrier_item(items, i as i64);
            *(items.add(arr::ITEMS + 8 * i) as *mut *mut u8) = s;
        }
    }
    l[0]
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|i| i + from)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return Some(hay.len());
    }
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// Python's clamping of `start`/`end` arguments (`i64::MAX` = no end).
fn bounds(n: usize, start: i64, end: i64) -> (usize, usize) {
    let (a, b) = crate::lists::slice_bounds(n as i64, start, end);
    (a as usize, b as usize)
}

/// `rpy_str_find(s, sub, start, end, reverse) -> i64`: index or -1.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_find(s: *const u8, sub: *const u8, start: i64, end: i64, reverse: i64) -> i64 {
    let (a, b) = bounds(bytes(s).len(), start, end);
    let hay = &bytes(s)[a..b];
    let r = if reverse != 0 { rfind(hay, bytes(sub)) } else { find(hay, bytes(sub), 0) };
    r.map_or(-1, |i| (i + a) as i64)
}

/// `rpy_str_count(s, sub, start, end) -> i64`: non-overlapping occurrences
/// in `s[start:end]`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_count(s: *const u8, sub: *const u8, start: i64, end: i64) -> i64 {
    let len = bytes(s).len() as i64;
    // Python counts nothing, not even "", from a start past the end.
    if (if start < 0 { start + len } else { start }) > len {
        return 0;
    }
    let (a, b) = bounds(bytes(s).len(), start, end);
    let (hay, needle) = (&bytes(s)[a..b], bytes(sub));
    if needle.is_empty() {
        return hay.len() as i64 + 1;
    }
    let (mut n, mut at) = (0, 0);
    while let Some(i) = find(hay, needle, at) {
        n += 1;
        at = i + needle.len();
    }
    n
}

/// `rpy_str_startswith(s, prefix, end) -> i64`: `end` 1 tests the suffix.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_startswith(s: *const u8, p: *const u8, end: i64) -> i64 {
    (if end != 0 { bytes(s).ends_with(bytes(p)) } else { bytes(s).starts_with(bytes(p)) }) as i64
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
}

/// `rpy_str_strip(s, chars, which) -> STR`: which 1 left, 2 right, 3 both;
/// `chars` null strips whitespace.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_strip(s: *const u8, chars: *const u8, which: i64) -> *mut u8 {
    let b = bytes(s);
    let strip = |c: u8| if chars.is_null() { is_space(c) } else { bytes(chars).contains(&c) };
    let (mut a, mut e) = (0, b.len());
    if which & 1 != 0 {
        while a < e && strip(b[a]) {
            a += 1;
        }
    }
    if which & 2 != 0 {
        while e > a && strip(b[e - 1]) {
            e -= 1;
        }
    }
    new_str(&b[a..e])
}

/// `rpy_str_split(s, sep, maxsplit, reverse, ltid) -> LIST of STR`: `sep`
/// null splits on runs of whitespace; `maxsplit` < 0 means no limit.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_split(s: *const u8, sep: *const u8, maxsplit: i64, reverse: i64, ltid: i64) -> *mut u8 {
    let b = bytes(s);
    let mut parts: Vec<&[u8]> = Vec::new();
    let limit = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    if sep.is_null() {
        if reverse != 0 {
            let mut e = b.len();
            loop {
                while e > 0 && is_space(b[e - 1]) {
                    e -= 1;
                }
                if e == 0 {
                    break;
                }
                if parts.len() == limit {
                    parts.push(&b[..e]);
                    break;
                }
                let mut a = e;
                while a > 0 && !is_space(b[a - 1]) {
                    a -= 1;
                }
                parts.push(&b[a..e]);
                e = a;
            }
            parts.reverse();
        } else {
            let mut a = 0;
            loop {
                while a < b.len() && is_space(b[a]) {
                    a += 1;
                }
                if a == b.len() {
                    break;
                }
                if parts.len() == limit {
                    parts.push(&b[a..]);
                    break;
                }
                let mut e = a;
                while e < b.len() && !is_space(b[e]) {
                    e += 1;
                }
                parts.push(&b[a..e]);
                a = e;
            }
        }
        return str_list(&parts, ltid);
    }
    let sep = bytes(sep);
    if sep.is_empty() {
        crate::exc::raise("ValueError");
        return std::ptr::null_mut();
    }
    if reverse != 0 {
        let mut e = b.len();
        while parts.len() < limit {
            match rfind(&b[..e], sep) {
                Some(i) => {
                    parts.push(&b[i + sep.len()..e]);
                    e = i;
                }
                None => break,
            }
        }
        parts.push(&b[..e]);
        parts.reverse();
    } else {
        let mut a = 0;
        while parts.len() < limit {
            match find(b, sep, a) {
                Some(i) => {
                    parts.push(&b[a..i]);
                    a = i + sep.len();
                }
                None => break,
            }
        }
        parts.push(&b[a..]);
    }
    str_list(&parts, ltid)
}

/// `rpy_str_splitlines(s, keepends, ltid) -> LIST of STR` (line ends kept
/// when `keepends` is non-zero).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_splitlines(s: *const u8, keepends: i64, ltid: i64) -> *mut u8 {
    let b = bytes(s);
    let mut parts: Vec<&[u8]> = Vec::new();
    let mut a = 0;
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            let line_end = i;
            if b[i] == b'\r' && i + 1 < b.len() && b[i + 1] == b'\n' {
                i += 1;
            }
            parts.push(&b[a..if keepends != 0 { i + 1 } else { line_end }]);
            a = i + 1;
        }
        i += 1;
    }
    if a < b.len() {
        parts.push(&b[a..]);
    }
    str_list(&parts, ltid)
}

/// `rpy_str_join(sep, list, isz) -> STR`: the items are STRs (`isz` 8) or
/// chars (`isz` 1).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_join(sep: *const u8, l: *mut u8, isz: i64) -> *mut u8 {
    let (n, items) = (crate::lists::length(l), crate::lists::item_addr(l, 0, isz));
    let mut out = Vec::new();
    for i in 0..n {
        if i > 0 {
            out.extend_from_slice(bytes(sep));
        }
        let p = items.add((i * isz) as usize);
        if isz == 1 {
            out.push(*p);
        } else {
            out.extend_from_slice(bytes(*(p as *const *const u8)));
        }
    }
    new_str(&out)
}

/// `rpy_str_replace(s, old, new) -> STR`
#[no_mangle]
pub unsafe extern "C" fn rpy_str_replace(s: *const u8, old: *const u8, new: *const u8) -> *mut u8 {
    let (b, o, n) = (bytes(s), bytes(old), bytes(new));
    let mut out = Vec::new();
    if o.is_empty() {
        for &c in b {
            out.extend_from_slice(n);
            out.push(c);
        }
        out.extend_from_slice(n);
        return new_str(&out);
    }
    let mut a = 0;
    while let Some(i) = find(b, o, a) {
        out.extend_from_slice(&b[a..i]);
        out.extend_from_slice(n);
        a = i + o.len();
    }
    out.extend_from_slice(&b[a..]);
    new_str(&out)
}

/// `rpy_str_case(s, upper) -> STR`: ASCII upper or lower case.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_case(s: *const u8, upper: i64) -> *mut u8 {
    let b: Vec<u8> = bytes(s).iter().map(|c| if upper != 0 { c.to_ascii_uppercase() } else { c.to_ascii_lowercase() }).collect();
    new_str(&b)
}

/// `rpy_str_test(s, what) -> i64`: isdigit (0), isalpha (1), isalnum (2),
/// isspace (3), isupper (4), islower (5); false for the empty string.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_test(s: *const u8, what: i64) -> i64 {
    let b = bytes(s);
    if b.is_empty() {
        return 0;
    }
    let r = match what {
        0 => b.iter().all(|c| c.is_ascii_digit()),
        1 => b.iter().all(|c| c.is_ascii_alphabetic()),
        2 => b.iter().all(|c| c.is_ascii_alphanumeric()),
        3 => b.iter().all(|c| is_space(*c)),
        4 => b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase()),
        _ => b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase()),
    };
    r as i64
}

/// `rpy_str_mul(s, n) -> STR`: `s * n`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_mul(s: *const u8, n: i64) -> *mut u8 {
    new_str(&bytes(s).repeat(n.max(0) as usize))
}

/// `rpy_int_format(i, base, upper) -> STR`: `%x` / `%X` / `%o` of an int
/// (a minus sign before the digits, as Python prints them).
#[no_mangle]
pub extern "C" fn rpy_int_format(i: i64, base: i64, upper: i64) -> *mut u8 {
    let mag = i.unsigned_abs();
    let digits = match (base, upper != 0) {
        (8, _) => format!("{:o}", mag),
        (16, true) => format!("{:X}", mag),
        _ => format!("{:x}", mag),
    };
    let text = if i < 0 { format!("-{}", digits) } else { digits };
    new_str(text.as_bytes())
}

/// `rpy_int_prefixed(i, base) -> STR`: `hex(i)` (`0xff`, `-0xff`) or
/// `oct(i)` (`010`, `0`).
#[no_mangle]
pub extern "C" fn rpy_int_prefixed(i: i64, base: i64) -> *mut u8 {
    let mag = i.unsigned_abs();
    let sign = if i < 0 { "-" } else { "" };
    let text = match base {
        8 if mag == 0 => "0".to_string(),
        8 => format!("{}0{:o}", sign, mag),
        _ => format!("{}0x{:x}", sign, mag),
    };
    new_str(text.as_bytes())
}

/// `rpy_str_pad(s, width, flags) -> STR`: pads to `width` with spaces on
/// the left, or on the right with flag 1 (`%-5s`), or with zeros after any
/// sign with flag 2 (`%05d`).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_pad(s: *const u8, width: i64, flags: i64) -> *mut u8 {
    let b = bytes(s);
    let n = (width.max(0) as usize).saturating_sub(b.len());
    let mut out = Vec::with_capacity(b.len() + n);
    if flags & 1 != 0 {
        out.extend_from_slice(b);
        out.resize(b.len() + n, b' ');
    } else if flags & 2 != 0 {
        let sign = b.first().is_some_and(|c| *c == b'-' || *c == b'+') as usize;
        out.extend_from_slice(&b[..sign]);
        out.resize(sign + n, b'0');
        out.extend_from_slice(&b[sign..]);
    } else {
        out.resize(n, b' ');
        out.extend_from_slice(b);
    }
    new_str(&out)
}

/// `rpy_str_repr(s) -> STR`: Python's `repr()` of a str.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_repr(s: *const u8) -> *mut u8 {
    let mut out = Vec::new();
    crate::lists::str_repr(bytes(s), &mut out);
    new_str(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(b: &[u8]) -> *mut u8 {
        new_str(b)
    }

    unsafe fn list(l: *mut u8) -> Vec<Vec<u8>> {
        let n = crate::lists::length(l);
        (0..n).map(|i| bytes(*(crate::lists::item_addr(l, i, 8) as *const *const u8)).to_vec()).collect()
    }

    #[test]
    fn split_join_strip_find() {
        unsafe {
            assert_eq!(list(rpy_str_split(s(b" a  b c "), std::ptr::null(), -1, 0, 3)), vec![b"a".to_vec(), b"b".to_vec(), b"c".to_vec()]);
            assert_eq!(list(rpy_str_split(s(b"a,b,,c"), s(b","), 2, 0, 0)), vec![b"a".to_vec(), b"b".to_vec(), b",c".to_vec()]);
            assert_eq!(list(rpy_str_split(s(b"a,b,c"), s(b","), 1, 1, 3)), vec![b"a,b".to_vec(), b"c".to_vec()]);
            let l = rpy_str_split(s(b"x y"), std::ptr::null(), -1, 0, 0);
            assert_eq!(bytes(rpy_str_join(s(b"-"), l, 8)), b"x-y");
            assert_eq!(bytes(rpy_str_strip(s(b"  hi \n"), std::ptr::null(), 3)), b"hi");
            assert_eq!(rpy_str_find(s(b"hello"), s(b"l"), 0, i64::MAX, 1), 3);
            assert_eq!(rpy_str_count(s(b"aaaa"), s(b"aa"), 0, i64::MAX), 2);
            assert_eq!(bytes(rpy_str_replace(s(b"a.b.c"), s(b"."), s(b"--"))), b"a--b--c");
            assert_eq!(list(rpy_str_splitlines(s(b"a\nb\r\nc"), 0, 0)).len(), 3);
        }
    }
}

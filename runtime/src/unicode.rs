//! unicode objects (`abi::unicode_layout`): code points as u32, with the
//! operations of `abi::runtime::UNICODE_*` and the codecs utf-8, ascii and
//! latin-1 (UnicodeEncodeError / UnicodeDecodeError as CPython raises).

use crate::alloc::rpy_malloc;
use crate::exc::raise;
use crate::strings::{new_str, str_bytes};
use abi::unicode_layout::{CHARS, LENGTH};

/// The code points of a UNICODE.
pub unsafe fn chars<'a>(u: *const u8) -> &'a [u32] {
    let len = (u.add(LENGTH) as *const i64).read();
    std::slice::from_raw_parts(u.add(CHARS) as *const u32, len as usize)
}

/// A new UNICODE holding `cs` (copied out first if it lies in a GC object
/// that could move).
pub fn new_unicode(cs: &[u32]) -> *mut u8 {
    if crate::alloc::movable(cs.as_ptr() as *const u8) {
        return new_unicode(&cs.to_vec());
    }
    let u = rpy_malloc(abi::TID_UNICODE as i64, (CHARS + 4 * cs.len()) as i64);
    unsafe {
        *(u.add(LENGTH) as *mut i64) = cs.len() as i64;
        std::ptr::copy_nonoverlapping(cs.as_ptr(), u.add(CHARS) as *mut u32, cs.len());
    }
    u
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_concat(a: *const u8, b: *const u8) -> *mut u8 {
    new_unicode(&[chars(a), chars(b)].concat())
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_eq(a: *const u8, b: *const u8) -> i64 {
    if a.is_null() || b.is_null() {
        return (a == b) as i64;
    }
    (a == b || chars(a) == chars(b)) as i64
}

/// Code point order, a prefix first.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_cmp(a: *const u8, b: *const u8) -> i64 {
    chars(a).cmp(chars(b)) as i64
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_slice(u: *const u8, start: i64, stop: i64) -> *mut u8 {
    let cs = chars(u);
    let (a, b) = crate::lists::slice_bounds(cs.len() as i64, start, stop);
    new_unicode(&cs[a as usize..b as usize])
}

/// `u[i]`: a one-character unicode; IndexError out of range.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_getitem(u: *const u8, i: i64) -> *mut u8 {
    let cs = chars(u);
    let n = cs.len() as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        raise("IndexError");
        return new_unicode(&[]);
    }
    new_unicode(&cs[j as usize..j as usize + 1])
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_mul(u: *const u8, n: i64) -> *mut u8 {
    new_unicode(&chars(u).repeat(n.max(0) as usize))
}

fn find_in(hay: &[u32], needle: &[u32], reverse: bool) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    let mut starts = 0..=hay.len() - needle.len();
    let hit = |&i: &usize| &hay[i..i + needle.len()] == needle;
    if reverse {
        starts.rev().find(hit)
    } else {
        starts.find(hit)
    }
}

/// `u.find(sub, start, end)` (`rfind` when `reverse`).
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_find(u: *const u8, sub: *const u8, start: i64, end: i64, reverse: i64) -> i64 {
    let cs = chars(u);
    let (a, b) = crate::lists::slice_bounds(cs.len() as i64, start, end);
    find_in(&cs[a as usize..b as usize], chars(sub), reverse != 0).map_or(-1, |i| i as i64 + a)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_count(u: *const u8, sub: *const u8, start: i64, end: i64) -> i64 {
    let cs = chars(u);
    let (a, b) = crate::lists::slice_bounds(cs.len() as i64, start, end);
    let (mut hay, needle) = (&cs[a as usize..b as usize], chars(sub));
    if needle.is_empty() {
        return hay.len() as i64 + 1;
    }
    let mut n = 0;
    while let Some(i) = find_in(hay, needle, false) {
        n += 1;
        hay = &hay[i + needle.len()..];
    }
    n
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_contains(u: *const u8, sub: *const u8) -> i64 {
    find_in(chars(u), chars(sub), false).is_some() as i64
}

/// `u.startswith(p)` (`endswith` when `end`).
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_startswith(u: *const u8, p: *const u8, end: i64) -> i64 {
    let (cs, ps) = (chars(u), chars(p));
    (if end != 0 { cs.ends_with(ps) } else { cs.starts_with(ps) }) as i64
}

/// A list (`ltid`, 0 for a fixed-size one, and `atid`) of new UNICODEs.
fn unicode_list(parts: &[&[u32]], ltid: i64, atid: i64) -> *mut u8 {
    // The parts may lie in a string that the allocations below move.
    let parts: Vec<Vec<u32>> = parts.iter().map(|p| p.to_vec()).collect();
    let mut l = [crate::lists::rpy_list_new(ltid, atid, parts.len() as i64, 8)];
    for (i, p) in parts.iter().enumerate() {
        let u = crate::alloc::keep(&mut l, || new_unicode(p));
        unsafe {
            let items = crate::lists::items(l[0]);
            crate::alloc::write_barrier_item(items, i as i64);
            *(items.add(abi::ptr_array_layout::ITEMS + 8 * i) as *mut *mut u8) = u;
        }
    }
    l[0]
}

fn is_space(c: u32) -> bool {
    char::from_u32(c).is_some_and(char::is_whitespace)
}

/// `u.split(sep, maxsplit)` (`rsplit` when `reverse`); `sep` null splits
/// on runs of whitespace. ValueError for an empty separator.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_split(u: *const u8, sep: *const u8, maxsplit: i64, reverse: i64, ltid: i64, atid: i64) -> *mut u8 {
    let cs = chars(u);
    let max = if maxsplit < 0 { usize::MAX } else { maxsplit as usize };
    let mut parts: Vec<&[u32]> = Vec::new();
    if sep.is_null() {
        // Runs of whitespace; past `max` splits the rest is kept as it is.
        let n = cs.len();
        if reverse != 0 {
            let mut j = n;
            while j > 0 && is_space(cs[j - 1]) {
                j -= 1;
            }
            while j > 0 {
                if parts.len() == max {
                    parts.push(&cs[..j]);
                    break;
                }
                let mut i = j;
                while i > 0 && !is_space(cs[i - 1]) {
                    i -= 1;
                }
                parts.push(&cs[i..j]);
                j = i;
                while j > 0 && is_space(cs[j - 1]) {
                    j -= 1;
                }
            }
            parts.reverse();
        } else {
            let mut i = 0;
            while i < n && is_space(cs[i]) {
                i += 1;
            }
            while i < n {
                if parts.len() == max {
                    parts.push(&cs[i..]);
                    break;
                }
                let mut j = i;
                while j < n && !is_space(cs[j]) {
                    j += 1;
                }
                parts.push(&cs[i..j]);
                i = j;
                while i < n && is_space(cs[i]) {
                    i += 1;
                }
            }
        }
        return unicode_list(&parts, ltid, atid);
    }
    let sep = chars(sep);
    if sep.is_empty() {
        raise("ValueError");
        return unicode_list(&[], ltid, atid);
    }
    if reverse != 0 {
        let mut end = cs.len();
        let mut n = 0;
        while n < max {
            match find_in(&cs[..end], sep, true) {
                Some(i) => {
                    parts.push(&cs[i + sep.len()..end]);
                    end = i;
                    n += 1;
                }
                None => break,
            }
        }
        parts.push(&cs[..end]);
        parts.reverse();
    } else {
        let mut start = 0;
        let mut n = 0;
        while n < max {
            match find_in(&cs[start..], sep, false) {
                Some(i) => {
                    parts.push(&cs[start..start + i]);
                    start += i + sep.len();
                    n += 1;
                }
                None => break,
            }
        }
        parts.push(&cs[start..]);
    }
    unicode_list(&parts, ltid, atid)
}

/// `sep.join(l)` for a list of UNICODE.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_join(sep: *const u8, l: *const u8) -> *mut u8 {
    let l = l as *mut u8;
    let (n, items) = (crate::lists::length(l) as usize, crate::lists::item_addr(l, 0, 8) as *const *const u8);
    let mut out: Vec<u32> = Vec::new();
    for i in 0..n {
        if i > 0 {
            out.extend_from_slice(chars(sep));
        }
        out.extend_from_slice(chars(*items.add(i)));
    }
    new_unicode(&out)
}

#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_replace(u: *const u8, old: *const u8, new: *const u8) -> *mut u8 {
    let (cs, old, new) = (chars(u), chars(old), chars(new));
    let mut out = Vec::new();
    if old.is_empty() {
        // Python puts `new` between every character and at both ends.
        out.extend_from_slice(new);
        for &c in cs {
            out.push(c);
            out.extend_from_slice(new);
        }
        return new_unicode(&out);
    }
    let mut rest = cs;
    while let Some(i) = find_in(rest, old, false) {
        out.extend_from_slice(&rest[..i]);
        out.extend_from_slice(new);
        rest = &rest[i + old.len()..];
    }
    out.extend_from_slice(rest);
    new_unicode(&out)
}

/// `u.strip(chars)`: `which` 1 left, 2 right, 3 both; null chars strips
/// whitespace.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_strip(u: *const u8, strip: *const u8, which: i64) -> *mut u8 {
    let cs = chars(u);
    let set = if strip.is_null() { None } else { Some(chars(strip)) };
    let drop = |c: u32| set.map_or(is_space(c), |s| s.contains(&c));
    let mut a = 0;
    let mut b = cs.len();
    if which & 1 != 0 {
        while a < b && drop(cs[a]) {
            a += 1;
        }
    }
    if which & 2 != 0 {
        while b > a && drop(cs[b - 1]) {
            b -= 1;
        }
    }
    new_unicode(&cs[a..b])
}

fn encoding(e: &[u8]) -> Option<u8> {
    match e.to_ascii_lowercase().as_slice() {
        b"utf-8" | b"utf8" => Some(b'u'),
        b"ascii" => Some(b'a'),
        b"latin-1" | b"latin1" | b"iso-8859-1" => Some(b'l'),
        _ => None,
    }
}

/// `u.encode(encoding)`: utf-8, ascii or latin-1; UnicodeEncodeError for
/// a character the encoding lacks (and for lone surrogates in utf-8),
/// ValueError for another encoding.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_encode(u: *const u8, enc: *const u8) -> *mut u8 {
    let cs = chars(u);
    let out: Option<Vec<u8>> = match encoding(str_bytes(enc)) {
        Some(b'u') => cs.iter().map(|&c| char::from_u32(c)).collect::<Option<String>>().map(String::into_bytes),
        Some(b'a') => cs.iter().map(|&c| u8::try_from(c).ok().filter(|b| *b < 128)).collect(),
        Some(_) => cs.iter().map(|&c| u8::try_from(c).ok()).collect(),
        None => {
            raise("ValueError");
            return new_str(b"");
        }
    };
    match out {
        Some(bytes) => new_str(&bytes),
        None => {
            raise("UnicodeEncodeError");
            new_str(b"")
        }
    }
}

/// `s.decode(encoding)`: utf-8, ascii or latin-1; UnicodeDecodeError for
/// invalid input, ValueError for another encoding.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_decode(s: *const u8, enc: *const u8) -> *mut u8 {
    let b = str_bytes(s);
    let out: Option<Vec<u32>> = match encoding(str_bytes(enc)) {
        Some(b'u') => std::str::from_utf8(b).ok().map(|t| t.chars().map(|c| c as u32).collect()),
        Some(b'a') => b.iter().map(|&c| (c < 128).then_some(c as u32)).collect(),
        Some(_) => Some(b.iter().map(|&c| c as u32).collect()),
        None => {
            raise("ValueError");
            return new_unicode(&[]);
        }
    };
    match out {
        Some(cs) => new_unicode(&cs),
        None => {
            raise("UnicodeDecodeError");
            new_unicode(&[])
        }
    }
}

/// `unichr(i)`: ValueError outside range(0x110000).
#[no_mangle]
pub extern "C" fn rpy_unichr(i: i64) -> *mut u8 {
    match u32::try_from(i) {
        Ok(c) if c < 0x110000 => new_unicode(&[c]),
        _ => {
            raise("ValueError");
            new_unicode(&[])
        }
    }
}

/// `ord(u)`: TypeError unless `u` has one character.
#[no_mangle]
pub unsafe extern "C" fn rpy_unicode_ord(u: *const u8) -> i64 {
    match chars(u) {
        [c] => *c as i64,
        _ => {
            raise("TypeError");
            0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codecs_round_trip() {
        unsafe {
            let u = new_unicode(&[0x63, 0xe9, 0x20ac, 0x1f600]);
            let utf8 = rpy_unicode_encode(u, new_str(b"utf-8"));
            assert_eq!(str_bytes(utf8), "c\u{e9}\u{20ac}\u{1f600}".as_bytes());
            let back = rpy_str_decode(utf8, new_str(b"utf-8"));
            assert_eq!(rpy_unicode_eq(back, u), 1);
            assert_eq!(rpy_unicode_find(u, new_unicode(&[0x20ac]), 0, i64::MAX, 0), 2);
            assert_eq!(rpy_unicode_count(new_unicode(&[1, 1, 1]), new_unicode(&[1]), 0, i64::MAX), 3);
        }
    }
}

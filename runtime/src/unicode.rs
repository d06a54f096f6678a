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

/// A new UNICODE holding `cs`.
pub fn new_unicode(cs: &[u32]) -> *mut u8 {
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

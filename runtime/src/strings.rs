//! STR objects (`abi::str_layout`) and the string helpers.

use crate::alloc::rpy_malloc;
use crate::exc::raise;
use abi::str_layout::{CHARS, LENGTH};
use std::cmp::Ordering;

/// The chars of a STR object. A null pointer (None) or a corrupt negative
/// length reads as empty rather than crashing.
///
/// Safety: `s` is null or points to a live STR object.
pub unsafe fn str_bytes<'a>(s: *const u8) -> &'a [u8] {
    if s.is_null() {
        return &[];
    }
    let len = (s.add(LENGTH) as *const i64).read();
    if len <= 0 {
        return &[];
    }
    std::slice::from_raw_parts(s.add(CHARS), len as usize)
}

/// A new STR holding `bytes` (hash 0, i.e. not yet computed). `bytes` may
/// lie in another GC object: it is copied out first if that could move.
pub fn new_str(bytes: &[u8]) -> *mut u8 {
    if crate::alloc::movable(bytes.as_ptr()) {
        return new_str(&bytes.to_vec());
    }
    let size = (CHARS + bytes.len()) as i64;
    let s = rpy_malloc(abi::TID_STR as i64, size);
    unsafe {
        (s.add(LENGTH) as *mut i64).write(bytes.len() as i64);
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), s.add(CHARS), bytes.len());
    }
    s
}

/// Decimal digits of `i` exactly as Python's `str(i)`, into `buf`; returns
/// the used tail of `buf`.
pub fn format_int(i: i64, buf: &mut [u8; 20]) -> &[u8] {
    // unsigned_abs handles i64::MIN, whose magnitude has no i64.
    let mut n = i.unsigned_abs();
    let mut pos = buf.len();
    loop {
        pos -= 1;
        buf[pos] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if i < 0 {
        pos -= 1;
        buf[pos] = b'-';
    }
    &buf[pos..]
}

/// Python 2 `int(s)` in base 10: optional whitespace, an optional sign
/// followed by optional whitespace, one or more digits, optional whitespace.
/// Err(()) on anything else, on a NUL byte, and (for now) when the value does
/// not fit in i64, where Python would return a long.
pub fn parse_int(s: &[u8]) -> Result<i64, ()> {
    parse_int_base(s, 10)
}

/// `int(s, base)` with Python 2 rules: base 0 reads the prefix (`0x`,
/// `0o`, `0b`, or a leading 0 for octal), bases 2, 8 and 16 accept their
/// prefix; digits past 9 are letters in either case. Err for invalid text,
/// a base outside 0 and 2..=36, or a value outside i64.
pub fn parse_int_base(s: &[u8], base: i64) -> Result<i64, ()> {
    if base != 0 && !(2..=36).contains(&base) {
        return Err(());
    }
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let start = s.iter().position(|c| !is_space(c)).unwrap_or(s.len());
    let end = s.iter().rposition(|c| !is_space(c)).map_or(start, |p| p + 1);
    let mut rest = s.get(start..end).unwrap_or(&[]);
    let negative = rest.first() == Some(&b'-');
    if let [b'-' | b'+', after_sign @ ..] = rest {
        let digits = after_sign.iter().position(|c| !is_space(c)).unwrap_or(after_sign.len());
        rest = &after_sign[digits..];
    }
    let prefix = |r: &[u8], letter: u8| r.len() > 2 && r[0] == b'0' && r[1].to_ascii_lowercase() == letter;
    let mut base = base;
    for (b, letter) in [(16, b'x'), (8, b'o'), (2, b'b')] {
        if (base == 0 || base == b) && prefix(rest, letter) {
            base = b;
            rest = &rest[2..];
        }
    }
    if base == 0 {
        base = if rest.len() > 1 && rest[0] == b'0' { 8 } else { 10 };
    }
    if rest.is_empty() {
        return Err(());
    }
    // Accumulate negatively: the negative range is the larger one, so
    // i64::MIN parses without overflow.
    let mut value: i64 = 0;
    for &c in rest {
        let digit = match c {
            b'0'..=b'9' => (c - b'0') as i64,
            b'a'..=b'z' => (c - b'a') as i64 + 10,
            b'A'..=b'Z' => (c - b'A') as i64 + 10,
            _ => return Err(()),
        };
        if digit >= base {
            return Err(());
        }
        value = value.checked_mul(base).and_then(|v| v.checked_sub(digit)).ok_or(())?;
    }
    if negative {
        Ok(value)
    } else {
        value.checked_neg().ok_or(())
    }
}

/// `rpy_str_to_int_base(s, base)`: `int(s, base)`; raises ValueError
/// (returning 0) on invalid text, base or i64 overflow.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_to_int_base(s: *const u8, base: i64) -> i64 {
    match parse_int_base(str_bytes(s), base) {
        Ok(v) => v,
        Err(()) => {
            raise("ValueError");
            0
        }
    }
}

/// `rpy_int_to_str(i)`: a new STR, `str(i)`.
#[no_mangle]
pub extern "C" fn rpy_int_to_str(i: i64) -> *mut u8 {
    let mut buf = [0u8; 20];
    new_str(format_int(i, &mut buf))
}

/// `rpy_uint_to_str(u)`: a new STR, `str(r_uint(u))`.
#[no_mangle]
pub extern "C" fn rpy_uint_to_str(u: u64) -> *mut u8 {
    new_str(u.to_string().as_bytes())
}

/// `rpy_compute_hash_str(s)`: objectmodel.compute_hash of a str (Python
/// 2's string hash without randomization; "" is -1).
#[no_mangle]
pub unsafe extern "C" fn rpy_compute_hash_str(s: *const u8) -> i64 {
    let b = str_bytes(s);
    let Some(&first) = b.first() else { return -1 };
    let mut x = (first as i64) << 7;
    for &c in b {
        x = 1000003i64.wrapping_mul(x) ^ c as i64;
    }
    x ^ b.len() as i64
}

/// `rpy_compute_hash_float(f)`: objectmodel.compute_hash of a float.
#[no_mangle]
pub extern "C" fn rpy_compute_hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f < 0.0 { -271828 } else { 314159 };
    }
    let (m, e) = (crate::floats::rpy_math_frexp_mantissa(f), crate::floats::rpy_math_frexp_exponent(f));
    let v = m * 2147483648.0;
    let hipart = v as i64;
    let v = (v - hipart as f64) * 2147483648.0;
    hipart.wrapping_add(v as i64).wrapping_add(e.wrapping_shl(15))
}

/// `rpy_instance_str(p)`: `str()` of an instance (or None): its class name
/// and address, as CPython shows an object without `__str__`.
#[no_mangle]
pub unsafe extern "C" fn rpy_instance_str(p: *const u8) -> *mut u8 {
    if p.is_null() {
        return new_str(b"None");
    }
    let vtable = *(p.add(abi::instance_layout::TYPEPTR) as *const usize);
    let name = crate::exc::exc_name(vtable).unwrap_or_default();
    let id = crate::alloc::rpy_identity_hash(p as *mut u8);
    new_str(format!("<{} object at {:#x}>", name, id as usize).as_bytes())
}

/// `rpy_str_to_int(s)`: `int(s)` (base 10, Python 2 rules, see `parse_int`).
/// Raises ValueError (returning 0) on invalid text or i64 overflow.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_to_int(s: *const u8) -> i64 {
    match parse_int(str_bytes(s)) {
        Ok(v) => v,
        Err(()) => {
            raise("ValueError");
            0
        }
    }
}

/// `rpy_str_concat(a, b)`: a new STR, `a + b`.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_concat(a: *const u8, b: *const u8) -> *mut u8 {
    let size = CHARS + str_bytes(a).len() + str_bytes(b).len();
    let mut roots = [a as *mut u8, b as *mut u8];
    let s = crate::alloc::keep(&mut roots, || rpy_malloc(abi::TID_STR as i64, size as i64));
    let (a, b) = (str_bytes(roots[0]), str_bytes(roots[1]));
    (s.add(LENGTH) as *mut i64).write((a.len() + b.len()) as i64);
    std::ptr::copy_nonoverlapping(a.as_ptr(), s.add(CHARS), a.len());
    std::ptr::copy_nonoverlapping(b.as_ptr(), s.add(CHARS + a.len()), b.len());
    s
}

/// `rpy_char_to_str(c)`: a one-character STR.
#[no_mangle]
pub extern "C" fn rpy_char_to_str(c: i64) -> *mut u8 {
    new_str(&[c as u8])
}

/// `rpy_str_check_index(s, i)`: `i` made non-negative Python's way; raises
/// IndexError (returning 0) when out of range.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_check_index(s: *const u8, i: i64) -> i64 {
    let n = str_bytes(s).len() as i64;
    let j = if i < 0 { i.wrapping_add(n) } else { i };
    if j < 0 || j >= n {
        raise("IndexError");
        return 0;
    }
    j
}

/// `rpy_str_slice(s, start, stop)`: `s[start:stop]` (a missing stop is
/// passed as `i64::MAX`).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_slice(s: *const u8, start: i64, stop: i64) -> *mut u8 {
    let bytes = str_bytes(s);
    let (a, b) = crate::lists::slice_bounds(bytes.len() as i64, start, stop);
    new_str(&bytes[a as usize..b as usize])
}

/// `rpy_str_eq(a, b)`: 1 if the strings are equal, else 0. Two nulls (None)
/// are equal; null and a string are not.
#[no_mangle]
pub unsafe extern "C" fn rpy_str_eq(a: *const u8, b: *const u8) -> i64 {
    if a.is_null() || b.is_null() {
        return (a == b) as i64;
    }
    (a == b || str_bytes(a) == str_bytes(b)) as i64
}

/// `rpy_str_cmp(a, b)`: <0, 0 or >0 as `a` sorts before, equal to, or after
/// `b`, comparing bytes as unsigned (Python 2 str order; a prefix sorts first).
#[no_mangle]
pub unsafe extern "C" fn rpy_str_cmp(a: *const u8, b: *const u8) -> i64 {
    match str_bytes(a).cmp(str_bytes(b)) {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(i: i64) -> String {
        let mut buf = [0u8; 20];
        String::from_utf8(format_int(i, &mut buf).to_vec()).unwrap()
    }

    #[test]
    fn int_formatting() {
        for i in [0, 1, -1, 9, 10, -10, 12345, i64::MAX, i64::MIN, i64::MIN + 1] {
            assert_eq!(fmt(i), i.to_string());
        }
        assert_eq!(fmt(i64::MIN), "-9223372036854775808");
    }

    // Cases checked against CPython 2.7.18's int().
    #[test]
    fn int_parsing() {
        let ok: &[(&str, i64)] = &[
            (" -5 ", -5), ("- 5", -5), ("+5", 5), ("+ 5", 5), ("010", 10), ("00", 0),
            ("-0", 0), ("\t\n12\r\x0b\x0c", 12), ("-\t5", -5), ("-\n5 ", -5), (" + 5 ", 5),
            ("9223372036854775807", i64::MAX), ("-9223372036854775808", i64::MIN),
        ];
        for (s, v) in ok {
            assert_eq!(parse_int(s.as_bytes()), Ok(*v), "{s:?}");
        }
        let bad = [
            "0x10", "5\0", "5\0 ", "\x005", "", " ", "-", "1_0", "--5", "5 5", "\u{a0}5",
            "0b1", "1L", "1l", "\x1c5", "- -5", "+-5", "9223372036854775808",
            "-9223372036854775809", "99999999999999999999999",
        ];
        for s in bad {
            assert_eq!(parse_int(s.as_bytes()), Err(()), "{s:?}");
        }
        assert_eq!(parse_int(b"\xa05"), Err(()));
    }

    #[test]
    fn str_objects() {
        unsafe {
            let a = new_str(b"foo");
            let b = rpy_int_to_str(-42);
            assert_eq!(str_bytes(b), b"-42");
            assert_eq!(*(a as *const u32), abi::TID_STR);
            assert_eq!(*(a.add(abi::str_layout::HASH) as *const i64), 0);
            let c = rpy_str_concat(a, b);
            assert_eq!(str_bytes(c), b"foo-42");
            assert_eq!(str_bytes(rpy_str_concat(a, new_str(b""))), b"foo");
            assert_eq!(rpy_str_eq(c, new_str(b"foo-42")), 1);
            assert_eq!(rpy_str_eq(c, a), 0);
            assert_eq!(rpy_str_eq(std::ptr::null(), std::ptr::null()), 1);
            assert_eq!(rpy_str_eq(a, std::ptr::null()), 0);
            assert_eq!(rpy_str_to_int(new_str(b" 17\n")), 17);
            assert_eq!(parse_int_base(b"-0x1F", 16), Ok(-31));
            assert_eq!(parse_int_base(b"0o17", 0), Ok(15));
            assert_eq!(parse_int_base(b"017", 0), Ok(15));
            assert_eq!(parse_int_base(b"zz", 36), Ok(1295));
            assert_eq!(parse_int_base(b"19", 8), Err(()));
            assert_eq!(parse_int_base(b"1", 37), Err(()));
        }
    }

    #[test]
    fn str_comparison() {
        let cmp = |x: &[u8], y: &[u8]| unsafe { rpy_str_cmp(new_str(x), new_str(y)) };
        assert!(cmp(b"a", b"b") < 0);
        assert!(cmp(b"a", b"ab") < 0);
        assert!(cmp(b"ab", b"a") > 0);
        assert!(cmp(b"\xff", b"a") > 0);
        assert_eq!(cmp(b"abc", b"abc"), 0);
        assert_eq!(cmp(b"", b""), 0);
        assert!(cmp(b"", b"\0") < 0);
        assert!(cmp(b"abc", b"abd") < 0);
    }
}

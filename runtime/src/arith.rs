//! Python integer division and modulo on machine ints.

use crate::exc::raise;

/// `x // y` rounded towards negative infinity, wrapping like the machine
/// (i64::MIN // -1 == i64::MIN). None when y == 0.
pub fn floordiv(x: i64, y: i64) -> Option<i64> {
    if y == 0 {
        return None;
    }
    let q = x.wrapping_div(y);
    let r = x.wrapping_rem(y);
    // Truncation rounded towards zero; step down if the signs differ.
    Some(if r != 0 && (r < 0) != (y < 0) { q - 1 } else { q })
}

/// `x % y` with the sign of y (i64::MIN % -1 == 0). None when y == 0.
pub fn modulo(x: i64, y: i64) -> Option<i64> {
    if y == 0 {
        return None;
    }
    let r = x.wrapping_rem(y);
    Some(if r != 0 && (r < 0) != (y < 0) { r + y } else { r })
}

/// Python `x // y`; raises ZeroDivisionError (returning 0) when y is 0.
fn int_floordiv(x: i64, y: i64) -> i64 {
    floordiv(x, y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

/// Python `x % y`; raises ZeroDivisionError (returning 0) when y is 0.
fn int_mod(x: i64, y: i64) -> i64 {
    modulo(x, y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

/// `rpy_uint_floordiv(x, y)`: `x // y` on r_uint; raises ZeroDivisionError.
#[no_mangle]
pub extern "C" fn rpy_uint_floordiv(x: u64, y: u64) -> u64 {
    x.checked_div(y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

/// `rpy_uint_mod(x, y)`: `x % y` on r_uint; raises ZeroDivisionError.
#[no_mangle]
pub extern "C" fn rpy_uint_mod(x: u64, y: u64) -> u64 {
    x.checked_rem(y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

/// The result, or OverflowError (returning 0) when there is none.
fn or_overflow(r: Option<i64>) -> i64 {
    r.unwrap_or_else(|| {
        raise("OverflowError");
        0
    })
}

// `ovfcheck(x OP y)`: the operation, raising OverflowError when the exact
// result does not fit in a signed word.

#[no_mangle]
pub extern "C" fn rpy_int_add_ovf(x: i64, y: i64) -> i64 {
    or_overflow(x.checked_add(y))
}

#[no_mangle]
pub extern "C" fn rpy_int_sub_ovf(x: i64, y: i64) -> i64 {
    or_overflow(x.checked_sub(y))
}

#[no_mangle]
pub extern "C" fn rpy_int_mul_ovf(x: i64, y: i64) -> i64 {
    or_overflow(x.checked_mul(y))
}

#[no_mangle]
pub extern "C" fn rpy_int_neg_ovf(x: i64) -> i64 {
    or_overflow(x.checked_neg())
}

/// `x << y`: OverflowError when bits are lost (or the count is negative:
/// ValueError, as in Python).
#[no_mangle]
pub extern "C" fn rpy_int_lshift_ovf(x: i64, y: i64) -> i64 {
    if y < 0 {
        raise("ValueError");
        return 0;
    }
    if x == 0 {
        return 0;
    }
    let r = if y < 64 { Some(x << y) } else { None };
    or_overflow(r.filter(|r| r >> y == x))
}

/// `x // y`: ZeroDivisionError, or OverflowError for the smallest int // -1.
#[no_mangle]
pub extern "C" fn rpy_int_floordiv_ovf(x: i64, y: i64) -> i64 {
    if y == -1 {
        return or_overflow(x.checked_neg());
    }
    int_floordiv(x, y)
}

/// `x % y`: ZeroDivisionError, or OverflowError for the smallest int % -1.
#[no_mangle]
pub extern "C" fn rpy_int_mod_ovf(x: i64, y: i64) -> i64 {
    if y == -1 && x == i64::MIN {
        return or_overflow(None);
    }
    int_mod(x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 2.7.
    #[test]
    fn overflow_checks() {
        assert_eq!(rpy_int_lshift_ovf(3, 2), 12);
        assert_eq!(rpy_int_lshift_ovf(-1, 63), i64::MIN);
        assert_eq!(rpy_int_lshift_ovf(0, 100), 0);
        assert_eq!(rpy_int_add_ovf(i64::MAX - 1, 1), i64::MAX);
        assert_eq!(rpy_int_mul_ovf(-4, 5), -20);
    }

    #[test]
    fn signs() {
        let cases = [
            (7, 2, 3, 1), (7, -2, -4, -1), (-7, 2, -4, 1), (-7, -2, 3, -1),
            (6, 3, 2, 0), (-6, 3, -2, 0), (6, -3, -2, 0), (0, -5, 0, 0),
            (1, i64::MAX, 0, 1), (-1, i64::MAX, -1, i64::MAX - 1),
            (i64::MIN, -1, i64::MIN, 0), (i64::MIN, 1, i64::MIN, 0),
            (i64::MIN, i64::MAX, -2, i64::MAX - 1), (i64::MAX, i64::MIN, -1, -1),
        ];
        for (x, y, q, r) in cases {
            assert_eq!(floordiv(x, y), Some(q), "{x} // {y}");
            assert_eq!(modulo(x, y), Some(r), "{x} % {y}");
        }
        assert_eq!(floordiv(5, 0), None);
        assert_eq!(modulo(5, 0), None);
    }
}

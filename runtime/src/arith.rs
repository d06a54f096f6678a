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

/// `rpy_int_floordiv(x, y)`: Python `x // y`; raises ZeroDivisionError
/// (returning 0) when y is 0.
#[no_mangle]
pub extern "C" fn rpy_int_floordiv(x: i64, y: i64) -> i64 {
    floordiv(x, y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

/// `rpy_int_mod(x, y)`: Python `x % y`; raises ZeroDivisionError (returning
/// 0) when y is 0.
#[no_mangle]
pub extern "C" fn rpy_int_mod(x: i64, y: i64) -> i64 {
    modulo(x, y).unwrap_or_else(|| {
        raise("ZeroDivisionError");
        0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from CPython 2.7.
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

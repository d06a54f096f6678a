//! Floats: Python 2.7's str() and repr(), `%e %f %g` formatting, float(s),
//! int(x), `//` and `%`, and the `math` functions, raising what CPython
//! raises (ZeroDivisionError, ValueError, OverflowError).
//!
//! Digits come from Rust's formatter, which is exact: `{:e}` gives the
//! shortest digits that round-trip, `{:.N$e}` and `{:.N$}` correctly
//! rounded ones; the layout rules (where the point goes, when to switch to
//! an exponent, `.0` endings) are Python's and written here.

use crate::exc::raise;
use crate::strings::{new_str, str_bytes};

/// Scientific digits of a finite `x`: (negative, digits without a point,
/// decimal exponent of the first digit). `precision` None: the shortest
/// round-trip digits; Some(p): p+1 correctly rounded digits.
fn sci_digits(x: f64, precision: Option<usize>) -> (bool, String, i32) {
    let s = match precision {
        None => format!("{:e}", x.abs()),
        Some(p) => format!("{:.*e}", p, x.abs()),
    };
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    (x.is_sign_negative(), digits, exp.parse().unwrap_or(0))
}

/// `d.ddde+XX` from digits and exponent (at least two exponent digits).
fn exp_layout(digits: &str, exp: i32, keep_point: bool) -> String {
    let mut out = digits[..1].to_string();
    if digits.len() > 1 || keep_point {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    out
}

/// Fixed notation from digits and exponent, at least `min_frac` decimals.
fn fixed_layout(digits: &str, exp: i32, min_frac: usize) -> String {
    let point = exp + 1; // digits before the decimal point
    let (int_part, frac) = if point <= 0 {
        ("0".to_string(), format!("{}{}", "0".repeat((-point) as usize), digits))
    } else if point as usize >= digits.len() {
        (format!("{}{}", digits, "0".repeat(point as usize - digits.len())), String::new())
    } else {
        (digits[..point as usize].to_string(), digits[point as usize..].to_string())
    };
    let mut frac = frac;
    while frac.len() < min_frac {
        frac.push('0');
    }
    if frac.is_empty() {
        int_part
    } else {
        format!("{}.{}", int_part, frac)
    }
}

fn non_finite(x: f64) -> Option<&'static str> {
    if x.is_nan() {
        Some("nan")
    } else if x.is_infinite() {
        Some(if x > 0.0 { "inf" } else { "-inf" })
    } else {
        None
    }
}

/// `repr(x)`: the shortest digits that read back as `x`.
pub fn float_repr(x: f64) -> String {
    if let Some(s) = non_finite(x) {
        return s.into();
    }
    let (neg, digits, exp) = sci_digits(x, None);
    let body = if !(-4..16).contains(&exp) { exp_layout(&digits, exp, false) } else { fixed_layout(&digits, exp, 1) };
    format!("{}{}", if neg { "-" } else { "" }, body)
}

/// `str(x)`: 12 significant digits, with `.0` added to what looks like an
/// int (CPython's `PyOS_double_to_string(x, 'g', 12, Py_DTSF_ADD_DOT_0)`).
pub fn float_str(x: f64) -> String {
    formatd(x, 'g', 12, 2)
}

/// `%.{precision}{conv}` of `x` for `conv` in e, f, g (E, F, G upper-case),
/// with the `#` flag as `alternate`; no sign for positives, no padding.
pub fn format_spec(x: f64, conv: char, precision: usize, alternate: bool) -> String {
    let upper = conv.is_ascii_uppercase();
    let out = match non_finite(x) {
        Some(s) => s.to_string(),
        None => {
            let neg = if x.is_sign_negative() { "-" } else { "" };
            let body = match conv.to_ascii_lowercase() {
                'f' => {
                    let s = format!("{:.*}", precision, x.abs());
                    if alternate && precision == 0 { format!("{}.", s) } else { s }
                }
                'e' => {
                    let (_, digits, exp) = sci_digits(x, Some(precision));
                    exp_layout(&digits, exp, alternate)
                }
                _ => {
                    let p = precision.max(1);
                    let (_, digits, exp) = sci_digits(x, Some(p - 1));
                    let s = if exp < -4 || exp >= p as i32 {
                        let mut d = digits.clone();
                        if !alternate {
                            while d.len() > 1 && d.ends_with('0') {
                                d.pop();
                            }
                        }
                        exp_layout(&d, exp, alternate)
                    } else {
                        let frac = (p as i32 - 1 - exp).max(0) as usize;
                        let s = fixed_layout(&digits, exp, frac);
                        if alternate || !s.contains('.') {
                            if alternate && !s.contains('.') { format!("{}.", s) } else { s }
                        } else {
                            s.trim_end_matches('0').trim_end_matches('.').to_string()
                        }
                    };
                    s
                }
            };
            format!("{}{}", neg, body)
        }
    };
    if upper {
        out.to_ascii_uppercase()
    } else {
        out
    }
}

/// `rpy_float_format(x, conv, precision, flags)`: one `%e %f %g` (or
/// upper-case) conversion; precision -1 means 6; flags 4 `+`, 8 ` `, 16
/// `#` (padding to a width is done afterwards, as for the other
/// conversions).
#[no_mangle]
pub extern "C" fn rpy_float_format(x: f64, conv: i64, precision: i64, flags: i64) -> *mut u8 {
    let conv = u8::try_from(conv).map_or('f', char::from);
    let precision = if precision < 0 { 6 } else { precision.min(1 << 16) as usize };
    let mut s = format_spec(x, conv, precision, flags & 16 != 0);
    if !s.starts_with('-') {
        if flags & 4 != 0 {
            s.insert(0, '+');
        } else if flags & 8 != 0 {
            s.insert(0, ' ');
        }
    }
    new_str(s.as_bytes())
}

#[no_mangle]
pub extern "C" fn rpy_float_to_str(x: f64) -> *mut u8 {
    new_str(float_str(x).as_bytes())
}

#[no_mangle]
pub extern "C" fn rpy_float_repr(x: f64) -> *mut u8 {
    new_str(float_repr(x).as_bytes())
}

/// `float(s)`: Python 2 syntax (surrounding whitespace, inf, nan);
/// ValueError otherwise.
pub fn parse_float(s: &[u8]) -> Option<f64> {
    let text = std::str::from_utf8(s).ok()?.trim_matches(|c: char| c.is_ascii_whitespace());
    let digits = text.trim_start_matches(['+', '-']);
    // Rust also reads "infinity" and "nan" in any case, as Python does; it
    // does not take "_" or hex, which Python 2 rejects too.
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    text.parse::<f64>().ok()
}

#[no_mangle]
pub unsafe extern "C" fn rpy_str_to_float(s: *const u8) -> f64 {
    parse_float(str_bytes(s)).unwrap_or_else(|| {
        raise("ValueError");
        0.0
    })
}

/// `int(x)`: truncated; ValueError for NaN, OverflowError past the word.
#[no_mangle]
pub extern "C" fn rpy_float_to_int(x: f64) -> i64 {
    if x.is_nan() {
        raise("ValueError");
        return 0;
    }
    let t = x.trunc();
    if !(-9223372036854775808.0..9223372036854775808.0).contains(&t) {
        raise("OverflowError");
        return 0;
    }
    t as i64
}

fn zero_division(y: f64) -> bool {
    if y == 0.0 {
        raise("ZeroDivisionError");
        true
    } else {
        false
    }
}

#[no_mangle]
pub extern "C" fn rpy_float_truediv(x: f64, y: f64) -> f64 {
    if zero_division(y) {
        return 0.0;
    }
    x / y
}

/// Python's `x % y` on floats: the sign of y.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) {
            m + y
        } else {
            m
        }
    } else {
        0.0f64.copysign(y)
    }
}

#[no_mangle]
pub extern "C" fn rpy_float_mod(x: f64, y: f64) -> f64 {
    if zero_division(y) {
        return 0.0;
    }
    float_mod(x, y)
}

/// Python's `x // y` on floats, consistent with `%` (CPython's float_divmod).
#[no_mangle]
pub extern "C" fn rpy_float_floordiv(x: f64, y: f64) -> f64 {
    if zero_division(y) {
        return 0.0;
    }
    let m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && ((y < 0.0) != (m < 0.0)) {
        div -= 1.0;
    }
    if div != 0.0 {
        let f = div.floor();
        if div - f > 0.5 {
            f + 1.0
        } else {
            f
        }
    } else {
        0.0f64.copysign(x / y)
    }
}

/// `rpython.rlib.rfloat.formatd(x, code, precision, flags)`: the text of
/// double_to_string (flags: 1 sign, 2 add ".0", 4 alternate form).
pub fn formatd(x: f64, code: char, precision: usize, flags: i64) -> String {
    let (sign, add_dot_0, alt) = (flags & 1 != 0, flags & 2 != 0, flags & 4 != 0);
    let upper = matches!(code, 'E' | 'F' | 'G');
    if x.is_nan() || x.is_infinite() {
        let word = if x.is_nan() { "nan" } else { "inf" };
        let word = if upper { word.to_ascii_uppercase() } else { word.to_string() };
        return if x < 0.0 { format!("-{}", word) } else if sign { format!("+{}", word) } else { word };
    }
    let plus = |s: String| if sign && !s.starts_with('-') { format!("+{}", s) } else { s };
    if code == 'r' {
        let mut s = float_repr(x);
        if !add_dot_0 && s.ends_with(".0") {
            s.truncate(s.len() - 2);
        }
        return plus(s);
    }
    let mut s = plus(format_spec(x, code, precision, alt));
    let integral = !s.contains(['.', 'e', 'E', 'n', 'N']);
    if add_dot_0 && integral {
        let digits = s.bytes().filter(u8::is_ascii_digit).count();
        if matches!(code, 'g' | 'G') && digits >= precision.max(1) {
            // With ".0" to add, 'g' switches to the exponent one digit
            // earlier, as Python's str() does.
            let e = format_spec(x, if code == 'G' { 'E' } else { 'e' }, precision.max(1) - 1, alt);
            s = plus(if alt { e } else { strip_mantissa_zeros(&e) });
        } else {
            s.push_str(".0");
        }
    }
    s
}

/// `1.2300e+05` -> `1.23e+05`: trailing zeros of the mantissa removed.
fn strip_mantissa_zeros(s: &str) -> String {
    let epos = s.find(['e', 'E']).unwrap_or(s.len());
    let (mantissa, exp) = s.split_at(epos);
    let mantissa = if mantissa.contains('.') { mantissa.trim_end_matches('0').trim_end_matches('.') } else { mantissa };
    format!("{}{}", mantissa, exp)
}

#[no_mangle]
pub extern "C" fn rpy_rfloat_formatd(x: f64, code: i64, precision: i64, flags: i64) -> *mut u8 {
    let code = u8::try_from(code).map_or('g', char::from);
    if !matches!(code, 'e' | 'f' | 'g' | 'E' | 'F' | 'G' | 'r') {
        raise("ValueError");
        return new_str(b"");
    }
    new_str(formatd(x, code, precision.clamp(0, 1 << 16) as usize, flags).as_bytes())
}

/// The second half of `double_to_string`: DIST_FINITE 1, DIST_NAN 2,
/// DIST_INFINITY 3.
#[no_mangle]
pub extern "C" fn rpy_rfloat_dist(x: f64) -> i64 {
    if x.is_nan() {
        2
    } else if x.is_infinite() {
        3
    } else {
        1
    }
}

/// `round_double(x, ndigits, half_even)`: the decimal rounding of the exact
/// binary value, ties away from zero (or to even).
#[no_mangle]
pub extern "C" fn rpy_rfloat_round_double(x: f64, ndigits: i64, half_even: bool) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits >= 0 {
        if ndigits > 330 {
            return x;
        }
        // The exact decimal expansion decides; Rust's formatter rounds
        // half to even on it, so ties away from zero are fixed up by hand.
        let s = format!("{:.*}", ndigits as usize, x);
        let r: f64 = s.parse().unwrap_or(x);
        if half_even {
            return r;
        }
        let longer = format!("{:.*}", ndigits as usize + 400, x);
        let tail = &longer[longer.len() - 400..];
        let is_tie = tail.starts_with('5') && tail[1..].bytes().all(|c| c == b'0');
        if is_tie && r.abs() < x.abs() {
            let step = 10f64.powi(-(ndigits as i32));
            let away: f64 = format!("{:.*}", ndigits as usize, r + step.copysign(x)).parse().unwrap_or(r);
            return away;
        }
        return r;
    }
    if ndigits < -308 {
        return 0.0f64.copysign(x);
    }
    let pow10 = 10f64.powi(-ndigits as i32);
    let y = x / pow10;
    let mut z = y.round();
    if half_even && (z - y).abs() == 0.5 && (z % 2.0) != 0.0 {
        z -= (z - y).signum();
    }
    let r = z * pow10;
    if r.is_infinite() {
        raise("OverflowError");
        return 0.0;
    }
    if r == 0.0 {
        0.0f64.copysign(x)
    } else {
        r
    }
}

/// `r_singlefloat(x)`: the nearest single-precision value (ties to even).
#[no_mangle]
pub extern "C" fn rpy_round_to_single(x: f64) -> f64 {
    let r = x as f32;
    if r.is_infinite() && x.is_finite() {
        raise("OverflowError");
        return 0.0;
    }
    r as f64
}

/// `min(x, y)`: y only if it is smaller (Python keeps the first on ties and NaN).
#[no_mangle]
pub extern "C" fn rpy_float_min(x: f64, y: f64) -> f64 {
    if y < x {
        y
    } else {
        x
    }
}

/// `max(x, y)`: y only if it is bigger.
#[no_mangle]
pub extern "C" fn rpy_float_max(x: f64, y: f64) -> f64 {
    if y > x {
        y
    } else {
        x
    }
}

/// A math function's result: ValueError for a NaN from a non-NaN argument
/// (a domain error), OverflowError for an infinity from a finite one.
fn checked(x: f64, r: f64) -> f64 {
    if r.is_nan() && !x.is_nan() {
        raise("ValueError");
    } else if r.is_infinite() && x.is_finite() {
        raise("OverflowError");
    }
    r
}

macro_rules! math1 {
    ($($name:ident => $f:expr;)*) => {
        $(
            #[no_mangle]
            pub extern "C" fn $name(x: f64) -> f64 {
                let f: fn(f64) -> f64 = $f;
                checked(x, f(x))
            }
        )*
    };
}

math1! {
    rpy_math_sqrt => f64::sqrt;
    rpy_math_exp => f64::exp;
    rpy_math_expm1 => f64::exp_m1;
    rpy_math_log10 => |x| if x <= 0.0 { f64::NAN } else { x.log10() };
    rpy_math_log1p => |x| if x <= -1.0 { f64::NAN } else { x.ln_1p() };
    rpy_math_sin => f64::sin;
    rpy_math_cos => f64::cos;
    rpy_math_tan => f64::tan;
    rpy_math_asin => f64::asin;
    rpy_math_acos => f64::acos;
    rpy_math_atan => f64::atan;
    rpy_math_sinh => f64::sinh;
    rpy_math_cosh => f64::cosh;
    rpy_math_tanh => f64::tanh;
    rpy_math_asinh => f64::asinh;
    rpy_math_acosh => f64::acosh;
    rpy_math_atanh => |x| if x.abs() >= 1.0 { f64::NAN } else { x.atanh() };
    rpy_math_floor => f64::floor;
    rpy_math_ceil => f64::ceil;
    rpy_math_fabs => f64::abs;
    rpy_math_degrees => f64::to_degrees;
    rpy_math_radians => f64::to_radians;
}

/// `math.log(x)`: ValueError for x <= 0.
#[no_mangle]
pub extern "C" fn rpy_math_log(x: f64) -> f64 {
    checked(x, if x <= 0.0 { f64::NAN } else { x.ln() })
}

#[no_mangle]
pub extern "C" fn rpy_math_atan2(y: f64, x: f64) -> f64 {
    y.atan2(x)
}

#[no_mangle]
pub extern "C" fn rpy_math_hypot(x: f64, y: f64) -> f64 {
    let r = x.hypot(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        raise("OverflowError");
    }
    r
}

#[no_mangle]
pub extern "C" fn rpy_math_copysign(x: f64, y: f64) -> f64 {
    x.copysign(y)
}

/// `math.pow(x, y)`: ValueError for a negative base and a fractional
/// exponent or 0 ** negative, OverflowError when a finite result overflows.
#[no_mangle]
pub extern "C" fn rpy_math_pow(x: f64, y: f64) -> f64 {
    if x == 0.0 && y < 0.0 {
        raise("ValueError");
        return 0.0;
    }
    let r = x.powf(y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        raise("ValueError");
    } else if r.is_infinite() && x.is_finite() && y.is_finite() {
        raise("OverflowError");
    }
    r
}

/// `math.fmod(x, y)`: C's fmod (sign of x); ValueError for y == 0.
#[no_mangle]
pub extern "C" fn rpy_math_fmod(x: f64, y: f64) -> f64 {
    if y == 0.0 && !x.is_nan() {
        raise("ValueError");
        return 0.0;
    }
    x % y
}

#[no_mangle]
pub extern "C" fn rpy_math_ldexp(x: f64, e: i64) -> f64 {
    let e = e.clamp(-10000, 10000) as i32;
    let r = x * 2f64.powi(e.clamp(-1074, 1023)) * 2f64.powi(e - e.clamp(-1074, 1023));
    checked(x, r)
}

/// `math.frexp(x)`: the mantissa in [0.5, 1) (or 0, inf, nan as they are)...
#[no_mangle]
pub extern "C" fn rpy_math_frexp_mantissa(x: f64) -> f64 {
    frexp(x).0
}

/// ... and the exponent.
#[no_mangle]
pub extern "C" fn rpy_math_frexp_exponent(x: f64) -> i64 {
    frexp(x).1
}

fn frexp(x: f64) -> (f64, i64) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    if exp == 0 {
        // Subnormal: scale into the normal range first.
        let (m, e) = frexp(x * 2f64.powi(64));
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

/// `math.modf(x)`: the fractional part (sign of x)...
#[no_mangle]
pub extern "C" fn rpy_math_modf_frac(x: f64) -> f64 {
    if x.is_infinite() {
        return 0.0f64.copysign(x);
    }
    (x - x.trunc()).copysign(x)
}

/// ... and the integral part.
#[no_mangle]
pub extern "C" fn rpy_math_modf_int(x: f64) -> f64 {
    x.trunc()
}

#[no_mangle]
pub extern "C" fn rpy_math_isinf(x: f64) -> bool {
    x.is_infinite()
}

#[no_mangle]
pub extern "C" fn rpy_math_isnan(x: f64) -> bool {
    x.is_nan()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values from CPython 2.7.18.
    #[test]
    fn layouts_match_cpython() {
        let cases: &[(f64, &str, &str, &str, &str, &str, &str)] = &[
            // x, repr, str, %f, %e, %g, %.3g
            (0.0, "0.0", "0.0", "0.000000", "0.000000e+00", "0", "0"),
            (-0.0, "-0.0", "-0.0", "-0.000000", "-0.000000e+00", "-0", "-0"),
            (0.1, "0.1", "0.1", "0.100000", "1.000000e-01", "0.1", "0.1"),
            (1e16, "1e+16", "1e+16", "10000000000000000.000000", "1.000000e+16", "1e+16", "1e+16"),
            (123456789012345678.0, "1.2345678901234568e+17", "1.23456789012e+17", "123456789012345680.000000", "1.234568e+17", "1.23457e+17", "1.23e+17"),
            (0.0001, "0.0001", "0.0001", "0.000100", "1.000000e-04", "0.0001", "0.0001"),
            (0.00001, "1e-05", "1e-05", "0.000010", "1.000000e-05", "1e-05", "1e-05"),
            (1e15, "1000000000000000.0", "1e+15", "1000000000000000.000000", "1.000000e+15", "1e+15", "1e+15"),
            (1.0 / 3.0, "0.3333333333333333", "0.333333333333", "0.333333", "3.333333e-01", "0.333333", "0.333"),
            (123456789012.0, "123456789012.0", "1.23456789012e+11", "123456789012.000000", "1.234568e+11", "1.23457e+11", "1.23e+11"),
            (1234567890123.0, "1234567890123.0", "1.23456789012e+12", "1234567890123.000000", "1.234568e+12", "1.23457e+12", "1.23e+12"),
            (1e-300, "1e-300", "1e-300", "0.000000", "1.000000e-300", "1e-300", "1e-300"),
            (100.0, "100.0", "100.0", "100.000000", "1.000000e+02", "100", "100"),
            (-2.75, "-2.75", "-2.75", "-2.750000", "-2.750000e+00", "-2.75", "-2.75"),
            (f64::INFINITY, "inf", "inf", "inf", "inf", "inf", "inf"),
            (f64::NAN, "nan", "nan", "nan", "nan", "nan", "nan"),
        ];
        for &(x, r, s, f, e, g, g3) in cases {
            assert_eq!(float_repr(x), r, "repr({})", x);
            assert_eq!(float_str(x), s, "str({})", x);
            assert_eq!(format_spec(x, 'f', 6, false), f, "%f of {}", x);
            assert_eq!(format_spec(x, 'e', 6, false), e, "%e of {}", x);
            assert_eq!(format_spec(x, 'g', 6, false), g, "%g of {}", x);
            assert_eq!(format_spec(x, 'g', 3, false), g3, "%.3g of {}", x);
        }
        assert_eq!(format_spec(2.5, 'f', 0, false), "2");
        assert_eq!(format_spec(-2.75, 'f', 1, false), "-2.8");
        assert_eq!(format_spec(0.1, 'g', 6, true), "0.100000");
        assert_eq!(format_spec(1e16, 'g', 6, true), "1.00000e+16");
    }

    /// Expected values from CPython 2.7.18 running pylib's rfloat.
    #[test]
    fn formatd_like_rfloat() {
        assert_eq!(formatd(1.0, 'g', 12, 2), "1.0");
        assert_eq!(formatd(123456789012.0, 'g', 12, 2), "1.23456789012e+11");
        assert_eq!(formatd(12345678901.0, 'g', 12, 2), "12345678901.0");
        assert_eq!(formatd(1234567890123.0, 'g', 12, 2), "1.23456789012e+12");
        assert_eq!(formatd(1.5, 'r', 0, 0), "1.5");
        assert_eq!(formatd(2.0, 'r', 0, 0), "2");
        assert_eq!(formatd(2.0, 'e', 3, 1), "+2.000e+00");
        assert_eq!(formatd(f64::NEG_INFINITY, 'F', 3, 0), "-INF");
        assert_eq!(rpy_rfloat_round_double(2.5, 0, false), 3.0);
        assert_eq!(rpy_rfloat_round_double(2.5, 0, true), 2.0);
        assert_eq!(rpy_rfloat_round_double(0.125, 2, false), 0.13);
        assert_eq!(rpy_rfloat_round_double(1234.0, -2, false), 1200.0);
    }

    #[test]
    fn arithmetic_like_python() {
        assert_eq!(float_mod(-7.0, 2.0), 1.0);
        assert_eq!(float_mod(7.0, -2.0), -1.0);
        assert_eq!(rpy_float_floordiv(-7.0, 2.0), -4.0);
        assert_eq!(rpy_float_floordiv(7.5, 2.0), 3.0);
        assert_eq!(frexp(8.0), (0.5, 4));
        assert_eq!(parse_float(b" 1.5 "), Some(1.5));
        assert_eq!(parse_float(b"-inf"), Some(f64::NEG_INFINITY));
        assert_eq!(parse_float(b"1_0"), None);
        assert_eq!(parse_float(b"--1"), None);
    }
}

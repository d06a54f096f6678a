//! Text conversions as CPython 2.7 does them: float repr/str, string reprs,
//! `%` formatting and `str.format`.

use std::rc::Rc;

use hostobj::{Object, Value};

use crate::interp::{Interp, R};
use crate::ops::Key;

/// The shortest round-trip digits of `f` and its decimal exponent:
/// `f = 0.d1d2d3... * 10^(exp+1)`, i.e. `d1.d2d3... * 10^exp`.
fn shortest_digits(f: f64) -> (String, i32) {
    let s = format!("{:e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    let exp: i32 = exp.parse().unwrap_or(0);
    // When two shortest candidates are equally close to `f`, Rust takes the
    // upper one and CPython (David Gay's dtoa) the even one: 787808604946368.25
    // is ...368.2 in CPython. Rust's answer ending in an odd digit may be such
    // a tie: then the candidate one below also reads back as `f`, and `f` is
    // exactly halfway between the two.
    let last = digits.as_bytes().last().copied().unwrap_or(b'0');
    if last % 2 == 1 {
        let mut lower = digits.clone();
        lower.pop();
        lower.push((last - 1) as char);
        let reads_back = format!("0.{}e{}", lower, exp + 1).parse::<f64>().ok() == Some(f.abs());
        if reads_back && exact_digits(f) == normalized(&format!("{}5", lower), exp) {
            return normalized(&lower, exp);
        }
    }
    (digits, exp)
}

/// Digits `d1d2d3...` of `d1.d2d3... * 10^exp` without leading or trailing zeros.
fn normalized(digits: &str, exp: i32) -> (String, i32) {
    let lead = digits.len() - digits.trim_start_matches('0').len();
    let d = digits.trim_start_matches('0').trim_end_matches('0');
    if d.is_empty() {
        return ("0".into(), 0);
    }
    (d.to_string(), exp - lead as i32)
}

/// The exact decimal value of `|f|` (at most 767 significant digits), normalized.
fn exact_digits(f: f64) -> (String, i32) {
    let s = format!("{:.800e}", f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    normalized(&digits, exp.parse().unwrap_or(0))
}

/// Digits and exponent rounded to `prec` significant digits.
fn rounded_digits(f: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec.saturating_sub(1), f.abs());
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let digits: String = mant.chars().filter(|c| *c != '.').collect();
    (digits, exp.parse().unwrap_or(0))
}

fn special(f: f64) -> Option<String> {
    if f.is_nan() {
        Some("nan".into())
    } else if f.is_infinite() {
        Some(if f > 0.0 { "inf".into() } else { "-inf".into() })
    } else {
        None
    }
}

/// Places digits with a decimal exponent: fixed notation, or `d.ddde+XX`.
fn place(digits: &str, exp: i32, sci: bool, neg: bool) -> String {
    let mut out = String::new();
    if neg {
        out.push('-');
    }
    if sci {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs()));
    } else if exp < 0 {
        out.push_str("0.");
        for _ in 0..(-exp - 1) {
            out.push('0');
        }
        out.push_str(digits);
    } else {
        let e = exp as usize;
        if digits.len() > e + 1 {
            out.push_str(&digits[..e + 1]);
            out.push('.');
            out.push_str(&digits[e + 1..]);
        } else {
            out.push_str(digits);
            for _ in digits.len()..e + 1 {
                out.push('0');
            }
        }
    }
    out
}

/// `repr(float)`: shortest round-trip digits; scientific below 1e-4 or from 1e16.
pub fn float_repr(f: f64) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    let neg = f.is_sign_negative();
    if f == 0.0 {
        return if neg { "-0.0".into() } else { "0.0".into() };
    }
    let (digits, exp) = shortest_digits(f);
    let digits = digits.trim_end_matches('0').to_string();
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let sci = !(-4..16).contains(&exp);
    let mut s = place(&digits, exp, sci, neg);
    if !sci && !s.contains('.') {
        s.push_str(".0");
    }
    s
}

/// `str(float)`: 12 significant digits, plus `.0` when that looks like an
/// integer (CPython's 'g' with ADD_DOT_0, which also switches to exponent
/// notation one digit earlier than `%g`).
pub fn float_str(f: f64) -> String {
    let s = g_format(f, 12, false, 'e', 11);
    if s.contains(['.', 'e', 'n', 'i']) {
        s
    } else {
        format!("{}.0", s)
    }
}

/// C's `%.{prec}g`.
pub fn format_g(f: f64, prec: usize, alt: bool, e_char: char) -> String {
    g_format(f, prec, alt, e_char, prec.max(1) as i32)
}

/// `%g` with exponent notation from decimal exponent `exp_from` up.
fn g_format(f: f64, prec: usize, alt: bool, e_char: char, exp_from: i32) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    let prec = prec.max(1);
    let neg = f.is_sign_negative();
    if f == 0.0 {
        let mut s = if neg { "-0".to_string() } else { "0".to_string() };
        if alt {
            s.push('.');
            for _ in 1..prec {
                s.push('0');
            }
        }
        return s;
    }
    let (digits, exp) = rounded_digits(f, prec);
    let sci = exp < -4 || exp >= exp_from;
    let digits = if alt { digits } else { digits.trim_end_matches('0').to_string() };
    let digits = if digits.is_empty() { "0".to_string() } else { digits };
    let mut s = place(&digits, exp, sci, neg);
    if alt && !s.contains('.') {
        // '#' keeps the point even with no decimals.
        match s.find('e') {
            Some(i) => s.insert(i, '.'),
            None => s.push('.'),
        }
    }
    if e_char == 'E' {
        s = s.replace('e', "E");
    }
    s
}

pub fn format_f(f: f64, prec: usize) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    format!("{:.*}", prec, f)
}

pub fn format_e(f: f64, prec: usize, e_char: char) -> String {
    if let Some(s) = special(f) {
        return s;
    }
    let s = format!("{:.*e}", prec, f);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    format!("{}{}{}{:02}", mant, e_char, if exp < 0 { '-' } else { '+' }, exp.abs())
}

/// `round(x, n)` as CPython 2.7 computes it: the exact binary value of `x`
/// rounded to `n` decimal places (`n` may be negative), halfway cases away
/// from zero, the decimal result read back correctly rounded. None if the
/// result is too large for a float (CPython's OverflowError).
pub fn round_half_away(x: f64, n: i64) -> Option<f64> {
    // CPython's bounds: beyond 323 places nothing changes; before -308 all is gone.
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Some(x);
    }
    if n < -308 {
        return Some(0.0 * x);
    }
    // The exact decimal expansion of |x|: as many fractional digits as the
    // lowest set bit of the significand needs (at most 1074), so that
    // formatting does not round.
    let bits = x.to_bits();
    let (mant, exp) = match ((bits >> 52) & 0x7ff) as i64 {
        0 => (bits & ((1 << 52) - 1), -1074),
        e => ((bits & ((1 << 52) - 1)) | (1 << 52), e - 1075),
    };
    let lsb = exp + mant.trailing_zeros() as i64;
    let frac_digits = (-lsb).max(0) as usize;
    let text = format!("{:.*}", frac_digits, x.abs());
    let point = text.find('.').unwrap_or(text.len());
    let digits: Vec<u8> = text.bytes().filter(|c| c.is_ascii_digit()).collect();
    // Digits kept: those before the `n`th place after the point.
    let cut = point as i64 + n;
    if cut >= digits.len() as i64 {
        return Some(x);
    }
    let magnitude = if cut < 0 {
        0.0
    } else {
        let cut = cut as usize;
        let mut kept = digits[..cut].to_vec();
        // The exact value is known, so the first dropped digit decides (a
        // 5 followed by zeros is a tie, rounded up: away from zero).
        if digits[cut] >= b'5' {
            let mut i = kept.len();
            loop {
                if i == 0 {
                    kept.insert(0, b'1');
                    break;
                }
                i -= 1;
                if kept[i] == b'9' {
                    kept[i] = b'0';
                } else {
                    kept[i] += 1;
                    break;
                }
            }
        }
        if kept.is_empty() {
            0.0
        } else {
            let s = format!("{}e{}", String::from_utf8_lossy(&kept), -n);
            s.parse::<f64>().unwrap_or(f64::INFINITY)
        }
    };
    if magnitude.is_infinite() {
        return None;
    }
    Some(if x < 0.0 { -magnitude } else { magnitude })
}

/// `repr(str)`: single quotes unless the text has ' and no ".
pub fn str_repr(s: &[u8]) -> String {
    let quote = if s.contains(&b'\'') && !s.contains(&b'"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for &c in s {
        match c {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            c if c as char == quote => {
                out.push('\\');
                out.push(quote);
            }
            0x20..=0x7e => out.push(c as char),
            c => out.push_str(&format!("\\x{:02x}", c)),
        }
    }
    out.push(quote);
    out
}

pub fn unicode_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::with_capacity(s.len() + 3);
    out.push('u');
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(quote);
            }
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x100 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// Field widths and precisions are capped (a huge one would only exhaust memory).
const MAX_FIELD: usize = 1 << 20;

/// Flags and sizes of one `%` conversion.
#[derive(Default)]
struct Spec {
    left: bool,
    plus: bool,
    space: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

fn pad(spec: &Spec, body: String, numeric: bool) -> String {
    let len = body.chars().count();
    if len >= spec.width {
        return body;
    }
    let n = spec.width - len;
    if spec.left {
        format!("{}{}", body, " ".repeat(n))
    } else if spec.zero && numeric {
        // Zeros go after the sign (and after 0x).
        let (sign, rest) = match body.chars().next() {
            Some(c @ ('-' | '+' | ' ')) => (c.to_string(), body[1..].to_string()),
            _ => (String::new(), body.clone()),
        };
        let (prefix, digits) = if rest.starts_with("0x") || rest.starts_with("0X") {
            (rest[..2].to_string(), rest[2..].to_string())
        } else {
            (String::new(), rest)
        };
        format!("{}{}{}{}", sign, prefix, "0".repeat(n), digits)
    } else {
        format!("{}{}", " ".repeat(n), body)
    }
}

fn sign_prefix(spec: &Spec, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if spec.plus {
        "+"
    } else if spec.space {
        " "
    } else {
        ""
    }
}

/// An integer argument of %d/%x/%o: ints as they are, floats truncated.
fn int_for_format(it: &mut Interp, v: &Value) -> R<i128> {
    match v {
        Value::Int(i) => Ok(*i as i128),
        Value::Bool(b) => Ok(*b as i128),
        Value::Long(l) => Ok(*l),
        Value::Float(f) if f.is_finite() => Ok(f.trunc() as i128),
        _ => {
            if let Some(r) = it.try_special(v, "__int__", vec![])? {
                return int_for_format(it, &r);
            }
            let tn = it.type_name(v);
            it.err("TypeError", format!("%d format: a number is required, not {}", tn))
        }
    }
}

fn float_for_format(it: &mut Interp, v: &Value) -> R<f64> {
    match v {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::Long(l) => Ok(*l as f64),
        Value::Float(f) => Ok(*f),
        _ => {
            if let Some(r) = it.try_special(v, "__float__", vec![])? {
                return float_for_format(it, &r);
            }
            it.err("TypeError", "float argument required")
        }
    }
}

/// One conversion of `%`-formatting.
fn convert(it: &mut Interp, conv: char, spec: &Spec, v: &Value, unicode: &mut bool) -> R<String> {
    Ok(match conv {
        's' | 'r' => {
            let text = if conv == 's' {
                match v {
                    Value::Unicode(u) => {
                        *unicode = true;
                        u.to_string()
                    }
                    // Bytes stay bytes: one char per byte (a latin-1 view, undone at the end).
                    _ => it.py_str(v)?.iter().map(|&b| b as char).collect(),
                }
            } else {
                it.py_repr(v)?.iter().map(|&b| b as char).collect()
            };
            let text = match spec.prec {
                Some(p) => text.chars().take(p).collect(),
                None => text,
            };
            pad(spec, text, false)
        }
        'd' | 'i' | 'u' => {
            let n = int_for_format(it, v)?;
            let mut digits = n.unsigned_abs().to_string();
            if let Some(p) = spec.prec {
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            pad(spec, format!("{}{}", sign_prefix(spec, n < 0), digits), true)
        }
        'x' | 'X' | 'o' => {
            let n = int_for_format(it, v)?;
            let m = n.unsigned_abs();
            let mut digits = match conv {
                'x' => format!("{:x}", m),
                'X' => format!("{:X}", m),
                _ => format!("{:o}", m),
            };
            if let Some(p) = spec.prec {
                while digits.len() < p {
                    digits.insert(0, '0');
                }
            }
            let prefix = match (spec.alt, conv) {
                (true, 'x') => "0x",
                (true, 'X') => "0X",
                (true, _) if m != 0 => "0",
                _ => "",
            };
            pad(spec, format!("{}{}{}", sign_prefix(spec, n < 0), prefix, digits), true)
        }
        'f' | 'F' | 'e' | 'E' | 'g' | 'G' => {
            let f = float_for_format(it, v)?;
            let prec = spec.prec.unwrap_or(6);
            let body = match conv {
                'f' | 'F' => format_f(f.abs(), prec),
                'e' | 'E' => format_e(f.abs(), prec, conv),
                _ => format_g(f.abs(), if prec == 0 { 1 } else { prec }, spec.alt, if conv == 'G' { 'E' } else { 'e' }),
            };
            let body = if conv.is_ascii_uppercase() { body.to_uppercase() } else { body };
            let neg = f.is_sign_negative() && !f.is_nan();
            pad(spec, format!("{}{}", sign_prefix(spec, neg), body), f.is_finite())
        }
        'c' => {
            let c = match v {
                Value::Str(s) if s.len() == 1 => (s[0] as char).to_string(),
                Value::Unicode(s) if s.chars().count() == 1 => {
                    *unicode = true;
                    s.to_string()
                }
                _ => {
                    let n = int_for_format(it, v)?;
                    if !(0..256).contains(&n) {
                        return it.err("OverflowError", "unsigned byte integer is greater than maximum");
                    }
                    (n as u8 as char).to_string()
                }
            };
            pad(spec, c, false)
        }
        _ => {
            return it.err(
                "ValueError",
                format!("unsupported format character '{}' (0x{:x})", conv, conv as u32),
            )
        }
    })
}

/// `fmt % args`.
pub fn percent_format(it: &mut Interp, fmt: &Value, args: &Value) -> R<Value> {
    let mut unicode = matches!(fmt, Value::Unicode(_));
    // Work on chars; a byte-string format is taken byte by byte (latin-1 view).
    let chars: Vec<char> = match fmt {
        Value::Str(s) => s.iter().map(|&b| b as char).collect(),
        Value::Unicode(s) => s.chars().collect(),
        _ => vec![],
    };
    let (items, mapping) = match it.obj(args) {
        Some(Object::Tuple(t)) => (t.clone(), None),
        Some(Object::Dict(_)) | Some(Object::Instance(_)) => (vec![args.clone()], Some(args.clone())),
        _ => (vec![args.clone()], None),
    };
    let mut next = 0usize;
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut key: Option<String> = None;
        if chars.get(i) == Some(&'(') {
            let mut depth = 1;
            let start = i + 1;
            i += 1;
            while i < chars.len() && depth > 0 {
                match chars[i] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return it.err("ValueError", "incomplete format key");
            }
            key = Some(chars[start..i - 1].iter().collect());
        }
        let mut spec = Spec::default();
        while let Some(&f) = chars.get(i) {
            match f {
                '-' => spec.left = true,
                '+' => spec.plus = true,
                ' ' => spec.space = true,
                '#' => spec.alt = true,
                '0' => spec.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut take_arg = |it: &mut Interp| -> R<Value> {
            if next < items.len() {
                next += 1;
                Ok(items[next - 1].clone())
            } else {
                it.err("TypeError", "not enough arguments for format string")
            }
        };
        if chars.get(i) == Some(&'*') {
            let w = take_arg(it)?;
            let w = it.index_of(&w)?;
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs().min(MAX_FIELD as u64) as usize;
            i += 1;
        } else {
            while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                spec.width = (spec.width * 10 + d as usize).min(MAX_FIELD);
                i += 1;
            }
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let mut p = 0;
            if chars.get(i) == Some(&'*') {
                let w = take_arg(it)?;
                p = (it.index_of(&w)?.max(0) as usize).min(MAX_FIELD);
                i += 1;
            } else {
                while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
                    p = (p * 10 + d as usize).min(MAX_FIELD);
                    i += 1;
                }
            }
            spec.prec = Some(p);
        }
        // Length modifiers are accepted and ignored, as in CPython.
        while matches!(chars.get(i), Some('l' | 'h' | 'L')) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return it.err("ValueError", "incomplete format");
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(k) => {
                let Some(m) = &mapping else {
                    return it.err("TypeError", "format requires a mapping");
                };
                used_mapping = true;
                it.getitem(m, Key::Index(Value::str(k)))?
            }
            None => take_arg(it)?,
        };
        out.push_str(&convert(it, conv, &spec, &v, &mut unicode)?);
    }
    if next < items.len() && !used_mapping && mapping.is_none() {
        return it.err("TypeError", "not all arguments converted during string formatting");
    }
    if unicode {
        // A byte format mixed with unicode arguments is decoded as ASCII.
        if let Value::Str(s) = fmt {
            if !s.is_ascii() {
                return it.err("UnicodeDecodeError", "'ascii' codec can't decode byte: ordinal not in range(128)");
            }
        }
        Ok(Value::Unicode(Rc::from(out)))
    } else {
        Ok(Interp::bytes(out.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>()))
    }
}

/// `format(value, spec)`: the format-spec mini-language for numbers and strings.
pub fn format_value(it: &mut Interp, v: &Value, spec: &str) -> R<String> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut fill = ' ';
    let mut align: Option<char> = None;
    if chars.len() >= 2 && matches!(chars[1], '<' | '>' | '^' | '=') {
        fill = chars[0];
        align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && matches!(chars[0], '<' | '>' | '^' | '=') {
        align = Some(chars[0]);
        i = 1;
    }
    let mut sign = '-';
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
        sign = c;
        i += 1;
    }
    let mut alt = false;
    if chars.get(i) == Some(&'#') {
        alt = true;
        i += 1;
    }
    if chars.get(i) == Some(&'0') {
        if align.is_none() {
            fill = '0';
            align = Some('=');
        }
        i += 1;
    }
    let mut width = 0usize;
    while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
        width = (width * 10 + d as usize).min(MAX_FIELD);
        i += 1;
    }
    let mut comma = false;
    if chars.get(i) == Some(&',') {
        comma = true;
        i += 1;
    }
    let mut prec: Option<usize> = None;
    if chars.get(i) == Some(&'.') {
        i += 1;
        let mut p = 0;
        while let Some(d) = chars.get(i).and_then(|c| c.to_digit(10)) {
            p = (p * 10 + d as usize).min(MAX_FIELD);
            i += 1;
        }
        prec = Some(p);
    }
    let ty = chars.get(i).copied();
    if i + usize::from(ty.is_some()) != chars.len() {
        return it.err("ValueError", "Invalid conversion specification");
    }
    let is_num = matches!(v, Value::Int(_) | Value::Long(_) | Value::Float(_) | Value::Bool(_));
    let (neg, body, numeric) = match (v, ty) {
        (Value::Str(_) | Value::Unicode(_), None | Some('s')) => {
            let s = it.text_of(v)?;
            let s = match prec {
                Some(p) => s.chars().take(p).collect(),
                None => s,
            };
            (false, s, false)
        }
        (Value::Int(_) | Value::Long(_) | Value::Bool(_), None | Some('d' | 'x' | 'X' | 'o' | 'b' | 'c' | 'n')) => {
            let n = int_for_format(it, v)?;
            let m = n.unsigned_abs();
            let mut body = match ty {
                Some('x') => format!("{}{:x}", if alt { "0x" } else { "" }, m),
                Some('X') => format!("{}{:X}", if alt { "0X" } else { "" }, m),
                Some('o') => format!("{}{:o}", if alt { "0o" } else { "" }, m),
                Some('b') => format!("{}{:b}", if alt { "0b" } else { "" }, m),
                Some('c') => char::from_u32(m as u32).map(|c| c.to_string()).unwrap_or_default(),
                _ => m.to_string(),
            };
            if comma {
                body = group_thousands(&body);
            }
            (n < 0, body, true)
        }
        (_, Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%')) | (Value::Float(_), None) if is_num => {
            let f = float_for_format(it, v)?;
            let body = match ty {
                Some('f' | 'F') => format_f(f.abs(), prec.unwrap_or(6)),
                Some('e' | 'E') => format_e(f.abs(), prec.unwrap_or(6), ty.unwrap_or('e')),
                Some('g' | 'G') => format_g(f.abs(), prec.unwrap_or(6), alt, if ty == Some('G') { 'E' } else { 'e' }),
                Some('%') => format!("{}%", format_f(f.abs() * 100.0, prec.unwrap_or(6))),
                _ => match prec {
                    Some(p) => format_g(f.abs(), p.max(1), alt, 'e'),
                    None => float_str(f.abs()),
                },
            };
            let body = if comma { group_thousands(&body) } else { body };
            (f.is_sign_negative() && !f.is_nan(), body, true)
        }
        _ => {
            if spec.is_empty() {
                let s = it.py_str(v)?;
                return Ok(String::from_utf8_lossy(&s).into_owned());
            }
            let tn = it.type_name(v);
            return it.err("ValueError", format!("Unknown format code '{}' for object of type '{}'", ty.unwrap_or(' '), tn));
        }
    };
    let sign_s = if !numeric {
        ""
    } else if neg {
        "-"
    } else {
        match sign {
            '+' => "+",
            ' ' => " ",
            _ => "",
        }
    };
    let len = sign_s.chars().count() + body.chars().count();
    let n = width.saturating_sub(len);
    let align = align.unwrap_or(if numeric { '>' } else { '<' });
    let f = |k: usize| fill.to_string().repeat(k);
    Ok(match align {
        '<' => format!("{}{}{}", sign_s, body, f(n)),
        '^' => format!("{}{}{}{}", f(n / 2), sign_s, body, f(n - n / 2)),
        '=' => format!("{}{}{}", sign_s, f(n), body),
        _ => format!("{}{}{}", f(n), sign_s, body),
    })
}

fn group_thousands(s: &str) -> String {
    let (int, rest) = match s.find('.') {
        Some(p) => (&s[..p], &s[p..]),
        None => (s, ""),
    };
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out.push_str(rest);
    out
}

/// `fmt.format(*args, **kw)`: fields `{}`, `{0}`, `{name}`, `{0.attr}`, `{0[1]}`,
/// with `!r`/`!s` and a format spec.
pub fn str_format(it: &mut Interp, fmt: &Value, args: &[Value], kw: &[(String, Value)]) -> R<Value> {
    let unicode = matches!(fmt, Value::Unicode(_));
    let text = it.text_of(fmt)?;
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return it.err("ValueError", "Single '}' encountered in format string");
        }
        if c != '{' {
            out.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            out.push('{');
            i += 2;
            continue;
        }
        let mut depth = 1;
        let start = i + 1;
        i += 1;
        while i < chars.len() {
            match chars[i] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        if i >= chars.len() {
            return it.err("ValueError", "Single '{' encountered in format string");
        }
        let field: String = chars[start..i].iter().collect();
        i += 1;
        let (field, spec) = match field.find(':') {
            Some(p) => (field[..p].to_string(), field[p + 1..].to_string()),
            None => (field, String::new()),
        };
        let (field, conv) = match field.find('!') {
            Some(p) => (field[..p].to_string(), field[p + 1..].chars().next()),
            None => (field, None),
        };
        // The first part of the field name picks the argument.
        let name_end = field.find(['.', '[']).unwrap_or(field.len());
        let first = &field[..name_end];
        let mut v = if first.is_empty() {
            auto += 1;
            match args.get(auto - 1) {
                Some(v) => v.clone(),
                None => return it.err("IndexError", "tuple index out of range"),
            }
        } else if let Ok(n) = first.parse::<usize>() {
            match args.get(n) {
                Some(v) => v.clone(),
                None => return it.err("IndexError", "tuple index out of range"),
            }
        } else {
            match kw.iter().find(|(k, _)| k == first) {
                Some((_, v)) => v.clone(),
                None => {
                    let e = it.new_exc("KeyError", vec![Value::str(first)]);
                    return Err(it.raise_value(e));
                }
            }
        };
        let mut rest = &field[name_end..];
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(['.', '[']).unwrap_or(r.len());
                v = it.getattr(&v, &r[..end])?;
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']').unwrap_or(r.len());
                let k = &r[..end];
                let key = match k.parse::<i64>() {
                    Ok(n) => Value::Int(n),
                    Err(_) => Value::str(k),
                };
                v = it.getitem(&v, Key::Index(key))?;
                rest = r.get(end + 1..).unwrap_or("");
            } else {
                break;
            }
        }
        let v = match conv {
            Some('r') => Interp::bytes(it.py_repr(&v)?),
            Some('s') => Interp::bytes(it.py_str(&v)?),
            _ => v,
        };
        out.push_str(&format_value(it, &v, &spec)?);
    }
    if unicode {
        Ok(Value::Unicode(Rc::from(out)))
    } else {
        Ok(Value::str(&out))
    }
}

//! Decoding of string and number literals from their token text.

/// The value of one string literal token.
pub enum StrValue {
    Bytes(Vec<u8>),
    Unicode(String),
    /// A unicode literal whose value the AST cannot hold yet; the reason.
    UnicodeUnsupported(String),
}

/// How the file's string literals are read.
#[derive(Clone, Copy, Default)]
pub struct StringMode {
    /// `from __future__ import unicode_literals`: unprefixed literals are unicode.
    pub unicode_literals: bool,
    /// The file declares a one-byte encoding (it was read as Latin-1): byte
    /// strings keep the file's original bytes, as CPython's do.
    pub latin1_source: bool,
}

/// Decodes a string token (prefix and quotes included).
pub fn decode_string(text: &str, mode: StringMode) -> Result<StrValue, String> {
    let unicode_literals = mode.unicode_literals;
    let prefix_len = text.find(['\'', '"']).unwrap_or(0);
    let prefix = text[..prefix_len].to_ascii_lowercase();
    let is_bytes = prefix.contains('b');
    let is_unicode = prefix.contains('u') || (unicode_literals && !is_bytes);
    let raw = prefix.contains('r');
    let rest = &text[prefix_len..];
    let quote_len = if rest.len() >= 6 && (rest.starts_with("'''") || rest.starts_with("\"\"\"")) { 3 } else { 1 };
    let body = rest.get(quote_len..rest.len().saturating_sub(quote_len)).unwrap_or("");
    Ok(match (is_unicode, raw) {
        (false, true) => StrValue::Bytes(raw_bytes(body, mode.latin1_source)),
        (false, false) => StrValue::Bytes(decode_bytes(body, mode.latin1_source)?),
        (true, true) => decode_raw_unicode(body)?,
        (true, false) => decode_unicode(body)?,
    })
}

/// Joins adjacent literals: the result is unicode if any part is, and
/// unsupported if any part is.
pub fn concat_strings(parts: Vec<StrValue>) -> Result<StrValue, String> {
    let any_unicode = parts.iter().any(|p| !matches!(p, StrValue::Bytes(_)));
    if !any_unicode {
        let mut bytes = Vec::new();
        for part in parts {
            if let StrValue::Bytes(b) = part {
                bytes.extend_from_slice(&b);
            }
        }
        return Ok(StrValue::Bytes(bytes));
    }
    let mut text = String::new();
    let mut unsupported = None;
    for part in parts {
        match part {
            StrValue::Unicode(s) => text.push_str(&s),
            StrValue::UnicodeUnsupported(why) => {
                unsupported.get_or_insert(why);
            }
            // Python 2 decodes the byte string with the default (ASCII) codec.
            StrValue::Bytes(b) => match b.iter().position(|&c| c >= 0x80) {
                None => text.extend(b.iter().map(|&c| c as char)),
                Some(i) => {
                    return Err(format!(
                        "cannot concatenate a byte string containing non-ASCII byte 0x{:02x} with a unicode literal",
                        b[i]
                    ))
                }
            },
        }
    }
    Ok(match unsupported {
        Some(why) => StrValue::UnicodeUnsupported(why),
        None => StrValue::Unicode(text),
    })
}

/// A decoded escape: a code point, or a line continuation that produces nothing.
enum Escape {
    Char(u32),
    Nothing,
    /// Not an escape: the backslash stays.
    Verbatim,
}

/// Decodes the escape after a backslash; `chars` is positioned after it.
fn escape(chars: &mut std::iter::Peekable<std::str::Chars>, unicode: bool) -> Result<Escape, String> {
    let Some(&c) = chars.peek() else { return Ok(Escape::Verbatim) };
    let simple = match c {
        '\n' => Some(Escape::Nothing),
        '\\' | '\'' | '"' => Some(Escape::Char(c as u32)),
        'a' => Some(Escape::Char(7)),
        'b' => Some(Escape::Char(8)),
        'f' => Some(Escape::Char(12)),
        'n' => Some(Escape::Char(10)),
        'r' => Some(Escape::Char(13)),
        't' => Some(Escape::Char(9)),
        'v' => Some(Escape::Char(11)),
        _ => None,
    };
    if let Some(e) = simple {
        chars.next();
        return Ok(e);
    }
    match c {
        '0'..='7' => {
            let mut value = 0u32;
            for _ in 0..3 {
                match chars.peek().and_then(|d| d.to_digit(8)) {
                    Some(d) => {
                        value = value * 8 + d;
                        chars.next();
                    }
                    None => break,
                }
            }
            Ok(Escape::Char(value))
        }
        'x' => {
            chars.next();
            hex_digits(chars, 2).map(Escape::Char).ok_or_else(|| "invalid \\x escape: expected two hex digits".to_string())
        }
        'u' | 'U' if unicode => {
            chars.next();
            unicode_escape(chars, c).map(Escape::Char)
        }
        _ => Ok(Escape::Verbatim),
    }
}

fn hex_digits(chars: &mut std::iter::Peekable<std::str::Chars>, count: usize) -> Option<u32> {
    let mut value = 0u32;
    for _ in 0..count {
        let d = chars.peek()?.to_digit(16)?;
        chars.next();
        value = value * 16 + d;
    }
    Some(value)
}

/// `\uXXXX` or `\UXXXXXXXX`, with `chars` after the `u`/`U`.
fn unicode_escape(chars: &mut std::iter::Peekable<std::str::Chars>, u: char) -> Result<u32, String> {
    let count = if u == 'u' { 4 } else { 8 };
    match hex_digits(chars, count) {
        None if u == 'u' => Err("truncated \\uXXXX escape".to_string()),
        None => Err("truncated \\UXXXXXXXX escape".to_string()),
        Some(v) if v > 0x10FFFF => Err(format!("illegal Unicode character \\U{:08x}", v)),
        Some(v) => Ok(v),
    }
}

/// The name of a `\N{name}` escape, with `chars` after the `N`.
fn named_escape(chars: &mut std::iter::Peekable<std::str::Chars>) -> Result<String, String> {
    let malformed = || "malformed \\N character escape".to_string();
    if chars.next_if_eq(&'{').is_none() {
        return Err(malformed());
    }
    let mut name = String::new();
    loop {
        match chars.next() {
            Some('}') if !name.is_empty() => return Ok(name),
            Some('}') | None => return Err(malformed()),
            Some(c) => name.push(c),
        }
    }
}

/// A unicode literal's value as it is decoded. Surrogates cannot be held in
/// the AST's `String`, and `\N{name}` would need the Unicode name database:
/// either makes the literal unsupported, but decoding goes on so that real
/// errors later in the literal are still reported.
struct UnicodeText {
    text: String,
    unsupported: Option<String>,
}

impl UnicodeText {
    fn push(&mut self, v: u32) {
        match char::from_u32(v) {
            Some(c) => self.text.push(c),
            None => self.unsupported(format!("surrogate code point U+{:04X}", v)),
        }
    }

    /// Keeps the first reason.
    fn unsupported(&mut self, why: String) {
        self.unsupported.get_or_insert(why);
    }

    fn finish(self) -> StrValue {
        match self.unsupported {
            Some(why) => StrValue::UnicodeUnsupported(why),
            None => StrValue::Unicode(self.text),
        }
    }
}

/// Appends a source character to a byte string: its UTF-8 bytes, or its
/// original byte in a file read as Latin-1.
fn push_source_char(out: &mut Vec<u8>, c: char, latin1_source: bool) {
    if c.is_ascii() || (latin1_source && (c as u32) < 0x100) {
        out.push(c as u32 as u8);
    } else {
        let mut buf = [0u8; 4];
        out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
    }
}

fn raw_bytes(body: &str, latin1_source: bool) -> Vec<u8> {
    if body.is_ascii() || !latin1_source {
        return body.as_bytes().to_vec();
    }
    let mut out = Vec::with_capacity(body.len());
    body.chars().for_each(|c| push_source_char(&mut out, c, true));
    out
}

fn decode_bytes(body: &str, latin1_source: bool) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(body.len());
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            push_source_char(&mut out, c, latin1_source);
            continue;
        }
        match escape(&mut chars, false)? {
            // Octal escapes above 0o377 wrap around, as in CPython.
            Escape::Char(v) => out.push(v as u8),
            Escape::Nothing => {}
            Escape::Verbatim => out.push(b'\\'),
        }
    }
    Ok(out)
}

fn decode_unicode(body: &str) -> Result<StrValue, String> {
    let mut out = UnicodeText { text: String::with_capacity(body.len()), unsupported: None };
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.text.push(c);
            continue;
        }
        if chars.next_if_eq(&'N').is_some() {
            let name = named_escape(&mut chars)?;
            out.unsupported(format!("named character escape \\N{{{}}}", name));
            continue;
        }
        match escape(&mut chars, true)? {
            Escape::Char(v) => out.push(v),
            Escape::Nothing => {}
            Escape::Verbatim => out.text.push('\\'),
        }
    }
    Ok(out.finish())
}

/// `ur'...'`: everything is literal except `\u`/`\U` after an odd number of
/// backslashes (Python 2's raw-unicode-escape codec).
fn decode_raw_unicode(body: &str) -> Result<StrValue, String> {
    let mut out = UnicodeText { text: String::with_capacity(body.len()), unsupported: None };
    let mut chars = body.chars().peekable();
    let mut backslashes = 0;
    while let Some(c) = chars.next() {
        if c == '\\' {
            backslashes += 1;
            out.text.push(c);
            continue;
        }
        if backslashes % 2 == 1 && (c == 'u' || c == 'U') {
            out.text.pop();
            out.push(unicode_escape(&mut chars, c)?);
        } else {
            out.text.push(c);
        }
        backslashes = 0;
    }
    Ok(out.finish())
}

/// The value of a number literal.
#[derive(Debug, PartialEq)]
pub enum NumValue {
    Int(i64),
    /// Decimal digits, with a leading `-` when negative.
    Long(String),
    Float(f64),
    /// The imaginary part.
    Complex(f64),
}

/// Converts a number token's text; `negate` folds a unary minus into it, so
/// that `-9223372036854775808` is an int as in CPython.
pub fn parse_number(text: &str, negate: bool) -> Result<NumValue, String> {
    let sign = if negate { -1.0 } else { 1.0 };
    let lower = text.to_ascii_lowercase();
    if let Some(imag) = lower.strip_suffix('j') {
        return Ok(NumValue::Complex(sign * parse_float(imag)?));
    }
    let (radix, digits) = if let Some(d) = lower.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = lower.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = lower.strip_prefix("0b") {
        (2, d)
    } else if lower.contains(['.', 'e']) {
        return Ok(NumValue::Float(sign * parse_float(&lower)?));
    } else if lower.len() > 1 && lower.starts_with('0') {
        (8, &lower[1..])
    } else {
        (10, &lower[..])
    };
    let (digits, long_suffix) = match digits.strip_suffix('l') {
        Some(d) => (d, true),
        None => (digits, false),
    };
    let magnitude = to_decimal(digits, radix)?;
    let value: Option<i128> = magnitude.parse::<i128>().ok().map(|v| if negate { -v } else { v });
    match value {
        Some(v) if !long_suffix && i64::try_from(v).is_ok() => Ok(NumValue::Int(v as i64)),
        _ if negate && magnitude != "0" => Ok(NumValue::Long(format!("-{}", magnitude))),
        _ => Ok(NumValue::Long(magnitude)),
    }
}

fn parse_float(text: &str) -> Result<f64, String> {
    text.parse::<f64>().map_err(|_| format!("invalid float literal '{}'", text))
}

/// Converts digits in `radix` to decimal digits without leading zeros, with
/// base-10^9 limbs so any length works.
fn to_decimal(digits: &str, radix: u32) -> Result<String, String> {
    const BASE: u64 = 1_000_000_000;
    if radix == 10 {
        let trimmed = digits.trim_start_matches('0');
        return Ok(if trimmed.is_empty() { "0".to_string() } else { trimmed.to_string() });
    }
    let mut limbs: Vec<u64> = vec![0]; // little-endian
    for c in digits.chars() {
        let mut carry = c.to_digit(radix).ok_or_else(|| format!("invalid digit '{}' in number literal", c))? as u64;
        for limb in limbs.iter_mut() {
            let v = *limb * radix as u64 + carry;
            *limb = v % BASE;
            carry = v / BASE;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    let mut out = String::new();
    let mut iter = limbs.iter().rev();
    if let Some(top) = iter.next() {
        out.push_str(&top.to_string());
    }
    for limb in iter {
        out.push_str(&format!("{:09}", limb));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: StringMode = StringMode { unicode_literals: false, latin1_source: false };
    const UNICODE_LITERALS: StringMode = StringMode { unicode_literals: true, latin1_source: false };

    fn bytes(text: &str) -> Vec<u8> {
        match decode_string(text, PLAIN) {
            Ok(StrValue::Bytes(b)) => b,
            _ => panic!("not bytes: {}", text),
        }
    }

    fn unicode(text: &str) -> String {
        match decode_string(text, PLAIN) {
            Ok(StrValue::Unicode(s)) => s,
            _ => panic!("not unicode: {}", text),
        }
    }

    #[test]
    fn byte_escapes() {
        assert_eq!(bytes(r"'a\nb'"), b"a\nb");
        assert_eq!(bytes(r"'\x41\101\0\777'"), b"AA\0\xff");
        assert_eq!(bytes(r"'\q\u1234'"), b"\\q\\u1234");
        assert_eq!(bytes("'a\\\nb'"), b"ab");
        assert_eq!(bytes(r"r'\n\''"), b"\\n\\'");
        assert_eq!(bytes(r"b'\t'"), b"\t");
        assert_eq!(bytes("'''a'b'''"), b"a'b");
        assert_eq!(bytes("''"), b"");
        assert_eq!(bytes("''''''"), b"");
        assert_eq!(bytes("'\u{e9}'"), "\u{e9}".as_bytes());
        let latin1 = StringMode { unicode_literals: false, latin1_source: true };
        assert!(matches!(decode_string("'\u{e9}'", latin1), Ok(StrValue::Bytes(b)) if b == [0xe9]));
        assert!(matches!(decode_string("r'\u{e9}\u{20ac}'", latin1), Ok(StrValue::Bytes(b)) if b == [0xe9, 0xe2, 0x82, 0xac]));
        assert!(decode_string(r"'\x4'", PLAIN).is_err());
    }

    #[test]
    fn unicode_escapes() {
        assert_eq!(unicode(r"u'\u00e9\U0001F600\x41\101'"), "\u{e9}\u{1F600}AA");
        assert_eq!(unicode(r"UR'\u0041\\u0041\\\u0041'"), "A\\\\u0041\\\\A");
        assert_eq!(unicode(r"ur'\n'"), "\\n");
        assert!(decode_string(r"u'\u12'", PLAIN).is_err());
        assert!(decode_string(r"u'\U00110000'", PLAIN).is_err());
        assert!(decode_string(r"u'\N'", PLAIN).is_err());
        assert!(decode_string(r"u'\N{}'", PLAIN).is_err());
        assert!(decode_string(r"u'\N{DASH'", PLAIN).is_err());
        match decode_string("'x'", UNICODE_LITERALS) {
            Ok(StrValue::Unicode(s)) => assert_eq!(s, "x"),
            _ => panic!(),
        }
        assert!(matches!(decode_string("b'x'", UNICODE_LITERALS), Ok(StrValue::Bytes(_))));
    }

    fn unsupported(text: &str) -> String {
        match decode_string(text, PLAIN) {
            Ok(StrValue::UnicodeUnsupported(why)) => why,
            _ => panic!("not an unsupported unicode literal: {}", text),
        }
    }

    #[test]
    fn unsupported_unicode() {
        assert_eq!(unsupported(r"u'a\udc80b'"), "surrogate code point U+DC80");
        assert_eq!(unsupported(r"ur'\ud800'"), "surrogate code point U+D800");
        assert_eq!(unsupported(r"u'\N{EM DASH}\ud800'"), r"named character escape \N{EM DASH}");
        // Raw literals and byte strings have no named escapes.
        assert_eq!(unicode(r"ur'\N{DASH}'"), r"\N{DASH}");
        assert_eq!(bytes(r"'\N{DASH}'"), br"\N{DASH}");
        // Errors later in the literal are still found.
        assert!(decode_string(r"u'\ud800\u12'", PLAIN).is_err());
    }

    #[test]
    fn concatenation() {
        let parts = vec![StrValue::Bytes(b"a".to_vec()), StrValue::Unicode("b".into())];
        assert!(matches!(concat_strings(parts), Ok(StrValue::Unicode(s)) if s == "ab"));
        let parts = vec![StrValue::Bytes(vec![0xe9]), StrValue::Unicode("b".into())];
        assert!(concat_strings(parts).is_err());
        let why = || StrValue::UnicodeUnsupported("why".into());
        let parts = vec![StrValue::Bytes(b"a".to_vec()), why(), StrValue::Unicode("b".into())];
        assert!(matches!(concat_strings(parts), Ok(StrValue::UnicodeUnsupported(s)) if s == "why"));
        let parts = vec![StrValue::Bytes(vec![0xe9]), why()];
        assert!(concat_strings(parts).is_err());
    }

    #[test]
    fn numbers() {
        use NumValue::*;
        assert_eq!(parse_number("0", false), Ok(Int(0)));
        assert_eq!(parse_number("0777", false), Ok(Int(511)));
        assert_eq!(parse_number("0o17", false), Ok(Int(15)));
        assert_eq!(parse_number("0b101", false), Ok(Int(5)));
        assert_eq!(parse_number("0XfF", false), Ok(Int(255)));
        assert_eq!(parse_number("7L", false), Ok(Long("7".into())));
        assert_eq!(parse_number("0xffl", true), Ok(Long("-255".into())));
        assert_eq!(parse_number("0L", true), Ok(Long("0".into())));
        assert_eq!(parse_number("9223372036854775807", false), Ok(Int(i64::MAX)));
        assert_eq!(parse_number("9223372036854775808", false), Ok(Long("9223372036854775808".into())));
        assert_eq!(parse_number("9223372036854775808", true), Ok(Int(i64::MIN)));
        assert_eq!(parse_number("0x8000000000000000", true), Ok(Int(i64::MIN)));
        assert_eq!(parse_number("0xffffffffffffffffffffffffffffffff", false), Ok(Long("340282366920938463463374607431768211455".into())));
        assert_eq!(parse_number("123456789012345678901234567890", true), Ok(Long("-123456789012345678901234567890".into())));
        assert_eq!(parse_number("1.5", false), Ok(Float(1.5)));
        assert_eq!(parse_number("1.", false), Ok(Float(1.0)));
        assert_eq!(parse_number(".5e-3", false), Ok(Float(0.0005)));
        assert_eq!(parse_number("1E5", true), Ok(Float(-100000.0)));
        assert_eq!(parse_number("09.5", false), Ok(Float(9.5)));
        assert_eq!(parse_number("2j", false), Ok(Complex(2.0)));
        assert_eq!(parse_number("09J", true), Ok(Complex(-9.0)));
        assert_eq!(parse_number("1e400", false), Ok(Float(f64::INFINITY)));
    }
}

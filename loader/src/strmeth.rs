//! Methods of `str` (bytes, ASCII rules as in Python 2's C locale) and
//! `unicode`, written once over a character type.

use std::rc::Rc;

use hostobj::{Object, Value};

use crate::interp::{Interp, R};

pub trait Ch: Copy + Eq + Ord + 'static {
    fn is_space(self) -> bool;
    fn is_digit(self) -> bool;
    fn is_alpha(self) -> bool;
    fn is_upper(self) -> bool;
    fn is_lower(self) -> bool;
    fn to_upper(self) -> Self;
    fn to_lower(self) -> Self;
    fn ascii(b: u8) -> Self;
    /// A string argument of this kind.
    fn seq(it: &mut Interp, v: &Value) -> R<Vec<Self>>;
    fn make(v: Vec<Self>) -> Value;
}

impl Ch for u8 {
    fn is_space(self) -> bool {
        matches!(self, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c)
    }
    fn is_digit(self) -> bool {
        self.is_ascii_digit()
    }
    fn is_alpha(self) -> bool {
        self.is_ascii_alphabetic()
    }
    fn is_upper(self) -> bool {
        self.is_ascii_uppercase()
    }
    fn is_lower(self) -> bool {
        self.is_ascii_lowercase()
    }
    fn to_upper(self) -> u8 {
        self.to_ascii_uppercase()
    }
    fn to_lower(self) -> u8 {
        self.to_ascii_lowercase()
    }
    fn ascii(b: u8) -> u8 {
        b
    }
    fn seq(it: &mut Interp, v: &Value) -> R<Vec<u8>> {
        match v {
            Value::Str(s) => Ok(s.to_vec()),
            _ => {
                let tn = it.type_name(v);
                it.err("TypeError", format!("expected a string or other character buffer object, not {}", tn))
            }
        }
    }
    fn make(v: Vec<u8>) -> Value {
        Interp::bytes(v)
    }
}

impl Ch for char {
    fn is_space(self) -> bool {
        self.is_whitespace()
    }
    fn is_digit(self) -> bool {
        self.is_numeric()
    }
    fn is_alpha(self) -> bool {
        self.is_alphabetic()
    }
    fn is_upper(self) -> bool {
        self.is_uppercase()
    }
    fn is_lower(self) -> bool {
        self.is_lowercase()
    }
    fn to_upper(self) -> char {
        self.to_uppercase().next().unwrap_or(self)
    }
    fn to_lower(self) -> char {
        self.to_lowercase().next().unwrap_or(self)
    }
    fn ascii(b: u8) -> char {
        b as char
    }
    fn seq(it: &mut Interp, v: &Value) -> R<Vec<char>> {
        match v {
            Value::Str(_) | Value::Unicode(_) => Ok(it.text_of(v)?.chars().collect()),
            _ => {
                let tn = it.type_name(v);
                it.err("TypeError", format!("coercing to Unicode: need string or buffer, {} found", tn))
            }
        }
    }
    fn make(v: Vec<char>) -> Value {
        Value::Unicode(Rc::from(v.into_iter().collect::<String>()))
    }
}

fn find<T: Ch>(hay: &[T], needle: &[T], from: usize) -> Option<usize> {
    if from > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(from);
    }
    hay[from..].windows(needle.len()).position(|w| w == needle).map(|p| p + from)
}

fn rfind<T: Ch>(hay: &[T], needle: &[T]) -> Option<usize> {
    if needle.len() > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(hay.len());
    }
    (0..=hay.len() - needle.len()).rev().find(|&i| &hay[i..i + needle.len()] == needle)
}

/// Calls `str.meth` or `unicode.meth`; args[0] is the receiver.
pub fn string_method(it: &mut Interp, kind: &str, meth: &str, args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
    let Some(recv) = args.first().cloned() else {
        return it.err("TypeError", format!("descriptor '{}' of '{}' object needs an argument", meth, kind));
    };
    match meth {
        "format" => return crate::format::str_format(it, &recv, &args[1..], &kw),
        "encode" | "decode" => return encode_decode(it, meth, &recv, &args[1..]),
        _ => {}
    }
    if !kw.is_empty() {
        return it.err("TypeError", format!("{}() takes no keyword arguments", meth));
    }
    // str methods given unicode arguments work on unicode (Python 2 coercion).
    let mut unicode = matches!(recv, Value::Unicode(_));
    if !unicode {
        if args[1..].iter().any(|a| matches!(a, Value::Unicode(_))) {
            unicode = true;
        }
        if meth == "join" {
            if let Some(seq) = args.get(1) {
                let items = it.iterate(seq.clone())?;
                if items.iter().any(|a| matches!(a, Value::Unicode(_))) {
                    unicode = true;
                }
                let list = it.new_list(items);
                let mut a2 = args.clone();
                a2[1] = list;
                return if unicode {
                    let r: Vec<char> = it.text_of(&recv)?.chars().collect();
                    method(it, meth, r, &a2[1..])
                } else {
                    let r = <u8 as Ch>::seq(it, &recv)?;
                    method(it, meth, r, &a2[1..])
                };
            }
        }
    }
    let _ = kind;
    if unicode {
        let r: Vec<char> = it.text_of(&recv)?.chars().collect();
        method(it, meth, r, &args[1..])
    } else {
        let r = <u8 as Ch>::seq(it, &recv)?;
        method(it, meth, r, &args[1..])
    }
}

fn nargs(it: &mut Interp, meth: &str, args: &[Value], min: usize, max: usize) -> R<()> {
    if args.len() < min || args.len() > max {
        let msg = if min == max {
            format!("{}() takes exactly {} argument{} ({} given)", meth, min, if min == 1 { "" } else { "s" }, args.len())
        } else if args.len() < min {
            format!("{}() takes at least {} argument{} ({} given)", meth, min, if min == 1 { "" } else { "s" }, args.len())
        } else {
            format!("{}() takes at most {} argument{} ({} given)", meth, max, if max == 1 { "" } else { "s" }, args.len())
        };
        return it.err("TypeError", msg);
    }
    Ok(())
}

fn int_or(it: &mut Interp, v: Option<&Value>, default: i64) -> R<i64> {
    match v {
        None | Some(Value::None) => Ok(default),
        Some(v) => {
            let v = v.clone();
            it.index_of(&v)
        }
    }
}

/// `start`/`end` arguments of find, count, startswith...: clamped to the string.
fn range_args(it: &mut Interp, args: &[Value], len: usize) -> R<(usize, usize)> {
    let len_i = len as i64;
    let norm = |i: i64| -> usize {
        let i = if i < 0 { i + len_i } else { i };
        i.clamp(0, len_i) as usize
    };
    let start = norm(int_or(it, args.first(), 0)?);
    let end = norm(int_or(it, args.get(1), len_i)?);
    Ok((start, end))
}

/// `s.split(None, maxsplit)` as CPython does it: after `maxsplit` words the
/// rest, from the next non-white character, is kept whole (trailing white
/// space included).
fn split_whitespace<T: Ch>(s: &[T], maxsplit: i64) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = s.len();
    while maxsplit < 0 || (out.len() as i64) < maxsplit {
        while i < n && s[i].is_space() {
            i += 1;
        }
        if i >= n {
            return out;
        }
        let start = i;
        while i < n && !s[i].is_space() {
            i += 1;
        }
        out.push(s[start..i].to_vec());
    }
    while i < n && s[i].is_space() {
        i += 1;
    }
    if i < n {
        out.push(s[i..].to_vec());
    }
    out
}

/// `s.rsplit(None, maxsplit)`: the mirror image (the rest keeps its leading white space).
fn rsplit_whitespace<T: Ch>(s: &[T], maxsplit: i64) -> Vec<Vec<T>> {
    let rev: Vec<T> = s.iter().rev().copied().collect();
    let mut parts = split_whitespace(&rev, maxsplit);
    for p in parts.iter_mut() {
        p.reverse();
    }
    parts.reverse();
    parts
}

fn split_sep<T: Ch>(s: &[T], sep: &[T], maxsplit: i64) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut start = 0;
    while maxsplit < 0 || (out.len() as i64) < maxsplit {
        match find(s, sep, start) {
            Some(p) => {
                out.push(s[start..p].to_vec());
                start = p + sep.len();
            }
            None => break,
        }
    }
    out.push(s[start..].to_vec());
    out
}

fn rsplit_sep<T: Ch>(s: &[T], sep: &[T], maxsplit: i64) -> Vec<Vec<T>> {
    let mut out = Vec::new();
    let mut end = s.len();
    while maxsplit < 0 || (out.len() as i64) < maxsplit {
        match rfind(&s[..end], sep) {
            Some(p) => {
                out.push(s[p + sep.len()..end].to_vec());
                end = p;
            }
            None => break,
        }
    }
    out.push(s[..end].to_vec());
    out.reverse();
    out
}

fn method<T: Ch>(it: &mut Interp, meth: &str, s: Vec<T>, args: &[Value]) -> R<Value> {
    let b = |v: bool| Ok(Value::Bool(v));
    match meth {
        "join" => {
            nargs(it, meth, args, 1, 1)?;
            let items = it.iterate(args[0].clone())?;
            let mut out: Vec<T> = Vec::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.extend_from_slice(&s);
                }
                if !matches!(item, Value::Str(_) | Value::Unicode(_)) {
                    let tn = it.type_name(item);
                    return it.err("TypeError", format!("sequence item {}: expected string, {} found", i, tn));
                }
                out.extend(T::seq(it, item)?);
            }
            Ok(T::make(out))
        }
        "split" | "rsplit" => {
            nargs(it, meth, args, 0, 2)?;
            let maxsplit = int_or(it, args.get(1), -1)?;
            let parts = match args.first() {
                None | Some(Value::None) => {
                    if meth == "split" {
                        split_whitespace(&s, maxsplit)
                    } else {
                        rsplit_whitespace(&s, maxsplit)
                    }
                }
                Some(sep) => {
                    let sep = T::seq(it, sep)?;
                    if sep.is_empty() {
                        return it.err("ValueError", "empty separator");
                    }
                    if meth == "split" {
                        split_sep(&s, &sep, maxsplit)
                    } else {
                        rsplit_sep(&s, &sep, maxsplit)
                    }
                }
            };
            let items = parts.into_iter().map(T::make).collect();
            Ok(it.new_list(items))
        }
        "strip" | "lstrip" | "rstrip" => {
            nargs(it, meth, args, 0, 1)?;
            let chars: Option<Vec<T>> = match args.first() {
                None | Some(Value::None) => None,
                Some(c) => Some(T::seq(it, c)?),
            };
            let strip = |c: T| match &chars {
                None => c.is_space(),
                Some(cs) => cs.contains(&c),
            };
            let mut start = 0;
            let mut end = s.len();
            if meth != "rstrip" {
                while start < end && strip(s[start]) {
                    start += 1;
                }
            }
            if meth != "lstrip" {
                while end > start && strip(s[end - 1]) {
                    end -= 1;
                }
            }
            Ok(T::make(s[start..end].to_vec()))
        }
        "startswith" | "endswith" => {
            nargs(it, meth, args, 1, 3)?;
            let (start, end) = range_args(it, &args[1..], s.len())?;
            let sub = if start <= end { &s[start..end] } else { &s[0..0] };
            let candidates = match it.obj(&args[0]) {
                Some(Object::Tuple(items)) => items.clone(),
                _ => vec![args[0].clone()],
            };
            for c in candidates {
                let p = T::seq(it, &c)?;
                let hit = if meth == "startswith" { sub.starts_with(&p) } else { sub.ends_with(&p) };
                if hit && start <= s.len() {
                    return b(true);
                }
            }
            b(false)
        }
        "replace" => {
            nargs(it, meth, args, 2, 3)?;
            let old = T::seq(it, &args[0])?;
            let new = T::seq(it, &args[1])?;
            let count = int_or(it, args.get(2), -1)?;
            let mut out = Vec::new();
            let mut i = 0;
            let mut done = 0;
            // CPython 2.7 returns an empty string unchanged when a count is
            // given, even for an empty pattern: ''.replace('', 'X', 1) == ''.
            if count == 0 || (s.is_empty() && count > 0) {
                return Ok(T::make(s));
            }
            if old.is_empty() {
                // Inserts `new` before each character and at the end, `count` times at most.
                for (n, c) in s.iter().enumerate() {
                    if count < 0 || (n as i64) < count {
                        out.extend_from_slice(&new);
                    }
                    out.push(*c);
                }
                if count < 0 || (s.len() as i64) < count {
                    out.extend_from_slice(&new);
                }
                return Ok(T::make(out));
            }
            while i < s.len() {
                if (count < 0 || done < count) && s[i..].starts_with(&old) {
                    out.extend_from_slice(&new);
                    i += old.len();
                    done += 1;
                } else {
                    out.push(s[i]);
                    i += 1;
                }
            }
            Ok(T::make(out))
        }
        "upper" => Ok(T::make(s.iter().map(|c| c.to_upper()).collect())),
        "lower" => Ok(T::make(s.iter().map(|c| c.to_lower()).collect())),
        "swapcase" => Ok(T::make(
            s.iter().map(|c| if c.is_upper() { c.to_lower() } else { c.to_upper() }).collect(),
        )),
        "capitalize" => Ok(T::make(
            s.iter().enumerate().map(|(i, c)| if i == 0 { c.to_upper() } else { c.to_lower() }).collect(),
        )),
        "title" => {
            let mut prev_cased = false;
            let mut out = Vec::with_capacity(s.len());
            for &c in &s {
                let cased = c.is_alpha();
                out.push(if cased && !prev_cased { c.to_upper() } else if cased { c.to_lower() } else { c });
                prev_cased = cased;
            }
            Ok(T::make(out))
        }
        "find" | "rfind" | "index" | "rindex" | "count" => {
            nargs(it, meth, args, 1, 3)?;
            let sub = T::seq(it, &args[0])?;
            let (start, end) = range_args(it, &args[1..], s.len())?;
            if start > end {
                return match meth {
                    "count" => Ok(Value::Int(0)),
                    "find" | "rfind" => Ok(Value::Int(-1)),
                    _ => it.err("ValueError", "substring not found"),
                };
            }
            let hay = &s[start..end];
            if meth == "count" {
                if sub.is_empty() {
                    return Ok(Value::Int(hay.len() as i64 + 1));
                }
                let mut n = 0;
                let mut i = 0;
                while let Some(p) = find(hay, &sub, i) {
                    n += 1;
                    i = p + sub.len();
                }
                return Ok(Value::Int(n));
            }
            let r = if meth.starts_with('r') { rfind(hay, &sub) } else { find(hay, &sub, 0) };
            match r {
                Some(p) => Ok(Value::Int((p + start) as i64)),
                None if meth.ends_with("index") => it.err("ValueError", "substring not found"),
                None => Ok(Value::Int(-1)),
            }
        }
        "isdigit" => b(!s.is_empty() && s.iter().all(|c| c.is_digit())),
        "isalpha" => b(!s.is_empty() && s.iter().all(|c| c.is_alpha())),
        "isalnum" => b(!s.is_empty() && s.iter().all(|c| c.is_alpha() || c.is_digit())),
        "isspace" => b(!s.is_empty() && s.iter().all(|c| c.is_space())),
        "isupper" => b(s.iter().any(|c| c.is_upper()) && !s.iter().any(|c| c.is_lower())),
        "islower" => b(s.iter().any(|c| c.is_lower()) && !s.iter().any(|c| c.is_upper())),
        "istitle" => {
            let mut prev_cased = false;
            let mut any = false;
            for &c in &s {
                if c.is_upper() {
                    if prev_cased {
                        return b(false);
                    }
                    prev_cased = true;
                    any = true;
                } else if c.is_lower() {
                    if !prev_cased {
                        return b(false);
                    }
                    prev_cased = true;
                    any = true;
                } else {
                    prev_cased = false;
                }
            }
            b(any)
        }
        "splitlines" => {
            nargs(it, meth, args, 0, 1)?;
            let keep = match args.first() {
                Some(v) => it.truthy(v)?,
                None => false,
            };
            let (nl, cr) = (T::ascii(b'\n'), T::ascii(b'\r'));
            let mut out = Vec::new();
            let mut start = 0;
            let mut i = 0;
            while i < s.len() {
                if s[i] == nl || s[i] == cr {
                    let mut end = i + 1;
                    if s[i] == cr && i + 1 < s.len() && s[i + 1] == nl {
                        end += 1;
                    }
                    out.push(T::make(s[start..if keep { end } else { i }].to_vec()));
                    start = end;
                    i = end;
                } else {
                    i += 1;
                }
            }
            if start < s.len() {
                out.push(T::make(s[start..].to_vec()));
            }
            Ok(it.new_list(out))
        }
        "zfill" => {
            nargs(it, meth, args, 1, 1)?;
            let w = it.index_of(&args[0])?.clamp(0, 1 << 24) as usize;
            if s.len() >= w {
                return Ok(T::make(s));
            }
            let pad = w - s.len();
            let mut out = Vec::with_capacity(w);
            let mut rest = &s[..];
            if let Some(&c) = s.first() {
                if c == T::ascii(b'+') || c == T::ascii(b'-') {
                    out.push(c);
                    rest = &s[1..];
                }
            }
            out.extend(std::iter::repeat_n(T::ascii(b'0'), pad));
            out.extend_from_slice(rest);
            Ok(T::make(out))
        }
        "ljust" | "rjust" | "center" => {
            nargs(it, meth, args, 1, 2)?;
            let w = it.index_of(&args[0])?.clamp(0, 1 << 24) as usize;
            let fill = match args.get(1) {
                Some(f) => {
                    let f = T::seq(it, f)?;
                    if f.len() != 1 {
                        return it.err("TypeError", "must be char, not str");
                    }
                    f[0]
                }
                None => T::ascii(b' '),
            };
            if s.len() >= w {
                return Ok(T::make(s));
            }
            let pad = w - s.len();
            let (left, right) = match meth {
                "ljust" => (0, pad),
                "rjust" => (pad, 0),
                // CPython's centering puts the odd extra space on the left when the width is odd.
                _ => {
                    let left = pad / 2 + (pad & w & 1);
                    (left, pad - left)
                }
            };
            let mut out = Vec::with_capacity(w);
            out.extend(std::iter::repeat_n(fill, left));
            out.extend_from_slice(&s);
            out.extend(std::iter::repeat_n(fill, right));
            Ok(T::make(out))
        }
        "partition" | "rpartition" => {
            nargs(it, meth, args, 1, 1)?;
            let sep = T::seq(it, &args[0])?;
            if sep.is_empty() {
                return it.err("ValueError", "empty separator");
            }
            let pos = if meth == "partition" { find(&s, &sep, 0) } else { rfind(&s, &sep) };
            let parts = match pos {
                Some(p) => vec![T::make(s[..p].to_vec()), T::make(sep.clone()), T::make(s[p + sep.len()..].to_vec())],
                None if meth == "partition" => vec![T::make(s), T::make(vec![]), T::make(vec![])],
                None => vec![T::make(vec![]), T::make(vec![]), T::make(s)],
            };
            Ok(it.new_tuple(parts))
        }
        "expandtabs" => {
            nargs(it, meth, args, 0, 1)?;
            let tab = int_or(it, args.first(), 8)?.max(0) as usize;
            let mut out = Vec::new();
            let mut col = 0;
            for &c in &s {
                if c == T::ascii(b'\t') {
                    if tab > 0 {
                        let n = tab - col % tab;
                        out.extend(std::iter::repeat_n(T::ascii(b' '), n));
                        col += n;
                    }
                } else {
                    out.push(c);
                    col = if c == T::ascii(b'\n') || c == T::ascii(b'\r') { 0 } else { col + 1 };
                }
            }
            Ok(T::make(out))
        }
        _ => it.unsupported(format!("the string method {}", meth)),
    }
}

/// Decodes bytes with a codec name (`utf-8`, `ascii`, `latin-1`).
pub fn decode(it: &mut Interp, s: &[u8], enc: &str) -> R<Value> {
    let enc = enc.to_ascii_lowercase().replace('_', "-");
    let text = match enc.as_str() {
        "utf-8" | "utf8" | "u8" => match std::str::from_utf8(s) {
            Ok(t) => t.to_string(),
            Err(e) => {
                let pos = e.valid_up_to();
                return it.err(
                    "UnicodeDecodeError",
                    format!("'utf8' codec can't decode byte 0x{:02x} in position {}: invalid start byte", s[pos], pos),
                );
            }
        },
        "ascii" | "us-ascii" => {
            if let Some(pos) = s.iter().position(|&c| c >= 128) {
                return it.err(
                    "UnicodeDecodeError",
                    format!("'ascii' codec can't decode byte 0x{:02x} in position {}: ordinal not in range(128)", s[pos], pos),
                );
            }
            String::from_utf8_lossy(s).into_owned()
        }
        "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => s.iter().map(|&c| c as char).collect(),
        _ => return it.unsupported(format!("the codec '{}'", enc)),
    };
    Ok(Value::Unicode(Rc::from(text)))
}

fn encode(it: &mut Interp, s: &str, enc: &str) -> R<Value> {
    let enc = enc.to_ascii_lowercase().replace('_', "-");
    match enc.as_str() {
        "utf-8" | "utf8" | "u8" => Ok(Interp::bytes(s.as_bytes().to_vec())),
        "ascii" | "us-ascii" | "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "l1" => {
            let limit = if enc.contains("ascii") { 128 } else { 256 };
            let mut out = Vec::with_capacity(s.len());
            for (pos, c) in s.chars().enumerate() {
                if (c as u32) >= limit {
                    let codec = if limit == 128 { "ascii" } else { "latin-1" };
                    return it.err(
                        "UnicodeEncodeError",
                        format!(
                            "'{}' codec can't encode character u'\\u{:04x}' in position {}: ordinal not in range({})",
                            codec, c as u32, pos, limit
                        ),
                    );
                }
                out.push(c as u8);
            }
            Ok(Interp::bytes(out))
        }
        _ => it.unsupported(format!("the codec '{}'", enc)),
    }
}

fn encode_decode(it: &mut Interp, meth: &str, recv: &Value, args: &[Value]) -> R<Value> {
    let enc = match args.first() {
        Some(Value::Str(s)) => String::from_utf8_lossy(s).into_owned(),
        Some(Value::Unicode(s)) => s.to_string(),
        _ => "ascii".to_string(),
    };
    match (meth, recv) {
        ("decode", Value::Str(s)) => decode(it, s, &enc),
        ("encode", Value::Unicode(s)) => encode(it, s, &enc),
        // str.encode decodes as ASCII first; unicode.decode encodes as ASCII first (Python 2).
        ("encode", Value::Str(_)) => {
            let u = it.text_of(recv)?;
            encode(it, &u, &enc)
        }
        ("decode", Value::Unicode(s)) => {
            let b = encode(it, s, "ascii")?;
            let Value::Str(b) = b else { return Ok(b) };
            decode(it, &b, &enc)
        }
        _ => it.err("TypeError", "descriptor requires a string"),
    }
}

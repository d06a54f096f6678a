//! The Python 2.7 tokenizer.
//!
//! The whole file is tokenized up front into a vector of small `Token`s that
//! point back into the source; literals are decoded later by the parser, which
//! knows the `__future__` flags in force. Indentation becomes `Indent` and
//! `Dedent` tokens as in CPython (tabs advance to the next multiple of 8, a
//! form feed resets the column). Newlines inside brackets and after a
//! backslash join lines. A lexical error does not stop the parser at once: it
//! ends the token stream with an `Error` token, so an earlier syntax error is
//! still reported first, as CPython's on-demand tokenizer would.

use diag::{Diagnostic, FileId, Span};
use std::cell::Cell;

/// CPython's limits: deeper indentation or bracket nesting is an error.
/// (The indentation stack holds the outermost level 0 too.)
const MAX_INDENT_LEVELS: usize = 100;
const MAX_BRACKET_LEVELS: usize = 200;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok {
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    EndOfFile,
    /// A lexical error; the diagnostic is in `Tokens::error`.
    Error,

    // Keywords.
    And,
    As,
    Assert,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Exec,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Not,
    Or,
    Pass,
    /// A keyword unless `from __future__ import print_function` is in force.
    Print,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Brackets and punctuation.
    LParen,
    RParen,
    LBracket,
    RBracket,
    LBrace,
    RBrace,
    Comma,
    Colon,
    Dot,
    Semi,
    At,
    Backquote,
    Assign,

    // Operators.
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    LShift,
    RShift,
    Amper,
    VBar,
    Caret,
    Tilde,
    Less,
    Greater,
    LessEq,
    GreaterEq,
    EqEq,
    /// `!=` or `<>`.
    NotEq,

    // Augmented assignments.
    PlusEq,
    MinusEq,
    StarEq,
    DoubleStarEq,
    SlashEq,
    DoubleSlashEq,
    PercentEq,
    LShiftEq,
    RShiftEq,
    AmperEq,
    VBarEq,
    CaretEq,
}

#[derive(Clone, Copy, Debug)]
pub struct Token {
    pub tok: Tok,
    /// Byte range of the token's text in the source.
    pub start: u32,
    pub end: u32,
    pub line: u32,
    pub col: u32,
}

pub struct Tokens {
    pub tokens: Vec<Token>,
    /// Set when the stream ends with `Tok::Error`.
    pub error: Option<Diagnostic>,
}

fn keyword(word: &str) -> Option<Tok> {
    Some(match word {
        "and" => Tok::And,
        "as" => Tok::As,
        "assert" => Tok::Assert,
        "break" => Tok::Break,
        "class" => Tok::Class,
        "continue" => Tok::Continue,
        "def" => Tok::Def,
        "del" => Tok::Del,
        "elif" => Tok::Elif,
        "else" => Tok::Else,
        "except" => Tok::Except,
        "exec" => Tok::Exec,
        "finally" => Tok::Finally,
        "for" => Tok::For,
        "from" => Tok::From,
        "global" => Tok::Global,
        "if" => Tok::If,
        "import" => Tok::Import,
        "in" => Tok::In,
        "is" => Tok::Is,
        "lambda" => Tok::Lambda,
        "not" => Tok::Not,
        "or" => Tok::Or,
        "pass" => Tok::Pass,
        "print" => Tok::Print,
        "raise" => Tok::Raise,
        "return" => Tok::Return,
        "try" => Tok::Try,
        "while" => Tok::While,
        "with" => Tok::With,
        "yield" => Tok::Yield,
        _ => return None,
    })
}

/// The prefixes Python 2.7 allows before a string quote (`rb` came with 3.3).
fn is_string_prefix(word: &[u8]) -> bool {
    match word {
        [a] => matches!(a.to_ascii_lowercase(), b'b' | b'u' | b'r'),
        [a, b] => {
            matches!(a.to_ascii_lowercase(), b'b' | b'u') && b.eq_ignore_ascii_case(&b'r')
        }
        _ => false,
    }
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

struct Lexer<'a> {
    text: &'a str,
    src: &'a [u8],
    file: FileId,
    pos: usize,
    line: u32,
    line_start: usize,
    /// Byte offset of the first non-ASCII byte on the current line (or
    /// `usize::MAX`): columns before it are byte offsets, after it characters.
    line_non_ascii: usize,
    /// A byte offset on the current line and its character column, so that
    /// counting characters on a long line stays linear.
    col_cache: Cell<(usize, usize)>,
    indents: Vec<u32>,
    /// Open brackets with where they were opened.
    brackets: Vec<(u8, Span)>,
    tokens: Vec<Token>,
}

type LexResult<T> = Result<T, Diagnostic>;

pub fn tokenize(text: &str, file: FileId) -> Tokens {
    let mut lx = Lexer {
        text,
        src: text.as_bytes(),
        file,
        pos: 0,
        line: 1,
        line_start: 0,
        line_non_ascii: usize::MAX,
        col_cache: Cell::new((0, 0)),
        indents: vec![0],
        brackets: Vec::new(),
        // Roughly one token per four bytes of source.
        tokens: Vec::with_capacity(text.len() / 4 + 16),
    };
    let error = lx.run().err();
    if let Some(err) = &error {
        let (line, col) = (err.span.line, err.span.col);
        let at = lx.pos.min(text.len()) as u32;
        lx.tokens.push(Token { tok: Tok::Error, start: at, end: at, line, col });
    }
    Tokens { tokens: lx.tokens, error }
}

impl<'a> Lexer<'a> {
    fn peek(&self, ahead: usize) -> u8 {
        self.src.get(self.pos + ahead).copied().unwrap_or(0)
    }

    fn at_end(&self) -> bool {
        self.pos >= self.src.len()
    }

    fn col_at(&self, pos: usize) -> u32 {
        if pos <= self.line_non_ascii {
            return (pos - self.line_start) as u32 + 1;
        }
        let (mut from, mut chars) = self.col_cache.get();
        if from < self.line_start || from > pos {
            (from, chars) = (self.line_start, 0);
        }
        chars += self.text.get(from..pos).map_or(pos - from, |s| s.chars().count());
        self.col_cache.set((pos, chars));
        chars as u32 + 1
    }

    fn span_at(&self, pos: usize) -> Span {
        Span::new(self.file, self.line, self.col_at(pos))
    }

    fn error_at(&self, pos: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.span_at(pos), message)
    }

    fn push(&mut self, tok: Tok, start: usize) {
        self.push_range(tok, start, self.pos);
    }

    fn push_range(&mut self, tok: Tok, start: usize, end: usize) {
        let col = self.col_at(start);
        self.tokens.push(Token { tok, start: start as u32, end: end as u32, line: self.line, col });
    }

    /// Moves past a newline at `self.pos` (which must be `\n`).
    fn newline(&mut self) {
        self.pos += 1;
        self.line += 1;
        self.line_start = self.pos;
        self.line_non_ascii = usize::MAX;
    }

    fn run(&mut self) -> LexResult<()> {
        if self.src.len() >= u32::MAX as usize {
            return Err(self.error_at(0, "source file too large"));
        }
        let mut at_line_start = true;
        loop {
            if at_line_start && self.brackets.is_empty() && !self.indentation()? {
                break;
            }
            at_line_start = false;
            // Whitespace between tokens.
            while matches!(self.peek(0), b' ' | b'\t' | b'\x0c') {
                self.pos += 1;
            }
            if self.at_end() {
                break;
            }
            let start = self.pos;
            let b = self.src[start];
            match b {
                b'#' => self.skip_comment(),
                b'\n' => {
                    if self.brackets.is_empty() {
                        self.push_range(Tok::Newline, start, start + 1);
                        at_line_start = true;
                    }
                    self.newline();
                }
                b'\\' => {
                    if self.peek(1) == b'\n' {
                        self.pos += 1;
                        self.newline();
                        if self.at_end() {
                            return Err(self.error_at(self.pos, "unexpected end of file after line continuation character"));
                        }
                    } else if self.pos + 1 >= self.src.len() {
                        return Err(self.error_at(start, "unexpected end of file after line continuation character"));
                    } else {
                        return Err(self.error_at(start, "unexpected character after line continuation character"));
                    }
                }
                b'0'..=b'9' => self.number(start)?,
                b'.' if self.peek(1).is_ascii_digit() => self.number(start)?,
                b'"' | b'\'' => self.string(start, start)?,
                _ if is_name_start(b) => self.name(start)?,
                _ => self.operator(start)?,
            }
        }
        self.finish()
    }

    /// At the start of a logical line: measures the indentation and emits
    /// `Indent`/`Dedent` tokens. Blank and comment-only lines are skipped
    /// whole. Returns false at the end of the file.
    fn indentation(&mut self) -> LexResult<bool> {
        loop {
            let mut col: u32 = 0;
            while let b @ (b' ' | b'\t' | b'\x0c') = self.peek(0) {
                col = match b {
                    b' ' => col + 1,
                    b'\t' => (col / 8 + 1) * 8,
                    _ => 0,
                };
                self.pos += 1;
            }
            match self.peek(0) {
                _ if self.at_end() => return Ok(false),
                b'#' => {
                    self.skip_comment();
                    if self.at_end() {
                        return Ok(false);
                    }
                    self.newline();
                }
                b'\n' => self.newline(),
                _ => {
                    self.indent_to(col)?;
                    return Ok(true);
                }
            }
        }
    }

    fn indent_to(&mut self, col: u32) -> LexResult<()> {
        let current = *self.indents.last().unwrap_or(&0);
        if col > current {
            if self.indents.len() >= MAX_INDENT_LEVELS {
                return Err(self.error_at(self.pos, "too many levels of indentation"));
            }
            self.indents.push(col);
            self.push(Tok::Indent, self.pos);
        } else if col < current {
            while col < *self.indents.last().unwrap_or(&0) {
                self.indents.pop();
                self.push(Tok::Dedent, self.pos);
            }
            if col != *self.indents.last().unwrap_or(&0) {
                return Err(self.error_at(self.pos, "unindent does not match any outer indentation level"));
            }
        }
        Ok(())
    }

    fn skip_comment(&mut self) {
        while !self.at_end() && self.src[self.pos] != b'\n' {
            if self.src[self.pos] >= 0x80 && self.line_non_ascii == usize::MAX {
                // The newline token after the comment is counted in characters.
                self.line_non_ascii = self.pos;
            }
            self.pos += 1;
        }
    }

    fn finish(&mut self) -> LexResult<()> {
        if let Some(&(open, span)) = self.brackets.last() {
            return Err(Diagnostic::error(
                span,
                format!("unexpected end of file: '{}' was never closed", open as char),
            ));
        }
        let start = self.pos;
        let line_has_tokens = self
            .tokens
            .last()
            .is_some_and(|t| !matches!(t.tok, Tok::Newline | Tok::Indent | Tok::Dedent));
        if line_has_tokens {
            self.push(Tok::Newline, start);
        }
        // The dedents and end marker belong to the line after the last one.
        if self.line_start != self.pos {
            self.line += 1;
            self.line_start = self.pos;
            self.line_non_ascii = usize::MAX;
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, start);
        }
        self.push(Tok::EndOfFile, start);
        Ok(())
    }

    fn name(&mut self, start: usize) -> LexResult<()> {
        while is_name_char(self.peek(0)) {
            self.pos += 1;
        }
        let word = &self.src[start..self.pos];
        if matches!(self.peek(0), b'"' | b'\'') && is_string_prefix(word) {
            return self.string(start, self.pos);
        }
        if self.peek(0) >= 0x80 {
            return Err(self.error_at(self.pos, "invalid character in identifier (Python 2 names are ASCII only)"));
        }
        let tok = keyword(&self.text[start..self.pos]).unwrap_or(Tok::Name);
        self.push(tok, start);
        Ok(())
    }

    fn digits(&mut self, accept: fn(u8) -> bool) -> usize {
        let start = self.pos;
        while accept(self.peek(0)) {
            self.pos += 1;
        }
        self.pos - start
    }

    /// Numbers are only checked for shape here; `literals` converts them.
    fn number(&mut self, start: usize) -> LexResult<()> {
        let first = self.peek(0);
        let mut is_float = false;
        if first == b'0' && matches!(self.peek(1), b'x' | b'X' | b'o' | b'O' | b'b' | b'B') {
            let radix_char = self.peek(1).to_ascii_lowercase();
            self.pos += 2;
            let (n, kind) = match radix_char {
                b'x' => (self.digits(|b| b.is_ascii_hexdigit()), "hexadecimal"),
                b'o' => (self.digits(|b| matches!(b, b'0'..=b'7')), "octal"),
                _ => (self.digits(|b| matches!(b, b'0' | b'1')), "binary"),
            };
            if n == 0 || self.peek(0).is_ascii_digit() {
                return Err(self.error_at(start, format!("invalid {} literal", kind)));
            }
            if matches!(self.peek(0), b'l' | b'L') {
                self.pos += 1;
            }
        } else {
            self.digits(|b| b.is_ascii_digit());
            if self.peek(0) == b'.' {
                self.pos += 1;
                self.digits(|b| b.is_ascii_digit());
                is_float = true;
            }
            if matches!(self.peek(0), b'e' | b'E') {
                let save = self.pos;
                self.pos += 1;
                if matches!(self.peek(0), b'+' | b'-') {
                    self.pos += 1;
                }
                if self.digits(|b| b.is_ascii_digit()) == 0 {
                    // Not an exponent: `1else` is `1` followed by `else` (CPython issue 21642).
                    self.pos = save;
                } else {
                    is_float = true;
                }
            }
            if matches!(self.peek(0), b'j' | b'J') {
                self.pos += 1;
            } else if !is_float {
                // `0777` is an old-style octal literal: no 8 or 9 allowed.
                let digits = &self.src[start..self.pos];
                if digits.len() > 1 && digits[0] == b'0' && digits.iter().any(|&d| d > b'7') {
                    return Err(self.error_at(start, "invalid octal literal: a number with a leading 0 cannot contain 8 or 9"));
                }
                if matches!(self.peek(0), b'l' | b'L') {
                    self.pos += 1;
                }
            }
        }
        self.push(Tok::Number, start);
        Ok(())
    }

    /// Scans a string literal whose quote is at `quote_pos` (after any prefix
    /// starting at `start`). Escapes are only skipped here, not decoded.
    fn string(&mut self, start: usize, quote_pos: usize) -> LexResult<()> {
        let (start_line, start_col) = (self.line, self.col_at(start));
        let quote = self.src[quote_pos];
        let triple = self.src.get(quote_pos + 1) == Some(&quote) && self.src.get(quote_pos + 2) == Some(&quote);
        self.pos = quote_pos + if triple { 3 } else { 1 };
        loop {
            if self.at_end() {
                let message = if triple {
                    "unexpected end of file in triple-quoted string literal"
                } else {
                    "unexpected end of line in string literal"
                };
                return Err(Diagnostic::error(Span::new(self.file, start_line, start_col), message));
            }
            let b = self.src[self.pos];
            if b == quote {
                if !triple {
                    self.pos += 1;
                    break;
                }
                if self.peek(1) == quote && self.peek(2) == quote {
                    self.pos += 3;
                    break;
                }
                self.pos += 1;
            } else if b == b'\\' {
                self.pos += 1;
                match self.peek(0) {
                    b'\n' => self.newline(),
                    b if b >= 0x80 => self.note_non_ascii(),
                    _ if self.at_end() => {}
                    _ => self.pos += 1,
                }
            } else if b == b'\n' {
                if !triple {
                    return Err(Diagnostic::error(
                        Span::new(self.file, start_line, start_col),
                        "unexpected end of line in string literal",
                    ));
                }
                self.newline();
            } else if b >= 0x80 {
                self.note_non_ascii();
            } else {
                self.pos += 1;
            }
        }
        self.tokens.push(Token {
            tok: Tok::String,
            start: start as u32,
            end: self.pos as u32,
            line: start_line,
            col: start_col,
        });
        Ok(())
    }

    /// Steps over one (possibly multi-byte) character that is not ASCII.
    fn note_non_ascii(&mut self) {
        if self.line_non_ascii == usize::MAX {
            self.line_non_ascii = self.pos;
        }
        self.pos += 1;
        while self.peek(0) & 0xC0 == 0x80 {
            self.pos += 1;
        }
    }

    fn operator(&mut self, start: usize) -> LexResult<()> {
        let (b0, b1, b2) = (self.peek(0), self.peek(1), self.peek(2));
        let (tok, len) = match (b0, b1, b2) {
            (b'*', b'*', b'=') => (Tok::DoubleStarEq, 3),
            (b'/', b'/', b'=') => (Tok::DoubleSlashEq, 3),
            (b'<', b'<', b'=') => (Tok::LShiftEq, 3),
            (b'>', b'>', b'=') => (Tok::RShiftEq, 3),
            (b'*', b'*', _) => (Tok::DoubleStar, 2),
            (b'/', b'/', _) => (Tok::DoubleSlash, 2),
            (b'<', b'<', _) => (Tok::LShift, 2),
            (b'>', b'>', _) => (Tok::RShift, 2),
            (b'<', b'=', _) => (Tok::LessEq, 2),
            (b'>', b'=', _) => (Tok::GreaterEq, 2),
            (b'=', b'=', _) => (Tok::EqEq, 2),
            (b'!', b'=', _) | (b'<', b'>', _) => (Tok::NotEq, 2),
            (b'+', b'=', _) => (Tok::PlusEq, 2),
            (b'-', b'=', _) => (Tok::MinusEq, 2),
            (b'*', b'=', _) => (Tok::StarEq, 2),
            (b'/', b'=', _) => (Tok::SlashEq, 2),
            (b'%', b'=', _) => (Tok::PercentEq, 2),
            (b'&', b'=', _) => (Tok::AmperEq, 2),
            (b'|', b'=', _) => (Tok::VBarEq, 2),
            (b'^', b'=', _) => (Tok::CaretEq, 2),
            (b'(', _, _) => (Tok::LParen, 1),
            (b')', _, _) => (Tok::RParen, 1),
            (b'[', _, _) => (Tok::LBracket, 1),
            (b']', _, _) => (Tok::RBracket, 1),
            (b'{', _, _) => (Tok::LBrace, 1),
            (b'}', _, _) => (Tok::RBrace, 1),
            (b',', _, _) => (Tok::Comma, 1),
            (b':', _, _) => (Tok::Colon, 1),
            (b'.', _, _) => (Tok::Dot, 1),
            (b';', _, _) => (Tok::Semi, 1),
            (b'@', _, _) => (Tok::At, 1),
            (b'`', _, _) => (Tok::Backquote, 1),
            (b'=', _, _) => (Tok::Assign, 1),
            (b'+', _, _) => (Tok::Plus, 1),
            (b'-', _, _) => (Tok::Minus, 1),
            (b'*', _, _) => (Tok::Star, 1),
            (b'/', _, _) => (Tok::Slash, 1),
            (b'%', _, _) => (Tok::Percent, 1),
            (b'&', _, _) => (Tok::Amper, 1),
            (b'|', _, _) => (Tok::VBar, 1),
            (b'^', _, _) => (Tok::Caret, 1),
            (b'~', _, _) => (Tok::Tilde, 1),
            (b'<', _, _) => (Tok::Less, 1),
            (b'>', _, _) => (Tok::Greater, 1),
            _ => {
                let c = self.text.get(start..).and_then(|s| s.chars().next()).unwrap_or('?');
                if !c.is_ascii() {
                    self.note_non_ascii();
                }
                return Err(self.error_at(start, format!("invalid character {:?} in source", c)));
            }
        };
        self.pos += len;
        match tok {
            Tok::LParen | Tok::LBracket | Tok::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_LEVELS {
                    return Err(self.error_at(start, "too many nested parentheses"));
                }
                self.brackets.push((b0, self.span_at(start)));
            }
            Tok::RParen | Tok::RBracket | Tok::RBrace => {
                let open = match self.brackets.pop() {
                    None => return Err(self.error_at(start, format!("unmatched '{}'", b0 as char))),
                    Some((open, _)) => open,
                };
                let expected = match open {
                    b'(' => b')',
                    b'[' => b']',
                    _ => b'}',
                };
                if expected != b0 {
                    return Err(self.error_at(
                        start,
                        format!("closing '{}' does not match opening '{}'", b0 as char, open as char),
                    ));
                }
            }
            _ => {}
        }
        self.push(tok, start);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(source: &str) -> Tokens {
        tokenize(source, FileId(0))
    }

    fn kinds(source: &str) -> Vec<Tok> {
        lex(source).tokens.iter().map(|t| t.tok).collect()
    }

    fn texts(source: &str) -> Vec<std::string::String> {
        lex(source).tokens.iter().map(|t| source[t.start as usize..t.end as usize].to_string()).collect()
    }

    use Tok::*;

    #[test]
    fn operators_take_the_longest_match() {
        assert_eq!(
            kinds("a <> b != c ** d //= e >>= f << g -= ~h `i` @j"),
            [
                Name, NotEq, Name, NotEq, Name, DoubleStar, Name, DoubleSlashEq, Name, RShiftEq, Name, LShift, Name,
                MinusEq, Tilde, Name, Backquote, Name, Backquote, At, Name, Newline, EndOfFile
            ]
        );
        assert_eq!(kinds("..."), [Dot, Dot, Dot, Newline, EndOfFile]);
    }

    #[test]
    fn keywords_and_names() {
        assert_eq!(kinds("print exec with as None True nonlocal"), [Print, Exec, With, As, Name, Name, Name, Newline, EndOfFile]);
    }

    #[test]
    fn indentation_becomes_indent_and_dedent() {
        let source = "if a:\n    b\n\n    # comment\n        # deeper comment\n    c\nd\n";
        assert_eq!(
            kinds(source),
            [If, Name, Colon, Newline, Indent, Name, Newline, Name, Newline, Dedent, Name, Newline, EndOfFile]
        );
        // Several levels close at once, and at the end of the file.
        assert_eq!(
            kinds("if a:\n if b:\n  c\nd\nif e:\n f"),
            [
                If, Name, Colon, Newline, Indent, If, Name, Colon, Newline, Indent, Name, Newline, Dedent, Dedent,
                Name, Newline, If, Name, Colon, Newline, Indent, Name, Newline, Dedent, EndOfFile
            ]
        );
    }

    #[test]
    fn tabs_advance_to_multiples_of_eight() {
        // A tab and eight spaces are the same level; so are "  \t" and "\t".
        assert_eq!(kinds("if a:\n\tb\n        c\n  \td\n"), kinds("if a:\n\tb\n\tc\n\td\n"));
        let error = lex("if a:\n\tb\n    c\n").error.unwrap();
        assert_eq!(error.message, "unindent does not match any outer indentation level");
        assert_eq!((error.span.line, error.span.col), (3, 5));
    }

    #[test]
    fn form_feed_resets_the_indentation_column() {
        assert_eq!(kinds("if a:\n    b\n\x0cc\n"), kinds("if a:\n    b\nc\n"));
    }

    #[test]
    fn brackets_and_backslashes_join_lines() {
        assert_eq!(kinds("x = (1,\n  2)\n"), [Name, Assign, LParen, Number, Comma, Number, RParen, Newline, EndOfFile]);
        assert_eq!(kinds("x = 1 + \\\n        2\n"), [Name, Assign, Number, Plus, Number, Newline, EndOfFile]);
        assert_eq!(kinds("x = [\n# comment\n\n]\n"), [Name, Assign, LBracket, RBracket, Newline, EndOfFile]);
    }

    #[test]
    fn string_prefixes_and_quotes() {
        let source = "'a' \"b\" '''c\n''' u'd' UR'e' b\"f\" Br'g' rb'h' ur\"\"\"i\"\"\"";
        assert_eq!(
            texts(source),
            ["'a'", "\"b\"", "'''c\n'''", "u'd'", "UR'e'", "b\"f\"", "Br'g'", "rb", "'h'", "ur\"\"\"i\"\"\"", "", ""]
        );
        assert_eq!(texts(r"'\'' r'\'' '\\'"), [r"'\''", r"r'\''", r"'\\'", "", ""]);
        assert_eq!(texts("'a\\\nb' x"), ["'a\\\nb'", "x", "", ""]);
    }

    #[test]
    fn number_shapes() {
        assert_eq!(
            texts("0 0777 0o17 0x1fL 0b1 1.5 1. .5 1e5 1E-5 1.5j 09.5 09j 10l"),
            ["0", "0777", "0o17", "0x1fL", "0b1", "1.5", "1.", ".5", "1e5", "1E-5", "1.5j", "09.5", "09j", "10l", "", ""]
        );
        // `1else` is `1` then `else` (CPython issue 21642).
        assert_eq!(kinds("1if x else 2"), [Number, If, Name, Else, Number, Newline, EndOfFile]);
        assert_eq!(kinds("1else"), [Number, Else, Newline, EndOfFile]);
        assert_eq!(kinds("x.y"), [Name, Dot, Name, Newline, EndOfFile]);
        assert!(lex("089").error.is_some());
        assert!(lex("0x").error.is_some());
        assert!(lex("0b2").error.is_some());
    }

    #[test]
    fn positions_count_characters() {
        let source = "x = 'é€'; y\n  z";
        let tokens = lex(source).tokens;
        let y = tokens.iter().find(|t| &source[t.start as usize..t.end as usize] == "y").unwrap();
        assert_eq!((y.line, y.col), (1, 11));
        let after_string = lex("'''a\né''' + b").tokens;
        let b = after_string[2];
        assert_eq!((b.tok, b.line, b.col), (Name, 2, 8));
    }

    #[test]
    fn errors_end_the_stream() {
        for (source, message, line, col) in [
            ("x = 'abc\n", "unexpected end of line in string literal", 1, 5),
            ("x = '''abc\n", "unexpected end of file in triple-quoted string literal", 1, 5),
            ("x = (1,\n", "unexpected end of file: '(' was never closed", 1, 5),
            ("x = [1)", "closing ')' does not match opening '['", 1, 7),
            ("x = 1)", "unmatched ')'", 1, 6),
            ("x = 1 \\ 2", "unexpected character after line continuation character", 1, 7),
            ("x = ?", "invalid character '?' in source", 1, 5),
            ("x = é", "invalid character 'é' in source", 1, 5),
        ] {
            let tokens = lex(source);
            let error = tokens.error.unwrap_or_else(|| panic!("no error for {:?}", source));
            assert_eq!(error.message, message);
            assert_eq!((error.span.line, error.span.col), (line, col), "{:?}", source);
            assert_eq!(tokens.tokens.last().map(|t| t.tok), Some(Error));
        }
    }

    #[test]
    fn missing_final_newline_is_supplied() {
        assert_eq!(kinds("x"), [Name, Newline, EndOfFile]);
        assert_eq!(kinds("x # comment"), [Name, Newline, EndOfFile]);
        assert_eq!(kinds(""), [EndOfFile]);
        assert_eq!(kinds("\n\n# c\n"), [EndOfFile]);
    }
}

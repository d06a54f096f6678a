# A tokenizer for a Python-like language written without regular
# expressions: names and keywords, integer (decimal, hex, octal, binary),
# float and imaginary numbers, single- and triple-quoted strings with
# escapes and prefixes, operators (longest match first), comments, line
# continuations, brackets spanning lines, and INDENT/DEDENT tokens from an
# indentation stack. It tokenizes a constant source text and prints the
# tokens, then a few erroneous inputs.

SOURCE = '''# a small module
import os

class Shape(object):
    """A shape with
    a docstring."""
    sides = 0x10 + 0o17 + 0b101

    def area(self, scale=1.5e3):
        total = (self.width *
                 self.height)   # continued inside brackets
        if total >= 10 and not self.flat:
            return total ** 2 // 3
        elif total != -1:
            return r'raw\\n' + b"bytes" + 'it\\'s'
        x = [1, 2.5, .5, 3j] \\
            + [4]
        x[0] <<= 2; x[1] -= 1
        return lambda y: y @ x -> None
'''

KEYWORDS = ["and", "as", "class", "def", "elif", "else", "for", "from", "if",
            "import", "in", "is", "lambda", "not", "or", "return", "while", "None"]

# longest operators first
OPERATORS = ["**=", "//=", ">>=", "<<=", "...", "->",
             "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=",
             "%=", "&=", "|=", "^=", "@=",
             "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "=",
             ".", ",", ":", ";", "(", ")", "[", "]", "{", "}"]

class Token(object):
    def __init__(self, kind, value, line, col):
        self.kind = kind
        self.value = value
        self.line = line
        self.col = col

    def show(self):
        return "%d:%d %s %s" % (self.line, self.col, self.kind, quote(self.value))

class TokenError(Exception):
    def __init__(self, msg, line, col):
        self.msg = msg
        self.line = line
        self.col = col

def quote(s):
    out = "'"
    for c in s:
        if c == "\n":
            out += "\\n"
        elif c == "'":
            out += "\\'"
        elif c == "\\":
            out += "\\\\"
        else:
            out += c
    return out + "'"

def is_name_start(c):
    return c.isalpha() or c == "_"

def is_name_char(c):
    return c.isalnum() or c == "_"

def is_hex_digit(c):
    return c.isdigit() or ("a" <= c <= "f") or ("A" <= c <= "F")

class Tokenizer(object):
    def __init__(self, src):
        self.src = src
        self.pos = 0
        self.line = 1
        self.line_start = 0
        self.tokens = []
        self.indents = [0]
        self.depth = 0          # bracket nesting

    def col(self):
        return self.pos - self.line_start

    def error(self, msg):
        raise TokenError(msg, self.line, self.col())

    def add(self, kind, value, start):
        self.tokens.append(Token(kind, value, self.line, start - self.line_start))

    def newline(self):
        self.line += 1
        self.line_start = self.pos

    def tokenize(self):
        at_line_start = True
        src = self.src
        n = len(src)
        while self.pos < n:
            if at_line_start and self.depth == 0:
                at_line_start = False
                if self.handle_indentation():
                    continue
            c = src[self.pos]
            start = self.pos
            if c == " " or c == "\t":
                self.pos += 1
            elif c == "#":
                while self.pos < n and src[self.pos] != "\n":
                    self.pos += 1
                self.add("COMMENT", src[start:self.pos], start)
            elif c == "\n":
                self.pos += 1
                if self.depth == 0:
                    self.add("NEWLINE", "", start)
                    at_line_start = True
                self.newline()
            elif c == "\\":
                if self.pos + 1 < n and src[self.pos + 1] == "\n":
                    self.pos += 2
                    self.newline()
                else:
                    self.error("unexpected backslash")
            elif is_name_start(c):
                while self.pos < n and is_name_char(src[self.pos]):
                    self.pos += 1
                word = src[start:self.pos]
                if self.pos < n and (src[self.pos] == "'" or src[self.pos] == '"') and word in ["r", "b", "u", "rb", "br"]:
                    self.read_string(start)
                elif word in KEYWORDS:
                    self.add("KEYWORD", word, start)
                else:
                    self.add("NAME", word, start)
            elif c.isdigit() or (c == "." and self.pos + 1 < n and src[self.pos + 1].isdigit()):
                self.read_number(start)
            elif c == "'" or c == '"':
                self.read_string(start)
            else:
                self.read_operator(start)
        if self.depth > 0:
            self.error("unclosed bracket at end of input")
        while len(self.indents) > 1:
            self.indents.pop()
            self.add("DEDENT", "", self.pos)
        self.add("ENDMARKER", "", self.pos)
        return self.tokens

    def handle_indentation(self):
        # returns True when the line is blank or only a comment
        src = self.src
        width = 0
        p = self.pos
        while p < len(src) and (src[p] == " " or src[p] == "\t"):
            if src[p] == "\t":
                width = (width // 8 + 1) * 8
            else:
                width += 1
            p += 1
        if p >= len(src) or src[p] == "\n" or src[p] == "#":
            if p < len(src) and src[p] == "\n":
                self.pos = p + 1
                self.newline()
                return True
            self.pos = p
            return False
        self.pos = p
        if width > self.indents[-1]:
            self.indents.append(width)
            self.add("INDENT", "", self.pos)
        else:
            while width < self.indents[-1]:
                self.indents.pop()
                self.add("DEDENT", "", self.pos)
            if width != self.indents[-1]:
                self.error("inconsistent dedent")
        return False

    def read_number(self, start):
        src = self.src
        n = len(src)
        c = src[self.pos]
        if c == "0" and self.pos + 1 < n and src[self.pos + 1] in "xXoObB":
            base_char = src[self.pos + 1].lower()
            self.pos += 2
            digits_start = self.pos
            while self.pos < n and is_hex_digit(src[self.pos]):
                d = src[self.pos]
                if base_char == "o" and not ("0" <= d <= "7"):
                    self.error("bad octal digit")
                if base_char == "b" and not (d == "0" or d == "1"):
                    self.error("bad binary digit")
                self.pos += 1
            if self.pos == digits_start:
                self.error("missing digits")
            self.add("NUMBER", src[start:self.pos], start)
            return
        kind = "NUMBER"
        while self.pos < n and src[self.pos].isdigit():
            self.pos += 1
        if self.pos < n and src[self.pos] == ".":
            self.pos += 1
            while self.pos < n and src[self.pos].isdigit():
                self.pos += 1
        if self.pos < n and src[self.pos] in "eE":
            self.pos += 1
            if self.pos < n and src[self.pos] in "+-":
                self.pos += 1
            if self.pos >= n or not src[self.pos].isdigit():
                self.error("bad exponent")
            while self.pos < n and src[self.pos].isdigit():
                self.pos += 1
        if self.pos < n and src[self.pos] in "jJ":
            self.pos += 1
            kind = "IMAGINARY"
        self.add(kind, src[start:self.pos], start)

    def read_string(self, start):
        src = self.src
        n = len(src)
        quote_char = src[self.pos]
        triple = src[self.pos:self.pos + 3] == quote_char * 3
        if triple:
            self.pos += 3
        else:
            self.pos += 1
        start_line = self.line
        start_col = start - self.line_start
        while True:
            if self.pos >= n:
                raise TokenError("unterminated string", start_line, start_col)
            c = src[self.pos]
            if c == "\\":
                self.pos += 2
                continue
            if c == "\n":
                if not triple:
                    raise TokenError("newline in string", start_line, start_col)
                self.pos += 1
                self.newline()
                continue
            if c == quote_char:
                if not triple:
                    self.pos += 1
                    break
                if src[self.pos:self.pos + 3] == quote_char * 3:
                    self.pos += 3
                    break
            self.pos += 1
        self.tokens.append(Token("STRING", src[start:self.pos], start_line, start_col))

    def read_operator(self, start):
        src = self.src
        for op in OPERATORS:
            if src[self.pos:self.pos + len(op)] == op:
                if op == "(" or op == "[" or op == "{":
                    self.depth += 1
                elif op == ")" or op == "]" or op == "}":
                    if self.depth == 0:
                        self.error("unmatched " + op)
                    self.depth -= 1
                self.pos += len(op)
                self.add("OP", op, start)
                return
        self.error("unknown character " + src[self.pos])

def count_kinds(tokens):
    counts = {}
    for t in tokens:
        counts[t.kind] = counts.get(t.kind, 0) + 1
    return counts

BAD_INPUTS = ["x = 'abc\n", "if x:\n        a\n    b\n", "y = 0b102\n", "z = (1, 2\n",
              "a = 1 $ 2\n", "s = '''never closed\n", "n = 1e+\n", "]\n"]

def entry_point(argv):
    tokens = Tokenizer(SOURCE).tokenize()
    for t in tokens:
        print t.show()
    counts = count_kinds(tokens)
    for kind in ["NAME", "KEYWORD", "NUMBER", "STRING", "OP", "COMMENT", "NEWLINE",
                 "INDENT", "DEDENT", "IMAGINARY", "ENDMARKER"]:
        print kind, counts.get(kind, 0)
    print "total", len(tokens)
    for bad in BAD_INPUTS:
        try:
            Tokenizer(bad).tokenize()
            print quote(bad), "ok"
        except TokenError as e:
            print quote(bad), "error at %d:%d: %s" % (e.line, e.col, e.msg)
    return 0

def target(driver, args):
    return entry_point, None

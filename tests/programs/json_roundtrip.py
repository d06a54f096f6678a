# A JSON parser and printer: parses a constant document into a tree of
# value objects, pretty-prints it, prints it compactly, parses the compact
# text again and checks that both agree. Objects keep their keys in order.
# Also queries a few paths and reports errors in malformed documents.

from rpython.rlib.rfloat import formatd
from rpython.rlib.rstring import StringBuilder

DOCUMENT = """
{
  "name": "rpython test suite",
  "version": 3,
  "ratio": 0.75,
  "big": -12345678901234,
  "tiny": 1.5e-7,
  "enabled": true,
  "disabled": false,
  "nothing": null,
  "tags": ["fast", "typed", "translated"],
  "escapes": "quote \\" backslash \\\\ slash \\/ tab\\t newline\\n",
  "unicode": "caf\\u00e9 \\u2603",
  "nested": {"empty_list": [], "empty_object": {}, "matrix": [[1, 2], [3, 4]]},
  "store": {
    "book": [
      {"title": "Structure and Interpretation", "price": 45.5, "authors": ["Abelson", "Sussman"]},
      {"title": "The Art of Computer Programming", "price": 199.99, "authors": ["Knuth"]}
    ]
  }
}
"""

class JsonValue(object):
    def kind(self):
        raise NotImplementedError

class JsonNull(JsonValue):
    def kind(self):
        return "null"

class JsonBool(JsonValue):
    def __init__(self, value):
        self.value = value

    def kind(self):
        return "bool"

class JsonInt(JsonValue):
    def __init__(self, value):
        self.value = value

    def kind(self):
        return "int"

class JsonFloat(JsonValue):
    def __init__(self, value):
        self.value = value

    def kind(self):
        return "float"

class JsonString(JsonValue):
    def __init__(self, value):
        self.value = value

    def kind(self):
        return "string"

class JsonArray(JsonValue):
    def __init__(self, items):
        self.items = items

    def kind(self):
        return "array"

class JsonObject(JsonValue):
    def __init__(self):
        self.keys = []
        self.values = {}

    def put(self, key, value):
        if key not in self.values:
            self.keys.append(key)
        self.values[key] = value

    def kind(self):
        return "object"

NULL = JsonNull()

class JsonError(Exception):
    def __init__(self, msg, pos):
        self.msg = msg
        self.pos = pos

def substring(s, start, stop):
    # RPython slices need indexes proven non-negative
    assert start >= 0
    assert stop >= 0
    return s[start:stop]

class Parser(object):
    def __init__(self, text):
        self.text = text
        self.pos = 0

    def error(self, msg):
        raise JsonError(msg, self.pos)

    def skip_ws(self):
        while self.pos < len(self.text) and self.text[self.pos] in " \t\r\n":
            self.pos += 1

    def peek(self):
        self.skip_ws()
        if self.pos >= len(self.text):
            self.error("unexpected end of input")
        return self.text[self.pos]

    def expect_word(self, word):
        end = self.pos + len(word)
        if substring(self.text, self.pos, end) != word:
            self.error("invalid literal")
        self.pos = end

    def parse_document(self):
        value = self.parse_value()
        self.skip_ws()
        if self.pos != len(self.text):
            self.error("extra data after the document")
        return value

    def parse_value(self):
        c = self.peek()
        if c == "{":
            return self.parse_object()
        elif c == "[":
            return self.parse_array()
        elif c == '"':
            return JsonString(self.parse_string())
        elif c == "t":
            self.expect_word("true")
            return JsonBool(True)
        elif c == "f":
            self.expect_word("false")
            return JsonBool(False)
        elif c == "n":
            self.expect_word("null")
            return NULL
        elif c == "-" or c.isdigit():
            return self.parse_number()
        self.error("unexpected character " + c)
        return NULL

    def parse_object(self):
        obj = JsonObject()
        self.pos += 1
        if self.peek() == "}":
            self.pos += 1
            return obj
        while True:
            if self.peek() != '"':
                self.error("expected a string key")
            key = self.parse_string()
            if self.peek() != ":":
                self.error("expected ':'")
            self.pos += 1
            obj.put(key, self.parse_value())
            c = self.peek()
            self.pos += 1
            if c == "}":
                return obj
            if c != ",":
                self.pos -= 1
                self.error("expected ',' or '}'")

    def parse_array(self):
        items = []
        self.pos += 1
        if self.peek() == "]":
            self.pos += 1
            return JsonArray(items)
        while True:
            items.append(self.parse_value())
            c = self.peek()
            self.pos += 1
            if c == "]":
                return JsonArray(items)
            if c != ",":
                self.pos -= 1
                self.error("expected ',' or ']'")

    def parse_string(self):
        self.pos += 1
        sb = StringBuilder()
        text = self.text
        while True:
            if self.pos >= len(text):
                self.error("unterminated string")
            c = text[self.pos]
            self.pos += 1
            if c == '"':
                return sb.build()
            if c != "\\":
                sb.append(c)
                continue
            if self.pos >= len(text):
                self.error("unterminated escape")
            e = text[self.pos]
            self.pos += 1
            if e == "n":
                sb.append("\n")
            elif e == "t":
                sb.append("\t")
            elif e == "r":
                sb.append("\r")
            elif e == "b":
                sb.append("\b")
            elif e == "f":
                sb.append("\f")
            elif e == "/" or e == "\\" or e == '"':
                sb.append(e)
            elif e == "u":
                hexdigits = substring(text, self.pos, self.pos + 4)
                if len(hexdigits) != 4:
                    self.error("bad unicode escape")
                try:
                    code = int(hexdigits, 16)
                except ValueError:
                    self.error("bad unicode escape")
                    code = 0
                self.pos += 4
                sb.append((u"" + unichr(code)).encode("utf-8"))
            else:
                self.error("bad escape \\" + e)

    def parse_number(self):
        start = self.pos
        text = self.text
        is_float = False
        if text[self.pos] == "-":
            self.pos += 1
        while self.pos < len(text) and text[self.pos].isdigit():
            self.pos += 1
        if self.pos < len(text) and text[self.pos] == ".":
            is_float = True
            self.pos += 1
            while self.pos < len(text) and text[self.pos].isdigit():
                self.pos += 1
        if self.pos < len(text) and text[self.pos] in "eE":
            is_float = True
            self.pos += 1
            if self.pos < len(text) and text[self.pos] in "+-":
                self.pos += 1
            while self.pos < len(text) and text[self.pos].isdigit():
                self.pos += 1
        s = substring(text, start, self.pos)
        if s == "-":
            self.error("bad number")
        if is_float:
            return JsonFloat(float(s))
        return JsonInt(int(s))

def escape_string(s):
    sb = StringBuilder()
    sb.append('"')
    for c in s:
        if c == '"':
            sb.append('\\"')
        elif c == "\\":
            sb.append("\\\\")
        elif c == "\n":
            sb.append("\\n")
        elif c == "\t":
            sb.append("\\t")
        elif ord(c) < 32:
            sb.append("\\u%s" % hex4(ord(c)))
        else:
            sb.append(c)
    sb.append('"')
    return sb.build()

def hex4(n):
    digits = "0123456789abcdef"
    return digits[(n >> 12) & 15] + digits[(n >> 8) & 15] + digits[(n >> 4) & 15] + digits[n & 15]

def dump(value, sb, indent, level):
    # indent < 0 means compact output
    if isinstance(value, JsonNull):
        sb.append("null")
    elif isinstance(value, JsonBool):
        if value.value:
            sb.append("true")
        else:
            sb.append("false")
    elif isinstance(value, JsonInt):
        sb.append(str(value.value))
    elif isinstance(value, JsonFloat):
        sb.append(formatd(value.value, "r", 0))
    elif isinstance(value, JsonString):
        sb.append(escape_string(value.value))
    elif isinstance(value, JsonArray):
        if not value.items:
            sb.append("[]")
            return
        sb.append("[")
        for i in range(len(value.items)):
            if i > 0:
                sb.append(",")
            newline(sb, indent, level + 1)
            dump(value.items[i], sb, indent, level + 1)
        newline(sb, indent, level)
        sb.append("]")
    elif isinstance(value, JsonObject):
        if not value.keys:
            sb.append("{}")
            return
        sb.append("{")
        for i in range(len(value.keys)):
            key = value.keys[i]
            if i > 0:
                sb.append(",")
            newline(sb, indent, level + 1)
            sb.append(escape_string(key))
            if indent >= 0:
                sb.append(": ")
            else:
                sb.append(":")
            dump(value.values[key], sb, indent, level + 1)
        newline(sb, indent, level)
        sb.append("}")

def newline(sb, indent, level):
    if indent >= 0:
        sb.append("\n")
        sb.append_multiple_char(" ", indent * level)

def to_json(value, indent):
    sb = StringBuilder()
    dump(value, sb, indent, 0)
    return sb.build()

def lookup(value, path):
    # path items: object keys, or "#N" for array index N
    for step in path.split("."):
        if step.startswith("#"):
            if not isinstance(value, JsonArray):
                return None
            i = int(step[1:])
            if i >= len(value.items):
                return None
            value = value.items[i]
        else:
            if not isinstance(value, JsonObject) or step not in value.values:
                return None
            value = value.values[step]
    return value

def count_nodes(value):
    n = 1
    if isinstance(value, JsonArray):
        for item in value.items:
            n += count_nodes(item)
    elif isinstance(value, JsonObject):
        for key in value.keys:
            n += count_nodes(value.values[key])
    return n

BAD_DOCUMENTS = ['{"a": 1,}', '[1, 2', '{"a" 1}', '"unterminated', 'tru', '[1] 2',
                 '{"x": "\\q"}', '-', '{1: 2}', '']

def entry_point(argv):
    doc = Parser(DOCUMENT).parse_document()
    pretty = to_json(doc, 2)
    print pretty
    compact = to_json(doc, -1)
    print compact
    again = Parser(compact).parse_document()
    print "roundtrip equal:", to_json(again, -1) == compact
    print "nodes:", count_nodes(doc)
    for path in ["name", "store.book.#1.title", "store.book.#0.authors.#1",
                 "nested.matrix.#1.#0", "tags.#5", "missing.key", "version.#0"]:
        v = lookup(doc, path)
        if v is None:
            print path, "-> not found"
        else:
            print path, "->", v.kind(), to_json(v, -1)
    for bad in BAD_DOCUMENTS:
        try:
            Parser(bad).parse_document()
            print "parsed", bad
        except JsonError as e:
            print "error in %s at %d: %s" % (escape_string(bad), e.pos, e.msg)
    return 0

def target(driver, args):
    return entry_point, None

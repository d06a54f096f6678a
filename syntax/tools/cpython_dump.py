# Prints CPython 2.7's own AST of each file in the notation of
# `syntax::dump_module`, to cross-check the parser against CPython:
#
#   python2.7 syntax/tools/cpython_dump.py FILE.py > cpython.ast
#   cargo run -p syntax --example dump_ast -- FILE.py > ours.ast
#   diff cpython.ast ours.ast
#
# Known differences: CPython gives the inner statements of a desugared
# multi-item `with` the position of the `with` keyword (we give each item's),
# columns count bytes (we count characters), and byte strings keep the
# file's declared encoding (we always use UTF-8).
import ast
import sys

BINOPS = {
    ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.Div: '/', ast.Mod: '%',
    ast.Pow: '**', ast.LShift: '<<', ast.RShift: '>>', ast.BitOr: '|',
    ast.BitXor: '^', ast.BitAnd: '&', ast.FloorDiv: '//',
}
CMPOPS = {
    ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=', ast.Gt: '>',
    ast.GtE: '>=', ast.Is: 'is', ast.IsNot: 'is not', ast.In: 'in',
    ast.NotIn: 'not in',
}
UNARY = {ast.Invert: '~', ast.Not: 'not', ast.UAdd: '+', ast.USub: '-'}

true_division = False


def binop(op):
    if isinstance(op, ast.Div) and true_division:
        return 'truediv'
    return BINOPS[type(op)]


def rust_float(f):
    # Rust's `{:?}`: shortest round-trip digits, exponent without '+' or
    # leading zeros, and always a '.0' on integral values without exponent.
    if f != f:
        return 'NaN'
    if f in (float('inf'), float('-inf')):
        return 'inf' if f > 0 else '-inf'
    r = repr(f)
    if 'e' in r:
        mant, exp = r.split('e')
        return '%se%d' % (mant, int(exp))
    if '.' not in r:
        r += '.0'
    return r


def escape(codes, out):
    for c in codes:
        if c == 0x5c:
            out.append('\\\\')
        elif c == 0x27:
            out.append("\\'")
        elif c == 0x0a:
            out.append('\\n')
        elif c == 0x0d:
            out.append('\\r')
        elif c == 0x09:
            out.append('\\t')
        elif 0x20 <= c <= 0x7e:
            out.append(chr(c))
        elif c <= 0xff:
            out.append('\\x%02x' % c)
        elif c <= 0xffff:
            out.append('\\u%04x' % c)
        else:
            out.append('\\U%08x' % c)


def code_points(u):
    # Join surrogate pairs on narrow builds.
    out = []
    i = 0
    while i < len(u):
        c = ord(u[i])
        if 0xd800 <= c < 0xdc00 and i + 1 < len(u) and 0xdc00 <= ord(u[i + 1]) < 0xe000:
            c = 0x10000 + ((c - 0xd800) << 10) + (ord(u[i + 1]) - 0xdc00)
            i += 1
        out.append(c)
        i += 1
    return out


def expr(e):
    t = type(e)
    if t is ast.BoolOp:
        return form('and' if isinstance(e.op, ast.And) else 'or', e.values)
    if t is ast.BinOp:
        return '(%s %s %s)' % (binop(e.op), expr(e.left), expr(e.right))
    if t is ast.UnaryOp:
        return '(%s %s)' % (UNARY[type(e.op)], expr(e.operand))
    if t is ast.Lambda:
        return '(lambda %s %s)' % (arguments(e.args), expr(e.body))
    if t is ast.IfExp:
        return '(if %s %s %s)' % (expr(e.test), expr(e.body), expr(e.orelse))
    if t is ast.Dict:
        return '(dict' + ''.join(' %s: %s' % (expr(k), expr(v)) for k, v in zip(e.keys, e.values)) + ')'
    if t is ast.Set:
        return form('set', e.elts)
    if t is ast.ListComp:
        return '(listcomp %s%s)' % (expr(e.elt), generators(e.generators))
    if t is ast.SetComp:
        return '(setcomp %s%s)' % (expr(e.elt), generators(e.generators))
    if t is ast.GeneratorExp:
        return '(genexp %s%s)' % (expr(e.elt), generators(e.generators))
    if t is ast.DictComp:
        return '(dictcomp %s: %s%s)' % (expr(e.key), expr(e.value), generators(e.generators))
    if t is ast.Yield:
        return '(yield)' if e.value is None else '(yield %s)' % expr(e.value)
    if t is ast.Compare:
        parts = [expr(e.left)]
        for op, c in zip(e.ops, e.comparators):
            parts.append(CMPOPS[type(op)])
            parts.append(expr(c))
        return '(cmp %s)' % ' '.join(parts)
    if t is ast.Call:
        parts = [expr(e.func)] + [expr(a) for a in e.args]
        parts += ['%s=%s' % (k.arg, expr(k.value)) for k in e.keywords]
        if e.starargs is not None:
            parts.append('*' + expr(e.starargs))
        if e.kwargs is not None:
            parts.append('**' + expr(e.kwargs))
        return '(call %s)' % ' '.join(parts)
    if t is ast.Repr:
        return '(repr %s)' % expr(e.value)
    if t is ast.Num:
        n = e.n
        if isinstance(n, bool):
            raise TypeError
        if isinstance(n, (int, long)):
            if isinstance(n, long) or not (-2 ** 63 <= n < 2 ** 63):
                return '%dL' % n
            return '%d' % n
        if isinstance(n, float):
            return rust_float(n)
        return rust_float(n.imag) + 'j'
    if t is ast.Str:
        out = []
        if isinstance(e.s, unicode):
            out.append("u'")
            escape(code_points(e.s), out)
        else:
            out.append("'")
            escape([ord(c) for c in e.s], out)
        out.append("'")
        return ''.join(out)
    if t is ast.Attribute:
        return '(. %s %s)' % (expr(e.value), e.attr)
    if t is ast.Subscript:
        return '(sub %s %s)' % (expr(e.value), slice_(e.slice))
    if t is ast.Name:
        return e.id
    if t is ast.List:
        return form('list', e.elts)
    if t is ast.Tuple:
        return form('tuple', e.elts)
    raise TypeError(t)


def slice_(s):
    t = type(s)
    if t is ast.Ellipsis:
        return '...'
    if t is ast.Index:
        return expr(s.value)
    if t is ast.Slice:
        parts = [s.lower, s.upper]
        if s.step is not None:
            parts.append(s.step)
        return '(slice %s)' % ' '.join('_' if p is None else expr(p) for p in parts)
    return '(ext %s)' % ' '.join(slice_(d) for d in s.dims)


def form(head, es):
    return '(' + ' '.join([head] + [expr(x) for x in es]) + ')'


def generators(gens):
    out = []
    for g in gens:
        s = ' (for %s in %s' % (expr(g.target), expr(g.iter))
        s += ''.join(' if ' + expr(c) for c in g.ifs)
        out.append(s + ')')
    return ''.join(out)


def arguments(a):
    parts = []
    first_default = len(a.args) - len(a.defaults)
    for i, p in enumerate(a.args):
        s = expr(p)
        if i >= first_default:
            s += '=' + expr(a.defaults[i - first_default])
        parts.append(s)
    if a.vararg:
        parts.append('*' + a.vararg)
    if a.kwarg:
        parts.append('**' + a.kwarg)
    return '(' + ' '.join(parts) + ')'


def aliases(names):
    return ', '.join(n.name + (' as ' + n.asname if n.asname else '') for n in names)


def block(out, body, indent):
    for s in body:
        stmt(out, s, indent)


def labeled(out, label, body, indent):
    if body:
        out.append('  ' * (indent + 1) + label)
        block(out, body, indent + 2)


def stmt(out, s, indent):
    global true_division
    head = '  ' * indent + '%d:%d ' % (s.lineno, s.col_offset + 1)
    t = type(s)
    if t is ast.FunctionDef:
        out.append(head + 'FunctionDef %s %s' % (s.name, arguments(s.args)))
        for d in s.decorator_list:
            out.append('  ' * (indent + 1) + '@ ' + expr(d))
        block(out, s.body, indent + 1)
    elif t is ast.ClassDef:
        bases = ' (%s)' % ' '.join(expr(b) for b in s.bases) if s.bases else ''
        out.append(head + 'ClassDef %s%s' % (s.name, bases))
        for d in s.decorator_list:
            out.append('  ' * (indent + 1) + '@ ' + expr(d))
        block(out, s.body, indent + 1)
    elif t is ast.Return:
        out.append(head + 'Return' + ('' if s.value is None else ' ' + expr(s.value)))
    elif t is ast.Delete:
        out.append(head + 'Delete ' + ' '.join(expr(x) for x in s.targets))
    elif t is ast.Assign:
        out.append(head + 'Assign ' + ''.join(expr(x) + ' = ' for x in s.targets) + expr(s.value))
    elif t is ast.AugAssign:
        out.append(head + 'AugAssign %s %s= %s' % (expr(s.target), binop(s.op), expr(s.value)))
    elif t is ast.Print:
        line = 'Print'
        if s.dest is not None:
            line += ' >>' + expr(s.dest)
        line += ''.join(' ' + expr(v) for v in s.values)
        if not s.nl:
            line += ' ,'
        out.append(head + line)
    elif t is ast.For:
        out.append(head + 'For %s in %s' % (expr(s.target), expr(s.iter)))
        block(out, s.body, indent + 1)
        labeled(out, 'else:', s.orelse, indent)
    elif t is ast.While:
        out.append(head + 'While ' + expr(s.test))
        block(out, s.body, indent + 1)
        labeled(out, 'else:', s.orelse, indent)
    elif t is ast.If:
        out.append(head + 'If ' + expr(s.test))
        block(out, s.body, indent + 1)
        labeled(out, 'else:', s.orelse, indent)
    elif t is ast.With:
        line = 'With ' + expr(s.context_expr)
        if s.optional_vars is not None:
            line += ' as ' + expr(s.optional_vars)
        out.append(head + line)
        block(out, s.body, indent + 1)
    elif t is ast.Raise:
        parts = [p for p in (s.type, s.inst, s.tback) if p is not None]
        out.append(head + 'Raise' + ''.join(' ' + expr(p) for p in parts))
    elif t is ast.TryExcept:
        out.append(head + 'TryExcept')
        block(out, s.body, indent + 1)
        for h in s.handlers:
            line = '  ' * (indent + 1) + '%d:%d except' % (h.lineno, h.col_offset + 1)
            if h.type is not None:
                line += ' ' + expr(h.type)
            if h.name is not None:
                line += ' as ' + expr(h.name)
            out.append(line + ':')
            block(out, h.body, indent + 2)
        labeled(out, 'else:', s.orelse, indent)
    elif t is ast.TryFinally:
        out.append(head + 'TryFinally')
        block(out, s.body, indent + 1)
        labeled(out, 'finally:', s.finalbody, indent)
    elif t is ast.Assert:
        out.append(head + 'Assert ' + expr(s.test) + ('' if s.msg is None else ' ' + expr(s.msg)))
    elif t is ast.Import:
        out.append(head + 'Import ' + aliases(s.names))
    elif t is ast.ImportFrom:
        if s.module == '__future__' and any(n.name == 'division' for n in s.names):
            true_division = True
        out.append(head + 'ImportFrom %s%s import %s' % ('.' * (s.level or 0), s.module or '', aliases(s.names)))
    elif t is ast.Exec:
        line = 'Exec ' + expr(s.body)
        if s.globals is not None:
            line += ' in ' + expr(s.globals)
            if s.locals is not None:
                line += ' ' + expr(s.locals)
        out.append(head + line)
    elif t is ast.Global:
        out.append(head + 'Global ' + ' '.join(s.names))
    elif t is ast.Expr:
        out.append(head + 'Expr ' + expr(s.value))
    elif t is ast.Pass:
        out.append(head + 'Pass')
    elif t is ast.Break:
        out.append(head + 'Break')
    elif t is ast.Continue:
        out.append(head + 'Continue')
    else:
        raise TypeError(t)


def main():
    global true_division
    paths = sys.argv[1:]
    for path in paths:
        if len(paths) > 1:
            print('== ' + path)
        true_division = False
        source = open(path, 'rb').read()
        try:
            tree = compile(source, path, 'exec', ast.PyCF_ONLY_AST)
        except SyntaxError as e:
            print('%s: SyntaxError: %s' % (path, e))
            continue
        out = []
        block(out, tree.body, 0)
        sys.stdout.write(''.join(line + '\n' for line in out))


main()

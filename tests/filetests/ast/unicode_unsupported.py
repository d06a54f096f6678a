u"Docstring with a named escape: \N{EM DASH}"
from __future__ import division
# Unicode literals the AST cannot hold parse, as in CPython; later stages
# report them where they are evaluated.
u'\udc80'
u'lone high \ud800 and low \udfff surrogates'
u'\ud83d\ude00'
ur'raw \ud800'
u'\N{BULLET} first reason wins \ud800'
u"\N{LATIN SMALL LETTER E WITH ACUTE}"
x = 'a' u'\udc80' u'b'
f(u'\N{EN DASH}' 'x')
# Not escapes in byte strings and raw literals.
'\N{DASH} \ud800'
ur'\N{DASH}'

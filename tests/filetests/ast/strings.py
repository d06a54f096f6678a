'single'
"double"
'''triple single'''
"""triple double"""
'''multi
line'''
'quote " inside'
"quote ' inside"
'''it's """'''
''
""
''''''
'escapes: \\ \' \" \a \b \f \n \r \t \v'
'octal: \0 \7 \77 \101 \1012 \777'
'hex: \x41 \xff \x0A'
'not escapes: \q \u1234 \N{DASH} \8'
'continued \
line'
u'unicode: \u00e9 \U0001F600 \x41 \101 \n'
U'upper prefix'
b'bytes'
B'bytes'
r'raw \n \' \\'
R'raw'
ur'raw unicode \u0041 \\u0041 \n'
UR'x'
Ur'x'
uR'x'
br'raw bytes \n'
BR'x'
bR'x'
Br'x'
'adjacent' "literals" '''concatenate'''
'str' u'unicode' 'gives unicode'
('implicit'
    'joining')
'non-ASCII é €'
u'non-ASCII é €'
'tab	inside'

type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }

; func0 (entry)
graph several_funcs.entry_point(v3:*t2 argv) at line 7
block0(v3:*t2):
    v6:Signed = getfield(v3, field0)      # line 8
    v7:Bool = int_gt(v6, 1)
    switch v7: 0 -> block3(v3, @func2), 1 -> block3(v3, @func1)
block3(v4:*t2, v5:Signed):
    v8:Signed = indirect_call(v5)         # line 12
    goto block1(v8)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph several_funcs.a() at line 1
block0():
    goto block1(1)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph several_funcs.b() at line 4
block0():
    goto block1(2)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

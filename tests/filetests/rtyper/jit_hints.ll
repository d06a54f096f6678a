type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }

; func0 (entry)
graph jit_hints.entry_point(v3:*t2 argv) at line 23
block0(v3:*t2):
    v4:Signed = getfield(v3, field0)      # line 24
    v5:Signed = direct_call(@func1, v4)
    goto block1(v5)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph jit_hints.run(v3:Signed n) at line 10
block0(v3:Signed):
    goto block3(v3, 0)
block3(v4:Signed, v5:Signed):
    v12:Bool = int_lt(v5, v4)             # line 13
    switch v12: 0 -> block5(v4, v5), 1 -> block4(v4, v5)
block5(v8:Signed, v9:Signed):
    v14:Bool = same_as(0)                 # line 17
    goto block6(v8, v9)
block6(v10:Signed, v11:Signed):
    v15:Bool = same_as(1)                 # line 19
    goto block1(v11)
block1(v0:Signed) (return):
block4(v6:Signed, v7:Signed):
    v13:Signed = int_add(v7, 1)           # line 15
    goto block3(v6, v13)
block2(v1:Void, v2:Void) (except):

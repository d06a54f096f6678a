type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "none"
prebuilt1: t0 = "None"
prebuilt2: t0 = "many"

; func0 (entry)
graph str_none.entry_point(v3:*t2 argv) at line 8
block0(v3:*t2):
    v8:Signed = getfield(v3, field0)      # line 9
    v9:*t0 = direct_call(@func1, v8)
    v10:Bool = ptr_iszero(v9)             # line 10
    switch v10: 0 -> block4(v3, v9), 1 -> block3(v3, v9)
block4(v6:*t2, v7:*t0):
    v13:*t0 = direct_call(@func2, v7)     # line 12
    v14:Void = direct_call(@rpy_print_item, v13)
    v15:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block1(v0:Signed) (return):
block3(v4:*t2, v5:*t0):
    v11:Void = direct_call(@rpy_print_item, @prebuilt0)  # line 11
    v12:Void = direct_call(@rpy_print_newline)
    goto block4(v4, v5)
block2(v1:Void, v2:Void) (except):

; func1
graph str_none.pick(v3:Signed n) at line 3
block0(v3:Signed):
    v4:Bool = int_gt(v3, 1)               # line 4
    switch v4: 0 -> block1(null), 1 -> block1(@prebuilt2)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph ll_str_or_none(v3:*t0 s) at line 0
block0(v3:*t0):
    v4:Bool = ptr_iszero(v3)
    switch v4: 0 -> block1(v3), 1 -> block1(@prebuilt1)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

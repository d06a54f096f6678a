type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t3 ARRAY_Signed (tid 16) = array [Signed]
type t4 LIST_Signed (tid 17) = struct { length: Signed, items: *ARRAY_Signed }

; func0 (entry)
graph lists.entry_point(v3:*t2 argv) at line 2
block0(v3:*t2):
    v4:*t3 = malloc_varsize(type3, 3)     # line 3
    v5:Void = setarrayitem(v4, 0, 1)
    v6:Void = setarrayitem(v4, 1, 2)
    v7:Void = setarrayitem(v4, 2, 3)
    v8:Signed = getarraysize(v4)          # line 4
    v9:Signed = direct_call(@func1, v4, 0)
    v10:Signed = int_add(v8, v9)
    goto block1(v10)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph ll_getitem__ARRAY_Signed(v3:*t3 l, v4:Signed i) at line 0
block0(v3:*t3, v4:Signed):
    v5:Signed = getarraysize(v3)
    v6:Bool = int_lt(v4, 0)
    switch v6: 0 -> block4(v3, v4, v5), 1 -> block3(v3, v4, v5)
block4(v10:*t3, v11:Signed, v12:Signed):
    v14:Bool = uint_lt(v11, v12)
    switch v14: 0 -> block5(), 1 -> block6(v10, v11, v12)
block5():
    v19:Void = direct_call(@rpy_raise, c"IndexError")
    goto block1(0)
block1(v0:Signed) (return):
block6(v15:*t3, v16:Signed, v17:Signed):
    v18:Signed = getarrayitem(v15, v16)
    goto block1(v18)
block3(v7:*t3, v8:Signed, v9:Signed):
    v13:Signed = int_add(v8, v9)
    goto block4(v7, v13, v9)
block2(v1:Void, v2:Void) (except):

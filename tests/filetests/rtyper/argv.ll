type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "arg"

; func0 (entry)
graph argv.entry_point(v3:*t2 argv) at line 3
block0(v3:*t2):
    goto block3(v3, 1, 0)
block3(v4:*t2, v5:Signed, v6:Signed):
    v10:Signed = getfield(v4, field0)     # line 6
    v11:Bool = int_lt(v5, v10)
    switch v11: 0 -> block1(v6), 1 -> block4(v4, v5, v6)
block1(v0:Signed) (return):
block4(v7:*t2, v8:Signed, v9:Signed):
    v12:Void = direct_call(@rpy_print_item, @prebuilt0)  # line 7
    v13:*t0 = direct_call(@rpy_int_to_str, v8)
    v14:Void = direct_call(@rpy_print_item, v13)
    v15:*t0 = direct_call(@func1, v7, v8)
    v16:Void = direct_call(@rpy_print_item, v15)
    v17:Void = direct_call(@rpy_print_newline)
    v18:*t0 = direct_call(@func1, v7, v8)  # line 8
    v19:Signed = direct_call(@rpy_str_to_int, v18)
    v20:Signed = int_add(v9, v19)
    v21:Signed = int_add(v8, 1)           # line 9
    goto block3(v7, v21, v20)
block2(v1:Void, v2:Void) (except):

; func1
graph ll_getitem__LIST_STR(v3:*t2 l, v4:Signed i) at line 0
block0(v3:*t2, v4:Signed):
    v5:Signed = getfield(v3, field0)
    v6:Bool = int_lt(v4, 0)
    switch v6: 0 -> block4(v3, v4, v5), 1 -> block3(v3, v4, v5)
block4(v10:*t2, v11:Signed, v12:Signed):
    v14:Bool = uint_lt(v11, v12)
    switch v14: 0 -> block5(), 1 -> block6(v10, v11, v12)
block5():
    v20:Void = direct_call(@rpy_raise, c"IndexError")
    goto block1(null)
block1(v0:*t0) (return):
block6(v15:*t2, v16:Signed, v17:Signed):
    v18:*t1 = getfield(v15, field1)
    v19:*t0 = getarrayitem(v18, v16)
    goto block1(v19)
block3(v7:*t2, v8:Signed, v9:Signed):
    v13:Signed = int_add(v8, v9)
    goto block4(v7, v13, v9)
block2(v1:Void, v2:Void) (except):

type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "True"
prebuilt1: t0 = "False"

; func0 (entry)
graph bools.entry_point(v3:*t2 argv) at line 7
block0(v3:*t2):
    v16:Bool = direct_call(@func1, 1)     # line 8
    v17:Bool = direct_call(@func1, -1)    # line 9
    switch v16: 0 -> block3(v3, v16, v17, v16), 1 -> block3(v3, v16, v17, v17)
block3(v4:*t2, v5:Bool, v6:Bool, v7:Bool):
    v18:*t0 = direct_call(@func2, v7)     # line 10
    v19:Void = direct_call(@rpy_print_item, v18)
    switch v5: 0 -> block4(v4, v5, v6, v6), 1 -> block4(v4, v5, v6, v5)
block4(v8:*t2, v9:Bool, v10:Bool, v11:Bool):
    v20:*t0 = direct_call(@func2, v11)    # line 10
    v21:Void = direct_call(@rpy_print_item, v20)
    v22:Bool = bool_not(v9)
    v23:*t0 = direct_call(@func2, v22)
    v24:Void = direct_call(@rpy_print_item, v23)
    v25:Void = direct_call(@rpy_print_newline)
    v26:Signed = cast_bool_to_int(v9)     # line 11
    switch v9: 0 -> block5(v8, v9, v10, 5), 1 -> block5(v8, v9, v10, v26)
block5(v12:*t2, v13:Bool, v14:Bool, v15:Signed):
    v27:*t0 = direct_call(@rpy_int_to_str, v15)  # line 12
    v28:Void = direct_call(@rpy_print_item, v27)
    v29:Void = direct_call(@rpy_print_newline)
    v30:Signed = cast_bool_to_int(v13)
    goto block1(v30)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph bools.truth(v3:Signed n) at line 4
block0(v3:Signed):
    v4:Bool = int_gt(v3, 0)               # line 5
    goto block1(v4)
block1(v0:Bool) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph ll_bool_to_str(v3:Bool b) at line 0
block0(v3:Bool):
    switch v3: 0 -> block1(@prebuilt1), 1 -> block1(@prebuilt0)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

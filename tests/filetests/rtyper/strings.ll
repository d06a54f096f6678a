type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "abc"
prebuilt1: t0 = "def"
prebuilt2: t0 = "abcdef"
prebuilt3: t0 = "True"
prebuilt4: t0 = "False"
prebuilt5: t0 = "prog"
prebuilt6: t0 = "named prog"
prebuilt7: t0 = "n="
prebuilt8: t0 = ";"

; func0 (entry)
graph strings.entry_point(v3:*t2 argv) at line 6
block0(v3:*t2):
    v6:*t0 = direct_call(@rpy_str_concat, @prebuilt0, @prebuilt1)  # line 8
    v7:Void = direct_call(@rpy_print_item, v6)  # line 9
    v8:Signed = getarraysize(v6)
    v9:*t0 = direct_call(@rpy_int_to_str, v8)
    v10:Void = direct_call(@rpy_print_item, v9)
    v11:*t0 = direct_call(@func1, -12)
    v12:Void = direct_call(@rpy_print_item, v11)
    v13:Void = direct_call(@rpy_print_newline)
    v14:Signed = direct_call(@rpy_str_eq, v6, @prebuilt2)  # line 10
    v15:Bool = int_ne(v14, 0)
    v16:*t0 = direct_call(@func2, v15)
    v17:Void = direct_call(@rpy_print_item, v16)
    v18:Signed = direct_call(@rpy_str_eq, v6, @prebuilt0)
    v19:Bool = int_eq(v18, 0)
    v20:*t0 = direct_call(@func2, v19)
    v21:Void = direct_call(@rpy_print_item, v20)
    v22:Signed = direct_call(@rpy_str_cmp, @prebuilt0, v6)
    v23:Bool = int_lt(v22, 0)
    v24:*t0 = direct_call(@func2, v23)
    v25:Void = direct_call(@rpy_print_item, v24)
    v26:Signed = direct_call(@rpy_str_cmp, @prebuilt0, v6)
    v27:Bool = int_ge(v26, 0)
    v28:*t0 = direct_call(@func2, v27)
    v29:Void = direct_call(@rpy_print_item, v28)
    v30:Void = direct_call(@rpy_print_newline)
    v31:Signed = getfield(v3, field0)     # line 11
    v32:Bool = int_gt(v31, 1)
    v33:*t0 = direct_call(@func2, v32)
    v34:Void = direct_call(@rpy_print_item, v33)
    v35:*t0 = same_as(@prebuilt0)
    v36:Void = direct_call(@rpy_print_item, v35)
    v37:Void = direct_call(@rpy_print_newline)
    v38:*t0 = direct_call(@func3, v3, 0)  # line 12
    v39:Signed = direct_call(@rpy_str_eq, v38, @prebuilt5)
    v40:Bool = int_ne(v39, 0)
    switch v40: 0 -> block1(0), 1 -> block3(v3, v6)
block1(v0:Signed) (return):
block3(v4:*t2, v5:*t0):
    v41:Void = direct_call(@rpy_print_item, @prebuilt6)  # line 13
    v42:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block2(v1:Void, v2:Void) (except):

; func1
graph strings.describe(v3:Signed n) at line 3
block0(v3:Signed):
    v4:*t0 = direct_call(@rpy_int_to_str, v3)  # line 4
    v5:*t0 = direct_call(@rpy_str_concat, @prebuilt7, v4)
    v6:*t0 = direct_call(@rpy_str_concat, v5, @prebuilt8)
    goto block1(v6)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph ll_bool_to_str(v3:Bool b) at line 0
block0(v3:Bool):
    switch v3: 0 -> block1(@prebuilt4), 1 -> block1(@prebuilt3)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

; func3
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

type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "True"
prebuilt1: t0 = "False"

; func0 (entry)
graph arith.entry_point(v3:*t2 argv) at line 4
block0(v3:*t2):
    v10:Signed = getfield(v3, field0)     # line 5
    v11:Signed = int_add(v10, 16)
    v12:Signed = int_floordiv(v11, -5)    # line 7
    v13:*t0 = direct_call(@rpy_int_to_str, v12)
    v14:Void = direct_call(@rpy_print_item, v13)
    v15:Signed = int_mod(v11, -5)
    v16:*t0 = direct_call(@rpy_int_to_str, v15)
    v17:Void = direct_call(@rpy_print_item, v16)
    v18:Signed = int_floordiv(v11, 3)
    v19:*t0 = direct_call(@rpy_int_to_str, v18)
    v20:Void = direct_call(@rpy_print_item, v19)
    v21:Signed = int_mod(v11, 7)
    v22:*t0 = direct_call(@rpy_int_to_str, v21)
    v23:Void = direct_call(@rpy_print_item, v22)
    v24:Signed = int_neg(v11)
    v25:Signed = direct_call(@func1, v24, -1)
    v26:*t0 = direct_call(@rpy_int_to_str, v25)
    v27:Void = direct_call(@rpy_print_item, v26)
    v28:Void = direct_call(@rpy_print_newline)
    v29:Signed = int_lshift(v11, 3)       # line 8
    v30:*t0 = direct_call(@rpy_int_to_str, v29)
    v31:Void = direct_call(@rpy_print_item, v30)
    v32:Signed = int_rshift(v11, 1)
    v33:*t0 = direct_call(@rpy_int_to_str, v32)
    v34:Void = direct_call(@rpy_print_item, v33)
    v35:Signed = int_and(v11, -5)
    v36:*t0 = direct_call(@rpy_int_to_str, v35)
    v37:Void = direct_call(@rpy_print_item, v36)
    v38:Signed = int_or(v11, -5)
    v39:*t0 = direct_call(@rpy_int_to_str, v38)
    v40:Void = direct_call(@rpy_print_item, v39)
    v41:Signed = int_xor(v11, -5)
    v42:*t0 = direct_call(@rpy_int_to_str, v41)
    v43:Void = direct_call(@rpy_print_item, v42)
    v44:Signed = int_invert(v11)
    v45:*t0 = direct_call(@rpy_int_to_str, v44)
    v46:Void = direct_call(@rpy_print_item, v45)
    v47:Signed = int_neg(v11)
    v48:*t0 = direct_call(@rpy_int_to_str, v47)
    v49:Void = direct_call(@rpy_print_item, v48)
    v50:*t0 = direct_call(@rpy_int_to_str, v11)
    v51:Void = direct_call(@rpy_print_item, v50)
    v52:Void = direct_call(@rpy_print_newline)
    v53:Signed = int_add(v11, 1)          # line 9
    v54:Signed = int_mul(v53, 2)          # line 10
    v55:*t0 = direct_call(@rpy_int_to_str, v54)  # line 11
    v56:Void = direct_call(@rpy_print_item, v55)
    v57:Bool = int_gt(v54, -5)
    v58:*t0 = direct_call(@func2, v57)
    v59:Void = direct_call(@rpy_print_item, v58)
    v60:Bool = int_le(v54, -5)
    v61:*t0 = direct_call(@func2, v60)
    v62:Void = direct_call(@rpy_print_item, v61)
    v63:Bool = int_lt(1, v54)
    switch v63: 0 -> block4(v3, v54, v63), 1 -> block3(v3, v54, v54)
block4(v7:*t2, v8:Signed, v9:Bool):
    v65:*t0 = direct_call(@func2, v9)     # line 11
    v66:Void = direct_call(@rpy_print_item, v65)
    v67:Void = direct_call(@rpy_print_newline)
    v68:Signed = int_sub(v8, 34)          # line 12
    goto block1(v68)
block1(v0:Signed) (return):
block3(v4:*t2, v5:Signed, v6:Signed):
    v64:Bool = int_lt(v6, 100)            # line 11
    goto block4(v4, v5, v64)
block2(v1:Void, v2:Void) (except):

; func1
graph ll_int_floordiv(v3:Signed x, v4:Signed y) at line 0
block0(v3:Signed, v4:Signed):
    v10:Bool = int_eq(v4, 0)
    switch v10: 0 -> block4(v3, v4), 1 -> block3()
block4(v5:Signed, v6:Signed):
    v11:Bool = int_eq(v6, -1)
    switch v11: 0 -> block6(v5, v6), 1 -> block5(v5)
block6(v8:Signed, v9:Signed):
    v13:Signed = int_floordiv(v8, v9)
    goto block1(v13)
block1(v0:Signed) (return):
block5(v7:Signed):
    v12:Signed = int_neg(v7)
    goto block1(v12)
block3():
    v14:Void = direct_call(@rpy_raise, c"ZeroDivisionError")
    goto block1(0)
block2(v1:Void, v2:Void) (except):

; func2
graph ll_bool_to_str(v3:Bool b) at line 0
block0(v3:Bool):
    switch v3: 0 -> block1(@prebuilt1), 1 -> block1(@prebuilt0)
block1(v0:*t0) (return):
block2(v1:Void, v2:Void) (except):

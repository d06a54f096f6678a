type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t3 ARRAY_Signed (tid 16) = array [Signed]
type t4 LIST_Signed (tid 17) = struct { length: Signed, items: *ARRAY_Signed }

; func0 (entry)
graph lists_fixed.entry_point(v3:*t2 argv) at line 4
block0(v3:*t2):
    v4:*t3 = malloc_varsize(type3, 3)     # line 5
    v5:Void = setarrayitem(v4, 0, 1)
    v6:Void = setarrayitem(v4, 1, 2)
    v7:Void = setarrayitem(v4, 2, 3)
    v8:*t3 = malloc_varsize(type3, 1)     # line 6
    v9:*t4 = malloc(type4)
    v10:Void = setfield(v9, field0, 1)
    v11:Void = setfield(v9, field1, v8)
    v12:Void = setarrayitem(v8, 0, 4)
    v13:Signed = getarraysize(v4)         # line 7
    v14:Void = direct_call(@func1, v9, v13)
    v15:Signed = getarraysize(v4)         # line 8
    v16:Signed = direct_call(@func2, v4, 0)
    v17:Signed = int_add(v15, v16)
    v18:Signed = direct_call(@func3, v9, 1)
    v19:Signed = int_add(v17, v18)
    goto block1(v19)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph ll_append__LIST_Signed(v3:*t4 l, v4:Signed x) at line 0
block0(v3:*t4, v4:Signed):
    v5:Signed = getfield(v3, field0)
    v6:*t3 = getfield(v3, field1)
    v18:Bool = ptr_iszero(v6)
    switch v18: 0 -> block3(v3, v4, v5, v6), 1 -> block5(v3, v4, v5)
block3(v7:*t4, v8:Signed, v9:Signed, v10:*t3):
    v19:Signed = getarraysize(v10)
    v20:Bool = int_lt(v9, v19)
    switch v20: 0 -> block5(v7, v8, v9), 1 -> block4(v7, v8, v9, v10)
block5(v15:*t4, v16:Signed, v17:Signed):
    v24:Signed = int_add(v17, 1)
    v25:Void = direct_call(@rpy_list_resize, v15, v24, 16, 8)
    v26:*t3 = getfield(v15, field1)
    v27:Void = setarrayitem(v26, v17, v16)
    goto block1(void)
block1(v0:Void) (return):
block4(v11:*t4, v12:Signed, v13:Signed, v14:*t3):
    v21:Signed = int_add(v13, 1)
    v22:Void = setfield(v11, field0, v21)
    v23:Void = setarrayitem(v14, v13, v12)
    goto block1(void)
block2(v1:Void, v2:Void) (except):

; func2
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

; func3
graph ll_getitem__LIST_Signed(v3:*t4 l, v4:Signed i) at line 0
block0(v3:*t4, v4:Signed):
    v5:Signed = getfield(v3, field0)
    v6:Bool = int_lt(v4, 0)
    switch v6: 0 -> block4(v3, v4, v5), 1 -> block3(v3, v4, v5)
block4(v10:*t4, v11:Signed, v12:Signed):
    v14:Bool = uint_lt(v11, v12)
    switch v14: 0 -> block5(), 1 -> block6(v10, v11, v12)
block5():
    v20:Void = direct_call(@rpy_raise, c"IndexError")
    goto block1(0)
block1(v0:Signed) (return):
block6(v15:*t4, v16:Signed, v17:Signed):
    v18:*t3 = getfield(v15, field1)
    v19:Signed = getarrayitem(v18, v16)
    goto block1(v19)
block3(v7:*t4, v8:Signed, v9:Signed):
    v13:Signed = int_add(v8, v9)
    goto block4(v7, v13, v9)
block2(v1:Void, v2:Void) (except):

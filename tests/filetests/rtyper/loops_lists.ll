type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 vtable_BaseException (tid 16) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t2 BaseException (tid 17) = struct { typeptr: *vtable_BaseException }
type t3 vtable_Exception (tid 18) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t4 Exception (tid 19) = struct { typeptr: *vtable_BaseException }
type t5 vtable_StopIteration (tid 20) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t6 StopIteration (tid 21) = struct { typeptr: *vtable_BaseException }
type t7 ARRAY_STR (tid 2) = array [*STR]
type t8 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t9 ARRAY_Signed (tid 22) = array [Signed]
type t10 LIST_Signed (tid 23) = struct { length: Signed, items: *ARRAY_Signed }
type t11 RANGE (tid 24) = struct { start: Signed, stop: Signed, step: Signed }
type t12 ITER_RANGE (tid 25) = struct { next: Signed, stop: Signed, step: Signed }
type t13 ITER_LIST_Signed (tid 26) = struct { seq: *LIST_Signed, index: Signed }
type t14 TUPLE_Signed_Signed (tid 27) = struct { item0: Signed, item1: Signed }
type t15 ITER_STR (tid 28) = struct { seq: *STR, index: Signed }
type t16 ARRAY_Char (tid 29) = array [Char]
type t17 LIST_Char (tid 30) = struct { length: Signed, items: *ARRAY_Char }
type t18 builtin_exceptions (tid 31) = array [Signed]
prebuilt0: t0 = "BaseException"
prebuilt1: t1 = Struct { fields: [Int(0), Int(2), Prebuilt(PrebuiltId(0))], items: [] }
prebuilt2: t0 = "Exception"
prebuilt3: t3 = Struct { fields: [Int(1), Int(2), Prebuilt(PrebuiltId(2))], items: [] }
prebuilt4: t0 = "StopIteration"
prebuilt5: t5 = Struct { fields: [Int(2), Int(2), Prebuilt(PrebuiltId(4))], items: [] }
prebuilt6: t0 = "ab"
prebuilt7: t4 = Struct { fields: [Prebuilt(PrebuiltId(3))], items: [] }
prebuilt8: t6 = Struct { fields: [Prebuilt(PrebuiltId(5))], items: [] }
prebuilt9: t18 = Array([Prebuilt(PrebuiltId(3)), Prebuilt(PrebuiltId(7)), Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Prebuilt(PrebuiltId(5)), Prebuilt(PrebuiltId(8)), Null, Null, Null, Null, Null, Null])

; func0 (entry)
graph loops_lists.entry_point(v3:*t8 argv) at line 3
block0(v3:*t8):
    v49:*t9 = malloc_varsize(type9, 0)    # line 4
    v50:*t10 = malloc(type10)
    v51:Void = setfield(v50, field0, 0)
    v52:Void = setfield(v50, field1, v49)
    v53:*t11 = direct_call(@func1, 0, 10, 2)  # line 5
    v54:*t12 = malloc(type12)
    v55:Signed = getfield(v53, field0)
    v56:Void = setfield(v54, field0, v55)
    v57:Signed = getfield(v53, field1)
    v58:Void = setfield(v54, field1, v57)
    v59:Signed = getfield(v53, field2)
    v60:Void = setfield(v54, field2, v59)
    goto block3(v3, v50, v54)
block3(v4:*t8, v5:*t10, v6:*t12):
    v61:Signed = direct_call(@func2, v6)  # line 5
    catch: ok -> block4(v4, v5, v6, v61), @prebuilt5 -> [v62, v63] block5(v4, v5)
block4(v7:*t8, v8:*t10, v9:*t12, v10:Signed):
    v64:Void = direct_call(@func3, v8, v10)  # line 6
    goto block3(v7, v8, v9)
block5(v11:*t8, v12:*t10):
    v65:Signed = direct_call(@rpy_list_insert_room, v12, 0, 22, 8)  # line 7
    v66:*t9 = getfield(v12, field1)
    v67:Void = setarrayitem(v66, v65, -1)
    v68:Signed = direct_call(@rpy_list_check_index, v12, -1)  # line 8
    v69:*t9 = getfield(v12, field1)
    v70:Signed = getarrayitem(v69, v68)
    v71:Void = direct_call(@rpy_list_delete, v12, v68, 8)
    v72:*t13 = malloc(type13)             # line 10
    v73:Void = setfield(v72, field0, v12)
    goto block6(v11, v12, v70, 0, v72)
block6(v13:*t8, v14:*t10, v15:Signed, v16:Signed, v17:*t13):
    v74:Signed = getfield(v17, field1)    # line 10
    v75:Signed = direct_call(@func4, v17)
    v76:*t14 = malloc(type14)
    v77:Void = setfield(v76, field0, v74)
    v78:Void = setfield(v76, field1, v75)
    catch: ok -> block7(v13, v14, v15, v16, v17, v76), @prebuilt5 -> [v79, v80] block8(v13, v14, v15, v16)
block7(v18:*t8, v19:*t10, v20:Signed, v21:Signed, v22:*t13, v23:*t14):
    v81:Signed = getfield(v23, field0)    # line 10
    v82:Signed = getfield(v23, field1)
    v83:Signed = int_mul(v81, v82)        # line 11
    v84:Signed = int_add(v21, v83)
    goto block6(v18, v19, v20, v84, v22)
block8(v24:*t8, v25:*t10, v26:Signed, v27:Signed):
    v85:*t15 = malloc(type15)             # line 12
    v86:Void = setfield(v85, field0, @prebuilt6)
    goto block9(v24, v25, v26, v27, v85)
block9(v28:*t8, v29:*t10, v30:Signed, v31:Signed, v32:*t15):
    v87:Char = direct_call(@func5, v32)   # line 12
    catch: ok -> block10(v28, v29, v30, v31, v32, v87), @prebuilt5 -> [v88, v89] block12(v28, v29, v30, v31)
block10(v33:*t8, v34:*t10, v35:Signed, v36:Signed, v37:*t15, v38:Char):
    v90:*t16 = malloc_varsize(type16, 1)  # line 13
    v91:Void = setarrayitem(v90, 0, 97)
    v92:Signed = direct_call(@func6, v90, v38, 0)
    v93:Bool = int_ge(v92, 0)
    switch v93: 0 -> block9(v33, v34, v35, v36, v37), 1 -> block11(v33, v34, v35, v36, v38, v37)
block11(v39:*t8, v40:*t10, v41:Signed, v42:Signed, v43:Char, v44:*t15):
    v94:Signed = int_add(v42, 1)          # line 14
    goto block9(v39, v40, v41, v94, v44)
block12(v45:*t8, v46:*t10, v47:Signed, v48:Signed):
    v95:*t14 = malloc(type14)             # line 15
    v96:Void = setfield(v95, field0, v48)
    v97:Void = setfield(v95, field1, v47)
    v98:Signed = getfield(v95, field0)    # line 16
    v99:Signed = getfield(v95, field1)
    v100:Signed = int_add(v98, v99)       # line 17
    v101:*t10 = direct_call(@rpy_list_slice, v46, 1, 3, 23, 22, 8)
    v102:Signed = getfield(v101, field0)
    v103:Signed = int_add(v100, v102)
    goto block1(v103)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph ll_newrange(v3:Signed start, v4:Signed stop, v5:Signed step) at line 0
block0(v3:Signed, v4:Signed, v5:Signed):
    v6:Bool = int_eq(v5, 0)
    switch v6: 0 -> block3(v3, v4, v5), 1 -> block4()
block3(v7:Signed, v8:Signed, v9:Signed):
    v10:*t11 = malloc(type11)
    v11:Void = setfield(v10, field0, v7)
    v12:Void = setfield(v10, field1, v8)
    v13:Void = setfield(v10, field2, v9)
    goto block1(v10)
block1(v0:*t11) (return):
block4():
    v14:Void = direct_call(@rpy_raise, c"ValueError")
    goto block1(null)
block2(v1:Void, v2:Void) (except):

; func2
graph ll_next__ITER_RANGE(v3:*t12 it) at line 0
block0(v3:*t12):
    v5:Signed = getfield(v3, field0)
    v6:Signed = getfield(v3, field1)
    v7:Signed = getfield(v3, field2)
    v8:Bool = int_gt(v7, 0)
    switch v8: 0 -> block5(v3, v5, v6, v7), 1 -> block4(v3, v5, v6, v7)
block5(v13:*t12, v14:Signed, v15:Signed, v16:Signed):
    v21:Bool = int_gt(v14, v15)
    switch v21: 0 -> block3(), 1 -> block6(v13, v14, v16)
block3():
    v4:Void = direct_call(@rpy_raise, c"StopIteration")
    goto block1(0)
block1(v0:Signed) (return):
block6(v17:*t12, v18:Signed, v19:Signed):
    v22:Signed = int_add(v18, v19)
    v23:Void = setfield(v17, field0, v22)
    goto block1(v18)
block4(v9:*t12, v10:Signed, v11:Signed, v12:Signed):
    v20:Bool = int_lt(v10, v11)
    switch v20: 0 -> block3(), 1 -> block6(v9, v10, v12)
block2(v1:Void, v2:Void) (except):

; func3
graph ll_append__LIST_Signed(v3:*t10 l, v4:Signed x) at line 0
block0(v3:*t10, v4:Signed):
    v5:Signed = getfield(v3, field0)
    v6:*t9 = getfield(v3, field1)
    v18:Bool = ptr_iszero(v6)
    switch v18: 0 -> block3(v3, v4, v5, v6), 1 -> block5(v3, v4, v5)
block3(v7:*t10, v8:Signed, v9:Signed, v10:*t9):
    v19:Signed = getarraysize(v10)
    v20:Bool = int_lt(v9, v19)
    switch v20: 0 -> block5(v7, v8, v9), 1 -> block4(v7, v8, v9, v10)
block5(v15:*t10, v16:Signed, v17:Signed):
    v24:Signed = int_add(v17, 1)
    v25:Void = direct_call(@rpy_list_resize, v15, v24, 22, 8)
    v26:*t9 = getfield(v15, field1)
    v27:Void = setarrayitem(v26, v17, v16)
    goto block1(void)
block1(v0:Void) (return):
block4(v11:*t10, v12:Signed, v13:Signed, v14:*t9):
    v21:Signed = int_add(v13, 1)
    v22:Void = setfield(v11, field0, v21)
    v23:Void = setarrayitem(v14, v13, v12)
    goto block1(void)
block2(v1:Void, v2:Void) (except):

; func4
graph ll_next__ITER_LIST_Signed(v3:*t13 it) at line 0
block0(v3:*t13):
    v5:*t10 = getfield(v3, field0)
    v6:Signed = getfield(v3, field1)
    v7:Signed = getfield(v5, field0)
    v8:Bool = int_lt(v6, v7)
    switch v8: 0 -> block3(), 1 -> block4(v3, v5, v6)
block3():
    v4:Void = direct_call(@rpy_raise, c"StopIteration")
    goto block1(0)
block1(v0:Signed) (return):
block4(v9:*t13, v10:*t10, v11:Signed):
    v12:Signed = int_add(v11, 1)
    v13:Void = setfield(v9, field1, v12)
    v14:*t9 = getfield(v10, field1)
    v15:Signed = getarrayitem(v14, v11)
    goto block1(v15)
block2(v1:Void, v2:Void) (except):

; func5
graph ll_next__ITER_STR(v3:*t15 it) at line 0
block0(v3:*t15):
    v5:*t0 = getfield(v3, field0)
    v6:Signed = getfield(v3, field1)
    v7:Signed = getarraysize(v5)
    v8:Bool = int_lt(v6, v7)
    switch v8: 0 -> block3(), 1 -> block4(v3, v5, v6)
block3():
    v4:Void = direct_call(@rpy_raise, c"StopIteration")
    goto block1(0)
block1(v0:Char) (return):
block4(v9:*t15, v10:*t0, v11:Signed):
    v12:Signed = int_add(v11, 1)
    v13:Void = setfield(v9, field1, v12)
    v14:Char = getarrayitem(v10, v11)
    goto block1(v14)
block2(v1:Void, v2:Void) (except):

; func6
graph ll_list_find__ARRAY_Char(v3:*t16 l, v4:Char x, v5:Bool count) at line 0
block0(v3:*t16, v4:Char, v5:Bool):
    goto block3(v3, v4, v5, 0, 0)
block3(v6:*t16, v7:Char, v8:Bool, v9:Signed, v10:Signed):
    v28:Signed = getarraysize(v6)
    v29:Bool = int_lt(v9, v28)
    switch v29: 0 -> block7(v8, v10), 1 -> block4(v6, v7, v8, v9, v10)
block7(v26:Bool, v27:Signed):
    switch v26: 0 -> block1(-1), 1 -> block1(v27)
block1(v0:Signed) (return):
block4(v11:*t16, v12:Char, v13:Bool, v14:Signed, v15:Signed):
    v30:Char = getarrayitem(v11, v14)
    v31:Bool = int_eq(v30, v12)
    switch v31: 0 -> block6(v11, v12, v13, v14, v15), 1 -> block5(v11, v12, v13, v14, v15)
block6(v21:*t16, v22:Char, v23:Bool, v24:Signed, v25:Signed):
    v38:Signed = int_add(v24, 1)
    goto block3(v21, v22, v23, v38, v25)
block5(v16:*t16, v17:Char, v18:Bool, v19:Signed, v20:Signed):
    switch v18: 0 -> block1(v19), 1 -> block8(v16, v17, v18, v19, v20)
block8(v32:*t16, v33:Char, v34:Bool, v35:Signed, v36:Signed):
    v37:Signed = int_add(v36, 1)
    goto block6(v32, v33, v34, v35, v37)
block2(v1:Void, v2:Void) (except):

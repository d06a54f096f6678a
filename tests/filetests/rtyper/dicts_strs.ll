type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 vtable_BaseException (tid 16) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t2 BaseException (tid 17) = struct { typeptr: *vtable_BaseException }
type t3 vtable_Exception (tid 18) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t4 Exception (tid 19) = struct { typeptr: *vtable_BaseException }
type t5 vtable_StopIteration (tid 20) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t6 StopIteration (tid 21) = struct { typeptr: *vtable_BaseException }
type t7 ARRAY_STR (tid 2) = array [*STR]
type t8 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t9 DICT (tid 5) = struct { length: Signed, used: Signed, entries: Signed, index: Signed }
type t10 ITER_DICT (tid 22) = struct { seq: *DICT, index: Signed }
type t11 TUPLE_STR_Signed (tid 23) = struct { item0: *STR, item1: Signed }
type t12 builtin_exceptions (tid 24) = array [Signed]
prebuilt0: t0 = "BaseException"
prebuilt1: t1 = Struct { fields: [Int(0), Int(2), Prebuilt(PrebuiltId(0))], items: [] }
prebuilt2: t0 = "Exception"
prebuilt3: t3 = Struct { fields: [Int(1), Int(2), Prebuilt(PrebuiltId(2))], items: [] }
prebuilt4: t0 = "StopIteration"
prebuilt5: t5 = Struct { fields: [Int(2), Int(2), Prebuilt(PrebuiltId(4))], items: [] }
prebuilt6: t0 = "a"
prebuilt7: t0 = "b"
prebuilt8: t0 = "c"
prebuilt9: t0 = "x y"
prebuilt10: t0 = "-"
prebuilt11: t0 = ":"
prebuilt12: t0 = "x"
prebuilt13: t4 = Struct { fields: [Prebuilt(PrebuiltId(3))], items: [] }
prebuilt14: t6 = Struct { fields: [Prebuilt(PrebuiltId(5))], items: [] }
prebuilt15: t12 = Array([Prebuilt(PrebuiltId(3)), Prebuilt(PrebuiltId(13)), Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Prebuilt(PrebuiltId(5)), Prebuilt(PrebuiltId(14)), Null, Null])

; func0 (entry)
graph dicts_strs.entry_point(v3:*t8 argv) at line 3
block0(v3:*t8):
    v26:*t9 = direct_call(@rpy_dict_new)  # line 4
    v27:Void = direct_call(@rpy_dict_setitem, v26, @prebuilt6, 1, 1)
    v28:Void = direct_call(@rpy_dict_setitem, v26, @prebuilt7, 2, 1)  # line 5
    v29:Signed = direct_call(@rpy_dict_get, v26, @prebuilt8, 0, 1)  # line 6
    v30:Signed = getfield(v26, field0)
    v31:Signed = int_add(v29, v30)
    v32:*t10 = malloc(type10)             # line 7
    v33:Void = setfield(v32, field0, v26)
    goto block3(v3, v26, v31, v32)
block3(v4:*t8, v5:*t9, v6:Signed, v7:*t10):
    v34:*t0 = direct_call(@func1, v7)     # line 7
    catch: ok -> block4(v4, v5, v6, v7, v34), @prebuilt5 -> [v35, v36] block5(v4, v5, v6)
block4(v8:*t8, v9:*t9, v10:Signed, v11:*t10, v12:*t0):
    v37:Signed = direct_call(@rpy_dict_getitem, v9, v12, 1)  # line 8
    v38:Signed = int_add(v10, v37)
    goto block3(v8, v9, v38, v11)
block5(v13:*t8, v14:*t9, v15:Signed):
    v39:*t0 = same_as(@prebuilt9)         # line 9
    v40:*t8 = direct_call(@rpy_str_split, v39, null, -1, 0)
    v41:*t0 = same_as(@prebuilt10)        # line 10
    v42:*t0 = direct_call(@rpy_str_join, v41, v40, 8)
    v43:*t11 = malloc(type11)
    v44:Void = setfield(v43, field0, v42)
    v45:Void = setfield(v43, field1, v15)
    v46:*t0 = getfield(v43, field0)
    v47:Signed = getfield(v43, field1)
    v48:*t0 = direct_call(@rpy_str_concat, v46, @prebuilt11)
    v49:*t0 = direct_call(@rpy_int_to_str, v47)
    v50:*t0 = direct_call(@rpy_str_concat, v48, v49)
    v51:Signed = direct_call(@rpy_str_find, v50, @prebuilt12, 0, 9223372036854775807, 0)  # line 11
    v52:Bool = int_ge(v51, 0)
    switch v52: 0 -> block1(0), 1 -> block6(v13, v14, v15, v40, v50)
block1(v0:Signed) (return):
block6(v16:*t8, v17:*t9, v18:Signed, v19:*t8, v20:*t0):
    v53:Signed = direct_call(@rpy_str_startswith, v20, @prebuilt12, 0)  # line 11
    v54:Bool = int_is_true(v53)
    switch v54: 0 -> block1(0), 1 -> block7(v16, v17, v18, v19, v20)
block7(v21:*t8, v22:*t9, v23:Signed, v24:*t8, v25:*t0):
    v55:*t0 = direct_call(@rpy_str_case, v25, 1)  # line 12
    v56:Signed = getarraysize(v55)
    goto block1(v56)
block2(v1:Void, v2:Void) (except):

; func1
graph ll_next__ITER_DICT_STR(v3:*t10 it) at line 0
block0(v3:*t10):
    v5:*t9 = getfield(v3, field0)
    v6:Signed = getfield(v3, field1)
    v7:Signed = direct_call(@rpy_dict_next, v5, v6)
    v8:Bool = int_ge(v7, 0)
    switch v8: 0 -> block3(), 1 -> block4(v3, v5, v7)
block3():
    v4:Void = direct_call(@rpy_raise, c"StopIteration")
    goto block1(null)
block1(v0:*t0) (return):
block4(v9:*t10, v10:*t9, v11:Signed):
    v12:Signed = int_add(v11, 1)
    v13:Void = setfield(v9, field1, v12)
    v14:*t0 = direct_call(@rpy_dict_key_at, v10, v11)
    goto block1(v14)
block2(v1:Void, v2:Void) (except):

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
    v32:*t9 = direct_call(@rpy_dict_new)  # line 4
    v33:Void = direct_call(@rpy_dict_setitem, v32, @prebuilt6, 1, 1)
    v34:Void = direct_call(@rpy_dict_setitem, v32, @prebuilt7, 2, 1)  # line 5
    v35:Signed = direct_call(@rpy_dict_get, v32, @prebuilt8, 0, 1)  # line 6
    v36:Signed = getfield(v32, field0)
    v37:Signed = int_add(v35, v36)
    v38:*t10 = malloc(type10)             # line 7
    v39:Void = setfield(v38, field0, v32)
    goto block3(v3, v32, v37, v38)
block3(v4:*t8, v5:*t9, v6:Signed, v7:*t10):
    v40:*t0 = direct_call(@func1, v7)     # line 7
    catch: ok -> block4(v4, v5, v6, v7, v40), @prebuilt5 -> [v41, v42] block5(v4, v5, v6)
block4(v8:*t8, v9:*t9, v10:Signed, v11:*t10, v12:*t0):
    v43:Signed = direct_call(@rpy_dict_getitem, v9, v12, 1)  # line 8
    v44:Signed = int_add(v10, v43)
    goto block3(v8, v9, v44, v11)
block5(v13:*t8, v14:*t9, v15:Signed):
    v45:*t0 = same_as(@prebuilt9)         # line 9
    v46:*t8 = direct_call(@rpy_str_split, v45, null, -1, 0)
    v47:*t0 = same_as(@prebuilt10)        # line 10
    v48:*t0 = direct_call(@rpy_str_join, v47, v46, 8)
    v49:*t11 = malloc(type11)
    v50:Void = setfield(v49, field0, v48)
    v51:Void = setfield(v49, field1, v15)
    v52:*t0 = getfield(v49, field0)
    v53:Signed = getfield(v49, field1)
    v54:*t0 = direct_call(@rpy_str_concat, v52, @prebuilt11)
    v55:*t0 = direct_call(@rpy_int_to_str, v53)
    v56:*t0 = direct_call(@rpy_str_concat, v54, v55)
    v57:Signed = direct_call(@rpy_str_find, v56, @prebuilt12, 0, 9223372036854775807, 0)  # line 11
    v58:Bool = int_ge(v57, 0)
    switch v58: 0 -> block7(v13, v14, v15, v46, v56, v58), 1 -> block6(v13, v14, v15, v46, v56)
block7(v21:*t8, v22:*t9, v23:Signed, v24:*t8, v25:*t0, v26:Bool):
    switch v26: 0 -> block1(0), 1 -> block8(v21, v22, v23, v24, v25)
block1(v0:Signed) (return):
block8(v27:*t8, v28:*t9, v29:Signed, v30:*t8, v31:*t0):
    v61:*t0 = direct_call(@rpy_str_case, v31, 1)  # line 12
    v62:Signed = getarraysize(v61)
    goto block1(v62)
block6(v16:*t8, v17:*t9, v18:Signed, v19:*t8, v20:*t0):
    v59:Signed = direct_call(@rpy_str_startswith, v20, @prebuilt12, 0)  # line 11
    v60:Bool = int_is_true(v59)
    goto block7(v16, v17, v18, v19, v20, v60)
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

type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 vtable_BaseException (tid 16) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t2 BaseException (tid 17) = struct { typeptr: *vtable_BaseException }
type t3 vtable_Exception (tid 18) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t4 Exception (tid 19) = struct { typeptr: *vtable_BaseException }
type t5 vtable_StopIteration (tid 20) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t6 StopIteration (tid 21) = struct { typeptr: *vtable_BaseException }
type t7 ARRAY_STR (tid 2) = array [*STR]
type t8 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t9 DICT_ENTRIES (tid 8) = array [{ key: Signed, value: Signed, live: Signed }]
type t10 WORDS (tid 4) = array [Signed]
type t11 DICT (tid 5) = struct { length: Signed, used: Signed, entries: *DICT_ENTRIES, index: *WORDS, entries_tid: Signed }
type t12 ITER_DICT (tid 22) = struct { seq: *DICT, index: Signed }
type t13 TUPLE_STR_Signed (tid 23) = struct { item0: *STR, item1: Signed }
type t14 builtin_exceptions (tid 24) = array [Signed]
prebuilt0: t0 = "BaseException"
prebuilt1: t1 = Struct { fields: [Int(0), Int(2), Prebuilt(PrebuiltId(0))], items: [] }
prebuilt2: t0 = "Exception"
prebuilt3: t3 = Struct { fields: [Int(1), Int(2), Prebuilt(PrebuiltId(2))], items: [] }
prebuilt4: t0 = "StopIteration"
prebuilt5: t5 = Struct { fields: [Int(2), Int(2), Prebuilt(PrebuiltId(4))], items: [] }
prebuilt6: t0 = "x y"
prebuilt7: t0 = "-"
prebuilt8: t0 = ":"
prebuilt9: t0 = "x"
prebuilt10: t4 = Struct { fields: [Prebuilt(PrebuiltId(3))], items: [] }
prebuilt11: t6 = Struct { fields: [Prebuilt(PrebuiltId(5))], items: [] }
prebuilt12: t14 = Array([Prebuilt(PrebuiltId(3)), Prebuilt(PrebuiltId(10)), Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Null, Prebuilt(PrebuiltId(5)), Prebuilt(PrebuiltId(11)), Null, Null, Null, Null, Null, Null])

; func0 (entry)
graph dicts_strs.entry_point(v3:*t8 argv) at line 3
block0(v3:*t8):
    v26:*t11 = direct_call(@rpy_dict_new, 8)  # line 4
    v27:Signed = cast_char_to_int(97)
    v28:Void = direct_call(@rpy_dict_setitem, v26, v27, 1, 0)
    v29:Signed = cast_char_to_int(98)     # line 5
    v30:Void = direct_call(@rpy_dict_setitem, v26, v29, 2, 0)
    v31:Signed = cast_char_to_int(99)     # line 6
    v32:Signed = direct_call(@rpy_dict_get, v26, v31, 0, 0)
    v33:Signed = getfield(v26, field0)
    v34:Signed = int_add(v32, v33)
    v35:*t12 = malloc(type12)             # line 7
    v36:Void = setfield(v35, field0, v26)
    goto block3(v3, v26, v34, v35)
block3(v4:*t8, v5:*t11, v6:Signed, v7:*t12):
    v37:Char = direct_call(@func1, v7)    # line 7
    catch: ok -> block4(v4, v5, v6, v7, v37), @prebuilt5 -> [v38, v39] block5(v4, v5, v6)
block4(v8:*t8, v9:*t11, v10:Signed, v11:*t12, v12:Char):
    v40:Signed = cast_char_to_int(v12)    # line 8
    v41:Signed = direct_call(@rpy_dict_getitem, v9, v40, 0)
    v42:Signed = int_add(v10, v41)
    goto block3(v8, v9, v42, v11)
block5(v13:*t8, v14:*t11, v15:Signed):
    v43:*t0 = same_as(@prebuilt6)         # line 9
    v44:*t7 = direct_call(@rpy_str_split, v43, null, -1, 0, 0)
    v45:*t0 = same_as(@prebuilt7)         # line 10
    v46:*t0 = direct_call(@rpy_str_join, v45, v44, 8)
    v47:*t13 = malloc(type13)
    v48:Void = setfield(v47, field0, v46)
    v49:Void = setfield(v47, field1, v15)
    v50:*t0 = getfield(v47, field0)
    v51:Signed = getfield(v47, field1)
    v52:*t0 = direct_call(@rpy_str_concat, v50, @prebuilt8)
    v53:*t0 = direct_call(@rpy_int_to_str, v51)
    v54:*t0 = direct_call(@rpy_str_concat, v52, v53)
    v55:Signed = direct_call(@rpy_str_find, v54, @prebuilt9, 0, 9223372036854775807, 0)  # line 11
    v56:Bool = int_ge(v55, 0)
    switch v56: 0 -> block1(0), 1 -> block6(v13, v14, v15, v44, v54)
block1(v0:Signed) (return):
block6(v16:*t8, v17:*t11, v18:Signed, v19:*t7, v20:*t0):
    v57:Signed = direct_call(@rpy_str_startswith, v20, @prebuilt9, 0)  # line 11
    v58:Bool = int_is_true(v57)
    switch v58: 0 -> block1(0), 1 -> block7(v16, v17, v18, v19, v20)
block7(v21:*t8, v22:*t11, v23:Signed, v24:*t7, v25:*t0):
    v59:*t0 = direct_call(@rpy_str_case, v25, 1)  # line 12
    v60:Signed = getarraysize(v59)
    goto block1(v60)
block2(v1:Void, v2:Void) (except):

; func1
graph ll_next__ITER_DICT_Char(v3:*t12 it) at line 0
block0(v3:*t12):
    v5:*t11 = getfield(v3, field0)
    v6:Signed = getfield(v3, field1)
    v7:Signed = direct_call(@rpy_dict_next, v5, v6)
    v8:Bool = int_ge(v7, 0)
    switch v8: 0 -> block3(), 1 -> block4(v3, v5, v7)
block3():
    v4:Void = direct_call(@rpy_raise, c"StopIteration")
    goto block1(0)
block1(v0:Char) (return):
block4(v9:*t12, v10:*t11, v11:Signed):
    v12:Signed = int_add(v11, 1)
    v13:Void = setfield(v9, field1, v12)
    v14:Char = direct_call(@rpy_dict_key_at, v10, v11)
    goto block1(v14)
block2(v1:Void, v2:Void) (except):

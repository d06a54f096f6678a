type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 vtable_BaseException (tid 16) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t2 BaseException (tid 17) = struct { typeptr: *vtable_BaseException }
type t3 vtable_Exception (tid 18) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t4 Exception (tid 19) = struct { typeptr: *vtable_BaseException }
type t5 vtable_StopIteration (tid 20) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t6 StopIteration (tid 21) = struct { typeptr: *vtable_BaseException }
type t7 vtable_StandardError (tid 22) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t8 StandardError (tid 23) = struct { typeptr: *vtable_BaseException }
type t9 vtable_ArithmeticError (tid 24) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t10 ArithmeticError (tid 25) = struct { typeptr: *vtable_BaseException }
type t11 vtable_OverflowError (tid 26) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t12 OverflowError (tid 27) = struct { typeptr: *vtable_BaseException }
type t13 vtable_ZeroDivisionError (tid 28) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t14 ZeroDivisionError (tid 29) = struct { typeptr: *vtable_BaseException }
type t15 vtable_AssertionError (tid 30) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t16 AssertionError (tid 31) = struct { typeptr: *vtable_BaseException }
type t17 vtable_EnvironmentError (tid 32) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t18 EnvironmentError (tid 33) = struct { typeptr: *vtable_BaseException }
type t19 vtable_OSError (tid 34) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t20 OSError (tid 35) = struct { typeptr: *vtable_BaseException }
type t21 vtable_LookupError (tid 36) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t22 LookupError (tid 37) = struct { typeptr: *vtable_BaseException }
type t23 vtable_IndexError (tid 38) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t24 IndexError (tid 39) = struct { typeptr: *vtable_BaseException }
type t25 vtable_KeyError (tid 40) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t26 KeyError (tid 41) = struct { typeptr: *vtable_BaseException }
type t27 vtable_MemoryError (tid 42) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t28 MemoryError (tid 43) = struct { typeptr: *vtable_BaseException }
type t29 vtable_RuntimeError (tid 44) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t30 RuntimeError (tid 45) = struct { typeptr: *vtable_BaseException }
type t31 vtable_NotImplementedError (tid 46) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t32 NotImplementedError (tid 47) = struct { typeptr: *vtable_BaseException }
type t33 vtable_TypeError (tid 48) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t34 TypeError (tid 49) = struct { typeptr: *vtable_BaseException }
type t35 vtable_ValueError (tid 50) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t36 ValueError (tid 51) = struct { typeptr: *vtable_BaseException }
type t37 vtable_UnicodeError (tid 52) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t38 UnicodeError (tid 53) = struct { typeptr: *vtable_BaseException }
type t39 vtable_UnicodeDecodeError (tid 54) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t40 UnicodeDecodeError (tid 55) = struct { typeptr: *vtable_BaseException }
type t41 vtable_UnicodeEncodeError (tid 56) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t42 UnicodeEncodeError (tid 57) = struct { typeptr: *vtable_BaseException }
type t43 vtable_MyError (tid 58) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR }
type t44 MyError (tid 59) = struct { typeptr: *vtable_BaseException, code: Signed }
type t45 ARRAY_STR (tid 2) = array [*STR]
type t46 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
type t47 ARRAY_Signed (tid 60) = array [Signed]
type t48 LIST_Signed (tid 61) = struct { length: Signed, items: *ARRAY_Signed }
type t49 builtin_exceptions (tid 62) = array [Signed]
prebuilt0: t0 = "BaseException"
prebuilt1: t1 = Struct { fields: [Int(0), Int(21), Prebuilt(PrebuiltId(0))], items: [] }
prebuilt2: t0 = "Exception"
prebuilt3: t3 = Struct { fields: [Int(1), Int(21), Prebuilt(PrebuiltId(2))], items: [] }
prebuilt4: t0 = "StopIteration"
prebuilt5: t5 = Struct { fields: [Int(2), Int(2), Prebuilt(PrebuiltId(4))], items: [] }
prebuilt6: t0 = "StandardError"
prebuilt7: t7 = Struct { fields: [Int(3), Int(20), Prebuilt(PrebuiltId(6))], items: [] }
prebuilt8: t0 = "ArithmeticError"
prebuilt9: t9 = Struct { fields: [Int(4), Int(6), Prebuilt(PrebuiltId(8))], items: [] }
prebuilt10: t0 = "OverflowError"
prebuilt11: t11 = Struct { fields: [Int(5), Int(5), Prebuilt(PrebuiltId(10))], items: [] }
prebuilt12: t0 = "ZeroDivisionError"
prebuilt13: t13 = Struct { fields: [Int(6), Int(6), Prebuilt(PrebuiltId(12))], items: [] }
prebuilt14: t0 = "AssertionError"
prebuilt15: t15 = Struct { fields: [Int(7), Int(7), Prebuilt(PrebuiltId(14))], items: [] }
prebuilt16: t0 = "EnvironmentError"
prebuilt17: t17 = Struct { fields: [Int(8), Int(9), Prebuilt(PrebuiltId(16))], items: [] }
prebuilt18: t0 = "OSError"
prebuilt19: t19 = Struct { fields: [Int(9), Int(9), Prebuilt(PrebuiltId(18))], items: [] }
prebuilt20: t0 = "LookupError"
prebuilt21: t21 = Struct { fields: [Int(10), Int(12), Prebuilt(PrebuiltId(20))], items: [] }
prebuilt22: t0 = "IndexError"
prebuilt23: t23 = Struct { fields: [Int(11), Int(11), Prebuilt(PrebuiltId(22))], items: [] }
prebuilt24: t0 = "KeyError"
prebuilt25: t25 = Struct { fields: [Int(12), Int(12), Prebuilt(PrebuiltId(24))], items: [] }
prebuilt26: t0 = "MemoryError"
prebuilt27: t27 = Struct { fields: [Int(13), Int(13), Prebuilt(PrebuiltId(26))], items: [] }
prebuilt28: t0 = "RuntimeError"
prebuilt29: t29 = Struct { fields: [Int(14), Int(15), Prebuilt(PrebuiltId(28))], items: [] }
prebuilt30: t0 = "NotImplementedError"
prebuilt31: t31 = Struct { fields: [Int(15), Int(15), Prebuilt(PrebuiltId(30))], items: [] }
prebuilt32: t0 = "TypeError"
prebuilt33: t33 = Struct { fields: [Int(16), Int(16), Prebuilt(PrebuiltId(32))], items: [] }
prebuilt34: t0 = "ValueError"
prebuilt35: t35 = Struct { fields: [Int(17), Int(20), Prebuilt(PrebuiltId(34))], items: [] }
prebuilt36: t0 = "UnicodeError"
prebuilt37: t37 = Struct { fields: [Int(18), Int(20), Prebuilt(PrebuiltId(36))], items: [] }
prebuilt38: t0 = "UnicodeDecodeError"
prebuilt39: t39 = Struct { fields: [Int(19), Int(19), Prebuilt(PrebuiltId(38))], items: [] }
prebuilt40: t0 = "UnicodeEncodeError"
prebuilt41: t41 = Struct { fields: [Int(20), Int(20), Prebuilt(PrebuiltId(40))], items: [] }
prebuilt42: t0 = "MyError"
prebuilt43: t43 = Struct { fields: [Int(21), Int(21), Prebuilt(PrebuiltId(42))], items: [] }
prebuilt44: t4 = Struct { fields: [Prebuilt(PrebuiltId(3))], items: [] }
prebuilt45: t36 = Struct { fields: [Prebuilt(PrebuiltId(35))], items: [] }
prebuilt46: t24 = Struct { fields: [Prebuilt(PrebuiltId(23))], items: [] }
prebuilt47: t26 = Struct { fields: [Prebuilt(PrebuiltId(25))], items: [] }
prebuilt48: t14 = Struct { fields: [Prebuilt(PrebuiltId(13))], items: [] }
prebuilt49: t12 = Struct { fields: [Prebuilt(PrebuiltId(11))], items: [] }
prebuilt50: t20 = Struct { fields: [Prebuilt(PrebuiltId(19))], items: [] }
prebuilt51: t30 = Struct { fields: [Prebuilt(PrebuiltId(29))], items: [] }
prebuilt52: t28 = Struct { fields: [Prebuilt(PrebuiltId(27))], items: [] }
prebuilt53: t16 = Struct { fields: [Prebuilt(PrebuiltId(15))], items: [] }
prebuilt54: t34 = Struct { fields: [Prebuilt(PrebuiltId(33))], items: [] }
prebuilt55: t6 = Struct { fields: [Prebuilt(PrebuiltId(5))], items: [] }
prebuilt56: t32 = Struct { fields: [Prebuilt(PrebuiltId(31))], items: [] }
prebuilt57: t42 = Struct { fields: [Prebuilt(PrebuiltId(41))], items: [] }
prebuilt58: t40 = Struct { fields: [Prebuilt(PrebuiltId(39))], items: [] }
prebuilt59: t49 = Array([Prebuilt(PrebuiltId(3)), Prebuilt(PrebuiltId(44)), Prebuilt(PrebuiltId(35)), Prebuilt(PrebuiltId(45)), Prebuilt(PrebuiltId(23)), Prebuilt(PrebuiltId(46)), Prebuilt(PrebuiltId(25)), Prebuilt(PrebuiltId(47)), Prebuilt(PrebuiltId(13)), Prebuilt(PrebuiltId(48)), Prebuilt(PrebuiltId(11)), Prebuilt(PrebuiltId(49)), Prebuilt(PrebuiltId(19)), Prebuilt(PrebuiltId(50)), Prebuilt(PrebuiltId(29)), Prebuilt(PrebuiltId(51)), Prebuilt(PrebuiltId(27)), Prebuilt(PrebuiltId(52)), Prebuilt(PrebuiltId(15)), Prebuilt(PrebuiltId(53)), Prebuilt(PrebuiltId(33)), Prebuilt(PrebuiltId(54)), Prebuilt(PrebuiltId(5)), Prebuilt(PrebuiltId(55)), Prebuilt(PrebuiltId(31)), Prebuilt(PrebuiltId(56)), Prebuilt(PrebuiltId(41)), Prebuilt(PrebuiltId(57)), Prebuilt(PrebuiltId(39)), Prebuilt(PrebuiltId(58))])

; func0 (entry)
graph exceptions.entry_point(v3:*t46 argv) at line 15
block0(v3:*t46):
    v9:Signed = getfield(v3, field0)      # line 17
    catch: ok -> block3(v3, v9), @prebuilt43 -> [v10, v11] block4(v3, v10, v11), @prebuilt23 -> [v12, v13] block1(-1), null -> [v14, v15] block2(v14, v15)
block3(v4:*t46, v5:Signed):
    v16:Signed = direct_call(@func1, v5)  # line 17
    catch: ok -> block1(v16), @prebuilt43 -> [v17, v18] block4(v4, v17, v18), @prebuilt23 -> [v19, v20] block1(-1), null -> [v21, v22] block2(v21, v22)
block1(v0:Signed) (return):
block4(v6:*t46, v7:*t43, v8:*t44):
    v23:Signed = getfield(v8, field1)     # line 19
    goto block1(v23)
block2(v1:*t1, v2:*t2) (except):

; func1
graph exceptions.f(v3:Signed x) at line 8
block0(v3:Signed):
    v6:Bool = int_gt(v3, 3)               # line 9
    switch v6: 0 -> block4(v3), 1 -> block3(v3)
block4(v5:Signed):
    v10:*t47 = malloc_varsize(type47, 3)  # line 11
    v11:Void = setarrayitem(v10, 0, 1)
    v12:Void = setarrayitem(v10, 1, 2)
    v13:Void = setarrayitem(v10, 2, 3)
    v14:Signed = direct_call(@func3, v10, v5)  # line 12
    goto block1(v14)
block1(v0:Signed) (return):
block3(v4:Signed):
    v7:*t44 = malloc(type44)              # line 10
    v8:Void = setfield(v7, field0, @prebuilt43)
    v9:Void = direct_call(@func2, v7, v4)
    goto block2(@prebuilt43, v7)
block2(v1:*t43, v2:*t44) (except):

; func2
graph exceptions.MyError.__init__(v3:*t44 self, v4:Signed code) at line 4
block0(v3:*t44, v4:Signed):
    v5:Void = setfield(v3, field1, v4)    # line 5
    goto block1(void)
block1(v0:Void) (return):
block2(v1:Void, v2:Void) (except):

; func3
graph ll_getitem__ARRAY_Signed(v3:*t47 l, v4:Signed i) at line 0
block0(v3:*t47, v4:Signed):
    v5:Signed = getarraysize(v3)
    v6:Bool = int_lt(v4, 0)
    switch v6: 0 -> block4(v3, v4, v5), 1 -> block3(v3, v4, v5)
block4(v10:*t47, v11:Signed, v12:Signed):
    v14:Bool = uint_lt(v11, v12)
    switch v14: 0 -> block5(), 1 -> block6(v10, v11, v12)
block5():
    v19:Void = direct_call(@rpy_raise, c"IndexError")
    goto block1(0)
block1(v0:Signed) (return):
block6(v15:*t47, v16:Signed, v17:Signed):
    v18:Signed = getarrayitem(v15, v16)
    goto block1(v18)
block3(v7:*t47, v8:Signed, v9:Signed):
    v13:Signed = int_add(v8, v9)
    goto block4(v7, v13, v9)
block2(v1:Void, v2:Void) (except):

type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 vtable_Base (tid 16) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR, get: Signed }
type t2 Base (tid 17) = struct { typeptr: *vtable_Base, scale: Signed, x: Signed }
type t3 vtable_Left (tid 18) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR, get: Signed }
type t4 Left (tid 19) = struct { typeptr: *vtable_Base, scale: Signed, x: Signed }
type t5 vtable_Right (tid 20) = struct { subclassrange_min: Signed, subclassrange_max: Signed, name: *STR, get: Signed }
type t6 Right (tid 21) = struct { typeptr: *vtable_Base, scale: Signed, x: Signed }
type t7 ARRAY_STR (tid 2) = array [*STR]
type t8 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "Base"
prebuilt1: t1 = Struct { fields: [Int(0), Int(2), Prebuilt(PrebuiltId(0)), Func(FuncId(3))], items: [] }
prebuilt2: t0 = "Left"
prebuilt3: t3 = Struct { fields: [Int(1), Int(1), Prebuilt(PrebuiltId(2)), Func(FuncId(3))], items: [] }
prebuilt4: t0 = "Right"
prebuilt5: t5 = Struct { fields: [Int(2), Int(2), Prebuilt(PrebuiltId(4)), Func(FuncId(4))], items: [] }
prebuilt6: t4 = Struct { fields: [Prebuilt(PrebuiltId(3)), Int(2), Int(5)], items: [] }

; func0 (entry)
graph classes.entry_point(v3:*t8 argv) at line 35
block0(v3:*t8):
    v10:Signed = getfield(v3, field0)     # line 36
    v11:*t2 = direct_call(@func1, v10)
    v12:*t1 = getfield(v11, field0)       # line 37
    v13:Signed = getfield(v12, field3)
    v14:Signed = indirect_call(v13, v11)
    v15:Bool = direct_call(@func6, v11, 2, 2)  # line 38
    v16:*t6 = cast_pointer(v11)
    switch v15: 0 -> block4(v3, v11, v14), 1 -> block3(v3, v16, v14)
block4(v7:*t8, v8:*t2, v9:Signed):
    v20:*t4 = same_as(@prebuilt6)         # line 40
    v21:*t2 = cast_pointer(v20)
    v22:Signed = direct_call(@func3, v21)
    v23:Signed = int_add(v9, v22)
    goto block1(v23)
block1(v0:Signed) (return):
block3(v4:*t8, v5:*t6, v6:Signed):
    v17:Signed = direct_call(@func5, v5)  # line 39
    v18:Signed = int_add(v6, v17)
    v19:*t2 = cast_pointer(v5)
    goto block4(v4, v19, v18)
block2(v1:Void, v2:Void) (except):

; func1
graph classes.pick(v3:Signed n) at line 29
block0(v3:Signed):
    v6:Bool = int_is_true(v3)             # line 30
    switch v6: 0 -> block4(v3), 1 -> block3(v3)
block4(v5:Signed):
    v13:*t6 = malloc(type6)               # line 32
    v14:Void = setfield(v13, field0, @prebuilt5)
    v15:Void = setfield(v13, field1, 1)
    v16:*t2 = cast_pointer(v13)
    v17:Void = direct_call(@func2, v16, v5)
    v18:*t2 = cast_pointer(v13)
    goto block1(v18)
block1(v0:*t2) (return):
block3(v4:Signed):
    v7:*t4 = malloc(type4)                # line 31
    v8:Void = setfield(v7, field0, @prebuilt3)
    v9:Void = setfield(v7, field1, 2)
    v10:*t2 = cast_pointer(v7)
    v11:Void = direct_call(@func2, v10, v4)
    v12:*t2 = cast_pointer(v7)
    goto block1(v12)
block2(v1:Void, v2:Void) (except):

; func2
graph classes.Base.__init__(v3:*t2 self, v4:Signed x) at line 7
block0(v3:*t2, v4:Signed):
    v5:Void = setfield(v3, field2, v4)    # line 8
    goto block1(void)
block1(v0:Void) (return):
block2(v1:Void, v2:Void) (except):

; func3
graph classes.Base.get(v3:*t2 self) at line 10
block0(v3:*t2):
    v4:Signed = getfield(v3, field2)      # line 11
    v5:Signed = getfield(v3, field1)
    v6:Signed = int_mul(v4, v5)
    goto block1(v6)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func4
graph classes.Right.get(v3:*t6 self) at line 19
block0(v3:*t6):
    v4:Signed = getfield(v3, field2)      # line 20
    v5:Signed = int_neg(v4)
    goto block1(v5)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func5
graph classes.Right.extra(v3:*t6 self) at line 22
block0(v3:*t6):
    goto block1(7)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func6
graph ll_isinstance__Base(v3:*t2 p, v4:Signed min, v5:Signed max) at line 0
block0(v3:*t2, v4:Signed, v5:Signed):
    v6:Bool = ptr_nonzero(v3)
    switch v6: 0 -> block1(0), 1 -> block3(v3, v4, v5)
block1(v0:Bool) (return):
block3(v7:*t2, v8:Signed, v9:Signed):
    v10:*t1 = getfield(v7, field0)
    v11:Signed = getfield(v10, field0)
    v12:Bool = int_ge(v11, v8)
    switch v12: 0 -> block1(0), 1 -> block4(v11, v9)
block4(v13:Signed, v14:Signed):
    v15:Bool = int_le(v13, v14)
    goto block1(v15)
block2(v1:Void, v2:Void) (except):

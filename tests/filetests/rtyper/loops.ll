type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "else"

; func0 (entry)
graph loops.entry_point(v3:*t2 argv) at line 16
block0(v3:*t2):
    v10:Void = direct_call(@func1, 7)     # line 17
    goto block3(v3, 0)
block3(v4:*t2, v5:Signed):
    v11:Bool = int_lt(v5, 3)              # line 19
    switch v11: 0 -> block5(v4, v5), 1 -> block4(v4, v5)
block5(v8:*t2, v9:Signed):
    v13:Void = direct_call(@rpy_print_item, @prebuilt0)  # line 22
    v14:*t0 = direct_call(@rpy_int_to_str, v9)
    v15:Void = direct_call(@rpy_print_item, v14)
    v16:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block1(v0:Signed) (return):
block4(v6:*t2, v7:Signed):
    v12:Signed = int_add(v7, 1)           # line 20
    goto block3(v6, v12)
block2(v1:Void, v2:Void) (except):

; func1
graph loops.count(v3:Signed limit) at line 3
block0(v3:Signed):
    goto block3(v3, 0)
block3(v4:Signed, v5:Signed):
    v12:Signed = int_add(v5, 1)           # line 6
    v13:Signed = int_mod(v12, 2)          # line 7
    v14:Bool = int_eq(v13, 0)
    switch v14: 0 -> block4(v4, v12), 1 -> block3(v4, v12)
block4(v6:Signed, v7:Signed):
    v15:Bool = int_gt(v7, v6)             # line 9
    switch v15: 0 -> block6(v6, v7), 1 -> block5(v6, v7)
block6(v10:Signed, v11:Signed):
    v17:*t0 = direct_call(@rpy_int_to_str, v11)  # line 11
    v18:Void = direct_call(@rpy_print_item, v17)
    goto block3(v10, v11)
block5(v8:Signed, v9:Signed):
    v16:Void = direct_call(@rpy_print_newline)  # line 14
    goto block1(void)
block1(v0:Void) (return):
block2(v1:Void, v2:Void) (except):

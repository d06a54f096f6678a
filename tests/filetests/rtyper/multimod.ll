type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "hello from mathutil"

; func0 (entry)
graph multimod.entry_point(v3:*t2 argv) at line 5
block0(v3:*t2):
    v4:Void = direct_call(@rpy_print_item, @prebuilt0)  # line 6
    v5:Void = direct_call(@rpy_print_newline)
    v6:Signed = direct_call(@func1, 7)    # line 7
    v7:*t0 = direct_call(@rpy_int_to_str, v6)
    v8:Void = direct_call(@rpy_print_item, v7)
    v9:Signed = direct_call(@func2, 3)
    v10:*t0 = direct_call(@rpy_int_to_str, v9)
    v11:Void = direct_call(@rpy_print_item, v10)
    v12:Signed = int_add(99, 1)
    v13:*t0 = direct_call(@rpy_int_to_str, v12)
    v14:Void = direct_call(@rpy_print_item, v13)
    v15:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph mathutil.square(v3:Signed x) at line 4
block0(v3:Signed):
    v4:Signed = int_mul(v3, v3)           # line 5
    goto block1(v4)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph mathutil.cube(v3:Signed x) at line 7
block0(v3:Signed):
    v4:Signed = direct_call(@func1, v3)   # line 8
    v5:Signed = int_mul(v4, v3)
    goto block1(v5)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

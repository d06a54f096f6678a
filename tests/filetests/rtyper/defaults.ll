type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "world"
prebuilt1: t0 = "hello"
prebuilt2: t0 = "moon"
prebuilt3: t0 = "goodnight"

; func0 (entry)
graph defaults.entry_point(v3:*t2 argv) at line 9
block0(v3:*t2):
    v4:Signed = direct_call(@func1, 1, 2, 3)  # line 10
    v5:*t0 = direct_call(@rpy_int_to_str, v4)
    v6:Void = direct_call(@rpy_print_item, v5)
    v7:Signed = direct_call(@func1, 1, 2, 5)
    v8:*t0 = direct_call(@rpy_int_to_str, v7)
    v9:Void = direct_call(@rpy_print_item, v8)
    v10:Signed = direct_call(@func1, 4, 6, 3)
    v11:*t0 = direct_call(@rpy_int_to_str, v10)
    v12:Void = direct_call(@rpy_print_item, v11)
    v13:Void = direct_call(@rpy_print_newline)
    v14:Void = direct_call(@func2, @prebuilt0, @prebuilt1)  # line 11
    v15:Void = direct_call(@func2, @prebuilt2, @prebuilt3)  # line 12
    goto block1(0)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph defaults.box(v3:Signed width, v4:Signed height, v5:Signed depth) at line 3
block0(v3:Signed, v4:Signed, v5:Signed):
    v6:Signed = int_mul(v3, 100)          # line 4
    v7:Signed = int_mul(v4, 10)
    v8:Signed = int_add(v6, v7)
    v9:Signed = int_add(v8, v5)
    goto block1(v9)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func2
graph defaults.greet(v3:*t0 name, v4:*t0 greeting) at line 6
block0(v3:*t0, v4:*t0):
    v5:Void = direct_call(@rpy_print_item, v4)  # line 7
    v6:Void = direct_call(@rpy_print_item, v3)
    v7:Void = direct_call(@rpy_print_newline)
    goto block1(void)
block1(v0:Void) (return):
block2(v1:Void, v2:Void) (except):

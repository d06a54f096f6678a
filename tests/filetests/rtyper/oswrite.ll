type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }
prebuilt0: t0 = "hello\n"
prebuilt1: t0 = "done"
prebuilt2: t0 = "\n"

; func0 (entry)
graph oswrite.entry_point(v3:*t2 argv) at line 6
block0(v3:*t2):
    v4:Signed = direct_call(@rpy_os_write, 1, @prebuilt0)  # line 7
    v5:Void = direct_call(@func1, @prebuilt1)  # line 8
    v6:*t0 = direct_call(@rpy_int_to_str, v4)  # line 9
    v7:Void = direct_call(@rpy_print_item, v6)
    v8:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph oswrite.log(v3:*t0 msg) at line 3
block0(v3:*t0):
    v4:*t0 = direct_call(@rpy_str_concat, v3, @prebuilt2)  # line 4
    v5:Signed = direct_call(@rpy_os_write, 2, v4)
    goto block1(void)
block1(v0:Void) (return):
block2(v1:Void, v2:Void) (except):

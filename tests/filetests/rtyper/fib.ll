type t0 STR (tid 1) = struct { hash: Signed, [Char] }
type t1 ARRAY_STR (tid 2) = array [*STR]
type t2 LIST_STR (tid 3) = struct { length: Signed, items: *ARRAY_STR }

; func0 (entry)
graph fib.entry_point(v3:*t2 argv) at line 8
block0(v3:*t2):
    v4:Signed = direct_call(@func1, 10)   # line 9
    v5:*t0 = direct_call(@rpy_int_to_str, v4)
    v6:Void = direct_call(@rpy_print_item, v5)
    v7:Void = direct_call(@rpy_print_newline)
    goto block1(0)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

; func1
graph fib.fib(v3:Signed n) at line 3
block0(v3:Signed):
    v5:Bool = int_lt(v3, 2)               # line 4
    switch v5: 0 -> block3(v3), 1 -> block1(v3)
block3(v4:Signed):
    v6:Signed = int_sub(v4, 1)            # line 6
    v7:Signed = direct_call(@func1, v6)
    v8:Signed = int_sub(v4, 2)
    v9:Signed = direct_call(@func1, v8)
    v10:Signed = int_add(v7, v9)
    goto block1(v10)
block1(v0:Signed) (return):
block2(v1:Void, v2:Void) (except):

pyfn_loop_sum_to:  # loop.sum_to
  # prog.py:1
       0:  55                             push   rbp
       1:  48 89 e5                       mov    rbp,rsp
       4:  49 89 f8                       mov    r8,rdi
.L0:
  # block0
       7:  31 f6                          xor    esi,esi
       9:  31 ff                          xor    edi,edi
.L3:
  # block3
  # prog.py:3
       b:  4c 39 c6                       cmp    rsi,r8
       e:  0f 8d 11 00 00 00              jge    .L6
.L4:
  # block4
  # prog.py:4
      14:  4c 6b ce 03                    imul   r9,rsi,0x3
      18:  49 c1 f9 01                    sar    r9,0x1
      1c:  4c 01 cf                       add    rdi,r9
  # prog.py:5
      1f:  48 83 c6 01                    add    rsi,0x1
      23:  eb e6                          jmp    .L3
  # prog.py:3
.L6:
      25:  48 89 f8                       mov    rax,rdi
      28:  5d                             pop    rbp
      29:  c3                             ret

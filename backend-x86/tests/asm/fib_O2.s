pyfn_fib_entry_point:  # fib.entry_point (entry)
  # prog.py:1
       0:  55                             push   rbp
       1:  48 89 e5                       mov    rbp,rsp
       4:  53                             push   rbx
       5:  48 83 ec 08                    sub    rsp,0x8
.L0:
  # block0
  # prog.py:8
       9:  bf 1e 00 00 00                 mov    edi,0x1e
       e:  e8 00 00 00 00                 call   pyfn_fib_fib
      13:  48 89 c3                       mov    rbx,rax
  # prog.py:9
      16:  48 89 df                       mov    rdi,rbx
      19:  e8 00 00 00 00                 call   rpy_int_to_str@PLT
      1e:  48 89 c7                       mov    rdi,rax
      21:  48 83 3d 00 00 00 00 00        cmp    QWORD PTR [rip+rpy_exc_type],0x0
      29:  0f 85 30 00 00 00              jne    .L3
      2f:  e8 00 00 00 00                 call   rpy_print_item@PLT
      34:  48 83 3d 00 00 00 00 00        cmp    QWORD PTR [rip+rpy_exc_type],0x0
      3c:  0f 85 1d 00 00 00              jne    .L3
      42:  e8 00 00 00 00                 call   rpy_print_newline@PLT
      47:  48 83 3d 00 00 00 00 00        cmp    QWORD PTR [rip+rpy_exc_type],0x0
      4f:  0f 85 0a 00 00 00              jne    .L3
      55:  48 89 d8                       mov    rax,rbx
      58:  48 8d 65 f8                    lea    rsp,[rbp-0x8]
      5c:  5b                             pop    rbx
      5d:  5d                             pop    rbp
      5e:  c3                             ret
  # prog.py:1
.L3:
  # an exception is pending: note this frame, return 0
      5f:  48 8d 3d 00 00 00 00           lea    rdi,[rip+rodata+0xc]
      66:  e8 00 00 00 00                 call   rpy_traceback_record@PLT
      6b:  31 c0                          xor    eax,eax
      6d:  48 8d 65 f8                    lea    rsp,[rbp-0x8]
      71:  5b                             pop    rbx
      72:  5d                             pop    rbp
      73:  c3                             ret
pyfn_fib_fib:  # fib.fib
  # prog.py:3
       0:  55                             push   rbp
       1:  48 89 e5                       mov    rbp,rsp
       4:  53                             push   rbx
       5:  41 54                          push   r12
.L0:
  # block0
  # prog.py:4
       7:  48 83 ff 02                    cmp    rdi,0x2
       b:  0f 8c 2c 00 00 00              jl     .L5
      11:  48 89 fb                       mov    rbx,rdi
.L3:
  # block3
  # prog.py:5
      14:  48 89 df                       mov    rdi,rbx
      17:  48 83 ef 01                    sub    rdi,0x1
      1b:  e8 00 00 00 00                 call   pyfn_fib_fib
      20:  49 89 c4                       mov    r12,rax
      23:  48 89 df                       mov    rdi,rbx
      26:  48 83 ef 02                    sub    rdi,0x2
      2a:  e8 00 00 00 00                 call   pyfn_fib_fib
      2f:  48 89 c6                       mov    rsi,rax
      32:  4c 01 e6                       add    rsi,r12
      35:  48 89 f0                       mov    rax,rsi
      38:  41 5c                          pop    r12
      3a:  5b                             pop    rbx
      3b:  5d                             pop    rbp
      3c:  c3                             ret
  # prog.py:4
.L5:
      3d:  48 89 f8                       mov    rax,rdi
      40:  41 5c                          pop    r12
      42:  5b                             pop    rbx
      43:  5d                             pop    rbp
      44:  c3                             ret

pyfn_fib_fib:  # fib.fib
  # prog.py:3
       0:  55                             push   rbp
       1:  48 89 e5                       mov    rbp,rsp
       4:  48 83 ec 50                    sub    rsp,0x50
       8:  48 89 7d f8                    mov    QWORD PTR [rbp-0x8],rdi
.L0:
  # block0
  # prog.py:4
       c:  48 83 7d f8 02                 cmp    QWORD PTR [rbp-0x8],0x2
      11:  0f 9c c0                       setl   al
      14:  0f b6 c0                       movzx  eax,al
      17:  48 89 45 e8                    mov    QWORD PTR [rbp-0x18],rax
      1b:  48 83 7d e8 00                 cmp    QWORD PTR [rbp-0x18],0x0
      20:  0f 85 4f 00 00 00              jne    .L5
      26:  48 8b 45 f8                    mov    rax,QWORD PTR [rbp-0x8]
      2a:  48 89 45 e0                    mov    QWORD PTR [rbp-0x20],rax
.L3:
  # block3
  # prog.py:5
      2e:  48 8b 45 e0                    mov    rax,QWORD PTR [rbp-0x20]
      32:  48 83 e8 01                    sub    rax,0x1
      36:  48 89 45 d8                    mov    QWORD PTR [rbp-0x28],rax
      3a:  48 8b 7d d8                    mov    rdi,QWORD PTR [rbp-0x28]
      3e:  e8 00 00 00 00                 call   pyfn_fib_fib
      43:  48 89 45 d0                    mov    QWORD PTR [rbp-0x30],rax
      47:  48 8b 45 e0                    mov    rax,QWORD PTR [rbp-0x20]
      4b:  48 83 e8 02                    sub    rax,0x2
      4f:  48 89 45 c8                    mov    QWORD PTR [rbp-0x38],rax
      53:  48 8b 7d c8                    mov    rdi,QWORD PTR [rbp-0x38]
      57:  e8 00 00 00 00                 call   pyfn_fib_fib
      5c:  48 89 45 c0                    mov    QWORD PTR [rbp-0x40],rax
      60:  48 8b 45 d0                    mov    rax,QWORD PTR [rbp-0x30]
      64:  48 03 45 c0                    add    rax,QWORD PTR [rbp-0x40]
      68:  48 89 45 b8                    mov    QWORD PTR [rbp-0x48],rax
      6c:  48 8b 45 b8                    mov    rax,QWORD PTR [rbp-0x48]
      70:  48 89 ec                       mov    rsp,rbp
      73:  5d                             pop    rbp
      74:  c3                             ret
  # prog.py:4
.L5:
      75:  48 8b 45 f8                    mov    rax,QWORD PTR [rbp-0x8]
      79:  48 89 ec                       mov    rsp,rbp
      7c:  5d                             pop    rbp
      7d:  c3                             ret

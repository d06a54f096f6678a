//! End-to-end tests: hand-built low-level programs compiled, linked with the
//! runtime and run at opt levels 0 and 2.

mod common;

use common::*;
use lltype::LlType::{Bool, Char, Float, Ptr, Signed, UniChar, Void};
use lltype::*;

/// fib(n) = n if n < 2 else fib(n - 1) + fib(n - 2)
pub fn fib_program() -> LlProgram {
    let mut p = Prog::new();
    let entry = p.reserve();
    let fib_id = p.reserve();
    let (mut f, args) = Fn::new("fib.fib", &[Signed], Signed, 3);
    let n = args[0];
    let s = f.start();
    let small = f.op(s, LlOp::IntLt, vec![v(n), c(2)], Bool);
    let (rec, rargs) = f.block(&[Signed]);
    let r = f.g.returnblock;
    f.branch(s, small, (r, vec![v(n)]), (rec, vec![v(n)]));
    f.line = 5;
    let m = rargs[0];
    let a = f.op(rec, LlOp::IntSub, vec![v(m), c(1)], Signed);
    let fa = f.call(rec, func(fib_id), vec![v(a)], Signed);
    let b = f.op(rec, LlOp::IntSub, vec![v(m), c(2)], Signed);
    let fb = f.call(rec, func(fib_id), vec![v(b)], Signed);
    let sum = f.op(rec, LlOp::IntAdd, vec![v(fa), v(fb)], Signed);
    f.ret(rec, v(sum));
    p.set(fib_id, f);

    let (mut e, _argv) = p.entry("fib.entry_point");
    let s = e.start();
    e.line = 8;
    let x = e.call(s, func(fib_id), vec![c(30)], Signed);
    e.line = 9;
    e.print_int(s, v(x));
    e.line = 10;
    e.ret(s, v(x));
    p.set(entry, e);
    p.p
}

#[test]
fn fib_recursive() {
    // 832040 % 256 == 40
    check(&fib_program(), "fib", &[], "832040\n", 40);
}

#[test]
fn loops_with_swapping_block_args() {
    let mut p = Prog::new();
    let (mut e, _) = p.entry("loops.main");
    let s = e.start();
    // Iterative fib: loop(i, a, b) -> loop(i - 1, b, a + b).
    let (head, h) = e.block(&[Signed, Signed, Signed]);
    e.goto(s, head, vec![c(50), c(0), c(1)]);
    let done = e.op(head, LlOp::IntLe, vec![v(h[0]), c(0)], Bool);
    let (body, bv) = e.block(&[Signed, Signed, Signed]);
    let (out, ov) = e.block(&[Signed]);
    e.branch(
        head,
        done,
        (out, vec![v(h[1])]),
        (body, vec![v(h[0]), v(h[1]), v(h[2])]),
    );
    let i1 = e.op(body, LlOp::IntSub, vec![v(bv[0]), c(1)], Signed);
    let ab = e.op(body, LlOp::IntAdd, vec![v(bv[1]), v(bv[2])], Signed);
    e.goto(body, head, vec![v(i1), v(bv[2]), v(ab)]);
    e.print_int(out, v(ov[0]));
    // A pure rotation of three values, 7 times: (a, b, c) -> (b, c, a).
    let (rot, rv) = e.block(&[Signed, Signed, Signed, Signed]);
    e.goto(out, rot, vec![c(7), c(1), c(2), c(3)]);
    let more = e.op(rot, LlOp::IntGt, vec![v(rv[0]), c(0)], Bool);
    let (step, sv) = e.block(&[Signed, Signed, Signed, Signed]);
    let (fin, fv) = e.block(&[Signed, Signed, Signed]);
    e.branch(
        rot,
        more,
        (step, vec![v(rv[0]), v(rv[1]), v(rv[2]), v(rv[3])]),
        (fin, vec![v(rv[1]), v(rv[2]), v(rv[3])]),
    );
    let n1 = e.op(step, LlOp::IntSub, vec![v(sv[0]), c(1)], Signed);
    e.goto(step, rot, vec![v(n1), v(sv[2]), v(sv[3]), v(sv[1])]);
    let t = e.op(fin, LlOp::IntMul, vec![v(fv[0]), c(100)], Signed);
    let u = e.op(fin, LlOp::IntMul, vec![v(fv[1]), c(10)], Signed);
    let w = e.op(fin, LlOp::IntAdd, vec![v(t), v(u)], Signed);
    let w = e.op(fin, LlOp::IntAdd, vec![v(w), v(fv[2])], Signed);
    e.print_int(fin, v(w));
    // Swap two values through a block taking them in the other order, n times.
    let (sw, swv) = e.block(&[Signed, Signed, Signed]);
    e.goto(fin, sw, vec![c(5), c(10), c(20)]);
    let go = e.op(sw, LlOp::IntNe, vec![v(swv[0]), c(0)], Bool);
    let (sw2, s2) = e.block(&[Signed, Signed, Signed]);
    let (end, endv) = e.block(&[Signed, Signed]);
    e.branch(
        sw,
        go,
        (sw2, vec![v(swv[0]), v(swv[1]), v(swv[2])]),
        (end, vec![v(swv[1]), v(swv[2])]),
    );
    let n2 = e.op(sw2, LlOp::IntSub, vec![v(s2[0]), c(1)], Signed);
    e.goto(sw2, sw, vec![v(n2), v(s2[2]), v(s2[1])]);
    e.print_int(end, v(endv[0]));
    e.print_int(end, v(endv[1]));
    e.ret(end, c(0));
    p.add(e);
    // fib(50) = 12586269025; 7 rotations of (1,2,3) = (2,3,1); 5 swaps of (10,20) = (20,10).
    check(&p.p, "loops", &[], "12586269025\n231\n20\n10\n", 0);
}

/// Python semantics of each binary int op, for the expected output.
fn py_binop(op: LlOp, x: i64, y: i64) -> i64 {
    match op {
        LlOp::IntAdd => x.wrapping_add(y),
        LlOp::IntSub => x.wrapping_sub(y),
        LlOp::IntMul => x.wrapping_mul(y),
        LlOp::IntFloorDiv => {
            let (q, r) = (x.wrapping_div(y), x.wrapping_rem(y));
            if r != 0 && (r < 0) != (y < 0) {
                q - 1
            } else {
                q
            }
        }
        LlOp::IntMod => {
            let r = x.wrapping_rem(y);
            if r != 0 && (r < 0) != (y < 0) {
                r + y
            } else {
                r
            }
        }
        LlOp::IntLShift => x.wrapping_shl(y as u32),
        LlOp::IntRShift => x >> y,
        LlOp::IntAnd => x & y,
        LlOp::IntOr => x | y,
        LlOp::IntXor => x ^ y,
        LlOp::IntLt => (x < y) as i64,
        LlOp::IntLe => (x <= y) as i64,
        LlOp::IntEq => (x == y) as i64,
        LlOp::IntNe => (x != y) as i64,
        LlOp::IntGt => (x > y) as i64,
        LlOp::IntGe => (x >= y) as i64,
        _ => unreachable!(),
    }
}

/// Every int op on variables and constants; returns the program and its expected output.
fn int_ops_program() -> (LlProgram, String) {
    let binops = [
        LlOp::IntAdd,
        LlOp::IntSub,
        LlOp::IntMul,
        LlOp::IntFloorDiv,
        LlOp::IntMod,
        LlOp::IntLShift,
        LlOp::IntRShift,
        LlOp::IntAnd,
        LlOp::IntOr,
        LlOp::IntXor,
        LlOp::IntLt,
        LlOp::IntLe,
        LlOp::IntEq,
        LlOp::IntNe,
        LlOp::IntGt,
        LlOp::IntGe,
    ];
    let xs = [
        0i64,
        1,
        -1,
        7,
        -7,
        100,
        -100,
        12345678901,
        i64::MAX,
        i64::MIN,
    ];
    let ys = [
        1i64,
        -1,
        2,
        -2,
        3,
        -3,
        7,
        -7,
        8,
        64,
        1000000007,
        -4294967296,
        i64::MAX,
        i64::MIN,
    ];
    let shift_ys = [0i64, 1, 3, 31, 32, 63];
    let mut p = Prog::new();
    let entry = p.reserve();
    let mut expected = String::new();
    let (mut e, _) = p.entry("ops.main");
    let s = e.start();
    for op in binops {
        let is_cmp = matches!(
            op,
            LlOp::IntLt | LlOp::IntLe | LlOp::IntEq | LlOp::IntNe | LlOp::IntGt | LlOp::IntGe
        );
        let ret = if is_cmp { Bool } else { Signed };
        // f(x, y): both operands variables.
        let (mut f, a) = Fn::new(&format!("ops.{}", op), &[Signed, Signed], ret, 1);
        let fs = f.start();
        let r = f.op(fs, op, vec![v(a[0]), v(a[1])], ret);
        f.ret(fs, v(r));
        let fid = p.add(f);
        let shifts = matches!(op, LlOp::IntLShift | LlOp::IntRShift);
        let ys: &[i64] = if shifts { &shift_ys } else { &ys };
        for &y in ys {
            // g(x): y as a constant operand (immediates, strength reduction).
            let (mut g, ga) = Fn::new(&format!("ops.{}_by_{}", op, y), &[Signed], ret, 1);
            let gs = g.start();
            let r = g.op(gs, op, vec![v(ga[0]), c(y)], ret);
            g.ret(gs, v(r));
            let gid = p.add(g);
            for &x in &xs {
                let want = py_binop(op, x, y);
                let r1 = e.call(s, func(fid), vec![c(x), c(y)], ret);
                let r2 = e.call(s, func(gid), vec![c(x)], ret);
                // And x as a constant, y computed.
                let yv = e.op(s, LlOp::SameAs, vec![c(y)], Signed);
                let r3 = e.op(s, op, vec![c(x), v(yv)], ret);
                for r in [r1, r2, r3] {
                    let ri = if is_cmp {
                        e.op(s, LlOp::CastBoolToInt, vec![v(r)], Signed)
                    } else {
                        r
                    };
                    e.print_int(s, v(ri));
                    expected.push_str(&format!("{}\n", want));
                }
            }
        }
    }
    // Unary operations.
    for &x in &xs {
        let xv = e.op(s, LlOp::SameAs, vec![c(x)], Signed);
        let neg = e.op(s, LlOp::IntNeg, vec![v(xv)], Signed);
        let inv = e.op(s, LlOp::IntInvert, vec![v(xv)], Signed);
        let t = e.op(s, LlOp::IntIsTrue, vec![v(xv)], Bool);
        let nt = e.op(s, LlOp::BoolNot, vec![v(t)], Bool);
        let ch = e.op(s, LlOp::CastIntToChar, vec![v(xv)], Char);
        let ti = e.op(s, LlOp::CastBoolToInt, vec![v(t)], Signed);
        let nti = e.op(s, LlOp::CastBoolToInt, vec![v(nt)], Signed);
        let chi = e.op(s, LlOp::CastCharToInt, vec![v(ch)], Signed);
        for r in [neg, inv, ti, nti, chi] {
            e.print_int(s, v(r));
        }
        expected.push_str(&format!(
            "{}\n{}\n{}\n{}\n{}\n",
            x.wrapping_neg(),
            !x,
            (x != 0) as i64,
            (x == 0) as i64,
            x & 0xff
        ));
    }
    e.ret(s, c(0));
    p.set(entry, e);
    (p.p, expected)
}

#[test]
fn int_operations() {
    let (p, expected) = int_ops_program();
    check(&p, "intops", &[], &expected, 0);
}

#[test]
fn prebuilt_string_printed() {
    let mut p = Prog::new();
    let hello = p.string("hello, world");
    let empty = p.string("");
    let (mut e, _) = p.entry("strings.main");
    let s = e.start();
    e.print_str(s, hello.clone());
    e.print_str(s, empty);
    let both = e.call(
        s,
        ext("rpy_str_concat"),
        vec![hello.clone(), hello],
        Ptr(STR),
    );
    e.print_str(s, v(both));
    e.ret(s, c(3));
    p.add(e);
    check(
        &p.p,
        "strings",
        &[],
        "hello, world\n\nhello, worldhello, world\n",
        3,
    );
}

#[test]
fn argv_length_and_item() {
    let mut p = Prog::new();
    let (ptr_list, ptr_array) = (p.ptr_list, p.ptr_array);
    let (mut e, argv) = p.entry("args.main");
    let s = e.start();
    let n = e.op(
        s,
        LlOp::GetField,
        vec![v(argv), k(LlConst::Field(0))],
        Signed,
    );
    e.print_int(s, v(n));
    let items = e.op(
        s,
        LlOp::GetField,
        vec![v(argv), k(LlConst::Field(1))],
        Ptr(ptr_array),
    );
    let cap = e.op(s, LlOp::GetArraySize, vec![v(items)], Signed);
    e.print_int(s, v(cap));
    let a1 = e.op(s, LlOp::GetArrayItem, vec![v(items), c(1)], Ptr(STR));
    e.print_str(s, v(a1));
    let idx = e.op(s, LlOp::SameAs, vec![c(2)], Signed);
    let a2 = e.op(s, LlOp::GetArrayItem, vec![v(items), v(idx)], Ptr(STR));
    e.print_str(s, v(a2));
    // len(argv[2])
    let len2 = e.op(s, LlOp::GetArraySize, vec![v(a2)], Signed);
    e.ret(s, v(len2));
    let _ = ptr_list;
    p.add(e);
    check(
        &p.p,
        "argv",
        &["first", "second!"],
        "3\n3\nfirst\nsecond!\n",
        7,
    );
}

#[test]
fn raising_runtime_call_is_fatal() {
    let mut p = Prog::new();
    let abc = p.string("abc");
    let n42 = p.string(" 42 ");
    let (mut e, _) = p.entry("raising.main");
    let s = e.start();
    let x = e.call(s, ext("rpy_str_to_int"), vec![n42], Signed);
    e.print_int(s, v(x));
    let y = e.call(s, ext("rpy_str_to_int"), vec![abc], Signed);
    // Never reached: the exception propagates first.
    e.print_int(s, v(y));
    e.ret(s, c(5));
    p.add(e);
    for out in check(&p.p, "raising", &[], "42\n", 1) {
        assert_eq!(out.stderr, "RPython traceback (most recent call last):\n  in raising.main (line 1)\nFatal RPython error: ValueError\n");
    }
}

#[test]
fn exceptions_propagate_through_calls_and_rpy_raise() {
    let mut p = Prog::new();
    let entry = p.reserve();
    // inner(x): if x: rpy_raise("KeyError") ; return x
    let (mut f, a) = Fn::new("exc.inner", &[Signed], Signed, 1);
    let s = f.start();
    let t = f.op(s, LlOp::IntIsTrue, vec![v(a[0])], Bool);
    let (raise, _) = f.block(&[]);
    let r = f.g.returnblock;
    f.branch(s, t, (raise, vec![]), (r, vec![v(a[0])]));
    f.call(
        raise,
        ext("rpy_raise"),
        vec![k(LlConst::CString(b"KeyError".to_vec()))],
        Void,
    );
    f.ret(raise, c(0));
    let inner = p.add(f);
    // middle(x) = inner(x) + 1
    let (mut f, a) = Fn::new("exc.middle", &[Signed], Signed, 1);
    let s = f.start();
    let y = f.call(s, func(inner), vec![v(a[0])], Signed);
    let y1 = f.op(s, LlOp::IntAdd, vec![v(y), c(1)], Signed);
    f.ret(s, v(y1));
    let middle = p.add(f);
    let (mut e, _) = p.entry("exc.main");
    let s = e.start();
    let a = e.call(s, func(middle), vec![c(0)], Signed);
    e.print_int(s, v(a));
    let b = e.call(s, func(middle), vec![c(1)], Signed);
    e.print_int(s, v(b));
    e.ret(s, c(0));
    p.set(entry, e);
    for out in check(&p.p, "exc", &[], "1\n", 1) {
        assert_eq!(
            out.stderr,
            "RPython traceback (most recent call last):\n  in exc.main (line 1)\n  in exc.middle (line 1)\n  in exc.inner (line 1)\nFatal RPython error: KeyError\n"
        );
    }
}

#[test]
fn except_block_raises() {
    let mut p = Prog::new();
    let (mut e, _) = p.entry("exc.except_block");
    let s = e.start();
    e.print_int(s, c(1));
    let x = e.g.exceptblock;
    e.goto(s, x, vec![k(LlConst::Null), k(LlConst::Null)]);
    p.add(e);
    for out in check(&p.p, "exceptblock", &[], "1\n", 1) {
        assert_eq!(out.stderr, "RPython traceback (most recent call last):\n  in exc.except_block (line 1)\nFatal RPython error: Exception\n");
    }
}

/// malloc, fields of every size, arrays, varsize objects.
fn structs_program() -> LlProgram {
    let mut p = Prog::new();
    let point = p.p.types.add(
        "Point",
        TypeDefKind::Struct {
            fields: vec![
                Field {
                    name: "flag".into(),
                    ty: Bool,
                },
                Field {
                    name: "x".into(),
                    ty: Signed,
                },
                Field {
                    name: "ch".into(),
                    ty: Char,
                },
                Field {
                    name: "u".into(),
                    ty: UniChar,
                },
                Field {
                    name: "name".into(),
                    ty: Ptr(STR),
                },
                Field {
                    name: "nothing".into(),
                    ty: Void,
                },
            ],
            varsize: None,
        },
    );
    let ints =
        p.p.types
            .add("IntArray", TypeDefKind::Array { item: Signed });
    let chars =
        p.p.types
            .add("CharArray", TypeDefKind::Array { item: Char });
    let name = p.string("pt");
    let entry = p.reserve();
    // sum(a) over an int array, with a loop.
    let (mut f, a) = Fn::new("structs.sum", &[Ptr(ints)], Signed, 1);
    let s = f.start();
    let n = f.op(s, LlOp::GetArraySize, vec![v(a[0])], Signed);
    let (head, h) = f.block(&[Ptr(ints), Signed, Signed, Signed]);
    f.goto(s, head, vec![v(a[0]), v(n), c(0), c(0)]);
    let more = f.op(head, LlOp::IntLt, vec![v(h[2]), v(h[1])], Bool);
    let (body, b) = f.block(&[Ptr(ints), Signed, Signed, Signed]);
    let r = f.g.returnblock;
    f.branch(
        head,
        more,
        (body, vec![v(h[0]), v(h[1]), v(h[2]), v(h[3])]),
        (r, vec![v(h[3])]),
    );
    let item = f.op(body, LlOp::GetArrayItem, vec![v(b[0]), v(b[2])], Signed);
    let acc = f.op(body, LlOp::IntAdd, vec![v(b[3]), v(item)], Signed);
    let i1 = f.op(body, LlOp::IntAdd, vec![v(b[2]), c(1)], Signed);
    f.goto(body, head, vec![v(b[0]), v(b[1]), v(i1), v(acc)]);
    let sum = p.add(f);

    let (mut e, _) = p.entry("structs.main");
    let s = e.start();
    let pt = e.op(s, LlOp::Malloc, vec![k(LlConst::Type(point))], Ptr(point));
    let fl = |i| k(LlConst::Field(i));
    // Fresh objects are zeroed.
    let x0 = e.op(s, LlOp::GetField, vec![v(pt), fl(1)], Signed);
    e.print_int(s, v(x0));
    e.op(s, LlOp::SetField, vec![v(pt), fl(0), c(1)], Void);
    e.op(
        s,
        LlOp::SetField,
        vec![v(pt), fl(1), c(-123456789012)],
        Void,
    );
    e.op(s, LlOp::SetField, vec![v(pt), fl(2), c(200)], Void);
    e.op(s, LlOp::SetField, vec![v(pt), fl(3), c(0x10ffff)], Void);
    e.op(s, LlOp::SetField, vec![v(pt), fl(4), name], Void);
    e.op(
        s,
        LlOp::SetField,
        vec![v(pt), fl(5), k(LlConst::Void)],
        Void,
    );
    let flag = e.op(s, LlOp::GetField, vec![v(pt), fl(0)], Bool);
    let fi = e.op(s, LlOp::CastBoolToInt, vec![v(flag)], Signed);
    e.print_int(s, v(fi));
    let x = e.op(s, LlOp::GetField, vec![v(pt), fl(1)], Signed);
    e.print_int(s, v(x));
    let ch = e.op(s, LlOp::GetField, vec![v(pt), fl(2)], Char);
    let chi = e.op(s, LlOp::CastCharToInt, vec![v(ch)], Signed);
    e.print_int(s, v(chi));
    let u = e.op(s, LlOp::GetField, vec![v(pt), fl(3)], UniChar);
    e.print_int(s, v(u));
    let nm = e.op(s, LlOp::GetField, vec![v(pt), fl(4)], Ptr(STR));
    e.print_str(s, v(nm));
    // Setting a field from variables (not immediates).
    let big = e.op(s, LlOp::SameAs, vec![c(77)], Signed);
    let chv = e.op(s, LlOp::CastIntToChar, vec![v(big)], Char);
    e.op(s, LlOp::SetField, vec![v(pt), fl(2), v(chv)], Void);
    e.op(s, LlOp::SetField, vec![v(pt), fl(1), v(big)], Void);
    let ch = e.op(s, LlOp::GetField, vec![v(pt), fl(2)], Char);
    let chi = e.op(s, LlOp::CastCharToInt, vec![v(ch)], Signed);
    e.print_int(s, v(chi));
    let x = e.op(s, LlOp::GetField, vec![v(pt), fl(1)], Signed);
    e.print_int(s, v(x));
    let pnz = e.op(s, LlOp::PtrNonZero, vec![v(pt)], Bool);
    let pz = e.op(s, LlOp::PtrIsZero, vec![v(pt)], Bool);
    let peq = e.op(s, LlOp::PtrEq, vec![v(pt), v(pt)], Bool);
    let pne = e.op(s, LlOp::PtrNe, vec![v(pt), k(LlConst::Null)], Bool);
    for b in [pnz, pz, peq, pne] {
        let bi = e.op(s, LlOp::CastBoolToInt, vec![v(b)], Signed);
        e.print_int(s, v(bi));
    }

    // An int array of variable length, filled with i * i.
    let len = e.op(s, LlOp::SameAs, vec![c(10)], Signed);
    let arr = e.op(
        s,
        LlOp::MallocVarsize,
        vec![k(LlConst::Type(ints)), v(len)],
        Ptr(ints),
    );
    let (fill, fv) = e.block(&[Ptr(ints), Signed, Ptr(point)]);
    e.goto(s, fill, vec![v(arr), c(0), v(pt)]);
    let more = e.op(fill, LlOp::IntLt, vec![v(fv[1]), c(10)], Bool);
    let (fbody, fb) = e.block(&[Ptr(ints), Signed, Ptr(point)]);
    let (after, av) = e.block(&[Ptr(ints), Ptr(point)]);
    e.branch(
        fill,
        more,
        (fbody, vec![v(fv[0]), v(fv[1]), v(fv[2])]),
        (after, vec![v(fv[0]), v(fv[2])]),
    );
    let sq = e.op(fbody, LlOp::IntMul, vec![v(fb[1]), v(fb[1])], Signed);
    e.op(
        fbody,
        LlOp::SetArrayItem,
        vec![v(fb[0]), v(fb[1]), v(sq)],
        Void,
    );
    let i1 = e.op(fbody, LlOp::IntAdd, vec![v(fb[1]), c(1)], Signed);
    e.goto(fbody, fill, vec![v(fb[0]), v(i1), v(fb[2])]);
    let total = e.call(after, func(sum), vec![v(av[0])], Signed);
    e.print_int(after, v(total));
    let n = e.op(after, LlOp::GetArraySize, vec![v(av[0])], Signed);
    e.print_int(after, v(n));
    e.op(after, LlOp::SetArrayItem, vec![v(av[0]), c(3), c(-5)], Void);
    let it = e.op(after, LlOp::GetArrayItem, vec![v(av[0]), c(3)], Signed);
    e.print_int(after, v(it));
    // A char array of constant length.
    let ca = e.op(
        after,
        LlOp::MallocVarsize,
        vec![k(LlConst::Type(chars)), c(3)],
        Ptr(chars),
    );
    e.op(after, LlOp::SetArrayItem, vec![v(ca), c(0), c(65)], Void);
    e.op(after, LlOp::SetArrayItem, vec![v(ca), c(1), c(255)], Void);
    let i2 = e.op(after, LlOp::SameAs, vec![c(2)], Signed);
    let cv = e.op(after, LlOp::CastIntToChar, vec![c(66)], Char);
    e.op(after, LlOp::SetArrayItem, vec![v(ca), v(i2), v(cv)], Void);
    for i in 0..3 {
        let x = e.op(after, LlOp::GetArrayItem, vec![v(ca), c(i)], Char);
        let xi = e.op(after, LlOp::CastCharToInt, vec![v(x)], Signed);
        e.print_int(after, v(xi));
    }
    let cn = e.op(after, LlOp::GetArraySize, vec![v(ca)], Signed);
    e.print_int(after, v(cn));
    // A STR built by hand.
    let st = e.op(
        after,
        LlOp::MallocVarsize,
        vec![k(LlConst::Type(STR)), c(2)],
        Ptr(STR),
    );
    e.op(after, LlOp::SetArrayItem, vec![v(st), c(0), c(111)], Void);
    e.op(after, LlOp::SetArrayItem, vec![v(st), c(1), c(107)], Void);
    e.print_str(after, v(st));
    let x = e.op(after, LlOp::GetField, vec![v(av[1]), fl(1)], Signed);
    e.ret(after, v(x));
    p.set(entry, e);
    p.p
}

#[test]
fn structs_and_arrays() {
    let expected = "0\n1\n-123456789012\n200\n1114111\npt\n77\n77\n1\n0\n1\n1\n285\n10\n-5\n65\n255\n66\n3\nok\n";
    check(&structs_program(), "structs", &[], expected, 77);
}

#[test]
fn prebuilt_structs_point_to_each_other() {
    let mut p = Prog::new();
    let node = p.p.types.add(
        "Node",
        TypeDefKind::Struct {
            fields: vec![
                Field {
                    name: "value".into(),
                    ty: Signed,
                },
                Field {
                    name: "label".into(),
                    ty: Ptr(STR),
                },
                Field {
                    name: "small".into(),
                    ty: Char,
                },
            ],
            varsize: Some(Signed),
        },
    );
    let label = p.string("labelled");
    let label_id = match label {
        flowmodel::Operand::Const(LlConst::Prebuilt(id)) => id,
        _ => unreachable!(),
    };
    p.p.prebuilt.push(Prebuilt {
        ty: node,
        data: PrebuiltData::Struct {
            fields: vec![
                LlConst::Int(-42),
                LlConst::Prebuilt(label_id),
                LlConst::Int(9),
            ],
            items: vec![LlConst::Int(5), LlConst::Int(6), LlConst::Int(1 << 40)],
        },
    });
    let nd = k(LlConst::Prebuilt(PrebuiltId(p.p.prebuilt.len() as u32 - 1)));
    let (mut e, _) = p.entry("prebuilt.main");
    let s = e.start();
    let val = e.op(
        s,
        LlOp::GetField,
        vec![nd.clone(), k(LlConst::Field(0))],
        Signed,
    );
    e.print_int(s, v(val));
    let lb = e.op(
        s,
        LlOp::GetField,
        vec![nd.clone(), k(LlConst::Field(1))],
        Ptr(STR),
    );
    e.print_str(s, v(lb));
    let sm = e.op(
        s,
        LlOp::GetField,
        vec![nd.clone(), k(LlConst::Field(2))],
        Char,
    );
    let smi = e.op(s, LlOp::CastCharToInt, vec![v(sm)], Signed);
    e.print_int(s, v(smi));
    let n = e.op(s, LlOp::GetArraySize, vec![nd.clone()], Signed);
    e.print_int(s, v(n));
    let it = e.op(s, LlOp::GetArrayItem, vec![nd.clone(), c(2)], Signed);
    e.print_int(s, v(it));
    // Prebuilt objects are mutable.
    e.op(
        s,
        LlOp::SetField,
        vec![nd.clone(), k(LlConst::Field(0)), c(8)],
        Void,
    );
    let val = e.op(
        s,
        LlOp::GetField,
        vec![nd.clone(), k(LlConst::Field(0))],
        Signed,
    );
    e.print_int(s, v(val));
    e.ret(s, c(0));
    p.add(e);
    check(
        &p.p,
        "prebuilt",
        &[],
        "-42\nlabelled\n9\n3\n1099511627776\n8\n",
        0,
    );
}

/// Jump tables, compare chains, constant and char switches.
fn switch_program() -> (LlProgram, String) {
    let mut p = Prog::new();
    let entry = p.reserve();
    // classify(n): a dense switch (jump table at opt >= 1) with a default.
    let (mut f, a) = Fn::new("switch.classify", &[Signed], Signed, 1);
    let s = f.start();
    let r = f.g.returnblock;
    let mut exits = Vec::new();
    for (case, val) in [(0, 100), (1, 101), (2, 102), (3, 103), (5, 105), (6, 106)] {
        let (b, _) = f.block(&[]);
        f.ret(b, c(val));
        exits.push((Some(case), b, vec![]));
    }
    exits.push((None, r, vec![c(-1)]));
    f.switch(s, v(a[0]), exits);
    let classify = p.add(f);
    // sparse(n): a compare chain, cases passing values, no default.
    let (mut f, a) = Fn::new("switch.sparse", &[Signed], Signed, 1);
    let s = f.start();
    let r = f.g.returnblock;
    let (mid, mv) = f.block(&[Signed]);
    let doubled = f.op(mid, LlOp::IntMul, vec![v(mv[0]), c(2)], Signed);
    f.ret(mid, v(doubled));
    f.switch(
        s,
        v(a[0]),
        vec![
            (Some(-1000), r, vec![c(1)]),
            (Some(1 << 40), mid, vec![v(a[0])]),
            (Some(7), mid, vec![c(70)]),
        ],
    );
    let sparse = p.add(f);
    // zero_one(n): an int switch with cases 0 and 1 and a default.
    let (mut f, a) = Fn::new("switch.zero_one", &[Signed], Signed, 1);
    let s = f.start();
    let r = f.g.returnblock;
    f.switch(
        s,
        v(a[0]),
        vec![
            (Some(0), r, vec![c(10)]),
            (Some(1), r, vec![c(11)]),
            (None, r, vec![c(12)]),
        ],
    );
    let zero_one = p.add(f);
    let (mut e, _) = p.entry("switch.main");
    let s = e.start();
    let mut expected = String::new();
    for (n, want) in [(0, 10), (1, 11), (5, 12), (-1, 12)] {
        let x = e.call(s, func(zero_one), vec![c(n)], Signed);
        e.print_int(s, v(x));
        expected.push_str(&format!("{}\n", want));
    }
    for n in -1..8 {
        let x = e.call(s, func(classify), vec![c(n)], Signed);
        e.print_int(s, v(x));
        let want = match n {
            0..=3 | 5 | 6 => 100 + n,
            _ => -1,
        };
        expected.push_str(&format!("{}\n", want));
    }
    for (n, want) in [(-1000i64, 1i64), (1 << 40, 1 << 41), (7, 140)] {
        let x = e.call(s, func(sparse), vec![c(n)], Signed);
        e.print_int(s, v(x));
        expected.push_str(&format!("{}\n", want));
    }
    // A switch on a constant, and on a char.
    let (t, _) = e.block(&[]);
    let (u, _) = e.block(&[]);
    e.switch(s, c(1), vec![(Some(0), u, vec![]), (Some(1), t, vec![])]);
    e.print_int(u, c(0));
    e.ret(u, c(0));
    let ch = e.op(t, LlOp::CastIntToChar, vec![c(98)], Char);
    let (ca, _) = e.block(&[]);
    let (cb, _) = e.block(&[]);
    let (cz, _) = e.block(&[]);
    e.switch(
        t,
        v(ch),
        vec![
            (Some(97), ca, vec![]),
            (Some(98), cb, vec![]),
            (None, cz, vec![]),
        ],
    );
    for (b, n) in [(ca, 97), (cb, 98), (cz, 0)] {
        e.print_int(b, c(n));
        e.ret(b, c(n));
    }
    expected.push_str("98\n");
    p.set(entry, e);
    (p.p, expected)
}

#[test]
fn int_switches() {
    let (p, expected) = switch_program();
    check(&p, "switch", &[], &expected, 98);
}

/// Stack arguments, float arguments and results.
fn many_args_program() -> LlProgram {
    let mut p = Prog::new();
    let entry = p.reserve();
    // weighted(a1..a8) = sum(i * ai): two arguments on the stack.
    let params = [Signed; 8];
    let (mut f, a) = Fn::new("args.weighted", &params, Signed, 1);
    let s = f.start();
    let mut acc = f.op(s, LlOp::SameAs, vec![c(0)], Signed);
    for (i, x) in a.iter().enumerate() {
        let t = f.op(s, LlOp::IntMul, vec![v(*x), c(i as i64 + 1)], Signed);
        acc = f.op(s, LlOp::IntAdd, vec![v(acc), v(t)], Signed);
    }
    f.ret(s, v(acc));
    let weighted = p.add(f);
    // seven(a1..a7): one stack argument (odd: needs padding).
    let (mut f, a) = Fn::new("args.seven", &[Signed; 7], Signed, 1);
    let s = f.start();
    let t = f.op(s, LlOp::IntMul, vec![v(a[6]), c(1000)], Signed);
    let r = f.op(s, LlOp::IntSub, vec![v(t), v(a[0])], Signed);
    f.ret(s, v(r));
    let seven = p.add(f);
    // pick(i, x: Float, j, y: Float) -> Float: y if i < j else x.
    let (mut f, a) = Fn::new("args.pick", &[Signed, Float, Signed, Float], Float, 1);
    let s = f.start();
    let lt = f.op(s, LlOp::IntLt, vec![v(a[0]), v(a[2])], Bool);
    let r = f.g.returnblock;
    f.branch(s, lt, (r, vec![v(a[3])]), (r, vec![v(a[1])]));
    let pick = p.add(f);

    let (mut e, _) = p.entry("args.main");
    let s = e.start();
    let vals: Vec<LlOperand> = (1..=8).map(|i| c(i * 10)).collect();
    let w = e.call(s, func(weighted), vals, Signed);
    e.print_int(s, v(w));
    let x7 = e.op(s, LlOp::SameAs, vec![c(7)], Signed);
    let mut vals: Vec<LlOperand> = (1..=6).map(c).collect();
    vals.push(v(x7));
    let sv = e.call(s, func(seven), vals, Signed);
    e.print_int(s, v(sv));
    // Floats through libm: llround(ldexp(1.5, 4)) == 24.
    let fx = e.call(s, ext("ldexp"), vec![k(LlConst::Float(1.5)), c(4)], Float);
    let pf = e.call(
        s,
        func(pick),
        vec![c(1), k(LlConst::Float(2.75)), c(2), v(fx)],
        Float,
    );
    let rounded = e.call(s, ext("llround"), vec![v(pf)], Signed);
    e.print_int(s, v(rounded));
    let pf2 = e.call(
        s,
        func(pick),
        vec![c(3), v(fx), c(2), k(LlConst::Float(-7.5))],
        Float,
    );
    let rounded2 = e.call(s, ext("llround"), vec![v(pf2)], Signed);
    e.print_int(s, v(rounded2));
    e.ret(s, c(0));
    p.set(entry, e);
    p.p
}

#[test]
fn many_arguments_and_floats() {
    // 10*1 + 20*2 + ... + 80*8 = 10 * 204 = 2040; 7 * 1000 - 1 = 6999.
    check(
        &many_args_program(),
        "manyargs",
        &[],
        "2040\n6999\n24\n24\n",
        0,
    );
}

#[test]
fn malformed_programs_are_errors_not_panics() {
    use backend_x86::{dump_asm, emit_object, BackendOptions};
    let opts = BackendOptions { opt_level: 2, ..Default::default() };
    // An unknown callee.
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.main");
    let s = e.start();
    e.call(s, func(FuncId(99)), vec![], Signed);
    e.ret(s, c(0));
    p.add(e);
    let err = emit_object(&p.p, &opts).unwrap_err();
    assert!(
        err.contains("bad.main") && err.contains("direct_call"),
        "{}",
        err
    );
    // A getfield on a non-pointer.
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.getfield");
    let s = e.start();
    let x = e.op(s, LlOp::SameAs, vec![c(1)], Signed);
    e.op(s, LlOp::GetField, vec![v(x), k(LlConst::Field(0))], Signed);
    e.ret(s, c(0));
    p.add(e);
    let err = dump_asm(&p.p, &opts).unwrap_err();
    assert!(err.contains("getfield"), "{}", err);
    // A link to a block that does not exist, wrong arity, a variable never defined.
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.link");
    let s = e.start();
    e.goto(s, flowmodel::BlockId(77), vec![]);
    p.add(e);
    assert!(emit_object(&p.p, &opts).is_err());
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.arity");
    let s = e.start();
    e.op(s, LlOp::IntAdd, vec![c(1)], Signed);
    e.ret(s, c(0));
    p.add(e);
    assert!(emit_object(&p.p, &opts).unwrap_err().contains("int_add"));
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.undefined");
    let s = e.start();
    let ghost = e.g.new_var("ghost");
    e.ret(s, v(ghost));
    p.add(e);
    assert!(emit_object(&p.p, &opts)
        .unwrap_err()
        .contains("never defined"));
    // An exception link must catch a class (a vtable) or everything (null).
    let mut p = Prog::new();
    let (mut e, _) = p.entry("bad.catch");
    let s = e.start();
    e.call(s, ext("rpy_str_to_int"), vec![k(LlConst::Null)], Signed);
    let r = e.g.returnblock;
    let blk = e.g.block_mut(s);
    blk.exitswitch = flowmodel::ExitSwitch::LastException;
    blk.exits = vec![
        flowmodel::Link {
            target: r,
            args: vec![c(0)],
            exitcase: None,
            exc_vars: None,
        },
        flowmodel::Link {
            target: r,
            args: vec![c(1)],
            exitcase: Some(LlConst::Int(1)),
            exc_vars: None,
        },
    ];
    p.add(e);
    assert!(emit_object(&p.p, &opts)
        .unwrap_err()
        .contains("bad exception exitcase"));
    // No entry function.
    let p = Prog::new();
    assert!(emit_object(&p.p, &opts).is_err());
}

/// Compares `actual` with the golden file `tests/asm/NAME`; UPDATE_EXPECT=1 rewrites it.
fn golden(name: &str, actual: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/asm")
        .join(name);
    if std::env::var_os("UPDATE_EXPECT").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|_| {
        panic!(
            "missing {}; run with UPDATE_EXPECT=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        panic!(
            "{} differs from the generated listing:\n{}",
            path.display(),
            actual
        );
    }
}

/// The listing of the functions whose graph names are in `keep`.
fn listing(p: &LlProgram, opt: u8, keep: &[&str]) -> String {
    let full = backend_x86::dump_asm(p, &backend_x86::BackendOptions { opt_level: opt, ..Default::default() }).unwrap();
    let mut out = String::new();
    for chunk in full.split("\n\n") {
        let header = chunk.lines().next().unwrap_or("");
        if keep.iter().any(|k| header.contains(&format!("# {}", k))) {
            out.push_str(chunk.trim_end());
            out.push('\n');
        }
    }
    out
}

fn loop_program() -> LlProgram {
    // sum_to(n): i = 0; s = 0; while i < n: s += i * 3 // 2; i += 1; return s
    let mut p = Prog::new();
    let entry = p.reserve();
    let (mut f, a) = Fn::new("loop.sum_to", &[Signed], Signed, 1);
    let s = f.start();
    f.line = 2;
    let (head, h) = f.block(&[Signed, Signed, Signed]);
    f.goto(s, head, vec![v(a[0]), c(0), c(0)]);
    f.line = 3;
    let more = f.op(head, LlOp::IntLt, vec![v(h[1]), v(h[0])], Bool);
    let (body, b) = f.block(&[Signed, Signed, Signed]);
    let r = f.g.returnblock;
    f.branch(
        head,
        more,
        (body, vec![v(h[0]), v(h[1]), v(h[2])]),
        (r, vec![v(h[2])]),
    );
    f.line = 4;
    let t = f.op(body, LlOp::IntMul, vec![v(b[1]), c(3)], Signed);
    let q = f.op(body, LlOp::IntFloorDiv, vec![v(t), c(2)], Signed);
    let s2 = f.op(body, LlOp::IntAdd, vec![v(b[2]), v(q)], Signed);
    f.line = 5;
    let i1 = f.op(body, LlOp::IntAdd, vec![v(b[1]), c(1)], Signed);
    f.goto(body, head, vec![v(b[0]), v(i1), v(s2)]);
    let sum_to = p.add(f);
    let (mut e, _) = p.entry("loop.main");
    let st = e.start();
    let x = e.call(st, func(sum_to), vec![c(10)], Signed);
    e.print_int(st, v(x));
    e.ret(st, c(0));
    p.set(entry, e);
    p.p
}

#[test]
fn golden_asm() {
    let fib = fib_program();
    golden("fib_O0.s", &listing(&fib, 0, &["fib.fib"]));
    golden(
        "fib_O2.s",
        &listing(&fib, 2, &["fib.fib", "fib.entry_point"]),
    );
    let lp = loop_program();
    golden("loop_O2.s", &listing(&lp, 2, &["loop.sum_to"]));
    // sum of i*3//2 for i < 10 = 0+1+3+4+6+7+9+10+12+13 = 65
    check(&lp, "loop", &[], "65\n", 0);
}

/// Times fib(30) (run 10 times in one process) at opt 2 against the same
/// program in C compiled with `gcc -O1`. Run with
/// `cargo test -p backend-x86 --release -- --ignored --nocapture fib_timing`.
#[test]
#[ignore]
fn fib_timing() {
    let mut p = fib_program();
    // main: repeat fib(30) 10 times.
    let fib_id = FuncId(1);
    let (mut e, _) = Prog::new().entry("fib.bench");
    let s = e.start();
    let (head, h) = e.block(&[Signed, Signed]);
    e.goto(s, head, vec![c(10), c(0)]);
    let more = e.op(head, LlOp::IntGt, vec![v(h[0]), c(0)], Bool);
    let (body, b) = e.block(&[Signed, Signed]);
    let (out, o) = e.block(&[Signed]);
    e.branch(
        head,
        more,
        (body, vec![v(h[0]), v(h[1])]),
        (out, vec![v(h[1])]),
    );
    let x = e.call(body, func(fib_id), vec![c(30)], Signed);
    let acc = e.op(body, LlOp::IntAdd, vec![v(b[1]), v(x)], Signed);
    let n1 = e.op(body, LlOp::IntSub, vec![v(b[0]), c(1)], Signed);
    e.goto(body, head, vec![v(n1), v(acc)]);
    e.print_int(out, v(o[0]));
    e.ret(out, c(0));
    p.functions[0] = e.g;
    let exe = build(&p, 2, "fibtime");
    let dir = exe.parent().unwrap().to_path_buf();
    let csrc = dir.join("fib.c");
    std::fs::write(
        &csrc,
        "#include <stdio.h>\nlong fib(long n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\n\
         int main(void) { long s = 0; for (int i = 0; i < 10; i++) s += fib(30); printf(\"%ld\\n\", s); return 0; }\n",
    )
    .unwrap();
    let cexe = dir.join("fib_c");
    let st = std::process::Command::new("gcc")
        .args(["-O1", "-o"])
        .arg(&cexe)
        .arg(&csrc)
        .status()
        .unwrap();
    assert!(st.success());
    let time = |path: &std::path::Path| {
        let mut best = f64::MAX;
        for _ in 0..5 {
            let t = std::time::Instant::now();
            let out = run_exe(path, &[]);
            best = best.min(t.elapsed().as_secs_f64());
            assert_eq!(out.stdout, "8320400\n");
        }
        best
    };
    let (ours, gcc) = (time(&exe), time(&cexe));
    println!(
        "fib(30) x10: backend-x86 opt 2: {:.3}s, gcc -O1: {:.3}s, ratio {:.2}",
        ours,
        gcc,
        ours / gcc
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// gdb stops at a breakpoint on a `.py` line and the backtrace shows the
/// `.py` file and lines (skipped with a note when gdb is not installed).
#[test]
fn gdb_breakpoint_on_py_line() {
    if std::process::Command::new("gdb")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("note: gdb not found; skipping the debugger test");
        return;
    }
    for opt in [0u8, 2] {
        let exe = build(&fib_program(), opt, "gdb");
        let out = std::process::Command::new("gdb")
            .args([
                "-nx",
                "-batch",
                "-ex",
                "break prog.py:5",
                "-ex",
                "run",
                "-ex",
                "bt",
                "-ex",
                "info line *$pc",
            ])
            .arg(&exe)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        if std::env::var_os("SHOW_GDB").is_some() {
            println!("{}", text);
        }
        assert!(
            text.contains("Breakpoint 1, "),
            "opt {}: gdb did not stop:\n{}",
            opt,
            text
        );
        // Frame #0 is fib at line 5; frame #1 is the entry point calling it at line 8.
        assert!(
            text.contains("fib.fib") && text.contains("at prog.py:5"),
            "opt {}: {}",
            opt,
            text
        );
        assert!(
            text.contains("fib.entry_point") && text.contains("at prog.py:8"),
            "opt {}: {}",
            opt,
            text
        );
        let _ = std::fs::remove_dir_all(exe.parent().unwrap());
    }
}

/// Instructions of a listing or disassembly: (function, bytes, text).
type Insns = Vec<(String, String, String)>;

/// The encoder and the listing agree with objdump: every instruction of
/// several programs, at opt 0 and 2, disassembles to the listed text.
/// Functions with jump tables (data in .text) are skipped.
#[test]
fn listing_matches_objdump() {
    if std::process::Command::new("objdump")
        .arg("--version")
        .output()
        .is_err()
    {
        println!("note: objdump not found; skipping the encoder cross-check");
        return;
    }
    let programs = [
        fib_program(),
        loop_program(),
        int_ops_program().0,
        structs_program(),
        many_args_program(),
        switch_program().0,
    ];
    let mut checked = 0;
    for (n, p) in programs.iter().enumerate() {
        for opt in [0u8, 2] {
            let opts = backend_x86::BackendOptions { opt_level: opt, ..Default::default() };
            let listing = backend_x86::dump_asm(p, &opts).unwrap();
            let obj = backend_x86::emit_object(p, &opts).unwrap();
            let dir = scratch_dir("objdump");
            let path = dir.join("prog.o");
            std::fs::write(&path, obj).unwrap();
            let out = std::process::Command::new("objdump")
                .args(["-d", "-M", "intel", "--insn-width=16", "-j", ".text"])
                .arg(&path)
                .output()
                .unwrap();
            let _ = std::fs::remove_dir_all(&dir);
            let ours = parse_listing(&listing);
            let theirs = parse_objdump(&String::from_utf8_lossy(&out.stdout));
            let skip: std::collections::HashSet<&String> = ours
                .iter()
                .filter(|i| i.2.starts_with(".long"))
                .map(|i| &i.0)
                .collect();
            let ours: Insns = ours
                .iter()
                .filter(|i| !skip.contains(&i.0))
                .cloned()
                .collect();
            let theirs: Insns = theirs
                .into_iter()
                .filter(|i| !skip.contains(&i.0) && i.2 != "int3")
                .collect();
            assert_eq!(
                ours.len(),
                theirs.len(),
                "program {} opt {}: instruction counts differ",
                n,
                opt
            );
            for (a, b) in ours.iter().zip(&theirs) {
                assert_eq!(a.0, b.0, "program {} opt {}: function order", n, opt);
                let mnemonic = |t: &str| t.split_whitespace().next().unwrap_or("").to_string();
                let is_branch = ["j", "call"].iter().any(|m| mnemonic(&a.2).starts_with(m))
                    && !a.2.contains("rax");
                if is_branch {
                    // Targets print differently; calls within .text are patched later.
                    assert_eq!(mnemonic(&a.2), mnemonic(&b.2), "{:?} vs {:?}", a, b);
                } else if let Some(i) = a.2.find("[rip+") {
                    assert_eq!(a.1, b.1, "bytes of {:?} vs {:?}", a, b);
                    assert_eq!(a.2[..i], b.2[..i.min(b.2.len())], "{:?} vs {:?}", a, b);
                } else {
                    assert_eq!((&a.1, &a.2), (&b.1, &b.2), "program {} opt {}", n, opt);
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 1000, "only {} instructions checked", checked);
}

fn parse_listing(text: &str) -> Insns {
    let mut func = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if let Some((name, _)) = line.split_once(":  # ") {
            if !line.starts_with(' ') {
                func = name.to_string();
                continue;
            }
        }
        // "  offset:  bytes...   text": bytes are 2-digit hex groups.
        let Some((_, rest)) = line.trim_start().split_once(":  ") else {
            continue;
        };
        if line.trim_start().starts_with('#') {
            continue;
        }
        let mut bytes = Vec::new();
        let mut words = rest.split(' ').peekable();
        while let Some(w) = words.peek() {
            if w.len() == 2 && w.chars().all(|c| c.is_ascii_hexdigit()) {
                bytes.push(words.next().unwrap().to_string());
            } else {
                break;
            }
        }
        let textpart: Vec<&str> = words.collect();
        let t = textpart.join(" ").trim().to_string();
        out.push((func.clone(), bytes.join(" "), t));
    }
    out
}

fn parse_objdump(text: &str) -> Insns {
    let mut func = String::new();
    let mut out = Vec::new();
    for line in text.lines() {
        if line.ends_with(">:") {
            if let (Some(a), Some(b)) = (line.find('<'), line.rfind('>')) {
                func = line[a + 1..b].to_string();
            }
            continue;
        }
        let parts: Vec<&str> = line.split('\t').collect();
        if parts.len() < 3 || !parts[0].trim_end().ends_with(':') {
            continue;
        }
        let bytes = parts[1].trim().to_string();
        let mut t = parts[2..].join("\t").trim().to_string();
        if let Some(i) = t.find(" #") {
            t.truncate(i);
        }
        // objdump pads the mnemonic with spaces to 6 characters, as we do.
        out.push((func.clone(), bytes, t.trim_end().to_string()));
    }
    out
}

#[test]
#[ignore]
fn show_listing() {
    let which = std::env::var("SHOW").unwrap_or_default();
    let p = match which.as_str() {
        "switch" => switch_program().0,
        "structs" => structs_program(),
        "args" => many_args_program(),
        _ => fib_program(),
    };
    let opt = std::env::var("OPT")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2);
    println!(
        "{}",
        backend_x86::dump_asm(&p, &backend_x86::BackendOptions { opt_level: opt, ..Default::default() }).unwrap()
    );
}

/// A small deterministic random generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Interprets a function of the random programs (int ops, switches, calls).
fn interpret(p: &LlProgram, f: FuncId, args: &[i64]) -> i64 {
    use std::collections::HashMap;
    let g = p.function(f);
    let mut env: HashMap<flowmodel::VarId, i64> = HashMap::new();
    let mut block = g.startblock;
    let mut values = args.to_vec();
    loop {
        if block == g.returnblock {
            return values[0];
        }
        let b = g.block(block);
        for (x, val) in b.inputargs.iter().zip(&values) {
            env.insert(*x, *val);
        }
        let get = |env: &HashMap<flowmodel::VarId, i64>, o: &LlOperand| match o {
            flowmodel::Operand::Var(x) => env[x],
            flowmodel::Operand::Const(LlConst::Int(i)) => *i,
            other => panic!("{:?}", other),
        };
        for op in &b.operations {
            let r = match op.op {
                LlOp::DirectCall => {
                    let callee = match &op.args[0] {
                        flowmodel::Operand::Const(LlConst::Func(id)) => *id,
                        other => panic!("{:?}", other),
                    };
                    let a: Vec<i64> = op.args[1..].iter().map(|o| get(&env, o)).collect();
                    interpret(p, callee, &a)
                }
                LlOp::SameAs => get(&env, &op.args[0]),
                LlOp::IntNeg => get(&env, &op.args[0]).wrapping_neg(),
                other => py_binop(other, get(&env, &op.args[0]), get(&env, &op.args[1])),
            };
            env.insert(op.result, r);
        }
        let link = match &b.exitswitch {
            flowmodel::ExitSwitch::Value(x) => {
                let val = get(&env, x);
                b.exits
                    .iter()
                    .find(|l| l.exitcase == Some(LlConst::Int(val)))
                    .or_else(|| b.exits.iter().find(|l| l.exitcase.is_none()))
                    .unwrap()
            }
            _ => &b.exits[0],
        };
        values = link.args.iter().map(|o| get(&env, o)).collect();
        block = link.target;
    }
}

/// A random function: `nblocks` blocks passing `width` values plus a fuel
/// counter around in shuffled order, with arithmetic, calls to `mix`
/// (which clobber caller-saved registers) and int/bool switches.
fn random_function(rng: &mut Rng, name: &str, mix: FuncId, nblocks: usize, width: usize) -> Fn {
    let params = vec![Signed; width];
    let (mut f, args) = Fn::new(name, &params, Signed, 1);
    let blocks: Vec<(flowmodel::BlockId, Vec<flowmodel::VarId>)> = (0..nblocks)
        .map(|_| f.block(&vec![Signed; width + 1]))
        .collect();
    let s = f.start();
    let mut init: Vec<LlOperand> = args.iter().map(|x| v(*x)).collect();
    init.push(c(40));
    f.goto(s, blocks[0].0, init);
    let r = f.g.returnblock;
    let binops = [
        LlOp::IntAdd,
        LlOp::IntSub,
        LlOp::IntMul,
        LlOp::IntXor,
        LlOp::IntAnd,
        LlOp::IntOr,
    ];
    for (b, inputs) in &blocks {
        let b = *b;
        let mut vals: Vec<flowmodel::VarId> = inputs[..width].to_vec();
        let fuel = inputs[width];
        for _ in 0..1 + rng.below(6) {
            let x = vals[rng.below(vals.len())];
            let y = vals[rng.below(vals.len())];
            let nv = match rng.below(8) {
                0 => f.call(b, func(mix), vec![v(x), v(y)], Signed),
                1 => f.op(
                    b,
                    LlOp::IntAdd,
                    vec![v(x), c(rng.below(100) as i64 - 50)],
                    Signed,
                ),
                2 => f.op(b, LlOp::IntNeg, vec![v(x)], Signed),
                3 => f.op(
                    b,
                    LlOp::IntFloorDiv,
                    vec![v(x), c([3, -7, 8, 1000][rng.below(4)])],
                    Signed,
                ),
                _ => f.op(b, binops[rng.below(binops.len())], vec![v(x), v(y)], Signed),
            };
            let slot = rng.below(vals.len());
            vals[slot] = nv;
        }
        let fuel1 = f.op(b, LlOp::IntSub, vec![v(fuel), c(1)], Signed);
        let done = f.op(b, LlOp::IntLe, vec![v(fuel1), c(0)], Bool);
        // Arguments for a successor: a shuffle of the values, sometimes a constant.
        let pass = |rng: &mut Rng| -> Vec<LlOperand> {
            let mut order: Vec<usize> = (0..width).collect();
            for i in (1..width).rev() {
                order.swap(i, rng.below(i + 1));
            }
            let mut a: Vec<LlOperand> = order
                .iter()
                .map(|&i| {
                    if rng.below(10) == 0 {
                        c(i as i64)
                    } else {
                        v(vals[i])
                    }
                })
                .collect();
            a.push(v(fuel1));
            a
        };
        let mut sum = vals[0];
        for x in &vals[1..] {
            sum = f.op(b, LlOp::IntXor, vec![v(sum), v(*x)], Signed);
        }
        // Either finish, or pick a successor by a switch on a value.
        let (cont, cv) = f.block(&vec![Signed; width + 1]);
        f.branch(b, done, (r, vec![v(sum)]), (cont, pass(rng)));
        let sel = f.op(cont, LlOp::IntAnd, vec![v(cv[0]), c(3)], Signed);
        let mut exits = Vec::new();
        let ncases = 1 + rng.below(4);
        for case in 0..ncases {
            let t = blocks[rng.below(nblocks)].0;
            let a: Vec<LlOperand> = cv.iter().map(|x| v(*x)).collect();
            let mut a2 = a.clone();
            let k = a2.len() - 1;
            // Rotate the values (not the fuel) on some edges.
            if case % 2 == 1 {
                a2[..k].rotate_left(1);
            }
            exits.push((Some(case as i64), t, a2));
        }
        let t = blocks[rng.below(nblocks)].0;
        exits.push((None, t, cv.iter().map(|x| v(*x)).collect()));
        f.switch(cont, v(sel), exits);
    }
    f
}

/// Random programs (seed from `RANDOM_SEED`, else a fixed one) give the
/// interpreter's results at opt 0 and 2.
#[test]
fn random_programs_match_an_interpreter() {
    let seed = std::env::var("RANDOM_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x2545f4914f6cdd1d);
    let mut rng = Rng(seed | 1);
    let mut p = Prog::new();
    let entry = p.reserve();
    let (mut m, a) = Fn::new("rand.mix", &[Signed, Signed], Signed, 1);
    let s = m.start();
    let t = m.op(s, LlOp::IntMul, vec![v(a[0]), c(31)], Signed);
    let u = m.op(s, LlOp::IntAdd, vec![v(t), v(a[1])], Signed);
    m.ret(s, v(u));
    let mix = p.add(m);
    let mut funcs = Vec::new();
    for i in 0..40 {
        let width = 2 + rng.below(9);
        let nblocks = 1 + rng.below(6);
        let f = random_function(&mut rng, &format!("rand.f{}", i), mix, nblocks, width);
        funcs.push((p.add(f), width));
    }
    let (mut e, _) = p.entry("rand.main");
    let s = e.start();
    let mut expected = String::new();
    for (i, &(fid, width)) in funcs.iter().enumerate() {
        let args: Vec<i64> = (0..width).map(|k| (i * 7 + k * 13) as i64 - 20).collect();
        let x = e.call(s, func(fid), args.iter().map(|&a| c(a)).collect(), Signed);
        e.print_int(s, v(x));
        expected.push_str(&format!("{}\n", interpret(&p.p, fid, &args)));
    }
    e.ret(s, c(0));
    p.set(entry, e);
    check(&p.p, "random", &[], &expected, 0);
}

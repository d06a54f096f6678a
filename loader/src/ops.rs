//! Operations on host values with Python 2.7 semantics: arithmetic,
//! comparison, truth, hashing, str/repr, containers and iteration.

use std::cmp::Ordering;
use std::rc::Rc;

use hostobj::{ObjId, Object, OrderedDict, Value};
use syntax::ast::{BinOp, CmpOp, UnaryOp};

use crate::format;
use crate::interp::{Interp, Unwind, R};

/// A subscript: `x[i]` or `x[lo:hi:step]`.
#[derive(Clone, Debug)]
pub enum Key {
    Index(Value),
    Slice(Option<Value>, Option<Value>, Option<Value>),
}

/// A running iteration (a `for` loop, unpacking, ...).
pub enum PyIter {
    /// A snapshot of the items.
    Seq(Vec<Value>, usize),
    /// A list, read live (appending while iterating is seen, as in Python).
    List(ObjId, usize),
    /// An `Object::Iterator`.
    Host(ObjId),
    /// An object whose `next()` method gives the items.
    Next(Value),
    /// The old sequence protocol: `__getitem__(0)`, `__getitem__(1)`, ... until IndexError.
    GetItem(Value, i64),
}

/// A number, for arithmetic: ints (with `long` remembered) or floats.
#[derive(Clone, Copy, Debug)]
enum Num {
    Int(i128, bool),
    Float(f64),
}

fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Bool(b) => Some(Num::Int(*b as i128, false)),
        Value::Int(i) => Some(Num::Int(*i as i128, false)),
        Value::Long(i) => Some(Num::Int(*i, true)),
        Value::Float(f) => Some(Num::Float(*f)),
        _ => None,
    }
}

fn num_f64(n: Num) -> f64 {
    match n {
        Num::Int(i, _) => i as f64,
        Num::Float(f) => f,
    }
}

pub fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

pub fn floor_mod(a: i128, b: i128) -> i128 {
    let r = a % b;
    if r != 0 && ((r < 0) != (b < 0)) {
        r + b
    } else {
        r
    }
}

fn float_mod(a: f64, b: f64) -> f64 {
    let r = a % b;
    if r != 0.0 && ((r < 0.0) != (b < 0.0)) {
        r + b
    } else if r == 0.0 {
        // The result takes the divisor's sign, as in CPython.
        0.0f64.copysign(b)
    } else {
        r
    }
}

/// The method names of binary operators: (normal, reflected).
fn op_methods(op: BinOp) -> (&'static str, &'static str) {
    match op {
        BinOp::Add => ("__add__", "__radd__"),
        BinOp::Sub => ("__sub__", "__rsub__"),
        BinOp::Mult => ("__mul__", "__rmul__"),
        BinOp::Div => ("__div__", "__rdiv__"),
        BinOp::TrueDiv => ("__truediv__", "__rtruediv__"),
        BinOp::Mod => ("__mod__", "__rmod__"),
        BinOp::Pow => ("__pow__", "__rpow__"),
        BinOp::LShift => ("__lshift__", "__rlshift__"),
        BinOp::RShift => ("__rshift__", "__rrshift__"),
        BinOp::BitOr => ("__or__", "__ror__"),
        BinOp::BitXor => ("__xor__", "__rxor__"),
        BinOp::BitAnd => ("__and__", "__rand__"),
        BinOp::FloorDiv => ("__floordiv__", "__rfloordiv__"),
    }
}

impl Interp {
    /// An int result: `int` while it fits in 64 bits (unless already `long`).
    pub fn int_value(&self, v: i128, long: bool) -> Value {
        if !long && v >= i64::MIN as i128 && v <= i64::MAX as i128 {
            Value::Int(v as i64)
        } else {
            Value::Long(v)
        }
    }

    fn too_big<T>(&self) -> R<T> {
        self.unsupported("an integer beyond 128 bits")
    }

    fn int_op(&mut self, op: BinOp, a: i128, b: i128, long: bool) -> R<Value> {
        let r = match op {
            BinOp::Add => a.checked_add(b),
            BinOp::Sub => a.checked_sub(b),
            BinOp::Mult => a.checked_mul(b),
            BinOp::Div | BinOp::FloorDiv | BinOp::Mod => {
                if b == 0 {
                    let what = if long { "long division or modulo by zero" } else { "integer division or modulo by zero" };
                    return self.err("ZeroDivisionError", what);
                }
                if a == i128::MIN && b == -1 {
                    return self.too_big();
                }
                Some(if op == BinOp::Mod { floor_mod(a, b) } else { floor_div(a, b) })
            }
            BinOp::TrueDiv => {
                if b == 0 {
                    return self.err("ZeroDivisionError", "division by zero");
                }
                return Ok(Value::Float(a as f64 / b as f64));
            }
            BinOp::Pow => {
                if b < 0 {
                    if a == 0 {
                        return self.err("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                    }
                    return Ok(Value::Float((a as f64).powf(b as f64)));
                }
                let mut result: i128 = 1;
                let mut base = a;
                let mut e = b;
                let mut ok = true;
                while e > 0 && ok {
                    if e & 1 == 1 {
                        match result.checked_mul(base) {
                            Some(r) => result = r,
                            None => ok = false,
                        }
                    }
                    e >>= 1;
                    if e > 0 {
                        match base.checked_mul(base) {
                            Some(r) => base = r,
                            None => ok = false,
                        }
                    }
                }
                if ok {
                    Some(result)
                } else {
                    None
                }
            }
            BinOp::LShift => {
                if b < 0 {
                    return self.err("ValueError", "negative shift count");
                }
                if a == 0 {
                    Some(0)
                } else if b >= 127 {
                    None
                } else {
                    let r = a << b;
                    if r >> b == a {
                        Some(r)
                    } else {
                        None
                    }
                }
            }
            BinOp::RShift => {
                if b < 0 {
                    return self.err("ValueError", "negative shift count");
                }
                Some(a >> b.min(127))
            }
            BinOp::BitOr => Some(a | b),
            BinOp::BitXor => Some(a ^ b),
            BinOp::BitAnd => Some(a & b),
        };
        match r {
            Some(v) => Ok(self.int_value(v, long)),
            None => self.too_big(),
        }
    }

    fn float_op(&mut self, op: BinOp, a: f64, b: f64) -> R<Value> {
        let r = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mult => a * b,
            BinOp::Div | BinOp::TrueDiv => {
                if b == 0.0 {
                    return self.err("ZeroDivisionError", "float division by zero");
                }
                a / b
            }
            BinOp::FloorDiv => {
                if b == 0.0 {
                    return self.err("ZeroDivisionError", "float divmod()");
                }
                ((a - float_mod(a, b)) / b).round()
            }
            BinOp::Mod => {
                if b == 0.0 {
                    return self.err("ZeroDivisionError", "float modulo");
                }
                float_mod(a, b)
            }
            BinOp::Pow => {
                if a == 0.0 && b < 0.0 {
                    return self.err("ZeroDivisionError", "0.0 cannot be raised to a negative power");
                }
                if a < 0.0 && b.fract() != 0.0 {
                    return self.err("ValueError", "negative number cannot be raised to a fractional power");
                }
                a.powf(b)
            }
            _ => {
                let tn = "float";
                return self.err(
                    "TypeError",
                    format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), tn, tn),
                );
            }
        };
        Ok(Value::Float(r))
    }

    pub fn binop(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        if let (Some(x), Some(y)) = (as_num(&a), as_num(&b)) {
            // bool & bool stays a bool.
            if let (Value::Bool(p), Value::Bool(q)) = (&a, &b) {
                match op {
                    BinOp::BitAnd => return Ok(Value::Bool(*p & *q)),
                    BinOp::BitOr => return Ok(Value::Bool(*p | *q)),
                    BinOp::BitXor => return Ok(Value::Bool(*p ^ *q)),
                    _ => {}
                }
            }
            return match (x, y) {
                (Num::Int(p, l1), Num::Int(q, l2)) => self.int_op(op, p, q, l1 || l2),
                _ => {
                    if matches!(op, BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor) {
                        let (ta, tb) = (self.type_name(&a), self.type_name(&b));
                        return self.err(
                            "TypeError",
                            format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), ta, tb),
                        );
                    }
                    self.float_op(op, num_f64(x), num_f64(y))
                }
            };
        }
        // Instances with operator methods.
        let (m, rm) = op_methods(op);
        if let Some(Object::Instance(_)) = self.obj(&a) {
            if let Some(r) = self.try_special(&a, m, vec![b.clone()])? {
                return Ok(r);
            }
        }
        if let Some(Object::Instance(_)) = self.obj(&b) {
            if let Some(r) = self.try_special(&b, rm, vec![a.clone()])? {
                return Ok(r);
            }
        }
        if let (Some(Object::Set(_)), Some(Object::Set(_))) = (self.obj(&a), self.obj(&b)) {
            let meth = match op {
                BinOp::BitOr => Some("union"),
                BinOp::BitAnd => Some("intersection"),
                BinOp::Sub => Some("difference"),
                BinOp::BitXor => Some("symmetric_difference"),
                _ => None,
            };
            if let Some(m) = meth {
                return crate::builtins::call_builtin(self, &format!("set.{}", m), vec![a, b], vec![]);
            }
        }
        match op {
            BinOp::Add => self.add_seq(&a, &b),
            BinOp::Mult => self.mul_seq(&a, &b),
            BinOp::Mod => match &a {
                Value::Str(_) | Value::Unicode(_) => format::percent_format(self, &a, &b),
                _ => self.binop_error(op, &a, &b),
            },
            _ => self.binop_error(op, &a, &b),
        }
    }

    fn binop_error<T>(&mut self, op: BinOp, a: &Value, b: &Value) -> R<T> {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        self.err("TypeError", format!("unsupported operand type(s) for {}: '{}' and '{}'", op.symbol(), ta, tb))
    }

    /// Calls `obj.name(*args)` if the class defines it and it does not return NotImplemented.
    pub fn try_special(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> R<Option<Value>> {
        let cls = match self.obj(obj) {
            Some(Object::Instance(i)) => i.class,
            _ => return Ok(None),
        };
        let Some(m) = self.class_lookup(cls, name) else { return Ok(None) };
        let bound = self.bind(m, obj.clone(), cls)?;
        let r = self.call(bound, args, vec![])?;
        let not_impl = self.builtin("NotImplemented");
        if r == not_impl {
            return Ok(None);
        }
        Ok(Some(r))
    }

    fn add_seq(&mut self, a: &Value, b: &Value) -> R<Value> {
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                return Ok(Interp::bytes(v));
            }
            (Value::Str(_) | Value::Unicode(_), Value::Str(_) | Value::Unicode(_)) => {
                let x = self.text_of(a)?;
                let y = self.text_of(b)?;
                return Ok(Value::Unicode(Rc::from(format!("{}{}", x, y))));
            }
            _ => {}
        }
        match (self.obj(a), self.obj(b)) {
            (Some(Object::List(x)), Some(Object::List(y))) => {
                let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
                Ok(self.new_list(v))
            }
            (Some(Object::Tuple(x)), Some(Object::Tuple(y))) => {
                let v: Vec<Value> = x.iter().chain(y.iter()).cloned().collect();
                Ok(self.new_tuple(v))
            }
            _ => {
                let (ta, tb) = (self.type_name(a), self.type_name(b));
                if matches!(a, Value::Str(_)) || matches!(self.obj(a), Some(Object::List(_) | Object::Tuple(_))) {
                    let msg = if matches!(a, Value::Str(_)) {
                        format!("cannot concatenate 'str' and '{}' objects", tb)
                    } else {
                        format!("can only concatenate {} (not \"{}\") to {}", ta, tb, ta)
                    };
                    return self.err("TypeError", msg);
                }
                self.err("TypeError", format!("unsupported operand type(s) for +: '{}' and '{}'", ta, tb))
            }
        }
    }

    fn mul_seq(&mut self, a: &Value, b: &Value) -> R<Value> {
        let (seq, n) = match (a, b) {
            (_, Value::Int(_) | Value::Bool(_) | Value::Long(_)) => (a, b),
            (Value::Int(_) | Value::Bool(_) | Value::Long(_), _) => (b, a),
            _ => return self.binop_error(BinOp::Mult, a, b),
        };
        let n = match as_num(n) {
            Some(Num::Int(i, _)) => i.max(0),
            _ => 0,
        };
        let len = self.seq_len_hint(seq);
        if (len as i128).saturating_mul(n) > 100_000_000 {
            return self.unsupported("a sequence this large");
        }
        let n = n as usize;
        match seq {
            Value::Str(s) => Ok(Interp::bytes(s.repeat(n))),
            Value::Unicode(s) => Ok(Value::Unicode(Rc::from(s.repeat(n)))),
            _ => match self.obj(seq) {
                Some(Object::List(items)) => {
                    let v: Vec<Value> = (0..n).flat_map(|_| items.iter().cloned()).collect();
                    Ok(self.new_list(v))
                }
                Some(Object::Tuple(items)) => {
                    let v: Vec<Value> = (0..n).flat_map(|_| items.iter().cloned()).collect();
                    Ok(self.new_tuple(v))
                }
                _ => self.binop_error(BinOp::Mult, a, b),
            },
        }
    }

    fn seq_len_hint(&self, v: &Value) -> usize {
        match v {
            Value::Str(s) => s.len(),
            Value::Unicode(s) => s.len(),
            _ => match self.obj(v) {
                Some(Object::List(i)) | Some(Object::Tuple(i)) => i.len(),
                _ => 0,
            },
        }
    }

    /// `a op= b`: lists extend in place; instances may define `__iadd__` etc.
    pub fn inplace_op(&mut self, op: BinOp, a: Value, b: Value) -> R<Value> {
        if let Some(Object::List(_)) = self.obj(&a) {
            if op == BinOp::Add {
                let items = self.iterate(b)?;
                if let Value::Obj(id) = a {
                    if let Object::List(l) = self.heap.get_mut(id) {
                        l.extend(items);
                    }
                }
                return Ok(a);
            }
        }
        if let Some(Object::Instance(_)) = self.obj(&a) {
            let (m, _) = op_methods(op);
            let iname = format!("__i{}", &m[2..]);
            if let Some(r) = self.try_special(&a, &iname, vec![b.clone()])? {
                return Ok(r);
            }
        }
        self.binop(op, a, b)
    }

    pub fn unaryop(&mut self, op: UnaryOp, v: Value) -> R<Value> {
        if op == UnaryOp::Not {
            return Ok(Value::Bool(!self.truthy(&v)?));
        }
        match (op, as_num(&v)) {
            (UnaryOp::USub, Some(Num::Int(i, l))) => Ok(self.int_value(-i, l)),
            (UnaryOp::USub, Some(Num::Float(f))) => Ok(Value::Float(-f)),
            (UnaryOp::UAdd, Some(Num::Int(i, l))) => Ok(self.int_value(i, l)),
            (UnaryOp::UAdd, Some(Num::Float(f))) => Ok(Value::Float(f)),
            (UnaryOp::Invert, Some(Num::Int(i, l))) => Ok(self.int_value(!i, l)),
            _ => {
                let name = match op {
                    UnaryOp::USub => "__neg__",
                    UnaryOp::UAdd => "__pos__",
                    _ => "__invert__",
                };
                if let Some(r) = self.try_special(&v, name, vec![])? {
                    return Ok(r);
                }
                let sym = match op {
                    UnaryOp::USub => "unary -",
                    UnaryOp::UAdd => "unary +",
                    _ => "unary ~",
                };
                let tn = self.type_name(&v);
                self.err("TypeError", format!("bad operand type for {}: '{}'", sym, tn))
            }
        }
    }

    // ----- truth, equality, ordering --------------------------------------

    pub fn truthy(&mut self, v: &Value) -> R<bool> {
        Ok(match v {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Long(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Unicode(s) => !s.is_empty(),
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Tuple(i) | Object::List(i) => !i.is_empty(),
                Object::Dict(d) | Object::Set(d) => !d.is_empty(),
                Object::Instance(_) => {
                    if let Some(r) = self.try_special(v, "__nonzero__", vec![])? {
                        return self.truthy(&r);
                    }
                    if let Some(r) = self.try_special(v, "__len__", vec![])? {
                        return self.truthy(&r);
                    }
                    true
                }
                _ => true,
            },
        })
    }

    pub fn py_eq(&mut self, a: &Value, b: &Value) -> R<bool> {
        self.eq_depth(a, b, 0)
    }

    fn eq_depth(&mut self, a: &Value, b: &Value, depth: usize) -> R<bool> {
        if depth > 500 {
            return self.err("RuntimeError", "maximum recursion depth exceeded in cmp");
        }
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return Ok(match (x, y) {
                (Num::Int(p, _), Num::Int(q, _)) => p == q,
                _ => num_f64(x) == num_f64(y),
            });
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => return Ok(x == y),
            (Value::Unicode(x), Value::Unicode(y)) => return Ok(x == y),
            (Value::Str(x), Value::Unicode(y)) | (Value::Unicode(y), Value::Str(x)) => {
                return Ok(x.is_ascii() && x[..] == *y.as_bytes());
            }
            (Value::None, Value::None) => return Ok(true),
            _ => {}
        }
        let (Value::Obj(ia), Value::Obj(ib)) = (a, b) else {
            // Instances may compare equal to plain values through __eq__.
            if let Some(Object::Instance(_)) = self.obj(b) {
                if let Some(r) = self.try_special(b, "__eq__", vec![a.clone()])? {
                    return self.truthy(&r);
                }
            }
            if let Some(Object::Instance(_)) = self.obj(a) {
                if let Some(r) = self.try_special(a, "__eq__", vec![b.clone()])? {
                    return self.truthy(&r);
                }
            }
            return Ok(false);
        };
        if ia == ib {
            return Ok(true);
        }
        match (self.heap.get(*ia), self.heap.get(*ib)) {
            (Object::Tuple(x), Object::Tuple(y)) | (Object::List(x), Object::List(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let (x, y) = (x.clone(), y.clone());
                for (p, q) in x.iter().zip(y.iter()) {
                    if !self.eq_depth(p, q, depth + 1)? {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Object::Dict(x), Object::Dict(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let (x, y) = (x.clone(), y.clone());
                for (k, v) in x.iter() {
                    match self.dict_find(&y, k)? {
                        Some(k2) => {
                            let v2 = y.get(&k2).cloned().unwrap_or(Value::None);
                            if !self.eq_depth(v, &v2, depth + 1)? {
                                return Ok(false);
                            }
                        }
                        None => return Ok(false),
                    }
                }
                Ok(true)
            }
            (Object::Set(x), Object::Set(y)) => {
                if x.len() != y.len() {
                    return Ok(false);
                }
                let (x, y) = (x.clone(), y.clone());
                for k in x.keys() {
                    if self.dict_find(&y, k)?.is_none() {
                        return Ok(false);
                    }
                }
                Ok(true)
            }
            (Object::Instance(_), _) | (_, Object::Instance(_)) => {
                if let Some(r) = self.try_special(a, "__eq__", vec![b.clone()])? {
                    return self.truthy(&r);
                }
                if let Some(r) = self.try_special(b, "__eq__", vec![a.clone()])? {
                    return self.truthy(&r);
                }
                Ok(false)
            }
            (Object::BoundMethod { receiver: r1, func: f1 }, Object::BoundMethod { receiver: r2, func: f2 }) => {
                Ok(r1 == r2 && f1 == f2)
            }
            _ => Ok(false),
        }
    }

    /// Python 2 ordering (`cmp`): numbers by value, sequences lexicographically,
    /// None first, numbers before other types, other mixed types by type name.
    pub fn py_cmp(&mut self, a: &Value, b: &Value) -> R<Ordering> {
        self.cmp_depth(a, b, 0)
    }

    fn cmp_depth(&mut self, a: &Value, b: &Value, depth: usize) -> R<Ordering> {
        if depth > 500 {
            return self.err("RuntimeError", "maximum recursion depth exceeded in cmp");
        }
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            return Ok(match (x, y) {
                (Num::Int(p, _), Num::Int(q, _)) => p.cmp(&q),
                _ => num_f64(x).partial_cmp(&num_f64(y)).unwrap_or(Ordering::Equal),
            });
        }
        match (a, b) {
            (Value::Str(x), Value::Str(y)) => return Ok(x.cmp(y)),
            (Value::Unicode(x), Value::Unicode(y)) => return Ok(x.cmp(y)),
            (Value::Str(_), Value::Unicode(_)) | (Value::Unicode(_), Value::Str(_)) => {
                let x = self.text_of(a)?;
                let y = self.text_of(b)?;
                return Ok(x.cmp(&y));
            }
            (Value::None, Value::None) => return Ok(Ordering::Equal),
            (Value::None, _) => return Ok(Ordering::Less),
            (_, Value::None) => return Ok(Ordering::Greater),
            _ => {}
        }
        if let (Value::Obj(ia), Value::Obj(ib)) = (a, b) {
            match (self.heap.get(*ia), self.heap.get(*ib)) {
                (Object::Tuple(x), Object::Tuple(y)) | (Object::List(x), Object::List(y)) => {
                    let (x, y) = (x.clone(), y.clone());
                    for (p, q) in x.iter().zip(y.iter()) {
                        if !self.eq_depth(p, q, depth + 1)? {
                            return self.cmp_depth(p, q, depth + 1);
                        }
                    }
                    return Ok(x.len().cmp(&y.len()));
                }
                _ => {}
            }
        }
        for (x, y, flip) in [(a, b, false), (b, a, true)] {
            if let Some(Object::Instance(_)) = self.obj(x) {
                if let Some(r) = self.try_special(x, "__cmp__", vec![y.clone()])? {
                    let o = match r {
                        Value::Int(i) => i.cmp(&0),
                        _ => Ordering::Equal,
                    };
                    return Ok(if flip { o.reverse() } else { o });
                }
            }
        }
        // Mixed types: numbers are smallest, then by type name, then by identity.
        let (na, nb) = (as_num(a).is_some(), as_num(b).is_some());
        if na != nb {
            return Ok(if na { Ordering::Less } else { Ordering::Greater });
        }
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        if ta != tb {
            return Ok(ta.cmp(&tb));
        }
        Ok(self.identity(a).cmp(&self.identity(b)))
    }

    pub fn identity(&self, v: &Value) -> i64 {
        match v {
            Value::Obj(id) => id.0 as i64,
            _ => 0,
        }
    }

    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> R<bool> {
        match op {
            CmpOp::Eq => {
                if let Some(r) = self.rich(a, b, "__eq__", "__eq__")? {
                    return Ok(r);
                }
                self.py_eq(a, b)
            }
            CmpOp::NotEq => {
                if let Some(r) = self.rich(a, b, "__ne__", "__ne__")? {
                    return Ok(r);
                }
                // Python 2 does not derive != from __eq__: instances without __ne__ compare by identity.
                if matches!(self.obj(a), Some(Object::Instance(_))) || matches!(self.obj(b), Some(Object::Instance(_))) {
                    return Ok(a != b);
                }
                Ok(!self.py_eq(a, b)?)
            }
            CmpOp::Is => Ok(a == b),
            CmpOp::IsNot => Ok(a != b),
            CmpOp::In => self.contains(b, a),
            CmpOp::NotIn => Ok(!self.contains(b, a)?),
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                let (m, rm) = match op {
                    CmpOp::Lt => ("__lt__", "__gt__"),
                    CmpOp::LtE => ("__le__", "__ge__"),
                    CmpOp::Gt => ("__gt__", "__lt__"),
                    _ => ("__ge__", "__le__"),
                };
                if let Some(r) = self.rich(a, b, m, rm)? {
                    return Ok(r);
                }
                // NaN compares false with everything.
                if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
                    if num_f64(x).is_nan() || num_f64(y).is_nan() {
                        return Ok(false);
                    }
                }
                let o = self.py_cmp(a, b)?;
                Ok(match op {
                    CmpOp::Lt => o == Ordering::Less,
                    CmpOp::LtE => o != Ordering::Greater,
                    CmpOp::Gt => o == Ordering::Greater,
                    _ => o != Ordering::Less,
                })
            }
        }
    }

    /// A rich comparison method of an instance operand, if one applies.
    fn rich(&mut self, a: &Value, b: &Value, m: &str, rm: &str) -> R<Option<bool>> {
        if let Some(Object::Instance(_)) = self.obj(a) {
            if let Some(r) = self.try_special(a, m, vec![b.clone()])? {
                return Ok(Some(self.truthy(&r)?));
            }
        }
        if let Some(Object::Instance(_)) = self.obj(b) {
            if let Some(r) = self.try_special(b, rm, vec![a.clone()])? {
                return Ok(Some(self.truthy(&r)?));
            }
        }
        Ok(None)
    }

    // ----- hashing and dict keys -----------------------------------------

    /// The value used as a dict key: tuples are replaced by one canonical
    /// tuple per structure (so equal tuples find each other); unhashable
    /// values raise TypeError.
    pub fn hashable_key(&mut self, v: &Value) -> R<Value> {
        let Value::Obj(id) = v else { return Ok(v.clone()) };
        match self.heap.get(*id) {
            Object::Tuple(items) => {
                let items = items.clone();
                let mut norm = Vec::with_capacity(items.len());
                for i in &items {
                    let k = self.hashable_key(i)?;
                    norm.push(normalize_number(&k));
                }
                if let Some(&c) = self.tuple_intern.get(&norm) {
                    return Ok(Value::Obj(c));
                }
                self.tuple_intern.insert(norm, *id);
                Ok(v.clone())
            }
            Object::List(_) | Object::Dict(_) | Object::Set(_) => {
                let tn = self.type_name(v);
                self.err("TypeError", format!("unhashable type: '{}'", tn))
            }
            _ => Ok(v.clone()),
        }
    }

    /// The key under which `key` is stored in `d`, if present (1 == 1.0 == True).
    pub fn dict_find(&mut self, d: &OrderedDict, key: &Value) -> R<Option<Value>> {
        let k = self.hashable_key(key)?;
        if d.contains_key(&k) {
            return Ok(Some(k));
        }
        for alt in equivalents(&k) {
            if d.contains_key(&alt) {
                return Ok(Some(alt));
            }
        }
        Ok(None)
    }

    /// The mapping behind a dict-like object: a dict, or a module's globals (`globals()`).
    pub fn mapping_mut(&mut self, id: ObjId) -> Option<&mut OrderedDict> {
        match self.heap.get_mut(id) {
            Object::Dict(d) => Some(d),
            Object::Module(m) => Some(&mut m.globals),
            _ => None,
        }
    }

    pub fn mapping(&self, id: ObjId) -> Option<&OrderedDict> {
        match self.heap.get(id) {
            Object::Dict(d) => Some(d),
            Object::Module(m) => Some(&m.globals),
            _ => None,
        }
    }

    pub fn dict_get(&mut self, id: ObjId, key: &Value) -> R<Option<Value>> {
        let Some(d) = self.mapping(id) else { return Ok(None) };
        // Cheap path first: most keys are strings or ints found as they are.
        if let Some(v) = d.get(key) {
            return Ok(Some(v.clone()));
        }
        let d = d.clone();
        match self.dict_find(&d, key)? {
            Some(k) => Ok(d.get(&k).cloned()),
            None => Ok(None),
        }
    }

    pub fn dict_set(&mut self, id: ObjId, key: Value, v: Value) -> R<()> {
        let existing = match self.mapping(id) {
            Some(d) if d.contains_key(&key) => Some(key.clone()),
            Some(d) => {
                let d = d.clone();
                self.dict_find(&d, &key)?
            }
            None => None,
        };
        let k = match existing {
            Some(k) => k,
            None => self.hashable_key(&key)?,
        };
        if let Some(d) = self.mapping_mut(id) {
            d.insert(k, v);
        }
        self.sync_dict_owner(id);
        Ok(())
    }

    /// Copies a `__dict__` dict back into its owner after a write.
    pub fn sync_dict_owner(&mut self, dict: ObjId) {
        let Some(&owner) = self.dict_owners.get(&dict) else { return };
        let Object::Dict(d) = self.heap.get(dict) else { return };
        let d = d.clone();
        match self.heap.get_mut(owner) {
            Object::Instance(i) => i.attrs = d,
            Object::Function(f) => f.attrs = d,
            _ => {}
        }
    }

    /// A dict snapshot of an owner's attributes, written back on change.
    pub fn dict_view(&mut self, owner: ObjId, attrs: OrderedDict) -> Value {
        let d = self.new_dict(attrs);
        if let Value::Obj(id) = d {
            self.dict_owners.insert(id, owner);
        }
        d
    }

    pub fn dict_remove(&mut self, id: ObjId, key: &Value) -> R<Option<Value>> {
        let found = match self.mapping(id) {
            Some(d) => {
                let d = d.clone();
                self.dict_find(&d, key)?
            }
            None => None,
        };
        match found {
            Some(k) => {
                let r = self.mapping_mut(id).and_then(|d| d.remove(&k));
                self.sync_dict_owner(id);
                Ok(r)
            }
            None => Ok(None),
        }
    }

    pub fn new_set(&mut self, items: Vec<Value>) -> R<Value> {
        let id = self.heap.alloc(Object::Set(OrderedDict::new()));
        for i in items {
            self.set_add(id, i)?;
        }
        Ok(Value::Obj(id))
    }

    pub fn set_add(&mut self, id: ObjId, v: Value) -> R<()> {
        let d = match self.heap.get(id) {
            Object::Set(d) => d.clone(),
            _ => return Ok(()),
        };
        if self.dict_find(&d, &v)?.is_none() {
            let k = self.hashable_key(&v)?;
            if let Object::Set(d) = self.heap.get_mut(id) {
                d.insert(k, Value::None);
            }
        }
        Ok(())
    }

    /// CPython 2.7's `hash()` (64-bit, no randomization).
    pub fn py_hash(&mut self, v: &Value) -> R<i64> {
        let h = match v {
            Value::None => 0x1f2e3d4c,
            Value::Bool(b) => *b as i64,
            Value::Int(i) => *i,
            Value::Long(i) => {
                if *i >= i64::MIN as i128 && *i <= i64::MAX as i128 {
                    *i as i64
                } else {
                    (*i % (i64::MAX as i128)) as i64
                }
            }
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    *f as i64
                } else {
                    float_hash(*f)
                }
            }
            Value::Str(s) => str_hash(s.iter().map(|&c| c as u64)),
            Value::Unicode(s) => str_hash(s.chars().map(|c| c as u64)),
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Tuple(items) => {
                    let items = items.clone();
                    let mut x: i64 = 0x345678;
                    let mut mult: i64 = 1000003;
                    let mut len = items.len() as i64;
                    for i in &items {
                        len -= 1;
                        let y = self.py_hash(i)?;
                        x = (x ^ y).wrapping_mul(mult);
                        mult = mult.wrapping_add(82520 + len + len);
                    }
                    x.wrapping_add(97531)
                }
                Object::List(_) | Object::Dict(_) | Object::Set(_) => {
                    let tn = self.type_name(v);
                    return self.err("TypeError", format!("unhashable type: '{}'", tn));
                }
                Object::Instance(_) => {
                    if let Some(r) = self.try_special(v, "__hash__", vec![])? {
                        return match r {
                            Value::Int(i) => Ok(i),
                            _ => self.err("TypeError", "an integer is required"),
                        };
                    }
                    id.0 as i64 * 16
                }
                _ => id.0 as i64 * 16,
            },
        };
        Ok(if h == -1 { -2 } else { h })
    }

    // ----- type names -----------------------------------------------------

    /// The type name CPython prints in messages (`'int'`, `'list'`, the class name).
    pub fn type_name(&self, v: &Value) -> String {
        match v {
            Value::None => "NoneType".into(),
            Value::Bool(_) => "bool".into(),
            Value::Int(_) => "int".into(),
            Value::Long(_) => "long".into(),
            Value::Float(_) => "float".into(),
            Value::Str(_) => "str".into(),
            Value::Unicode(_) => "unicode".into(),
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Tuple(_) => "tuple".into(),
                Object::List(_) => "list".into(),
                Object::Dict(_) => "dict".into(),
                Object::Function(_) => "function".into(),
                Object::Class(_) => "type".into(),
                Object::Instance(i) => self.heap.class(i.class).map(|c| c.name.clone()).unwrap_or_default(),
                Object::Module(_) => "module".into(),
                Object::Builtin(n) => {
                    if crate::builtins::is_type_name(n) {
                        "type".into()
                    } else {
                        "builtin_function_or_method".into()
                    }
                }
                Object::BoundMethod { .. } => "instancemethod".into(),
                Object::StaticMethod(_) => "staticmethod".into(),
                Object::Cell(_) => "cell".into(),
                Object::Set(_) => "set".into(),
                Object::Iterator { .. } => "iterator".into(),
                Object::Property { .. } => "property".into(),
                Object::ClassMethod(_) => "classmethod".into(),
                Object::Super { .. } => "super".into(),
            },
        }
    }

    /// `type(v)`: the class of an instance, else the built-in type object.
    pub fn type_of(&mut self, v: &Value) -> Value {
        if let Some(Object::Instance(i)) = self.obj(v) {
            return Value::Obj(i.class);
        }
        let name = match self.type_name(v).as_str() {
            "iterator" => "iterator".to_string(),
            n => n.to_string(),
        };
        self.builtin(&name)
    }

    // ----- str and repr ---------------------------------------------------

    pub fn py_str(&mut self, v: &Value) -> R<Vec<u8>> {
        match v {
            Value::Str(s) => Ok(s.to_vec()),
            Value::Float(f) => Ok(format::float_str(*f).into_bytes()),
            Value::Long(i) => Ok(i.to_string().into_bytes()),
            Value::Unicode(s) => {
                if s.is_ascii() {
                    Ok(s.as_bytes().to_vec())
                } else {
                    self.err("UnicodeEncodeError", "'ascii' codec can't encode characters: ordinal not in range(128)")
                }
            }
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Instance(i) => {
                    let cls = i.class;
                    if let Some(m) = self.class_lookup(cls, "__str__") {
                        let bound = self.bind(m, v.clone(), cls)?;
                        let r = self.call(bound, vec![], vec![])?;
                        return match r {
                            Value::Str(_) | Value::Unicode(_) => self.py_str(&r),
                            _ => self.err("TypeError", "__str__ returned non-string"),
                        };
                    }
                    self.py_repr(v)
                }
                _ => self.py_repr(v),
            },
            _ => self.py_repr(v),
        }
    }

    pub fn py_repr(&mut self, v: &Value) -> R<Vec<u8>> {
        let mut seen = Vec::new();
        self.repr_inner(v, &mut seen)
    }

    fn repr_inner(&mut self, v: &Value, seen: &mut Vec<ObjId>) -> R<Vec<u8>> {
        Ok(match v {
            Value::None => b"None".to_vec(),
            Value::Bool(b) => if *b { b"True".to_vec() } else { b"False".to_vec() },
            Value::Int(i) => i.to_string().into_bytes(),
            Value::Long(i) => format!("{}L", i).into_bytes(),
            Value::Float(f) => format::float_repr(*f).into_bytes(),
            Value::Str(s) => format::str_repr(s).into_bytes(),
            Value::Unicode(s) => format::unicode_repr(s).into_bytes(),
            Value::Obj(id) => {
                let id = *id;
                if seen.contains(&id) || seen.len() > 200 {
                    return Ok(match self.heap.get(id) {
                        Object::Dict(_) => b"{...}".to_vec(),
                        _ => b"[...]".to_vec(),
                    });
                }
                match self.heap.get(id).clone() {
                    Object::Tuple(items) | Object::List(items) => {
                        let is_tuple = matches!(self.heap.get(id), Object::Tuple(_));
                        seen.push(id);
                        let mut out = vec![if is_tuple { b'(' } else { b'[' }];
                        for (n, i) in items.iter().enumerate() {
                            if n > 0 {
                                out.extend_from_slice(b", ");
                            }
                            out.extend(self.repr_inner(i, seen)?);
                        }
                        if is_tuple && items.len() == 1 {
                            out.push(b',');
                        }
                        out.push(if is_tuple { b')' } else { b']' });
                        seen.pop();
                        out
                    }
                    Object::Dict(d) => {
                        seen.push(id);
                        let mut out = vec![b'{'];
                        for (n, (k, val)) in d.iter().enumerate() {
                            if n > 0 {
                                out.extend_from_slice(b", ");
                            }
                            out.extend(self.repr_inner(k, seen)?);
                            out.extend_from_slice(b": ");
                            out.extend(self.repr_inner(val, seen)?);
                        }
                        out.push(b'}');
                        seen.pop();
                        out
                    }
                    Object::Set(d) => {
                        seen.push(id);
                        let mut out = b"set([".to_vec();
                        for (n, k) in d.keys().enumerate() {
                            if n > 0 {
                                out.extend_from_slice(b", ");
                            }
                            out.extend(self.repr_inner(k, seen)?);
                        }
                        out.extend_from_slice(b"])");
                        seen.pop();
                        out
                    }
                    Object::Instance(i) => {
                        let cls = i.class;
                        if let Some(m) = self.class_lookup(cls, "__repr__") {
                            let bound = self.bind(m, v.clone(), cls)?;
                            let r = self.call(bound, vec![], vec![])?;
                            return match r {
                                Value::Str(_) | Value::Unicode(_) => self.py_str(&r),
                                _ => self.err("TypeError", "__repr__ returned non-string"),
                            };
                        }
                        let qual = self.class_qualname(cls);
                        if self.is_new_style(cls) {
                            format!("<{} object at 0x{:x}>", qual, fake_address(id)).into_bytes()
                        } else {
                            format!("<{} instance at 0x{:x}>", qual, fake_address(id)).into_bytes()
                        }
                    }
                    Object::Class(c) => {
                        let qual = self.class_qualname(id);
                        let builtin_module =
                            self.heap.module(c.module).is_some_and(|m| m.name == "exceptions" || m.name == "__builtin__");
                        if builtin_module {
                            format!("<type '{}'>", qual).into_bytes()
                        } else if self.is_new_style(id) {
                            format!("<class '{}'>", qual).into_bytes()
                        } else {
                            qual.into_bytes()
                        }
                    }
                    Object::Function(f) => format!("<function {} at 0x{:x}>", f.name, fake_address(id)).into_bytes(),
                    Object::Module(m) => match m.file {
                        None => format!("<module '{}' (built-in)>", m.name).into_bytes(),
                        Some(f) => {
                            let p = self.sources.path(f).display().to_string();
                            format!("<module '{}' from '{}'>", m.name, p).into_bytes()
                        }
                    },
                    Object::Builtin(n) => {
                        if crate::builtins::is_type_name(&n) {
                            format!("<type '{}'>", n).into_bytes()
                        } else {
                            match n.as_str() {
                                "NotImplemented" => b"NotImplemented".to_vec(),
                                "Ellipsis" => b"Ellipsis".to_vec(),
                                _ => format!("<built-in function {}>", n.rsplit('.').next().unwrap_or(&n)).into_bytes(),
                            }
                        }
                    }
                    Object::BoundMethod { receiver, func } => {
                        let fname = match self.obj(&func) {
                            Some(Object::Function(f)) => f.name.clone(),
                            Some(Object::Builtin(n)) => n.clone(),
                            _ => "?".into(),
                        };
                        let r = self.repr_inner(&receiver, seen)?;
                        format!("<bound method {} of {}>", fname, String::from_utf8_lossy(&r)).into_bytes()
                    }
                    Object::StaticMethod(_) => format!("<staticmethod object at 0x{:x}>", fake_address(id)).into_bytes(),
                    Object::ClassMethod(_) => format!("<classmethod object at 0x{:x}>", fake_address(id)).into_bytes(),
                    Object::Property { .. } => format!("<property object at 0x{:x}>", fake_address(id)).into_bytes(),
                    Object::Cell(_) => format!("<cell at 0x{:x}>", fake_address(id)).into_bytes(),
                    Object::Iterator { .. } => format!("<iterator object at 0x{:x}>", fake_address(id)).into_bytes(),
                    Object::Super { .. } => b"<super object>".to_vec(),
                }
            }
        })
    }

    /// `module.Class` as CPython prints it (built-in exceptions are `exceptions.X`).
    pub fn class_qualname(&self, cls: ObjId) -> String {
        match self.heap.class(cls) {
            Some(c) => {
                let m = self.heap.module(c.module).map(|m| m.name.as_str()).unwrap_or("?");
                if m == "__builtin__" {
                    c.name.clone()
                } else {
                    format!("{}.{}", m, c.name)
                }
            }
            None => "?".into(),
        }
    }

    /// A str or unicode value as Rust text (str is decoded as ASCII, as Python 2 does).
    pub fn text_of(&mut self, v: &Value) -> R<String> {
        match v {
            Value::Unicode(s) => Ok(s.to_string()),
            Value::Str(s) => match std::str::from_utf8(s) {
                Ok(t) if s.is_ascii() => Ok(t.to_string()),
                _ => self.err("UnicodeDecodeError", "'ascii' codec can't decode byte: ordinal not in range(128)"),
            },
            _ => {
                let s = self.py_str(v)?;
                Ok(String::from_utf8_lossy(&s).into_owned())
            }
        }
    }

    // ----- containers -----------------------------------------------------

    pub fn len(&mut self, v: &Value) -> R<usize> {
        match v {
            Value::Str(s) => return Ok(s.len()),
            Value::Unicode(s) => return Ok(s.chars().count()),
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Tuple(i) | Object::List(i) => return Ok(i.len()),
                Object::Dict(d) | Object::Set(d) => return Ok(d.len()),
                Object::Module(m) => return Ok(m.globals.len()),
                Object::Instance(_) => {
                    if let Some(r) = self.try_special(v, "__len__", vec![])? {
                        return match r {
                            Value::Int(i) if i >= 0 => Ok(i as usize),
                            Value::Int(_) => self.err("ValueError", "__len__() should return >= 0"),
                            _ => self.err("TypeError", "an integer is required"),
                        };
                    }
                }
                _ => {}
            },
            _ => {}
        }
        let tn = self.type_name(v);
        self.err("TypeError", format!("object of type '{}' has no len()", tn))
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> R<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => return Ok(find_bytes(s, sub, 0).is_some()),
                Value::Unicode(_) => {
                    let c = self.text_of(container)?;
                    let i = self.text_of(item)?;
                    return Ok(c.contains(i.as_str()));
                }
                _ => {
                    let tn = self.type_name(item);
                    return self.err("TypeError", format!("'in <string>' requires string as left operand, not {}", tn));
                }
            },
            Value::Unicode(s) => {
                let i = self.text_of(item)?;
                return Ok(s.contains(i.as_str()));
            }
            Value::Obj(id) => match self.heap.get(*id) {
                Object::Dict(_) | Object::Module(_) => {
                    let id = *id;
                    return Ok(self.dict_get(id, item)?.is_some());
                }
                Object::Set(d) => {
                    let d = d.clone();
                    return Ok(self.dict_find(&d, item)?.is_some());
                }
                Object::Tuple(items) | Object::List(items) => {
                    let items = items.clone();
                    for i in &items {
                        if i == item || self.py_eq(i, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Object::Instance(_) => {
                    if let Some(r) = self.try_special(container, "__contains__", vec![item.clone()])? {
                        return self.truthy(&r);
                    }
                }
                _ => {}
            },
            _ => {}
        }
        let mut it = self.get_iter(container.clone())?;
        while let Some(v) = self.iter_next(&mut it)? {
            if self.py_eq(&v, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// An index value as a machine integer.
    pub fn index_of(&mut self, v: &Value) -> R<i64> {
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Long(i) => Ok((*i).clamp(i64::MIN as i128, i64::MAX as i128) as i64),
            _ => {
                if let Some(Object::Instance(_)) = self.obj(v) {
                    if let Some(r) = self.try_special(v, "__index__", vec![])? {
                        return self.index_of(&r);
                    }
                }
                let tn = self.type_name(v);
                self.err("TypeError", format!("list indices must be integers, not {}", tn))
            }
        }
    }

    /// Resolves slice bounds against a length (CPython's PySlice_GetIndicesEx):
    /// the indices the slice selects.
    pub fn slice_indices(&mut self, len: usize, lo: &Option<Value>, hi: &Option<Value>, step: &Option<Value>) -> R<Vec<usize>> {
        let len = len as i64;
        let step = match step {
            Some(s) => self.index_of(s)?,
            None => 1,
        };
        if step == 0 {
            return self.err("ValueError", "slice step cannot be zero");
        }
        let bound = |it: &mut Interp, v: &Option<Value>, default: i64| -> R<i64> {
            match v {
                None => Ok(default),
                Some(v) => {
                    let mut i = it.index_of(v)?;
                    if i < 0 {
                        i += len;
                    }
                    Ok(if step > 0 { i.clamp(0, len) } else { i.clamp(-1, len - 1) })
                }
            }
        };
        let (start, stop) = if step > 0 {
            (bound(self, lo, 0)?, bound(self, hi, len)?)
        } else {
            (bound(self, lo, len - 1)?, bound(self, hi, -1)?)
        };
        let mut out = Vec::new();
        let mut i = start;
        while (step > 0 && i < stop) || (step < 0 && i > stop) {
            out.push(i as usize);
            i += step;
        }
        Ok(out)
    }

    fn norm_index(&mut self, i: &Value, len: usize, what: &str) -> R<usize> {
        let mut i = self.index_of(i)?;
        if i < 0 {
            i += len as i64;
        }
        if i < 0 || i >= len as i64 {
            return self.err("IndexError", format!("{} index out of range", what));
        }
        Ok(i as usize)
    }

    pub fn getitem(&mut self, v: &Value, key: Key) -> R<Value> {
        match v {
            Value::Str(s) => {
                return match key {
                    Key::Index(i) => {
                        if !matches!(i, Value::Int(_) | Value::Bool(_) | Value::Long(_)) {
                            return self.err("TypeError", "string indices must be integers, not str");
                        }
                        let i = self.norm_index(&i, s.len(), "string")?;
                        Ok(Interp::bytes(vec![s[i]]))
                    }
                    Key::Slice(lo, hi, st) => {
                        let idx = self.slice_indices(s.len(), &lo, &hi, &st)?;
                        Ok(Interp::bytes(idx.iter().map(|&i| s[i]).collect::<Vec<u8>>()))
                    }
                };
            }
            Value::Unicode(s) => {
                let chars: Vec<char> = s.chars().collect();
                return match key {
                    Key::Index(i) => {
                        let i = self.norm_index(&i, chars.len(), "string")?;
                        Ok(Value::Unicode(Rc::from(chars[i].to_string())))
                    }
                    Key::Slice(lo, hi, st) => {
                        let idx = self.slice_indices(chars.len(), &lo, &hi, &st)?;
                        Ok(Value::Unicode(Rc::from(idx.iter().map(|&i| chars[i]).collect::<String>())))
                    }
                };
            }
            _ => {}
        }
        let Value::Obj(id) = v else {
            let tn = self.type_name(v);
            return self.err("TypeError", format!("'{}' object has no attribute '__getitem__'", tn));
        };
        let id = *id;
        match (self.heap.get(id), key) {
            (Object::List(items), Key::Index(i)) | (Object::Tuple(items), Key::Index(i)) => {
                let len = items.len();
                let what = if matches!(self.heap.get(id), Object::List(_)) { "list" } else { "tuple" };
                let n = self.norm_index(&i, len, what)?;
                match self.heap.get(id) {
                    Object::List(items) | Object::Tuple(items) => Ok(items[n].clone()),
                    _ => Ok(Value::None),
                }
            }
            (Object::List(items), Key::Slice(lo, hi, st)) | (Object::Tuple(items), Key::Slice(lo, hi, st)) => {
                let is_list = matches!(self.heap.get(id), Object::List(_));
                let items = items.clone();
                let idx = self.slice_indices(items.len(), &lo, &hi, &st)?;
                let out: Vec<Value> = idx.iter().map(|&i| items[i].clone()).collect();
                Ok(if is_list { self.new_list(out) } else { self.new_tuple(out) })
            }
            (Object::Dict(_) | Object::Module(_), Key::Index(k)) => match self.dict_get(id, &k)? {
                Some(v) => Ok(v),
                None => {
                    let e = self.new_exc("KeyError", vec![k]);
                    Err(self.raise_value(e))
                }
            },
            (Object::Instance(_), Key::Index(k)) => match self.try_special(v, "__getitem__", vec![k])? {
                Some(r) => Ok(r),
                None => {
                    let tn = self.type_name(v);
                    self.err("TypeError", format!("'{}' object has no attribute '__getitem__'", tn))
                }
            },
            (Object::Instance(_), Key::Slice(..)) => self.unsupported("slicing an instance"),
            _ => {
                let tn = self.type_name(v);
                self.err("TypeError", format!("'{}' object has no attribute '__getitem__'", tn))
            }
        }
    }

    pub fn setitem(&mut self, v: &Value, key: Key, item: Value) -> R<()> {
        let Value::Obj(id) = v else {
            let tn = self.type_name(v);
            return self.err("TypeError", format!("'{}' object does not support item assignment", tn));
        };
        let id = *id;
        match (self.heap.get(id), key) {
            (Object::List(items), Key::Index(i)) => {
                let len = items.len();
                let n = self.norm_index(&i, len, "list assignment")?;
                if let Object::List(items) = self.heap.get_mut(id) {
                    items[n] = item;
                }
                Ok(())
            }
            (Object::List(items), Key::Slice(lo, hi, st)) => {
                let len = items.len();
                let new = self.iterate(item)?;
                if st.is_none() {
                    // A simple slice replaces a range (which may change the length).
                    let idx = self.slice_indices(len, &lo, &hi, &None)?;
                    let start = match (&lo, idx.first()) {
                        (_, Some(&s)) => s,
                        (None, None) => 0,
                        (Some(l), None) => {
                            let l = self.index_of(l)?;
                            (if l < 0 { l + len as i64 } else { l }).clamp(0, len as i64) as usize
                        }
                    };
                    let end = start + idx.len();
                    if let Object::List(items) = self.heap.get_mut(id) {
                        items.splice(start..end, new);
                    }
                    return Ok(());
                }
                let idx = self.slice_indices(len, &lo, &hi, &st)?;
                if idx.len() != new.len() {
                    return self.err(
                        "ValueError",
                        format!("attempt to assign sequence of size {} to extended slice of size {}", new.len(), idx.len()),
                    );
                }
                if let Object::List(items) = self.heap.get_mut(id) {
                    for (i, v) in idx.into_iter().zip(new) {
                        items[i] = v;
                    }
                }
                Ok(())
            }
            (Object::Dict(_) | Object::Module(_), Key::Index(k)) => self.dict_set(id, k, item),
            (Object::Instance(_), Key::Index(k)) => match self.try_special(v, "__setitem__", vec![k, item])? {
                Some(_) => Ok(()),
                None => {
                    let tn = self.type_name(v);
                    self.err("TypeError", format!("'{}' object does not support item assignment", tn))
                }
            },
            _ => {
                let tn = self.type_name(v);
                self.err("TypeError", format!("'{}' object does not support item assignment", tn))
            }
        }
    }

    pub fn delitem(&mut self, v: &Value, key: Key) -> R<()> {
        let Value::Obj(id) = v else {
            let tn = self.type_name(v);
            return self.err("TypeError", format!("'{}' object doesn't support item deletion", tn));
        };
        let id = *id;
        match (self.heap.get(id), key) {
            (Object::List(items), Key::Index(i)) => {
                let len = items.len();
                let n = self.norm_index(&i, len, "list assignment")?;
                if let Object::List(items) = self.heap.get_mut(id) {
                    items.remove(n);
                }
                Ok(())
            }
            (Object::List(items), Key::Slice(lo, hi, st)) => {
                let len = items.len();
                let mut idx = self.slice_indices(len, &lo, &hi, &st)?;
                idx.sort_unstable();
                if let Object::List(items) = self.heap.get_mut(id) {
                    for i in idx.into_iter().rev() {
                        items.remove(i);
                    }
                }
                Ok(())
            }
            (Object::Dict(_) | Object::Module(_), Key::Index(k)) => match self.dict_remove(id, &k)? {
                Some(_) => Ok(()),
                None => {
                    let e = self.new_exc("KeyError", vec![k]);
                    Err(self.raise_value(e))
                }
            },
            (Object::Instance(_), Key::Index(k)) => match self.try_special(v, "__delitem__", vec![k])? {
                Some(_) => Ok(()),
                None => {
                    let tn = self.type_name(v);
                    self.err("TypeError", format!("'{}' object doesn't support item deletion", tn))
                }
            },
            _ => {
                let tn = self.type_name(v);
                self.err("TypeError", format!("'{}' object doesn't support item deletion", tn))
            }
        }
    }

    // ----- iteration ------------------------------------------------------

    pub fn get_iter(&mut self, v: Value) -> R<PyIter> {
        match &v {
            Value::Str(s) => return Ok(PyIter::Seq(s.iter().map(|&c| Interp::bytes(vec![c])).collect(), 0)),
            Value::Unicode(s) => {
                return Ok(PyIter::Seq(s.chars().map(|c| Value::Unicode(Rc::from(c.to_string()))).collect(), 0))
            }
            Value::Obj(id) => {
                let id = *id;
                match self.heap.get(id) {
                    Object::List(_) => return Ok(PyIter::List(id, 0)),
                    Object::Tuple(items) => return Ok(PyIter::Seq(items.clone(), 0)),
                    Object::Dict(d) | Object::Set(d) => return Ok(PyIter::Seq(d.keys().cloned().collect(), 0)),
                    Object::Module(m) => return Ok(PyIter::Seq(m.globals.keys().cloned().collect(), 0)),
                    Object::Iterator { .. } => return Ok(PyIter::Host(id)),
                    Object::Instance(i) => {
                        let cls = i.class;
                        if let Some(m) = self.class_lookup(cls, "__iter__") {
                            let bound = self.bind(m, v.clone(), cls)?;
                            let it = self.call(bound, vec![], vec![])?;
                            return match self.obj(&it) {
                                Some(Object::Iterator { .. }) => match it {
                                    Value::Obj(i) => Ok(PyIter::Host(i)),
                                    _ => Ok(PyIter::Seq(vec![], 0)),
                                },
                                Some(Object::Instance(_)) => Ok(PyIter::Next(it)),
                                Some(Object::List(_) | Object::Tuple(_)) => {
                                    let tn = self.type_name(&it);
                                    self.err("TypeError", format!("iter() returned non-iterator of type '{}'", tn))
                                }
                                _ => self.get_iter(it),
                            };
                        }
                        if self.class_lookup(cls, "__getitem__").is_some() {
                            return Ok(PyIter::GetItem(v, 0));
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
        let tn = self.type_name(&v);
        self.err("TypeError", format!("'{}' object is not iterable", tn))
    }

    pub fn iter_next(&mut self, it: &mut PyIter) -> R<Option<Value>> {
        match it {
            PyIter::Seq(items, pos) => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                Ok(v)
            }
            PyIter::List(id, pos) => {
                let v = match self.heap.get(*id) {
                    Object::List(items) => items.get(*pos).cloned(),
                    _ => None,
                };
                *pos += 1;
                Ok(v)
            }
            PyIter::Host(id) => match self.heap.get_mut(*id) {
                Object::Iterator { items, pos } => {
                    let v = items.get(*pos).cloned();
                    if v.is_some() {
                        *pos += 1;
                    }
                    Ok(v)
                }
                _ => Ok(None),
            },
            PyIter::Next(obj) => {
                let obj = obj.clone();
                match self.call_method(obj, "next", vec![], vec![]) {
                    Ok(v) => Ok(Some(v)),
                    Err(Unwind::Raise(e)) if self.exc_is(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            PyIter::GetItem(obj, i) => {
                let obj = obj.clone();
                let idx = Value::Int(*i);
                *i += 1;
                match self.getitem(&obj, Key::Index(idx)) {
                    Ok(v) => Ok(Some(v)),
                    Err(Unwind::Raise(e)) if self.exc_is(&e, "IndexError") || self.exc_is(&e, "StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
        }
    }

    /// All items of an iterable.
    pub fn iterate(&mut self, v: Value) -> R<Vec<Value>> {
        match self.obj(&v) {
            Some(Object::List(items)) | Some(Object::Tuple(items)) => return Ok(items.clone()),
            _ => {}
        }
        let mut it = self.get_iter(v)?;
        let mut out = Vec::new();
        while let Some(x) = self.iter_next(&mut it)? {
            out.push(x);
            if out.len() > 10_000_000 {
                return self.unsupported("an iteration this long");
            }
        }
        Ok(out)
    }
}

/// A deterministic stand-in for an object's address in reprs.
pub fn fake_address(id: ObjId) -> u64 {
    0x7f0000000000 + id.0 as u64 * 0x20
}

/// Numbers that compare equal hash alike in Python: the forms to also look for.
fn equivalents(k: &Value) -> Vec<Value> {
    match k {
        Value::Bool(b) => vec![Value::Int(*b as i64), Value::Float(*b as i64 as f64), Value::Long(*b as i128)],
        Value::Int(i) => {
            let mut v = vec![Value::Float(*i as f64), Value::Long(*i as i128)];
            if *i == 0 || *i == 1 {
                v.push(Value::Bool(*i == 1));
            }
            v
        }
        Value::Long(i) => {
            let mut v = vec![Value::Float(*i as f64)];
            if *i >= i64::MIN as i128 && *i <= i64::MAX as i128 {
                v.push(Value::Int(*i as i64));
            }
            if *i == 0 || *i == 1 {
                v.push(Value::Bool(*i == 1));
            }
            v
        }
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => {
            let i = *f as i64;
            let mut v = vec![Value::Int(i), Value::Long(i as i128)];
            if i == 0 || i == 1 {
                v.push(Value::Bool(i == 1));
            }
            v
        }
        Value::Str(s) if s.is_ascii() => {
            vec![Value::Unicode(Rc::from(std::str::from_utf8(s).unwrap_or("")))]
        }
        Value::Unicode(s) if s.is_ascii() => vec![Value::Str(Rc::from(s.as_bytes()))],
        _ => vec![],
    }
}

/// One representative per class of equal numbers/strings, for tuple interning.
fn normalize_number(v: &Value) -> Value {
    match v {
        Value::Bool(b) => Value::Int(*b as i64),
        Value::Long(i) if *i >= i64::MIN as i128 && *i <= i64::MAX as i128 => Value::Int(*i as i64),
        Value::Float(f) if f.fract() == 0.0 && f.abs() < 1e18 => Value::Int(*f as i64),
        Value::Unicode(s) if s.is_ascii() => Value::Str(Rc::from(s.as_bytes())),
        _ => v.clone(),
    }
}

fn str_hash(chars: impl Iterator<Item = u64> + Clone) -> i64 {
    let mut it = chars.clone();
    let Some(first) = it.next() else { return 0 };
    let mut x: u64 = first << 7;
    let mut len = 0u64;
    for c in chars {
        x = x.wrapping_mul(1000003) ^ c;
        len += 1;
    }
    x ^= len;
    x as i64
}

fn float_hash(f: f64) -> i64 {
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -271828 };
    }
    if f.is_nan() {
        return 0;
    }
    // frexp
    let (mut m, e) = frexp(f);
    m *= 2147483648.0;
    let hipart = m as i64;
    m = (m - hipart as f64) * 2147483648.0;
    hipart.wrapping_add(m as i64).wrapping_add((e as i64) << 15)
}

pub fn frexp(f: f64) -> (f64, i32) {
    if f == 0.0 || !f.is_finite() {
        return (f, 0);
    }
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        // Subnormal: scale up first.
        let (m, e) = frexp(f * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

pub fn find_bytes(hay: &[u8], needle: &[u8], start: usize) -> Option<usize> {
    if start > hay.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    hay[start..].windows(needle.len()).position(|w| w == needle).map(|p| p + start)
}

//! Operations on instances that call the instance's own methods: `x[k]`
//! (`__getitem__`), `x[k] = v` (`__setitem__`), `k in x` (`__contains__`),
//! `iter(x)` (`__iter__`) and `next` (`next`), `len(x)` (`__len__`), and
//! reading or writing a `property`. The annotator and the rtyper both turn
//! these into method calls, deciding with this one function.

use flowmodel::Operand;
use flowspace::{Flow, FlowOp, HlOp};
use hostobj::{Heap, ObjId, Object, Value};

use crate::model::SomeValue;

/// What an operation on an instance calls.
#[derive(Clone, Debug, PartialEq)]
pub enum SpecialCall {
    /// The method of this name (dispatched on the receiver's class).
    Method(&'static str),
    /// This function with the receiver as `self` (a property's getter or setter).
    Function(ObjId),
}

/// The call an operation stands for when its first argument is an
/// instance, with the operands passed after the receiver.
pub fn special_call<'o>(heap: &Heap, op: &'o FlowOp, args: &[SomeValue]) -> Option<(SpecialCall, &'o [Operand<Flow>])> {
    let SomeValue::Instance { class, .. } = args.first()? else { return None };
    let method = |name: &'static str| Some((SpecialCall::Method(name), &op.args[1..]));
    match op.op {
        HlOp::GetItem => method("__getitem__"),
        HlOp::SetItem => method("__setitem__"),
        HlOp::Contains => method("__contains__"),
        HlOp::Iter => method("__iter__"),
        HlOp::Next => method("next"),
        HlOp::GetAttr | HlOp::SetAttr => {
            let Operand::Const(Value::Str(name)) = op.args.get(1)? else { return None };
            let (_, Value::Obj(p)) = heap.lookup_class_attr(*class, &String::from_utf8_lossy(name))? else { return None };
            let Object::Property { fget, fset } = heap.get(*p) else { return None };
            let f = if op.op == HlOp::GetAttr { fget } else { fset };
            match f {
                Value::Obj(f) if heap.function(*f).is_some() => Some((SpecialCall::Function(*f), &op.args[2..])),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The method a built-in function calls on an instance (`len(x)`).
pub fn builtin_method(builtin: &str) -> Option<&'static str> {
    match builtin {
        "len" => Some("__len__"),
        _ => None,
    }
}

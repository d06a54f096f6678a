//! Attribute access: instances, classes (MRO, descriptors), modules,
//! functions, and the methods of built-in values.

use hostobj::{ObjId, Object, Value};

use crate::builtins::{has_method, method_type};
use crate::interp::{Interp, R};

impl Interp {
    /// `cls.__dict__[name]` seen through an instance or class: functions become
    /// bound methods, static/class methods unwrap, properties call their getter.
    pub fn bind(&mut self, attr: Value, receiver: Value, cls: ObjId) -> R<Value> {
        let bound = match self.obj(&attr) {
            Some(Object::Function(_)) => Some(Object::BoundMethod { receiver, func: attr.clone() }),
            Some(Object::Builtin(n)) if n.starts_with("object.") || n.starts_with("BaseException.") => {
                Some(Object::BoundMethod { receiver, func: attr.clone() })
            }
            Some(Object::StaticMethod(f)) => return Ok(f.clone()),
            Some(Object::ClassMethod(f)) => Some(Object::BoundMethod { receiver: Value::Obj(cls), func: f.clone() }),
            Some(Object::Property { fget, .. }) => {
                let fget = fget.clone();
                if fget == Value::None {
                    return self.err("AttributeError", "unreadable attribute");
                }
                return self.call(fget, vec![receiver], vec![]);
            }
            _ => None,
        };
        Ok(match bound {
            Some(o) => self.alloc(o),
            None => attr,
        })
    }

    pub fn getattr(&mut self, v: &Value, name: &str) -> R<Value> {
        match self.getattr_opt(v, name)? {
            Some(r) => Ok(r),
            None => {
                let msg = self.no_attr_message(v, name);
                self.err("AttributeError", msg)
            }
        }
    }

    fn no_attr_message(&mut self, v: &Value, name: &str) -> String {
        match self.obj(v) {
            Some(Object::Instance(i)) => {
                let cls = i.class;
                let cname = self.heap.class(cls).map(|c| c.name.clone()).unwrap_or_default();
                if self.is_new_style(cls) {
                    format!("'{}' object has no attribute '{}'", cname, name)
                } else {
                    format!("{} instance has no attribute '{}'", cname, name)
                }
            }
            Some(Object::Class(c)) => {
                let cname = c.name.clone();
                let Value::Obj(id) = v else { return String::new() };
                if self.is_new_style(*id) {
                    format!("type object '{}' has no attribute '{}'", cname, name)
                } else {
                    format!("class {} has no attribute '{}'", cname, name)
                }
            }
            Some(Object::Builtin(n)) if crate::builtins::is_type_name(n) => {
                format!("type object '{}' has no attribute '{}'", n, name)
            }
            _ => {
                let tn = self.type_name(v);
                format!("'{}' object has no attribute '{}'", tn, name)
            }
        }
    }

    /// Attribute lookup; None when the attribute does not exist.
    pub fn getattr_opt(&mut self, v: &Value, name: &str) -> R<Option<Value>> {
        let Value::Obj(id) = v else {
            return Ok(self.value_method(v, name));
        };
        let id = *id;
        match self.heap.get(id) {
            Object::Instance(inst) => {
                let cls = inst.class;
                if name == "__class__" {
                    return Ok(Some(Value::Obj(cls)));
                }
                if name == "__dict__" {
                    let d = inst.attrs.clone();
                    return Ok(Some(self.dict_view(id, d)));
                }
                let class_attr = self.class_lookup(cls, name);
                // Properties win over the instance dict (data descriptors).
                if let Some(a) = &class_attr {
                    if let Some(Object::Property { .. }) = self.obj(a) {
                        return Ok(Some(self.bind(a.clone(), v.clone(), cls)?));
                    }
                }
                if let Object::Instance(inst) = self.heap.get(id) {
                    if let Some(x) = inst.attrs.get_str(name) {
                        return Ok(Some(x.clone()));
                    }
                }
                if let Some(a) = class_attr {
                    return Ok(Some(self.bind(a, v.clone(), cls)?));
                }
                let base_exc = self.class_named("BaseException");
                if name == "message" && self.is_subclass(cls, base_exc) {
                    let args = self.getattr_opt(v, "args")?.unwrap_or(Value::None);
                    return Ok(Some(match self.obj(&args) {
                        Some(Object::Tuple(items)) if items.len() == 1 => items[0].clone(),
                        _ => Value::str(""),
                    }));
                }
                if let Some(ga) = self.class_lookup(cls, "__getattr__") {
                    let bound = self.bind(ga, v.clone(), cls)?;
                    return match self.call(bound, vec![Value::str(name)], vec![]) {
                        Ok(r) => Ok(Some(r)),
                        Err(crate::interp::Unwind::Raise(e)) if self.exc_is(&e, "AttributeError") => Ok(None),
                        Err(e) => Err(e),
                    };
                }
                Ok(None)
            }
            Object::Class(c) => {
                match name {
                    "__name__" => return Ok(Some(Value::str(&c.name))),
                    "__module__" => {
                        let m = self.heap.module(c.module).map(|m| m.name.clone()).unwrap_or_default();
                        return Ok(Some(Value::str(&m)));
                    }
                    "__bases__" => {
                        let b = c.bases.iter().map(|&b| Value::Obj(b)).collect();
                        return Ok(Some(self.new_tuple(b)));
                    }
                    "__dict__" => {
                        let d = c.dict.clone();
                        return Ok(Some(self.new_dict(d)));
                    }
                    "__mro__" => {
                        let m = self.mro(id).iter().map(|&b| Value::Obj(b)).collect();
                        return Ok(Some(self.new_tuple(m)));
                    }
                    "__class__" => return Ok(Some(self.builtin("type"))),
                    _ => {}
                }
                let Some(a) = self.class_lookup(id, name) else {
                    if name == "__doc__" {
                        return Ok(Some(Value::None));
                    }
                    return Ok(None);
                };
                Ok(Some(match self.obj(&a) {
                    Some(Object::StaticMethod(f)) => f.clone(),
                    Some(Object::ClassMethod(f)) => {
                        let f = f.clone();
                        self.alloc(Object::BoundMethod { receiver: v.clone(), func: f })
                    }
                    _ => a,
                }))
            }
            Object::Module(m) => {
                if let Some(x) = m.globals.get_str(name) {
                    return Ok(Some(x.clone()));
                }
                if name == "__dict__" {
                    return Ok(Some(v.clone()));
                }
                // `globals()` is the module itself: it answers the dict methods.
                Ok(self.value_method(v, name))
            }
            Object::Function(f) => {
                if let Some(x) = f.attrs.get_str(name) {
                    return Ok(Some(x.clone()));
                }
                Ok(match name {
                    "__name__" | "func_name" => Some(Value::str(&f.name)),
                    "__module__" => {
                        let m = self.heap.module(f.module).map(|m| m.name.clone()).unwrap_or_default();
                        Some(Value::str(&m))
                    }
                    "__doc__" | "func_doc" => Some(docstring(&f.def.body)?),
                    "func_defaults" | "__defaults__" => {
                        if f.defaults.is_empty() {
                            Some(Value::None)
                        } else {
                            let d = f.defaults.clone();
                            Some(self.new_tuple(d))
                        }
                    }
                    "func_globals" | "__globals__" => Some(Value::Obj(f.module)),
                    "__dict__" | "func_dict" => {
                        let d = f.attrs.clone();
                        Some(self.dict_view(id, d))
                    }
                    // The code object is the function itself (see `types.FunctionType`).
                    "func_code" | "__code__" => Some(v.clone()),
                    "func_closure" | "__closure__" => {
                        if f.closure.is_empty() {
                            Some(Value::None)
                        } else {
                            let cells = f.closure.iter().map(|(_, c)| Value::Obj(*c)).collect();
                            Some(self.new_tuple(cells))
                        }
                    }
                    "co_name" => Some(Value::str(&f.def.name)),
                    "co_argcount" => Some(Value::Int(f.def.args.args.len() as i64)),
                    "co_firstlineno" => Some(Value::Int(f.span.line as i64)),
                    "co_filename" => {
                        let file = self.heap.module(f.module).and_then(|m| m.file);
                        Some(match file {
                            Some(file) => Value::str(&self.sources.path(file).display().to_string()),
                            None => Value::str("?"),
                        })
                    }
                    "co_flags" => {
                        let a = &f.def.args;
                        let generator = crate::scope::function_scope(a, &f.def.body).is_generator;
                        let flags = (a.vararg.is_some() as i64) * 0x04 + (a.kwarg.is_some() as i64) * 0x08 + (generator as i64) * 0x20;
                        Some(Value::Int(flags))
                    }
                    "co_varnames" => {
                        let names: Vec<Value> = crate::scope::function_scope(&f.def.args, &f.def.body).params.iter().map(|n| Value::str(n)).collect();
                        Some(self.new_tuple(names))
                    }
                    _ => None,
                })
            }
            Object::BoundMethod { receiver, func } => {
                let (receiver, func) = (receiver.clone(), func.clone());
                match name {
                    "im_self" | "__self__" => Ok(Some(receiver)),
                    "im_func" | "__func__" => Ok(Some(func)),
                    "im_class" => Ok(Some(self.type_of(&receiver))),
                    _ => self.getattr_opt(&func, name),
                }
            }
            Object::StaticMethod(f) | Object::ClassMethod(f) if name == "__func__" => Ok(Some(f.clone())),
            Object::Property { fget, fset } => match name {
                "fget" => Ok(Some(fget.clone())),
                "fset" => Ok(Some(fset.clone())),
                _ => Ok(self.value_method(v, name)),
            },
            Object::Super { class, receiver } => {
                let (class, receiver) = (*class, receiver.clone());
                let start = match self.obj(&receiver) {
                    Some(Object::Instance(i)) => i.class,
                    Some(Object::Class(_)) => match receiver {
                        Value::Obj(c) => c,
                        _ => class,
                    },
                    _ => class,
                };
                let mro = self.mro(start);
                let pos = mro.iter().position(|&c| c == class).map(|p| p + 1).unwrap_or(mro.len());
                for &c in &mro[pos..] {
                    let found = self.heap.class(c).and_then(|cl| cl.dict.get_str(name)).cloned();
                    if let Some(a) = found {
                        return Ok(Some(self.bind(a, receiver, start)?));
                    }
                }
                Ok(None)
            }
            Object::Builtin(n) => {
                let n = n.clone();
                Ok(self.builtin_attr(&n, name))
            }
            _ => Ok(self.value_method(v, name)),
        }
    }

    /// Attributes of built-in objects: type objects' methods (`str.join`),
    /// `__name__`, and the file objects `sys.stdout` / `sys.stderr`.
    fn builtin_attr(&mut self, n: &str, name: &str) -> Option<Value> {
        if name == "__name__" {
            return Some(Value::str(n.rsplit('.').next().unwrap_or(n)));
        }
        if n == "sys.stdout" || n == "sys.stderr" {
            return match name {
                "write" | "flush" | "writelines" => {
                    let recv = self.builtin(n);
                    let f = self.builtin(&format!("file.{}", name));
                    Some(self.alloc(Object::BoundMethod { receiver: recv, func: f }))
                }
                "softspace" => Some(Value::Int(0)),
                _ => None,
            };
        }
        if has_method(n, name) {
            return Some(self.builtin(&format!("{}.{}", n, name)));
        }
        if n == "dict" && name == "fromkeys" {
            return Some(self.builtin("dict.fromkeys"));
        }
        None
    }

    /// A method of a built-in value (`"abc".upper`, `[].append`), bound.
    fn value_method(&mut self, v: &Value, name: &str) -> Option<Value> {
        let t = method_type(self, v)?;
        if !has_method(t, name) {
            if let (Value::Float(f), "real") = (v, name) {
                return Some(Value::Float(*f));
            }
            return None;
        }
        let f = self.builtin(&format!("{}.{}", t, name));
        Some(self.alloc(Object::BoundMethod { receiver: v.clone(), func: f }))
    }

    /// `obj.name(*args, **kw)`, without allocating a bound method when avoidable.
    pub fn call_method(&mut self, obj: Value, name: &str, mut args: Vec<Value>, kw: Vec<(String, Value)>) -> R<Value> {
        match self.obj(&obj) {
            Some(Object::Instance(inst)) => {
                let cls = inst.class;
                if !inst.attrs.contains_key(&Value::str(name)) {
                    if let Some(a) = self.class_lookup(cls, name) {
                        if let Some(Object::Function(_)) = self.obj(&a) {
                            if let Value::Obj(fid) = a {
                                args.insert(0, obj);
                                return self.call_function(fid, args, kw);
                            }
                        }
                    }
                }
            }
            Some(Object::Module(_)) | Some(Object::Class(_)) | Some(Object::Function(_)) | Some(Object::Super { .. }) => {}
            Some(Object::Builtin(n)) => {
                if (n == "sys.stdout" || n == "sys.stderr") && matches!(name, "write" | "flush" | "writelines") {
                    let f = format!("file.{}", name);
                    args.insert(0, obj);
                    return crate::builtins::call_builtin(self, &f, args, kw);
                }
            }
            _ => {
                if let Some(t) = method_type(self, &obj) {
                    if has_method(t, name) {
                        let f = format!("{}.{}", t, name);
                        args.insert(0, obj);
                        return crate::builtins::call_builtin(self, &f, args, kw);
                    }
                }
            }
        }
        let f = self.getattr(&obj, name)?;
        self.call(f, args, kw)
    }

    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> R<()> {
        let Value::Obj(id) = obj else {
            let tn = self.type_name(obj);
            return self.err("AttributeError", format!("'{}' object has no attribute '{}'", tn, name));
        };
        let id = *id;
        match self.heap.get(id) {
            Object::Instance(inst) => {
                let cls = inst.class;
                if let Some(a) = self.class_lookup(cls, name) {
                    if let Some(Object::Property { fset, .. }) = self.obj(&a) {
                        let fset = fset.clone();
                        if fset == Value::None {
                            return self.err("AttributeError", "can't set attribute");
                        }
                        self.call(fset, vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                }
                if name == "__class__" {
                    return self.unsupported("assigning __class__");
                }
                if name == "__dict__" {
                    return self.set_dict_attr(id, v);
                }
                if let Object::Instance(inst) = self.heap.get_mut(id) {
                    inst.attrs.insert_str(name, v);
                }
                Ok(())
            }
            Object::Class(_) => {
                if name == "__name__" {
                    if let (Value::Str(s), Object::Class(c)) = (&v, self.heap.get_mut(id)) {
                        c.name = String::from_utf8_lossy(s).into_owned();
                    }
                    return Ok(());
                }
                if let Object::Class(c) = self.heap.get_mut(id) {
                    c.dict.insert_str(name, v);
                }
                Ok(())
            }
            Object::Module(_) => {
                self.set_global(id, name, v);
                Ok(())
            }
            Object::Function(_) => {
                if matches!(name, "__name__" | "func_name") {
                    let Value::Str(s) = &v else {
                        return self.err("TypeError", "__name__ must be set to a string object");
                    };
                    let s = String::from_utf8_lossy(s).into_owned();
                    if let Object::Function(f) = self.heap.get_mut(id) {
                        f.name = s;
                    }
                    return Ok(());
                }
                if matches!(name, "func_defaults" | "__defaults__") {
                    let d = match &v {
                        Value::None => vec![],
                        _ => self.iterate(v)?,
                    };
                    if let Object::Function(f) = self.heap.get_mut(id) {
                        f.defaults = d;
                    }
                    return Ok(());
                }
                if matches!(name, "__dict__" | "func_dict") {
                    return self.set_dict_attr(id, v);
                }
                if let Object::Function(f) = self.heap.get_mut(id) {
                    f.attrs.insert_str(name, v);
                }
                Ok(())
            }
            Object::BoundMethod { func, .. } => {
                let func = func.clone();
                self.setattr(&func, name, v)
            }
            _ => {
                let tn = self.type_name(obj);
                self.err("AttributeError", format!("'{}' object has no attribute '{}'", tn, name))
            }
        }
    }

    /// `obj.__dict__ = d`: the dict becomes the attributes (and stays linked to them).
    fn set_dict_attr(&mut self, owner: ObjId, d: Value) -> R<()> {
        let Some(Object::Dict(contents)) = self.obj(&d) else {
            return self.err("TypeError", "__dict__ must be set to a dictionary");
        };
        let contents = contents.clone();
        match self.heap.get_mut(owner) {
            Object::Instance(i) => i.attrs = contents,
            Object::Function(f) => f.attrs = contents,
            _ => {}
        }
        if let Value::Obj(did) = d {
            self.dict_owners.insert(did, owner);
        }
        Ok(())
    }

    pub fn delattr(&mut self, obj: &Value, name: &str) -> R<()> {
        let key = Value::str(name);
        let removed = match obj {
            Value::Obj(id) => match self.heap.get_mut(*id) {
                Object::Instance(i) => i.attrs.remove(&key).is_some(),
                Object::Class(c) => c.dict.remove(&key).is_some(),
                Object::Module(m) => m.globals.remove(&key).is_some(),
                Object::Function(f) => f.attrs.remove(&key).is_some(),
                _ => false,
            },
            _ => false,
        };
        if removed {
            Ok(())
        } else {
            let msg = self.no_attr_message(obj, name);
            self.err("AttributeError", msg)
        }
    }

    /// `hasattr(obj, name)`: any exception during lookup counts as "no" (Python 2).
    pub fn hasattr(&mut self, obj: &Value, name: &str) -> R<bool> {
        match self.getattr_opt(obj, name) {
            Ok(r) => Ok(r.is_some()),
            Err(crate::interp::Unwind::Raise(_)) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

/// A function's docstring, or None.
pub fn docstring(body: &[syntax::ast::Stmt]) -> R<Value> {
    use syntax::ast::{ExprKind, StmtKind};
    Ok(match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(e)) => match &e.kind {
            ExprKind::Str(s) => Interp::bytes(s.clone()),
            ExprKind::Unicode(s) => Value::Unicode(std::rc::Rc::from(s.as_str())),
            ExprKind::UnicodeUnsupported(why) => return Err(Interp::unicode_unsupported(e.span, why)),
            _ => Value::None,
        },
        _ => Value::None,
    })
}

//! Finding and importing modules: the search path, packages, relative
//! imports, and the `import` statements.

use std::path::{Path, PathBuf};

use hostobj::{Module, ObjId, Object, OrderedDict, Value};
use syntax::ast::Alias;

use crate::builtins;
use crate::interp::{Frame, FrameWhat, Interp, ModuleFile, TraceKind, Unwind, R};

/// Where a module's source is.
struct Found {
    path: PathBuf,
    package_dir: Option<PathBuf>,
    bundled: bool,
}

impl Interp {
    /// Looks for `name` (one component) in `dirs`: a package folder first, then `name.py`.
    fn find_in(&self, name: &str, dirs: &[PathBuf]) -> Option<Found> {
        for d in dirs {
            let bundled = self.pylib.as_deref() == Some(d.as_path());
            let pkg = d.join(name);
            let init = pkg.join("__init__.py");
            if init.is_file() {
                return Some(Found { path: init, package_dir: Some(pkg), bundled });
            }
            let file = d.join(format!("{}.py", name));
            if file.is_file() {
                return Some(Found { path: file, package_dir: None, bundled });
            }
        }
        None
    }

    /// Folders for top-level modules: `sys.path` once `sys` is imported (the
    /// program may have changed it), else the loader's roots.
    fn search_roots(&self) -> Vec<PathBuf> {
        let path_list = self
            .modules
            .get("sys")
            .and_then(|&m| self.heap.module(m))
            .and_then(|m| m.globals.get_str("path"))
            .and_then(|p| self.obj(p));
        match path_list {
            Some(Object::List(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(PathBuf::from(String::from_utf8_lossy(s).into_owned())),
                    _ => None,
                })
                .map(|p| if p.as_os_str().is_empty() { PathBuf::from(".") } else { p })
                .collect(),
            _ => self.roots.clone(),
        }
    }

    fn file_info(&self, module: ObjId) -> Option<&ModuleFile> {
        self.files.iter().find(|f| f.module == module)
    }

    /// Whether `name` (absolute, dotted) can be imported, without importing it.
    fn module_exists(&self, name: &str) -> bool {
        if self.modules.contains_key(name) {
            return true;
        }
        match name.rsplit_once('.') {
            None => self.find_in(name, &self.search_roots()).is_some(),
            Some((parent, last)) => {
                let dir = self
                    .modules
                    .get(parent)
                    .and_then(|&m| self.file_info(m))
                    .and_then(|f| f.package_dir.clone());
                match dir {
                    Some(d) => self.find_in(last, &[d]).is_some(),
                    None => false,
                }
            }
        }
    }

    /// Imports the module with absolute dotted name `name` (and its parent packages).
    pub fn import_module(&mut self, name: &str) -> R<ObjId> {
        if let Some(&m) = self.modules.get(name) {
            return Ok(m);
        }
        let parts: Vec<&str> = name.split('.').collect();
        let mut parent: Option<ObjId> = None;
        for i in 0..parts.len() {
            let prefix = parts[..=i].join(".");
            if let Some(&m) = self.modules.get(&prefix) {
                parent = Some(m);
                continue;
            }
            let dirs = match parent {
                None => self.search_roots(),
                Some(p) => match self.file_info(p).and_then(|f| f.package_dir.clone()) {
                    Some(d) => vec![d],
                    None => vec![],
                },
            };
            // As in CPython, a file on the path shadows the modules that are
            // not compiled into the interpreter (`math.py` beside the target wins).
            let found = match prefix.as_str() {
                "sys" | "__builtin__" | "exceptions" => None,
                _ => self.find_in(parts[i], &dirs),
            };
            let Some(mut found) = found else {
                if let Some(m) = builtins::builtin_module(self, &prefix) {
                    parent = Some(m);
                    continue;
                }
                return self.err("ImportError", format!("No module named {}", parts[i..].join(".")));
            };
            if let Some(info) = parent.and_then(|p| self.file_info(p)) {
                found.bundled = info.bundled;
            }
            let m = self.load_file_module(&prefix, found)?;
            if let Some(p) = parent {
                self.set_global(p, parts[i], Value::Obj(m));
            }
            parent = Some(m);
        }
        match parent {
            Some(m) => Ok(m),
            None => self.err("ImportError", format!("No module named {}", name)),
        }
    }

    fn load_file_module(&mut self, name: &str, found: Found) -> R<ObjId> {
        let bytes = match std::fs::read(&found.path) {
            Ok(b) => b,
            Err(e) => return Err(self.fatal(format!("cannot read {}: {}", found.path.display(), e))),
        };
        let text = syntax::decode_source(&bytes);
        self.load_source(name, found.path, text, found.package_dir, found.bundled)
    }

    /// Parses and runs `text` as module `name`.
    pub fn load_source(
        &mut self,
        name: &str,
        path: PathBuf,
        text: String,
        package_dir: Option<PathBuf>,
        bundled: bool,
    ) -> R<ObjId> {
        let file = self.sources.add(path.clone(), text);
        let parsed = syntax::parse_module(&self.sources.file(file).text, file);
        let ast = match parsed {
            Ok(a) => std::rc::Rc::new(a),
            Err(d) => return Err(Unwind::Fatal(Box::new(d))),
        };
        self.asts.push(ast.clone());

        let mut globals = OrderedDict::new();
        globals.insert_str("__name__", Value::str(name));
        globals.insert_str("__file__", Value::str(&path.display().to_string()));
        globals.insert_str("__doc__", crate::attrs::docstring(&ast.body)?);
        globals.insert_str("__builtins__", Value::Obj(self.builtins));
        let package = match &package_dir {
            Some(_) => Some(name.to_string()),
            None => name.rsplit_once('.').map(|(p, _)| p.to_string()),
        };
        globals.insert_str("__package__", package.as_deref().map(Value::str).unwrap_or(Value::None));
        if let Some(d) = &package_dir {
            let p = self.new_list(vec![Value::str(&d.display().to_string())]);
            globals.insert_str("__path__", p);
        }
        let m = self.heap.alloc(Object::Module(Module { name: name.to_string(), file: Some(file), globals }));
        self.modules.insert(name.to_string(), m);
        builtins::register_in_sys_modules(self, name, m);
        self.files.push(ModuleFile { module: m, path, package_dir, bundled, absolute_import: false });

        let mut frame = Frame::module(m);
        let saved_span = self.span;
        let slot = self.push_frame(m, FrameWhat::Module, std::collections::HashMap::new());
        let r = self.exec_block(&mut frame, &ast.body);
        self.pop_frame(slot);
        self.span = saved_span;
        match r {
            Ok(_) => Ok(m),
            Err(Unwind::Raise(mut e)) => {
                // As in CPython, a module whose body failed is not kept in sys.modules.
                self.modules.remove(name);
                builtins::unregister_in_sys_modules(self, name);
                if e.module.is_none() {
                    e.module = Some(name.to_string());
                }
                Err(Unwind::Raise(e))
            }
            Err(fatal) => Err(fatal),
        }
    }

    /// The package a module's relative imports start from.
    fn package_of(&self, module: ObjId) -> Option<String> {
        let info = self.file_info(module)?;
        let name = &self.heap.module(module)?.name;
        if info.package_dir.is_some() {
            Some(name.clone())
        } else {
            name.rsplit_once('.').map(|(p, _)| p.to_string())
        }
    }

    /// The absolute name of `name` as imported from the frame's module: explicit
    /// relative (`level` dots) or Python 2's implicit relative import.
    fn resolve_import(&mut self, fr: &Frame, name: &str, level: u32) -> R<String> {
        if level > 0 {
            let Some(mut base) = self.package_of(fr.module) else {
                return self.err("ValueError", "Attempted relative import in non-package");
            };
            for _ in 1..level {
                match base.rsplit_once('.') {
                    Some((p, _)) => base = p.to_string(),
                    None => return self.err("ValueError", "Attempted relative import beyond toplevel package"),
                }
            }
            return Ok(if name.is_empty() { base } else { format!("{}.{}", base, name) });
        }
        let absolute = self.file_info(fr.module).map(|f| f.absolute_import).unwrap_or(true);
        if !absolute {
            if let Some(pkg) = self.package_of(fr.module) {
                let first = name.split('.').next().unwrap_or(name);
                if self.module_exists(&format!("{}.{}", pkg, first)) {
                    return Ok(format!("{}.{}", pkg, name));
                }
            }
        }
        Ok(name.to_string())
    }

    /// `import_module`, noting the import statement in an escaping exception's trace.
    fn import_from_statement(&mut self, name: &str) -> R<ObjId> {
        let at = self.span;
        match self.import_module(name) {
            Err(Unwind::Raise(mut e)) => {
                if e.module.is_some() {
                    e.add_trace(at, TraceKind::Import);
                }
                self.span = at;
                Err(Unwind::Raise(e))
            }
            r => {
                self.span = at;
                r
            }
        }
    }

    pub fn exec_import(&mut self, fr: &mut Frame, alias: &Alias) -> R<()> {
        let full = self.resolve_import(fr, &alias.name, 0)?;
        let m = self.import_from_statement(&full)?;
        match &alias.asname {
            Some(asname) => self.store_name(fr, asname, Value::Obj(m)),
            None => {
                // `import a.b.c` binds `a` (the package as seen from here).
                let first = alias.name.split('.').next().unwrap_or(&alias.name).to_string();
                let depth = alias.name.matches('.').count();
                let mut top = full.as_str();
                for _ in 0..depth {
                    top = top.rsplit_once('.').map(|(p, _)| p).unwrap_or(top);
                }
                let top_mod = self.import_module(top)?;
                self.store_name(fr, &first, Value::Obj(top_mod));
            }
        }
        Ok(())
    }

    pub fn exec_import_from(&mut self, fr: &mut Frame, module: Option<&str>, names: &[Alias], level: u32) -> R<()> {
        if module == Some("__future__") && level == 0 {
            if names.iter().any(|a| a.name == "absolute_import") {
                let m = fr.module;
                if let Some(f) = self.files.iter_mut().find(|f| f.module == m) {
                    f.absolute_import = true;
                }
            }
            // Future features are compile-time flags (the parser handles division
            // and print_function); nothing is bound, so they stay out of the dumps.
            return Ok(());
        }
        let full = self.resolve_import(fr, module.unwrap_or(""), level)?;
        let m = self.import_from_statement(&full)?;
        let mv = Value::Obj(m);
        for a in names {
            if a.name == "*" {
                let globals = self.heap.module(m).map(|md| md.globals.clone()).unwrap_or_default();
                let exported: Vec<String> = match globals.get_str("__all__").cloned() {
                    Some(all) => {
                        let mut out = Vec::new();
                        for n in self.iterate(all)? {
                            let s = self.py_str(&n)?;
                            out.push(String::from_utf8_lossy(&s).into_owned());
                        }
                        out
                    }
                    None => globals
                        .keys()
                        .filter_map(|k| match k {
                            Value::Str(s) if !s.starts_with(b"_") => Some(String::from_utf8_lossy(s).into_owned()),
                            _ => None,
                        })
                        .collect(),
                };
                for n in exported {
                    let v = self.getattr(&mv, &n)?;
                    self.store_name(fr, &n, v);
                }
                continue;
            }
            let v = match self.getattr_opt(&mv, &a.name)? {
                Some(v) => v,
                None => {
                    // Maybe a submodule not imported yet.
                    let sub = format!("{}.{}", full, a.name);
                    let is_package = self.file_info(m).is_some_and(|f| f.package_dir.is_some());
                    if is_package && self.module_exists(&sub) {
                        Value::Obj(self.import_from_statement(&sub)?)
                    } else {
                        return self.err("ImportError", format!("cannot import name {}", a.name));
                    }
                }
            };
            let bind = a.asname.as_deref().unwrap_or(&a.name);
            self.store_name(fr, bind, v);
        }
        Ok(())
    }
}

/// The bundled library folder (holding `rpython/`): `$RPYTHON_PYLIB`, then
/// `../../pylib` from the running executable (target/release/translate), then
/// the source tree's `pylib` (for tests and development builds).
pub fn find_pylib() -> Option<PathBuf> {
    let mut candidates: Vec<PathBuf> = Vec::new();
    if let Some(p) = std::env::var_os("RPYTHON_PYLIB") {
        candidates.push(PathBuf::from(p));
    }
    if let Ok(exe) = std::env::current_exe() {
        if let Some(dir) = exe.parent() {
            candidates.push(dir.join("../../pylib"));
            candidates.push(dir.join("../../../pylib"));
        }
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("../pylib"));
    candidates.into_iter().find(|p| p.join("rpython").is_dir()).map(|p| p.canonicalize().unwrap_or(p))
}

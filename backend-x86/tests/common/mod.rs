//! Test helpers: build low-level programs by hand, then compile, link with
//! the runtime and run them.
//!
//! The runtime library is `$RPY_RUNTIME_LIB` if set, else
//! `<target>/debug/librpyruntime.a` next to the test binary (present after
//! `cargo build -p runtime`), else it is built once with
//! `cargo build -p runtime` into `<target>/rpy-runtime-for-tests`.
//!
//! `BACKEND_X86_KEEP=1` keeps each test's object and executable (the path is
//! printed; run with `--nocapture`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use backend_x86::{emit_object, link_executable, BackendOptions};
use diag::{FileId, Span};
use flowmodel::{Block, BlockId, ExitSwitch, Link, Operand, VarId};
use lltype::*;

pub fn v(x: VarId) -> LlOperand {
    Operand::Var(x)
}
pub fn c(i: i64) -> LlOperand {
    Operand::Const(LlConst::Int(i))
}
pub fn k(x: LlConst) -> LlOperand {
    Operand::Const(x)
}
pub fn ext(name: &str) -> LlOperand {
    Operand::Const(LlConst::Extern(name.to_string()))
}
pub fn func(f: FuncId) -> LlOperand {
    Operand::Const(LlConst::Func(f))
}

/// A function under construction.
pub struct Fn {
    pub g: LlGraph,
    pub line: u32,
}

impl Fn {
    /// A function with parameters of these types, defined at line `line` of file 0.
    pub fn new(name: &str, params: &[LlType], ret: LlType, line: u32) -> (Fn, Vec<VarId>) {
        let names: Vec<String> = (0..params.len()).map(|i| format!("a{}", i)).collect();
        let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
        let mut g = LlGraph::new(name, Span::new(FileId(0), line, 1), &refs);
        let args = g.block(g.startblock).inputargs.clone();
        for (x, t) in args.iter().zip(params) {
            g.var_mut(*x).ty = *t;
        }
        let r = g.block(g.returnblock).inputargs[0];
        g.var_mut(r).ty = ret;
        (Fn { g, line: line + 1 }, args)
    }

    pub fn start(&self) -> BlockId {
        self.g.startblock
    }

    pub fn block(&mut self, params: &[LlType]) -> (BlockId, Vec<VarId>) {
        let vars: Vec<VarId> = params
            .iter()
            .map(|t| {
                let x = self.g.new_var("");
                self.g.var_mut(x).ty = *t;
                x
            })
            .collect();
        (self.g.add_block(Block::new(vars.clone())), vars)
    }

    /// Appends an operation on the current line; returns its result.
    pub fn op(&mut self, b: BlockId, op: LlOp, args: Vec<LlOperand>, ty: LlType) -> VarId {
        let result = self.g.new_var("");
        self.g.var_mut(result).ty = ty;
        let span = Span::new(FileId(0), self.line, 5);
        self.g.block_mut(b).operations.push(LlOperation {
            op,
            args,
            result,
            span,
        });
        result
    }

    pub fn call(
        &mut self,
        b: BlockId,
        callee: LlOperand,
        args: Vec<LlOperand>,
        ty: LlType,
    ) -> VarId {
        let mut all = vec![callee];
        all.extend(args);
        self.op(b, LlOp::DirectCall, all, ty)
    }

    /// `print <int>` on its own line.
    pub fn print_int(&mut self, b: BlockId, x: LlOperand) {
        let s = self.call(b, ext("rpy_int_to_str"), vec![x], LlType::Ptr(STR));
        self.print_str(b, v(s));
    }

    /// `print <str>` on its own line.
    pub fn print_str(&mut self, b: BlockId, s: LlOperand) {
        self.call(b, ext("rpy_print_item"), vec![s], LlType::Void);
        self.call(b, ext("rpy_print_newline"), vec![], LlType::Void);
    }

    pub fn goto(&mut self, b: BlockId, target: BlockId, args: Vec<LlOperand>) {
        let blk = self.g.block_mut(b);
        blk.exitswitch = ExitSwitch::None;
        blk.exits = vec![Link {
            target,
            args,
            exitcase: None,
            exc_vars: None,
        }];
    }

    pub fn ret(&mut self, b: BlockId, x: LlOperand) {
        let r = self.g.returnblock;
        self.goto(b, r, vec![x]);
    }

    /// A switch on `x`: each exit is (case or None for default, target, args).
    pub fn switch(
        &mut self,
        b: BlockId,
        x: LlOperand,
        exits: Vec<(Option<i64>, BlockId, Vec<LlOperand>)>,
    ) {
        let blk = self.g.block_mut(b);
        blk.exitswitch = ExitSwitch::Value(x);
        blk.exits = exits
            .into_iter()
            .map(|(case, target, args)| Link {
                target,
                args,
                exitcase: case.map(LlConst::Int),
                exc_vars: None,
            })
            .collect();
    }

    /// if x: goto t(targs) else: goto f(fargs)
    pub fn branch(
        &mut self,
        b: BlockId,
        x: VarId,
        t: (BlockId, Vec<LlOperand>),
        f: (BlockId, Vec<LlOperand>),
    ) {
        self.switch(b, v(x), vec![(Some(0), f.0, f.1), (Some(1), t.0, t.1)]);
    }
}

/// A program with the argv types and a source file name.
pub struct Prog {
    pub p: LlProgram,
    pub ptr_array: TypeId,
    pub ptr_list: TypeId,
}

impl Prog {
    pub fn new() -> Prog {
        let mut types = TypeTable::new();
        let ptr_array = types.add_with_tid(
            "PTR_ARRAY",
            abi::TID_PTR_ARRAY,
            TypeDefKind::Array {
                item: LlType::Ptr(STR),
            },
        );
        let ptr_list = types.add_with_tid(
            "PTR_LIST",
            abi::TID_PTR_LIST,
            TypeDefKind::Struct {
                fields: vec![
                    Field {
                        name: "length".into(),
                        ty: LlType::Signed,
                    },
                    Field {
                        name: "items".into(),
                        ty: LlType::Ptr(ptr_array),
                    },
                ],
                varsize: None,
            },
        );
        Prog {
            p: LlProgram {
                types,
                functions: Vec::new(),
                prebuilt: Vec::new(),
                entry: FuncId(0),
                sources: vec![PathBuf::from("prog.py")],
                exported: Vec::new(),
            },
            ptr_array,
            ptr_list,
        }
    }

    /// The entry function's signature: (argv) -> Signed.
    pub fn entry(&self, name: &str) -> (Fn, VarId) {
        let (f, args) = Fn::new(name, &[LlType::Ptr(self.ptr_list)], LlType::Signed, 1);
        (f, args[0])
    }

    /// Adds a function; returns its id.
    pub fn add(&mut self, f: Fn) -> FuncId {
        self.p.functions.push(f.g);
        FuncId(self.p.functions.len() as u32 - 1)
    }

    /// Reserves a function id (for recursion); fill it with `set`.
    pub fn reserve(&mut self) -> FuncId {
        let (f, _) = Fn::new("placeholder", &[], LlType::Signed, 1);
        self.add(f)
    }

    pub fn set(&mut self, id: FuncId, f: Fn) {
        self.p.functions[id.0 as usize] = f.g;
    }

    pub fn string(&mut self, s: &str) -> LlOperand {
        self.p.prebuilt.push(Prebuilt {
            ty: STR,
            data: PrebuiltData::Str(s.as_bytes().to_vec()),
        });
        k(LlConst::Prebuilt(PrebuiltId(
            self.p.prebuilt.len() as u32 - 1,
        )))
    }
}

fn runtime_lib() -> PathBuf {
    static LIB: OnceLock<PathBuf> = OnceLock::new();
    LIB.get_or_init(|| {
        if let Some(p) = std::env::var_os("RPY_RUNTIME_LIB") {
            return PathBuf::from(p);
        }
        // <target>/debug/deps/<test binary>
        let exe = std::env::current_exe().expect("test binary path");
        let profile_dir = exe.parent().and_then(Path::parent).expect("target dir");
        let lib = profile_dir.join("librpyruntime.a");
        if lib.exists() {
            return lib;
        }
        // A separate target dir, so the build does not wait on the lock cargo
        // may hold on ours.
        let target = profile_dir
            .parent()
            .expect("target dir")
            .join("rpy-runtime-for-tests");
        let manifest = Path::new(env!("CARGO_MANIFEST_DIR")).join("../Cargo.toml");
        let status = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
            .args(["build", "-q", "-p", "runtime", "--manifest-path"])
            .arg(&manifest)
            .arg("--target-dir")
            .arg(&target)
            .status()
            .expect("running cargo build -p runtime");
        assert!(status.success(), "cargo build -p runtime failed");
        target.join("debug/librpyruntime.a")
    })
    .clone()
}

/// A fresh scratch directory for one test run.
pub fn scratch_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "backend-x86-test-{}-{}-{}",
        std::process::id(),
        name,
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Compiles and links the program; returns the executable's path.
pub fn build(p: &LlProgram, opt: u8, name: &str) -> PathBuf {
    let dir = scratch_dir(name);
    let obj = emit_object(p, &BackendOptions { opt_level: opt, ..Default::default() })
        .unwrap_or_else(|e| panic!("emit_object: {}", e));
    let obj_path = dir.join("prog.o");
    std::fs::write(&obj_path, obj).unwrap();
    let exe = dir.join("prog");
    link_executable(&obj_path, &runtime_lib(), &exe).unwrap_or_else(|e| panic!("{}", e));
    exe
}

pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: i32,
}

pub fn run_exe(exe: &Path, args: &[&str]) -> Outcome {
    let out = Command::new(exe)
        .args(args)
        .output()
        .expect("running the program");
    Outcome {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

/// Builds and runs the program at opt levels 0 and 2 and checks stdout and
/// the exit status of both.
pub fn check(p: &LlProgram, name: &str, args: &[&str], stdout: &str, status: i32) -> Vec<Outcome> {
    [0u8, 2]
        .iter()
        .map(|&opt| {
            let exe = build(p, opt, name);
            let out = run_exe(&exe, args);
            assert_eq!(
                out.stdout, stdout,
                "stdout of {} at opt {} (stderr: {})",
                name, opt, out.stderr
            );
            assert_eq!(
                out.status, status,
                "exit status of {} at opt {} (stderr: {})",
                name, opt, out.stderr
            );
            if std::env::var_os("BACKEND_X86_KEEP").is_some() {
                println!("kept {}", exe.display());
            } else {
                let _ = std::fs::remove_dir_all(exe.parent().unwrap());
            }
            out
        })
        .collect()
}

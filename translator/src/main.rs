//! `translate`: the command-line driver. Runs the stages in order, prints one
//! line per stage and a timing table on stderr, and stops after a stage when
//! `--dump=STAGE` asks for its text form.

mod cli;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use cli::{Dump, Options};
use diag::{Diagnostic, SourceMap};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match cli::parse(&args) {
        Ok(cli::Command::Help) => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Ok(cli::Command::Translate(o)) => o,
        Err(msg) => {
            eprintln!("translate: error: {}\n\n{}", msg, cli::USAGE);
            return ExitCode::from(2);
        }
    };
    // A panic is a bug in the translator; report it as one instead of a raw backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!("translate: internal error (this is a bug in the translator): {}", info);
    }));
    match std::panic::catch_unwind(|| run(&options)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(Failure::User(text))) => {
            eprint!("{}", text);
            ExitCode::from(1)
        }
        Ok(Err(Failure::Internal(text))) => {
            eprintln!("translate: error: {}", text);
            ExitCode::from(1)
        }
        Err(_) => ExitCode::from(70),
    }
}

enum Failure {
    /// A problem in the user's program, already rendered as `file:line:col: error: ...`.
    User(String),
    /// A problem of the environment or the toolchain (I/O, linker, unsupported op).
    Internal(String),
}

/// Times each stage and prints its line as it finishes.
struct Timer {
    batch: bool,
    stages: Vec<(&'static str, Duration)>,
}

impl Timer {
    fn stage<T>(&mut self, name: &'static str, f: impl FnOnce() -> T) -> T {
        let start = Instant::now();
        let result = f();
        let elapsed = start.elapsed();
        if !self.batch {
            eprintln!("[translate] {:<10} {:>8.3}s", name, elapsed.as_secs_f64());
        }
        self.stages.push((name, elapsed));
        result
    }

    fn table(&self) -> String {
        let total: Duration = self.stages.iter().map(|(_, d)| *d).sum();
        let mut out = String::from("stage        seconds\n");
        for (name, d) in &self.stages {
            out.push_str(&format!("{:<10} {:>9.3}\n", name, d.as_secs_f64()));
        }
        out.push_str(&format!("{:<10} {:>9.3}\n", "total", total.as_secs_f64()));
        out
    }
}

fn user_error(d: Diagnostic, sources: &SourceMap) -> Failure {
    Failure::User(d.render(sources))
}

fn run(options: &Options) -> Result<(), Failure> {
    let mut sources = SourceMap::new();
    if options.dump == Some(Dump::Ast) {
        return dump_ast(&options.target, &mut sources);
    }
    let mut timer = Timer { batch: options.batch, stages: Vec::new() };

    let load_options =
        loader::LoadOptions { search_path: options.search_path.clone(), target_args: options.target_args.clone() };
    let program = timer
        .stage("load", || loader::load_target(&options.target, &load_options, &mut sources))
        .map_err(|d| user_error(d, &sources))?;
    if options.dump == Some(Dump::Modules) {
        print!("{}", loader::dump_program(&program));
        return Ok(());
    }
    let heap = &program.heap;

    let annotations = timer
        .stage("annotate", || annotator::annotate(heap, program.entry_point))
        .map_err(|d| user_error(d, &sources))?;
    if options.dump == Some(Dump::Flow) {
        // The flow graphs of every function the annotator reached.
        for g in &annotations.graphs {
            print!("{}\n", flowspace::dump_flow_graph(heap, &g.graph));
        }
        return Ok(());
    }
    if options.dump == Some(Dump::Annotate) {
        print!("{}", annotator::dump(heap, &annotations));
        return Ok(());
    }

    let mut ll = timer.stage("rtype", || rtyper::rtype(heap, &annotations)).map_err(|d| user_error(d, &sources))?;
    ll.sources = sources.files().map(|(_, f)| absolute(&f.path)).collect();
    if options.dump == Some(Dump::Rtype) {
        print!("{}", ll.dump());
        return Ok(());
    }

    if options.opt_level == cli::OptLevel::Jit {
        return Err(Failure::Internal(
            "--opt=jit: the JIT is not built yet; use --opt=0..3 for now".to_string(),
        ));
    }
    let level = options.opt_level.number();
    timer.stage("backendopt", || backendopt::optimize(&mut ll, level));
    if options.dump == Some(Dump::Backendopt) {
        print!("{}", ll.dump());
        return Ok(());
    }
    let gc = options.gc == cli::Gc::Generational;
    timer.stage("transform", || transforms::transform(&mut ll, gc));
    if options.dump == Some(Dump::Transform) {
        print!("{}", ll.dump());
        return Ok(());
    }

    let gc_kind = if gc { abi::generated::GC_GENERATIONAL } else { abi::generated::GC_NONE };
    let backend_options = backend_x86::BackendOptions { opt_level: level, gc_kind };
    if options.dump == Some(Dump::Asm) {
        let text = backend_x86::dump_asm(&ll, &backend_options).map_err(Failure::Internal)?;
        print!("{}", text);
        return Ok(());
    }
    let object = timer.stage("codegen", || backend_x86::emit_object(&ll, &backend_options)).map_err(Failure::Internal)?;

    let output = options.output.clone().unwrap_or_else(|| default_output(&options.target));
    let object_path = output.with_extension("o");
    std::fs::write(&object_path, &object)
        .map_err(|e| Failure::Internal(format!("cannot write {}: {}", object_path.display(), e)))?;
    let runtime = find_runtime().map_err(Failure::Internal)?;
    let linked = timer.stage("link", || backend_x86::link_executable(&object_path, &runtime, &output));
    let _ = std::fs::remove_file(&object_path);
    linked.map_err(Failure::Internal)?;

    if !options.batch {
        eprint!("{}", timer.table());
        eprintln!("[translate] wrote {}", output.display());
    }
    Ok(())
}

fn dump_ast(path: &Path, sources: &mut SourceMap) -> Result<(), Failure> {
    let bytes =
        std::fs::read(path).map_err(|e| Failure::Internal(format!("cannot read {}: {}", path.display(), e)))?;
    let text = syntax::decode_source(&bytes);
    let file = sources.add(path.to_path_buf(), text.clone());
    let module = syntax::parse_module(&text, file).map_err(|d| user_error(d, sources))?;
    print!("{}", syntax::dump_module(&module));
    Ok(())
}

/// `<targetname>-c` in the current folder, as the original toolchain does.
fn default_output(target: &Path) -> PathBuf {
    let stem = target.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "target".into());
    PathBuf::from(format!("{}-c", stem))
}

fn absolute(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The runtime library: `$RPY_RUNTIME_LIB`, else next to this executable
/// (cargo puts `librpyruntime.a` there, or in `deps/` with a hash suffix).
fn find_runtime() -> Result<PathBuf, String> {
    if let Some(p) = std::env::var_os("RPY_RUNTIME_LIB") {
        return Ok(PathBuf::from(p));
    }
    let exe = std::env::current_exe().map_err(|e| format!("cannot locate the translate executable: {}", e))?;
    let dir = exe.parent().unwrap_or(Path::new("."));
    let direct = dir.join("librpyruntime.a");
    if direct.exists() {
        return Ok(direct);
    }
    let newest = std::fs::read_dir(dir.join("deps"))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with("librpyruntime-") && name.ends_with(".a")
        })
        .max_by_key(|e| e.metadata().and_then(|m| m.modified()).ok());
    match newest {
        Some(e) => Ok(e.path()),
        None => Err(format!(
            "cannot find the runtime library librpyruntime.a next to {} (build the workspace with cargo, or set RPY_RUNTIME_LIB)",
            exe.display()
        )),
    }
}

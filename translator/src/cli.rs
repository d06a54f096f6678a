//! Command-line parsing (hand-written: the surface is small and fixed by RPython's).

use std::path::PathBuf;

pub const USAGE: &str = "\
usage: translate [options] target.py [target args...]

options:
  --opt=LEVEL, -O LEVEL   0, 1, 2 (default), 3, or jit
  --output=PATH           the executable to write (default: <targetname>-c here)
  --batch                 no progress lines or timing table
  --dump=STAGE            print a stage's output as text and stop:
                          ast (parses TARGET as a single file), modules, flow,
                          annotate, rtype, backendopt,
                          transform, asm
  --path=DIR              also search DIR for modules (repeatable)
  --gc=NAME               the garbage collector: gen (generational, moving;
                          the default) or none (allocates, never frees)
  -h, --help              this text
";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptLevel {
    Level(u8),
    Jit,
}

impl OptLevel {
    /// The optimization level of the non-JIT pipeline (`jit` implies 2).
    pub fn number(self) -> u8 {
        match self {
            OptLevel::Level(n) => n,
            OptLevel::Jit => 2,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dump {
    Ast,
    Modules,
    Flow,
    Annotate,
    Rtype,
    Backendopt,
    Transform,
    Asm,
}

/// The collector the program is translated for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gc {
    /// The generational, moving collector of the `gc` crate.
    Generational,
    /// Allocation that never frees.
    None,
}

#[derive(Debug)]
pub struct Options {
    pub gc: Gc,
    pub opt_level: OptLevel,
    pub output: Option<PathBuf>,
    pub batch: bool,
    pub dump: Option<Dump>,
    pub search_path: Vec<PathBuf>,
    pub target: PathBuf,
    pub target_args: Vec<String>,
}

pub enum Command {
    Help,
    Translate(Options),
}

fn parse_opt(value: &str) -> Result<OptLevel, String> {
    match value {
        "0" | "1" | "2" | "3" => Ok(OptLevel::Level(value.as_bytes()[0] - b'0')),
        "jit" => Ok(OptLevel::Jit),
        _ => Err(format!("unknown optimization level `{}` (expected 0, 1, 2, 3 or jit)", value)),
    }
}

fn parse_dump(value: &str) -> Result<Dump, String> {
    Ok(match value {
        "ast" => Dump::Ast,
        "modules" => Dump::Modules,
        "flow" => Dump::Flow,
        "annotate" => Dump::Annotate,
        "rtype" | "lltype" => Dump::Rtype,
        "backendopt" => Dump::Backendopt,
        "transform" => Dump::Transform,
        "asm" => Dump::Asm,
        _ => return Err(format!("unknown stage `{}` for --dump", value)),
    })
}

/// Options come before the target file; everything after it belongs to the target.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let mut options = Options {
        opt_level: OptLevel::Level(2),
        output: None,
        batch: false,
        dump: None,
        search_path: Vec::new(),
        gc: Gc::Generational,
        target: PathBuf::new(),
        target_args: Vec::new(),
    };
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        // Value of an option given as `--x=V` or `--x V`.
        let value = |i: &mut usize| -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            *i += 1;
            args.get(*i).cloned().ok_or_else(|| format!("option {} needs a value", name))
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--opt" | "-O" => options.opt_level = parse_opt(&value(&mut i)?)?,
            s if s.starts_with("-O") && s.len() > 2 => options.opt_level = parse_opt(&s[2..])?,
            "--output" | "-o" => options.output = Some(PathBuf::from(value(&mut i)?)),
            "--batch" => options.batch = true,
            "--dump" => options.dump = Some(parse_dump(&value(&mut i)?)?),
            "--path" => options.search_path.push(PathBuf::from(value(&mut i)?)),
            "--gc" => {
                options.gc = match value(&mut i)?.as_str() {
                    "gen" => Gc::Generational,
                    "none" => Gc::None,
                    other => return Err(format!("unknown garbage collector `{}` (expected gen or none)", other)),
                };
            }
            s if s.starts_with('-') => return Err(format!("unknown option `{}`", s)),
            _ => {
                options.target = PathBuf::from(arg);
                options.target_args = args[i + 1..].to_vec();
                return Ok(Command::Translate(options));
            }
        }
        i += 1;
    }
    Err("no target file given".to_string())
}

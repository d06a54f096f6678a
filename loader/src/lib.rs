//! Module name -> evaluated module: finds the target's modules, runs their
//! import-time code in a small full-Python evaluator that builds host objects
//! (see `hostobj`), and calls the target's `target(driver, args)`.
//!
//! Entry point: [`load_target`].

use std::path::{Path, PathBuf};

use diag::{Diagnostic, SourceMap};
use hostobj::{Heap, ObjId};

/// What the loader hands to the flow graph builder.
#[derive(Debug)]
pub struct LoadedProgram {
    pub heap: Heap,
    /// The target module.
    pub target_module: ObjId,
    /// The entry point function returned by `target()`.
    pub entry_point: ObjId,
    /// The `jitpolicy(driver)` result, if the target defines one.
    pub jitpolicy: Option<hostobj::Value>,
}

#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Extra folders to search for modules (`--path`), after the target's folder
    /// and before the bundled `rpython` package.
    pub search_path: Vec<PathBuf>,
    /// The arguments after the target file on the command line (`args` of `target()`).
    pub target_args: Vec<String>,
}

/// Imports the target file (and everything it imports), then calls its
/// `target(driver, args)`. Every file read is added to `sources`.
pub fn load_target(path: &Path, options: &LoadOptions, sources: &mut SourceMap) -> Result<LoadedProgram, Diagnostic> {
    let _ = (path, options, sources);
    unimplemented!("loader")
}

/// The text form of the loaded program (`--dump=modules`): each user module's
/// globals with their values.
pub fn dump_program(program: &LoadedProgram) -> String {
    let _ = program;
    unimplemented!("loader dump")
}

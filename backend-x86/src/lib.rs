//! backend-x86: low-level programs (`lltype::LlProgram`) to x86-64 ELF
//! relocatable objects, and the link step that makes them executables.
//!
//! ```text
//! per function: regalloc (homes) + codegen (instruction selection) + x86 (encoder)
//!     -> machine code, source line rows, frame events
//! prebuilt objects, C strings -> data (.data, .rodata)
//! all of it -> dwarf (.debug_*, .eh_frame) -> elf (the .o) -> link_executable (cc)
//! ```
//!
//! Public API: [`emit_object`], [`dump_asm`], [`link_executable`] and
//! [`BackendOptions`]. Everything else is internal. Module map: `x86` (the
//! encoder: registers, operands, one function per instruction form, labels,
//! listing), `moves` (parallel moves), `regalloc` (where variables live; its
//! doc explains the algorithm), `codegen` (one graph to code), `data`
//! (prebuilt objects), `dwarf` (debug info and CFI), `elf` (the object file).
//!
//! Architecture invariants:
//! - Never panics on any `LlProgram`: malformed input (unknown ids, wrong
//!   arities, unsupported constructs) is an `Err` naming the function and op.
//! - The binary contract with the runtime comes only from the `abi` crate:
//!   the System V calling convention (floats in xmm registers, void arguments
//!   not passed), object headers, the pending-exception word `rpy_exc_type`,
//!   the entry symbol.
//! - Exceptions: after each `canraise` operation the code compares
//!   `rpy_exc_type` with 0 and, if set, returns 0 at once (the caller checks in
//!   turn). Calls of program functions that can never raise (a fixpoint over
//!   the call graph; runtime functions are assumed to raise) skip the check.
//!   Reaching the graph's except block stores the exception type and value
//!   (its inputs) into `rpy_exc_type` / `rpy_exc_value` when the type is
//!   non-zero, raises a plain `Exception` if nothing is pending then, and
//!   returns. In a `LastException` block with exception links, a pending
//!   exception after any raising operation jumps to a dispatch that compares
//!   the vtable's class id with each handler's subclass range (read from the
//!   prebuilt vtable the exitcase names); the matching handler loads the two
//!   words into its `exc_vars`, clears them and takes its link; no match
//!   propagates. `indirect_call` pushes the function address before the
//!   arguments and calls through r11.
//! - Exports `LlProgram::exported` objects as global data symbols, and an
//!   empty `rpy_builtin_exceptions` table when the program has none.
//! - Every function keeps a standard rbp frame, so debuggers and profilers
//!   can walk the stack; `.eh_frame` describes it too.
//! - Output is deterministic for a given program and options (the DWARF
//!   compile directory is the current directory, as with C compilers).
//!
//! Tests (`tests/programs.rs`) build programs by hand, link them with the
//! runtime (`$RPY_RUNTIME_LIB`, or built by the tests) and run them at opt
//! levels 0 and 2; golden listings live in `tests/asm/` (`UPDATE_EXPECT=1`
//! rewrites them); the listing is checked against objdump, and gdb must stop
//! on a `.py` line.

mod codegen;
mod data;
mod dwarf;
mod elf;
mod moves;
mod regalloc;
mod x86;

use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

use lltype::LlProgram;

/// Options of the backend.
#[derive(Clone, Debug, Default)]
pub struct BackendOptions {
    /// 0: every variable in its own stack slot (easy to debug). 1..=3 (all
    /// the same for now): register allocation over live ranges, compares
    /// fused into branches, jump tables for dense switches, division by
    /// constant powers of two as shifts and masks, dead values dropped.
    pub opt_level: u8,
    /// The collector the program runs with (`abi::generated::GC_*`): written
    /// to `rpy_gc_kind` for the runtime. The generational collector's roots
    /// and barriers are operations the `transforms` stage inserted.
    pub gc_kind: u64,
}

/// Compiles the program into the bytes of an ELF x86-64 relocatable object.
///
/// The object defines one global symbol per function (`pyfn_<graph name>`)
/// and `rpy_entry_point` for the entry function; it refers to the runtime's
/// symbols (`abi::runtime`), which `link_executable` supplies.
pub fn emit_object(program: &LlProgram, options: &BackendOptions) -> Result<Vec<u8>, String> {
    let compiled = compile_program(program, options)?;
    let debug = dwarf::build(program, &compiled)?;
    elf::write(&compiled, program.entry.0 as usize, debug)
}

/// A readable assembly listing of every function: offset, bytes and
/// instruction (objdump's Intel syntax), labels, and the `.py` line as a
/// comment wherever it changes.
pub fn dump_asm(program: &LlProgram, options: &BackendOptions) -> Result<String, String> {
    let compiled = compile_program(program, options)?;
    let mut out = String::new();
    for (fid, f) in compiled.functions.iter().enumerate() {
        let g = &program.functions[fid];
        if fid > 0 {
            out.push('\n');
        }
        let entry = if fid == program.entry.0 as usize {
            " (entry)"
        } else {
            ""
        };
        out.push_str(&format!("{}:  # {}{}\n", f.symbol, g.name, entry));
        f.code.asm.render_listing(0, &mut out);
    }
    Ok(out)
}

/// Links `object` with the runtime static library into an executable, with
/// the system `cc` as the linker driver:
/// `cc -o OUTPUT OBJECT RUNTIME_LIB -lm -lpthread -ldl`.
///
/// The object only uses PC-relative and GOT relocations in code, so `cc`'s
/// default PIE output works. On failure the error carries cc's stderr.
pub fn link_executable(object: &Path, runtime_lib: &Path, output: &Path) -> Result<(), String> {
    let result = Command::new("cc")
        .arg("-o")
        .arg(output)
        .arg(object)
        .arg(runtime_lib)
        .args(["-lm", "-lpthread", "-ldl"])
        .output()
        .map_err(|e| format!("cannot run the linker `cc`: {}", e))?;
    if result.status.success() {
        Ok(())
    } else {
        Err(format!(
            "linking {} failed ({}):\n{}",
            output.display(),
            result.status,
            String::from_utf8_lossy(&result.stderr).trim_end()
        ))
    }
}

/// One function's code placed in `.text`.
pub(crate) struct CompiledFunction {
    pub symbol: String,
    pub offset: u32,
    pub size: u32,
    pub code: codegen::FunctionCode,
}

/// The whole program's machine code and data, ready for the object writer.
pub(crate) struct CompiledProgram {
    pub text: Vec<u8>,
    /// Relocations with offsets in `.text`.
    pub text_relocs: Vec<x86::Reloc>,
    pub functions: Vec<CompiledFunction>,
    pub data: data::DataSection,
    /// The C strings.
    pub rodata: Vec<u8>,
}

fn compile_program(
    program: &LlProgram,
    options: &BackendOptions,
) -> Result<CompiledProgram, String> {
    if program.entry.0 as usize >= program.functions.len() {
        return Err(format!(
            "backend-x86: the entry function {} does not exist",
            program.entry.0
        ));
    }
    let symbols = function_symbols(program);
    let cstrings = data::collect_cstrings(program);
    let data = data::layout_prebuilt(program, &cstrings, options.gc_kind)?;
    let may_raise = codegen::functions_that_may_raise(program);
    let info = codegen::ProgramInfo {
        program,
        opt_level: options.opt_level.min(3),
        symbols: &symbols,
        prebuilt_offsets: &data.offsets,
        cstrings: &cstrings,
        may_raise: &may_raise,
        gc: options.gc_kind == abi::generated::GC_GENERATIONAL,
    };
    let mut text = Vec::new();
    let mut text_relocs = Vec::new();
    let mut functions = Vec::new();
    for (fid, symbol) in symbols.iter().enumerate() {
        let code = codegen::compile_function(&info, fid)?;
        while text.len() % 16 != 0 {
            text.push(0xcc);
        }
        let offset = text.len() as u32;
        text.extend_from_slice(&code.asm.code);
        text_relocs.extend(code.asm.relocs.iter().map(|r| x86::Reloc {
            offset: r.offset + offset,
            ..r.clone()
        }));
        functions.push(CompiledFunction {
            symbol: symbol.clone(),
            offset,
            size: code.asm.code.len() as u32,
            code,
        });
    }
    // Calls between functions: PC-relative displacements within .text.
    for f in &functions {
        for r in &f.code.asm.func_refs {
            let target = functions[r.func as usize].offset as i64;
            let disp = (target - (f.offset + r.end) as i64) as i32;
            let at = (f.offset + r.at) as usize;
            text[at..at + 4].copy_from_slice(&disp.to_le_bytes());
        }
    }
    Ok(CompiledProgram {
        text,
        text_relocs,
        functions,
        data,
        rodata: cstrings.bytes,
    })
}

/// `pyfn_` + the graph name with every character outside `[A-Za-z0-9_]`
/// replaced by `_`, made unique with a numeric suffix. The prefix keeps the
/// names clear of libc and the runtime (`rpy_`).
fn function_symbols(program: &LlProgram) -> Vec<String> {
    let mut used = HashSet::new();
    program
        .functions
        .iter()
        .map(|g| {
            let clean: String = g
                .name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphanumeric() || c == '_' {
                        c
                    } else {
                        '_'
                    }
                })
                .collect();
            let base = format!("pyfn_{}", clean);
            let mut name = base.clone();
            let mut n = 2;
            while !used.insert(name.clone()) {
                name = format!("{}_{}", base, n);
                n += 1;
            }
            name
        })
        .collect()
}

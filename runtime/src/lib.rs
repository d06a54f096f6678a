//! The runtime linked into every translated program (`librpyruntime.a`).
//!
//! It implements the runtime half of the binary contract in the `abi` crate:
//! the process entry (`main`), allocation, the pending-exception words
//! (`exc`: the exception's vtable and instance; built-in exceptions are
//! raised with the program's own classes, found in the table the generated
//! object exports), list helpers (`lists`: resizing, insert, delete, slices,
//! concatenation, repetition, `str()` of lists) and the other helpers
//! generated code calls instead of inlining.
//!
//! Rule for every exported function: it must never panic or unwind, because
//! its caller is machine code with no unwinding tables. User data is read with
//! checked accessors and arithmetic on it wraps instead of overflowing.
//!
//! The process is single-threaded: global state lives in `static mut` items
//! touched only through raw pointers, never shared between threads.

mod alloc;
mod arith;
mod dicts;
mod exc;
mod floats;
mod io;
mod libc;
mod lists;
mod os;
mod start;
mod strings;
mod strmeth;
mod unicode;

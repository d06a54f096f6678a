//! The runtime linked into every translated program (`librpyruntime.a`).
//!
//! It implements the runtime half of the binary contract in the `abi` crate:
//! the process entry (`main`), allocation, the pending-exception word, and
//! the helpers generated code calls instead of inlining.
//!
//! Rule for every exported function: it must never panic or unwind, because
//! its caller is machine code with no unwinding tables. User data is read with
//! checked accessors and arithmetic on it wraps instead of overflowing.
//!
//! The process is single-threaded: global state lives in `static mut` items
//! touched only through raw pointers, never shared between threads.

mod alloc;
mod arith;
mod exc;
mod io;
mod libc;
mod start;
mod strings;

//! Low-level graphs -> jitcodes (for `--opt=jit`).
//!
//! Not built yet: the meta-tracing JIT is a later milestone. The driver
//! rejects `--opt=jit` with a clear message instead of pretending.

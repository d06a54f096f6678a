//! Typed flow graphs -> low-level graphs (`lltype::LlProgram`).
//!
//! Entry point: [`rtype`].

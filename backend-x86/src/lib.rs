//! backend-x86

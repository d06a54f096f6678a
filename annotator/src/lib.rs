//! Flow graphs -> typed flow graphs: a whole-program type inference fixpoint.
//!
//! Entry point: [`annotate`].

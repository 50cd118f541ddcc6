//! The synchronous tree-walking evaluator with Groovy 2.4 semantics.

pub mod format;
pub mod jstr;
pub mod num;
pub mod regex;

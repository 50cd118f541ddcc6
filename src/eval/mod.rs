//! The synchronous tree-walking evaluator with Groovy 2.4 semantics.
//!
//! `value` (runtime values) → `scope` (variables) → `interp` (statements and expressions)
//! with `call` (dispatch and argument binding), `props` (properties and subscripts), `ops`
//! (operators), `convert` (casts and coercions), `methods` (built-in methods), `power`
//! (power assertions). `num`, `regex` and `format` implement Java's numbers, regular
//! expressions and Formatter.

pub mod call;
pub mod cancel;
pub mod class;
pub mod convert;
pub mod error;
pub mod fmt_bridge;
pub mod format;
pub mod interp;
pub mod jstr;
pub mod methods;
pub mod num;
pub mod ops;
pub mod power;
pub mod props;
pub mod regex;
pub mod runner;
pub mod scope;
pub mod value;

pub use interp::{Interp, ScriptCtx};
pub use value::Value;

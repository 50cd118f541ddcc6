//! The Declarative pipeline model: typed `pipeline { … }` (`pipeline.rs`) and the pass that
//! lowers the AST into it while checking Jenkins' rules (`lower`), with Jenkins' own wording
//! (`messages.rs`). Pure: no evaluation, no I/O, no async runtime (lint uses it).

pub mod lower;
pub mod messages;
pub mod pipeline;

pub use lower::{lower, lower_with_source, ValidationError, ValidationFailure};
pub use pipeline::*;

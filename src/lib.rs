//! pipewright: a native interpreter for Jenkins pipelines.
//!
//! Reading order: `syntax` (spans, AST, parser) → `eval` (values and the tree-walking
//! evaluator) → `diagnostic` (rendering, exit codes) → `cli` (argument parsing).

pub mod backend;
pub mod cli;
pub mod diagnostic;
pub mod eval;
pub mod exec;
pub mod model;
pub mod steps;
pub mod syntax;

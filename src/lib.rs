//! pipewright: a native interpreter for Jenkins pipelines.
//!
//! Reading order: `syntax` (spans, AST, parser) → `eval` (values and the tree-walking
//! evaluator) → `cli` (argument parsing and rendering).

pub mod syntax;
pub mod eval;

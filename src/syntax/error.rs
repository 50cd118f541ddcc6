//! Syntax errors as miette diagnostics.

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceSpan};
use thiserror::Error;

use super::span::{LineIndex, Span};

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
    /// More places worth pointing at, such as the `{` that a missing `}` should close.
    #[label(collection)]
    pub related: Vec<LabeledSpan>,
}

impl SyntaxError {
    pub fn new(message: impl Into<String>, span: Span, label: impl Into<String>) -> SyntaxError {
        SyntaxError {
            message: message.into(),
            span: span.into(),
            label: label.into(),
            help: None,
            related: Vec::new(),
        }
    }

    pub fn with_help(mut self, help: impl Into<String>) -> SyntaxError {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary label.
    pub fn with_related(mut self, span: Span, label: impl Into<String>) -> SyntaxError {
        self.related.push(LabeledSpan::new_with_span(
            Some(label.into()),
            SourceSpan::from(span),
        ));
        self
    }

    /// 1-based line and column of the error's start in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        LineIndex::new(src).line_col(src, self.span.offset())
    }
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

impl ParseFailure {
    pub fn new(file: impl Into<String>, src: impl Into<String>, errors: Vec<SyntaxError>) -> Self {
        let file = file.into();
        ParseFailure {
            src: NamedSource::new(file.clone(), src.into()).with_language("groovy"),
            file,
            errors,
        }
    }
}

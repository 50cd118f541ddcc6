//! Syntax errors as miette diagnostics.

use std::fmt;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceSpan};
use thiserror::Error;

use super::span::{LineIndex, Span};

/// What kind of mistake a [`SyntaxError`] reports. Each kind has a stable code
/// (`pipe::parse::…`, see [`ErrorKind::code`]) that tools and tests may match on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// A token that cannot come where it is (the generic case).
    UnexpectedToken,
    /// The file ends in the middle of a statement or an expression.
    UnexpectedEof,
    /// A `(`, `[`, `{` or `${` that is never closed.
    UnclosedDelimiter,
    /// A `)`, `]` or `}` that closes a bracket of another kind.
    MismatchedDelimiter,
    /// A `)`, `]` or `}` with no opening bracket.
    UnmatchedDelimiter,
    /// A string literal without its closing quote.
    UnterminatedString,
    /// A `/* …` comment without its `*/`.
    UnterminatedComment,
    /// A `*/` outside a comment.
    StrayCommentEnd,
    /// A backtick: Groovy has no command substitution.
    Backtick,
    /// A `#` comment (only a first-line `#!` is allowed).
    HashComment,
    /// Two arguments, map entries or list elements without a `,` between them.
    MissingComma,
    /// An `else` that follows no `if`.
    ElseWithoutIf,
    /// A `catch` or `finally` that follows no `try`.
    CatchWithoutTry,
    /// A `try` block with neither `catch` nor `finally`.
    TryWithoutCatch,
    /// A reserved word where a name is needed (`def class = 1`).
    ReservedWord,
    /// `def def x`.
    RepeatedDef,
    /// `if (a = b)`: Groovy 2.4 allows no assignment as an `if` or `assert` condition.
    AssignmentInCondition,
    /// An operator of a later Groovy version (`!in`, `===`, `?.[`, …).
    UnsupportedOperator,
    /// A backslash escape that Groovy does not know.
    InvalidEscape,
    /// A malformed number literal.
    InvalidNumber,
    /// A `$` in a GString that starts neither `${…}` nor `$name`.
    GStringDollar,
    /// A list literal with `key: value` entries mixed in, or the reverse.
    MixedListAndMap,
    /// A line starting with `.` or `?` with no expression above to continue.
    UnexpectedLineStart,
    /// Nesting beyond what the parser allows.
    TooDeep,
    /// The parser's work budget ran out.
    TooComplex,
    /// The parser met a shape it does not handle (a bug in pipewright).
    Internal,
}

impl ErrorKind {
    /// The stable diagnostic code.
    pub fn code(self) -> &'static str {
        use ErrorKind::*;
        match self {
            UnexpectedToken => "pipe::parse::unexpected_token",
            UnexpectedEof => "pipe::parse::unexpected_eof",
            UnclosedDelimiter => "pipe::parse::unclosed_delimiter",
            MismatchedDelimiter => "pipe::parse::mismatched_delimiter",
            UnmatchedDelimiter => "pipe::parse::unmatched_delimiter",
            UnterminatedString => "pipe::parse::unterminated_string",
            UnterminatedComment => "pipe::parse::unterminated_comment",
            StrayCommentEnd => "pipe::parse::stray_comment_end",
            Backtick => "pipe::parse::backtick",
            HashComment => "pipe::parse::hash_comment",
            MissingComma => "pipe::parse::missing_comma",
            ElseWithoutIf => "pipe::parse::else_without_if",
            CatchWithoutTry => "pipe::parse::catch_without_try",
            TryWithoutCatch => "pipe::parse::try_without_catch",
            ReservedWord => "pipe::parse::reserved_word",
            RepeatedDef => "pipe::parse::repeated_def",
            AssignmentInCondition => "pipe::parse::assignment_in_condition",
            UnsupportedOperator => "pipe::parse::unsupported_operator",
            InvalidEscape => "pipe::parse::invalid_escape",
            InvalidNumber => "pipe::parse::invalid_number",
            GStringDollar => "pipe::parse::gstring_dollar",
            MixedListAndMap => "pipe::parse::mixed_list_and_map",
            UnexpectedLineStart => "pipe::parse::unexpected_line_start",
            TooDeep => "pipe::parse::too_deep",
            TooComplex => "pipe::parse::too_complex",
            Internal => "pipe::parse::internal",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One syntax error: a message in words a Groovy user knows, and where.
///
/// `span` is the error's position: where Groovy 2.4 reports the same mistake when it gives
/// a useful position (the token where its parser gave up), so that line and column agree
/// with Jenkins. `label` describes that place. It is drawn at `span`, unless `span` is on
/// nothing visible (the end of the file), in which case it is drawn at `label_span`.
#[derive(Debug, Clone, Error)]
#[error("{message}")]
pub struct SyntaxError {
    pub kind: ErrorKind,
    pub message: Box<str>,
    pub span: SourceSpan,
    pub label: Box<str>,
    /// Where `label` is drawn when that is not `span`.
    pub label_span: Option<SourceSpan>,
    pub help: Option<Box<str>>,
    /// More places worth pointing at, such as the `{` that a missing `}` should close.
    pub related: Vec<LabeledSpan>,
}

impl SyntaxError {
    pub fn new(
        kind: ErrorKind,
        message: impl Into<String>,
        span: Span,
        label: impl Into<String>,
    ) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into().into_boxed_str(),
            span: span.into(),
            label: label.into().into_boxed_str(),
            label_span: None,
            help: None,
            related: Vec::new(),
        }
    }

    /// The stable code of the error's kind.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    pub fn with_help(mut self, help: impl Into<String>) -> SyntaxError {
        self.help = Some(help.into().into_boxed_str());
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

    /// Draws the main label at `span` instead of at the error's position.
    pub fn with_label_at(mut self, span: Span) -> SyntaxError {
        self.label_span = Some(span.into());
        self
    }

    /// 1-based line and column of the error's position in `src`.
    pub fn line_col(&self, src: &str) -> (usize, usize) {
        LineIndex::new(src).line_col(src, self.span.offset())
    }
}

impl Diagnostic for SyntaxError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.kind.code()))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'a>)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let main = LabeledSpan::new_primary_with_span(
            Some(self.label.to_string()),
            self.label_span.unwrap_or(self.span),
        );
        Some(Box::new(
            std::iter::once(main).chain(self.related.iter().cloned()),
        ))
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

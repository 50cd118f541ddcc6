//! The bottom layer: source spans, the AST, and the parser (the only module that knows pest).

pub mod ast;
pub mod error;
mod parser;
pub mod printer;
pub mod span;

pub use error::{ParseFailure, SyntaxError};
pub use printer::{print_expr, print_script};
pub use span::{LineIndex, Span};

/// Parses a whole Groovy script. On failure, returns every syntax error found (the parser
/// recovers at statement boundaries where it reasonably can), in source order.
pub fn parse(src: &str) -> Result<ast::Script, Vec<SyntaxError>> {
    parser::parse_script(src)
}

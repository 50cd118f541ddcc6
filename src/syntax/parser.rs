//! Stub: replaced by the pest parser.

use super::ast::Script;
use super::error::SyntaxError;

pub fn parse_script(_src: &str) -> Result<Script, Vec<SyntaxError>> {
    Ok(Script {
        body: Vec::new(),
        span: super::Span::default(),
    })
}

//! Turns a parsed Java pattern into fancy-regex syntax.
//!
//! Every construct is spelled out so that the Rust engine's defaults never decide the meaning:
//! literals are escaped as `\u{..}`, classes are explicit, `$`/`^` become the lookarounds that
//! implement Java's line-terminator rules, and case-insensitivity was already expanded by the
//! parser. Only capturing groups use `(`, so group numbers agree with Java.

use super::charset::{push_literal, EMPTY_CLASS};
use super::parse::{Assertion, GroupKind, Node, Quant};
use std::fmt::Write;

/// Repetition bounds above this are treated as unbounded: Java handles `{0,100000}` lazily,
/// while the Rust engine would try to compile that many copies.
const MAX_BOUNDED_REPEAT: u32 = 1000;

/// What is known about the text to be searched, allowing cheaper anchors. The general
/// translation (both false) is correct for any text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Variant {
    /// The text is non-empty and does not end with a line terminator: a non-multiline `$`
    /// can only match at the very end.
    pub(crate) tail_ok: bool,
    /// The text has no U+0085/U+2028/U+2029: multiline anchors only see `\r` and `\n`, as
    /// regex-syntax's CRLF mode does.
    pub(crate) plain: bool,
}

pub(crate) fn emit(node: &Node, group_count: usize, variant: Variant) -> String {
    let mut out = String::new();
    Emitter {
        group_count,
        variant,
    }
    .node(node, &mut out);
    out
}

struct Emitter {
    group_count: usize,
    variant: Variant,
}

/// Whether a node can only match the empty string (fancy-regex refuses to repeat lookarounds).
fn is_zero_width(node: &Node) -> bool {
    match node {
        Node::Empty | Node::Assert(_) => true,
        Node::Seq(v) | Node::Alt(v) => v.iter().all(is_zero_width),
        Node::Group(inner, kind) => match kind {
            GroupKind::Capture => false,
            GroupKind::NonCapture | GroupKind::Atomic => is_zero_width(inner),
            _ => true,
        },
        Node::Repeat { node, .. } => is_zero_width(node),
        _ => false,
    }
}

impl Emitter {
    fn node(&self, node: &Node, out: &mut String) {
        match node {
            Node::Empty => {}
            Node::Char(c) => push_literal(out, *c),
            Node::Set(set) => set.emit(out),
            Node::Seq(items) => {
                for item in items {
                    self.node(item, out);
                }
            }
            Node::Alt(branches) => {
                out.push_str("(?:");
                for (i, b) in branches.iter().enumerate() {
                    if i > 0 {
                        out.push('|');
                    }
                    self.node(b, out);
                }
                out.push(')');
            }
            Node::Group(inner, kind) => {
                out.push_str(match kind {
                    GroupKind::Capture => "(",
                    GroupKind::NonCapture => "(?:",
                    GroupKind::Atomic => "(?>",
                    GroupKind::LookAhead => "(?=",
                    GroupKind::NegLookAhead => "(?!",
                    GroupKind::LookBehind => "(?<=",
                    GroupKind::NegLookBehind => "(?<!",
                });
                self.node(inner, out);
                out.push(')');
            }
            Node::Repeat {
                node,
                min,
                max,
                kind,
            } => self.repeat(node, *min, *max, *kind, out),
            Node::Assert(a) => out.push_str(assertion(*a, self.variant)),
            Node::LineEnding => {
                out.push_str("(?:\\r\\n|[\\n\\x0B\\x0C\\r\\u{85}\\u{2028}\\u{2029}])");
            }
            Node::Grapheme => {
                out.push_str("(?>\\r\\n|\\P{M}\\p{M}*|\\p{M}+)");
            }
            Node::BackRef { group, ci } => {
                if *group == 0 || *group > self.group_count {
                    // Java compiles these; they never match.
                    out.push_str(EMPTY_CLASS);
                } else if *ci {
                    let _ = write!(out, "(?i:\\{group})");
                } else {
                    let _ = write!(out, "(?:\\{group})");
                }
            }
        }
    }

    fn repeat(&self, node: &Node, min: u32, max: Option<u32>, kind: Quant, out: &mut String) {
        if is_zero_width(node) {
            // Repeating an assertion: zero times always succeeds, more times equals once.
            if min > 0 {
                self.node(node, out);
            }
            return;
        }
        let max = max.filter(|&m| m <= MAX_BOUNDED_REPEAT.max(min));
        if kind == Quant::Possessive {
            out.push_str("(?>");
        }
        out.push_str("(?:");
        self.node(node, out);
        out.push(')');
        match (min, max) {
            (0, None) => out.push('*'),
            (1, None) => out.push('+'),
            (0, Some(1)) => out.push('?'),
            (n, None) => {
                let _ = write!(out, "{{{n},}}");
            }
            (n, Some(m)) if n == m => {
                let _ = write!(out, "{{{n}}}");
            }
            (n, Some(m)) => {
                let _ = write!(out, "{{{n},{m}}}");
            }
        }
        match kind {
            Quant::Lazy => out.push('?'),
            Quant::Possessive => out.push(')'),
            Quant::Greedy => {}
        }
    }
}

fn assertion(a: Assertion, v: Variant) -> &'static str {
    match a {
        Assertion::Dollar {
            multiline: false, ..
        } if v.tail_ok => "\\z",
        Assertion::Dollar {
            multiline: true,
            unix: false,
        } if v.plain => "(?Rm:$)",
        Assertion::Dollar {
            multiline: true,
            unix: true,
        } => "(?m:$)",
        Assertion::Caret { unix: false } if v.plain && v.tail_ok => "(?Rm:^)",
        Assertion::Caret { unix: true } if v.tail_ok => "(?m:^)",
        Assertion::Begin => "\\A",
        Assertion::End => "\\z",
        // End of input, or before a line terminator that ends the input (never between \r\n).
        Assertion::Dollar {
            multiline: false,
            unix: false,
        } => "(?:\\z|(?=\\r\\n\\z)|(?<!\\r)(?=\\n\\z)|(?=[\\r\\u{85}\\u{2028}\\u{2029}]\\z))",
        // Before any line terminator (never between \r\n), or at the end.
        Assertion::Dollar {
            multiline: true,
            unix: false,
        } => "(?:\\z|(?<!\\r)(?=\\n)|(?=[\\r\\u{85}\\u{2028}\\u{2029}]))",
        Assertion::Dollar {
            multiline: false,
            unix: true,
        } => "(?:\\z|(?=\\n\\z))",
        // At the start, or after a line terminator (not inside \r\n), but never at the very end.
        Assertion::Caret { unix: false } => {
            "(?:(?!\\z)(?:\\A|(?<=[\\n\\u{85}\\u{2028}\\u{2029}])|(?<=\\r)(?!\\n)))"
        }
        Assertion::Caret { unix: true } => "(?:(?!\\z)(?:\\A|(?<=\\n)))",
        // Java 17's \b is Unicode-aware (letters and digits), unlike its \w.
        Assertion::Bound => "\\b",
        Assertion::NotBound => "\\B",
        Assertion::LastMatch => "\\G",
        // Approximation: not before a combining mark, not inside \r\n.
        Assertion::GraphemeBound => "(?:(?!\\p{M})(?:(?<!\\r)|(?!\\n)))",
    }
}

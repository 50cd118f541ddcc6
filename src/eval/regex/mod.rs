//! Java regular expressions (`java.util.regex`) on top of fancy-regex.
//!
//! Groovy's `~/pat/`, `=~`, `==~`, `split`, `replaceAll`, `find`… all go through
//! `java.util.regex.Pattern`. [`JavaRegex::new`] parses the Java syntax itself (a port of
//! `Pattern`'s parser, so syntax errors read exactly like Java's `PatternSyntaxException`) and
//! emits an equivalent fancy-regex pattern in which nothing is left to the Rust defaults:
//! `\w \d \s` and the POSIX classes are ASCII, `.`/`^`/`$` follow Java's line terminators,
//! `(?i)` is ASCII-only unless `(?u)`, `\Q…\E`, possessive quantifiers, class intersections
//! and `\p{javaLowerCase}`-style names are all handled.
//!
//! Positions in this API are **byte offsets** into the Rust string, except where a method says
//! it returns Java (UTF-16) indices.
//!
//! Known divergences (everything else is checked against Groovy 2.4.21 / Java 17 by the
//! oracle scripts in `tests/oracle/regex_*.groovy`):
//! - `\b` uses Rust's Unicode word characters; Java 17 uses letters, digits and `_` plus a
//!   rule for non-spacing marks (ASCII and Latin text behave the same).
//! - A case-insensitive backreference folds Unicode case (Java `(?i)` folds ASCII only);
//!   `(?iu)` uses Rust's simple case mappings.
//! - `\X` and `\b{g}` approximate grapheme clusters; `\N{name}` is not supported; the
//!   CANON_EQ flag `(?c)` is ignored; `\p{In…}` knows the common blocks only.
//! - Strings hold no lone surrogates, so positions inside a surrogate pair do not exist.
//! - A search that needs more than the backtracking budget ([`BACKTRACK_LIMIT`]) fails with
//!   [`RegexError::BacktrackLimit`], where Java would keep going (or overflow its stack).

mod charset;
mod emit;
mod matcher;
mod parse;
mod replace;

#[cfg(test)]
mod tests;

pub use matcher::{MatchItem, MatcherState};
pub use replace::{
    expand_replacement, quote, quote_replacement, replace_all, replace_all_with, replace_first,
    replace_first_with, split,
};

use parking_lot::Mutex;
use std::collections::HashMap;
use std::fmt;
use std::sync::{Arc, OnceLock};

/// How many compiled patterns [`JavaRegex::cached`] keeps before starting over.
const CACHE_CAPACITY: usize = 512;

/// The flag bits of `java.util.regex.Pattern`, for `Pattern.compile(p, flags)`.
pub mod flags {
    pub const UNIX_LINES: u32 = 0x01;
    pub const CASE_INSENSITIVE: u32 = 0x02;
    pub const COMMENTS: u32 = 0x04;
    pub const MULTILINE: u32 = 0x08;
    pub const LITERAL: u32 = 0x10;
    pub const DOTALL: u32 = 0x20;
    pub const UNICODE_CASE: u32 = 0x40;
    pub const CANON_EQ: u32 = 0x80;
    pub const UNICODE_CHARACTER_CLASS: u32 = 0x100;
}

/// How many backtracking steps one search may take, by default, before it fails with
/// [`RegexError::BacktrackLimit`] instead of hanging (about a second or two of work; Java has
/// no such limit). Only patterns that need fancy-regex's backtracking VM count steps:
/// lookaround, backreferences, atomic groups, and `$` on a text ending in a line break.
pub const BACKTRACK_LIMIT: usize = 50_000_000;

/// An error from compiling or using a regex, modelled on the Java exception it stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegexError {
    /// `java.util.regex.PatternSyntaxException`; `index` is -1 when Java reports none.
    Syntax {
        description: String,
        pattern: String,
        index: isize,
    },
    /// A pattern Java accepts but this implementation cannot translate.
    Unsupported { pattern: String, detail: String },
    /// Matching needed more backtracking steps than allowed ([`BACKTRACK_LIMIT`] by default).
    BacktrackLimit { pattern: String },
    /// Any other Java exception (bad replacement strings, matcher state errors).
    Java {
        class: &'static str,
        message: String,
    },
}

pub(crate) const ILLEGAL_ARGUMENT: &str = "java.lang.IllegalArgumentException";
pub(crate) const INDEX_OUT_OF_BOUNDS: &str = "java.lang.IndexOutOfBoundsException";
pub(crate) const ILLEGAL_STATE: &str = "java.lang.IllegalStateException";

impl RegexError {
    pub(crate) fn java(class: &'static str, message: impl Into<String>) -> RegexError {
        RegexError::Java {
            class,
            message: message.into(),
        }
    }

    /// The fully qualified name of the Java exception class (what `e.class.name` prints).
    pub fn java_class(&self) -> &'static str {
        match self {
            RegexError::Syntax { .. } => "java.util.regex.PatternSyntaxException",
            RegexError::Unsupported { .. } => "java.lang.UnsupportedOperationException",
            RegexError::BacktrackLimit { .. } => "java.lang.StackOverflowError",
            RegexError::Java { class, .. } => class,
        }
    }

    /// The exception message (what `e.message` prints). For syntax errors this is Java's
    /// multi-line message: description, ` near index N`, the pattern, and a caret line.
    pub fn java_message(&self) -> String {
        match self {
            RegexError::Syntax {
                description,
                pattern,
                index,
            } => {
                let mut s = description.clone();
                if *index >= 0 {
                    s.push_str(&format!(" near index {index}"));
                }
                s.push('\n');
                s.push_str(pattern);
                let utf16_len = pattern.encode_utf16().count() as isize;
                if *index >= 0 && *index < utf16_len {
                    s.push('\n');
                    s.push_str(&" ".repeat(*index as usize));
                    s.push('^');
                }
                s
            }
            RegexError::Unsupported { pattern, detail } => {
                format!("unsupported regular expression /{pattern}/: {detail}")
            }
            RegexError::BacktrackLimit { pattern } => {
                format!("regular expression /{pattern}/ needs too much backtracking on this input")
            }
            RegexError::Java { message, .. } => message.clone(),
        }
    }
}

impl fmt::Display for RegexError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.java_class(), self.java_message())
    }
}

impl std::error::Error for RegexError {}

/// A compiled Java pattern. Cheap to clone (shared), `Send + Sync`.
#[derive(Clone)]
pub struct JavaRegex {
    inner: Arc<Inner>,
}

struct Inner {
    pattern: String,
    flags: u32,
    group_count: usize,
    names: Vec<(String, usize)>,
    uses_last_match: bool,
    has_line_anchors: bool,
    backtrack_limit: usize,
    node: parse::Node,
    /// Translations by [`JavaRegex::variant_index`]: index 0 is the general one (compiled
    /// eagerly), the others use plain anchors for texts whose line endings allow it
    /// (compiled on demand).
    variants: [OnceLock<Result<Compiled, RegexError>>; 4],
}

/// One translation of the pattern and its compiled forms.
struct Compiled {
    translated: String,
    find: fancy_regex::Regex,
    full: OnceLock<Result<fancy_regex::Regex, RegexError>>,
    prefix: OnceLock<Result<fancy_regex::Regex, RegexError>>,
}

fn variant_of(index: usize) -> emit::Variant {
    emit::Variant {
        tail_ok: index & 1 != 0,
        plain: index & 2 != 0,
    }
}

impl fmt::Debug for JavaRegex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JavaRegex")
            .field("pattern", &self.inner.pattern)
            .field("flags", &self.inner.flags)
            .field("translated", &self.translated())
            .finish()
    }
}

/// Group spans of one match, as byte offsets into the searched text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captures<'t> {
    text: &'t str,
    spans: Vec<Option<(usize, usize)>>,
}

impl<'t> Captures<'t> {
    /// Group `i`'s text; `None` if the group did not take part in the match or does not exist.
    pub fn get(&self, i: usize) -> Option<&'t str> {
        let (s, e) = self.span(i)?;
        self.text.get(s..e)
    }

    /// Group `i`'s byte span.
    pub fn span(&self, i: usize) -> Option<(usize, usize)> {
        self.spans.get(i).copied().flatten()
    }

    /// The whole match.
    pub fn as_str(&self) -> &'t str {
        self.get(0).unwrap_or("")
    }

    /// Byte offset where the match starts.
    pub fn start(&self) -> usize {
        self.span(0).map_or(0, |s| s.0)
    }

    /// Byte offset where the match ends.
    pub fn end(&self) -> usize {
        self.span(0).map_or(0, |s| s.1)
    }

    /// Number of groups including group 0.
    pub fn len(&self) -> usize {
        self.spans.len()
    }

    /// Always false: group 0 exists.
    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    /// All groups as owned strings (group 0 first); `None` for groups that did not match.
    pub fn to_strings(&self) -> Vec<Option<String>> {
        (0..self.len())
            .map(|i| self.get(i).map(str::to_string))
            .collect()
    }

    /// The text that was searched.
    pub fn text(&self) -> &'t str {
        self.text
    }

    pub(crate) fn spans(&self) -> &[Option<(usize, usize)>] {
        &self.spans
    }
}

fn engine_error(pattern: &str, e: fancy_regex::Error) -> RegexError {
    match e {
        fancy_regex::Error::RuntimeError(_) => RegexError::BacktrackLimit {
            pattern: pattern.to_string(),
        },
        other => RegexError::Unsupported {
            pattern: pattern.to_string(),
            detail: other.to_string(),
        },
    }
}

/// Whether any node of the tree satisfies `pred`.
fn any_node(node: &parse::Node, pred: &dyn Fn(&parse::Node) -> bool) -> bool {
    use parse::Node::*;
    pred(node)
        || match node {
            Seq(v) | Alt(v) => v.iter().any(|n| any_node(n, pred)),
            Group(n, _) => any_node(n, pred),
            Repeat { node, .. } => any_node(node, pred),
            _ => false,
        }
}

/// Returns the byte offset of the next char boundary after `pos` (or `pos + 1` past the end).
pub(crate) fn next_boundary(text: &str, pos: usize) -> usize {
    match text.get(pos..).and_then(|rest| rest.chars().next()) {
        Some(c) => pos + c.len_utf8(),
        None => pos + 1,
    }
}

impl JavaRegex {
    /// `Pattern.compile(pattern)`.
    pub fn new(pattern: &str) -> Result<JavaRegex, RegexError> {
        JavaRegex::with_flags(pattern, 0)
    }

    /// `Pattern.compile(pattern, flags)` with the bits from [`flags`].
    pub fn with_flags(pattern: &str, flags: u32) -> Result<JavaRegex, RegexError> {
        JavaRegex::with_limit(pattern, flags, BACKTRACK_LIMIT)
    }

    /// Like [`with_flags`](Self::with_flags) with another backtracking budget per search.
    pub fn with_limit(
        pattern: &str,
        flags: u32,
        backtrack_limit: usize,
    ) -> Result<JavaRegex, RegexError> {
        let parsed = parse::parse(pattern, flags).map_err(|f| match f {
            parse::ParseFailure::Syntax(e) => RegexError::Syntax {
                description: e.description,
                pattern: pattern.to_string(),
                index: e.index,
            },
            parse::ParseFailure::Unsupported(detail) => RegexError::Unsupported {
                pattern: pattern.to_string(),
                detail,
            },
        })?;
        let uses_last_match = any_node(&parsed.node, &|n| {
            matches!(n, parse::Node::Assert(parse::Assertion::LastMatch))
        });
        let has_line_anchors = any_node(&parsed.node, &|n| {
            matches!(
                n,
                parse::Node::Assert(
                    parse::Assertion::Dollar { .. } | parse::Assertion::Caret { .. }
                )
            )
        });
        let re = JavaRegex {
            inner: Arc::new(Inner {
                pattern: pattern.to_string(),
                flags,
                group_count: parsed.group_count,
                names: parsed.names,
                uses_last_match,
                has_line_anchors,
                backtrack_limit,
                node: parsed.node,
                variants: Default::default(),
            }),
        };
        // Report translation problems now, not at the first match.
        re.compiled(0)?;
        Ok(re)
    }

    /// The translation to use for `text`: 0, the general one, unless the pattern has
    /// `^`/`$` and the text's line endings allow plain anchors.
    pub(crate) fn variant_index(&self, text: &str) -> usize {
        if !self.inner.has_line_anchors {
            return 0;
        }
        let tail_ok = text
            .chars()
            .next_back()
            .is_some_and(|c| !matches!(c, '\n' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}'));
        let plain = !text.contains(['\u{85}', '\u{2028}', '\u{2029}']);
        usize::from(tail_ok) | (usize::from(plain) << 1)
    }

    fn build(&self, translated: &str) -> Result<fancy_regex::Regex, RegexError> {
        let mut b = fancy_regex::RegexBuilder::new(translated);
        b.backtrack_limit(self.inner.backtrack_limit);
        if self.inner.uses_last_match {
            b.allow_input_assertion_overrides(true);
        }
        b.build().map_err(|e| engine_error(&self.inner.pattern, e))
    }

    fn compiled(&self, index: usize) -> Result<&Compiled, RegexError> {
        let slot = &self.inner.variants[index & 3];
        let compiled = slot.get_or_init(|| {
            let variant = variant_of(index);
            let translated = emit::emit(&self.inner.node, self.inner.group_count, variant);
            let find = self.build(&translated)?;
            Ok(Compiled {
                translated,
                find,
                full: OnceLock::new(),
                prefix: OnceLock::new(),
            })
        });
        match compiled {
            Ok(c) => Ok(c),
            Err(_) if index != 0 => self.compiled(0),
            Err(e) => Err(e.clone()),
        }
    }

    /// Like [`with_flags`](Self::with_flags), but reuses an earlier compilation of the same
    /// pattern and flags (a small process-wide cache; scripts often match in loops).
    pub fn cached(pattern: &str, flags: u32) -> Result<JavaRegex, RegexError> {
        static CACHE: OnceLock<Mutex<HashMap<(String, u32), JavaRegex>>> = OnceLock::new();
        let cache = CACHE.get_or_init(Default::default);
        let key = (pattern.to_string(), flags);
        if let Some(re) = cache.lock().get(&key) {
            return Ok(re.clone());
        }
        let re = JavaRegex::with_flags(pattern, flags)?;
        let mut map = cache.lock();
        if map.len() >= CACHE_CAPACITY {
            map.clear();
        }
        map.insert(key, re.clone());
        Ok(re)
    }

    /// The Java source of the pattern (`Pattern.pattern()` and `toString()`).
    pub fn pattern(&self) -> &str {
        &self.inner.pattern
    }

    /// The flags it was compiled with (`Pattern.flags()`).
    pub fn flags(&self) -> u32 {
        self.inner.flags
    }

    /// The fancy-regex pattern it was translated to (for debugging).
    pub fn translated(&self) -> &str {
        self.compiled(0).map_or("", |c| c.translated.as_str())
    }

    /// Number of capturing groups (`Matcher.groupCount()`).
    pub fn group_count(&self) -> usize {
        self.inner.group_count
    }

    /// The group number of a named group.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.inner
            .names
            .iter()
            .find(|(n, _)| n == name)
            .map(|&(_, i)| i)
    }

    /// Named groups in order of definition, with their numbers.
    pub fn group_names(&self) -> &[(String, usize)] {
        &self.inner.names
    }

    /// The first match at or after byte `pos`, with Java's `\G` at `pos`.
    pub fn find_at<'t>(
        &self,
        text: &'t str,
        pos: usize,
    ) -> Result<Option<Captures<'t>>, RegexError> {
        self.search(text, pos, true, self.variant_index(text))
    }

    /// The first match in `text` (`Matcher.find()` on a fresh matcher).
    pub fn find<'t>(&self, text: &'t str) -> Result<Option<Captures<'t>>, RegexError> {
        self.find_at(text, 0)
    }

    /// Whether the pattern occurs anywhere in `text` (`=~` used as a boolean).
    pub fn is_match(&self, text: &str) -> Result<bool, RegexError> {
        Ok(self.find(text)?.is_some())
    }

    /// Searches from byte `pos`; `at_last_match` says whether `\G` may match at `pos`;
    /// `variant` is [`variant_index`](Self::variant_index) of this text.
    pub(crate) fn search<'t>(
        &self,
        text: &'t str,
        pos: usize,
        at_last_match: bool,
        variant: usize,
    ) -> Result<Option<Captures<'t>>, RegexError> {
        if pos > text.len() {
            return Ok(None);
        }
        let mut pos = pos;
        while !text.is_char_boundary(pos) {
            pos += 1;
        }
        let mut input = fancy_regex::RegexInput::new(text).from_pos(pos);
        if self.inner.uses_last_match && !at_last_match {
            input = input.continue_from_previous_match_end(false);
        }
        let caps = self
            .compiled(variant)?
            .find
            .captures_input(input)
            .map_err(|e| engine_error(&self.inner.pattern, e))?;
        Ok(caps.map(|c| self.convert(text, &c)))
    }

    fn convert<'t>(&self, text: &'t str, c: &fancy_regex::Captures<'t, str>) -> Captures<'t> {
        let spans = (0..=self.inner.group_count)
            .map(|i| c.get(i).map(|m| (m.start(), m.end())))
            .collect();
        Captures { text, spans }
    }

    /// All matches, found the way `Matcher.find()` finds them one after another: an empty
    /// match makes the next search start one character later.
    pub fn find_iter<'r, 't>(&'r self, text: &'t str) -> FindIter<'r, 't> {
        FindIter {
            re: self,
            text,
            next: Some((0, true)),
            variant: self.variant_index(text),
        }
    }

    /// Whether the whole text matches (`==~`, `String.matches`, `Matcher.matches()`).
    pub fn full_match(&self, text: &str) -> Result<bool, RegexError> {
        Ok(self.full_captures(text)?.is_some())
    }

    /// The groups of a whole-text match.
    pub fn full_captures<'t>(&self, text: &'t str) -> Result<Option<Captures<'t>>, RegexError> {
        self.anchored_captures(text, true)
    }

    /// A match at the start of the text (`Matcher.lookingAt()`).
    pub fn looking_at<'t>(&self, text: &'t str) -> Result<Option<Captures<'t>>, RegexError> {
        self.anchored_captures(text, false)
    }

    /// Matches `\A(?:pattern)\z` (`whole`) or `\A(?:pattern)`, compiled on first use.
    fn anchored_captures<'t>(
        &self,
        text: &'t str,
        whole: bool,
    ) -> Result<Option<Captures<'t>>, RegexError> {
        let c = self.compiled(self.variant_index(text))?;
        let (slot, suffix) = if whole {
            (&c.full, "\\z")
        } else {
            (&c.prefix, "")
        };
        let compiled = slot.get_or_init(|| {
            let p = format!("\\A(?:{}){suffix}", c.translated);
            self.build(&p)
        });
        let re = compiled.as_ref().map_err(Clone::clone)?;
        let caps = re
            .captures(text)
            .map_err(|e| engine_error(&self.inner.pattern, e))?;
        Ok(caps.map(|c| self.convert(text, &c)))
    }
}

/// Iterator over successive matches with Java's rules (see [`JavaRegex::find_iter`]).
pub struct FindIter<'r, 't> {
    re: &'r JavaRegex,
    text: &'t str,
    /// Where the next search starts and whether `\G` may match there; `None` when done.
    next: Option<(usize, bool)>,
    variant: usize,
}

impl<'t> Iterator for FindIter<'_, 't> {
    type Item = Result<Captures<'t>, RegexError>;

    fn next(&mut self) -> Option<Self::Item> {
        let (pos, at_last) = self.next.take()?;
        match self.re.search(self.text, pos, at_last, self.variant) {
            Ok(Some(c)) => {
                let (s, e) = (c.start(), c.end());
                self.next = if s == e {
                    let n = next_boundary(self.text, e);
                    (n <= self.text.len()).then_some((n, false))
                } else {
                    Some((e, true))
                };
                Some(Ok(c))
            }
            Ok(None) => None,
            Err(e) => Some(Err(e)),
        }
    }
}

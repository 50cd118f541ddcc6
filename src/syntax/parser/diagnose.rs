//! The slow path: why pest rejected a file, in Groovy terms, and the errors after it.
//!
//! pest stops at the first failure. Each failure is explained with the help of a lexical
//! scan (`lex`): unclosed and mismatched brackets, unterminated strings and comments, and
//! characters Groovy has no use for are recognised there; the remaining failures get a
//! message from what pest expected. The statement holding the error is then blanked out
//! (replaced by spaces, line breaks kept, so every offset stays valid) and the file is
//! parsed again, up to `MAX_ERRORS` times. A statement is blanked with everything between
//! its brackets, so that one mistake does not cause others.

use std::sync::Mutex;

use pest::error::{ErrorVariant, InputLocation};
use pest::Parser as _;

use super::lex::{is_word_byte, Bracket, Delim, Lex, Odd, StrKind, StrTok};
use super::{Converter, GroovyParser, Rule, DETAIL_MAX_BYTES, MAX_ERRORS};
use crate::syntax::error::{ErrorKind, SyntaxError};
use crate::syntax::span::{LineIndex, Span};

/// Parses `src`, which pest has rejected, again and again to report every error.
/// Returns the errors in source order, and whether a retry with a bigger stack may help.
pub(super) fn report(src: &str, max_depth: usize) -> (Vec<SyntaxError>, bool) {
    let mut text = src.to_string();
    let mut errors: Vec<SyntaxError> = Vec::new();
    // Every round parses the whole file (twice, with the detailed attempts): bound the work.
    let budget = src
        .len()
        .saturating_mul(2 * MAX_ERRORS)
        .min(src.len() * 4 + (4 << 20));
    let mut spent = 0usize;
    let mut too_deep = false;
    for _round in 0..MAX_ERRORS + 5 {
        spent = spent.saturating_add(text.len());
        let e = match GroovyParser::parse(Rule::script, &text) {
            Ok(pairs) => {
                // Whatever is left parses: the converter may still find errors in it.
                let conv = Converter::new(0, max_depth);
                let mut body = Vec::new();
                for pair in pairs.flatten().take(1) {
                    conv.script_body(pair, &mut body, &mut errors);
                }
                too_deep |= conv.too_deep.get();
                break;
            }
            Err(e) => e,
        };
        if let ErrorVariant::CustomError { message } = &e.variant {
            // pest's call limit or stack check: nothing more can be learnt.
            let deep = message.contains("stack");
            too_deep |= deep;
            let at = location(&e);
            let err = if deep {
                SyntaxError::new(
                    ErrorKind::TooDeep,
                    "the code is nested too deeply",
                    point(&text, at),
                    "the parser gave up here",
                )
            } else {
                SyntaxError::new(
                    ErrorKind::TooComplex,
                    "the file is too complex to parse",
                    point(&text, at),
                    "the parser gave up here",
                )
                .with_help(format!("the parser stopped with: {message}"))
            };
            errors.push(err);
            break;
        }
        let lex = Lex::new(&text);
        let detail = detailed_window(&text, &lex, location(&e));
        let ctx = Ctx::new(src, &text, &lex, &e, detail);
        let (err, next) = ctx.diagnose();
        if errors
            .last()
            .is_some_and(|l| l.span == err.span && l.message == err.message)
        {
            break;
        }
        errors.push(err);
        if errors.len() >= MAX_ERRORS || spent >= budget {
            break;
        }
        match next {
            Next::Blank(s, e) if blank(&mut text, s, e) => {}
            _ => break,
        }
    }
    errors.sort_by_key(|e| e.span.offset());
    errors.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    errors.truncate(MAX_ERRORS);
    (errors, too_deep)
}

/// What to do after an error.
enum Next {
    /// Blank `[s, e)` out and parse again.
    Blank(usize, usize),
    /// Stop: the error is at the end of the file, or nothing after it can be trusted.
    Stop,
}

/// Replaces `text[s..e]` by spaces, keeping line breaks. Returns false if nothing changed.
fn blank(text: &mut String, s: usize, e: usize) -> bool {
    let e = e.min(text.len());
    if s >= e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return false;
    }
    if text[s..e].bytes().all(|c| c.is_ascii_whitespace()) {
        return false;
    }
    let blanked: String = text[s..e]
        .chars()
        .map(|c| {
            if c == '\n' {
                "\n".to_string()
            } else {
                " ".repeat(c.len_utf8())
            }
        })
        .collect();
    text.replace_range(s..e, &blanked);
    true
}

fn location(e: &pest::error::Error<Rule>) -> usize {
    match e.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

// ------------------------------------------------------------------ pest's attempts

/// What pest expected at the failure position, in words.
pub(super) struct Expected {
    pub pos: usize,
    pub tokens: Vec<String>,
    /// Tokens that a negative look-ahead found there (`!":"` after an expression).
    pub unexpected: usize,
    pub rules: Vec<&'static str>,
}

/// pest's detailed attempts for a failure at `local`. They cost several plain parses, so
/// only the text from the top-level statement holding the failure is parsed, when that
/// fails at the same place (statements at the top level do not depend on each other).
fn detailed_window(text: &str, lex: &Lex, local: usize) -> Option<Expected> {
    let start = lex
        .lines
        .iter()
        .rev()
        .find(|l| l.code && l.depth == 0 && l.start <= local && starts_statement(text, l))
        .map_or(0, |l| l.start);
    if start > 0 {
        let window = &text[start..];
        if window.len() <= DETAIL_MAX_BYTES {
            if let Some((at, mut d)) = detailed_error(window) {
                if at + start == local {
                    d.pos += start;
                    return Some(d);
                }
            }
        }
    }
    (text.len() <= DETAIL_MAX_BYTES)
        .then(|| detailed_error(text).map(|(_, d)| d))
        .flatten()
}

/// Whether a top-level line can start a statement on its own (it does not go on with the
/// one above: `.member`, `? :`, `else`, `catch`, `finally`, or after a trailing operator).
fn starts_statement(text: &str, l: &super::lex::Line) -> bool {
    let first = &text[l.first..];
    let continues = first.starts_with([
        '.', '?', ':', '}', ')', ']', '*', '&', '|', '+', '-', '=', '<', '>', '/', '^', '%', '\n',
        '\r',
    ]) || ["else", "catch", "finally"].iter().any(|k| {
        first.starts_with(k)
            && !first[k.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
    });
    let above = text[..l.start].trim_end();
    let open_above = above.ends_with([
        ',', '+', '-', '*', '/', '=', '&', '|', '?', ':', '<', '>', '.', '(', '[', '{', '!', '~',
        '^', '%', '\\',
    ]);
    !continues && !open_above
}

/// Re-parses a failing text with pest's detailed error tracking on, which records the
/// literal tokens expected at the failure (slower, so only done after a failure). Returns
/// pest's own location too.
fn detailed_error(text: &str) -> Option<(usize, Expected)> {
    static DETAIL: Mutex<()> = Mutex::new(());
    let _guard = DETAIL.lock().unwrap_or_else(|p| p.into_inner());
    pest::set_error_detail(true);
    let res = GroovyParser::parse(Rule::script, text);
    pest::set_error_detail(false);
    let e = res.err()?;
    let attempts = e.parse_attempts()?;
    // Single characters are written as ranges (`')'..')'`) in the grammar, which is faster
    // than a string match: show them as the character.
    let tokens = attempts
        .expected_tokens()
        .into_iter()
        .map(|t| {
            let t = t.to_string();
            let chars: Vec<char> = t.chars().collect();
            match chars.as_slice() {
                [a, '.', '.', b] if a == b => a.to_string(),
                _ => t,
            }
        })
        .collect();
    let rules = attempts
        .call_stacks()
        .into_iter()
        .filter_map(|c| c.deepest.get_rule().copied().or(c.parent))
        .map(describe_rule)
        .collect();
    Some((
        location(&e),
        Expected {
            pos: attempts.max_position,
            tokens,
            unexpected: attempts.unexpected_tokens().len(),
            rules,
        },
    ))
}

/// The statement rules, as a pattern (a macro so the list is written once).
macro_rules! statement_rules {
    () => {
        Rule::if_stmt
            | Rule::for_stmt
            | Rule::while_stmt
            | Rule::switch_stmt
            | Rule::try_stmt
            | Rule::return_stmt
            | Rule::break_stmt
            | Rule::continue_stmt
            | Rule::throw_stmt
            | Rule::assert_stmt
            | Rule::import_stmt
            | Rule::package_stmt
            | Rule::annotated
            | Rule::class_def
            | Rule::decl_or_method
            | Rule::multi_assign
            | Rule::labeled
    };
}

/// pest's rule names, in words a Groovy user knows.
fn describe_rule(rule: Rule) -> &'static str {
    use Rule::*;
    match rule {
        expr | pexpr | initializer | expr_stmt | paren | list_or_map | entry_or_elem
        | empty_map | number | sq_string | tsq_string | dq_string | tdq_string | slashy
        | dollar_slashy | literal_kw | new_expr | cast | not_op | bitnot_op | neg_op | plus_op
        | pre_inc | pre_dec | spread => "an expression",
        ident | word | qualified_name | upper_name => "a name",
        closure | trailing_closure => "a closure",
        block | class_body | enum_body => "a block `{ … }`",
        statement_rules!() => "a statement",
        call_args => "arguments `( … )`",
        index => "an index `[ … ]`",
        member => "a member access",
        any_type | decl_type | primitive | prim_type | type_args => "a type",
        params | param | closure_params => "a parameter",
        command_args | command_chain | named_arg | named_parg => "an argument",
        annotation => "an annotation",
        modifier | modifiers => "a modifier",
        assign_op | ternary | elvis | or_op | and_op | bor_op | bxor_op | band_op | eq_op
        | rel_op | shift_op | add_op | mul_op | pow_op | as_op | instanceof_op => "an operator",
        EOI => "end of file",
        _ => "",
    }
}

const RULE_ORDER: [&str; 14] = [
    "an expression",
    "a statement",
    "a name",
    "a type",
    "a block `{ … }`",
    "a closure",
    "arguments `( … )`",
    "an argument",
    "a parameter",
    "an operator",
    "a member access",
    "an index `[ … ]`",
    "an annotation",
    "end of file",
];

/// Words for what pest expected, most useful first, at most four.
fn expected_words(detail: &Expected) -> Vec<String> {
    const TOKENS: [&str; 14] = [
        ")", "]", "}", ",", ":", "->", "=", "{", "else", "catch", "finally", "case", "default",
        "in",
    ];
    let mut out: Vec<String> = Vec::new();
    for t in TOKENS {
        if detail.tokens.iter().any(|x| x == t) {
            out.push(format!("`{t}`"));
        }
    }
    // Where a statement may end (`;` is only tried there), that is what matters; the
    // operators that could continue it are noise.
    if detail.tokens.iter().any(|t| t == ";") {
        out.retain(|w| matches!(w.as_str(), "`)`" | "`]`" | "`}`" | "`,`"));
        out.push("the end of the statement".into());
        return out;
    }
    let mut rules: Vec<&str> = detail
        .rules
        .iter()
        .copied()
        .filter(|r| !r.is_empty())
        .collect();
    rules.sort_by_key(|r| RULE_ORDER.iter().position(|x| x == r).unwrap_or(99));
    rules.dedup();
    for r in rules {
        let r = r.to_string();
        if !out.contains(&r) {
            out.push(r);
        }
    }
    if out.iter().any(|w| w == "an expression") {
        // A closure is an expression.
        out.retain(|w| w != "`{`");
    }
    if out.iter().any(|w| w == "a statement") {
        // At the start of a statement, listing what a statement may start with is noise.
        out.retain(|w| w.starts_with('`') || w == "a statement");
    }
    if out.is_empty() {
        out.extend(
            detail
                .tokens
                .iter()
                .filter(|t| t.chars().count() <= 3 && !t.contains("..") && !t.trim().is_empty())
                .take(3)
                .map(|t| format!("`{t}`")),
        );
    }
    out.truncate(4);
    out
}

fn join_words(words: &[String]) -> String {
    match words {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    }
}

// ------------------------------------------------------------------ text helpers

/// What the text at `pos` looks like, for "unexpected …".
fn found_at(src: &str, pos: usize) -> String {
    let rest = src.get(pos..).unwrap_or("");
    let Some(c) = rest.chars().next() else {
        return "end of file".into();
    };
    if c == '\n' || rest.starts_with("\r\n") {
        return "end of line".into();
    }
    const OPS: &str = "+-*/%=<>!&|^?:.~";
    let is_word = |c: char| c.is_alphanumeric() || c == '_' || c == '$';
    let token: String = if is_word(c) {
        rest.chars().take_while(|&c| is_word(c)).take(40).collect()
    } else if OPS.contains(c) {
        rest.chars()
            .take_while(|&c| OPS.contains(c))
            .take(4)
            .collect()
    } else if c == '`' {
        return "backtick".into();
    } else {
        c.to_string()
    };
    format!("`{token}`")
}

/// A one-character span at `p` (empty at the end of the file).
fn point(src: &str, p: usize) -> Span {
    let len = src
        .get(p..)
        .and_then(|r| r.chars().next())
        .map_or(0, char::len_utf8);
    Span::new(p, p + len)
}

/// The span of the word starting at `p`.
fn word_span(src: &str, p: usize) -> Span {
    let b = src.as_bytes();
    let mut e = p;
    while e < b.len() && is_word_byte(b[e]) {
        e += 1;
    }
    Span::new(p, e.max(p))
}

fn word_at(src: &str, p: usize) -> &str {
    word_span(src, p).text(src)
}

/// Whether nothing but blanks, line breaks and comments follow `pos`.
fn only_trivia_after(src: &str, pos: usize) -> bool {
    let b = src.as_bytes();
    let mut i = pos;
    while i < b.len() {
        match b[i] {
            b' ' | b'\t' | b'\r' | b'\n' | 0x0c => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match src[i + 2..].find("*/") {
                Some(e) => i += e + 4,
                None => return true,
            },
            _ => return false,
        }
    }
    true
}

/// The last character of `src` that is not blank (for a label at the end of the file).
fn last_visible(src: &str) -> Span {
    let end = src.trim_end().len();
    match src[..end].chars().next_back() {
        Some(c) => Span::new(end - c.len_utf8(), end),
        None => Span::new(0, 0),
    }
}

/// The offset of the last non-blank character before `p`, skipping comments roughly.
fn prev_token_end(src: &str, p: usize) -> Option<usize> {
    let before = src.get(..p)?;
    let trimmed = before.trim_end();
    (!trimmed.is_empty()).then_some(trimmed.len())
}

/// 1-based "line L, column C" of an offset.
fn at_line_col(src: &str, pos: usize) -> String {
    let (l, c) = LineIndex::new(src).line_col(src, pos);
    format!("{l}:{c}")
}

fn first_on_line(src: &str, p: usize) -> bool {
    src[..p]
        .bytes()
        .rev()
        .take_while(|&c| c != b'\n')
        .all(|c| c == b' ' || c == b'\t' || c == b'\r')
}

/// Where the line containing `p` ends (before any `\r\n`).
fn line_end(src: &str, p: usize) -> usize {
    let e = src[p..].find('\n').map_or(src.len(), |e| p + e);
    if e > 0 && src.as_bytes()[e - 1] == b'\r' {
        e - 1
    } else {
        e
    }
}

const KEYWORDS: [&str; 52] = [
    "abstract",
    "as",
    "assert",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "def",
    "default",
    "do",
    "double",
    "else",
    "enum",
    "extends",
    "false",
    "final",
    "finally",
    "float",
    "for",
    "goto",
    "if",
    "implements",
    "import",
    "in",
    "instanceof",
    "int",
    "interface",
    "long",
    "native",
    "new",
    "null",
    "package",
    "private",
    "protected",
    "public",
    "return",
    "short",
    "static",
    "super",
    "switch",
    "synchronized",
    "this",
    "throw",
    "throws",
    "true",
    "try",
    "while",
];

// ------------------------------------------------------------------ diagnosis

struct Ctx<'a> {
    /// The file as written (for labels on what the user sees).
    src: &'a str,
    /// The file with the statements of earlier errors blanked out (what pest parsed).
    text: &'a str,
    lex: &'a Lex,
    detail: Option<Expected>,
    /// Where pest gave up.
    p: usize,
    /// What pest expected there, in words.
    words: Vec<String>,
}

impl<'a> Ctx<'a> {
    fn new(
        src: &'a str,
        text: &'a str,
        lex: &'a Lex,
        e: &pest::error::Error<Rule>,
        detail: Option<Expected>,
    ) -> Ctx<'a> {
        let local = location(e);
        let p = failure_position(text, local, detail.as_ref());
        let words = match &detail {
            Some(d) => expected_words(d),
            None => {
                let mut w: Vec<String> = Vec::new();
                if let ErrorVariant::ParsingError { positives, .. } = &e.variant {
                    for r in positives {
                        let d = describe_rule(*r);
                        if !d.is_empty() && !w.iter().any(|x| x == d) {
                            w.push(d.to_string());
                        }
                    }
                }
                w
            }
        };
        Ctx {
            src,
            text,
            lex,
            detail,
            p,
            words,
        }
    }

    fn expected(&self) -> String {
        if self.words.is_empty() {
            "not expected here".to_string()
        } else {
            format!("expected {}", join_words(&self.words))
        }
    }

    fn expects_token(&self, t: &str) -> bool {
        self.detail
            .as_ref()
            .is_some_and(|d| d.tokens.iter().any(|x| x == t))
    }

    fn expects_rule(&self, r: &str) -> bool {
        self.detail.as_ref().is_some_and(|d| d.rules.contains(&r))
    }

    fn char_at(&self, p: usize) -> char {
        self.text
            .get(p..)
            .and_then(|r| r.chars().next())
            .unwrap_or('\0')
    }

    fn lc(&self, pos: usize) -> String {
        at_line_col(self.src, pos)
    }

    fn diagnose(&self) -> (SyntaxError, Next) {
        type Check<'c> = fn(&Ctx<'c>) -> Option<(SyntaxError, Next)>;
        let checks: [Check<'a>; 10] = [
            Self::unterminated_comment,
            Self::string_problem,
            Self::odd_character,
            Self::at_end_of_file,
            Self::closer_problem,
            Self::unclosed_bracket,
            Self::keyword_problem,
            Self::missing_comma,
            Self::newer_operator,
            Self::gstring_dollar,
        ];
        for check in checks {
            if let Some(found) = check(self) {
                return found;
            }
        }
        self.generic()
    }

    /// Blanks the statement at `anchor` (through the one at `after`), or the one before
    /// if that leaves nothing to blank.
    fn blank_statement(&self, anchor: usize, after: usize) -> Next {
        let (s, e) = self.lex.statement_bounds(anchor, after);
        let (s, e) = self.lex.close_over(s, e);
        if !self.text[s..e].trim().is_empty() {
            return Next::Blank(s, e);
        }
        // Nothing there (the error is at the `}` that ends a block, say): the statement
        // before is the unfinished one.
        match prev_token_end(self.text, anchor) {
            Some(prev) => {
                let (s, e) = self.lex.statement_bounds(prev - 1, prev - 1);
                let (s, e) = self.lex.close_over(s, e);
                Next::Blank(s, e)
            }
            None => Next::Stop,
        }
    }

    /// Where an error at the end of the file is drawn: on its last visible character.
    fn eof_error(&self, kind: ErrorKind, message: String, label: &str) -> SyntaxError {
        let end = self.src.len();
        SyntaxError::new(kind, message, Span::new(end, end), label)
            .with_label_at(last_visible(self.src))
    }

    // ------------------------------------------------------------- the checks

    fn unterminated_comment(&self) -> Option<(SyntaxError, Next)> {
        let &(at, _) = self
            .lex
            .odd
            .iter()
            .find(|(at, o)| *o == Odd::OpenComment && *at <= self.p)?;
        let err = self
            .eof_error(
                ErrorKind::UnterminatedComment,
                "unterminated comment: `/*` has no closing `*/`".into(),
                "the file ends inside the comment",
            )
            .with_related(Span::new(at, at + 2), "this comment is never closed")
            .with_help("close the comment with `*/`");
        Some((err, Next::Stop))
    }

    fn string_problem(&self) -> Option<(SyntaxError, Next)> {
        let s = self.lex.unterminated_string_before(self.p)?;
        // An unclosed `${` makes the string around it run on: report the `${`.
        let interp = s
            .in_interp
            .filter(|&k| self.lex.brackets[k].is_unclosed())
            .or_else(|| {
                self.lex.brackets.iter().position(|b| {
                    b.delim == Delim::Interp
                        && b.open > s.start
                        && b.open < s.end
                        && b.is_unclosed()
                })
            });
        if let Some(k) = interp {
            return Some(self.unclosed_interp(&self.lex.brackets[k]));
        }
        Some(self.unterminated_string(s))
    }

    fn unterminated_string(&self, s: &StrTok) -> (SyntaxError, Next) {
        let open = s.kind.opener();
        let close = s.kind.closer();
        let opener = Span::new(s.start, s.start + open.len());
        let single = s.kind.single_line() && s.end < self.src.len();
        let mut err = if single {
            let at = line_end(self.src, s.end);
            SyntaxError::new(
                ErrorKind::UnterminatedString,
                "unterminated string literal",
                point(self.src, at),
                format!("the line ends before the closing `{close}`"),
            )
            .with_label_at(Span::new(at, at))
        } else {
            self.eof_error(
                ErrorKind::UnterminatedString,
                "unterminated string literal".into(),
                &format!("the file ends before the closing `{close}`"),
            )
        };
        err = err.with_related(opener, "this string is never closed");
        let help = match s.kind {
            StrKind::Single | StrKind::Double => {
                let apostrophe = s.kind == StrKind::Single && self.apostrophe_before(s.start);
                if apostrophe {
                    "a `'` inside a '…' string ends it: write it as `\\'`, or use a \"…\" string"
                        .to_string()
                } else {
                    format!(
                        "a `{open}…{open}` string cannot span lines: close it on this line, or use `{t}…{t}` for text over several lines",
                        t = open.repeat(3)
                    )
                }
            }
            _ => self
                .triple_closed_like_opener(s.start)
                .unwrap_or_else(|| format!("close the string with `{close}`")),
        };
        err = err.with_help(help);
        let next = if single {
            self.blank_statement(s.start, s.end)
        } else {
            Next::Stop
        };
        (err, next)
    }

    /// `sh 'it's'`: a '…' string on this line ends right before a letter.
    fn apostrophe_before(&self, start: usize) -> bool {
        let line = self.lex.line_of(start);
        let from = self.lex.lines[line].start;
        let b = self.text.as_bytes();
        self.lex.strings.iter().any(|t| {
            t.kind == StrKind::Single
                && t.terminated
                && t.start >= from
                && t.end < start
                && t.end >= 2
                && b.get(t.end).is_some_and(|&c| c.is_ascii_alphabetic())
                && b[t.end - 2].is_ascii_alphabetic()
        })
    }

    fn unclosed_interp(&self, b: &Bracket) -> (SyntaxError, Next) {
        let cut = b.cut.unwrap_or(self.src.len());
        let opener = Span::new(b.open, b.open + 2);
        let eol = line_end(self.src, cut.min(self.src.len()));
        // Where the code in the `${` stops making sense, if before the line end: Groovy
        // reports that place (its lexer only gets to the line end later).
        let inside = code_failure(&self.text[b.open + 2..eol])
            .map(|q| b.open + 2 + q)
            .or_else(|| (b.open + 2..eol).contains(&self.p).then_some(self.p));
        let (mut err, next) = if let Some(at) = inside.filter(|&q| q < eol) {
            let err = SyntaxError::new(
                ErrorKind::UnclosedDelimiter,
                "unclosed `${` in a string",
                point(self.src, at),
                format!("expected `}}` before {}", found_at(self.text, at)),
            );
            (err, self.blank_statement(b.open, cut.min(self.src.len())))
        } else if cut < self.src.len() {
            let at = line_end(self.src, cut);
            let err = SyntaxError::new(
                ErrorKind::UnclosedDelimiter,
                "unclosed `${` in a string",
                point(self.src, at),
                "the line ends before the `}` that closes the `${`",
            )
            .with_label_at(Span::new(at, at));
            let next = self.blank_statement(b.open, cut);
            (err, next)
        } else {
            (
                self.eof_error(
                    ErrorKind::UnclosedDelimiter,
                    "unclosed `${` in a string".into(),
                    "the file ends before the `${` is closed",
                ),
                Next::Stop,
            )
        };
        err = err
            .with_related(opener, "this `${` is never closed")
            .with_help(
            "close the expression with `}` before the string's closing quote, as in \"${name}\"",
        );
        (err, next)
    }

    fn odd_character(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        // A `#` on the first line fails where pest wanted the `!` of `#!`, after it.
        let &(at, odd) = self.lex.odd.iter().find(|(at, o)| {
            *at == p
                || (*o == Odd::Hash
                    && *at < p
                    && self.text[*at + 1..p]
                        .bytes()
                        .all(|c| c == b' ' || c == b'\t'))
        })?;
        let err = match odd {
            Odd::Backtick => {
                let rest = &self.text[at + 1..line_end(self.text, at)];
                let err = SyntaxError::new(
                    ErrorKind::Backtick,
                    "backticks (`) are not valid in Groovy",
                    point(self.src, at),
                    "unexpected backtick",
                );
                match rest.find('`') {
                    Some(e) if e > 0 => {
                        let cmd = &rest[..e];
                        err.with_help(format!(
                            "Groovy has no command substitution: run a shell command with the `sh` step, as in `sh '{cmd}'`, or `sh(script: '{cmd}', returnStdout: true).trim()` for its output"
                        ))
                    }
                    _ => err.with_help("remove the backtick"),
                }
            }
            Odd::Hash => return Some(self.hash_comment(at)),
            Odd::CommentEnd => SyntaxError::new(
                ErrorKind::StrayCommentEnd,
                "unexpected `*/`: no comment is open",
                Span::new(at, at + 2),
                "this `*/` closes no comment",
            )
            .with_help("remove it, or add the `/*` that starts the comment"),
            Odd::OpenComment => return None,
        };
        let next = match odd {
            Odd::CommentEnd => Next::Blank(at, at + 2),
            _ => self.blank_statement(at, at),
        };
        Some((err, next))
    }

    fn hash_comment(&self, at: usize) -> (SyntaxError, Next) {
        let err = SyntaxError::new(
            ErrorKind::HashComment,
            "`#` does not start a comment in Groovy",
            point(self.src, at),
            "unexpected `#`",
        )
        .with_help("use `//` or `/* … */` for comments; only the first line may be a `#!` line");
        // The rest of the line was meant as a comment.
        (err, Next::Blank(at, line_end(self.text, at)))
    }

    fn at_end_of_file(&self) -> Option<(SyntaxError, Next)> {
        if !only_trivia_after(self.text, self.p) {
            return None;
        }
        let unclosed = self.lex.unclosed_at_eof();
        let Some(inner) = unclosed.last() else {
            let err = self.eof_error(
                ErrorKind::UnexpectedEof,
                "unexpected end of file".into(),
                &format!("{} after this", self.expected()),
            );
            return Some((err, Next::Stop));
        };
        let close = inner.delim.close_char();
        let blocks = unclosed.iter().filter(|b| b.delim == Delim::Brace).count();
        let message = if unclosed.len() > 1 && blocks == unclosed.len() {
            format!(
                "missing `}}` at end of file: {} blocks are never closed",
                unclosed.len()
            )
        } else {
            format!("missing `{close}` at end of file")
        };
        let mut err = self.eof_error(ErrorKind::UnclosedDelimiter, message, "the file ends here");
        // Innermost first; a long list of outer blocks adds little.
        for b in unclosed.iter().rev().take(6) {
            err = err.with_related(
                Span::new(b.open, b.open + b.delim.open_str().len()),
                format!("this `{}` is never closed", b.delim.open_str()),
            );
        }
        let help = if let Some((o, c)) = self.lex.misindented_pair(self.src.len()) {
            let (ol, cl) = (self.lc(o), self.lc(c));
            err = err
                .with_related(point(self.src, o), format!("this `{{` is closed at {cl}…"))
                .with_related(
                    point(self.src, c),
                    "…by this `}`, which is indented differently",
                );
            format!(
                "by the indentation, the `{{` at {ol} is not meant to be closed at {cl}: a `}}` is probably missing before line {}",
                cl.split(':').next().unwrap_or("")
            )
        } else if unclosed.len() > 1 {
            let closers: String = unclosed
                .iter()
                .rev()
                .map(|b| b.delim.close_char())
                .collect();
            format!("add `{closers}` where the blocks end")
        } else {
            format!("add the missing `{close}`")
        };
        Some((err.with_help(help), Next::Stop))
    }

    fn closer_problem(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        let ch = self.char_at(p);
        if !matches!(ch, ')' | ']' | '}') {
            return None;
        }
        let open = self.lex.open_at(p);
        let inner = open.last().copied();
        let Some(inner) = inner else {
            let want = opener_of(ch);
            let mut err = SyntaxError::new(
                ErrorKind::UnmatchedDelimiter,
                format!("unexpected `{ch}`"),
                point(self.src, p),
                format!("this `{ch}` has no matching `{want}`"),
            );
            if ch == '}' {
                if let Some((o, c)) = self.lex.misindented_pair(p) {
                    err = err
                        .with_related(point(self.src, o), format!("this `{{` is closed at {}…", self.lc(c)))
                        .with_related(
                            point(self.src, c),
                            "…by this `}`, which is indented differently",
                        )
                        .with_help("by the indentation, a `}` above closes a block too early: remove the extra `}`, or add the missing `{`");
                } else {
                    err = err.with_help("remove it, or add the `{` it should close");
                }
            }
            return Some((err, Next::Blank(p, p + ch.len_utf8())));
        };
        if inner.close == Some(p) && !inner.wrong {
            // It closes what it should: the problem is before it.
            return None;
        }
        let want = inner.delim.close_char();
        if want == ch {
            return None;
        }
        let opener = Span::new(inner.open, inner.open + inner.delim.open_str().len());
        let o = inner.delim.open_str();
        if self.lex.strays.contains(&p) && inner.delim.is_block() {
            // `sh 'x')` in a block: a `)` too many.
            let want_open = opener_of(ch);
            let err = SyntaxError::new(
                ErrorKind::UnmatchedDelimiter,
                format!("unexpected `{ch}`"),
                point(self.src, p),
                format!("this `{ch}` has no matching `{want_open}`"),
            )
            .with_help(format!(
                "remove it, or add the `{want_open}` it should close"
            ));
            return Some((err, Next::Blank(p, p + 1)));
        }
        let unclosed = inner.is_unclosed();
        let kind = if unclosed {
            ErrorKind::UnclosedDelimiter
        } else {
            ErrorKind::MismatchedDelimiter
        };
        let err = SyntaxError::new(
            kind,
            format!(
                "expected `{want}` to close the `{o}` at {}, found `{ch}`",
                self.lc(inner.open)
            ),
            point(self.src, p),
            format!("expected `{want}` here"),
        )
        .with_related(
            opener,
            if unclosed {
                format!("this `{o}` is never closed")
            } else {
                format!("this `{o}` is closed by the `{ch}`")
            },
        )
        .with_help(if unclosed {
            format!("add the missing `{want}` before the `{ch}`")
        } else {
            format!(
                "write `{want}` instead of `{ch}`, or add the missing `{}`",
                opener_of(ch)
            )
        });
        let next = if ch == '}' && unclosed {
            // `foo(1, 2` then the `}` of the block: blank the statement up to the `}`.
            let (s, _) = self.lex.statement_bounds(inner.open, inner.open);
            Next::Blank(s, p)
        } else {
            self.blank_statement(inner.open, p)
        };
        Some((err, next))
    }

    fn unclosed_bracket(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        let inner = *self.lex.open_at(p).last()?;
        if inner.delim.is_block() || !inner.is_unclosed() {
            return None;
        }
        let want = inner.delim.close_char();
        // An unclosed bracket explains a failure on a later line, or one where its closer
        // was expected.
        let later_line = self.lex.line_of(inner.open) != self.lex.line_of(p);
        if !later_line && self.detail.is_some() && !self.expects_token(&want.to_string()) {
            return None;
        }
        let o = inner.delim.open_str();
        let found = found_at(self.text, p);
        let mut tokens: Vec<String> = vec![format!("`{want}`")];
        if self.expects_token(",") {
            tokens.push("`,`".into());
        }
        let err = SyntaxError::new(
            ErrorKind::UnclosedDelimiter,
            format!(
                "expected `{want}` to close the `{o}` at {}, found {found}",
                self.lc(inner.open)
            ),
            point(self.src, p),
            format!("expected {} before this", join_words(&tokens)),
        )
        .with_related(
            Span::new(inner.open, inner.open + o.len()),
            format!("this `{o}` is never closed"),
        )
        .with_help(format!("add the missing `{want}`"));
        // The statement of the `(`, through the line before the one where the parser gave
        // up (or through that line).
        let (s, _) = self.lex.statement_bounds(inner.open, inner.open);
        let e = if first_on_line(self.text, p) {
            p
        } else {
            self.lex.next_code_line(p).unwrap_or(self.text.len())
        };
        let (s, e) = self.lex.close_over(s, e);
        Some((err, Next::Blank(s, e)))
    }

    fn keyword_problem(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        let w = word_at(self.text, p);
        if w.is_empty() || !KEYWORDS.contains(&w) {
            return None;
        }
        let span = word_span(self.src, p);
        let at_statement_start = prev_token_end(self.text, p)
            .is_none_or(|e| matches!(self.text.as_bytes()[e - 1], b'\n' | b';' | b'}' | b'{'))
            || first_on_line(self.text, p);
        let err = match w {
            "else" if at_statement_start => SyntaxError::new(
                ErrorKind::ElseWithoutIf,
                "`else` without `if`",
                span,
                "this `else` follows no `if`",
            )
            .with_help("`else` must directly follow the statement or `{ … }` block of an `if`; check the braces above it"),
            "catch" | "finally" if at_statement_start => SyntaxError::new(
                ErrorKind::CatchWithoutTry,
                format!("`{w}` without `try`"),
                span,
                format!("this `{w}` follows no `try` block"),
            )
            .with_help(format!("`{w}` must directly follow the `{{ … }}` block of a `try` (or a `catch`); check the braces above it")),
            "as" | "in" | "instanceof" if !self.expects_rule("a name") => return None,
            _ if !self.expects_rule("a name") && !self.after_declaration_head(p) => return None,
            "def" if self.previous_word(p) == Some("def") => SyntaxError::new(
                ErrorKind::RepeatedDef,
                "`def` is written twice",
                span,
                "second `def`",
            )
            .with_help("remove one `def`"),
            _ => SyntaxError::new(
                ErrorKind::ReservedWord,
                format!("`{w}` is a reserved word and cannot be used as a name"),
                span,
                "reserved word",
            )
            .with_help(format!("choose another name, such as `{w}Name`")),
        };
        // `}` too many before `else`/`catch`: the `if`/`try` was closed early. Removing that
        // `}` explains the rest of the file too.
        if matches!(
            err.kind,
            ErrorKind::ElseWithoutIf | ErrorKind::CatchWithoutTry
        ) {
            if let Some((o, c)) = self.lex.misindented_pair(p) {
                let just_before = prev_token_end(self.text, p).is_some_and(|e| e == c + 1);
                if just_before {
                    let err = err
                        .with_related(point(self.src, c), "this `}` may be one too many…")
                        .with_related(
                            point(self.src, o),
                            "…it closes this `{`, but is indented differently",
                        );
                    return Some((err, Next::Blank(c, c + 1)));
                }
            }
        }
        let next = self.blank_statement(p, p);
        Some((err, next))
    }

    /// `def`, a modifier or a type comes before `p`: a name is due (`String class = …`).
    fn after_declaration_head(&self, p: usize) -> bool {
        self.previous_word(p).is_some_and(|w| {
            w.starts_with(|c: char| c.is_ascii_uppercase())
                || matches!(
                    w,
                    "def"
                        | "final"
                        | "static"
                        | "private"
                        | "public"
                        | "protected"
                        | "boolean"
                        | "byte"
                        | "char"
                        | "short"
                        | "int"
                        | "long"
                        | "float"
                        | "double"
                )
        })
    }

    /// The word before `p` on the same line, if the token before `p` is a word.
    fn previous_word(&self, p: usize) -> Option<&str> {
        let e = prev_token_end(self.text, p)?;
        let b = self.text.as_bytes();
        let mut s = e;
        while s > 0 && is_word_byte(b[s - 1]) {
            s -= 1;
        }
        (s < e && !self.text[e..p].contains('\n')).then(|| &self.text[s..e])
    }

    fn missing_comma(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        let b = self.text.as_bytes();
        let c = *b.get(p)?;
        let inner = self.lex.open_at(p).last().copied();
        // `foo(a b)`, `[1, 2 3]`, `[a: 1 b: 2]`: a `,` was expected and an operand follows.
        if let Some(inner) = inner.filter(|i| !i.delim.is_block()) {
            let starts_operand = is_word_byte(c) || matches!(c, b'\'' | b'"' | b'[');
            if !starts_operand || !self.expects_token(",") {
                return None;
            }
            let named = named_key_at(self.text, p);
            let inside = &self.text[inner.open..p];
            let (what, help) = match (inner.delim, named) {
                (Delim::Paren, Some(k)) => (
                    format!("before the named argument `{k}:`"),
                    "separate named arguments with commas",
                ),
                (Delim::Paren, None) => (
                    "between arguments".to_string(),
                    "separate arguments with commas",
                ),
                (_, _) if inside.contains(':') && named.is_some() => (
                    "between map entries".to_string(),
                    "separate map entries with commas: `[a: 1, b: 2]`",
                ),
                _ => (
                    "between list elements".to_string(),
                    "separate list elements with commas: `[1, 2]`",
                ),
            };
            let err = SyntaxError::new(
                ErrorKind::MissingComma,
                format!("missing `,` {what}"),
                word_or_point(self.src, p),
                "expected `,` before this",
            )
            .with_help(help);
            return Some((err, self.blank_statement(p, p)));
        }
        // `git branch: 'x' url: 'y'`: the parser took `url` for a method name.
        if c != b':' || b.get(p + 1) == Some(&b':') {
            return None;
        }
        let key_end = prev_token_end(self.text, p)?;
        let mut key_start = key_end;
        while key_start > 0 && is_word_byte(b[key_start - 1]) {
            key_start -= 1;
        }
        if key_start == key_end || !self.text[key_end..p].trim().is_empty() {
            return None;
        }
        let before = prev_token_end(self.text, key_start)?;
        if before == key_start || self.text[before..key_start].contains('\n') {
            return None;
        }
        let last = b[before - 1];
        if !(is_word_byte(last) || matches!(last, b'\'' | b'"' | b')' | b']' | b'}')) {
            return None;
        }
        let key = &self.text[key_start..key_end];
        // Groovy reports the `:`; the label goes on the name.
        let err = SyntaxError::new(
            ErrorKind::MissingComma,
            format!("missing `,` before the named argument `{key}:`"),
            point(self.src, p),
            "expected `,` before this",
        )
        .with_label_at(Span::new(key_start, key_end))
        .with_help(format!(
            "separate named arguments with commas: `…{}, {key}: …`",
            tail(&self.text[..before], 20)
        ));
        Some((err, self.blank_statement(p, p)))
    }

    fn newer_operator(&self) -> Option<(SyntaxError, Next)> {
        const OPS: [(&str, &str); 5] = [
            ("!instanceof", "write `!(x instanceof T)`"),
            ("!in", "write `!(x in list)`"),
            ("===", "use `a.is(b)` for identity, or `==`"),
            ("?.[", "write `x?.getAt(i)`, or check for null first"),
            ("?=", "write `x = x ?: value`"),
        ];
        let start = self.p.saturating_sub(3);
        for (op, help) in OPS {
            let found = (start..=self.p).find(|&at| {
                self.text.get(at..).is_some_and(|r| r.starts_with(op))
                    && (!op.ends_with(|c: char| c.is_alphabetic())
                        || !self.text[at + op.len()..]
                            .starts_with(|c: char| c.is_alphanumeric() || c == '_'))
            });
            if let Some(at) = found {
                let err = SyntaxError::new(
                    ErrorKind::UnsupportedOperator,
                    format!("`{op}` is not an operator in Groovy 2.4"),
                    Span::new(at, at + op.len()),
                    "not supported by the Groovy version Jenkins runs",
                )
                .with_help(help);
                return Some((err, self.blank_statement(at, at)));
            }
        }
        None
    }

    fn gstring_dollar(&self) -> Option<(SyntaxError, Next)> {
        let p = self.p;
        let at = if self.char_at(p) == '$' {
            p
        } else {
            p.checked_sub(1)
                .filter(|q| self.text.as_bytes().get(*q) == Some(&b'$'))?
        };
        if !self.lex.in_gstring_text(at) {
            return None;
        }
        let err = SyntaxError::new(
            ErrorKind::GStringDollar,
            "a `$` in a double-quoted string must start `${…}` or `$name`",
            point(self.src, at),
            "illegal character after `$`",
        )
        .with_help("escape a literal dollar sign as `\\$`, or use a single-quoted string");
        Some((err, self.blank_statement(at, at)))
    }

    fn generic(&self) -> (SyntaxError, Next) {
        let p = self.p;
        let found = found_at(self.text, p);
        if let Some(kw) = self
            .previous_word(p)
            .filter(|w| matches!(*w, "if" | "while" | "for" | "switch" | "catch"))
            .filter(|_| self.expects_token("("))
        {
            // `catch err)`: Groovy reports the keyword.
            let at = prev_token_end(self.text, p).unwrap_or(p) - kw.len();
            let err = SyntaxError::new(
                ErrorKind::UnexpectedToken,
                format!("expected `(` after `{kw}`, found {found}"),
                word_span(self.src, at),
                "expected `(` after this",
            )
            .with_help(if kw == "catch" {
                "write the caught exception in parentheses: `catch (e) { … }`".to_string()
            } else {
                format!("write the condition in parentheses: `{kw} (…)`")
            });
            return (err, self.blank_statement(at, p));
        }
        let mut err = SyntaxError::new(
            ErrorKind::UnexpectedToken,
            format!("unexpected {found}"),
            point(self.src, p),
            self.expected(),
        );
        if let Some(help) = self.triple_closed_like_opener(p) {
            err = err.with_help(help);
        } else if let Some(q) = self.quote_next_to(p) {
            err = err.with_help(format!(
                "the quotes look unbalanced here: a `{q}` may be missing or misplaced"
            ));
        } else if self.char_at(p) == ','
            && self.words.iter().any(|w| w == "the end of the statement")
        {
            let line = &self.text[self.lex.lines[self.lex.line_of(p)].first..p];
            let branch = named_key_at(line, 0).is_some_and(|k| {
                line[k.len()..]
                    .trim_start()
                    .trim_start_matches(':')
                    .trim_start()
                    .starts_with('{')
            });
            let help = if branch {
                "statements are separated by line breaks or `;`, not `,`; to pass `name: { … }` branches to a step such as `parallel`, write them as its arguments: `parallel(a: { … }, b: { … })`"
            } else {
                "statements are separated by line breaks or `;`, not `,`"
            };
            err = err.with_help(help);
        } else if let Some(inner) = self.lex.open_at(p).last().filter(|b| !b.delim.is_block()) {
            let close = inner.delim.close_char().to_string();
            if self.expects_token(&close) {
                err = err.with_help(format!(
                    "the `{}` at {} is still open",
                    inner.delim.open_str(),
                    self.lc(inner.open)
                ));
            }
        }
        (err, self.blank_statement(p, p))
    }
}

fn opener_of(close: char) -> char {
    match close {
        ')' => '(',
        ']' => '[',
        _ => '{',
    }
}

/// Where the expression (or command expression) at the start of `code` ends, and a `}`
/// would be due.
fn code_failure(code: &str) -> Option<usize> {
    let end = [Rule::labeled, Rule::expr_stmt, Rule::expr]
        .into_iter()
        .find_map(|rule| {
            let pairs = GroovyParser::parse(rule, code).ok()?;
            pairs.last().map(|p| p.as_span().end())
        })?;
    let rest = &code[end..];
    Some(end + (rest.len() - rest.trim_start_matches([' ', '\t']).len()))
}

impl Ctx<'_> {
    /// `sh '''` closing a triple-quoted string: its `'''` ends a line after code, as an
    /// opening one does, so a closing `'''` is likely missing above it and the script
    /// below is being read as Groovy.
    fn triple_closed_like_opener(&self, p: usize) -> Option<String> {
        let t = self.lex.strings.iter().rev().find(|t| {
            t.terminated
                && t.end <= p
                && matches!(t.kind, StrKind::TripleSingle | StrKind::TripleDouble)
        })?;
        let q = t.kind.closer();
        let close_at = t.end - q.len();
        let line_start = self.lex.lines[self.lex.line_of(close_at)].start;
        let before = self.text[line_start..close_at].trim();
        let after = &self.text[t.end..line_end(self.text, t.end)];
        let looks_like_opener = !before.is_empty()
            && after.trim().is_empty()
            && self.lex.line_of(t.start) != self.lex.line_of(close_at);
        looks_like_opener.then(|| {
            format!(
                "the `{q}` at {} closes the string opened at {}, but it looks like it opens a new one: is a closing `{q}` missing before it?",
                self.lc(close_at),
                self.lc(t.start)
            )
        })
    }

    /// The quote of a string that ends right at `p` or starts there right after a word:
    /// `'true : 'false'`, `description: Build Completed', …` (a quote missing or extra).
    fn quote_next_to(&self, p: usize) -> Option<&'static str> {
        let b = self.text.as_bytes();
        self.lex.strings.iter().find_map(|s| {
            let ends_here =
                s.terminated && s.end == p && b.get(p).is_some_and(|&c| is_word_byte(c));
            let starts_here = s.start == p && p > 0 && is_word_byte(b[p - 1]);
            (ends_here || starts_here)
                .then(|| s.kind.opener())
                .filter(|q| q.len() == 1)
        })
    }
}

/// `name:` (a named argument or map key) at `p`, if there is one.
fn named_key_at(text: &str, p: usize) -> Option<&str> {
    let b = text.as_bytes();
    let mut e = p;
    while e < b.len() && is_word_byte(b[e]) {
        e += 1;
    }
    let mut k = e;
    while k < b.len() && matches!(b[k], b' ' | b'\t') {
        k += 1;
    }
    (e > p && b.get(k) == Some(&b':') && b.get(k + 1) != Some(&b':')).then(|| &text[p..e])
}

fn word_or_point(src: &str, p: usize) -> Span {
    let w = word_span(src, p);
    if w.is_empty() {
        point(src, p)
    } else {
        w
    }
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    let start = s
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    s[start..].trim_start()
}

/// Whether the detailed attempts' position is where a look-ahead scanning ahead gave up
/// rather than the parse: `arrow_ahead` (its attempts include `->`), `named_ahead` (only
/// its `:` and blanks), or nothing recorded at a line end.
fn lookahead_artifact(text: &str, d: &Expected) -> bool {
    if d.tokens.is_empty() {
        // Nothing recorded: a look-ahead's scan ended there, unless a negative look-ahead
        // matched (`!":"`). A scan ends at a line end; a real failure rarely does.
        let at_line_end = text
            .get(d.pos..)
            .is_none_or(|r| r.is_empty() || r.starts_with(['\n', '\r']));
        return d.unexpected == 0 && at_line_end;
    }
    // What `arrow_ahead` and `named_ahead` try; a real parse failing at the same place
    // tries more (a line break, `)`, `}`, a quote, …).
    const LOOKAHEAD: [&str; 20] = [
        "->",
        ":",
        " ",
        "\t",
        "&",
        ",",
        ".",
        "<",
        "=",
        ">",
        "?",
        "@",
        "[",
        "]",
        "$",
        "_",
        "0..9",
        "A..Z",
        "a..z",
        "\u{80}..\u{10ffff}",
    ];
    !d.tokens.is_empty()
        && d.tokens.iter().any(|t| t == "->" || t == ":")
        && d.tokens.iter().all(|t| LOOKAHEAD.contains(&t.as_str()))
}

/// Where pest gave up, as precisely as can be told. pest's own location is where the
/// furthest failing rule started; the detailed attempts know the furthest token tried,
/// which is more precise, except when it comes from a look-ahead that scans ahead (for a
/// closure's `->`, whose attempts always include `->`, or a named argument's `:`). Then a
/// position on a blank after a word is
/// taken back to the word (a keyword where a name was expected), and blanks are skipped.
fn failure_position(text: &str, local: usize, detail: Option<&Expected>) -> usize {
    let b = text.as_bytes();
    let mut p = match detail {
        Some(d) if d.pos >= local && !lookahead_artifact(text, d) => d.pos,
        _ => local,
    };
    p = p.min(b.len());
    if p > 0
        && p < b.len()
        && is_word_byte(b[p - 1])
        && (b[p] == b' ' || b[p] == b'\t' || is_word_byte(b[p]))
    {
        while p > 0 && is_word_byte(b[p - 1]) {
            p -= 1;
        }
        return p;
    }
    while p < b.len() && matches!(b[p], b' ' | b'\t' | b'\r') {
        p += 1;
    }
    p
}

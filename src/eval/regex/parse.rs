//! Parser for Java regular expressions (Java 17 `java.util.regex.Pattern` syntax).
//!
//! The structure follows `Pattern`'s own recursive descent (`expr`, `sequence`, `atom`,
//! `closure`, `group0`, `clazz`, `range`, `escape`, `family`) over an array of code points with
//! two trailing zeros, so that syntax errors carry the same description and the same index as
//! Java's `PatternSyntaxException`. The result is a small AST that `emit` turns into a
//! fancy-regex pattern.

use super::charset::{self, CharSet, PropError};
use super::flags::*;

/// A parsed Java pattern.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    Empty,
    /// A literal code point, matched exactly.
    Char(u32),
    Set(CharSet),
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Group(Box<Node>, GroupKind),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        kind: Quant,
    },
    /// A zero-width assertion.
    Assert(Assertion),
    /// `\R`
    LineEnding,
    /// `\X`
    Grapheme,
    BackRef {
        group: usize,
        ci: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroupKind {
    Capture,
    NonCapture,
    Atomic,
    LookAhead,
    NegLookAhead,
    LookBehind,
    NegLookBehind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quant {
    Greedy,
    Lazy,
    Possessive,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Assertion {
    /// `\A`, and `^` without MULTILINE
    Begin,
    /// `\z`
    End,
    /// `$` and `\Z`
    Dollar { multiline: bool, unix: bool },
    /// `^` with MULTILINE
    Caret { unix: bool },
    /// `\b`
    Bound,
    /// `\B`
    NotBound,
    /// `\G`
    LastMatch,
    /// `\b{g}`
    GraphemeBound,
}

/// A syntax error: Java's description and index (in code points, -1 for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    pub(crate) description: String,
    pub(crate) index: isize,
}

/// Constructs Java accepts but we cannot translate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ParseFailure {
    Syntax(SyntaxError),
    Unsupported(String),
}

type PResult<T> = Result<T, ParseFailure>;

/// The parse result: the tree, the number of capturing groups, and the group names.
pub(crate) struct Parsed {
    pub(crate) node: Node,
    pub(crate) group_count: usize,
    pub(crate) names: Vec<(String, usize)>,
}

pub(crate) fn parse(pattern: &str, flags: u32) -> PResult<Parsed> {
    let mut temp: Vec<u32> = pattern.chars().map(|c| c as u32).collect();
    let mut pattern_length = temp.len();
    temp.push(0);
    temp.push(0);
    if flags & LITERAL != 0 {
        let node = Node::Seq(
            temp[..pattern_length]
                .iter()
                .map(|&c| literal(c, flags))
                .collect(),
        );
        return Ok(Parsed {
            node,
            group_count: 0,
            names: Vec::new(),
        });
    }
    remove_qe_quoting(&mut temp, &mut pattern_length);
    let mut p = Parser {
        temp,
        cursor: 0,
        pattern_length,
        flags0: flags,
        capturing_group_count: 1,
        names: Vec::new(),
        predicate: None,
        root: None,
    };
    let node = p.expr()?;
    if p.pattern_length != p.cursor {
        return Err(if p.peek() == ')' as u32 {
            p.error("Unmatched closing ')'")
        } else {
            p.error("Unexpected internal error")
        });
    }
    Ok(Parsed {
        node,
        group_count: p.capturing_group_count - 1,
        names: p.names,
    })
}

/// A literal under the given flags (case-insensitive literals become sets).
fn literal(c: u32, flags: u32) -> Node {
    if flags & CASE_INSENSITIVE != 0 {
        if flags & UNICODE_CASE != 0 {
            let vs = charset::unicode_case_variants(c);
            if vs.len() > 1 {
                return Node::Set(CharSet::chars(&vs));
            }
        } else if let Some(ch) = char::from_u32(c).filter(char::is_ascii_alphabetic) {
            let (l, u) = (
                ch.to_ascii_lowercase() as u32,
                ch.to_ascii_uppercase() as u32,
            );
            return Node::Set(CharSet::chars(&[u, l]));
        }
    }
    Node::Char(c)
}

/// `Pattern.RemoveQEQuoting`: rewrites `\Q…\E` into escaped characters before parsing
/// (error indices refer to the rewritten pattern, as in Java).
fn remove_qe_quoting(temp: &mut Vec<u32>, pattern_length: &mut usize) {
    let p_len = *pattern_length;
    let bs = '\\' as u32;
    let mut i = 0;
    while i + 1 < p_len {
        if temp[i] != bs {
            i += 1;
        } else if temp[i + 1] != 'Q' as u32 {
            i += 2;
        } else {
            break;
        }
    }
    if i + 1 >= p_len {
        return;
    }
    let mut out: Vec<u32> = temp[..i].to_vec();
    i += 2;
    let mut in_quote = true;
    let mut begin_quote = true;
    while i < p_len {
        let c = temp[i];
        i += 1;
        let ascii = c < 128;
        let alpha = ascii && (c as u8).is_ascii_alphabetic();
        let digit = ascii && (c as u8).is_ascii_digit();
        if !ascii || alpha {
            out.push(c);
        } else if digit {
            if begin_quote {
                // so that a preceding escape cannot swallow the digit
                out.extend(['\\' as u32, 'x' as u32, '3' as u32]);
            }
            out.push(c);
        } else if c != bs {
            if in_quote {
                out.push(bs);
            }
            out.push(c);
        } else if in_quote {
            if temp[i] == 'E' as u32 {
                i += 1;
                in_quote = false;
            } else {
                out.push(bs);
                out.push(bs);
            }
        } else if temp[i] == 'Q' as u32 {
            i += 1;
            in_quote = true;
            begin_quote = true;
            continue;
        } else {
            out.push(c);
            if i != p_len {
                out.push(temp[i]);
                i += 1;
            }
        }
        begin_quote = false;
    }
    *pattern_length = out.len();
    out.push(0);
    out.push(0);
    *temp = out;
}

struct Parser {
    temp: Vec<u32>,
    cursor: usize,
    pattern_length: usize,
    flags0: u32,
    capturing_group_count: usize,
    names: Vec<(String, usize)>,
    /// Java's side channel: the class an escape like `\d` denotes.
    predicate: Option<CharSet>,
    /// Java's side channel: the node an escape like `\b` or `\1` creates.
    root: Option<Node>,
}

const fn c(ch: char) -> u32 {
    ch as u32
}

fn is_digit(ch: u32) -> bool {
    (c('0')..=c('9')).contains(&ch)
}

fn is_hex(ch: u32) -> bool {
    ch < 128 && (ch as u8).is_ascii_hexdigit()
}

fn hex_value(ch: u32) -> u32 {
    char::from_u32(ch).and_then(|c| c.to_digit(16)).unwrap_or(0)
}

fn is_ascii_space(ch: u32) -> bool {
    matches!(ch, 0x09..=0x0D | 0x20)
}

fn char_string(cs: &[u32]) -> String {
    cs.iter()
        .map(|&c| char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

impl Parser {
    fn has(&self, f: u32) -> bool {
        self.flags0 & f != 0
    }

    fn at(&self, i: usize) -> u32 {
        self.temp.get(i).copied().unwrap_or(0)
    }

    fn error(&self, desc: &str) -> ParseFailure {
        ParseFailure::Syntax(SyntaxError {
            description: desc.to_string(),
            index: self.cursor as isize - 1,
        })
    }

    fn peek(&mut self) -> u32 {
        let ch = self.at(self.cursor);
        if self.has(COMMENTS) {
            self.peek_past_whitespace(ch)
        } else {
            ch
        }
    }

    fn read(&mut self) -> u32 {
        let ch = self.at(self.cursor);
        self.cursor += 1;
        if self.has(COMMENTS) {
            self.parse_past_whitespace(ch)
        } else {
            ch
        }
    }

    fn next(&mut self) -> u32 {
        self.cursor += 1;
        let ch = self.at(self.cursor);
        if self.has(COMMENTS) {
            self.peek_past_whitespace(ch)
        } else {
            ch
        }
    }

    fn next_escaped(&mut self) -> u32 {
        self.cursor += 1;
        self.at(self.cursor)
    }

    fn skip(&mut self) -> u32 {
        let ch = self.at(self.cursor + 1);
        self.cursor += 2;
        ch
    }

    fn unread(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    fn accept(&mut self, ch: u32, msg: &str) -> PResult<()> {
        let mut test = self.at(self.cursor);
        self.cursor += 1;
        if self.has(COMMENTS) {
            test = self.parse_past_whitespace(test);
        }
        if ch != test {
            return Err(self.error(msg));
        }
        Ok(())
    }

    fn is_line_separator(&self, ch: u32) -> bool {
        if self.has(UNIX_LINES) {
            ch == c('\n')
        } else {
            matches!(ch, 0x0A | 0x0D | 0x85 | 0x2028 | 0x2029)
        }
    }

    fn peek_past_whitespace(&mut self, mut ch: u32) -> u32 {
        while is_ascii_space(ch) || ch == c('#') {
            while is_ascii_space(ch) {
                self.cursor += 1;
                ch = self.at(self.cursor);
            }
            if ch == c('#') {
                ch = self.peek_past_line();
            }
        }
        ch
    }

    fn parse_past_whitespace(&mut self, mut ch: u32) -> u32 {
        while is_ascii_space(ch) || ch == c('#') {
            while is_ascii_space(ch) {
                ch = self.at(self.cursor);
                self.cursor += 1;
            }
            if ch == c('#') {
                ch = self.parse_past_line();
            }
        }
        ch
    }

    fn parse_past_line(&mut self) -> u32 {
        let mut ch = self.at(self.cursor);
        self.cursor += 1;
        while ch != 0 && !self.is_line_separator(ch) {
            ch = self.at(self.cursor);
            self.cursor += 1;
        }
        if ch == 0 && self.cursor > self.pattern_length {
            self.cursor = self.pattern_length;
            ch = self.at(self.cursor);
            self.cursor += 1;
        }
        ch
    }

    fn peek_past_line(&mut self) -> u32 {
        self.cursor += 1;
        let mut ch = self.at(self.cursor);
        while ch != 0 && !self.is_line_separator(ch) {
            self.cursor += 1;
            ch = self.at(self.cursor);
        }
        if ch == 0 && self.cursor > self.pattern_length {
            self.cursor = self.pattern_length;
            ch = self.at(self.cursor);
        }
        ch
    }

    fn expr(&mut self) -> PResult<Node> {
        let mut branches = Vec::new();
        loop {
            branches.push(self.sequence()?);
            if self.peek() != c('|') {
                break;
            }
            self.next();
        }
        Ok(if branches.len() == 1 {
            branches.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(branches)
        })
    }

    fn sequence(&mut self) -> PResult<Node> {
        let mut items = Vec::new();
        loop {
            let ch = self.peek();
            let node = match char::from_u32(ch).unwrap_or('\u{0}') {
                '(' => {
                    if let Some(n) = self.group0()? {
                        items.push(n);
                    }
                    continue;
                }
                '[' => Node::Set(self.clazz(true)?),
                '\\' => {
                    let ch = self.next_escaped();
                    if ch == c('p') || ch == c('P') {
                        Node::Set(self.property(ch)?)
                    } else {
                        self.unread();
                        self.atom()?
                    }
                }
                '^' => {
                    self.next();
                    Node::Assert(if self.has(MULTILINE) {
                        Assertion::Caret {
                            unix: self.has(UNIX_LINES),
                        }
                    } else {
                        Assertion::Begin
                    })
                }
                '$' => {
                    self.next();
                    Node::Assert(Assertion::Dollar {
                        multiline: self.has(MULTILINE),
                        unix: self.has(UNIX_LINES),
                    })
                }
                '.' => {
                    self.next();
                    Node::Set(if self.has(DOTALL) {
                        CharSet::range(0, 0x10FFFF)
                    } else if self.has(UNIX_LINES) {
                        CharSet::single(c('\n')).negate()
                    } else {
                        charset::line_terminators().negate()
                    })
                }
                '|' | ')' => break,
                ']' | '}' => self.atom()?,
                '?' | '*' | '+' => {
                    self.next();
                    let m = char::from_u32(ch).unwrap_or('?');
                    return Err(self.error(&format!("Dangling meta character '{m}'")));
                }
                '\u{0}' if self.cursor >= self.pattern_length => break,
                _ => self.atom()?,
            };
            let node = self.closure(node)?;
            items.push(node);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Seq(items),
        })
    }

    fn atom(&mut self) -> PResult<Node> {
        let mut buf: Vec<u32> = Vec::new();
        let mut prev = 0usize;
        let mut ch = self.peek();
        loop {
            match char::from_u32(ch).unwrap_or('\u{1}') {
                '*' | '+' | '?' | '{' => {
                    if buf.len() > 1 {
                        self.cursor = prev;
                        buf.pop();
                    }
                }
                '$' | '.' | '^' | '(' | '[' | '|' | ')' => {}
                '\\' => {
                    ch = self.next_escaped();
                    if ch == c('p') || ch == c('P') {
                        if !buf.is_empty() {
                            self.unread();
                            break;
                        }
                        return Ok(Node::Set(self.property(ch)?));
                    }
                    self.unread();
                    prev = self.cursor;
                    match self.escape(false, buf.is_empty(), false)? {
                        Some(v) => {
                            buf.push(v);
                            ch = self.peek();
                            continue;
                        }
                        None if buf.is_empty() => {
                            return Ok(self.root.take().unwrap_or(Node::Empty));
                        }
                        None => {
                            self.cursor = prev;
                        }
                    }
                }
                '\u{0}' if self.cursor >= self.pattern_length => {}
                _ => {
                    prev = self.cursor;
                    buf.push(ch);
                    ch = self.next();
                    continue;
                }
            }
            break;
        }
        let flags = self.flags0;
        Ok(match buf.len() {
            0 => Node::Empty,
            1 => literal(buf[0], flags),
            _ => Node::Seq(buf.into_iter().map(|c| literal(c, flags)).collect()),
        })
    }

    /// `\1`..: takes more digits only while such a group exists at this point.
    fn backref(&mut self, mut ref_num: usize) -> Node {
        loop {
            let ch = self.peek();
            if !is_digit(ch) {
                break;
            }
            let new = ref_num * 10 + (ch - c('0')) as usize;
            if self.capturing_group_count - 1 < new {
                break;
            }
            ref_num = new;
            self.read();
        }
        Node::BackRef {
            group: ref_num,
            ci: self.has(CASE_INSENSITIVE),
        }
    }

    fn set_predicate(&mut self, set: CharSet, inclass: bool) {
        if !inclass {
            self.root = Some(Node::Set(set.clone()));
        }
        self.predicate = Some(set);
    }

    /// Parses an escape; `Some(c)` is a literal code point, `None` means a node was created
    /// (`self.root`) or a class (`self.predicate`).
    fn escape(&mut self, inclass: bool, create: bool, isrange: bool) -> PResult<Option<u32>> {
        let ch = self.skip();
        let uni = self.has(UNICODE_CHARACTER_CLASS);
        let k = char::from_u32(ch).unwrap_or('\u{0}');
        match k {
            '0' => return self.octal().map(Some),
            '1'..='9' if !inclass => {
                if create {
                    let n = self.backref((ch - c('0')) as usize);
                    self.root = Some(n);
                }
                return Ok(None);
            }
            'A' | 'B' | 'G' | 'R' | 'X' | 'Z' | 'z' if !inclass => {
                if create {
                    self.root = Some(match k {
                        'A' => Node::Assert(Assertion::Begin),
                        'B' => Node::Assert(Assertion::NotBound),
                        'G' => Node::Assert(Assertion::LastMatch),
                        'R' => Node::LineEnding,
                        'X' => Node::Grapheme,
                        'Z' => Node::Assert(Assertion::Dollar {
                            multiline: false,
                            unix: self.has(UNIX_LINES),
                        }),
                        _ => Node::Assert(Assertion::End),
                    });
                }
                return Ok(None);
            }
            'd' | 'D' | 's' | 'S' | 'w' | 'W' | 'h' | 'H' | 'V' => {
                if create {
                    let set = match k.to_ascii_lowercase() {
                        'd' if uni => charset::unicode_digit(),
                        'd' => charset::ascii_digit(),
                        's' if uni => charset::unicode_space(),
                        's' => charset::ascii_space(),
                        'w' if uni => charset::unicode_word(),
                        'w' => charset::ascii_word(),
                        'h' => charset::horiz_ws(),
                        _ => charset::vert_ws(),
                    };
                    let set = if k.is_ascii_uppercase() {
                        set.negate()
                    } else {
                        set
                    };
                    self.set_predicate(set, inclass);
                }
                return Ok(None);
            }
            'v' => {
                if isrange {
                    return Ok(Some(0x0B));
                }
                if create {
                    self.set_predicate(charset::vert_ws(), inclass);
                }
                return Ok(None);
            }
            'N' => return self.named_char().map(Some),
            'a' => return Ok(Some(0x07)),
            'b' if !inclass => {
                if create {
                    if self.peek() == c('{') {
                        if self.skip() == c('g') {
                            if self.read() == c('}') {
                                self.root = Some(Node::Assert(Assertion::GraphemeBound));
                                return Ok(None);
                            }
                            return Err(self.error("Illegal/unsupported escape sequence"));
                        }
                        self.unread();
                        self.unread();
                    }
                    self.root = Some(Node::Assert(Assertion::Bound));
                }
                return Ok(None);
            }
            'c' => return self.control().map(Some),
            'e' => return Ok(Some(0x1B)),
            'f' => return Ok(Some(0x0C)),
            'k' if !inclass => {
                if self.read() != c('<') {
                    return Err(self.error("\\k is not followed by '<' for named capturing group"));
                }
                let first = self.read();
                let name = self.groupname(first)?;
                let Some(&(_, group)) = self.names.iter().find(|(n, _)| *n == name) else {
                    return Err(
                        self.error(&format!("named capturing group <{name}> does not exist"))
                    );
                };
                if create {
                    self.root = Some(Node::BackRef {
                        group,
                        ci: self.has(CASE_INSENSITIVE),
                    });
                }
                return Ok(None);
            }
            'n' => return Ok(Some(0x0A)),
            'r' => return Ok(Some(0x0D)),
            't' => return Ok(Some(0x09)),
            'u' => return self.unicode_escape().map(Some),
            'x' => return self.hex().map(Some),
            _ if ch < 128 && (ch as u8).is_ascii_alphanumeric() => {}
            _ => return Ok(Some(ch)),
        }
        Err(self.error("Illegal/unsupported escape sequence"))
    }

    fn octal(&mut self) -> PResult<u32> {
        let is_oct = |v: u32| (c('0')..=c('7')).contains(&v);
        let n = self.read();
        if is_oct(n) {
            let m = self.read();
            if is_oct(m) {
                let o = self.read();
                if is_oct(o) && (c('0')..=c('3')).contains(&n) {
                    return Ok((n - c('0')) * 64 + (m - c('0')) * 8 + (o - c('0')));
                }
                self.unread();
                return Ok((n - c('0')) * 8 + (m - c('0')));
            }
            self.unread();
            return Ok(n - c('0'));
        }
        Err(self.error("Illegal octal escape sequence"))
    }

    fn hex(&mut self) -> PResult<u32> {
        let n = self.read();
        if is_hex(n) {
            let m = self.read();
            if is_hex(m) {
                return Ok(hex_value(n) * 16 + hex_value(m));
            }
        } else if n == c('{') && is_hex(self.peek()) {
            let mut v: u32 = 0;
            let mut n = self.read();
            while is_hex(n) {
                v = (v << 4) + hex_value(n);
                if v > 0x10FFFF {
                    return Err(self.error("Hexadecimal codepoint is too big"));
                }
                n = self.read();
            }
            if n != c('}') {
                return Err(self.error("Unclosed hexadecimal escape sequence"));
            }
            return Ok(v);
        }
        Err(self.error("Illegal hexadecimal escape sequence"))
    }

    fn uxxxx(&mut self) -> PResult<u32> {
        let mut n = 0;
        for _ in 0..4 {
            let ch = self.read();
            if !is_hex(ch) {
                return Err(self.error("Illegal Unicode escape sequence"));
            }
            n = n * 16 + hex_value(ch);
        }
        Ok(n)
    }

    fn unicode_escape(&mut self) -> PResult<u32> {
        let n = self.uxxxx()?;
        if (0xD800..=0xDBFF).contains(&n) {
            let cur = self.cursor;
            if self.read() == c('\\') && self.read() == c('u') {
                if let Ok(n2) = self.uxxxx() {
                    if (0xDC00..=0xDFFF).contains(&n2) {
                        return Ok(0x10000 + ((n - 0xD800) << 10) + (n2 - 0xDC00));
                    }
                }
            }
            self.cursor = cur;
        }
        Ok(n)
    }

    fn control(&mut self) -> PResult<u32> {
        if self.cursor < self.pattern_length {
            return Ok(self.read() ^ 64);
        }
        Err(self.error("Illegal control escape sequence"))
    }

    fn named_char(&mut self) -> PResult<u32> {
        if self.read() == c('{') {
            let i = self.cursor;
            while self.read() != c('}') {
                if self.cursor >= self.pattern_length {
                    return Err(self.error("Unclosed character name escape sequence"));
                }
            }
            let name = char_string(&self.temp[i..self.cursor - 1]);
            return Err(ParseFailure::Unsupported(format!(
                "character names (\\N{{{name}}}) are not supported"
            )));
        }
        Err(self.error("Illegal character name escape sequence"))
    }

    fn groupname(&mut self, mut ch: u32) -> PResult<String> {
        if !(ch < 128 && (ch as u8).is_ascii_alphabetic()) {
            return Err(self.error("capturing group name does not start with a Latin letter"));
        }
        let mut name = String::new();
        loop {
            name.push(char::from_u32(ch).unwrap_or('?'));
            ch = self.read();
            if !(ch < 128 && (ch as u8).is_ascii_alphanumeric()) {
                break;
            }
        }
        if ch != c('>') {
            return Err(self.error("named capturing group is missing trailing '>'"));
        }
        Ok(name)
    }

    /// Parses a group; `None` for a flags-only group like `(?i)`.
    fn group0(&mut self) -> PResult<Option<Node>> {
        let save = self.flags0;
        let mut ch = self.next();
        let (kind, body) = if ch == c('?') {
            ch = self.skip();
            match char::from_u32(ch).unwrap_or('\u{0}') {
                ':' => (GroupKind::NonCapture, self.expr()?),
                '=' => (GroupKind::LookAhead, self.expr()?),
                '!' => (GroupKind::NegLookAhead, self.expr()?),
                '>' => (GroupKind::Atomic, self.expr()?),
                '<' => {
                    ch = self.read();
                    if ch != c('=') && ch != c('!') {
                        let name = self.groupname(ch)?;
                        if self.names.iter().any(|(n, _)| *n == name) {
                            return Err(self.error(&format!(
                                "Named capturing group <{name}> is already defined"
                            )));
                        }
                        let index = self.capturing_group_count;
                        self.capturing_group_count += 1;
                        self.names.push((name, index));
                        (GroupKind::Capture, self.expr()?)
                    } else if ch == c('=') {
                        (GroupKind::LookBehind, self.expr()?)
                    } else {
                        (GroupKind::NegLookBehind, self.expr()?)
                    }
                }
                '$' | '@' => return Err(self.error("Unknown group type")),
                _ => {
                    self.unread();
                    self.add_flag();
                    ch = self.read();
                    if ch == c(')') {
                        return Ok(None);
                    }
                    if ch != c(':') {
                        return Err(self.error("Unknown inline modifier"));
                    }
                    (GroupKind::NonCapture, self.expr()?)
                }
            }
        } else {
            self.capturing_group_count += 1;
            (GroupKind::Capture, self.expr()?)
        };
        self.accept(c(')'), "Unclosed group")?;
        self.flags0 = save;
        let node = Node::Group(Box::new(body), kind);
        self.closure(node).map(Some)
    }

    /// Java's `addFlag`: `(?imsdux-imsdux)`; a `-` switches to turning flags off.
    fn add_flag(&mut self) {
        let mut ch = self.peek();
        let mut on = true;
        loop {
            if on && ch == c('-') {
                on = false;
            } else {
                let Some(f) = flag_bit(ch) else {
                    return;
                };
                if on {
                    self.flags0 |= f;
                } else {
                    self.flags0 &= !f;
                }
            }
            ch = self.next();
        }
    }

    fn qtype(&mut self) -> Quant {
        let ch = self.next();
        if ch == c('?') {
            self.next();
            Quant::Lazy
        } else if ch == c('+') {
            self.next();
            Quant::Possessive
        } else {
            Quant::Greedy
        }
    }

    fn repeat(&mut self, node: Node, min: u32, max: Option<u32>) -> Node {
        let kind = self.qtype();
        Node::Repeat {
            node: Box::new(node),
            min,
            max,
            kind,
        }
    }

    fn closure(&mut self, prev: Node) -> PResult<Node> {
        let ch = self.peek();
        Ok(match char::from_u32(ch).unwrap_or('\u{0}') {
            '?' => self.repeat(prev, 0, Some(1)),
            '*' => self.repeat(prev, 0, None),
            '+' => self.repeat(prev, 1, None),
            '{' => {
                let mut ch = self.skip();
                if !is_digit(ch) {
                    return Err(self.error("Illegal repetition"));
                }
                let range_err = |p: &Self| p.error("Illegal repetition range");
                let mut cmin: i32 = 0;
                loop {
                    cmin = cmin
                        .checked_mul(10)
                        .and_then(|v| v.checked_add((ch - c('0')) as i32))
                        .ok_or_else(|| range_err(self))?;
                    ch = self.read();
                    if !is_digit(ch) {
                        break;
                    }
                }
                let cmax;
                if ch == c(',') {
                    ch = self.read();
                    if ch == c('}') {
                        self.unread();
                        return Ok(self.repeat(prev, cmin as u32, None));
                    }
                    let mut m: i32 = 0;
                    while is_digit(ch) {
                        m = m
                            .checked_mul(10)
                            .and_then(|v| v.checked_add((ch - c('0')) as i32))
                            .ok_or_else(|| range_err(self))?;
                        ch = self.read();
                    }
                    cmax = m;
                } else {
                    cmax = cmin;
                }
                if ch != c('}') {
                    return Err(self.error("Unclosed counted closure"));
                }
                if cmax < cmin {
                    return Err(range_err(self));
                }
                self.unread();
                self.repeat(prev, cmin as u32, Some(cmax as u32))
            }
            _ => prev,
        })
    }

    // ---- character classes ------------------------------------------------------------

    fn clazz(&mut self, consume: bool) -> PResult<CharSet> {
        let mut prev: Option<CharSet> = None;
        let mut curr: Option<CharSet> = None;
        let mut bits = BitClass::default();
        let mut is_neg = false;
        let mut has_bits = false;
        let mut ch = self.next();
        if ch == c('^') && self.at(self.cursor - 1) == c('[') {
            ch = self.next();
            is_neg = true;
        }
        loop {
            match char::from_u32(ch).unwrap_or('\u{1}') {
                '[' => {
                    let set = self.clazz(true)?;
                    prev = Some(union_opt(prev, set.clone()));
                    curr = Some(set);
                    ch = self.peek();
                    continue;
                }
                '&' => {
                    ch = self.next();
                    if ch == c('&') {
                        ch = self.next();
                        let mut right: Option<CharSet> = None;
                        while ch != c(']') && ch != c('&') {
                            let set = if ch == c('[') {
                                self.clazz(true)?
                            } else {
                                self.unread();
                                self.clazz(false)?
                            };
                            right = Some(union_opt(right, set));
                            ch = self.peek();
                        }
                        if has_bits {
                            let b = bits.to_set();
                            prev = Some(match prev {
                                None => {
                                    curr = Some(b.clone());
                                    b
                                }
                                Some(p) => p.union(b),
                            });
                            has_bits = false;
                        }
                        if right.is_some() {
                            curr = right.clone();
                        }
                        prev = match prev {
                            None => match right {
                                None => return Err(self.error("Bad class syntax")),
                                Some(r) => Some(r),
                            },
                            Some(p) => Some(match curr.clone() {
                                Some(cur) => p.and(cur),
                                None => p,
                            }),
                        };
                        continue;
                    }
                    // a literal '&'
                    self.unread();
                }
                '\u{0}' if self.cursor >= self.pattern_length => {
                    return Err(self.error("Unclosed character class"));
                }
                ']' if prev.is_some() || has_bits => {
                    if consume {
                        self.next();
                    }
                    let mut set = match prev {
                        None => bits.to_set(),
                        Some(p) if has_bits => p.union(bits.to_set()),
                        Some(p) => p,
                    };
                    if is_neg {
                        set = set.negate();
                    }
                    return Ok(set);
                }
                _ => {}
            }
            match self.range(&mut bits)? {
                None => has_bits = true,
                Some(set) => {
                    prev = Some(union_opt(prev, set.clone()));
                    curr = Some(set);
                }
            }
            ch = self.peek();
        }
    }

    /// Java's `bitsOrSingle`: chars below 256 go into the bit class.
    fn bits_or_single(&mut self, bits: &mut BitClass, ch: u32) -> Option<CharSet> {
        let special = matches!(
            ch,
            0xff | 0xb5 | 0x49 | 0x69 | 0x53 | 0x73 | 0x4b | 0x6b | 0xc5 | 0xe5
        );
        if ch < 256 && !(self.has(CASE_INSENSITIVE) && self.has(UNICODE_CASE) && special) {
            bits.add(ch, self.flags0);
            return None;
        }
        Some(match literal(ch, self.flags0) {
            Node::Set(s) => s,
            _ => CharSet::single(ch),
        })
    }

    fn range(&mut self, bits: &mut BitClass) -> PResult<Option<CharSet>> {
        let mut ch = self.peek();
        if ch == c('\\') {
            ch = self.next_escaped();
            if ch == c('p') || ch == c('P') {
                return self.property(ch).map(Some);
            }
            let isrange = self.at(self.cursor + 1) == c('-');
            self.unread();
            match self.escape(true, true, isrange)? {
                Some(v) => ch = v,
                None => return Ok(self.predicate.take()),
            }
        } else {
            self.next();
        }
        if self.peek() == c('-') {
            let end_range = self.at(self.cursor + 1);
            if end_range == c('[') {
                return Ok(self.bits_or_single(bits, ch));
            }
            if end_range != c(']') {
                self.next();
                let m = self.peek();
                let m: i64 = if m == c('\\') {
                    match self.escape(true, false, true)? {
                        Some(v) => v as i64,
                        None => -1,
                    }
                } else {
                    self.next();
                    m as i64
                };
                if m < ch as i64 {
                    return Err(self.error("Illegal character range"));
                }
                let mut ranges = vec![(ch, m as u32)];
                if self.has(CASE_INSENSITIVE) {
                    if self.has(UNICODE_CASE) {
                        charset::unicode_case_closure(&mut ranges);
                    } else {
                        charset::ascii_case_closure(&mut ranges);
                    }
                }
                return Ok(Some(CharSet::Ranges(ranges)));
            }
        }
        Ok(self.bits_or_single(bits, ch))
    }

    /// After `\\p` or `\\P` (`ch`): a one-letter name or a `{name}`.
    fn property(&mut self, ch: u32) -> PResult<CharSet> {
        let complement = ch == c('P');
        let single_letter = self.next() != c('{');
        if single_letter {
            self.unread();
        }
        self.family(single_letter, complement)
    }

    fn family(&mut self, single_letter: bool, complement: bool) -> PResult<CharSet> {
        self.next();
        let name = if single_letter {
            let ch = self.at(self.cursor);
            self.read();
            char_string(&[ch])
        } else {
            let i = self.cursor;
            let saved = self.at(self.pattern_length);
            if let Some(slot) = self.temp.get_mut(self.pattern_length) {
                *slot = c('}');
            }
            while self.read() != c('}') {}
            if let Some(slot) = self.temp.get_mut(self.pattern_length) {
                *slot = saved;
            }
            let j = self.cursor;
            if j > self.pattern_length {
                return Err(self.error("Unclosed character family"));
            }
            if i + 1 >= j {
                return Err(self.error("Empty character family"));
            }
            char_string(&self.temp[i..j - 1])
        };
        let ci = self.has(CASE_INSENSITIVE);
        match charset::family(&name, ci, self.has(UNICODE_CHARACTER_CLASS)) {
            Ok(set) if complement => Ok(set.negate()),
            Ok(set) => Ok(set),
            Err(PropError::Unknown(n)) => {
                Err(self.error(&format!("Unknown character property name {{{n}}}")))
            }
            Err(PropError::UnknownKeyed { name, value }) => Err(self.error(&format!(
                "Unknown Unicode property {{name=<{name}>, value=<{value}>}}"
            ))),
        }
    }
}

/// The flag an inline-modifier letter stands for.
fn flag_bit(ch: u32) -> Option<u32> {
    Some(match char::from_u32(ch)? {
        'i' => CASE_INSENSITIVE,
        'm' => MULTILINE,
        's' => DOTALL,
        'd' => UNIX_LINES,
        'u' => UNICODE_CASE,
        'c' => CANON_EQ,
        'x' => COMMENTS,
        'U' => UNICODE_CHARACTER_CLASS | UNICODE_CASE,
        _ => return None,
    })
}

fn union_opt(prev: Option<CharSet>, set: CharSet) -> CharSet {
    match prev {
        None => set,
        Some(p) => p.union(set),
    }
}

/// Java's `BitClass`: a bitmap of the code points below 256.
#[derive(Clone)]
struct BitClass([bool; 256]);

impl Default for BitClass {
    fn default() -> Self {
        BitClass([false; 256])
    }
}

impl BitClass {
    fn add(&mut self, ch: u32, flags: u32) {
        let i = (ch & 0xFF) as usize;
        if flags & CASE_INSENSITIVE != 0 {
            if ch < 128 {
                let b = ch as u8;
                self.0[b.to_ascii_uppercase() as usize] = true;
                self.0[b.to_ascii_lowercase() as usize] = true;
            } else if flags & UNICODE_CASE != 0 {
                for v in charset::unicode_case_variants(ch) {
                    if v < 256 {
                        self.0[v as usize] = true;
                    }
                }
            }
        }
        self.0[i] = true;
    }

    fn to_set(&self) -> CharSet {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for (i, &on) in self.0.iter().enumerate() {
            if !on {
                continue;
            }
            let i = i as u32;
            match ranges.last_mut() {
                Some(last) if last.1 + 1 == i => last.1 = i,
                _ => ranges.push((i, i)),
            }
        }
        CharSet::Ranges(ranges)
    }
}

//! A lexical scan of Groovy source for error reporting: strings of every kind (with
//! `${…}` nesting), comments, brackets and the characters Groovy has no use for. It never
//! fails, and is only run on the slow path, after pest has rejected a file.
//!
//! Brackets are matched with a little repair, so that one mistake does not unbalance the
//! rest of the file: a `}` closes the nearest open `{` (the `(` and `[` above it are left
//! unclosed), a `)` or `]` that closes the wrong kind of bracket is taken as a typo when the
//! bracket it should close is not open, and a closer with nothing to close is set aside.

/// The kinds of bracket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Delim {
    Paren,
    Square,
    Brace,
    /// `${` in a GString, closed by `}`.
    Interp,
}

impl Delim {
    pub fn open_str(self) -> &'static str {
        match self {
            Delim::Paren => "(",
            Delim::Square => "[",
            Delim::Brace => "{",
            Delim::Interp => "${",
        }
    }

    pub fn close_char(self) -> char {
        match self {
            Delim::Paren => ')',
            Delim::Square => ']',
            Delim::Brace | Delim::Interp => '}',
        }
    }

    fn closed_by(self, c: u8) -> bool {
        self.close_char() as u32 == u32::from(c)
    }

    /// `{` and `${` hold statements; `(` and `[` hold expressions.
    pub fn is_block(self) -> bool {
        matches!(self, Delim::Brace | Delim::Interp)
    }
}

/// One opening bracket and what became of it.
#[derive(Debug, Clone)]
pub(super) struct Bracket {
    pub open: usize,
    pub delim: Delim,
    /// Brackets open around it.
    pub depth: usize,
    /// The closer that matched it, possibly of another kind (then `wrong` is set).
    pub close: Option<usize>,
    pub wrong: bool,
    /// Never closed: where an enclosing closer, the end of a line (in a single-line
    /// string) or the end of the file ended it.
    pub cut: Option<usize>,
}

impl Bracket {
    /// Where the bracket's contents end (its closer, or where it was cut off).
    pub fn end(&self, len: usize) -> usize {
        self.close.or(self.cut).unwrap_or(len)
    }

    pub fn is_unclosed(&self) -> bool {
        self.close.is_none()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum StrKind {
    Single,
    Double,
    TripleSingle,
    TripleDouble,
    Slashy,
    DollarSlashy,
}

impl StrKind {
    pub fn opener(self) -> &'static str {
        match self {
            StrKind::Single => "'",
            StrKind::Double => "\"",
            StrKind::TripleSingle => "'''",
            StrKind::TripleDouble => "\"\"\"",
            StrKind::Slashy => "/",
            StrKind::DollarSlashy => "$/",
        }
    }

    pub fn closer(self) -> &'static str {
        match self {
            StrKind::DollarSlashy => "/$",
            k => k.opener(),
        }
    }

    pub fn single_line(self) -> bool {
        matches!(self, StrKind::Single | StrKind::Double)
    }

    fn interpolates(self) -> bool {
        !matches!(self, StrKind::Single | StrKind::TripleSingle)
    }
}

/// A string literal.
#[derive(Debug, Clone)]
pub(super) struct StrTok {
    pub start: usize,
    pub kind: StrKind,
    /// After the closing quote; for an unterminated string, where the scan gave up on it
    /// (the line end of a single-line string, else the end of the file).
    pub end: usize,
    pub terminated: bool,
    /// The `${` this string is written in, if any (an index into `Lex::brackets`).
    pub in_interp: Option<usize>,
}

/// Characters and sequences that Groovy rejects wherever they are outside strings and
/// comments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Odd {
    Backtick,
    Hash,
    /// `*/` outside a comment.
    CommentEnd,
    /// `/*` without `*/`.
    OpenComment,
}

/// A line of the file.
#[derive(Debug, Clone, Copy)]
pub(super) struct Line {
    pub start: usize,
    /// Brackets open at the line start.
    pub depth: usize,
    /// The line starts in code (not inside a string or a comment).
    pub code: bool,
    /// Width of the leading blanks (a tab counts 4).
    pub indent: usize,
    /// The leading blanks mix tabs and spaces.
    pub tabs_and_spaces: bool,
    /// Offset of the first non-blank character (or of the line end).
    pub first: usize,
}

pub(super) struct Lex {
    pub len: usize,
    pub brackets: Vec<Bracket>,
    /// Closers that closed nothing.
    pub strays: Vec<usize>,
    pub strings: Vec<StrTok>,
    pub odd: Vec<(usize, Odd)>,
    pub lines: Vec<Line>,
}

enum Mode {
    Code,
    /// Inside the string `strings[i]`.
    Str(usize),
}

/// What came before, to tell a slashy string from a division.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Prev {
    /// An operand ended: `/` divides.
    Operand,
    /// An operator, an opening bracket, a keyword or a line start: `/` starts a string.
    Other,
}

impl Lex {
    pub fn new(src: &str) -> Lex {
        let b = src.as_bytes();
        let mut lx = Lex {
            len: b.len(),
            brackets: Vec::new(),
            strays: Vec::new(),
            strings: Vec::new(),
            odd: Vec::new(),
            lines: Vec::new(),
        };
        // Open brackets, as indices into `brackets`.
        let mut open: Vec<usize> = Vec::new();
        let mut modes = vec![Mode::Code];
        let mut prev = Prev::Other;
        lx.push_line(b, 0, 0, true);
        let mut i = 0;
        while i < b.len() {
            let in_str = match modes.last() {
                Some(Mode::Str(s)) => Some(*s),
                _ => None,
            };
            if let Some(si) = in_str {
                let (next, entered_interp) = lx.string_body(b, i, si, &mut modes, &mut open);
                i = next;
                prev = if entered_interp {
                    Prev::Other
                } else {
                    Prev::Operand
                };
                continue;
            }
            let c = b[i];
            match c {
                b'\n' => {
                    // A line break inside `${…}` of a single-line string ends that string.
                    if let Some(at) = modes.iter().position(
                        |m| matches!(m, Mode::Str(s) if lx.strings[*s].kind.single_line()),
                    ) {
                        lx.unwind(&mut modes, &mut open, at, i);
                        continue;
                    }
                    i += 1;
                    lx.push_line(b, i, open.len(), modes.len() == 1);
                    prev = Prev::Other;
                }
                b' ' | b'\t' | b'\r' | 0x0c => i += 1,
                b'\\' if b.get(i + 1) == Some(&b'\n') => {
                    i += 2;
                    lx.push_line(b, i, open.len(), false);
                }
                b'\\' if b.get(i + 1) == Some(&b'\r') && b.get(i + 2) == Some(&b'\n') => {
                    i += 3;
                    lx.push_line(b, i, open.len(), false);
                }
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    while i < b.len() && b[i] != b'\n' {
                        i += 1;
                    }
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    let end = find(b, i + 2, b"*/");
                    let stop = end.map_or(b.len(), |e| e + 2);
                    if end.is_none() {
                        lx.odd.push((i, Odd::OpenComment));
                    }
                    for k in i..stop {
                        if b[k] == b'\n' {
                            lx.push_line(b, k + 1, open.len(), false);
                        }
                    }
                    i = stop;
                }
                b'*' if b.get(i + 1) == Some(&b'/') => {
                    lx.odd.push((i, Odd::CommentEnd));
                    i += 2;
                    prev = Prev::Other;
                }
                b'\'' | b'"' => {
                    let triple = b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c);
                    let kind = match (c, triple) {
                        (b'\'', true) => StrKind::TripleSingle,
                        (b'\'', false) => StrKind::Single,
                        (_, true) => StrKind::TripleDouble,
                        _ => StrKind::Double,
                    };
                    i = lx.start_string(i, kind, &mut modes, &open);
                }
                b'$' if b.get(i + 1) == Some(&b'/') && !word_before(b, i) => {
                    i = lx.start_string(i, StrKind::DollarSlashy, &mut modes, &open);
                }
                b'/' if prev == Prev::Other && !matches!(b.get(i + 1), Some(b'=')) => {
                    i = lx.start_string(i, StrKind::Slashy, &mut modes, &open);
                }
                b'(' | b'[' | b'{' => {
                    let delim = match c {
                        b'(' => Delim::Paren,
                        b'[' => Delim::Square,
                        _ => Delim::Brace,
                    };
                    open.push(lx.brackets.len());
                    lx.brackets.push(Bracket {
                        open: i,
                        delim,
                        depth: open.len() - 1,
                        close: None,
                        wrong: false,
                        cut: None,
                    });
                    i += 1;
                    prev = Prev::Other;
                }
                b')' | b']' | b'}' => {
                    if let Some(Delim::Interp) = lx.close(b, i, &mut open) {
                        // Back to the string the `${` is in.
                        modes.pop();
                    }
                    i += 1;
                    prev = Prev::Operand;
                }
                b'`' => {
                    lx.odd.push((i, Odd::Backtick));
                    i += 1;
                }
                b'#' => {
                    if i == 0 && b.get(1) == Some(&b'!') {
                        while i < b.len() && b[i] != b'\n' {
                            i += 1;
                        }
                    } else {
                        lx.odd.push((i, Odd::Hash));
                        i += 1;
                    }
                }
                _ if is_word_byte(c) => {
                    let start = i;
                    while i < b.len() && is_word_byte(b[i]) {
                        i += 1;
                    }
                    // `1.5`, `1e-3`: the rest of a number.
                    if c.is_ascii_digit() {
                        while i + 1 < b.len()
                            && (b[i] == b'.' && b[i + 1].is_ascii_digit()
                                || matches!(b[i], b'-' | b'+') && matches!(b[i - 1], b'e' | b'E'))
                        {
                            i += 1;
                            while i < b.len() && is_word_byte(b[i]) {
                                i += 1;
                            }
                        }
                    }
                    prev = if is_operator_word(&src[start..i]) {
                        Prev::Other
                    } else {
                        Prev::Operand
                    };
                }
                _ => {
                    i += src[i..].chars().next().map_or(1, char::len_utf8);
                    prev = if c == b'.' && prev == Prev::Operand {
                        // `a./x/` is not a thing, but `a.b` is: after `.` a name follows.
                        Prev::Operand
                    } else {
                        Prev::Other
                    };
                }
            }
        }
        // The end of the file closes nothing (unterminated strings already end there).
        for k in open.drain(..) {
            lx.brackets[k].cut = Some(b.len());
        }
        lx
    }

    fn push_line(&mut self, b: &[u8], start: usize, depth: usize, code: bool) {
        let mut indent = 0;
        let (mut tabs, mut spaces) = (false, false);
        let mut k = start;
        while k < b.len() {
            match b[k] {
                b' ' => {
                    indent += 1;
                    spaces = true;
                }
                b'\t' => {
                    indent = indent / 4 * 4 + 4;
                    tabs = true;
                }
                _ => break,
            }
            k += 1;
        }
        self.lines.push(Line {
            start,
            depth,
            code,
            indent,
            tabs_and_spaces: tabs && spaces,
            first: k,
        });
    }

    fn start_string(
        &mut self,
        i: usize,
        kind: StrKind,
        modes: &mut Vec<Mode>,
        open: &[usize],
    ) -> usize {
        let in_interp = open
            .last()
            .copied()
            .filter(|&k| self.brackets[k].delim == Delim::Interp);
        self.strings.push(StrTok {
            start: i,
            kind,
            end: self.len,
            terminated: false,
            in_interp,
        });
        modes.push(Mode::Str(self.strings.len() - 1));
        i + kind.opener().len()
    }

    /// Scans a string body from `i`, until its end, a `${` (then code follows) or the end
    /// of a line that a single-line string cannot pass. Returns where to go on, and whether
    /// a `${` was entered.
    fn string_body(
        &mut self,
        b: &[u8],
        mut i: usize,
        si: usize,
        modes: &mut Vec<Mode>,
        open: &mut Vec<usize>,
    ) -> (usize, bool) {
        let kind = self.strings[si].kind;
        let closer = kind.closer().as_bytes();
        while i < b.len() {
            let c = b[i];
            if c == b'\n' && kind.single_line() {
                // Ends this string and any single-line string it is nested in.
                let at = modes
                    .iter()
                    .position(|m| matches!(m, Mode::Str(s) if self.strings[*s].kind.single_line()))
                    .unwrap_or(modes.len() - 1);
                self.unwind(modes, open, at, i);
                return (i, false);
            }
            if c == b'\\' && kind != StrKind::DollarSlashy {
                let skip = match (kind, b.get(i + 1)) {
                    (StrKind::Slashy, Some(b'/')) => 2,
                    (StrKind::Slashy, _) => 1,
                    (_, Some(b'\r')) if b.get(i + 2) == Some(&b'\n') => 3,
                    _ => 2,
                };
                for k in i + 1..(i + skip).min(b.len()) {
                    if b[k] == b'\n' {
                        self.push_line(b, k + 1, open.len(), false);
                    }
                }
                i += skip;
                continue;
            }
            if kind == StrKind::DollarSlashy
                && c == b'$'
                && matches!(b.get(i + 1), Some(b'$' | b'/'))
            {
                i += 2;
                continue;
            }
            if b[i..].starts_with(closer) {
                let s = &mut self.strings[si];
                s.terminated = true;
                s.end = i + closer.len();
                modes.pop();
                return (s.end, false);
            }
            if kind.interpolates() && c == b'$' && b.get(i + 1) == Some(&b'{') {
                open.push(self.brackets.len());
                self.brackets.push(Bracket {
                    open: i,
                    delim: Delim::Interp,
                    depth: open.len() - 1,
                    close: None,
                    wrong: false,
                    cut: None,
                });
                modes.push(Mode::Code);
                return (i + 2, true);
            }
            if c == b'\n' {
                self.push_line(b, i + 1, open.len(), false);
            }
            i += 1;
        }
        self.strings[si].end = b.len();
        modes.pop();
        (b.len(), false)
    }

    /// Ends, at `at_pos`, the modes from `modes[at]` up: their strings are unterminated and
    /// their `${` unclosed.
    fn unwind(&mut self, modes: &mut Vec<Mode>, open: &mut Vec<usize>, at: usize, at_pos: usize) {
        let first = match modes.get(at) {
            Some(Mode::Str(s)) => self.strings[*s].start,
            _ => at_pos,
        };
        while modes.len() > at.max(1) {
            if let Some(Mode::Str(s)) = modes.pop() {
                self.strings[s].end = at_pos;
            }
        }
        while let Some(&k) = open.last() {
            if self.brackets[k].open < first {
                break;
            }
            self.brackets[k].cut = Some(at_pos);
            open.pop();
        }
    }

    /// Handles the closer at `i`; returns the kind of bracket it closed.
    fn close(&mut self, b: &[u8], i: usize, open: &mut Vec<usize>) -> Option<Delim> {
        let c = b[i];
        let Some(&top) = open.last() else {
            self.strays.push(i);
            return None;
        };
        let top_delim = self.brackets[top].delim;
        if top_delim.closed_by(c) {
            self.brackets[top].close = Some(i);
            open.pop();
            return Some(top_delim);
        }
        if c == b'}' {
            // The `(` and `[` above the nearest `{` are never closed.
            let Some(k) = open
                .iter()
                .rposition(|&k| self.brackets[k].delim.is_block())
            else {
                self.strays.push(i);
                return None;
            };
            for &above in &open[k + 1..] {
                self.brackets[above].cut = Some(i);
            }
            open.truncate(k + 1);
            let blk = open.pop()?;
            self.brackets[blk].close = Some(i);
            return Some(self.brackets[blk].delim);
        }
        // `)` or `]` where another bracket is innermost.
        let matching = open
            .iter()
            .rposition(|&k| self.brackets[k].delim.closed_by(c));
        if !top_delim.is_block() {
            // `foo(1, [2, 3)`: the `[` is never closed and the `)` closes the `(`; without
            // a `(` below, `(1 + 2]` is a typo for `)`.
            if open.len() >= 2 && matching == Some(open.len() - 2) {
                self.brackets[top].cut = Some(i);
                open.pop();
                let k = open.pop()?;
                self.brackets[k].close = Some(i);
                return Some(self.brackets[k].delim);
            }
            self.brackets[top].close = Some(i);
            self.brackets[top].wrong = true;
            open.pop();
            return Some(top_delim);
        }
        // Inside a block: a `)` alone at the start of a line with no `(` open is a typo
        // for `}`; anywhere else it is set aside.
        if matching.is_none() && self.first_on_line(b, i) {
            self.brackets[top].close = Some(i);
            self.brackets[top].wrong = true;
            open.pop();
            return Some(top_delim);
        }
        self.strays.push(i);
        None
    }

    fn first_on_line(&self, b: &[u8], i: usize) -> bool {
        b[..i]
            .iter()
            .rev()
            .take_while(|&&c| c != b'\n')
            .all(|&c| c == b' ' || c == b'\t' || c == b'\r')
    }

    // ------------------------------------------------------------------- queries

    /// The line containing `pos` (an index into `lines`).
    pub fn line_of(&self, pos: usize) -> usize {
        match self.lines.binary_search_by(|l| l.start.cmp(&pos)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Brackets open just before `pos`, outermost first, as the scan saw them.
    pub fn open_at(&self, pos: usize) -> Vec<&Bracket> {
        let mut out: Vec<&Bracket> = self
            .brackets
            .iter()
            .filter(|b| b.open < pos && b.end(self.len) >= pos)
            .collect();
        out.sort_by_key(|b| b.depth);
        out
    }

    /// The innermost `{` or `${` open at `pos`.
    pub fn block_at(&self, pos: usize) -> Option<&Bracket> {
        self.open_at(pos)
            .into_iter()
            .rev()
            .find(|b| b.delim.is_block())
    }

    /// The first unterminated string starting at or before `pos`.
    pub fn unterminated_string_before(&self, pos: usize) -> Option<&StrTok> {
        self.strings
            .iter()
            .find(|s| !s.terminated && s.start <= pos)
    }

    /// Whether `pos` is inside an interpolating string's text.
    pub fn in_gstring_text(&self, pos: usize) -> bool {
        self.strings.iter().any(|s| {
            s.kind.interpolates()
                && s.start < pos
                && pos < s.end
                && !self.brackets.iter().any(|b| {
                    b.delim == Delim::Interp
                        && b.open > s.start
                        && b.open < pos
                        && b.end(self.len) >= pos
                })
        })
    }

    /// Brackets never closed by the end of the file, outermost first.
    pub fn unclosed_at_eof(&self) -> Vec<&Bracket> {
        self.brackets
            .iter()
            .filter(|b| b.close.is_none() && b.cut == Some(self.len))
            .collect()
    }

    /// The start of the statement at `anchor` and the end of the one at `after` (line
    /// starts in code at the nesting of the enclosing block, or that block's bounds).
    pub fn statement_bounds(&self, anchor: usize, after: usize) -> (usize, usize) {
        let blk = self.block_at(anchor);
        let depth = blk.map_or(0, |b| b.depth + 1);
        let lo = blk.map_or(0, |b| b.open + b.delim.open_str().len());
        let hi = blk.map_or(self.len, |b| b.end(self.len)).max(lo);
        let start = self
            .lines
            .iter()
            .rev()
            .find(|l| l.code && l.start <= anchor && l.start >= lo && l.depth == depth)
            .map_or(lo, |l| l.start);
        let end = self
            .lines
            .iter()
            .find(|l| l.code && l.start > after && l.start <= hi && l.depth <= depth)
            .map_or(hi, |l| l.start);
        (start.min(anchor), end.max(start))
    }

    /// The next line start in code after `pos`.
    pub fn next_code_line(&self, pos: usize) -> Option<usize> {
        self.lines
            .iter()
            .find(|l| l.code && l.start > pos)
            .map(|l| l.start)
    }

    /// Extends `[s, e)` until no bracket pair or string straddles its ends.
    pub fn close_over(&self, mut s: usize, mut e: usize) -> (usize, usize) {
        loop {
            let (s0, e0) = (s, e);
            for b in &self.brackets {
                if let Some(c) = b.close {
                    if b.open >= s && b.open < e && c >= e {
                        e = c + 1;
                    }
                    if c >= s && c < e && b.open < s {
                        s = b.open;
                    }
                }
            }
            for t in &self.strings {
                if t.start >= s && t.start < e && t.end > e {
                    e = t.end;
                }
                if t.end > s && t.end <= e && t.start < s {
                    s = t.start;
                }
            }
            if (s, e) == (s0, e0) {
                return (s, e.min(self.len));
            }
        }
    }

    /// A pair `{ … }` whose `}` starts a line indented differently from the line of its
    /// `{`, in a file indented consistently: a hint of where a brace is missing or extra.
    /// Only pairs that open before `before` are considered; the innermost such pair first.
    pub fn misindented_pair(&self, before: usize) -> Option<(usize, usize)> {
        if self.lines.iter().any(|l| l.code && l.tabs_and_spaces) {
            return None;
        }
        let mut best: Option<(usize, usize)> = None;
        for b in &self.brackets {
            let (Some(c), Delim::Brace) = (b.close, b.delim) else {
                continue;
            };
            if b.open >= before || b.wrong {
                continue;
            }
            let cl = &self.lines[self.line_of(c)];
            let ol = &self.lines[self.line_of(b.open)];
            if cl.first != c || ol.start == cl.start || cl.indent == ol.indent {
                continue;
            }
            // The innermost (latest-opening) suspicious pair explains the most.
            if best.is_none_or(|(o, _)| b.open > o) {
                best = Some((b.open, c));
            }
        }
        best
    }
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|e| from + e)
}

pub(super) fn is_word_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_' || c == b'$' || c >= 0x80
}

fn word_before(b: &[u8], i: usize) -> bool {
    i > 0 && is_word_byte(b[i - 1])
}

/// Words after which an operand is expected, so a `/` starts a slashy string.
fn is_operator_word(w: &str) -> bool {
    matches!(
        w,
        "return" | "case" | "in" | "instanceof" | "assert" | "throw" | "new" | "else" | "as"
    )
}

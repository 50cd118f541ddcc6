//! Java and Groovy string helpers with the exact JDK 17 / Groovy 2.4 semantics.
//!
//! Java strings are sequences of UTF-16 code units, so every index a script sees (`indexOf`,
//! `substring`, `size()`, `padLeft`) counts UTF-16 units; Rust strings are indexed by bytes.
//! The `utf16_*` helpers convert between the two. An index that falls between the two halves
//! of a surrogate pair (possible in Java) is rounded down to the start of that character.
//!
//! Expected values in the tests come from `tests/oracle/jstr.groovy` run on Groovy 2.4.21.

/// The Java exception a string operation throws: class name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JavaStrError {
    pub class: &'static str,
    pub message: String,
}

impl std::fmt::Display for JavaStrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for JavaStrError {}

const SIOOBE: &str = "java.lang.StringIndexOutOfBoundsException";

fn sioobe(message: String) -> JavaStrError {
    JavaStrError {
        class: SIOOBE,
        message,
    }
}

// ---- UTF-16 indices -----------------------------------------------------------------------

/// `String.length()`: the number of UTF-16 code units.
pub fn utf16_len(s: &str) -> usize {
    if s.is_ascii() {
        return s.len();
    }
    s.chars().map(char::len_utf16).sum()
}

/// The byte offset of Java index `idx` (clamped to the end; rounded down inside a pair).
pub fn utf16_to_byte(s: &str, idx: usize) -> usize {
    if s.is_ascii() {
        return idx.min(s.len());
    }
    let mut units = 0;
    for (b, c) in s.char_indices() {
        let next = units + c.len_utf16();
        if next > idx {
            return b;
        }
        units = next;
    }
    s.len()
}

/// The Java index of byte offset `byte` (clamped to the end).
pub fn byte_to_utf16(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    let prefix = s.get(..byte).unwrap_or(s);
    utf16_len(prefix)
}

/// `String.substring(begin, end)` (`end` defaults to the length), with Java 17's
/// `StringIndexOutOfBoundsException: begin 0, end 10, length 3`.
pub fn substring(s: &str, begin: i64, end: Option<i64>) -> Result<&str, JavaStrError> {
    let len = utf16_len(s) as i64;
    let end = end.unwrap_or(len);
    if begin < 0 || begin > end || end > len {
        return Err(sioobe(format!("begin {begin}, end {end}, length {len}")));
    }
    let b = utf16_to_byte(s, begin as usize);
    let e = utf16_to_byte(s, end as usize);
    Ok(s.get(b..e).unwrap_or(""))
}

/// `String.charAt(index)`. For an index on the second half of a surrogate pair the whole
/// character is returned (a Rust `char` cannot hold half a pair).
pub fn char_at(s: &str, index: i64) -> Result<char, JavaStrError> {
    let len = utf16_len(s) as i64;
    if index < 0 || index >= len {
        return Err(sioobe(format!("String index out of range: {index}")));
    }
    let b = utf16_to_byte(s, index as usize);
    s[b..]
        .chars()
        .next()
        .ok_or_else(|| sioobe(format!("String index out of range: {index}")))
}

/// Groovy's `str[i]` (`getAt(String, int)`): negative indices count from the end.
pub fn get_at(s: &str, index: i64) -> Result<&str, JavaStrError> {
    let len = utf16_len(s) as i64;
    let mut i = index;
    if i < 0 {
        i += len;
        if i < 0 {
            return Err(JavaStrError {
                class: "java.lang.ArrayIndexOutOfBoundsException",
                message: format!("Negative array index [{index}] too large for array size {len}"),
            });
        }
    }
    substring(s, i, Some(i + 1))
}

/// Groovy's `str[from..to]` / `str[from..<to]` (`getAt(String, IntRange)`): negative ends
/// count from the end; a range whose start lies after its end yields the reversed slice.
pub fn get_range(s: &str, from: i64, to: i64, inclusive: bool) -> Result<String, JavaStrError> {
    let size = utf16_len(s) as i64;
    let f = if from < 0 { from + size } else { from };
    let t = if to < 0 { to + size } else { to };
    if f > t {
        let begin = if inclusive { t } else { t + 1 };
        Ok(reverse(substring(s, begin, Some(f + 1))?))
    } else {
        let end = if inclusive { t + 1 } else { t };
        Ok(substring(s, f, Some(end))?.to_string())
    }
}

/// `String.indexOf(str, fromIndex)` in Java indices; `from` below 0 counts as 0.
pub fn index_of(s: &str, needle: &str, from: i64) -> i64 {
    let len = utf16_len(s) as i64;
    let from = from.max(0);
    if from >= len {
        return if needle.is_empty() { len } else { -1 };
    }
    let b = utf16_to_byte(s, from as usize);
    match s[b..].find(needle) {
        Some(i) => byte_to_utf16(s, b + i) as i64,
        None => -1,
    }
}

/// `String.lastIndexOf(str, fromIndex)`; `from = None` searches from the end.
pub fn last_index_of(s: &str, needle: &str, from: Option<i64>) -> i64 {
    let len = utf16_len(s) as i64;
    let nlen = utf16_len(needle) as i64;
    let from = from.unwrap_or(len).min(len - nlen);
    if from < 0 {
        return -1;
    }
    // the match must start at or before `from`
    let limit = utf16_to_byte(s, from as usize) + needle.len();
    let hay = s.get(..limit.min(s.len())).unwrap_or(s);
    match hay.rfind(needle) {
        Some(i) => byte_to_utf16(s, i) as i64,
        None => -1,
    }
}

/// Groovy's `take(n)`: the first `n` UTF-16 units (all of it if shorter).
pub fn take(s: &str, n: i64) -> &str {
    let b = utf16_to_byte(s, n.max(0) as usize);
    &s[..b]
}

/// Groovy's `drop(n)`: everything after the first `n` UTF-16 units.
pub fn drop(s: &str, n: i64) -> &str {
    let b = utf16_to_byte(s, n.max(0) as usize);
    &s[b..]
}

// ---- whitespace and case ------------------------------------------------------------------

/// `Character.isWhitespace`: Unicode space separators except the no-break spaces, plus
/// `\t \n \u000B \f \r` and `\u001C`..`\u001F`.
pub fn java_is_whitespace(c: char) -> bool {
    match c {
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | '\u{1C}'..='\u{1F}' => true,
        '\u{A0}' | '\u{2007}' | '\u{202F}' => false,
        ' '
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{205F}'
        | '\u{3000}' => true,
        _ => false,
    }
}

/// `String.trim()`: strips characters `<= U+0020` (not Unicode whitespace!).
pub fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// `String.strip()` (Java 11): strips `Character.isWhitespace` characters.
pub fn strip(s: &str) -> &str {
    s.trim_matches(java_is_whitespace)
}

/// `String.isBlank()` (Java 11) and Groovy's `isAllWhitespace()`: only
/// `Character.isWhitespace` characters (true for the empty string).
pub fn is_all_whitespace(s: &str) -> bool {
    s.chars().all(java_is_whitespace)
}

fn single_upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn single_lower(c: char) -> char {
    // Java's simple mapping; Rust's full mapping gives "i\u{307}"
    if c == '\u{130}' {
        return 'i';
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Groovy's `capitalize()`: `Character.toUpperCase` of the first character (a one-to-one
/// mapping: `'ß'` stays `'ß'`).
pub fn capitalize(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(c) => single_upper(c).to_string() + it.as_str(),
        None => String::new(),
    }
}

/// Groovy's `uncapitalize()`.
pub fn uncapitalize(s: &str) -> String {
    let mut it = s.chars();
    match it.next() {
        Some(c) => single_lower(c).to_string() + it.as_str(),
        None => String::new(),
    }
}

/// `String.equalsIgnoreCase`: same length and every character equal after one-to-one upper-
/// then lower-casing.
pub fn equals_ignore_case(a: &str, b: &str) -> bool {
    if utf16_len(a) != utf16_len(b) {
        return false;
    }
    a.chars().zip(b.chars()).all(|(x, y)| {
        x == y || {
            let (ux, uy) = (single_upper(x), single_upper(y));
            ux == uy || single_lower(ux) == single_lower(uy)
        }
    })
}

/// `String.compareTo`: the difference of the first differing UTF-16 units, else of the
/// lengths (Groovy's `<=>` then keeps only the sign).
pub fn compare_to(a: &str, b: &str) -> i32 {
    let mut ua = a.encode_utf16();
    let mut ub = b.encode_utf16();
    loop {
        match (ua.next(), ub.next()) {
            (Some(x), Some(y)) if x != y => return x as i32 - y as i32,
            (Some(_), Some(_)) => {}
            (None, None) => return 0,
            _ => return utf16_len(a) as i32 - utf16_len(b) as i32,
        }
    }
}

/// `String.compareToIgnoreCase`.
pub fn compare_to_ignore_case(a: &str, b: &str) -> i32 {
    let fold = |c: char| single_lower(single_upper(c));
    let fa: String = a.chars().map(fold).collect();
    let fb: String = b.chars().map(fold).collect();
    compare_to(&fa, &fb)
}

/// `String.hashCode()`: `s[0]*31^(n-1) + … + s[n-1]` over UTF-16 units, wrapping.
pub fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16()
        .fold(0i32, |h, u| h.wrapping_mul(31).wrapping_add(u as i32))
}

// ---- lines and indentation ----------------------------------------------------------------

/// Groovy's `readLines()` / `eachLine` (a `BufferedReader`): splits on `\n`, `\r\n` and `\r`;
/// a final line terminator does not start another line, so `""` and `"\n"` give no lines.
pub fn read_lines(s: &str) -> Vec<&str> {
    let mut lines = Vec::new();
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                lines.push(&s[start..i]);
                i += 1;
                start = i;
            }
            b'\r' => {
                lines.push(&s[start..i]);
                i += if bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        lines.push(&s[start..]);
    }
    lines
}

/// Groovy's `normalize()`: `\r\n` and `\r` become `\n`.
pub fn normalize(s: &str) -> String {
    s.replace("\r\n", "\n").replace('\r', "\n")
}

/// Rejoins lines the way Groovy's line-rewriting methods do: every line ends with `\n`,
/// except that the last `\n` is dropped when the input did not end with `\n`.
fn rejoin(s: &str, lines: impl Iterator<Item = String>) -> String {
    let mut out = String::with_capacity(s.len());
    for line in lines {
        out.push_str(&line);
        out.push('\n');
    }
    if !s.ends_with('\n') {
        out.pop();
    }
    out
}

fn leading_whitespace_units(line: &str, limit: usize) -> usize {
    line.chars()
        .take(limit)
        .take_while(|&c| java_is_whitespace(c))
        .count()
}

/// Groovy's `stripIndent()`: removes the smallest indentation of the non-blank lines;
/// whitespace-only lines become empty and line endings become `\n`, even when there is no
/// indentation to remove (`'a\r\nb'.stripIndent() == 'a\nb'`, `'  '.stripIndent() == ''`).
pub fn strip_indent(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let mut running: Option<usize> = None;
    for line in read_lines(s) {
        if is_all_whitespace(line) {
            continue;
        }
        let count = running.unwrap_or_else(|| utf16_len(line));
        let n = leading_whitespace_units(line, count);
        running = Some(n);
        if n == 0 {
            break;
        }
    }
    rewrite_indent(s, running.unwrap_or(0))
}

/// Groovy's `stripIndent(n)`: removes `n` characters from every non-blank line (and returns
/// the string unchanged when `n <= 0`).
pub fn strip_indent_by(s: &str, n: i64) -> String {
    if s.is_empty() || n <= 0 {
        return s.to_string();
    }
    rewrite_indent(s, n as usize)
}

fn rewrite_indent(s: &str, n: usize) -> String {
    let lines = read_lines(s).into_iter().map(|line| {
        if is_all_whitespace(line) {
            String::new()
        } else {
            drop(line, n as i64).to_string()
        }
    });
    rejoin(s, lines)
}

/// Groovy's `stripMargin(c)`: on each line, drops leading characters `<= ' '` followed by
/// the margin character, together with it.
pub fn strip_margin(s: &str, margin: char) -> String {
    if s.is_empty() {
        return String::new();
    }
    let lines = read_lines(s).into_iter().map(|line| {
        let rest = line.trim_start_matches(|c: char| c <= ' ');
        match rest.strip_prefix(margin) {
            Some(after) => after.to_string(),
            None => line.to_string(),
        }
    });
    rejoin(s, lines)
}

/// Groovy's `expand(tabStop)`: replaces tabs with spaces up to the next tab stop.
pub fn expand_tabs(s: &str, tab_stop: usize) -> String {
    if s.is_empty() {
        return String::new();
    }
    let tab_stop = tab_stop.max(1);
    let lines = read_lines(s).into_iter().map(|line| {
        let mut out = String::with_capacity(line.len());
        let mut col = 0;
        for c in line.chars() {
            if c == '\t' {
                let n = tab_stop - col % tab_stop;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            } else {
                out.push(c);
                col += c.len_utf16();
            }
        }
        out
    });
    rejoin(s, lines)
}

// ---- splitting, padding, misc -------------------------------------------------------------

/// Groovy's `tokenize()` / `tokenize(delims)` (a `StringTokenizer`): every character of
/// `delims` separates tokens and empty tokens are dropped; the default delimiters are
/// `" \t\n\r\f"`. Also Groovy's no-argument `split()`.
pub fn tokenize(s: &str, delims: Option<&str>) -> Vec<String> {
    let delims = delims.unwrap_or(" \t\n\r\u{0C}");
    s.split(|c: char| delims.contains(c))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

fn padding(pad: &str, len: usize) -> Result<String, JavaStrError> {
    let plen = utf16_len(pad);
    if plen == 0 {
        return Err(JavaStrError {
            class: "java.lang.ArithmeticException",
            message: "/ by zero".to_string(),
        });
    }
    let repeated = pad.repeat(len / plen + 1);
    Ok(take(&repeated, len as i64).to_string())
}

/// Groovy's `padLeft(n, pad)`.
pub fn pad_left(s: &str, n: i64, pad: &str) -> Result<String, JavaStrError> {
    let len = utf16_len(s) as i64;
    if n <= len {
        return Ok(s.to_string());
    }
    Ok(padding(pad, (n - len) as usize)? + s)
}

/// Groovy's `padRight(n, pad)`.
pub fn pad_right(s: &str, n: i64, pad: &str) -> Result<String, JavaStrError> {
    let len = utf16_len(s) as i64;
    if n <= len {
        return Ok(s.to_string());
    }
    Ok(s.to_string() + &padding(pad, (n - len) as usize)?)
}

/// Groovy's `center(n, pad)`: an odd surplus puts the extra padding on the right.
pub fn center(s: &str, n: i64, pad: &str) -> Result<String, JavaStrError> {
    let len = utf16_len(s) as i64;
    if n <= len {
        return Ok(s.to_string());
    }
    let add = (n - len) as usize;
    if add.is_multiple_of(2) {
        let semi = padding(pad, add / 2)?;
        Ok(format!("{semi}{s}{semi}"))
    } else {
        let semi = padding(pad, add / 2 + 1)?;
        Ok(format!("{}{s}{semi}", take(&semi, (add / 2) as i64)))
    }
}

/// Groovy's `str * n`.
pub fn multiply(s: &str, n: i64) -> Result<String, JavaStrError> {
    if n < 0 {
        return Err(JavaStrError {
            class: "java.lang.IllegalArgumentException",
            message: format!("multiply() should be called with a number of 0 or greater not: {n}"),
        });
    }
    Ok(s.repeat(n as usize))
}

/// Groovy's `str - other`: removes the first occurrence.
pub fn minus(s: &str, other: &str) -> String {
    s.replacen(other, "", 1)
}

/// `String.replace(target, replacement)` (literal, all occurrences; an empty target inserts
/// the replacement around every character).
pub fn replace_literal(s: &str, target: &str, replacement: &str) -> String {
    if !target.is_empty() {
        return s.replace(target, replacement);
    }
    let mut out = String::with_capacity(s.len() + replacement.len() * (s.len() + 1));
    out.push_str(replacement);
    for c in s.chars() {
        out.push(c);
        out.push_str(replacement);
    }
    out
}

/// Groovy's `count(str)`: occurrences, overlapping ones included (`'aaa'.count('aa') == 2`).
pub fn count(s: &str, needle: &str) -> usize {
    let mut answer = 0i64;
    let mut idx = 0i64;
    loop {
        let found = index_of(s, needle, idx);
        if found < answer {
            return answer as usize;
        }
        answer += 1;
        idx = found + 1;
    }
}

/// Groovy's `reverse()` (by characters; surrogate pairs stay intact).
pub fn reverse(s: &str) -> String {
    s.chars().rev().collect()
}

/// Groovy's `inspect()` of a String: single quotes, escaping `\`, newline, carriage return,
/// tab, form feed and `'` (nothing else: `"`, `$` and control characters stay as they are).
pub fn inspect(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('\'');
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{0C}' => out.push_str("\\f"),
            '\'' => out.push_str("\\'"),
            c => out.push(c),
        }
    }
    out.push('\'');
    out
}

/// Groovy's `String.toBoolean()`: `true`, `y` (any case) or `1`, after `trim()`.
pub fn to_boolean(s: &str) -> bool {
    let t = trim(s);
    t.eq_ignore_ascii_case("true") || t.eq_ignore_ascii_case("y") || t == "1"
}

#[cfg(test)]
mod tests;

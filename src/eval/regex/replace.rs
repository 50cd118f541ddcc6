//! `String.replaceAll`/`replaceFirst` with Java's replacement syntax, `String.split`,
//! `Pattern.quote` and `Matcher.quoteReplacement`.

use super::{Captures, JavaRegex, RegexError, ILLEGAL_ARGUMENT, INDEX_OUT_OF_BOUNDS};

fn illegal(message: impl Into<String>) -> RegexError {
    RegexError::java(ILLEGAL_ARGUMENT, message)
}

/// Expands a Java replacement string for one match (`Matcher.appendReplacement`): `$n`
/// (taking more digits only while such a group exists), `${name}`, and `\x` for a literal
/// `x`. Errors are Java's `IllegalArgumentException`/`IndexOutOfBoundsException`.
pub fn expand_replacement(
    re: &JavaRegex,
    caps: &Captures<'_>,
    replacement: &str,
    out: &mut String,
) -> Result<(), RegexError> {
    let group_count = re.group_count();
    let mut chars = replacement.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => match chars.next() {
                Some(c) => out.push(c),
                None => return Err(illegal("character to be escaped is missing")),
            },
            '$' => {
                let Some(next) = chars.next() else {
                    return Err(illegal("Illegal group reference: group index is missing"));
                };
                let group = if next == '{' {
                    let mut name = String::new();
                    let mut closed = false;
                    while let Some(&c) = chars.peek() {
                        if c.is_ascii_alphanumeric() {
                            name.push(c);
                            chars.next();
                        } else {
                            closed = c == '}';
                            break;
                        }
                    }
                    if name.is_empty() {
                        return Err(illegal("named capturing group has 0 length name"));
                    }
                    if !closed {
                        return Err(illegal("named capturing group is missing trailing '}'"));
                    }
                    chars.next();
                    if name.starts_with(|c: char| c.is_ascii_digit()) {
                        return Err(illegal(format!(
                            "capturing group name {{{name}}} starts with digit character"
                        )));
                    }
                    re.group_index(&name)
                        .ok_or_else(|| illegal(format!("No group with name {{{name}}}")))?
                } else {
                    let Some(mut n) = next.to_digit(10).map(|d| d as usize) else {
                        return Err(illegal("Illegal group reference"));
                    };
                    while let Some(d) = chars.peek().and_then(|c| c.to_digit(10)) {
                        let bigger = n * 10 + d as usize;
                        if bigger > group_count {
                            break;
                        }
                        n = bigger;
                        chars.next();
                    }
                    if n > group_count {
                        return Err(RegexError::java(
                            INDEX_OUT_OF_BOUNDS,
                            format!("No group {n}"),
                        ));
                    }
                    n
                };
                if let Some(text) = caps.get(group) {
                    out.push_str(text);
                }
            }
            c => out.push(c),
        }
    }
    Ok(())
}

fn replace_impl<E: From<RegexError>>(
    input: &str,
    re: &JavaRegex,
    all: bool,
    mut f: impl FnMut(&Captures<'_>, &mut String) -> Result<(), E>,
) -> Result<String, E> {
    let mut out = String::with_capacity(input.len());
    let mut last = 0;
    for caps in re.find_iter(input) {
        let caps = caps?;
        out.push_str(input.get(last..caps.start()).unwrap_or(""));
        f(&caps, &mut out)?;
        last = caps.end();
        if !all {
            break;
        }
    }
    out.push_str(input.get(last..).unwrap_or(""));
    Ok(out)
}

/// `String.replaceAll(regex, replacement)`.
pub fn replace_all(input: &str, re: &JavaRegex, replacement: &str) -> Result<String, RegexError> {
    replace_impl(input, re, true, |c, out| {
        expand_replacement(re, c, replacement, out)
    })
}

/// `String.replaceFirst(regex, replacement)`.
pub fn replace_first(input: &str, re: &JavaRegex, replacement: &str) -> Result<String, RegexError> {
    replace_impl(input, re, false, |c, out| {
        expand_replacement(re, c, replacement, out)
    })
}

/// Groovy's `replaceAll(regex) { … }`: the callback's result is inserted literally.
pub fn replace_all_with<E: From<RegexError>>(
    input: &str,
    re: &JavaRegex,
    mut f: impl FnMut(&Captures<'_>) -> Result<String, E>,
) -> Result<String, E> {
    replace_impl(input, re, true, |c, out| {
        out.push_str(&f(c)?);
        Ok(())
    })
}

/// Groovy's `replaceFirst(regex) { … }`.
pub fn replace_first_with<E: From<RegexError>>(
    input: &str,
    re: &JavaRegex,
    mut f: impl FnMut(&Captures<'_>) -> Result<String, E>,
) -> Result<String, E> {
    replace_impl(input, re, false, |c, out| {
        out.push_str(&f(c)?);
        Ok(())
    })
}

/// `String.split(regex, limit)` (`Pattern.split`): `limit > 0` caps the number of pieces,
/// `limit == 0` drops trailing empty strings, `limit < 0` keeps them. A zero-width match at
/// the start never yields a leading empty string; without any split the input is returned.
pub fn split(input: &str, re: &JavaRegex, limit: i32) -> Result<Vec<String>, RegexError> {
    let limited = limit > 0;
    let mut pieces: Vec<String> = Vec::new();
    let mut index = 0;
    for caps in re.find_iter(input) {
        let caps = caps?;
        if !limited || pieces.len() < (limit - 1) as usize {
            if index == 0 && caps.start() == 0 && caps.end() == 0 {
                continue;
            }
            pieces.push(input.get(index..caps.start()).unwrap_or("").to_string());
            index = caps.end();
        } else if pieces.len() == (limit - 1) as usize {
            pieces.push(input.get(index..).unwrap_or("").to_string());
            index = caps.end();
            // Java keeps iterating but adds nothing more.
            break;
        }
    }
    if index == 0 {
        return Ok(vec![input.to_string()]);
    }
    if !limited || pieces.len() < limit as usize {
        pieces.push(input.get(index..).unwrap_or("").to_string());
    }
    if limit == 0 {
        while pieces.last().is_some_and(String::is_empty) {
            pieces.pop();
        }
    }
    Ok(pieces)
}

/// `Pattern.quote(s)`: `\Q…\E`, splitting around any `\E` inside.
pub fn quote(s: &str) -> String {
    if !s.contains("\\E") {
        return format!("\\Q{s}\\E");
    }
    let mut out = String::from("\\Q");
    let mut rest = s;
    while let Some(i) = rest.find("\\E") {
        out.push_str(&rest[..i]);
        out.push_str("\\E\\\\E\\Q");
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out.push_str("\\E");
    out
}

/// `Matcher.quoteReplacement(s)`: escapes `\` and `$`.
pub fn quote_replacement(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c == '\\' || c == '$' {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

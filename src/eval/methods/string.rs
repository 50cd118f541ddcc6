//! Methods of `String` and `GString` (a GString answers as its rendered String).

use std::sync::Arc;

use super::{arg, bad_arg, int_arg, last_closure, str_arg};
use crate::eval::error::{exception, throw, R};
use crate::eval::interp::Interp;
use crate::eval::num;
use crate::eval::ops::num_err;
use crate::eval::value::{to_display, Value};
use crate::syntax::Span;

fn chars_of(s: &str) -> Vec<char> {
    s.chars().collect()
}

fn sioobe<T>(msg: String) -> R<T> {
    throw("java.lang.StringIndexOutOfBoundsException", msg)
}

/// Java `substring(begin, end)` over characters, with Java 17's exception messages.
pub fn substring(s: &str, begin: i64, end: Option<i64>) -> R<String> {
    let chars = chars_of(s);
    let len = chars.len() as i64;
    let end = end.unwrap_or(len);
    if begin < 0 || end > len || begin > end {
        return sioobe(format!("begin {begin}, end {end}, length {len}"));
    }
    Ok(chars[begin as usize..end as usize].iter().collect())
}

/// Java's `trim()`: strips characters up to U+0020 from both ends.
pub fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

fn index_of(hay: &str, needle: &str, from: i64) -> i64 {
    let chars = chars_of(hay);
    let n = chars_of(needle);
    let from = from.max(0) as usize;
    if n.is_empty() {
        return from.min(chars.len()) as i64;
    }
    if n.len() > chars.len() {
        return -1;
    }
    for i in from..=(chars.len() - n.len()) {
        if chars[i..i + n.len()] == n[..] {
            return i as i64;
        }
    }
    -1
}

fn last_index_of(hay: &str, needle: &str, from: Option<i64>) -> i64 {
    let chars = chars_of(hay);
    let n = chars_of(needle);
    if n.len() > chars.len() {
        return -1;
    }
    let max_start = (chars.len() - n.len()) as i64;
    let start = from.map_or(max_start, |f| f.min(max_start));
    let mut i = start;
    while i >= 0 {
        let u = i as usize;
        if chars[u..u + n.len()] == n[..] {
            return i;
        }
        i -= 1;
    }
    -1
}

/// Groovy's `readLines()`/`eachLine` splitting: `\n`, `\r\n` and `\r` end lines.
pub fn read_lines(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\n' => out.push(std::mem::take(&mut cur)),
            '\r' => {
                if it.peek() == Some(&'\n') {
                    it.next();
                }
                out.push(std::mem::take(&mut cur));
            }
            _ => cur.push(c),
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Groovy's `tokenize()`: splits on any of the delimiter characters, dropping empties.
pub fn tokenize(s: &str, delims: &str) -> Vec<String> {
    s.split(|c: char| delims.contains(c))
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect()
}

/// Groovy's `stripIndent()`.
pub fn strip_indent(s: &str) -> String {
    let lines: Vec<&str> = s.split('\n').collect();
    let indent = lines
        .iter()
        .enumerate()
        .filter(|(i, l)| !java_trim(l).is_empty() || *i == lines.len() - 1 && !l.is_empty())
        .filter(|(_, l)| !java_trim(l).is_empty())
        .map(|(_, l)| l.chars().take_while(|c| c.is_whitespace()).count())
        .min()
        .unwrap_or(0);
    let mut out: Vec<String> = lines
        .iter()
        .map(|l| {
            if java_trim(l).is_empty() {
                String::new()
            } else {
                l.chars().skip(indent).collect()
            }
        })
        .collect();
    if let Some(last) = out.last() {
        if last.is_empty() && lines.last().is_some_and(|l| !l.is_empty()) {
            out.pop();
            out.push(String::new());
        }
    }
    out.join("\n")
}

/// Groovy's `stripMargin(c)`.
pub fn strip_margin(s: &str, margin: char) -> String {
    let lines: Vec<&str> = s.split('\n').collect();
    lines
        .iter()
        .map(|l| {
            let trimmed = l.trim_start_matches([' ', '\t']);
            match trimmed.strip_prefix(margin) {
                Some(rest) => rest.to_string(),
                None => (*l).to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn pad(s: &str, n: i64, fill: &str, left: bool) -> String {
    let len = s.chars().count() as i64;
    if n <= len || fill.is_empty() || n as usize > crate::eval::value::MAX_STRING {
        return s.to_string();
    }
    let need = (n - len) as usize;
    let padding: String = fill.chars().cycle().take(need).collect();
    if left {
        format!("{padding}{s}")
    } else {
        format!("{s}{padding}")
    }
}

fn center(s: &str, n: i64, fill: &str) -> String {
    let len = s.chars().count() as i64;
    if n <= len || fill.is_empty() || n as usize > crate::eval::value::MAX_STRING {
        return s.to_string();
    }
    let total = (n - len) as usize;
    let left = total / 2;
    let right = total - left;
    let l: String = fill.chars().cycle().take(left).collect();
    let r: String = fill.chars().cycle().take(right).collect();
    format!("{l}{s}{r}")
}

pub fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn uncapitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Groovy's `String.toBoolean()`.
pub fn to_boolean(s: &str) -> bool {
    let t = java_trim(s).to_lowercase();
    t == "true" || t == "y" || t == "1"
}

fn strings(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::string).collect())
}

pub fn string_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let s: Arc<str> = recv.as_str_like()?;
    let s: &str = &s;
    let r: R<Value> = match (name, args.len()) {
        ("length" | "size", 0) => Ok(Value::int(s.encode_utf16().count() as i32)),
        ("isEmpty", 0) => Ok(Value::Bool(s.is_empty())),
        ("isBlank", 0) | ("isAllWhitespace", 0) => Ok(Value::Bool(s.chars().all(char::is_whitespace))),
        ("trim", 0) => Ok(Value::str(java_trim(s))),
        ("strip", 0) => Ok(Value::str(s.trim())),
        ("stripLeading", 0) => Ok(Value::str(s.trim_start())),
        ("stripTrailing", 0) => Ok(Value::str(s.trim_end())),
        ("toUpperCase", 0) => Ok(Value::string(s.to_uppercase())),
        ("toLowerCase", 0) => Ok(Value::string(s.to_lowercase())),
        ("capitalize", 0) => Ok(Value::string(capitalize(s))),
        ("uncapitalize", 0) => Ok(Value::string(uncapitalize(s))),
        ("toString", 0) => Ok(Value::str(s)),
        ("intern", 0) => Ok(Value::str(s)),
        ("contains", 1) => Ok(Value::Bool(s.contains(&to_display(&args[0])))),
        ("startsWith", 1) => Ok(Value::Bool(s.starts_with(&to_display(&args[0])))),
        ("startsWith", 2) => int_arg(interp, args, 1).map(|off| {
            let rest: String = s.chars().skip(off.max(0) as usize).collect();
            Value::Bool(off >= 0 && rest.starts_with(&to_display(&args[0])))
        }),
        ("endsWith", 1) => Ok(Value::Bool(s.ends_with(&to_display(&args[0])))),
        ("equalsIgnoreCase", 1) => Ok(Value::Bool(
            !args[0].is_null() && s.to_lowercase() == to_display(&args[0]).to_lowercase(),
        )),
        ("compareToIgnoreCase", 1) => Ok(Value::int(
            crate::eval::ops::java_string_cmp(&s.to_lowercase(), &to_display(&args[0]).to_lowercase()) as i32,
        )),
        ("compareTo", 1) => {
            let o = to_display(&args[0]);
            let a: Vec<u16> = s.encode_utf16().collect();
            let b: Vec<u16> = o.encode_utf16().collect();
            let n = a.len().min(b.len());
            let mut d = a.len() as i32 - b.len() as i32;
            for i in 0..n {
                if a[i] != b[i] {
                    d = a[i] as i32 - b[i] as i32;
                    break;
                }
            }
            Ok(Value::int(d))
        }
        ("indexOf", 1) => Ok(Value::int(index_of(s, &to_display(&args[0]), 0) as i32)),
        ("indexOf", 2) => int_arg(interp, args, 1).map(|f| Value::int(index_of(s, &to_display(&args[0]), f) as i32)),
        ("lastIndexOf", 1) => Ok(Value::int(last_index_of(s, &to_display(&args[0]), None) as i32)),
        ("lastIndexOf", 2) => int_arg(interp, args, 1)
            .map(|f| Value::int(last_index_of(s, &to_display(&args[0]), Some(f)) as i32)),
        ("substring", 1) => int_arg(interp, args, 0).and_then(|b| substring(s, b, None)).map(Value::string),
        ("substring", 2) => {
            let b = int_arg(interp, args, 0);
            let e = int_arg(interp, args, 1);
            match (b, e) {
                (Ok(b), Ok(e)) => substring(s, b, Some(e)).map(Value::string),
                (Err(f), _) | (_, Err(f)) => Err(f),
            }
        }
        ("subSequence", 2) => {
            let b = int_arg(interp, args, 0);
            let e = int_arg(interp, args, 1);
            match (b, e) {
                (Ok(b), Ok(e)) => substring(s, b, Some(e)).map(Value::string),
                (Err(f), _) | (_, Err(f)) => Err(f),
            }
        }
        ("charAt", 1) => int_arg(interp, args, 0).and_then(|i| {
            let chars = chars_of(s);
            match usize::try_from(i).ok().and_then(|u| chars.get(u)) {
                Some(c) => Ok(Value::Char(*c)),
                None => sioobe(format!("index {i}, length {}", chars.len())),
            }
        }),
        ("getAt", 1) => crate::eval::props::string_get_at(s, &args[0]),
        ("concat", 1) => Ok(Value::string(format!("{s}{}", to_display(&args[0])))),
        ("plus", 1) => interp.plus(recv.clone(), args[0].clone()),
        ("minus", 1) => interp.binary(crate::syntax::ast::BinaryOp::Sub, recv.clone(), args[0].clone()),
        ("multiply", 1) => interp.binary(crate::syntax::ast::BinaryOp::Mul, recv.clone(), args[0].clone()),
        ("replace", 2) => Ok(Value::string(s.replace(&to_display(&args[0]), &to_display(&args[1])))),
        ("replaceAll", 2) => super::misc::replace_all(interp, s, &args[0], &args[1], span),
        ("replaceFirst", 2) => super::misc::replace_first(interp, s, &args[0], &args[1], span),
        ("split", 0) => Ok(Value::array(
            "java.lang.String",
            s.split_whitespace().map(Value::str).collect(),
        )),
        ("split", 1) | ("split", 2) => {
            let limit = if args.len() == 2 { int_arg(interp, args, 1).unwrap_or(0) } else { 0 };
            super::misc::split(interp, s, &args[0], limit)
        }
        ("tokenize", 0) => Ok(strings(tokenize(s, " \t\n\r\u{c}"))),
        ("tokenize", 1) => Ok(strings(tokenize(s, &to_display(&args[0])))),
        ("padLeft", 1) => int_arg(interp, args, 0).map(|n| Value::string(pad(s, n, " ", true))),
        ("padLeft", 2) => int_arg(interp, args, 0).map(|n| Value::string(pad(s, n, &to_display(&args[1]), true))),
        ("padRight", 1) => int_arg(interp, args, 0).map(|n| Value::string(pad(s, n, " ", false))),
        ("padRight", 2) => int_arg(interp, args, 0).map(|n| Value::string(pad(s, n, &to_display(&args[1]), false))),
        ("center", 1) => int_arg(interp, args, 0).map(|n| Value::string(center(s, n, " "))),
        ("center", 2) => int_arg(interp, args, 0).map(|n| Value::string(center(s, n, &to_display(&args[1])))),
        ("repeat", 1) => int_arg(interp, args, 0).and_then(|n| {
            if n < 0 {
                return bad_arg(format!("count is negative: {n}"));
            }
            interp.binary(crate::syntax::ast::BinaryOp::Mul, recv.clone(), Value::int_or_long(n))
        }),
        ("reverse", 0) => Ok(Value::string(s.chars().rev().collect())),
        ("readLines", 0) | ("lines", 0) => Ok(strings(read_lines(s))),
        ("eachLine", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(super::no_method(recv, name, args));
            };
            let mut last = Value::Null;
            for (i, l) in read_lines(s).into_iter().enumerate() {
                let a = if crate::eval::interp::closure_arity(&c) == Some(2) {
                    vec![Value::string(l), Value::int(i as i32)]
                } else {
                    vec![Value::string(l)]
                };
                match interp.call_closure(&c, a, span) {
                    Ok(v) => last = v,
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(last)
        }
        ("splitEachLine", 2) => {
            let Some(c) = last_closure(args) else {
                return Some(super::no_method(recv, name, args));
            };
            for l in read_lines(s) {
                let parts = match super::misc::split(interp, &l, &args[0], 0) {
                    Ok(v) => v,
                    Err(f) => return Some(Err(f)),
                };
                let parts = match parts {
                    Value::List(p) => p.snapshot(),
                    _ => Vec::new(),
                };
                if let Err(f) = interp.call_closure(&c, vec![Value::list(parts)], span) {
                    return Some(Err(f));
                }
            }
            Ok(Value::Null)
        }
        ("stripIndent", 0) => Ok(Value::string(strip_indent(s))),
        ("stripMargin", 0) => Ok(Value::string(strip_margin(s, '|'))),
        ("stripMargin", 1) => Ok(Value::string(strip_margin(
            s,
            to_display(&args[0]).chars().next().unwrap_or('|'),
        ))),
        ("denormalize", 0) => Ok(Value::string(read_lines(s).join("\n"))),
        ("normalize", 0) => Ok(Value::string(s.replace("\r\n", "\n").replace('\r', "\n"))),
        ("toInteger", 0) => num::string_to_integer(s).map(Value::Num).map_err(num_err),
        ("toLong", 0) => num::string_to_long(s).map(Value::Num).map_err(num_err),
        ("toDouble", 0) => num::string_to_double(s).map(Value::Num).map_err(num_err),
        ("toFloat", 0) => num::string_to_float(s).map(Value::Num).map_err(num_err),
        ("toBigDecimal", 0) => num::string_to_big_decimal(s).map(Value::Num).map_err(num_err),
        ("toBigInteger", 0) => num::string_to_big_integer(s).map(Value::Num).map_err(num_err),
        ("toBoolean", 0) => Ok(Value::Bool(to_boolean(s))),
        ("isInteger", 0) => Ok(Value::Bool(num::is_integer(s))),
        ("isLong", 0) => Ok(Value::Bool(num::is_long(s))),
        ("isNumber", 0) => Ok(Value::Bool(num::is_number(s))),
        ("isBigDecimal", 0) => Ok(Value::Bool(num::is_big_decimal(s))),
        ("isDouble", 0) => Ok(Value::Bool(num::is_double(s))),
        ("isFloat", 0) => Ok(Value::Bool(num::is_float(s))),
        ("isBigInteger", 0) => Ok(Value::Bool(num::is_big_integer(s))),
        ("matches", 1) => match interp.compile_regex(&to_display(&args[0])) {
            Ok(re) => re
                .full_match(s)
                .map(Value::Bool)
                .map_err(|e| exception(e.class, Some(e.message))),
            Err(f) => Err(f),
        },
        ("find" | "findAll", 1) if matches!(args[0], Value::Closure(_)) => {
            let list = Value::list(s.chars().map(|c| Value::string(c.to_string())).collect());
            super::collection::collection_method(interp, &list, name, args, span)?
        }
        ("find", 1) | ("find", 2) => super::misc::string_find(interp, s, args, span),
        ("findAll", 1) | ("findAll", 2) => super::misc::string_find_all(interp, s, args, span),
        ("toCharacter", 0) => match s.chars().next() {
            Some(c) => Ok(Value::Char(c)),
            None => crate::eval::error::throw(
                "java.lang.StringIndexOutOfBoundsException",
                "index 0, length 0",
            ),
        },
        ("chars", 0) => Ok(Value::list(s.chars().map(|c| Value::int(c as i32)).collect())),
        ("getBytes", 1) => Ok(Value::array(
            "byte",
            s.bytes().map(|b| Value::int(b as i8 as i32)).collect(),
        )),
        ("eachMatch", 2) => super::misc::string_each_match(interp, s, args, span),
        ("toCharArray", 0) => Ok(Value::array(
            "char",
            s.chars().map(Value::Char).collect(),
        )),
        ("getChars", 0) => Ok(Value::array("char", s.chars().map(Value::Char).collect())),
        ("getBytes" | "bytes", 0) => Ok(Value::array(
            "byte",
            s.bytes().map(|b| Value::int(b as i8 as i32)).collect(),
        )),
        ("toList", 0) => Ok(Value::list(s.chars().map(|c| Value::string(c.to_string())).collect())),
        ("toSet", 0) => {
            let set = Value::set(indexmap::IndexSet::new(), crate::eval::value::SetKind::Hash);
            if let Value::Set(so) = &set {
                for c in s.chars() {
                    so.insert(Value::string(c.to_string()));
                }
            }
            Ok(set)
        }
        ("count", 1) => {
            let n = to_display(&args[0]);
            if n.is_empty() {
                Ok(Value::int(s.chars().count() as i32 + 1))
            } else {
                Ok(Value::int(s.matches(n.as_str()).count() as i32))
            }
        }
        ("take", 1) => int_arg(interp, args, 0).map(|n| Value::string(s.chars().take(n.max(0) as usize).collect())),
        ("drop", 1) => int_arg(interp, args, 0).map(|n| Value::string(s.chars().skip(n.max(0) as usize).collect())),
        ("takeWhile", 1) | ("dropWhile", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(super::no_method(recv, name, args));
            };
            let chars = chars_of(s);
            let mut k = 0;
            for ch in &chars {
                match interp.call_closure(&c, vec![Value::string(ch.to_string())], span) {
                    Ok(v) if v.truthy() => k += 1,
                    Ok(_) => break,
                    Err(f) => return Some(Err(f)),
                }
            }
            Ok(Value::string(if name == "takeWhile" {
                chars[..k].iter().collect()
            } else {
                chars[k..].iter().collect()
            }))
        }
        ("each" | "eachWithIndex" | "collect" | "findAll" | "find" | "any" | "every" | "inject" | "count" | "collectEntries"
        | "groupBy" | "countBy" | "findIndexOf" | "sum" | "max" | "min" | "sort" | "unique" | "join" | "first" | "last",
        _) => {
            let items: Vec<Value> = s.chars().map(|c| Value::string(c.to_string())).collect();
            let list = Value::list(items);
            let r = super::collection::collection_method(interp, &list, name, args, span)?;
            if name == "each" || name == "eachWithIndex" {
                r.map(|_| recv.clone())
            } else {
                r
            }
        }
        ("next", 0) => crate::eval::ops::next(interp, recv),
        ("previous", 0) => crate::eval::ops::previous(interp, recv),
        ("asBoolean", 0) => Ok(Value::Bool(!s.is_empty())),
        ("equals", 1) => Ok(Value::Bool(match (recv, &args[0]) {
            (Value::Str(_), Value::Str(o)) => &**o == s,
            (Value::GString(_), Value::GString(g)) => g.render() == s,
            _ => false,
        })),
        ("hashCode", 0) => Ok(Value::int(crate::eval::value::string_hash(s))),
        ("encodeBase64", 0) => Ok(Value::string(super::misc::base64_encode(s.as_bytes()))),
        ("decodeBase64", 0) => super::misc::base64_decode(s).map(|b| {
            Value::array("byte", b.into_iter().map(|x| Value::int(x as i8 as i32)).collect())
        }),
        ("format", _) => return None,
        ("asType", 1) => return None,
        ("expand", 0) => Ok(Value::string(expand_tabs(s, 8))),
        ("expand", 1) => int_arg(interp, args, 0).map(|n| Value::string(expand_tabs(s, n.max(1) as usize))),
        ("contentEquals", 1) => Ok(Value::Bool(s == to_display(&args[0]))),
        ("codePointAt", 1) => int_arg(interp, args, 0).and_then(|i| {
            match usize::try_from(i).ok().and_then(|u| s.chars().nth(u)) {
                Some(c) => Ok(Value::int(c as i32)),
                None => sioobe(format!("index {i}, length {}", s.chars().count())),
            }
        }),
        ("leftShift", 1) => interp.binary(crate::syntax::ast::BinaryOp::Shl, recv.clone(), arg(args, 0)),
        ("isCase", 1) => interp.is_case(recv, &args[0], span).map(Value::Bool),
        ("toURL" | "toURI", 0) => Ok(Value::str(s)),
        ("md5" | "sha256", 0) => return None,
        ("execute", _) => throw(
            "org.jenkinsci.plugins.scriptsecurity.sandbox.RejectedAccessException",
            "Scripts not permitted to use staticMethod org.codehaus.groovy.runtime.ProcessGroovyMethods execute java.lang.String",
        ),
        _ => {
            let _ = str_arg(args, 0);
            return None;
        }
    };
    Some(r)
}

fn expand_tabs(s: &str, n: usize) -> String {
    let mut out = String::new();
    for line in s.split_inclusive('\n') {
        let mut col = 0;
        for c in line.chars() {
            if c == '\t' {
                let spaces = n - col % n;
                out.extend(std::iter::repeat_n(' ', spaces));
                col += spaces;
            } else {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

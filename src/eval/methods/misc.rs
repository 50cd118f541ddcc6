//! Methods of closures, regex patterns and matchers, exceptions, string builders, map
//! entries, characters and booleans; string helpers that need regexes; formatting.

use std::sync::Arc;

use super::{arg, int_arg, last_closure, no_method};
use crate::eval::error::{throw, R};
use crate::eval::interp::{closure_arity, Interp};
use crate::eval::ops::regex_err;
use crate::eval::regex::{JavaRegex, MatchItem, MatcherState};
use crate::eval::value::{to_display, Closure, Value};
use crate::syntax::Span;

/// A matcher element as a value: the matched text, or a list of the text and its groups
/// (nulls for groups that did not take part) when the pattern has groups.
pub fn match_item_value(item: MatchItem) -> Value {
    match item {
        MatchItem::Whole(s) => Value::string(s),
        MatchItem::Groups(gs) => Value::list(
            gs.into_iter()
                .map(|g| g.map_or(Value::Null, Value::string))
                .collect(),
        ),
    }
}

/// Every element of a matcher (`m.each`, `for (x in m)`): resets it first, as Groovy does.
pub fn matcher_items(st: &mut MatcherState) -> R<Vec<Value>> {
    Ok(st
        .items()
        .map_err(regex_err)?
        .into_iter()
        .map(match_item_value)
        .collect())
}

fn pattern_of(interp: &Interp, v: &Value) -> R<Arc<JavaRegex>> {
    match v {
        Value::Pattern(p) => Ok(p.clone()),
        other => interp.compile_regex(&to_display(other)),
    }
}

/// The groups of a match as closure arguments: the whole match alone when the pattern has
/// no groups; otherwise one argument per group when the closure takes that many, else the
/// list `[whole, g1, …]`.
fn groups_to_args(c: &Arc<Closure>, groups: Vec<Option<String>>) -> Vec<Value> {
    let vals: Vec<Value> = groups
        .into_iter()
        .map(|g| g.map_or(Value::Null, Value::string))
        .collect();
    if vals.len() == 1 {
        return vals;
    }
    match closure_arity(c) {
        Some(n) if n == vals.len() => vals,
        _ => vec![Value::list(vals)],
    }
}

fn replace_impl(
    interp: &Interp,
    s: &str,
    pat: &Value,
    repl: &Value,
    span: Span,
    all: bool,
) -> R<Value> {
    let re = pattern_of(interp, pat)?;
    let out = match repl {
        Value::Closure(c) => {
            let f = |caps: &crate::eval::regex::Captures<'_>| -> R<String> {
                let a = groups_to_args(c, caps.to_strings());
                Ok(to_display(&interp.call_closure(c, a, span)?))
            };
            if all {
                crate::eval::regex::replace_all_with(s, &re, f)?
            } else {
                crate::eval::regex::replace_first_with(s, &re, f)?
            }
        }
        other => {
            let r = to_display(other);
            if all {
                crate::eval::regex::replace_all(s, &re, &r).map_err(regex_err)?
            } else {
                crate::eval::regex::replace_first(s, &re, &r).map_err(regex_err)?
            }
        }
    };
    Ok(Value::string(out))
}

pub fn replace_all(interp: &Interp, s: &str, pat: &Value, repl: &Value, span: Span) -> R<Value> {
    replace_impl(interp, s, pat, repl, span, true)
}

pub fn replace_first(interp: &Interp, s: &str, pat: &Value, repl: &Value, span: Span) -> R<Value> {
    replace_impl(interp, s, pat, repl, span, false)
}

pub fn regex_replace_first(interp: &Interp, s: &str, p: &Arc<JavaRegex>, repl: &str) -> R<String> {
    let v = replace_impl(
        interp,
        s,
        &Value::Pattern(p.clone()),
        &Value::str(repl),
        Span::default(),
        false,
    )?;
    Ok(to_display(&v))
}

/// Java's `String.split(regex, limit)`.
pub fn split(interp: &Interp, s: &str, pat: &Value, limit: i64) -> R<Value> {
    let re = pattern_of(interp, pat)?;
    let limit = i32::try_from(limit).unwrap_or(if limit < 0 { -1 } else { i32::MAX });
    let parts = crate::eval::regex::split(s, &re, limit).map_err(regex_err)?;
    Ok(Value::array(
        "java.lang.String",
        parts.into_iter().map(Value::string).collect(),
    ))
}

/// Every match of `re` in `s` as its groups (group 0 first).
fn all_matches(re: &JavaRegex, s: &str) -> R<Vec<Vec<Option<String>>>> {
    let mut out = Vec::new();
    for c in re.find_iter(s) {
        out.push(c.map_err(regex_err)?.to_strings());
    }
    Ok(out)
}

/// `str.find(regex)` / `str.find(regex) { match -> }`.
pub fn string_find(interp: &Interp, s: &str, args: &[Value], span: Span) -> R<Value> {
    let re = pattern_of(interp, &args[0])?;
    let Some(caps) = re.find(s).map_err(regex_err)? else {
        return Ok(Value::Null);
    };
    let groups = caps.to_strings();
    match last_closure(&args[1..]) {
        Some(c) => {
            let a = groups_to_args(&c, groups);
            interp.call_closure(&c, a, span)
        }
        None => Ok(groups
            .into_iter()
            .next()
            .flatten()
            .map_or(Value::Null, Value::string)),
    }
}

/// `str.findAll(regex)` / `str.findAll(regex) { … }`.
pub fn string_find_all(interp: &Interp, s: &str, args: &[Value], span: Span) -> R<Value> {
    let re = pattern_of(interp, &args[0])?;
    let c = last_closure(&args[1..]);
    let mut out = Vec::new();
    for groups in all_matches(&re, s)? {
        match &c {
            Some(c) => {
                let a = groups_to_args(c, groups);
                out.push(interp.call_closure(c, a, span)?);
            }
            None => {
                if groups.len() > 1 {
                    out.push(Value::list(
                        groups
                            .into_iter()
                            .map(|g| g.map_or(Value::Null, Value::string))
                            .collect(),
                    ));
                } else {
                    out.push(
                        groups
                            .into_iter()
                            .next()
                            .flatten()
                            .map_or(Value::Null, Value::string),
                    );
                }
            }
        }
    }
    Ok(Value::list(out))
}

pub fn string_each_match(interp: &Interp, s: &str, args: &[Value], span: Span) -> R<Value> {
    let Some(c) = last_closure(args) else {
        return no_method(&Value::str(s), "eachMatch", args);
    };
    let re = pattern_of(interp, &args[0])?;
    for groups in all_matches(&re, s)? {
        let a = groups_to_args(&c, groups);
        interp.call_closure(&c, a, span)?;
    }
    Ok(Value::str(s))
}

pub fn closure_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Closure(c) = recv else { return None };
    let r = match name {
        "call" | "doCall" => interp.call_closure(c, args.to_vec(), span),
        "curry" => Ok(Value::Closure(Arc::new(Closure::Curried {
            inner: c.clone(),
            left: args.to_vec(),
            right: Vec::new(),
            index: None,
        }))),
        "rcurry" => Ok(Value::Closure(Arc::new(Closure::Curried {
            inner: c.clone(),
            left: Vec::new(),
            right: args.to_vec(),
            index: None,
        }))),
        "ncurry" => match int_arg(interp, args, 0) {
            Ok(i) => Ok(Value::Closure(Arc::new(Closure::Curried {
                inner: c.clone(),
                left: Vec::new(),
                right: Vec::new(),
                index: Some((i.max(0) as usize, args[1..].to_vec())),
            }))),
            Err(f) => Err(f),
        },
        "rehydrate" | "dehydrate" | "clone" => Ok(recv.clone()),
        // A trampolined closure is called directly (recursion is bounded by the call-depth
        // limit); `c.trampoline(args)` inside the closure is the recursive call.
        "trampoline" if args.is_empty() => Ok(recv.clone()),
        "trampoline" => interp.call_closure(c, args.to_vec(), span),
        "memoize" | "memoizeAtMost" | "memoizeAtLeast" | "memoizeBetween" => {
            let inner = c.clone();
            let cache: parking_lot::Mutex<Vec<(Value, Value)>> =
                parking_lot::Mutex::new(Vec::new());
            Ok(Value::Closure(Arc::new(Closure::Native {
                name: "memoize".into(),
                arity: closure_arity(c),
                f: Box::new(move |interp, a| {
                    let key = Value::list(a.clone());
                    if let Some((_, v)) = cache
                        .lock()
                        .iter()
                        .find(|(k, _)| crate::eval::value::java_equals(k, &key))
                    {
                        return Ok(v.clone());
                    }
                    let v = interp.call_closure(&inner, a, Span::default())?;
                    cache.lock().push((key, v.clone()));
                    Ok(v)
                }),
            })))
        }
        "setDelegate" => {
            if let Closure::Code { delegate, .. } = &**c {
                *delegate.lock() = arg(args, 0);
            }
            Ok(Value::Null)
        }
        "setResolveStrategy" => {
            if let (Closure::Code { strategy, .. }, Some(Value::Num(n))) = (&**c, args.first()) {
                strategy.store(
                    n.to_i64().clamp(0, 4) as u8,
                    std::sync::atomic::Ordering::Relaxed,
                );
            }
            Ok(Value::Null)
        }
        "getMaximumNumberOfParameters" => Ok(Value::int(closure_arity(c).map_or(1, |n| n as i32))),
        "rightShift" => interp.binary(
            crate::syntax::ast::BinaryOp::Shr,
            recv.clone(),
            arg(args, 0),
        ),
        "leftShift" => interp.binary(
            crate::syntax::ast::BinaryOp::Shl,
            recv.clone(),
            arg(args, 0),
        ),
        "isCase" => interp.is_case(recv, &arg(args, 0), span).map(Value::Bool),
        "run" => interp.call_closure(c, Vec::new(), span),
        _ => return None,
    };
    Some(r)
}

pub fn regex_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    match recv {
        Value::Pattern(p) => {
            let r = match (name, args.len()) {
                ("matcher", 1) => {
                    let m = MatcherState::new((**p).clone(), to_display(&args[0]));
                    Ok(Value::Matcher(Arc::new(parking_lot::Mutex::new(m))))
                }
                ("pattern" | "toString", 0) => Ok(Value::str(p.pattern())),
                ("flags", 0) => Ok(Value::int(p.flags() as i32)),
                ("split", 1) => split(interp, &to_display(&args[0]), recv, 0),
                ("split", 2) => split(
                    interp,
                    &to_display(&args[0]),
                    recv,
                    int_arg(interp, args, 1).unwrap_or(0),
                ),
                ("isCase", 1) => interp.is_case(recv, &args[0], span).map(Value::Bool),
                _ => return None,
            };
            Some(r)
        }
        Value::Matcher(m) => {
            let group_arg = |st: &MatcherState, v: &Value| match v {
                Value::Num(n) => st.group(n.to_i64()),
                other => st.group_named(&to_display(other)),
            };
            let r = match (name, args.len()) {
                ("matches", 0) => m.lock().matches().map(Value::Bool).map_err(regex_err),
                ("lookingAt", 0) => m.lock().looking_at().map(Value::Bool).map_err(regex_err),
                ("find", 0) => m.lock().find().map(Value::Bool).map_err(regex_err),
                ("find", 1) => match int_arg(interp, args, 0) {
                    Ok(i) => m.lock().find_from(i).map(Value::Bool).map_err(regex_err),
                    Err(f) => Err(f),
                },
                ("group", 0) => m
                    .lock()
                    .group0()
                    .map(|g| g.map_or(Value::Null, Value::string))
                    .map_err(regex_err),
                ("group", 1) => group_arg(&m.lock(), &args[0])
                    .map(|g| g.map_or(Value::Null, Value::string))
                    .map_err(regex_err),
                ("groupCount", 0) => Ok(Value::int(m.lock().group_count() as i32)),
                ("hasGroup", 0) => Ok(Value::Bool(m.lock().has_group())),
                ("size" | "getCount", 0) => m
                    .lock()
                    .count()
                    .map(|n| Value::int(n as i32))
                    .map_err(regex_err),
                ("reset", 0) => {
                    m.lock().reset();
                    Ok(recv.clone())
                }
                ("start", 0) => m.lock().start(0).map(Value::int_or_long).map_err(regex_err),
                ("end", 0) => m.lock().end(0).map(Value::int_or_long).map_err(regex_err),
                ("start" | "end", 1) => {
                    let st = m.lock();
                    match &args[0] {
                        Value::Num(n) if name == "start" => st.start(n.to_i64()),
                        Value::Num(n) => st.end(n.to_i64()),
                        other if name == "start" => st.start_named(&to_display(other)),
                        other => st.end_named(&to_display(other)),
                    }
                    .map(Value::int_or_long)
                    .map_err(regex_err)
                }
                ("getAt", 1) => interp.get_at(recv, args, span),
                ("asBoolean", 0) => m.lock().as_boolean().map(Value::Bool).map_err(regex_err),
                ("replaceAll", 1) | ("replaceFirst", 1) => {
                    let (text, re) = {
                        let st = m.lock();
                        (st.text().to_string(), st.regex().clone())
                    };
                    let p = Value::Pattern(Arc::new(re));
                    if name == "replaceAll" {
                        replace_all(interp, &text, &p, &args[0], span)
                    } else {
                        replace_first(interp, &text, &p, &args[0], span)
                    }
                }
                ("toString", 0) => Ok(Value::string(m.lock().to_java_string())),
                (
                    "iterator" | "each" | "collect" | "findAll" | "find" | "any" | "every"
                    | "eachWithIndex" | "toList" | "inject" | "sum" | "join" | "first" | "last",
                    _,
                ) => {
                    let items = matcher_items(&mut m.lock());
                    match items {
                        Ok(items) => super::collection::collection_method(
                            interp,
                            &Value::list(items),
                            name,
                            args,
                            span,
                        )?,
                        Err(f) => Err(f),
                    }
                }
                _ => return None,
            };
            Some(r)
        }
        _ => None,
    }
}

pub fn exception_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Exception(e) = recv else {
        return None;
    };
    let r = match (name, args.len()) {
        ("getMessage" | "getLocalizedMessage", 0) => {
            Ok(crate::eval::value::exception_message(e).map_or(Value::Null, Value::string))
        }
        ("getCause", 0) => Ok(crate::eval::value::exception_cause(e).unwrap_or(Value::Null)),
        ("toString", 0) => Ok(Value::string(crate::eval::value::exception_to_string(e))),
        ("printStackTrace", 0) => {
            interp.print(&format!("{}\n", crate::eval::value::exception_to_string(e)));
            Ok(Value::Null)
        }
        ("getStackTrace", 0) => Ok(Value::array("java.lang.StackTraceElement", Vec::new())),
        ("addSuppressed" | "setStackTrace" | "initCause" | "fillInStackTrace", _) => {
            Ok(recv.clone())
        }
        _ => {
            let _ = span;
            return None;
        }
    };
    Some(r)
}

pub fn builder_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Builder(b) = recv else { return None };
    let r = match (name, args.len()) {
        ("append", 1) | ("leftShift", 1) => {
            b.lock().push_str(&to_display(&args[0]));
            Ok(recv.clone())
        }
        ("toString", 0) => Ok(Value::string(b.lock().clone())),
        ("length" | "size", 0) => Ok(Value::int(b.lock().chars().count() as i32)),
        ("insert", 2) => match int_arg(interp, args, 0) {
            Ok(i) => {
                let mut s = b.lock();
                let byte = s
                    .char_indices()
                    .nth(i.max(0) as usize)
                    .map_or(s.len(), |(p, _)| p);
                s.insert_str(byte, &to_display(&args[1]));
                Ok(recv.clone())
            }
            Err(f) => Err(f),
        },
        ("reverse", 0) => {
            let mut s = b.lock();
            *s = s.chars().rev().collect();
            Ok(recv.clone())
        }
        ("setLength", 1) => match int_arg(interp, args, 0) {
            Ok(n) => {
                let mut s = b.lock();
                let cur: Vec<char> = s.chars().collect();
                let n = (n.max(0) as usize).min(crate::eval::value::MAX_STRING);
                *s = if n <= cur.len() {
                    cur[..n].iter().collect()
                } else {
                    let mut t: String = cur.iter().collect();
                    t.extend(std::iter::repeat_n('\0', n - cur.len()));
                    t
                };
                Ok(Value::Null)
            }
            Err(f) => Err(f),
        },
        ("deleteCharAt", 1) => match int_arg(interp, args, 0) {
            Ok(i) => {
                let mut s = b.lock();
                let mut cur: Vec<char> = s.chars().collect();
                if i >= 0 && (i as usize) < cur.len() {
                    cur.remove(i as usize);
                }
                *s = cur.into_iter().collect();
                Ok(recv.clone())
            }
            Err(f) => Err(f),
        },
        ("charAt", 1) => match int_arg(interp, args, 0) {
            Ok(i) => Ok(b
                .lock()
                .chars()
                .nth(i.max(0) as usize)
                .map_or(Value::Null, Value::Char)),
            Err(f) => Err(f),
        },
        _ => {
            // Read-only String methods work on the current contents.
            let s = Value::string(b.lock().clone());
            return super::string::string_method(interp, &s, name, args, span);
        }
    };
    Some(r)
}

pub fn entry_method(
    _interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    _span: Span,
) -> Option<R<Value>> {
    let Value::MapEntry(e) = recv else {
        return None;
    };
    let r = match (name, args.len()) {
        ("getKey", 0) => Ok(e.key.clone()),
        ("getValue", 0) => Ok(e.value()),
        ("setValue", 1) => Ok(e.set_value(args[0].clone())),
        ("toString", 0) => Ok(Value::string(to_display(recv))),
        _ => return None,
    };
    Some(r)
}

pub fn char_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let Value::Char(c) = recv else { return None };
    let r = match (name, args.len()) {
        ("toString", 0) => Ok(Value::string(c.to_string())),
        ("isDigit", 0) => Ok(Value::Bool(c.is_ascii_digit())),
        ("isLetter", 0) => Ok(Value::Bool(c.is_alphabetic())),
        ("isLetterOrDigit", 0) => Ok(Value::Bool(c.is_alphanumeric())),
        ("isWhitespace", 0) => Ok(Value::Bool(c.is_whitespace())),
        ("isUpperCase", 0) => Ok(Value::Bool(c.is_uppercase())),
        ("isLowerCase", 0) => Ok(Value::Bool(c.is_lowercase())),
        ("toUpperCase", 0) => Ok(Value::Char(c.to_uppercase().next().unwrap_or(*c))),
        ("toLowerCase", 0) => Ok(Value::Char(c.to_lowercase().next().unwrap_or(*c))),
        ("charValue", 0) => Ok(recv.clone()),
        ("plus", 1) => interp.plus(recv.clone(), args[0].clone()),
        ("minus", 1) => interp.binary(
            crate::syntax::ast::BinaryOp::Sub,
            Value::int(*c as i32),
            args[0].clone(),
        ),
        ("next", 0) => crate::eval::ops::next(interp, recv),
        ("compareTo", 1) => {
            crate::eval::ops::compare(interp, recv, &args[0]).map(|o| Value::int(o as i32))
        }
        _ => {
            let s = Value::string(c.to_string());
            return super::string::string_method(interp, &s, name, args, span);
        }
    };
    Some(r)
}

pub fn bool_method(
    _interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    _span: Span,
) -> Option<R<Value>> {
    let Value::Bool(b) = recv else { return None };
    let r = match (name, args) {
        ("booleanValue", []) => Ok(recv.clone()),
        ("and", [Value::Bool(o)]) => Ok(Value::Bool(*b && *o)),
        ("or", [Value::Bool(o)]) => Ok(Value::Bool(*b || *o)),
        ("xor", [Value::Bool(o)]) => Ok(Value::Bool(*b != *o)),
        ("implies", [Value::Bool(o)]) => Ok(Value::Bool(!*b || *o)),
        ("compareTo", [Value::Bool(o)]) => Ok(Value::int(*b as i32 - *o as i32)),
        _ => return None,
    };
    Some(r)
}

/// `Thread.sleep`/`sleep(ms)`: sleeps in slices so cancellation stays responsive.
pub fn sleep_ms(interp: &Interp, ms: &Value) -> R<Value> {
    let total = interp.to_index(ms)?.max(0) as u64;
    let deadline = std::time::Instant::now() + std::time::Duration::from_millis(total);
    loop {
        interp.check_cancelled()?;
        let now = std::time::Instant::now();
        if now >= deadline {
            return Ok(Value::Null);
        }
        std::thread::sleep((deadline - now).min(std::time::Duration::from_millis(50)));
    }
}

/// `String.format`/`sprintf`/`printf` with Java's Formatter.
pub fn format_values(interp: &Interp, fmt: &str, args: &[Value]) -> R<String> {
    let args: Vec<Value> = match args {
        [Value::List(l)] if l.is_array() => l.snapshot(),
        _ => args.to_vec(),
    };
    crate::eval::fmt_bridge::format(interp, fmt, &args)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        out.push(B64[(n >> 18) as usize & 63] as char);
        out.push(B64[(n >> 12) as usize & 63] as char);
        out.push(if chunk.len() > 1 {
            B64[(n >> 6) as usize & 63] as char
        } else {
            '='
        });
        out.push(if chunk.len() > 2 {
            B64[n as usize & 63] as char
        } else {
            '='
        });
    }
    out
}

pub fn base64_decode(s: &str) -> R<Vec<u8>> {
    let mut out = Vec::new();
    let mut buf = 0u32;
    let mut bits = 0;
    for c in s.bytes() {
        if c == b'=' || c.is_ascii_whitespace() {
            continue;
        }
        let Some(v) = B64.iter().position(|x| *x == c) else {
            return throw(
                "java.lang.IllegalArgumentException",
                format!("Illegal base64 character {:x}", c),
            );
        };
        buf = (buf << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Ok(out)
}

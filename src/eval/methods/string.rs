//! Methods of `String` and `GString` (a GString answers as its rendered String).

use std::sync::Arc;

use super::{arg, bad_arg, int_arg, last_closure, str_arg};
use crate::eval::error::{exception, throw, R};
use crate::eval::interp::Interp;
use crate::eval::jstr;
use crate::eval::num;
use crate::eval::ops::num_err;
use crate::eval::value::{to_display, Value};
use crate::syntax::Span;

fn jerr(e: jstr::JavaStrError) -> crate::eval::error::Flow {
    exception(e.class, Some(e.message))
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
        ("isBlank", 0) | ("isAllWhitespace", 0) => Ok(Value::Bool(jstr::is_all_whitespace(s))),
        ("trim", 0) => Ok(Value::str(jstr::trim(s))),
        ("strip", 0) => Ok(Value::str(jstr::strip(s))),
        ("stripLeading", 0) => Ok(Value::str(s.trim_start())),
        ("stripTrailing", 0) => Ok(Value::str(s.trim_end())),
        ("toUpperCase", 0) => Ok(Value::string(s.to_uppercase())),
        ("toLowerCase", 0) => Ok(Value::string(s.to_lowercase())),
        ("capitalize", 0) => Ok(Value::string(jstr::capitalize(s))),
        ("uncapitalize", 0) => Ok(Value::string(jstr::uncapitalize(s))),
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
            !args[0].is_null() && jstr::equals_ignore_case(s, &to_display(&args[0])),
        )),
        ("compareToIgnoreCase", 1) => Ok(Value::int(jstr::compare_to_ignore_case(s, &to_display(&args[0])))),
        ("compareTo", 1) => Ok(Value::int(jstr::compare_to(s, &to_display(&args[0])))),
        ("indexOf", 1) => Ok(Value::int_or_long(jstr::index_of(s, &to_display(&args[0]), 0))),
        ("indexOf", 2) => int_arg(interp, args, 1)
            .map(|f| Value::int_or_long(jstr::index_of(s, &to_display(&args[0]), f))),
        ("lastIndexOf", 1) => Ok(Value::int_or_long(jstr::last_index_of(s, &to_display(&args[0]), None))),
        ("lastIndexOf", 2) => int_arg(interp, args, 1)
            .map(|f| Value::int_or_long(jstr::last_index_of(s, &to_display(&args[0]), Some(f)))),
        ("substring", 1) => int_arg(interp, args, 0)
            .and_then(|b| jstr::substring(s, b, None).map(Value::str).map_err(jerr)),
        ("substring" | "subSequence", 2) => match (int_arg(interp, args, 0), int_arg(interp, args, 1)) {
            (Ok(b), Ok(e)) => jstr::substring(s, b, Some(e)).map(Value::str).map_err(jerr),
            (Err(f), _) | (_, Err(f)) => Err(f),
        },
        ("charAt", 1) => int_arg(interp, args, 0).and_then(|i| jstr::char_at(s, i).map(Value::Char).map_err(jerr)),
        ("getAt", 1) => crate::eval::props::string_get_at(s, &args[0]),
        ("concat", 1) => Ok(Value::string(format!("{s}{}", to_display(&args[0])))),
        ("plus", 1) => interp.plus(recv.clone(), args[0].clone()),
        ("minus", 1) => interp.binary(crate::syntax::ast::BinaryOp::Sub, recv.clone(), args[0].clone()),
        ("multiply", 1) => interp.binary(crate::syntax::ast::BinaryOp::Mul, recv.clone(), args[0].clone()),
        ("replace", 2) => Ok(Value::string(jstr::replace_literal(s, &to_display(&args[0]), &to_display(&args[1])))),
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
        ("tokenize", 0) => Ok(strings(jstr::tokenize(s, None))),
        ("tokenize", 1) => Ok(strings(jstr::tokenize(s, Some(&to_display(&args[0]))))),
        ("padLeft" | "padRight" | "center", 1 | 2) => int_arg(interp, args, 0).and_then(|n| {
            let fill = args.get(1).map_or_else(|| " ".to_string(), to_display);
            match name {
                "padLeft" => jstr::pad_left(s, n, &fill),
                "padRight" => jstr::pad_right(s, n, &fill),
                _ => jstr::center(s, n, &fill),
            }
            .map(Value::string)
            .map_err(jerr)
        }),
        ("repeat", 1) => int_arg(interp, args, 0).and_then(|n| {
            if n < 0 {
                return bad_arg(format!("count is negative: {n}"));
            }
            interp.binary(crate::syntax::ast::BinaryOp::Mul, recv.clone(), Value::int_or_long(n))
        }),
        ("reverse", 0) => Ok(Value::string(jstr::reverse(s))),
        ("readLines", 0) | ("lines", 0) => Ok(Value::list(jstr::read_lines(s).into_iter().map(Value::str).collect())),
        ("eachLine", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(super::no_method(recv, name, args));
            };
            let mut last = Value::Null;
            for (i, l) in jstr::read_lines(s).into_iter().enumerate() {
                let a = if crate::eval::interp::closure_arity(&c) == Some(2) {
                    vec![Value::str(l), Value::int(i as i32)]
                } else {
                    vec![Value::str(l)]
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
            for l in jstr::read_lines(s) {
                let parts = match super::misc::split(interp, l, &args[0], 0) {
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
        // On a String, JDK 15+'s String.stripIndent() wins over Groovy's; a GString gets
        // Groovy's.
        ("stripIndent", 0) if matches!(recv, Value::Str(_)) => Ok(Value::string(jdk_strip_indent(s))),
        ("stripIndent", 0) => Ok(Value::string(jstr::strip_indent(s))),
        ("stripIndent", 1) => int_arg(interp, args, 0).map(|n| Value::string(jstr::strip_indent_by(s, n))),
        ("format", _) if !args.is_empty() => {
            // `'x %s'.format('y')` is the static String.format('y'): the receiver is ignored.
            super::misc::format_values(interp, &to_display(&args[0]), &args[1..]).map(Value::string)
        }
        ("stripMargin", 0) => Ok(Value::string(jstr::strip_margin(s, '|'))),
        ("stripMargin", 1) => Ok(Value::string(jstr::strip_margin(
            s,
            to_display(&args[0]).chars().next().unwrap_or('|'),
        ))),
        ("denormalize", 0) => Ok(Value::string(jstr::read_lines(s).join("\n"))),
        ("normalize", 0) => Ok(Value::string(jstr::normalize(s))),
        ("toInteger", 0) => num::string_to_integer(s).map(Value::Num).map_err(num_err),
        ("toLong", 0) => num::string_to_long(s).map(Value::Num).map_err(num_err),
        ("toDouble", 0) => num::string_to_double(s).map(Value::Num).map_err(num_err),
        ("toFloat", 0) => num::string_to_float(s).map(Value::Num).map_err(num_err),
        ("toBigDecimal", 0) => num::string_to_big_decimal(s).map(Value::Num).map_err(num_err),
        ("toBigInteger", 0) => num::string_to_big_integer(s).map(Value::Num).map_err(num_err),
        ("toBoolean", 0) => Ok(Value::Bool(jstr::to_boolean(s))),
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
                .map_err(crate::eval::ops::regex_err),
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
        ("take", 1) => int_arg(interp, args, 0).map(|n| Value::str(jstr::take(s, n))),
        ("drop", 1) => int_arg(interp, args, 0).map(|n| Value::str(jstr::drop(s, n))),
        ("takeWhile", 1) | ("dropWhile", 1) => {
            let Some(c) = last_closure(args) else {
                return Some(super::no_method(recv, name, args));
            };
            let chars: Vec<char> = s.chars().collect();
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
        ("asType", 1) => return None,
        ("expand", 0) => Ok(Value::string(jstr::expand_tabs(s, 8))),
        ("expand", 1) => int_arg(interp, args, 0).map(|n| Value::string(jstr::expand_tabs(s, n.max(1) as usize))),
        ("contentEquals", 1) => Ok(Value::Bool(s == to_display(&args[0]))),
        ("codePointAt", 1) => int_arg(interp, args, 0)
            .and_then(|i| jstr::char_at(s, i).map(|c| Value::int(c as i32)).map_err(jerr)),
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

/// JDK 15+'s `String.stripIndent()`: a string ending in a line break keeps its indentation;
/// otherwise the smallest indentation of the non-blank lines (and of a blank last line) is
/// removed; trailing spaces go; line breaks become `\n`.
pub fn jdk_strip_indent(s: &str) -> String {
    if s.is_empty() {
        return String::new();
    }
    let opt_out = s.ends_with('\n') || s.ends_with('\r');
    let lines: Vec<&str> = jstr::read_lines(s);
    let first_non_ws = |l: &str| {
        l.chars()
            .take_while(|c| jstr::java_is_whitespace(*c))
            .count()
    };
    let outdent = if opt_out {
        0
    } else {
        let mut o = usize::MAX;
        for l in &lines {
            let lead = first_non_ws(l);
            if lead != l.chars().count() {
                o = o.min(lead);
            }
        }
        if let Some(last) = lines.last() {
            if jstr::is_all_whitespace(last) {
                o = o.min(last.chars().count());
            }
        }
        if o == usize::MAX {
            0
        } else {
            o
        }
    };
    let body: Vec<String> = lines
        .iter()
        .map(|l| {
            let chars: Vec<char> = l.chars().collect();
            let first = first_non_ws(l);
            let last = chars.len()
                - chars
                    .iter()
                    .rev()
                    .take_while(|c| jstr::java_is_whitespace(**c))
                    .count();
            if first >= last {
                String::new()
            } else {
                chars[first.min(outdent)..last].iter().collect()
            }
        })
        .collect();
    let mut out = body.join("\n");
    if opt_out {
        out.push('\n');
    }
    out
}

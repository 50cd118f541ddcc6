//! Static members of JDK classes (`Integer.parseInt`, `Math.max`, `String.format`,
//! `Collections.sort`…) and constructors of built-in classes.

use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};
use parking_lot::Mutex;

use super::{arg, int_arg, no_method, str_arg};
use crate::eval::error::{throw, R};
use crate::eval::interp::Interp;
use crate::eval::num::Num;
use crate::eval::ops::{compare_values, num_err};
use crate::eval::value::{
    to_display, ClassRef, HKey, ListKind, ListObj, MapKind, MapObj, SetKind, Value,
};
use crate::syntax::Span;

fn dbl(x: f64) -> Value {
    Value::Num(Num::Double(x))
}

fn f64_arg(args: &[Value], i: usize) -> f64 {
    match args.get(i) {
        Some(Value::Num(n)) => n.to_f64(),
        _ => 0.0,
    }
}

/// `Class.NAME` constants.
pub fn static_property(_interp: &Interp, class: &str, name: &str) -> Option<R<Value>> {
    let v = match (class, name) {
        ("java.lang.Integer", "MAX_VALUE") => Value::int(i32::MAX),
        ("java.lang.Integer", "MIN_VALUE") => Value::int(i32::MIN),
        ("java.lang.Long", "MAX_VALUE") => Value::long(i64::MAX),
        ("java.lang.Long", "MIN_VALUE") => Value::long(i64::MIN),
        ("java.lang.Short", "MAX_VALUE") => Value::int(i16::MAX as i32),
        ("java.lang.Short", "MIN_VALUE") => Value::int(i16::MIN as i32),
        ("java.lang.Byte", "MAX_VALUE") => Value::int(i8::MAX as i32),
        ("java.lang.Byte", "MIN_VALUE") => Value::int(i8::MIN as i32),
        ("java.lang.Double", "MAX_VALUE") => dbl(f64::MAX),
        ("java.lang.Double", "MIN_VALUE") => dbl(f64::from_bits(1)),
        ("java.lang.Double", "POSITIVE_INFINITY") => dbl(f64::INFINITY),
        ("java.lang.Double", "NEGATIVE_INFINITY") => dbl(f64::NEG_INFINITY),
        ("java.lang.Double", "NaN") => dbl(f64::NAN),
        ("java.lang.Math", "PI") => dbl(std::f64::consts::PI),
        ("java.lang.Math", "E") => dbl(std::f64::consts::E),
        ("java.lang.Boolean", "TRUE") => Value::Bool(true),
        ("java.lang.Boolean", "FALSE") => Value::Bool(false),
        ("java.math.BigDecimal", "ROUND_UP") => Value::int(0),
        ("java.math.BigDecimal", "ROUND_DOWN") => Value::int(1),
        ("java.math.BigDecimal", "ROUND_CEILING") => Value::int(2),
        ("java.math.BigDecimal", "ROUND_FLOOR") => Value::int(3),
        ("java.math.BigDecimal", "ROUND_HALF_UP") => Value::int(4),
        ("java.math.BigDecimal", "ROUND_HALF_DOWN") => Value::int(5),
        ("java.math.BigDecimal", "ROUND_HALF_EVEN") => Value::int(6),
        ("java.math.BigDecimal", "ROUND_UNNECESSARY") => Value::int(7),
        ("java.math.BigDecimal", "ZERO") => Value::Num(Num::parse_big_decimal("0").ok()?),
        ("java.math.BigDecimal", "ONE") => Value::Num(Num::parse_big_decimal("1").ok()?),
        ("java.math.BigDecimal", "TEN") => Value::Num(Num::parse_big_decimal("10").ok()?),
        ("java.math.RoundingMode", m) => {
            let idx = [
                "UP",
                "DOWN",
                "CEILING",
                "FLOOR",
                "HALF_UP",
                "HALF_DOWN",
                "HALF_EVEN",
                "UNNECESSARY",
            ]
            .iter()
            .position(|x| *x == m)?;
            Value::int(idx as i32)
        }
        ("java.lang.System", "out" | "err") => Value::Native(Arc::new(PrintStream)),
        ("java.util.Collections", "EMPTY_LIST") => Value::list(Vec::new()),
        ("java.util.Collections", "EMPTY_MAP") => Value::map(IndexMap::new()),
        ("java.io.File", "separator") => Value::str("/"),
        ("java.io.File", "pathSeparator") => Value::str(":"),
        _ => return None,
    };
    Some(Ok(v))
}

/// `System.out`: `println`/`print` write to the script's output.
pub struct PrintStream;

impl crate::eval::value::NativeObject for PrintStream {
    fn class_name(&self) -> String {
        "java.io.PrintStream".into()
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        match (name, args) {
            ("println", []) => interp.print("\n"),
            ("println", [x]) => interp.print(&format!("{}\n", to_display(x))),
            ("print", [x]) => interp.print(&to_display(x)),
            ("printf" | "format", [fmt, rest @ ..]) => {
                return Some(
                    super::misc::format_values(interp, &to_display(fmt), rest).map(|s| {
                        interp.print(&s);
                        Value::Null
                    }),
                )
            }
            ("flush", []) => {}
            _ => return None,
        }
        Some(Ok(Value::Null))
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

fn radix_arg(interp: &Interp, args: &[Value]) -> R<u32> {
    if args.len() > 1 {
        Ok(int_arg(interp, args, 1)?.clamp(2, 36) as u32)
    } else {
        Ok(10)
    }
}

fn to_radix(mut n: i64, radix: u32) -> String {
    if n == 0 {
        return "0".into();
    }
    let neg = n < 0;
    let mut digits = Vec::new();
    while n != 0 {
        let d = (n % radix as i64).unsigned_abs() as u32;
        digits.push(std::char::from_digit(d, radix).unwrap_or('?'));
        n /= radix as i64;
    }
    if neg {
        digits.push('-');
    }
    digits.iter().rev().collect()
}

/// Static methods of built-in classes.
#[allow(clippy::too_many_lines)]
pub fn static_method(
    interp: &Interp,
    c: &Arc<ClassRef>,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let ClassRef::Builtin(class) = &**c else {
        return class_object_method(c, name, args);
    };
    let r: R<Value> = match (*class, name, args.len()) {
        ("java.lang.Integer", "parseInt" | "valueOf", 1 | 2) => {
            if let (Some(Value::Num(n)), "valueOf") = (args.first(), name) {
                return Some(Ok(Value::int(n.to_i32())));
            }
            let s = to_display(&args[0]);
            radix_arg(interp, args)
                .and_then(|r| Num::parse_int(&s, r).map(Value::int).map_err(num_err))
        }
        ("java.lang.Long", "parseLong" | "valueOf", 1 | 2) => {
            if let (Some(Value::Num(n)), "valueOf") = (args.first(), name) {
                return Some(Ok(Value::long(n.to_i64())));
            }
            let s = to_display(&args[0]);
            radix_arg(interp, args)
                .and_then(|r| Num::parse_long(&s, r).map(Value::long).map_err(num_err))
        }
        ("java.lang.Double", "parseDouble" | "valueOf", 1) => match &args[0] {
            Value::Num(n) => Ok(dbl(n.to_f64())),
            other => Num::parse_double(&to_display(other))
                .map(dbl)
                .map_err(num_err),
        },
        ("java.lang.Float", "parseFloat" | "valueOf", 1) => {
            Num::parse_double(&to_display(&args[0]))
                .map(|d| Value::Num(Num::Float(d as f32)))
                .map_err(num_err)
        }
        ("java.lang.Boolean", "parseBoolean", 1) => Ok(Value::Bool(
            str_arg(args, 0).is_some_and(|s| s.eq_ignore_ascii_case("true")),
        )),
        ("java.lang.Boolean", "valueOf", 1) => Ok(Value::Bool(match &args[0] {
            Value::Bool(b) => *b,
            other => to_display(other).eq_ignore_ascii_case("true"),
        })),
        ("java.lang.Integer" | "java.lang.Long", "toString", 1 | 2) => {
            let n = match &args[0] {
                Value::Num(n) => n.to_i64(),
                _ => return Some(no_method(&Value::Class(c.clone()), name, args)),
            };
            radix_arg(interp, args).map(|r| Value::string(to_radix(n, r)))
        }
        (
            "java.lang.Integer" | "java.lang.Long",
            "toHexString" | "toBinaryString" | "toOctalString",
            1,
        ) => {
            let n = match &args[0] {
                Value::Num(n) => n.to_i64(),
                _ => 0,
            };
            let bits: u64 = if *class == "java.lang.Integer" {
                n as i32 as u32 as u64
            } else {
                n as u64
            };
            Ok(Value::string(match name {
                "toHexString" => format!("{bits:x}"),
                "toBinaryString" => format!("{bits:b}"),
                _ => format!("{bits:o}"),
            }))
        }
        ("java.lang.Integer" | "java.lang.Long", "max" | "min", 2)
        | ("java.lang.Math", "max" | "min", 2) => {
            let (a, b) = (arg(args, 0), arg(args, 1));
            crate::eval::ops::compare(interp, &a, &b).map(|o| {
                let pick_a = if name == "max" {
                    o != std::cmp::Ordering::Less
                } else {
                    o != std::cmp::Ordering::Greater
                };
                let (x, y) = (a.clone(), b.clone());
                // Math.max promotes to the wider type of the two.
                match (&x, &y) {
                    (Value::Num(p), Value::Num(q)) if p.class_name() != q.class_name() => {
                        let wide = |v: &Num| match (p, q) {
                            (Num::Double(_), _) | (_, Num::Double(_)) => Num::Double(v.to_f64()),
                            (Num::Float(_), _) | (_, Num::Float(_)) => {
                                Num::Float(v.to_f64() as f32)
                            }
                            (Num::Long(_), _) | (_, Num::Long(_)) => Num::Long(v.to_i64()),
                            _ => v.clone(),
                        };
                        Value::Num(wide(if pick_a { p } else { q }))
                    }
                    _ => {
                        if pick_a {
                            x
                        } else {
                            y
                        }
                    }
                }
            })
        }
        ("java.lang.Integer" | "java.lang.Long", "compare", 2) => {
            crate::eval::ops::compare(interp, &args[0], &args[1]).map(|o| Value::int(o as i32))
        }
        ("java.lang.Integer", "signum", 1) => Ok(Value::int(match &args[0] {
            Value::Num(n) => n.to_i64().signum() as i32,
            _ => 0,
        })),
        ("java.lang.Math", "abs", 1) => match &args[0] {
            Value::Num(n) => {
                if n.compare(&Num::Int(0)) == std::cmp::Ordering::Less {
                    n.neg().map(Value::Num).map_err(num_err)
                } else {
                    Ok(args[0].clone())
                }
            }
            _ => Ok(args[0].clone()),
        },
        ("java.lang.Math", "pow", 2) => Ok(dbl(f64_arg(args, 0).powf(f64_arg(args, 1)))),
        ("java.lang.Math", "sqrt", 1) => Ok(dbl(f64_arg(args, 0).sqrt())),
        ("java.lang.Math", "cbrt", 1) => Ok(dbl(f64_arg(args, 0).cbrt())),
        ("java.lang.Math", "floor", 1) => Ok(dbl(f64_arg(args, 0).floor())),
        ("java.lang.Math", "ceil", 1) => Ok(dbl(f64_arg(args, 0).ceil())),
        ("java.lang.Math", "log", 1) => Ok(dbl(f64_arg(args, 0).ln())),
        ("java.lang.Math", "log10", 1) => Ok(dbl(f64_arg(args, 0).log10())),
        ("java.lang.Math", "exp", 1) => Ok(dbl(f64_arg(args, 0).exp())),
        ("java.lang.Math", "random", 0) => Ok(dbl(pseudo_random())),
        ("java.lang.Math", "round", 1) => match &args[0] {
            Value::Num(Num::Float(f)) => Ok(Value::int((f64::from(*f) + 0.5).floor() as i32)),
            Value::Num(n) => Ok(Value::long((n.to_f64() + 0.5).floor() as i64)),
            _ => Ok(Value::long(0)),
        },
        ("java.lang.String", "valueOf", 1) => Ok(Value::string(to_display(&args[0]))),
        ("java.lang.String", "format", _) if !args.is_empty() => {
            super::misc::format_values(interp, &to_display(&args[0]), &args[1..]).map(Value::string)
        }
        ("java.lang.String", "join", _) if !args.is_empty() => {
            let sep = to_display(&args[0]);
            let parts: Vec<Value> = match &args[1..] {
                [single @ (Value::List(_) | Value::Set(_))] => match interp.iterate(single, span) {
                    Ok(v) => v,
                    Err(f) => return Some(Err(f)),
                },
                rest => rest.to_vec(),
            };
            Ok(Value::string(
                parts.iter().map(to_display).collect::<Vec<_>>().join(&sep),
            ))
        }
        ("java.lang.System", "currentTimeMillis", 0) => Ok(Value::long(now_millis())),
        ("java.lang.System", "nanoTime", 0) => Ok(Value::long(now_nanos())),
        ("java.lang.System", "getenv", 1) => {
            Ok(std::env::var(to_display(&args[0])).map_or(Value::Null, Value::string))
        }
        ("java.lang.System", "getenv", 0) => {
            let mut m = IndexMap::new();
            for (k, v) in std::env::vars() {
                m.insert(HKey(Value::string(k)), Value::string(v));
            }
            Ok(Value::map(m))
        }
        ("java.lang.System", "getProperty", 1 | 2) => Ok(match to_display(&args[0]).as_str() {
            "line.separator" => Value::str("\n"),
            "file.separator" => Value::str("/"),
            "os.name" => Value::str("Linux"),
            "user.dir" => std::env::current_dir()
                .map_or(Value::Null, |p| Value::string(p.display().to_string())),
            _ => arg(args, 1),
        }),
        ("java.lang.System", "lineSeparator", 0) => Ok(Value::str("\n")),
        ("java.lang.Thread", "sleep", 1) => super::misc::sleep_ms(interp, &args[0]),
        (
            "java.lang.Character",
            "isDigit" | "isLetter" | "isWhitespace" | "isUpperCase" | "isLowerCase"
            | "isLetterOrDigit",
            1,
        ) => {
            let ch = match &args[0] {
                Value::Char(c) => *c,
                other => to_display(other).chars().next().unwrap_or('\0'),
            };
            Ok(Value::Bool(match name {
                "isDigit" => ch.is_ascii_digit(),
                "isLetter" => ch.is_alphabetic(),
                "isWhitespace" => ch.is_whitespace(),
                "isUpperCase" => ch.is_uppercase(),
                "isLowerCase" => ch.is_lowercase(),
                _ => ch.is_alphanumeric(),
            }))
        }
        ("java.util.Collections", "sort", 1 | 2) => {
            let target = args[0].clone();
            let rest: Vec<Value> = args[1..].to_vec();
            super::collection::collection_method(interp, &target, "sort", &rest, span)?
                .map(|_| Value::Null)
        }
        ("java.util.Collections", "reverse", 1) => {
            if let Value::List(l) = &args[0] {
                l.items.lock().reverse();
            }
            Ok(Value::Null)
        }
        ("java.util.Collections", "max" | "min", 1) => {
            super::collection::collection_method(interp, &args[0], name, &[], span)?
        }
        ("java.util.Collections", "emptyList", 0) => Ok(Value::list(Vec::new())),
        ("java.util.Collections", "emptyMap", 0) => Ok(Value::map(IndexMap::new())),
        ("java.util.Collections", "emptySet", 0) => {
            Ok(Value::set(IndexSet::new(), SetKind::LinkedHash))
        }
        ("java.util.Collections", "singletonList" | "singleton", 1) => {
            Ok(Value::list(vec![args[0].clone()]))
        }
        ("java.util.Collections", "unmodifiableList", 1) => match interp.iterate(&args[0], span) {
            Ok(v) => Ok(Value::List(Arc::new(ListObj {
                kind: ListKind::Immutable,
                items: Mutex::new(v),
            }))),
            Err(f) => Err(f),
        },
        ("java.util.Collections", "unmodifiableMap", 1) => match &args[0] {
            Value::Map(m) => Ok(Value::Map(Arc::new(MapObj {
                kind: MapKind::Immutable,
                map: Mutex::new(m.map.lock().clone()),
                default: Mutex::new(None),
            }))),
            other => Ok(other.clone()),
        },
        ("java.util.Collections", "nCopies", 2) => match int_arg(interp, args, 0) {
            Ok(n) => Ok(Value::list(vec![
                args[1].clone();
                n.clamp(0, 1 << 24) as usize
            ])),
            Err(f) => Err(f),
        },
        ("java.util.Arrays", "asList", _) => Ok(Value::list(match args {
            [Value::List(l)] if l.is_array() => l.snapshot(),
            _ => args.to_vec(),
        })),
        ("java.util.Arrays", "toString", 1) => Ok(Value::string(to_display(&args[0]))),
        ("java.util.Arrays", "sort", 1) => {
            if let Value::List(l) = &args[0] {
                let mut v = l.snapshot();
                if let Err(f) =
                    super::collection::sort_values(&mut v, |a, b| compare_values(interp, a, b))
                {
                    return Some(Err(f));
                }
                *l.items.lock() = v;
            }
            Ok(Value::Null)
        }
        ("java.util.Objects", "equals", 2) => {
            crate::eval::ops::groovy_equals(interp, &args[0], &args[1]).map(Value::Bool)
        }
        ("java.util.Objects", "isNull", 1) => Ok(Value::Bool(args[0].is_null())),
        ("java.util.Objects", "nonNull", 1) => Ok(Value::Bool(!args[0].is_null())),
        ("java.util.Objects", "toString", 1 | 2) => Ok(if args[0].is_null() && args.len() == 2 {
            args[1].clone()
        } else {
            Value::string(to_display(&args[0]))
        }),
        ("java.util.Objects", "requireNonNull", 1 | 2) => {
            if args[0].is_null() {
                Err(crate::eval::error::exception(
                    "java.lang.NullPointerException",
                    args.get(1).map(to_display),
                ))
            } else {
                Ok(args[0].clone())
            }
        }
        ("java.util.Objects", "hash", _) => Ok(Value::int(args.iter().fold(1i32, |h, v| {
            h.wrapping_mul(31)
                .wrapping_add(crate::eval::value::java_hash(v))
        }))),
        ("java.util.regex.Pattern", "compile", 1) => interp
            .compile_regex(&to_display(&args[0]))
            .map(Value::Pattern),
        ("java.util.regex.Pattern", "matches", 2) => {
            match interp.compile_regex(&to_display(&args[0])) {
                Ok(re) => re
                    .full_match(&to_display(&args[1]))
                    .map(Value::Bool)
                    .map_err(|e| crate::eval::error::exception(e.class, Some(e.message))),
                Err(f) => Err(f),
            }
        }
        ("java.util.regex.Pattern", "quote", 1) => {
            Ok(Value::string(format!("\\Q{}\\E", to_display(&args[0]))))
        }
        ("java.util.UUID", "randomUUID", 0) => Ok(Value::string(random_uuid())),
        ("groovy.json.JsonOutput", "toJson", 1) => {
            super::json::to_json(interp, &args[0]).map(Value::string)
        }
        ("groovy.json.JsonOutput", "prettyPrint", 1) => {
            super::json::pretty_print(&to_display(&args[0])).map(Value::string)
        }
        (_, "valueOf", 1) if class.starts_with("java.math.") => {
            Num::parse_big_decimal(&to_display(&args[0]))
                .map(Value::Num)
                .map_err(num_err)
        }
        _ => {
            if let Some(r) = super::date::static_method(class, name, args) {
                return Some(r);
            }
            return class_object_method(c, name, args);
        }
    };
    Some(r)
}

/// Methods of `java.lang.Class` itself (`String.getName()`…).
fn class_object_method(c: &Arc<ClassRef>, name: &str, args: &[Value]) -> Option<R<Value>> {
    let r = match (name, args) {
        ("getName" | "getCanonicalName" | "getTypeName", []) => Ok(Value::string(c.name())),
        ("getSimpleName", []) => Ok(Value::string(c.simple_name())),
        ("isInstance", [v]) => Ok(Value::Bool(match &**c {
            ClassRef::User(info) => crate::eval::class::instance_of_name(v, &info.name, Some(info)),
            other => crate::eval::class::instance_of_name(v, &other.name(), None),
        })),
        ("isAssignableFrom", [Value::Class(o)]) => Ok(Value::Bool(
            crate::eval::class::builtin_ancestry(&o.name())
                .iter()
                .any(|n| *n == c.name()),
        )),
        ("newInstance", []) => return None,
        ("toString", []) => Ok(Value::string(to_display(&Value::Class(c.clone())))),
        ("values", []) => match &**c {
            ClassRef::User(info) if info.def.is_enum => Ok(Value::list(Vec::new())),
            _ => return None,
        },
        _ => return None,
    };
    Some(r)
}

fn now_millis() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
}

fn now_nanos() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i64)
}

fn pseudo_random() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_i64(now_nanos());
    (h.finish() >> 11) as f64 / (1u64 << 53) as f64
}

fn random_uuid() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut parts = [0u64; 2];
    for (i, p) in parts.iter_mut().enumerate() {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_i64(now_nanos() + i as i64);
        *p = h.finish();
    }
    let hex = format!("{:016x}{:016x}", parts[0], parts[1]);
    format!(
        "{}-{}-4{}-a{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[13..16],
        &hex[17..20],
        &hex[20..32]
    )
}

/// `new X(args)` for the built-in classes scripts instantiate.
pub fn construct_builtin(interp: &Interp, class: &str, args: Vec<Value>, span: Span) -> R<Value> {
    let list_kind = |k: ListKind, args: &[Value]| -> R<Value> {
        let items = match args.first() {
            Some(v @ (Value::List(_) | Value::Set(_) | Value::Range(_))) => {
                interp.iterate(v, span)?
            }
            _ => Vec::new(),
        };
        Ok(Value::List(Arc::new(ListObj {
            kind: k,
            items: Mutex::new(items),
        })))
    };
    let map_kind = |k: MapKind, args: &[Value]| -> Value {
        let mut entries = match args.first() {
            Some(Value::Map(m)) => m.map.lock().clone(),
            _ => IndexMap::new(),
        };
        if k == MapKind::Tree {
            entries.sort_by(|a, _, b, _| crate::eval::ops::compare_for_sort(&a.0, &b.0));
        }
        Value::Map(Arc::new(MapObj {
            kind: k,
            map: Mutex::new(entries),
            default: Mutex::new(None),
        }))
    };
    let set_kind = |k: SetKind, args: &[Value]| -> R<Value> {
        let s = Value::set(IndexSet::new(), k);
        if let (Value::Set(so), Some(v @ (Value::List(_) | Value::Set(_) | Value::Range(_)))) =
            (&s, args.first())
        {
            for x in interp.iterate(v, span)? {
                so.insert(x);
            }
        }
        Ok(s)
    };
    match class {
        "java.util.ArrayList" | "java.util.Vector" | "java.util.Stack" => {
            list_kind(ListKind::ArrayList, &args)
        }
        "java.util.LinkedList" => list_kind(ListKind::LinkedList, &args),
        "java.util.HashMap" => Ok(map_kind(MapKind::Hash, &args)),
        "java.util.LinkedHashMap" | "java.util.concurrent.ConcurrentHashMap" => {
            Ok(map_kind(MapKind::Linked, &args))
        }
        "java.util.TreeMap" => Ok(map_kind(MapKind::Tree, &args)),
        "java.util.HashSet" => set_kind(SetKind::Hash, &args),
        "java.util.LinkedHashSet" => set_kind(SetKind::LinkedHash, &args),
        "java.util.TreeSet" => set_kind(SetKind::Tree, &args),
        "java.lang.StringBuilder" | "java.lang.StringBuffer" => {
            let s = match args.first() {
                Some(Value::Num(_)) | None => String::new(),
                Some(v) => to_display(v),
            };
            Ok(Value::Builder(Arc::new(Mutex::new(s))))
        }
        "java.lang.String" => Ok(match args.first() {
            None => Value::str(""),
            Some(Value::List(l)) if l.kind == ListKind::Array("byte") => {
                let bytes: Vec<u8> = l
                    .snapshot()
                    .iter()
                    .map(|v| match v {
                        Value::Num(n) => n.to_i64() as u8,
                        _ => b'?',
                    })
                    .collect();
                Value::string(String::from_utf8_lossy(&bytes).into_owned())
            }
            Some(Value::List(l)) => Value::string(
                l.snapshot()
                    .iter()
                    .map(|v| match v {
                        Value::Char(c) => c.to_string(),
                        Value::Num(n) => char::from_u32(n.to_i64() as u32 & 0xff)
                            .map(String::from)
                            .unwrap_or_default(),
                        other => to_display(other),
                    })
                    .collect::<String>(),
            ),
            Some(v) => Value::string(to_display(v)),
        }),
        "java.lang.Integer"
        | "java.lang.Long"
        | "java.math.BigDecimal"
        | "java.math.BigInteger"
        | "java.lang.Double"
        | "java.lang.Float" => {
            let ty = crate::syntax::ast::TypeRef {
                name: class.to_string(),
                generics: Vec::new(),
                array_dims: 0,
                span,
            };
            interp.as_type(arg(&args, 0), &ty)
        }
        "java.lang.Object" => Ok(Value::Native(Arc::new(PlainObject))),
        "groovy.json.JsonSlurper" => Ok(Value::Native(Arc::new(super::json::Slurper {
            classic: false,
        }))),
        "groovy.json.JsonSlurperClassic" => Ok(Value::Native(Arc::new(super::json::Slurper {
            classic: true,
        }))),
        "java.lang.Boolean" => Ok(Value::Bool(match args.first() {
            Some(Value::Bool(b)) => *b,
            Some(v) => to_display(v).eq_ignore_ascii_case("true"),
            None => false,
        })),
        "java.util.Date" | "java.text.SimpleDateFormat" => {
            match super::date::construct(class, &args) {
                Some(r) => r,
                None => throw(
                    "groovy.lang.GroovyRuntimeException",
                    format!("Could not find matching constructor for: {class}"),
                ),
            }
        }
        "java.io.File" => throw(
            "org.jenkinsci.plugins.scriptsecurity.sandbox.RejectedAccessException",
            "Scripts not permitted to use new java.io.File java.lang.String",
        ),
        _ => throw(
            "groovy.lang.GroovyRuntimeException",
            format!("unable to resolve class {class}"),
        ),
    }
}

/// `new Object()`.
pub struct PlainObject;

impl crate::eval::value::NativeObject for PlainObject {
    fn class_name(&self) -> String {
        "java.lang.Object".into()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

//! Static members of JDK classes (`Integer.parseInt`, `Math.max`, `String.format`,
//! `Collections.sort`…) and constructors of built-in classes.

use std::sync::Arc;

use indexmap::{IndexMap, IndexSet};
use parking_lot::Mutex;

use super::{arg, int_arg, str_arg};
use crate::eval::error::{throw, R};
use crate::eval::interp::Interp;
use crate::eval::num::{Num, StaticArg};
use crate::eval::ops::{compare_values, num_err};
use crate::eval::value::{
    to_display, ClassRef, HKey, ListKind, ListObj, MapKind, MapObj, SetKind, Value,
};
use crate::syntax::Span;

fn dbl(x: f64) -> Value {
    Value::Num(Num::Double(x))
}

/// `Class.NAME` constants.
pub fn static_property(_interp: &Interp, class: &str, name: &str) -> Option<R<Value>> {
    if let Some(n) = crate::eval::num::static_field(class, name) {
        return Some(Ok(Value::Num(n)));
    }
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
        ("java.lang.String", "CASE_INSENSITIVE_ORDER") => Value::Native(Arc::new(ComparatorObj {
            kind: ComparatorKind::CaseInsensitive,
        })),
        ("java.util.regex.Pattern", f) => Value::int(match f {
            "UNIX_LINES" => 1,
            "CASE_INSENSITIVE" => 2,
            "COMMENTS" => 4,
            "MULTILINE" => 8,
            "LITERAL" => 16,
            "DOTALL" => 32,
            "UNICODE_CASE" => 64,
            _ => return None,
        }),
        ("groovy.lang.Closure", "OWNER_FIRST") => Value::int(0),
        ("groovy.lang.Closure", "DELEGATE_FIRST") => Value::int(1),
        ("groovy.lang.Closure", "OWNER_ONLY") => Value::int(2),
        ("groovy.lang.Closure", "DELEGATE_ONLY") => Value::int(3),
        ("groovy.lang.Closure", "TO_SELF") => Value::int(4),
        ("java.util.Collections", "EMPTY_LIST") => Value::list(Vec::new()),
        ("java.util.Collections", "EMPTY_MAP") => Value::map(IndexMap::new()),
        ("java.io.File", "separator") => Value::str("/"),
        ("java.io.File", "pathSeparator") => Value::str(":"),
        _ => return None,
    };
    Some(Ok(v))
}

/// `Math.addExact` and friends: int/long arithmetic that throws on overflow.
fn exact_math(class: &str, name: &str, args: &[Value]) -> Option<R<Value>> {
    if class != "java.lang.Math" {
        return None;
    }
    let (a, b) = match args {
        [Value::Num(a)] => (a, None),
        [Value::Num(a), Value::Num(b)] => (a, Some(b)),
        _ => return None,
    };
    let long = matches!(a, Num::Long(_)) || matches!(b, Some(Num::Long(_)));
    let (x, y) = (a.to_i64(), b.map_or(0, Num::to_i64));
    let r: Option<i64> = match (name, b.is_some()) {
        ("addExact", true) => x.checked_add(y),
        ("subtractExact", true) => x.checked_sub(y),
        ("multiplyExact", true) => x.checked_mul(y),
        ("negateExact", false) => x.checked_neg(),
        ("incrementExact", false) => x.checked_add(1),
        ("decrementExact", false) => x.checked_sub(1),
        ("toIntExact", false) => {
            return Some(match i32::try_from(x) {
                Ok(i) => Ok(Value::int(i)),
                Err(_) => throw("java.lang.ArithmeticException", "integer overflow"),
            })
        }
        ("floorDiv", true) | ("floorMod", true) => {
            if y == 0 {
                return Some(throw("java.lang.ArithmeticException", "/ by zero"));
            }
            let v = if name == "floorDiv" {
                x.div_euclid(y) - i64::from(x.rem_euclid(y) != 0 && y < 0)
            } else {
                ((x % y) + y) % y
            };
            Some(v)
        }
        _ => return None,
    };
    Some(match r {
        Some(v) if long => Ok(Value::long(v)),
        Some(v) => match i32::try_from(v) {
            Ok(i) => Ok(Value::int(i)),
            Err(_) => throw("java.lang.ArithmeticException", "integer overflow"),
        },
        None => throw(
            "java.lang.ArithmeticException",
            if long {
                "long overflow"
            } else {
                "integer overflow"
            },
        ),
    })
}

/// A `java.util.Comparator` from the JDK (`String.CASE_INSENSITIVE_ORDER`,
/// `Collections.reverseOrder()`, `Comparator.naturalOrder()`).
pub struct ComparatorObj {
    pub kind: ComparatorKind,
}

#[derive(Clone, Copy)]
pub enum ComparatorKind {
    CaseInsensitive,
    Natural,
    Reverse,
}

impl ComparatorObj {
    pub fn compare(&self, interp: &Interp, a: &Value, b: &Value) -> R<std::cmp::Ordering> {
        match self.kind {
            ComparatorKind::CaseInsensitive => Ok(crate::eval::ops::java_string_cmp(
                &to_display(a).to_lowercase(),
                &to_display(b).to_lowercase(),
            )),
            ComparatorKind::Natural => compare_values(interp, a, b),
            ComparatorKind::Reverse => compare_values(interp, b, a),
        }
    }
}

impl crate::eval::value::NativeObject for ComparatorObj {
    fn class_name(&self) -> String {
        match self.kind {
            ComparatorKind::CaseInsensitive => "java.lang.String$CaseInsensitiveComparator".into(),
            ComparatorKind::Natural => "java.util.Comparators$NaturalOrderComparator".into(),
            ComparatorKind::Reverse => "java.util.Collections$ReverseComparator".into(),
        }
    }

    fn call_method(&self, interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        match (name, args) {
            ("compare", [a, b]) => Some(self.compare(interp, a, b).map(|o| Value::int(o as i32))),
            ("reversed", []) => Some(Ok(Value::Native(Arc::new(ComparatorObj {
                kind: match self.kind {
                    ComparatorKind::Reverse => ComparatorKind::Natural,
                    _ => ComparatorKind::Reverse,
                },
            })))),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
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

fn is_number_class(class: &str) -> bool {
    matches!(
        class,
        "java.lang.Integer"
            | "java.lang.Long"
            | "java.lang.Double"
            | "java.lang.Float"
            | "java.lang.Math"
            | "java.math.BigDecimal"
            | "java.math.BigInteger"
    )
}

/// An owned argument for the numeric tower's static calls.
enum OwnedArg {
    Num(Num),
    Str(String),
}

impl OwnedArg {
    fn as_arg(&self) -> StaticArg<'_> {
        match self {
            OwnedArg::Num(n) => StaticArg::Num(n),
            OwnedArg::Str(s) => StaticArg::Str(s),
        }
    }
}

/// The arguments as numbers and strings, or `None` if one is neither.
fn static_args(args: &[Value]) -> Option<Vec<OwnedArg>> {
    args.iter()
        .map(|a| match a {
            Value::Num(n) => Some(OwnedArg::Num(n.clone())),
            Value::Char(c) => Some(OwnedArg::Num(Num::Int(*c as i32))),
            Value::Str(_) | Value::GString(_) => Some(OwnedArg::Str(to_display(a))),
            _ => None,
        })
        .collect()
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
    if (*class, name, args.len()) == ("java.lang.Math", "random", 0) {
        return Some(Ok(dbl(pseudo_random())));
    }
    if let Some(r) = exact_math(class, name, args) {
        return Some(r);
    }
    if matches!(
        (*class, name, args.first()),
        (
            "java.lang.Integer" | "java.lang.Long",
            "parseInt" | "parseLong" | "valueOf",
            Some(Value::Null)
        )
    ) {
        return Some(throw(
            "java.lang.NumberFormatException",
            "Cannot parse null string",
        ));
    }
    if (*class, name) == ("java.util.regex.Pattern", "compile") && args.len() == 2 {
        let flags = match &args[1] {
            Value::Num(n) => n.to_i64(),
            _ => 0,
        };
        let mut prefix = String::new();
        for (bit, letter) in [(2, 'i'), (8, 'm'), (32, 's'), (4, 'x'), (64, 'u')] {
            if flags & bit != 0 {
                prefix.push(letter);
            }
        }
        let src = to_display(&args[0]);
        let pat = if prefix.is_empty() {
            src
        } else {
            format!("(?{prefix}){src}")
        };
        return Some(interp.compile_regex(&pat).map(Value::Pattern));
    }
    if is_number_class(class) {
        if let Some(sargs) = static_args(args) {
            let sargs: Vec<StaticArg<'_>> = sargs.iter().map(|a| a.as_arg()).collect();
            if let Some(r) = crate::eval::num::static_call(class, name, &sargs) {
                return Some(r.map(super::number::method_value).map_err(num_err));
            }
        }
    }
    let r: R<Value> = match (*class, name, args.len()) {
        ("java.lang.Boolean", "parseBoolean", 1) => Ok(Value::Bool(
            str_arg(args, 0).is_some_and(|s| s.eq_ignore_ascii_case("true")),
        )),
        ("java.lang.Boolean", "valueOf", 1) => Ok(Value::Bool(match &args[0] {
            Value::Bool(b) => *b,
            other => to_display(other).eq_ignore_ascii_case("true"),
        })),
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
        ("java.util.Collections", "reverseOrder", 0)
        | ("java.util.Comparator", "reverseOrder", 0) => {
            Ok(Value::Native(Arc::new(ComparatorObj {
                kind: ComparatorKind::Reverse,
            })))
        }
        ("java.util.Comparator", "naturalOrder", 0) => Ok(Value::Native(Arc::new(ComparatorObj {
            kind: ComparatorKind::Natural,
        }))),
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
                    .map_err(crate::eval::ops::regex_err),
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
            Ok(Value::builder(s, class == "java.lang.StringBuffer"))
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

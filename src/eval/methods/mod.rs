//! Built-in methods of values (the JDK methods and Groovy's `DefaultGroovyMethods` that
//! pipelines use), script-level functions (`println`…), static members of JDK classes and
//! their constructors.
//!
//! Each receiver family has its own file; each exposes a function returning `None` when it
//! has no method of that name, so dispatch can fall through to the methods every object has.

pub mod collection;
pub mod date;
pub mod json;
mod map;
mod misc;
mod number;
mod statics;
mod string;

use std::sync::Arc;

use super::error::{exception, throw, R};
use super::interp::Interp;
use super::value::{to_display, to_inspect, Closure, Value};
use crate::syntax::Span;

pub use misc::{match_item_value, matcher_items, regex_replace_first};
pub use statics::{construct_builtin, static_property};

/// The `i`-th argument, or null.
pub(crate) fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or(Value::Null)
}

/// The closure argument at `i`, if it is one.
pub(crate) fn closure_at(args: &[Value], i: usize) -> Option<Arc<Closure>> {
    match args.get(i) {
        Some(Value::Closure(c)) => Some(c.clone()),
        _ => None,
    }
}

/// The last argument when it is a closure.
pub(crate) fn last_closure(args: &[Value]) -> Option<Arc<Closure>> {
    match args.last() {
        Some(Value::Closure(c)) => Some(c.clone()),
        _ => None,
    }
}

pub(crate) fn int_arg(interp: &Interp, args: &[Value], i: usize) -> R<i64> {
    match args.get(i) {
        Some(v) => interp.to_index(v),
        None => throw("java.lang.IllegalArgumentException", "missing argument"),
    }
}

pub(crate) fn str_arg(args: &[Value], i: usize) -> Option<String> {
    match args.get(i) {
        Some(Value::Null) | None => None,
        Some(v) => Some(to_display(v)),
    }
}

/// Dispatches a built-in method on any value.
pub fn builtin_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let specific = match recv {
        Value::Null => return null_method(recv, name, args),
        Value::Str(_) | Value::GString(_) => string::string_method(interp, recv, name, args, span),
        Value::Num(_) => number::number_method(interp, recv, name, args, span),
        Value::List(_) | Value::Set(_) | Value::Range(_) => {
            collection::collection_method(interp, recv, name, args, span)
        }
        Value::Map(_) => map::map_method(interp, recv, name, args, span),
        Value::Class(c) => statics::static_method(interp, c, name, args, span),
        Value::Closure(_) => misc::closure_method(interp, recv, name, args, span),
        Value::Matcher(_) | Value::Pattern(_) => misc::regex_method(interp, recv, name, args, span),
        Value::Exception(_) => misc::exception_method(interp, recv, name, args, span),
        Value::Builder(_) => misc::builder_method(interp, recv, name, args, span),
        Value::MapEntry(_) => misc::entry_method(interp, recv, name, args, span),
        Value::Char(_) => misc::char_method(interp, recv, name, args, span),
        Value::Bool(_) => misc::bool_method(interp, recv, name, args, span),
        _ => None,
    };
    if specific.is_some() {
        return specific;
    }
    object_method(interp, recv, name, args, span)
}

/// Methods on `null` (Groovy's `NullObject`).
fn null_method(recv: &Value, name: &str, args: &[Value]) -> Option<R<Value>> {
    Some(Ok(match (name, args) {
        ("toString", []) => Value::str("null"),
        ("inspect", []) => Value::str("null"),
        ("equals", [x]) | ("is", [x]) => Value::Bool(x.is_null()),
        ("asBoolean", []) => Value::Bool(false),
        ("hashCode", []) => Value::int(0),
        ("getClass", []) => Value::Class(Arc::new(super::value::ClassRef::Builtin(
            "org.codehaus.groovy.runtime.NullObject",
        ))),
        ("plus", [x @ (Value::Str(_) | Value::GString(_))]) => {
            Value::string(format!("null{}", to_display(x)))
        }
        ("iterator", []) => Value::list(Vec::new()),
        ("each" | "eachWithIndex", [_]) => recv.clone(),
        ("collect" | "findAll", [_]) => Value::list(Vec::new()),
        ("find", [_]) => Value::Null,
        ("any", [_]) => Value::Bool(false),
        ("every", [_]) => Value::Bool(true),
        _ => return None,
    }))
}

/// Methods every object has (Object's and DGM's on Object).
pub fn object_method(
    interp: &Interp,
    recv: &Value,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let r = match (name, args) {
        ("toString", []) => Ok(Value::string(to_display(recv))),
        ("inspect", []) => Ok(Value::string(to_inspect(recv))),
        ("dump", []) => Ok(Value::string(format!("<{}>", recv.class_name()))),
        ("getClass", []) => Ok(super::props::class_value(recv)),
        ("hashCode", []) => Ok(Value::int(super::value::java_hash(recv))),
        ("equals", [x]) => super::ops::groovy_equals(interp, recv, x)
            .map(|b| b && !matches!((recv, x), (Value::Num(a), Value::Num(b)) if a.class_name() != b.class_name()))
            .map(Value::Bool),
        ("is", [x]) => Ok(Value::Bool(recv.same_ref(x))),
        ("asBoolean", []) => interp.truthy(recv).map(Value::Bool),
        ("with" | "identity", [Value::Closure(c)]) => {
            let c2 = with_delegate(c, recv.clone());
            interp.call_closure(&c2, vec![recv.clone()], span)
        }
        ("asType", [Value::Class(c)]) => {
            let ty = crate::syntax::ast::TypeRef {
                name: c.name(),
                generics: Vec::new(),
                array_dims: 0,
                span: Span::default(),
            };
            interp.as_type(recv.clone(), &ty)
        }
        ("println", [x]) => {
            interp.print(&format!("{}\n", to_display(x)));
            Ok(Value::Null)
        }
        ("print", [x]) => {
            interp.print(&to_display(x));
            Ok(Value::Null)
        }
        ("getProperty", [n]) => interp.get_property(recv, &to_display(n), span),
        ("setProperty", [n, v]) => interp
            .set_property(recv, &to_display(n), v.clone(), span)
            .map(|()| Value::Null),
        ("invokeMethod", [n, a]) => {
            let a = match a {
                Value::List(l) => l.snapshot(),
                Value::Null => Vec::new(),
                other => vec![other.clone()],
            };
            interp.call_method(recv, &to_display(n), a, span)
        }
        ("hasProperty", [n]) => {
            let n = to_display(n);
            Ok(Value::Bool(match recv {
                Value::Object(o) => o.fields.lock().contains_key(&n),
                Value::Map(m) => m.get_str(&n).is_some(),
                _ => false,
            }))
        }
        ("respondsTo", [n, ..]) => {
            let n = to_display(n);
            Ok(Value::Bool(match recv {
                Value::Object(o) => o.class.has_method(&n),
                _ => false,
            }))
        }
        ("getMetaClass", []) => Ok(Value::Null),
        ("iterator", []) => interp.iterate(recv, span).map(Value::list),
        ("each", [Value::Closure(c)]) => interp.call_closure(c, vec![recv.clone()], span).map(|_| recv.clone()),
        ("collect", [Value::Closure(c)]) => interp
            .call_closure(c, vec![recv.clone()], span)
            .map(|v| Value::list(vec![v])),
        ("split" | "findAll" | "find" | "any" | "every" | "eachWithIndex" | "inject" | "sum" | "grep", _)
            if !matches!(recv, Value::Object(_) | Value::Native(_)) =>
        {
            collection::collection_method(interp, &Value::list(vec![recv.clone()]), name, args, span)?
        }
        ("sleep", [ms]) => misc::sleep_ms(interp, ms),
        ("compareTo", [x]) => super::ops::compare(interp, recv, x).map(|o| Value::int(o as i32)),
        ("isCase", [x]) => interp.is_case(recv, x, span).map(Value::Bool),
        _ => return None,
    };
    Some(r)
}

/// A copy of a closure whose delegate is `d`, resolving names on it first (`with`, DSL
/// blocks: Groovy's `DELEGATE_FIRST`).
pub fn with_delegate(c: &Arc<Closure>, d: Value) -> Arc<Closure> {
    match &**c {
        Closure::Code {
            def,
            scope,
            this,
            owner,
            ..
        } => Arc::new(Closure::Code {
            def: def.clone(),
            scope: scope.clone(),
            this: this.clone(),
            delegate: parking_lot::Mutex::new(d),
            strategy: std::sync::atomic::AtomicU8::new(1),
            owner: owner.clone(),
        }),
        _ => c.clone(),
    }
}

/// Functions callable without a receiver in any script.
pub fn script_function(
    interp: &Interp,
    name: &str,
    args: &[Value],
    span: Span,
) -> Option<R<Value>> {
    let r = match (name, args) {
        ("println", []) => {
            interp.print("\n");
            Ok(Value::Null)
        }
        ("println", [x]) => {
            interp.print(&format!("{}\n", to_display(x)));
            Ok(Value::Null)
        }
        ("print", [x]) => {
            interp.print(&to_display(x));
            Ok(Value::Null)
        }
        ("printf", [fmt, rest @ ..]) => {
            misc::format_values(interp, &to_display(fmt), &spread_single_list(rest)).map(|s| {
                interp.print(&s);
                Value::Null
            })
        }
        ("sprintf", [fmt, rest @ ..]) => {
            misc::format_values(interp, &to_display(fmt), &spread_single_list(rest))
                .map(Value::string)
        }
        ("sleep", [ms]) => misc::sleep_ms(interp, ms),
        ("getBinding", []) => {
            let b = interp.ctx.binding.lock();
            let mut m = indexmap::IndexMap::new();
            for (k, v) in b.iter() {
                m.insert(super::value::HKey(Value::str(k)), v.clone());
            }
            Ok(Value::map(m))
        }
        _ => {
            let _ = span;
            return None;
        }
    };
    Some(r)
}

/// Groovy's `sprintf(format, list)` passes the list's elements as the format arguments.
fn spread_single_list(rest: &[Value]) -> Vec<Value> {
    match rest {
        [Value::List(l)] => l.snapshot(),
        _ => rest.to_vec(),
    }
}

/// A `MissingMethodException` for a call the receiver's family does not support.
pub(crate) fn no_method<T>(recv: &Value, name: &str, args: &[Value]) -> R<T> {
    Err(super::call::missing_method(recv, name, args))
}

/// An `IllegalArgumentException` for a bad argument.
pub(crate) fn bad_arg<T>(msg: impl Into<String>) -> R<T> {
    Err(exception(
        "java.lang.IllegalArgumentException",
        Some(msg.into()),
    ))
}

//! `groovy.json`: `JsonSlurper`/`JsonSlurperClassic` (parsing) and `JsonOutput` (writing),
//! with Groovy 2.4's number types and output format.

use std::sync::Arc;

use indexmap::IndexMap;

use crate::eval::error::{throw, R};
use crate::eval::interp::Interp;
use crate::eval::num::Num;
use crate::eval::value::{to_display, HKey, MapKind, MapObj, NativeObject, Value};

/// `new JsonSlurper()` / `new JsonSlurperClassic()`.
pub struct Slurper {
    pub classic: bool,
}

impl NativeObject for Slurper {
    fn class_name(&self) -> String {
        if self.classic {
            "groovy.json.JsonSlurperClassic".into()
        } else {
            "groovy.json.JsonSlurper".into()
        }
    }

    fn call_method(&self, _interp: &Interp, name: &str, args: &[Value]) -> Option<R<Value>> {
        match (name, args) {
            ("parseText" | "parse", [text]) => Some(parse_json(&to_display(text), self.classic)),
            ("setType", [_]) => Some(Ok(Value::Null)),
            _ => None,
        }
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// Parses JSON text into Groovy values. JsonSlurper's maps list their keys in sorted order
/// (as Groovy 2.4's LazyMap prints them); JsonSlurperClassic gives hash maps.
pub fn parse_json(text: &str, classic: bool) -> R<Value> {
    let v: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return throw(
                "groovy.json.JsonException",
                format!("Unable to parse JSON: {e}"),
            )
        }
    };
    Ok(from_json(&v, classic))
}

/// Converts a parsed JSON value (readJSON, JsonSlurper) into Groovy values.
pub fn from_json(v: &serde_json::Value, classic: bool) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => json_number(&n.to_string()),
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(a) => {
            Value::list(a.iter().map(|x| from_json(x, classic)).collect())
        }
        serde_json::Value::Object(o) => {
            let mut m: IndexMap<HKey, Value> = o
                .iter()
                .map(|(k, x)| (HKey(Value::str(k)), from_json(x, classic)))
                .collect();
            if classic {
                Value::Map(Arc::new(MapObj {
                    kind: MapKind::Hash,
                    map: parking_lot::Mutex::new(m),
                    default: parking_lot::Mutex::new(None),
                }))
            } else {
                m.sort_by(|a, _, b, _| crate::eval::ops::compare_for_sort(&a.0, &b.0));
                Value::Map(Arc::new(MapObj {
                    kind: MapKind::JsonLazy,
                    map: parking_lot::Mutex::new(m),
                    default: parking_lot::Mutex::new(None),
                }))
            }
        }
    }
}

/// A JSON number as Groovy types it: Integer, Long or BigInteger for integers, BigDecimal
/// otherwise.
fn json_number(text: &str) -> Value {
    let is_integer = !text.contains(['.', 'e', 'E']);
    if is_integer {
        if let Ok(i) = text.parse::<i32>() {
            return Value::int(i);
        }
        if let Ok(i) = text.parse::<i64>() {
            return Value::long(i);
        }
    }
    match crate::eval::num::string_to_big_decimal(text) {
        Ok(n) => Value::Num(n),
        Err(_) => Value::str(text),
    }
}

/// `JsonOutput.toJson(value)`.
pub fn to_json(interp: &Interp, v: &Value) -> R<String> {
    let mut out = String::new();
    write_json(interp, v, &mut out, 0)?;
    Ok(out)
}

fn write_json(interp: &Interp, v: &Value, out: &mut String, depth: usize) -> R<()> {
    if depth > 256 {
        return throw(
            "groovy.json.JsonException",
            "structure too deep to serialise",
        );
    }
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Num(n) => match n {
            Num::Double(d) if !d.is_finite() => {
                return throw(
                    "groovy.json.JsonException",
                    format!("Number {n} can't be serialized as JSON"),
                )
            }
            _ => out.push_str(&n.to_string()),
        },
        Value::Str(_) | Value::GString(_) | Value::Char(_) | Value::Builder(_) => {
            write_json_string(&to_display(v), out);
        }
        Value::List(_) | Value::Set(_) | Value::Range(_) => {
            out.push('[');
            for (i, x) in interp.iterate(v, Default::default())?.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(interp, x, out, depth + 1)?;
            }
            out.push(']');
        }
        Value::Map(m) => {
            out.push('{');
            for (i, (k, x)) in m.snapshot().iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(&to_display(k), out);
                out.push(':');
                write_json(interp, x, out, depth + 1)?;
            }
            out.push('}');
        }
        Value::MapEntry(e) => {
            out.push('{');
            write_json_string(&to_display(&e.key), out);
            out.push(':');
            write_json(interp, &e.value(), out, depth + 1)?;
            out.push('}');
        }
        Value::Object(o) => {
            let fields: Vec<(String, Value)> = o
                .fields
                .lock()
                .iter()
                .filter(|(k, _)| !k.starts_with('$'))
                .map(|(k, x)| (k.clone(), x.clone()))
                .collect();
            let mut sorted = fields;
            sorted.sort_by(|a, b| a.0.cmp(&b.0));
            out.push('{');
            for (i, (k, x)) in sorted.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json_string(k, out);
                out.push(':');
                write_json(interp, x, out, depth + 1)?;
            }
            out.push('}');
        }
        other => write_json_string(&to_display(other), out),
    }
    Ok(())
}

/// A JSON string literal as Groovy's JsonOutput writes it (non-ASCII as `\uXXXX`).
fn write_json_string(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// `JsonOutput.prettyPrint(json)`: four-space indentation, Groovy 2.4's layout (an empty
/// object or array still gets a line of its own).
pub fn pretty_print(json: &str) -> R<String> {
    let v: serde_json::Value = match serde_json::from_str(json) {
        Ok(v) => v,
        Err(e) => {
            return throw(
                "groovy.json.JsonException",
                format!("Unable to parse JSON: {e}"),
            )
        }
    };
    let mut out = String::new();
    pretty(&v, &mut out, 0);
    Ok(out)
}

fn pretty(v: &serde_json::Value, out: &mut String, level: usize) {
    let pad = |n: usize| " ".repeat(n * 4);
    match v {
        serde_json::Value::Object(o) => {
            out.push_str("{\n");
            if o.is_empty() {
                out.push_str(&pad(level + 1));
                out.push('\n');
            }
            for (i, (k, x)) in o.iter().enumerate() {
                out.push_str(&pad(level + 1));
                write_json_string(k, out);
                out.push_str(": ");
                pretty(x, out, level + 1);
                if i + 1 < o.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(level));
            out.push('}');
        }
        serde_json::Value::Array(a) => {
            out.push_str("[\n");
            if a.is_empty() {
                out.push_str(&pad(level + 1));
                out.push('\n');
            }
            for (i, x) in a.iter().enumerate() {
                out.push_str(&pad(level + 1));
                pretty(x, out, level + 1);
                if i + 1 < a.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&pad(level));
            out.push(']');
        }
        serde_json::Value::String(s) => write_json_string(s, out),
        other => out.push_str(&other.to_string()),
    }
}

//! Converts Groovy values into arguments of Java's Formatter (`String.format`, `printf`,
//! `sprintf`).

use super::error::{exception, R};
use super::format::{java_format, FmtArg};
use super::interp::Interp;
use super::num::Num;
use super::value::{java_hash, to_display, Value};

/// `String.format(fmt, args…)`.
pub fn format(_interp: &Interp, fmt: &str, args: &[Value]) -> R<String> {
    let args: Vec<FmtArg> = args.iter().map(fmt_arg).collect();
    java_format(fmt, &args).map_err(|e| exception(e.class, Some(e.message)))
}

fn fmt_arg(v: &Value) -> FmtArg {
    match v {
        Value::Null => FmtArg::Null,
        Value::Bool(b) => FmtArg::Bool(*b),
        Value::Char(c) => FmtArg::Char(*c),
        Value::Num(n) => match n {
            Num::Int(i) => FmtArg::Int(*i),
            Num::Long(i) => FmtArg::Long(*i),
            Num::BigInt(b) => FmtArg::BigInt((**b).clone()),
            Num::Decimal(_) => match n.to_big_decimal() {
                Ok(d) => FmtArg::Decimal(d),
                Err(_) => FmtArg::Double(n.to_f64()),
            },
            Num::Float(f) => FmtArg::Float(*f),
            Num::Double(d) => FmtArg::Double(*d),
        },
        Value::Str(s) => FmtArg::Str(s.to_string()),
        Value::GString(g) => FmtArg::Str(g.render()),
        other => FmtArg::Object {
            class: other.class_name(),
            text: java_to_string(other),
            hash: java_hash(other),
        },
    }
}

/// Java's `toString()` (not Groovy's): maps print as `{a=1, b=2}`, which is what `%s` shows.
pub fn java_to_string(v: &Value) -> String {
    match v {
        Value::Map(m) => {
            let parts: Vec<String> = m
                .snapshot()
                .iter()
                .map(|(k, x)| format!("{}={}", java_to_string(k), java_to_string(x)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        Value::List(_) | Value::Set(_) => {
            let items = match v {
                Value::List(l) => l.snapshot(),
                Value::Set(s) => s.snapshot(),
                _ => Vec::new(),
            };
            let parts: Vec<String> = items.iter().map(java_to_string).collect();
            format!("[{}]", parts.join(", "))
        }
        other => to_display(other),
    }
}

//! Converts Groovy values into arguments of Java's Formatter (`String.format`, `printf`).

use super::error::{throw, R};
use super::interp::Interp;
use super::value::{to_display, Value};

/// `String.format(fmt, args…)`.
pub fn format(_interp: &Interp, fmt: &str, args: &[Value]) -> R<String> {
    // Minimal implementation until the Java Formatter module lands.
    let mut out = String::new();
    let mut it = fmt.chars().peekable();
    let mut next_arg = 0;
    while let Some(c) = it.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = String::new();
        while let Some(&d) = it.peek() {
            if d.is_ascii_digit() || "-+ 0,.#(".contains(d) {
                spec.push(d);
                it.next();
            } else {
                break;
            }
        }
        match it.next() {
            Some('%') => out.push('%'),
            Some('n') => out.push('\n'),
            Some(conv) => {
                let Some(a) = args.get(next_arg) else {
                    return throw(
                        "java.util.MissingFormatArgumentException",
                        format!("Format specifier '%{spec}{conv}'"),
                    );
                };
                next_arg += 1;
                let left = spec.starts_with('-');
                let zero = spec.starts_with('0');
                let (w, p) = match spec
                    .trim_start_matches(['-', '0', '+', ' ', ',', '#'])
                    .split_once('.')
                {
                    Some((w, p)) => (w.parse::<usize>().ok(), p.parse::<usize>().ok()),
                    None => (
                        spec.trim_start_matches(['-', '0', '+', ' ', ',', '#'])
                            .parse::<usize>()
                            .ok(),
                        None,
                    ),
                };
                let body = match (conv, a) {
                    ('d', Value::Num(n)) => n.to_i64().to_string(),
                    ('f', Value::Num(n)) => format!("{:.*}", p.unwrap_or(6), n.to_f64()),
                    ('x', Value::Num(n)) => format!("{:x}", n.to_i64()),
                    ('s' | 'S', v) => {
                        let s = to_display(v);
                        let s = match p {
                            Some(p) => s.chars().take(p).collect(),
                            None => s,
                        };
                        if conv == 'S' {
                            s.to_uppercase()
                        } else {
                            s
                        }
                    }
                    (_, v) => to_display(v),
                };
                let w = w.unwrap_or(0);
                let len = body.chars().count();
                if len < w {
                    let pad = w - len;
                    if left {
                        out.push_str(&body);
                        out.extend(std::iter::repeat_n(' ', pad));
                    } else if zero {
                        out.extend(std::iter::repeat_n('0', pad));
                        out.push_str(&body);
                    } else {
                        out.extend(std::iter::repeat_n(' ', pad));
                        out.push_str(&body);
                    }
                } else {
                    out.push_str(&body);
                }
            }
            None => {
                return throw(
                    "java.util.UnknownFormatConversionException",
                    "Conversion = '%'",
                )
            }
        }
    }
    Ok(out)
}

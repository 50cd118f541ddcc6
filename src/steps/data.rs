//! Data file steps of the Pipeline Utility Steps plugin: `readJSON`/`writeJSON` (json-lib's
//! behaviour and output format) and `readYaml`/`writeYaml` (SnakeYAML's YAML 1.1 typing and
//! block style).
//!
//! Reading changes nothing, so `--dry-run` reads too (a missing file reads as empty);
//! writing a file is recorded and skipped, while `returnText` still returns the text.

use std::sync::OnceLock;

use indexmap::IndexMap;

use super::files::{dry_note, io_error, reading_step, resolve, write_bytes, Charset};
use super::{opt, Body, ParamSpec, ParamType as T, Step, StepCall, StepSpec};
use crate::eval::error::{exception, throw, R};
use crate::eval::num::Num;
use crate::eval::value::{to_display, HKey, Value};
use crate::exec::context::StepCtx;

pub static STEPS: &[&dyn Step] = &[&ReadJson, &WriteJson, &ReadYaml, &WriteYaml];

const JSON_EXCEPTION: &str = "net.sf.json.JSONException";
const YAML_EXCEPTION: &str = "org.yaml.snakeyaml.error.YAMLException";
/// The namespace of YAML's own tags (`!!str` is `tag:yaml.org,2002:str`).
const YAML_TAGS: &str = "tag:yaml.org,2002:";

fn illegal<T>(msg: impl Into<String>) -> R<T> {
    throw("java.lang.IllegalArgumentException", msg)
}

/// A string parameter, `None` when missing or blank (`StringUtils.isBlank`).
fn non_blank(call: &StepCall<'_>, name: &str) -> Option<String> {
    call.args.string(name).filter(|s| !s.trim().is_empty())
}

/// Reads the `file` of a read step: `FileNotFoundException` when missing (or, under
/// `--dry-run`, empty text and a note), an error for a directory.
fn read_input_file(
    call: &StepCall<'_>,
    step: &str,
    file: &str,
    dry: bool,
    dir_error: &str,
) -> R<Option<Vec<u8>>> {
    let path = resolve(&StepCtx::current(call.interp), file);
    if path.is_dir() {
        return throw(dir_error, format!("{} is a directory.", path.display()));
    }
    if !path.exists() {
        if dry {
            dry_note(
                call,
                step,
                &format!("{file} does not exist; reading nothing"),
            );
            return Ok(None);
        }
        return throw(
            "java.io.FileNotFoundException",
            format!("{} does not exist.", path.display()),
        );
    }
    std::fs::read(&path)
        .map(Some)
        .map_err(|e| io_error(&path, &e))
}

// ---------------------------------------------------------------------------------------
// JSON

/// A JSON value as json-lib holds it, in document order.
#[derive(Debug, Clone, PartialEq)]
enum Json {
    Null,
    Bool(bool),
    /// A number's text as json-lib prints it.
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// Parses JSON text; a syntax error becomes a `JSONException` in json-lib's form
/// (`… at character N of TEXT`).
/// Like json-lib's tokener, the first value is read and anything after it is ignored.
fn parse_json_text(text: &str) -> R<serde_json::Value> {
    let mut values = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
    match values.next() {
        Some(Ok(v)) => Ok(v),
        Some(Err(e)) => throw(JSON_EXCEPTION, json_syntax_error(text, &e)),
        None => throw(JSON_EXCEPTION, "Invalid JSON String"),
    }
}

/// json-lib's `syntaxError` message for a serde error: the reason, the character index
/// and the text (cut short when long).
fn json_syntax_error(text: &str, e: &serde_json::Error) -> String {
    let full = e.to_string();
    let reason = full
        .rfind(" at line ")
        .map_or(full.as_str(), |i| &full[..i]);
    // json-lib's wording where it has one, serde's (capitalised) otherwise.
    let reason: String = match reason {
        "expected value" | "EOF while parsing a value" => "Missing value.".to_string(),
        "expected `:`" => "Expected a ':' after a key".to_string(),
        "expected `,` or `}`" | "EOF while parsing an object" => {
            "Expected a ',' or '}'".to_string()
        }
        "expected `,` or `]`" | "EOF while parsing a list" => "Expected a ',' or ']'".to_string(),
        "EOF while parsing a string" => "Unterminated string".to_string(),
        other => {
            let mut chars = other.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect(),
                None => "Syntax error".to_string(),
            }
        }
    };
    // serde counts lines from 1 and columns from 1 (0 before the first character of a line).
    let line_start: usize = text
        .split_inclusive('\n')
        .take(e.line().saturating_sub(1))
        .map(|l| l.chars().count())
        .sum();
    let at = line_start + e.column();
    const SHOWN: usize = 200;
    let shown: String = text.chars().take(SHOWN).collect();
    let more = if text.chars().nth(SHOWN).is_some() {
        "..."
    } else {
        ""
    };
    format!("{reason} at character {at} of {shown}{more}")
}

/// `JSONSerializer.toJSON(String)`: text starting with `[` is an array, with `{` an object,
/// `null` is JSON null; anything else is not JSON to json-lib.
fn parse_json_document(text: &str) -> R<serde_json::Value> {
    if text.starts_with('[') || text.starts_with('{') {
        parse_json_text(text)
    } else if text == "null" {
        Ok(serde_json::Value::Null)
    } else {
        throw(JSON_EXCEPTION, "Invalid JSON String")
    }
}

/// A JSON number as json-lib types it: Integer, Long or BigInteger for integers, Double
/// otherwise.
fn json_number(text: &str) -> Value {
    if !text.contains(['.', 'e', 'E']) {
        if let Ok(i) = text.parse::<i64>() {
            return Value::int_or_long(i);
        }
        if let Ok(n) = crate::eval::num::string_to_big_integer(text) {
            return Value::Num(n);
        }
    }
    match text.parse::<f64>() {
        Ok(d) => Value::Num(Num::Double(d)),
        Err(_) => Value::string(text.to_string()),
    }
}

/// Parsed JSON as Groovy values: ordered maps (`LinkedHashMap`), lists, numbers, strings.
fn json_to_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Null,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => json_number(&n.to_string()),
        serde_json::Value::String(s) => Value::str(s),
        serde_json::Value::Array(a) => Value::list(a.iter().map(json_to_value).collect()),
        serde_json::Value::Object(o) => Value::map(
            o.iter()
                .map(|(k, x)| (HKey(Value::str(k)), json_to_value(x)))
                .collect(),
        ),
    }
}

fn serde_to_json(v: &serde_json::Value) -> Json {
    match v {
        serde_json::Value::Null => Json::Null,
        serde_json::Value::Bool(b) => Json::Bool(*b),
        serde_json::Value::Number(n) => Json::Num(number_to_string(n.to_string())),
        serde_json::Value::String(s) => Json::Str(s.clone()),
        serde_json::Value::Array(a) => Json::Arr(a.iter().map(serde_to_json).collect()),
        serde_json::Value::Object(o) => Json::Obj(
            o.iter()
                .map(|(k, x)| (k.clone(), serde_to_json(x)))
                .collect(),
        ),
    }
}

/// `JSONUtils.numberToString`: trailing zeros of a decimal fraction are shaved off
/// (`1.50` → `1.5`, `2.0` → `2`).
fn number_to_string(mut s: String) -> String {
    if s.find('.').is_some_and(|i| i > 0) && !s.contains(['e', 'E']) {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    s
}

/// json-lib turns a string that looks like JSON (`null`, `[…]`, `{…}`) into JSON when it
/// becomes part of a JSON object or array.
fn json_string(s: String) -> Json {
    let looks_like_json =
        (s.starts_with('[') && s.ends_with(']')) || (s.starts_with('{') && s.ends_with('}'));
    if s == "null" {
        return Json::Null;
    }
    if looks_like_json {
        if let Ok(v) = parse_json_text(&s) {
            return serde_to_json(&v);
        }
    }
    Json::Str(s)
}

/// Groovy values as json-lib's `JSONSerializer.toJSON` sees them.
fn value_to_json(v: &Value, depth: usize) -> R<Json> {
    if depth > 256 {
        return throw(JSON_EXCEPTION, "There is a cycle in the hierarchy!");
    }
    Ok(match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Num(n) => {
            if let Num::Double(d) = n {
                if !d.is_finite() {
                    return throw(JSON_EXCEPTION, "JSON does not allow non-finite numbers");
                }
            }
            if let Num::Float(f) = n {
                if !f.is_finite() {
                    return throw(JSON_EXCEPTION, "JSON does not allow non-finite numbers.");
                }
            }
            Json::Num(number_to_string(n.to_string()))
        }
        Value::List(l) => Json::Arr(
            l.snapshot()
                .iter()
                .map(|x| value_to_json(x, depth + 1))
                .collect::<R<_>>()?,
        ),
        Value::Set(s) => Json::Arr(
            s.snapshot()
                .iter()
                .map(|x| value_to_json(x, depth + 1))
                .collect::<R<_>>()?,
        ),
        Value::Map(m) => Json::Obj(
            m.snapshot()
                .iter()
                .map(|(k, x)| Ok((to_display(k), value_to_json(x, depth + 1)?)))
                .collect::<R<_>>()?,
        ),
        Value::MapEntry(e) => Json::Obj(vec![(
            to_display(&e.key),
            value_to_json(&e.value(), depth + 1)?,
        )]),
        other => json_string(to_display(other)),
    })
}

/// `JSONSerializer.toJSON(object)` for the `json` argument of `writeJSON`: a string is
/// parsed as JSON text, a map is an object, a collection an array.
fn json_argument(v: &Value) -> R<Json> {
    match v {
        Value::Str(_) | Value::GString(_) => {
            Ok(serde_to_json(&parse_json_document(to_display(v).trim())?))
        }
        Value::Map(_) | Value::List(_) | Value::Set(_) | Value::MapEntry(_) => value_to_json(v, 0),
        other => throw(
            JSON_EXCEPTION,
            format!(
                "Can't convert a {} to a JSON object or array",
                other.class_name()
            ),
        ),
    }
}

/// `JSONUtils.quote`: `"` and `\` escaped, `</` as `<\/`, control characters as escapes;
/// other characters as they are.
fn json_quote(s: &str, out: &mut String) {
    out.push('"');
    let mut prev = '\0';
    for c in s.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '/' if prev == '<' => out.push_str("\\/"),
            '\u{8}' => out.push_str("\\b"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\u{c}' => out.push_str("\\f"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
        prev = c;
    }
    out.push('"');
}

/// json-lib's compact form (`JSON.write`).
fn json_compact(j: &Json, out: &mut String) {
    match j {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => out.push_str(n),
        Json::Str(s) => json_quote(s, out),
        Json::Arr(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_compact(x, out);
            }
            out.push(']');
        }
        Json::Obj(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                json_quote(k, out);
                out.push(':');
                json_compact(x, out);
            }
            out.push('}');
        }
    }
}

/// json-lib's `toString(indentFactor, indent)`, quirks included: a one-member object or
/// array stays on one line, and a nested multi-line value is prefixed with `indent` extra
/// spaces.
fn json_pretty(j: &Json, factor: usize, indent: usize) -> String {
    let pad = |n: usize| " ".repeat(n);
    let mut sb = String::new();
    match j {
        Json::Obj(o) if o.is_empty() => return "{}".into(),
        Json::Arr(a) if a.is_empty() => return "[]".into(),
        Json::Obj(o) if o.len() == 1 => {
            sb.push('{');
            json_quote(&o[0].0, &mut sb);
            sb.push_str(": ");
            sb.push_str(&json_pretty(&o[0].1, factor, indent));
            sb.push('}');
        }
        Json::Arr(a) if a.len() == 1 => {
            sb.push('[');
            sb.push_str(&json_pretty(&a[0], factor, indent));
            sb.push(']');
        }
        Json::Obj(o) => {
            let inner = indent + factor;
            sb.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                sb.push_str(if i == 0 { "\n" } else { ",\n" });
                sb.push_str(&pad(inner));
                json_quote(k, &mut sb);
                sb.push_str(": ");
                sb.push_str(&json_pretty(x, factor, inner));
            }
            sb.push('\n');
            sb.push_str(&pad(indent));
            sb.insert_str(0, &pad(indent));
            sb.push('}');
        }
        Json::Arr(a) => {
            let inner = indent + factor;
            sb.push_str("[\n");
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    sb.push_str(",\n");
                }
                sb.push_str(&pad(inner));
                sb.push_str(&json_pretty(x, factor, inner));
            }
            sb.push('\n');
            sb.push_str(&pad(indent));
            sb.insert_str(0, &pad(indent));
            sb.push(']');
        }
        scalar => json_compact(scalar, &mut sb),
    }
    sb
}

pub struct ReadJson;
static READ_JSON: StepSpec = StepSpec {
    name: "readJSON",
    summary: "Parse JSON from a file or a string into maps and lists (key order kept).",
    params: &[
        opt(
            "file",
            T::String,
            "a JSON file, relative to the current directory",
        ),
        opt("text", T::String, "JSON text (instead of file)"),
        opt(
            "returnPojo",
            T::Bool,
            "return plain LinkedHashMap/ArrayList values (always the case here)",
        ),
    ],
    positional: None,
    body: Body::None,
    returns: "Map, List or null",
    example: "def pkg = readJSON file: 'package.json'; echo pkg.version",
    side_effects: true,
    open_params: false,
};

impl ReadJson {
    fn read(call: &StepCall<'_>, dry: bool) -> R<Value> {
        let file = non_blank(call, "file");
        let text = non_blank(call, "text");
        if file.is_some() && text.is_some() {
            return illegal("At most one of file or text must be provided to readJSON.");
        }
        let source = match (file, text) {
            (Some(f), _) => {
                match read_input_file(
                    call,
                    "readJSON",
                    &f,
                    dry,
                    "java.lang.IllegalArgumentException",
                )? {
                    Some(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
                    None => return Ok(Value::map(IndexMap::new())),
                }
            }
            (None, Some(t)) => t.trim().to_string(),
            (None, None) => return Ok(Value::Null),
        };
        Ok(json_to_value(&parse_json_document(&source)?))
    }
}

reading_step!(ReadJson, READ_JSON);

/// The `file` and `returnText` parameters of the writing steps.
const OUT_FILE: ParamSpec = opt(
    "file",
    T::String,
    "the file to write, relative to the current directory",
);
const RETURN_TEXT: ParamSpec = opt(
    "returnText",
    T::Bool,
    "return the text instead of writing a file",
);

pub struct WriteJson;
static WRITE_JSON: StepSpec = StepSpec {
    name: "writeJSON",
    summary: "Write a map, list or JSON string as JSON to a file, or return the text.",
    params: &[
        opt(
            "json",
            T::Any,
            "the data: a Map, a List, or JSON text (required)",
        ),
        OUT_FILE,
        RETURN_TEXT,
        opt(
            "pretty",
            T::Int,
            "indent by this many spaces (json-lib's layout); 0 or missing: compact",
        ),
    ],
    positional: None,
    body: Body::None,
    returns: "null, or the JSON text (returnText)",
    example: "writeJSON file: 'out.json', json: [name: 'app', version: 3], pretty: 4",
    side_effects: true,
    open_params: false,
};

impl WriteJson {
    /// Checks the arguments like `WriteJSONStep.start`, then writes or returns the text.
    fn execute(call: &StepCall<'_>, dry: bool) -> R<Value> {
        let Some(json) = call.args.get("json") else {
            return illegal("You have to provide a JSON object to save for writeJSON.");
        };
        let return_text = call.args.bool("returnText").unwrap_or(false);
        let file = call.args.string("file");
        if return_text && file.is_some() {
            return illegal("You cannot provide both returnText and file to writeJSON.");
        }
        let out = match file.filter(|f| !f.trim().is_empty()) {
            _ if return_text => None,
            Some(f) => Some(Output::new(call, f, Charset::Utf8)?),
            None => return illegal("You have to provide either file or returnText to writeJSON."),
        };
        let j = json_argument(json)?;
        let pretty = call.args.int("writeJSON", "pretty")?.unwrap_or(0);
        let text = if pretty > 0 {
            json_pretty(&j, usize::try_from(pretty).unwrap_or(0).min(64), 0)
        } else {
            let mut s = String::new();
            json_compact(&j, &mut s);
            s
        };
        finish(call, "writeJSON", text, out, dry)
    }
}

reading_step!(WriteJson, WRITE_JSON, execute);

/// The file a writing step writes: its name as given, where it is, its charset.
struct Output {
    name: String,
    path: std::path::PathBuf,
    charset: Charset,
}

impl Output {
    /// Resolves `name`; a directory there is a `FileNotFoundException`, as `FilePath.write`
    /// gives.
    fn new(call: &StepCall<'_>, name: String, charset: Charset) -> R<Output> {
        let path = resolve(&StepCtx::current(call.interp), &name);
        if path.is_dir() {
            return throw(
                "java.io.FileNotFoundException",
                format!("{} is a directory.", path.display()),
            );
        }
        Ok(Output {
            name,
            path,
            charset,
        })
    }
}

/// Ends a writing step: the text itself for `returnText`, otherwise the file is written
/// (under `--dry-run`, noted and skipped) and the step returns null.
fn finish(
    call: &StepCall<'_>,
    step: &str,
    text: String,
    out: Option<Output>,
    dry: bool,
) -> R<Value> {
    let Some(out) = out else {
        return Ok(Value::string(text));
    };
    if dry {
        dry_note(call, step, &format!("{} ({} bytes)", out.name, text.len()));
    } else {
        write_bytes(&out.path, &out.charset.encode(&text))?;
    }
    Ok(Value::Null)
}

// ---------------------------------------------------------------------------------------
// YAML reading

/// How SnakeYAML's YAML 1.1 resolver types a plain scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Implicit {
    Null,
    Bool(bool),
    Int,
    Float,
    Timestamp,
    /// `<<` (a merge key) or `=` (a value key).
    Special,
    Str,
}

fn yaml_regex(cell: &'static OnceLock<Option<fancy_regex::Regex>>, re: &str, s: &str) -> bool {
    cell.get_or_init(|| fancy_regex::Regex::new(re).ok())
        .as_ref()
        .is_some_and(|r| r.is_match(s).unwrap_or(false))
}

/// SnakeYAML's `Resolver` for plain scalars (its YAML 1.1 patterns: `yes`/`on` are
/// booleans, `0755` is octal, `1_000` an integer; `y`/`n` stay strings).
fn implicit_type(s: &str) -> Implicit {
    static INT: OnceLock<Option<fancy_regex::Regex>> = OnceLock::new();
    static FLOAT: OnceLock<Option<fancy_regex::Regex>> = OnceLock::new();
    static TIMESTAMP: OnceLock<Option<fancy_regex::Regex>> = OnceLock::new();
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Implicit::Null,
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Implicit::Bool(true)
        }
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Implicit::Bool(false)
        }
        "<<" | "=" => return Implicit::Special,
        _ => {}
    }
    // Each resolver is tried only for text starting with one of its first characters.
    let first = s.chars().next().unwrap_or('\0');
    if "-+0123456789".contains(first)
        && yaml_regex(
            &INT,
            r"^(?:[-+]?0b_*[0-1]+[0-1_]*|[-+]?0_*[0-7]+[0-7_]*|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x_*[0-9a-fA-F]+[0-9a-fA-F_]*|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
            s,
        )
    {
        Implicit::Int
    } else if "-+0123456789.".contains(first)
        && yaml_regex(
            &FLOAT,
            r"^(?:[-+]?(?:\.[0-9]+|[0-9_]+(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
            s,
        )
    {
        Implicit::Float
    } else if first.is_ascii_digit()
        && yaml_regex(
            &TIMESTAMP,
            r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)$",
            s,
        )
    {
        Implicit::Timestamp
    } else {
        Implicit::Str
    }
}

/// An integer as `ConstructYamlInt` builds it: Integer, Long or BigInteger, from binary
/// (`0b`), hexadecimal (`0x`), octal (leading `0`), base 60 (`1:30`) or decimal text.
fn yaml_int(text: &str) -> Option<Value> {
    use bigdecimal::num_bigint::BigInt;
    let t = text.replace('_', "");
    let (negative, digits) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t.as_str()),
    };
    let magnitude = if digits == "0" {
        BigInt::from(0)
    } else if let Some(b) = digits.strip_prefix("0b") {
        BigInt::parse_bytes(b.as_bytes(), 2)?
    } else if let Some(h) = digits.strip_prefix("0x") {
        BigInt::parse_bytes(h.as_bytes(), 16)?
    } else if digits.contains(':') {
        let mut n = BigInt::from(0);
        for part in digits.split(':') {
            n = n * 60 + BigInt::parse_bytes(part.as_bytes(), 10)?;
        }
        n
    } else if let Some(o) = digits.strip_prefix('0') {
        BigInt::parse_bytes(o.as_bytes(), 8)?
    } else {
        BigInt::parse_bytes(digits.as_bytes(), 10)?
    };
    let n = if negative { -magnitude } else { magnitude };
    Some(match i64::try_from(&n) {
        Ok(i) => Value::int_or_long(i),
        Err(_) => Value::Num(Num::big_int(n)),
    })
}

/// A float as `ConstructYamlFloat` builds it (a Double).
fn yaml_float(text: &str) -> Option<Value> {
    let t = text.replace('_', "").to_ascii_lowercase();
    let (sign, body) = match t.as_bytes().first() {
        Some(b'-') => (-1.0, &t[1..]),
        Some(b'+') => (1.0, &t[1..]),
        _ => (1.0, t.as_str()),
    };
    let d = if body == ".inf" {
        f64::INFINITY
    } else if body == ".nan" {
        f64::NAN
    } else if body.contains(':') {
        let mut n = 0.0;
        for part in body.split(':') {
            n = n * 60.0 + part.parse::<f64>().ok()?;
        }
        n
    } else {
        body.parse::<f64>().ok()?
    };
    Some(Value::Num(Num::Double(sign * d)))
}

/// A timestamp as `ConstructYamlTimestamp` builds it: a `java.util.Date`, in UTC unless the
/// text gives an offset; out-of-range fields roll over as in a lenient `Calendar`.
fn yaml_timestamp(text: &str) -> Option<Value> {
    static FULL: OnceLock<Option<fancy_regex::Regex>> = OnceLock::new();
    let re = FULL
        .get_or_init(|| {
            fancy_regex::Regex::new(
                r"^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]|[ \t]+)([0-9]{1,2}):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(?:Z|([-+][0-9]{1,2})(?::([0-9]{2}))?))?)?$",
            )
            .ok()
        })
        .as_ref()?;
    let caps = re.captures(text).ok()??;
    let field = |i: usize| -> i64 {
        caps.get(i)
            .and_then(|m| m.as_str().parse::<i64>().ok())
            .unwrap_or(0)
    };
    let (year, month) = (field(1), field(2) - 1);
    let days =
        days_from_civil(year + month.div_euclid(12), month.rem_euclid(12) + 1) + field(3) - 1;
    let fraction = caps.get(7).map_or(0.0, |m| {
        format!("0.{}", m.as_str()).parse::<f64>().unwrap_or(0.0)
    });
    let millis_of_second = (fraction * 1000.0).round() as i64;
    let offset_minutes = match caps.get(8) {
        Some(h) => {
            let hours: i64 = h.as_str().trim_start_matches('+').parse().ok()?;
            let minutes = field(9);
            if hours < 0 || h.as_str().starts_with('-') {
                hours * 60 - minutes
            } else {
                hours * 60 + minutes
            }
        }
        None => 0,
    };
    let seconds = days * 86_400 + field(4) * 3600 + field(5) * 60 + field(6) - offset_minutes * 60;
    Some(crate::eval::methods::date::date_value(
        seconds * 1000 + millis_of_second,
    ))
}

/// Days from 1970-01-01 to the first of `month` (1–12) of `year`, proleptic Gregorian.
fn days_from_civil(year: i64, month: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// A `java.util.Date` as SnakeYAML's `RepresentDate` writes it, in UTC:
/// `2001-12-14T21:59:43.100Z`, the milliseconds only when there are some.
fn yaml_date(millis: i64) -> String {
    let days = millis.div_euclid(86_400_000);
    let ms = millis.rem_euclid(86_400_000);
    // civil_from_days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let (h, m, s, frac) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    let mut out = format!("{year:04}-{month:02}-{day:02}T{h:02}:{m:02}:{s:02}");
    if frac > 0 {
        out.push_str(&format!(".{frac:03}"));
    }
    out.push('Z');
    out
}

/// The value of a scalar event: plain scalars are typed by the resolver, quoted and block
/// scalars are strings, core-schema tags (`!!str`, `!!int`…) force their type.
fn yaml_scalar_value(text: &str, plain: bool, tag: Option<&granit_parser::Tag>) -> R<Value> {
    let kind = match tag {
        Some(t) if t.suffix_in_namespace(YAML_TAGS).is_some() => match t
            .suffix_in_namespace(YAML_TAGS)
            .as_deref()
            .unwrap_or_default()
        {
            "str" | "binary" => Implicit::Str,
            "timestamp" => Implicit::Timestamp,
            "null" => Implicit::Null,
            "bool" => match implicit_type(text) {
                b @ Implicit::Bool(_) => b,
                _ => return throw(YAML_EXCEPTION, format!("not a boolean: {text}")),
            },
            "int" => Implicit::Int,
            "float" => Implicit::Float,
            other => {
                return throw(
                    YAML_EXCEPTION,
                    format!(
                        "could not determine a constructor for the tag tag:yaml.org,2002:{other}"
                    ),
                )
            }
        },
        Some(t) if t.handle() == "!" && t.suffix().is_empty() => Implicit::Str,
        Some(t) => {
            return throw(
                YAML_EXCEPTION,
                format!(
                    "could not determine a constructor for the tag {}{}",
                    t.handle(),
                    t.suffix()
                ),
            )
        }
        None if plain => implicit_type(text),
        None => Implicit::Str,
    };
    let bad_number = || exception(YAML_EXCEPTION, Some(format!("not a number: {text}")));
    Ok(match kind {
        Implicit::Null => Value::Null,
        Implicit::Bool(b) => Value::Bool(b),
        Implicit::Int => yaml_int(text).ok_or_else(bad_number)?,
        Implicit::Float => yaml_float(text).ok_or_else(bad_number)?,
        Implicit::Timestamp => yaml_timestamp(text).ok_or_else(|| {
            exception(
                YAML_EXCEPTION,
                Some(format!("Unexpected timestamp: {text}")),
            )
        })?,
        Implicit::Special | Implicit::Str => Value::str(text),
    })
}

/// Builds values from parser events, as SnakeYAML's composer and `SafeConstructor` do:
/// ordered maps (a repeated key keeps its last value), merge keys (`<<: *base`), aliases
/// sharing their anchor's value, at most `max_aliases` aliases to collections.
struct YamlComposer<'a> {
    events: granit_parser::Parser<'a, granit_parser::StrInput<'a>>,
    anchors: std::collections::HashMap<usize, Value>,
    collection_aliases: usize,
    max_aliases: usize,
    depth: usize,
}

type YamlEvent<'a> = granit_parser::Event<'a>;

impl<'a> YamlComposer<'a> {
    /// The next event that matters (comments and anchor notes skipped).
    fn next(&mut self) -> R<YamlEvent<'a>> {
        loop {
            match self.events.next() {
                None => return throw(YAML_EXCEPTION, "unexpected end of the YAML stream"),
                Some(Err(e)) => return throw(YAML_EXCEPTION, e.to_string()),
                Some(Ok((YamlEvent::Comment(..) | YamlEvent::Anchor(..), _))) => continue,
                Some(Ok((ev, _))) => return Ok(ev),
            }
        }
    }

    fn documents(&mut self) -> R<Vec<Value>> {
        let mut docs = Vec::new();
        loop {
            match self.next()? {
                YamlEvent::StreamStart | YamlEvent::DocumentEnd => {}
                YamlEvent::StreamEnd => return Ok(docs),
                YamlEvent::DocumentStart(..) => {
                    self.anchors.clear();
                    let ev = self.next()?;
                    docs.push(self.node(ev)?);
                }
                other => return throw(YAML_EXCEPTION, format!("unexpected {other:?}")),
            }
        }
    }

    fn remember(&mut self, anchor: usize, v: &Value) {
        if anchor != 0 {
            self.anchors.insert(anchor, v.clone());
        }
    }

    fn node(&mut self, ev: YamlEvent<'a>) -> R<Value> {
        self.depth += 1;
        if self.depth > 1000 {
            return throw(YAML_EXCEPTION, "the YAML is nested too deeply");
        }
        let v = match ev {
            YamlEvent::Scalar(text, style, anchor, tag) => {
                let plain = style == granit_parser::ScalarStyle::Plain;
                let v = yaml_scalar_value(&text, plain, tag.as_deref())?;
                self.remember(anchor, &v);
                v
            }
            YamlEvent::Alias(id) => {
                let Some(v) = self.anchors.get(&id).cloned() else {
                    return throw(YAML_EXCEPTION, "found undefined alias");
                };
                if matches!(v, Value::List(_) | Value::Map(_)) {
                    self.collection_aliases += 1;
                    if self.collection_aliases > self.max_aliases {
                        return throw(
                            YAML_EXCEPTION,
                            format!(
                                "Number of aliases for non-scalar nodes exceeds the specified max={}",
                                self.max_aliases
                            ),
                        );
                    }
                }
                v
            }
            YamlEvent::SequenceStart(_, anchor, _) => {
                let mut items = Vec::new();
                loop {
                    match self.next()? {
                        YamlEvent::SequenceEnd => break,
                        ev => items.push(self.node(ev)?),
                    }
                }
                let v = Value::list(items);
                self.remember(anchor, &v);
                v
            }
            YamlEvent::MappingStart(_, anchor, _) => {
                let v = self.mapping()?;
                self.remember(anchor, &v);
                v
            }
            other => return throw(YAML_EXCEPTION, format!("unexpected {other:?}")),
        };
        self.depth -= 1;
        Ok(v)
    }

    /// A mapping, with SnakeYAML's `flattenMapping`: merged entries take the place of the
    /// merge key and never override the mapping's own keys.
    fn mapping(&mut self) -> R<Value> {
        let mut map: IndexMap<HKey, Value> = IndexMap::new();
        let mut own: Vec<HKey> = Vec::new();
        loop {
            let key_ev = match self.next()? {
                YamlEvent::MappingEnd => break,
                ev => ev,
            };
            let is_merge = matches!(
                &key_ev,
                YamlEvent::Scalar(t, granit_parser::ScalarStyle::Plain, _, None) if t == "<<"
            );
            let key = self.node(key_ev)?;
            let value_ev = self.next()?;
            let value = self.node(value_ev)?;
            if is_merge {
                let sources = match &value {
                    Value::Map(_) => vec![value.clone()],
                    Value::List(l) => l.snapshot(),
                    _ => {
                        return throw(
                            YAML_EXCEPTION,
                            "expected a mapping or list of mappings for merging",
                        )
                    }
                };
                for src in sources {
                    let Value::Map(m) = src else {
                        return throw(YAML_EXCEPTION, "expected a mapping for merging");
                    };
                    for (k, v) in m.snapshot() {
                        map.entry(HKey(k)).or_insert(v);
                    }
                }
            } else {
                let key = HKey(key);
                if own.iter().any(|k| k == &key) {
                    // A repeated key: the last one wins, in its place.
                    map.shift_remove(&key);
                    map.insert(key, value);
                } else {
                    own.push(key.clone());
                    map.insert(key, value);
                }
            }
        }
        Ok(Value::map(map))
    }
}

/// SnakeYAML's default `maxAliasesForCollections`, which is also the most `readYaml` allows.
const MAX_ALIASES: usize = 50;

/// `Yaml.loadAll`: every document of the text.
fn load_all_yaml(text: &str, max_aliases: usize) -> R<Vec<Value>> {
    let mut composer = YamlComposer {
        events: granit_parser::Parser::new_from_str(text),
        anchors: std::collections::HashMap::new(),
        collection_aliases: 0,
        max_aliases,
        depth: 0,
    };
    composer.documents()
}

/// Decodes a YAML file like SnakeYAML's `UnicodeReader`: a byte-order mark picks the
/// encoding, UTF-8 otherwise.
fn decode_yaml_bytes(bytes: &[u8]) -> String {
    match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => Charset::Utf8.decode(rest),
        [0xFE, 0xFF, ..] | [0xFF, 0xFE, ..] => Charset::Utf16.decode(bytes),
        _ => Charset::Utf8.decode(bytes),
    }
}

pub struct ReadYaml;
static READ_YAML: StepSpec = StepSpec {
    name: "readYaml",
    summary: "Parse YAML from a file and/or a string (YAML 1.1 typing, as SnakeYAML); several documents give a list.",
    params: &[
        opt("file", T::String, "a YAML file, relative to the current directory"),
        opt(
            "text",
            T::String,
            "YAML text (appended to the file's on a new line when both are given)",
        ),
        opt(
            "maxAliasesForCollections",
            T::Int,
            "the most aliases to maps and lists allowed (SnakeYAML's default and Jenkins' ceiling: 50)",
        ),
        opt(
            "codePointLimit",
            T::Int,
            "the largest document allowed (accepted, not enforced)",
        ),
    ],
    positional: None,
    body: Body::None,
    returns: "the document (Map, List, String, number…), or a List of documents",
    example: "def chart = readYaml file: 'Chart.yaml'; echo chart.version",
    side_effects: true,
    open_params: false,
};

impl ReadYaml {
    fn read(call: &StepCall<'_>, dry: bool) -> R<Value> {
        let mut text = String::new();
        if let Some(f) = non_blank(call, "file") {
            if let Some(bytes) =
                read_input_file(call, "readYaml", &f, dry, "java.io.FileNotFoundException")?
            {
                text = decode_yaml_bytes(&bytes);
            }
        }
        if let Some(t) = non_blank(call, "text") {
            text.push('\n');
            text.push_str(&t);
        }
        let max = match call.args.int("readYaml", "maxAliasesForCollections")? {
            Some(n) if n > MAX_ALIASES as i64 => {
                return illegal(format!(
                    "{n} > {MAX_ALIASES}. Reduce the aliases in your yaml or convince your administrator to increase the max allowed value with the system property \"org.jenkinsci.plugins.pipeline.utility.steps.conf.ReadYamlStep.MAX_MAX_ALIASES_FOR_COLLECTIONS\""
                ))
            }
            Some(n) if n >= 0 => usize::try_from(n).unwrap_or(MAX_ALIASES),
            _ => MAX_ALIASES,
        };
        let mut docs = load_all_yaml(&text, max)?;
        Ok(if docs.len() == 1 {
            docs.pop().unwrap_or(Value::Null)
        } else {
            Value::list(docs)
        })
    }
}

reading_step!(ReadYaml, READ_YAML);

// ---------------------------------------------------------------------------------------
// YAML writing: SnakeYAML's `dump` with `FlowStyle.BLOCK` and two-space indentation.

/// Whether SnakeYAML's resolver reads the plain scalar `s` as something other than a string
/// (so it must be quoted to stay one).
fn resolves_to_non_string(s: &str) -> bool {
    implicit_type(s) != Implicit::Str
}

/// Characters SnakeYAML will not write outside double quotes.
fn is_special(c: char) -> bool {
    let code = c as u32;
    !(c == '\n'
        || (0x20..=0x7E).contains(&code)
        || code == 0x85
        || (0xA0..=0xD7FF).contains(&code)
        || (0xE000..=0xFFFD).contains(&code) && code != 0xFEFF
        || (0x10000..=0x10FFFF).contains(&code))
}

/// SnakeYAML's line breaks (`Constant.LINEBR`).
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

/// Whether `s` can be written as a plain block scalar (SnakeYAML's `analyzeScalar`).
fn plain_allowed(s: &str) -> bool {
    if s.is_empty()
        || s.starts_with([' ', '\t'])
        || s.ends_with([' ', '\t'])
        || s.contains(is_line_break)
        || s.chars().any(is_special)
        || s.starts_with("---")
        || s.starts_with("...")
    {
        return false;
    }
    let chars: Vec<char> = s.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let followed_by_space = chars.get(i + 1).is_none_or(|n| *n == ' ');
        let preceded_by_space = i > 0 && chars[i - 1] == ' ';
        if i == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(c) {
                return false;
            }
            if matches!(c, '?' | ':' | '-') && followed_by_space {
                return false;
            }
        } else if (c == ':' && followed_by_space) || (c == '#' && preceded_by_space) {
            return false;
        }
    }
    !resolves_to_non_string(s)
}

/// SnakeYAML's `bestWidth`: plain and quoted scalars are folded at spaces past this column.
const YAML_WIDTH: usize = 80;

/// How SnakeYAML's emitter writes a string scalar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Single,
    Double,
    Literal,
}

/// SnakeYAML's `chooseScalarStyle` for a string (representers ask for plain, or literal
/// for multi-line text): plain when it reads back as the same string, a literal block for
/// multi-line text, single quotes otherwise, double quotes when it holds characters that
/// need escapes or is a multi-line key.
fn string_style(s: &str, as_key: bool) -> Style {
    if plain_allowed(s) {
        return Style::Plain;
    }
    let special = s.chars().any(is_special);
    let multiline = s.contains(is_line_break);
    if multiline && !as_key && !special {
        let body = s.trim_end_matches('\n');
        let lines_ok = !s.starts_with([' ', '\t'])
            && !body.is_empty()
            && !s.contains(['\u{85}', '\u{2028}', '\u{2029}'])
            && body.split('\n').all(|l| !l.ends_with([' ', '\t']));
        if lines_ok {
            return Style::Literal;
        }
    }
    if special || multiline {
        Style::Double
    } else {
        Style::Single
    }
}

/// A literal block scalar (`|`, `|-` or `|+` by its trailing newlines), its lines at
/// `indent`.
fn literal_block(s: &str, indent: usize) -> String {
    let body = s.trim_end_matches('\n');
    let trailing = s.len() - body.len();
    let chomp = match trailing {
        0 => "-",
        1 => "",
        _ => "+",
    };
    let pad = " ".repeat(indent);
    let mut out = format!("|{chomp}");
    for line in s[..body.len() + trailing.saturating_sub(1)].split('\n') {
        out.push('\n');
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
    }
    out
}

/// Scalar text as the emitter writes it, tracking the column (in UTF-16 units, as Java
/// counts) so long lines can be folded where SnakeYAML folds them.
struct Folder {
    out: String,
    column: usize,
    indent: usize,
    split: bool,
}

impl Folder {
    fn write(&mut self, text: &str) {
        self.column += text.encode_utf16().count();
        self.out.push_str(text);
    }

    fn write_chars(&mut self, chars: &[char]) {
        self.column += chars.iter().map(|c| c.len_utf16()).sum::<usize>();
        self.out.extend(chars);
    }

    /// `writeIndent`: a new line, indented.
    fn break_line(&mut self) {
        self.out.push('\n');
        self.out.push_str(&" ".repeat(self.indent));
        self.column = self.indent;
    }

    /// `writePlain` and `writeSingleQuoted`: a single inner space past the width becomes a
    /// line break; inside single quotes a quote is doubled.
    fn folded(&mut self, s: &str, quoted: bool) {
        if quoted {
            self.write("'");
        }
        let chars: Vec<char> = s.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let start = i;
            if chars[i] == ' ' {
                while i < chars.len() && chars[i] == ' ' {
                    i += 1;
                }
                let inner = start != 0 && i != chars.len();
                if i - start == 1 && self.column > YAML_WIDTH && self.split && inner {
                    self.break_line();
                } else {
                    self.write_chars(&chars[start..i]);
                }
            } else {
                while i < chars.len() && chars[i] != ' ' {
                    i += 1;
                }
                for &c in &chars[start..i] {
                    if quoted && c == '\'' {
                        self.write("''");
                    } else {
                        self.write_chars(&[c]);
                    }
                }
            }
        }
        if quoted {
            self.write("'");
        }
    }

    /// `writeDoubleQuoted`: escapes, and folding with `\` at the end of a broken line.
    fn double_quoted(&mut self, s: &str) {
        self.write("\"");
        let chars: Vec<char> = s.chars().collect();
        let n = chars.len();
        let (mut start, mut end) = (0usize, 0usize);
        while end <= n {
            let ch = chars.get(end).copied();
            let escaped = ch.is_none_or(|c| {
                "\"\\\u{85}\u{2028}\u{2029}\u{FEFF}".contains(c) || !(' '..='~').contains(&c)
            });
            if escaped {
                if start < end {
                    self.write_chars(&chars[start..end]);
                    start = end;
                }
                if let Some(c) = ch {
                    self.write(&yaml_escape(c));
                    start = end + 1;
                }
            }
            let pending = end as i64 - start as i64;
            if 0 < end
                && end + 1 < n
                && (ch == Some(' ') || start >= end)
                && self.column as i64 + pending > YAML_WIDTH as i64
                && self.split
            {
                if start < end {
                    let head: String = chars[start..end].iter().collect();
                    self.write(&head);
                    start = end;
                }
                self.write("\\");
                self.break_line();
                if chars.get(start) == Some(&' ') {
                    self.write("\\");
                }
            }
            end += 1;
        }
        self.write("\"");
    }
}

/// One character inside double quotes (SnakeYAML's `ESCAPE_REPLACEMENTS`, printable
/// characters as they are, `\x`/`\u` escapes in lower-case hex otherwise).
fn yaml_escape(c: char) -> String {
    let named = match c {
        '\0' => "0",
        '\u{7}' => "a",
        '\u{8}' => "b",
        '\t' => "t",
        '\n' => "n",
        '\u{b}' => "v",
        '\u{c}' => "f",
        '\r' => "r",
        '\u{1b}' => "e",
        '"' => "\"",
        '\\' => "\\",
        '\u{85}' => "N",
        '\u{a0}' => "_",
        '\u{2028}' => "L",
        '\u{2029}' => "P",
        _ => "",
    };
    if !named.is_empty() {
        return format!("\\{named}");
    }
    let code = c as u32;
    let printable = (0x20..=0x7E).contains(&code)
        || (0xA0..=0xD7FF).contains(&code)
        || (0xE000..=0xFFFD).contains(&code)
        || code >= 0x10000;
    if printable {
        c.to_string()
    } else if code <= 0xFF {
        format!("\\x{code:02x}")
    } else {
        format!("\\u{code:04x}")
    }
}

/// A string scalar written where the emitter's column is `column`; `indent` is where
/// continuation lines and block content go. Keys are never folded.
fn yaml_string_at(s: &str, column: usize, indent: usize, as_key: bool) -> String {
    let mut f = Folder {
        out: String::new(),
        column,
        indent,
        split: !as_key,
    };
    match string_style(s, as_key) {
        Style::Plain => f.folded(s, false),
        Style::Single => f.folded(s, true),
        Style::Double => f.double_quoted(s),
        Style::Literal => return literal_block(s, indent),
    }
    f.out
}

fn yaml_number(n: &Num) -> String {
    let special = |d: f64| {
        if d.is_nan() {
            Some(".NaN")
        } else if d == f64::INFINITY {
            Some(".inf")
        } else if d == f64::NEG_INFINITY {
            Some("-.inf")
        } else {
            None
        }
    };
    let sp = match n {
        Num::Double(d) => special(*d),
        Num::Float(f) => special(f64::from(*f)),
        _ => None,
    };
    sp.map_or_else(|| n.to_string(), str::to_string)
}

/// A scalar's text written at `column`, or `None` for a collection.
fn yaml_scalar(v: &Value, column: usize, indent: usize, as_key: bool) -> Option<String> {
    if let Some(millis) = crate::eval::methods::date::date_millis(v) {
        return Some(yaml_date(millis));
    }
    Some(match v {
        Value::Null => "null".into(),
        Value::Bool(b) => b.to_string(),
        Value::Num(n) => yaml_number(n),
        Value::Map(_) | Value::List(_) | Value::Set(_) => return None,
        other => yaml_string_at(&to_display(other), column, indent, as_key),
    })
}

/// The column after the last line of `out` (in UTF-16 units).
fn column_of(out: &str) -> usize {
    let line = out.rfind('\n').map_or(out, |i| &out[i + 1..]);
    line.encode_utf16().count()
}

/// A map or list's entries, `None` for a scalar.
enum Block {
    Map(Vec<(Value, Value)>),
    Seq(Vec<Value>),
}

fn block_of(v: &Value) -> Option<Block> {
    match v {
        Value::Map(m) => Some(Block::Map(m.snapshot())),
        Value::List(l) => Some(Block::Seq(l.snapshot())),
        Value::Set(s) => Some(Block::Seq(s.snapshot())),
        _ => None,
    }
}

struct YamlWriter {
    out: String,
    depth: usize,
}

impl YamlWriter {
    /// Writes `v` after a `key:` or `-` on the current line; `indent` is the indentation of
    /// that key or dash.
    fn value_after(&mut self, v: &Value, indent: usize, in_seq: bool) -> R<()> {
        self.depth += 1;
        if self.depth > 256 {
            return throw(YAML_EXCEPTION, "the data is nested too deeply (a cycle?)");
        }
        match block_of(v) {
            Some(Block::Map(m)) if m.is_empty() => self.out.push_str(" {}\n"),
            Some(Block::Seq(s)) if s.is_empty() => self.out.push_str(" []\n"),
            Some(Block::Map(m)) if in_seq => {
                self.out.push(' ');
                self.map(&m, indent + 2, true)?;
            }
            Some(Block::Map(m)) => {
                self.out.push('\n');
                self.map(&m, indent + 2, false)?;
            }
            Some(Block::Seq(s)) if in_seq => {
                self.out.push(' ');
                self.seq(&s, indent + 2, true)?;
            }
            // Block sequences under a key are not indented (SnakeYAML's indicatorIndent 0).
            Some(Block::Seq(s)) => {
                self.out.push('\n');
                self.seq(&s, indent, false)?;
            }
            None => {
                self.out.push(' ');
                let column = column_of(&self.out);
                let text = yaml_scalar(v, column, indent + 2, false).unwrap_or_default();
                self.out.push_str(&text);
                self.out.push('\n');
            }
        }
        self.depth -= 1;
        Ok(())
    }

    fn map(&mut self, entries: &[(Value, Value)], indent: usize, first_inline: bool) -> R<()> {
        for (i, (k, v)) in entries.iter().enumerate() {
            if i > 0 || !first_inline {
                self.out.push_str(&" ".repeat(indent));
            }
            let column = column_of(&self.out);
            let key = yaml_scalar(k, column, indent + 2, true)
                .unwrap_or_else(|| yaml_string_at(&to_display(k), column, indent + 2, true));
            self.out.push_str(&key);
            self.out.push(':');
            self.value_after(v, indent, false)?;
        }
        Ok(())
    }

    fn seq(&mut self, items: &[Value], indent: usize, first_inline: bool) -> R<()> {
        for (i, v) in items.iter().enumerate() {
            if i > 0 || !first_inline {
                self.out.push_str(&" ".repeat(indent));
            }
            self.out.push('-');
            self.value_after(v, indent, true)?;
        }
        Ok(())
    }

    /// One document; `explicit` starts it with `---` (every document after the first).
    fn document(&mut self, v: &Value, explicit: bool) -> R<()> {
        match block_of(v) {
            Some(Block::Map(m)) if !m.is_empty() => {
                if explicit {
                    self.out.push_str("---\n");
                }
                self.map(&m, 0, false)
            }
            Some(Block::Seq(s)) if !s.is_empty() => {
                if explicit {
                    self.out.push_str("---\n");
                }
                self.seq(&s, 0, false)
            }
            block => {
                if explicit {
                    self.out.push_str("--- ");
                }
                let text = match block {
                    Some(Block::Map(_)) => "{}".to_string(),
                    Some(Block::Seq(_)) => "[]".to_string(),
                    None => yaml_scalar(v, column_of(&self.out), 2, false).unwrap_or_default(),
                };
                self.out.push_str(&text);
                self.out.push('\n');
                Ok(())
            }
        }
    }
}

/// `Yaml.dump(data)` / `Yaml.dumpAll(datas)`.
fn dump_yaml(docs: &[Value]) -> R<String> {
    let mut w = YamlWriter {
        out: String::new(),
        depth: 0,
    };
    for (i, d) in docs.iter().enumerate() {
        w.document(d, i > 0)?;
    }
    Ok(w.out)
}

/// `WriteYamlStep.isValidObjectType`: only plain data (strings, numbers, booleans, null,
/// maps and collections of them).
fn plain_data(v: &Value, depth: usize) -> bool {
    if depth > 256 {
        return false;
    }
    match v {
        Value::Null
        | Value::Bool(_)
        | Value::Num(_)
        | Value::Str(_)
        | Value::GString(_)
        | Value::Char(_) => true,
        Value::Native(_) => crate::eval::methods::date::date_millis(v).is_some(),
        Value::Map(m) => m
            .snapshot()
            .iter()
            .all(|(k, x)| plain_data(k, depth + 1) && plain_data(x, depth + 1)),
        Value::List(l) => l.snapshot().iter().all(|x| plain_data(x, depth + 1)),
        Value::Set(s) => s.snapshot().iter().all(|x| plain_data(x, depth + 1)),
        _ => false,
    }
}

pub struct WriteYaml;
static WRITE_YAML: StepSpec = StepSpec {
    name: "writeYaml",
    summary: "Write data as YAML (SnakeYAML's block style) to a file, or return the text.",
    params: &[
        opt(
            "data",
            T::Any,
            "the data: maps, lists, strings, numbers, booleans",
        ),
        opt(
            "datas",
            T::List,
            "several documents to write, separated by `---`",
        ),
        OUT_FILE,
        RETURN_TEXT,
        opt(
            "overwrite",
            T::Bool,
            "replace an existing file (default false: an existing file is an error)",
        ),
        opt("charset", T::String, "the file's charset (default UTF-8)"),
    ],
    positional: None,
    body: Body::None,
    returns: "null, or the YAML text (returnText)",
    example: "writeYaml file: 'values.yaml', data: [image: [tag: env.GIT_COMMIT]], overwrite: true",
    side_effects: true,
    open_params: false,
};

impl WriteYaml {
    /// Checks the arguments like `WriteYamlStep.start` and its executions, then writes or
    /// returns the text.
    fn execute(call: &StepCall<'_>, dry: bool) -> R<Value> {
        let data = call.args.get("data").cloned();
        let datas = call.args.get("datas").cloned();
        if data.as_ref().is_some_and(|d| !plain_data(d, 0)) {
            return illegal("data parameter has invalid content (no-basic classes)");
        }
        let datas = match datas {
            None => None,
            Some(v @ (Value::List(_) | Value::Set(_))) if plain_data(&v, 0) => Some(match v {
                Value::List(l) => l.snapshot(),
                Value::Set(s) => s.snapshot(),
                _ => Vec::new(),
            }),
            Some(_) => return illegal("datas parameter has invalid content (no-basic classes)"),
        };
        let file = call.args.string("file");
        let file = if call.args.bool("returnText").unwrap_or(false) {
            if file.is_some() {
                return illegal("cannot provide both returnText and file to writeYaml");
            }
            if call.args.has("charset") {
                return illegal("cannot provide both returnText and charset to writeYaml");
            }
            if call.args.bool("overwrite").unwrap_or(false) {
                return illegal("cannot provide both returnText and overwrite to writeYaml");
            }
            None
        } else {
            let Some(f) = file.filter(|f| !f.trim().is_empty()) else {
                return illegal("either file or returnText must be provided to writeYaml");
            };
            let out = Output::new(call, f, Charset::Utf8)?;
            if !call.args.bool("overwrite").unwrap_or(false) && out.path.exists() {
                return throw(
                    "java.nio.file.FileAlreadyExistsException",
                    out.path.display().to_string(),
                );
            }
            let charset = Charset::for_name(call.args.string("charset").as_deref())?;
            Some(Output { charset, ..out })
        };
        let docs = match (data, datas) {
            (None, None) => {
                return illegal("data or datas parameter must be provided to writeYaml")
            }
            (Some(_), Some(_)) => {
                return illegal("only one of data or datas must be provided to writeYaml")
            }
            (Some(d), None) => vec![d],
            (None, Some(ds)) => ds,
        };
        finish(call, "writeYaml", dump_yaml(&docs)?, file, dry)
    }
}

reading_step!(WriteYaml, WRITE_YAML, execute);

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(pairs: Vec<(&str, Json)>) -> Json {
        Json::Obj(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    #[test]
    fn json_lib_pretty_layout() {
        let j = obj(vec![
            ("a", Json::Num("1".into())),
            (
                "b",
                Json::Arr(vec![Json::Num("1".into()), Json::Str("x".into())]),
            ),
            ("c", obj(vec![("d", Json::Null)])),
        ]);
        assert_eq!(
            json_pretty(&j, 2, 0),
            "{\n  \"a\": 1,\n  \"b\":   [\n    1,\n    \"x\"\n  ],\n  \"c\": {\"d\": null}\n}"
        );
        let mut s = String::new();
        json_compact(&j, &mut s);
        assert_eq!(s, r#"{"a":1,"b":[1,"x"],"c":{"d":null}}"#);
    }

    #[test]
    fn json_numbers_and_strings_like_json_lib() {
        assert_eq!(number_to_string("1.50".into()), "1.5");
        assert_eq!(number_to_string("2.0".into()), "2");
        assert_eq!(number_to_string("1.0E10".into()), "1.0E10");
        assert_eq!(json_string("null".into()), Json::Null);
        assert_eq!(
            json_string("[1]".into()),
            Json::Arr(vec![Json::Num("1".into())])
        );
        let mut s = String::new();
        json_quote("</a>\u{1}é", &mut s);
        assert_eq!(s, "\"<\\/a>\\u0001é\"");
    }

    #[test]
    fn yaml_scalars_are_quoted_when_snakeyaml_would() {
        for (s, want) in [
            ("plain", "plain"),
            ("yes", "'yes'"),
            ("123", "'123'"),
            ("1.5", "'1.5'"),
            ("", "''"),
            ("a: b", "'a: b'"),
            ("- x", "'- x'"),
            ("it's", "it's"),
            ("#x", "'#x'"),
            ("2024-01-02", "'2024-01-02'"),
            ("tab\there", "\"tab\\there\""),
            ("a\nb\n", "|\n  a\n  b"),
            ("a\nb", "|-\n  a\n  b"),
        ] {
            assert_eq!(yaml_string_at(s, 0, 2, false), want, "{s:?}");
        }
    }

    #[test]
    fn yaml_resolver_tries_a_type_only_for_its_first_characters() {
        assert_eq!(implicit_type("_1"), Implicit::Str);
        assert_eq!(implicit_type("1_000"), Implicit::Int);
        assert_eq!(implicit_type(".5"), Implicit::Float);
        assert_eq!(implicit_type("0x1F"), Implicit::Int);
        assert_eq!(implicit_type("2024-01-02"), Implicit::Timestamp);
        assert_eq!(implicit_type("y"), Implicit::Str);
    }

    #[test]
    fn yaml_timestamps_are_dates_in_utc_or_their_offset() {
        let millis =
            |t: &str| yaml_timestamp(t).and_then(|v| crate::eval::methods::date::date_millis(&v));
        assert_eq!(millis("1970-01-01"), Some(0));
        assert_eq!(millis("2024-01-02"), Some(1_704_153_600_000));
        assert_eq!(
            millis("2001-12-14t21:59:43.10-05:00"),
            Some(1_008_385_183_100)
        );
        assert_eq!(millis("2001-12-14 21:59:43.10 -5"), Some(1_008_385_183_100));
        // A lenient Calendar rolls month 13 into the next year.
        assert_eq!(millis("2023-13-02"), millis("2024-01-02"));
        assert_eq!(yaml_date(1_704_153_600_000), "2024-01-02T00:00:00Z");
        assert_eq!(yaml_date(1_008_385_183_100), "2001-12-15T02:59:43.100Z");
        assert_eq!(yaml_date(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn yaml_scalars_fold_past_eighty_columns_like_snakeyaml() {
        let words = ["word"; 30].join(" ");
        // Plain: a single space after column 80 becomes a line break at the indent.
        let plain = yaml_string_at(&words, 13, 2, false);
        let lines: Vec<&str> = plain.split('\n').collect();
        assert_eq!(lines.len(), 2, "{plain}");
        assert_eq!(13 + lines[0].len(), 82);
        assert!(lines[1].starts_with("  word"));
        assert_eq!(plain.replace("\n  ", " "), words);
        // Keys are never folded.
        assert_eq!(yaml_string_at(&words, 0, 2, true), words);
        // Single quotes fold the same way; double quotes end a broken line with `\`.
        let single = yaml_string_at(&format!("@it's {words}"), 3, 2, false);
        assert!(
            single.starts_with("'@it''s word") && single.contains("\n  word"),
            "{single}"
        );
        let double = yaml_string_at(&format!("tab\t{words}"), 3, 2, false);
        assert!(double.contains("\\\n  \\ word"), "{double}");
        assert_eq!(yaml_string_at("\u{1}\u{a0}x", 0, 2, false), "\"\\x01\\_x\"");
    }

    #[test]
    fn json_syntax_errors_read_like_json_lib() {
        let err = |t: &str| match parse_json_document(t) {
            Err(crate::eval::error::Flow::Throw(e)) => match &e.value {
                Value::Exception(x) => x.message.clone(),
                _ => None,
            },
            _ => None,
        };
        assert_eq!(err("abc").as_deref(), Some("Invalid JSON String"));
        assert_eq!(
            err("{\"a\": }").as_deref(),
            Some("Missing value. at character 7 of {\"a\": }")
        );
        assert!(parse_json_document("[1] trailing").is_ok());
        assert!(parse_json_document(" [1]").is_err());
    }
}

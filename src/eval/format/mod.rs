//! `java.util.Formatter`: `String.format`, Groovy's `sprintf` and `printf`.
//!
//! [`java_format`] follows JDK 17's `Formatter` with the `en`/`US` conventions the oracle runs
//! with (`,` groups by three, `.` is the decimal point, `%n` is `\n`). The whole format string
//! is parsed (and every specifier checked) before anything is printed, as in Java, so syntax
//! errors win over argument errors. Errors carry Java's exception class and message.
//!
//! ## Arguments
//! The evaluator turns each Groovy value into a [`FmtArg`], keeping its Java type: `%x` of
//! `-1` (Integer) is `ffffffff` but of `-1L` is `ffffffffffffffff`, and `%d` of a Double is an
//! `IllegalFormatConversionException: d != java.lang.Double`. Anything that is not a number,
//! string, character or boolean is an [`FmtArg::Object`] with its class name, its **Java**
//! `toString()` (`%s` of a Groovy map prints `{a=1}`, not `[a:1]`) and its `hashCode()`.
//!
//! Groovy-level notes for callers: `sprintf(fmt, list)` spreads a List or array argument;
//! `'x %s'.format('y')` calls the *static* `String.format('y')` (the receiver is ignored).
//!
//! Not supported: date/time conversions (`%tY`…) fail with [`FormatError::unsupported`].

mod number;

#[cfg(test)]
mod tests;

pub use number::{java_bigdecimal_to_string, java_double_to_string, java_float_to_string};

use crate::eval::jstr;
use bigdecimal::num_bigint::{BigInt, Sign};
use bigdecimal::BigDecimal;
use number::Digits;

/// One argument of a format call, with the Java type it had.
#[derive(Debug, Clone, PartialEq)]
pub enum FmtArg {
    Null,
    Bool(bool),
    Char(char),
    Byte(i8),
    Short(i16),
    Int(i32),
    Long(i64),
    BigInt(BigInt),
    Float(f32),
    Double(f64),
    Decimal(BigDecimal),
    Str(String),
    /// Any other object: Java class name (for error messages), Java `toString()`, `hashCode()`.
    Object {
        class: String,
        text: String,
        hash: i32,
    },
}

impl FmtArg {
    /// The Java class name, as `IllegalFormatConversionException` prints it.
    pub fn java_class(&self) -> &str {
        match self {
            FmtArg::Null => "null",
            FmtArg::Bool(_) => "java.lang.Boolean",
            FmtArg::Char(_) => "java.lang.Character",
            FmtArg::Byte(_) => "java.lang.Byte",
            FmtArg::Short(_) => "java.lang.Short",
            FmtArg::Int(_) => "java.lang.Integer",
            FmtArg::Long(_) => "java.lang.Long",
            FmtArg::BigInt(_) => "java.math.BigInteger",
            FmtArg::Float(_) => "java.lang.Float",
            FmtArg::Double(_) => "java.lang.Double",
            FmtArg::Decimal(_) => "java.math.BigDecimal",
            FmtArg::Str(_) => "java.lang.String",
            FmtArg::Object { class, .. } => class,
        }
    }

    /// `String.valueOf(arg)` (what `%s` prints).
    pub fn to_java_string(&self) -> String {
        match self {
            FmtArg::Null => "null".into(),
            FmtArg::Bool(b) => b.to_string(),
            FmtArg::Char(c) => c.to_string(),
            FmtArg::Byte(v) => v.to_string(),
            FmtArg::Short(v) => v.to_string(),
            FmtArg::Int(v) => v.to_string(),
            FmtArg::Long(v) => v.to_string(),
            FmtArg::BigInt(v) => v.to_string(),
            FmtArg::Float(v) => java_float_to_string(*v),
            FmtArg::Double(v) => java_double_to_string(*v),
            FmtArg::Decimal(v) => java_bigdecimal_to_string(v),
            FmtArg::Str(s) => s.clone(),
            FmtArg::Object { text, .. } => text.clone(),
        }
    }

    /// `arg.hashCode()` (what `%h` prints in hex); `None` for null.
    pub fn java_hash(&self) -> Option<i32> {
        Some(match self {
            FmtArg::Null => return None,
            FmtArg::Bool(b) => {
                if *b {
                    1231
                } else {
                    1237
                }
            }
            FmtArg::Char(c) => *c as i32,
            FmtArg::Byte(v) => *v as i32,
            FmtArg::Short(v) => *v as i32,
            FmtArg::Int(v) => *v,
            FmtArg::Long(v) => number::long_hash(*v),
            FmtArg::BigInt(v) => number::bigint_hash(v),
            FmtArg::Float(v) => number::float_hash(*v),
            FmtArg::Double(v) => number::double_hash(*v),
            FmtArg::Decimal(v) => number::bigdecimal_hash(v),
            FmtArg::Str(s) => jstr::java_string_hash(s),
            FmtArg::Object { hash, .. } => *hash,
        })
    }
}

/// A `java.util.IllegalFormatException` (or subclass): class name and message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatError {
    pub class: &'static str,
    pub message: String,
}

impl FormatError {
    fn new(class: &'static str, message: impl Into<String>) -> FormatError {
        FormatError {
            class,
            message: message.into(),
        }
    }

    /// A conversion Java supports but this implementation does not (date/time).
    pub fn unsupported(what: &str) -> FormatError {
        FormatError::new(
            "java.lang.UnsupportedOperationException",
            format!("{what} are not supported by pipewright's String.format"),
        )
    }
}

impl std::fmt::Display for FormatError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.class, self.message)
    }
}

impl std::error::Error for FormatError {}

fn err(class: &'static str, message: impl Into<String>) -> FormatError {
    FormatError::new(class, message)
}

fn unknown_conversion(c: &str) -> FormatError {
    err(
        "java.util.UnknownFormatConversionException",
        format!("Conversion = '{c}'"),
    )
}

fn illegal_flags(f: Flags) -> FormatError {
    err(
        "java.util.IllegalFormatFlagsException",
        format!("Flags = '{}'", f.to_java()),
    )
}

fn illegal_precision(p: i64) -> FormatError {
    err("java.util.IllegalFormatPrecisionException", p.to_string())
}

fn illegal_width(w: i64) -> FormatError {
    err("java.util.IllegalFormatWidthException", w.to_string())
}

/// The flags of a specifier (`Formatter.Flags`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Flags(u16);

const LEFT: u16 = 1;
const UPPER: u16 = 1 << 1;
const ALT: u16 = 1 << 2;
const PLUS: u16 = 1 << 3;
const SPACE: u16 = 1 << 4;
const ZERO: u16 = 1 << 5;
const GROUP: u16 = 1 << 6;
const PAREN: u16 = 1 << 7;
const PREV: u16 = 1 << 8;

const FLAG_CHARS: [(u16, char); 9] = [
    (LEFT, '-'),
    (UPPER, '^'),
    (ALT, '#'),
    (PLUS, '+'),
    (SPACE, ' '),
    (ZERO, '0'),
    (GROUP, ','),
    (PAREN, '('),
    (PREV, '<'),
];

impl Flags {
    fn has(self, f: u16) -> bool {
        self.0 & f == f
    }

    fn to_java(self) -> String {
        FLAG_CHARS
            .iter()
            .filter(|(f, _)| self.has(*f))
            .map(|(_, c)| *c)
            .collect()
    }
}

fn flag_of(c: char) -> Option<u16> {
    FLAG_CHARS
        .iter()
        .find(|(f, ch)| *ch == c && *f != UPPER)
        .map(|(f, _)| *f)
}

/// One `%…` specifier.
#[derive(Debug, Clone)]
struct Spec {
    /// -2 text (`%n`, `%%`), -1 relative (`<`), 0 ordinary, > 0 explicit.
    index: i64,
    flags: Flags,
    width: i64,
    precision: i64,
    dt: bool,
    /// The conversion, lower-cased (upper case is the `UPPER` flag).
    conv: char,
}

enum Piece<'a> {
    Text(&'a str),
    Spec(Spec),
}

fn is_valid_conversion(c: char) -> bool {
    "bBsShHcCdoxXeEgGfaAn%".contains(c)
}

fn is_valid_date_time(c: char) -> bool {
    "HIklMSLNpzZsQBbhAaCYyjmdeRTrDFc".contains(c)
}

impl Spec {
    fn simple(c: char) -> Spec {
        let mut flags = Flags::default();
        let mut conv = c;
        if c.is_ascii_uppercase() {
            flags.0 |= UPPER;
            conv = c.to_ascii_lowercase();
        }
        Spec {
            index: if matches!(c, 'n' | '%') { -2 } else { 0 },
            flags,
            width: -1,
            precision: -1,
            dt: false,
            conv,
        }
    }

    /// `FormatSpecifier.toString()`, as used in exception messages.
    fn to_java(&self) -> String {
        let mut s = String::from("%");
        s.push_str(&Flags(self.flags.0 & !UPPER).to_java());
        if self.index > 0 {
            s.push_str(&format!("{}$", self.index));
        }
        if self.width != -1 {
            s.push_str(&self.width.to_string());
        }
        if self.precision != -1 {
            s.push_str(&format!(".{}", self.precision));
        }
        let upper = self.flags.has(UPPER);
        if self.dt {
            s.push(if upper { 'T' } else { 't' });
        }
        s.push(if upper {
            self.conv.to_ascii_uppercase()
        } else {
            self.conv
        });
        s
    }

    fn mismatch(&self, flag: u16) -> FormatError {
        err(
            "java.util.FormatFlagsConversionMismatchException",
            format!(
                "Conversion = {}, Flags = {}",
                self.conv,
                Flags(flag).to_java()
            ),
        )
    }

    fn check_bad_flags(&self, bad: &[u16]) -> Result<(), FormatError> {
        match bad.iter().find(|&&f| self.flags.has(f)) {
            Some(&f) => Err(self.mismatch(f)),
            None => Ok(()),
        }
    }

    fn missing_width(&self) -> FormatError {
        err("java.util.MissingFormatWidthException", self.to_java())
    }

    fn check_left_needs_width(&self) -> Result<(), FormatError> {
        if self.width == -1 && self.flags.has(LEFT) {
            return Err(self.missing_width());
        }
        Ok(())
    }

    fn check_no_precision(&self) -> Result<(), FormatError> {
        if self.precision != -1 {
            return Err(illegal_precision(self.precision));
        }
        Ok(())
    }

    fn check_numeric(&self) -> Result<(), FormatError> {
        if self.width == -1 && (self.flags.has(LEFT) || self.flags.has(ZERO)) {
            return Err(self.missing_width());
        }
        if (self.flags.has(PLUS) && self.flags.has(SPACE))
            || (self.flags.has(LEFT) && self.flags.has(ZERO))
        {
            return Err(illegal_flags(self.flags));
        }
        Ok(())
    }

    /// The checks `FormatSpecifier`'s constructor makes.
    fn check(&self) -> Result<(), FormatError> {
        let c = self.conv;
        if self.dt {
            self.check_no_precision()?;
            if !is_valid_date_time(c) {
                return Err(unknown_conversion(&format!("t{c}")));
            }
            self.check_bad_flags(&[ALT, PLUS, SPACE, ZERO, GROUP, PAREN])?;
            return self.check_left_needs_width();
        }
        match c {
            'b' | 'h' | 's' => {
                if c != 's' && self.flags.has(ALT) {
                    return Err(self.mismatch(ALT));
                }
                self.check_left_needs_width()?;
                self.check_bad_flags(&[PLUS, SPACE, ZERO, GROUP, PAREN])
            }
            'c' => {
                self.check_no_precision()?;
                self.check_bad_flags(&[ALT, PLUS, SPACE, ZERO, GROUP, PAREN])?;
                self.check_left_needs_width()
            }
            'd' | 'o' | 'x' => {
                self.check_numeric()?;
                self.check_no_precision()?;
                self.check_bad_flags(if c == 'd' { &[ALT] } else { &[GROUP] })
            }
            'e' | 'f' | 'g' | 'a' => {
                self.check_numeric()?;
                match c {
                    'a' => self.check_bad_flags(&[PAREN, GROUP]),
                    'e' => self.check_bad_flags(&[GROUP]),
                    'g' => self.check_bad_flags(&[ALT]),
                    _ => Ok(()),
                }
            }
            '%' => {
                self.check_no_precision()?;
                if self.flags.0 != LEFT && self.flags.0 != 0 {
                    return Err(illegal_flags(self.flags));
                }
                self.check_left_needs_width()
            }
            'n' => {
                self.check_no_precision()?;
                if self.width != -1 {
                    return Err(illegal_width(self.width));
                }
                if self.flags.0 != 0 {
                    return Err(illegal_flags(self.flags));
                }
                Ok(())
            }
            _ => Err(unknown_conversion(&c.to_string())),
        }
    }
}

fn take_digits(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    i
}

/// `Integer.parseInt`, `None` on overflow.
fn parse_int(digits: &[char]) -> Option<i64> {
    let s: String = digits.iter().collect();
    s.parse::<i32>().ok().map(i64::from)
}

/// Matches `%(\d+\$)?([-#+ 0,(\<]*)?(\d+)?(\.\d+)?([tT])?([a-zA-Z%])` at `start` (the `%`);
/// returns the specifier and the index after it, or `None` if the pattern does not match.
fn parse_spec(chars: &[char], start: usize) -> Option<(Result<Spec, FormatError>, usize)> {
    let mut i = start + 1;
    let mut index_digits = None;
    let d_end = take_digits(chars, i);
    if d_end > i && chars.get(d_end) == Some(&'$') {
        index_digits = Some(&chars[i..d_end]);
        i = d_end + 1;
    }
    let flags_start = i;
    while i < chars.len() && flag_of(chars[i]).is_some() {
        i += 1;
    }
    let flag_chars = &chars[flags_start..i];
    let w_end = take_digits(chars, i);
    let width_digits = (w_end > i).then(|| &chars[i..w_end]);
    i = w_end;
    let mut precision_digits = None;
    if chars.get(i) == Some(&'.') {
        let p_end = take_digits(chars, i + 1);
        if p_end > i + 1 {
            precision_digits = Some(&chars[i + 1..p_end]);
            i = p_end;
        }
    }
    let mut dt_upper = None;
    if matches!(chars.get(i), Some('t' | 'T')) && chars.get(i + 1).is_some_and(is_conv_char) {
        dt_upper = Some(chars[i] == 'T');
        i += 1;
    }
    let conv = *chars.get(i).filter(|c| is_conv_char(c))?;
    let end = i + 1;
    let build = || -> Result<Spec, FormatError> {
        let mut spec = Spec {
            index: 0,
            flags: Flags::default(),
            width: -1,
            precision: -1,
            dt: dt_upper.is_some(),
            conv,
        };
        if let Some(d) = index_digits {
            spec.index = match parse_int(d) {
                Some(0) => {
                    return Err(err(
                        "java.util.IllegalFormatArgumentIndexException",
                        "Illegal format argument index = 0",
                    ))
                }
                Some(n) => n,
                None => {
                    return Err(err(
                        "java.util.IllegalFormatArgumentIndexException",
                        "Format argument index: (not representable as int)",
                    ))
                }
            };
        }
        for &c in flag_chars {
            let f = flag_of(c).unwrap_or(0);
            if spec.flags.has(f) {
                return Err(err(
                    "java.util.DuplicateFormatFlagsException",
                    format!("Flags = '{}'", Flags(f).to_java()),
                ));
            }
            spec.flags.0 |= f;
        }
        if spec.flags.has(PREV) {
            spec.index = -1;
        }
        if let Some(d) = width_digits {
            spec.width = parse_int(d).ok_or_else(|| illegal_width(i32::MIN as i64))?;
        }
        if let Some(d) = precision_digits {
            spec.precision = parse_int(d).ok_or_else(|| illegal_precision(i32::MIN as i64))?;
        }
        if dt_upper == Some(true) {
            spec.flags.0 |= UPPER;
        }
        if !spec.dt {
            if !is_valid_conversion(conv) {
                return Err(unknown_conversion(&conv.to_string()));
            }
            if conv.is_ascii_uppercase() {
                spec.flags.0 |= UPPER;
                spec.conv = conv.to_ascii_lowercase();
            }
            if matches!(spec.conv, 'n' | '%') {
                spec.index = -2;
            }
        }
        spec.check()?;
        Ok(spec)
    };
    Some((build(), end))
}

fn is_conv_char(c: &char) -> bool {
    c.is_ascii_alphabetic() || *c == '%'
}

/// `Formatter.parse`: the fixed texts and specifiers, or the first syntax error.
fn parse(fmt: &str) -> Result<Vec<Piece<'_>>, FormatError> {
    let chars: Vec<char> = fmt.chars().collect();
    // byte offsets of each char, plus the end
    let offsets: Vec<usize> = fmt
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(fmt.len()))
        .collect();
    let mut pieces = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(n) = chars[i..].iter().position(|&c| c == '%').map(|p| p + i) else {
            pieces.push(Piece::Text(&fmt[offsets[i]..]));
            break;
        };
        if n != i {
            pieces.push(Piece::Text(&fmt[offsets[i]..offsets[n]]));
        }
        i = n + 1;
        let Some(&c) = chars.get(i) else {
            return Err(unknown_conversion("%"));
        };
        if is_valid_conversion(c) {
            pieces.push(Piece::Spec(Spec::simple(c)));
            i += 1;
            continue;
        }
        match parse_spec(&chars, n) {
            Some((spec, end)) => {
                pieces.push(Piece::Spec(spec?));
                i = end;
            }
            None => return Err(unknown_conversion(&c.to_string())),
        }
    }
    Ok(pieces)
}

/// `String.format(fmt, args…)` with Java 17's `Formatter`.
pub fn java_format(fmt: &str, args: &[FmtArg]) -> Result<String, FormatError> {
    let pieces = parse(fmt)?;
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut last: i64 = -1;
    let mut lasto: i64 = -1;
    let missing = |spec: &Spec| {
        err(
            "java.util.MissingFormatArgumentException",
            format!("Format specifier '{}'", spec.to_java()),
        )
    };
    for piece in &pieces {
        let spec = match piece {
            Piece::Text(t) => {
                out.push_str(t);
                continue;
            }
            Piece::Spec(s) => s,
        };
        let arg = match spec.index {
            -2 => &FmtArg::Null,
            -1 => {
                if last < 0 || last > args.len() as i64 - 1 {
                    return Err(missing(spec));
                }
                &args[last as usize]
            }
            0 => {
                lasto += 1;
                last = lasto;
                args.get(last as usize).ok_or_else(|| missing(spec))?
            }
            n => {
                last = n - 1;
                args.get(last as usize).ok_or_else(|| missing(spec))?
            }
        };
        Printer {
            spec,
            out: &mut out,
        }
        .print(arg)?;
    }
    Ok(out)
}

/// Widths or float precisions above this fail like Java running out of heap.
const MAX_OUTPUT_UNITS: i64 = 1 << 27;

struct Printer<'a> {
    spec: &'a Spec,
    out: &'a mut String,
}

impl Printer<'_> {
    fn has(&self, f: u16) -> bool {
        self.spec.flags.has(f)
    }

    fn fail_conversion(&self, arg: &FmtArg) -> FormatError {
        err(
            "java.util.IllegalFormatConversionException",
            format!("{} != {}", self.spec.conv, arg.java_class()),
        )
    }

    fn print(&mut self, arg: &FmtArg) -> Result<(), FormatError> {
        // Java would try to build the string and run out of heap; refuse before allocating.
        let huge = |n: i64| n > MAX_OUTPUT_UNITS;
        if huge(self.spec.width) || (huge(self.spec.precision) && "efga".contains(self.spec.conv)) {
            return Err(err("java.lang.OutOfMemoryError", "Java heap space"));
        }
        if self.spec.dt {
            return Err(FormatError::unsupported("date/time conversions (%t, %T)"));
        }
        match self.spec.conv {
            'd' | 'o' | 'x' => self.print_integer(arg),
            'e' | 'f' | 'g' | 'a' => self.print_float(arg),
            'c' => self.print_char(arg),
            'b' => {
                let s = match arg {
                    FmtArg::Null => "false",
                    FmtArg::Bool(false) => "false",
                    _ => "true",
                };
                self.print_text(s);
                Ok(())
            }
            's' => {
                if self.has(ALT) {
                    return Err(self.spec.mismatch(ALT));
                }
                self.print_text(&arg.to_java_string());
                Ok(())
            }
            'h' => {
                let s = arg
                    .java_hash()
                    .map_or_else(|| "null".to_string(), |h| format!("{:x}", h as u32));
                self.print_text(&s);
                Ok(())
            }
            'n' => {
                self.out.push('\n');
                Ok(())
            }
            '%' => {
                self.print_text("%");
                Ok(())
            }
            c => Err(unknown_conversion(&c.to_string())),
        }
    }

    /// `print(String)`: precision cuts (in UTF-16 units), `UPPER` upper-cases, width pads.
    fn print_text(&mut self, s: &str) {
        let mut s = s.to_string();
        if self.spec.precision != -1 && (self.spec.precision as usize) < jstr::utf16_len(&s) {
            s = utf16_prefix_lossy(&s, self.spec.precision as usize);
        }
        if self.has(UPPER) {
            s = s.to_uppercase();
        }
        self.justify(&s);
    }

    fn justify(&mut self, s: &str) {
        let pad = (self.spec.width - jstr::utf16_len(s) as i64).max(0) as usize;
        if self.has(LEFT) {
            self.out.push_str(s);
            self.out.extend(std::iter::repeat_n(' ', pad));
        } else {
            self.out.extend(std::iter::repeat_n(' ', pad));
            self.out.push_str(s);
        }
    }

    fn print_char(&mut self, arg: &FmtArg) -> Result<(), FormatError> {
        let code = match arg {
            FmtArg::Null => {
                self.print_text("null");
                return Ok(());
            }
            FmtArg::Char(c) => {
                self.print_text(&c.to_string());
                return Ok(());
            }
            FmtArg::Byte(v) => *v as i64,
            FmtArg::Short(v) => *v as i64,
            FmtArg::Int(v) => *v as i64,
            other => return Err(self.fail_conversion(other)),
        };
        if !(0..=0x10FFFF).contains(&code) {
            return Err(err(
                "java.util.IllegalFormatCodePointException",
                format!("Code point = 0x{:x}", code as i32 as u32),
            ));
        }
        // A lone surrogate cannot live in a Rust string; Java prints it as '?'.
        let c = char::from_u32(code as u32).unwrap_or('?');
        self.print_text(&c.to_string());
        Ok(())
    }

    fn leading_sign(&self, sb: &mut String, neg: bool) {
        if !neg {
            if self.has(PLUS) {
                sb.push('+');
            } else if self.has(SPACE) {
                sb.push(' ');
            }
        } else if self.has(PAREN) {
            sb.push('(');
        } else {
            sb.push('-');
        }
    }

    fn trailing_sign(&self, sb: &mut String, neg: bool) {
        if neg && self.has(PAREN) {
            sb.push(')');
        }
    }

    fn adjust_width(&self, width: i64, neg: bool) -> i64 {
        if width != -1 && neg && self.has(PAREN) {
            width - 1
        } else {
            width
        }
    }

    /// `localizedMagnitude`: appends the digits of `value[offset..]` with grouping, then
    /// zero-pads what was appended (with what `sb` already held) up to `width`.
    fn magnitude(&self, sb: &mut String, value: &str, offset: usize, width: i64) {
        let begin = sb.len();
        let bytes = value.as_bytes();
        let dot = bytes[offset..]
            .iter()
            .position(|&b| b == b'.')
            .map_or(bytes.len(), |p| p + offset);
        let mut group = self.has(GROUP);
        for (j, &b) in bytes.iter().enumerate().skip(offset) {
            if j == dot {
                sb.push('.');
                group = false;
                continue;
            }
            sb.push(b as char);
            if group && j + 1 != dot && (dot - j) % 3 == 1 {
                sb.push(',');
            }
        }
        if width > sb.len() as i64 && self.has(ZERO) {
            let zeros = "0".repeat(width as usize - sb.len());
            sb.insert_str(begin, &zeros);
        }
    }

    fn print_integer(&mut self, arg: &FmtArg) -> Result<(), FormatError> {
        let c = self.spec.conv;
        let radix_adjust = |v: i64, bits: u32| {
            if v < 0 && c != 'd' {
                v + (1i64 << bits)
            } else {
                v
            }
        };
        match arg {
            FmtArg::Null => {
                self.print_text("null");
                Ok(())
            }
            FmtArg::Byte(v) => self.print_long(radix_adjust(*v as i64, 8)),
            FmtArg::Short(v) => self.print_long(radix_adjust(*v as i64, 16)),
            FmtArg::Int(v) => self.print_long(radix_adjust(*v as i64, 32)),
            FmtArg::Long(v) => self.print_long(*v),
            FmtArg::BigInt(v) => {
                self.print_bigint(v);
                Ok(())
            }
            other => Err(self.fail_conversion(other)),
        }
    }

    fn print_long(&mut self, value: i64) -> Result<(), FormatError> {
        let mut sb = String::new();
        let width = self.spec.width;
        match self.spec.conv {
            'd' => {
                let neg = value < 0;
                self.leading_sign(&mut sb, neg);
                let w = self.adjust_width(width, neg);
                self.magnitude(&mut sb, &value.to_string(), usize::from(neg), w);
                self.trailing_sign(&mut sb, neg);
            }
            conv => {
                self.spec.check_bad_flags(&[PAREN, SPACE, PLUS])?;
                let digits = if conv == 'o' {
                    format!("{:o}", value as u64)
                } else {
                    format!("{:x}", value as u64)
                };
                self.radix_body(&mut sb, &digits, 0);
            }
        }
        self.justify(&sb);
        Ok(())
    }

    /// The `%o`/`%x` body: `0`/`0x` with `#`, zero padding with `0` (counting `used` characters
    /// already written), then the digits.
    fn radix_body(&self, sb: &mut String, digits: &str, used: i64) {
        let prefix = match (self.spec.conv, self.has(UPPER)) {
            ('o', _) => "0",
            (_, true) => "0X",
            _ => "0x",
        };
        let mut len = digits.len() as i64 + used;
        if self.has(ALT) {
            len += prefix.len() as i64;
            sb.push_str(prefix);
        }
        if self.has(ZERO) {
            sb.extend(std::iter::repeat_n(
                '0',
                (self.spec.width - len).max(0) as usize,
            ));
        }
        if self.has(UPPER) {
            sb.push_str(&digits.to_uppercase());
        } else {
            sb.push_str(digits);
        }
    }

    fn print_bigint(&mut self, value: &BigInt) {
        let mut sb = String::new();
        let neg = value.sign() == Sign::Minus;
        let v = value.magnitude();
        self.leading_sign(&mut sb, neg);
        let width = self.spec.width;
        match self.spec.conv {
            'd' => {
                let w = self.adjust_width(width, neg);
                self.magnitude(&mut sb, &v.to_string(), 0, w);
            }
            conv => {
                let digits = v.to_str_radix(if conv == 'o' { 8 } else { 16 });
                let used = sb.len() as i64 + i64::from(neg && self.has(PAREN));
                self.radix_body(&mut sb, &digits, used);
            }
        }
        self.trailing_sign(&mut sb, neg);
        self.justify(&sb);
    }

    fn print_float(&mut self, arg: &FmtArg) -> Result<(), FormatError> {
        match arg {
            FmtArg::Null => {
                self.print_text("null");
                Ok(())
            }
            FmtArg::Float(v) => {
                self.print_double(*v as f64);
                Ok(())
            }
            FmtArg::Double(v) => {
                self.print_double(*v);
                Ok(())
            }
            FmtArg::Decimal(v) if self.spec.conv != 'a' => {
                self.print_decimal(v);
                Ok(())
            }
            other => Err(self.fail_conversion(other)),
        }
    }

    fn print_double(&mut self, value: f64) {
        let mut sb = String::new();
        let upper = self.has(UPPER);
        if value.is_nan() {
            sb.push_str(if upper { "NAN" } else { "NaN" });
        } else {
            let neg = value < 0.0 || (value == 0.0 && value.is_sign_negative());
            let v = value.abs();
            self.leading_sign(&mut sb, neg);
            if v.is_finite() {
                self.print_finite(&mut sb, v, neg);
            } else {
                sb.push_str(if upper { "INFINITY" } else { "Infinity" });
            }
            self.trailing_sign(&mut sb, neg);
        }
        self.justify(&sb);
    }

    fn exp_char(&self) -> char {
        if self.has(UPPER) {
            'E'
        } else {
            'e'
        }
    }

    /// Appends `mant` (zero-padded to the width left after the exponent) and the exponent.
    fn mantissa_and_exponent(&self, sb: &mut String, mant: &str, exp: Option<&str>, neg: bool) {
        let width = self.spec.width;
        let w = match exp {
            Some(e) if width != -1 => self.adjust_width(width - e.len() as i64 - 1, neg),
            _ => self.adjust_width(width, neg),
        };
        self.magnitude(sb, mant, 0, w);
        if let Some(e) = exp {
            sb.push(self.exp_char());
            sb.push_str(e);
        }
    }

    fn print_finite(&self, sb: &mut String, v: f64, neg: bool) {
        let precision = self.spec.precision;
        match self.spec.conv {
            'e' => {
                let prec = if precision == -1 { 6 } else { precision as i32 };
                let Digits {
                    mut digits,
                    dec_exp,
                } = number::double_digits(v);
                let exp_r = number::apply_precision(dec_exp, &mut digits, prec + 1);
                let (mant, exp) = number::fill_scientific(prec, &digits, exp_r);
                let mant = self.finish_mantissa(mant, prec);
                let exp = if v == 0.0 { "+00".to_string() } else { exp };
                self.mantissa_and_exponent(sb, &mant, Some(&exp), neg);
            }
            'f' => {
                let prec = if precision == -1 { 6 } else { precision as i32 };
                let Digits {
                    mut digits,
                    dec_exp,
                } = number::double_digits(v);
                let exp_r = number::apply_precision(dec_exp, &mut digits, dec_exp + prec);
                let mant = number::fill_decimal(prec, &digits, exp_r);
                let mant = self.finish_mantissa(mant, prec);
                self.mantissa_and_exponent(sb, &mant, None, neg);
            }
            'g' => {
                let mut prec = match precision {
                    -1 => 6,
                    0 => 1,
                    p => p as i32,
                };
                let (mant, exp) = if v == 0.0 {
                    prec -= 1;
                    ("0".to_string(), None)
                } else {
                    let Digits {
                        mut digits,
                        dec_exp,
                    } = number::double_digits(v);
                    let exp_r = number::apply_precision(dec_exp, &mut digits, prec);
                    if exp_r - 1 < -4 || exp_r > prec {
                        prec -= 1;
                        let (m, e) = number::fill_scientific(prec, &digits, exp_r);
                        (m, Some(e))
                    } else {
                        prec -= exp_r;
                        (number::fill_decimal(prec, &digits, exp_r), None)
                    }
                };
                let mant = self.finish_mantissa(mant, prec);
                self.mantissa_and_exponent(sb, &mant, exp.as_deref(), neg);
            }
            _ => self.print_hex_float(sb, v, neg),
        }
    }

    /// Pads the fraction with zeros to `prec` digits, and adds `.` for `#` with precision 0.
    fn finish_mantissa(&self, mut mant: String, prec: i32) -> String {
        add_zeros(&mut mant, prec);
        if self.has(ALT) && prec == 0 {
            mant.push('.');
        }
        mant
    }

    fn print_hex_float(&self, sb: &mut String, v: f64, neg: bool) {
        let prec = match self.spec.precision {
            -1 => 0,
            0 => 1,
            p => p as i32,
        };
        let s = number::hex_double(v, prec);
        let upper = self.has(UPPER);
        sb.push_str(if upper { "0X" } else { "0x" });
        if self.has(ZERO) {
            let lead = if self.has(SPACE) || self.has(PLUS) || neg {
                3
            } else {
                2
            };
            let n = self.spec.width - s.len() as i64 - lead;
            sb.extend(std::iter::repeat_n('0', n.max(0) as usize));
        }
        let (mant, exp) = s.split_once('p').unwrap_or((&s, "0"));
        let mut va = if upper {
            mant.to_uppercase()
        } else {
            mant.to_string()
        };
        if prec != 0 {
            add_zeros(&mut va, prec);
        }
        sb.push_str(&va);
        sb.push(if upper { 'P' } else { 'p' });
        sb.push_str(exp);
    }

    fn print_decimal(&mut self, value: &BigDecimal) {
        let mut sb = String::new();
        let (unscaled, scale) = value.as_bigint_and_exponent();
        let neg = unscaled.sign() == Sign::Minus;
        let abs = BigInt::from_biguint(
            if unscaled.sign() == Sign::NoSign {
                Sign::NoSign
            } else {
                Sign::Plus
            },
            unscaled.magnitude().clone(),
        );
        self.leading_sign(&mut sb, neg);
        self.print_decimal_abs(
            &mut sb,
            abs,
            scale,
            self.spec.conv,
            self.spec.precision,
            neg,
        );
        self.trailing_sign(&mut sb, neg);
        self.justify(&sb);
    }

    fn print_decimal_abs(
        &self,
        sb: &mut String,
        unscaled: BigInt,
        scale: i64,
        conv: char,
        precision: i64,
        neg: bool,
    ) {
        match conv {
            'e' => {
                let prec = if precision == -1 { 6 } else { precision };
                let orig_prec = number::digit_count(&unscaled);
                let (comp_prec, nzeros) = if prec > orig_prec - 1 {
                    (orig_prec, prec - (orig_prec - 1))
                } else {
                    (prec + 1, 0)
                };
                let (u, s) = number::round_to_precision(&unscaled, scale, comp_prec);
                let coeff = u.magnitude().to_string();
                let len = coeff.len() as i64;
                let mut mant = coeff[..1].to_string();
                let mut has_dot = false;
                if len > 1 {
                    mant.push('.');
                    mant.push_str(&coeff[1..]);
                    has_dot = true;
                }
                let adjusted = -s + (len - 1);
                let exp = format!(
                    "{}{:02}",
                    if adjusted < 0 { '-' } else { '+' },
                    adjusted.abs()
                );
                if (orig_prec == 1 || !has_dot) && (nzeros > 0 || self.has(ALT)) {
                    mant.push('.');
                }
                mant.extend(std::iter::repeat_n('0', nzeros as usize));
                self.mantissa_and_exponent(sb, &mant, Some(&exp), neg);
            }
            'f' => {
                let prec = if precision == -1 { 6 } else { precision };
                let (u, s) = if scale > prec {
                    (number::set_scale_half_up(&unscaled, scale, prec), prec)
                } else {
                    (unscaled, scale)
                };
                let coeff = u.magnitude().to_string();
                let len = coeff.len() as i64;
                let (mut mant, lay_scale) = if s <= 0 {
                    let mut m = coeff.clone();
                    if u.sign() != Sign::NoSign {
                        m.extend(std::iter::repeat_n('0', (-s) as usize));
                    }
                    (m, 0)
                } else if s >= len {
                    let mut m = String::from("0.");
                    m.extend(std::iter::repeat_n('0', (s - len) as usize));
                    m.push_str(&coeff);
                    (m, s)
                } else {
                    let p = (len - s) as usize;
                    (format!("{}.{}", &coeff[..p], &coeff[p..]), s)
                };
                let nzeros = if lay_scale < prec {
                    prec - lay_scale
                } else {
                    0
                };
                if lay_scale == 0 && (self.has(ALT) || nzeros > 0) {
                    mant.push('.');
                }
                mant.extend(std::iter::repeat_n('0', nzeros as usize));
                self.mantissa_and_exponent(sb, &mant, None, neg);
            }
            _ => {
                // 'g'
                let prec = match precision {
                    -1 => 6,
                    0 => 1,
                    p => p,
                };
                let (u, s) = number::round_to_precision(&unscaled, scale, prec);
                let is_zero_constant = u.sign() == Sign::NoSign && s == 0;
                let value = BigDecimal::new(u.clone(), s);
                let low = BigDecimal::new(BigInt::from(1), 4);
                let high = BigDecimal::new(BigInt::from(1), -prec);
                if is_zero_constant || (value >= low && value < high) {
                    let e = -s + (u.magnitude().to_string().len() as i64 - 1);
                    self.print_decimal_abs(sb, u, s, 'f', prec - e - 1, neg);
                } else {
                    self.print_decimal_abs(sb, u, s, 'e', prec - 1, neg);
                }
            }
        }
    }
}

/// Java's `addZeros`: pads the fraction of `mant` with zeros up to `prec` digits.
fn add_zeros(mant: &mut String, prec: i32) {
    let dot = mant.find('.');
    let out_prec = match dot {
        Some(i) => (mant.len() - i - 1) as i32,
        None => 0,
    };
    if out_prec >= prec {
        return;
    }
    if dot.is_none() {
        mant.push('.');
    }
    mant.extend(std::iter::repeat_n('0', (prec - out_prec) as usize));
}

/// The first `n` UTF-16 units of `s`; half of a surrogate pair becomes `?` (as Java prints
/// a lone surrogate).
fn utf16_prefix_lossy(s: &str, n: usize) -> String {
    let mut out = String::new();
    let mut units = 0;
    for c in s.chars() {
        let w = c.len_utf16();
        if units + w > n {
            if units < n {
                out.push('?');
            }
            break;
        }
        out.push(c);
        units += w;
    }
    out
}

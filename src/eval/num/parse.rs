//! Parsing numbers from strings the Java way, with Java 17's exact `NumberFormatException`
//! messages, and the Groovy `String` conversions and predicates built on them
//! (`toInteger()` trims, `Integer.parseInt` does not, `isNumber()` means "`new BigDecimal`
//! accepts it", …). Expected messages come from `tests/oracle/num_oracle.groovy`.
//!
//! Known divergence: Java's `Character.digit` also accepts non-ASCII Unicode decimal digits
//! (`'٣'.toInteger()` is 3); only ASCII and fullwidth Latin digits/letters are accepted here.

use bigdecimal::num_bigint::BigInt;
use bigdecimal::num_traits::Zero;
use bigdecimal::BigDecimal;

use super::decimal::Dec;
use super::{Num, NumError, NumResult};

/// Java `String.trim()`: strips every char up to U+0020 at both ends.
pub fn java_trim(s: &str) -> &str {
    s.trim_matches(|c: char| c <= ' ')
}

/// Java `Character.digit(c, radix)` for ASCII and fullwidth Latin digits and letters.
fn char_digit(c: char, radix: u32) -> Option<u32> {
    let c = match c {
        '\u{FF10}'..='\u{FF19}' => char::from(b'0' + (c as u32 - 0xFF10) as u8),
        '\u{FF21}'..='\u{FF3A}' => char::from(b'A' + (c as u32 - 0xFF21) as u8),
        '\u{FF41}'..='\u{FF5A}' => char::from(b'a' + (c as u32 - 0xFF41) as u8),
        _ => c,
    };
    c.to_digit(radix)
}

fn for_input_string(s: &str, radix: u32) -> NumError {
    let suffix = if radix == 10 {
        String::new()
    } else {
        format!(" under radix {radix}")
    };
    NumError::number_format(Some(format!("For input string: \"{s}\"{suffix}")))
}

fn check_radix(radix: u32) -> NumResult<()> {
    if radix < 2 {
        return Err(NumError::number_format(Some(format!(
            "radix {radix} less than Character.MIN_RADIX"
        ))));
    }
    if radix > 36 {
        return Err(NumError::number_format(Some(format!(
            "radix {radix} greater than Character.MAX_RADIX"
        ))));
    }
    Ok(())
}

/// `Long.parseLong`-style parsing into `[min, max]`.
fn parse_integral(s: &str, radix: u32, min: i128, max: i128) -> NumResult<i128> {
    check_radix(radix)?;
    let err = || for_input_string(s, radix);
    let (negative, digits) = match s.as_bytes().first() {
        None => return Err(err()),
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        Some(_) => (false, s),
    };
    if digits.is_empty() {
        return Err(err());
    }
    let limit = if negative { -min } else { max };
    let mut acc: i128 = 0;
    for c in digits.chars() {
        let d = char_digit(c, radix).ok_or_else(err)?;
        acc = acc * radix as i128 + d as i128;
        if acc > limit {
            return Err(err());
        }
    }
    Ok(if negative { -acc } else { acc })
}

/// `Integer.parseInt(s, radix)` (also `Integer.valueOf`): no trimming, optional sign.
pub fn parse_int(s: &str, radix: u32) -> NumResult<i32> {
    parse_integral(s, radix, i32::MIN as i128, i32::MAX as i128).map(|v| v as i32)
}

/// `Long.parseLong(s, radix)`.
pub fn parse_long(s: &str, radix: u32) -> NumResult<i64> {
    parse_integral(s, radix, i64::MIN as i128, i64::MAX as i128).map(|v| v as i64)
}

/// Digits per `int` group in `new BigInteger(String, radix)` (Java's `digitsPerInt`).
const DIGITS_PER_INT: [usize; 37] = [
    0, 0, 30, 19, 15, 13, 11, 11, 10, 9, 9, 8, 8, 8, 8, 7, 7, 7, 7, 7, 7, 7, 6, 6, 6, 6, 6, 6, 6,
    6, 6, 6, 6, 6, 6, 6, 5,
];

/// `new BigInteger(s, radix)`. Java parses the digits in `int`-sized groups with
/// `Integer.parseInt`, so a bad digit reports its group: `new BigInteger("12345678901234x")`
/// fails with `For input string: "78901234x"`.
pub fn parse_big_integer(s: &str, radix: u32) -> NumResult<BigInt> {
    if !(2..=36).contains(&radix) {
        return Err(NumError::number_format(Some("Radix out of range".into())));
    }
    let zero_len = || NumError::number_format(Some("Zero length BigInteger".into()));
    if s.is_empty() {
        return Err(zero_len());
    }
    let chars: Vec<char> = s.chars().collect();
    let minus = chars.iter().rposition(|&c| c == '-');
    let plus = chars.iter().rposition(|&c| c == '+');
    let embedded = || NumError::number_format(Some("Illegal embedded sign character".into()));
    let mut cursor = 0;
    let mut negative = false;
    if let Some(i) = minus {
        if i != 0 || plus.is_some() {
            return Err(embedded());
        }
        negative = true;
        cursor = 1;
    } else if let Some(i) = plus {
        if i != 0 {
            return Err(embedded());
        }
        cursor = 1;
    }
    if cursor == chars.len() {
        return Err(zero_len());
    }
    while cursor < chars.len() && char_digit(chars[cursor], radix) == Some(0) {
        cursor += 1;
    }
    if cursor == chars.len() {
        return Ok(BigInt::zero());
    }
    let num_digits = chars.len() - cursor;
    super::check_bits((num_digits as u64).saturating_mul(radix.ilog2() as u64 + 1))?;
    let per = DIGITS_PER_INT[radix as usize];
    let mut first = num_digits % per;
    if first == 0 {
        first = per;
    }
    // Java converts group by group with Integer.parseInt, so a bad digit reports its group.
    let mut start = cursor;
    let mut len = first;
    while start < chars.len() {
        let group: String = chars[start..start + len].iter().collect();
        parse_int(&group, radix)?;
        start += len;
        len = per;
    }
    let digits: String = chars[cursor..]
        .iter()
        .map(|&c| char::from_digit(char_digit(c, radix).unwrap_or(0), radix).unwrap_or('0'))
        .collect();
    let value = BigInt::parse_bytes(digits.as_bytes(), radix).unwrap_or_default();
    Ok(if negative { -value } else { value })
}

/// `new BigDecimal(s)`, with Java 17's messages (`No digits found.`, `Character x is neither
/// a decimal digit number, …`, a `null` message for an empty string or a bare exponent mark).
pub fn parse_big_decimal(s: &str) -> NumResult<BigDecimal> {
    parse_dec(s).map(Dec::into_big_decimal)
}

pub(crate) fn parse_dec(s: &str) -> NumResult<Dec> {
    let nfe = |m: &str| NumError::number_format(Some(m.to_string()));
    // Java indexes past the end (ArrayIndexOutOfBoundsException) for "" and for an exponent
    // mark with nothing after it; that surfaces as a NumberFormatException without message.
    let out_of_bounds = || NumError::number_format(None);
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut negative = false;
    match chars.first() {
        None => return Err(out_of_bounds()),
        Some('-') => {
            negative = true;
            i = 1;
        }
        Some('+') => i = 1,
        Some(_) => {}
    }
    let compact = chars.len() - i <= 18;
    let mut digits = String::new();
    let mut dot = false;
    let mut scale: i64 = 0;
    let mut seen_digit = false;
    let mut exp: i64 = 0;
    while i < chars.len() {
        let c = chars[i];
        if let Some(d) = char_digit(c, 10) {
            seen_digit = true;
            if d != 0 || !digits.is_empty() {
                digits.push(char::from(b'0' + d as u8));
            }
            if dot {
                scale += 1;
            }
        } else if c == '.' {
            if dot {
                return Err(nfe("Character array contains more than one decimal point."));
            }
            dot = true;
        } else if c == 'e' || c == 'E' {
            exp = parse_exp(&chars[i + 1..])?;
            if i32::try_from(exp).is_err() {
                return Err(nfe("Exponent overflow."));
            }
            break;
        } else if compact {
            return Err(nfe(&format!(
                "Character {c} is neither a decimal digit number, decimal point, nor \"e\" notation exponential mark."
            )));
        } else {
            return Err(nfe(
                "Character array is missing \"e\" notation exponential mark.",
            ));
        }
        i += 1;
    }
    if !seen_digit {
        return Err(nfe("No digits found."));
    }
    let scale = scale - exp;
    if i32::try_from(scale).is_err() {
        return Err(nfe("Scale out of range."));
    }
    let mut u: BigInt = if digits.is_empty() {
        BigInt::zero()
    } else {
        super::check_bits(digits.len() as u64 * 4)?;
        digits.parse().map_err(|_| out_of_bounds())?
    };
    if negative {
        u = -u;
    }
    Ok(Dec::new(u, scale))
}

/// Java's `BigDecimal.parseExp` on the characters after the exponent mark.
fn parse_exp(rest: &[char]) -> NumResult<i64> {
    let nfe = |m: &str| NumError::number_format(Some(m.to_string()));
    let mut i = 0;
    let Some(&first) = rest.first() else {
        return Err(NumError::number_format(None));
    };
    let negative = first == '-';
    if negative || first == '+' {
        i = 1;
        if rest.len() == 1 {
            return Err(NumError::number_format(None));
        }
    }
    let mut len = rest.len() - i;
    if len == 0 {
        return Err(nfe("No exponent digits."));
    }
    while len > 10 && char_digit(rest[i], 10) == Some(0) {
        i += 1;
        len -= 1;
    }
    if len > 10 {
        return Err(nfe("Too many nonzero exponent digits."));
    }
    let mut exp: i64 = 0;
    for &c in &rest[i..] {
        let v = char_digit(c, 10).ok_or_else(|| nfe("Not a digit."))? as i64;
        exp = exp * 10 + v;
    }
    Ok(if negative { -exp } else { exp })
}

/// The floating-point formats `Double.parseDouble` accepts, after `trim()`.
enum FloatText<'a> {
    NaN,
    Infinity(bool),
    /// Decimal text in Rust's syntax (suffix removed).
    Decimal(&'a str),
    /// Hexadecimal: negative, mantissa digits (with the point), binary exponent.
    Hex(bool, &'a str, i64),
}

/// Java 17 reports a second point in the leading run of digits and points with its own
/// message, `multiple points`, before looking at anything else.
fn has_multiple_points(t: &str) -> bool {
    let rest = t.strip_prefix(['+', '-']).unwrap_or(t);
    if rest.starts_with(['N', 'I']) || rest.starts_with("0x") || rest.starts_with("0X") {
        return false;
    }
    rest.bytes()
        .take_while(|c| c.is_ascii_digit() || *c == b'.')
        .filter(|c| *c == b'.')
        .count()
        > 1
}

/// Validates Java's `FloatingDecimal.readJavaFormatString` grammar.
fn scan_float(t: &str) -> Option<FloatText<'_>> {
    let b = t.as_bytes();
    let mut i = 0;
    let negative = matches!(b.first(), Some(b'-'));
    if matches!(b.first(), Some(b'-' | b'+')) {
        i = 1;
    }
    let rest = &t[i..];
    if rest.starts_with('N') {
        return (rest == "NaN").then_some(FloatText::NaN);
    }
    if rest.starts_with('I') {
        return (rest == "Infinity").then_some(FloatText::Infinity(negative));
    }
    if rest.len() > 1 && rest.starts_with('0') && matches!(rest.as_bytes()[1], b'x' | b'X') {
        return scan_hex(negative, &rest[2..]);
    }
    let (mut j, n_digits) = scan_mantissa(b, i, |c| c.is_ascii_digit());
    if n_digits == 0 {
        return None;
    }
    if j < b.len() && matches!(b[j], b'e' | b'E') {
        j = scan_exponent(b, j + 1)?.0;
    }
    let end = j;
    if j < b.len() && (j != b.len() - 1 || !matches!(b[j], b'f' | b'F' | b'd' | b'D')) {
        return None;
    }
    Some(FloatText::Decimal(&t[..end]))
}

/// Digits (as `is_digit` says) with at most one point, from `j`: the end and the digit count.
fn scan_mantissa(b: &[u8], mut j: usize, is_digit: fn(u8) -> bool) -> (usize, usize) {
    let mut n_digits = 0;
    let mut dot = false;
    while j < b.len() {
        match b[j] {
            c if is_digit(c) => n_digits += 1,
            b'.' if !dot => dot = true,
            _ => break,
        }
        j += 1;
    }
    (j, n_digits)
}

/// `[+-]?digits+` from `j`: the end, whether negative, and where the digits start.
fn scan_exponent(b: &[u8], mut j: usize) -> Option<(usize, bool, usize)> {
    let negative = j < b.len() && b[j] == b'-';
    if j < b.len() && matches!(b[j], b'+' | b'-') {
        j += 1;
    }
    let start = j;
    while j < b.len() && b[j].is_ascii_digit() {
        j += 1;
    }
    (j > start).then_some((j, negative, start))
}

/// `0x` already consumed: `hex+ .? | hex* . hex+`, then `[pP][+-]?digits`, then `[fFdD]?`.
fn scan_hex(negative: bool, s: &str) -> Option<FloatText<'_>> {
    let b = s.as_bytes();
    let (j, n_hex) = scan_mantissa(b, 0, |c| c.is_ascii_hexdigit());
    if n_hex == 0 {
        return None;
    }
    let mantissa = &s[..j];
    if j >= b.len() || !matches!(b[j], b'p' | b'P') {
        return None;
    }
    let (j, exp_negative, exp_start) = scan_exponent(b, j + 1)?;
    // Saturate huge exponents: anything beyond ±10^9 is zero or infinity anyway.
    let mut exp: i64 = 0;
    for &c in &b[exp_start..j] {
        exp = (exp * 10 + (c - b'0') as i64).min(1_000_000_000);
    }
    if exp_negative {
        exp = -exp;
    }
    match &b[j..] {
        [] | [b'f' | b'F' | b'd' | b'D'] => Some(FloatText::Hex(negative, mantissa, exp)),
        _ => None,
    }
}

/// `m × 2^e` rounded to nearest-even in a binary format with `mant_bits` significand bits,
/// smallest exponent `min_lsb` (of the subnormal unit) and largest finite exponent `max_exp`.
/// Returns `None` on overflow to infinity.
fn round_binary(
    m: &BigInt,
    e: i64,
    mant_bits: u64,
    min_lsb: i64,
    max_exp: i64,
) -> Option<(u64, i64)> {
    if m.is_zero() {
        return Some((0, 0));
    }
    let bits = m.bits() as i64;
    let top = bits - 1 + e;
    if top > max_exp {
        return None;
    }
    let lsb = (top - (mant_bits as i64 - 1)).max(min_lsb);
    let shift = lsb - e;
    if shift > bits + 1 {
        // Below half the smallest subnormal: rounds to zero.
        return Some((0, 0));
    }
    let mut mant: BigInt = if shift <= 0 {
        m << ((-shift) as usize)
    } else {
        let q: BigInt = m >> (shift as usize);
        let rem: BigInt = m - (&q << (shift as usize));
        let half: BigInt = BigInt::from(1) << ((shift - 1) as usize);
        if rem > half || (rem == half && q.bit(0)) {
            q + 1
        } else {
            q
        }
    };
    let mut lsb = lsb;
    if mant.bits() > mant_bits {
        mant >>= 1usize;
        lsb += 1;
    }
    if mant.bits() as i64 - 1 + lsb > max_exp {
        return None;
    }
    let mant = mant.iter_u64_digits().next().unwrap_or(0);
    Some((mant, lsb))
}

/// `mant × 2^lsb` as an f64 (exact: the caller rounded already).
fn ldexp(mant: u64, lsb: i64) -> f64 {
    let mut x = mant as f64;
    let mut k = lsb;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        x *= f64::from_bits(((1023 + step) as u64) << 52);
        k -= step;
    }
    x
}

/// A `BigInt` times `2^e`, correctly rounded (ties to even) to a double, or to a float when
/// `single` (the float value is returned widened, exactly).
fn big_to_binary(m: &BigInt, e: i64, single: bool) -> f64 {
    let (mant_bits, min_lsb, max_exp) = if single {
        (24, -149, 127)
    } else {
        (53, -1074, 1023)
    };
    let mag = BigInt::from(m.magnitude().clone());
    let v = match round_binary(&mag, e, mant_bits, min_lsb, max_exp) {
        Some((mant, lsb)) => ldexp(mant, lsb),
        None => f64::INFINITY,
    };
    if m.sign() == bigdecimal::num_bigint::Sign::Minus {
        -v
    } else {
        v
    }
}

/// A `BigInt` times `2^e` as the nearest f64.
pub(crate) fn big_to_f64(m: &BigInt, e: i64) -> f64 {
    big_to_binary(m, e, false)
}

/// A `BigInt` times `2^e` as the nearest f32.
pub(crate) fn big_to_f32(m: &BigInt, e: i64) -> f32 {
    big_to_binary(m, e, true) as f32
}

fn hex_value(mantissa: &str, exp: i64) -> BigIntScaled {
    let (int_part, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = format!("{int_part}{frac}");
    let m = BigInt::parse_bytes(digits.as_bytes(), 16).unwrap_or_default();
    (m, exp.saturating_sub(4 * frac.len() as i64))
}

type BigIntScaled = (BigInt, i64);

/// `Double.parseDouble` / `Float.parseFloat` (`single`; the float comes back widened).
fn parse_binary(s: &str, single: bool) -> NumResult<f64> {
    let t = java_trim(s);
    if t.is_empty() {
        return Err(NumError::number_format(Some("empty String".into())));
    }
    if has_multiple_points(t) {
        return Err(NumError::number_format(Some("multiple points".into())));
    }
    let err = || NumError::number_format(Some(format!("For input string: \"{t}\"")));
    Ok(match scan_float(t).ok_or_else(err)? {
        FloatText::NaN => f64::NAN,
        FloatText::Infinity(neg) => {
            if neg {
                f64::NEG_INFINITY
            } else {
                f64::INFINITY
            }
        }
        FloatText::Decimal(d) if single => d.parse::<f32>().map_err(|_| err())? as f64,
        FloatText::Decimal(d) => d.parse::<f64>().map_err(|_| err())?,
        FloatText::Hex(neg, mantissa, exp) => {
            let (m, e) = hex_value(mantissa, exp);
            let v = big_to_binary(&m, e, single);
            if neg {
                -v
            } else {
                v
            }
        }
    })
}

/// `Double.parseDouble(s)` (also `Double.valueOf`): trims, accepts `NaN`, `Infinity`, hex
/// floats and a trailing `d`/`f`; `empty String` or `For input string: "<trimmed>"`.
pub fn parse_double(s: &str) -> NumResult<f64> {
    parse_binary(s, false)
}

/// `Float.parseFloat(s)`.
pub fn parse_float(s: &str) -> NumResult<f32> {
    parse_binary(s, true).map(|v| v as f32)
}

/// Groovy `String.toInteger()` / `as Integer`: `Integer.valueOf(s.trim())`.
pub fn string_to_integer(s: &str) -> NumResult<Num> {
    parse_int(java_trim(s), 10).map(Num::Int)
}

/// Groovy `String.toLong()` / `as Long`.
pub fn string_to_long(s: &str) -> NumResult<Num> {
    parse_long(java_trim(s), 10).map(Num::Long)
}

/// Groovy `String.toBigInteger()` / `as BigInteger`.
pub fn string_to_big_integer(s: &str) -> NumResult<Num> {
    parse_big_integer(java_trim(s), 10).map(Num::big_int)
}

/// Groovy `String.toBigDecimal()` / `as BigDecimal`.
pub fn string_to_big_decimal(s: &str) -> NumResult<Num> {
    parse_big_decimal(java_trim(s)).map(Num::decimal)
}

/// Groovy `String.toDouble()` / `as Double`.
pub fn string_to_double(s: &str) -> NumResult<Num> {
    parse_double(s).map(Num::Double)
}

/// Groovy `String.toFloat()` / `as Float`.
pub fn string_to_float(s: &str) -> NumResult<Num> {
    parse_float(s).map(Num::Float)
}

/// Groovy `String.asType(numeric class)`: `'42' as Integer`, `' 5 ' as int`, `'1e3' as
/// Double`. `None` when `type_name` is not a numeric type this module knows.
pub fn string_as_type(s: &str, type_name: &str) -> Option<NumResult<Num>> {
    Some(match super::NumType::from_name(type_name)?.0 {
        super::NumType::Integer => string_to_integer(s),
        super::NumType::Long => string_to_long(s),
        super::NumType::BigInteger => string_to_big_integer(s),
        super::NumType::BigDecimal => string_to_big_decimal(s),
        super::NumType::Double => string_to_double(s),
        super::NumType::Float => string_to_float(s),
    })
}

/// Groovy `String.isInteger()`.
pub fn is_integer(s: &str) -> bool {
    string_to_integer(s).is_ok()
}

/// Groovy `String.isLong()`.
pub fn is_long(s: &str) -> bool {
    string_to_long(s).is_ok()
}

/// Groovy `String.isBigInteger()`.
pub fn is_big_integer(s: &str) -> bool {
    parse_big_integer(java_trim(s), 10).is_ok()
}

/// Groovy `String.isBigDecimal()`.
pub fn is_big_decimal(s: &str) -> bool {
    parse_dec(java_trim(s)).is_ok()
}

/// Groovy `String.isNumber()`: the same as `isBigDecimal()` (so `'NaN'` and `'1.5d'` are not
/// numbers, `'1e3'` is).
pub fn is_number(s: &str) -> bool {
    is_big_decimal(s)
}

/// Groovy `String.isDouble()`.
pub fn is_double(s: &str) -> bool {
    parse_double(s).is_ok()
}

/// Groovy `String.isFloat()`.
pub fn is_float(s: &str) -> bool {
    parse_float(s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(r: NumResult<impl std::fmt::Debug>) -> String {
        match r {
            Ok(v) => format!("ok {v:?}"),
            Err(e) => format!("{}: {}", e.class, e.message.as_deref().unwrap_or("null")),
        }
    }

    // Messages printed by Groovy 2.4.21 on Java 17 (tests/oracle/num_oracle.groovy).
    #[test]
    fn java_messages() {
        let nfe = "java.lang.NumberFormatException";
        assert_eq!(msg(parse_int("ff", 16)), "ok 255");
        assert_eq!(
            msg(parse_int("zz", 16)),
            format!("{nfe}: For input string: \"zz\" under radix 16")
        );
        assert_eq!(
            msg(parse_int("1", 40)),
            format!("{nfe}: radix 40 greater than Character.MAX_RADIX")
        );
        assert_eq!(
            msg(parse_int("", 10)),
            format!("{nfe}: For input string: \"\"")
        );
        assert_eq!(msg(parse_int("-2147483648", 10)), "ok -2147483648");
        assert_eq!(
            msg(parse_int("2147483648", 10)),
            format!("{nfe}: For input string: \"2147483648\"")
        );
        assert_eq!(msg(parse_double(" ")), format!("{nfe}: empty String"));
        assert_eq!(
            msg(parse_double(" x ")),
            format!("{nfe}: For input string: \"x\"")
        );
        assert_eq!(msg(parse_double("0x1.8p1")), "ok 3.0");
        assert_eq!(msg(parse_big_decimal("")), format!("{nfe}: null"));
        assert_eq!(
            msg(parse_big_decimal("-")),
            format!("{nfe}: No digits found.")
        );
        assert_eq!(msg(parse_big_decimal("1e")), format!("{nfe}: null"));
        assert_eq!(
            msg(parse_big_decimal("1ex")),
            format!("{nfe}: Not a digit.")
        );
        assert_eq!(
            msg(parse_big_decimal("1e99999999999")),
            format!("{nfe}: Too many nonzero exponent digits.")
        );
        assert_eq!(
            msg(parse_big_decimal("12345678901234567890x")),
            format!("{nfe}: Character array is missing \"e\" notation exponential mark.")
        );
        assert_eq!(
            msg(parse_big_integer("12345678901234x", 10)),
            format!("{nfe}: For input string: \"78901234x\"")
        );
        assert_eq!(
            msg(parse_big_integer("1-", 10)),
            format!("{nfe}: Illegal embedded sign character")
        );
    }

    #[test]
    fn groovy_predicates() {
        assert!(is_number("1e3"));
        assert!(!is_number("NaN"));
        assert!(is_double("NaN"));
        assert!(is_integer(" 5"));
        assert!(is_double("1.5d"));
        assert!(!is_number("1.5d"));
        assert!(!is_number("0x10"));
    }
}

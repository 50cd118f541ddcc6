//! Java's decimal renderings of numbers: `Double.toString`, `Float.toString`,
//! `BigDecimal.toString`, `Double.toHexString`, the digit rounding of
//! `jdk.internal.math.FormattedFloatingDecimal`, and the hash codes `%h` prints.
//!
//! Digits come from the numeric tower's port of Java 17's `FloatingDecimal` (`num::dtoa`).

use bigdecimal::num_bigint::{BigInt, Sign};
use bigdecimal::BigDecimal;

/// Decimal digits of a non-negative finite value: `0.DIGITS × 10^dec_exp` (zero is `"0"`, 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Digits {
    pub(crate) digits: Vec<u8>,
    pub(crate) dec_exp: i32,
}

/// Digits of |v| as the Formatter develops them (Java's non-compatible `dtoa` mode, from the
/// numeric tower's port of `FloatingDecimal`).
pub(crate) fn double_digits(v: f64) -> Digits {
    match crate::eval::num::java_double_digits(v.abs(), false) {
        Some((text, dec_exp)) => Digits {
            digits: text.into_bytes(),
            dec_exp,
        },
        None => Digits {
            digits: b"0".to_vec(),
            dec_exp: 0,
        },
    }
}

/// `Double.toString(v)`: `1.0`, `1.0E7`, `1.0E-4`, `NaN`, `-Infinity`.
pub fn java_double_to_string(v: f64) -> String {
    crate::eval::num::Num::Double(v).to_string()
}

/// `Float.toString(v)`.
pub fn java_float_to_string(v: f32) -> String {
    crate::eval::num::Num::Float(v).to_string()
}

/// `BigDecimal.toString()`: plain unless the scale is negative or the adjusted exponent is
/// below -6, then `1.23E+10` / `1E-7`.
pub fn java_bigdecimal_to_string(v: &BigDecimal) -> String {
    let (unscaled, scale) = v.as_bigint_and_exponent();
    layout_to_string(&unscaled, scale)
}

fn layout_to_string(unscaled: &BigInt, scale: i64) -> String {
    let coeff = unscaled.magnitude().to_string();
    let mut out = String::new();
    if unscaled.sign() == Sign::Minus {
        out.push('-');
    }
    let len = coeff.len() as i64;
    let adjusted = -scale + (len - 1);
    if scale == 0 {
        out.push_str(&coeff);
    } else if scale > 0 && adjusted >= -6 {
        if len > scale {
            let p = (len - scale) as usize;
            out.push_str(&coeff[..p]);
            out.push('.');
            out.push_str(&coeff[p..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (scale - len) as usize));
            out.push_str(&coeff);
        }
    } else {
        out.push_str(&coeff[..1]);
        if len > 1 {
            out.push('.');
            out.push_str(&coeff[1..]);
        }
        if adjusted != 0 {
            out.push('E');
            if adjusted > 0 {
                out.push('+');
            }
            out.push_str(&adjusted.to_string());
        }
    }
    out
}

// ---- FormattedFloatingDecimal ---------------------------------------------------------------

/// Rounds `digits` half-up to `prec` digits (Java's `applyPrecision`); returns the new
/// decimal exponent (one more on carry-out). Digits past `prec` become `0`.
pub(crate) fn apply_precision(dec_exp: i32, digits: &mut [u8], prec: i32) -> i32 {
    let n = digits.len() as i32;
    if prec >= n || prec < 0 {
        return dec_exp;
    }
    if prec == 0 {
        if digits[0] >= b'5' {
            digits[0] = b'1';
            digits[1..].fill(b'0');
            return dec_exp + 1;
        }
        digits.fill(b'0');
        return dec_exp;
    }
    let p = prec as usize;
    if digits[p] >= b'5' {
        let mut i = p - 1;
        while digits[i] == b'9' && i > 0 {
            i -= 1;
        }
        if digits[i] == b'9' {
            digits[0] = b'1';
            digits[1..].fill(b'0');
            return dec_exp + 1;
        }
        digits[i] += 1;
        digits[i + 1..].fill(b'0');
    } else {
        digits[p..].fill(b'0');
    }
    dec_exp
}

/// Java's `fillDecimal`: the digits laid out with at most `prec` fraction digits (no
/// trailing `.0`; the caller pads).
pub(crate) fn fill_decimal(prec: i32, digits: &[u8], exp: i32) -> String {
    let n = digits.len() as i32;
    let d = |a: i32, b: i32| String::from_utf8_lossy(&digits[a as usize..b as usize]).into_owned();
    if exp > 0 {
        if n < exp {
            let mut s = d(0, n);
            s.extend(std::iter::repeat_n('0', (exp - n) as usize));
            s
        } else {
            let t = (n - exp).min(prec);
            let mut s = d(0, exp);
            if t > 0 {
                s.push('.');
                s.push_str(&d(exp, exp + t));
            }
            s
        }
    } else {
        let zeros = (-exp).min(prec).max(0);
        let t = n.min(prec + exp).max(0);
        if zeros > 0 || t > 0 {
            let mut s = String::from("0.");
            s.extend(std::iter::repeat_n('0', zeros as usize));
            s.push_str(&d(0, t));
            s
        } else {
            "0".into()
        }
    }
}

/// Java's `fillScientific`: mantissa with at most `prec` fraction digits, and the exponent as
/// sign plus at least two digits.
pub(crate) fn fill_scientific(prec: i32, digits: &[u8], exp: i32) -> (String, String) {
    let n = digits.len() as i32;
    let t = (n - 1).min(prec).max(0);
    let mut mant = String::from(digits[0] as char);
    if t > 0 {
        mant.push('.');
        mant.push_str(&String::from_utf8_lossy(&digits[1..=t as usize]));
    }
    let (sign, e) = if exp <= 0 {
        ('-', -exp + 1)
    } else {
        ('+', exp - 1)
    };
    (mant, format!("{sign}{e:02}"))
}

/// `Double.toHexString(v)` without the sign (v ≥ 0, finite).
fn hex_string(v: f64) -> String {
    if v == 0.0 {
        return "0x0.0p0".into();
    }
    let bits = v.to_bits();
    let subnormal = v < f64::MIN_POSITIVE;
    let signif = bits & 0x000F_FFFF_FFFF_FFFF;
    let hex = format!("{signif:013x}");
    let trimmed = hex.trim_end_matches('0');
    let frac = if trimmed.is_empty() { "0" } else { trimmed };
    let exp = if subnormal {
        -1022
    } else {
        ((bits >> 52) & 0x7FF) as i64 - 1023
    };
    format!("0x{}.{frac}p{exp}", if subnormal { '0' } else { '1' })
}

/// Java's `Formatter.hexDouble`: `Double.toHexString` without `0x`, rounded to `prec` hex
/// digits when `1 <= prec <= 12`.
pub(crate) fn hex_double(d: f64, prec: i32) -> String {
    if !d.is_finite() || d == 0.0 || prec == 0 || prec >= 13 {
        return hex_string(d)[2..].to_string();
    }
    let mut d = d;
    let mut exponent = ((d.to_bits() >> 52) & 0x7FF) as i64 - 1023;
    let subnormal = exponent == -1023;
    if subnormal {
        d *= 2f64.powi(54);
        exponent = ((d.to_bits() >> 52) & 0x7FF) as i64 - 1023;
    }
    let _ = exponent;
    let precision = 1 + prec * 4;
    let shift = 53 - precision;
    let doppel = d.to_bits() as i64;
    let mut new_signif = (doppel & 0x7FFF_FFFF_FFFF_FFFF) >> shift;
    let rounding_bits = doppel & !(!0i64 << shift);
    let least_zero = new_signif & 1 == 0;
    let round = (1i64 << (shift - 1)) & rounding_bits != 0;
    let sticky = shift > 1 && (!(1i64 << (shift - 1)) & rounding_bits) != 0;
    if round && (sticky || !least_zero) {
        new_signif += 1;
    }
    let result = f64::from_bits((new_signif << shift) as u64);
    if result.is_infinite() {
        return "1.0p1024".into();
    }
    let res = hex_string(result)[2..].to_string();
    if !subnormal {
        return res;
    }
    match res.split_once('p') {
        Some((m, e)) => format!("{m}p{}", e.parse::<i64>().unwrap_or(0) - 54),
        None => res,
    }
}

// ---- BigDecimal helpers -----------------------------------------------------------------------

pub(crate) fn digit_count(v: &BigInt) -> i64 {
    v.magnitude().to_string().len() as i64
}

fn pow10(n: i64) -> BigInt {
    BigInt::from(10u8).pow(n.max(0) as u32)
}

/// Divides by `10^n` rounding half away from zero (Java's HALF_UP).
fn div_pow10_half_up(v: &BigInt, n: i64) -> BigInt {
    if n <= 0 {
        return v * pow10(-n);
    }
    let p = pow10(n);
    let q = v / &p;
    let r = v - &q * &p;
    let twice = r.magnitude() * 2u8;
    if twice >= *p.magnitude() {
        if v.sign() == Sign::Minus {
            q - 1
        } else {
            q + 1
        }
    } else {
        q
    }
}

/// `setScale(new_scale, HALF_UP)` on (unscaled, scale).
pub(crate) fn set_scale_half_up(unscaled: &BigInt, scale: i64, new_scale: i64) -> BigInt {
    if new_scale >= scale {
        unscaled * pow10(new_scale - scale)
    } else {
        div_pow10_half_up(unscaled, scale - new_scale)
    }
}

/// Rounds to `prec` significant digits, HALF_UP (`new BigDecimal(u, s, new MathContext(p))`).
pub(crate) fn round_to_precision(unscaled: &BigInt, scale: i64, prec: i64) -> (BigInt, i64) {
    let len = digit_count(unscaled);
    if prec <= 0 || len <= prec {
        return (unscaled.clone(), scale);
    }
    let drop = len - prec;
    let mut u = div_pow10_half_up(unscaled, drop);
    let mut s = scale - drop;
    if digit_count(&u) > prec {
        u /= 10;
        s -= 1;
    }
    (u, s)
}

// ---- hash codes -------------------------------------------------------------------------------

/// `BigInteger.hashCode()`.
pub(crate) fn bigint_hash(v: &BigInt) -> i32 {
    let mut h: i32 = 0;
    for word in v.magnitude().to_u32_digits().iter().rev() {
        h = h.wrapping_mul(31).wrapping_add(*word as i32);
    }
    match v.sign() {
        Sign::Minus => h.wrapping_neg(),
        Sign::NoSign => 0,
        Sign::Plus => h,
    }
}

/// `BigDecimal.hashCode()`: `31 * unscaled.hashCode() + scale`.
pub(crate) fn bigdecimal_hash(v: &BigDecimal) -> i32 {
    let (u, scale) = v.as_bigint_and_exponent();
    bigint_hash(&u).wrapping_mul(31).wrapping_add(scale as i32)
}

/// `Double.hashCode()`.
pub(crate) fn double_hash(v: f64) -> i32 {
    let bits = if v.is_nan() {
        0x7ff8_0000_0000_0000u64
    } else {
        v.to_bits()
    };
    (bits ^ (bits >> 32)) as i32
}

/// `Float.hashCode()`.
pub(crate) fn float_hash(v: f32) -> i32 {
    if v.is_nan() {
        0x7fc0_0000
    } else {
        v.to_bits() as i32
    }
}

/// `Long.hashCode()`.
pub(crate) fn long_hash(v: i64) -> i32 {
    (v ^ ((v as u64) >> 32) as i64) as i32
}

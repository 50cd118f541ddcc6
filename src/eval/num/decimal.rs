//! `java.math.BigDecimal` semantics on an unscaled `BigInt` and a scale.
//!
//! The `bigdecimal` crate is only the storage type of [`super::Num::Decimal`]: its arithmetic
//! and `Display` follow other rules (normalisation, build-time print thresholds), so every
//! operation whose scale or text is visible to a Groovy script is written here, after the
//! Java 17 specification of `BigDecimal`.

use std::cmp::Ordering;

use bigdecimal::num_bigint::{BigInt, Sign};
use bigdecimal::num_traits::{One, Signed, ToPrimitive, Zero};
use bigdecimal::BigDecimal;

use super::{check_bits, NumError, NumResult};

/// `java.math.RoundingMode` (also the legacy `BigDecimal.ROUND_*` int constants, in the same
/// order: `ROUND_UP` = 0 … `ROUND_UNNECESSARY` = 7).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RoundingMode {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    Unnecessary,
}

impl RoundingMode {
    /// The mode for a legacy `BigDecimal.ROUND_*` int, as `setScale(int, int)` takes it.
    /// Out of range: `IllegalArgumentException: Invalid rounding mode` (checked with Groovy).
    pub fn from_legacy_int(n: i32) -> NumResult<RoundingMode> {
        Ok(match n {
            0 => RoundingMode::Up,
            1 => RoundingMode::Down,
            2 => RoundingMode::Ceiling,
            3 => RoundingMode::Floor,
            4 => RoundingMode::HalfUp,
            5 => RoundingMode::HalfDown,
            6 => RoundingMode::HalfEven,
            7 => RoundingMode::Unnecessary,
            _ => return Err(NumError::illegal_argument("Invalid rounding mode")),
        })
    }

    /// The mode named like the `java.math.RoundingMode` constant (`"HALF_UP"`), or like the
    /// legacy field without its prefix removed (`"ROUND_HALF_UP"`).
    pub fn from_name(name: &str) -> Option<RoundingMode> {
        let name = name.strip_prefix("ROUND_").unwrap_or(name);
        Some(match name {
            "UP" => RoundingMode::Up,
            "DOWN" => RoundingMode::Down,
            "CEILING" => RoundingMode::Ceiling,
            "FLOOR" => RoundingMode::Floor,
            "HALF_UP" => RoundingMode::HalfUp,
            "HALF_DOWN" => RoundingMode::HalfDown,
            "HALF_EVEN" => RoundingMode::HalfEven,
            "UNNECESSARY" => RoundingMode::Unnecessary,
            _ => return None,
        })
    }

    /// The Java constant name (`RoundingMode.toString()`).
    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::Up => "UP",
            RoundingMode::Down => "DOWN",
            RoundingMode::Ceiling => "CEILING",
            RoundingMode::Floor => "FLOOR",
            RoundingMode::HalfUp => "HALF_UP",
            RoundingMode::HalfDown => "HALF_DOWN",
            RoundingMode::HalfEven => "HALF_EVEN",
            RoundingMode::Unnecessary => "UNNECESSARY",
        }
    }

    /// The legacy int (`ordinal()`).
    pub fn legacy_int(self) -> i32 {
        self as i32
    }
}

/// A Java `BigDecimal` value: `unscaled × 10^-scale`. Java keeps the scale in an `int`; the
/// operations below check that range where Java does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Dec {
    pub(crate) u: BigInt,
    pub(crate) s: i64,
}

impl Dec {
    pub(crate) fn new(u: BigInt, s: i64) -> Dec {
        Dec { u, s }
    }

    pub(crate) fn of(d: &BigDecimal) -> Dec {
        let (u, s) = d.as_bigint_and_scale();
        Dec {
            u: u.into_owned(),
            s,
        }
    }

    pub(crate) fn into_big_decimal(self) -> BigDecimal {
        BigDecimal::new(self.u, self.s)
    }

    pub(crate) fn from_i64(v: i64) -> Dec {
        Dec::new(BigInt::from(v), 0)
    }

    pub(crate) fn signum(&self) -> i32 {
        match self.u.sign() {
            Sign::Minus => -1,
            Sign::NoSign => 0,
            Sign::Plus => 1,
        }
    }

    /// `precision()`: the number of digits of the unscaled value (1 for zero).
    pub(crate) fn precision(&self) -> u64 {
        digit_count(&self.u)
    }

    pub(crate) fn negate(&self) -> Dec {
        Dec::new(-&self.u, self.s)
    }

    pub(crate) fn abs(&self) -> Dec {
        Dec::new(self.u.abs(), self.s)
    }

    /// The unscaled value at a larger (or equal) scale; exact.
    fn upscaled(&self, new_scale: i64) -> NumResult<BigInt> {
        let k = new_scale - self.s;
        debug_assert!(k >= 0);
        if k == 0 || self.u.is_zero() {
            return Ok(self.u.clone());
        }
        Ok(&self.u * pow10(k as u64, self.u.bits())?)
    }

    pub(crate) fn add(&self, o: &Dec) -> NumResult<Dec> {
        let s = self.s.max(o.s);
        Ok(Dec::new(self.upscaled(s)? + o.upscaled(s)?, s))
    }

    pub(crate) fn sub(&self, o: &Dec) -> NumResult<Dec> {
        self.add(&o.negate())
    }

    pub(crate) fn mul(&self, o: &Dec) -> NumResult<Dec> {
        check_bits(self.u.bits() + o.u.bits())?;
        Ok(Dec::new(&self.u * &o.u, check_scale(self.s + o.s)?))
    }

    /// `compareTo`: by value, whatever the scales. Compares the adjusted exponents first, as
    /// Java does, so `1E+999999999` and `1` compare without building a billion-digit number.
    pub(crate) fn compare(&self, o: &Dec) -> Ordering {
        let (sa, sb) = (self.signum(), o.signum());
        if sa != sb {
            return sa.cmp(&sb);
        }
        if sa == 0 {
            return Ordering::Equal;
        }
        let ea = self.precision() as i64 - self.s;
        let eb = o.precision() as i64 - o.s;
        if ea != eb {
            let mag = ea.cmp(&eb);
            return if sa > 0 { mag } else { mag.reverse() };
        }
        // Same adjusted exponent: the rescale needs at most max(precision) extra digits.
        let s = self.s.max(o.s);
        match (self.upscaled(s), o.upscaled(s)) {
            (Ok(a), Ok(b)) => a.cmp(&b),
            _ => Ordering::Equal,
        }
    }

    /// `setScale(newScale, roundingMode)`.
    pub(crate) fn set_scale(&self, new_scale: i64, mode: RoundingMode) -> NumResult<Dec> {
        let new_scale = check_scale(new_scale)?;
        if new_scale >= self.s {
            return Ok(Dec::new(self.upscaled(new_scale)?, new_scale));
        }
        let k = (self.s - new_scale) as u64;
        if self.u.is_zero() {
            return Ok(Dec::new(BigInt::zero(), new_scale));
        }
        // Dividing by more than 10^digits leaves only the rounding of a fraction below one.
        let digits = self.precision();
        let q = if k > digits + 1 {
            // |value| < 0.01 at the new scale: round sign × 0.01 instead (below a half,
            // not zero), which needs no 10^k.
            div_round(&self.u.signum(), &BigInt::from(100), mode)?
        } else {
            div_round(&self.u, &pow10(k, 0)?, mode)?
        };
        Ok(Dec::new(q, new_scale))
    }

    /// `stripTrailingZeros()`; zero becomes `0` (scale 0), as since Java 8.
    pub(crate) fn strip_trailing_zeros(&self) -> Dec {
        if self.u.is_zero() {
            return Dec::new(BigInt::zero(), 0);
        }
        self.strip_zeros_to(i64::MIN)
    }

    /// Removes trailing zeros while the scale stays above `preferred`.
    fn strip_zeros_to(&self, preferred: i64) -> Dec {
        if self.u.is_zero() || self.s <= preferred {
            return self.clone();
        }
        // Every factor 10 brings a factor 2, which bounds the count.
        let limit =
            (self.s.saturating_sub(preferred) as u64).min(self.u.trailing_zeros().unwrap_or(0));
        let (u, k) = remove_factor(&self.u, &BigInt::from(10), limit);
        Dec::new(u, self.s - k as i64)
    }

    /// `toBigInteger()`: truncation toward zero.
    pub(crate) fn to_big_int(&self) -> NumResult<BigInt> {
        if self.s <= 0 {
            if self.u.is_zero() {
                return Ok(BigInt::zero());
            }
            return Ok(&self.u * pow10((-self.s) as u64, self.u.bits())?);
        }
        if self.s as u64 > self.precision() {
            return Ok(BigInt::zero());
        }
        Ok(&self.u / pow10(self.s as u64, 0)?)
    }

    /// `longValue()`: the low 64 bits of `toBigInteger()`. Like Java, a scale of -64 or less
    /// gives 0 at once (the value is a multiple of 2^64).
    pub(crate) fn to_i64_wrapping(&self) -> i64 {
        if self.s <= -64 || self.u.is_zero() || (self.s > 0 && self.s as u64 >= self.precision()) {
            return 0;
        }
        match self.to_big_int() {
            Ok(b) => low_i64(&b),
            Err(_) => 0,
        }
    }

    /// `doubleValue()`: the correctly rounded double of the decimal value.
    pub(crate) fn to_f64(&self) -> f64 {
        self.to_sci_string().parse::<f64>().unwrap_or(f64::NAN)
    }

    /// `floatValue()`.
    pub(crate) fn to_f32(&self) -> f32 {
        self.to_sci_string().parse::<f32>().unwrap_or(f32::NAN)
    }

    /// The `toString()` layout (scientific notation when the scale is negative or the adjusted
    /// exponent is below -6).
    pub(crate) fn to_sci_string(&self) -> String {
        self.layout(true)
    }

    /// `toEngineeringString()`.
    pub(crate) fn to_engineering_string(&self) -> String {
        self.layout(false)
    }

    fn layout(&self, sci: bool) -> String {
        let coeff = self.u.magnitude().to_str_radix(10);
        let mut buf = String::with_capacity(coeff.len() + 16);
        if self.s == 0 {
            if self.u.is_negative() {
                buf.push('-');
            }
            buf.push_str(&coeff);
            return buf;
        }
        if self.u.is_negative() {
            buf.push('-');
        }
        let len = coeff.len() as i64;
        let mut adjusted = -self.s + (len - 1);
        if self.s >= 0 && adjusted >= -6 {
            let pad = self.s - len;
            if pad >= 0 {
                buf.push_str("0.");
                buf.extend(std::iter::repeat_n('0', pad as usize));
                buf.push_str(&coeff);
            } else {
                let int_len = (-pad) as usize;
                buf.push_str(&coeff[..int_len]);
                buf.push('.');
                buf.push_str(&coeff[int_len..]);
            }
            return buf;
        }
        if sci {
            buf.push_str(&coeff[..1]);
            if len > 1 {
                buf.push('.');
                buf.push_str(&coeff[1..]);
            }
        } else {
            let mut sig = adjusted.rem_euclid(3);
            adjusted -= sig;
            sig += 1;
            if self.u.is_zero() {
                match sig {
                    1 => buf.push('0'),
                    2 => {
                        buf.push_str("0.00");
                        adjusted += 3;
                    }
                    _ => {
                        buf.push_str("0.0");
                        adjusted += 3;
                    }
                }
            } else if sig >= len {
                buf.push_str(&coeff);
                buf.extend(std::iter::repeat_n('0', (sig - len) as usize));
            } else {
                buf.push_str(&coeff[..sig as usize]);
                buf.push('.');
                buf.push_str(&coeff[sig as usize..]);
            }
        }
        if adjusted != 0 {
            buf.push('E');
            if adjusted > 0 {
                buf.push('+');
            }
            buf.push_str(&adjusted.to_string());
        }
        buf
    }

    /// `toPlainString()`. Fails (instead of building a gigantic string) when the text would
    /// exceed the size cap.
    pub(crate) fn to_plain_string(&self) -> NumResult<String> {
        let coeff = self.u.magnitude().to_str_radix(10);
        let sign = if self.u.is_negative() { "-" } else { "" };
        if self.s <= 0 {
            let zeros = (-self.s) as u64;
            check_bits(zeros.saturating_mul(10) / 3)?;
            if self.u.is_zero() {
                return Ok("0".to_string());
            }
            let mut out = String::with_capacity(coeff.len() + zeros as usize + 1);
            out.push_str(sign);
            out.push_str(&coeff);
            out.extend(std::iter::repeat_n('0', zeros as usize));
            return Ok(out);
        }
        let s = self.s as u64;
        check_bits(s.saturating_mul(10) / 3)?;
        let len = coeff.len() as u64;
        let mut out = String::with_capacity(coeff.len() + s as usize + 3);
        out.push_str(sign);
        if len > s {
            let int_len = (len - s) as usize;
            out.push_str(&coeff[..int_len]);
            out.push('.');
            out.push_str(&coeff[int_len..]);
        } else {
            out.push_str("0.");
            out.extend(std::iter::repeat_n('0', (s - len) as usize));
            out.push_str(&coeff);
        }
        Ok(out)
    }

    /// `pow(n)` for `0 <= n <= 999999999` (else `ArithmeticException: Invalid operation`).
    pub(crate) fn pow(&self, n: i64) -> NumResult<Dec> {
        if !(0..=999_999_999).contains(&n) {
            return Err(NumError::arith("Invalid operation"));
        }
        let scale = check_scale(self.s * n)?;
        Ok(Dec::new(big_pow(&self.u, n as u64)?, scale))
    }

    /// Java's `divide(BigDecimal)`: the exact quotient, or `ArithmeticException` when it does
    /// not terminate. The scale is the smallest one at or above `this.scale - divisor.scale`
    /// that holds the exact quotient.
    pub(crate) fn divide_exact(&self, o: &Dec) -> NumResult<Dec> {
        check_divisor(self, o)?;
        match self.try_exact_quotient(o)? {
            Some(q) => Ok(q),
            None => Err(NumError::arith(
                "Non-terminating decimal expansion; no exact representable decimal result.",
            )),
        }
    }

    /// The exact quotient, if its decimal expansion terminates.
    fn try_exact_quotient(&self, o: &Dec) -> NumResult<Option<Dec>> {
        let preferred = self.s - o.s;
        if self.u.is_zero() {
            return Ok(Some(Dec::new(BigInt::zero(), check_scale(preferred)?)));
        }
        // divisor = 2^a × 5^b × rest, rest coprime to 10: the quotient terminates iff rest
        // divides the dividend's unscaled value.
        let a = o.u.trailing_zeros().unwrap_or(0);
        let rest = o.u.abs() >> a;
        let five = BigInt::from(5);
        let (rest, b) = remove_factor(&rest, &five, u64::MAX);
        let r = &self.u % &rest;
        if !r.is_zero() {
            return Ok(None);
        }
        let k = a.max(b);
        // Bits of u / rest × 2^(k-a) × 5^(k-b), with log2(5) < 2.33.
        check_bits(self.u.bits() + (k - a) + (k - b) * 233 / 100 + 1)?;
        let mut q = &self.u / &rest;
        if k > a {
            q <<= k - a;
        }
        if k > b {
            q *= big_pow(&five, k - b)?;
        }
        if o.u.is_negative() {
            q = -q;
        }
        let exact = Dec::new(q, preferred + k as i64);
        let stripped = exact.strip_zeros_to(preferred);
        Ok(Some(Dec::new(stripped.u, check_scale(stripped.s)?)))
    }

    /// Java's `divide(BigDecimal, MathContext)`: the quotient rounded to `prec` significant
    /// digits; an exact result is stripped of trailing zeros down to the preferred scale.
    pub(crate) fn divide_mc(&self, o: &Dec, prec: u64, mode: RoundingMode) -> NumResult<Dec> {
        check_divisor(self, o)?;
        let preferred = self.s - o.s;
        if self.u.is_zero() {
            return Ok(Dec::new(BigInt::zero(), check_scale(preferred)?));
        }
        let (ua, ub) = (self.u.abs(), o.u.abs());
        let (da, db) = (digit_count(&ua) as i64, digit_count(&ub) as i64);
        // e = floor(log10(|ua / ub|)): da - db or one less.
        let lhs = &ua * pow10(db as u64, ua.bits())?;
        let rhs = &ub * pow10(da as u64, ub.bits())?;
        let e = if lhs >= rhs { da - db } else { da - db - 1 };
        // Unscaled quotient with `prec` digits: ua × 10^shift / ub.
        let mut shift = prec as i64 - 1 - e;
        let negative = self.u.is_negative() != o.u.is_negative();
        let signed_num = if negative { -&ua } else { ua.clone() };
        let (num, den) = if shift >= 0 {
            (signed_num * pow10(shift as u64, ua.bits())?, ub.clone())
        } else {
            (signed_num, &ub * pow10((-shift) as u64, ub.bits())?)
        };
        let exact = (&num % &den).is_zero();
        let mut q = div_round(&num, &den, mode)?;
        if digit_count(&q) as u64 > prec {
            // Rounding carried into a new digit: 10^prec becomes 10^(prec-1).
            q /= BigInt::from(10);
            shift -= 1;
        }
        let result = Dec::new(q, shift + preferred);
        let result = if exact {
            result.strip_zeros_to(preferred)
        } else {
            result
        };
        Ok(Dec::new(result.u, check_scale(result.s)?))
    }

    /// Java's `divide(BigDecimal divisor, int scale, RoundingMode)`. A zero divisor fails with
    /// Java's long-division message `/ by zero` (checked with Groovy), 0/0 included.
    pub(crate) fn divide_to_scale(
        &self,
        o: &Dec,
        scale: i64,
        mode: RoundingMode,
    ) -> NumResult<Dec> {
        if o.u.is_zero() {
            return Err(NumError::arith("/ by zero"));
        }
        let scale = check_scale(scale)?;
        // this / o at `scale`: u_a × 10^(scale - sa + sb) / u_b.
        let shift = scale - self.s + o.s;
        let (num, den) = if shift >= 0 {
            (&self.u * pow10(shift as u64, self.u.bits())?, o.u.clone())
        } else {
            (self.u.clone(), &o.u * pow10((-shift) as u64, o.u.bits())?)
        };
        Ok(Dec::new(div_round(&num, &den, mode)?, scale))
    }

    /// Groovy's `BigDecimalMath.divideImpl`: the exact quotient when it terminates, else
    /// `precision = max(lhs.precision, rhs.precision) + 10` (HALF_UP), then at most
    /// `max(lhs.scale, rhs.scale, 10)` fraction digits (HALF_UP).
    pub(crate) fn groovy_divide(&self, o: &Dec) -> NumResult<Dec> {
        check_divisor(self, o)?;
        if let Some(q) = self.try_exact_quotient(o)? {
            return Ok(q);
        }
        let prec = self.precision().max(o.precision()) + 10;
        let q = self.divide_mc(o, prec, RoundingMode::HalfUp)?;
        let scale = self.s.max(o.s).max(10);
        if q.s > scale {
            return q.set_scale(scale, RoundingMode::HalfUp);
        }
        Ok(q)
    }

    /// Java's `divideToIntegralValue(BigDecimal)`.
    pub(crate) fn divide_to_integral_value(&self, o: &Dec) -> NumResult<Dec> {
        let preferred = check_scale(self.s - o.s)?;
        if self.abs().compare(&o.abs()) == Ordering::Less {
            return Ok(Dec::new(BigInt::zero(), preferred));
        }
        if self.u.is_zero() && !o.u.is_zero() {
            return self.set_scale(preferred, RoundingMode::Unnecessary);
        }
        let max_digits =
            self.precision() + (10 * o.precision()).div_ceil(3) + (self.s - o.s).unsigned_abs() + 2;
        let mut q = self.divide_mc(o, max_digits, RoundingMode::Down)?;
        if q.s > 0 {
            q = q
                .set_scale(0, RoundingMode::Down)?
                .strip_zeros_to(preferred);
        }
        if q.s < preferred {
            q = q.set_scale(preferred, RoundingMode::Unnecessary)?;
        }
        Ok(q)
    }

    /// Java's `remainder(BigDecimal)`: `this - this.divideToIntegralValue(o) × o`.
    pub(crate) fn remainder(&self, o: &Dec) -> NumResult<Dec> {
        let q = self.divide_to_integral_value(o)?;
        self.sub(&q.mul(o)?)
    }

    /// Java `hashCode()`: `31 × unscaledValue.hashCode() + scale`.
    pub(crate) fn java_hash(&self) -> i32 {
        big_int_hash(&self.u)
            .wrapping_mul(31)
            .wrapping_add(self.s as i32)
    }
}

/// Divides `n` (non-zero) by `p` as often as it divides evenly, at most `limit` times:
/// the quotient and the count. Squares the divisor while it keeps dividing, so a number with
/// hundreds of thousands of trailing zeros takes a few dozen big divisions, not one each.
fn remove_factor(n: &BigInt, p: &BigInt, limit: u64) -> (BigInt, u64) {
    // The quotient if `d` divides `n` evenly (one division and one multiplication).
    let exact = |n: &BigInt, d: &BigInt| -> Option<BigInt> {
        let q = n / d;
        (&q * d == *n).then_some(q)
    };
    let mut n = n.clone();
    let mut count = 0u64;
    // powers[i] = p^(2^i), as long as it still divides what is left.
    let mut powers: Vec<BigInt> = vec![p.clone()];
    loop {
        let last = powers.len() - 1;
        let step = 1u64 << last;
        if count + step > limit {
            break;
        }
        let Some(q) = exact(&n, &powers[last]) else {
            break;
        };
        n = q;
        count += step;
        let next = &powers[last] * &powers[last];
        if next.bits() > n.bits() + 1 {
            break;
        }
        powers.push(next);
    }
    for i in (0..powers.len()).rev() {
        let step = 1u64 << i;
        while count + step <= limit {
            let Some(q) = exact(&n, &powers[i]) else {
                break;
            };
            n = q;
            count += step;
        }
    }
    (n, count)
}

/// Java's `divide` errors for a zero divisor: `Division undefined` for 0/0, else
/// `Division by zero` (both checked with Groovy).
fn check_divisor(a: &Dec, b: &Dec) -> NumResult<()> {
    if b.u.is_zero() {
        if a.u.is_zero() {
            return Err(NumError::arith("Division undefined"));
        }
        return Err(NumError::arith("Division by zero"));
    }
    Ok(())
}

/// Java keeps scales in an `int`: `Overflow`/`Underflow` beyond it.
pub(crate) fn check_scale(s: i64) -> NumResult<i64> {
    if s > i32::MAX as i64 {
        Err(NumError::arith("Underflow"))
    } else if s < i32::MIN as i64 {
        Err(NumError::arith("Overflow"))
    } else {
        Ok(s)
    }
}

/// `num / den` rounded to an integer with Java's rounding `mode`. `den` must not be zero.
pub(crate) fn div_round(num: &BigInt, den: &BigInt, mode: RoundingMode) -> NumResult<BigInt> {
    let q = num / den;
    let r = num - &q * den;
    if r.is_zero() {
        return Ok(q);
    }
    // The sign of the exact quotient.
    let positive = num.is_negative() == den.is_negative();
    let away = |q: BigInt| if positive { q + 1 } else { q - 1 };
    let half_cmp = || (r.abs() << 1usize).cmp(&den.abs());
    Ok(match mode {
        RoundingMode::Up => away(q),
        RoundingMode::Down => q,
        RoundingMode::Ceiling => {
            if positive {
                away(q)
            } else {
                q
            }
        }
        RoundingMode::Floor => {
            if positive {
                q
            } else {
                away(q)
            }
        }
        RoundingMode::HalfUp => match half_cmp() {
            Ordering::Less => q,
            _ => away(q),
        },
        RoundingMode::HalfDown => match half_cmp() {
            Ordering::Greater => away(q),
            _ => q,
        },
        RoundingMode::HalfEven => match half_cmp() {
            Ordering::Less => q,
            Ordering::Greater => away(q),
            Ordering::Equal => {
                if (&q % 2u32).is_zero() {
                    q
                } else {
                    away(q)
                }
            }
        },
        RoundingMode::Unnecessary => return Err(NumError::arith("Rounding necessary")),
    })
}

/// Number of decimal digits of `|v|` (1 for zero).
pub(crate) fn digit_count(v: &BigInt) -> u64 {
    if v.is_zero() {
        return 1;
    }
    if let Some(x) = v.magnitude().to_u128() {
        return x.ilog10() as u64 + 1;
    }
    // log10(2) ≈ 0.30103: the estimate is exact or one too small.
    let bits = v.bits();
    let est = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
    if v.magnitude() >= BigInt::from(10u32).pow(est as u32).magnitude() {
        est + 1
    } else {
        est
    }
}

/// 10^n, refusing results beyond the size cap (`extra_bits` is the size of the number it
/// will multiply).
pub(crate) fn pow10(n: u64, extra_bits: u64) -> NumResult<BigInt> {
    check_bits((n.saturating_mul(3322) / 1000).saturating_add(extra_bits))?;
    Ok(BigInt::from(10u32).pow(n as u32))
}

/// `base^n` for a non-negative exponent, within the size cap.
pub(crate) fn big_pow(base: &BigInt, n: u64) -> NumResult<BigInt> {
    if n == 0 {
        return Ok(BigInt::one());
    }
    let mag = base.magnitude();
    if mag.is_zero() || mag.is_one() {
        let negative = base.is_negative() && n % 2 == 1;
        return Ok(if mag.is_zero() {
            BigInt::zero()
        } else if negative {
            -BigInt::one()
        } else {
            BigInt::one()
        });
    }
    // (bits - 1) × n ≤ result bits: a cheap lower bound that already exceeds the cap for
    // anything too large to compute.
    check_bits((base.bits() - 1).saturating_mul(n))?;
    Ok(base.pow(n as u32))
}

/// The low 64 bits of a `BigInt` in two's complement (Java `longValue()`).
pub(crate) fn low_i64(b: &BigInt) -> i64 {
    let low = b.iter_u64_digits().next().unwrap_or(0);
    if b.is_negative() {
        (low as i64).wrapping_neg()
    } else {
        low as i64
    }
}

/// Java `BigInteger.hashCode()`: over the 32-bit magnitude words, most significant first.
pub(crate) fn big_int_hash(b: &BigInt) -> i32 {
    let words: Vec<u32> = b.iter_u32_digits().collect();
    let mut h: i32 = 0;
    for w in words.iter().rev() {
        h = h.wrapping_mul(31).wrapping_add(*w as i32);
    }
    match b.sign() {
        Sign::Minus => h.wrapping_neg(),
        Sign::NoSign => 0,
        Sign::Plus => h,
    }
}

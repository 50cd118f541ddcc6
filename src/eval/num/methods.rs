//! Number methods (`3.14159d.round(2)`, `2.5.setScale(0, BigDecimal.ROUND_HALF_UP)`,
//! `x.toInteger()`, …), `java.lang.Math` static methods with Groovy's overload choices, and
//! the numeric static fields (`Integer.MAX_VALUE`, `BigDecimal.ROUND_HALF_UP`, …).
//!
//! Which receivers have which method, and what each returns, was checked with Groovy 2.4.21
//! (`tests/oracle/num_oracle.groovy`): e.g. `Double.round()` is a `Long`, `Float.round()` an
//! `Integer`, `Double.round(2)` a `Double`; `BigDecimal` has no Groovy `round()` at all
//! (`2.5.round()` even throws a `NullPointerException` from `BigDecimal.round(null)`), and no
//! number has `floor()`/`ceil()` methods (only `Math.floor`/`Math.ceil`, which return
//! `Double`).

use std::cmp::Ordering;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::num_traits::{Signed, ToPrimitive, Zero};

use super::decimal::{Dec, RoundingMode};
use super::{parse, Num, NumError, NumResult};

/// What a number method returns.
#[derive(Clone, Debug)]
pub enum MethodValue {
    Num(Num),
    Bool(bool),
    Str(String),
}

impl From<Num> for MethodValue {
    fn from(n: Num) -> MethodValue {
        MethodValue::Num(n)
    }
}

/// Groovy's `MissingMethodException` message (its first line).
fn missing_method(recv: &Num, name: &str, args: &[Num]) -> NumError {
    let classes: Vec<&str> = args.iter().map(Num::class_name).collect();
    let values: Vec<String> = args.iter().map(Num::to_string).collect();
    NumError::new(
        "groovy.lang.MissingMethodException",
        format!(
            "No signature of method: {}.{name}() is applicable for argument types: ({}) values: [{}]",
            recv.class_name(),
            classes.join(", "),
            values.join(", ")
        ),
    )
}

/// Java 17 `Math.round(double)`: `floor(a + 1/2)` computed exactly (so
/// `0.49999999999999994` rounds to 0), NaN → 0, saturating.
pub fn java_round_f64(a: f64) -> i64 {
    let bits = a.to_bits() as i64;
    let biased_exp = (bits & 0x7ff0_0000_0000_0000) >> 52;
    let shift = 1074 - biased_exp;
    if shift & -64 == 0 {
        let mut r = (bits & 0x000f_ffff_ffff_ffff) | 0x0010_0000_0000_0000;
        if bits < 0 {
            r = -r;
        }
        ((r >> shift) + 1) >> 1
    } else {
        a as i64
    }
}

/// Java 17 `Math.round(float)`.
pub fn java_round_f32(a: f32) -> i32 {
    let bits = a.to_bits() as i32;
    let biased_exp = (bits & 0x7f80_0000) >> 23;
    let shift = 149 - biased_exp;
    if shift & -32 == 0 {
        let mut r = (bits & 0x007f_ffff) | 0x0080_0000;
        if bits < 0 {
            r = -r;
        }
        ((r >> shift) + 1) >> 1
    } else {
        a as i32
    }
}

/// Java `Math.max(double, double)`: NaN wins, `max(-0.0, 0.0)` is `0.0`.
fn java_max(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && a.is_sign_negative() {
        return b;
    }
    if a >= b {
        a
    } else {
        b
    }
}

/// Java `Math.min(double, double)`.
fn java_min(a: f64, b: f64) -> f64 {
    if a.is_nan() {
        return a;
    }
    if a == 0.0 && b == 0.0 && b.is_sign_negative() {
        return b;
    }
    if a <= b {
        a
    } else {
        b
    }
}

fn pow10_f64(n: i32) -> f64 {
    10f64.powf(n as f64)
}

/// Java `Integer.toString(int, radix)` / `Long.toString` / `BigInteger.toString(radix)`
/// digits: lowercase, a leading `-`, radix outside 2..=36 means 10.
fn radix_string(v: &BigInt, radix: u32) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    v.to_str_radix(radix)
}

impl Num {
    /// `Integer.toString(n, radix)`, `Long.toString(n, radix)`, `big.toString(radix)`; for
    /// other numbers their `toString()`.
    pub fn to_string_radix(&self, radix: u32) -> String {
        match self {
            Num::Int(_) | Num::Long(_) | Num::BigInt(_) => {
                radix_string(&self.to_big_int().unwrap_or_default(), radix)
            }
            _ => self.to_string(),
        }
    }

    /// `Integer.toUnsignedString(n, radix)` / `Long.toUnsignedString`: the two's complement
    /// bits read as unsigned, so radix 16, 8 and 2 give `toHexString`, `toOctalString` and
    /// `toBinaryString`. `Integer` receivers use 32 bits, everything else its `longValue()`'s
    /// 64 bits; a radix outside 2..=36 means 10, as in Java.
    pub fn to_unsigned_string(&self, radix: u32) -> String {
        let v = match self {
            Num::Int(v) => *v as u32 as u64,
            other => other.to_i64() as u64,
        };
        radix_string(&BigInt::from(v), radix)
    }

    /// Groovy `round()`: `Double` → `Long` (`Math.round`), `Float` → `Integer`. `BigDecimal`
    /// reproduces Groovy 2.4's `NullPointerException`; integers have no `round()`.
    pub fn round(&self) -> NumResult<Num> {
        match self {
            Num::Double(d) => Ok(Num::Long(java_round_f64(*d))),
            Num::Float(f) => Ok(Num::Int(java_round_f32(*f))),
            Num::Decimal(_) => Err(NumError::new(
                "java.lang.NullPointerException",
                "Cannot read field \"precision\" because \"mc\" is null",
            )),
            _ => Err(missing_method(self, "round", &[])),
        }
    }

    /// Groovy `round(places)` on `Double` (`floor(x × 10^n + 0.5) / 10^n`, a `Double`) and
    /// `Float` (the same, as a `Float`).
    pub fn round_to(&self, places: i32) -> NumResult<Num> {
        let scaled = |d: f64| (d * pow10_f64(places) + 0.5).floor() / pow10_f64(places);
        match self {
            Num::Double(d) => Ok(Num::Double(scaled(*d))),
            Num::Float(f) => Ok(Num::Float(scaled(*f as f64) as f32)),
            _ => Err(missing_method(self, "round", &[Num::Int(places)])),
        }
    }

    /// Groovy `trunc()` / `trunc(places)` on `Double` and `Float` (same type back).
    pub fn trunc_to(&self, places: Option<i32>) -> NumResult<Num> {
        let p = places.unwrap_or(0);
        let t = |d: f64| {
            let x = d * pow10_f64(p);
            let y = if d < 0.0 { x.ceil() } else { x.floor() };
            y / pow10_f64(p)
        };
        match self {
            Num::Double(d) => Ok(Num::Double(t(*d))),
            Num::Float(f) => Ok(Num::Float(t(*f as f64) as f32)),
            _ => {
                let args: Vec<Num> = places.into_iter().map(Num::Int).collect();
                Err(missing_method(self, "trunc", &args))
            }
        }
    }

    /// `signum()` of a `BigDecimal` or `BigInteger` (an `Integer`); Groovy has none on the
    /// other types.
    pub fn signum(&self) -> NumResult<Num> {
        match self {
            Num::BigInt(b) => Ok(Num::Int(b.signum().to_i32().unwrap_or(0))),
            Num::Decimal(_) => Ok(Num::Int(self.decimal_parts().signum())),
            _ => Err(missing_method(self, "signum", &[])),
        }
    }

    fn decimal_parts(&self) -> Dec {
        self.dec().unwrap_or_else(|| Dec::from_i64(0))
    }

    fn need_decimal(&self, name: &str, args: &[Num]) -> NumResult<Dec> {
        match self {
            Num::Decimal(d) => Ok(Dec::of(d)),
            _ => Err(missing_method(self, name, args)),
        }
    }

    /// `BigDecimal.setScale(n, mode)`; `mode` None is `setScale(n)` (`Rounding necessary` when
    /// digits would be lost).
    pub fn set_scale(&self, new_scale: i32, mode: Option<RoundingMode>) -> NumResult<Num> {
        let d = self.need_decimal("setScale", &[Num::Int(new_scale)])?;
        let mode = mode.unwrap_or(RoundingMode::Unnecessary);
        Ok(Num::from_dec(d.set_scale(new_scale as i64, mode)?))
    }

    /// `BigDecimal.stripTrailingZeros()` (`100.0` → `1E+2`, `0.000` → `0`).
    pub fn strip_trailing_zeros(&self) -> NumResult<Num> {
        Ok(Num::from_dec(
            self.need_decimal("stripTrailingZeros", &[])?
                .strip_trailing_zeros(),
        ))
    }

    /// `BigDecimal.precision()`.
    pub fn precision(&self) -> NumResult<i32> {
        Ok(self.need_decimal("precision", &[])?.precision() as i32)
    }

    /// `BigDecimal.scale()`.
    pub fn scale(&self) -> NumResult<i32> {
        Ok(self.need_decimal("scale", &[])?.s as i32)
    }

    /// `BigDecimal.unscaledValue()` (a `BigInteger`).
    pub fn unscaled_value(&self) -> NumResult<Num> {
        Ok(Num::big_int(self.need_decimal("unscaledValue", &[])?.u))
    }

    /// Groovy `next()` (what `++` calls): `this + 1` in the receiver's math.
    pub fn next(&self) -> NumResult<Num> {
        self.add(&Num::Int(1))
    }

    /// Groovy `previous()` (what `--` calls).
    pub fn previous(&self) -> NumResult<Num> {
        self.sub(&Num::Int(1))
    }

    /// A number method by name, as Groovy resolves it on this receiver: the operator methods
    /// (`plus`, `minus`, `multiply`, `div`, `mod`, `power`, `intdiv`, `and`, `or`, `xor`,
    /// `leftShift`, …), conversions (`intValue`, `toInteger`, `toBigDecimal`, …), `abs`,
    /// `round`, `trunc`, `compareTo`, `equals`, `hashCode`, `toString`, `next`/`previous`,
    /// the `BigDecimal`/`BigInteger` Java methods (`setScale`, `stripTrailingZeros`,
    /// `toPlainString`, `precision`, `scale`, `unscaledValue`, `signum`, `negate`, `add`,
    /// `subtract`, `divide`, `remainder`, `pow`, `max`, `min`, `gcd`, `bitLength`, …) and
    /// `Double`/`Float` `isNaN`/`isInfinite`.
    ///
    /// `int` parameters (scales, rounding modes, places, radixes) take an `Integer` (or a
    /// `BigInteger`, like Groovy), nothing else.
    ///
    /// `None` when Groovy has no such method for these (numeric) arguments: the caller
    /// raises its `MissingMethodException` (or tries closures, `asType`, …).
    pub fn call_method(&self, name: &str, args: &[Num]) -> Option<NumResult<MethodValue>> {
        let num = |r: NumResult<Num>| Some(r.map(MethodValue::Num));
        let is_big = matches!(self, Num::BigInt(_));
        let is_dec = matches!(self, Num::Decimal(_));
        let is_floating = self.is_floating();
        match (name, args) {
            ("plus", [o]) => num(self.add(o)),
            ("minus", [o]) => num(self.sub(o)),
            ("multiply", [o]) => num(self.mul(o)),
            ("div", [o]) => num(self.div(o)),
            ("mod", [o]) => num(self.modulo(o)),
            ("intdiv", [o]) => num(self.intdiv(o)),
            ("power", [o]) => num(self.pow(o)),
            ("and", [o]) => num(self.bit_and(o)),
            ("or", [o]) => num(self.bit_or(o)),
            ("xor", [o]) => num(self.bit_xor(o)),
            ("leftShift", [o]) => num(self.shl(o)),
            ("rightShift", [o]) => num(self.shr(o)),
            ("rightShiftUnsigned", [o]) => num(self.ushr(o)),
            ("bitwiseNegate", []) => num(self.bit_not()),
            ("unaryMinus", []) => num(self.neg()),
            ("unaryPlus", []) | ("plus", []) => num(Ok(self.clone())),
            ("abs", []) => num(self.abs()),
            ("next", []) => num(self.next()),
            ("previous", []) => num(self.previous()),
            ("compareTo", [o]) => num(Ok(Num::Int(ordering_int(self.compare(o))))),
            ("equals", [o]) => Some(Ok(MethodValue::Bool(self.java_equals(o)))),
            ("hashCode", []) => num(Ok(Num::Int(self.java_hash_code()))),
            ("toString", []) => Some(Ok(MethodValue::Str(self.to_string()))),
            // `255.toString(16)` calls the static `Integer.toString(int)` with 16: "16".
            ("toString", [o]) if matches!(self, Num::Int(_) | Num::Long(_)) => {
                Some(Ok(MethodValue::Str(o.to_string())))
            }
            ("toString", [r]) if is_big => Some(Ok(MethodValue::Str(
                self.to_string_radix(as_int(r)?.max(0) as u32),
            ))),
            ("intValue", []) | ("toInteger", []) => num(Ok(Num::Int(self.to_i32()))),
            ("longValue", []) | ("toLong", []) => num(Ok(Num::Long(self.to_i64()))),
            ("doubleValue", []) => num(Ok(Num::Double(self.to_f64()))),
            ("toDouble", []) => num(self.convert(super::NumType::Double, false)),
            ("floatValue", []) | ("toFloat", []) => num(Ok(Num::Float(self.to_f32()))),
            ("toBigInteger", []) => num(self.to_big_int().map(Num::big_int)),
            ("toBigDecimal", []) => num(self.convert(super::NumType::BigDecimal, false)),
            ("round", []) if is_floating || is_dec => num(self.round()),
            ("round", [p]) if is_floating => num(self.round_to(as_int(p)?)),
            ("trunc", []) if is_floating => num(self.trunc_to(None)),
            ("trunc", [p]) if is_floating => num(self.trunc_to(Some(as_int(p)?))),
            ("isNaN", []) if is_floating => Some(Ok(MethodValue::Bool(self.to_f64().is_nan()))),
            ("isInfinite", []) if is_floating => {
                Some(Ok(MethodValue::Bool(self.to_f64().is_infinite())))
            }
            ("signum", []) if is_big || is_dec => num(self.signum()),
            ("negate", []) if is_big || is_dec => num(self.neg()),
            ("add", [o]) if is_dec || (is_big && o.is_integral()) => num(self.add(o)),
            ("subtract", [o]) if is_dec || (is_big && o.is_integral()) => num(self.sub(o)),
            ("divide", [o]) if is_big && o.is_integral() => num(self.intdiv(o)),
            ("divide", [o]) if is_dec => num(o
                .to_dec()
                .and_then(|d| self.decimal_parts().divide_exact(&d))
                .map(Num::from_dec)),
            ("divide", [o, mode]) if is_dec => num(RoundingMode::from_legacy_int(as_int(mode)?)
                .and_then(|mode| self.divide_with_mode(o, None, mode))),
            ("divide", [o, scale, mode]) if is_dec => {
                let scale = as_int(scale)?;
                num(RoundingMode::from_legacy_int(as_int(mode)?)
                    .and_then(|mode| self.divide_with_mode(o, Some(scale), mode)))
            }
            ("divideToIntegralValue", [o]) if is_dec => num(o
                .to_dec()
                .and_then(|d| self.decimal_parts().divide_to_integral_value(&d))
                .map(Num::from_dec)),
            ("remainder", [o]) if is_dec || (is_big && o.is_integral()) => num(self.remainder(o)),
            ("pow", [n]) if is_dec => num(self
                .decimal_parts()
                .pow(as_int(n)? as i64)
                .map(Num::from_dec)),
            ("pow", [n]) if is_big => {
                let n = as_int(n)?;
                if n < 0 {
                    return Some(Err(NumError::arith("Negative exponent")));
                }
                num(self.pow(&Num::Int(n)))
            }
            ("max", [o]) if is_dec || (is_big && o.is_integral()) => {
                num(self.java_max_min(o, Ordering::Greater))
            }
            ("min", [o]) if is_dec || (is_big && o.is_integral()) => {
                num(self.java_max_min(o, Ordering::Less))
            }
            ("gcd", [o]) if is_big && o.is_integral() => num(Ok(Num::big_int(gcd(
                self.to_big_int().unwrap_or_default(),
                o.to_big_int().unwrap_or_default(),
            )))),
            ("bitLength", []) if is_big => {
                let b = self.to_big_int().unwrap_or_default();
                // Java: bits of the two's complement without the sign bit.
                let len = if b.is_negative() {
                    (-b - 1u32).bits()
                } else {
                    b.bits()
                };
                num(Ok(Num::Int(len as i32)))
            }
            ("setScale", [s]) if is_dec => num(self.set_scale(as_int(s)?, None)),
            ("setScale", [s, m]) if is_dec => {
                let s = as_int(s)?;
                num(RoundingMode::from_legacy_int(as_int(m)?)
                    .and_then(|mode| self.set_scale(s, Some(mode))))
            }
            ("stripTrailingZeros", []) if is_dec => num(self.strip_trailing_zeros()),
            ("toPlainString", []) if is_dec => Some(self.to_plain_string().map(MethodValue::Str)),
            ("toEngineeringString", []) if is_dec => {
                Some(Ok(MethodValue::Str(self.to_engineering_string())))
            }
            ("precision", []) if is_dec => num(self.precision().map(Num::Int)),
            ("scale", []) if is_dec => num(self.scale().map(Num::Int)),
            ("unscaledValue", []) if is_dec => num(self.unscaled_value()),
            _ => None,
        }
    }

    /// `BigDecimal.divide(o, [scale,] RoundingMode)`; without a scale, the receiver's.
    /// (`call_method` takes the legacy int modes; a `RoundingMode` object comes here.)
    pub fn divide_with_mode(
        &self,
        o: &Num,
        scale: Option<i32>,
        mode: RoundingMode,
    ) -> NumResult<Num> {
        let a = self.need_decimal("divide", std::slice::from_ref(o))?;
        let scale = scale.map(i64::from).unwrap_or(a.s);
        Ok(Num::from_dec(a.divide_to_scale(
            &o.to_dec()?,
            scale,
            mode,
        )?))
    }

    /// `BigDecimal.max`/`min`, `BigInteger.max`/`min`: on a tie the receiver wins.
    fn java_max_min(&self, o: &Num, want: Ordering) -> NumResult<Num> {
        let other = match self {
            Num::Decimal(_) => Num::from_dec(o.to_dec()?),
            _ => Num::big_int(o.to_big_int()?),
        };
        let c = self.compare(&other);
        Ok(if c == want || c == Ordering::Equal {
            self.clone()
        } else {
            other
        })
    }
}

fn gcd(mut a: BigInt, mut b: BigInt) -> BigInt {
    a = a.abs();
    b = b.abs();
    while !b.is_zero() {
        let r = &a % &b;
        a = b;
        b = r;
    }
    a
}

fn ordering_int(o: Ordering) -> i32 {
    match o {
        Ordering::Less => -1,
        Ordering::Equal => 0,
        Ordering::Greater => 1,
    }
}

/// The primitive overload Groovy picks for a `java.lang.Math` method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Prim {
    Int,
    Long,
    Float,
    Double,
}

/// Index of a number's class in the overload tables: Integer, Long, BigInteger, BigDecimal,
/// Float, Double.
fn kind(n: &Num) -> usize {
    match n {
        Num::Int(_) => 0,
        Num::Long(_) => 1,
        Num::BigInt(_) => 2,
        Num::Decimal(_) => 3,
        Num::Float(_) => 4,
        Num::Double(_) => 5,
    }
}

use Prim::{Double as D, Float as F, Int as I, Long as L};

/// `Math.max`/`Math.min(a, b)` overloads as Groovy 2.4 chooses them (rows: first argument,
/// columns: second; `None`: Groovy reports an ambiguous overload).
const MAX_MIN: [[Option<Prim>; 6]; 6] = [
    [Some(I), Some(L), Some(I), None, Some(F), Some(D)],
    [Some(L), Some(L), None, None, Some(F), Some(D)],
    [Some(I), None, Some(I), Some(D), Some(D), Some(D)],
    [None, None, Some(D), Some(D), Some(D), Some(D)],
    [Some(F), Some(F), Some(D), Some(D), Some(F), Some(D)],
    [Some(D), Some(D), Some(D), Some(D), Some(D), Some(D)],
];

/// `Math.floorMod`/`floorDiv(a, b)`: `Some(Long)` is the `(long, long)` overload, `Some(Int)`
/// the `(int, int)` one or Java 9's `floorMod(long, int)` (an int); `None`: no overload.
const FLOOR_MOD: [[Option<Prim>; 6]; 6] = [
    [Some(I), Some(L), Some(I), None, None, None],
    [Some(I), Some(L), Some(I), None, None, None],
    [Some(I), None, Some(I), None, None, None],
    [None; 6],
    [None; 6],
    [None; 6],
];

fn as_prim(p: Prim, v: f64) -> Num {
    match p {
        Prim::Int => Num::Int(v as i32),
        Prim::Long => Num::Long(v as i64),
        Prim::Float => Num::Float(v as f32),
        Prim::Double => Num::Double(v),
    }
}

fn ambiguous(name: &str, args: &[Num]) -> NumError {
    let classes: Vec<String> = args
        .iter()
        .map(|a| format!("class {}", a.class_name()))
        .collect();
    NumError::new(
        "groovy.lang.GroovyRuntimeException",
        format!(
            "Ambiguous method overloading for method java.lang.Math#{name}.\nCannot resolve which method to invoke for [{}] due to overlapping prototypes between:\n\t[double, double]\n\t[float, float]",
            classes.join(", ")
        ),
    )
}

fn missing_static(name: &str, args: &[Num]) -> NumError {
    let classes: Vec<&str> = args.iter().map(Num::class_name).collect();
    let values: Vec<String> = args.iter().map(Num::to_string).collect();
    NumError::new(
        "groovy.lang.MissingMethodException",
        format!(
            "No signature of method: static java.lang.Math.{name}() is applicable for argument types: ({}) values: [{}]",
            classes.join(", "),
            values.join(", ")
        ),
    )
}

/// `java.lang.Math.<name>(args)` with numeric arguments, choosing the overload as Groovy 2.4
/// does (`Math.max(1, 2L)` is a `Long`, `Math.round(2.5)` a `Long` but `Math.round(2)` an
/// `Integer`, `Math.abs(-2.5)` a `Double`, `Math.max(1, 2.5)` ambiguous). `None` for a name
/// not handled here. Transcendental functions use Rust's `libm`, which may differ from
/// Java's `StrictMath` in the last bit.
pub fn math_call(name: &str, args: &[Num]) -> Option<NumResult<Num>> {
    let one = |f: fn(f64) -> f64| -> Option<NumResult<Num>> {
        match args {
            [a] => Some(Ok(Num::Double(f(a.to_f64())))),
            _ => None,
        }
    };
    let two = |f: fn(f64, f64) -> f64| -> Option<NumResult<Num>> {
        match args {
            [a, b] => Some(Ok(Num::Double(f(a.to_f64(), b.to_f64())))),
            _ => None,
        }
    };
    match name {
        "abs" => {
            let [a] = args else { return None };
            // Integer, Long, BigInteger (as int), BigDecimal (as double), Float, Double.
            const ABS: [Prim; 6] = [I, L, I, D, F, D];
            Some(Ok(match ABS[kind(a)] {
                Prim::Int => Num::Int(a.to_i32().wrapping_abs()),
                Prim::Long => Num::Long(a.to_i64().wrapping_abs()),
                Prim::Float => Num::Float(a.to_f32().abs()),
                Prim::Double => Num::Double(a.to_f64().abs()),
            }))
        }
        "round" => {
            let [a] = args else { return None };
            Some(Ok(match kind(a) {
                0 | 1 | 4 => Num::Int(java_round_f32(a.to_f32())),
                _ => Num::Long(java_round_f64(a.to_f64())),
            }))
        }
        "signum" | "ulp" => {
            let [a] = args else { return None };
            let signum = name == "signum";
            // Integer and Long pick the float overload, like Float; the rest the double one.
            Some(Ok(if matches!(kind(a), 0 | 1 | 4) {
                let v = a.to_f32();
                Num::Float(if signum {
                    signum_f64(v as f64) as f32
                } else {
                    ulp_f32(v)
                })
            } else {
                let v = a.to_f64();
                Num::Double(if signum { signum_f64(v) } else { ulp_f64(v) })
            }))
        }
        "max" | "min" => {
            let [a, b] = args else { return None };
            let Some(p) = MAX_MIN[kind(a)][kind(b)] else {
                return Some(Err(ambiguous(name, args)));
            };
            let max = name == "max";
            Some(Ok(match p {
                Prim::Int => {
                    let (x, y) = (a.to_i32(), b.to_i32());
                    Num::Int(if max { x.max(y) } else { x.min(y) })
                }
                Prim::Long => {
                    let (x, y) = (a.to_i64(), b.to_i64());
                    Num::Long(if max { x.max(y) } else { x.min(y) })
                }
                Prim::Float | Prim::Double => {
                    let (x, y) = if p == Prim::Float {
                        (a.to_f32() as f64, b.to_f32() as f64)
                    } else {
                        (a.to_f64(), b.to_f64())
                    };
                    as_prim(p, if max { java_max(x, y) } else { java_min(x, y) })
                }
            }))
        }
        "floorMod" | "floorDiv" => {
            let [a, b] = args else { return None };
            let Some(p) = FLOOR_MOD[kind(a)][kind(b)] else {
                return Some(Err(missing_static(name, args)));
            };
            // (int, int), (long, long), or Java 9's (long, int) for a Long first argument.
            let (x, y) = match (p, a) {
                (Prim::Long, _) => (a.to_i64() as i128, b.to_i64() as i128),
                (_, Num::Long(x)) => (*x as i128, b.to_i32() as i128),
                _ => (a.to_i32() as i128, b.to_i32() as i128),
            };
            if y == 0 {
                return Some(Err(NumError::arith("/ by zero")));
            }
            let div = x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0);
            let r = if name == "floorMod" { x - div * y } else { div };
            // floorDiv(long, int) returns a long, floorMod(long, int) an int.
            let long_result = p == Prim::Long || (name == "floorDiv" && matches!(a, Num::Long(_)));
            Some(Ok(if long_result {
                Num::Long(r as i64)
            } else {
                Num::Int(r as i32)
            }))
        }
        "pow" => two(f64::powf),
        "atan2" => two(f64::atan2),
        "hypot" => two(f64::hypot),
        "IEEEremainder" => two(|a, b| a - (a / b).round_ties_even() * b),
        "sqrt" => one(f64::sqrt),
        "cbrt" => one(f64::cbrt),
        "floor" => one(f64::floor),
        "ceil" => one(f64::ceil),
        "rint" => one(f64::round_ties_even),
        "exp" => one(f64::exp),
        "expm1" => one(f64::exp_m1),
        "log" => one(f64::ln),
        "log10" => one(f64::log10),
        "log1p" => one(f64::ln_1p),
        "sin" => one(f64::sin),
        "cos" => one(f64::cos),
        "tan" => one(f64::tan),
        "asin" => one(f64::asin),
        "acos" => one(f64::acos),
        "atan" => one(f64::atan),
        "sinh" => one(f64::sinh),
        "cosh" => one(f64::cosh),
        "tanh" => one(f64::tanh),
        "toRadians" => one(f64::to_radians),
        "toDegrees" => one(f64::to_degrees),
        _ => None,
    }
}

/// Java `Math.signum(double)`: ±1.0, or the argument itself for zeros and NaN.
fn signum_f64(d: f64) -> f64 {
    if d == 0.0 || d.is_nan() {
        d
    } else if d > 0.0 {
        1.0
    } else {
        -1.0
    }
}

/// Java `Math.ulp(double)`.
fn ulp_f64(d: f64) -> f64 {
    if d.is_nan() {
        return d;
    }
    if d.is_infinite() {
        return f64::INFINITY;
    }
    let a = d.abs();
    if a == f64::MAX {
        return 2f64.powi(971);
    }
    f64::from_bits(a.to_bits() + 1) - a
}

/// Java `Math.ulp(float)`.
fn ulp_f32(f: f32) -> f32 {
    if f.is_nan() {
        return f;
    }
    if f.is_infinite() {
        return f32::INFINITY;
    }
    let a = f.abs();
    if a == f32::MAX {
        return 2f32.powi(104);
    }
    f32::from_bits(a.to_bits() + 1) - a
}

/// Numeric static fields: `Integer.MAX_VALUE`/`MIN_VALUE`, `Long.*`, `Double.MAX_VALUE`/
/// `MIN_VALUE`/`NaN`/`POSITIVE_INFINITY`/`NEGATIVE_INFINITY`/`MIN_NORMAL`, `Float.*`,
/// `Math.PI`/`E`, `BigDecimal.ZERO`/`ONE`/`TEN`/`ROUND_*` (ints), `BigInteger.ZERO`/`ONE`/
/// `TWO`/`TEN`. The class may be given with or without its package.
pub fn static_field(class: &str, field: &str) -> Option<Num> {
    let class = class
        .strip_prefix("java.lang.")
        .or_else(|| class.strip_prefix("java.math."))
        .unwrap_or(class);
    Some(match (class, field) {
        ("Integer", "MAX_VALUE") => Num::Int(i32::MAX),
        ("Integer", "MIN_VALUE") => Num::Int(i32::MIN),
        ("Integer", "SIZE") => Num::Int(32),
        ("Long", "MAX_VALUE") => Num::Long(i64::MAX),
        ("Long", "MIN_VALUE") => Num::Long(i64::MIN),
        ("Long", "SIZE") => Num::Int(64),
        ("Double", "MAX_VALUE") => Num::Double(f64::MAX),
        ("Double", "MIN_VALUE") => Num::Double(f64::from_bits(1)),
        ("Double", "MIN_NORMAL") => Num::Double(f64::MIN_POSITIVE),
        ("Double", "NaN") => Num::Double(f64::NAN),
        ("Double", "POSITIVE_INFINITY") => Num::Double(f64::INFINITY),
        ("Double", "NEGATIVE_INFINITY") => Num::Double(f64::NEG_INFINITY),
        ("Float", "MAX_VALUE") => Num::Float(f32::MAX),
        ("Float", "MIN_VALUE") => Num::Float(f32::from_bits(1)),
        ("Float", "MIN_NORMAL") => Num::Float(f32::MIN_POSITIVE),
        ("Float", "NaN") => Num::Float(f32::NAN),
        ("Float", "POSITIVE_INFINITY") => Num::Float(f32::INFINITY),
        ("Float", "NEGATIVE_INFINITY") => Num::Float(f32::NEG_INFINITY),
        ("Math", "PI") => Num::Double(std::f64::consts::PI),
        ("Math", "E") => Num::Double(std::f64::consts::E),
        ("BigDecimal", "ZERO") => Num::from_dec(Dec::from_i64(0)),
        ("BigDecimal", "ONE") => Num::from_dec(Dec::from_i64(1)),
        ("BigDecimal", "TEN") => Num::from_dec(Dec::from_i64(10)),
        ("BigDecimal", f) if f.starts_with("ROUND_") => {
            Num::Int(RoundingMode::from_name(f)?.legacy_int())
        }
        ("BigInteger", "ZERO") => Num::big_int(BigInt::from(0)),
        ("BigInteger", "ONE") => Num::big_int(BigInt::from(1)),
        ("BigInteger", "TWO") => Num::big_int(BigInt::from(2)),
        ("BigInteger", "TEN") => Num::big_int(BigInt::from(10)),
        _ => return None,
    })
}

/// An argument of a static call or constructor: a number or a string.
#[derive(Clone, Copy, Debug)]
pub enum StaticArg<'a> {
    Num(&'a Num),
    Str(&'a str),
}

fn class_simple_name(class: &str) -> &str {
    class
        .strip_prefix("java.lang.")
        .or_else(|| class.strip_prefix("java.math."))
        .unwrap_or(class)
}

/// `new BigDecimal(double)`: the exact binary value (`new BigDecimal(0.1)` is
/// `0.1000000000000000055511151231257827021181583404541015625`).
fn exact_decimal_of_double(d: f64) -> NumResult<Num> {
    if !d.is_finite() {
        return Err(NumError::number_format(Some("Infinite or NaN".into())));
    }
    if d == 0.0 {
        return Ok(Num::from_dec(Dec::from_i64(0)));
    }
    let bits = d.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & 0x000f_ffff_ffff_ffff;
    let mut exp = if biased == 0 { -1074 } else { biased - 1075 };
    if biased != 0 {
        mant |= 1 << 52;
    }
    let tz = mant.trailing_zeros();
    mant >>= tz;
    exp += tz as i64;
    let m = if d < 0.0 {
        -BigInt::from(mant)
    } else {
        BigInt::from(mant)
    };
    Ok(Num::from_dec(if exp >= 0 {
        Dec::new(m << (exp as usize), 0)
    } else {
        Dec::new(m * BigInt::from(5u32).pow((-exp) as u32), -exp)
    }))
}

/// Java parameter passing for a primitive parameter, as Groovy 2.4 allows it (checked):
/// an `int` takes an `Integer` or — oddly — a `BigInteger`, a `long` only an `Integer` or
/// `Long`, a `float` anything but a `Double`, a `double` any number
/// (`BigDecimal.valueOf(123G)` is `123.0`, `Float.valueOf(0.1d)` and `Long.valueOf(5G)` have
/// no match).
fn as_int(n: &Num) -> Option<i32> {
    matches!(n, Num::Int(_) | Num::BigInt(_)).then(|| n.to_i32())
}

fn as_long(n: &Num) -> Option<i64> {
    matches!(n, Num::Int(_) | Num::Long(_)).then(|| n.to_i64())
}

fn as_float(n: &Num) -> Option<f32> {
    (!matches!(n, Num::Double(_))).then(|| n.to_f32())
}

/// `new Integer('5')`, `new BigDecimal('1.5')`, `new BigDecimal(0.1)` (the exact binary
/// value; a `BigDecimal` argument goes through `double` too), `new BigDecimal(5)`,
/// `new BigInteger('ff', 16)`, … `None` for a class this module does not construct; a
/// number argument the constructor cannot take is Groovy's `GroovyRuntimeException: Could
/// not find matching constructor for: java.lang.Integer(java.lang.Long)`.
pub fn construct(class: &str, args: &[StaticArg<'_>]) -> Option<NumResult<Num>> {
    use StaticArg::{Num as N, Str as S};
    let class = class_simple_name(class);
    let no_match = |n: &Num| {
        NumError::new(
            "groovy.lang.GroovyRuntimeException",
            format!(
                "Could not find matching constructor for: java.lang.{class}({})",
                n.class_name()
            ),
        )
    };
    Some(match (class, args) {
        ("Integer", [S(s)]) => parse::parse_int(s, 10).map(Num::Int),
        ("Long", [S(s)]) => parse::parse_long(s, 10).map(Num::Long),
        ("Double", [S(s)]) => parse::parse_double(s).map(Num::Double),
        ("Float", [S(s)]) => parse::parse_float(s).map(Num::Float),
        ("Integer", [N(n)]) => as_int(n).map(Num::Int).ok_or_else(|| no_match(n)),
        ("Long", [N(n)]) => as_long(n).map(Num::Long).ok_or_else(|| no_match(n)),
        ("Double", [N(n)]) => Ok(Num::Double(n.to_f64())),
        ("Float", [N(n)]) => match n {
            // Float(double) exists too.
            Num::Double(d) => Ok(Num::Float(*d as f32)),
            _ => as_float(n).map(Num::Float).ok_or_else(|| no_match(n)),
        },
        ("BigInteger", [S(s)]) => parse::parse_big_integer(s, 10).map(Num::big_int),
        ("BigInteger", [S(s), N(r)]) => {
            parse::parse_big_integer(s, r.to_i32().max(0) as u32).map(Num::big_int)
        }
        ("BigDecimal", [S(s)]) => parse::parse_big_decimal(s).map(Num::decimal),
        ("BigDecimal", [N(n)]) => match n {
            Num::Int(_) | Num::Long(_) | Num::BigInt(_) => n.to_dec().map(Num::from_dec),
            _ => exact_decimal_of_double(n.to_f64()),
        },
        _ => return None,
    })
}

/// Static methods of the number classes with Java's results: `Integer.parseInt(s[, radix])`,
/// `Integer.valueOf(s|n)`, `Integer.toString(n[, radix])`, `Integer.toHexString(n)` (and
/// octal, binary), `Integer.max/min/sum/compare/signum`, the same on `Long`,
/// `Double.parseDouble/valueOf/toString/isNaN/isInfinite/compare`, the same on `Float`,
/// `BigDecimal.valueOf(long|double[, scale])`, `BigInteger.valueOf(long)`, and every
/// [`math_call`] as `Math.*`. Number arguments must suit the Java parameter type as Groovy
/// passes them (see `as_int` and friends). `None` when not handled here or when no
/// overload takes the arguments (Groovy: `MissingMethodException`).
pub fn static_call(
    class: &str,
    name: &str,
    args: &[StaticArg<'_>],
) -> Option<NumResult<MethodValue>> {
    let class = class_simple_name(class);
    if class == "Math" {
        let nums: Option<Vec<Num>> = args
            .iter()
            .map(|a| match a {
                StaticArg::Num(n) => Some((*n).clone()),
                StaticArg::Str(_) => None,
            })
            .collect();
        return math_call(name, &nums?).map(|r| r.map(MethodValue::Num));
    }
    static_number_method(class, name, args)
}

fn static_number_method(
    class: &str,
    name: &str,
    args: &[StaticArg<'_>],
) -> Option<NumResult<MethodValue>> {
    use StaticArg::{Num as N, Str as S};
    let num = |n: Num| Some(Ok(MethodValue::Num(n)));
    let parsed = |r: NumResult<Num>| Some(r.map(MethodValue::Num));
    let text = |s: String| Some(Ok(MethodValue::Str(s)));
    let boolean = |b: bool| Some(Ok(MethodValue::Bool(b)));
    let radix = |r: &Num| as_int(r).map(|r| r.max(0) as u32);
    let int_result = |v: i32| num(Num::Int(v));
    match (class, name, args) {
        ("Integer", "parseInt" | "valueOf", [S(s)]) => {
            parsed(parse::parse_int(s, 10).map(Num::Int))
        }
        ("Integer", "parseInt" | "valueOf", [S(s), N(r)]) => {
            parsed(parse::parse_int(s, radix(r)?).map(Num::Int))
        }
        ("Long", "parseLong" | "valueOf", [S(s)]) => {
            parsed(parse::parse_long(s, 10).map(Num::Long))
        }
        ("Long", "parseLong" | "valueOf", [S(s), N(r)]) => {
            parsed(parse::parse_long(s, radix(r)?).map(Num::Long))
        }
        ("Double", "parseDouble" | "valueOf", [S(s)]) => {
            parsed(parse::parse_double(s).map(Num::Double))
        }
        ("Float", "parseFloat" | "valueOf", [S(s)]) => {
            parsed(parse::parse_float(s).map(Num::Float))
        }
        ("Integer", "valueOf", [N(n)]) => num(Num::Int(as_int(n)?)),
        ("Long", "valueOf", [N(n)]) => num(Num::Long(as_long(n)?)),
        ("Double", "valueOf", [N(n)]) => num(Num::Double(n.to_f64())),
        ("Float", "valueOf", [N(n)]) => num(Num::Float(as_float(n)?)),
        ("Integer", "toString", [N(n)]) => text(as_int(n)?.to_string()),
        ("Long", "toString", [N(n)]) => text(as_long(n)?.to_string()),
        ("Double", "toString", [N(n)]) => text(Num::Double(n.to_f64()).to_string()),
        ("Float", "toString", [N(n)]) => text(Num::Float(as_float(n)?).to_string()),
        ("Integer", "toString", [N(n), N(r)]) => {
            text(Num::Int(as_int(n)?).to_string_radix(radix(r)?))
        }
        ("Long", "toString", [N(n), N(r)]) => {
            text(Num::Long(as_long(n)?).to_string_radix(radix(r)?))
        }
        ("Integer" | "Long", "toHexString" | "toOctalString" | "toBinaryString", [N(n)]) => {
            let r = match name {
                "toHexString" => 16,
                "toOctalString" => 8,
                _ => 2,
            };
            let v = if class == "Integer" {
                Num::Int(as_int(n)?)
            } else {
                Num::Long(as_long(n)?)
            };
            text(v.to_unsigned_string(r))
        }
        ("Integer", "max" | "min" | "sum" | "compare", [N(a), N(b)]) => {
            let (x, y) = (as_int(a)?, as_int(b)?);
            int_result(match name {
                "max" => x.max(y),
                "min" => x.min(y),
                "sum" => x.wrapping_add(y),
                _ => ordering_int(x.cmp(&y)),
            })
        }
        ("Long", "max" | "min" | "sum", [N(a), N(b)]) => {
            let (x, y) = (as_long(a)?, as_long(b)?);
            num(Num::Long(match name {
                "max" => x.max(y),
                "min" => x.min(y),
                _ => x.wrapping_add(y),
            }))
        }
        ("Long", "compare", [N(a), N(b)]) => {
            int_result(ordering_int(as_long(a)?.cmp(&as_long(b)?)))
        }
        ("Integer", "signum", [N(n)]) => int_result(as_int(n)?.signum()),
        ("Long", "signum", [N(n)]) => int_result(as_long(n)?.signum() as i32),
        ("Double", "isNaN", [N(n)]) => boolean(n.to_f64().is_nan()),
        ("Double", "isInfinite", [N(n)]) => boolean(n.to_f64().is_infinite()),
        ("Double", "isFinite", [N(n)]) => boolean(n.to_f64().is_finite()),
        ("Float", "isNaN", [N(n)]) => boolean(as_float(n)?.is_nan()),
        ("Float", "isInfinite", [N(n)]) => boolean(as_float(n)?.is_infinite()),
        ("Double", "compare", [N(a), N(b)]) => int_result(ordering_int(
            super::java_double_compare(a.to_f64(), b.to_f64()),
        )),
        ("Float", "compare", [N(a), N(b)]) => int_result(ordering_int(super::java_double_compare(
            as_float(a)? as f64,
            as_float(b)? as f64,
        ))),
        ("BigInteger", "valueOf", [N(n)]) => num(Num::big_int(BigInt::from(as_long(n)?))),
        // valueOf(long) is exact; anything else goes to valueOf(double), through
        // Double.toString (`BigDecimal.valueOf(123G)` is 123.0).
        ("BigDecimal", "valueOf", [N(n)]) => match as_long(n) {
            Some(v) => num(Num::from_dec(Dec::from_i64(v))),
            None => parsed(Num::Double(n.to_f64()).to_dec().map(Num::from_dec)),
        },
        ("BigDecimal", "valueOf", [N(n), N(scale)]) => num(Num::from_dec(Dec::new(
            BigInt::from(as_long(n)?),
            as_int(scale)? as i64,
        ))),
        _ => None,
    }
}

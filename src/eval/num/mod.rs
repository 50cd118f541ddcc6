//! The Groovy 2.4 / Java 17 numeric tower: `Integer`, `Long`, `BigInteger`, `BigDecimal`,
//! `Float` and `Double`, with Groovy's `NumberMath` promotion rules, Java's overflow and
//! rounding behaviour, Java's exact `toString` output and Java's exception messages.
//!
//! Every rule here was checked against real Groovy 2.4.21 on OpenJDK 17: the script
//! `tests/oracle/num_oracle.groovy` prints ~23,000 results, stored next to it as
//! `num_oracle.out`, and the integration test `tests/num.rs` recomputes each one (re-run the
//! script after changing a rule). `Double.toString` was also compared with Java 17 on
//! millions of values (`tests/oracle/DtoaSamples.java`).
//!
//! Submodules: [`decimal`] (Java `BigDecimal` semantics), `dtoa` (Java's `Double.toString`),
//! [`parse`] (string → number), `arith` (operators), `methods` (number methods, `Math`,
//! static fields, static methods and constructors of the number classes).
//!
//! ## Size cap
//! Java computes `2 ** 100000000` (a 100-million-bit number) in a blink but printing it or
//! `3 ** 100000000` takes ages; a pipeline must not hang or exhaust memory on such input.
//! Any big integer or decimal operation whose result would exceed [`MAX_BITS`] bits fails
//! with `java.lang.ArithmeticException: BigInteger would overflow supported range` (Java's
//! own message for its — much larger — limit of 2^31 bits). Java would succeed there.
//!
//! ## Known divergences from Groovy 2.4.21 / Java 17
//! * The size cap above (also: `1E+999999999 + 1`, `toPlainString()` or `toBigInteger()` of
//!   such a decimal, `setScale(999999999)`, BigInteger literals over ~260,000 digits).
//! * Transcendental `Math` functions (`sin`, `cbrt`, `atan2`, …) use the platform libm and
//!   may differ from Java in the last bit; `Math.pow` likewise for non-integral results.
//! * Non-ASCII Unicode digits (`'٣'.toInteger()`) are not accepted (fullwidth ones are).
//! * `Short`/`Byte` (`'5' as Short`) are not modelled.
//! * Operators on two *literals* can be folded by Groovy's compiler with Java's static
//!   types (`1 << 33L` written with literals is a `Long`); this module implements the
//!   dynamic semantics of values in variables (`i << 33L` stays an `Integer`). Likewise
//!   `println(-0.0d)` and `println(-0.0f)` print `0.0` in Groovy (a negated literal is
//!   folded), while negating a variable holding `0.0d` gives `-0.0` as [`Num::neg`] does:
//!   the evaluator has to special-case a negated floating zero literal.
//! * `Math.max/min/abs/round/signum/ulp/floorMod/floorDiv` follow a table of Groovy's
//!   overload choices for the six number classes (ambiguities reported with Groovy's
//!   message for the `(double, double)`/`(float, float)` pair).

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::num_traits::{ToPrimitive, Zero};
use bigdecimal::BigDecimal;

use crate::syntax::ast::NumberLit;

mod arith;
pub mod decimal;
mod dtoa;
mod methods;
pub mod parse;

pub use decimal::RoundingMode;
pub use dtoa::java_double_digits;
pub use methods::{
    construct, java_round_f32, java_round_f64, math_call, static_call, static_field, MethodValue,
    StaticArg,
};
pub use parse::{
    is_big_decimal, is_big_integer, is_double, is_float, is_integer, is_long, is_number, java_trim,
    parse_big_decimal, parse_big_integer, parse_double, parse_float, parse_int, parse_long,
    string_as_type, string_to_big_decimal, string_to_big_integer, string_to_double,
    string_to_float, string_to_integer, string_to_long,
};

use decimal::Dec;

/// A Groovy/Java number. Big variants are behind Arc so the enum stays 16 bytes.
///
/// Rust `==` (and `Hash`) on `Num` is Java's `equals`/`hashCode` contract — same class and
/// same value, scale included (`1 != 1L`, `1.0 != 1.00`, `NaN == NaN`) — which is what hash
/// maps and sets need. Groovy's `==` is [`Num::num_eq`].
#[derive(Clone, Debug)]
pub enum Num {
    Int(i32),
    Long(i64),
    BigInt(Arc<BigInt>),
    Decimal(Arc<BigDecimal>),
    Float(f32),
    Double(f64),
}

/// A Java exception raised by an operation: class name ("java.lang.ArithmeticException") and
/// message (None prints as "null" in Groovy).
#[derive(Clone, Debug, PartialEq)]
pub struct NumError {
    pub class: &'static str,
    pub message: Option<String>,
}

pub type NumResult<T> = Result<T, NumError>;

/// The largest big integer (or decimal unscaled value) this module builds, in bits
/// (about 315,000 decimal digits). See the module documentation.
pub const MAX_BITS: u64 = 1 << 20;

pub(crate) fn check_bits(bits: u64) -> NumResult<()> {
    if bits > MAX_BITS {
        return Err(NumError::arith("BigInteger would overflow supported range"));
    }
    Ok(())
}

impl NumError {
    pub fn new(class: &'static str, message: impl Into<String>) -> NumError {
        NumError {
            class,
            message: Some(message.into()),
        }
    }

    pub(crate) fn arith(message: impl Into<String>) -> NumError {
        NumError::new("java.lang.ArithmeticException", message)
    }

    pub(crate) fn number_format(message: Option<String>) -> NumError {
        NumError {
            class: "java.lang.NumberFormatException",
            message,
        }
    }

    pub(crate) fn unsupported(message: impl Into<String>) -> NumError {
        NumError::new("java.lang.UnsupportedOperationException", message)
    }

    pub(crate) fn illegal_argument(message: impl Into<String>) -> NumError {
        NumError::new("java.lang.IllegalArgumentException", message)
    }

    /// The class name without its package (`ArithmeticException`).
    pub fn simple_class(&self) -> &'static str {
        self.class.rsplit('.').next().unwrap_or(self.class)
    }
}

impl fmt::Display for NumError {
    /// `Throwable.toString()`: `java.lang.ArithmeticException: / by zero`, or the bare class
    /// name when there is no message.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.message {
            Some(m) => write!(f, "{}: {}", self.class, m),
            None => f.write_str(self.class),
        }
    }
}

impl std::error::Error for NumError {}

/// The numeric classes a value can be converted to with `as`, a cast or a typed declaration.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumType {
    Integer,
    Long,
    BigInteger,
    BigDecimal,
    Float,
    Double,
}

impl NumType {
    /// Recognises `Integer`, `java.lang.Integer`, `int`, …; the flag is true for a primitive
    /// (`int`, `long`, `float`, `double`), which matters for `as double` (see
    /// [`Num::as_type`]).
    pub fn from_name(name: &str) -> Option<(NumType, bool)> {
        let name = name
            .strip_prefix("java.lang.")
            .or_else(|| name.strip_prefix("java.math."))
            .unwrap_or(name);
        Some(match name {
            "Integer" => (NumType::Integer, false),
            "int" => (NumType::Integer, true),
            "Long" => (NumType::Long, false),
            "long" => (NumType::Long, true),
            "BigInteger" => (NumType::BigInteger, false),
            "BigDecimal" => (NumType::BigDecimal, false),
            "Float" => (NumType::Float, false),
            "float" => (NumType::Float, true),
            "Double" => (NumType::Double, false),
            "double" => (NumType::Double, true),
            _ => return None,
        })
    }
}

/// A map/set key with Java `equals`/`hashCode` semantics: `Integer 1`, `Long 1` and
/// `BigDecimal 1.0` are three different keys (Groovy: `[(1): 'a'][1L]` is `null`), `1.0` and
/// `1.00` differ, `NaN` equals `NaN`, `0.0` and `-0.0` differ.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum NumKey {
    Int(i32),
    Long(i64),
    BigInt(BigInt),
    Decimal(BigInt, i64),
    Float(u32),
    Double(u64),
}

/// `Double.doubleToLongBits`: the bits with every NaN made the canonical one.
fn canonical_f64_bits(d: f64) -> u64 {
    if d.is_nan() {
        0x7ff8_0000_0000_0000
    } else {
        d.to_bits()
    }
}

fn canonical_f32_bits(f: f32) -> u32 {
    if f.is_nan() {
        0x7fc0_0000
    } else {
        f.to_bits()
    }
}

/// `Double.compare`: `-0.0 < 0.0`, NaN equal to itself and above everything.
pub(crate) fn java_double_compare(a: f64, b: f64) -> Ordering {
    if a < b {
        return Ordering::Less;
    }
    if a > b {
        return Ordering::Greater;
    }
    (canonical_f64_bits(a) as i64).cmp(&(canonical_f64_bits(b) as i64))
}

impl Num {
    /// Wraps a `BigInteger`.
    pub fn big_int(b: BigInt) -> Num {
        Num::BigInt(Arc::new(b))
    }

    /// Wraps a `BigDecimal` (its scale is kept as-is: `2.50` stays `2.50`).
    pub fn decimal(d: BigDecimal) -> Num {
        Num::Decimal(Arc::new(d))
    }

    pub(crate) fn from_dec(d: Dec) -> Num {
        Num::decimal(d.into_big_decimal())
    }

    /// An `Integer` if the value fits, else a `Long` (how Groovy types integer literals and
    /// what `size()`-like results should be).
    pub fn from_i64_smallest(v: i64) -> Num {
        match i32::try_from(v) {
            Ok(i) => Num::Int(i),
            Err(_) => Num::Long(v),
        }
    }

    /// A size or index (`list.size()`, `str.length()`): `Integer`, as Java's `int` sizes;
    /// a size above `Integer.MAX_VALUE` becomes a `Long` rather than wrapping.
    pub fn from_usize(n: usize) -> Num {
        match i32::try_from(n) {
            Ok(i) => Num::Int(i),
            Err(_) => Num::Long(i64::try_from(n).unwrap_or(i64::MAX)),
        }
    }

    /// The value of a numeric literal as the parser classified it (`1e3` is a `BigDecimal`
    /// with scale -3, printing `1E+3`).
    pub fn from_lit(lit: &NumberLit) -> NumResult<Num> {
        Ok(match lit {
            NumberLit::Integer(v) => Num::Int(*v),
            NumberLit::Long(v) => Num::Long(*v),
            NumberLit::BigInteger(digits) => Num::big_int(parse_big_integer(digits, 10)?),
            NumberLit::BigDecimal(text) => Num::decimal(parse_big_decimal(text)?),
            NumberLit::Double(v) => Num::Double(*v),
            NumberLit::Float(v) => Num::Float(*v),
        })
    }

    /// The Java class name: `java.lang.Integer`, `java.math.BigDecimal`, …
    pub fn class_name(&self) -> &'static str {
        match self {
            Num::Int(_) => "java.lang.Integer",
            Num::Long(_) => "java.lang.Long",
            Num::BigInt(_) => "java.math.BigInteger",
            Num::Decimal(_) => "java.math.BigDecimal",
            Num::Float(_) => "java.lang.Float",
            Num::Double(_) => "java.lang.Double",
        }
    }

    /// `getClass().getSimpleName()`: `Integer`, `BigDecimal`, …
    pub fn simple_name(&self) -> &'static str {
        let full = self.class_name();
        full.rsplit('.').next().unwrap_or(full)
    }

    /// Numerically zero (`0`, `0.00`, `-0.0`).
    pub fn is_zero(&self) -> bool {
        match self {
            Num::Int(v) => *v == 0,
            Num::Long(v) => *v == 0,
            Num::BigInt(b) => b.is_zero(),
            Num::Decimal(d) => d.as_bigint_and_scale().0.is_zero(),
            Num::Float(f) => *f == 0.0,
            Num::Double(d) => *d == 0.0,
        }
    }

    /// Groovy truth: every number but zero is true (`NaN` is true, `0.0`, `-0.0`, `0G` and
    /// `0.00` are false).
    pub fn truthy(&self) -> bool {
        !self.is_zero()
    }

    /// True for `Float` and `Double`.
    pub fn is_floating(&self) -> bool {
        matches!(self, Num::Float(_) | Num::Double(_))
    }

    /// True for `Integer`, `Long` and `BigInteger`.
    pub fn is_integral(&self) -> bool {
        matches!(self, Num::Int(_) | Num::Long(_) | Num::BigInt(_))
    }

    pub(crate) fn dec(&self) -> Option<Dec> {
        match self {
            Num::Int(v) => Some(Dec::from_i64(*v as i64)),
            Num::Long(v) => Some(Dec::from_i64(*v)),
            Num::BigInt(b) => Some(Dec::new((**b).clone(), 0)),
            Num::Decimal(d) => Some(Dec::of(d)),
            Num::Float(_) | Num::Double(_) => None,
        }
    }

    /// `intValue()`: Java narrowing. Longs and big integers keep their low 32 bits; floating
    /// values truncate toward zero, saturate at the `int` range, and NaN gives 0; decimals
    /// truncate, then keep the low 32 bits.
    pub fn to_i32(&self) -> i32 {
        match self {
            Num::Int(v) => *v,
            Num::Float(f) => *f as i32,
            Num::Double(d) => *d as i32,
            _ => self.to_i64() as i32,
        }
    }

    /// `longValue()`, with the same rules as [`Num::to_i32`] at 64 bits.
    pub fn to_i64(&self) -> i64 {
        match self {
            Num::Int(v) => *v as i64,
            Num::Long(v) => *v,
            Num::BigInt(b) => decimal::low_i64(b),
            Num::Decimal(d) => Dec::of(d).to_i64_wrapping(),
            Num::Float(f) => *f as i64,
            Num::Double(d) => *d as i64,
        }
    }

    /// `doubleValue()`: correctly rounded (big values beyond the double range are infinite).
    pub fn to_f64(&self) -> f64 {
        match self {
            Num::Int(v) => *v as f64,
            Num::Long(v) => *v as f64,
            Num::BigInt(b) => parse::big_to_f64(b, 0),
            Num::Decimal(d) => Dec::of(d).to_f64(),
            Num::Float(f) => *f as f64,
            Num::Double(d) => *d,
        }
    }

    /// `floatValue()`: correctly rounded from the exact value.
    pub fn to_f32(&self) -> f32 {
        match self {
            Num::Int(v) => *v as f32,
            Num::Long(v) => *v as f32,
            Num::BigInt(b) => parse::big_to_f32(b, 0),
            Num::Decimal(d) => Dec::of(d).to_f32(),
            Num::Float(f) => *f,
            Num::Double(d) => *d as f32,
        }
    }

    /// Groovy `toBigInteger()` / `as BigInteger`: decimals and floating values truncate
    /// toward zero (exactly, from the binary value of a double); NaN and infinities raise
    /// `NumberFormatException: Infinite or NaN`.
    pub fn to_big_int(&self) -> NumResult<BigInt> {
        match self {
            Num::Int(v) => Ok(BigInt::from(*v)),
            Num::Long(v) => Ok(BigInt::from(*v)),
            Num::BigInt(b) => Ok((**b).clone()),
            Num::Decimal(d) => Dec::of(d).to_big_int(),
            Num::Float(f) => f64_to_big_int(*f as f64),
            Num::Double(d) => f64_to_big_int(*d),
        }
    }

    /// Groovy `toBigDecimal()` / `as BigDecimal`: integers exactly (scale 0); floating values
    /// through their `toString()` (`0.1f` → `0.1`, `1e20d` → `1.0E+20`), so NaN and infinities
    /// fail the way `new BigDecimal("NaN")` does.
    pub fn to_big_decimal(&self) -> NumResult<BigDecimal> {
        Ok(self.to_dec()?.into_big_decimal())
    }

    pub(crate) fn to_dec(&self) -> NumResult<Dec> {
        match self.dec() {
            Some(d) => Ok(d),
            None => parse::parse_dec(&self.to_string()),
        }
    }

    /// The number converted with Groovy's `as` (or a cast / typed assignment) to a numeric
    /// type name: `Integer`/`int`, `Long`/`long`, `BigInteger`, `BigDecimal`, `Float`/`float`,
    /// `Double`/`double`, with or without package; `Number` (and `Object`) return the value
    /// itself. `None` for any other name (`String` is [`ToString`]: `5 as String` is `"5"`).
    ///
    /// `as double` (primitive) refuses a non-`Double` whose double value is infinite:
    /// `GroovyRuntimeException: Automatic coercion of java.math.BigInteger value … to double
    /// failed.  Value is out of range.`; `as Double` gives `Infinity`.
    pub fn as_type(&self, name: &str) -> Option<NumResult<Num>> {
        if matches!(
            name,
            "Number" | "java.lang.Number" | "Object" | "java.lang.Object" | "def"
        ) {
            return Some(Ok(self.clone()));
        }
        let (ty, primitive) = NumType::from_name(name)?;
        Some(self.convert(ty, primitive))
    }

    /// [`Num::as_type`] with the type already resolved.
    pub fn convert(&self, ty: NumType, primitive: bool) -> NumResult<Num> {
        Ok(match ty {
            NumType::Integer => Num::Int(self.to_i32()),
            NumType::Long => Num::Long(self.to_i64()),
            NumType::BigInteger => Num::big_int(self.to_big_int()?),
            NumType::BigDecimal => match self {
                Num::Decimal(_) => self.clone(),
                _ => Num::decimal(self.to_big_decimal()?),
            },
            NumType::Float => Num::Float(self.to_f32()),
            // Groovy's `toDouble()`/`as Double` on a Float goes through its text: `1.1f as
            // Double` is 1.1, while `as double` (and `doubleValue()`) is 1.100000023841858.
            NumType::Double if !primitive && matches!(self, Num::Float(_)) => {
                Num::Double(parse_double(&self.to_string())?)
            }
            NumType::Double => {
                let d = self.to_f64();
                if primitive && d.is_infinite() && !matches!(self, Num::Double(_)) {
                    return Err(NumError::new(
                        "groovy.lang.GroovyRuntimeException",
                        format!(
                            "Automatic coercion of {} value {} to double failed.  Value is out of range.",
                            self.class_name(),
                            self
                        ),
                    ));
                }
                Num::Double(d)
            }
        })
    }

    /// Groovy `==` (and `compareTo() == 0`): `1 == 1L`, `1 == 1.0`, `1.0 == 1.00`, `NaN == NaN`
    /// (through `Double.compare`), but `0.0d != -0.0d`.
    pub fn num_eq(&self, other: &Num) -> bool {
        self.compare(other) == Ordering::Equal
    }

    /// Java `equals`: same class and same value, so `1.equals(1L)` and `1.0.equals(1.00)`
    /// are false (the same as Rust `==` on `Num`).
    pub fn java_equals(&self, other: &Num) -> bool {
        self == other
    }

    /// The key for hash maps and sets, consistent with Java `equals` (see [`NumKey`]).
    pub fn hash_key(&self) -> NumKey {
        match self {
            Num::Int(v) => NumKey::Int(*v),
            Num::Long(v) => NumKey::Long(*v),
            Num::BigInt(b) => NumKey::BigInt((**b).clone()),
            Num::Decimal(d) => {
                let (u, s) = d.as_bigint_and_scale();
                NumKey::Decimal(u.into_owned(), s)
            }
            Num::Float(f) => NumKey::Float(canonical_f32_bits(*f)),
            Num::Double(d) => NumKey::Double(canonical_f64_bits(*d)),
        }
    }

    /// Java `hashCode()`.
    pub fn java_hash_code(&self) -> i32 {
        match self {
            Num::Int(v) => *v,
            Num::Long(v) => (*v ^ ((*v as u64) >> 32) as i64) as i32,
            Num::BigInt(b) => decimal::big_int_hash(b),
            Num::Decimal(d) => Dec::of(d).java_hash(),
            Num::Float(f) => canonical_f32_bits(*f) as i32,
            Num::Double(d) => {
                let bits = canonical_f64_bits(*d);
                (bits ^ (bits >> 32)) as i32
            }
        }
    }

    /// `BigDecimal.toPlainString()` (other numbers: their `toString()`). Fails only when the
    /// text would be beyond the size cap (`1E+999999999`).
    pub fn to_plain_string(&self) -> NumResult<String> {
        match self {
            Num::Decimal(d) => Dec::of(d).to_plain_string(),
            _ => Ok(self.to_string()),
        }
    }

    /// `BigDecimal.toEngineeringString()` (other numbers: their `toString()`).
    pub fn to_engineering_string(&self) -> String {
        match self {
            Num::Decimal(d) => Dec::of(d).to_engineering_string(),
            _ => self.to_string(),
        }
    }
}

/// `new BigDecimal(double).toBigInteger()`.
fn f64_to_big_int(d: f64) -> NumResult<BigInt> {
    if !d.is_finite() {
        return Err(NumError::number_format(Some("Infinite or NaN".into())));
    }
    let t = d.trunc();
    if let Some(v) = t.to_i64() {
        return Ok(BigInt::from(v));
    }
    // |t| ≥ 2^63: an integer mantissa times a power of two.
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & 0x000f_ffff_ffff_ffff) | (1 << 52);
    let mag = BigInt::from(mant) << (exp as usize);
    Ok(if t < 0.0 { -mag } else { mag })
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        match (self, other) {
            (Num::Int(a), Num::Int(b)) => a == b,
            (Num::Long(a), Num::Long(b)) => a == b,
            (Num::BigInt(a), Num::BigInt(b)) => a == b,
            (Num::Decimal(a), Num::Decimal(b)) => {
                let ((ua, sa), (ub, sb)) = (a.as_bigint_and_scale(), b.as_bigint_and_scale());
                sa == sb && ua == ub
            }
            (Num::Float(a), Num::Float(b)) => canonical_f32_bits(*a) == canonical_f32_bits(*b),
            (Num::Double(a), Num::Double(b)) => canonical_f64_bits(*a) == canonical_f64_bits(*b),
            _ => false,
        }
    }
}

impl Eq for Num {}

impl std::hash::Hash for Num {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        std::mem::discriminant(self).hash(state);
        match self {
            Num::Int(v) => v.hash(state),
            Num::Long(v) => v.hash(state),
            Num::BigInt(b) => b.hash(state),
            Num::Decimal(d) => {
                let (u, s) = d.as_bigint_and_scale();
                u.hash(state);
                s.hash(state);
            }
            Num::Float(f) => canonical_f32_bits(*f).hash(state),
            Num::Double(d) => canonical_f64_bits(*d).hash(state),
        }
    }
}

impl fmt::Display for Num {
    /// Java's `toString()`: `Double.toString` (`1.0E10`, `1.0E-5`, `0.001`), `Float.toString`,
    /// `BigDecimal.toString` (`1E+3`, `1.0E-7`, `0.000001`, `2.50`), plain integers.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(v) => write!(f, "{v}"),
            Num::Long(v) => write!(f, "{v}"),
            Num::BigInt(b) => write!(f, "{b}"),
            Num::Decimal(d) => f.write_str(&Dec::of(d).to_sci_string()),
            Num::Float(v) => f.write_str(&dtoa::float_to_string(*v)),
            Num::Double(v) => f.write_str(&dtoa::double_to_string(*v)),
        }
    }
}

impl From<i32> for Num {
    fn from(v: i32) -> Num {
        Num::Int(v)
    }
}

impl From<i64> for Num {
    fn from(v: i64) -> Num {
        Num::Long(v)
    }
}

impl From<f64> for Num {
    fn from(v: f64) -> Num {
        Num::Double(v)
    }
}

impl From<f32> for Num {
    fn from(v: f32) -> Num {
        Num::Float(v)
    }
}

impl From<BigInt> for Num {
    fn from(v: BigInt) -> Num {
        Num::big_int(v)
    }
}

impl From<BigDecimal> for Num {
    fn from(v: BigDecimal) -> Num {
        Num::decimal(v)
    }
}

#[cfg(test)]
mod tests;

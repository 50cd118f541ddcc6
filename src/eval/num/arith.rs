//! Groovy's arithmetic, comparison and bitwise operators on numbers.
//!
//! Dispatch follows `org.codehaus.groovy.runtime.typehandling.NumberMath`: a `Float` or
//! `Double` operand makes it `double` math; else a `BigDecimal` makes it decimal math; else a
//! `BigInteger` big-integer math; else a `Long` long math; else int math. Integer and long
//! math wrap on overflow like Java (`Integer.MAX_VALUE + 1` is `-2147483648`); `/` on
//! anything but floating values is `BigDecimal` division. `**` follows the
//! `DefaultGroovyMethods.power` overloads. All of it is checked against Groovy 2.4.21 by the
//! binary-operator matrices of `tests/oracle/num_oracle.groovy`.

use std::cmp::Ordering;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::num_traits::{Signed, ToPrimitive, Zero};

use super::decimal::{big_pow, Dec};
use super::{check_bits, java_double_compare, Num, NumError, NumResult};

/// Which `NumberMath` implementation handles a pair of operands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Math {
    Int,
    Long,
    Big,
    Dec,
    Floating,
}

fn math_of(a: &Num, b: &Num) -> Math {
    let rank = |n: &Num| match n {
        Num::Int(_) => Math::Int,
        Num::Long(_) => Math::Long,
        Num::BigInt(_) => Math::Big,
        Num::Decimal(_) => Math::Dec,
        Num::Float(_) | Num::Double(_) => Math::Floating,
    };
    let order = |m: Math| match m {
        Math::Int => 0,
        Math::Long => 1,
        Math::Big => 2,
        Math::Dec => 3,
        Math::Floating => 4,
    };
    let (ra, rb) = (rank(a), rank(b));
    if order(ra) >= order(rb) {
        ra
    } else {
        rb
    }
}

/// `UnsupportedOperationException: Cannot use mod() on this number type: java.math.BigDecimal
/// with value: 7.5` — Groovy names the left operand even when the right one caused it.
fn unsupported(op: &str, left: &Num) -> NumError {
    NumError::unsupported(format!(
        "Cannot use {op} on this number type: {} with value: {left}",
        left.class_name()
    ))
}

fn div_by_zero() -> NumError {
    NumError::arith("/ by zero")
}

impl Num {
    /// The operand as a `BigInteger` for big-integer math (only integral values get here).
    fn big(&self) -> BigInt {
        match self {
            Num::BigInt(b) => (**b).clone(),
            other => BigInt::from(other.to_i64()),
        }
    }

    /// The operand as a decimal for decimal math (only non-floating values get here).
    fn decimal_operand(&self) -> Dec {
        self.dec().unwrap_or_else(|| Dec::from_i64(0))
    }

    /// `a + b`.
    pub fn add(&self, o: &Num) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => Num::Int(self.to_i32().wrapping_add(o.to_i32())),
            Math::Long => Num::Long(self.to_i64().wrapping_add(o.to_i64())),
            Math::Big => Num::big_int(self.big() + o.big()),
            Math::Dec => Num::from_dec(self.decimal_operand().add(&o.decimal_operand())?),
            Math::Floating => Num::Double(self.to_f64() + o.to_f64()),
        })
    }

    /// `a - b`.
    pub fn sub(&self, o: &Num) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => Num::Int(self.to_i32().wrapping_sub(o.to_i32())),
            Math::Long => Num::Long(self.to_i64().wrapping_sub(o.to_i64())),
            Math::Big => Num::big_int(self.big() - o.big()),
            Math::Dec => Num::from_dec(self.decimal_operand().sub(&o.decimal_operand())?),
            Math::Floating => Num::Double(self.to_f64() - o.to_f64()),
        })
    }

    /// `a * b`.
    pub fn mul(&self, o: &Num) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => Num::Int(self.to_i32().wrapping_mul(o.to_i32())),
            Math::Long => Num::Long(self.to_i64().wrapping_mul(o.to_i64())),
            Math::Big => {
                let (a, b) = (self.big(), o.big());
                check_bits(a.bits() + b.bits())?;
                Num::big_int(a * b)
            }
            Math::Dec => Num::from_dec(self.decimal_operand().mul(&o.decimal_operand())?),
            Math::Floating => Num::Double(self.to_f64() * o.to_f64()),
        })
    }

    /// `a / b`: `Double` division if either side is floating, else Groovy's `BigDecimal`
    /// division (`1/3` → `0.3333333333`, `10/2` → `5`, `1/0` → `ArithmeticException:
    /// Division by zero`, `0/0` → `Division undefined`).
    pub fn div(&self, o: &Num) -> NumResult<Num> {
        if math_of(self, o) == Math::Floating {
            return Ok(Num::Double(self.to_f64() / o.to_f64()));
        }
        Ok(Num::from_dec(
            self.decimal_operand().groovy_divide(&o.decimal_operand())?,
        ))
    }

    /// `a % b` (also `a.mod(b)`): Java's remainder for int and long (sign of the dividend,
    /// `/ by zero`), `BigInteger.mod` for big integers (never negative; `BigInteger: modulus
    /// not positive` for a divisor ≤ 0), `double` remainder for floating values, and for
    /// decimals Groovy 2.4's `UnsupportedOperationException` (`Cannot use mod() on this number
    /// type: java.math.BigDecimal with value: 7.5`).
    pub fn modulo(&self, o: &Num) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => {
                let b = o.to_i32();
                if b == 0 {
                    return Err(div_by_zero());
                }
                Num::Int(self.to_i32().wrapping_rem(b))
            }
            Math::Long => {
                let b = o.to_i64();
                if b == 0 {
                    return Err(div_by_zero());
                }
                Num::Long(self.to_i64().wrapping_rem(b))
            }
            Math::Big => {
                let m = o.big();
                if !m.is_positive() {
                    return Err(NumError::arith("BigInteger: modulus not positive"));
                }
                let r = self.big() % &m;
                Num::big_int(if r.is_negative() { r + m } else { r })
            }
            Math::Dec => return Err(unsupported("mod()", self)),
            Math::Floating => Num::Double(self.to_f64() % o.to_f64()),
        })
    }

    /// Java's `remainder()` method, which Groovy offers on `BigInteger` (with an integral
    /// argument) and `BigDecimal` receivers only: the sign follows the dividend
    /// (`7.5.remainder(2)` → `1.5`, `(-7G).remainder(3)` → `-1`). Other receivers get an
    /// `UnsupportedOperationException` here (Groovy: a `MissingMethodException`).
    pub fn remainder(&self, o: &Num) -> NumResult<Num> {
        match self {
            Num::BigInt(a) if o.is_integral() => {
                let b = o.big();
                if b.is_zero() {
                    return Err(NumError::arith("BigInteger divide by zero"));
                }
                Ok(Num::big_int(&**a % b))
            }
            Num::Decimal(_) => Ok(Num::from_dec(
                self.decimal_operand().remainder(&o.to_dec()?)?,
            )),
            _ => Err(unsupported("remainder()", self)),
        }
    }

    /// `a.intdiv(b)`: truncating integer division (`/ by zero`; `BigInteger divide by zero`);
    /// decimals and floating values are unsupported.
    pub fn intdiv(&self, o: &Num) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => {
                let b = o.to_i32();
                if b == 0 {
                    return Err(div_by_zero());
                }
                Num::Int(self.to_i32().wrapping_div(b))
            }
            Math::Long => {
                let b = o.to_i64();
                if b == 0 {
                    return Err(div_by_zero());
                }
                Num::Long(self.to_i64().wrapping_div(b))
            }
            Math::Big => {
                let b = o.big();
                if b.is_zero() {
                    return Err(NumError::arith("BigInteger divide by zero"));
                }
                Num::big_int(self.big() / b)
            }
            Math::Dec | Math::Floating => return Err(unsupported("intdiv()", self)),
        })
    }

    /// `a <=> b` after promotion (`compareTo`): `4 <=> 4.0` is 0; floating comparisons use
    /// `Double.compare` (`NaN` is above everything and equal to itself, `-0.0 < 0.0`).
    pub fn compare(&self, o: &Num) -> Ordering {
        match math_of(self, o) {
            Math::Int => self.to_i32().cmp(&o.to_i32()),
            Math::Long => self.to_i64().cmp(&o.to_i64()),
            Math::Big => self.big().cmp(&o.big()),
            Math::Dec => self.decimal_operand().compare(&o.decimal_operand()),
            Math::Floating => java_double_compare(self.to_f64(), o.to_f64()),
        }
    }

    /// Unary minus: keeps the type (`-Integer.MIN_VALUE` wraps to itself, `-1.5f` is a Float).
    pub fn neg(&self) -> NumResult<Num> {
        Ok(match self {
            Num::Int(v) => Num::Int(v.wrapping_neg()),
            Num::Long(v) => Num::Long(v.wrapping_neg()),
            Num::BigInt(b) => Num::big_int(-&**b),
            Num::Decimal(_) => Num::from_dec(self.decimal_operand().negate()),
            Num::Float(f) => Num::Float(-f),
            Num::Double(d) => Num::Double(-d),
        })
    }

    /// `abs()`: keeps the type (`Integer.MIN_VALUE.abs()` stays negative, as in Java).
    pub fn abs(&self) -> NumResult<Num> {
        Ok(match self {
            Num::Int(v) => Num::Int(v.wrapping_abs()),
            Num::Long(v) => Num::Long(v.wrapping_abs()),
            Num::BigInt(b) => Num::big_int(b.abs()),
            Num::Decimal(_) => Num::from_dec(self.decimal_operand().abs()),
            Num::Float(f) => Num::Float(f.abs()),
            Num::Double(d) => Num::Double(d.abs()),
        })
    }

    /// `a & b`.
    pub fn bit_and(&self, o: &Num) -> NumResult<Num> {
        self.bitwise(o, "and()", |a, b| a & b, |a, b| a & b, |a, b| a & b)
    }

    /// `a | b`.
    pub fn bit_or(&self, o: &Num) -> NumResult<Num> {
        self.bitwise(o, "or()", |a, b| a | b, |a, b| a | b, |a, b| a | b)
    }

    /// `a ^ b`.
    pub fn bit_xor(&self, o: &Num) -> NumResult<Num> {
        self.bitwise(o, "xor()", |a, b| a ^ b, |a, b| a ^ b, |a, b| a ^ b)
    }

    fn bitwise(
        &self,
        o: &Num,
        name: &str,
        int: fn(i32, i32) -> i32,
        long: fn(i64, i64) -> i64,
        big: fn(BigInt, BigInt) -> BigInt,
    ) -> NumResult<Num> {
        Ok(match math_of(self, o) {
            Math::Int => Num::Int(int(self.to_i32(), o.to_i32())),
            Math::Long => Num::Long(long(self.to_i64(), o.to_i64())),
            Math::Big => Num::big_int(big(self.big(), o.big())),
            Math::Dec | Math::Floating => return Err(unsupported(name, self)),
        })
    }

    /// `~a` on a number (a `String` operand makes a `Pattern`; that is the evaluator's).
    pub fn bit_not(&self) -> NumResult<Num> {
        Ok(match self {
            Num::Int(v) => Num::Int(!v),
            Num::Long(v) => Num::Long(!v),
            Num::BigInt(b) => Num::big_int(!&**b),
            _ => return Err(unsupported("bitwiseNegate()", self)),
        })
    }

    /// `a << b`. The distance must be integral (`UnsupportedOperationException: Shift distance
    /// must be an integral type, but 1.5 (java.math.BigDecimal) was supplied`); the left
    /// operand alone picks the math, as in Java: an `Integer` shifts as an int by
    /// `distance & 31`, a `Long` as a long by `distance & 63` (`1 << 33` is 2, `1L << 65` is 2,
    /// `i << 33L` stays an `Integer`); Groovy 2.4 has no `BigInteger` shifts.
    ///
    /// Note: Groovy folds an operator on two literals differently (`1 << 33L` written with
    /// literals gives the Long 8589934592); this is the semantics for values in variables.
    pub fn shl(&self, o: &Num) -> NumResult<Num> {
        self.shift(
            o,
            "leftShift()",
            |a, n| a.wrapping_shl(n),
            |a, n| a.wrapping_shl(n),
        )
    }

    /// `a >> b` (arithmetic).
    pub fn shr(&self, o: &Num) -> NumResult<Num> {
        self.shift(
            o,
            "rightShift()",
            |a, n| a.wrapping_shr(n),
            |a, n| a.wrapping_shr(n),
        )
    }

    /// `a >>> b` (logical).
    pub fn ushr(&self, o: &Num) -> NumResult<Num> {
        self.shift(
            o,
            "rightShiftUnsigned()",
            |a, n| (a as u32).wrapping_shr(n) as i32,
            |a, n| (a as u64).wrapping_shr(n) as i64,
        )
    }

    fn shift(
        &self,
        o: &Num,
        name: &str,
        int: fn(i32, u32) -> i32,
        long: fn(i64, u32) -> i64,
    ) -> NumResult<Num> {
        if matches!(o, Num::Float(_) | Num::Double(_) | Num::Decimal(_)) {
            return Err(NumError::unsupported(format!(
                "Shift distance must be an integral type, but {o} ({}) was supplied",
                o.class_name()
            )));
        }
        Ok(match self {
            Num::Int(a) => Num::Int(int(*a, (o.to_i32() & 31) as u32)),
            Num::Long(a) => Num::Long(long(*a, (o.to_i64() & 63) as u32)),
            _ => return Err(unsupported(name, self)),
        })
    }

    /// Groovy's `<`. Like `compare`, except that two `Double`s compare as Java primitives
    /// (Groovy's `ScriptBytecodeAdapter` fast path): with a NaN every relation is false, and
    /// `-0.0 < 0.0` is false. A `Float` or a mixed pair goes through `compareTo`, where NaN is
    /// the largest value (`1 < Double.NaN` is true).
    pub fn lt(&self, o: &Num) -> bool {
        match (self, o) {
            (Num::Double(a), Num::Double(b)) => a < b,
            _ => self.compare(o).is_lt(),
        }
    }

    /// Groovy's `<=` (see [`Num::lt`]).
    pub fn le(&self, o: &Num) -> bool {
        match (self, o) {
            (Num::Double(a), Num::Double(b)) => a <= b,
            _ => self.compare(o).is_le(),
        }
    }

    /// Groovy's `>` (see [`Num::lt`]).
    pub fn gt(&self, o: &Num) -> bool {
        match (self, o) {
            (Num::Double(a), Num::Double(b)) => a > b,
            _ => self.compare(o).is_gt(),
        }
    }

    /// Groovy's `>=` (see [`Num::lt`]).
    pub fn ge(&self, o: &Num) -> bool {
        match (self, o) {
            (Num::Double(a), Num::Double(b)) => a >= b,
            _ => self.compare(o).is_ge(),
        }
    }

    /// `a ** b` (`a.power(b)`), after the `DefaultGroovyMethods.power` overloads:
    /// * `Integer ** Integer` (exponent ≥ 0): exact, an `Integer` if it fits, else a
    ///   `BigInteger` (`2 ** 31` → `2147483648G`); `Long ** Integer` likewise with `Long`;
    ///   `BigInteger ** Integer` and `BigDecimal ** Integer` (exponent ≥ 0): exact `pow`
    ///   (`2.0 ** 2` → `4.00`); `BigInteger ** BigInteger` (or `Long`): exact `pow` for an
    ///   exponent in the int range, else `BigDecimal.valueOf(Math.pow(a, b)).toBigInteger()`.
    /// * Everything else (negative exponents, `Long`/`BigDecimal`/floating exponents,
    ///   floating bases): `Math.pow` on doubles, narrowed to `Integer` or `Long` when the
    ///   double is integral and fits (`2 ** -1` → `0.5`, `9 ** 0.5` → `3`, `2.0d ** 2` → `4`).
    ///
    /// Exact powers beyond [`super::MAX_BITS`] fail (see the module documentation).
    pub fn pow(&self, o: &Num) -> NumResult<Num> {
        match (self, o) {
            (Num::Int(a), Num::Int(n)) if *n >= 0 => {
                let r = big_pow(&BigInt::from(*a), *n as u64)?;
                Ok(match r.to_i32() {
                    Some(v) => Num::Int(v),
                    None => Num::big_int(r),
                })
            }
            (Num::Long(a), Num::Int(n)) if *n >= 0 => {
                let r = big_pow(&BigInt::from(*a), *n as u64)?;
                Ok(match r.to_i64() {
                    Some(v) => Num::Long(v),
                    None => Num::big_int(r),
                })
            }
            (Num::BigInt(a), Num::Int(n)) if *n >= 0 => Ok(Num::big_int(big_pow(a, *n as u64)?)),
            // A Long exponent is coerced to BigInteger for `power(BigInteger, BigInteger)`.
            (Num::BigInt(a), Num::BigInt(_) | Num::Long(_)) => match o.big().to_i32() {
                Some(k) if k >= 0 => Ok(Num::big_int(big_pow(a, k as u64)?)),
                _ => {
                    // BigDecimal.valueOf(Math.pow(a, n)).toBigInteger()
                    let d = self.to_f64().powf(o.to_f64());
                    Ok(Num::big_int(Num::Double(d).to_dec()?.to_big_int()?))
                }
            },
            (Num::Decimal(_), Num::Int(n)) if *n >= 0 => {
                Ok(Num::from_dec(self.decimal_operand().pow(*n as i64)?))
            }
            _ => Ok(narrow_double(self.to_f64().powf(o.to_f64()))),
        }
    }
}

/// `DefaultGroovyMethods.power(Number, Number)`'s result: an `Integer` if the double is an
/// int value, else a `Long` if `(double)(long) d == d` (so `2 ** 63L` saturates to
/// `Long.MAX_VALUE`, as in Groovy), else the `Double`.
fn narrow_double(d: f64) -> Num {
    if (d as i32) as f64 == d {
        Num::Int(d as i32)
    } else if (d as i64) as f64 == d {
        Num::Long(d as i64)
    } else {
        Num::Double(d)
    }
}

//! TEMPORARY stub of the numeric tower (the real module lands from the `num` branch).
#![allow(dead_code, clippy::all)]

use std::cmp::Ordering;
use std::fmt;
use std::sync::Arc;

use bigdecimal::num_bigint::BigInt;
use bigdecimal::BigDecimal;

#[derive(Clone, Debug)]
pub enum Num {
    Int(i32),
    Long(i64),
    BigInt(Arc<BigInt>),
    Decimal(Arc<BigDecimal>),
    Float(f32),
    Double(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct NumError {
    pub class: &'static str,
    pub message: Option<String>,
}
pub type NumResult<T> = Result<T, NumError>;

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Num::Int(i) => write!(f, "{i}"),
            Num::Long(i) => write!(f, "{i}"),
            Num::BigInt(i) => write!(f, "{i}"),
            Num::Decimal(d) => write!(f, "{d}"),
            Num::Float(x) => write!(f, "{x:?}"),
            Num::Double(x) => write!(f, "{x:?}"),
        }
    }
}

impl Num {
    pub fn from_lit(l: &crate::syntax::ast::NumberLit) -> Num {
        use crate::syntax::ast::NumberLit as L;
        match l {
            L::Integer(i) => Num::Int(*i),
            L::Long(i) => Num::Long(*i),
            L::BigInteger(s) => Num::BigInt(Arc::new(s.parse().unwrap_or_default())),
            L::BigDecimal(s) => Num::Decimal(Arc::new(s.parse().unwrap_or_default())),
            L::Double(d) => Num::Double(*d),
            L::Float(d) => Num::Float(*d),
        }
    }
    pub fn to_f64(&self) -> f64 {
        match self {
            Num::Int(i) => *i as f64,
            Num::Long(i) => *i as f64,
            Num::Float(x) => *x as f64,
            Num::Double(x) => *x,
            Num::BigInt(i) => i.to_string().parse().unwrap_or(0.0),
            Num::Decimal(d) => d.to_string().parse().unwrap_or(0.0),
        }
    }
    pub fn to_i64(&self) -> i64 {
        match self {
            Num::Int(i) => *i as i64,
            Num::Long(i) => *i,
            _ => self.to_f64() as i64,
        }
    }
    pub fn to_i32(&self) -> i32 {
        self.to_i64() as i32
    }
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
    pub fn is_zero(&self) -> bool {
        self.to_f64() == 0.0
    }
    fn arith(
        &self,
        o: &Num,
        fi: fn(i64, i64) -> Option<i64>,
        ff: fn(f64, f64) -> f64,
    ) -> NumResult<Num> {
        match (self, o) {
            (Num::Int(a), Num::Int(b)) => {
                Ok(Num::Int(fi(*a as i64, *b as i64).unwrap_or(0) as i32))
            }
            (Num::Int(_) | Num::Long(_), Num::Int(_) | Num::Long(_)) => {
                Ok(Num::Long(fi(self.to_i64(), o.to_i64()).unwrap_or(0)))
            }
            _ => Ok(Num::Double(ff(self.to_f64(), o.to_f64()))),
        }
    }
    pub fn add(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| a.checked_add(b), |a, b| a + b)
    }
    pub fn sub(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| a.checked_sub(b), |a, b| a - b)
    }
    pub fn mul(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| a.checked_mul(b), |a, b| a * b)
    }
    pub fn div(&self, o: &Num) -> NumResult<Num> {
        if o.is_zero() {
            return Err(NumError {
                class: "java.lang.ArithmeticException",
                message: Some("Division by zero".into()),
            });
        }
        Ok(Num::Double(self.to_f64() / o.to_f64()))
    }
    pub fn modulo(&self, o: &Num) -> NumResult<Num> {
        if o.is_zero() {
            return Err(NumError {
                class: "java.lang.ArithmeticException",
                message: Some("/ by zero".into()),
            });
        }
        self.arith(o, |a, b| a.checked_rem(b), |a, b| a % b)
    }
    pub fn remainder(&self, o: &Num) -> NumResult<Num> {
        self.modulo(o)
    }
    pub fn intdiv(&self, o: &Num) -> NumResult<Num> {
        if o.is_zero() {
            return Err(NumError {
                class: "java.lang.ArithmeticException",
                message: Some("/ by zero".into()),
            });
        }
        self.arith(o, |a, b| a.checked_div(b), |a, b| (a / b).trunc())
    }
    pub fn pow(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| a.checked_pow(b as u32), f64::powf)
    }
    pub fn neg(&self) -> NumResult<Num> {
        Num::Int(0).sub(self)
    }
    pub fn bit_and(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(a & b), |a, _| a)
    }
    pub fn bit_or(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(a | b), |a, _| a)
    }
    pub fn bit_xor(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(a ^ b), |a, _| a)
    }
    pub fn bit_not(&self) -> NumResult<Num> {
        Ok(Num::Long(!self.to_i64()))
    }
    pub fn shl(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(a << b), |a, _| a)
    }
    pub fn shr(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(a >> b), |a, _| a)
    }
    pub fn ushr(&self, o: &Num) -> NumResult<Num> {
        self.arith(o, |a, b| Some(((a as u64) >> b) as i64), |a, _| a)
    }
    pub fn compare(&self, o: &Num) -> Ordering {
        self.to_f64()
            .partial_cmp(&o.to_f64())
            .unwrap_or(Ordering::Equal)
    }
    pub fn num_eq(&self, o: &Num) -> bool {
        self.compare(o) == Ordering::Equal
    }
    /// Java `equals`: same class and same value.
    pub fn java_equals(&self, o: &Num) -> bool {
        self.class_name() == o.class_name() && self.num_eq(o)
    }
    pub fn java_hash(&self) -> i32 {
        self.to_i64() as i32
    }
    pub fn parse_int(s: &str, radix: u32) -> NumResult<i32> {
        i32::from_str_radix(s, radix).map_err(|_| NumError {
            class: "java.lang.NumberFormatException",
            message: Some(format!("For input string: \"{s}\"")),
        })
    }
    pub fn parse_long(s: &str, radix: u32) -> NumResult<i64> {
        i64::from_str_radix(s, radix).map_err(|_| NumError {
            class: "java.lang.NumberFormatException",
            message: Some(format!("For input string: \"{s}\"")),
        })
    }
    pub fn parse_big_decimal(s: &str) -> NumResult<Num> {
        s.parse::<BigDecimal>()
            .map(|d| Num::Decimal(Arc::new(d)))
            .map_err(|_| NumError {
                class: "java.lang.NumberFormatException",
                message: None,
            })
    }
    pub fn parse_double(s: &str) -> NumResult<f64> {
        s.trim().parse::<f64>().map_err(|_| NumError {
            class: "java.lang.NumberFormatException",
            message: Some(format!("For input string: \"{s}\"")),
        })
    }
}

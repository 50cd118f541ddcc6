//! Unit tests of the numeric tower; expectations printed by Groovy 2.4.21 on Java 17
//! (the same checks, and thousands more, run from `tests/oracle/num_oracle.groovy` in the
//! integration test `tests/num.rs`).

use super::*;

fn dec(s: &str) -> Num {
    Num::decimal(parse_big_decimal(s).expect("decimal literal"))
}

fn show(r: NumResult<Num>) -> String {
    match r {
        Ok(n) => format!("{n} {}", n.simple_name()),
        Err(e) => format!("!{e}"),
    }
}

#[test]
fn division_follows_big_decimal_math() {
    assert_eq!(
        show(Num::Int(1).div(&Num::Int(3))),
        "0.3333333333 BigDecimal"
    );
    assert_eq!(show(Num::Int(10).div(&Num::Int(2))), "5 BigDecimal");
    assert_eq!(show(Num::Int(1).div(&Num::Int(4))), "0.25 BigDecimal");
    assert_eq!(
        show(Num::Int(1).div(&Num::Int(0))),
        "!java.lang.ArithmeticException: Division by zero"
    );
    assert_eq!(
        show(Num::Int(0).div(&Num::Int(0))),
        "!java.lang.ArithmeticException: Division undefined"
    );
    assert_eq!(show(Num::Double(1.0).div(&Num::Int(0))), "Infinity Double");
    assert_eq!(
        show(dec("1.0").div(&Num::Double(3.0))),
        "0.3333333333333333 Double"
    );
}

#[test]
fn overflow_wraps_like_java() {
    assert_eq!(
        show(Num::Int(i32::MAX).add(&Num::Int(1))),
        "-2147483648 Integer"
    );
    assert_eq!(
        show(Num::Long(i64::MAX).add(&Num::Int(1))),
        "-9223372036854775808 Long"
    );
    assert_eq!(
        show(Num::Int(2).pow(&Num::Int(31))),
        "2147483648 BigInteger"
    );
    assert_eq!(show(Num::Int(2).pow(&Num::Int(-1))), "0.5 Double");
    assert_eq!(show(dec("2.0").pow(&Num::Int(2))), "4.00 BigDecimal");
    assert_eq!(show(Num::Int(9).pow(&dec("0.5"))), "3 Integer");
}

#[test]
fn modulo_quirks() {
    assert_eq!(show(Num::Int(-7).modulo(&Num::Int(3))), "-1 Integer");
    assert_eq!(
        show(dec("7.5").modulo(&Num::Int(2))),
        "!java.lang.UnsupportedOperationException: Cannot use mod() on this number type: java.math.BigDecimal with value: 7.5"
    );
    assert_eq!(show(dec("7.5").remainder(&Num::Int(2))), "1.5 BigDecimal");
    assert_eq!(
        show(Num::Int(5).modulo(&Num::Int(0))),
        "!java.lang.ArithmeticException: / by zero"
    );
}

#[test]
fn huge_powers_are_capped_not_hung() {
    let r = Num::Int(2).pow(&Num::Int(100_000_000));
    assert_eq!(
        show(r),
        "!java.lang.ArithmeticException: BigInteger would overflow supported range"
    );
    let r = Num::Int(3).pow(&Num::Int(i32::MAX));
    assert!(r.is_err());
    let r = dec("1.5").pow(&Num::Int(999_999_999));
    assert!(r.is_err());
}

#[test]
fn to_string_like_java() {
    assert_eq!(dec("1e3").to_string(), "1E+3");
    assert_eq!(dec("0.0000001").to_string(), "1E-7");
    assert_eq!(dec("1.0e-7").to_string(), "1.0E-7");
    assert_eq!(dec("0.000001").to_string(), "0.000001");
    assert_eq!(dec("2.50").to_string(), "2.50");
    assert_eq!(dec("0.00000000").to_string(), "0E-8");
    assert_eq!(Num::Double(1e10).to_string(), "1.0E10");
    assert_eq!(Num::Float(1.1).to_string(), "1.1");
    assert_eq!(dec("1e4").to_engineering_string(), "10E+3");
    assert_eq!(dec("1e3").to_plain_string().as_deref(), Ok("1000"));
}

#[test]
fn stays_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Num>(), 16);
}

#[test]
fn equality_and_keys() {
    use std::collections::HashSet;
    let set: HashSet<Num> = [
        Num::Int(1),
        Num::Long(1),
        dec("1.0"),
        dec("1.00"),
        Num::Int(1),
    ]
    .into_iter()
    .collect();
    assert_eq!(set.len(), 4);
    assert_eq!(Num::Double(f64::NAN), Num::Double(-f64::NAN));
    assert_ne!(Num::Double(0.0), Num::Double(-0.0));
    assert!(Num::Int(1).num_eq(&Num::Long(1)));
    assert!(Num::Int(1).num_eq(&dec("1.0")));
    assert!(dec("1.0").num_eq(&dec("1.00")));
    assert!(!Num::Int(1).java_equals(&Num::Long(1)));
    assert!(!dec("1.0").java_equals(&dec("1.00")));
    assert_ne!(Num::Int(1).hash_key(), Num::Long(1).hash_key());
    assert!(Num::Double(f64::NAN).num_eq(&Num::Double(f64::NAN)));
    assert!(!Num::Double(0.0).num_eq(&Num::Double(-0.0)));
}

/// Inputs that would take Java seconds or gigabytes must fail fast (or finish fast) here.
#[test]
fn hostile_sizes_fail_fast() {
    let huge = dec("1E+999999999");
    // Comparison looks at exponents first.
    assert!(huge.gt(&Num::Int(1)));
    assert_eq!(huge.to_string(), "1E+999999999");
    assert_eq!(huge.to_i32(), 0);
    assert_eq!(huge.to_i64(), 0);
    assert_eq!(huge.to_f64(), f64::INFINITY);
    assert!(huge.add(&Num::Int(1)).is_err());
    assert!(huge.to_plain_string().is_err());
    assert!(huge.to_big_int().is_err());
    assert!(dec("1.5").set_scale(999_999_999, None).is_err());
    assert_eq!(
        show(Num::Int(1).div(&dec("1E-999999999"))),
        "1E+999999999 BigDecimal"
    );
    let tiny = dec("1E-999999999");
    assert_eq!(tiny.to_i32(), 0);
    assert_eq!(
        show(tiny.set_scale(0, Some(RoundingMode::Up))),
        "1 BigDecimal"
    );
    // Hundreds of thousands of trailing zeros are stripped in a few big divisions.
    let ten_pow = Num::big_int(BigInt::from(10u32).pow(100_000));
    let d = Num::decimal(ten_pow.to_big_decimal().expect("decimal"));
    assert_eq!(
        d.strip_trailing_zeros().map(|n| n.to_string()).as_deref(),
        Ok("1E+100000")
    );
    // A divisor made of a huge power of five still divides exactly.
    let five_pow = Num::big_int(BigInt::from(5u32).pow(100_000));
    assert!(Num::Int(1).div(&five_pow).is_ok());
    // Hex floats with absurd exponents.
    assert_eq!(parse_double("0x1p-999999999").ok(), Some(0.0));
    assert_eq!(parse_double("0x1p999999999").ok(), Some(f64::INFINITY));
    // Shifts mask their distance; big integers have none.
    assert_eq!(
        show(Num::Int(1).shl(&Num::Long(i64::MAX))),
        "-2147483648 Integer"
    );
    assert!(Num::big_int(BigInt::from(1))
        .shl(&Num::Int(2_000_000_000))
        .is_err());
    // Literal digits beyond the cap.
    assert!(parse_big_integer(&"9".repeat(400_000), 10).is_err());
}

#[test]
fn literals() {
    use crate::syntax::ast::NumberLit;
    let lit = |l: NumberLit| show(Num::from_lit(&l));
    assert_eq!(lit(NumberLit::BigDecimal("1e3".into())), "1E+3 BigDecimal");
    assert_eq!(lit(NumberLit::BigDecimal("2.50".into())), "2.50 BigDecimal");
    assert_eq!(
        lit(NumberLit::BigDecimal("1.0e-5".into())),
        "0.000010 BigDecimal"
    );
    assert_eq!(
        lit(NumberLit::BigInteger(
            "123456789012345678901234567890".into()
        )),
        "123456789012345678901234567890 BigInteger"
    );
    assert_eq!(lit(NumberLit::Double(123.456)), "123.456 Double");
    assert_eq!(lit(NumberLit::Float(1.0)), "1.0 Float");
    assert_eq!(
        show(Ok(Num::from_i64_smallest(3_000_000_000))),
        "3000000000 Long"
    );
    assert_eq!(show(Ok(Num::from_i64_smallest(7))), "7 Integer");
    assert_eq!(show(Ok(Num::from_usize(3))), "3 Integer");
}

#[test]
fn groovy_round_family() {
    assert_eq!(show(Num::Double(2.5).round()), "3 Long");
    assert_eq!(show(Num::Double(-2.5).round()), "-2 Long");
    assert_eq!(show(Num::Float(2.5).round()), "3 Integer");
    assert_eq!(show(Num::Double(2.675).round_to(2)), "2.68 Double");
    assert_eq!(
        show(dec("2.5").round()),
        "!java.lang.NullPointerException: Cannot read field \"precision\" because \"mc\" is null"
    );
    assert_eq!(
        show(dec("2.5").set_scale(0, Some(RoundingMode::HalfUp))),
        "3 BigDecimal"
    );
    assert_eq!(
        show(dec("2.5").set_scale(0, Some(RoundingMode::HalfEven))),
        "2 BigDecimal"
    );
    assert_eq!(
        show(dec("2.5").set_scale(0, None)),
        "!java.lang.ArithmeticException: Rounding necessary"
    );
    assert_eq!(
        show(math_call("round", &[dec("2.5")]).expect("Math.round")),
        "3 Long"
    );
    assert_eq!(
        show(math_call("round", &[Num::Int(2)]).expect("Math.round")),
        "2 Integer"
    );
    assert_eq!(
        show(math_call("max", &[Num::Int(1), Num::Long(2)]).expect("max")),
        "2 Long"
    );
}

#[test]
fn as_type_conversions() {
    let conv = |n: Num, t: &str| show(n.as_type(t).expect("numeric type"));
    assert_eq!(conv(dec("3.7"), "int"), "3 Integer");
    assert_eq!(conv(Num::Double(f64::NAN), "int"), "0 Integer");
    assert_eq!(conv(Num::Double(1e20), "long"), "9223372036854775807 Long");
    assert_eq!(
        conv(Num::Long(3_000_000_000), "Integer"),
        "-1294967296 Integer"
    );
    assert_eq!(conv(Num::Double(1.1), "BigDecimal"), "1.1 BigDecimal");
    assert_eq!(
        conv(Num::Double(1e20), "java.math.BigDecimal"),
        "1.0E+20 BigDecimal"
    );
    assert_eq!(conv(Num::Float(1.1), "Double"), "1.1 Double");
    assert_eq!(conv(Num::Float(1.1), "double"), "1.100000023841858 Double");
    assert_eq!(conv(Num::Double(-2.5), "BigInteger"), "-2 BigInteger");
    assert_eq!(
        conv(Num::Double(f64::NAN), "BigInteger"),
        "!java.lang.NumberFormatException: Infinite or NaN"
    );
    let big = Num::big_int(BigInt::from(10u32).pow(400));
    assert!(conv(big.clone(), "double").starts_with(
        "!groovy.lang.GroovyRuntimeException: Automatic coercion of java.math.BigInteger value 1000"
    ));
    assert_eq!(conv(big, "Double"), "Infinity Double");
    assert!(Num::Int(1).as_type("String").is_none());
    assert_eq!(
        show(string_as_type(" 5 ", "int").expect("numeric type")),
        "5 Integer"
    );
    assert_eq!(
        show(string_as_type("x", "Integer").expect("numeric type")),
        "!java.lang.NumberFormatException: For input string: \"x\""
    );
}

/// A small deterministic generator (no extra dependency) for the robustness sweeps.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Random text through every parser: errors are fine, panics are not.
#[test]
fn parsers_never_panic() {
    let alphabet: Vec<char> = "0123456789.eE+-xXpPdDfFNaIinfty _\t\u{FF11}é,"
        .chars()
        .collect();
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let len = rng.below(14);
        let s: String = (0..len)
            .map(|_| alphabet[rng.below(alphabet.len())])
            .collect();
        let _ = parse_int(&s, 10);
        let _ = parse_int(&s, 16);
        let _ = parse_long(&s, 36);
        let _ = parse_big_integer(&s, 10);
        let _ = parse_big_decimal(&s);
        let _ = parse_double(&s);
        let _ = parse_float(&s);
        let _ = is_number(&s);
        for t in ["int", "Long", "BigInteger", "BigDecimal", "double", "Float"] {
            let _ = string_as_type(&s, t);
        }
    }
}

/// Every operator and method on pairs of extreme values: no panic, no hang.
#[test]
fn operations_never_panic() {
    let pool = vec![
        Num::Int(0),
        Num::Int(-1),
        Num::Int(i32::MIN),
        Num::Int(i32::MAX),
        Num::Long(i64::MIN),
        Num::Long(i64::MAX),
        Num::big_int(BigInt::from(0)),
        Num::big_int(-BigInt::from(10u32).pow(60)),
        dec("0E-8"),
        dec("-0.0"),
        dec("1E+999999999"),
        dec("1E-999999999"),
        dec("-123.456"),
        Num::Double(f64::NAN),
        Num::Double(f64::NEG_INFINITY),
        Num::Double(-0.0),
        Num::Double(f64::MAX),
        Num::Double(f64::from_bits(1)),
        Num::Float(f32::NAN),
        Num::Float(f32::MIN),
    ];
    let names = [
        "plus",
        "minus",
        "multiply",
        "div",
        "mod",
        "intdiv",
        "power",
        "and",
        "or",
        "xor",
        "leftShift",
        "rightShift",
        "rightShiftUnsigned",
        "compareTo",
        "equals",
        "remainder",
        "divide",
        "divideToIntegralValue",
        "max",
        "min",
        "gcd",
        "round",
        "trunc",
        "setScale",
        "pow",
        "toString",
    ];
    let unary = [
        "bitwiseNegate",
        "unaryMinus",
        "abs",
        "next",
        "previous",
        "hashCode",
        "toString",
        "intValue",
        "longValue",
        "doubleValue",
        "floatValue",
        "toBigInteger",
        "toBigDecimal",
        "round",
        "trunc",
        "signum",
        "stripTrailingZeros",
        "toPlainString",
        "toEngineeringString",
        "precision",
        "scale",
        "unscaledValue",
        "bitLength",
        "isNaN",
    ];
    for a in &pool {
        for name in unary {
            let _ = a.call_method(name, &[]);
        }
        for t in [
            "int",
            "long",
            "BigInteger",
            "BigDecimal",
            "double",
            "Float",
            "Number",
        ] {
            let _ = a.as_type(t);
        }
        let _ = (
            a.to_string(),
            a.hash_key(),
            a.truthy(),
            a.to_f32(),
            a.to_i32(),
        );
        for f in ["abs", "round", "signum", "ulp", "sqrt", "floor", "rint"] {
            let _ = math_call(f, std::slice::from_ref(a));
        }
        for b in &pool {
            for name in names {
                let _ = a.call_method(name, std::slice::from_ref(b));
            }
            let _ = a.call_method("divide", &[b.clone(), Num::Int(3), Num::Int(4)]);
            let _ = a.call_method("setScale", &[b.clone(), Num::Int(6)]);
            let _ = (a.lt(b), a.ge(b), a.num_eq(b), a.java_equals(b));
            for f in ["max", "min", "pow", "floorMod", "floorDiv", "atan2"] {
                let _ = math_call(f, &[a.clone(), b.clone()]);
            }
        }
    }
}

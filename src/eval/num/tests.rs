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
fn equality_and_keys() {
    assert!(Num::Int(1).num_eq(&Num::Long(1)));
    assert!(Num::Int(1).num_eq(&dec("1.0")));
    assert!(dec("1.0").num_eq(&dec("1.00")));
    assert!(!Num::Int(1).java_equals(&Num::Long(1)));
    assert!(!dec("1.0").java_equals(&dec("1.00")));
    assert_ne!(Num::Int(1).hash_key(), Num::Long(1).hash_key());
    assert!(Num::Double(f64::NAN).num_eq(&Num::Double(f64::NAN)));
    assert!(!Num::Double(0.0).num_eq(&Num::Double(-0.0)));
}

//! `Double.toString` / `Float.toString` exactly as Java 17 prints them.
//!
//! Up to JDK 18, Java formats binary floating point with the classic `FloatingDecimal`
//! digit generator (Steele & White style, with a symmetric stopping test). It is not the
//! shortest round-trip algorithm that Rust (and JDK 19+) use: it sometimes prints one digit
//! too many (`2e23` prints `1.9999999999999998E23`, `1e23` prints `9.999999999999999E22`).
//! Groovy 2.4 on Java 17 prints those, so this module re-implements the same digit
//! generation — including its three arithmetic widths (32-bit, 64-bit with wrapping, and
//! big integers), whose stopping tests differ slightly — and its layout rules.
//!
//! Checked against Java 17 on millions of random doubles and floats (see
//! `tests/oracle/num_oracle.groovy` for the committed sample).

use bigdecimal::num_bigint::BigInt;

/// Bit length of 5^i, for i < 27 (the powers of five that fit a long).
const N_5_BITS: [i32; 27] = [
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
    59, 61,
];

/// Number of decimal digits that are noise below 2^p (`floor(p × log10 2)`), for p < 64.
fn insignificant_digits_for_pow2(p2: i32) -> i32 {
    if p2 > 1 && p2 < 64 {
        (p2 as f64 * std::f64::consts::LOG10_2).floor() as i32
    } else {
        0
    }
}

fn pow5_i64(i: i32) -> i64 {
    5i64.pow(i as u32)
}

/// The generated digits and the decimal exponent: value = 0.d1d2d3… × 10^dec_exponent.
struct Digits {
    digits: Vec<u8>,
    dec_exponent: i32,
}

impl Digits {
    /// Adds one to the last digit, carrying; a carry out of the first digit turns the digits
    /// into 1 followed by zeros (the digit count stays the same) and bumps the exponent.
    fn round_up(&mut self) {
        let mut i = self.digits.len() - 1;
        while self.digits[i] == b'9' && i > 0 {
            self.digits[i] = b'0';
            i -= 1;
        }
        if self.digits[i] == b'9' {
            self.dec_exponent += 1;
            self.digits[0] = b'1';
            return;
        }
        self.digits[i] += 1;
    }
}

/// Digits of an integer value, trailing zeros dropped; `dec_exponent` counts all its digits.
fn long_digits(dec_exponent: i32, mut lvalue: i64, insignificant: i32) -> Digits {
    let mut dec_exponent = dec_exponent;
    if insignificant != 0 {
        let pow10 = pow5_i64(insignificant) << insignificant;
        let residue = lvalue % pow10;
        lvalue /= pow10;
        dec_exponent += insignificant;
        if residue >= (pow10 >> 1) {
            lvalue += 1;
        }
    }
    let text = lvalue.to_string();
    let n = text.len() as i32;
    let trimmed = text.trim_end_matches('0');
    Digits {
        digits: trimmed.as_bytes().to_vec(),
        dec_exponent: dec_exponent + n,
    }
}

/// `floor(log10(value))`, estimated as Java does (it may be one too small). The constants
/// are Java's, truncated `log10(2)` included: keep them bit for bit.
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract_bits: u64, bin_exp: i32) -> i32 {
    const EXP_ONE: u64 = 0x3ff0_0000_0000_0000;
    const SIGNIF_MASK: u64 = 0x000f_ffff_ffff_ffff;
    let d2 = f64::from_bits(EXP_ONE | (fract_bits & SIGNIF_MASK));
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + bin_exp as f64 * 0.301029995663981;
    d.floor() as i32
}

/// The digit generator. `fract_bits` has its leading one at bit 52; the value is
/// `fract_bits × 2^(bin_exp - 52)`; `n_significant_bits` is 53 for doubles, 24 for floats
/// (fewer for subnormals).
fn dtoa(bin_exp: i32, fract_bits: u64, n_significant_bits: i32, compatible: bool) -> Digits {
    let tail_zeros = fract_bits.trailing_zeros() as i32;
    let n_fract_bits = 53 - tail_zeros;
    let n_tiny_bits = (n_fract_bits - bin_exp - 1).max(0);
    if (-21..=62).contains(&bin_exp)
        && n_tiny_bits < 27
        && n_fract_bits + N_5_BITS[n_tiny_bits as usize] < 64
        && n_tiny_bits == 0
    {
        // An integer that fits a long.
        let insignificant = if bin_exp > n_significant_bits {
            insignificant_digits_for_pow2(bin_exp - n_significant_bits - 1)
        } else {
            0
        };
        let lvalue = if bin_exp >= 52 {
            fract_bits << (bin_exp - 52)
        } else {
            fract_bits >> (52 - bin_exp)
        };
        return long_digits(0, lvalue as i64, insignificant);
    }

    let mut dec_exp = estimate_dec_exp(fract_bits, bin_exp);
    let b5 = (-dec_exp).max(0);
    let mut b2 = b5 + n_tiny_bits + bin_exp;
    let s5 = dec_exp.max(0);
    let mut s2 = s5 + n_tiny_bits;
    let m5 = b5;
    let mut m2 = b2 - n_significant_bits;

    let fract = fract_bits >> tail_zeros;
    b2 -= n_fract_bits - 1;
    let common2 = b2.min(s2);
    b2 -= common2;
    s2 -= common2;
    m2 -= common2;
    // For exact powers of two the next smaller double is only half as far away.
    if n_fract_bits == 1 {
        m2 -= 1;
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }

    let n5 = |i: i32| {
        if (i as usize) < N_5_BITS.len() {
            N_5_BITS[i as usize]
        } else {
            i * 3
        }
    };
    let b_bits = n_fract_bits + b2 + n5(b5);
    let ten_s_bits = s2 + 1 + n5(s5 + 1);

    // E-form output (exponent < -3 or >= 8) needs at least two digits.
    // `Double.toString` ("compatible" format) may stop after one digit unless the output
    // is in E-form; `Formatter`'s conversions always develop at least two.
    let force_two = |dec_exp: i32| !compatible || !(-3..8).contains(&dec_exp);

    let mut digits: Vec<u8> = Vec::with_capacity(20);
    let (low, high, low_digit_difference);
    if b_bits < 64 && ten_s_bits < 64 {
        // Fixed-width arithmetic, wrapping like Java's int/long (the 32-bit variant is the
        // same computation as the 64-bit one whenever nothing wraps, so one 64-bit version
        // with the 32-bit overflow behaviour reproduced covers both).
        let width = if b_bits < 32 && ten_s_bits < 32 {
            fixed_width::<i32>
        } else {
            fixed_width::<i64>
        };
        (low, high, low_digit_difference) = width(
            fract as i64,
            b5,
            b2,
            s5,
            s2,
            m5,
            m2,
            &mut dec_exp,
            &mut digits,
            &force_two,
        );
    } else {
        let pow52 =
            |p5: i32, p2: i32| -> BigInt { BigInt::from(5u32).pow(p5 as u32) << (p2 as usize) };
        let s = pow52(s5, s2);
        let ten_s = pow52(s5 + 1, s2 + 1);
        let mut b = (BigInt::from(fract) * BigInt::from(5u32).pow(b5 as u32)) << (b2 as usize);
        let mut m = pow52(m5 + 1, m2 + 1); // already ×10, like b after the first step
        let step = |b: &mut BigInt| -> u8 {
            let q = &*b / &s;
            *b = (&*b - &q * &s) * 10u32;
            q.to_u32_digits().1.first().copied().unwrap_or(0) as u8
        };
        let q = step(&mut b);
        let mut lo = b < m;
        let mut hi = &b + &m >= ten_s;
        if q == 0 && !hi {
            dec_exp -= 1;
        } else {
            digits.push(b'0' + q.min(9));
        }
        if force_two(dec_exp) {
            lo = false;
            hi = false;
        }
        while !lo && !hi {
            let q = step(&mut b);
            m *= 10u32;
            lo = b < m;
            hi = &b + &m >= ten_s;
            digits.push(b'0' + q.min(9));
        }
        let diff = if hi && lo {
            match (&b << 1usize).cmp(&ten_s) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }
        } else {
            0
        };
        (low, high, low_digit_difference) = (lo, hi, diff);
    }
    if digits.is_empty() {
        // Not reachable for finite non-zero input; keeps the layout code total.
        digits.push(b'0');
    }
    let mut out = Digits {
        digits,
        dec_exponent: dec_exp + 1,
    };
    if high {
        if low {
            if low_digit_difference == 0 {
                if out.digits.last().is_some_and(|d| d & 1 != 0) {
                    out.round_up();
                }
            } else if low_digit_difference > 0 {
                out.round_up();
            }
        } else {
            out.round_up();
        }
    }
    out
}

/// Java int/long arithmetic, wrapping on overflow.
trait Wrapping: Copy + PartialOrd {
    fn from_i64(v: i64) -> Self;
    fn to_i64(self) -> i64;
    fn zero() -> Self;
    fn mul(self, o: Self) -> Self;
    fn add(self, o: Self) -> Self;
    fn sub(self, o: Self) -> Self;
    fn shl(self, n: i32) -> Self;
    fn div(self, o: Self) -> Self;
    fn rem(self, o: Self) -> Self;
}

macro_rules! wrapping_impl {
    ($t:ty) => {
        impl Wrapping for $t {
            fn from_i64(v: i64) -> Self {
                v as $t
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
            fn zero() -> Self {
                0
            }
            fn mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            fn add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            fn shl(self, n: i32) -> Self {
                self.wrapping_shl(n as u32)
            }
            fn div(self, o: Self) -> Self {
                self.wrapping_div(o)
            }
            fn rem(self, o: Self) -> Self {
                self.wrapping_rem(o)
            }
        }
    };
}
wrapping_impl!(i32);
wrapping_impl!(i64);

/// The int and long variants of the digit loop (Java `b + m > tens`, with its
/// "m overflowed" escape).
#[allow(clippy::too_many_arguments)]
fn fixed_width<T: Wrapping>(
    fract: i64,
    b5: i32,
    b2: i32,
    s5: i32,
    s2: i32,
    m5: i32,
    m2: i32,
    dec_exp: &mut i32,
    digits: &mut Vec<u8>,
    force_two: &dyn Fn(i32) -> bool,
) -> (bool, bool, i64) {
    let ten = T::from_i64(10);
    let mut b = T::from_i64(fract).mul(T::from_i64(pow5_i64(b5))).shl(b2);
    let s = T::from_i64(pow5_i64(s5)).shl(s2);
    let mut m = T::from_i64(pow5_i64(m5)).shl(m2);
    let tens = s.mul(ten);
    let q = b.div(s).to_i64();
    b = ten.mul(b.rem(s));
    m = m.mul(ten);
    let mut low = b < m;
    let mut high = b.add(m) > tens;
    if q == 0 && !high {
        *dec_exp -= 1;
    } else {
        digits.push(b'0' + q.clamp(0, 9) as u8);
    }
    if force_two(*dec_exp) {
        low = false;
        high = false;
    }
    while !low && !high {
        let q = b.div(s).to_i64();
        b = ten.mul(b.rem(s));
        m = m.mul(ten);
        if m > T::zero() {
            low = b < m;
            high = b.add(m) > tens;
        } else {
            low = true;
            high = true;
        }
        digits.push(b'0' + q.clamp(0, 9) as u8);
    }
    let diff = b.shl(1).sub(tens).to_i64();
    (low, high, diff)
}

/// Lays the digits out as `Double.toString` does.
fn layout(negative: bool, d: &Digits) -> String {
    let digits = &d.digits;
    let n = digits.len() as i32;
    let e = d.dec_exponent;
    let mut out = String::with_capacity(26);
    if negative {
        out.push('-');
    }
    let text = |r: std::ops::Range<usize>| std::str::from_utf8(&digits[r]).unwrap_or("");
    if e > 0 && e < 8 {
        let int_len = n.min(e);
        out.push_str(text(0..int_len as usize));
        if int_len < e {
            out.extend(std::iter::repeat_n('0', (e - int_len) as usize));
            out.push_str(".0");
        } else {
            out.push('.');
            if int_len < n {
                out.push_str(text(int_len as usize..n as usize));
            } else {
                out.push('0');
            }
        }
    } else if e <= 0 && e > -3 {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', (-e) as usize));
        out.push_str(text(0..n as usize));
    } else {
        out.push_str(text(0..1));
        out.push('.');
        if n > 1 {
            out.push_str(text(1..n as usize));
        } else {
            out.push('0');
        }
        out.push('E');
        if e <= 0 {
            out.push('-');
            out.push_str(&(-e + 1).to_string());
        } else {
            out.push_str(&(e - 1).to_string());
        }
    }
    out
}

/// `NaN`, `Infinity`, `-Infinity`, `0.0`, `-0.0`, or `None` for other values.
fn special(d: f64) -> Option<&'static str> {
    if d.is_nan() {
        Some("NaN")
    } else if d.is_infinite() {
        Some(if d > 0.0 { "Infinity" } else { "-Infinity" })
    } else if d == 0.0 {
        Some(if d.is_sign_negative() { "-0.0" } else { "0.0" })
    } else {
        None
    }
}

/// A finite non-zero value: `fraction` holds the stored significand bits aligned so that the
/// implicit leading one would be bit 52 (a float's are shifted left by 29), `biased_exp` the
/// stored exponent, `mant_width` 52 or 23 and `bias` 1023 or 127.
fn finite_digits(
    fraction: u64,
    biased_exp: i32,
    mant_width: i32,
    bias: i32,
    compatible: bool,
) -> Digits {
    let (fract_bits, bin_exp, n_significant_bits) = if biased_exp == 0 {
        let leading_zeros = fraction.leading_zeros() as i32;
        let shift = leading_zeros - 11;
        (
            fraction << shift,
            1 - shift,
            64 - leading_zeros - (52 - mant_width),
        )
    } else {
        (fraction | 1 << 52, biased_exp, mant_width + 1)
    };
    dtoa(bin_exp - bias, fract_bits, n_significant_bits, compatible)
}

fn double_parts(d: f64, compatible: bool) -> Digits {
    let bits = d.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    finite_digits(bits & 0x000f_ffff_ffff_ffff, exp, 52, 1023, compatible)
}

/// The decimal digits Java's `FloatingDecimal` develops for a finite double, and the
/// exponent: `|d| ≈ 0.DIGITS × 10^exponent`. `compatible` true gives the digits of
/// `Double.toString`; false the ones `java.util.Formatter` rounds (half-up, on these digits)
/// for `%f`/`%e`/`%g` — which is why `String.format('%.2f', 2.675)` is `2.68` in Java. Zero
/// gives `("0", 0)`; `None` for NaN and infinities.
pub fn java_double_digits(d: f64, compatible: bool) -> Option<(String, i32)> {
    if !d.is_finite() {
        return None;
    }
    if d == 0.0 {
        return Some(("0".to_string(), 0));
    }
    let digits = double_parts(d, compatible);
    let text = String::from_utf8(digits.digits).unwrap_or_default();
    Some((text, digits.dec_exponent))
}

/// `Double.toString(d)` as in Java 17.
pub(crate) fn double_to_string(d: f64) -> String {
    if let Some(s) = special(d) {
        return s.to_string();
    }
    layout(d.is_sign_negative(), &double_parts(d, true))
}

/// `Float.toString(f)` as in Java 17.
pub(crate) fn float_to_string(f: f32) -> String {
    if let Some(s) = special(f as f64) {
        return s.to_string();
    }
    let bits = f.to_bits();
    let exp = ((bits >> 23) & 0xff) as i32;
    let digits = finite_digits(((bits & 0x007f_ffff) as u64) << 29, exp, 23, 127, true);
    layout(f.is_sign_negative(), &digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values printed by Java 17 (Groovy 2.4.21 `println`), see
    // tests/oracle/num_oracle.groovy.
    #[test]
    fn doubles_like_java_17() {
        let cases: &[(f64, &str)] = &[
            (1.0, "1.0"),
            (1e10, "1.0E10"),
            (1e-5, "1.0E-5"),
            (0.001, "0.001"),
            (0.0001, "1.0E-4"),
            (1.2345678e7, "1.2345678E7"),
            (9999999.0, "9999999.0"),
            (1e7, "1.0E7"),
            (100.0, "100.0"),
            (123.456, "123.456"),
            (1e-7, "1.0E-7"),
            (123456789.0, "1.23456789E8"),
            (1234567890123.0, "1.234567890123E12"),
            (2e23, "1.9999999999999998E23"),
            (1e23, "9.999999999999999E22"),
            (8.41e21, "8.409999999999999E21"),
            (5e-324, "4.9E-324"),
            (f64::MAX, "1.7976931348623157E308"),
            (0.1 + 0.2, "0.30000000000000004"),
            (4.35 * 100.0, "434.99999999999994"),
            (2.0e-3, "0.002"),
            (1.1f32 as f64, "1.100000023841858"),
            (0.1f32 as f64, "0.10000000149011612"),
            (-0.0, "-0.0"),
            (f64::NAN, "NaN"),
            (f64::NEG_INFINITY, "-Infinity"),
        ];
        for (d, want) in cases {
            assert_eq!(double_to_string(*d), *want, "{d:e}");
        }
    }

    #[test]
    fn floats_like_java_17() {
        let cases: &[(f32, &str)] = &[
            (1.0, "1.0"),
            (1e10, "1.0E10"),
            (1e-5, "1.0E-5"),
            (1e-3, "0.001"),
            (1.1, "1.1"),
            (16777217.0, "1.6777216E7"),
            (f32::MAX, "3.4028235E38"),
            (f32::from_bits(1), "1.4E-45"),
            (100.0, "100.0"),
            (123456789012.0, "1.23456791E11"),
        ];
        for (f, want) in cases {
            assert_eq!(float_to_string(*f), *want, "{f:e}");
        }
    }

    /// Compares with a file of Java output, one sample per line: `D <hex bits> <toString>` or
    /// `F <hex bits> <toString>`. Run with
    /// `DTOA_SAMPLES=/path cargo test --lib dtoa_samples`; a generator is in
    /// `tests/oracle/DtoaSamples.java`. Without the variable the test says so and passes.
    #[test]
    fn dtoa_samples_from_java() {
        let Ok(path) = std::env::var("DTOA_SAMPLES") else {
            println!("skipped: set DTOA_SAMPLES to a file of Java samples to compare against");
            return;
        };
        let text = std::fs::read_to_string(path).expect("sample file");
        let mut bad = 0;
        let mut total = 0;
        for line in text.lines() {
            let mut it = line.split(' ');
            let (Some(kind), Some(hex), Some(want)) = (it.next(), it.next(), it.next()) else {
                continue;
            };
            total += 1;
            let got = if kind == "D" {
                double_to_string(f64::from_bits(u64::from_str_radix(hex, 16).expect("hex")))
            } else {
                float_to_string(f32::from_bits(u32::from_str_radix(hex, 16).expect("hex")))
            };
            if got != want {
                bad += 1;
                if bad < 30 {
                    eprintln!("{kind} {hex}: java {want}, ours {got}");
                }
            }
        }
        assert_eq!(bad, 0, "{bad} of {total} differ");
    }
}

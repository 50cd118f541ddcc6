//! Java 17's binary-to-decimal digit generation (`jdk.internal.math.FloatingDecimal`,
//! `BinaryToASCIIBuffer.dtoa`), which `Double.toString`, `Float.toString` and `Formatter` use.
//!
//! It is not the shortest round-trip algorithm: `1e23` prints as `9.999999999999999E22`,
//! `Double.MIN_VALUE` as `4.9E-324`, `2^62` as `4.6116860184273879E18`, and the Formatter's
//! "non-compatible" mode always develops at least two digits. The three arithmetic paths of
//! the original (int, long, big integer) are kept, with Java's wrapping arithmetic, because
//! their stopping tests differ slightly.

use super::number::Digits;
use bigdecimal::num_bigint::BigInt;

const EXP_SHIFT: i32 = 52;
const FRACT_HOB: i64 = 1 << 52;
const EXP_ONE: i64 = 1023 << 52;
const SIGNIF_BIT_MASK: i64 = 0x000F_FFFF_FFFF_FFFF;
const EXP_BIT_MASK: i64 = 0x7FF0_0000_0000_0000;
const MAX_SMALL_BIN_EXP: i32 = 62;
const MIN_SMALL_BIN_EXP: i32 = -(63 / 3);

/// Approximately `ceil(log2(5^i))`.
const N_5_BITS: [i32; 27] = [
    0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56,
    59, 61,
];

/// `insignificantDigits(1L << i)`.
const INSIGNIFICANT_DIGITS_NUMBER: [i32; 64] = [
    0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9,
    9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16,
    16, 17, 17, 17, 18, 18, 18, 19,
];

fn pow5_i64(n: i32) -> i64 {
    5i64.wrapping_pow(n.max(0) as u32)
}

fn pow5_i32(n: i32) -> i32 {
    5i32.wrapping_pow(n.max(0) as u32)
}

fn big_pow52(p5: i32, p2: i32) -> BigInt {
    (BigInt::from(5u8).pow(p5.max(0) as u32)) << (p2.max(0) as usize)
}

/// The digits of a double's magnitude; `compatible` is the `Double.toString` mode (the
/// Formatter passes false).
pub(crate) fn double_digits(d: f64, compatible: bool) -> Digits {
    let bits = d.to_bits() as i64;
    let mut fract_bits = bits & SIGNIF_BIT_MASK;
    let mut bin_exp = ((bits & EXP_BIT_MASK) >> EXP_SHIFT) as i32;
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            return zero();
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (63 - EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 64 - leading_zeros;
    } else {
        fract_bits |= FRACT_HOB;
        n_significant_bits = EXP_SHIFT + 1;
    }
    dtoa(bin_exp - 1023, fract_bits, n_significant_bits, compatible)
}

/// The digits of a float's magnitude (`Float.toString`).
pub(crate) fn float_digits(f: f32) -> Digits {
    const SINGLE_EXP_SHIFT: i32 = 23;
    let bits = f.to_bits() as i32;
    let mut fract_bits = bits & 0x007F_FFFF;
    let mut bin_exp = (bits & 0x7F80_0000) >> SINGLE_EXP_SHIFT;
    let n_significant_bits;
    if bin_exp == 0 {
        if fract_bits == 0 {
            return zero();
        }
        let leading_zeros = fract_bits.leading_zeros() as i32;
        let shift = leading_zeros - (31 - SINGLE_EXP_SHIFT);
        fract_bits <<= shift;
        bin_exp = 1 - shift;
        n_significant_bits = 32 - leading_zeros;
    } else {
        fract_bits |= 1 << SINGLE_EXP_SHIFT;
        n_significant_bits = SINGLE_EXP_SHIFT + 1;
    }
    dtoa(
        bin_exp - 127,
        (fract_bits as i64) << (EXP_SHIFT - SINGLE_EXP_SHIFT),
        n_significant_bits,
        true,
    )
}

fn zero() -> Digits {
    Digits {
        digits: vec![b'0'],
        dec_exp: 0,
    }
}

// Java's literal 0.301029995663981 is not f64::consts::LOG10_2; keep it bit-for-bit.
#[allow(clippy::approx_constant)]
fn estimate_dec_exp(fract_bits: i64, bin_exp: i32) -> i32 {
    let d2 = f64::from_bits((EXP_ONE | (fract_bits & SIGNIF_BIT_MASK)) as u64);
    let d = (d2 - 1.5) * 0.289529654 + 0.176091259 + (bin_exp as f64) * 0.301029995663981;
    let d_bits = d.to_bits() as i64;
    let exponent = ((d_bits & EXP_BIT_MASK) >> EXP_SHIFT) as i32 - 1023;
    let is_negative = d_bits < 0;
    if (0..52).contains(&exponent) {
        let mask = SIGNIF_BIT_MASK >> exponent;
        let r = (((d_bits & SIGNIF_BIT_MASK) | FRACT_HOB) >> (EXP_SHIFT - exponent)) as i32;
        if is_negative {
            if mask & d_bits == 0 {
                -r
            } else {
                -r - 1
            }
        } else {
            r
        }
    } else if exponent < 0 {
        if d_bits & !i64::MIN == 0 || !is_negative {
            0
        } else {
            -1
        }
    } else {
        d as i32
    }
}

fn develop_long_digits(mut dec_exponent: i32, mut lvalue: i64, insignificant: i32) -> Digits {
    if insignificant != 0 {
        let pow10 = pow5_i64(insignificant) << insignificant;
        let residue = lvalue % pow10;
        lvalue /= pow10;
        dec_exponent += insignificant;
        if residue >= pow10 >> 1 {
            lvalue += 1;
        }
    }
    let mut rev = Vec::new();
    let mut c = lvalue % 10;
    lvalue /= 10;
    while c == 0 && lvalue != 0 {
        dec_exponent += 1;
        c = lvalue % 10;
        lvalue /= 10;
    }
    while lvalue != 0 {
        rev.push(b'0' + c as u8);
        dec_exponent += 1;
        c = lvalue % 10;
        lvalue /= 10;
    }
    rev.push(b'0' + c as u8);
    rev.reverse();
    Digits {
        digits: rev,
        dec_exp: dec_exponent + 1,
    }
}

fn digit(q: i64) -> u8 {
    (b'0' as i64).wrapping_add(q) as u8
}

/// Java's `int` and `long`, with their wrapping arithmetic.
trait Word: Copy + PartialOrd + std::ops::Div<Output = Self> + std::ops::Rem<Output = Self> {
    const ZERO: Self;
    const TEN: Self;
    fn w_mul(self, o: Self) -> Self;
    fn w_add(self, o: Self) -> Self;
    fn w_sub(self, o: Self) -> Self;
    fn w_shl1(self) -> Self;
    fn to_i64(self) -> i64;
}

macro_rules! word {
    ($t:ty) => {
        impl Word for $t {
            const ZERO: Self = 0;
            const TEN: Self = 10;
            fn w_mul(self, o: Self) -> Self {
                self.wrapping_mul(o)
            }
            fn w_add(self, o: Self) -> Self {
                self.wrapping_add(o)
            }
            fn w_sub(self, o: Self) -> Self {
                self.wrapping_sub(o)
            }
            fn w_shl1(self) -> Self {
                self.wrapping_shl(1)
            }
            fn to_i64(self) -> i64 {
                self as i64
            }
        }
    };
}
word!(i32);
word!(i64);

/// The digit loop of `dtoa` in `int` or `long` arithmetic (including Java's overflow hack);
/// returns `(low, high, lowDigitDifference)`.
fn small_digits<W: Word>(
    mut b: W,
    s: W,
    mut m: W,
    compatible: bool,
    dec_exp: &mut i32,
    digits: &mut Vec<u8>,
) -> (bool, bool, i64) {
    let tens = s.w_mul(W::TEN);
    let q = b / s;
    b = (b % s).w_mul(W::TEN);
    m = m.w_mul(W::TEN);
    let mut low = b < m;
    let mut high = b.w_add(m) > tens;
    if q.to_i64() == 0 && !high {
        *dec_exp -= 1;
    } else {
        digits.push(digit(q.to_i64()));
    }
    if !compatible || !(-3..8).contains(dec_exp) {
        high = false;
        low = false;
    }
    while !low && !high {
        let q = b / s;
        b = (b % s).w_mul(W::TEN);
        m = m.w_mul(W::TEN);
        if m > W::ZERO {
            low = b < m;
            high = b.w_add(m) > tens;
        } else {
            // m overflowed: Java treats both tests as passed
            low = true;
            high = true;
        }
        digits.push(digit(q.to_i64()));
    }
    (low, high, b.w_shl1().w_sub(tens).to_i64())
}

fn dtoa(bin_exp: i32, mut fract_bits: i64, n_significant_bits: i32, compatible: bool) -> Digits {
    let tail_zeros = fract_bits.trailing_zeros() as i32;
    let n_fract_bits = EXP_SHIFT + 1 - tail_zeros;
    let n_tiny_bits = (n_fract_bits - bin_exp - 1).max(0);
    if (MIN_SMALL_BIN_EXP..=MAX_SMALL_BIN_EXP).contains(&bin_exp)
        && n_tiny_bits < N_5_BITS.len() as i32
        && n_fract_bits + N_5_BITS[n_tiny_bits as usize] < 64
        && n_tiny_bits == 0
    {
        let insignificant = if bin_exp > n_significant_bits {
            let p2 = bin_exp - n_significant_bits - 1;
            if p2 > 1 && p2 < 64 {
                INSIGNIFICANT_DIGITS_NUMBER[p2 as usize]
            } else {
                0
            }
        } else {
            0
        };
        if bin_exp >= EXP_SHIFT {
            fract_bits <<= bin_exp - EXP_SHIFT;
        } else {
            fract_bits = ((fract_bits as u64) >> (EXP_SHIFT - bin_exp)) as i64;
        }
        return develop_long_digits(0, fract_bits, insignificant);
    }

    let mut dec_exp = estimate_dec_exp(fract_bits, bin_exp);
    let b5 = (-dec_exp).max(0);
    let mut b2 = b5 + n_tiny_bits + bin_exp;
    let s5 = dec_exp.max(0);
    let mut s2 = s5 + n_tiny_bits;
    let m5 = b5;
    let mut m2 = b2 - n_significant_bits;

    fract_bits = ((fract_bits as u64) >> tail_zeros) as i64;
    b2 -= n_fract_bits - 1;
    let common = b2.min(s2);
    b2 -= common;
    s2 -= common;
    m2 -= common;
    if n_fract_bits == 1 {
        m2 -= 1;
    }
    if m2 < 0 {
        b2 -= m2;
        s2 -= m2;
        m2 = 0;
    }

    let n5 = |p: i32| {
        if (p as usize) < N_5_BITS.len() {
            N_5_BITS[p as usize]
        } else {
            p * 3
        }
    };
    let b_bits = n_fract_bits + b2 + n5(b5);
    let ten_s_bits = s2 + 1 + n5(s5 + 1);

    let mut digits: Vec<u8> = Vec::with_capacity(20);
    let mut low;
    let mut high;
    let low_digit_difference: i64;

    if b_bits < 64 && ten_s_bits < 64 {
        (low, high, low_digit_difference) = if b_bits < 32 && ten_s_bits < 32 {
            let b = (fract_bits as i32)
                .wrapping_mul(pow5_i32(b5))
                .wrapping_shl(b2 as u32);
            let s = pow5_i32(s5).wrapping_shl(s2 as u32);
            let m = pow5_i32(m5).wrapping_shl(m2 as u32);
            small_digits(b, s, m, compatible, &mut dec_exp, &mut digits)
        } else {
            let b = fract_bits
                .wrapping_mul(pow5_i64(b5))
                .wrapping_shl(b2 as u32);
            let s = pow5_i64(s5).wrapping_shl(s2 as u32);
            let m = pow5_i64(m5).wrapping_shl(m2 as u32);
            small_digits(b, s, m, compatible, &mut dec_exp, &mut digits)
        };
    } else {
        let s_val = big_pow52(s5, s2);
        let mut b_val =
            (BigInt::from(fract_bits) * BigInt::from(5u8).pow(b5 as u32)) << (b2 as usize);
        let mut m_val = big_pow52(m5 + 1, m2 + 1);
        let ten_s = big_pow52(s5 + 1, s2 + 1);
        let quo_rem = |b: &mut BigInt| -> i64 {
            let q = &*b / &s_val;
            *b = (&*b % &s_val) * 10u8;
            i64::try_from(q).unwrap_or(0)
        };
        let q = quo_rem(&mut b_val);
        low = b_val < m_val;
        high = &b_val + &m_val >= ten_s;
        if q == 0 && !high {
            dec_exp -= 1;
        } else {
            digits.push(digit(q));
        }
        if !compatible || !(-3..8).contains(&dec_exp) {
            high = false;
            low = false;
        }
        while !low && !high {
            let q = quo_rem(&mut b_val);
            m_val *= 10u8;
            low = b_val < m_val;
            high = &b_val + &m_val >= ten_s;
            digits.push(digit(q));
        }
        low_digit_difference = if high && low {
            match (&b_val << 1usize).cmp(&ten_s) {
                std::cmp::Ordering::Less => -1,
                std::cmp::Ordering::Equal => 0,
                std::cmp::Ordering::Greater => 1,
            }
        } else {
            0
        };
    }

    let mut out = Digits {
        digits,
        dec_exp: dec_exp + 1,
    };
    if high {
        let round = if low {
            match low_digit_difference {
                0 => out.digits.last().is_some_and(|d| d & 1 != 0),
                d => d > 0,
            }
        } else {
            true
        };
        if round {
            roundup(&mut out);
        }
    }
    out
}

fn roundup(d: &mut Digits) {
    let Some(mut i) = d.digits.len().checked_sub(1) else {
        return;
    };
    if d.digits[i] == b'9' {
        while d.digits[i] == b'9' && i > 0 {
            d.digits[i] = b'0';
            i -= 1;
        }
        if d.digits[i] == b'9' {
            d.dec_exp += 1;
            d.digits[0] = b'1';
            return;
        }
    }
    d.digits[i] += 1;
}

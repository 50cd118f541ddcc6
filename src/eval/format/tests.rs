//! Formatter tests. Each case names a label of `tests/oracle/format_{1,2,3}.groovy`; the
//! expected text is read from that script's recorded output (`format_N.out`), so the
//! expectations are exactly what Groovy 2.4.21 on OpenJDK 17 printed.

#![allow(clippy::approx_constant)]

use super::*;
use bigdecimal::num_bigint::BigInt;
use std::str::FromStr;

const ORACLE: [&str; 3] = [
    include_str!("../../../tests/oracle/format_1.out"),
    include_str!("../../../tests/oracle/format_2.out"),
    include_str!("../../../tests/oracle/format_3.out"),
];

fn expected(label: &str) -> String {
    let prefix = format!("{label} => ");
    for out in ORACLE {
        // results may span lines (%n): take everything up to the next "label => " line
        let mut found: Option<String> = None;
        for line in out.lines() {
            if let Some(acc) = found.as_mut() {
                if line.contains(" => ") {
                    break;
                }
                acc.push('\n');
                acc.push_str(line);
            } else if let Some(rest) = line.strip_prefix(&prefix) {
                found = Some(rest.to_string());
            }
        }
        if let Some(f) = found {
            return f;
        }
    }
    panic!("no oracle line for {label:?}")
}

fn run(fmt: &str, args: &[FmtArg]) -> String {
    match java_format(fmt, args) {
        Ok(s) => format!("<{s}>"),
        Err(e) => format!("{}: {}", e.class, e.message),
    }
}

fn check(label: &str, fmt: &str, args: &[FmtArg]) {
    assert_eq!(
        run(fmt, args),
        expected(label),
        "label {label:?}, format {fmt:?}"
    );
}

use FmtArg::Null as N;

fn i(v: i32) -> FmtArg {
    FmtArg::Int(v)
}
fn l(v: i64) -> FmtArg {
    FmtArg::Long(v)
}
fn d(v: f64) -> FmtArg {
    FmtArg::Double(v)
}
fn fl(v: f32) -> FmtArg {
    FmtArg::Float(v)
}
fn s(v: &str) -> FmtArg {
    FmtArg::Str(v.to_string())
}
fn ch(v: char) -> FmtArg {
    FmtArg::Char(v)
}
fn b(v: bool) -> FmtArg {
    FmtArg::Bool(v)
}
fn bd(v: &str) -> FmtArg {
    FmtArg::Decimal(BigDecimal::from_str(v).expect("decimal"))
}
fn bi(v: &str) -> FmtArg {
    FmtArg::BigInt(BigInt::from_str(v).expect("integer"))
}
fn obj(class: &str, text: &str, hash: i32) -> FmtArg {
    FmtArg::Object {
        class: class.into(),
        text: text.into(),
        hash,
    }
}

#[test]
fn doubles_round_half_up_on_shortest_digits() {
    check("grp f", "%,.2f", &[d(1234567.891)]);
    check("0.125", "%.2f", &[d(0.125)]);
    check("1.005", "%.2f", &[d(1.005)]);
    check("2.675", "%.2f", &[d(2.675)]);
    check("0.5 %.0f", "%.0f", &[d(0.5)]);
    check("1.5 %.0f", "%.0f", &[d(1.5)]);
    check("2.5 %.0f", "%.0f", &[d(2.5)]);
    check("float 0.1f", "%.10f", &[fl(0.1)]);
    check("float 1.1f %f", "%f", &[fl(1.1)]);
    check("double %f", "%f", &[d(1.1)]);
    check("big %f", "%f", &[d(1e20)]);
    check("huge %f", "%.3f", &[d(1.2345678901234567e25)]);
    check("tiny %f", "%f", &[d(1e-10)]);
    check("neg round", "%.1f", &[d(-0.05)]);
    check(
        "format 0.45",
        "%.1f|%.1f|%.1f",
        &[d(0.45), d(0.35), d(0.25)],
    );
    check(
        "%.1f 0.05",
        "%.1f|%.2f|%.3f",
        &[d(0.05), d(0.005), d(0.0005)],
    );
    check("%.15f", "%.15f|%.17f|%.20f", &[d(0.1), d(0.1), d(0.1)]);
    check("%.17f float", "%.17f", &[fl(0.1)]);
    check("%.0f big", "%.0f", &[d(123456789012345678901234567890.0)]);
    check("%.30f", "%.30f", &[d(1.0 / 3.0)]);
    check(
        "%.0f half",
        "%.0f|%.0f|%.0f",
        &[d(0.5), d(1.5), d(0.49999999999999994)],
    );
    check("sprintf", "%05.1f", &[d(3.14159)]);
}

#[test]
fn scientific_and_general() {
    check("%e", "%e", &[d(1234.56)]);
    check("%e 0", "%e", &[d(0.0)]);
    check("%E", "%E", &[d(0.000123456)]);
    check("%.0e", "%.0e", &[d(15.0)]);
    check("%.3e", "%.3e", &[d(9.9995)]);
    check("%e big", "%e", &[d(1e300)]);
    check("%g", "%g", &[d(1234.56)]);
    check("%g small", "%g", &[d(0.0001234)]);
    check("%g tiny", "%g", &[d(0.00001234)]);
    check("%g big", "%g", &[d(1234567.0)]);
    check("%g 0", "%g", &[d(0.0)]);
    check("%.3g", "%.3g", &[d(99.95)]);
    check("%G", "%G", &[d(1e-10)]);
    check(
        "%e flags",
        "%+.2e|% .2e|%(.2e|%012.3e|%-12.2e|",
        &[d(1234.5), d(1234.5), d(-1234.5), d(-1234.5), d(1.5)],
    );
    check("%g flags", "%,g|%+g|%(g", &[d(1234567.8), d(5.0), d(-5.0)]);
    check("%10.3e", "%10.3e|", &[d(12345.6789)]);
    check("%e float", "%e|%.10e", &[fl(0.1), fl(0.1)]);
    check("%g float", "%g|%.10g", &[fl(0.1), fl(0.1)]);
    check("%e prec 20", "%.20e", &[d(0.1)]);
    check("%e tiny", "%e|%e", &[d(f64::from_bits(1)), d(f64::MAX)]);
    check(
        "%g ranges",
        "%g|%g|%g|%g|%g",
        &[d(0.0001), d(0.00009999), d(999999.5), d(9999995.0), d(1e6)],
    );
    check(
        "%.0g",
        "%.0g|%.1g|%.2g",
        &[d(1234.0), d(1234.0), d(0.0001234)],
    );
}

#[test]
fn special_doubles() {
    check("nan", "%f|%e|%g|%08.2f|%+f", &vec![d(f64::NAN); 5]);
    check(
        "inf",
        "%f|%e|%+f|%08.2f|%(f",
        &[
            d(f64::INFINITY),
            d(f64::NEG_INFINITY),
            d(f64::INFINITY),
            d(f64::NEG_INFINITY),
            d(f64::NEG_INFINITY),
        ],
    );
    check("-0.0 real", "%f|%e|%.0f|%g|%s|%a", &vec![d(-0.0); 6]);
}

#[test]
fn hex_floats() {
    check("%a", "%a", &[d(1.0)]);
    check("%a 2", "%a", &[d(0.1)]);
    check("%.2a", "%.2a", &[d(1.99)]);
    check("%a float", "%a", &[fl(0.1)]);
    check(
        "%a more",
        "%a|%a|%a|%A|%.1a|%.3a|%a",
        &[
            d(-1.5),
            d(0.0),
            d(f64::from_bits(1)),
            d(255.5),
            d(1.96875),
            d(f64::MAX),
            d(f64::MIN_POSITIVE),
        ],
    );
    check(
        "%a sub prec",
        "%.2a|%20a|%-20a|%020a",
        &[d(f64::from_bits(1)), d(1.0), d(1.0), d(-1.0)],
    );
}

#[test]
fn big_decimals() {
    check("bigdec", "%.2f", &[bd("1.005")]);
    check("bigdec2", "%f", &[bd("123.456789123")]);
    check("bigdec e", "%e", &[bd("123.456")]);
    check("bigdec g", "%g", &[bd("123.456")]);
    check("bigdec s", "%s", &[bd("1.50")]);
    check("format groovy BigDecimal literal", "%.1f", &[bd("2.25")]);
    check(
        "bd neg",
        "%.1f|%e|%(.2f",
        &[bd("-2.25"), bd("-1234.5"), bd("-0.005")],
    );
    check(
        "bd big scale neg",
        "%f|%e|%s",
        &[bd("1E+3"), bd("1E+3"), bd("1E+3")],
    );
    check(
        "bd prec e",
        "%.0e|%#.0e|%.1e",
        &[bd("1.5"), bd("1.5"), bd("9.99")],
    );
    check(
        "bd zero e",
        "%e|%e|%.2e|%e",
        &[bd("0"), bd("0.00"), bd("0.000"), bd("0E+3")],
    );
    check("bd zero g", "%g|%g|%g", &[bd("0"), bd("0.00"), bd("0E+2")]);
    check(
        "bd zero f",
        "%f|%.0f|%f|%#.0f",
        &[bd("0"), bd("0.00"), bd("0E+3"), bd("0")],
    );
    check(
        "bd g",
        "%g|%g|%g|%g|%.3g|%g",
        &[
            bd("0.0001"),
            bd("0.00001"),
            bd("123456789"),
            bd("123456.5"),
            bd("99.95"),
            bd("1E+10"),
        ],
    );
    check(
        "bd e",
        "%e|%.2e|%e|%.0e|%e|%e",
        &[
            bd("1"),
            bd("123.456"),
            bd("1.5E-10"),
            bd("25"),
            bd("9.9999995"),
            bd("-0.001"),
        ],
    );
    check(
        "bd f",
        "%f|%.2f|%.1f|%.3f|%f|%.0f|%.0f|%,.2f",
        &[
            bd("1.5"),
            bd("0.005"),
            bd("0.05"),
            bd("9.9995"),
            bd("1E+5"),
            bd("0.5"),
            bd("2.5"),
            bd("1234567.891"),
        ],
    );
    check(
        "bd f2",
        "%.2f|%.2f|%.1f",
        &[bd("0.0049"), bd("123.455"), bd("-0.04")],
    );
    check(
        "bd width",
        "%10.2f|%-10.2f|%010.2f|%+.1f|% .1f",
        &[
            bd("3.14159"),
            bd("3.14159"),
            bd("-3.14159"),
            bd("2"),
            bd("2"),
        ],
    );
    check(
        "bd e width",
        "%012.2e|%(12.2e",
        &[bd("-1234.5"), bd("-1234.5")],
    );
    check(
        "groovy lit",
        "%s|%s|%.3f",
        &[bd("1.0"), bd("1.50"), bd("2.0")],
    );
}

#[test]
fn java_to_string_of_numbers() {
    let doubles = [
        1.0,
        100.0,
        1e-3,
        1e-4,
        9999999.0,
        1e7,
        1.2345678901234567e-5,
        123456789.123,
        f64::MAX,
        f64::from_bits(1),
        0.1 + 0.2,
        1.0 / 3.0,
        2e-3,
    ];
    let shown: Vec<String> = doubles.iter().map(|&v| java_double_to_string(v)).collect();
    assert_eq!(format!("<[{}]>", shown.join(", ")), expected("%s double"));
    let floats = [
        1.0f32,
        0.1,
        1e7,
        1e-4,
        3.4028235e38,
        f32::from_bits(1),
        16777216.0,
        0.3,
    ];
    let shown: Vec<String> = floats.iter().map(|&v| java_float_to_string(v)).collect();
    assert_eq!(
        format!("<[{}]>", shown.join(", ")),
        expected("Float.toString list")
    );
    let decimals = [
        "1E+3",
        "0.0000001",
        "0.000001",
        "123.4500",
        "-1.5E-10",
        "0.0000010",
    ];
    let shown: Vec<String> = decimals
        .iter()
        .map(|v| java_bigdecimal_to_string(&BigDecimal::from_str(v).expect("decimal")))
        .collect();
    assert_eq!(format!("<[{}]>", shown.join(", ")), expected("bd toString"));
    let decimals = [
        "0E-10",
        "0E+3",
        "-0.00",
        "1.23E+10",
        "12345678901234567890.5",
        "1E-6",
        "1.0E-6",
    ];
    let shown: Vec<String> = decimals
        .iter()
        .map(|v| java_bigdecimal_to_string(&BigDecimal::from_str(v).expect("decimal")))
        .collect();
    assert_eq!(format!("<[{}]>", shown.join(", ")), expected("bd s"));
    check("%s big double", "%s|%s|%s", &[d(1.0), d(1e7), d(1.0e-5)]);
    check("%s float", "%s", &[fl(1.1)]);
}

#[test]
fn integers() {
    check("%x neg int", "%x", &[i(-1)]);
    check("%x neg long", "%x", &[l(-1)]);
    check("%x neg big", "%x", &[bi("-255")]);
    check("%x big", "%x", &[bi("255")]);
    check("%o", "%o|%o", &[i(8), i(-8)]);
    check("%X", "%X|%#x|%#o|%#X", &[i(255), i(255), i(8), i(255)]);
    check("%x byte", "%x|%x", &[FmtArg::Byte(-1), FmtArg::Short(-1)]);
    check(
        "%d flags",
        "%+d|% d|%(d|%05d|%-5d|%,d|%+,d|%(,d",
        &[
            i(42),
            i(42),
            i(-42),
            i(-42),
            i(42),
            i(-1234567),
            i(1234567),
            i(-1234567),
        ],
    );
    check("%,d big", "%,d", &[bi("12345678901234567890")]);
    check("%d Long max", "%d|%d", &[l(i64::MAX), l(i64::MIN)]);
    check("%x Long min", "%x|%o", &[l(i64::MIN), l(i64::MIN)]);
    check("%d Integer.MIN", "%d|%x", &[i(i32::MIN), i(i32::MIN)]);
    check("%x short", "%x|%o", &[FmtArg::Short(-2), FmtArg::Byte(-2)]);
    check(
        "%X bigint neg",
        "%X|%#x|%(x|%+x|% x|%08x|%#010x|%-8x|",
        &[
            bi("-255"),
            bi("-255"),
            bi("-255"),
            bi("255"),
            bi("255"),
            bi("-255"),
            bi("255"),
            bi("255"),
        ],
    );
    check("%o bigint", "%o|%#o|%(o", &[bi("8"), bi("-8"), bi("-8")]);
    check(
        "%,d small",
        "%,d|%,d|%,d|%,08d|%,(d",
        &[i(999), i(1000), i(-1000), i(-1234), i(-1234)],
    );
    check(
        "%0,10.2f",
        "%0,12.2f|%,012.2f|%-,12.2f|",
        &[d(-1234567.891), d(1234567.891), d(1234.5)],
    );
    check(
        "%,f",
        "%,f|%,.0f|%,.3f",
        &[d(1234567.5), d(-1234567.5), d(0.5)],
    );
    check("%(f", "%(.2f|%(,.2f", &[d(-3.14159), d(-1234.5)]);
    check("%#.0f", "%#.0f|%#.0e", &[d(3.0), d(3.0)]);
    check(
        "bigint",
        "%d|%,d|%+d|%(d|%010d",
        &[bi("123"), bi("-1234567"), bi("5"), bi("-5"), bi("-5")],
    );
    check("bigint literal", "%d|%s", &[bi("123"), bi("123")]);
}

#[test]
fn text_conversions() {
    check(
        "%s width",
        "%5s|%-5s|%.2s|%5.1s|",
        &[s("abc"), s("abc"), s("abc"), s("abc")],
    );
    check("%S", "%S", &[s("straße")]);
    check(
        "%s null",
        "%s|%5s|%b|%c|%d|%x|%f|%e",
        &[N, N, N, N, N, N, N, N],
    );
    check(
        "%b",
        "%b|%b|%b|%B|%b",
        &[b(true), b(false), s("x"), b(true), i(0)],
    );
    check("%c", "%c|%c|%c|%C", &[ch('a'), i(65), i(128512), ch('b')]);
    check("%c str", "%c", &[s("ab")]);
    check("%c bad cp", "%c", &[i(-1)]);
    check("%h", "%h|%h|%H|%h", &[s("hello"), i(42), s("hello"), N]);
    check("%n", "a%nb", &[]);
    check("%%", "%5%|%-5%|", &[]);
    check(
        "%s list",
        "%s",
        &[obj("java.util.ArrayList", "[1, 2]", 994)],
    );
    check(
        "%s map",
        "%s",
        &[obj("java.util.LinkedHashMap", "{a=1}", 96)],
    );
    check("%-10b", "%-10b|", &[b(true)]);
    check("upper conversion flags", "%-8S|", &[s("ab")]);
    check(
        "%s with prec list",
        "%.3s",
        &[obj("java.util.ArrayList", "[1, 2, 3]", 0)],
    );
    check("%c byte", "%c|%c", &[FmtArg::Byte(65), FmtArg::Short(66)]);
    check("%c long", "%c", &[l(65)]);
    check("%c surrogate", "%c", &[i(0xD800)]);
    check(
        "%s upper",
        "%S|%S|%S|%C|%B|%H",
        &[
            N,
            d(1.5),
            obj("java.util.LinkedHashMap", "{a=1}", 0),
            ch('ß'),
            N,
            s("a"),
        ],
    );
    check("%5c", "%5c|%-5c|", &[ch('x'), ch('y')]);
    check("%b width", "%6b|%-6B|", &[b(true), b(false)]);
    check("%s prec surrogate", "%.1s|%.2s|", &[s("😀x"), s("😀x")]);
    check("%s width surrogate", "%4s|", &[s("😀")]);
    check(
        "gstring s",
        "%s|%5s",
        &[
            obj("org.codehaus.groovy.runtime.GStringImpl", "1", 0),
            obj("org.codehaus.groovy.runtime.GStringImpl", "a1", 0),
        ],
    );
    check("%d null width", "%5d|%-5d|%05d", &[N, N, N]);
    check("%e null flags", "%+e", &[N]);
    check("%x null +", "%+x", &[N]);
    check("%(f null", "%(f", &[N]);
    check("prec b", "%.1b|%5.2b", &[b(true), b(false)]);
}

#[test]
fn hash_codes() {
    check(
        "%h types",
        "%h|%h|%h|%h|%h|%h|%h|%h",
        &[
            l(1 << 40),
            l(-1),
            b(true),
            b(false),
            ch('a'),
            d(1.5),
            fl(1.5),
            bi("12345678901234567890"),
        ],
    );
    check(
        "%h bd",
        "%h|%h|%h",
        &[bd("1.5"), bd("-1.50"), bd("123456789012345678901234.5")],
    );
    check(
        "bigint hash",
        "%h|%h|%h",
        &[bi("-1"), bi("0"), bi("4294967296")],
    );
    check(
        "%h list",
        "%h",
        &[obj("java.util.ArrayList", "[1, 2]", 994)],
    );
}

#[test]
fn argument_indices() {
    check("index", "%2$s %1$s %2$s", &[s("a"), s("b")]);
    check("relative", "%s %<s %s", &[s("a"), s("b")]);
    check("relative first", "%<s", &[s("a")]);
    check("ordinary after explicit", "%2$s %s %s", &[s("a"), s("b")]);
    check("index 0", "%0$s", &[s("a")]);
    check("index big", "%3$s", &[s("a")]);
    check("idx overflow", "%99999999999$s", &[s("a")]);
    check("%<s after idx", "%2$s %<s", &[s("a"), s("b")]);
    check("%<s after %%", "%s %% %<s", &[s("a")]);
    check("%<s after %n", "%s %n%<s", &[s("a")]);
    check("%1$s ordinary", "%1$s %s %s", &[s("a"), s("b")]);
    check("many args", "%s", &[s("a"), s("b"), s("c")]);
    check("no args", "plain", &[]);
    check("missing", "%s %s", &[s("a")]);
    check("%d then missing", "%d %d", &[i(1)]);
}

#[test]
fn java_exceptions() {
    check("int %f", "%f", &[i(5)]);
    check("int %e", "%e", &[i(5)]);
    check("double %d", "%d", &[d(5.0)]);
    check("str %d", "%d", &[s("x")]);
    check("bool %d", "%d", &[b(true)]);
    check("unknown", "%q", &[i(1)]);
    check("unknown2", "%", &[i(1)]);
    check("trailing %", "abc%", &[i(1)]);
    check("flag mismatch -", "%-d", &[i(5)]);
    check("flag mismatch 0", "%0s", &[s("x")]);
    check("flag # s", "%#s", &[s("x")]);
    check("flag + s", "%+s", &[s("x")]);
    check("flag , x", "%,x", &[i(5)]);
    check("flag + x", "%+x", &[i(5)]);
    check("dup flag", "%--5d", &[i(5)]);
    check("both + space", "%+ d", &[i(5)]);
    check("both - 0", "%-05d", &[i(5)]);
    check("prec d", "%.2d", &[i(5)]);
    check("prec c", "%.2c", &[ch('a')]);
    check("prec x", "%.2x", &[i(5)]);
    check("width n", "%5n", &[]);
    check("width %", "%.2%", &[]);
    check("%0 no width", "%0d", &[i(5)]);
    check("- no width", "%-s", &[s("x")]);
    check("%#g", "%#g", &[d(5.0)]);
    check("%f long", "%.1f", &[l(3)]);
    check("%f big int", "%.1f", &[bi("3")]);
    check("%-08d", "%-08d", &[i(5)]);
    check("width overflow", "%99999999999s", &[s("a")]);
    check("prec overflow", "%.99999999999s", &[s("a")]);
    check("%D", "%D", &[i(1)]);
    check("%.s", "%.s", &[i(1)]);
    check("%-", "%-", &[i(1)]);
    check(
        "gstring d",
        "%d",
        &[obj("org.codehaus.groovy.runtime.GStringImpl", "1", 0)],
    );
    check("%n flags", "%-n", &[]);
    check("%% flags", "%-%", &[]);
    check("%% flags2", "%+%", &[]);
    check("%s then bad", "%s %q", &[s("a")]);
    check("%e BigInteger", "%e", &[bi("5")]);
    check("%d BigDecimal", "%d", &[bd("5.5")]);
    check("%a BigDecimal", "%a", &[bd("5.5")]);
    check("%.2f Integer", "%.2f", &[i(5)]);
    check("%x char", "%x", &[ch('a')]);
    check("%x Object", "%x", &[obj("java.util.ArrayList", "[1]", 0)]);
    check("%c null prec", "%.2c", &[N]);
}

#[test]
fn conformance_cases() {
    // str_format_01, str_sprintf_01, misc_string_format_numbers_01
    let f = |fmt: &str, args: &[FmtArg]| java_format(fmt, args).expect("formats");
    assert_eq!(f("%s is %d years", &[s("Bob"), i(30)]), "Bob is 30 years");
    assert_eq!(f("%05.2f", &[bd("3.14159")]), "03.14");
    assert_eq!(f("%-5s|", &[s("ab")]), "ab   |");
    assert_eq!(f("%5s|", &[s("ab")]), "   ab|");
    assert_eq!(f("%x", &[i(255)]), "ff");
    assert_eq!(f("%,d", &[i(1234567)]), "1,234,567");
    assert_eq!(f("%d items", &[i(3)]), "3 items");
    assert_eq!(f("%.3f", &[bd("2.0")]), "2.000");
    assert_eq!(f("%3d|", &[i(7)]), "  7|");
    assert_eq!(f("%b", &[b(true)]), "true");
    assert_eq!(f("%%", &[]), "%");
    // pct = 0.4567 (BigDecimal) * 100 = 45.6700
    assert_eq!(f("%.1f%%", &[bd("45.6700")]), "45.7%");
    assert_eq!(f("%08.3f", &[bd("-3.5")]), "-003.500");
    assert_eq!(f("%s", &[N]), "null");
    assert_eq!(f("%10.4s|", &[s("abcdefg")]), "      abcd|");
}

/// Odd format strings must give an error or a string, never a panic.
#[test]
fn never_panics_on_odd_input() {
    let fmts = [
        "%",
        "%%%",
        "%1$",
        "%1$<s",
        "%<<s",
        "%,,d",
        "%.",
        "%.1",
        "%9999999999999999999999s",
        "%t",
        "%tq",
        "%Tz",
        "%ta",
        "%-t",
        "%#",
        "%( ",
        "%1$1$s",
        "%é",
        "%😀",
        "%0$%",
        "%-0%",
        "%<n",
        "%2147483647$s",
        "%.2147483647f",
        "%2147483647d",
        "% (,d",
        "%#-+ 0,(<s",
        "%.0a",
        "%.13a",
        "%a",
        "%.12a",
        "%+.5a",
    ];
    let args = [
        N,
        i(-5),
        d(f64::MIN_POSITIVE / 3.0),
        bd("-0.000"),
        s("x"),
        bi("-1"),
    ];
    for fmt in fmts {
        for arg in &args {
            let _ = java_format(fmt, std::slice::from_ref(arg));
        }
        let _ = java_format(fmt, &[]);
    }
    for conv in ['d', 'x', 'o', 'e', 'f', 'g', 'a', 's', 'c', 'b', 'h'] {
        for arg in &args {
            for flags in ["", "-8", "08", "+", " ", ",", "(", "#", "#10"] {
                let _ = java_format(&format!("%{flags}{conv}"), std::slice::from_ref(arg));
                let _ = java_format(&format!("%{flags}.3{conv}"), std::slice::from_ref(arg));
            }
        }
    }
}

fn list(items: Vec<String>) -> String {
    format!("<[{}]>", items.join(", "))
}

#[test]
fn dtoa_quirks_of_java_17() {
    let doubles = [
        f64::from_bits(1),
        f64::from_bits(2),
        f64::from_bits(3),
        1e-310,
        2.5e-320,
        1.23456e-315,
        f64::MIN_POSITIVE,
        2.2250738585072E-308,
        1e23,
        2e23,
        9.007199254740993E15,
        4.611686018427388E18,
        1.0E22,
        f64::from_bits(7),
        f64::MAX / 3.0,
    ];
    let shown = doubles.iter().map(|&v| java_double_to_string(v)).collect();
    assert_eq!(list(shown), expected("dtoa doubles"));
    let shown = [
        f64::from_bits(1),
        1e23,
        2e23,
        4.611686018427388E18,
        0.5,
        0.1,
    ]
    .iter()
    .map(|&v| java_format("%.3e|%.1e|%s", &[d(v), d(v), d(v)]).expect("formats"))
    .collect();
    assert_eq!(list(shown), expected("dtoa %e"));
    let floats = [
        f32::from_bits(1),
        f32::from_bits(2),
        1e-40,
        f32::MIN_POSITIVE,
        1.0E10,
        3.0E-44,
        0.1,
        1.1,
        3.333_333_3,
        16777217.0,
        1e38,
    ];
    let mut shown: Vec<String> = floats.iter().map(|&v| java_float_to_string(v)).collect();
    // Groovy evaluates `2*Float.MIN_VALUE` in double arithmetic
    shown[1] = java_double_to_string(2.0 * f32::from_bits(1) as f64);
    assert_eq!(list(shown), expected("dtoa floats"));
    let misc = [
        100.0,
        1e7,
        123456789.0,
        1e15,
        1e16,
        1.5e300,
        0.001,
        0.00123,
        1.0E-4,
        123.456,
        2.0 / 3.0,
        1e-5,
        9007199254740992.0,
        1.2e-7,
    ];
    let shown = misc.iter().map(|&v| java_double_to_string(v)).collect();
    assert_eq!(list(shown), expected("dtoa misc"));
}

#[test]
fn big_integers_are_not_floats() {
    // format_2.groovy: Groovy's `0G` is a BigInteger
    check(
        "G zero e",
        "%e|%e|%.2e",
        &[bi("0"), bd("0.00"), bd("0.000")],
    );
    check("G zero g", "%g|%g", &[bi("0"), bd("0.00")]);
    check("G zero f", "%f|%.0f|%f", &[bi("0"), bd("0.00"), bd("0E+3")]);
    check(
        "G g small",
        "%g|%g|%g",
        &[bd("0.0001"), bd("0.00001"), bi("123456789")],
    );
}

/// `tests/oracle/format_bulk.groovy`: 3000 doubles and floats from pseudo-random bit
/// patterns, checked against Java's `Double.toString`, `Float.toString`, `%.3e`, `%.2f`,
/// `%g` and `%a`.
#[test]
fn bulk_doubles_match_java() {
    let oracle = include_str!("../../../tests/oracle/format_bulk.out");
    let mut failures = Vec::new();
    for line in oracle.lines() {
        let fields: Vec<&str> = line.split('|').collect();
        let got = if let Some(hex) = fields[0].strip_prefix('F') {
            let v = f32::from_bits(u32::from_str_radix(hex, 16).expect("hex"));
            format!("{}|{}", fields[0], java_float_to_string(v))
        } else {
            let v = f64::from_bits(u64::from_str_radix(fields[0], 16).expect("hex"));
            let fixed = if v.abs() < 1e20 {
                java_format("%.2f", &[d(v)]).expect("formats")
            } else {
                "-".to_string()
            };
            format!(
                "{}|{}|{}|{}|{}|{}",
                fields[0],
                java_double_to_string(v),
                java_format("%.3e", &[d(v)]).expect("formats"),
                fixed,
                java_format("%g", &[d(v)]).expect("formats"),
                java_format("%a", &[d(v)]).expect("formats"),
            )
        };
        if got != line {
            failures.push(format!("want {line}\n got {got}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} mismatches:\n{}",
        failures.len(),
        failures[..failures.len().min(10)].join("\n")
    );
}

// Oracle for src/eval/num (the Groovy/Java numeric tower).
//
// Run with real Groovy 2.4.21 on Java 17 and store the output next to this script:
//     groovy tests/oracle/num_oracle.groovy > tests/oracle/num_oracle.out
// The integration test tests/num.rs recomputes every line with the Rust module.
//
// Line format: SECTION|op|arg|arg...|result; fields escaped: backslash doubled, \p for a bar,
// \n, \t, and backslash-u-XXXX for other characters outside printable ASCII.
// A number argument is TYPE:toString() with TYPE in I L G BD D F (Integer, Long,
// BigInteger, BigDecimal, Double, Float); a string argument is S:text.
// A result is v:SimpleClassName:String.valueOf(result), or !exception.class.name:message
// (just !groovy.lang.MissingMethodException for a missing method: Groovy's "possible
// solutions" list is not worth reproducing).

def esc(String s) {
    def sb = new StringBuilder()
    for (char c : s.toCharArray()) {
        if (c == '\\' as char) sb.append('\\\\')
        else if (c == '|' as char) sb.append('\\p')
        else if (c == '\n' as char) sb.append('\\n')
        else if (c == '\t' as char) sb.append('\\t')
        else if (c < 32 || c > 126) sb.append(String.format('\\u%04x', (int) c))
        else sb.append(c)
    }
    sb.toString()
}

def tag(v) {
    def t = [Integer: 'I', Long: 'L', BigInteger: 'G', BigDecimal: 'BD', Double: 'D', Float: 'F'][v.getClass().simpleName]
    t ? "$t:${esc(v.toString())}" : "S:${esc(v.toString())}"
}

def res(Closure c) {
    try {
        def r = c()
        r == null ? 'null' : "v:${r.getClass().simpleName}:${esc(String.valueOf(r))}"
    } catch (MissingMethodException e) {
        '!groovy.lang.MissingMethodException'
    } catch (Throwable e) {
        "!${e.getClass().name}:${e.message == null ? 'null' : esc(e.message)}"
    }
}

def mk(String spec) {
    def (t, s) = spec.split(':', 2) as List
    switch (t) {
        case 'I': return Integer.valueOf(s)
        case 'L': return Long.valueOf(s)
        case 'G': return new BigInteger(s)
        case 'BD': return new BigDecimal(s)
        case 'D': return Double.valueOf(s)
        case 'F': return Float.valueOf(s)
    }
    throw new IllegalArgumentException(spec)
}

def out(String section, String op, List args, String result) {
    println([section, op, *args.collect { tag(it) }, result].join('|'))
}

def binary(String section, Map ops, List values) {
    for (a in values) for (b in values) ops.each { name, f -> out(section, name, [a, b], res { f(a, b) }) }
}

// B: arithmetic and comparison over every pair of types.
def v1 = ['I:0', 'I:-7', 'I:3', 'I:2147483647', 'I:-2147483648',
          'L:0', 'L:7', 'L:-3', 'L:9223372036854775807',
          'G:0', 'G:-7', 'G:3', 'G:123456789012345678901234567890',
          'BD:0.0', 'BD:1.5', 'BD:-2.50', 'BD:3', 'BD:1E+3', 'BD:0.1',
          'D:0.0', 'D:-0.0', 'D:-1.5', 'D:3.0', 'D:NaN', 'D:Infinity',
          'F:1.5', 'F:-0.1', 'F:NaN'].collect { mk(it) }
binary('B', [
    add: { a, b -> a + b }, sub: { a, b -> a - b }, mul: { a, b -> a * b },
    div: { a, b -> a / b }, mod: { a, b -> a % b }, intdiv: { a, b -> a.intdiv(b) },
    cmp: { a, b -> a <=> b }, eq: { a, b -> a == b },
    lt: { a, b -> a < b }, le: { a, b -> a <= b }, gt: { a, b -> a > b }, ge: { a, b -> a >= b },
    equals: { a, b -> a.equals(b) },
], v1)

// W: bitwise operators and shifts.
def v2 = ['I:0', 'I:-7', 'I:3', 'I:33', 'L:-7', 'L:65', 'G:6', 'G:-5', 'BD:1.5', 'D:2.0', 'F:1.0'].collect { mk(it) }
binary('W', [
    and: { a, b -> a & b }, or: { a, b -> a | b }, xor: { a, b -> a ^ b },
    shl: { a, b -> a << b }, shr: { a, b -> a >> b }, ushr: { a, b -> a >>> b },
], v2)

// P: ** over bases × exponents.
def bases = ['I:0', 'I:2', 'I:-3', 'I:10', 'I:46341', 'I:2147483647', 'I:1', 'I:-1',
             'L:2', 'L:-3', 'L:3037000500', 'G:2', 'G:-3',
             'BD:2.5', 'BD:0.0', 'BD:-1.50', 'D:2.0', 'D:-8.0', 'D:0.5', 'F:1.5'].collect { mk(it) }
def exps = ['I:0', 'I:1', 'I:2', 'I:3', 'I:31', 'I:-1', 'I:-2', 'L:2', 'L:-1', 'L:40', 'L:63',
            'G:2', 'G:-2', 'BD:0.5', 'BD:2.0', 'BD:-1.5', 'D:0.5', 'D:2.0', 'F:2.0'].collect { mk(it) }
for (a in bases) for (b in exps) out('P', 'pow', [a, b], res { a ** b })

// D: division in depth (Groovy's BigDecimal division, and BigDecimal/BigInteger methods).
def nums = ['I:1', 'I:2', 'I:10', 'I:-22', 'I:100', 'I:123456789', 'I:0', 'L:12345678901',
            'G:12345678901234567890', 'BD:1.0', 'BD:0.1', 'BD:1E+5', 'BD:1.00', 'BD:2.50',
            'BD:-7.5', 'BD:0.001', 'BD:1E-20', 'BD:3.14159', 'BD:0.00'].collect { mk(it) }
def dens = ['I:3', 'I:7', 'I:4', 'I:-6', 'I:1024', 'I:-3', 'I:0', 'BD:0.3', 'BD:3.0', 'BD:0.25',
            'BD:1E+2', 'BD:1.5', 'BD:7.00', 'G:9', 'L:81', 'D:0.5', 'F:0.5'].collect { mk(it) }
for (a in nums) for (b in dens) {
    out('D', 'div', [a, b], res { a / b })
    out('D', 'remainder', [a, b], res { a.remainder(b) })
    out('D', 'divideToIntegralValue', [a, b], res { a.divideToIntegralValue(b) })
    out('D', 'divide', [a, b], res { a.divide(b) })
    out('D', 'divide3HU', [a, b], res { a.divide(b, 3, BigDecimal.ROUND_HALF_UP) })
    out('D', 'divideHE', [a, b], res { a.divide(b, BigDecimal.ROUND_HALF_EVEN) })
    out('D', 'max', [a, b], res { a.max(b) })
}

// U: unary operators, conversions and number methods.
def v3 = ['I:0', 'I:1', 'I:-1', 'I:42', 'I:-7', 'I:2147483647', 'I:-2147483648', 'I:255',
          'L:0', 'L:42', 'L:-42', 'L:9223372036854775807', 'L:-9223372036854775808', 'L:3000000000',
          'G:0', 'G:-5', 'G:123456789012345678901234567890', 'G:18446744073709551616',
          'G:-9223372036854775809', 'G:1' + '0' * 400,
          'BD:0', 'BD:0.0', 'BD:0E-8', 'BD:0E+3', 'BD:1.5', 'BD:-2.5', 'BD:2.50', 'BD:3.14159',
          'BD:1E+3', 'BD:1.0E-7', 'BD:1E-7', 'BD:0.000001', 'BD:123.456', 'BD:-0.5', 'BD:2.675',
          'BD:1E+20', 'BD:12345678901234567890.123', 'BD:100.00', 'BD:9.99', 'BD:-9.99',
          'BD:2.5E-10', 'BD:1E+400',
          'D:0.0', 'D:-0.0', 'D:1.5', 'D:-2.5', 'D:2.5', 'D:3.14159', 'D:1.0E10', 'D:1.0E-5',
          'D:NaN', 'D:Infinity', 'D:-Infinity', 'D:1.0E20', 'D:2.675', 'D:0.49999999999999994',
          'D:123.456', 'D:-0.5', 'D:9.99', 'D:4.9E-324', 'D:1.7976931348623157E308', 'D:1.0E7',
          'F:0.0', 'F:1.5', 'F:-2.5', 'F:2.5', 'F:1.1', 'F:3.4028235E38', 'F:NaN', 'F:1.0E10',
          'F:-0.5', 'F:2.675', 'F:Infinity'].collect { mk(it) }
def unary = [
    neg: { -it }, plus: { +it }, abs: { it.abs() }, bitNot: { ~it }, str: { it.toString() },
    intValue: { it.intValue() }, longValue: { it.longValue() }, floatValue: { it.floatValue() },
    doubleValue: { it.doubleValue() }, toInteger: { it.toInteger() }, toLong: { it.toLong() },
    toDouble: { it.toDouble() }, toFloat: { it.toFloat() }, toBigInteger: { it.toBigInteger() },
    toBigDecimal: { it.toBigDecimal() },
    asInteger: { it as Integer }, asint: { it as int }, asLong: { it as Long }, aslong: { it as long },
    asDouble: { it as Double }, asdouble: { it as double }, asFloat: { it as Float },
    asfloat: { it as float }, asBigInteger: { it as BigInteger }, asBigDecimal: { it as BigDecimal },
    asString: { it as String }, asNumber: { it as Number },
    hashCode: { it.hashCode() }, truth: { it ? true : false },
    round: { it.round() }, round2: { it.round(2) }, roundM1: { it.round(-1) },
    trunc: { it.trunc() }, trunc1: { it.trunc(1) }, signum: { it.signum() },
    next: { it.next() }, previous: { it.previous() },
    toPlainString: { it.toPlainString() }, toEngineeringString: { it.toEngineeringString() },
    precision: { it.precision() }, scale: { it.scale() }, unscaledValue: { it.unscaledValue() },
    stripTrailingZeros: { it.stripTrailingZeros() }, negate: { it.negate() },
    setScale1: { it.setScale(1) }, setScale2HU: { it.setScale(2, BigDecimal.ROUND_HALF_UP) },
    setScale0UP: { it.setScale(0, BigDecimal.ROUND_UP) }, setScale0DOWN: { it.setScale(0, BigDecimal.ROUND_DOWN) },
    setScale0CEILING: { it.setScale(0, BigDecimal.ROUND_CEILING) }, setScale0FLOOR: { it.setScale(0, BigDecimal.ROUND_FLOOR) },
    setScale0HU: { it.setScale(0, BigDecimal.ROUND_HALF_UP) }, setScale0HD: { it.setScale(0, BigDecimal.ROUND_HALF_DOWN) },
    setScale0HE: { it.setScale(0, BigDecimal.ROUND_HALF_EVEN) }, setScaleM1HU: { it.setScale(-1, 4) },
    setScale0Bad: { it.setScale(0, 9) },
    isNaN: { it.isNaN() }, isInfinite: { it.isInfinite() }, bitLength: { it.bitLength() },
    pow2: { it.pow(2) }, powM1: { it.pow(-1) },
]
for (a in v3) unary.each { name, f -> out('U', name, [a], res { f(a) }) }

// S: strings to numbers.
def strings = ['', ' ', '5', ' 5', '5 ', '+5', '-5', '-', '+', 'abc', '1.5', '1e3', '1E+3', '1.5e-3',
               '0x10', '010', '00', '-0', '2147483647', '2147483648', '-2147483648', '-2147483649',
               '9223372036854775807', '9223372036854775808', 'ff', 'FF', '-ff', '7fffffff', '80000000',
               '1_000', 'NaN', '-NaN', 'Infinity', '-Infinity', '+Infinity', 'infinity', 'NaNd',
               '1.5d', '1.5f', '1.5D', '1.5F', '1.5L', '1.', '.5', '.', '..5', '1e', '1e+', '1ex',
               '1.2.3', '1e99999999999', '1e2147483648', '1e-2147483648', '1e-2147483649',
               '0.1e-2147483647', '1e2147483647', '10e2147483647', '12345678901234567890x',
               '12345678901234x', '1234567890123456789012345', ' 1.5 ', '\t7\n', '0.000001', '1E-7',
               '-0.0', '0x1.8p1', '0x1p-1074', '0X1P3', '0x1.8', '0x.8p1', '-0x1p1d', '1e400', '-1e400',
               '1e-400', '4.9e-324', '2.4703282292062328e-324', '3.4028236e38', '1.4e-45', '0.7e-45',
               '\uff11\uff12\uff13', '1 000', '1,5', 'e5', '-.5', '+.5e-0', '0e99999',
               '5e0000000000000000001', '0.00000000000000000000000000000000000000000000000000001',
               '00000000000000000000000000000000000001', '1e-0', '+-5', '--5', '5-', '1e+-5',
               '123456789012345678', '1234567890123456789', '12345678901234567.8', '99999999999999999999e-1',
               '-12345678901234567890123456789012345678901234567890'].collect { it.toString() }
def strOps = [
    toInteger: { it.toInteger() }, parseInt: { Integer.parseInt(it) }, parseInt16: { Integer.parseInt(it, 16) },
    parseLong: { Long.parseLong(it) }, parseLong36: { Long.parseLong(it, 36) }, toLong: { it.toLong() },
    toBigInteger: { it.toBigInteger() }, newBigInteger: { new BigInteger(it) },
    newBigInteger16: { new BigInteger(it, 16) },
    toBigDecimal: { it.toBigDecimal() }, newBigDecimal: { new BigDecimal(it) },
    toDouble: { it.toDouble() }, parseDouble: { Double.parseDouble(it) },
    toFloat: { it.toFloat() }, parseFloat: { Float.parseFloat(it) },
    isInteger: { it.isInteger() }, isLong: { it.isLong() }, isBigInteger: { it.isBigInteger() },
    isBigDecimal: { it.isBigDecimal() }, isNumber: { it.isNumber() }, isDouble: { it.isDouble() },
    isFloat: { it.isFloat() },
    asInteger: { it as Integer }, asint: { it as int }, asLong: { it as Long }, asDouble: { it as Double },
    asFloat: { it as Float }, asBigInteger: { it as BigInteger }, asBigDecimal: { it as BigDecimal },
]
for (s in strings) strOps.each { name, f -> out('S', name, [s], res { f(s) }) }

// M: java.lang.Math with Groovy's overload choice.
def vm = ['I:5', 'I:-2147483648', 'L:-5', 'L:-9223372036854775808', 'G:5', 'BD:-2.5', 'BD:2.5',
          'F:2.5', 'F:-2.5', 'D:-2.5', 'D:2.5', 'D:NaN', 'D:-0.0', 'D:0.0', 'D:0.49999999999999994',
          'D:1.0E20', 'D:-Infinity'].collect { mk(it) }
def mathUnary = [
    abs: { Math.abs(it) }, round: { Math.round(it) }, signum: { Math.signum(it) },
    ulp: { Math.ulp(it) }, sqrt: { Math.sqrt(it) }, cbrt: { Math.cbrt(it) },
    floor: { Math.floor(it) }, ceil: { Math.ceil(it) }, rint: { Math.rint(it) },
    exp: { Math.exp(it) }, log: { Math.log(it) }, log10: { Math.log10(it) },
    sin: { Math.sin(it) }, toDegrees: { Math.toDegrees(it) },
]
for (a in vm) mathUnary.each { name, f -> out('M', name, [a], res { f(a) }) }
def vm2 = ['I:5', 'I:-3', 'L:-5', 'L:7', 'G:5', 'BD:-2.5', 'F:2.5', 'D:-2.5', 'D:NaN', 'D:-0.0', 'D:0.0'].collect { mk(it) }
binary('M', [
    max: { a, b -> Math.max(a, b) }, min: { a, b -> Math.min(a, b) }, pow: { a, b -> Math.pow(a, b) },
    floorMod: { a, b -> Math.floorMod(a, b) }, floorDiv: { a, b -> Math.floorDiv(a, b) },
    atan2: { a, b -> Math.atan2(a, b) }, hypot: { a, b -> Math.hypot(a, b) },
], vm2)

// X: radix strings, static fields, odd instance calls.
def radixVals = ['I:255', 'I:-255', 'I:0', 'I:2147483647', 'I:-2147483648', 'L:-1', 'L:255',
                 'L:-9223372036854775808', 'G:123456789012345678901234567890', 'G:-255'].collect { mk(it) }
for (n in radixVals) {
    for (r in [2, 8, 10, 16, 36, 37, 1]) {
        out('X', 'toStringRadix', [n, r], res {
            n instanceof Integer ? Integer.toString(n, r) : n instanceof Long ? Long.toString(n, r) : n.toString(r)
        })
    }
    out('X', 'toStringArg', [n, 16], res { n.toString(16) })
    if (!(n instanceof BigInteger)) {
        out('X', 'toHexString', [n], res { n instanceof Integer ? Integer.toHexString(n) : Long.toHexString(n) })
        out('X', 'toOctalString', [n], res { n instanceof Integer ? Integer.toOctalString(n) : Long.toOctalString(n) })
        out('X', 'toBinaryString', [n], res { n instanceof Integer ? Integer.toBinaryString(n) : Long.toBinaryString(n) })
    }
}
def fields = [
    'Integer.MAX_VALUE': Integer.MAX_VALUE, 'Integer.MIN_VALUE': Integer.MIN_VALUE, 'Integer.SIZE': Integer.SIZE,
    'Long.MAX_VALUE': Long.MAX_VALUE, 'Long.MIN_VALUE': Long.MIN_VALUE, 'Long.SIZE': Long.SIZE,
    'Double.MAX_VALUE': Double.MAX_VALUE, 'Double.MIN_VALUE': Double.MIN_VALUE,
    'Double.MIN_NORMAL': Double.MIN_NORMAL, 'Double.NaN': Double.NaN,
    'Double.POSITIVE_INFINITY': Double.POSITIVE_INFINITY, 'Double.NEGATIVE_INFINITY': Double.NEGATIVE_INFINITY,
    'Float.MAX_VALUE': Float.MAX_VALUE, 'Float.MIN_VALUE': Float.MIN_VALUE, 'Float.MIN_NORMAL': Float.MIN_NORMAL,
    'Float.NaN': Float.NaN, 'Float.POSITIVE_INFINITY': Float.POSITIVE_INFINITY,
    'Float.NEGATIVE_INFINITY': Float.NEGATIVE_INFINITY, 'Math.PI': Math.PI, 'Math.E': Math.E,
    'BigDecimal.ZERO': BigDecimal.ZERO, 'BigDecimal.ONE': BigDecimal.ONE, 'BigDecimal.TEN': BigDecimal.TEN,
    'BigDecimal.ROUND_UP': BigDecimal.ROUND_UP, 'BigDecimal.ROUND_DOWN': BigDecimal.ROUND_DOWN,
    'BigDecimal.ROUND_CEILING': BigDecimal.ROUND_CEILING, 'BigDecimal.ROUND_FLOOR': BigDecimal.ROUND_FLOOR,
    'BigDecimal.ROUND_HALF_UP': BigDecimal.ROUND_HALF_UP, 'BigDecimal.ROUND_HALF_DOWN': BigDecimal.ROUND_HALF_DOWN,
    'BigDecimal.ROUND_HALF_EVEN': BigDecimal.ROUND_HALF_EVEN, 'BigDecimal.ROUND_UNNECESSARY': BigDecimal.ROUND_UNNECESSARY,
    'BigInteger.ZERO': BigInteger.ZERO, 'BigInteger.ONE': BigInteger.ONE, 'BigInteger.TWO': BigInteger.TWO,
    'BigInteger.TEN': BigInteger.TEN,
]
fields.each { name, v -> out('X', 'field', [name], res { v }) }

// C: constructors and static methods of the number classes.
def cvals = ['I:5', 'I:-255', 'L:-1', 'L:4294967296', 'G:123', 'BD:2.50', 'D:0.1', 'D:-2.5', 'D:1.0E20',
             'D:NaN', 'F:1.1', 'F:0.1'].collect { mk(it) }
def statics = [
    newBigDecimal: { new BigDecimal(it) }, 'BigDecimal.valueOf': { BigDecimal.valueOf(it) },
    'BigDecimal.valueOf2': { BigDecimal.valueOf(it, 2) }, 'BigInteger.valueOf': { BigInteger.valueOf(it) },
    newInteger: { new Integer(it) }, newLong: { new Long(it) }, newDouble: { new Double(it) },
    newFloat: { new Float(it) },
    'Integer.valueOf': { Integer.valueOf(it) }, 'Long.valueOf': { Long.valueOf(it) },
    'Double.valueOf': { Double.valueOf(it) }, 'Float.valueOf': { Float.valueOf(it) },
    'Integer.toString': { Integer.toString(it) }, 'Integer.toString16': { Integer.toString(it, 16) },
    'Long.toString': { Long.toString(it) }, 'Long.toString16': { Long.toString(it, 16) },
    'Integer.toHexString': { Integer.toHexString(it) }, 'Long.toBinaryString': { Long.toBinaryString(it) },
    'Integer.signum': { Integer.signum(it) }, 'Long.signum': { Long.signum(it) },
    'Double.toString': { Double.toString(it) }, 'Float.toString': { Float.toString(it) },
    'Double.isNaN': { Double.isNaN(it) }, 'Double.isInfinite': { Double.isInfinite(it) },
    'Integer.max': { Integer.max(it, 3) }, 'Integer.sum': { Integer.sum(it, 2147483647) },
    'Integer.compare': { Integer.compare(it, 3) }, 'Long.max': { Long.max(it, 3L) },
    'Long.compare': { Long.compare(it, 3L) }, 'Double.compare': { Double.compare(it, 0.1d) },
]
for (n in cvals) statics.each { name, f -> out('C', name, [n], res { f(n) }) }
def cstrings = ['5', ' 5', 'ff', '-0x10', '1.5', '1e3', 'NaN', 'x', ''].collect { it.toString() }
def stringStatics = [
    newBigDecimal: { new BigDecimal(it) }, newBigInteger: { new BigInteger(it) },
    newBigInteger16: { new BigInteger(it, 16) }, newInteger: { new Integer(it) }, newLong: { new Long(it) },
    newDouble: { new Double(it) }, newFloat: { new Float(it) },
    'Integer.valueOf': { Integer.valueOf(it) }, 'Integer.parseInt2': { Integer.parseInt(it, 2) },
    'Integer.valueOf16': { Integer.valueOf(it, 16) }, 'Long.valueOf': { Long.valueOf(it) },
    'Double.valueOf': { Double.valueOf(it) }, 'Float.valueOf': { Float.valueOf(it) },
]
for (s in cstrings) stringStatics.each { name, f -> out('C', name, [s], res { f(s) }) }

// T: Double.toString / Float.toString of pseudo-random values (the full check against
// millions of values is DtoaSamples.java; these keep a sample in the test suite).
def rnd = new Random(2024)
300.times {
    def d = Double.longBitsToDouble(rnd.nextLong())
    if (!d.isNaN()) out('T', 'double', [Long.toHexString(Double.doubleToRawLongBits(d))], res { d.toString() })
    def e = rnd.nextInt(2000000) / Math.pow(10, rnd.nextInt(12)) * (rnd.nextBoolean() ? 1 : -1)
    out('T', 'double', [Long.toHexString(Double.doubleToRawLongBits(e))], res { e.toString() })
    def f = Float.intBitsToFloat(rnd.nextInt())
    if (!f.isNaN()) out('T', 'float', [Integer.toHexString(Float.floatToRawIntBits(f))], res { f.toString() })
}
// The digits java.util.Formatter rounds for %e/%f (FloatingDecimal in its non-"compatible"
// mode): %.25e shows them all, unrounded.
100.times {
    def d = it % 2 ? Double.longBitsToDouble(rnd.nextLong()) : rnd.nextInt(2000000) / Math.pow(10, rnd.nextInt(12))
    if (!d.isNaN() && !d.isInfinite()) out('T', 'formatDigits', [Long.toHexString(Double.doubleToRawLongBits(d))], res { String.format('%.25e', d) })
}

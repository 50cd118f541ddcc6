// Oracle for src/eval/format bulk test: `groovy format_bulk.groovy > format_bulk.out`.
// Each line: hex bits of a double, Double.toString, %.3e, %.2f (if |v| < 1e20), %g, %a;
// then hex bits of a float and Float.toString. The bit patterns come from a 64-bit LCG.
long seed = 0x2545F4914F6CDD1DL
def next = { seed = seed * 6364136223846793005L + 1442695040888963407L; seed }
def out = new StringBuilder()
3000.times { n ->
    long bits = next()
    // mix in "nice" values: small integers, decimals with few digits, powers of ten
    double d
    switch (n % 4) {
        case 0: d = Double.longBitsToDouble(bits); break
        case 1: d = (double) ((bits >>> 40) % 100000) / [1, 10, 100, 1000, 1e4, 1e6][(int) ((bits >>> 8) & 0x7fffffff) % 6]; break
        case 2: d = Math.scalb((double) ((bits >>> 11) | 1L), (int) ((bits & 0xff) - 128) - 52); break
        default: d = Math.pow(10, (int) ((bits >>> 33) % 600) - 300) * ((bits & 1) == 0 ? 1 : 3); break
    }
    if (Double.isNaN(d) || Double.isInfinite(d)) d = 1.5
    def f = (Math.abs(d) < 1e20) ? String.format('%.2f', d) : '-'
    out << Long.toHexString(Double.doubleToRawLongBits(d)) << '|' << Double.toString(d) << '|' << String.format('%.3e', d) << '|' << f << '|' << String.format('%g', d) << '|' << String.format('%a', d) << '\n'
    float fl = Float.intBitsToFloat((int) (bits >>> 32))
    if (Float.isNaN(fl) || Float.isInfinite(fl)) fl = 2.5f
    out << 'F' << Integer.toHexString(Float.floatToRawIntBits(fl)) << '|' << Float.toString(fl) << '\n'
}
print out

// Prints Java's Double.toString / Float.toString for many values, one per line:
// `D <raw bits hex> <text>` or `F <raw bits hex> <text>`, for the ignored unit test
// `eval::num::dtoa::tests::dtoa_samples_from_java`:
//   javac DtoaSamples.java && java DtoaSamples 1000000 42 > /tmp/samples.txt
//   DTOA_SAMPLES=/tmp/samples.txt cargo test --lib dtoa_samples -- --ignored
// Must run on Java 17 (JDK 19+ print the shortest digits instead).
import java.util.Random;

public class DtoaSamples {
    static final StringBuilder out = new StringBuilder();

    static void d(double x) {
        if (Double.isNaN(x)) return;
        out.append("D ").append(Long.toHexString(Double.doubleToRawLongBits(x))).append(' ')
           .append(Double.toString(x)).append('\n');
        flush();
    }

    static void f(float x) {
        if (Float.isNaN(x)) return;
        out.append("F ").append(Integer.toHexString(Float.floatToRawIntBits(x))).append(' ')
           .append(Float.toString(x)).append('\n');
        flush();
    }

    static void flush() {
        if (out.length() > 1 << 20) { System.out.print(out); out.setLength(0); }
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        Random r = new Random(Long.parseLong(args[1]));
        // Random doubles from several distributions (all bit patterns, short decimals,
        // products and sums of short decimals, wide magnitudes, quotients).
        for (int i = 0; i < n; i++) {
            double x;
            switch (i % 6) {
                case 0: x = Double.longBitsToDouble(r.nextLong()); break;
                case 1: x = r.nextInt(2000000) / Math.pow(10, r.nextInt(12)); break;
                case 2: x = (r.nextInt(100000) / 100.0) * (r.nextInt(1000) / 10.0); break;
                case 3: x = r.nextDouble() * Math.pow(10, r.nextInt(40) - 20); break;
                case 4: x = (r.nextInt(1000) / 10.0) + (r.nextInt(1000) / 100.0); break;
                default: x = (double) r.nextLong() / (1 + r.nextInt(1000)); break;
            }
            d(x);
            float y;
            switch (i % 4) {
                case 0: y = Float.intBitsToFloat(r.nextInt()); break;
                case 1: y = (float) (r.nextInt(200000) / Math.pow(10, r.nextInt(8))); break;
                case 2: y = (float) x; break;
                default: y = r.nextFloat() * (float) Math.pow(10, r.nextInt(20) - 10); break;
            }
            f(y);
        }
        // Systematic edges: powers of two and their neighbours (subnormals included),
        // small integers and decimals, the 2^53 boundary, m×10^k for every exponent.
        for (int e = -1074; e <= 1023; e++) {
            double p = Math.scalb(1.0, e);
            d(p); d(Math.nextUp(p)); d(Math.nextDown(p)); d(-p); d(p * 3); d(p * 5); d(p * 7);
        }
        for (int e = -149; e <= 127; e++) {
            float p = Math.scalb(1.0f, e);
            f(p); f(Math.nextUp(p)); f(Math.nextDown(p)); f(p * 3); f(p * 5);
        }
        for (long i = 1; i <= 200000; i++) {
            d(i); f(i); d(i / 10.0); d(i / 100.0); d(i / 1000.0); f(i / 10.0f); f(i / 100.0f);
            d(i * 1e-7); d(i * 1e7); f(i * 1e-7f); d(i * 1.1);
        }
        for (long i = (1L << 53) - 1000; i <= (1L << 53) + 1000; i++) d(i);
        for (int k = -330; k <= 310; k++) for (int m = 1; m < 100; m++) d(Double.parseDouble(m + "e" + k));
        for (int k = -50; k <= 40; k++) for (int m = 1; m < 100; m++) f(Float.parseFloat(m + "e" + k));
        System.out.print(out);
    }
}

// Oracle for src/eval/format tests: run `groovy format_3.groovy > format_3.out` (Groovy 2.4.21, OpenJDK 17, locale en).
def show = { String label, Closure c -> try { def r = c(); println label + ' => <' + r + '>' } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
def f = { String fmt, Object... args -> String.format(fmt, args) }
def bd = { String s -> new BigDecimal(s) }
show('bd zero e') { f('%e|%e|%.2e|%e', bd('0'), bd('0.00'), bd('0.000'), bd('0E+3')) }
show('bd zero g') { f('%g|%g|%g', bd('0'), bd('0.00'), bd('0E+2')) }
show('bd zero f') { f('%f|%.0f|%f|%#.0f', bd('0'), bd('0.00'), bd('0E+3'), bd('0')) }
show('bd g') { f('%g|%g|%g|%g|%.3g|%g', bd('0.0001'), bd('0.00001'), bd('123456789'), bd('123456.5'), bd('99.95'), bd('1E+10')) }
show('bd e') { f('%e|%.2e|%e|%.0e|%e|%e', bd('1'), bd('123.456'), bd('1.5E-10'), bd('25'), bd('9.9999995'), bd('-0.001')) }
show('bd f') { f('%f|%.2f|%.1f|%.3f|%f|%.0f|%.0f|%,.2f', bd('1.5'), bd('0.005'), bd('0.05'), bd('9.9995'), bd('1E+5'), bd('0.5'), bd('2.5'), bd('1234567.891')) }
show('bd f2') { f('%.2f|%.2f|%.1f', bd('0.0049'), bd('123.455'), bd('-0.04')) }
show('bd width') { f('%10.2f|%-10.2f|%010.2f|%+.1f|% .1f', bd('3.14159'), bd('3.14159'), bd('-3.14159'), bd('2'), bd('2')) }
show('bd e width') { f('%012.2e|%(12.2e', bd('-1234.5'), bd('-1234.5')) }
show('groovy lit') { f('%s|%s|%.3f', 1.0, 1.50, 2.0) }
show('bd s') { [bd('0E-10'), bd('0E+3'), bd('-0.00'), bd('1.23E+10'), bd('12345678901234567890.5'), bd('1E-6'), bd('1.0E-6')].collect { it.toString() } }
show('bigint') { f('%d|%,d|%+d|%(d|%010d', 123G.toBigInteger(), -1234567G.toBigInteger(), 5G.toBigInteger(), -5G.toBigInteger(), -5G.toBigInteger()) }
show('bigint literal') { f('%d|%s', 123G, 123G) }
show('bigint hash') { f('%h|%h|%h', -1G, 0G, 4294967296G) }
// Java 17 FloatingDecimal quirks (dtoa port)
show('dtoa doubles') { [Double.MIN_VALUE, 2*Double.MIN_VALUE, 3*Double.MIN_VALUE, 1e-310d, 2.5e-320d, 1.23456e-315d, Double.MIN_NORMAL, 2.2250738585072E-308d, 1e23d, 2e23d, 9.007199254740993E15d, 4.611686018427388E18d, 1.0E22d, 5e-324d * 7, 1.7976931348623157E308d/3].collect { it.toString() } }
show('dtoa %e') { [Double.MIN_VALUE, 1e23d, 2e23d, 4.611686018427388E18d, 0.5d, 0.1d].collect { String.format('%.3e|%.1e|%s', it, it, it) } }
show('dtoa floats') { [Float.MIN_VALUE, 2*Float.MIN_VALUE, 1e-40f, Float.MIN_NORMAL, 1.0E10f, 3.0E-44f, 0.1f, 1.1f, 3.3333333f, 16777217f, 1e38f].collect { it.toString() } }
show('dtoa misc') { [100d, 1e7d, 123456789d, 1e15d, 1e16d, 1.5e300d, 0.001d, 0.00123d, 1.0E-4d, 123.456d, 2d/3, 1e-5d, 9007199254740992d, 1.2e-7d].collect { it.toString() } }

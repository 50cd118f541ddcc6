// Oracle for src/eval/format tests: run `groovy format_2.groovy > format_2.out` (Groovy 2.4.21, OpenJDK 17, locale en).
def show = { String label, Closure c -> try { def r = c(); println label + ' => <' + r + '>' } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
def f = { String fmt, Object... args -> String.format(fmt, args) }
def negz = Double.parseDouble('-0.0')
show('-0.0 real') { f('%f|%e|%.0f|%g|%s|%a', negz, negz, negz, negz, negz, negz) }
show('idx overflow') { f('%99999999999$s', 'a') }
show('width overflow') { f('%99999999999s', 'a') }
show('prec overflow') { f('%.99999999999s', 'a') }
show('%D') { f('%D', 1) }
show('%.s') { f('%.s', 1) }
show('%-') { f('%-', 1) }
show('%tY') { f('%tY', 0L) }
show('%tQ') { f('%tQ', 1000L) }
show('gstring d') { def x = 1; f('%d', "${x}") }
show('gstring s') { def x = 1; f('%s|%5s', "${x}", "a${x}") }
show('G zero e') { f('%e|%e|%.2e', 0G, 0.00G, 0.000G) }
show('G zero g') { f('%g|%g', 0G, 0.00G) }
show('G zero f') { f('%f|%.0f|%f', 0G, 0.00G, 0E+3G) }
show('G g small') { f('%g|%g|%g', 0.0001G, 0.00001G, 123456789G) }
show('bd neg') { f('%.1f|%e|%(.2f', -2.25G, -1234.5G, -0.005G) }
show('bd big scale neg') { f('%f|%e|%s', 1E+3G, 1E+3G, 1E+3G) }
show('bd toString') { [1E+3G, 0.0000001G, 0.000001G, 123.4500G, -1.5E-10G, 1E-7G * 10].collect { it.toString() } }
show('bd prec e') { f('%.0e|%#.0e|%.1e', 1.5G, 1.5G, 9.99G) }
show('%a more') { f('%a|%a|%a|%A|%.1a|%.3a|%a', -1.5d, 0d, 4.9E-324d, 255.5d, 1.96875d, Double.MAX_VALUE, Double.MIN_NORMAL) }
show('%a sub prec') { f('%.2a|%20a|%-20a|%020a', 4.9E-324d, 1d, 1d, -1d) }
show('%a float') { f('%a|%a', 1.0f, Float.MIN_VALUE) }
show('%.30f') { f('%.30f', 1/3d) }
show('%.0f half') { f('%.0f|%.0f|%.0f', 0.5d, 1.5d, 0.49999999999999994d) }
show('%e tiny') { f('%e|%e', Double.MIN_VALUE, Double.MAX_VALUE) }
show('%g ranges') { f('%g|%g|%g|%g|%g', 0.0001d, 0.00009999d, 999999.5d, 9999995d, 1e6d) }
show('%.0g') { f('%.0g|%.1g|%.2g', 1234d, 1234d, 0.0001234d) }
show('%s double') { [1.0d, 100.0d, 1e-3d, 1e-4d, 9999999d, 1e7d, 1.2345678901234567e-5d, 123456789.123d, Double.MAX_VALUE, Double.MIN_VALUE, 0.1d+0.2d, 1/3d, 2e-3d].collect { it.toString() } }
show('Float.toString list') { [1.0f, 0.1f, 1e7f, 1e-4f, 3.4028235e38f, 1.4e-45f, 16777216f, 0.3f].collect { it.toString() } }
show('%h types') { f('%h|%h|%h|%h|%h|%h|%h|%h', 1L << 40, -1L, true, false, 'a' as char, 1.5d, 1.5f, 12345678901234567890G.toBigInteger()) }
show('%h bd') { f('%h|%h|%h', 1.5G, -1.50G, 123456789012345678901234.5G) }
show('%h list') { f('%h', [1,2]) }
show('%c byte') { f('%c|%c', (byte)65, (short)66) }
show('%c long') { f('%c', 65L) }
show('%c surrogate') { f('%c', 0xD800) }
show('%x short') { f('%x|%o', (short)-2, (byte)-2) }
show('%X bigint neg') { f('%X|%#x|%(x|%+x|% x|%08x|%#010x|%-8x|', -255G.toBigInteger(), -255G.toBigInteger(), -255G.toBigInteger(), 255G.toBigInteger(), 255G.toBigInteger(), -255G.toBigInteger(), 255G.toBigInteger(), 255G.toBigInteger()) }
show('%o bigint') { f('%o|%#o|%(o', 8G.toBigInteger(), -8G.toBigInteger(), -8G.toBigInteger()) }
show('%,d small') { f('%,d|%,d|%,d|%,08d|%,(d', 999, 1000, -1000, -1234, -1234) }
show('%0,10.2f') { f('%0,12.2f|%,012.2f|%-,12.2f|', -1234567.891d, 1234567.891d, 1234.5d) }
show('%s upper') { f('%S|%S|%S|%C|%B|%H', null, 1.5d, [a:1], 'ß' as char, null, 'a') }
show('%5c') { f('%5c|%-5c|', 'x' as char, 'y' as char) }
show('%b width') { f('%6b|%-6B|', true, false) }
show('%s prec surrogate') { f('%.1s|%.2s|', '😀x', '😀x') }
show('%s width surrogate') { f('%4s|', '😀') }
show('many args') { f('%s', 'a', 'b', 'c') }
show('no args') { f('plain') }
show('%n flags') { f('%-n') }
show('%% flags') { f('%-%') }
show('%% flags2') { f('%+%') }
show('%<s after idx') { f('%2$s %<s', 'a', 'b') }
show('%<s after %%') { f('%s %% %<s', 'a') }
show('%<s after %n') { f('%s %n%<s', 'a') }
show('%1$s ordinary') { f('%1$s %s %s', 'a', 'b') }
show('%s then bad') { f('%s %q', 'a') }
show('%d then missing') { f('%d %d', 1) }
show('%e BigInteger') { f('%e', 5G.toBigInteger()) }
show('%d BigDecimal') { f('%d', 5.5G) }
show('%a BigDecimal') { f('%a', 5.5G) }
show('%.2f Integer') { f('%.2f', 5) }
show('%x char') { f('%x', 'a' as char) }
show('%s object') { f('%s', new Object()).startsWith('java.lang.Object@') }
show('%x Object') { f('%x', [1]) }
show('%d null width') { f('%5d|%-5d|%05d', null, null, null) }
show('%e null flags') { f('%+e', null) }
show('%x null +') { f('%+x', null) }
show('%c null prec') { f('%.2c', null) }
show('%(f null') { f('%(f', null) }

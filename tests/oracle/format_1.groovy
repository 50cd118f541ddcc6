// Oracle for src/eval/format tests: run `groovy format_1.groovy > format_1.out` (Groovy 2.4.21, OpenJDK 17, locale en).
def show = { String label, Closure c -> try { def r = c(); println label + ' => <' + r + '>' } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
def f = { String fmt, Object... args -> String.format(fmt, args) }
show('locale') { Locale.getDefault().toString() }
show('grp f') { f('%,.2f', 1234567.891d) }
show('0.125') { f('%.2f', 0.125d) }
show('1.005') { f('%.2f', 1.005d) }
show('2.675') { f('%.2f', 2.675d) }
show('0.5 %.0f') { f('%.0f', 0.5d) }
show('1.5 %.0f') { f('%.0f', 1.5d) }
show('2.5 %.0f') { f('%.0f', 2.5d) }
show('float 0.1f') { f('%.10f', 0.1f) }
show('float 1.1f %f') { f('%f', 1.1f) }
show('double %f') { f('%f', 1.1d) }
show('big %f') { f('%f', 1e20d) }
show('huge %f') { f('%.3f', 1.2345678901234567e25d) }
show('tiny %f') { f('%f', 1e-10d) }
show('%e') { f('%e', 1234.56d) }
show('%e 0') { f('%e', 0d) }
show('%E') { f('%E', 0.000123456d) }
show('%.0e') { f('%.0e', 15d) }
show('%.3e') { f('%.3e', 9.9995d) }
show('%e big') { f('%e', 1e300d) }
show('%g') { f('%g', 1234.56d) }
show('%g small') { f('%g', 0.0001234d) }
show('%g tiny') { f('%g', 0.00001234d) }
show('%g big') { f('%g', 1234567d) }
show('%g 0') { f('%g', 0d) }
show('%.3g') { f('%.3g', 99.95d) }
show('%G') { f('%G', 1e-10d) }
show('%a') { f('%a', 1.0d) }
show('%a 2') { f('%a', 0.1d) }
show('%.2a') { f('%.2a', 1.99d) }
show('nan') { f('%f|%e|%g|%08.2f|%+f', Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN) }
show('inf') { f('%f|%e|%+f|%08.2f|%(f', Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY) }
show('-0.0') { f('%f|%e|%.0f', -0.0d, -0.0d, -0.0d) }
show('neg round') { f('%.1f', -0.05d) }
show('bigdec') { f('%.2f', 1.005G) }
show('bigdec2') { f('%f', 123.456789123G) }
show('bigdec e') { f('%e', 123.456G) }
show('bigdec g') { f('%g', 123.456G) }
show('bigdec s') { f('%s', 1.50G) }
show('int %f') { f('%f', 5) }
show('int %e') { f('%e', 5) }
show('double %d') { f('%d', 5.0d) }
show('str %d') { f('%d', 'x') }
show('bool %d') { f('%d', true) }
show('missing') { f('%s %s', 'a') }
show('unknown') { f('%q', 1) }
show('unknown2') { f('%', 1) }
show('trailing %') { f('abc%', 1) }
show('%x neg int') { f('%x', -1) }
show('%x neg long') { f('%x', -1L) }
show('%x neg big') { f('%x', -255G.toBigInteger()) }
show('%x big') { f('%x', 255G.toBigInteger()) }
show('%o') { f('%o|%o', 8, -8) }
show('%X') { f('%X|%#x|%#o|%#X', 255, 255, 8, 255) }
show('%x byte') { f('%x|%x', (byte)-1, (short)-1) }
show('%d flags') { f('%+d|% d|%(d|%05d|%-5d|%,d|%+,d|%(,d', 42, 42, -42, -42, 42, -1234567, 1234567, -1234567) }
show('%,d big') { f('%,d', 12345678901234567890G.toBigInteger()) }
show('%s width') { f('%5s|%-5s|%.2s|%5.1s|', 'abc', 'abc', 'abc', 'abc') }
show('%S') { f('%S', 'straße') }
show('%s null') { f('%s|%5s|%b|%c|%d|%x|%f|%e', null, null, null, null, null, null, null, null) }
show('%b') { f('%b|%b|%b|%B|%b', true, false, 'x', true, 0) }
show('%c') { f('%c|%c|%c|%C', 'a' as char, 65, 128512, 'b' as char) }
show('%c str') { f('%c', 'ab') }
show('%c bad cp') { f('%c', -1) }
show('%h') { f('%h|%h|%H|%h', 'hello', 42, 'hello', null) }
show('%n') { f('a%nb') }
show('%%') { f('%5%|%-5%|') }
show('index') { f('%2$s %1$s %2$s', 'a', 'b') }
show('relative') { f('%s %<s %s', 'a', 'b') }
show('relative first') { f('%<s', 'a') }
show('ordinary after explicit') { f('%2$s %s %s', 'a', 'b') }
show('index 0') { f('%0$s', 'a') }
show('index big') { f('%3$s', 'a') }
show('flag mismatch -') { f('%-d', 5) }
show('flag mismatch 0') { f('%0s', 'x') }
show('flag # s') { f('%#s', 'x') }
show('flag + s') { f('%+s', 'x') }
show('flag , x') { f('%,x', 5) }
show('flag + x') { f('%+x', 5) }
show('dup flag') { f('%--5d', 5) }
show('both + space') { f('%+ d', 5) }
show('both - 0') { f('%-05d', 5) }
show('prec d') { f('%.2d', 5) }
show('prec c') { f('%.2c', 'a' as char) }
show('prec x') { f('%.2x', 5) }
show('prec b') { f('%.1b|%5.2b', true, false) }
show('width n') { f('%5n') }
show('width %') { f('%.2%') }
show('%0 no width') { f('%0d', 5) }
show('- no width') { f('%-s', 'x') }
show('%e flags') { f('%+.2e|% .2e|%(.2e|%012.3e|%-12.2e|', 1234.5d, 1234.5d, -1234.5d, -1234.5d, 1.5d) }
show('%,f') { f('%,f|%,.0f|%,.3f', 1234567.5d, -1234567.5d, 0.5d) }
show('%(f') { f('%(.2f|%(,.2f', -3.14159d, -1234.5d) }
show('%#.0f') { f('%#.0f|%#.0e', 3d, 3d) }
show('%g flags') { f('%,g|%+g|%(g', 1234567.8d, 5d, -5d) }
show('%#g') { f('%#g', 5d) }
show('%s list') { f('%s', [1, 2]) }
show('%s map') { f('%s', [a: 1]) }
show('%d Long max') { f('%d|%d', Long.MAX_VALUE, Long.MIN_VALUE) }
show('%x Long min') { f('%x|%o', Long.MIN_VALUE, Long.MIN_VALUE) }
show('%f long') { f('%.1f', 3L) }
show('%f big int') { f('%.1f', 3G.toBigInteger()) }
show('%s big double') { f('%s|%s|%s', 1.0d, 1e7d, 1.0e-5d) }
show('%s float') { f('%s', 1.1f) }
show('%10.3e') { f('%10.3e|', 12345.6789d) }
show('%-10b') { f('%-10b|', true) }
show('%d Integer.MIN') { f('%d|%x', Integer.MIN_VALUE, Integer.MIN_VALUE) }
show('sprintf') { sprintf('%05.1f', 3.14159d) }
show('sprintf list') { sprintf('%s-%s', ['a', 'b']) }
show('sprintf array') { sprintf('%s-%s', ['a', 'b'] as Object[]) }
show('format groovy BigDecimal literal') { f('%.1f', 2.25) }
show('format 0.45') { f('%.1f|%.1f|%.1f', 0.45d, 0.35d, 0.25d) }
show('%.1f 0.05') { f('%.1f|%.2f|%.3f', 0.05d, 0.005d, 0.0005d) }
show('%.15f') { f('%.15f|%.17f|%.20f', 0.1d, 0.1d, 0.1d) }
show('%.17f float') { f('%.17f', 0.1f) }
show('%e float') { f('%e|%.10e', 0.1f, 0.1f) }
show('%g float') { f('%g|%.10g', 0.1f, 0.1f) }
show('%a float') { f('%a', 0.1f) }
show('%.0f big') { f('%.0f', 123456789012345678901234567890d) }
show('%e prec 20') { f('%.20e', 0.1d) }
show('%s with prec list') { f('%.3s', [1,2,3]) }
show('%-08d') { f('%-08d', 5) }
show('upper conversion flags') { f('%-8S|', 'ab') }

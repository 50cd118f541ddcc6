// Oracle for src/eval/jstr tests: run `groovy jstr.groovy`.
def show = { String label, Closure c -> try { def r = c(); println label + ' => ' + (r instanceof String ? "<" + r + ">" : r) } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
show('substring 5') { 'abc'.substring(5) }
show('substring -1') { 'abc'.substring(-1) }
show('substring 0,10') { 'abc'.substring(0, 10) }
show('substring 2,1') { 'abc'.substring(2, 1) }
show('charAt 5') { 'abc'.charAt(5) }
show('charAt -1') { 'abc'.charAt(-1) }
show('getAt 5') { 'abc'[5] }
show('getAt -1') { 'abc'[-1] }
show('getAt -4') { 'abc'[-4] }
show('getAt range') { 'abcdef'[1..3] }
show('getAt range oob') { 'abc'[1..5] }
show('indexOf from neg') { 'abcabc'.indexOf('b', -5) }
show('indexOf from big') { 'abcabc'.indexOf('b', 50) }
show('indexOf empty big') { 'abc'.indexOf('', 50) }
show('lastIndexOf') { 'abcabc'.lastIndexOf('b') }
show('lastIndexOf from') { 'abcabc'.lastIndexOf('b', 3) }
show('lastIndexOf empty') { 'abc'.lastIndexOf('') }
show('lastIndexOf empty neg') { 'abc'.lastIndexOf('', -3) }
show('trim') { '\u00a0 x \u2003'.trim() }
show('strip') { '\u00a0 x \u2003'.strip() }
show('tokenize') { 'a,b;;c'.tokenize(',;') }
show('tokenize ws') { ' a \t b\nc '.tokenize() }
show('tokenize char') { 'a.b'.tokenize('.' as char) }
show('tokenize empty') { ''.tokenize(',') }
show('split ws') { ' a \t b\nc '.split() as List }
show('readLines') { 'a\r\nb\rc\n\nd\n'.readLines() }
show('readLines empty') { ''.readLines() }
show('readLines nl') { '\n'.readLines() }
show('readLines trailing') { 'a\n\n'.readLines() }
show('stripIndent ws lines') { '  a\n    \n   b\n'.stripIndent() }
show('stripIndent tab') { '\ta\n  b'.stripIndent() }
show('stripIndent crlf') { '  a\r\n  b'.stripIndent() }
show('stripIndent empty') { ''.stripIndent() }
show('stripIndent all blank') { '   \n  '.stripIndent() }
show('stripIndent n') { '    ab\n  cd'.stripIndent(3) }
show('stripMargin') { '  |a\n  b\n |c\n'.stripMargin() }
show('stripMargin #') { '  #a\n  #b'.stripMargin('#') }
show('stripMargin crlf') { '  |a\r\n  |b'.stripMargin() }
show('capitalize') { 'ßa'.capitalize() }
show('capitalize empty') { ''.capitalize() }
show('uncapitalize') { 'ABC'.uncapitalize() }
show('center') { 'ab'.center(7, '123') }
show('center2') { 'ab'.center(6, '123') }
show('center3') { 'ab'.center(5) }
show('padLeft') { 'ab'.padLeft(7, '123') }
show('padRight') { 'ab'.padRight(7, '123') }
show('padLeft empty') { 'ab'.padLeft(7, '') }
show('padLeft short') { 'abc'.padLeft(2) }
show('hashCode') { 'hello'.hashCode() }
show('hashCode unicode') { 'héllo😀'.hashCode() }
show('hashCode long') { 'the quick brown fox jumps over the lazy dog'.hashCode() }
show('eqic') { 'ß'.equalsIgnoreCase('SS') }
show('eqic2') { 'İ'.equalsIgnoreCase('i') }
show('allWhitespace') { '\u00a0'.isAllWhitespace() }
show('allWhitespace2') { ' \t\u2003'.isAllWhitespace() }
show('allWhitespace empty') { ''.isAllWhitespace() }
show('isBlank') { '\u00a0'.isBlank() }
show('multiply neg') { 'ab' * -1 }
show('inspect') { "it's\\ \n\r\t\f\b\u0001\"x\$".inspect() }
show('inspect2') { 'a"b'.inspect() }
show('toBoolean') { [' TRUE ', 'y', 'Y', '1', ' 1', 'yes', '0', 'false', 't'].collect { it.toBoolean() } }
show('expand') { 'a\tbc\tx\n\tz'.expand() }
show('expand4') { 'a\tb'.expand(4) }
show('unexpand') { 'a       b'.unexpand() }
show('count') { 'aaa'.count('aa') }
show('count empty') { 'abc'.count('') }
show('replace empty') { 'abc'.replace('', '-') }
show('minus') { 'abcabc' - 'b' }
show('reverse') { 'ab😀c'.reverse() }
show('take') { 'ab😀c'.take(3) }
show('size emoji') { 'ab😀c'.size() }
show('compareTo') { ['a'.compareTo('c'), 'abc'.compareTo('ab'), 'a' <=> 'c', 'B'.compareToIgnoreCase('a')] }
show('normalize') { 'a\r\nb\rc'.normalize().inspect() }
show('denormalize') { 'a\r\nb\rc\n'.denormalize().inspect() }
show('toUpperCase') { 'straße ǆ'.toUpperCase() }
show('toLowerCase') { 'ΟΔΟΣ İ'.toLowerCase() }
show('contains') { 'abc'.contains('') }
show('startsWith') { 'abc'.startsWith('') }
show('isNumber') { ['1', '1.5', '-2', '1e3', 'x', '', ' 1', '0x10', '1_000', '+1', '.5', '5.'].collect { it.isNumber() } }
show('isInteger') { ['1', '-2', '+3', ' 1', '1.0', '99999999999', ''].collect { it.isInteger() } }
show('isLong') { ['1', '99999999999', '1L'].collect { it.isLong() } }
print "it's\\ \n\r\t\f\b\u0001\"x\$\u00e9".inspect()
println ''
println(['a\nb', 'x'].inspect())
println([a: 'it\'s'].inspect())
println 'a\u2028b'.inspect().length()
println(('   \n  '.stripIndent()).inspect())
println(('   \n  '.stripIndent(0)).inspect())
println(('  a\n  '.stripIndent(0)).inspect())
println(('  a\n  '.stripIndent(-1)).inspect())
println(('  '.stripIndent()).inspect())
println(('  \n'.stripIndent()).inspect())
println(('a\r\nb'.stripIndent()).inspect())
println(('a\r\nb'.stripMargin()).inspect())
println(('\u00a0a\n\u00a0b'.stripIndent()).inspect())
println(('\u2003a\n\u2003b'.stripIndent()).inspect())
println([''.readLines().size(), '\n'.readLines().size(), '\n\n'.readLines().size(), 'a\n\n'.readLines().size(), '\r\n'.readLines().size(), 'a\r'.readLines().size()])
def n = 0; '\n'.eachLine { n++ }; println n
println([''.tokenize().size(), ''.split(',').size(), ''.split().size()])
println 'ᾳ'.equalsIgnoreCase('ᾼ')
println 'ﬀ'.toUpperCase()
println 'ǅ'.capitalize() + 'ǆ'.capitalize()

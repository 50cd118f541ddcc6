// Oracle for src/eval/regex tests (more semantics): run `groovy regex_more.groovy > regex_more.out`.
def show = { String label, Closure c -> try { println label + ' => ' + c() } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message.replace('\n', '<NL>') } }
def all = { String p, String s -> (s =~ p).collect { it } }
show('lookbehind') { all(/(?<=\$)\d+/, 'a $12 b $3') }
show('neg lookbehind') { all(/(?<!\$)\b\d+/, 'a $12 b 3') }
show('lookahead') { all(/\w+(?=:)/, 'k1:v1 k2:v2') }
show('varlen lookbehind') { all(/(?<=a+)b/, 'aab b') }
show('x comment class') { 'a#' ==~ /(?x)a[#]/ }
show('x escaped space') { 'a b' ==~ /(?x)a\ b/ }
show('x newline comment') { 'ab' ==~ /(?x)a # first
 b # second/ }
show('d dot') { 'a\rb' ==~ /(?d)a.b/ }
show('d dollar') { ('a\r\n' =~ /(?d)a$/).find() }
show('d caret') { all(/(?md)^./, 'a\rb\nc') }
show('s flag') { 'a\nb' ==~ /(?s)a.b/ }
show('m flag dollar') { all(/(?m)\d$/, '1\n2\n3') }
show('Pattern flags') { java.util.regex.Pattern.compile('ABC', java.util.regex.Pattern.CASE_INSENSITIVE).matcher('abc').matches() }
show('Pattern LITERAL') { java.util.regex.Pattern.compile('a.b', java.util.regex.Pattern.LITERAL).matcher('a.b').matches() }
show('Pattern LITERAL2') { java.util.regex.Pattern.compile('a.b', java.util.regex.Pattern.LITERAL).matcher('axb').matches() }
show('Pattern COMMENTS') { java.util.regex.Pattern.compile('a b', java.util.regex.Pattern.COMMENTS).matcher('ab').matches() }
show('Pattern flags()') { java.util.regex.Pattern.compile('(?i)a', 8).flags() }
show('G after empty') { all(/\G/, 'ab').size() }
show('G x*') { all(/\Gx*/, 'xxaxx') }
show('split limit neg lead') { 'a1b2c3'.split('\\d', -1) as List }
show('split limit 1') { 'a,b,c'.split(',', 1) as List }
show('split zero-width lead') { ',a'.split('(?=,)') as List }
show('split only zero width start') { 'abc'.split('^') as List }
show('split lookbehind') { 'a1b2'.split('(?<=\\d)') as List }
show('split unicode') { 'é,ü'.split(',') as List }
show('replace unicode') { 'héllo wörld'.replaceAll(/ö|é/, '_') }
show('replace empty unicode') { 'éa'.replaceAll('', '-') }
show('find unicode start') { def m = 'éé😀x' =~ /x/; m.find(); [m.start(), m.end()] }
show('backtrack heavy') { ('a' * 30 + 'b') ==~ /(a|aa)*c/ }
show('nested quant') { ('aaaaaaaaaaaaaaaaaaaaaaaaaaaa!') ==~ /(a+)+b/ }
show('octal 3') { '\u00ff' ==~ /\0377/ }
show('octal 4') { '\u00208' ==~ /\0408/ }
show('ctl ?') { '\u007f' ==~ /\c?/ }
show('hex upper') { 'J' ==~ /\x4A/ }
show('unicode surrogate pair') { '😀' ==~ /\uD83D\uDE00/ }
show('class surrogate') { '😀' ==~ /[\uD83D\uDE00]/ }
show('emoji dot') { '😀' ==~ /./ }
show('emoji class range') { '😀' ==~ /[\x{1F600}-\x{1F64F}]/ }
show('class with dot') { all(/[.]/, 'a.b') }
show('class caret literal') { all(/[\^a]/, '^ba') }
show('class nested neg') { all(/[a-z&&[^b-y]]/, 'abyz') }
show('class union neg') { all(/[^abc[d]]/, 'abcde') }
show('class neg and') { all(/[^a-c&&b]/, 'abcd') }
show('ci range') { all(/(?i)[b-d]/, 'aBcDe') }
show('ci class neg') { all(/(?i)[^b]/, 'bB') }
show('ci backref unicode') { 'éÉ' ==~ /(?i)(é)\1/ }
show('ciu backref') { 'éÉ' ==~ /(?iu)(é)\1/ }
show('U \\s') { '\u2003' ==~ /(?U)\s/ }
show('\\s nbsp') { '\u00a0' ==~ /\s/ }
show('U \\d') { '٣' ==~ /(?U)\d/ }
show('\\d arabic') { '٣' ==~ /\d/ }
show('Alpha U') { 'é' ==~ /(?U)\p{Alpha}/ }
show('IsAlpha') { 'é' ==~ /\p{IsAlpha}/ }
show('IsPunct') { '¿' ==~ /\p{IsPunctuation}/ }
show('Punct unicode') { '¿' ==~ /\p{Punct}/ }
show('javaWhitespace') { [' ', '\u00a0', '\u2003', '\u001c'].collect { it ==~ /\p{javaWhitespace}/ } }
show('sc=') { 'α' ==~ /\p{sc=Greek}/ }
show('script=') { 'α' ==~ /\p{script=Greek}/ }
show('blk=') { 'α' ==~ /\p{blk=Greek}/ }
show('gc=') { 'a' ==~ /\p{gc=Ll}/ }
show('bad keyed') { 'a' ==~ /\p{foo=bar}/ }
show('bad sc') { 'a' ==~ /\p{sc=Foo}/ }
show('Empty family') { 'a' ==~ /\p{}/ }
show('named group name chars') { def m = 'ab' =~ /(?<n1>a)/; m.find(); m.group('n1') }
show('named group underscore') { 'a' ==~ /(?<a_b>a)/ }
show('k no <') { 'aa' ==~ /(a)\kx/ }
show('k bad') { 'aa' ==~ /(?<x>a)\k<x/ }
show('unknown group type') { 'a' ==~ /(?@a)/ }
show('lookbehind unbounded') { 'ab' ==~ /.(?<=a.*)b/ }
show('empty pattern find') { all('', 'ab') }
show('alternation empty') { all(/a|/, 'ba') }
show('repetition zero') { 'ab' ==~ /ax{0}b/ }
show('repetition exact') { all(/a{2}/, 'aaaaa') }
show('lazy question') { all(/ab??/, 'ab') }
show('possessive question') { 'ab' ==~ /ab?+b/ }
show('possessive counted') { 'aaa' ==~ /a{1,3}+a/ }
show('lazy counted') { all(/a{1,3}?/, 'aaa') }
show('quantified group capture') { def m = 'abcabd' =~ /(ab[cd])+/; m.find(); [m.group(), m.group(1)] }
show('quantified group unmatched') { def m = 'b' =~ /(a)*b/; m.find(); m.group(1) }
show('group in alt unmatched') { def m = 'b' =~ /(a)|b/; m.find(); [m.group(), m.group(1), m.start(1)] }
show('dollar in replacement class') { 'a.b'.replaceAll(/[.]/, '\\$') }
show('matches anchors') { 'abc'.matches('b') }
show('lookingAt') { def m = 'abc' =~ /ab/; [m.lookingAt(), m.group()] }
show('hitEnd-free find after matches') { def m = 'aXbX' =~ /X/; m.matches(); [m.find(), m.start()] }

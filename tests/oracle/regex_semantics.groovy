// Oracle for src/eval/regex tests (matching semantics): run `groovy regex_semantics.groovy`.
def show = { String label, Closure c -> try { println label + ' => ' + c() } catch (e) { println label + ' => ' + e.class.name + ': ' + e.message } }
show('bound é') { ('é' =~ /\bé\b/).find() }
show('bound café') { ('café bar' =~ /\b\w+\b/).collect{it} }
show('w é') { ('é' ==~ /\w/) }
show('ci É') { ('É' ==~ /(?i)é/) }
show('ciu É') { ('É' ==~ /(?iu)é/) }
show('ci kelvin') { ('\u212A' ==~ /(?i)k/) }
show('ci class') { ('Q' ==~ /(?i)[a-z]/) }
show('ci lower') { ('Q' ==~ /(?i)\p{Lower}/) }
show('dollar1') { ('a\n' =~ /a$/).find() }
show('dollar2') { ('a\n\n' =~ /a$/).find() }
show('dollar3') { ('a\r\n' =~ /a$/).find() }
show('dollar4') { ('a\r\n' =~ /a\r$/).find() }
show('dollar5') { ('a\u2028' =~ /a$/).find() }
show('Z1') { ('a\n\n' =~ /a\Z/).find() }
show('z1') { ('a\n' =~ /a\z/).find() }
show('caret ml empty') { ('' =~ /(?m)^/).find() }
show('caret ml end') { ('a\n' =~ /(?m)^/).collect{it}.size() }
show('caret ml count') { ('a\nb\r\nc\rd' =~ /(?m)^./).collect{it} }
show('dollar ml') { ('a\nb\r\nc' =~ /(?m).$/).collect{it} }
show('dot') { ('a\rb' =~ /a.b/).find() }
show('dot85') { ('a\u0085b' =~ /a.b/).find() }
show('dotall') { ('a\rb' =~ /(?s)a.b/).find() }
show('R atomic') { ('\r\n' ==~ /\R\n/) }
show('R') { ('\r\n' ==~ /\R/) }
show('empty repl') { 'abc'.replaceAll('b*', '-') }
show('empty repl2') { 'abc'.replaceAll('x*', '-') }
show('split empty') { 'abc'.split('') as List }
show('split empty2') { 'abc'.split('x*') as List }
show('split lead') { ',a,,b,,'.split(',') as List }
show('split neg') { ',a,,b,,'.split(',', -1) as List }
show('split 2') { ',a,,b,,'.split(',', 2) as List }
show('split only') { ','.split(',') as List }
show('split empty str') { ''.split(',') as List }
show('split lookahead') { 'AbcDef'.split('(?=[A-Z])') as List }
show('m group after size') { def m = 'a1b2' =~ /\d/; m.size(); m.find() }
show('m getAt neg') { def m = 'a1b2' =~ /\d/; m[-1] }
show('m getAt oob') { def m = 'a1b2' =~ /\d/; m[5] }
show('m group no find') { def m = 'a1b2' =~ /\d/; m.group() }
show('m toString') { def m = 'a1b2' =~ /\d/; m.toString() }
show('m toString2') { def m = 'a1b2' =~ /\d/; m.find(); m.toString() }
show('m bool twice') { def m = 'a1b2' =~ /\d/; [m ? 1 : 0, m.group(), m ? 1:0, m.group(), m ? 1 : 0] }
show('m start') { def m = 'é1b2' =~ /\d/; m.find(); [m.start(), m.end()] }
show('m start emoji') { def m = '😀1b2' =~ /\d/; m.find(); [m.start(), m.end()] }
show('no group') { def m = 'a1b2' =~ /\d/; m.find(); m.group(1) }
show('named') { def m = 'k=v' =~ /(?<key>\w)=(?<val>\w)/; m.find(); [m.group('key'), m.group('val'), m.start('val')] }
show('named bad') { def m = 'k=v' =~ /(?<key>\w)=(?<val>\w)/; m.find(); m.group('nope') }
show('matches then find') { def m = 'a1b2' =~ /\w\d/; [m.matches(), m.find(), m.find()] }
show('find int') { def m = 'a1b2' =~ /\d/; [m.find(2), m.group(), m.find(), m.find(9)] }
show('each groups') { def r = []; ('a1b2' =~ /(\w)(\d)/).each { r << it }; r }
show('each nogroups') { def r = []; ('a1b2' =~ /\w\d/).each { r << it }; r }
show('getAt list') { def m = 'ab' =~ /(a)(x)?/; m[0] }
show('hasGroup') { def m = 'ab' =~ /(a)(x)?/; [m.hasGroup(), m.groupCount()] }
show('count') { def m = 'ab' =~ /(a)(x)?/; m.count }
show('iterator twice') { def m = 'a1b2' =~ /\d/; [m.collect{it}, m.collect{it}] }
show('replaceFirst') { 'aaa'.replaceFirst('a', 'b') }
show('repl $2 bad') { 'ab'.replaceAll('(a)', '$2') }
show('repl $ end') { 'ab'.replaceAll('(a)', 'x$') }
show('repl \\ end') { 'ab'.replaceAll('(a)', 'x\\') }
show('repl $x') { 'ab'.replaceAll('(a)', '$x') }
show('repl ${}') { 'ab'.replaceAll('(a)', '${}') }
show('repl ${1}') { 'ab'.replaceAll('(a)', '${1}') }
show('repl ${n') { 'ab'.replaceAll('(?<n>a)', '${n') }
show('repl ${n}') { 'ab'.replaceAll('(?<n>a)', '[${n}]') }
show('repl ${m}') { 'ab'.replaceAll('(?<n>a)', '[${m}]') }
show('repl $11') { 'ab'.replaceAll('(a)', '[$11]') }
show('repl $0') { 'ab'.replaceAll('(a)', '[$0]') }
show('repl no match bad') { 'ab'.replaceAll('z', '$9') }
show('repl unmatched group') { 'ab'.replaceAll('(a)(x)?', '[$2]') }
show('quote') { java.util.regex.Pattern.quote('a\\Eb') }
show('quote2') { java.util.regex.Pattern.quote('a.b') }
show('quoteRepl') { java.util.regex.Matcher.quoteReplacement('a$b\\c') }
show('QE') { 'a.b' ==~ /\Qa.b\E/ }
show('QE2') { 'xa.b' ==~ /x\Qa.b/ }
show('possessive') { 'aaa' ==~ /a*+a/ }
show('atomic') { 'abc' ==~ /a(?>bc|b)c/ }
show('intersect') { ('abcdef' =~ /[a-z&&[^aeiou]]/).collect{it} }
show('intersect2') { ('abcdef' =~ /[a-f&&bcd]/).collect{it} }
show('union') { ('abcdef' =~ /[a[e-f]]/).collect{it} }
show('neg nested') { ('abcdef' =~ /[^a[e-f]]/).collect{it} }
show('backref') { 'abab' ==~ /(ab)\1/ }
show('backref ci') { 'abAB' ==~ /(?i)(ab)\1/ }
show('backref missing') { 'aa' ==~ /(a)\2/ }
show('backref 11') { 'aa1' ==~ /(a)\11/ }
show('backref fwd') { 'aa' ==~ /\1(a)/ }
show('octal') { 'A' ==~ /\0101/ }
show('hex') { 'A' ==~ /\x41/ }
show('hexbrace') { 'A' ==~ /\x{41}/ }
show('uni') { 'A' ==~ /\u0041/ }
show('ctl') { '\u0001' ==~ /\cA/ }
show('esc') { '\u001b' ==~ /\e/ }
show('h') { '\u00a0' ==~ /\h/ }
show('v') { '\u000b' ==~ /\v/ }
show('posix punct') { ('a!b"c#' =~ /\p{Punct}/).collect{it} }
show('javaLower') { ('aÉé' =~ /\p{javaLowerCase}/).collect{it} }
show('IsLatin') { ('aЖ' =~ /\p{IsLatin}/).collect{it} }
show('InGreek') { ('aα' =~ /\p{InGreek}/).collect{it} }
show('L') { ('a1é' =~ /\p{L}/).collect{it} }
show('IsL') { ('a1é' =~ /\p{IsL}/).collect{it} }
show('Lu') { ('aBé' =~ /\p{Lu}/).collect{it} }
show('Alpha') { ('aBé' =~ /\p{Alpha}/).collect{it} }
show('IsAlphabetic') { ('aBé1' =~ /\p{IsAlphabetic}/).collect{it} }
show('x mode') { 'ab' ==~ /(?x) a  b # comment/ }
show('x class') { 'b' ==~ /(?x)[a b]/ }
show('x class sp') { ' ' ==~ /(?x)[a b]/ }
show('U mode') { 'é' ==~ /(?U)\w/ }
show('G') { ('aab' =~ /\Ga/).collect{it} }
show('lazy') { ('<a><b>' =~ /<.+?>/).collect{it} }
show('brace literal') { 'a}' ==~ /a}/ }
show('bracket literal') { 'a]' ==~ /a]/ }
show('flags group') { 'aB' ==~ /a(?i:b)/ }
show('flags neg') { 'AB' ==~ /(?i)a(?-i)b/ }
show('rep zero-width') { 'a' ==~ /^*a/ }
show('empty alt') { ('ab' =~ /|a/).collect{it} }
show('alt') { ('ab' =~ /a|ab/).collect{it} }
show('class amp') { 'a&' ==~ /a[&]/ }
show('class dash') { ('a-z' =~ /[a\-z]/).collect{it} }
show('class first dash') { ('a-z' =~ /[-a]/).collect{it} }
show('class last dash') { ('a-z' =~ /[a-]/).collect{it} }
show('class w-z') { ('a-z_' =~ /[\w-z]/).collect{it} }
show('class ^ mid') { ('a^' =~ /[a^]/).collect{it} }
show('class esc ]') { ('a]' =~ /[\]]/).collect{it} }
show('class and amp') { ('a&b' =~ /[a&b]/).collect{it} }
show('class &&&') { ('a&b' =~ /[a&&&b]/).collect{it} }
show('class empty inter') { ('abc' =~ /[a&&]/).collect{it} }
show('class \\Q') { ('a.b' =~ /[\Q.\E]/).collect{it} }

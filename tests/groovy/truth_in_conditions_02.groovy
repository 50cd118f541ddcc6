def check(v) { v ? 'T' : 'F' }
println([null, '', 'x', 0, 0.0, 3, [], [1], [:], [a: 1]].collect { check(it) }.join())
def s = ''
if (!s) println 'empty string is falsy'
def n = 0
println n ?: 'zero replaced'
def l = []
println l ?: 'empty list replaced'
println(('' || null) as String)
println(!!'false')
println([] && true)
println(null ?: false ?: 0 ?: 'last')
while (l) { println 'never' }
def matcher = 'abc' =~ /z/
println matcher ? 'matched' : 'not matched'

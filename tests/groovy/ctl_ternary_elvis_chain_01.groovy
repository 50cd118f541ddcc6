def pick(a, b, c) { a ?: b ?: c ?: 'fallback' }
println pick(null, '', 'c')
println pick(0, [], [:])
println pick('a', 'b', 'c')
def n = 7
println n > 5 ? n > 6 ? 'big' : 'medium' : 'small'
def x = null
println x?.foo?.bar ?: 'nothing'
def m = [a: [b: [c: 'deep']]]
println m?.a?.b?.c
println m?.z?.b?.c
println m.a?.q?.length()
def s = null
println s?.size() ?: 0
println(s?.toString())
def flag = false
println !flag ? 'off' : 'on'

calls = []
def t(x) { calls << "t$x"; true }
def f(x) { calls << "f$x"; false }
println f(1) && t(2)
println t(3) || f(4)
println f(5) || t(6) && f(7)
println calls
println true & false
println true | false
println true ^ true
println !true
println(1 && 'a')
println((1 && 'a').getClass().name)
println(null || 0)

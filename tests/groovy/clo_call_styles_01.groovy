def twice(Closure c) { c(); c() }
def count = 0
twice { count++ }
println count
def apply(x, Closure c) { c(x) }
println apply(3) { it * it }
println apply(3, { it + 1 })
def opts(Map m, Closure c) { c(m.name) }
println opts(name: 'n') { "got $it" }
def both(Closure a, Closure b) { a() + b() }
println both({ 1 }) { 2 }
println([3, 1, 2].sort { -it })

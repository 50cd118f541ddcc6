def f(Map m) { m.collect { k, v -> "$k:$v" }.sort().join(',') }
println f(a: 1, b: 2)
println f([a: 1])
def g(Map opts, String x, int y = 0) { "${opts} ${x} ${y}" }
println g('x', a: 1)
println g(a: 1, 'x', 5)
println g('x', 5, a: 1, b: 2)
def h(x) { x.getClass().simpleName }
println h(a: 1)
println h([:])

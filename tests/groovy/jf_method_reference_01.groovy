def shout(String s) { s.toUpperCase() + '!' }
def add(a, b) { a + b }
def f = this.&shout
println f('hi')
println(['a', 'b'].collect(this.&shout))
def g = this.&add
println g(2, 3)
println g.curry(10)(5)
println g.maximumNumberOfParameters
println(['x', 'y'].collect { shout(it) }.join(','))

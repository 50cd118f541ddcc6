def join3 = { a, b, c -> "$a-$b-$c" }
println join3.curry('x')('y', 'z')
println join3.rcurry('z')('x', 'y')
println join3.ncurry(1, 'M')('a', 'c')
def inc = { it + 1 }
def dbl = { it * 2 }
println((inc >> dbl)(3))
println((inc << dbl)(3))
def pipeline = [inc, dbl, inc].inject { f, g -> f >> g }
println pipeline(5)
def trimUpper = { it.trim() } >> { it.toUpperCase() }
println trimUpper('  hi  ')

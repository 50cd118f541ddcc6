def names = ['beta', 'Alpha', 'gamma', 'alpha', 'Beta10', 'Beta2']
println names.sort(false)
println names.sort(false) { it.toLowerCase() }
println names.sort(false) { a, b -> a.compareToIgnoreCase(b) }
println 'a' < 'B'
println 'a'.compareToIgnoreCase('B') < 0
println 'abc'.equalsIgnoreCase('ABC')
println(['x', 'X'].contains('x'.toUpperCase()))
println 'file10' > 'file9'

def m = [a: 1]
m.putAll([b: 2, c: 3])
println m
println m.put('a', 10)
println m.put('z', 26)
println m.remove('b')
println m.remove('nope')
println m
m << [d: 4]
println m
m['e'] = 5
m.f = 6
println m
println m.size()
m.clear()
println m
println m.isEmpty()

def m = [zeta: 1, alpha: 3, mid: 2]
println m.sort()
println m
println m.sort { it.value }
println m.sort { a, b -> b.value <=> a.value }
println m.sort { a, b -> a.key <=> b.key }.keySet().toList()
println m.sort().getClass().simpleName
def t = new TreeMap(m)
println t
println t.firstKey()

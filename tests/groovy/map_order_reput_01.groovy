def m = [a: 1, b: 2, c: 3]
m.a = 10
println m
m.remove('a')
m.a = 11
println m
def h = new HashMap()
h.put('x', 1)
println h
def t = new TreeMap([b: 1, a: 2, c: 0])
println t
println t.keySet()
t.z = 5
println t.lastKey()
println t.headMap('c')
println([b: 1, a: 2].sort { it.key })

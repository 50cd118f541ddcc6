def k = 'dyn'
def m = [(k): 1, k: 2, 3: 'three', (1 + 1): 'two', (true): 't', (null): 'n']
println m
println m.dyn
println m.k
println m[3]
println m[2]
println m[true]
println m[null]
println m.keySet().collect { it?.getClass()?.simpleName }
def gk = "d${'yn'}"
println m[gk]
println m.containsKey(gk)

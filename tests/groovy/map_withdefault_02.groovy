def counts = [:].withDefault { 0 }
'a b a c b a'.split(' ').each { counts[it] += 1 }
println counts
def groups = [:].withDefault { [] }
[['x', 1], ['y', 2], ['x', 3]].each { k, v -> groups[k] << v }
println groups
println groups.get('z')
println groups
println groups.containsKey('q')
println groups.q
println groups.keySet()

println([3, null, 1].sort())
println(['b', null, 'a'].sort())
println(['b', 'B', 'a', 'A', '_', '1'].sort())
println(['10', '9', '100'].sort())
println(['10', '9', '100'].sort { it as int })
println([[2, 'b'], [1, 'z'], [2, 'a']].sort { a, b -> a[0] <=> b[0] ?: a[1] <=> b[1] })
println([1, 2.5, 2L, 0.5d].sort())
println(['x', 'yy', 'z'].sort { a, b -> b.size() <=> a.size() })
def people = [[n: 'b', a: 30], [n: 'a', a: 30], [n: 'c', a: 20]]
println people.sort { it.a }*.n
println people.sort { a, b -> a.a <=> b.a ?: a.n <=> b.n }*.n

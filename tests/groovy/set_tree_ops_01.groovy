def t = new TreeSet([5, 1, 3, 1])
println t
println t.first()
println t.last()
println t.collect { it * 2 }
println([3, 1, 2].toSet().sort())
println(([1, 2, 3] as Set).intersect([2, 3, 4] as Set).sort())
def seen = [] as Set
def dups = [1, 2, 1, 3, 2].findAll { !seen.add(it) }
println dups
println([1, 2] as Set == [1, 2])
println([1, 2] == [1, 2] as Set)
println t.headSet(3)

println([1, [2, [3, [4]]], []].flatten())
println([[a: 1], [[b: 2]]].flatten())
def xs = ['a', 'b', 'c']
println xs.withIndex()
println xs.indexed()
println xs.withIndex(1).collect { v, i -> "$i:$v" }
xs.eachWithIndex { v, i -> print "${i}=${v} " }
println()
println xs.collect { it }.withIndex().findAll { v, i -> i % 2 == 0 }*.getAt(0)

def a = [1, 2, 3, 4]
def b = [3, 4, 5]
println a.intersect(b)
println a.disjoint(b)
println a.disjoint([9])
println a + b
println a - b
println a - 3
println a + 5
println a * 2
println([1, 2, 2, 3, 2] - 2)
println([1, [2]] + [[3]])
println(a << 9)
println a
println([1, 2] as Set == [2, 1] as Set)

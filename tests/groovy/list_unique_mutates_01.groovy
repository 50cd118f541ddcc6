def a = [1, 2, 1, 3, 2]
def b = a.unique()
println a
println b.is(a)
def c = [1, 2, 1, 3]
println c.unique(false)
println c
def names = ['Bob', 'bob', 'Alice', 'ALICE', 'eve']
println names.unique(false) { it.toLowerCase() }
println names.unique(false) { x, y -> x.size() <=> y.size() }
println names.toUnique()

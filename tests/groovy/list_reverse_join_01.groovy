def a = [1, 2, 3]
def r = a.reverse()
println r
println a
println a.reverse(true).is(a)
println a
println a.join()
println a.join(', ')
println([].join(','))
println([null, 'x', 1].join('-'))
println([[1, 2], [3]].join('|'))

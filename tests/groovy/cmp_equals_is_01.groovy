def a = 'abc'
def b = 'ab' + 'c'
def g = "ab${'c'}"
println a == b
println a.equals(b)
println a == g
println a.equals(g)
println g.equals(a)
println a.is(a)
println([1, 2] == [1, 2])
println([1, 2].is([1, 2]))
println 1 == 1.0
println 1.equals(1.0)
println 1.0 == 1.00
println([1] == [1.0])
println(['a'] == ["${'a'}"])
println null == null
println null.equals(null)
println 'a' == null
println((Integer) 128 == (Integer) 128)

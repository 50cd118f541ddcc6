def a = [x: 1, y: 2]
def b = [y: 2, x: 1]
println a == b
println a.equals(b)
println a.is(b)
println([x: 1] == [x: 1L])
println([x: 1] == [x: 1.0])
println a + [z: 3]
println a + [x: 9]
println a - [x: 1]
println a - [x: 2]
println a
println((a + b).size())
println a.minus([y: 2])

def r = 1..5
println r
println r.size()
println r.from + ' ' + r.to
println r.contains(5)
println((1..<5).contains(5))
println r.collect { it * 2 }
println r.step(2)
println((5..1).toList())
println r.reverse()
println r.sum()
println r.getClass().name
println(('a'..'e').join(''))
println r.toList() == [1, 2, 3, 4, 5]
println r == [1, 2, 3, 4, 5]

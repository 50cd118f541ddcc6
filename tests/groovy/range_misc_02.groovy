def a = 2, b = 5
println((a..b).toList())
println((a..<b).size())
println((b..a).toList())
println((0..<3).collect { it * it })
println(('a'..'e').step(2))
println((1..10).findAll { it % 3 == 0 })
println((1..4).inject(1) { x, y -> x * y })
println((1..3).reverse().toList())
def r = 1..10
println r.subList(2, 4)
println r[0..2]
println r.isReverse()
println((10..1).isReverse())
println((1..0).size())

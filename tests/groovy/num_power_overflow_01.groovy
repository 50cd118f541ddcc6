println 2 ** 10
println((2 ** 10).getClass().name)
println 2 ** 31
println((2 ** 31).getClass().name)
println 2 ** 63
println((2 ** 64).getClass().name)
println 2 ** -1
println 2.0 ** 2
println 10 ** 0.5
println Integer.MAX_VALUE + 1
println Long.MAX_VALUE + 1
println Integer.MAX_VALUE * 2L
println 100000 * 100000
println 100000L * 100000

println 7 / 2
println((7 / 2).getClass().name)
println 6 / 3
println((6 / 3).getClass().name)
println 1 / 3
println 2 / 3
println 10 / 4.0
println 7.intdiv(2)
println(-7.intdiv(2))
println((-7).intdiv(2))
println 7 % 3
println(-7 % 3)
println 7L / 2
println 7.0d / 2
println((7.0d / 2).getClass().name)
println 1.0 / 8

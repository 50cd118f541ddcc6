println((1 + 1L).getClass().name)
println((1 + 1.0).getClass().name)
println((1 + 1.0d).getClass().name)
println((1L + 1.0f).getClass().name)
println((1.0 + 1.0d).getClass().name)
println((10G + 1).getClass().name)
println((10G / 3).getClass().name)
println((10G * 1.5).getClass().name)
println((Integer.MAX_VALUE + 1L).getClass().name)
println(('5' as Integer) + 5)
println 3 == 3.0
println 3L == 3
println 3.0d == 3.0
println 0.1d + 0.2d == 0.3d
println 0.1 + 0.2 == 0.3

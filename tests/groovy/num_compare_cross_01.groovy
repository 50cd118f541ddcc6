println 1 <=> 2
println 2.0 <=> 2
println 3L <=> 2.5d
println 10 > 9.99
println 1G == 1
println 1.0G == 1
println 1.0.equals(1.00)
println 1.0 == 1.00
println 1.equals(1L)
println 1 == 1L
println([1, 2.0, 3L, 0.5d, 4G].sort())
println([1, 2.0, 3L].max().getClass().name)
println 'b' > 'a'
println 'B' < 'a'

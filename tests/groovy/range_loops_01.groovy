for (i in 0..<3) print i
println()
(1..3).each { print it }
println()
3.times { print it }
println()
1.upto(3) { print it }
println()
3.downto(1) { print it }
println()
0.step(10, 3) { print "$it " }
println()
(10..1).step(4) { print "$it " }
println()
def r = 0..<0
println r.isEmpty()
println r.size()

def xs = ['a', 'b', 'c', 'd', 'e']
println xs[1..3]
println xs[1..<3]
println xs[-2..-1]
println xs[3..1]
println xs[0, 2, 4]
println xs[0..1, 3]
xs[0..1] = ['X']
println xs
xs[10] = 'z'
println xs.size()
println xs[7]
def n = 5
println xs[0..<n].size()

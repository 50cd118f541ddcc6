def xs = ['main', 'develop']
println 'main' in xs
println 'feature' in xs
println !('feature' in xs)
println 3 in 1..5
println 3.5 in 1..5
println 'b' in 'a'..'c'
println 'k' in [k: 1]
println 'v' in [k: 'v']
println 'ell' in 'hello'
println null in [null]
println 2L in [1, 2, 3]
println 2 in [1.0, 2.0]
println xs.contains('main')
println xs.isCase('develop')

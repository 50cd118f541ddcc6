def xs = [1, 2, 3, 4]
println xs.inject(0) { acc, x -> acc + x }
println xs.inject { acc, x -> acc * x }
println xs.inject([]) { acc, x -> acc << x * 2 }
println xs.sum()
println xs.sum(10)
println xs.sum { it * 2 }
println(['a', 'b', 'c'].sum())
println([[1], [2, 3]].sum())
println([].sum())
println([1.5, 2.5].sum())
println([1, 2.5].sum().getClass().name)
println(['x': 2, 'y': 3].inject(0) { acc, k, v -> acc + v })

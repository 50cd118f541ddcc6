def xs = ['pear', 'fig', 'banana', 'kiwi']
println xs.max()
println xs.min()
println xs.max { it.size() }
println xs.min { it.size() }
println xs.max { a, b -> a.size() <=> b.size() }
println([3, 7, 1].max())
println([].max())
def builds = [[n: 1, t: 30], [n: 2, t: 12], [n: 3, t: 45]]
println builds.max { it.t }.n
println builds.min { it.t }.n
println([2, 10, 3.5].max())

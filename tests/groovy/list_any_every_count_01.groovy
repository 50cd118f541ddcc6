def xs = ['build', 'test', 'deploy']
println xs.any { it.startsWith('t') }
println xs.every { it.size() > 3 }
println([].every { false })
println([].any { true })
println xs.count { it.contains('e') }
println([1, 1, 2, 3, 3, 3].count(3))
println xs.countBy { it.size() }
println([1, 2, 3, 4, 5].countBy { it % 2 == 0 ? 'even' : 'odd' })
println([null, 0, 'x'].any())
println([1, 'x'].every())

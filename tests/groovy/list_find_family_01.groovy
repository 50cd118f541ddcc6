def xs = [5, 8, 12, 3, 20]
println xs.find { it > 7 }
println xs.find { it > 100 }
println xs.findAll { it % 2 == 0 }
println xs.findAll()
println([0, 1, null, '', 'a', [], [0]].findAll())
println xs.findIndexOf { it > 7 }
println xs.findLastIndexOf { it > 7 }
println xs.findIndexValues { it > 7 }
println xs.findResult { it > 10 ? "big:$it" : null }
println xs.findResult('none') { it > 100 ? it : null }
println xs.findResults { it > 7 ? it * 2 : null }
println xs.grep { it > 7 }
println(['a1', 'b2', 'cc'].grep(~/.\d/))
println([1, 'a', 2.0, null].grep(Number))

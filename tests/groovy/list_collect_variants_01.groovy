def xs = [1, 2, 3]
println xs.collect { it * it }
println xs.collect()
println xs.collectMany { [it, it * 10] }
println xs.collectEntries { [(it): it.toString() * it] }
println xs.collectEntries { ["k$it", it] }.keySet()*.getClass()*.simpleName
println([[1, 2], [3, 4]].collect { a, b -> a + b })
println xs.collect(new HashSet()) { it % 2 }.sort()
println([a: 1, b: 2].collect { it.key * it.value })

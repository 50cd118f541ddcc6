def m = [one: 1, two: 2, three: 3]
def e = m.entrySet().first()
println e.key + '=' + e.value
println e
m.entrySet().each { it.value = it.value * 100 }
println m
println m.inject(0) { sum, entry -> sum + entry.value }
println m.collectMany { k, v -> [k] * (v / 100) }
println m.groupBy { it.value > 150 }
println m.findResult { k, v -> v > 150 ? k : null }
println m*.key
println m*.value

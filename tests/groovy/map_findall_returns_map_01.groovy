def m = [a: 1, b: 2, c: 3, d: 4]
def even = m.findAll { k, v -> v % 2 == 0 }
println even
println even.getClass().simpleName
println m.find { it.value > 2 }
println m.find { k, v -> v > 2 }.key
println m.findAll { it.key in ['a', 'c'] }
println m.collect { k, v -> v }.getClass().simpleName
println m.collectEntries { k, v -> [(k.toUpperCase()): v * 10] }
println m.any { k, v -> v > 3 }
println m.every { it.value > 0 }
println m.count { k, v -> v > 1 }
println m.min { it.value }
println m.max { a, b -> a.value <=> b.value }.key

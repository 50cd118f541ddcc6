c1 = { it }
c2 = { -> 1 }
c3 = { a, b -> a + b }
c4 = { String a, int b = 2 -> a * b }
c5 = { def x ->
    x
}
c6 = {
    println 'no params'
}
list.each { println it }
list.eachWithIndex { v, i -> println "$i: $v" }
map.collectEntries { k, v -> [(k): v] }

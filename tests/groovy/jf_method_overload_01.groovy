def describe(String s) { "string:${s}" }
def describe(Integer i) { "int:${i}" }
def describe(List l) { "list:${l.size()}" }
def describe(Map m) { "map:${m.keySet()}" }
def describe(Object o) { "object:${o}" }
println describe('x')
println describe(5)
println describe([1, 2])
println describe(a: 1, b: 2)
println describe(1.5)
println describe(null as String)
println describe("g${1}")

// Groovy 2.4: push appends, pop removes the LAST element (changed in Groovy 2.5)
def s = [1, 2]
s.push(3)
println s
println s.pop()
println s
s.add(0, 0)
println s
s.addAll([7, 8])
println s
s.addAll(1, [-1])
println s
println s.remove(s.size() - 1)
println s
println s.isEmpty()
def e = []
try { e.pop() } catch (ex) { println ex.class.name + ': ' + ex.message }

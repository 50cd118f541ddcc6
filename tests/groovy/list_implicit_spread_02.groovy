def items = [[name: 'a', dep: [id: 1]], [name: 'b', dep: [id: 2]]]
println items.name
println items.dep.id
println items*.dep*.id
println items.collect { it.dep.id }.sum()
class P { String n; P(String n) { this.n = n } }
def ps = [new P('x'), new P('y')]
println ps.n
println ps*.n
println ps.n.join('+')
println(['ab', 'cde']*.length())
println([[1, 2], [3]]*.size())
println([['a', 'b'], ['c']].collect { it.join() })

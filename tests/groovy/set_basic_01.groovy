def s = ['b', 'a', 'b', 'c'] as Set
println s.size()
println s.sort()
println s.contains('a')
println s.getClass().name
def l = new LinkedHashSet(['z', 'y', 'z', 'x'])
println l
println l.add('y')
println l.add('w')
println l
println l.toList().reverse()
println(l - ['y'])
println((l + ['a']).size())
println l.findAll { it > 'x' }.getClass().simpleName

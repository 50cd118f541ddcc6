// Groovy 2.4 on Java 8+: List.sort(Comparator) resolves to the JDK default method (returns void -> null), not the GDK sort
// Groovy 2.4: sort() mutates the receiver and returns it; sort(false) copies
def a = [3, 1, 2]
def b = a.sort()
println a
println b.is(a)
def c = [3, 1, 2]
def d = c.sort(false)
println c
println d
def e = ['bb', 'a', 'ccc']
e.sort { it.size() }
println e
e.sort { x, y -> y <=> x }
println e
println(['b', 'A', 'c'].sort(String.CASE_INSENSITIVE_ORDER))

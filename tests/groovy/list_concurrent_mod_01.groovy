// Modifying a list while iterating over it
def xs = [1, 2, 3, 4]
try {
  xs.each { if (it == 2) xs.remove((Object) it) }
} catch (e) { println e.class.name }
println xs
def ys = [1, 2, 3, 4]
ys.removeAll { it % 2 == 0 }
println ys
def zs = [1, 2, 3, 4]
def it2 = zs.iterator()
while (it2.hasNext()) { if (it2.next() > 2) it2.remove() }
println zs
def copy = [1, 2, 3]
copy.collect().each { if (it == 1) copy.remove((Object) it) }
println copy

// remove(int) removes by index; remove(Object) by value
def xs = [10, 20, 30, 40]
println xs.remove(1)
println xs
println xs
def ys = ['a', 'b', 'c', 'b']
println ys.remove('b')
println ys
println ys.removeAll { it == 'b' }
println ys
def zs = [1, 2, 3, 4, 5, 6]
zs.removeAll([2, 4])
println zs
zs.retainAll { it > 2 }
println zs
def ws = [5, 6, 7]
println ws.removeElement(6)
println ws
println ws.removeAt(0)
println ws
println xs.remove((Object) 30)

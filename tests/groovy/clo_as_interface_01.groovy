def byLen = { a, b -> a.size() <=> b.size() } as Comparator
def xs = ['ccc', 'a', 'bb']
Collections.sort(xs, byLen)
println xs
println xs.sort(false) { a, b -> b.size() <=> a.size() }
Runnable r = { println 'ran' }
r.run()
def tasks = [{ println 'task a' } as Runnable, { println 'task b' } as Runnable]
tasks.each { it.run() }
def callable = { 42 } as java.util.concurrent.Callable
println callable.call()
println([3, 1, 2].toSorted { a, b -> b <=> a })

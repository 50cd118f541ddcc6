for (c in 'abc') print c
println()
for (e in [x: 1, y: 2]) print "${e.key}${e.value} "
println()
for (i in 5..1) print i
println()
for (x in null) print 'never'
println 'after null loop'
for (x in [1, 2, 3].iterator()) print x
println()
for (String s : ['p', 'q']) print s
println()
int total = 0
for (int v : [1, 2, 3]) total += v
println total
def arr = [4, 5] as int[]
for (a in arr) print a
println()

def m = [b: 2, a: 1, c: 3]
m.each { k, v -> print "$k=$v;" }
println()
m.each { e -> print "${e.key}->${e.value};" }
println()
m.each { print it.getClass().simpleName.contains('Entry') ? 'E' : '?' }
println()
m.eachWithIndex { k, v, i -> print "$i:$k " }
println()
m.eachWithIndex { e, i -> print "$i:${e.value} " }
println()
for (e in m) { print e.key }
println()
for (k in m.keySet()) { print k }
println()

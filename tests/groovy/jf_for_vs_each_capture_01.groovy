// Classic Jenkins pitfall: in Groovy 2.4 a for-in loop variable is ONE variable shared by all
// closures created in the loop (all see the last value); each { name -> } gets a fresh one per call.
def branches = [:]
for (name in ['a', 'b', 'c']) {
  branches[name] = { -> "run ${name}" }
}
branches.each { k, v -> println "$k: ${v()}" }
def branches2 = [:]
['a', 'b', 'c'].each { name ->
  branches2[name] = { -> "run ${name}" }
}
branches2.each { k, v -> println "$k: ${v()}" }

def s = 'a1b2'
s.each { print "[$it]" }
println()
println s.collect { it.toUpperCase() }
println s.findAll { it.isNumber() }
println s.toList()
println s.toCharArray().length
println s.size()
println s.toSet().size()
println s.every { Character.isLetterOrDigit(it as char) }
println s.count('b')
def counts = [:]
'hello'.each { counts[it] = (counts[it] ?: 0) + 1 }
println counts
println 'hello'.toList().unique().join()

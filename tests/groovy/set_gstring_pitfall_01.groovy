// Pitfall: a GString and an equal String have different hash codes, so HashSet/contains miss
def name = 'a'
def s = ["${name}"] as Set
println s.contains('a')
println s.contains("${name}")
def l = ["${name}"]
println l.contains('a')
println 'a' in l
println l.any { it == 'a' }
def fixed = ["${name}".toString()] as Set
println fixed.contains('a')
def hs = new HashSet(['x', 'y'])
println hs.size()
println hs.contains('x')

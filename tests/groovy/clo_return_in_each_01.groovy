// return inside each only ends that closure call (acts like continue), never the method
def firstBig(list) {
  list.each { if (it > 10) return it }
  return 'none'
}
println firstBig([1, 20, 30])
def out = []
[1, 2, 3, 4].each {
  if (it % 2 == 0) return
  out << it
}
println out
def found = null
for (x in [1, 20, 30]) { if (x > 10) { found = x; break } }
println found
println([1, 20, 30].find { it > 10 })
def r = [1, 2, 3].collect { if (it == 2) return 'two'; it }
println r

// there is no break in each; people use any/find/every to stop early
def visited = []
[1, 2, 3, 4, 5].any {
  visited << it
  return it >= 3
}
println visited
visited.clear()
[1, 2, 3, 4, 5].every {
  visited << it
  it < 2
}
println visited
visited.clear()
try {
  [1, 2, 3].each { if (it == 2) throw new Exception('stop'); visited << it }
} catch (e) { }
println visited
def first = [3, 8, 11].find { it % 2 == 0 }
println first

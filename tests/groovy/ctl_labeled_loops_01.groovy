def grid = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
def found = null
outer:
for (row in grid) {
  for (v in row) {
    if (v == 5) { found = v; break outer }
  }
}
println found
def out = []
rows:
for (int i = 0; i < 3; i++) {
  for (int j = 0; j < 3; j++) {
    if (j > i) continue rows
    out << "$i$j"
  }
}
println out

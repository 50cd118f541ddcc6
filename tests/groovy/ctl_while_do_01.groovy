def i = 0
while (i < 5) {
  i++
  if (i == 2) continue
  if (i == 4) break
  print i
}
println()
def queue = ['a', 'b', 'c']
while (queue) {
  print queue.remove(0)
}
println()
int n = 10
def steps = 0
while (n != 1) { n = n % 2 == 0 ? n.intdiv(2) : 3 * n + 1; steps++ }
println steps
for (;;) { println 'once'; break }
int b = 10
for (int a = 0; a < b; a += 3) { print "$a,$b "; b -= 3 }
println()

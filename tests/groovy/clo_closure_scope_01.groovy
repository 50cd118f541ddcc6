def counter = 0
def incr = { counter++ }
3.times { incr() }
println counter
def makeAcc(start) {
  def total = start
  return { n -> total += n; total }
}
def acc = makeAcc(10)
acc(5)
println acc(1)
def acc2 = makeAcc(0)
println acc2(1)
println acc(0)
def x = 'outer'
def shadow = { -> def x2 = 'inner'; "${x} ${x2}" }
println shadow()

def processed = []
try {
  [1, 2, 3, 4].each {
    if (it == 3) throw new IllegalStateException("bad item ${it}")
    processed << it
  }
} catch (IllegalStateException e) {
  println e.message
}
println processed
def r = [1, 2, 3].collect {
  try { if (it == 2) throw new Exception('two'); it * 10 } catch (e) { "err:${e.message}" }
}
println r
def stacked = []
try {
  try { throw new RuntimeException('a') } finally { stacked << 'f1' }
} catch (e) { stacked << e.message } finally { stacked << 'f2' }
println stacked

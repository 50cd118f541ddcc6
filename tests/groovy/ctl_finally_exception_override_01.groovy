def f() {
  try {
    throw new RuntimeException('original')
  } finally {
    throw new IllegalStateException('from finally')
  }
}
try { f() } catch (e) { println e.class.simpleName + ': ' + e.message }
def g() {
  try { return 'value' } finally { println 'finally runs before return' }
}
println g()
def count = 0
def h() {
  for (i in 1..3) {
    try {
      if (i == 2) continue
      println "body $i"
    } finally {
      println "finally $i"
    }
  }
}
h()

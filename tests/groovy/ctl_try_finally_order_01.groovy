log = []
def f() {
  try {
    try {
      log << 'inner try'
      throw new RuntimeException('boom')
    } finally {
      log << 'inner finally'
    }
  } catch (RuntimeException e) {
    log << "outer catch ${e.message}"
    return 'from catch'
  } finally {
    log << 'outer finally'
  }
}
println f()
println log
def g() { try { return 'try' } finally { log << 'g finally' } }
println g()
println log.last()
def h() { try { throw new Exception('x') } catch (e) { return 'caught' } finally { return 'finally wins' } }
println h()

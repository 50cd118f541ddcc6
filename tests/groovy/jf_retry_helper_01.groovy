def retry(int times, Closure body) {
  def attempt = 0
  while (true) {
    attempt++
    try {
      return body(attempt)
    } catch (e) {
      println "attempt ${attempt} failed: ${e.message}"
      if (attempt >= times) throw e
    }
  }
}
println retry(3) { n -> if (n < 3) throw new Exception("flaky ${n}"); "ok after ${n}" }
try {
  retry(2) { n -> throw new Exception("always ${n}") }
} catch (e) {
  println "gave up: ${e.message}"
}

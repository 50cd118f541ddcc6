def results = [:]
def runStage(String name, Map results, Closure body) {
  try {
    body()
    results[name] = 'SUCCESS'
  } catch (Exception e) {
    results[name] = "FAILURE (${e.message})"
  }
}
runStage('build', results) { println 'building' }
runStage('test', results) { throw new RuntimeException('2 tests failed') }
runStage('lint', results) { def x = null; x.length() }
results.each { k, v -> println "$k => $v" }
println results.every { it.value == 'SUCCESS' } ? 'GREEN' : 'RED'
println results.count { k, v -> v.startsWith('FAIL') }

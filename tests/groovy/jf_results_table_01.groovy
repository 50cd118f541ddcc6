def results = [
  [stage: 'Checkout', status: 'SUCCESS', secs: 3],
  [stage: 'Unit tests', status: 'FAILURE', secs: 125],
  [stage: 'Build image', status: 'SUCCESS', secs: 61],
  [stage: 'Deploy', status: 'SKIPPED', secs: 0],
]
def w = results*.stage*.size().max()
println 'STAGE'.padRight(w) + '  STATUS   TIME'
println '-' * (w + 16)
results.sort { a, b -> b.secs <=> a.secs }.each { r ->
  def t = r.secs >= 60 ? "${r.secs.intdiv(60)}m${String.format('%02d', r.secs % 60)}s" : "${r.secs}s"
  println "${r.stage.padRight(w)}  ${r.status.padRight(7)}  ${t.padLeft(5)}"
}
def failed = results.findAll { it.status == 'FAILURE' }*.stage
println failed ? "Failed: ${failed.join(', ')}" : 'All good'
println "Total: ${results.sum { it.secs }}s"

def log = []
def deploy(boolean fail) {
  if (fail) throw new IllegalStateException("deploy failed")
  return 'ok'
}
def runStage(boolean fail, List log) {
  try {
    log << 'start'
    return deploy(fail)
  } catch (IllegalStateException e) {
    log << "caught: ${e.message}"
    throw e
  } finally {
    log << 'cleanup'
  }
}
println runStage(false, log)
try {
  runStage(true, log)
} catch (e) {
  println "outer: ${e.class.simpleName}: ${e.message}"
}
println log

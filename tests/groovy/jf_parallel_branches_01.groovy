def results = []
def parallel(Map branches) {
  branches.keySet().sort().each { k ->
    if (k != 'failFast') { branches[k]() }
  }
  return branches.size()
}
def platforms = ['linux', 'windows', 'macos']
def stages = [:]
platforms.each { p ->
  stages["Build ${p}"] = {
    results << "built-${p}"
  }
}
stages.failFast = true
println parallel(stages)
println results
println stages.keySet().collect { it.getClass().simpleName }

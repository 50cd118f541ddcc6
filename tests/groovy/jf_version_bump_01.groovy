def bump(String v, String part) {
  def (major, minor, patch) = v.tokenize('.').collect { it.toInteger() }
  switch (part) {
    case 'major': return "${major + 1}.0.0"
    case 'minor': return "${major}.${minor + 1}.0"
    default: return "${major}.${minor}.${patch + 1}"
  }
}
println bump('1.4.9', 'patch')
println bump('1.4.9', 'minor')
println bump('1.4.9', 'major')
println bump('1.4.9', 'patch').getClass().name
def m = '2.7.1-SNAPSHOT' =~ /^(\d+)\.(\d+)\.(\d+)(-SNAPSHOT)?$/
println m.matches()
println m[0]
println m[0][4] != null

def tags = ['v1.10.0', 'v1.2.3', 'v1.2.10', 'v2.0.0-rc1', 'v0.9.9', 'junk', 'v2.0.0']
def semver = tags.findAll { it ==~ /v\d+\.\d+\.\d+/ }
println semver
def key = { String t -> t.substring(1).tokenize('.')*.toInteger() }
def cmp = { a, b ->
  def ka = key(a), kb = key(b)
  [ka, kb].transpose().findResult { x, y -> x != y ? x <=> y : null } ?: 0
}
println semver.sort(false, cmp)
println semver.max(cmp)
def latestPerMajor = semver.groupBy { key(it)[0] }.collectEntries { k, v -> [k, v.max(cmp)] }
println latestPerMajor

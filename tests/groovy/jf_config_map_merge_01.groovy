def defaults = [agent: 'linux', timeout: 60, notify: [email: true, slack: false], stages: ['build']]
def user = [timeout: 30, notify: [slack: true], stages: ['build', 'test']]
def merged = defaults + user
println merged
def deepMerge(Map a, Map b) {
  def r = new LinkedHashMap(a)
  b.each { k, v -> r[k] = (v instanceof Map && r[k] instanceof Map) ? deepMerge(r[k], v) : v }
  r
}
println deepMerge(defaults, user)
println defaults.notify

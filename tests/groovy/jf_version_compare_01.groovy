def compareVersions(String a, String b) {
  def pa = a.tokenize('.').collect { it as int }
  def pb = b.tokenize('.').collect { it as int }
  for (int i = 0; i < Math.max(pa.size(), pb.size()); i++) {
    def x = i < pa.size() ? pa[i] : 0
    def y = i < pb.size() ? pb[i] : 0
    if (x != y) return x <=> y
  }
  return 0
}
println compareVersions('1.2.10', '1.2.9')
println compareVersions('1.2', '1.2.0')
println compareVersions('0.9', '1.0')
def versions = ['1.10.0', '1.2.0', '1.9.3', '1.2']
println versions.sort(false) { a, b -> compareVersions(a, b) }
println versions.sort(false)
println versions

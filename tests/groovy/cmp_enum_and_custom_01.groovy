class Version implements Comparable<Version> {
  int major, minor
  Version(String s) { def p = s.tokenize('.'); major = p[0] as int; minor = p[1] as int }
  int compareTo(Version o) { major <=> o.major ?: minor <=> o.minor }
  String toString() { "$major.$minor" }
}
def vs = ['1.10', '1.2', '0.9'].collect { new Version(it) }
println vs.sort(false)
println vs.max()
println new Version('1.2') < new Version('1.10')
println new Version('2.0') <=> new Version('2.0')
println new Version('2.0') == new Version('2.0')
println vs.min().toString()

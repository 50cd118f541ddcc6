// A user-defined toString() is used by println, GString interpolation, string concatenation and collection printing
class Artifact {
  String group, name, version
  String toString() { "${group}:${name}:${version}" }
}
def a = new Artifact(group: 'org.acme', name: 'core', version: '1.0')
println a
println "dep: ${a}"
println 'dep: ' + a
println([a, a].join(', '))
println([a])
println([main: a])
println a.toString().length()
println String.valueOf(a)

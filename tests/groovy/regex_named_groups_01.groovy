import java.util.regex.Pattern
def m = 'tag: v2.10.3' =~ /v(?<major>\d+)\.(?<minor>\d+)\.(?<patch>\d+)/
if (m.find()) {
  println m.group('major')
  println m.group('minor').toInteger() + 1
  println m.group('patch')
}
def p = Pattern.compile(/(?<key>[A-Z_]+)=(?<val>.*)/)
def mm = p.matcher('JAVA_HOME=/opt/jdk')
println mm.matches()
println mm.group('key') + ' -> ' + mm.group('val')
println mm.start('val')

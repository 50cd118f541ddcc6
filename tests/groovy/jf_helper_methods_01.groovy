def dockerTag(String branch, String build) {
  def clean = branch.replaceAll('[^A-Za-z0-9._-]', '-').toLowerCase()
  return "${clean}-${build}"
}
def isRelease(branch) {
  branch ==~ /release\/\d+\.\d+/
}
String shellQuote(String s) { "'" + s.replace("'", "'\"'\"'") + "'" }
println dockerTag('feature/JIRA-123_Foo', '42')
println isRelease('release/1.2')
println isRelease('release/1.2.3')
println shellQuote("it's")
println dockerTag('main', 7 as String)

def branches = ['feature/ABC-123-login', 'bugfix/XYZ-9', 'release/1.4.0', 'main', 'hotfix/1.4.1']
branches.each { b ->
  def m = b =~ /^(feature|bugfix)\/([A-Z]+-\d+)/
  if (m) {
    println "${b}: type=${m[0][1]} ticket=${m[0][2]}"
  } else if (b ==~ /(release|hotfix)\/\d+(\.\d+)+/) {
    println "${b}: version=${b.split('/')[1]}"
  } else {
    println "${b}: other"
  }
}

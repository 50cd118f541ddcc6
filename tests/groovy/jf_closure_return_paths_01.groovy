def pick = { String branch ->
  if (branch == 'main') return 'prod'
  switch (branch) {
    case ~/release\/.*/: return 'staging'
  }
  branch.startsWith('PR-') ? 'preview' : null
}
println(['main', 'release/1', 'PR-3', 'x'].collect(pick))
def implicitIf = { x -> if (x > 0) { 'pos' } else { 'non-pos' } }
println implicitIf(1) + ' ' + implicitIf(0)
def lastExpr = { def y = it * 2; y + 1 }
println lastExpr(5)
def noValue = { def z = 1 }
println noValue()
def assignOnly = { v -> v = v + 1 }
println assignOnly(1)
def eachResult = { [1, 2].each { } }
println eachResult()

def classify(int code) {
  if (code >= 500) 'server'
  else if (code >= 400) 'client'
  else if (code >= 300) { 'redirect' }
  else 'ok'
}
[200, 302, 404, 503].each { println classify(it) }
def check(v) {
  if (v) { return 'truthy' }
  'falsy'
}
println check('x')
println check('')
def assignedInIf = null
if ((assignedInIf = 'set') != null) println assignedInIf

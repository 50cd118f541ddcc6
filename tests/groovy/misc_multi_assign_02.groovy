def (a, b) = [1, 2]
println "$a $b"
def (x, y, z) = [1, 2]
println "$x $y $z"
def (p1, q1) = [1, 2, 3]
println "$p1 $q1"
(a, b) = [b, a]
println "$a $b"
def (String host, String port) = 'example.com:8080'.split(':')
println "$host ${port.toInteger() + 1}"
try {
  def (String h, int pn) = 'example.com:8080'.split(':')
  println pn
} catch (e) { println e.class.name + ': ' + e.message }
def (first, rest) = ['h', ['t1', 't2']]
println rest
def parts(s) { s.tokenize('/') }
def (org, repo) = parts('acme/widget')
println "$org|$repo"

// Classic C-style for: the loop variable is one variable shared by all closures
def closures = []
for (int i = 0; i < 3; i++) {
  closures << { -> i }
}
println closures.collect { it() }
def closures2 = []
for (int i = 0; i < 3; i++) {
  def j = i
  closures2 << { -> j }
}
println closures2.collect { it() }

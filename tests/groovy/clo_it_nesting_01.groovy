def out = []
['a', 'b'].each {
  def outer = it
  [1, 2].each { out << "${outer}${it}" }
}
println out
def r = [1, 2].collect { x -> [10, 20].collect { x + it } }
println r
def c = { -> it }
println c.maximumNumberOfParameters
def d = { it }
println d.maximumNumberOfParameters
println d()
println([[1, 2], [3, 4]].collect { it.collect { it * 10 } })

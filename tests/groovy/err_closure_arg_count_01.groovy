def c = { a, b -> a + b }
try { c(1) } catch (e) { println e.class.name + ': ' + e.message.readLines()[0] }
try { c(1, 2, 3) } catch (e) { println e.class.name }
def one = { x -> x }
// a one-parameter closure called with no argument gets null
try { println one() } catch (e) { println e.class.name }
def none = { -> 'n' }
try { none(1) } catch (e) { println e.class.name }
println([[1, 2], [3, 4]].collect { a, b -> a * b })
try { [1, 2].each { a, b -> println a } } catch (e) { println e.class.name }

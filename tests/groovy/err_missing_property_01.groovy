try { println undefinedVar } catch (e) { println e.class.name + ': ' + e.message }
class Pojo { String name = 'p' }
def p = new Pojo()
try { println p.nope } catch (e) { println e.class.name + ': ' + e.message }
try { p.nope = 1 } catch (e) { println e.class.name + ': ' + e.message }
try { println 'str'.nope } catch (e) { println e.message }
try { println 5.nope } catch (e) { println e.message }
println p.name
println p.properties.name
def m = [a: 1]
println m.nope
println m.'a'

int asInt() { '5' }
String asString() { 5 }
boolean asBool() { 'x' }
List asList() { 'abc' }
def check(Closure c) { try { def v = c(); println "${v} (${v.getClass().simpleName})" } catch (e) { println e.class.name + ': ' + e.message } }
check { asString() }
check { asBool() }
check { asInt() }
check { asList() }
int fromDouble() { 3.9d }
check { fromDouble() }

try { Integer i = 'abc' } catch (e) { println e.class.name + ': ' + e.message }
try { List l = 'abc' } catch (e) { println e.class.name + ': ' + e.message }
try { Map m = [1, 2] } catch (e) { println e.class.name + ': ' + e.message }
// Quirk: a one-character String casts to Integer via its char code
try { def n = (Integer) 'x'; println n } catch (e) { println e.class.name + ': ' + e.message }
try { def n = (Integer) 'xy'; println n } catch (e) { println e.class.name + ': ' + e.message }
try { def s = (String) 5; println s.getClass().name } catch (e) { println e.class.name + ': ' + e.message }
String s = 5
println s.getClass().name
int i = 3.9
println i
long l = 7
println l.getClass().name
def d = [1, 2] as String[]
println d.getClass().simpleName
boolean b = 'x'
println b

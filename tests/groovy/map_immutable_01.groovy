def m = [a: 1].asImmutable()
try { m.b = 2 } catch (e) { println e.class.name + ': ' + e.message }
try { m.put('c', 3) } catch (e) { println e.class.name + ': ' + e.message }
def l = [1, 2].asImmutable()
try { l << 3 } catch (e) { println e.class.name + ': ' + e.message }
try { l.add(3) } catch (e) { println e.class.name + ': ' + e.message }
println l
def u = Collections.unmodifiableList([1])
try { u.clear() } catch (e) { println e.class.name }
println m

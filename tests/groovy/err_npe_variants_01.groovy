def x = null
try { x.foo() } catch (e) { println e.class.name + ': ' + e.message }
try { x.bar } catch (e) { println e.class.name + ': ' + e.message }
try { x.size() } catch (e) { println e.class.name + ': ' + e.message }
try { x[0] } catch (e) { println e.class.name + ': ' + e.message }
try { x.length() } catch (e) { println e.class.name + ': ' + e.message }
try { x.bar = 1 } catch (e) { println e.class.name + ': ' + e.message }
try { x + 1 } catch (e) { println e.class.name + ': ' + e.message }
println x.toString()
println x.is(null)
println x == null
println "${x}"

try { 1 / 0 } catch (e) { println e.class.name + ': ' + e.message }
try { 1.intdiv(0) } catch (e) { println e.class.name + ': ' + e.message }
try { 5 % 0 } catch (e) { println e.class.name + ': ' + e.message }
try { 1.0 / 0 } catch (e) { println e.class.name + ': ' + e.message }
println 1.0d / 0
println(-1 / 0.0d)
println 0.0d / 0
try { 1 / 3.0G.setScale(0) } catch (e) { println e.class.name + ': ' + e.message }
try { Math.addExact(Integer.MAX_VALUE, 1) } catch (e) { println e.class.name + ': ' + e.message }

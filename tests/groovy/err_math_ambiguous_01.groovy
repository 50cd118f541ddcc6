// Quirk: Math.min/max with a BigDecimal literal and an int is ambiguous in Groovy 2.4
try { println Math.min(2.5, 1) } catch (e) { println e.class.name; println e.message.readLines()[0] }
println Math.min(2.5d, 1)
println Math.max(1, 2L)
println Math.max(2.5 as double, 3)
println([2.5, 1].min())

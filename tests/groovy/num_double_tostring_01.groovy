println 1.0d
println 100.0d
println 1e7d
println 1.0e-3d
println 1e-4d
println 12345678.9d
println 0.1f
println 1.0f / 3
println((double) 1 / 3)
println Double.valueOf('3.0')
println 3.14159d.round(2)
println 2.5d.round()
println 3.5d.round()
println((-2.5d).round())
// Quirk: Groovy 2.4 has no BigDecimal.round(int) (only Double/Float.round(int))
try { println 1.23456.round(3) } catch (MissingMethodException e) { println e.class.name }
println 1.23456d.round(3)
println Math.round(2.5)

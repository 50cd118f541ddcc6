println '12' as int
println(('12' as int).getClass().name)
println('3.7' as double)
println 3.7 as int
println((3.7 as int).getClass().name)
println 42 as String
println([1, 2, 2] as Set)
println(['a', 'b'] as String[])
println((['a', 'b'] as String[]).length)
println 'abc' as List
println((1..3) as List)
println 1 as Long
println '5' as BigDecimal
println(65 as char)
println 'true'.toBoolean()
println 'Y'.toBoolean()
println 'on'.toBoolean()

println 5.toString() + 1
println 3.14.toInteger()
println 3.99.intValue()
println 10.toBigDecimal() / 4
println 7.0.toLong()
println 65 as char
println ((char) 66)
println(('A' as char) + 1)
println ((int) ('A' as char))
println 5.isCase(5)
println 1000000.toString().length()
println 12.5.toString()
println 255.byteValue()
println 2.compareTo(3)
println 'A'.toCharacter() + 1

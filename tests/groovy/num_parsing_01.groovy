println Integer.parseInt('42')
println Integer.parseInt('ff', 16)
println Integer.valueOf('12') + 1
println Long.parseLong('9999999999')
println Double.parseDouble('1.5') * 2
println new BigDecimal('1.50') + 1
println '3'.toInteger() + '4'.toInteger()
println '3' + 4
println 3 + '4'
println Integer.toString(255, 2)
println Integer.toHexString(255)
println 255.toString().padLeft(5, '0')
println '1,234'.replace(',', '').toInteger()
println (('12.7' as double) as int)
println '12.7'.toBigDecimal().intValue()

['42', '-7', ' 3', '3.5', 'abc', '', '007', '1e3'].each {
  println "${it.inspect()} isNumber=${it.isNumber()} isInteger=${it.isInteger()} isDouble=${it.isDouble()}"
}
println '42'.toInteger() + 1
println '007'.toInteger()
println '3.5'.toBigDecimal() * 2
println '12'.toLong().getClass().name
println '2.50'.toDouble()

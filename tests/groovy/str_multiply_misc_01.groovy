println '=' * 10
println 'ab' * 3
println 'x' * 0
println '-'.multiply(4)
println 'abc'.reverse()
println 'a-b-c' - '-'
println 'hello'.count('l')
println 'Hello World'.toUpperCase() + ' ' + 'Hello World'.toLowerCase()
println 'hello world'.capitalize()
println 'Hello'.uncapitalize()
println 'hello'.next()
println 'a'.compareTo('b')

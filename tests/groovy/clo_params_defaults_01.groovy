def greet = { String name, String greeting = 'Hello' -> "${greeting}, ${name}!" }
println greet('Ann')
println greet('Bob', 'Hi')
def noArgs = { -> 'none' }
println noArgs()
def implicit = { "it=${it}" }
println implicit()
println implicit(5)
println implicit.maximumNumberOfParameters
println noArgs.maximumNumberOfParameters
println greet.parameterTypes*.simpleName
def varargs = { String... xs -> xs.length }
println varargs('a', 'b', 'c')
println varargs()

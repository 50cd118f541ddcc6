println 'a' + 1 + 2
println 1 + 2 + 'a'
println '' + null
println 'x' + [1, 2]
println 'x' + [k: 'v']
println 'n=' + 1.50
println 'd=' + 1.0d
println 'c=' + ('z' as char)
println 'b=' + true
def s = 'abc'
s <<= 'def'
println s
println s.getClass().simpleName
println 'a'.plus('b')
println "${1}" + "${2}"

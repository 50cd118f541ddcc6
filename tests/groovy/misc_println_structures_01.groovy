println null
println([null])
println([null, [null]])
println([a: null])
println([:])
println([])
println([[]])
println([[:]])
println([[a: 1, b: [c: [1, 2]]], [d: null]])
println(['a', "b${1}", 'c' as char])
println([1.0, 1.0d, 1.0f, 1L, 1G])
println(new Object[0])
println([1, 2] as int[])
println(['x'] as String[])
print 'no newline'
print null
println()

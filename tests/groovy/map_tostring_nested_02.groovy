println([:])
println([a: [:], b: [], c: null, d: [x: [1, [y: 'z']]]])
println([[a: 1], [b: 2]])
println([a: 'str', b: "gs${1}", c: 'c' as char, d: 1.50, e: 1e3, f: 10L])
println([1: [2: [3: 4]]])
println([a: 1].toString())
println([a: [b: 1]].inspect())
def m = [:]
m.self = 'x'
println m
println([key: 'a b', 'with space': 1, 'a-b': 2])

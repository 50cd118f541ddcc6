println 'abc'.inspect()
println "it's".inspect()
println 'tab\there\nnl'.inspect()
println 'back\\slash'.inspect()
println([1, 'two', null, [k: 'v'], 3.0].inspect())
println(['a': 1].inspect())
println 'x'.inspect().getClass().name
println(('c' as char).inspect())
println "gs${1}".inspect()

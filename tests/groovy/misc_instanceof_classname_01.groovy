def vals = [1, 1L, 1.0, 1.0d, 1.0f, 1G, 'a', "g${1}", 'c' as char, true, [], [:], 1..2, [1] as Set, [] as String[], null, { -> }, ~/x/, 'x' =~ /x/]
vals.each { println it == null ? 'null' : it.getClass().name }
println 1 instanceof Integer
println 1 instanceof Number
println 'a' instanceof CharSequence
println "g${1}" instanceof String
println "g${1}" instanceof GString
println([] instanceof Collection)
println null instanceof Object

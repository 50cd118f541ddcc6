def check(Closure c) { try { println c() } catch (e) { println e.class.name + ': ' + e.message } }
check { [1, 2] as Map }
check { 'abc' as Integer }
check { '12' as Integer }
check { [1, 2] as Set }
check { 5 as String }
check { 'true' as Boolean }
check { 'yes' as boolean }
check { '' as boolean }
check { 1 as Boolean }
check { (Number) 'x' }

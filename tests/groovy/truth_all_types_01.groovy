def vals = [null, 0, 1, -1, 0L, 0.0, 0.0d, 0.1, '', ' ', 'false', '0', [], [0], [:], [a: null],
            'x' as char, '\0' as char, true, false, new StringBuilder(), new StringBuilder('x'), [].iterator(), [1].iterator(), 0G]
vals.each { v -> println "${v?.getClass()?.simpleName}: ${v as boolean} ${!!v}" }
def m = 'abc' =~ /z/
println(m ? 'm-true' : 'm-false')
def m2 = 'abc' =~ /b/
println(m2 ? 'm2-true' : 'm2-false')

def check(Closure c) { try { c() } catch (AssertionError e) { println e.message } }
def a = 3, l = [1, 2], m = [k: 'v'], s = 'str'
check { assert a == 4 : 'm1' }
check { assert a + 1 * 2 == 4 : 'm2' }
check { assert l.size() == 3 : 'm3' }
check { assert l[0] > 5 : 'm4' }
check { assert m.k == 'x' : 'm5' }
check { assert !a : 'm6' }
check { assert s.startsWith('x') : 'm7' }
check { assert "g${a}" == 'h' : 'm8' }
check { assert a in [1, 2] : 'm9' }
check { assert l*.toString() == ['x'] : 'm10' }
check { assert a > 1 && a < 2 : 'm11' }
check { assert foo(a) : 'm12' }
check { assert a instanceof String : 'm13' }
check { assert (a ? null : 1) : 'm14' }
check { assert m.get('k', 'x') == 1 : 'm15' }
check { assert a == 4, "msg $a" }
check { assert null : 'm17' }
check { assert [a: 1] == [:] : 'm18' }
def foo(x) { false }

def check(Closure c) {
  try { c() } catch (AssertionError e) { println e.message; println '---' }
}
def a = 3, b = 4
check { assert a > 1 && b < 2 }
check { assert !(a == 3) }
check { assert [a, b] == [3, 5] }
check { assert [k: a] == [k: 4] }
check { assert "v$a" == 'v4' }
check { assert a == 4 : "a should be 4 but was $a" }
check { assert a + b == 8, 'sum' }

def check(Closure c) {
  try { c() } catch (AssertionError e) { println e.message; println '---' }
}
def s = 'hello'
def list = [1, 2, 3]
check { assert s.startsWith('x') }
check { assert list.contains(4) }
check { assert list.sum() > 10 }
check { assert list[0] == list[1] }
check { assert s.length() == list.size() }
check { assert null == s }

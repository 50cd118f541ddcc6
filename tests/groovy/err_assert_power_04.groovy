def check(Closure c) {
  try { c() } catch (AssertionError e) { println e.message; println '---' }
}
def m = [env: [name: 'dev'], n: 2]
check { assert m.env.name == 'prod' }
check { assert m.n in [1, 3] }
check { assert m.n instanceof String }
check { assert m.missing?.size() }
check { assert (m.n > 5 ? 'big' : 'small') == 'big' }
check { assert m.n * 2 == 5 }

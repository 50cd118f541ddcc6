def check(Closure c) {
  try { c() } catch (AssertionError e) { println e.message; println '---' }
}
def cfg = [name: 'app', tags: ['a', 'b']]
check { assert cfg.tags.size() == 3 }
check { assert cfg.name.toUpperCase() == 'APP2' }
check { assert 'c' in cfg.tags }
check { def v = null; assert v }

def attempt(Closure c) {
  try { c(); 'ok' }
  catch (IllegalArgumentException e) { 'IAE:' + e.message }
  catch (RuntimeException e) { 'RTE:' + e.class.simpleName }
  catch (Exception e) { 'EX:' + e.class.simpleName }
  catch (Throwable t) { 'T:' + t.class.simpleName }
}
println attempt { throw new NumberFormatException('nf') }
println attempt { throw new IllegalStateException('is') }
println attempt { throw new IOException('io') }
println attempt { throw new Error('err') }
println attempt { assert false }
println attempt { }
println attempt { [].get(0) }
